// `npx speclint fmt` and `npx speclint export` against the native CLI on the
// same files: identical stdout (diffs, normalized text, JSON), stderr and exit
// codes; `fmt --write` leaves the same files behind, keeps modes and does not
// touch unchanged files.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { nativeBin, pkg, repo } from "./helpers.js";

const js = join(pkg, "bin", "speclint.js");
let native;
let dir;

function run(bin, args, cwd, input) {
  const cmd = bin === "js" ? [process.execPath, [js, ...args]] : [native, args];
  const r = spawnSync(cmd[0], cmd[1], { cwd, input, maxBuffer: 256 << 20, env: { ...process.env, NO_COLOR: "1" } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout.toString("utf8"), stderr: r.stderr.toString("utf8") };
}

/** Runs both CLIs; asserts the same exit code, stdout and (unless `usage`) stderr. */
function same(args, { cwd = repo, input, usage = false } = {}) {
  const a = run("native", args, cwd, input);
  const b = run("js", args, cwd, input);
  const what = `speclint ${args.join(" ")} (in ${cwd})`;
  assert.equal(b.status, a.status, `${what}: exit code; native stderr: ${a.stderr}; js stderr: ${b.stderr}`);
  assert.equal(b.stdout, a.stdout, `${what}: stdout`);
  if (!usage) assert.equal(b.stderr, a.stderr, `${what}: stderr`);
  return a;
}

const DEFECTS = "examples/invalid/orders-db-defects.md";
const ORDERS = "examples/valid/orders-db.md";

before(() => {
  native = nativeBin();
  dir = mkdtempSync(join(tmpdir(), "speclint-fmt-"));
  const defects = readFileSync(join(repo, DEFECTS));
  const files = {
    "speclint.yaml": "types:\n  - types/adr.yaml\nexclude: ['docs/archive/**']\n",
    "types/adr.yaml": readFileSync(join(repo, "examples/types/adr.yaml")),
    "docs/defects.md": defects,
    "docs/orders.md": readFileSync(join(repo, ORDERS)),
    "docs/crlf-bom.md": `\uFEFF${defects.toString("utf8").replaceAll("\n", "\r\n")}`,
    "docs/emoji 😀.md": defects.toString("utf8").replace("## Purpose\n", "## Purpose\n\nOwner 😀表 is <team_name>.\n"),
    "docs/notes.md": "# Just notes\n\nNo   spec_type here.\n",
    "docs/archive/old.md": defects,
    "docs/adr/0001.md": readFileSync(join(repo, "examples/adr/0001-use-postgres.md")),
    "docs/real-fffd.md": defects.toString("utf8").replace("## Purpose\n", "## Purpose\n\nA real \uFFFD here.\n"),
  };
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, ".."), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  mkdirSync(join(dir, ".git"));
  // Invalid UTF-8 after a valid prefix (and after a real U+FFFD).
  writeFileSync(join(dir, "docs/latin1.md"), Buffer.concat([defects, Buffer.from("\uFFFD"), Buffer.from([0xef, 0xbf, 0x0a])]));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("fmt --check and --diff print the same unified diffs, summary and exit code", () => {
  for (const mode of ["--check", "--diff"]) {
    assert.equal(same(["fmt", mode, "examples"]).status, 1);
    assert.equal(same(["fmt", mode, ORDERS]).status, 0);
    const r = same(["fmt", mode], { cwd: dir });
    assert.equal(r.status, 2, "latin1.md fails");
    assert.match(r.stdout, /^--- a\/docs\/defects\.md$/m);
    assert.match(r.stderr, /not valid UTF-8 \(invalid byte at offset \d+\)/);
    same(["fmt", mode, "docs/defects.md", "docs/crlf-bom.md", "docs/emoji 😀.md", "docs/real-fffd.md", "docs/notes.md"], { cwd: dir });
    same(["fmt", mode, "docs/*.md", "--unsafe-fixes", "--reorder-sections", "--insert-missing-sections"], { cwd: dir });
    same(["fmt", mode, "docs", "--type", "database-schema"], { cwd: dir });
    same(["fmt", mode, "docs/adr", "--types", "examples/types/adr.yaml", "--config", "no-such.yaml"], { cwd: dir });
  }
  same(["fmt", "--check", "examples", "--types", "examples/types/adr.yaml", "--unsafe-fixes"]);
});

test("fmt prints one file's normalized text; several files are a usage error", () => {
  for (const p of [DEFECTS, ORDERS, "examples/adr/0001-use-postgres.md"]) same(["fmt", p, "--types", "examples/types/adr.yaml"]);
  same(["fmt", DEFECTS, "--unsafe-fixes", "--reorder-sections", "--insert-missing-sections"]);
  same(["fmt", "docs/notes.md"], { cwd: dir });
  same(["fmt", "docs/crlf-bom.md"], { cwd: dir });
  assert.equal(same(["fmt", "examples/invalid"]).status, 2);
  assert.equal(same(["fmt", "docs/latin1.md"], { cwd: dir }).status, 2);
});

test("fmt - reads standard input", () => {
  const defects = readFileSync(join(repo, DEFECTS));
  assert.equal(same(["fmt", "-"], { input: defects }).status, 0);
  assert.equal(same(["fmt", "-", "--check"], { input: defects }).status, 1);
  assert.equal(same(["fmt", "-", "--diff", "--unsafe-fixes"], { input: defects }).status, 1);
  const normalized = run("native", ["fmt", "-"], repo, defects).stdout;
  assert.notEqual(normalized, defects.toString("utf8"));
  assert.equal(same(["fmt", "-", "--check"], { input: normalized }).status, 0);
  assert.equal(same(["fmt", "-"], { input: Buffer.from([0x23, 0x20, 0xff, 0x0a]) }).status, 2);
});

test("export: one file, several, --pretty, --type", () => {
  same(["export", ORDERS]);
  same(["export", "--pretty", ORDERS]);
  same(["export", ORDERS, DEFECTS, "examples/template.md"]);
  same(["export", "--pretty", ORDERS, DEFECTS]);
  same(["export", "--type", "database-schema", "examples/template.md"]);
  same(["export", "examples/adr/0001-use-postgres.md", "--types", "examples/types/adr.yaml", "--pretty"]);
  same(["export", "docs/emoji 😀.md", "docs/crlf-bom.md", "docs/latin1.md", "docs/notes.md"], { cwd: dir });
  // Front matter with integer-like keys and floats: the core's JSON, not JSON.stringify's.
  writeFileSync(join(dir, "numbers.md"), "---\nspec_type: database-schema\nversion: 1.0\n2024: x\nbig: 12345678901234567890\n---\n# T\n");
  const r = same(["export", "numbers.md"], { cwd: dir });
  assert.match(r.stdout, /"version":1\.0,"2024":"x"/);
});

test("usage and I/O errors exit 2 with the same messages", () => {
  same(["fmt", "--check", "examples", "--type", "nope"]);
  same(["fmt", "--check", "no/such/dir"]);
  same(["export", ORDERS, "--type", "nope"]);
  same(["export", ORDERS, "no-such.md"]);
  same(["export", ORDERS, "--config", "no-such.yaml"]);
  for (const args of [["fmt", "--check", "--write", "x"], ["fmt", "--diff", "--write"], ["fmt", "--bogus"], ["export"], ["export", "--pretty=1", "x"]]) {
    assert.equal(same(args, { usage: true }).status, 2);
  }
});

function snapshot(root) {
  const out = {};
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = statSync(p);
        out[p.slice(root.length + 1)] = { text: readFileSync(p, "utf8"), mode: st.mode & 0o7777, mtimeMs: st.mtimeMs };
      }
    }
  };
  walk(root);
  return out;
}

test("fmt --write: the native result, modes kept, unchanged files untouched, no temporary files left", () => {
  const copies = {};
  for (const bin of ["native", "js"]) {
    const d = join(dir, `write-${bin}`);
    mkdirSync(d);
    for (const p of ["docs/defects.md", "docs/orders.md", "docs/crlf-bom.md", "docs/notes.md", "docs/emoji 😀.md", "docs/latin1.md"]) {
      cpSync(join(dir, p), join(d, p));
    }
    chmodSync(join(d, "docs/defects.md"), 0o640);
    chmodSync(join(d, "docs/crlf-bom.md"), 0o604);
    const past = new Date("2001-02-03T04:05:06Z");
    for (const p of ["docs/orders.md", "docs/notes.md", "docs/defects.md"]) utimesSync(join(d, p), past, past);
    const before = snapshot(d);
    const r = run(bin, ["fmt", "--write", "docs"], d);
    assert.equal(r.status, 2, `${bin}: latin1.md fails: ${r.stderr}`);
    assert.match(r.stderr, /^3 files reformatted, 2 unchanged, 1 failed$/m, bin);
    const now = snapshot(d);
    assert.deepEqual(Object.keys(now).sort(), Object.keys(before).sort(), `${bin}: no temporary file left`);
    for (const p of ["docs/orders.md", "docs/notes.md", "docs/latin1.md"]) assert.deepEqual(now[p], before[p], `${bin}: ${p} untouched`);
    assert.equal(now["docs/defects.md"].mode, 0o640, `${bin}: mode kept`);
    assert.equal(now["docs/crlf-bom.md"].mode, 0o604, `${bin}: mode kept`);
    assert.notEqual(now["docs/defects.md"].text, before["docs/defects.md"].text);
    assert.notEqual(now["docs/defects.md"].mtimeMs, before["docs/defects.md"].mtimeMs);
    copies[bin] = { r, now };
    assert.equal(run(bin, ["fmt", "--check", "docs/defects.md", "docs/crlf-bom.md"], d).status, 0, `${bin}: formatted`);
  }
  assert.equal(copies.js.r.stderr, copies.native.r.stderr);
  const text = (s) => Object.fromEntries(Object.entries(s).map(([p, f]) => [p, [f.text, f.mode]]));
  assert.deepEqual(text(copies.js.now), text(copies.native.now), "the same files");
});

test("fmt --write refuses read-only files", () => {
  for (const bin of ["native", "js"]) {
    const d = join(dir, `ro-${bin}`);
    mkdirSync(d);
    cpSync(join(dir, "docs/defects.md"), join(d, "a.md"));
    chmodSync(join(d, "a.md"), 0o444);
    const r = run(bin, ["fmt", "--write", "a.md"], d);
    assert.equal(r.status, 2, bin);
    assert.equal(r.stderr, "speclint: error: `a.md` is read-only; not writing it\n0 files reformatted, 0 unchanged, 1 failed\n", bin);
    assert.equal(readFileSync(join(d, "a.md"), "utf8"), readFileSync(join(dir, "docs/defects.md"), "utf8"));
  }
});
