// The declaration files compile in strict mode and resolve through the
// package's `exports` for import, require() and `speclint/web`; the
// @ts-expect-error lines in test/types/*.ts prove the types are precise.
// Needs `tsc` (scripts/install-tools.sh puts it in $SPECLINT_TOOLS/bin).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pkg } from "./helpers.js";

function tsc() {
  const tools = process.env.SPECLINT_TOOLS || join(homedir(), ".cache", "speclint-tools");
  const cached = join(tools, "bin", "tsc");
  if (existsSync(cached)) return cached;
  const onPath = spawnSync("tsc", ["--version"], { encoding: "utf8" });
  if (onPath.status === 0) return "tsc";
  throw new Error("tsc not found: run scripts/install-tools.sh");
}

test("test/types/*.ts compile against the package's declarations", () => {
  const r = spawnSync(tsc(), ["-p", join(pkg, "test", "types")], { encoding: "utf8" });
  assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
});
