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
// derive and the spec types. The run policy (`Workspace`), config files
// (`parseConfig`) and the renderers of `npx speclint` (`renderDiagnostics`,
// `unifiedDiff`, `Linter.crossCheck`, `Linter.exportJson`) are in the Node
// module only.
import wasmInit, * as wasm from "./wasm/web/speclint.js";

let ready = false;

/** Throws a plain Error naming `what` until `init` or `initSync` has run. */
function needInit(what) {
  if (!ready) throw new Error(`speclint/web: call \`await init()\` (or \`initSync\`) before \`${what}\``);
}

/** `f`, refusing to run before the module is instantiated. */
const guarded = (name, f) =>
  ({
    [name](...args) {
      needInit(name);
      return f(...args);
    },
  })[name];

export const deriveSpecType = guarded("deriveSpecType", wasm.deriveSpecType);
export const exportSpec = guarded("exportSpec", wasm.exportSpec);
export const frontMatterSchema = guarded("frontMatterSchema", wasm.frontMatterSchema);
export const inputLimit = guarded("inputLimit", wasm.inputLimit);
export const normalize = guarded("normalize", wasm.normalize);
export const rules = guarded("rules", wasm.rules);
export const specTypes = guarded("specTypes", wasm.specTypes);
export const validate = guarded("validate", wasm.validate);
export const version = guarded("version", wasm.version);

/** The glue's `Linter`: refused before `init`, and a clear Error once freed. */
export class Linter extends wasm.Linter {
  constructor(options) {
    needInit("new Linter");
    super(options);
  }
}
for (const key of Object.getOwnPropertyNames(wasm.Linter.prototype)) {
  const d = Object.getOwnPropertyDescriptor(wasm.Linter.prototype, key);
  if (key === "constructor" || key === "free" || typeof d.value !== "function" || key.startsWith("__")) continue;
  const method = d.value;
  Object.defineProperty(Linter.prototype, key, {
    ...d,
    value: function (...args) {
      if (!this.__wbg_ptr) throw new Error(`speclint: this Linter was freed (\`free()\`); create a new one to call \`${key}\``);
      return method.apply(this, args);
    },
  });
}

/** Instantiates the module; resolves once the functions can be called. Safe to call again. */
export default async function init(input) {
  await wasmInit({ module_or_path: input ?? new URL("./wasm/web/speclint_bg.wasm", import.meta.url) });
  ready = true;
}

/** Instantiates the module synchronously from its bytes or a compiled WebAssembly.Module. */
export function initSync(module) {
  wasm.initSync({ module });
  ready = true;
}
