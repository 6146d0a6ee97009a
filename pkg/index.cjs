// The Node entry of the npm package `speclint` (CommonJS): `require("speclint")`.
// The wasm-bindgen nodejs glue reads and instantiates the .wasm synchronously
// on require. Same functions as index.js; types in index.d.ts.
"use strict";

const glue = require("./wasm/speclint.cjs");
const { guardFreed } = require("./lib/guard.cjs");

guardFreed(glue.Linter, "Linter");
guardFreed(glue.Workspace, "Workspace");

module.exports = {
  Linter: glue.Linter,
  Workspace: glue.Workspace,
  deriveSpecType: glue.deriveSpecType,
  exportSpec: glue.exportSpec,
  frontMatterSchema: glue.frontMatterSchema,
  inputLimit: glue.inputLimit,
  normalize: glue.normalize,
  parseConfig: glue.parseConfig,
  renderDiagnostics: glue.renderDiagnostics,
  rules: glue.rules,
  specTypes: glue.specTypes,
  unifiedDiff: glue.unifiedDiff,
  validate: glue.validate,
  version: glue.version,
};
