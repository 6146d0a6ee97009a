// The Docusaurus 3 plugin of the npm package `speclint` (CommonJS: Docusaurus
// loads plugins with require):
//
//   plugins: ["speclint/docusaurus"]
//   plugins: [[require.resolve("speclint/docusaurus"), { failOn: "error", include: ["docs/**/*.md"] }]]
//
// On every build (in `loadContent`, which runs on warm builds and on reloads
// of `docusaurus start` too) it validates every spec document the `include`
// globs select, prints all problems at once as `path:line:col code message`,
// and fails the build when there are errors (`failOn`). Checks, messages and
// cross-document checks all come from the core (the same as `speclint check`).
// Types in docusaurus.d.cts; documented in README.md, "Docusaurus".
"use strict";

const { readFileSync, readdirSync, statSync } = require("node:fs");
const { dirname, isAbsolute, join, relative, resolve, sep } = require("node:path");
const { pathToFileURL } = require("node:url");
const binding = require("./index.cjs");
const { checkKeys, describe, fail, isPlainObject, makeLinter, oneLine, reaches, readType } = require("./lib/plugin.cjs");

const NAME = "speclint/docusaurus";
const OPTIONS = ["id", "include", "exclude", "failOn", "types", "config"];
const FAIL_ON = ["error", "warning", "never"];
const DEFAULT_INCLUDE = ["docs/**/*.md{,x}"];
const CONFIG_NAMES = ["speclint.yaml", ".speclint.yaml"];

function stringList(name, v, { allowString }) {
  if (allowString && typeof v === "string") return [v];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string" || x === "")) {
    fail(NAME, `\`${name}\` must be ${allowString ? "a glob or " : ""}an array of ${name === "types" ? "file paths" : "globs"}, not ${describe(v)}`);
  }
  return v;
}

/**
 * Checks the plugin's options and fills in the defaults; throws an Error with
 * a clear message. Docusaurus calls it before the plugin (`validate`, its Joi
 * helper, is not needed: the options are few and checked here).
 */
function validateOptions({ options }) {
  if (options === undefined || options === null) options = {};
  if (!isPlainObject(options)) fail(NAME, `options must be an object, not ${describe(options)}`);
  checkKeys(NAME, options, OPTIONS);
  const out = {
    id: options.id ?? "default",
    include: options.include === undefined ? DEFAULT_INCLUDE : stringList("include", options.include, { allowString: true }),
    exclude: options.exclude === undefined ? [] : stringList("exclude", options.exclude, { allowString: true }),
    failOn: options.failOn ?? "error",
    types: options.types === undefined ? [] : stringList("types", options.types, { allowString: false }),
    config: options.config,
  };
  if (typeof out.id !== "string") fail(NAME, `\`id\` must be a string, not ${describe(out.id)}`);
  if (!FAIL_ON.includes(out.failOn)) fail(NAME, `\`failOn\` must be "error", "warning" or "never", not ${describe(out.failOn)}`);
  if (out.include.length === 0) fail(NAME, "`include` must name at least one glob");
  if (out.config !== undefined && (typeof out.config !== "string" || out.config === "")) {
    fail(NAME, `\`config\` must be the path of a speclint.yaml, not ${describe(out.config)}`);
  }
  return out;
}

/** `a/b/*.md` -> `a/b`: the directory a glob can only match below. */
function literalBase(glob) {
  const lit = [];
  for (const c of glob.split("/")) {
    if (/[*?[{\\]/.test(c)) break;
    lit.push(c);
  }
  if (lit.length === glob.split("/").length) lit.pop(); // no glob characters: a file
  return lit.filter((c) => c !== "." && c !== "").join("/");
}

/** Files under `root/base` (`/`-separated, relative to root), minus hidden entries and node_modules. */
function walk(root, base, out) {
  const dir = join(root, base);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") {
      if (base !== "" && statSafe(dir)?.isFile()) out.add(base);
      return;
    }
    fail(NAME, `cannot read the directory \`${dir}\`: ${e.message}`);
  }
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const rel = base === "" ? e.name : `${base}/${e.name}`;
    if (e.isDirectory()) walk(root, rel, out);
    else if (e.isFile()) out.add(rel);
  }
}

function statSafe(p) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** The files of `root` matched by `include` and not by `exclude` (RegExps), sorted. */
function select(root, includeGlobs, include, exclude) {
  const all = new Set();
  for (const g of includeGlobs) walk(root, literalBase(g), all);
  return [...all].filter((p) => include.some((r) => r.test(p)) && !exclude.some((r) => r.test(p))).sort();
}

/** speclint.yaml or .speclint.yaml in `dir` or above (as `speclint check` finds it), or null. */
function discoverConfig(dir) {
  for (let d = dir; ; ) {
    for (const n of CONFIG_NAMES) {
      const p = join(d, n);
      if (statSafe(p)?.isFile()) return p;
    }
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
}

const slash = (p) => p.split(sep).join("/");

/** Compiles globs with the CLI's reading of them (lib/glob.js, ESM: imported once). */
async function compileGlobs(name, globs) {
  const { compileGlob } = await import(pathToFileURL(join(__dirname, "lib", "glob.js")).href);
  return globs.map((g) => {
    try {
      return compileGlob(g.replace(/^\.\//, ""));
    } catch (e) {
      return fail(NAME, `\`${name}\`: invalid glob \`${g}\`: ${e.message}`);
    }
  });
}

/** Checks the site's spec documents; returns what was found and the report text. */
async function run(siteDir, options) {
  const configPath = options.config !== undefined ? resolve(siteDir, options.config) : discoverConfig(siteDir);
  let configText = "";
  if (configPath !== null) {
    try {
      configText = readFileSync(configPath, "utf8");
    } catch (e) {
      fail(NAME, `cannot read the config \`${configPath}\`: ${e.message}`);
    }
  }
  let config;
  try {
    config = binding.parseConfig(configText);
  } catch (e) {
    fail(NAME, `config \`${configPath}\`: ${e.message}`);
  }
  const configDir = configPath === null ? siteDir : dirname(configPath);
  const linter = makeLinter(NAME, binding, {
    config,
    base: configDir,
    extraTypes: options.types.map((t) => readType(NAME, t, siteDir, "spec type file")),
    columnEncoding: "unicode", // columns as a terminal user counts them, like `speclint check`
  });
  try {
    const include = await compileGlobs("include", options.include);
    const exclude = await compileGlobs("exclude", options.exclude);
    const checked = [];
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    let seen = 0;
    for (const path of select(siteDir, options.include, include, exclude)) {
      seen++;
      const bytes = readFileSync(join(siteDir, path));
      const r = linter.validate(bytes, { path });
      if (!r.declaresSpecType) continue; // not a spec document
      checked.push({ path, text: decoder.decode(bytes), diagnostics: r.diagnostics });
    }
    await crossCheck(linter, config, configDir, siteDir, checked);
    return { seen, checked };
  } finally {
    linter.free();
  }
}

/** The cross-document checks (`XD`) over the checked documents, as `speclint check` runs them. */
async function crossCheck(linter, config, configDir, siteDir, checked) {
  if (!checked.length) return;
  const refs = config.references;
  const found = async (globs) => {
    if (!globs.length) return undefined;
    const res = await compileGlobs("references", globs);
    return select(configDir, globs, res, []).map((p) => slash(relative(siteDir, join(configDir, p))));
  };
  const stem = (p) => p.split("/").pop().replace(/(\.md)+$/, "");
  const initiatives = (await found(refs.initiatives))?.map(stem);
  const specs = await found(refs.specs);
  const extra = linter.crossCheck(
    checked.map((c) => ({ path: c.path, text: c.text })),
    { initiatives, specs },
  );
  checked.forEach((c, i) => {
    if (extra[i].length) {
      c.diagnostics.push(...extra[i]);
      c.diagnostics.sort((x, y) => x.start - y.start || x.end - y.end);
    }
  });
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The report: a summary line, then one `path:line:col code message` line per problem. */
function report(checked) {
  const lines = [];
  const count = { error: 0, warning: 0, info: 0 };
  let files = 0;
  for (const c of checked) {
    if (c.diagnostics.length) files++;
    for (const d of c.diagnostics) {
      count[d.severity]++;
      lines.push(oneLine(c.path, d) + (d.severity === "error" ? "" : ` (${d.severity})`));
    }
  }
  const parts = [plural(count.error, "error"), plural(count.warning, "warning")];
  if (count.info) parts.push(plural(count.info, "info"));
  const head = `[speclint] ${parts.join(", ")} in ${plural(files, "file")} of ${plural(checked.length, "spec document")}:`;
  return { count, text: [head, ...lines].join("\n") };
}

/**
 * The plugin. Docusaurus calls it with the site's context and the options
 * returned by `validateOptions`.
 */
async function pluginSpeclint(context, rawOptions) {
  const options = validateOptions({ options: rawOptions });
  const siteDir = context.siteDir;
  // Bad globs fail at startup, before any build work.
  await compileGlobs("include", options.include);
  await compileGlobs("exclude", options.exclude);
  return {
    name: "speclint",

    async loadContent() {
      const { seen, checked } = await run(siteDir, options);
      const { count, text } = report(checked);
      const problems = count.error + count.warning + count.info;
      const failing = checked.some((c) => c.diagnostics.some((d) => reaches(d.severity, options.failOn)));
      if (failing) {
        const why = options.failOn === "error" ? "errors" : "problems";
        const error = new Error(`${text}\n[speclint] the build fails on ${why} (failOn: "${options.failOn}")`);
        error.stack = `Error: ${error.message}`; // the list is the news, not where it was thrown
        throw error;
      }
      if (problems) console.warn(text);
      else console.log(`[speclint] ${plural(checked.length, "spec document")} checked (of ${plural(seen, "file")} included): no problems`);
      return {
        documents: checked.map((c) => ({ path: c.path, diagnostics: c.diagnostics })),
      };
    },

    getPathsToWatch() {
      const paths = options.include.map((g) => join(siteDir, g));
      if (options.config !== undefined) paths.push(resolve(siteDir, options.config));
      for (const t of options.types) paths.push(isAbsolute(t) ? t : join(siteDir, t));
      return paths;
    },
  };
}

module.exports = pluginSpeclint;
module.exports.default = pluginSpeclint;
module.exports.validateOptions = validateOptions;
