// The published tarball (npm pack), unpacked into a project's node_modules:
// import, require and the `speclint` bin work from outside the package, and
// the tarball holds the runtime files only.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { pkg, repo } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "speclint-pack-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("npm pack: the tarball works as an installed package", () => {
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: pkg, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const [info] = JSON.parse(out);
  const files = info.files.map((f) => f.path).sort();
  for (const f of ["README.md", "LICENSE-MIT", "LICENSE-APACHE", "package.json", "index.js", "index.cjs", "index.d.ts", "index.d.cts", "web.js", "web.d.ts", "bin/speclint.js", "wasm/speclint_bg.wasm", "wasm/speclint.js", "wasm/speclint.cjs", "wasm/web/speclint.js", "wasm/web/speclint_bg.wasm"]) {
    assert.ok(files.includes(f), `${f} in the tarball`);
  }
  // The licence texts are the repository's (copies, since npm packs only pkg/).
  for (const l of ["LICENSE-MIT", "LICENSE-APACHE"]) {
    assert.equal(readFileSync(join(pkg, l), "utf8"), readFileSync(join(repo, l), "utf8"), `pkg/${l} is the repository's`);
  }
  assert.ok(!files.some((f) => f.startsWith("test/") || f.startsWith("scripts/") || f.endsWith("_named.wasm")), files.join(", "));

  const project = join(dir, "project");
  const installed = join(project, "node_modules", "speclint");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", join(dir, info.filename), "-C", installed, "--strip-components=1"]);
  writeFileSync(join(project, "package.json"), '{ "private": true }\n');
  const doc = readFileSync(join(repo, "examples/invalid/orders-db-defects.md"), "utf8");
  writeFileSync(join(project, "spec.md"), doc);

  const esm = spawnSync(process.execPath, ["--input-type=module", "-e", 'import { validate } from "speclint"; import { readFileSync } from "node:fs"; console.log(validate(readFileSync("spec.md", "utf8")).diagnostics.length)'], { cwd: project, encoding: "utf8" });
  assert.equal(esm.status, 0, esm.stderr);
  const cjs = spawnSync(process.execPath, ["-e", 'const { validate } = require("speclint"); console.log(validate(require("fs").readFileSync("spec.md", "utf8")).diagnostics.length)'], { cwd: project, encoding: "utf8" });
  assert.equal(cjs.status, 0, cjs.stderr);
  assert.equal(esm.stdout, cjs.stdout);
  assert.ok(Number(esm.stdout) > 5);

  const bin = spawnSync(process.execPath, [join(installed, "bin", "speclint.js"), "check", "spec.md", "--format", "json"], { cwd: project, encoding: "utf8" });
  assert.equal(bin.status, 1, bin.stderr);
  assert.equal(JSON.parse(bin.stdout).length, Number(esm.stdout));
  const pj = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  assert.equal(pj.bin.speclint, "./bin/speclint.js");
});
