// `npx speclint` on hostile trees and documents (issue "Safety"): nothing from
// a document or a file name reaches a terminal or a CI log raw (item 5); a
// closed or full stdout (item 11); names that are not UTF-8 (item 12); named
// files always checked, once (item 13); unreadable entries, FIFOs and special
// files (items 7 and 14); bounded reads (item 7). Where the native CLI is
// compared, it is run on the same tree.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { normalize } from "speclint";
import { sanitize } from "../lib/cli.js";
import { nativeBin, pkg, read, repo } from "./helpers.js";

const js = join(pkg, "bin", "speclint.js");
const ORDERS = read("examples/valid/orders-db.md");
const DEFECTS = read("examples/invalid/orders-db-defects.md");
const isRoot = process.getuid?.() === 0;
let dir;
let native;
before(() => {
  native = nativeBin();
  dir = mkdtempSync(join(tmpdir(), "speclint-hostile-"));
  chmodSync(dir, 0o755); // some tests run the CLI as nobody
});
after(() => {
  // Folders made unreadable by a test are given back first.
  spawnSync("chmod", ["-R", "u+rwX", dir]);
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `bin` ("js" or "native"); stdout and stderr as UTF-8 text. */
function run(bin, args, cwd, options = {}) {
  const cmd = bin === "js" ? [process.execPath, [js, ...args]] : [native, args];
  const r = spawnSync(cmd[0], cmd[1], {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 256 << 20,
    env: { ...process.env, NO_COLOR: "1" },
    ...options,
  });
  if (r.error) throw r.error;
  assert.equal(r.signal, null, `speclint ${args.join(" ")}: killed by ${r.signal} (hung?)`);
  return r;
}

function fresh(name) {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  chmodSync(d, 0o755);
  return d;
}

const git = (d) => mkdirSync(join(d, ".git"));

// ---- item 5: injection into terminals and CI logs ----

/** Characters that must never reach stdout or stderr raw (the core's src/report/sanitize.rs). */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const ESC = "\u001b";
const PAYLOAD = `\n::error file=README.md::forged ${ESC}[2J${ESC}]0;title\u0007 ${ESC}]8;;https://evil.example/\u0007link${ESC}]8;;\u0007 \u0007 \u202eevil \u009b31m`;
/** The payload as a YAML double-quoted scalar. */
const yamlQuoted = (s) =>
  `"${[...s]
    .map((c) => {
      const n = c.codePointAt(0);
      if (c === '"' || c === "\\") return `\\${c}`;
      if (n < 0x20 || (n >= 0x7f && n <= 0x9f) || (n >= 0x2000 && n <= 0x206f)) return `\\u${n.toString(16).padStart(4, "0")}`;
      return c;
    })
    .join("")}"`;

/** A spec whose front matter value, heading and file name carry the payload. */
function payloadTree() {
  const d = fresh("inject");
  git(d);
  const doc = ORDERS.replace("status: approved", `status: ${yamlQuoted(`in-review${PAYLOAD}`)}`).replace(
    "## Purpose\n",
    `## Purpose ${ESC}[2J\u202e\u0007   \n`, // raw controls in the body (and trailing spaces: fmt has something to do)
  );
  writeFileSync(join(d, "plain.md"), doc);
  const evil = `evil${ESC}[2J\n::error file=x::y\u202e.md`;
  writeFileSync(join(d, evil), doc);
  writeFileSync(join(d, "type.yaml"), `id: adr\nname: ${yamlQuoted(`ADR${PAYLOAD}`)}\nsections: []\n`);
  return { d, evil };
}

/** Asserts that no unsafe character reaches the output (line breaks are the CLI's own). */
function clean(what, text) {
  const m = text.match(UNSAFE);
  assert.equal(m, null, `${what}: raw U+${m?.[0].codePointAt(0).toString(16)} at ${m?.index}: ${JSON.stringify(text.slice(Math.max(0, (m?.index ?? 0) - 40), (m?.index ?? 0) + 40))}`);
}

test("sanitize: controls, C1, DEL, separators and bidi controls become visible escapes; one message stays one line", () => {
  assert.equal(sanitize(`a${ESC}[2Jb\u0007\u009b\u007f\u202e\u2066\u200f\u2028x\ty`), "a\\u{1b}[2Jb\\u{7}\\u{9b}\\u{7f}\\u{202e}\\u{2066}\\u{200f}\\u{2028}x\ty");
  assert.equal(sanitize("one\ntwo\r\n::error::x"), "one\\ntwo\\r\\n::error::x");
  assert.equal(sanitize("plain `path.md` ✓ 😀"), "plain `path.md` ✓ 😀");
});

test("a payload in a front matter value, a heading and a file name: every format, no raw control or bidi character, no forged workflow command", () => {
  const { d, evil } = payloadTree();
  for (const format of [["--format", "pretty"], ["-q"], ["--format", "github"], ["--format", "json"], ["--format", "sarif"], ["--color", "always"]]) {
    const r = run("js", ["check", ...format], d);
    const what = `check ${format.join(" ")}`;
    assert.equal(r.status, 1, `${what}: ${r.stderr}`);
    // With --color always, speclint's own SGR sequences are the only escapes.
    const out = format[0] === "--color" ? r.stdout.replace(/\u001b\[[0-9;]*m/g, "") : r.stdout;
    clean(`${what}: stdout`, out);
    clean(`${what}: stderr`, r.stderr);
    assert.ok(!out.includes(ESC), `${what}: no other ESC`);
    for (const line of out.split("\n")) {
      // A line that starts with `::` is one of speclint's own annotations.
      if (line.startsWith("::")) {
        assert.match(line, /^::(error|warning|notice) file=[^,\n]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[A-Z]+\d{3} [a-z-]+::/, `${what}: ${line}`);
      }
    }
    if (format[1] === "json" || format[1] === "sarif") {
      const data = JSON.parse(r.stdout); // valid JSON, the payload JSON-escaped in it
      assert.ok(JSON.stringify(data).includes("forged"));
      assert.ok(r.stdout.includes("\\u001b[2J"), `${what}: ESC escaped as JSON`);
      assert.ok(r.stdout.includes("\\u202e"), `${what}: U+202E escaped as JSON`);
    }
    // The output names the evil file escaped.
    if (format[1] !== "json" && format[1] !== "sarif") assert.ok(out.includes("evil\\u{1b}[2J"), `${what}: the file name, escaped`);
  }
  // fmt --check: the diff of a line with controls, and the summary.
  const f = run("js", ["fmt", "--check", "plain.md", evil], d);
  assert.equal(f.status, 1, f.stderr);
  clean("fmt --check: stdout", f.stdout);
  clean("fmt --check: stderr", f.stderr);
  assert.match(f.stdout, /^-## Purpose \\u\{1b\}\[2J\\u\{202e\}\\u\{7\} {3}$/m);
  // Names from a type file.
  const t = run("js", ["types", "--types", "type.yaml"], d);
  assert.equal(t.status, 0, t.stderr);
  clean("types", t.stdout);
  assert.match(t.stdout, /^adr +ADR\\n::error file=README\.md::forged \\u\{1b\}\[2J/m);
  // Messages the JS writes itself: a path that does not exist, a FIFO named on the command line.
  const missing = run("js", ["check", `nope${ESC}]0;t\u0007\n::error file=x::y\u202e.md`], d);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, "speclint: error: `nope\\u{1b}]0;t\\u{7}\\n::error file=x::y\\u{202e}.md`: no such file or directory\n");
  spawnSync("mkfifo", [join(d, `fifo${ESC}]0;t\u0007.md`)]);
  const fifo = run("js", ["check", `fifo${ESC}]0;t\u0007.md`, "-q"], d); // IO002, rendered by the core
  assert.equal(fifo.status, 2);
  clean("FIFO report", fifo.stdout);
  assert.match(fifo.stdout, /^fifo\\u\{1b\}\]0;t\\u\{7\}\.md:1:1 error IO002 `fifo\\u\{1b\}\]0;t\\u\{7\}\.md` is not a regular file; not reading it$/m);
  const w = run("js", ["fmt", "--write", `fifo${ESC}]0;t\u0007.md`], d); // the message printed by the JS
  assert.equal(w.status, 2);
  clean("FIFO message", w.stderr);
  assert.match(w.stderr, /^speclint: error: `fifo\\u\{1b\}\]0;t\\u\{7\}\.md` is not a regular file; not reading it$/m);
  // The native CLI prints the same reports.
  for (const format of ["pretty", "github", "json", "sarif"]) {
    const a = run("native", ["check", "--format", format], d);
    const b = run("js", ["check", "--format", format], d);
    assert.equal(b.stdout, a.stdout, `check --format ${format}: the native CLI's output`);
  }
});

// ---- item 11: closed and full standard output ----

test("a closed stdout (| head -1) ends quietly with the command's exit code; a full one (> /dev/full) exits 2 with a message", async () => {
  const d = fresh("stdout");
  for (let i = 0; i < 200; i++) writeFileSync(join(d, `s${i}.md`), DEFECTS);
  // `speclint check d | head -1`: the reader goes away after the first line.
  const r = await new Promise((resolve) => {
    const c = spawn(process.execPath, [js, "check", "."], { cwd: d, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let first = null;
    c.stderr.on("data", (b) => (stderr += b));
    c.stdout.once("data", (b) => {
      first = b.toString().split("\n")[0];
      c.stdout.destroy(); // close the read end of the pipe
    });
    c.on("close", (status, signal) => resolve({ status, signal, stderr, first }));
  });
  assert.equal(r.signal, null);
  assert.match(r.first, /^error\[/);
  assert.equal(r.stderr, "", "no stack trace, no message");
  assert.equal(r.status, 1, "the command's own exit code (errors found)");
  const bash = (cmd) => spawnSync("bash", ["-c", cmd, "bash", process.execPath, js], { cwd: d, encoding: "utf8" });
  const head = bash('"$1" "$2" check . | head -1; echo "exit ${PIPESTATUS[0]}"');
  assert.match(head.stdout, /^error\[[A-Z]+\d+\].*\nexit 1\n$/);
  assert.equal(head.stderr, "");
  const rules = bash('"$1" "$2" rules | head -1; echo "exit ${PIPESTATUS[0]}"');
  assert.match(rules.stdout, /\nexit 0\n$/);
  assert.equal(rules.stderr, "");
  for (const args of [["rules"], ["check", "."], ["export", "s1.md"], ["fmt", "s1.md"]]) {
    const full = bash(`"$1" "$2" ${args.join(" ")} > /dev/full`);
    assert.equal(full.status, 2, `${args.join(" ")} > /dev/full: ${full.stderr}`);
    assert.equal(full.stderr, "speclint: error: cannot write to standard output: No space left on device (os error 28)\n", args.join(" "));
    assert.match(full.stderr, /cannot write to standard output: no space left on device/i);
  }
});

// ---- item 12: file names that are not UTF-8 ----

test("a file name with byte 0xFF does not abort check or fmt: the file is read through its bytes and shown lossily", () => {
  const d = fresh("latin1-names");
  git(d);
  writeFileSync(join(d, "ok.md"), ORDERS);
  const bad = Buffer.concat([Buffer.from(`${d}/bad`), Buffer.from([0xff]), Buffer.from(".md")]);
  writeFileSync(bad, DEFECTS);
  const badDir = Buffer.concat([Buffer.from(`${d}/dir`), Buffer.from([0xfe])]);
  mkdirSync(badDir);
  writeFileSync(Buffer.concat([badDir, Buffer.from("/inner.md")]), DEFECTS);
  const r = run("js", ["check", "--format", "json"], d);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, "");
  const paths = [...new Set(JSON.parse(r.stdout).map((x) => x.path))];
  assert.deepEqual(paths, ["bad\uFFFD.md", "dir\uFFFD/inner.md", "ok.md"]);
  assert.equal(run("native", ["check", "--format", "json"], d).stdout, r.stdout, "the native CLI's output");
  const check = run("js", ["fmt", "--check"], d);
  assert.equal(check.status, 1, check.stderr);
  assert.match(check.stdout, /^--- a\/bad\uFFFD\.md$/m);
  const w = run("js", ["fmt", "--write"], d);
  assert.equal(w.status, 0, w.stderr);
  assert.equal(w.stderr, "2 files reformatted, 1 unchanged\n");
  assert.equal(readFileSync(bad, "utf8"), normalize(DEFECTS).text);
  assert.equal(readFileSync(Buffer.concat([badDir, Buffer.from("/inner.md")]), "utf8"), normalize(DEFECTS).text);
  assert.deepEqual(readdirSync(d).filter((n) => n.startsWith(".speclint")), []);
});

// ---- item 13: named files ----

test("a named file is always checked, even when its folder is named too; the same file named thrice is checked once", () => {
  const d = fresh("named");
  mkdirSync(join(d, "d"));
  writeFileSync(join(d, "d", "x.md"), "# Notes without spec_type\n");
  writeFileSync(join(d, "a.md"), DEFECTS);
  for (const args of [["d", "d/x.md"], ["d/x.md", "d"], ["d", "./d/x.md"]]) {
    const r = run("js", ["check", ...args, "--format", "json"], d);
    assert.equal(r.status, 1, `check ${args.join(" ")}: the named file is checked`);
    // Named and found by walking: one target, shown as first named (here: as walked from `d`).
    assert.deepEqual([...new Set(JSON.parse(r.stdout).map((x) => x.path))], [args[0] === "d" ? "d/x.md" : args[0]]);
  }
  assert.equal(run("js", ["check", "d"], d).status, 0, "walked, without spec_type: skipped");
  const once = run("js", ["check", "a.md", "./a.md", join(d, "a.md"), "--format", "json"], d);
  const alone = run("js", ["check", "a.md", "--format", "json"], d);
  assert.equal(once.status, 1);
  assert.equal(once.stdout, alone.stdout, "checked once, shown as first named");
  const q = run("js", ["check", "a.md", "./a.md", join(d, "a.md"), "-q"], d);
  assert.match(q.stdout, / in 1 file\n$/);
});

test("named files: the native CLI agrees", () => {
  const d = join(dir, "named");
  for (const args of [["d", "d/x.md"], ["a.md", "./a.md", join(d, "a.md")]]) {
    const a = run("native", ["check", ...args, "--format", "json"], d);
    const b = run("js", ["check", ...args, "--format", "json"], d);
    assert.equal(b.status, a.status, `check ${args.join(" ")}: exit code`);
    assert.equal(b.stdout, a.stdout, `check ${args.join(" ")}: output`);
  }
});

// ---- item 14: unreadable entries, FIFOs ----

/** Runs both CLIs; asserts the same exit code, stdout and stderr; returns the JS result. */
function same(args, cwd, options = {}) {
  const a = run("native", args, cwd, options);
  const b = run("js", args, cwd, options);
  const what = `speclint ${args.join(" ")}`;
  assert.equal(b.status, a.status, `${what}: exit code; native: ${a.stderr}; js: ${b.stderr}`);
  assert.equal(b.stdout, a.stdout, `${what}: stdout`);
  assert.equal(b.stderr, a.stderr, `${what}: stderr`);
  return b;
}

test("an unreadable file or folder is reported (IO002) and check goes on (exit 2); a FIFO named x.md is not a regular file, never opened", () => {
  const d = fresh("unreadable");
  git(d);
  writeFileSync(join(d, "a.md"), DEFECTS);
  writeFileSync(join(d, "secret.md"), DEFECTS);
  mkdirSync(join(d, "locked"));
  writeFileSync(join(d, "locked", "in.md"), DEFECTS);
  writeFileSync(join(d, "z.md"), DEFECTS);
  chmodSync(join(d, "secret.md"), 0o000);
  chmodSync(join(d, "locked"), 0o000);
  // root reads anything: run as nobody then.
  const as = isRoot ? { uid: 65534, gid: 65534 } : {};
  const r = same(["check", "-q"], d, as);
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr, "");
  assert.match(r.stdout, /^\.\/locked:1:1 error IO002 cannot read the folder `\.\/locked`: Permission denied \(os error 13\)$/m);
  assert.match(r.stdout, /^secret\.md:1:1 error IO002 cannot read `secret\.md`: Permission denied \(os error 13\)$/m);
  assert.match(r.stdout, /^a\.md:\d+:\d+ error /m, "the other files are checked");
  assert.match(r.stdout, /^z\.md:\d+:\d+ error /m);
  for (const f of ["json", "sarif", "github", "pretty"]) same(["check", "--format", f], d, as);
  const f = same(["fmt", "--check"], d, as);
  assert.equal(f.status, 2);
  assert.match(f.stderr, /^speclint: error: cannot read the folder `\.\/locked`: Permission denied \(os error 13\)$/m);
  assert.match(f.stderr, /^2 files would be reformatted, 0 unchanged, 1 failed$/m);
  chmodSync(join(d, "locked"), 0o755);
  chmodSync(join(d, "secret.md"), 0o644);
  // A FIFO: named, it is "not a regular file" (not "no such file"), and nothing waits on it.
  spawnSync("mkfifo", [join(d, "x.md")]);
  const fifo = same(["check", "x.md", "a.md", "-q"], d);
  assert.equal(fifo.status, 2);
  assert.match(fifo.stdout, /^x\.md:1:1 error IO002 `x\.md` is not a regular file; not reading it$/m);
  assert.match(fifo.stdout, /^a\.md:/m);
  const walked = same(["check", "-q"], d);
  assert.doesNotMatch(walked.stdout, /x\.md/, "found by walking, a FIFO is skipped like any non-file");
  for (const args of [["fmt", "x.md"], ["fmt", "--write", "x.md"], ["export", "x.md"]]) {
    const r2 = same(args, d);
    assert.equal(r2.status, 2, args.join(" "));
    assert.match(r2.stderr, /^speclint: error: `x\.md` is not a regular file; not reading it$/m, args.join(" "));
  }
});

// ---- item 7: special files and sizes ----

test("config, spec type and ignore files are read only if regular and at most 1 MiB; documents up to the input limit; fmt - < /dev/zero stops", () => {
  const d = fresh("special");
  git(d);
  writeFileSync(join(d, "a.md"), ORDERS);
  // A committed .gitignore that is a link to /dev/zero.
  symlinkSync("/dev/zero", join(d, ".gitignore"));
  let r = same(["check", "-q"], d);
  assert.equal(r.status, 2);
  assert.match(r.stdout, /^\.\/\.gitignore:1:1 error IO002 `\.\/\.gitignore` is not a regular file; not reading it; its rules are not applied$/m);
  assert.match(r.stdout, / in 2 files\n$/, "the walk goes on");
  rmSync(join(d, ".gitignore"));
  // types: a FIFO, /dev/zero; a config that is /dev/zero; a type file over 1 MiB.
  spawnSync("mkfifo", [join(d, "fifo.yaml")]);
  writeFileSync(join(d, "big.yaml"), `# ${"x".repeat(1024 * 1024)}\nid: big\nname: Big\n`);
  const cases = [
    [["--types", "fifo.yaml"], "speclint: error: spec type: `fifo.yaml` is not a regular file; not reading it\n"],
    [["--types", "/dev/zero"], "speclint: error: spec type: `/dev/zero` is not a regular file; not reading it\n"],
    [["--config", "/dev/zero"], "speclint: error: config: `/dev/zero` is not a regular file; not reading it\n"],
    [["--types", "big.yaml"], "speclint: error: spec type: `big.yaml` is 1048597 bytes; the limit is 1048576 bytes\n"],
  ];
  for (const [args, stderr] of cases) {
    r = same(["check", "a.md", ...args], d);
    assert.equal(r.status, 2, args.join(" "));
    assert.equal(r.stderr, stderr, args.join(" "));
  }
  writeFileSync(join(d, "speclint.yaml"), "types: [fifo.yaml]\n");
  r = same(["check", "a.md"], d);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^speclint: error: spec type: `.*\/fifo\.yaml` is not a regular file; not reading it\n$/);
  rmSync(join(d, "speclint.yaml"));
  // A document over the input limit (16 MiB) is not read; the others are checked.
  writeFileSync(join(d, "huge.md"), Buffer.alloc(16 * 1024 * 1024 + 1, 0x61));
  r = same(["check", "huge.md", "a.md", "-q"], d);
  assert.equal(r.status, 2);
  assert.match(r.stdout, /^huge\.md:1:1 error IO002 `huge\.md` is 16777217 bytes; the limit is 16777216 bytes$/m);
  // fmt - < /dev/zero: stops at the input limit.
  for (const bin of ["js", "native"]) {
    const zero = openSync("/dev/zero", "r");
    try {
      r = run(bin, ["fmt", "-"], d, { stdio: [zero, "pipe", "pipe"] });
    } finally {
      closeSync(zero);
    }
    assert.equal(r.status, 2, bin);
    assert.equal(r.stdout, "", bin);
    assert.equal(r.stderr, "speclint: error: standard input is larger than the input limit (16777216 bytes); not reading it further\n", bin);
  }
});

test("a tree copied with its hostile entries still gives the native CLI's result where nothing is hostile", () => {
  // Guard: the changes to reading and walking keep the ordinary case identical.
  const d = fresh("ordinary");
  cpSync(join(repo, "examples"), join(d, "examples"), { recursive: true });
  for (const f of ["json", "pretty"]) {
    const a = run("native", ["check", "examples", "--format", f], d);
    const b = run("js", ["check", "examples", "--format", f], d);
    assert.equal(b.status, a.status);
    assert.equal(b.stdout, a.stdout);
    assert.equal(b.stderr, a.stderr);
  }
});
