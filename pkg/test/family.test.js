// Template families (issue "Template families") in the npm package's hosts:
// the repository of tests/family/ (seven templates, only `templates:` in its
// speclint.yaml) gives `npx speclint` the same bytes as the native CLI, the
// Docusaurus plugin the same problems, the remark plugin and the Linter API
// the template's types. tests/family.rs checks the native CLI in depth.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { Linter } from "speclint";
import remarkSpeclint from "speclint/remark";
import { unified } from "unified";
import { VFile } from "vfile";
import { assertSameAsNative, nativeBin, pkg, repo } from "./helpers.js";

const family = join(repo, "tests", "family");
const js = join(pkg, "bin", "speclint.js");
const templateDir = join(family, "templates", "specs");
const templateNames = readdirSync(templateDir).filter((n) => n.endsWith(".md")).sort();
const readIn = (...p) => readFileSync(join(family, ...p), "utf8");

function run(bin, args, cwd = family) {
  const cmd = bin === "js" ? [process.execPath, [js, ...args]] : [nativeBin(), args];
  const r = spawnSync(cmd[0], cmd[1], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (r.error) throw r.error;
  return r;
}

test("the family repository: native and npx print the same bytes, with the same exit code", () => {
  for (const args of [
    ["check", "--format", "json"],
    ["check"],
    ["check", "defects/payments-hosting.md"],
    ["templates"],
    ["templates", "--json"],
    ["templates", "--check"],
    ["types"],
    ["export", "docs/checkout/checkout-tech-stack.md"],
  ]) {
    assertSameAsNative(family, args);
  }
  const r = run("js", ["check", "--format", "json"]);
  assert.equal(r.status, 0, r.stdout);
  const diags = JSON.parse(r.stdout);
  assert.deepEqual(diags.filter((d) => d.severity === "error"), []);
  assert.equal(diags.filter((d) => d.code === "IO004").length, templateNames.length);
  // --templates from a subfolder, relative to the working directory.
  const sub = ["check", "--format", "json", "--templates", "../templates/specs/tech-stack.md", "checkout/checkout-tech-stack.md"];
  const b = assertSameAsNative(join(family, "docs"), sub);
  assert.equal(b.status, 0, b.stderr);
});

test("new Linter({ templates }) validates documents against the templates' types", () => {
  const templates = templateNames.map((n) => ({ path: `templates/specs/${n}`, text: readFileSync(join(templateDir, n), "utf8") }));
  const linter = new Linter({ templates });
  try {
    const ids = linter.specTypes().map((t) => t.id);
    for (const n of templateNames) assert.ok(ids.includes(n.replace(/\.md$/, "")), `${n}: ${ids}`);
    const ok = linter.validate(readIn("docs", "checkout", "checkout-tech-stack.md"));
    assert.deepEqual(ok.diagnostics.filter((d) => d.severity === "error"), []);
    const bad = linter.validate(readIn("defects", "loyalty-tech-stack.md"));
    const codes = bad.diagnostics.map((d) => d.code);
    for (const c of ["ST001", "FM008", "TR002"]) assert.ok(codes.includes(c), `${c} in ${codes}`);
  } finally {
    linter.free();
  }
  assert.throws(() => new Linter({ templates: [{ path: "t.md", text: "# Only a title\n" }] }), /^Error: .*template `t\.md`: the template has no `##` sections/);
  assert.throws(() => new Linter({ templates: "templates/*.md" }), /^Error: .*templates/);
});

test("the remark plugin finds speclint.yaml's templates, as every host does", async () => {
  const lint = async (rel) => {
    const file = new VFile({ value: readIn(rel), path: join(family, rel) });
    const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkSpeclint);
    await processor.run(processor.parse(file), file);
    return file.messages;
  };
  const ok = await lint("docs/sre/checkout-observability.md");
  assert.deepEqual(ok.filter((m) => m.fatal), []);
  assert.ok(!ok.some((m) => m.ruleId === "FM014"), "the type is known");
  const bad = await lint("defects/notifications-observability.md");
  const ids = bad.map((m) => m.ruleId);
  for (const c of ["FM008", "ST001", "TB002"]) assert.ok(ids.includes(c), `${c} in ${ids}`);
});

test("the Docusaurus plugin: the same problems as native `speclint check`, the templates listed, not checked", async () => {
  const require = createRequire(import.meta.url);
  const plugin = require("speclint/docusaurus");
  const { log, warn } = console;
  const said = [];
  console.log = console.warn = (...a) => said.push(a.join(" "));
  let content;
  try {
    const options = plugin.validateOptions({ options: { include: ["**/*.md"], failOn: "error" } });
    const p = await plugin({ siteDir: family, siteConfig: { markdown: { format: "detect" } } }, options);
    content = await p.loadContent();
  } finally {
    console.log = log;
    console.warn = warn;
  }
  const native = run("native", ["check", "--format", "json"]);
  assert.deepEqual(content.documents.flatMap((d) => d.diagnostics), JSON.parse(native.stdout));
  assert.match(said.join("\n"), /in \d+ files? of 7 spec documents|\(no problems\)|7 spec documents/);
});
