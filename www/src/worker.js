// The validation worker: every call into speclint (WebAssembly) runs here, off
// the main thread, so validating a multi-megabyte document never blocks typing.
//
// Messages in:  { id, op, args }    out: { id, ok: true, value, ms } | { id, ok: false, error }
// `config` (in args) is { types: TypeFile[], specType?: string }: a Linter is
// built once per distinct set of custom types and reused.
import init, * as speclint from "speclint/web";

const ready = init();
let cached = { key: null, linter: null };

function linterFor(config) {
  const types = config?.types ?? [];
  const key = JSON.stringify(types);
  if (cached.key !== key) {
    const linter = new speclint.Linter({ types });
    cached.linter?.free();
    cached = { key, linter };
  }
  return cached.linter;
}

const chosen = (config) => (config?.specType ? { specType: config.specType } : {});

const ops = {
  info() {
    return { version: speclint.version(), specTypes: speclint.specTypes(), rules: speclint.rules() };
  },
  validate({ text, config }) {
    return linterFor(config).validate(text, chosen(config));
  },
  // Parses custom spec types (YAML or JSON text); throws their error.
  loadTypes({ types }) {
    const linter = new speclint.Linter({ types });
    try {
      return linter.specTypes();
    } finally {
      linter.free();
    }
  },
  normalize({ text, config, normalizeOptions }) {
    return linterFor(config).normalize(text, { ...normalizeOptions, ...chosen(config) });
  },
  exportSpec({ text, config }) {
    return linterFor(config).exportSpec(text, chosen(config));
  },
  deriveSpecType({ text }) {
    return speclint.deriveSpecType(text);
  },
};

self.onmessage = async (event) => {
  const { id, op, args } = event.data;
  try {
    await ready;
    const t0 = performance.now();
    const value = ops[op](args);
    self.postMessage({ id, ok: true, value, ms: performance.now() - t0 });
  } catch (e) {
    self.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};
