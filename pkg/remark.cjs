// The remark (unified) plugin of the npm package `speclint` (CommonJS), for
// configs loaded with require(): `remarkPlugins: [[require("speclint/remark"), { fatal: "error" }]]`.
// Implemented in lib/remark.cjs (shared with remark.js); types in remark.d.cts.
"use strict";

const plugin = require("./lib/remark.cjs").create(require("./index.cjs"));
module.exports = plugin;
module.exports.default = plugin;
