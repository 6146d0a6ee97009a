// remark-cli with remark-lint-frontmatter-schema, configured for the Database
// Schema Specification as far as it can be: the front matter is checked
// against the JSON Schema that `speclint schema database-schema` prints
// (written next to this file as schema.json by run.sh). remark-lint has no
// rule for required sections or table columns.
import { relative } from "node:path";
import remarkFrontmatter from "remark-frontmatter";
import remarkLintFrontmatterSchema from "remark-lint-frontmatter-schema";

// The plugin resolves schema paths from the working directory.
const schema = relative(process.cwd(), new URL("./schema.json", import.meta.url).pathname);

export default {
  plugins: [remarkFrontmatter, [remarkLintFrontmatterSchema, { schemas: { [schema]: ["**/*.md"] } }]],
};
