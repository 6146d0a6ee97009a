// Where speclint's diagnostics and fix edits land in a CodeMirror document.
//
// speclint reports 1-based lines and columns counted in UTF-16 code units (the
// package's default `columnEncoding`), which is exactly how CodeMirror counts
// positions; `start`/`end` are byte offsets into the UTF-8 text, kept as a
// cross-check (test/positions.test.js asserts both agree on every example).
// The text given to speclint is `doc.toString()`, so lines match one to one.

/** CodeMirror offset of a 1-based line and UTF-16 column, clamped into the document. */
export function offsetOf(doc, line, column) {
  if (line < 1) return 0;
  if (line > doc.lines) return doc.length;
  const l = doc.line(line);
  return Math.min(l.from + Math.max(column, 1) - 1, l.to);
}

/** `{from, to}` of anything with line/column/endLine/endColumn (a diagnostic or an edit). */
export function rangeOf(doc, item) {
  const from = offsetOf(doc, item.line, item.column);
  const to = Math.max(from, offsetOf(doc, item.endLine ?? item.line, item.endColumn ?? item.column));
  return { from, to };
}

/** CodeMirror changes for a fix's edits: `{from, to, insert}` sorted by position. */
export function fixChanges(doc, fix) {
  return fix.edits
    .map((e) => ({ ...rangeOf(doc, e), insert: e.text }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
}

/**
 * Byte offsets (UTF-8) to UTF-16 offsets of `text`, for sorted or unsorted
 * offsets in one pass. Used to cross-check the line/column mapping.
 */
export function byteToUtf16(text, offsets) {
  const order = offsets.map((o, i) => [o, i]).sort((a, b) => a[0] - b[0]);
  const out = new Array(offsets.length);
  let bytes = 0;
  let i = 0;
  let k = 0;
  while (k < order.length) {
    if (bytes >= order[k][0] || i >= text.length) {
      out[order[k][1]] = i;
      k++;
      continue;
    }
    const c = text.codePointAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += c >= 0x10000 ? 2 : 1;
  }
  return out;
}

/**
 * The edits of several fixes that can be applied together: fixes are taken
 * in order and a fix whose edits touch one already taken is skipped (the rule
 * the core's normalizer uses). Returns CodeMirror changes and the fixes taken.
 */
export function combineFixes(doc, fixes) {
  const taken = [];
  const used = [];
  for (const fix of fixes) {
    const changes = fixChanges(doc, fix);
    if (changes.length === 0) continue;
    const overlaps = changes.some((c) =>
      taken.some(
        (t) => (c.from < t.to && t.from < c.to) || ((c.from === c.to || t.from === t.to) && c.from === t.from),
      ),
    );
    if (overlaps) continue;
    taken.push(...changes);
    used.push(fix);
  }
  taken.sort((a, b) => a.from - b.from || a.to - b.to);
  return { changes: taken, fixes: used };
}
