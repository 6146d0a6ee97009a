// The browser entry, exercised in Node (the glue is the same one the Node ESM
// entry uses; a real browser loads it from a URL in the browser test).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

test("speclint/web: functions throw until init, then work; init is idempotent", async () => {
  const web = await import("speclint/web");
  assert.equal(typeof web.default, "function");
  assert.throws(() => web.validate("# x\n"));
  const bytes = readFileSync(new URL("../wasm/speclint_bg.wasm", import.meta.url));
  await web.default(bytes);
  await web.default();
  const r = web.validate("---\nspec_type: database-schema\nstatus: in-review\n---\n");
  assert.ok(r.diagnostics.some((d) => d.code === "FM008"));
  web.initSync(bytes);
  assert.deepEqual(Object.keys(web).sort(), [
    "Linter",
    "default",
    "deriveSpecType",
    "exportSpec",
    "frontMatterSchema",
    "initSync",
    "inputLimit",
    "normalize",
    "parseConfig",
    "renderDiagnostics",
    "rules",
    "specTypes",
    "unifiedDiff",
    "validate",
    "version",
  ]);
});

test("speclint/web: initSync with a compiled module", async () => {
  const web = await import("speclint/web");
  const module = new WebAssembly.Module(readFileSync(new URL("../wasm/speclint_bg.wasm", import.meta.url)));
  web.initSync(module);
  assert.equal(typeof web.version(), "string");
});
