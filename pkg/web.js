// The browser entry of the npm package `speclint`:
//
//   import init, { validate } from "speclint/web";
//   await init();            // fetches the .wasm next to this file
//   validate(text);
//
// `new URL(..., import.meta.url)` lets bundlers (Vite, webpack 5, Rollup,
// esbuild with a loader) find and copy the .wasm. `init` also accepts a URL,
// a Response, bytes or a compiled WebAssembly.Module; `initSync` takes bytes
// or a module. Until one of them has run, the functions throw.
//
// This is the browser module (pkg/wasm/web/): validate, normalize, export,
// derive, the spec types and the config. The run policy (`Workspace`) and the
// renderers of `npx speclint` (`renderDiagnostics`, `unifiedDiff`,
// `Linter.crossCheck`, `Linter.exportJson`) are in the Node module only.
import wasmInit, { initSync as wasmInitSync } from "./wasm/web/speclint.js";

export {
  Linter,
  deriveSpecType,
  exportSpec,
  frontMatterSchema,
  inputLimit,
  normalize,
  parseConfig,
  rules,
  specTypes,
  validate,
  version,
} from "./wasm/web/speclint.js";

/** Instantiates the module; resolves once the functions can be called. Safe to call again. */
export default async function init(input) {
  await wasmInit({ module_or_path: input ?? new URL("./wasm/web/speclint_bg.wasm", import.meta.url) });
}

/** Instantiates the module synchronously from its bytes or a compiled WebAssembly.Module. */
export function initSync(module) {
  wasmInitSync({ module });
}
