// `npx speclint` against the native CLI on the same files: identical stdout
// (JSON, SARIF, GitHub, pretty), identical error messages, same exit codes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { nativeBin, pkg, repo } from "./helpers.js";

const js = join(pkg, "bin", "speclint.js");
let native;
before(() => {
  native = nativeBin();
});

function run(bin, args, cwd) {
  const cmd = bin === "js" ? [process.execPath, [js, ...args]] : [native, args];
  const r = spawnSync(cmd[0], cmd[1], { cwd, encoding: "utf8", maxBuffer: 256 << 20, env: { ...process.env, NO_COLOR: "1" } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs both CLIs; asserts the same exit code and stdout (and stderr unless `usage`). */
function same(args, cwd = repo, { usage = false } = {}) {
  const a = run("native", args, cwd);
  const b = run("js", args, cwd);
  const what = `speclint ${args.join(" ")} (in ${cwd})`;
  assert.equal(b.status, a.status, `${what}: exit code; native stderr: ${a.stderr}; js stderr: ${b.stderr}`);
  assert.equal(b.stdout, a.stdout, `${what}: stdout`);
  if (!usage) assert.equal(b.stderr, a.stderr, `${what}: stderr`);
  return a;
}

test("the examples and every rule fixture: identical JSON diagnostics and exit codes", () => {
  const r = same(["check", "examples", "--format", "json"]);
  assert.equal(r.status, 1);
  assert.ok(JSON.parse(r.stdout).length > 10);
  assert.equal(same(["check", "examples/valid", "examples/adr", "--types", "examples/types/adr.yaml", "--format", "json"]).status, 0);
  same(["check", "tests/fixtures", "--format", "json", "--types", "examples/types/adr.yaml"]);
  same(["check", "examples/invalid/orders-db-defects.md", "examples/valid/orders-db.md", "-f", "json"]);
});

test("every output format is byte-identical", () => {
  for (const f of [["--format", "sarif"], ["--format", "github"], ["--format=pretty", "--color", "never"], ["-q"], ["--color=always"]]) {
    same(["check", "examples", ...f]);
  }
  same(["check", "examples/invalid", "-qf", "json"]);
});

test("types, schema and rules print the same", () => {
  for (const args of [["rules"], ["rules", "--json"], ["types"], ["types", "--json", "--types", "examples/types/adr.yaml"], ["schema", "database-schema"], ["schema", "adr", "--types", "examples/types/adr.yaml"]]) {
    assert.equal(same(args).status, 0);
  }
});

test("usage and I/O errors exit 2 with the same messages", () => {
  same(["check", "examples", "--type", "nope"]);
  same(["check", "no/such/dir"]);
  same(["check", "examples", "--types", "no-such-type.yaml"]);
  same(["check", "examples", "--config", "no-such-config.yaml"]);
  same(["schema", "nope"]);
  for (const args of [["check", "--format", "xml"], ["check", "--bogus"], ["check", "-f"], ["schema"], ["frobnicate"], []]) {
    assert.equal(same(args, repo, { usage: true }).status, 2);
  }
});

let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "speclint-cli-"));
  const orders = readFileSync(join(repo, "examples/valid/orders-db.md"), "utf8");
  const defects = readFileSync(join(repo, "examples/invalid/orders-db-defects.md"));
  const files = {
    "speclint.yaml": "rules:\n  unknown-field: off\n  FM008: warning\ntypes:\n  - types/adr.yaml\nexclude: ['docs/archive/**']\nreferences:\n  initiatives: ['initiatives/*.md']\n",
    "types/adr.yaml": readFileSync(join(repo, "examples/types/adr.yaml"), "utf8"),
    "docs/orders.md": orders,
    "docs/copy-of-orders.md": orders.replace("status: approved", "status: in-review"),
    "docs/notes.md": "# Just notes\n\nNo spec_type here.\n",
    "docs/archive/old.md": orders,
    "docs/adr/0001.md": readFileSync(join(repo, "examples/adr/0001-use-postgres.md"), "utf8"),
    "docs/crlf-bom.md": `\uFEFF${orders.replaceAll("\n", "\r\n")}`,
    "docs/emoji 😀.md": orders.replace("## Purpose\n", "## Purpose\n\nOwner 😀表 is <team_name>.\n"),
    "docs/ignored/x.md": orders,
    "docs/.hidden/x.md": orders,
    "docs/kept.md": orders,
    ".gitignore": "ignored/\n*.tmp.md\n",
    "docs/.gitignore": "kept.md\n!kept.md\n",
    "docs/scratch.tmp.md": orders,
    "initiatives/checkout-v2.md": "# Checkout v2\n",
    "sub/deeper/.keep": "",
  };
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, ".."), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  mkdirSync(join(dir, ".git"));
  // Invalid UTF-8 after a valid prefix.
  writeFileSync(join(dir, "docs/latin1.md"), Buffer.concat([defects, Buffer.from([0xe9, 0x0a, 0xf0, 0x9f, 0x0a])]));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("a project: config discovered upward, .gitignore, hidden files, include/exclude, cross-document checks, invalid UTF-8", () => {
  for (const f of ["json", "pretty", "sarif"]) {
    same(["check", "--format", f], dir);
    same(["check", "docs", "--format", f], join(dir));
  }
  same(["check", "--format", "json"], join(dir, "sub", "deeper"));
  same(["check", "../..", "-f", "json"], join(dir, "sub", "deeper"));
  same(["check", "docs/notes.md", "docs/*.md", "-f", "json"], dir);
  same(["check", "docs/**/*.md", "-f", "json", "--type", "database-schema"], dir);
  same(["check", "./docs/orders.md", "docs", "-f", "json"], dir);
  same(["check", "-f", "json", "--config", "speclint.yaml", "docs/latin1.md"], dir);
  same(["check", "-f", "json", "--config", join(dir, "speclint.yaml")], join(dir, "sub"));
  writeFileSync(join(dir, "bad.yaml"), "rules:\n  nope: off\n");
  same(["check", "--config", "bad.yaml"], dir);
  writeFileSync(join(dir, "bad.yaml"), "rulez: 1\n");
  same(["check", "--config", "bad.yaml"], dir);
  writeFileSync(join(dir, "bad.yaml"), "types: [bad-type.yaml]\n");
  writeFileSync(join(dir, "bad-type.yaml"), "id: x\nname: X\nbogus: 1\n");
  same(["check", "--config", "bad.yaml"], dir);
  writeFileSync(join(dir, "bad.yaml"), "include: ['[']\n");
  same(["check", "--config", "bad.yaml"], dir);
});
