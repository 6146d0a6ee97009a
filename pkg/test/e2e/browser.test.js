// End to end in a real browser (Debian's Chromium, headless, driven by
// playwright-core), pages served on 127.0.0.1:
//   1. the web entry `speclint/web` loaded without a bundler (an import map),
//      fetching the .wasm from the server;
//   2. a Vite build (no config, no plugins) of a page importing the package,
//      served from its dist/ folder.
// Each page validates a document whose error comes after an emoji on its
// line: the column must be the UTF-16 one (what JS string indices count).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { pkg } from "../helpers.js";
import { launchChromium, open, serve } from "./helpers.js";

const here = join(pkg, "test", "e2e");
let chromium;
before(async () => {
  chromium = await launchChromium();
});
after(async () => {
  await chromium?.close();
});

/** Loads `url`, waits for page.js to finish, and checks what it found. */
async function check(url, requests) {
  const { page, errors } = await open(chromium.context, url);
  await page.waitForFunction(() => document.body?.dataset.done === "1", null, { timeout: 30_000 });
  const r = await page.evaluate(() => window.speclint);
  await page.close();
  assert.deepEqual(errors, []);
  assert.equal(r.error, undefined, r.error);
  assert.ok(r.ok);
  assert.match(r.before, /./, "validate throws before init()");
  assert.notEqual(r.before, "no error");
  assert.match(r.version, /^\d+\.\d+\.\d+/);
  assert.equal(r.specType, "database-schema");
  // `applicability` values outside the suggested ones are warnings (FM015).
  const fm015 = r.diagnostics.filter((d) => d.code === "FM015");
  assert.deepEqual(fm015.map((d) => d.message.match(/value (`[^`]+`)/)[1]), ["`🙂`", "`tablet`"]);
  assert.ok(fm015.every((d) => d.severity === "warning"));
  const tablet = fm015[1];
  assert.equal(tablet.line, 7);
  assert.equal(r.tabletColumn, 26, "`tablet` is the 26th UTF-16 code unit of its line (🙂 counts two)");
  assert.equal(tablet.column, r.tabletColumn, "the diagnostic's column counts UTF-16 code units");
  assert.equal(tablet.endColumn, r.tabletColumn + "tablet".length);
  assert.equal(tablet.path, "orders.md");
  assert.ok(r.withLinter.includes("FM015") && !r.withLinter.includes("FM005"), r.withLinter.join(" "));
  assert.ok(r.wasmUrl, "the page fetched a .wasm");
  assert.ok(requests.some((p) => p.endsWith(".wasm")), requests.join(" "));
  return r;
}

test("Chromium: `import init, { validate } from 'speclint/web'` loads the .wasm from the server and validates", async () => {
  const server = await serve({ "/": join(here, "web-page"), "/node_modules/speclint/": pkg });
  try {
    const r = await check(`${server.url}/index.html`, server.requests);
    assert.equal(new URL(r.wasmUrl).pathname, "/node_modules/speclint/wasm/web/speclint_bg.wasm");
  } finally {
    await server.close();
  }
});

const project = mkdtempSync(join(tmpdir(), "speclint-vite-"));
after(() => rmSync(project, { recursive: true, force: true }));

test("Vite: a page importing the package builds with no plugins, and the built page validates in Chromium", async () => {
  copyFileSync(join(here, "vite-app", "index.html"), join(project, "index.html"));
  copyFileSync(join(here, "web-page", "page.js"), join(project, "page.js"));
  mkdirSync(join(project, "node_modules"));
  symlinkSync(pkg, join(project, "node_modules", "speclint"));
  const vite = join(pkg, "node_modules", "vite", "bin", "vite.js");
  const started = process.hrtime.bigint();
  const built = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], { cwd: project, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const version = spawnSync(process.execPath, [vite, "--version"], { encoding: "utf8" }).stdout.trim();
  process.stderr.write(`# ${version}: build in ${seconds.toFixed(1)} s\n`);
  assert.equal(built.status, 0, `${built.stdout}${built.stderr}`);
  const assets = readdirSync(join(project, "dist", "assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `Vite emitted the .wasm: ${assets.join(", ")}`);
  assert.ok(!existsSync(join(project, "dist", "node_modules")));

  const server = await serve({ "/": join(project, "dist") });
  try {
    const r = await check(`${server.url}/index.html`, server.requests);
    assert.match(new URL(r.wasmUrl).pathname, /^\/assets\/.*\.wasm$/);
  } finally {
    await server.close();
  }
});
