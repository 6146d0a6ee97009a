// The ESM entry: import with no init, UTF-16 positions, custom types, rule
// levels, errors, bytes, and the module surviving errors.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  Linter,
  frontMatterSchema,
  parseConfig,
  renderDiagnostics,
  rules,
  specTypes,
  validate,
  version,
} from "speclint";
import { read } from "./helpers.js";

const ADR = read("examples/types/adr.yaml");
const ORDERS = read("examples/valid/orders-db.md");
const codes = (r) => r.diagnostics.map((d) => d.code);

test("import works without init and validates", () => {
  const pj = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  assert.equal(version(), pj.version, "package.json and Cargo.toml versions agree");
  const r = validate(ORDERS);
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.specType, "database-schema");
  assert.equal(r.typeSource, "front-matter");
  assert.equal(r.declaresSpecType, true);
});

test("positions: 1-based lines, columns in UTF-16 code units by default, byte offsets", () => {
  // "😀" is 2 UTF-16 code units and 4 bytes; "表" 1 code unit and 3 bytes.
  const text = "---\nspec_type: database-schema\ntitle: 😀表 x\nstatus: in-review\n---\n";
  const d = validate(text).diagnostics.find((x) => x.code === "FM008");
  assert.ok(d, "FM008 reported");
  assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [4, 9, 4, 18]);
  assert.equal(Buffer.from(text).subarray(d.start, d.end).toString(), "in-review");

  const doc = ORDERS.replace("## Purpose\n", "## Purpose\n\nOwner 😀表 is <team_name> here.\n");
  const p = validate(doc).diagnostics.find((x) => x.code === "TR001");
  const line = doc.split("\n")[p.line - 1];
  assert.equal(line, "Owner 😀表 is <team_name> here.");
  assert.equal(p.column, line.indexOf("<team_name>") + 1, "UTF-16 column: the JS string index + 1");
  assert.equal(p.endColumn, line.indexOf(" here") + 1);
  const u = validate(doc, { columnEncoding: "unicode" }).diagnostics.find((x) => x.code === "TR001");
  assert.equal(u.column, p.column - 1, "the emoji is one scalar value but two UTF-16 code units");
  assert.equal(u.start, p.start, "byte offsets do not depend on the column encoding");
  assert.equal(Buffer.from(doc).subarray(p.start, p.end).toString(), "<team_name>");
});

test("custom spec types: YAML text, file, object; a type object is parsed like YAML", () => {
  const doc = read("examples/adr/0001-use-postgres.md");
  const unknown = validate(doc);
  assert.equal(unknown.specType, null);
  for (const t of [ADR, { path: "examples/types/adr.yaml", text: ADR }, specTypes({ types: [ADR] })[1]]) {
    const r = validate(doc, { types: [t] });
    assert.equal(r.specType, "adr");
    assert.deepEqual(r.diagnostics, [], JSON.stringify(r.diagnostics));
  }
  assert.deepEqual(specTypes({ types: [ADR] }).map((t) => t.id), ["database-schema", "adr"]);
  const linter = new Linter({ types: [ADR] });
  assert.equal(linter.specType("adr").name, "Architecture Decision Record");
  assert.equal(linter.validate(doc, { path: "a.md" }).specType, "adr");
  assert.equal(frontMatterSchema("adr", { types: [ADR] }).properties.status.enum.length, 4);
  assert.deepEqual(linter.frontMatterSchema("adr"), frontMatterSchema("adr", { types: [ADR] }));
});

test("rule levels by code or name, and explicit or default spec types", () => {
  const doc = "---\nspec_type: database-schema\nstatus: in-review\nbogus: 1\n---\n";
  assert.ok(codes(validate(doc)).includes("FM006"));
  assert.ok(!codes(validate(doc, { rules: { FM006: "off" } })).includes("FM006"));
  assert.ok(!codes(validate(doc, { rules: { "unknown-field": "off" } })).includes("FM006"));
  const lvl = (o) => validate(doc, o).diagnostics.find((d) => d.code === "FM008").severity;
  assert.equal(lvl({}), "error");
  assert.equal(lvl({ rules: { "value-not-allowed": "info" } }), "info");
  assert.equal(lvl({ rules: { FM008: "warning" } }), "warning");
  const bare = "# Orders\n\n## Purpose\n\nx\n";
  assert.equal(validate(bare, { specType: "database-schema" }).typeSource, "explicit");
  assert.equal(validate(bare, { defaultType: "database-schema" }).typeSource, "default");
  assert.equal(validate(bare, { path: "docs/x.md" }).diagnostics[0].path, "docs/x.md");
});

test("bad options and bad custom types throw an Error with a clear message", () => {
  const cases = [
    [() => validate("", { specTyp: "x" }), /^options: unknown option `specTyp`; expected one of `specType`.*; did you mean `specType`\?$/],
    [() => validate("", { rules: { FM006: "warn" } }), /^options: rule `FM006`: unknown level `warn`; expected `off`, `info`, `warning` or `error`; did you mean `warning`\?$/],
    [() => validate("", { rules: { "empty-sections": "off" } }), /^unknown rule `empty-sections` in `rules`; did you mean `empty-section`\?$/],
    [() => validate("", { columnEncoding: "utf8" }), /^options: unknown value `utf8`; expected one of `unicode`, `utf16`/],
    [() => validate("", { specType: "nope" }), /^unknown spec type `nope`; known: `database-schema`$/],
    [() => validate("", { defaultType: "nope" }), /^`default_type` `nope` is not a known spec type/],
    [() => validate("", { types: ["id: x\nname: X\nbogus: 1\n"] }), /^spec type types\[0\]:3:1: unknown field `bogus`, expected one of `id`/],
    [() => validate("", { types: [{ path: "x.yaml", text: "id: [" }] }), /^spec type x\.yaml:\d+:\d+: /],
    [() => validate("", { types: [{ id: "x", name: "X", fields: [{ name: "a", type: "enum" }] }] }), /^spec type `types\[0\]`: enum field `a` needs `values`$/],
    [() => validate("", { types: [42] }), /^spec type `?types\[0\]`?(:\d+:\d+)?: invalid type: integer `42`/],
    [() => validate("", 7), /^options: invalid type/],
    [() => validate(42), /^the document must be a string or a Uint8Array$/],
    [() => new Linter({ types: ["- not a mapping"] }), /^spec type types\[0\]:1:1: invalid type: sequence, expected a mapping$/],
    [() => new Linter().validate("", { types: [] }), /^options: unknown option `types`; expected one of `specType`, `path`$/],
    [() => frontMatterSchema("nope"), /^unknown spec type `nope`; known: `database-schema`$/],
    [() => parseConfig("rulez: {}\n"), /^line 1, column 1: unknown option `rulez`; expected one of `rules`.*; did you mean `rules`\?$/],
    [() => renderDiagnostics("xml", []), /^unknown format `xml`; use `pretty`, `json`, `sarif` or `github`$/],
    [() => renderDiagnostics("json", [{ path: "a", text: "" }]), /^files: missing field `diagnostics`$/],
  ];
  for (const [f, re] of cases) {
    assert.throws(f, (e) => {
      assert.ok(e instanceof Error, `an Error, not ${e?.constructor?.name}`);
      assert.match(e.message, re);
      assert.doesNotMatch(e.message, /unreachable|RuntimeError/);
      return true;
    });
  }
});

test("the module still answers after errors", () => {
  for (let i = 0; i < 50; i++) {
    assert.throws(() => validate("", { types: ["id: ["] }));
    assert.throws(() => new Linter({ rules: { nope: "off" } }));
  }
  assert.deepEqual(validate(ORDERS).diagnostics, []);
  const l = new Linter();
  assert.throws(() => l.validate("", { specType: "nope" }));
  assert.deepEqual(l.validate(ORDERS).diagnostics, []);
});

test("odd documents give diagnostics, never exceptions", () => {
  const odd = ["", "---", "---\n---\n", "\uFEFF---\r\nspec_type: database-schema\r\n---\r\n", "\0\u{10FFFF}\uD7FF", "---\n: [\n---\n", "#".repeat(10000), "| a |\n|---|\n".repeat(500)];
  for (const t of odd) {
    const r = validate(t);
    assert.ok(Array.isArray(r.diagnostics));
  }
});

test("bytes: invalid UTF-8 is IO001 at the first bad byte; the rest is still checked", () => {
  const bytes = Buffer.concat([Buffer.from(ORDERS.replace("status: approved", "status: in-review")), Buffer.from([0xff, 0x0a])]);
  const r = validate(bytes, { path: "x.md" });
  const io = r.diagnostics.find((d) => d.code === "IO001");
  assert.equal(io.start, bytes.length - 2);
  assert.equal(io.message, `the file is not valid UTF-8: invalid byte at offset ${bytes.length - 2}`);
  assert.ok(codes(r).includes("FM008"));
  assert.deepEqual(validate(Buffer.from(ORDERS)).diagnostics, []);
});

test("a Linter is reusable and agrees with validate", () => {
  const l = new Linter({ types: [ADR], rules: { FM006: "off" } });
  for (const p of ["examples/invalid/orders-db-defects.md", "examples/adr/0001-use-postgres.md"]) {
    assert.deepEqual(l.validate(read(p), { path: p }), validate(read(p), { types: [ADR], rules: { FM006: "off" }, path: p }));
  }
  l.free();
});

test("rules, cross-document checks and rendering", () => {
  const all = rules();
  assert.ok(all.some((m) => m.code === "FM008" && m.name === "value-not-allowed"));
  const l = new Linter({ columnEncoding: "unicode" });
  const docs = [
    { path: "a/orders.md", text: ORDERS },
    { path: "b/copy.md", text: ORDERS, displayPath: "./b/copy.md" },
  ];
  const cross = l.crossCheck(docs);
  assert.deepEqual(cross[0], []);
  const dup = cross[1].find((d) => d.code === "XD001");
  assert.equal(dup.path, "./b/copy.md");
  assert.equal(dup.related[0].path, "a/orders.md");
  assert.ok(dup.related[0].line > 0);
  const files = [{ path: "a.md", text: "x\n", diagnostics: l.validate("x\n", { path: "a.md" }).diagnostics }];
  const json = renderDiagnostics("json", files);
  assert.deepEqual(JSON.parse(json), files[0].diagnostics);
  assert.match(renderDiagnostics("pretty", files, { skipped: 2 }), /in 1 file \(2 Markdown files without `spec_type` skipped\)\n$/);
  assert.match(renderDiagnostics("pretty", files, { quiet: true }), /^a\.md:1:1 error FM001 /);
});
