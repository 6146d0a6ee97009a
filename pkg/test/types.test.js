// The TypeScript types (index.d.cts) cannot drift from the Rust types:
// - outputs: every value the package returns, over every document of the
//   repository and a spec type and config using every key, conforms to its
//   declared type (no undeclared property, no missing required one, right
//   types), and every declared property and literal is seen at least once;
// - inputs: the keys and variants the binding accepts (read from serde's
//   "unknown field/variant, expected ..." errors) are exactly the declared ones;
// - exports: the runtime exports and Linter methods are the declared ones.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import * as speclint from "speclint";
import { Checker, literals, parseDts } from "./dts.js";
import { markdown, pkg, read } from "./helpers.js";

const {
  Linter, crossCheck, deriveSpecType, exportSpec, frontMatterSchema, normalize, parseConfig, renderDiagnostics, rules,
  specTypes, validate,
} = speclint;
const dtsText = readFileSync(`${pkg}/index.d.cts`, "utf8");
const { types, exports } = parseDts(dtsText);
const ADR = read("examples/types/adr.yaml");
const ORDERS = read("examples/valid/orders-db.md");

/** A spec type using every key of the format. */
const FULL = {
  id: "full",
  name: "Full",
  description: "Every key of the spec type format.",
  fields: [
    { name: "spec_type", type: "string", required: true, const: "full", description: "Selects this type." },
    { name: "status", type: "enum", values: ["draft", "done"] },
    { name: "date", type: "date", placeholder_allowed: true },
    { name: "tags", type: "list", values: ["x", "y"], min_items: 1, max_items: 3 },
    { name: "flag", type: "boolean" },
    { name: "count", type: "number" },
    { name: "replaced_by", type: "string" },
  ],
  sections: [
    {
      id: "alpha",
      title: "Alpha",
      aliases: ["First"],
      required: false,
      level: 2,
      non_empty: false,
      table: { required: false, columns: [{ name: "Name", key: "name", aliases: ["Column"], required: false }], min_rows: 0 },
      residue: ["Describe alpha."],
    },
    { id: "beta", title: "Beta", entries: { name: "entity", level: 3, heading: "code", min: 0, table: { columns: [{ name: "C" }] }, residue: ["r"] } },
    { id: "gamma", title: "Gamma", entries: { name: "item", heading: "any" } },
  ],
  conditions: [
    {
      when: { field: "status", equals: "done" },
      then: {
        no_placeholders: true,
        no_empty_sections: true,
        no_residue: true,
        required_fields: ["date"],
        reference: { what: "a replacement", fields: ["replaced_by"], phrases: ["superseded by"] },
      },
    },
  ],
  semantics: ["database-schema"],
  residue: ["Delete this line."],
};

const FULL_CONFIG = `rules:
  FM006: off
  FM008: info
  FM005: warning
  FM001: error
types: [types/adr.yaml]
include: ["docs/**/*.md"]
exclude: ["docs/archive/**"]
default_type: database-schema
references:
  initiatives: ["initiatives/*.md"]
  specs: ["docs/**/*.md"]
`;

test("every output conforms to its declared type, and every declared property and literal occurs", () => {
  const c = new Checker(types);
  const ok = (value, name, what) => assert.deepEqual(c.check(value, name), [], what);
  const docs = [...markdown("examples"), ...markdown("tests/fixtures"), ...markdown("tests/corpus/valid")];
  assert.ok(docs.length > 50);
  const linter = new Linter({ types: [ADR, FULL], rules: { FM006: "info" } });
  for (const p of docs) {
    ok(linter.validate(read(p), { path: p }), "ValidateResult", p);
    ok(validate(Buffer.from(read(p)), { columnEncoding: "unicode" }), "ValidateResult", p);
    ok(linter.exportSpec(read(p)), "SpecDocument", p);
    ok(linter.normalize(read(p), { unsafeFixes: true }), "NormalizeResult", p);
  }
  ok(normalize(read("examples/invalid/orders-db-defects.md"), { reorderSections: true, insertMissingSections: true, unsafeFixes: true }), "NormalizeResult", "free normalize");
  ok(exportSpec(ORDERS, { specType: "database-schema" }), "SpecDocument", "free export");
  // A document store's `_id`: the engine's own key (source "engine").
  const mongo = ORDERS.replace(/^\| id \| uuid \| no \| gen_random_uuid\(\) \| PRIMARY KEY \|$/m, "| _id | ObjectId | no | — | — |");
  assert.notEqual(mongo, ORDERS);
  ok(exportSpec(mongo), "SpecDocument", "document store");
  ok(deriveSpecType(read("examples/template.md")), "SpecType", "derived");
  // A template with named subsections (`### Backend Services`), with a table under one.
  ok(deriveSpecType(read("tests/family/templates/specs/tech-stack.md")), "SpecType", "derived from a family template");
  const bare = ORDERS.replace(/^spec_type: .*\n/m, "");
  ok(validate(bare), "ValidateResult", "detected");
  ok(validate(bare, { defaultType: "database-schema" }), "ValidateResult", "default");
  ok(validate(bare, { specType: "database-schema" }), "ValidateResult", "explicit");
  ok(validate("just text\n"), "ValidateResult", "no type");
  const cross = linter.crossCheck([
    { path: "a.md", text: ORDERS },
    { path: "b.md", text: ORDERS, displayPath: "./b.md" },
  ]);
  for (const list of cross) for (const d of list) ok(d, "Diagnostic", "crossCheck");
  for (const m of rules()) ok(m, "RuleMeta", m.code);
  const all = specTypes({ types: [ADR, FULL] });
  assert.equal(all.length, 3);
  for (const t of all) {
    ok(t, "SpecType", t.id);
    ok(frontMatterSchema(t.id, { types: [ADR, FULL] }), "FrontMatterSchema", t.id);
  }
  ok(parseConfig(FULL_CONFIG), "Config", "config");
  ok(parseConfig(""), "Config", "empty config");

  const outputs = [
    "ValidateResult", "Diagnostic", "Fix", "Edit", "Related", "RuleMeta", "SpecType", "FieldSpec",
    "ColumnSpec", "TableSpec", "RepeatedSpec", "SectionSpec", "When", "ReferenceSpec", "Then",
    "Condition", "Config", "References", "FieldSchema", "FieldItemsSchema", "FrontMatterSchema",
    "NormalizeResult", "AppliedFix", "SpecDocument", "Lines", "Block", "SectionData", "TableData", "ColumnData",
    "PrimaryKeyData", "ForeignKeyTarget", "ForeignKeyData", "IndexData", "EntityData", "DiagnosticCounts",
  ];
  const literalTypes = [
    "Severity", "Applicability", "TypeSource", "FieldKind", "HeadingStyle", "Semantics",
    "FixAvailability", "Level", "SectionRole", "KeySource", "FieldSchema.type", "FieldSchema.format", "FieldItemsSchema.type", "FrontMatterSchema.type",
  ];
  assert.deepEqual(c.unseen(outputs, literalTypes), [], "declared but never produced (stale in index.d.cts?)");
});

/** The names serde lists after "expected" in an unknown field/variant error. */
function expected(f) {
  try {
    f();
  } catch (e) {
    const m = /unknown (?:field|variant|option|value|level) `zzz`[,;] (?:expected (?:one of )?(.*?)(?:; did you mean `[^`]*`\?)?|there are no (?:fields|variants))$/.exec(e.message);
    assert.ok(m, `an unknown field/variant error, got: ${e.message}`);
    return [...(m[1] ?? "").matchAll(/`([^`]+)`/g)].map((x) => x[1]).sort();
  }
  assert.fail("no error");
}

const props = (name) => [...types.get(name).props.keys()].sort();
const variants = (name) => literals(types.get(name).type).sort();

test("the keys and variants the binding accepts are exactly the declared ones", () => {
  const spec = (extra) => () => validate("", { types: [{ id: "x", name: "X", ...extra }] });
  const field = { name: "f", type: "string" };
  const cases = [
    ["Options", () => validate("", { zzz: 1 })],
    ["ValidateOptions", () => new Linter().validate("", { zzz: 1 })],
    ["NormalizeOptions", () => new Linter().normalize("", { zzz: 1 })],
    ["RenderFile", () => renderDiagnostics("json", [{ path: "a", text: "", diagnostics: [], zzz: 1 }])],
    ["RenderOptions", () => renderDiagnostics("json", [], { zzz: 1 })],
    ["CrossDocument", () => new Linter().crossCheck([{ path: "a", text: "", zzz: 1 }])],
    ["CrossCheckOptions", () => new Linter().crossCheck([], { zzz: 1 })],
    ["ExportFile", () => new Linter().exportJson([{ path: "a", text: "", zzz: 1 }])],
    ["ExportJsonOptions", () => new Linter().exportJson([], { zzz: 1 })],
    ["SpecType", spec({ zzz: 1 })],
    ["FieldSpec", spec({ fields: [{ ...field, zzz: 1 }] })],
    ["SectionSpec", spec({ sections: [{ id: "s", title: "S", zzz: 1 }] })],
    ["TableSpec", spec({ sections: [{ id: "s", title: "S", table: { columns: [], zzz: 1 } }] })],
    ["ColumnSpec", spec({ sections: [{ id: "s", title: "S", table: { columns: [{ name: "c", zzz: 1 }] } }] })],
    ["RepeatedSpec", spec({ sections: [{ id: "s", title: "S", entries: { name: "e", zzz: 1 } }] })],
    ["Condition", spec({ fields: [field], conditions: [{ when: { field: "f", equals: "x" }, then: {}, zzz: 1 }] })],
    ["When", spec({ fields: [field], conditions: [{ when: { field: "f", equals: "x", zzz: 1 }, then: {} }] })],
    ["Then", spec({ fields: [field], conditions: [{ when: { field: "f", equals: "x" }, then: { zzz: 1 } }] })],
    ["ReferenceSpec", spec({ fields: [field], conditions: [{ when: { field: "f", equals: "x" }, then: { reference: { what: "w", zzz: 1 } } }] })],
    ["Config", () => parseConfig("zzz: 1\n")],
    ["References", () => parseConfig("references:\n  zzz: 1\n")],
  ];
  for (const [name, f] of cases) assert.deepEqual(expected(f), props(name), `keys of ${name}`);
  const enums = [
    ["Level", () => validate("", { rules: { FM006: "zzz" } })],
    ["ColumnEncoding", () => validate("", { columnEncoding: "zzz" })],
    ["FieldKind", spec({ fields: [{ name: "f", type: "zzz" }] })],
    ["HeadingStyle", spec({ sections: [{ id: "s", title: "S", entries: { name: "e", heading: "zzz" } }] })],
    ["Semantics", spec({ semantics: ["zzz"] })],
  ];
  for (const [name, f] of enums) assert.deepEqual(expected(f), variants(name), `variants of ${name}`);
  // The three forms of TypeInput are accepted.
  assert.equal(specTypes({ types: [ADR, { path: "adr.yaml", text: ADR }, FULL] }).length, 3);
});

test("the runtime exports and Linter methods are the declared ones", () => {
  assert.deepEqual(Object.keys(speclint).sort(), [...exports].sort());
  assert.equal(crossCheck, undefined);
  const body = /export\s+class\s+Linter\s*\{([\s\S]*?)\n\}/.exec(dtsText.replace(/\/\*[\s\S]*?\*\//g, ""))[1];
  const declared = [...body.matchAll(/^\s+(\w+)\(/gm)].map((m) => m[1]).filter((n) => n !== "constructor").sort();
  const runtime = Object.getOwnPropertyNames(Linter.prototype)
    .filter((n) => n !== "constructor" && !n.startsWith("__"))
    .sort();
  assert.deepEqual(runtime, declared);
  for (const f of ["index.d.cts", "index.d.ts", "web.d.ts"]) {
    const code = readFileSync(`${pkg}/${f}`, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/[^\n]*/g, "")
      .replace(/"[^"]*"/g, '""');
    assert.doesNotMatch(code, /\b(any|unknown|object|Function)\b/, `no \`any\` (or other loose type) in ${f}`);
  }
});
