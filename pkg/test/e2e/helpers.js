// Shared by the end-to-end tests (`npm run test:e2e`): the cached install of
// the Docusaurus fixture's dependencies, a static file server on 127.0.0.1,
// and headless Chromium (Debian's, driven by playwright-core).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync, copyFileSync } from "node:fs";
import { createServer } from "node:http";
import { homedir, tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pkg } from "../helpers.js";

export const tools = process.env.SPECLINT_TOOLS || join(homedir(), ".cache", "speclint-tools");

/**
 * The node_modules of the Docusaurus fixture (test/docusaurus-site), installed
 * from npm with `npm ci` once per version of its package.json and
 * package-lock.json and cached in $SPECLINT_TOOLS/docusaurus-site/<hash>/.
 * The fixture depends on `speclint` as `file:../..`: it is installed in a
 * staging copy of that layout and its link dropped from the cache; each site
 * copy links it to this package (see `linkModules`).
 */
export function docusaurusModules() {
  const fixture = join(pkg, "test", "docusaurus-site");
  const manifest = readFileSync(join(fixture, "package.json"));
  const lock = readFileSync(join(fixture, "package-lock.json"));
  const key = createHash("sha256").update(manifest).update("\0").update(lock).digest("hex").slice(0, 16);
  const root = join(tools, "docusaurus-site");
  const cached = join(root, key, "node_modules");
  if (existsSync(join(cached, ".speclint-complete"))) return cached;
  mkdirSync(root, { recursive: true });
  // Older installs of other lockfile versions are dropped (~300 MB each).
  for (const e of readdirSync(root)) if (/^[0-9a-f]{16}$/.test(e) && e !== key) rmSync(join(root, e), { recursive: true, force: true });
  const stage = mkdtempSync(join(root, "stage-"));
  try {
    const site = join(stage, "pkg", "test", "docusaurus-site");
    mkdirSync(site, { recursive: true });
    copyFileSync(join(pkg, "package.json"), join(stage, "pkg", "package.json"));
    writeFileSync(join(site, "package.json"), manifest);
    writeFileSync(join(site, "package-lock.json"), lock);
    process.stderr.write(`installing the Docusaurus fixture's dependencies into ${cached} (npm ci, once)\n`);
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: site, stdio: ["ignore", "inherit", "inherit"] });
    rmSync(join(site, "node_modules", "speclint"), { force: true });
    writeFileSync(join(site, "node_modules", ".speclint-complete"), `${new Date().toISOString()}\n`);
    mkdirSync(join(root, key), { recursive: true });
    rmSync(cached, { recursive: true, force: true });
    renameSync(join(site, "node_modules"), cached);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  return cached;
}

/**
 * A node_modules for a site copy at `dir`: a real directory (so that build
 * caches stay in the copy) of links to the cached packages, and `speclint`
 * linked to this package.
 */
export function linkModules(dir, cached) {
  const nm = join(dir, "node_modules");
  mkdirSync(nm, { recursive: true });
  for (const e of readdirSync(cached)) {
    if (e === ".speclint-complete" || e === ".cache" || e === "speclint") continue;
    symlinkSync(join(cached, e), join(nm, e));
  }
  symlinkSync(pkg, join(nm, "speclint"));
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".md": "text/markdown; charset=utf-8",
};

/**
 * Serves `mounts` ({ "/url/prefix/": "/dir" }, longest prefix first) on
 * 127.0.0.1 at a free port; resolves to { url, close, requests }.
 */
export function serve(mounts) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    const prefix = prefixes.find((p) => path.startsWith(p));
    if (!prefix) {
      res.writeHead(404).end("not found");
      return;
    }
    const base = resolve(mounts[prefix]);
    let file = normalize(join(base, path.slice(prefix.length)));
    if (!file.startsWith(base + sep) && file !== base) {
      res.writeHead(403).end("forbidden");
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      const close = () =>
        new Promise((r) => {
          server.close(r);
          server.closeAllConnections(); // the browser's keep-alive connections
        });
      resolve({ url: `http://127.0.0.1:${port}`, requests, close });
    });
  });
}

/** Debian's Chromium (scripts/install-tools.sh installs it): $CHROMIUM, or the first found. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error("chromium not found: run scripts/install-tools.sh (or set $CHROMIUM)");
  return found;
}

/** Launches headless Chromium with a fresh profile; resolves to { browser, close }. */
export async function launchChromium() {
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "speclint-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens `url` and returns the page once loaded; collects console errors and page errors. */
export async function open(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return { page, errors };
}
