// The remark (unified) plugin `speclint/remark`, shared by remark.js (import)
// and remark.cjs (require): validates the whole file (`file.value`, the raw
// source with its front matter) with the core and reports each diagnostic as
// a vfile message. See README.md, "remark and unified".
"use strict";

const { relative, isAbsolute } = require("node:path");
const { checkKeys, describe, fail, isPlainObject, makeLinter, oneLine, parseConfigOption, reaches, utf16Offsets } = require("./plugin.cjs");

const NAME = "speclint/remark";
const OPTIONS = ["fatal", "types", "rules", "specType", "config"];
const FATAL = ["error", "warning", false];

/** vfile's reading of a severity: `fatal` true is an error, false a warning, undefined an info. */
const FATAL_FIELD = { error: true, warning: false, info: undefined };

/** Reads and checks the options; builds the linter once per processor. */
function settings(binding, options) {
  if (options === undefined || options === null) options = {};
  if (!isPlainObject(options)) fail(NAME, `options must be an object, not ${describe(options)}`);
  checkKeys(NAME, options, OPTIONS);
  const fatal = options.fatal ?? false;
  if (!FATAL.includes(fatal)) {
    fail(NAME, `\`fatal\` must be "error", "warning" or false, not ${describe(fatal)}`);
  }
  if (options.types !== undefined && !Array.isArray(options.types)) {
    fail(NAME, `\`types\` must be an array of spec types (YAML text, { path, text } or definition objects), not ${describe(options.types)}`);
  }
  if (options.rules !== undefined && !isPlainObject(options.rules)) {
    fail(NAME, `\`rules\` must be an object of rule levels, e.g. { FM006: "off" }, not ${describe(options.rules)}`);
  }
  if (options.specType !== undefined && typeof options.specType !== "string") {
    fail(NAME, `\`specType\` must be a spec type id, not ${describe(options.specType)}`);
  }
  const config = parseConfigOption(NAME, binding, options.config);
  const linter = makeLinter(NAME, binding, {
    config,
    base: process.cwd(),
    extraTypes: options.types,
    rules: options.rules,
    specType: options.specType,
    columnEncoding: "utf16",
  });
  return { fatal, linter, specType: options.specType };
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
  const result = s.linter.validate(value);
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
