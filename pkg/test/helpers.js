// Shared by the tests: repository paths, the documents of the repository, and
// the native CLI to compare with.
import { execFileSync } from "node:child_process";
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
