// The Node entry of the npm package `speclint` (ESM): `import { validate } from "speclint"`.
// The .wasm is read and instantiated synchronously on import: no init call.
// The functions come from the wasm-bindgen glue of src/bindings/wasm.rs (pkg/wasm/,
// built by scripts/build-pkg.sh); their types are in index.d.ts.
import { readFileSync } from "node:fs";
import { Linter, Workspace, initSync } from "./wasm/speclint.js";
import guard from "./lib/guard.cjs";

initSync({ module: readFileSync(new URL("./wasm/speclint_bg.wasm", import.meta.url)) });
guard.guardFreed(Linter, "Linter");
guard.guardFreed(Workspace, "Workspace");

export {
  Linter,
  Workspace,
  deriveSpecType,
  exportSpec,
  frontMatterSchema,
  inputLimit,
  normalize,
  parseConfig,
  renderDiagnostics,
  rules,
  specTypes,
  unifiedDiff,
  validate,
  version,
} from "./wasm/speclint.js";
