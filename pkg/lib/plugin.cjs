// What the remark plugin (remark.js / remark.cjs) and the Docusaurus plugin
// (docusaurus.cjs) share: reading their options into a `Linter`, byte offsets
// to UTF-16 offsets, and the one-line form of a diagnostic. No checking
// happens here: every diagnostic comes from the core through the binding.
"use strict";

const { readFileSync, readdirSync, statSync } = require("node:fs");
const { dirname, isAbsolute, join, resolve, sep } = require("node:path");

/** Throws an Error naming the plugin: `speclint/remark: ...`. */
function fail(plugin, message) {
  throw new Error(`${plugin}: ${message}`);
}

function describe(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return `\`${JSON.stringify(v)}\``;
  if (typeof v === "object") return "an object";
  return `\`${String(v)}\``;
}

function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Levenshtein distance, for "did you mean" on option names. */
function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = next;
    }
  }
  return row[b.length];
}

/** Throws on keys of `options` that are not in `known`, suggesting the closest. */
function checkKeys(plugin, options, known) {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const close = known.filter((k) => distance(k.toLowerCase(), key.toLowerCase()) <= 2);
    const hint = close.length ? `; did you mean \`${close[0]}\`?` : `; expected one of ${known.map((k) => `\`${k}\``).join(", ")}`;
    fail(plugin, `unknown option \`${key}\`${hint}`);
  }
}

/**
 * The parsed `speclint.yaml` of the options: `config` is its YAML text or an
 * object with its keys (checked by the core's parser either way), or null.
 */
function parseConfigOption(plugin, binding, config) {
  if (config === undefined || config === null) return binding.parseConfig("");
  let text;
  if (typeof config === "string") text = config;
  else if (isPlainObject(config)) text = JSON.stringify(config);
  else fail(plugin, `\`config\` must be the text of a speclint.yaml or an object of its keys, not ${describe(config)}`);
  try {
    return binding.parseConfig(text);
  } catch (e) {
    return fail(plugin, `config: ${e.message}`);
  }
}

/** Reads a spec type file for the binding: `{ path, text }` (the path names it in errors). */
function readType(plugin, path, base, what) {
  const full = isAbsolute(path) ? path : join(base, path);
  try {
    return { path, text: readFileSync(full, "utf8") };
  } catch (e) {
    return fail(plugin, `cannot read ${what} \`${full}\`: ${e.message}`);
  }
}

/**
 * A `Linter` for the config's rules, default type and type files (read
 * relative to `base`), plus `extraTypes` and `rules` that override the config's.
 */
function makeLinter(plugin, binding, { config, base, extraTypes = [], templates = [], rules, specType, columnEncoding }) {
  const types = [...config.types.map((t) => readType(plugin, t, base, "spec type file")), ...extraTypes];
  const options = {
    types,
    templates,
    rules: { ...config.rules, ...(rules ?? {}) },
    defaultType: config.default_type ?? undefined,
    overrides: config.overrides?.length ? config.overrides : undefined,
    specType,
    columnEncoding,
  };
  try {
    return new binding.Linter(options);
  } catch (e) {
    return fail(plugin, e.message);
  }
}

/** UTF-8 length of the code point at `text[i]` and how many UTF-16 units it takes. */
function utf8Width(text, i) {
  const c = text.charCodeAt(i);
  if (c < 0x80) return [1, 1];
  if (c < 0x800) return [2, 1];
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return [4, 2];
  }
  return [3, 1]; // other BMP characters; a lone surrogate is U+FFFD (3 bytes) for the core
}

/**
 * Maps byte offsets into the UTF-8 form of `text` (what diagnostics carry as
 * `start`/`end`) to offsets in UTF-16 code units (what JS strings, unist
 * points and vfile count). One pass over the text for all offsets.
 */
function utf16Offsets(text, byteOffsets) {
  const wanted = [...new Set(byteOffsets)].sort((a, b) => a - b);
  const out = new Map();
  let bytes = 0;
  let units = 0;
  let k = 0;
  while (k < wanted.length) {
    if (wanted[k] <= bytes || units >= text.length) {
      out.set(wanted[k], units);
      k++;
      continue;
    }
    const [b, u] = utf8Width(text, units);
    bytes += b;
    units += u;
  }
  return out;
}

/** `path:line:col code message` (one line). */
function oneLine(path, d) {
  const where = path ? `${path}:${d.line}:${d.column}` : `${d.line}:${d.column}`;
  return `${where} ${d.code} ${d.message.replace(/\s*\n\s*/g, " ")}`;
}

const RANK = { info: 0, warning: 1, error: 2 };

/** Whether a diagnostic of `severity` reaches the threshold `level` (`error`, `warning`; `never`/false never). */
function reaches(severity, level) {
  return level in RANK && RANK[severity] >= RANK[level];
}

/** The config file names looked for in each folder, in order (src/cli/settings.rs). */
const CONFIG_NAMES = ["speclint.yaml", ".speclint.yaml"];

/**
 * speclint.yaml or .speclint.yaml in `dir` or above, as `speclint check`
 * finds it, or null: the one search of `npx speclint`, the remark plugin
 * and the Docusaurus plugin.
 */
function discoverConfig(dir) {
  for (let d = dir; ; ) {
    for (const n of CONFIG_NAMES) {
      const p = join(d, n);
      try {
        if (statSync(p).isFile()) return p;
      } catch {
        // not here
      }
    }
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
}

function statSafe(p) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

function kindOf(e) {
  if (e.isDirectory()) return "dir";
  if (e.isFile()) return "file";
  if (e.isSymbolicLink()) return "symlink";
  return "other";
}

function ignoreTexts(dir) {
  const out = [];
  for (const name of [".gitignore", ".ignore"]) {
    const p = join(dir, name);
    if (statSafe(p)?.isFile()) {
      try {
        out.push(readFileSync(p, "utf8"));
      } catch {
        // unreadable: its rules are not applied
      }
    }
  }
  return out;
}

/**
 * The Markdown files below `root/base` that the core's walk keeps (hidden
 * entries, links, `node_modules` and ignored entries skipped; the site's
 * `.gitignore` and `.ignore` files honoured), `/`-separated and relative to
 * `root`.
 */
function walkMarkdown(plugin, ws, root, base, out) {
  const dir = join(root, base);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") {
      if (base !== "" && statSafe(dir)?.isFile()) out.add(base);
      return;
    }
    fail(plugin, `cannot read the directory \`${dir}\`: ${e.message}`);
  }
  const abs = resolve(dir).split(sep).join("/");
  const mark = ws.enter(abs, ignoreTexts(dir));
  try {
    for (const e of entries) {
      const visit = ws.visit(abs, e.name, kindOf(e));
      const rel = base === "" ? e.name : `${base}/${e.name}`;
      if (visit === "enter") walkMarkdown(plugin, ws, root, rel, out);
      else if (visit === "file") out.add(rel);
    }
  } finally {
    ws.leave(mark);
  }
}


/**
 * Reads the template files a workspace's `templates` globs match below
 * `root` and gives them to the core (`Workspace.addTemplates`: the core
 * decides which files match, that every glob finds one, and that each
 * derives); this only walks and reads. `shown(rel)`: how a template's path
 * is named. Returns `[{ path, rel, text }]`; a problem fails the plugin.
 */
function addTemplateFiles(plugin, ws, root, shown = (rel) => join(root, rel)) {
  if (ws.templateGlobs() === null) return [];
  const all = new Set();
  walkMarkdown(plugin, ws, root, "", all);
  const found = [...all]
    .filter((rel) => ws.templateMatches(rel))
    .sort()
    .map((rel) => {
      const path = join(root, rel);
      try {
        return { path: shown(rel), rel, text: readFileSync(path, "utf8") };
      } catch (e) {
        return fail(plugin, `cannot read the template \`${path}\`: ${e.message}`);
      }
    });
  try {
    ws.addTemplates(found);
  } catch (e) {
    fail(plugin, e.message);
  }
  return found;
}

/**
 * The template files of a config (`templates` globs, relative to its folder
 * `base`), read for a plugin that builds a `Linter` (remark), through a
 * workspace of those globs alone (`addTemplateFiles`). `[{ path, text }]`.
 */
function familyTemplates(plugin, binding, { templates, configPath, base }) {
  if (!templates?.length) return [];
  let ws;
  try {
    ws = new binding.Workspace({ templates, configPath: configPath ?? undefined });
  } catch (e) {
    return fail(plugin, e.message);
  }
  try {
    return addTemplateFiles(plugin, ws, base).map(({ path, text }) => ({ path, text }));
  } finally {
    ws.free();
  }
}

module.exports = {
  checkKeys,
  discoverConfig,
  describe,
  addTemplateFiles,
  fail,
  familyTemplates,
  ignoreTexts,
  isPlainObject,
  makeLinter,
  oneLine,
  parseConfigOption,
  reaches,
  readType,
  utf16Offsets,
  walkMarkdown,
};
