// Shared by the tests: repository paths, the documents of the repository, and
// the native CLI to compare with.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const pkg = fileURLToPath(new URL("..", import.meta.url));
export const repo = join(pkg, "..");

/** Markdown files under `dir` (relative to the repository), sorted. */
export function markdown(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(join(repo, d), { withFileTypes: true })) {
      const p = `${d}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".md")) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

export const read = (p) => readFileSync(join(repo, p), "utf8");

let native;
/**
 * The native `speclint` binary: $SPECLINT_NATIVE, or target/debug/speclint
 * after `cargo build` (a no-op when scripts/test.sh has just run cargo test).
 */
export function nativeBin() {
  if (native) return native;
  if (process.env.SPECLINT_NATIVE) return (native = process.env.SPECLINT_NATIVE);
  execFileSync("cargo", ["build", "--quiet", "--locked", "--bin", "speclint"], { cwd: repo, stdio: "inherit" });
  const target = process.env.CARGO_TARGET_DIR || join(repo, "target");
  native = join(target, "debug", "speclint");
  if (!existsSync(native)) throw new Error(`no native binary at ${native}`);
  return native;
}

/**
 * Runs `speclint ARGS` in `cwd` through the native binary and through
 * `npx speclint` (bin/speclint.js), and asserts the same exit code, stdout
 * and stderr (issue "One core, thin hosts": one answer from every host).
 */
export function assertSameAsNative(cwd, args, input) {
  const run = (cmd, argv) => {
    const r = spawnSync(cmd, argv, { cwd, encoding: "utf8", input, env: { ...process.env, NO_COLOR: "1" } });
    if (r.error) throw r.error;
    return r;
  };
  const a = run(nativeBin(), args);
  const b = run(process.execPath, [join(pkg, "bin", "speclint.js"), ...args]);
  const what = `speclint ${args.join(" ")}`;
  assert.equal(b.status, a.status, `${what}: exit code (${b.stderr})`);
  assert.equal(b.stdout, a.stdout, `${what}: stdout`);
  assert.equal(b.stderr, a.stderr, `${what}: stderr`);
  return b;
}
