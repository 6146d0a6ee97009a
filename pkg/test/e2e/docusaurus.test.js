// End to end: a real Docusaurus 3 site (test/docusaurus-site, its
// dependencies installed from npm and cached, see helpers.js) whose build
// validates its spec documents with speclint. Builds a copy of the site:
// it fails on an invalid spec with the `path:line:col code message` line,
// passes once the spec is fixed, fails again on a warm rebuild, fails through
// the remark plugin too, and reports bad plugin options.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { validate } from "speclint";
import { pkg, read } from "../helpers.js";
import { docusaurusModules, linkModules } from "./helpers.js";

const valid = read("examples/valid/orders-db.md");
const invalid = valid.replace(/^status: approved$/m, "status: in-review");
const specPath = "docs/specs/orders-db.md";

let site;
before(() => {
  const modules = docusaurusModules();
  site = mkdtempSync(join(tmpdir(), "speclint-docusaurus-"));
  cpSync(join(pkg, "test", "docusaurus-site"), site, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|build|\.docusaurus)$/.test(src),
  });
  linkModules(site, modules);
  mkdirSync(join(site, "docs", "specs"), { recursive: true });
});
after(() => rmSync(site, { recursive: true, force: true }));

/** Runs `docusaurus build` in the site copy; returns { status, output, seconds }. */
function build(env = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(site, "node_modules", "@docusaurus", "core", "bin", "docusaurus.mjs"), "build"], {
    cwd: site,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "", ...env },
    timeout: 600_000,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const output = `${r.stdout}${r.stderr}`;
  process.stderr.write(`# docusaurus build ${JSON.stringify(env)}: exit ${r.status} in ${seconds.toFixed(1)} s\n`);
  return { status: r.status, output, seconds };
}

/** The line the plugin prints for the first error of a document, from the package itself. */
function expectedLine(text, columnEncoding) {
  const d = validate(text, { columnEncoding }).diagnostics.find((x) => x.severity === "error");
  assert.ok(d, "the invalid document has an error");
  return { d, line: `${specPath}:${d.line}:${d.column} ${d.code} ${d.message}` };
}

test("docusaurus build fails on an invalid spec, passes once fixed, fails again on a warm rebuild", () => {
  writeFileSync(join(site, specPath), invalid);
  const { d, line } = expectedLine(invalid, "unicode");
  assert.equal(`${d.line}:${d.column} ${d.code}`, "5:9 FM008");

  const failed = build();
  assert.notEqual(failed.status, 0, failed.output);
  assert.ok(failed.output.includes(line), `expected \`${line}\` in:\n${failed.output}`);
  assert.match(failed.output, /\[speclint\] 1 error, 0 warnings in 1 file of 1 spec document:/);
  assert.match(failed.output, /the build fails on errors \(failOn: "error"\)/);
  assert.ok(!existsSync(join(site, "build", "index.html")), "no site was generated");

  writeFileSync(join(site, specPath), valid);
  const passed = build({ SPECLINT_FIXTURE_MODE: "name" }); // plugins: ["speclint/docusaurus"]
  assert.equal(passed.status, 0, passed.output);
  assert.match(passed.output, /\[speclint\] 1 spec document checked \(of 2 files included\): no problems/);
  assert.ok(existsSync(join(site, "build", "specs", "orders-db", "index.html")), "the spec page was built");
  const page = readFileSync(join(site, "build", "specs", "orders-db", "index.html"), "utf8");
  assert.match(page, /Orders Service Database Schema/);

  // Warm (webpack's cache is filled): loadContent still runs and checks the files.
  writeFileSync(join(site, specPath), invalid);
  const warm = build();
  assert.notEqual(warm.status, 0, warm.output);
  assert.ok(warm.output.includes(line), warm.output);
});

test("docusaurus build with failOn: never passes and lists the problems; failOn: warning fails on warnings", () => {
  const withWarning = valid.replace(/^applicability: \[web, mobile\]$/m, "applicability: [web, tablet]");
  const w = validate(withWarning, { columnEncoding: "unicode" }).diagnostics;
  assert.deepEqual(w.map((x) => `${x.code} ${x.severity}`), ["FM015 warning"]);
  writeFileSync(join(site, specPath), withWarning);

  const never = build({ SPECLINT_FIXTURE_OPTIONS: JSON.stringify({ failOn: "never" }) });
  assert.equal(never.status, 0, never.output);
  assert.ok(never.output.includes(`${specPath}:${w[0].line}:${w[0].column} FM015 ${w[0].message} (warning)`), never.output);

  const strict = build({ SPECLINT_FIXTURE_OPTIONS: JSON.stringify({ failOn: "warning" }) });
  assert.notEqual(strict.status, 0, strict.output);
  assert.match(strict.output, /the build fails on problems \(failOn: "warning"\)/);
});

test("docusaurus build through the remark plugin (fatal: 'error') fails with every error of the file", () => {
  writeFileSync(join(site, specPath), invalid);
  const { line } = expectedLine(invalid, "utf16");
  const r = build({ SPECLINT_FIXTURE_MODE: "remark" });
  assert.notEqual(r.status, 0, r.output);
  assert.match(r.output, /MDX compilation failed for file/);
  assert.ok(r.output.includes(`speclint found 1 error in ${specPath}:`), r.output);
  assert.ok(r.output.includes(line), r.output);
});

test("bad plugin options stop the build with a clear message", () => {
  writeFileSync(join(site, specPath), valid);
  const r = build({ SPECLINT_FIXTURE_OPTIONS: JSON.stringify({ failOn: "sometimes" }) });
  assert.notEqual(r.status, 0, r.output);
  assert.ok(r.output.includes('speclint/docusaurus: `failOn` must be "error", "warning" or "never", not `"sometimes"`'), r.output);
  const typo = build({ SPECLINT_FIXTURE_OPTIONS: JSON.stringify({ includes: ["docs/**"] }) });
  assert.notEqual(typo.status, 0, typo.output);
  assert.ok(typo.output.includes("speclint/docusaurus: unknown option `includes`; did you mean `include`?"), typo.output);
});

test("a template family: the site's templates are the spec types (plugin option `templates`), a defect fails the build", () => {
  const family = join(pkg, "..", "tests", "family");
  const docs = join(site, "docs", "specs");
  rmSync(docs, { recursive: true, force: true });
  mkdirSync(docs, { recursive: true });
  mkdirSync(join(site, "templates"), { recursive: true });
  cpSync(join(family, "templates", "specs", "tech-stack.md"), join(site, "templates", "tech-stack.md"));
  cpSync(join(family, "docs", "checkout", "checkout-tech-stack.md"), join(docs, "checkout-tech-stack.md"));
  const options = JSON.stringify({ templates: ["templates/*.md"] });
  const passed = build({ SPECLINT_FIXTURE_OPTIONS: options });
  assert.equal(passed.status, 0, passed.output);
  assert.match(passed.output, /\[speclint\] .*1 spec document/);
  assert.ok(existsSync(join(site, "build", "specs", "checkout-tech-stack", "index.html")), "the spec page was built");

  cpSync(join(family, "defects", "loyalty-tech-stack.md"), join(docs, "loyalty-tech-stack.md"));
  const failed = build({ SPECLINT_FIXTURE_OPTIONS: options });
  assert.notEqual(failed.status, 0, failed.output);
  assert.ok(
    failed.output.includes("docs/specs/loyalty-tech-stack.md:82:1 ST001 required section `Platform Support Matrix` is missing"),
    failed.output,
  );
  rmSync(join(site, "templates"), { recursive: true, force: true });
  rmSync(docs, { recursive: true, force: true });
  mkdirSync(docs, { recursive: true });
});
