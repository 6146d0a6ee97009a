// `npx speclint fmt --write` never loses data (issue "Safety", items 1-4 and
// the concurrent runs of item 14): a short write (a file size limit, a full
// disk) leaves the original intact and no temporary file; symbolic links are
// written through; owner, group and mode are kept or nothing is written; a
// file changed while it was being formatted is not overwritten; concurrent
// runs on one tree all succeed.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { normalize } from "speclint";
import { writeAtomic } from "../lib/cli.js";
import { nativeBin, pkg, read } from "./helpers.js";

const js = join(pkg, "bin", "speclint.js");
const DEFECTS = read("examples/invalid/orders-db-defects.md");
const isRoot = process.getuid?.() === 0;
let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "speclint-write-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args, cwd, options = {}) {
  const r = spawnSync(process.execPath, [js, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, ...options });
  if (r.error) throw r.error;
  return r;
}

/** A fresh directory under the test's temporary directory. */
function fresh(name) {
  const d = join(dir, name);
  mkdirSync(d);
  return d;
}

/** The names in `d` other than `keep`: temporary files left behind. */
function leftovers(d, keep) {
  return readdirSync(d).filter((n) => !keep.includes(n));
}

/** A spec of about 16 KB that needs formatting (trailing spaces and tables to align). */
function bigSpec() {
  let text = DEFECTS;
  for (let i = 0; Buffer.byteLength(text) < 16_368; i++) text += `\nNote ${i}: keep   this line.   \n`;
  return text;
}

test("a file size limit (ulimit -f 8) fails the write: exit 2, the original byte for byte, no temporary file", () => {
  const d = fresh("ulimit");
  const original = Buffer.from(bigSpec());
  writeFileSync(join(d, "x.md"), original);
  assert.ok(original.length >= 16_000);
  assert.ok(Buffer.byteLength(normalize(original.toString()).text) > 8192, "the normalized text exceeds the limit");
  const r = spawnSync("bash", ["-c", `trap "" XFSZ; ulimit -f 8; exec "$0" "$@"`, process.execPath, js, "fmt", "--write", "x.md"], {
    cwd: d,
    encoding: "utf8",
  });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^speclint: error: cannot write `x\.md`: File too large \(os error 27\)$/m);
  assert.match(r.stderr, /^0 files reformatted, 0 unchanged, 1 failed$/m);
  assert.deepEqual(readFileSync(join(d, "x.md")), original, "the original is intact");
  assert.deepEqual(leftovers(d, ["x.md"]), [], "no temporary file left");
  // Without the limit the same command writes it.
  const ok = run(["fmt", "--write", "x.md"], d);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(readFileSync(join(d, "x.md"), "utf8"), normalize(original.toString()).text);
});

test("a symbolic link is written through: the target gets the new text, the link stays a link", () => {
  const d = fresh("links");
  mkdirSync(join(d, "real"));
  writeFileSync(join(d, "real", "spec.md"), DEFECTS);
  symlinkSync("real/spec.md", join(d, "link.md"));
  const r = run(["fmt", "--write", "link.md"], d);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, "1 file reformatted, 0 unchanged\n");
  assert.ok(lstatSync(join(d, "link.md")).isSymbolicLink(), "the link stays a link");
  assert.equal(readlinkSync(join(d, "link.md")), "real/spec.md");
  assert.equal(readFileSync(join(d, "real", "spec.md"), "utf8"), normalize(DEFECTS).text, "the target is formatted");
  assert.deepEqual(leftovers(join(d, "real"), ["spec.md"]), [], "no temporary file next to the target");
  assert.deepEqual(leftovers(d, ["real", "link.md"]), [], "no temporary file next to the link");
});

test("the mode is kept, setgid included", () => {
  const d = fresh("mode");
  writeFileSync(join(d, "a.md"), DEFECTS);
  chmodSync(join(d, "a.md"), 0o2640);
  const r = run(["fmt", "--write", "a.md"], d);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(statSync(join(d, "a.md")).mode & 0o7777, 0o2640);
  assert.equal(readFileSync(join(d, "a.md"), "utf8"), normalize(DEFECTS).text);
});

test("as root: owner and group are kept (nobody:nogroup 0600 stays so)", { skip: !isRoot && "needs root" }, () => {
  const d = fresh("owner");
  writeFileSync(join(d, "a.md"), DEFECTS);
  chownSync(join(d, "a.md"), 65534, 65534);
  chmodSync(join(d, "a.md"), 0o600);
  const r = run(["fmt", "--write", "a.md"], d);
  assert.equal(r.status, 0, r.stderr);
  const st = statSync(join(d, "a.md"));
  assert.deepEqual([st.uid, st.gid, st.mode & 0o7777], [65534, 65534, 0o600]);
  assert.equal(readFileSync(join(d, "a.md"), "utf8"), normalize(DEFECTS).text);
});

test("an owner that cannot be kept (EPERM) is refused: exit 2, the original intact", { skip: !isRoot && "needs root (runs the CLI as nobody)" }, () => {
  const d = fresh("eperm");
  chmodSync(dir, 0o755); // mkdtemp's 0700 would keep nobody out
  chmodSync(d, 0o777);
  writeFileSync(join(d, "a.md"), DEFECTS);
  chmodSync(join(d, "a.md"), 0o666); // root's, writable by nobody
  const r = run(["fmt", "--write", "a.md"], d, { uid: 65534, gid: 65534 });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^speclint: error: cannot keep the owner and group of `a\.md` \(0:0\): Operation not permitted \(os error 1\); not writing it$/m);
  assert.equal(readFileSync(join(d, "a.md"), "utf8"), DEFECTS);
  assert.equal(statSync(join(d, "a.md")).uid, 0);
  assert.deepEqual(leftovers(d, ["a.md"]), []);
});

test("a file changed after it was read is not written; one another run already formatted counts as done", () => {
  const d = fresh("changed");
  const p = join(d, "a.md");
  writeFileSync(p, DEFECTS);
  const src = { bytes: Buffer.from(DEFECTS), stat: statSync(p) };
  const fd = openSync(p, "a");
  writeSync(fd, "appended by someone else\n");
  closeSync(fd);
  assert.throws(() => writeAtomic({ path: "a.md", fsPath: p }, src, normalize(DEFECTS).text), {
    message: "`a.md` changed while it was being formatted; not writing it",
  });
  assert.equal(readFileSync(p, "utf8"), `${DEFECTS}appended by someone else\n`);
  assert.deepEqual(leftovers(d, ["a.md"]), []);
  // The same size and content but another inode (replaced meanwhile): changed too.
  writeFileSync(p, DEFECTS);
  const old = { bytes: Buffer.from(DEFECTS), stat: statSync(p) };
  rmSync(p);
  writeFileSync(p, DEFECTS);
  assert.throws(() => writeAtomic({ path: "a.md", fsPath: p }, old, normalize(DEFECTS).text), /changed while it was being formatted/);
  // Already formatted by someone else: nothing to write.
  writeFileSync(p, normalize(DEFECTS).text);
  const ino = statSync(p).ino;
  assert.equal(writeAtomic({ path: "a.md", fsPath: p }, old, normalize(DEFECTS).text), "already there");
  assert.equal(statSync(p).ino, ino, "not replaced");
  assert.deepEqual(leftovers(d, ["a.md"]), []);
});

test("a writer that keeps the file open and appends: its lines are never silently lost", async () => {
  const d = fresh("appender");
  const p = join(d, "log.md");
  writeFileSync(p, bigSpec().repeat(20)); // about 330 KB: formatting takes a while
  // Appends through one descriptor opened before fmt starts (as a logger does).
  const appender = spawn("bash", ["-c", 'exec 3>>"$0"; i=0; while :; do i=$((i+1)); echo "line $i" >&3; done', p], { stdio: "ignore" });
  try {
    const size0 = statSync(p).size;
    while (statSync(p).size === size0) await new Promise((r) => setTimeout(r, 5));
    const r = await new Promise((resolve) => {
      const c = spawn(process.execPath, [js, "fmt", "--write", "log.md"], { cwd: d });
      let stderr = "";
      c.stderr.on("data", (b) => (stderr += b));
      c.on("close", (status) => resolve({ status, stderr }));
    });
    assert.equal(r.status, 2, r.stderr);
    assert.match(
      r.stderr,
      /`log\.md` (changed while it was being formatted; not writing it|was written to while it was being replaced; that write went to the old file)/,
    );
  } finally {
    appender.kill();
    await new Promise((r) => appender.once("exit", r));
  }
  // Not replaced: every appended line is in the file, numbered without a gap.
  const lines = readFileSync(p, "utf8").split("\n").filter((l) => l.startsWith("line "));
  assert.ok(lines.length > 0);
  lines.forEach((l, i) => assert.equal(l, `line ${i + 1}`));
  assert.deepEqual(leftovers(d, ["log.md"]), []);
});

test("three concurrent fmt --write runs on a tree of 20 files all succeed, and the files are formatted", async () => {
  for (let round = 0; round < 3; round++) {
    const d = fresh(`concurrent-${round}`);
    mkdirSync(join(d, ".git"));
    for (let i = 0; i < 20; i++) {
      mkdirSync(join(d, "docs", `d${i % 4}`), { recursive: true });
      writeFileSync(join(d, "docs", `d${i % 4}`, `spec-${i}.md`), DEFECTS.replace("# ", `# ${i} `));
    }
    const runs = await Promise.all(
      [0, 1, 2].map(
        () =>
          new Promise((resolve) => {
            const c = spawn(process.execPath, [js, "fmt", "--write", "docs"], { cwd: d });
            let stderr = "";
            c.stderr.on("data", (b) => (stderr += b));
            c.on("close", (status) => resolve({ status, stderr }));
          }),
      ),
    );
    for (const r of runs) {
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /^\d+ files? reformatted, \d+ unchanged\n$/);
    }
    const reformatted = runs.map((r) => Number(r.stderr.match(/^(\d+)/)[1]));
    assert.ok(reformatted.reduce((x, y) => x + y) >= 20, `every file was reformatted by some run: ${reformatted}`);
    for (let i = 0; i < 20; i++) {
      const text = readFileSync(join(d, "docs", `d${i % 4}`, `spec-${i}.md`), "utf8");
      assert.equal(text, normalize(DEFECTS.replace("# ", `# ${i} `)).text, `spec-${i}.md`);
    }
    for (let k = 0; k < 4; k++) {
      assert.deepEqual(readdirSync(join(d, "docs", `d${k}`)).filter((n) => !n.endsWith(".md")), [], "no temporary file left");
    }
  }
});

// `init --output` (src/cli/write.rs `write_new`, lib/cli.js `writeNew`), native
// and npx alike: a new file gets the mode of any new file (not the 0600 of a
// temporary file), no temporary file stays behind, an existing file is never
// replaced without --force, and --force writes through a symbolic link.
test("init --output: a whole new file, never over an existing one without --force, links written through", () => {
  const template = join(pkg, "..", "examples", "template.md");
  for (const [name, argv0] of [
    ["native", [nativeBin()]],
    ["npx", [process.execPath, js]],
  ]) {
    const d = join(dir, `init-${name}`);
    mkdirSync(d);
    const run = (...args) =>
      spawnSync(argv0[0], [...argv0.slice(1), "init", "--from-template", template, ...args], { cwd: d, encoding: "utf8" });
    writeFileSync(join(d, "reference"), "x");
    let r = run("-o", "type.yaml");
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.match(readFileSync(join(d, "type.yaml"), "utf8"), /^# Spec type derived from/);
    assert.equal(statSync(join(d, "type.yaml")).mode, statSync(join(d, "reference")).mode, name);
    assert.deepEqual(readdirSync(d).filter((f) => f.includes(".speclint-")), [], name);

    writeFileSync(join(d, "mine.yaml"), "my own\n");
    r = run("-o", "mine.yaml");
    assert.equal(r.status, 2, name);
    assert.match(r.stderr, /`mine\.yaml` exists; pass --force to overwrite it/);
    assert.equal(readFileSync(join(d, "mine.yaml"), "utf8"), "my own\n", name);

    // A file size limit (ulimit -f 2: 2 KB; the type file is over 5 KB) fails
    // the write: no half file under a new name, an existing file intact.
    const limited = (...args) =>
      spawnSync("bash", ["-c", `trap "" XFSZ; ulimit -f 2; exec "$0" "$@"`, ...argv0, "init", "--from-template", template, ...args], {
        cwd: d,
        encoding: "utf8",
      });
    r = limited("-o", "new.yaml");
    assert.equal(r.status, 2, `${name}: ${r.stderr}`);
    assert.match(r.stderr, /cannot write `new\.yaml`: File too large/, name);
    assert.equal(existsSync(join(d, "new.yaml")), false, `${name}: no half-written file`);
    r = limited("-o", "mine.yaml", "--force");
    assert.equal(r.status, 2, `${name}: ${r.stderr}`);
    assert.equal(readFileSync(join(d, "mine.yaml"), "utf8"), "my own\n", `${name}: the existing file is intact`);
    assert.deepEqual(readdirSync(d).filter((f) => f.includes(".speclint-")), [], name);

    mkdirSync(join(d, "real"));
    writeFileSync(join(d, "real", "t.yaml"), "old\n");
    symlinkSync(join("real", "t.yaml"), join(d, "link.yaml"));
    r = run("-o", "link.yaml", "--force");
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.ok(lstatSync(join(d, "link.yaml")).isSymbolicLink(), `${name}: the link stays a link`);
    assert.match(readFileSync(join(d, "real", "t.yaml"), "utf8"), /^# Spec type derived from/);
    assert.deepEqual(readdirSync(d).filter((f) => f.includes(".speclint-")), [], name);
    assert.deepEqual(readdirSync(join(d, "real")), ["t.yaml"], name);

    // --force over a file keeps its mode; a folder is not replaced.
    writeFileSync(join(d, "kept.yaml"), "old\n");
    chmodSync(join(d, "kept.yaml"), 0o640);
    r = run("-o", "kept.yaml", "--force");
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.match(readFileSync(join(d, "kept.yaml"), "utf8"), /^# Spec type derived from/);
    assert.equal(statSync(join(d, "kept.yaml")).mode & 0o7777, 0o640, `${name}: mode kept`);
    mkdirSync(join(d, "folder.yaml"));
    r = run("-o", "folder.yaml", "--force");
    assert.equal(r.status, 2, name);
    assert.match(r.stderr, /`folder\.yaml` is not a regular file; not writing it/, name);
    assert.deepEqual(readdirSync(d).filter((f) => f.includes(".speclint-")), [], name);
  }
});
