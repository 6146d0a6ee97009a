// Loaded by index.html (served as-is) and bundled by Vite (vite-app/): imports
// the browser entry of the package, validates a document whose error comes
// after an emoji on its line, and publishes the result on `window.speclint`
// for test/e2e/browser.test.js to read.
import init, { Linter, validate, version } from "speclint/web";

const doc = [
  "---",
  "spec_type: database-schema",
  "title: Orders 🚀 Database Schema",
  "owner: commerce-platform-team",
  "status: approved",
  "last_updated: 2026-10-14",
  "applicability: [web, 🙂, tablet]",
  "---",
  "",
  "# Orders 🚀 Database Schema",
  "",
].join("\n");

async function main() {
  const out = { ok: false };
  try {
    let before;
    try {
      validate(doc);
      before = "no error";
    } catch (e) {
      before = String(e?.message ?? e);
    }
    await init();
    const result = validate(doc, { path: "orders.md" });
    const linter = new Linter({ rules: { FM005: "off" } });
    const again = linter.validate(doc);
    linter.free();
    const lines = doc.split("\n");
    Object.assign(out, {
      ok: true,
      before,
      version: version(),
      diagnostics: result.diagnostics,
      specType: result.specType,
      withLinter: again.diagnostics.map((d) => d.code),
      // Where `tablet` starts on its line, in UTF-16 code units (JS string index), 1-based.
      tabletColumn: lines[6].indexOf("tablet") + 1,
      wasmUrl: performance.getEntriesByType("resource").map((e) => e.name).find((n) => n.endsWith(".wasm")) ?? null,
    });
  } catch (e) {
    out.error = String(e?.stack ?? e);
  }
  window.speclint = out;
  document.body.dataset.done = "1";
}

main();
