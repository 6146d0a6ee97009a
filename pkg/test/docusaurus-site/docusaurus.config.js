// A minimal Docusaurus 3 site whose build validates its spec documents with
// speclint (pkg/test/e2e/docusaurus.test.js builds copies of it). The three
// ways to wire speclint in, chosen by SPECLINT_FIXTURE_MODE for the test:
//   "plugin" (default)  [require.resolve("speclint/docusaurus"), { ...options }]
//   "name"              "speclint/docusaurus" (default options)
//   "remark"            remarkPlugins: [[require("speclint/remark"), { fatal: "error" }]]
// SPECLINT_FIXTURE_OPTIONS (JSON) replaces the plugin's options in "plugin" mode.
const mode = process.env.SPECLINT_FIXTURE_MODE || "plugin";
const pluginOptions = process.env.SPECLINT_FIXTURE_OPTIONS
  ? JSON.parse(process.env.SPECLINT_FIXTURE_OPTIONS)
  : { failOn: "error", include: ["docs/**/*.md{,x}"] };

/** @type {import('@docusaurus/types').Config} */
module.exports = {
  title: "speclint Docusaurus fixture",
  url: "http://127.0.0.1",
  baseUrl: "/",
  onBrokenLinks: "warn",
  // Spec documents are CommonMark (`{` and `<` in them are text, not MDX).
  markdown: { format: "detect" },
  presets: [
    [
      "classic",
      {
        docs: {
          routeBasePath: "/",
          sidebarPath: require.resolve("./sidebars.js"),
          remarkPlugins: mode === "remark" ? [[require("speclint/remark"), { fatal: "error" }]] : [],
        },
        blog: false,
        pages: false,
      },
    ],
  ],
  plugins:
    mode === "plugin"
      ? [[require.resolve("speclint/docusaurus"), pluginOptions]]
      : mode === "name"
        ? ["speclint/docusaurus"]
        : [],
};
