// The remark (unified) plugin `speclint/remark`, shared by remark.js (import)
// and remark.cjs (require): validates the whole file (`file.value`, the raw
// source with its front matter) with the core and reports each diagnostic as
// a vfile message. See README.md, "remark and unified".
"use strict";

const { readFileSync } = require("node:fs");
const { dirname, isAbsolute, relative, resolve, sep } = require("node:path");
const {
  checkKeys,
  describe,
  discoverConfig,
  fail,
  familyTemplates,
  isPlainObject,
  makeLinter,
  oneLine,
  parseConfigOption,
  reaches,
  readType,
  utf16Offsets,
} = require("./plugin.cjs");

const NAME = "speclint/remark";
const OPTIONS = ["fatal", "types", "templates", "rules", "specType", "config"];
const FATAL = ["error", "warning", false];

/** vfile's reading of a severity: `fatal` true is an error, false a warning, undefined an info. */
const FATAL_FIELD = { error: true, warning: false, info: undefined };

/** A string option that names a file rather than holding YAML or JSON text. */
const isPath = (v) => typeof v === "string" && !/[\n{}]/.test(v) && /\.(ya?ml|json)$/i.test(v.trim());

/** A config file's text, or a plugin error naming it. */
function readConfig(path) {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    return fail(NAME, `cannot read the config \`${path}\`: ${e.message}`);
  }
}

/**
 * Reads and checks the options. The linter is built once per processor when
 * `config` is given; otherwise once per `speclint.yaml` found upward from
 * each file's folder (as every other host finds it), or with no config.
 */
function settings(binding, options) {
  if (options === undefined || options === null) options = {};
  if (!isPlainObject(options)) fail(NAME, `options must be an object, not ${describe(options)}`);
  checkKeys(NAME, options, OPTIONS);
  const fatal = options.fatal ?? false;
  if (!FATAL.includes(fatal)) {
    fail(NAME, `\`fatal\` must be "error", "warning" or false, not ${describe(fatal)}`);
  }
  if (options.types !== undefined && !Array.isArray(options.types)) {
    fail(NAME, `\`types\` must be an array of spec types (a file path, YAML text, { path, text } or definition objects), not ${describe(options.types)}`);
  }
  if (options.rules !== undefined && !isPlainObject(options.rules)) {
    fail(NAME, `\`rules\` must be an object of rule levels, e.g. { FM006: "off" }, not ${describe(options.rules)}`);
  }
  if (options.specType !== undefined && typeof options.specType !== "string") {
    fail(NAME, `\`specType\` must be a spec type id, not ${describe(options.specType)}`);
  }
  if (options.templates !== undefined && (!Array.isArray(options.templates) || options.templates.some((g) => typeof g !== "string" || g === ""))) {
    fail(NAME, `\`templates\` must be an array of globs of template files, not ${describe(options.templates)}`);
  }
  // The option's template globs are relative to the working directory.
  const extraTemplates = familyTemplates(NAME, binding, { templates: options.templates, base: process.cwd() });
  // Type files named by path are read relative to the working directory.
  const extraTypes = (options.types ?? []).map((t) => (isPath(t) ? readType(NAME, t, process.cwd(), "spec type file") : t));
  const build = (config, base, configPath) => {
    const templates = [...familyTemplates(NAME, binding, { templates: config.templates, configPath, base }), ...extraTemplates];
    return makeLinter(NAME, binding, { config, base, extraTypes, templates, rules: options.rules, specType: options.specType, columnEncoding: "utf16" });
  };
  const fromFile = (path) => {
    try {
      return { linter: build(binding.parseConfig(readConfig(path), path), dirname(path), path), base: dirname(path) };
    } catch (e) {
      return fail(NAME, e.message.startsWith(`${NAME}:`) ? e.message.slice(NAME.length + 2) : e.message);
    }
  };
  let fixed = null;
  if (isPath(options.config)) fixed = fromFile(resolve(options.config));
  else if (options.config !== undefined && options.config !== null) {
    fixed = { linter: build(parseConfigOption(NAME, binding, options.config), process.cwd()), base: null };
  }
  // Found upward from each file: one linter per config file (or none). The
  // one without a config is built now, so that bad options fail at once.
  const found = new Map();
  if (!fixed) found.set(null, { linter: build(binding.parseConfig(""), process.cwd()), base: null });
  const linterFor = (file) => {
    if (fixed) return fixed;
    const dir = file.path ? dirname(resolve(file.cwd ?? process.cwd(), file.path)) : process.cwd();
    const path = discoverConfig(dir);
    if (!found.has(path)) {
      found.set(path, fromFile(path));
    }
    return found.get(path);
  };
  return { fatal, linterFor, specType: options.specType };
}

/** The file's path as vfile-reporter shows it: relative to its cwd. */
function shownPath(file) {
  if (!file.path) return "";
  return isAbsolute(file.path) && file.cwd ? relative(file.cwd, file.path) : file.path;
}

function check(s, file) {
  const value = file.value;
  let text;
  if (typeof value === "string") text = value;
  else if (value instanceof Uint8Array) text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(value);
  else return; // nothing to check (an empty vfile)
  const { linter, base } = s.linterFor(file);
  // With a config file, `overrides` apply by the path relative to its folder.
  const rel = base !== null && file.path ? relative(base, resolve(file.cwd ?? process.cwd(), file.path)).split(sep).join("/") : undefined;
  const result = linter.validate(value, rel !== undefined && !rel.startsWith("..") ? { path: rel } : undefined);
  // Like `speclint check` walking a directory: Markdown files that do not
  // declare a spec type are not spec documents (unless `specType` says so).
  if (!result.declaresSpecType && s.specType === undefined) return;
  const diagnostics = result.diagnostics;
  const offsets = utf16Offsets(text, diagnostics.flatMap((d) => [d.start, d.end]));
  const place = (d) => ({
    start: { line: d.line, column: d.column, offset: offsets.get(d.start) },
    end: { line: d.endLine, column: d.endColumn, offset: offsets.get(d.end) },
  });
  for (const d of diagnostics) {
    const message = file.message(d.message, { place: place(d), ruleId: d.code, source: "speclint" });
    message.fatal = FATAL_FIELD[d.severity];
    if (d.help) message.note = d.help;
  }
  if (s.fatal === false) return;
  const failing = diagnostics.filter((d) => reaches(d.severity, s.fatal));
  if (!failing.length) return;
  // Tools that show only a thrown error (Docusaurus, MDX) see every problem:
  // the reason lists them all, one `path:line:col code message` per line.
  const path = shownPath(file);
  const n = failing.length;
  const what = s.fatal === "error" ? (n === 1 ? "error" : "errors") : n === 1 ? "problem" : "problems";
  const reason = [`speclint found ${n} ${what}${path ? ` in ${path}` : ""}:`, ...failing.map((d) => oneLine(path, d))].join("\n");
  file.fail(reason, { place: place(failing[0]), ruleId: failing[0].code, source: "speclint" });
}

/** The unified plugin for a binding (the ESM or the CommonJS build of the package). */
function create(binding) {
  /**
   * @param {object} [options] `fatal`, `types`, `rules`, `specType`, `config`
   * @returns the transformer, which adds messages to the file (and throws with `fatal`)
   */
  return function remarkSpeclint(options) {
    const s = settings(binding, options);
    return function transformer(_tree, file) {
      check(s, file);
    };
  };
}

module.exports = { create };
