// Compiled by test/tsc.test.js (strict, nodenext): require() gets the same types.
import speclint = require("speclint");

const r: speclint.ValidateResult = speclint.validate("# x\n", { path: "x.md" });
const col: number | undefined = r.diagnostics[0]?.column;
const l = new speclint.Linter();
const t: speclint.SpecType = l.specType("database-schema");

export = { col, t };
