// The Docusaurus 3 plugin of the npm package `speclint` (CommonJS: Docusaurus
// loads plugins with require):
//
//   plugins: ["speclint/docusaurus"]
//   plugins: [[require.resolve("speclint/docusaurus"), { failOn: "error", include: ["docs/**/*.md"] }]]
//
// On every build (in `loadContent`, which runs on warm builds and on reloads
// of `docusaurus start` too) it validates every spec document the `include`
// globs select, prints all problems at once as `path:line:col code message`,
// and fails `docusaurus build` when there are errors (`failOn`); `docusaurus
// start` prints the same problems and keeps serving. Checks, messages and
// cross-document checks all come from the core (the same as `speclint check`).
// Types in docusaurus.d.cts; documented in README.md, "Docusaurus".
"use strict";

const { readFileSync, readdirSync, statSync } = require("node:fs");
const { dirname, isAbsolute, join, relative, resolve, sep } = require("node:path");
const binding = require("./index.cjs");
const { addTemplateFiles, checkKeys, describe, discoverConfig, fail, ignoreTexts, isPlainObject, oneLine, reaches, readType, walkMarkdown } = require("./lib/plugin.cjs");

const NAME = "speclint/docusaurus";
const OPTIONS = ["id", "include", "exclude", "failOn", "types", "templates", "config"];
const FAIL_ON = ["error", "warning", "never"];
const DEFAULT_INCLUDE = ["docs/**/*.md{,x}"];

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
    templates: options.templates === undefined ? [] : stringList("templates", options.templates, { allowString: true }),
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

/** The files of `root` the plugin's `include` globs match and its `exclude` globs do not, sorted. */
function select(ws, root, include, exclude) {
  const all = new Set();
  const mark = ws.enter(slash(resolve(root)), ignoreTexts(root));
  try {
    for (const g of include) walkMarkdown(NAME, ws, root, literalBase(g), all);
  } finally {
    ws.leave(mark);
  }
  const matches = (globs, p) => globs.some((g) => ws.matchGlob(g, p));
  return [...all].filter((p) => matches(include, p) && !matches(exclude, p)).sort();
}

const slash = (p) => p.split(sep).join("/");

/** Checks the plugin's globs with the core's matcher (the one every host uses). */
function checkGlobs(name, globs) {
  const ws = new binding.Workspace();
  try {
    for (const g of globs) {
      try {
        ws.matchGlob(g, "");
      } catch (e) {
        fail(NAME, `\`${name}\`: ${e.message}`);
      }
    }
  } finally {
    ws.free();
  }
}

/**
 * Checks the site's spec documents with the core's run policy (the same as
 * `speclint check`): the config's levels, `overrides`, `exclude` and
 * references; each document validated once, then the cross-document checks.
 */
async function run(siteDir, options) {
  const configPath = options.config !== undefined ? resolve(siteDir, options.config) : discoverConfig(siteDir);
  let configText;
  if (configPath !== null) {
    try {
      configText = readFileSync(configPath, "utf8");
    } catch (e) {
      fail(NAME, `cannot read the config \`${configPath}\`: ${e.message}`);
    }
  }
  let config;
  try {
    config = binding.parseConfig(configText ?? "", configPath ?? undefined);
  } catch (e) {
    fail(NAME, e.message);
  }
  const configDir = configPath === null ? siteDir : dirname(configPath);
  const types = [
    ...config.types.map((t) => readType(NAME, t, configDir, "spec type file")),
    ...options.types.map((t) => readType(NAME, t, siteDir, "spec type file")),
  ];
  let ws;
  try {
    ws = new binding.Workspace({
      config: configText,
      configPath: configPath ?? undefined,
      types,
      // The plugin's `templates` globs are relative to the site, the config's to its folder.
      templates: options.templates,
      cwd: slash(resolve(siteDir)),
      root: slash(resolve(configDir)),
    });
  } catch (e) {
    fail(NAME, e.message);
  }
  try {
    addTemplateFiles(NAME, ws, configDir, (rel) => slash(relative(siteDir, join(configDir, rel))));
    let seen = 0;
    for (const path of select(ws, siteDir, options.include, options.exclude)) {
      const rel = slash(relative(configDir, join(siteDir, path)));
      const how = ws.select(rel, false);
      if (how === null) continue; // the config's `exclude`
      seen++;
      ws.add(path, rel, readFileSync(join(siteDir, path)), false, how.included);
    }
    const refs = ws.referenceGlobs();
    const found = (globs, which) => {
      if (globs === null) return null;
      const all = new Set();
      walkMarkdown(NAME, ws, configDir, "", all);
      return [...all]
        .filter((p) => ws.referenceMatches(p)[which])
        .map((p) => slash(relative(siteDir, join(configDir, p))));
    };
    const r = ws.finish({ initiatives: found(refs.initiatives, 0), specs: found(refs.specs, 1), format: "json" });
    return { seen, checked: r.files };
  } finally {
    ws.free();
  }
}

/** The entries that are documents: not the core's `IO003` "no spec documents" entry (path `.`). */
function documentsOf(checked) {
  const notDocument = (c) => c.diagnostics.length > 0 && c.diagnostics.every((d) => d.code === "IO003" || d.code === "IO004");
  return checked.filter((c) => !notDocument(c));
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The report: a summary line, then one `path:line:col code message` line per problem. */
function report(checked) {
  const lines = [];
  const count = { error: 0, warning: 0, info: 0 };
  for (const c of checked) {
    for (const d of c.diagnostics) {
      count[d.severity]++;
      lines.push(oneLine(c.path, d) + (d.severity === "error" ? "" : ` (${d.severity})`));
    }
  }
  const parts = [plural(count.error, "error"), plural(count.warning, "warning")];
  if (count.info) parts.push(plural(count.info, "info"));
  const documents = documentsOf(checked);
  const files = documents.filter((c) => c.diagnostics.length).length;
  const where = documents.length
    ? `in ${plural(files, "file")} of ${plural(documents.length, "spec document")}`
    : "(no spec documents)";
  const head = `[speclint] ${parts.join(", ")} ${where}:`;
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
  checkGlobs("include", options.include);
  checkGlobs("exclude", options.exclude);
  return {
    name: "speclint",

    async loadContent() {
      const { seen, checked } = await run(siteDir, options);
      const { count, text } = report(checked);
      // Docusaurus compiles .md files as MDX unless `markdown.format` is
      // "detect" (or "md"): MDX reads `{...}` as code and `<` as JSX, so a
      // valid spec can render changed (`^[A-Z]{3}$` shows as `^[A-Z]3$`).
      const format = context.siteConfig?.markdown?.format ?? "mdx";
      const asMdx = format === "mdx" ? checked.filter((c) => /\.md$/i.test(c.path)).map((c) => c.path) : [];
      if (asMdx.length) {
        const shown = asMdx.slice(0, 3).join(", ") + (asMdx.length > 3 ? `, and ${asMdx.length - 3} more` : "");
        console.warn(
          `[speclint] ${plural(asMdx.length, "spec document")} (${shown}) will be compiled as MDX (markdown.format is "mdx"): ` +
            "MDX reads `{...}` as JavaScript and `<` as JSX, so what the page shows can differ from the spec " +
            "(`^[A-Z]{3}$` renders as `^[A-Z]3$`). Set `markdown: { format: 'detect' }` in docusaurus.config.js " +
            "to compile .md files as Markdown.",
        );
      }
      const problems = count.error + count.warning + count.info;
      const failing = checked.some((c) => c.diagnostics.some((d) => reaches(d.severity, options.failOn)));
      // `docusaurus start` (NODE_ENV=development, as Docusaurus sets it) keeps
      // serving so that a writer can preview the document they are fixing:
      // the problems are printed, in the same form, and nothing fails.
      // `failOn` is for `docusaurus build`.
      if (failing && process.env.NODE_ENV === "development") {
        console.warn(`${text}\n[speclint] docusaurus start: not failing (failOn: "${options.failOn}" applies to docusaurus build)`);
      } else if (failing) {
        const why = options.failOn === "error" ? "errors" : "problems";
        const error = new Error(`${text}\n[speclint] the build fails on ${why} (failOn: "${options.failOn}")`);
        error.stack = `Error: ${error.message}`; // the list is the news, not where it was thrown
        throw error;
      } else if (problems) console.warn(text);
      else console.log(`[speclint] ${plural(documentsOf(checked).length, "spec document")} checked (of ${plural(seen, "file")} included): no problems`);
      return {
        documents: checked.map((c) => ({ path: c.path, diagnostics: c.diagnostics })),
      };
    },

    getPathsToWatch() {
      const paths = options.include.map((g) => join(siteDir, g));
      if (options.config !== undefined) paths.push(resolve(siteDir, options.config));
      for (const t of options.types) paths.push(isAbsolute(t) ? t : join(siteDir, t));
      // A template changed while the server runs is derived again (its type changes).
      for (const g of options.templates) paths.push(isAbsolute(g) ? g : join(siteDir, g));
      return paths;
    },
  };
}

module.exports = pluginSpeclint;
module.exports.default = pluginSpeclint;
module.exports.validateOptions = validateOptions;
