// Compiled by test/tsc.test.js (strict, nodenext): the plugins' types for require().
import pluginSpeclint = require("speclint/docusaurus");
import remarkSpeclint = require("speclint/remark");

const options: pluginSpeclint.Options = {
  failOn: "warning",
  include: ["docs/**/*.md{,x}"],
  exclude: "docs/drafts/**",
  types: ["types/adr.yaml"],
  config: "speclint.yaml",
};
const normalized: pluginSpeclint.NormalizedOptions = pluginSpeclint.validateOptions({ options });
async function build(): Promise<string[]> {
  const plugin = await pluginSpeclint({ siteDir: "/site" }, normalized);
  const content = await plugin.loadContent();
  return content.documents.flatMap((d) => d.diagnostics.map((x) => `${d.path}:${x.line}:${x.column} ${x.code}`));
}
const remarkOptions: remarkSpeclint.Options = { fatal: "error" };
const transformer: remarkSpeclint.Transformer = remarkSpeclint(remarkOptions);

// @ts-expect-error: not a failOn value
const bad: pluginSpeclint.Options = { failOn: "sometimes" };
// @ts-expect-error: `types` are file paths
const badTypes: pluginSpeclint.Options = { types: [{ id: "x", name: "X" }] };

export { build, transformer, bad, badTypes };
