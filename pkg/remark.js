// The remark (unified) plugin of the npm package `speclint` (ESM):
//
//   import remarkSpeclint from "speclint/remark";
//   unified().use(remarkParse).use(remarkFrontmatter).use(remarkSpeclint, { fatal: "error" })
//
// Implemented in lib/remark.cjs (shared with remark.cjs); types in remark.d.ts.
import * as speclint from "./index.js";
import remark from "./lib/remark.cjs";

const remarkSpeclint = remark.create(speclint);
export default remarkSpeclint;
