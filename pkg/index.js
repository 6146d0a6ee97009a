// The Node entry of the npm package `speclint` (ESM): `import { validate } from "speclint"`.
// The .wasm is read and instantiated synchronously on import: no init call.
// The functions come from the wasm-bindgen glue of src/wasm.rs (pkg/wasm/,
// built by scripts/build-pkg.sh); their types are in index.d.ts.
import { readFileSync } from "node:fs";
import { initSync } from "./wasm/speclint.js";

initSync({ module: readFileSync(new URL("./wasm/speclint_bg.wasm", import.meta.url)) });

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
