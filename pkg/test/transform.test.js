// normalize, exportSpec and deriveSpecType through the package: the core's
// results, unchanged by the binding.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Linter, deriveSpecType, exportSpec, normalize, validate } from "speclint";
import { read } from "./helpers.js";

const ORDERS = read("examples/valid/orders-db.md");

test("normalize applies safe fixes, is idempotent, and reports what it did", () => {
  const messy = ORDERS.replace("status: approved", "status: Approved").replace("## Scope\n\n", "## Scope\n");
  const once = normalize(messy);
  assert.equal(once.changed, true);
  assert.equal(once.text, ORDERS);
  assert.deepEqual(once.fixes.map((f) => [f.code, f.applicability]), [["FM008", "safe"]]);
  assert.deepEqual(once.fixes[0].removed, ["Approved"]);
  const twice = normalize(once.text);
  assert.equal(twice.changed, false);
  assert.equal(twice.text, once.text);
  // Unsafe fixes only when asked.
  const typo = ORDERS.replace("status: approved", "status: aproved");
  assert.equal(normalize(typo).text, typo);
  assert.equal(normalize(typo, { unsafeFixes: true }).text, ORDERS);
});

test("normalize diagnostics use UTF-16 columns like validate", () => {
  const text = ORDERS.replace("status: approved", "status: in-review # 😀 emoji").replace("title: ", "title: 日本 ");
  const n = normalize(text);
  const v = validate(n.text);
  assert.deepEqual(n.diagnostics, v.diagnostics);
});

test("normalize options are checked", () => {
  assert.throws(() => new Linter().normalize("", { unsafe: true }), /unknown option `unsafe`.*did you mean `unsafeFixes`\?/);
  assert.throws(() => normalize("", { specType: "nope" }), /unknown spec type `nope`/);
  const out = normalize(read("examples/invalid/orders-db-defects.md"), { insertMissingSections: true, reorderSections: true });
  assert.ok(out.text.includes("## Scope"));
});

test("exportSpec returns the document as data", () => {
  const d = exportSpec(ORDERS);
  assert.equal(d.specType, "database-schema");
  assert.equal(d.frontMatter.status, "approved");
  assert.deepEqual(d.entities.map((e) => e.name), ["customers", "orders", "order_items", "payments"]);
  const orders = d.entities[1];
  assert.deepEqual(orders.primaryKey.columns, ["id"]);
  assert.deepEqual(orders.foreignKeys[0].references, { entity: "customers", columns: ["id"] });
  assert.throws(() => exportSpec(ORDERS, { specType: "nope" }), /unknown spec type/);
});

test("deriveSpecType reads a template", () => {
  const t = deriveSpecType(read("examples/template.md"));
  assert.equal(t.id, "database-schema");
  assert.equal(t.sections.length, 16);
  assert.deepEqual(t.fields.find((f) => f.name === "status").values, ["draft", "approved", "deprecated"]);
  assert.throws(() => deriveSpecType("# Only a title\n"), /no `##` sections/);
  // A derived type can be used right away.
  const linter = new Linter({ types: [t] });
  assert.equal(linter.validate(ORDERS).diagnostics.filter((x) => x.severity === "error").length, 0);
});
