//! Text passes. `mojibake` (run before every other formatting pass, since it
//! changes widths) repairs UTF-8 that was read as Latin-1; `format` (run last)
//! removes trailing white space, keeps at most one blank line in a row and
//! ends the text with exactly one newline.
//!
//! Front matter, code blocks, HTML blocks and inline code spans are left
//! byte for byte. A hard line break written as two trailing spaces becomes a
//! backslash break, which renders the same and survives editors that trim.

use crate::diagnostic::Edit;
use crate::document::Document;
use crate::source::Span;
use crate::text::repair_mojibake;

/// Front matter, code blocks and HTML blocks, sorted.
fn protected_spans(doc: &Document<'_>) -> Vec<Span> {
    let mut protected: Vec<Span> = doc
        .code_blocks
        .iter()
        .map(|c| c.span)
        .chain(doc.html_blocks.iter().copied())
        // An inline code span or raw HTML tag across lines: the white space
        // at the end of its lines is content (a code span keeps its spaces,
        // raw HTML is passed through), so those lines are kept as they are.
        .chain(
            (doc.code_spans.iter().chain(&doc.html))
                .filter(|s| {
                    doc.text
                        .get(s.start..s.end)
                        .is_some_and(|t| t.contains('\n'))
                })
                .copied(),
        )
        .collect();
    if let Some(fm) = &doc.front_matter {
        protected.push(Span::new(
            fm.open.start,
            fm.close.map_or(fm.content.end, |c| c.end),
        ));
    }
    protected.sort();
    protected
}

/// Whether the line `[ls, le)` overlaps a protected span.
fn is_protected(protected: &[Span], ls: usize, le: usize) -> bool {
    protected.iter().any(|p| p.start <= le && ls < p.end)
}

/// Edits repairing mojibake on unprotected lines, outside inline code spans.
pub fn mojibake(doc: &Document<'_>) -> Vec<Edit> {
    let text = doc.text;
    let protected = protected_spans(doc);
    let mut edits = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let le = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if !is_protected(&protected, pos, le) {
            let line = &text[pos..le];
            let repaired = repair_outside_code(line, pos, &doc.code_spans);
            if repaired != line {
                edits.push(Edit::replace(Span::new(pos, le), repaired));
            }
        }
        pos = le + 1;
    }
    edits
}

pub fn format(text: &str) -> String {
    let doc = Document::parse(text);
    let protected = protected_spans(&doc);
    let in_protected = |ls: usize, le: usize| is_protected(&protected, ls, le);
    let eof_in_code = doc
        .code_blocks
        .last()
        .is_some_and(|c| c.span.end >= text.trim_end().len() && unclosed_fence(c.span.text(text)));

    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0usize;
    let mut pos = 0usize;
    let mut any = false;
    while pos < text.len() {
        let le = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..le];
        let next = (le + 1).min(text.len()).max(le);
        if in_protected(pos, le) {
            out.push_str(line);
            out.push('\n');
            blank_run = 0;
            any = true;
            pos = if le == text.len() { text.len() } else { next };
            continue;
        }
        let trimmed = line.trim_end();
        // A U+FEFF that would start the output is a byte order mark to every
        // reader, the next `normalize` included (which would drop it, as it
        // drops the input's BOM): it goes now, so that normalizing is
        // idempotent (fuzz/regressions/normalize/newline-bom).
        let bom = if any {
            0
        } else {
            trimmed.len() - trimmed.trim_start_matches('\u{feff}').len()
        };
        let content = &trimmed[bom..];
        if content.is_empty() {
            blank_run += 1;
            // Leading blank lines go, except one before a `---` that must not
            // turn into front matter.
            if blank_run == 1 && (any || text[le..].trim_start().starts_with("---")) {
                out.push('\n');
            }
            pos = if le == text.len() { text.len() } else { next };
            continue;
        }
        blank_run = 0;
        any = true;
        let content_end = pos + trimmed.len();
        // Hard breaks are in document order: a binary search, not a scan
        // per line (which was quadratic on documents with many of them).
        let hard_break = line.len() - trimmed.len() >= 2 && {
            let i = doc.hard_breaks.partition_point(|h| h.start < content_end);
            doc.hard_breaks.get(i).is_some_and(|h| h.start <= le)
        };
        out.push_str(content);
        if hard_break {
            out.push('\\');
        }
        out.push('\n');
        pos = if le == text.len() { text.len() } else { next };
    }
    // Exactly one final newline (unless the text ends inside an unclosed code block).
    if !eof_in_code {
        while out.ends_with("\n\n") {
            out.pop();
        }
    } else if !text.ends_with('\n') && out.ends_with('\n') {
        out.pop();
    }
    out
}

/// Repairs mojibake in `line` (which starts at `base`) outside inline code spans.
fn repair_outside_code(line: &str, base: usize, code_spans: &[Span]) -> String {
    let end = base + line.len();
    let mut out = String::with_capacity(line.len());
    let mut pos = base;
    // Code spans are in document order and disjoint: skip those before the
    // line by binary search, stop at the first after it.
    let first = code_spans.partition_point(|c| c.end <= base);
    for c in code_spans[first..].iter().take_while(|c| c.start < end) {
        let s = c.start.max(pos);
        out.push_str(&repair_mojibake(&line[pos - base..s - base]));
        let e = c.end.min(end);
        out.push_str(&line[s - base..e - base]);
        pos = e;
    }
    out.push_str(&repair_mojibake(&line[pos - base..]));
    out
}

/// Whether a fenced code block's text lacks its closing fence (it then runs to the end of the text).
fn unclosed_fence(block: &str) -> bool {
    let first = block.trim_start();
    let Some(fence) = first.chars().next().filter(|c| *c == '`' || *c == '~') else {
        return false;
    };
    let mut lines = block.lines();
    let _ = lines.next();
    match lines.last() {
        Some(last) => {
            let t = last.trim();
            !(t.len() >= 3 && t.chars().all(|c| c == fence))
        }
        None => true,
    }
}
