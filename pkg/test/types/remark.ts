// Compiled by test/tsc.test.js (strict, nodenext): `speclint/remark` fits unified's `use` and its options are precise.
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import remarkSpeclint from "speclint/remark";
import type { Options, Transformer } from "speclint/remark";
import { unified } from "unified";
import { VFile } from "vfile";

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter)
  .use(remarkSpeclint, { fatal: "error", rules: { FM006: "off", "unknown-section": "warning" } });
const options: Options = {
  fatal: false,
  config: { rules: { FM006: "off" }, types: ["types/adr.yaml"], references: { specs: ["docs/**/*.md"] } },
  types: ["id: adr\nname: ADR\n", { path: "adr.yaml", text: "id: adr\nname: ADR\n" }],
  specType: "adr",
};
const withText: Options = { config: "rules:\n  FM006: off\n" };
const transformer: Transformer = remarkSpeclint(options);
transformer(processor.parse("# x"), new VFile({ value: "# x", path: "a.md" }));
remarkSpeclint();
remarkSpeclint(null);

// @ts-expect-error: `fatal` is a severity or false
remarkSpeclint({ fatal: true });
// @ts-expect-error: unknown option
remarkSpeclint({ fatl: "error" });
// @ts-expect-error: not a rule level
remarkSpeclint({ rules: { FM006: "warn" } });
// @ts-expect-error: not a config key
remarkSpeclint({ config: { rulez: {} } });

export { withText };
