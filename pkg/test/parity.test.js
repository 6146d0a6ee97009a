// One tree, one answer (issue "One core, thin hosts"): `tests/parity/tree`
// has nested folders, a .gitignore, a speclint.yaml with include, exclude,
// overrides and references, .md, .markdown and .mdx files, a file that is not
// valid UTF-8, a symbolic link and a folder with no spec documents. The
// native CLI and `npx speclint` must print byte-identical output in every
// format, with the same exit code. (python/tests/test_parity.py compares the
// Python API behind the MkDocs plugin with the same native output.)
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { assertSameAsNative, nativeBin, pkg, repo } from "./helpers.js";

const tree = join(repo, "tests", "parity", "tree");
const js = join(pkg, "bin", "speclint.js");

function run(bin, args, input) {
  const cmd = bin === "js" ? [process.execPath, [js, ...args]] : [nativeBin(), args];
  const r = spawnSync(cmd[0], cmd[1], { cwd: tree, encoding: "utf8", input, env: { ...process.env, NO_COLOR: "1" } });
  if (r.error) throw r.error;
  return r;
}

test("the parity tree: native and npx print the same bytes in every format, with the same exit code", () => {
  assert.ok(lstatSync(join(tree, "link.md")).isSymbolicLink(), "the tree keeps its symbolic link");
  const orders = readFileSync(join(tree, "specs", "orders.md"), "utf8");
  for (const [args, input] of [
    [["check", "--format", "json"]], [["check"]], [["check", "-q"]], [["check", "--format", "sarif"]],
    [["check", "--format", "github"]], [["check", "specs", "legacy/billing.markdown"]], [["check", "**/*.md"]],
    // standard input; a folder with no spec document (IO003); export of folders and globs
    [["check", "-q", "-"], orders], [["check", "--format", "json", "-"], "# not a spec\n"], [["fmt", "-"], orders],
    [["check", "-", "specs"]], [["check", "empty"]], [["check", "--format", "json", "empty"]],
    [["export", "specs"]], [["export", "--pretty", "docs", "legacy/*.markdown"]], [["export", "specs/orders.md"]],
  ]) {
    assertSameAsNative(tree, args, input);
  }
  const json = JSON.parse(run("native", ["check", "--format", "json"]).stdout);
  const files = [...new Set(json.map((d) => d.path))];
  // Checked: included files, with their config; not: ignored, excluded, hidden, linked, not spec documents.
  assert.deepEqual(files, ["docs/guide.mdx", "docs/notes.md", "latin1.md", "legacy/billing.markdown", "specs/orders.md", "specs/plain.md"]);
  const codes = (p) => json.filter((d) => d.path === p).map((d) => d.code);
  assert.ok(!codes("legacy/billing.markdown").includes("DB002"), "overrides turn DB002 off under legacy/");
  assert.ok(!codes("legacy/billing.markdown").includes("FM015"), "and FM015");
  assert.ok(codes("latin1.md").includes("IO001"));
  assert.ok(json.filter((d) => d.code === "XD003").every((d) => d.severity === "warning"), "XD003: warning in the config");
  assert.ok(json.some((d) => d.code === "XD003" && d.message === "link to `../specs/gone.md` names no file"));
  assert.ok(!json.some((d) => d.message.includes("archive/old.md")), "an excluded file is still a known file");
});

test("the command line: help, version, usage errors and `init` print the same bytes with the same exit code", () => {
  const invocations = [
    [], ["--help"], ["-h"], ["help"], ["help", "help"], ["--version"], ["check", "-V"],
    ...["check", "fmt", "export", "init", "types", "schema", "rules"].flatMap((c) => [[c, "--help"], ["help", c]]),
    ["frob"], ["chek"], ["--frob"], ["help", "frob"], ["check", "--bogus"], ["check", "--formt", "json"],
    ["check", "-x"], ["check", "-f", "xml"], ["check", "-fjsn"], ["check", "--format"], ["check", "--quiet=1"],
    ["check", "-q", "-q"], ["fmt", "--check", "--write"], ["export"], ["schema"], ["schema", "a", "b"],
    ["rules", "extra"], ["init"], ["init", "--from-template"], ["check", "\u001b[31mred"],
    ["init", "--from-template", "../../../examples/template.md"],
    ["init", "--from-template", "missing.md"],
    ["init", "--from-template", "specs/orders.md", "-o", "specs/orders.md"],
  ];
  for (const args of invocations) assertSameAsNative(tree, args);
  assert.match(run("js", ["init", "--from-template", "../../../examples/template.md"]).stdout, /^# Spec type derived from/);
});
