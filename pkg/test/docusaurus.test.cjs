// The Docusaurus plugin `speclint/docusaurus`, loaded with require() as
// Docusaurus loads it, and run on site directories without Docusaurus (the
// real build is in test/e2e/docusaurus.test.js): option checking, file
// selection, config and custom types, cross-document checks (the same
// diagnostics as `speclint check` on the same tree), failOn, the report.
const assert = require("node:assert/strict");
const { spawnSync } = require("node:child_process");
const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { dirname, join } = require("node:path");
const { after, test } = require("node:test");

const pkg = join(__dirname, "..");
const repo = join(pkg, "..");
const read = (p) => readFileSync(join(repo, p), "utf8");
const plugin = require("speclint/docusaurus");
const { validate } = require("speclint");

const valid = read("examples/valid/orders-db.md");
const defects = read("examples/invalid/orders-db-defects.md");
const adr = read("examples/adr/0001-use-postgres.md");
const adrType = read("examples/types/adr.yaml");

const sites = mkdtempSync(join(tmpdir(), "speclint-docusaurus-unit-"));
after(() => rmSync(sites, { recursive: true, force: true }));
let n = 0;
/** A site directory with `files` ({ relative path: text }). */
function site(files) {
  const dir = join(sites, `site-${n++}`);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** Runs the plugin's loadContent on `siteDir`; resolves to { content, error, out, err } (console output captured). */
async function load(siteDir, options) {
  const out = [];
  const err = [];
  const { log, warn } = console;
  console.log = (...a) => out.push(a.join(" "));
  console.warn = (...a) => err.push(a.join(" "));
  try {
    // As the README asks: .md read as Markdown (the MDX warning has its own test).
    const p = await plugin({ siteDir, siteConfig: { markdown: { format: "detect" } } }, plugin.validateOptions({ options }));
    try {
      return { content: await p.loadContent(), out: out.join("\n"), err: err.join("\n") };
    } catch (error) {
      return { error, out: out.join("\n"), err: err.join("\n") };
    }
  } finally {
    console.log = log;
    console.warn = warn;
  }
}

const line = (path, d) => `${path}:${d.line}:${d.column} ${d.code} ${d.message}${d.severity === "error" ? "" : ` (${d.severity})`}`;

test("require('speclint/docusaurus') is a Docusaurus plugin module", () => {
  assert.equal(typeof plugin, "function");
  assert.equal(plugin.default, plugin);
  assert.equal(typeof plugin.validateOptions, "function");
});

test("validateOptions fills in defaults and rejects bad options with clear messages", () => {
  const v = (options) => plugin.validateOptions({ validate: () => assert.fail("Joi is not used"), options });
  assert.deepEqual(v(undefined), { id: "default", include: ["docs/**/*.md{,x}"], exclude: [], failOn: "error", types: [], templates: [], config: undefined });
  assert.deepEqual(v({ id: "x", include: "specs/*.md", exclude: ["specs/draft-*"], failOn: "warning", types: ["t.yaml"], config: "speclint.yaml" }), {
    id: "x",
    include: ["specs/*.md"],
    exclude: ["specs/draft-*"],
    failOn: "warning",
    types: ["t.yaml"],
    templates: [],
    config: "speclint.yaml",
  });
  const bad = (options, message) => assert.throws(() => v(options), { name: "Error", message });
  bad({ failOn: "sometimes" }, 'speclint/docusaurus: `failOn` must be "error", "warning" or "never", not `"sometimes"`');
  bad({ failOn: false }, 'speclint/docusaurus: `failOn` must be "error", "warning" or "never", not `false`');
  bad({ includes: [] }, "speclint/docusaurus: unknown option `includes`; did you mean `include`?");
  bad({ foo: 1 }, "speclint/docusaurus: unknown option `foo`; expected one of `id`, `include`, `exclude`, `failOn`, `types`, `templates`, `config`");
  bad({ include: 3 }, "speclint/docusaurus: `include` must be a glob or an array of globs, not `3`");
  bad({ include: [] }, "speclint/docusaurus: `include` must name at least one glob");
  bad({ types: "a.yaml" }, 'speclint/docusaurus: `types` must be an array of file paths, not `"a.yaml"`');
  bad({ config: { rules: {} } }, "speclint/docusaurus: `config` must be the path of a speclint.yaml, not an object");
  bad("docs", 'speclint/docusaurus: options must be an object, not `"docs"`');
});

test("a bad glob fails when the plugin starts", async () => {
  await assert.rejects(plugin({ siteDir: sites }, plugin.validateOptions({ options: { include: ["docs/{a"] } })), {
    message: /^speclint\/docusaurus: `include`: invalid glob `docs\/\{a`: unclosed `\{`/,
  });
});

test("loadContent checks the spec documents include selects, fails on errors and lists every problem", async () => {
  const dir = site({
    "docs/intro.md": "# Welcome\n",
    "docs/specs/bad.md": defects,
    "docs/specs/good.mdx": read("examples/valid/analytics-warehouse.md"),
    "docs/.hidden/bad.md": defects,
    "blog/bad.md": defects,
    "node_modules/x/docs/bad.md": defects,
  });
  const r = await load(dir);
  assert.ok(r.error, "the build fails");
  const diagnostics = validate(defects, { columnEncoding: "unicode" }).diagnostics;
  const n = (s) => diagnostics.filter((d) => d.severity === s).length;
  const infos = n("info") ? `, ${n("info")} info` : "";
  const lines = r.error.message.split("\n");
  assert.equal(lines[0], `[speclint] ${n("error")} errors, ${n("warning")} warnings${infos} in 1 file of 2 spec documents:`);
  assert.deepEqual(lines.slice(1, -1), diagnostics.map((d) => line("docs/specs/bad.md", d)));
  assert.equal(lines.at(-1), '[speclint] the build fails on errors (failOn: "error")');
  assert.equal(r.error.stack, `Error: ${r.error.message}`, "no stack trace under the list");

  const never = await load(dir, { failOn: "never" });
  assert.equal(never.error, undefined);
  assert.equal(never.err, lines.slice(0, -1).join("\n"), "problems are printed as warnings");
  assert.deepEqual(never.content.documents.map((d) => [d.path, d.diagnostics.length]), [
    ["docs/specs/bad.md", diagnostics.length],
    ["docs/specs/good.mdx", 0],
  ]);

  const only = await load(dir, { include: "docs/specs/good.mdx" });
  assert.equal(only.error, undefined);
  assert.equal(only.out, "[speclint] 1 spec document checked (of 1 file included): no problems");
  const excluded = await load(dir, { exclude: ["**/bad.md"] });
  assert.equal(excluded.error, undefined);
  assert.equal(excluded.out, "[speclint] 1 spec document checked (of 2 files included): no problems");
  const blog = await load(dir, { include: ["blog/*.md"] });
  assert.match(blog.error.message, /in 1 file of 1 spec document:\nblog\/bad\.md:5:9 FM008/);
});

test("failOn: warning fails on warnings; failOn: error passes them and prints them", async () => {
  const dir = site({ "docs/a.md": valid.replace(/^applicability: \[web, mobile\]$/m, "applicability: [web, tablet]") });
  const [d] = validate(readFileSync(join(dir, "docs/a.md"), "utf8"), { columnEncoding: "unicode" }).diagnostics;
  assert.equal(d.code, "FM015");
  assert.equal(d.severity, "warning");
  const lenient = await load(dir);
  assert.equal(lenient.error, undefined);
  assert.equal(lenient.err, `[speclint] 0 errors, 1 warning in 1 file of 1 spec document:\n${line("docs/a.md", d)}`);
  const strict = await load(dir, { failOn: "warning" });
  assert.match(strict.error.message, /\n\[speclint\] the build fails on problems \(failOn: "warning"\)$/);
});

test("docusaurus start (NODE_ENV=development) prints the problems in the same form and keeps serving", async () => {
  const dir = site({ "docs/specs/bad.md": defects });
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = "development";
  try {
    const r = await load(dir);
    assert.equal(r.error, undefined, "start does not fail");
    const build = await (async () => {
      process.env.NODE_ENV = "production";
      return load(dir);
    })();
    assert.ok(build.error, "build fails");
    const listed = build.error.message.split("\n").slice(0, -1).join("\n");
    assert.ok(r.err.startsWith(listed), r.err);
    assert.match(r.err, /docs\/specs\/bad\.md:5:9 FM008 /);
    assert.match(r.err, /docusaurus start: not failing \(failOn: "error" applies to docusaurus build\)$/);
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
});

test("config (found upward or named) and custom type files", async () => {
  const dir = site({
    "speclint.yaml": "rules:\n  FM006: off\ntypes: [types/adr.yaml]\n",
    "types/adr.yaml": adrType,
    "website/docs/adr.md": adr,
    "website/docs/spec.md": valid.replace(/^status: approved$/m, "status: approved\nreviewers: [ana]"),
    "website/other.yaml": "rules:\n  FM006: error\n",
    "website/adr-type.yaml": adrType,
  });
  const website = join(dir, "website");
  const found = await load(website);
  assert.equal(found.error, undefined, found.error?.message);
  assert.equal(found.out, "[speclint] 2 spec documents checked (of 2 files included): no problems");

  const named = await load(website, { config: "other.yaml" });
  assert.match(named.error.message, /docs\/spec\.md:\d+:1 FM006 unknown front matter field `reviewers`/);
  assert.match(named.error.message, /docs\/adr\.md:/, "without the config's types the ADR is not valid");
  const typed = await load(website, { config: "other.yaml", types: ["adr-type.yaml"] });
  assert.doesNotMatch(typed.error.message, /docs\/adr\.md:/);

  await assert.rejects(plugin({ siteDir: website }, plugin.validateOptions({ options: { config: "missing.yaml" } })).then((p) => p.loadContent()), {
    message: /^speclint\/docusaurus: cannot read the config `.*missing\.yaml`/,
  });
  writeFileSync(join(website, "broken.yaml"), "rulez: {}\n");
  await assert.rejects(plugin({ siteDir: website }, plugin.validateOptions({ options: { config: "broken.yaml" } })).then((p) => p.loadContent()), {
    message: /^speclint\/docusaurus: config .*broken\.yaml:1:1: unknown option `rulez`; expected one of `rules`, .*; did you mean `rules`\?$/,
  });
  writeFileSync(join(website, "bad-type.yaml"), "id: x\nname: X\nbogus: 1\n");
  await assert.rejects(plugin({ siteDir: website }, plugin.validateOptions({ options: { config: "other.yaml", types: ["bad-type.yaml"] } })).then((p) => p.loadContent()), {
    message: /^speclint\/docusaurus: spec type bad-type\.yaml:3:1: unknown field `bogus`/,
  });
});

test("the same diagnostics as `speclint check` on the same tree, cross-document checks included", async () => {
  const second = valid.replace(/^status: approved$/m, "status: draft"); // same title and entities: XD001, XD002
  const dir = site({
    "speclint.yaml": "references:\n  initiatives: [initiatives/*.md]\n",
    "initiatives/checkout-v2.md": "# Checkout v2\n",
    "docs/a.md": valid,
    "docs/b.md": second,
    "docs/c.md": defects,
    "docs/intro.md": "# Intro\n",
  });
  const r = await load(dir, { failOn: "never" });
  const ours = r.content.documents.flatMap((d) => d.diagnostics);
  assert.ok(ours.some((d) => d.code === "XD001"), "duplicate titles found");
  assert.ok(ours.some((d) => d.code === "XD003"), "unknown initiatives found");
  const cli = spawnSync(process.execPath, [join(pkg, "bin", "speclint.js"), "check", "docs", "--format", "json"], { cwd: dir, encoding: "utf8" });
  assert.equal(cli.status, 1, cli.stderr);
  assert.deepEqual(ours, JSON.parse(cli.stdout));
});

test("getPathsToWatch names the included globs, the config and the type files", async () => {
  const p = await plugin({ siteDir: "/site" }, plugin.validateOptions({ options: { include: ["docs/**/*.md"], config: "speclint.yaml", types: ["t/a.yaml", "/abs/b.yaml"] } }));
  assert.equal(p.name, "speclint");
  assert.deepEqual(p.getPathsToWatch(), ["/site/docs/**/*.md", "/site/speclint.yaml", "/site/t/a.yaml", "/abs/b.yaml"]);
});

test("the parity tree (tests/parity/tree): the same problem list as native `speclint check`", async () => {
  const tree = join(repo, "tests", "parity", "tree");
  const r = await load(tree, { failOn: "never", include: ["**/*.md", "**/*.markdown", "**/*.mdx"] });
  assert.equal(r.error, undefined, r.error && r.error.message);
  const ours = r.content.documents.flatMap((d) => d.diagnostics);
  const { nativeBin } = await import("./helpers.js");
  const native = spawnSync(nativeBin(), ["check", "--format", "json"], { cwd: tree, encoding: "utf8" });
  assert.equal(native.status, 1, native.stderr);
  assert.deepEqual(ours, JSON.parse(native.stdout));
});

test("a .md spec compiled as MDX (Docusaurus' default) gets a warning; markdown.format 'detect' none", async () => {
  const dir = site({ "docs/a.md": valid });
  const warnings = async (siteConfig) => {
    const err = [];
    const { warn } = console;
    console.warn = (...a) => err.push(a.join(" "));
    try {
      const p = await plugin({ siteDir: dir, siteConfig }, plugin.validateOptions({ options: { failOn: "never" } }));
      await p.loadContent();
    } finally {
      console.warn = warn;
    }
    return err.join("\n");
  };
  assert.match(await warnings({}), /1 spec document \(docs\/a\.md\) will be compiled as MDX .*markdown: \{ format: 'detect' \}/);
  assert.match(await warnings({ markdown: { format: "mdx" } }), /compiled as MDX/);
  assert.doesNotMatch(await warnings({ markdown: { format: "detect" } }), /MDX/);
});

test("an include that selects no spec document warns (IO003), and IO003: error in the config fails the build", async () => {
  const dir = site({ "docs/intro.md": "# Intro\n" });
  const r = await load(dir, {});
  assert.equal(r.error, undefined);
  assert.match(r.err, /^\.:1:1 IO003 no spec document found: 1 Markdown file without `spec_type` \(warning\)$/m);
  // The `.` entry of IO003 is not counted as a spec document.
  assert.match(r.err, /^\[speclint\] 0 errors, 1 warning \(no spec documents\):$/m);
  writeFileSync(join(dir, "speclint.yaml"), "rules:\n  IO003: error\n");
  const failed = await load(dir, {});
  assert.match(failed.error.message, /IO003 no spec document found/);
});
