// The browser entry, exercised in Node (the glue is the same one the Node ESM
// entry uses; a real browser loads it from a URL in the browser test).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

test("speclint/web: functions throw until init, then work; init is idempotent", async () => {
  const web = await import("speclint/web");
  assert.equal(typeof web.default, "function");
  assert.throws(() => web.validate("# x\n"), { name: "Error", message: "speclint/web: call `await init()` (or `initSync`) before `validate`" });
  assert.throws(() => new web.Linter(), { message: /before `new Linter`$/ });
  const bytes = readFileSync(new URL("../wasm/web/speclint_bg.wasm", import.meta.url));
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
    "rules",
    "specTypes",
    "validate",
    "version",
  ]);
});

test("speclint/web is the browser module: no run policy, renderers or cross-document checks, and smaller", async () => {
  const web = await import("speclint/web");
  web.initSync(readFileSync(new URL("../wasm/web/speclint_bg.wasm", import.meta.url)));
  for (const name of ["Workspace", "parseConfig", "renderDiagnostics", "unifiedDiff"]) assert.equal(web[name], undefined, name);
  const l = new web.Linter();
  assert.equal(l.crossCheck, undefined);
  assert.equal(l.exportJson, undefined);
  assert.ok(l.normalize && l.exportSpec && l.specTypes);
  const size = (p) => readFileSync(new URL(p, import.meta.url)).length;
  assert.ok(size("../wasm/web/speclint_bg.wasm") < size("../wasm/speclint_bg.wasm"));
});

test("speclint/web: initSync with a compiled module", async () => {
  const web = await import("speclint/web");
  const module = new WebAssembly.Module(readFileSync(new URL("../wasm/web/speclint_bg.wasm", import.meta.url)));
  web.initSync(module);
  assert.equal(typeof web.version(), "string");
});

test("speclint/web and speclint: a Linter used after free() says so", async () => {
  const web = await import("speclint/web");
  web.initSync(readFileSync(new URL("../wasm/web/speclint_bg.wasm", import.meta.url)));
  const node = await import("speclint");
  for (const Linter of [web.Linter, node.Linter]) {
    const l = new Linter();
    assert.equal(l.validate("# x\n").diagnostics.length, 1);
    l.free();
    assert.throws(() => l.validate("# x\n"), { name: "Error", message: "speclint: this Linter was freed (`free()`); create a new one to call `validate`" });
    assert.throws(() => l.specTypes(), { message: /call `specTypes`$/ });
  }
  const ws = new node.Workspace();
  ws.free();
  assert.throws(() => ws.matchGlob("*", "a"), { message: /this Workspace was freed/ });
});
