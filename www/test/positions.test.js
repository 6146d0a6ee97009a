// Diagnostics and fix edits land on the right CodeMirror positions: the
// line/UTF-16-column mapping the page uses (src/positions.js) agrees with the
// byte offsets speclint reports, on every example document and on documents
// with emoji, CJK and combining characters; applying fixes through CodeMirror
// gives the same text as applying their byte-offset edits to the UTF-8 bytes.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";
import { EditorState, Text } from "@codemirror/state";
import { validate } from "../../pkg/index.js";
import { byteToUtf16, combineFixes, fixChanges, rangeOf } from "../src/positions.js";
import { DamagedLink, decodeHash, encodeHash } from "../src/share.js";

const examples = new URL("../../examples/", import.meta.url);
const read = (p) => readFileSync(new URL(p, examples), "utf8");
const docs = [];
for (const dir of ["", "valid/", "invalid/", "adr/"]) {
  for (const name of readdirSync(new URL(dir || ".", examples))) {
    if (name.endsWith(".md")) docs.push([dir + name, read(dir + name)]);
  }
}
const orders = read("valid/orders-db.md");
docs.push([
  "emoji and CJK before and inside flagged values",
  orders
    .replace("title: Orders Service Database Schema", "title: Orders 🚀 データベース 𝒳")
    .replace("status: approved", "status: 🚀in-review")
    .replace("applicability: [web, mobile]", "applicability: [web, 手机, e\u0301cran]")
    .replace("## Purpose\n", "## Purpose\nÉmoji 👩‍👩‍👧 here, 表格 there.\n")
    .replace("| id | uuid |", "| id 🔑 | uuid |"),
]);

function applyBytes(text, edits) {
  const bytes = Buffer.from(text, "utf8");
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts = [];
  let pos = 0;
  for (const e of sorted) {
    parts.push(bytes.subarray(pos, e.start), Buffer.from(e.text, "utf8"));
    pos = e.end;
  }
  parts.push(bytes.subarray(pos));
  return Buffer.concat(parts).toString("utf8");
}

test("diagnostic and edit ranges from line/column equal those from byte offsets", () => {
  let diagnostics = 0;
  let edits = 0;
  let nonAsciiBefore = 0;
  for (const [name, text] of docs) {
    const doc = Text.of(text.split("\n"));
    assert.equal(doc.toString(), text);
    for (const d of validate(text).diagnostics) {
      const [from, to] = byteToUtf16(text, [d.start, d.end]);
      assert.deepEqual(rangeOf(doc, d), { from, to }, `${name}: ${d.code} at ${d.line}:${d.column}`);
      diagnostics++;
      if (/[^\x00-\x7f]/.test(text.slice(doc.line(d.line).from, from))) nonAsciiBefore++;
      for (const e of d.fix?.edits ?? []) {
        const [ef, et] = byteToUtf16(text, [e.start, e.end]);
        assert.deepEqual(rangeOf(doc, e), { from: ef, to: et }, `${name}: ${d.code} edit`);
        edits++;
      }
    }
  }
  assert.ok(diagnostics > 40, `only ${diagnostics} diagnostics checked`);
  assert.ok(edits > 5, `only ${edits} edits checked`);
  assert.ok(nonAsciiBefore >= 2, "no diagnostic sits after non-ASCII text on its line");
});

test("a fix applied through CodeMirror equals its byte edits applied to the UTF-8 text", () => {
  let fixes = 0;
  for (const [name, text] of docs) {
    const state = EditorState.create({ doc: text });
    for (const d of validate(text).diagnostics) {
      if (!d.fix?.edits.length) continue;
      const viaEditor = state.update({ changes: fixChanges(state.doc, d.fix) }).state.doc.toString();
      assert.equal(viaEditor, applyBytes(text, d.fix.edits), `${name}: ${d.fix.title}`);
      fixes++;
    }
  }
  assert.ok(fixes > 5);
});

test("the FM008 quick fix after an emoji replaces exactly the value", () => {
  const text = docs.find(([name]) => name.startsWith("emoji"))[1];
  const d = validate(text).diagnostics.find((x) => x.code === "FM008");
  assert.ok(d, "FM008 expected");
  const state = EditorState.create({ doc: text });
  const { from, to } = rangeOf(state.doc, d);
  assert.equal(state.sliceDoc(from, to), "🚀in-review");
  const fixed = state.update({ changes: fixChanges(state.doc, d.fix) }).state;
  assert.equal(fixed.doc.line(d.line).text, "status: draft");
  assert.ok(!validate(fixed.doc.toString()).diagnostics.some((x) => x.code === "FM008"));
});

test("combineFixes takes fixes in order and skips one that overlaps a taken one", () => {
  const doc = Text.of(["abcdef"]);
  const edit = (c, e, t) => ({ line: 1, column: c, endLine: 1, endColumn: e, text: t });
  const a = { edits: [edit(1, 3, "X")] };
  const b = { edits: [edit(2, 4, "Y")] }; // overlaps a
  const c = { edits: [edit(5, 5, "Z"), edit(6, 7, "")] };
  const { changes, fixes } = combineFixes(doc, [a, b, c]);
  assert.deepEqual(fixes, [a, c]);
  const out = EditorState.create({ doc: "abcdef" }).update({ changes }).state.doc.toString();
  assert.equal(out, "XcdZe");
});

test("share links round-trip any text, the type choice and a custom type; a corrupt link throws DamagedLink", async () => {
  const text = orders + "\n𝒳 👩‍👩‍👧 データ\u0000\r\n" + "x".repeat(100_000);
  const hash = await encodeHash(text, "database-schema");
  assert.match(hash, /^type=database-schema&doc=[A-Za-z0-9_-]+$/);
  assert.ok(hash.length < text.length / 5, `link of ${hash.length} chars is barely compressed`);
  assert.deepEqual(await decodeHash("#" + hash), { text, specType: "database-schema", customType: null });
  // "From spec_type" is carried too (empty), so the receiver's own choice does not apply.
  assert.deepEqual(await decodeHash("#" + (await encodeHash("a", ""))), { text: "a", specType: "", customType: null });
  const withType = await encodeHash("a", "adr", "id: adr\nname: ADR\n");
  assert.match(withType, /^type=adr&ctype=[A-Za-z0-9_-]+&doc=[A-Za-z0-9_-]+$/);
  assert.deepEqual(await decodeHash("#" + withType), { text: "a", specType: "adr", customType: "id: adr\nname: ADR\n" });
  // A link made before the type was carried: no choice.
  assert.deepEqual(await decodeHash("#doc=" + (await encodeHash("a", "")).split("doc=")[1]), { text: "a", specType: null, customType: null });
  assert.equal(await decodeHash("#other=1"), null);
  await assert.rejects(decodeHash("#doc=AAAA-not-deflate"), (e) => e instanceof DamagedLink && /this link is damaged/.test(e.message));
});
