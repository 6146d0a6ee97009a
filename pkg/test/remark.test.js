// The remark plugin `speclint/remark`, through unified + remark-parse +
// remark-frontmatter (devDependencies), vfile-reporter and remark-cli: one
// vfile message per diagnostic with exact places, `fatal` making it throw
// with every problem listed, the options, and clear errors for bad ones.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { validate } from "speclint";
import remarkSpeclint from "speclint/remark";
import { unified } from "unified";
import { VFile } from "vfile";
import { reporter } from "vfile-reporter";
import { pkg, read, repo } from "./helpers.js";

const defects = read("examples/invalid/orders-db-defects.md");
const valid = read("examples/valid/orders-db.md");
const adrType = read("examples/types/adr.yaml");
const adr = read("examples/adr/0001-use-postgres.md");

/** Runs the plugin on `value` (a string or bytes); resolves to the file, or rejects with what the plugin threw. */
async function lint(value, options, path = "docs/spec.md") {
  const file = new VFile({ value, path });
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkSpeclint, options);
  await processor.run(processor.parse(file), file);
  return file;
}

/** The text a unist place covers, by its UTF-16 offsets. */
const covered = (text, place) => text.slice(place.start.offset, place.end.offset);

/** The text a diagnostic covers, by its UTF-8 byte offsets. */
const bytesOf = (text, d) => Buffer.from(text).subarray(d.start, d.end).toString("utf8");

test("one vfile message per diagnostic: ruleId, source, place, fatal by severity, note", async () => {
  const file = await lint(defects);
  const { diagnostics } = validate(defects);
  assert.ok(diagnostics.length > 10);
  assert.equal(file.messages.length, diagnostics.length);
  const fatal = { error: true, warning: false, info: undefined };
  file.messages.forEach((m, i) => {
    const d = diagnostics[i];
    assert.equal(m.reason, d.message);
    assert.equal(m.ruleId, d.code);
    assert.equal(m.source, "speclint");
    assert.equal(m.fatal, fatal[d.severity], `${d.code} ${d.severity}`);
    assert.equal(m.note, d.help);
    assert.deepEqual(m.place, {
      start: { line: d.line, column: d.column, offset: m.place.start.offset },
      end: { line: d.endLine, column: d.endColumn, offset: m.place.end.offset },
    });
    assert.equal(m.line, d.line);
    assert.equal(m.column, d.column);
    assert.equal(covered(defects, m.place), bytesOf(defects, d), `${d.code} covers the same text`);
  });
  const fm008 = file.messages.find((m) => m.ruleId === "FM008");
  assert.equal(covered(defects, fm008.place), "in-review");
  assert.equal(fm008.name, "docs/spec.md:5:9-5:18");
});

test("places count UTF-16 code units: exact after emoji, CJK and astral characters", async () => {
  const text = "---\nspec_type: database-schema\ntitle: 注文 🚀 schema\nowner: 👩‍💻-team\nstatus: 草稿🙂\nlast_updated: 2026-01-01\n---\n\n# 注文 🚀\n";
  const file = await lint(text);
  const m = file.messages.find((x) => x.ruleId === "FM008");
  assert.ok(m, file.messages.map(String).join("\n"));
  const lineStart = text.split("\n").slice(0, m.place.start.line - 1).join("\n").length + 1;
  assert.equal(m.place.start.offset, lineStart + m.place.start.column - 1, "offset and column agree");
  assert.equal(covered(text, m.place), "草稿🙂");
  assert.equal(m.place.start.column, "status: ".length + 1);
  assert.equal(m.place.end.column, "status: 草稿🙂".length + 1, "🙂 counts two UTF-16 code units");
  for (const x of file.messages) {
    const d = validate(text).diagnostics.find((y) => y.code === x.ruleId && y.line === x.line && y.column === x.column);
    assert.ok(d, String(x));
    assert.equal(covered(text, x.place), bytesOf(text, d));
  }
});

test("a file read as bytes (as remark-cli reads it) gives the same messages", async () => {
  const asText = await lint(defects);
  const asBytes = await lint(new TextEncoder().encode(defects));
  assert.deepEqual(asBytes.messages.map((m) => [m.ruleId, m.place]), asText.messages.map((m) => [m.ruleId, m.place]));
  const broken = Buffer.concat([Buffer.from("---\nspec_type: database-schema\ntitle: a"), Buffer.from([0xff]), Buffer.from("\n---\n")]);
  const io = await lint(new Uint8Array(broken));
  assert.ok(io.messages.some((m) => m.ruleId === "IO001"), io.messages.map(String).join("\n"));
});

test("valid documents and Markdown without spec_type give no messages; specType checks them anyway", async () => {
  assert.deepEqual((await lint(valid)).messages, []);
  const plain = "# Notes\n\nNot a spec.\n";
  assert.deepEqual((await lint(plain)).messages, []);
  const forced = await lint(plain, { specType: "database-schema" });
  assert.ok(forced.messages.some((m) => m.ruleId === "FM001"), forced.messages.map(String).join("\n"));
});

test("fatal: 'error' throws one message listing every error as path:line:col code message", async () => {
  const errors = validate(defects).diagnostics.filter((d) => d.severity === "error");
  await assert.rejects(lint(defects, { fatal: "error" }), (e) => {
    assert.equal(e.fatal, true);
    assert.equal(e.source, "speclint");
    assert.equal(e.ruleId, errors[0].code);
    assert.equal(e.line, errors[0].line);
    const lines = e.reason.split("\n");
    assert.equal(lines[0], `speclint found ${errors.length} errors in docs/spec.md:`);
    assert.deepEqual(lines.slice(1), errors.map((d) => `docs/spec.md:${d.line}:${d.column} ${d.code} ${d.message}`));
    return true;
  });
  // Warnings only: `error` does not throw, `warning` does.
  const warnOnly = valid.replace(/^applicability: \[web, mobile\]$/m, "applicability: [web, tablet]");
  const file = await lint(warnOnly, { fatal: "error" });
  assert.deepEqual(file.messages.map((m) => [m.ruleId, m.fatal]), [["FM015", false]]);
  await assert.rejects(lint(warnOnly, { fatal: "warning" }), /speclint found 1 problem in docs\/spec\.md:\ndocs\/spec\.md:\d+:\d+ FM015 `applicability` value `tablet` is not one of the suggested/);
  assert.deepEqual((await lint(valid, { fatal: "warning" })).messages, []);
});

test("processSync surfaces the failure; without fatal the file is processed and reported", () => {
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkSpeclint, { fatal: "error" }).use(function () {
    this.compiler = () => "";
  });
  assert.throws(() => processor.processSync(new VFile({ value: defects, path: "a.md" })), new RegExp(`speclint found ${validate(defects).diagnostics.filter((d) => d.severity === "error").length} errors in a\\.md`));
  const lenient = unified().use(remarkParse).use(remarkFrontmatter).use(remarkSpeclint).use(function () {
    this.compiler = () => "";
  });
  const file = lenient.processSync(new VFile({ value: defects, path: "a.md" }));
  assert.equal(file.messages.length, validate(defects).diagnostics.length);
});

test("vfile-reporter prints the messages with their rule and source", async () => {
  const out = reporter(await lint(defects), { color: false });
  assert.match(out, /^docs\/spec\.md$/m);
  assert.match(out, /5:9-5:18 +error +`status` must be one of `draft`, `approved`, `deprecated`; found `in-review` +FM008 +speclint/);
  assert.match(out, /9:1-9:10 +info +unknown front matter field `reviewers` +FM006 +speclint/);
  const counts = validate(defects).diagnostics.reduce((c, d) => ({ ...c, [d.severity]: (c[d.severity] ?? 0) + 1 }), {});
  assert.match(out, new RegExp(`${counts.error + counts.warning + (counts.info ?? 0)} messages \\(✖ ${counts.error} errors, ⚠ ${counts.warning} warnings\\)`));
});

test("options: rules, custom types, config as YAML text or object (with type files), specType", async () => {
  const codes = async (text, options) => (await lint(text, options)).messages.map((m) => m.ruleId);
  assert.ok((await codes(defects)).includes("FM006"));
  assert.ok(!(await codes(defects, { rules: { FM006: "off" } })).includes("FM006"));
  assert.ok(!(await codes(defects, { rules: { "unknown-field": "off" } })).includes("FM006"));
  const info = (await lint(defects, { rules: { FM006: "info" } })).messages.find((m) => m.ruleId === "FM006");
  assert.equal(info.fatal, undefined);

  // The ADR example only validates with its custom type.
  assert.ok((await codes(adr)).length > 0);
  assert.deepEqual(await codes(adr, { types: [adrType] }), []);
  assert.deepEqual(await codes(adr, { types: [{ path: "types/adr.yaml", text: adrType }] }), []);

  assert.ok(!(await codes(defects, { config: "rules:\n  FM006: off\n" })).includes("FM006"));
  assert.ok(!(await codes(defects, { config: { rules: { FM006: "off" } } })).includes("FM006"));
  // Options' rules override the config's.
  assert.ok((await codes(defects, { config: { rules: { FM006: "off" } }, rules: { FM006: "error" } })).includes("FM006"));
  // Type files of the config are read relative to the working directory.
  const cwd = process.cwd();
  process.chdir(repo);
  try {
    assert.deepEqual(await codes(adr, { config: { types: ["examples/types/adr.yaml"] } }), []);
  } finally {
    process.chdir(cwd);
  }
  // specType: every document is validated as that type.
  assert.ok((await codes(adr, { types: [adrType], specType: "database-schema" })).includes("FM008"));
});

test("bad options throw a clear Error when the plugin is attached", () => {
  const attach = (options) => unified().use(remarkParse).use(remarkSpeclint, options).freeze();
  assert.throws(() => attach({ fatl: "error" }), { name: "Error", message: "speclint/remark: unknown option `fatl`; did you mean `fatal`?" });
  assert.throws(() => attach({ bogus: 1 }), { message: /^speclint\/remark: unknown option `bogus`; expected one of `fatal`, `types`, `templates`, `rules`, `specType`, `config`$/ });
  assert.throws(() => attach({ fatal: true }), { message: 'speclint/remark: `fatal` must be "error", "warning" or false, not `true`' });
  assert.throws(() => attach({ fatal: "errors" }), { message: /`fatal` must be "error", "warning" or false, not `"errors"`/ });
  assert.throws(() => attach("error"), { message: /options must be an object, not `"error"`/ });
  assert.throws(() => attach({ rules: { FM006: "warn" } }), { message: /^speclint\/remark: .*warn/ });
  assert.throws(() => attach({ rules: { "empty-sections": "off" } }), { message: /^speclint\/remark: unknown rule `empty-sections`.*did you mean `empty-section`\?/ });
  assert.throws(() => attach({ specType: "nope" }), { message: /^speclint\/remark: unknown spec type `nope`/ });
  assert.throws(() => attach({ types: ["id: adr\nname: ADR\nbogus: 1\n"] }), { message: /^speclint\/remark: spec type `?types\[0\]`?(:\d+:\d+)?: unknown field `bogus`/ });
  assert.throws(() => attach({ types: "x" }), { message: /`types` must be an array/ });
  assert.throws(() => attach({ config: { rulez: {} } }), { message: /^speclint\/remark: config: .*unknown option `rulez`.*did you mean `rules`\?$/ });
  assert.throws(() => attach({ config: 42 }), { message: /`config` must be the text of a speclint.yaml or an object of its keys, not `42`/ });
  assert.throws(() => attach({ config: { types: ["no/such/type.yaml"] } }), { message: /^speclint\/remark: cannot read spec type file `.*no\/such\/type\.yaml`/ });
  // null and undefined mean no options.
  attach(null);
  attach(undefined);
});

test("require('speclint/remark') is the same plugin for CommonJS configs", async () => {
  const require = createRequire(import.meta.url);
  const cjs = require("speclint/remark");
  assert.equal(typeof cjs, "function");
  assert.equal(cjs.default, cjs);
  const file = new VFile({ value: defects, path: "a.md" });
  const p = unified().use(remarkParse).use(remarkFrontmatter).use(cjs, { rules: { FM006: "off" } });
  await p.run(p.parse(file), file);
  const esm = await lint(defects, { rules: { FM006: "off" } }, "a.md");
  assert.deepEqual(file.messages.map((m) => [m.ruleId, m.place, m.fatal]), esm.messages.map((m) => [m.ruleId, m.place, m.fatal]));
});

const project = mkdtempSync(join(tmpdir(), "speclint-remark-cli-"));
after(() => rmSync(project, { recursive: true, force: true }));

test("remark-cli: reports through its reporter, exits 1 on errors and 0 on valid files", () => {
  mkdirSync(join(project, "node_modules"));
  symlinkSync(pkg, join(project, "node_modules", "speclint"));
  symlinkSync(join(pkg, "node_modules", "remark-frontmatter"), join(project, "node_modules", "remark-frontmatter"));
  writeFileSync(join(project, ".remarkrc.json"), JSON.stringify({ plugins: ["remark-frontmatter", ["speclint/remark", { rules: { FM006: "off" } }]] }));
  writeFileSync(join(project, "spec.md"), defects);
  writeFileSync(join(project, "ok.md"), valid);
  writeFileSync(join(project, "plain.md"), "# Not a spec\n");
  const cli = join(pkg, "node_modules", "remark-cli", "cli.js");
  const run = (...args) => spawnSync(process.execPath, [cli, ...args, "--no-stdout", "--no-color"], { cwd: project, encoding: "utf8" });

  const bad = run(".");
  assert.equal(bad.status, 1, bad.stderr);
  assert.match(bad.stderr, /^spec\.md$/m);
  assert.match(bad.stderr, /5:9-5:18 +error +`status` must be one of .* +FM008 +speclint/);
  assert.doesNotMatch(bad.stderr, /FM006/, "the config's options reach the plugin");
  assert.match(bad.stderr, /ok\.md: no issues found/);
  assert.match(bad.stderr, /plain\.md: no issues found/);

  const good = run("ok.md", "plain.md");
  assert.equal(good.status, 0, good.stderr);
});

test("config and types by path, and speclint.yaml found upward from each file (as .remarkrc.json needs)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "speclint-remark-config-"));
  try {
    // Team A's folder turns FM008 off, with overrides by path; team B has no config.
    mkdirSync(join(dir, "a", "docs", "legacy"), { recursive: true });
    mkdirSync(join(dir, "b"), { recursive: true });
    writeFileSync(join(dir, "a", "speclint.yaml"), "rules:\n  FM008: off\noverrides:\n  - files: ['docs/legacy/**']\n    rules:\n      ST003: off\n");
    writeFileSync(join(dir, "a", "adr.yaml"), adrType);
    const codes = (file) => file.messages.map((m) => m.ruleId);
    const inA = await lint(defects, {}, join(dir, "a", "docs", "spec.md"));
    assert.ok(!codes(inA).includes("FM008"), "the config found upward applies");
    assert.ok(codes(inA).includes("ST003"));
    const legacy = await lint(defects, {}, join(dir, "a", "docs", "legacy", "spec.md"));
    assert.ok(!codes(legacy).includes("ST003"), "its overrides apply by the path relative to it");
    const inB = await lint(defects, {}, join(dir, "b", "spec.md"));
    assert.ok(codes(inB).includes("FM008"), "no config above b/");
    // `config` and `types` as paths.
    const named = await lint(defects, { config: join(dir, "a", "speclint.yaml") }, join(dir, "b", "spec.md"));
    assert.ok(!codes(named).includes("FM008"));
    const typed = await lint(adr, { types: [join(dir, "a", "adr.yaml")] }, join(dir, "b", "adr.md"));
    assert.deepEqual(typed.messages.filter((m) => m.fatal === true), [], "the ADR type read from its file");
    // A config error names the file and its line:col.
    writeFileSync(join(dir, "b", "bad.yaml"), "rules:\n  FM008: warn\n");
    assert.throws(() => unified().use(remarkSpeclint, { config: join(dir, "b", "bad.yaml") }).freeze(), (e) => {
      assert.match(e.message, /^speclint\/remark: config .*bad\.yaml:2:10: rule `FM008`: unknown level `warn`/);
      assert.match(e.message, /did you mean `warning`/);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
