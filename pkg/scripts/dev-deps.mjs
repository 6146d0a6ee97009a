// Installs the package's devDependencies (the test tools: unified, remark,
// vfile-reporter, remark-cli, playwright-core, vite) with `npm ci` when
// node_modules does not match package-lock.json, so that `npm test` works on
// a fresh clone and reruns cost nothing. Run by the `pretest` and
// `pretest:e2e` scripts.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const lock = readFileSync(new URL("../package-lock.json", import.meta.url), "utf8");
const marker = new URL("../node_modules/.speclint-lock", import.meta.url);

if (!existsSync(marker) || readFileSync(marker, "utf8") !== lock) {
  process.stderr.write("installing the devDependencies of pkg/ (npm ci)\n");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: pkg, stdio: ["ignore", "inherit", "inherit"] });
  writeFileSync(marker, lock);
}
