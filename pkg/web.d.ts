// Types of the browser entry `speclint/web`: the browser module (validate,
// normalize, export, derive and the spec types; not the run policy
// `Workspace`, config files nor the renderers of `npx speclint`), with the types of
// `speclint` (index.d.ts), plus the initialization the browser needs.
export type * from "./index.js";
export {
  Linter,
  deriveSpecType,
  exportSpec,
  frontMatterSchema,
  inputLimit,
  normalize,
  rules,
  specTypes,
  validate,
  version,
} from "./index.js";

/** Where the .wasm comes from: a URL (default: next to web.js), a fetch Response, its bytes or a compiled module. */
export type InitInput = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/** Fetches and instantiates the module; the functions throw until it has resolved. Safe to call again. */
export default function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Instantiates the module synchronously from its bytes or a compiled module. */
export function initSync(module: BufferSource | WebAssembly.Module): void;
