// The globs of every host (include/exclude, glob arguments, .gitignore lines)
// are the core's (src/syntax/glob.rs, through `Workspace`): one matcher, which runs
// the pattern as an automaton, never a backtracking regular expression
// (issue "Safety", item 8). No test asserts a time: a matcher that
// backtracks would not finish within the test timeout.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { Workspace } from "../index.js";
import { pkg } from "./helpers.js";

const js = join(pkg, "bin", "speclint.js");

test("the core's reading of globs: * and ? stay in a segment, ** spans segments, a name pattern matches at any depth", () => {
  const ws = new Workspace();
  const cases = [
    // [glob, matches, does not match]
    ["*.md", ["a.md", "docs/a.md"], ["a.mdx"]],
    ["docs/*.md", ["docs/a.md"], ["docs/x/a.md", "a.md"]],
    ["**/x.md", ["x.md", "a/x.md", "a/b/x.md"], ["ax.md", "a/bx.md"]],
    ["a/**", ["a/b", "a/b/c"], ["b/a/c"]],
    ["a/**/b", ["a/b", "a/x/b", "a/x/y/b"], ["a/xb", "a/x/yb", "ab"]],
    ["a?c", ["abc", "a😀c"], ["ac", "abbc", "a/c"]],
    ["spec-[0-9].md", ["spec-7.md"], ["spec-x.md", "spec-10.md"]],
    ["[!a]", ["b", "-"], ["a"]],
    ["*.{md,markdown}", ["x.md", "x.markdown"], ["x.txt"]],
    ["docs/**/*.md{,x}", ["docs/a.md", "docs/b/c.mdx"], ["docs/a.mdz", "blog/a.md"]],
    ["\\*.md", ["*.md"], ["a.md"]],
    ["./docs/*.md", ["docs/a.md"], ["a.md"]],
  ];
  for (const [glob, yes, no] of cases) {
    for (const p of yes) assert.equal(ws.matchGlob(glob, p), true, `${glob} matches ${p}`);
    for (const p of no) assert.equal(ws.matchGlob(glob, p), false, `${glob} does not match ${p}`);
  }
  for (const [glob, message] of [
    ["[a", "unclosed `[`"],
    ["{a,b", "unclosed `{`"],
  ]) {
    assert.throws(() => ws.matchGlob(glob, "x"), { message: `invalid glob \`${glob}\`: ${message}` });
  }
  ws.free();
});

test("pathological patterns match in linear time: *a*a*a*a*a*a*a*a*b against long names, in globs and ignore files", () => {
  const ws = new Workspace();
  assert.equal(ws.matchGlob("**/*a*a*a*a*a*a*a*a*b", `${"a".repeat(57)}.md`), false);
  assert.equal(ws.matchGlob("**/*a*a*a*a*a*a*a*a*b", "a".repeat(100_000)), false);
  assert.equal(ws.matchGlob("**/*a*a*a*a*a*a*a*a*b", `${"x/".repeat(5_000)}${"a".repeat(60)}b`), true);
  assert.equal(ws.matchGlob("**/**/**/**/y.md", `${"x/".repeat(5_000)}y.md`), true);
  ws.enter("/r", ["*a*a*a*a*a*a*a*a*b\n"]);
  assert.equal(ws.visit("/r", `${"a".repeat(57)}.md`, "file"), "file");
  assert.equal(ws.visit("/r", `${"a".repeat(54)}b`, "dir"), "skip");
  ws.free();
});

test("npx speclint check: a .gitignore line *a*a*a*a*a*a*a*a*b and a 60-character file name", () => {
  const dir = mkdtempSync(join(tmpdir(), "speclint-glob-"));
  try {
    mkdirSync(join(dir, ".git"));
    const doc = "---\nspec_type: database-schema\n---\n# T\n";
    const kept = `${"a".repeat(57)}.md`; // 60 characters; the line does not match it (after backtracking, in a regex)
    const ignored = `${"a".repeat(54)}b.md`;
    writeFileSync(join(dir, kept), doc);
    writeFileSync(join(dir, ignored), doc);
    writeFileSync(join(dir, ".gitignore"), "*a*a*a*a*a*a*a*a*b\n*a*a*a*a*a*a*a*a*b.md\n");
    const r = spawnSync(process.execPath, [js, "check", "--format", "json"], { cwd: dir, encoding: "utf8" });
    assert.equal(r.error, undefined);
    assert.equal(r.stderr, "");
    const paths = [...new Set(JSON.parse(r.stdout).map((d) => d.path))];
    assert.deepEqual(paths, [kept]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
