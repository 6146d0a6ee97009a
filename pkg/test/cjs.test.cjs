// The CommonJS entry: require() works synchronously and gives the same results as import.
const assert = require("node:assert/strict");
const { test } = require("node:test");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const repo = join(__dirname, "..", "..");
const doc = readFileSync(join(repo, "examples/invalid/orders-db-defects.md"), "utf8");

test("require('speclint') works without init", () => {
  const speclint = require("speclint");
  assert.deepEqual(Object.keys(speclint).sort(), [
    "Linter",
    "deriveSpecType",
    "exportSpec",
    "frontMatterSchema",
    "inputLimit",
    "normalize",
    "parseConfig",
    "renderDiagnostics",
    "rules",
    "specTypes",
    "unifiedDiff",
    "validate",
    "version",
    "Workspace",
  ].sort());
  const r = speclint.validate(doc, { path: "x.md" });
  assert.ok(r.diagnostics.some((d) => d.code === "FM008"));
  assert.throws(() => speclint.validate("", { specType: "nope" }), { name: "Error", message: /unknown spec type `nope`/ });
});

test("require and import agree", async () => {
  const esm = await import("speclint");
  const cjs = require("speclint");
  const opts = { path: "x.md", rules: { FM006: "warning" } };
  assert.deepEqual(cjs.validate(doc, opts), esm.validate(doc, opts));
  assert.deepEqual(cjs.rules(), esm.rules());
  assert.equal(cjs.version(), esm.version());
});
