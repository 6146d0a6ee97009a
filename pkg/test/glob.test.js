// lib/glob.js: the globs of `npx speclint` (include/exclude, glob arguments,
// .gitignore lines) match by running the pattern as an automaton, never by a
// backtracking regular expression (issue "Safety", item 8). No test asserts a
// time: a matcher that backtracks would not finish within the test timeout.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { MAX_NESTING, compileGlob, globSet } from "../lib/glob.js";
import { pkg } from "./helpers.js";

const js = join(pkg, "bin", "speclint.js");

test("globset's reading: * crosses / (not in .gitignore lines), **, ?, classes, nested braces, escapes", () => {
  const cases = [
    // [glob, separator, matches, does not match]
    ["*.md", false, ["a.md", "docs/a.md"], ["a.mdx"]],
    ["*.md", true, ["a.md"], ["docs/a.md"]],
    ["**", false, ["", "a", "a/b/c"], []],
    ["**/x.md", true, ["x.md", "a/x.md", "a/b/x.md", "/x.md"], ["ax.md", "a/bx.md"]],
    ["a/**", true, ["a/", "a/b", "a/b/c"], ["a", "b/a/c"]],
    ["a/**/b", true, ["a/b", "a/x/b", "a/x/y/b"], ["a/xb", "a/x/yb", "ab"]],
    ["a**b", true, ["ab", "axxb"], ["a/b"]],
    ["a?c", false, ["abc", "a/c", "a😀c"], ["ac", "abbc"]],
    ["a?c", true, ["abc"], ["a/c"]],
    ["spec-[0-9].md", false, ["spec-7.md"], ["spec-x.md", "spec-10.md"]],
    ["[!a]", true, ["b", "-"], ["a", "/"]],
    ["[^a]", false, ["/"], ["a"]],
    ["[]a]", false, ["]", "a"], ["b"]],
    ["[a-]", false, ["a", "-"], ["b"]],
    ["*.{md,markdown}", false, ["x.md", "x.markdown"], ["x.txt"]],
    ["{a,{b,c/d}}.md", false, ["a.md", "b.md", "c/d.md"], ["c.md", "{a.md"]],
    ["a,b", false, ["a,b"], ["a"]],
    ["\\*.md", false, ["*.md"], ["a.md"]],
    ["**/**", true, ["a", "a/b/c"], []],
    ["a/**/**/b", true, ["a/b", "a/x/b", "a/x/y/b"], ["a/xb"]],
  ];
  for (const [glob, separator, yes, no] of cases) {
    const m = compileGlob(glob, { separator });
    for (const p of yes) assert.equal(m.test(p), true, `${glob} (separator: ${separator}) matches ${p}`);
    for (const p of no) assert.equal(m.test(p), false, `${glob} (separator: ${separator}) does not match ${p}`);
  }
  assert.equal(globSet([]), null);
  assert.equal(globSet(["docs/**", "*.txt"]).isMatch("docs/a/b.md"), true);
});

test("invalid globs keep globset's messages", () => {
  const errors = [
    ["[a", "unclosed character class; missing ']'"],
    ["[b-a]", "invalid range; 'b' > 'a'"],
    ["a}", "unopened alternate group; missing '{' (maybe escape '}' with '[}]'?)"],
    ["{a,b", "unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)"],
    ["a\\", "dangling '\\'"],
  ];
  for (const [glob, message] of errors) {
    assert.throws(() => compileGlob(glob), { message: `error parsing glob '${glob}': ${message}` });
  }
  assert.throws(() => globSet(["ok", "[a"]), /^Error: invalid glob `\[a`: error parsing glob/);
});

test("pathological patterns match in linear time: *a*a*a*a*a*a*a*a*b against long names", () => {
  const m = compileGlob("**/*a*a*a*a*a*a*a*a*b", { separator: true });
  assert.equal(m.test(`${"a".repeat(57)}.md`), false);
  assert.equal(m.test("a".repeat(100_000)), false);
  assert.equal(m.test(`${"a".repeat(100_000)}b`), true);
  assert.equal(m.test(`${"x/".repeat(5_000)}${"a".repeat(60)}b`), true);
  const deep = compileGlob("**/**/**/**/y.md", { separator: true });
  assert.equal(deep.test(`${"x/".repeat(5_000)}y.md`), true);
  assert.equal(deep.test(`${"x/".repeat(5_000)}y.mdx`), false);
  // Nested braces do not multiply: 64 levels are one automaton; deeper is an error, not a stack overflow.
  const nested = compileGlob(`${"{a,".repeat(MAX_NESTING)}b${"}".repeat(MAX_NESTING)}`);
  assert.equal(nested.test("b"), true);
  assert.equal(nested.test("a"), true);
  assert.equal(nested.test("c"), false);
  const deeper = `${"{a,".repeat(100_000)}b${"}".repeat(100_000)}`;
  assert.throws(() => compileGlob(deeper), /alternate groups nested more than 64 deep/);
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
