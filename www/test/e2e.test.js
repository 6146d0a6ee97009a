// End-to-end test of the demo page in real headless Chromium (Debian's
// `chromium` driven by playwright-core), against the PRODUCTION build (dist/,
// `npm run build` first) served on 127.0.0.1 under a sub-path. What the page
// shows is compared with what the npm package computes in Node for the same
// text, so the page cannot silently drift from the core.
//
// Screenshots land in www/test-artifacts/ (git-ignored).
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import * as speclint from "../../pkg/index.js"; // the Node entry of the same package
import { serve } from "./serve.js";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const dist = here("../dist/");
const artifacts = here("../test-artifacts/");
const example = (p) => readFileSync(here(`../../examples/${p}`), "utf8");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

let server;
let browser;
let context;
let page;
let loaded = false;
const afterLoad = []; // requests made after the page was ready
// The scripts loaded on demand: the diff view, when Normalize is first opened,
// and HTML inside Markdown, once the page is ready.
const lazyChunk = /\/assets\/(diff-view|markdown-html)-[\w-]+\.js$/;
const allRequests = [];
const dialogs = [];
const consoleErrors = [];

// In the page before any of its scripts: long tasks, CSP violations, elements
// added to the document that must never be (img, script, iframe, ...).
function instrument() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  window.__busy = [];
  window.__keys = [];
  document.addEventListener("keydown", (e) => window.__keys.push(performance.now()), true);
  window.__added = [];
  document.addEventListener("DOMContentLoaded", () => {
    // From here on (the parser has inserted the page's own head), no such element may be added.
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1) continue;
          for (const e of [n, ...n.querySelectorAll("*")]) {
            if (/^(IMG|SCRIPT|IFRAME|OBJECT|EMBED|LINK|META|BASE|FORM|SVG)$/i.test(e.tagName)) window.__added.push(e.outerHTML.slice(0, 200));
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
    const busy = document.getElementById("status-busy");
    new MutationObserver(() => window.__busy.push({ t: performance.now(), busy: busy.textContent !== "" })).observe(busy, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}

// Every element of the page, inside open shadow roots too.
function deepScan() {
  const out = { tags: {}, onAttributes: [], scripts: [] };
  const walk = (root) => {
    for (const e of root.querySelectorAll("*")) {
      const tag = e.tagName.toUpperCase();
      out.tags[tag] = (out.tags[tag] ?? 0) + 1;
      for (const a of e.attributes) if (/^on/i.test(a.name)) out.onAttributes.push(`${e.tagName} ${a.name}`);
      if (e.tagName === "SCRIPT") out.scripts.push(e.getAttribute("src"));
      if (e.shadowRoot) walk(e.shadowRoot);
    }
  };
  walk(document);
  return out;
}

const editor = () => page.locator("#editor .cm-content");
const status = () => page.locator("#status-validation");
const stored = () => page.evaluate(() => localStorage.getItem("speclint.doc"));

/** Waits until the page has validated (and saved) exactly `text`. */
async function settled(text) {
  try {
    await page.waitForFunction((t) => localStorage.getItem("speclint.doc") === t, text, { timeout: 15_000 });
  } catch (e) {
    // Say what was saved instead, and what the page said.
    const seen = await page.evaluate(() => ({
      saved: localStorage.getItem("speclint.doc"),
      toast: document.getElementById("toast").textContent,
    }));
    const saved = seen.saved ?? "";
    await page.screenshot({ path: join(artifacts, "debug-settled.png") }).catch(() => {});
    let at = 0;
    while (at < saved.length && at < text.length && saved[at] === text[at]) at++;
    throw new Error(
      `${e.message}: saved ${saved.length} chars, expected ${text.length}; first difference at ${at}: ` +
        `${JSON.stringify(saved.slice(at, at + 40))} vs ${JSON.stringify(text.slice(at, at + 40))}; toast: ${JSON.stringify(seen.toast)}`,
    );
  }
  await page.waitForFunction(
    (n) => {
      const s = document.getElementById("status-validation");
      return document.getElementById("status-busy").textContent === "" && s.textContent.includes(`${n} chars`);
    },
    text.length >= 1e6 ? `${(text.length / 1e6).toFixed(1)}M` : text.length >= 1e4 ? `${Math.round(text.length / 1e3)}k` : `${text.length}`,
    { timeout: 30_000 },
  );
}

/** Replaces the document by a real paste (clipboard + Ctrl+V). */
async function pasteAll(text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await editor().click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+V");
}

/** A screenshot in www/test-artifacts/, without the passing notification. */
async function screenshot(name) {
  await page.evaluate(() => (document.getElementById("toast").hidden = true));
  await page.screenshot({ path: join(artifacts, name) });
}

async function loadExample(key) {
  await page.selectOption("#example", key);
}

async function problems() {
  return page.$$eval("#problems li.problem", (lis) =>
    lis.map((li) => ({ line: Number(li.dataset.line), code: li.dataset.code, text: li.textContent })),
  );
}

const expectedProblems = (text, options) =>
  speclint.validate(text, options).diagnostics.map((d) => ({ line: d.line, code: d.code }));

describe("demo page (production build, headless Chromium)", () => {
  before(async () => {
    assert.ok(existsSync(join(dist, "index.html")), "www/dist/ is missing: run `npm run build` in www/ first");
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (scripts/test.sh does)`);
    mkdirSync(artifacts, { recursive: true });
    server = await serve(dist, { prefix: "/speclint/demo/" });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ], // playwright gives the browser a fresh temporary --user-data-dir

    });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme: "light" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
    page = await context.newPage();
    await page.addInitScript(instrument);
    page.on("request", (r) => {
      allRequests.push(r.url());
      if (loaded) afterLoad.push(r.url());
    });
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    page.on("pageerror", (e) => consoleErrors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("loads from a sub-path, opens on the example with defects, shows what the package reports", async () => {
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready=true]", { timeout: 20_000 });
    const text = example("invalid/orders-db-defects.md");
    await settled(text);
    loaded = true;
    assert.deepEqual(
      (await problems()).map(({ line, code }) => ({ line, code })),
      expectedProblems(text),
    );
    const counts = speclint.validate(text).diagnostics.reduce((c, d) => ({ ...c, [d.severity]: (c[d.severity] ?? 0) + 1 }), {});
    assert.equal(await page.textContent("#count-error"), String(counts.error ?? 0));
    assert.equal(await page.textContent("#count-warning"), String(counts.warning ?? 0));
    assert.match(await status().textContent(), /validated in \d+\.\d ms/);
    assert.equal(await page.textContent("#status-version"), `speclint ${speclint.version()}`);
    // Underlines and gutter markers are drawn.
    assert.ok((await page.locator("#editor .cm-lintRange-error").count()) > 0);
    assert.ok((await page.locator("#editor .cm-lint-marker-error").count()) > 0);
    // Every asset came from the server, under the sub-path.
    for (const url of allRequests) assert.ok(url.startsWith(server.url), `request outside the page's folder: ${url}`);
  });

  test("the worker and the WebAssembly module load while the editor's code does, not after it", async () => {
    // The editor's chunk is held back until the WebAssembly module has been
    // requested: before boot.js, the worker started only once it had loaded.
    const p = await context.newPage();
    let wasmAsked;
    const wasm = new Promise((resolve) => (wasmAsked = resolve));
    const order = [];
    let held;
    p.on("request", (r) => {
      const name = new URL(r.url()).pathname.split("/").pop();
      order.push(name.replace(/-[\w-]{8}\.(js|css|wasm)$/, ".$1"));
      if (/^speclint_bg-.*\.wasm$/.test(name)) wasmAsked();
    });
    await p.route(/\/assets\/main-[\w-]+\.js$/, async (route) => {
      held = await Promise.race([wasm.then(() => "wasm first"), new Promise((r) => setTimeout(() => r("timeout"), 15_000))]);
      await route.continue();
    });
    await p.goto(server.url);
    await p.waitForSelector("body[data-ready=true]", { timeout: 20_000 });
    await p.waitForSelector("#editor .cm-lint-marker-error", { timeout: 20_000 });
    assert.equal(held, "wasm first", `the wasm waited for the editor's code: ${order.join(", ")}`);
    assert.ok(order.indexOf("speclint_bg.wasm") < order.indexOf("markdown-html.js"), order.join(", "));
    await p.close();
  });

  test("typing an invalid status: diagnostic on the right line, hover, quick fix removes it", async () => {
    await loadExample("valid");
    const valid = example("valid/orders-db.md");
    await settled(valid);
    assert.deepEqual(await problems(), []);
    assert.match(await page.textContent("#problems"), /No problems/);

    // Line 5 is `status: approved`: select the value and type over it.
    await editor().click();
    await page.keyboard.press("Control+Home");
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("End");
    await page.keyboard.press("Control+Shift+ArrowLeft");
    await page.keyboard.type("in-review", { delay: 15 });
    const edited = valid.replace("status: approved", "status: in-review");
    await settled(edited);
    const listed = await problems();
    assert.deepEqual(
      listed.map(({ line, code }) => ({ line, code })),
      [{ line: 5, code: "FM008" }],
    );
    const underline = page.locator("#editor .cm-lintRange-error");
    assert.equal(await underline.count(), 1);
    assert.equal(await underline.textContent(), "in-review");

    // Hover: code, name, message, and the fix as an action.
    await underline.hover();
    const tooltip = page.locator("#editor .cm-tooltip-lint");
    await tooltip.waitFor();
    assert.match(await tooltip.textContent(), /FM008\s*value-not-allowed/);
    assert.match(await tooltip.textContent(), /must be one of/);
    await screenshot("hover-light.png");
    // The fix's title shows its code as code, not backticks; the button says what it does.
    assert.deepEqual(await tooltip.locator(".diag-fixtitle code").allTextContents(), ["in-review", "draft"]);
    assert.doesNotMatch(await tooltip.locator(".diag-fixnote").textContent(), /`/);
    await tooltip.getByRole("button", { name: "Apply (unsafe)" }).click();
    const fixed = valid.replace("status: approved", "status: draft");
    await settled(fixed);
    assert.deepEqual(await problems(), []);
    assert.equal(await page.locator("#editor .cm-lintRange-error").count(), 0);
  });

  test("what speclint is: an intro, a Docs link, and every rule code links to its section of the rules", async () => {
    assert.match(await page.textContent(".intro"), /Checks spec documents .* in your browser/s);
    const docs = page.locator(".intro a", { hasText: "Docs" });
    assert.equal(await docs.getAttribute("href"), "docs/rules.html");
    // The rules reference is built beside the page, with an anchor per rule.
    const rules = await (await fetch(new URL("docs/rules.html", server.url))).text();
    for (const code of speclint.rules().map((r) => r.code)) assert.match(rules, new RegExp(`id="${code.toLowerCase()}"`), code);
    assert.match(rules, /Content-Security-Policy/);
    assert.doesNotMatch(rules, /href="\.\.\/src\//, "links to source files are text, not broken links");

    await loadExample("defects");
    await settled(example("invalid/orders-db-defects.md"));
    const first = page.locator("#problems li.problem").first();
    const code = await first.getAttribute("data-code");
    const about = first.locator("a.problem-rule");
    assert.equal(await about.textContent(), `About ${code}`);
    assert.equal(await about.getAttribute("href"), `docs/rules.html#${code.toLowerCase()}`);
    const [popup] = await Promise.all([page.waitForEvent("popup"), about.click()]);
    await popup.waitForLoadState();
    assert.equal(new URL(popup.url()).hash, `#${code.toLowerCase()}`);
    assert.match(await popup.locator(`#${code.toLowerCase()}`).textContent(), new RegExp(`^\\s*${code}`));
    await popup.close();
  });

  test("a missing section (ST001) has an unsafe fix that inserts its heading where it belongs", async () => {
    await loadExample("defects");
    const text = example("invalid/orders-db-defects.md");
    await settled(text);
    const missing = speclint.validate(text).diagnostics.filter((d) => d.code === "ST001");
    assert.ok(missing.length > 0);
    const d = missing[0];
    const heading = /`([^`]+)`/.exec(d.fix.title)[1];
    const li = page.locator(`#problems li.problem[data-code="ST001"]`).first();
    const fix = li.locator("button.problem-fix");
    assert.equal(await fix.textContent(), `Insert ${heading}`);
    assert.match(await fix.getAttribute("class"), /fix-unsafe/);
    await fix.click();
    await page
      .waitForFunction((t) => localStorage.getItem("speclint.doc") !== t, text, { timeout: 10_000 })
      .catch(async (e) => {
        throw new Error(`${e.message}; toast: ${await page.textContent("#toast")}`);
      });
    const after = await stored();
    await settled(after);
    // Only the heading and a blank line were added, at the start of a line
    // (where: the core's unit tests of ST001).
    assert.ok(after.includes(`\n${heading}\n\n`), heading);
    assert.equal(after.replace(`${heading}\n\n`, ""), text);
    assert.equal(speclint.validate(after).diagnostics.filter((x) => x.code === "ST001").length, missing.length - 1);
  });

  test("a tooltip near the top of the editor opens below its line, inside the editor", async () => {
    const text = "# Title\n\nNo front matter here.\n";
    await pasteAll(text);
    await settled(text);
    const underline = page.locator("#editor .cm-lintRange-error").first();
    await underline.hover();
    const tooltip = page.locator("#editor .cm-tooltip-lint");
    await tooltip.waitFor();
    const line = await underline.boundingBox();
    const box = await tooltip.boundingBox();
    const editorBox = await page.locator("#editor .cm-scroller").boundingBox();
    assert.ok(box.y >= line.y + line.height - 1, `tooltip top ${box.y} is below the line's bottom ${line.y + line.height}`);
    assert.ok(box.y >= editorBox.y, "inside the editor, not over the toolbar");
    // The code in the tooltip is a link to the rule.
    assert.equal(await tooltip.locator("a.diag-code").first().getAttribute("href"), "docs/rules.html#fm001");
    await page.mouse.move(0, 0);
  });

  test("Fix all safe applies every safe fix", async () => {
    await loadExample("defects");
    const text = example("invalid/orders-db-defects.md");
    await settled(text);
    const safeBefore = speclint.validate(text).diagnostics.filter((d) => d.fix?.applicability === "safe");
    assert.ok(safeBefore.length > 0);
    assert.match(await page.textContent("#fix-all"), new RegExp(`\\(${safeBefore.length}\\)`));
    await page.click("#fix-all");
    await page.waitForFunction((t) => localStorage.getItem("speclint.doc") !== t, text);
    const after = await stored();
    await settled(after);
    const remaining = speclint.validate(after).diagnostics;
    assert.equal(remaining.filter((d) => d.fix?.applicability === "safe").length, 0);
    assert.ok(remaining.length < speclint.validate(text).diagnostics.length);
    assert.ok(await page.isDisabled("#fix-all"));
    // One undo step restores the document.
    await editor().click();
    await page.keyboard.press("Control+z");
    await settled(text);
  });

  test("Normalize shows the diff, and Accept gives the package's normalized text", async () => {
    await loadExample("defects");
    const text = example("invalid/orders-db-defects.md");
    await settled(text);
    await page.click("#normalize");
    const dialog = page.locator("#normalize-dialog");
    await dialog.waitFor();
    await page.locator("#normalize-diff .cm-mergeView").waitFor();
    assert.ok((await page.locator("#normalize-diff .cm-changedLine").count()) > 0, "the diff shows no changed line");
    await screenshot("normalize-light.png");
    const fixList = () => page.textContent("#normalize-fixes");
    assert.doesNotMatch(await fixList(), /FM008/);
    // With unsafe fixes, the list and the diff follow (in-review becomes draft); then back.
    await page.check("#norm-unsafe");
    await page.waitForFunction(() => /FM008: Replace in-review with draft \(unsafe\)/.test(document.getElementById("normalize-fixes").textContent));
    assert.ok((await page.locator("#normalize-fixes code").allTextContents()).includes("in-review"), "fix titles show code, not backticks");
    assert.equal(await page.evaluate(() => document.activeElement.id), "norm-unsafe", "focus left the checkbox");
    await page.uncheck("#norm-unsafe");
    await page.waitForFunction(() => !/FM008/.test(document.getElementById("normalize-fixes").textContent));
    await page.click("#normalize-accept");
    const expected = speclint.normalize(text, {}).text;
    assert.notEqual(expected, text);
    await settled(expected);
    assert.equal(await dialog.isVisible(), false);
    assert.deepEqual(
      (await problems()).map(({ line, code }) => ({ line, code })),
      expectedProblems(expected),
    );
  });

  test("the Export tab shows the exported JSON, collapsible, and Copy gives it whole", async () => {
    await loadExample("valid");
    const text = example("valid/orders-db.md");
    await settled(text);
    await page.click("#tab-export");
    const tree = page.locator("#export-tree");
    await tree.locator("details.json-node").first().waitFor();
    assert.ok(await page.isVisible("#panel-export"));
    assert.ok(await page.isHidden("#panel-problems"));
    const root = tree.locator("details.json-node").first();
    assert.equal(await root.getAttribute("open"), "");
    await root.locator("summary").first().click();
    assert.equal(await root.getAttribute("open"), null, "the root node did not collapse");
    await page.click("#export-expand");
    assert.equal(await tree.locator("details.json-node:not([open])").count(), 0);
    assert.ok(await tree.getByText('"Orders Service Database Schema"').first().isVisible());
    await screenshot("export-light.png");
    await page.click("#copy-export");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.deepEqual(JSON.parse(copied), JSON.parse(JSON.stringify(speclint.exportSpec(text, {}))));
    await page.click("#tab-problems");
  });

  test("a custom spec type: its error is shown clearly, then it loads and validates", async () => {
    await page.click("#tab-type");
    await page.fill("#type-yaml", "id: adr\nname: ADR\nbogus: 1\n");
    await page.click("#load-type");
    const error = page.locator("#type-error");
    await error.waitFor();
    let expectedError;
    try {
      new speclint.Linter({ types: [{ path: "custom-type.yaml", text: "id: adr\nname: ADR\nbogus: 1\n" }] });
    } catch (e) {
      expectedError = e.message;
    }
    assert.ok(expectedError);
    assert.equal(await error.textContent(), expectedError);
    assert.match(expectedError, /bogus/);
    assert.equal(await page.getAttribute("#type-yaml", "aria-invalid"), "true");
    await screenshot("type-error-light.png");

    const adrType = example("types/adr.yaml");
    await page.fill("#type-yaml", adrType);
    await page.click("#load-type");
    await page.waitForFunction(() => document.getElementById("type-error").hidden);
    assert.equal(await page.inputValue("#spec-type"), "adr");
    const adr = example("adr/0001-use-postgres.md");
    await pasteAll(adr);
    await settled(adr);
    const options = { types: [{ path: "custom-type.yaml", text: adrType }], specType: "adr" };
    assert.deepEqual(
      (await problems()).map(({ line, code }) => ({ line, code })),
      expectedProblems(adr, options),
    );
    assert.match(await page.textContent("#status-type"), /type adr \(chosen\)/);
    // A broken ADR is caught by the custom type.
    const broken = adr.replace(/^status: .*$/m, "status: maybe");
    await pasteAll(broken);
    await settled(broken);
    const got = (await problems()).map(({ line, code }) => ({ line, code }));
    assert.deepEqual(got, expectedProblems(broken, options));
    assert.ok(got.length > 0);

    await page.click("#clear-type");
    await page.selectOption("#spec-type", "");
    await page.click("#tab-problems");
  });

  test("derive a type from the template", async () => {
    await loadExample("template");
    await settled(example("template.md"));
    await page.click("#tab-type");
    await page.click("#derive-type");
    await page.waitForFunction(() => /Derived from the document/.test(document.getElementById("type-info").textContent));
    assert.ok(await page.isHidden("#type-error"));
    assert.notEqual(await page.inputValue("#spec-type"), "");
    await page.click("#clear-type");
    await page.selectOption("#spec-type", "");
    await page.click("#tab-problems");
  });

  test("Share link carries the document to a fresh browser", async () => {
    const text = example("valid/orders-db.md").replace("status: approved", "status: deprecated") + "\nÜnïcödé 👩‍👩‍👧 データ\n";
    await pasteAll(text);
    await settled(text);
    await page.click("#share");
    await page.waitForFunction(() => location.hash.includes("doc="));
    const url = await page.evaluate(() => location.href);
    const other = await browser.newContext();
    const p2 = await other.newPage();
    await p2.goto(url);
    await p2.waitForSelector("body[data-ready=true]");
    await p2.waitForFunction((t) => localStorage.getItem("speclint.sharedDoc") === t, text);
    assert.equal(await p2.evaluate(() => location.hash), "", "the hash is dropped once loaded");
    await other.close();
  });

  test("a share link reproduces the type choice and the custom type, and never replaces the visitor's own work", async () => {
    // The sender: a broken ADR with its custom type, validated as the ADR type.
    const adrType = example("types/adr.yaml");
    const broken = example("adr/0001-use-postgres.md").replace(/^status: .*$/m, "status: maybe");
    const options = { types: [{ path: "custom-type.yaml", text: adrType }], specType: "adr" };
    const expected = expectedProblems(broken, options);
    assert.ok(expected.length > 0);
    await page.click("#tab-type");
    await page.fill("#type-yaml", adrType);
    await page.click("#load-type");
    await page.waitForFunction(() => document.querySelector("#spec-type").value === "adr");
    await page.click("#tab-problems");
    await pasteAll(broken);
    await settled(broken);
    await page.click("#share");
    await page.waitForFunction(() => location.hash.includes("ctype="));
    const url = await page.evaluate(() => location.href);

    // The visitor has a draft of their own, with the built-in type chosen.
    const other = await browser.newContext();
    let p2 = await other.newPage();
    await p2.goto(server.url);
    await p2.waitForSelector("body[data-ready=true]");
    await p2.evaluate(() => {
      localStorage.setItem("speclint.doc", "# My own draft\n");
      localStorage.setItem("speclint.specType", "database-schema");
    });
    await p2.close();
    // A new page: from the same address, only the hash would change (no reload).
    p2 = await other.newPage();
    await p2.goto(url);
    await p2.waitForSelector("body[data-ready=true]");
    await p2.waitForFunction(() => document.querySelector("#spec-type").value === "adr");
    await p2.waitForFunction(() => /type adr \(chosen\)/.test(document.querySelector("#status-type").textContent));
    const codes = (list) => list.map((p) => `${p.line}:${p.code}`).join(" ");
    await p2.waitForFunction(
      (want) => [...document.querySelectorAll("#problems li.problem")].map((li) => `${li.dataset.line}:${li.dataset.code}`).join(" ") === want,
      codes(expected),
    );
    assert.equal(await p2.evaluate(() => localStorage.getItem("speclint.doc")), "# My own draft\n", "the visitor's draft is kept");
    assert.equal(await p2.evaluate(() => localStorage.getItem("speclint.specType")), "database-schema", "and their type choice");
    assert.equal(await p2.evaluate(() => localStorage.getItem("speclint.customType")), null, "the link's type is not saved as theirs");
    // Editing the shared document saves it in its own slot.
    await p2.click(".cm-content");
    await p2.keyboard.press("Control+End");
    await p2.keyboard.type("\nEdited.\n");
    await p2.waitForFunction(() => (localStorage.getItem("speclint.sharedDoc") ?? "").endsWith("Edited.\n"));
    assert.equal(await p2.evaluate(() => localStorage.getItem("speclint.doc")), "# My own draft\n");
    // And back to their own, with their own type choice.
    await p2.click("#open-own");
    await p2.locator("#editor .cm-content").filter({ hasText: "My own draft" }).waitFor();
    assert.equal(await p2.evaluate(() => document.querySelector("#spec-type").value), "database-schema");
    assert.equal(await p2.evaluate(() => document.querySelector("#shared-note").hidden), true);
    // Reloading the tab that made a link (the link stays in its address bar) is not opening it.
    await p2.click("#share");
    await p2.waitForFunction(() => location.hash.includes("doc="));
    await p2.reload();
    await p2.waitForSelector("body[data-ready=true]");
    assert.equal(await p2.evaluate(() => document.querySelector("#shared-note").hidden), true);
    assert.equal(await p2.evaluate(() => localStorage.getItem("speclint.doc")), "# My own draft\n");

    // A damaged link says so, and opens the visitor's own document.
    await p2.close();
    p2 = await other.newPage();
    await p2.goto(`${server.url}#type=&doc=not-deflate-data`);
    await p2.waitForSelector("body[data-ready=true]");
    await p2.waitForFunction(() => /This link is damaged/.test(document.querySelector("#toast").textContent));
    await p2.locator("#editor .cm-content").filter({ hasText: "My own draft" }).waitFor();
    await other.close();

    // Leave the sender as the next tests expect it.
    await page.click("#tab-type");
    await page.click("#clear-type");
    await page.selectOption("#spec-type", "");
    await page.click("#tab-problems");
  });

  test("document content is never inserted as HTML: no script runs, no element is injected", async () => {
    const payload = (n) => `<img src=x onerror=alert(${n})><script>window.__pwned=${n}</script>`;
    const hostile = example("valid/orders-db.md")
      .replace("title: Orders Service Database Schema", `title: "${payload(1)}"`)
      .replace("owner: commerce-platform-team", `owner: <script>alert('owner')</script>`)
      .replace("status: approved", `status: ${payload(2)}`)
      .replace("# Orders Service Database Schema", `# Orders ${payload(3)}`)
      .replace("## Purpose", `## Purpose ${payload(4)}`)
      .replace("## References", `## References\n${payload(5)}\n<iframe src="javascript:alert(6)"></iframe>\n## <svg onload=alert(7)>`);
    await pasteAll(hostile);
    await settled(hostile);
    const listed = await problems();
    assert.deepEqual(
      listed.map(({ line, code }) => ({ line, code })),
      expectedProblems(hostile),
    );
    // The payload is visible as text in the problems panel.
    assert.ok(listed.some((p) => p.text.includes("<img src=x onerror=alert(2)>")), JSON.stringify(listed));
    // ...and in the hover tooltip, the export tree, the normalize diff, a type error.
    await page.locator(`#problems li[data-line="5"] .problem-go`).click();
    await page.locator("#editor .cm-lintRange-error").first().hover();
    await page.locator("#editor .cm-tooltip-lint").waitFor();
    await page.click("#tab-export");
    await page.locator("#export-tree details").first().waitFor();
    await page.click("#export-expand");
    assert.ok((await page.textContent("#export-tree")).includes("onerror=alert(1)"));
    await page.click("#normalize");
    await page.locator("#normalize-diff .cm-mergeView").waitFor();
    await page.click("#normalize-cancel");
    await page.click("#tab-type");
    await page.fill("#type-yaml", `id: x\nname: "${payload(8)}"\nfields: [${payload(9)}]\n`);
    await page.click("#load-type");
    await page.locator("#type-error").waitFor();
    await page.click("#tab-problems");
    await page.waitForTimeout(300);

    assert.deepEqual(dialogs, [], "an alert ran");
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "a <script> from the document ran");
    assert.deepEqual(await page.evaluate(() => window.__added), [], "elements were added to the document");
    const scan = await page.evaluate(deepScan);
    assert.deepEqual(scan.onAttributes, []);
    for (const tag of ["IMG", "IFRAME", "OBJECT", "EMBED", "SVG"]) assert.equal(scan.tags[tag], undefined, `an <${tag}> is in the page`);
    assert.equal(scan.scripts.length, 1, `scripts in the page: ${scan.scripts}`);
    assert.match(scan.scripts[0], /^\.\/assets\/index-.*\.js$/);
    assert.deepEqual(afterLoad.filter((u) => !u.startsWith("blob:") && !lazyChunk.test(u)), [], "requests after load");

    // Controls: the checks above do see an injected element, and the CSP blocks
    // inline handlers even if markup ever got in.
    const errorsBefore = consoleErrors.length;
    const control = await page.evaluate(async () => {
      document.body.insertAdjacentHTML("beforeend", '<img id="control" src="data:," onerror="window.__pwned = 99">');
      await new Promise((r) => setTimeout(r, 300));
      const seen = { added: window.__added.length, pwned: window.__pwned, csp: window.__csp.slice() };
      document.getElementById("control").remove();
      window.__added = [];
      window.__csp = [];
      return seen;
    });
    assert.equal(control.added, 1);
    assert.equal(control.pwned, undefined);
    assert.ok(control.csp.some((v) => v.startsWith("script-src")), JSON.stringify(control.csp));
    const logged = consoleErrors.splice(errorsBefore);
    assert.ok(logged.length === 1 && /Content Security Policy/.test(logged[0]), JSON.stringify(logged));
  });

  test("a phone (390x844): the panes stack, the page scrolls, the toolbar fits, normalize shows one column", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const p = await phone.newPage();
    await p.goto(server.url);
    await p.waitForSelector("body[data-ready=true]");
    await p.waitForSelector("#problems li.problem");
    const layout = await p.evaluate(() => {
      const r = (sel) => document.querySelector(sel).getBoundingClientRect();
      const tools = [...document.querySelectorAll(".tools > *")].map((e) => e.getBoundingClientRect());
      return {
        scrollWidth: document.documentElement.scrollWidth,
        scrollHeight: document.documentElement.scrollHeight,
        editor: r(".editor-pane"),
        side: r(".side-pane"),
        toolsRight: Math.max(...tools.map((t) => t.right)),
      };
    });
    assert.ok(layout.scrollWidth <= 390, `no sideways scrolling (${layout.scrollWidth} px wide)`);
    assert.ok(layout.side.top >= layout.editor.bottom - 1, "the results are below the editor");
    assert.ok(layout.scrollHeight > 844, "the page scrolls to the results");
    assert.ok(layout.toolsRight <= 390, "every tool is on screen");
    await p.screenshot({ path: join(artifacts, "phone-light.png"), fullPage: true });
    await p.click("#normalize");
    await p.waitForSelector("#normalize-dialog[open]");
    const diff = await p.evaluate(() => {
      const root = document.getElementById("normalize-diff").shadowRoot;
      return { sideBySide: !!root.querySelector(".cm-mergeView"), unified: !!root.querySelector(".cm-deletedChunk, .cm-changedLine") };
    });
    assert.deepEqual(diff, { sideBySide: false, unified: true });
    assert.match(await p.textContent("#normalize-summary"), /removed lines struck through/);
    await p.screenshot({ path: join(artifacts, "phone-normalize-light.png") });
    await phone.close();
  });

  test("Open…, Download .md and a dropped file: the document is replaced (undoable) and saved whole", async () => {
    const before = example("valid/orders-db.md");
    await pasteAll(before);
    await settled(before);
    // Open…
    const opened = example("invalid/orders-db-defects.md");
    await page.setInputFiles("#file-input", { name: "orders.md", mimeType: "text/markdown", buffer: Buffer.from(opened) });
    await settled(opened);
    await editor().click();
    await page.keyboard.press("Control+z");
    await settled(before);
    await page.keyboard.press("Control+y");
    await settled(opened);
    // Download .md: the whole document, under the opened file's name.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    assert.equal(download.suggestedFilename(), "orders.md");
    assert.equal(readFileSync(await download.path(), "utf8"), opened);
    // A dropped file replaces the document rather than being spliced in at the pointer.
    const dropped = "---\nspec_type: database-schema\n---\n# Dropped\n";
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "dropped.md", { type: "text/markdown" }));
      const host = document.getElementById("editor");
      const target = (host.shadowRoot ?? document).querySelector(".cm-content") ?? host.querySelector(".cm-content");
      const r = target.getBoundingClientRect();
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true, clientX: r.left + 20, clientY: r.top + 20 }));
    }, dropped);
    await settled(dropped);
    await page.keyboard.press("Control+z");
    await settled(opened);
  });

  test("the ADR example loads with its custom type, and the menu says what is loaded", async () => {
    await loadExample("adr");
    await settled(example("adr/0001-use-postgres.md"));
    await page.waitForFunction(() => document.querySelector("#spec-type").value === "adr");
    assert.equal(await page.evaluate(() => document.querySelector("#example").options[0].textContent), "Example: ADR, with its custom spec type");
    await page.click("#tab-type");
    await page.click("#clear-type");
    await page.selectOption("#spec-type", "");
    await page.click("#tab-problems");
  });

  test("keyboard: tabs switch with arrows, a problem is reached with Tab and jumps on Enter", async () => {
    await loadExample("defects");
    const text = example("invalid/orders-db-defects.md");
    await settled(text);
    await page.focus("#tab-problems");
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.getAttribute("#tab-export", "aria-selected"), "true");
    assert.equal(await page.evaluate(() => document.activeElement.id), "tab-export");
    await page.keyboard.press("ArrowRight");
    assert.ok(await page.isVisible("#panel-type"));
    await page.keyboard.press("Home");
    assert.ok(await page.isVisible("#panel-problems"));
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.className), "problem-go");
    // Down to the ST001 problem (line 21) and Enter.
    const list = await problems();
    const index = list.findIndex((p) => p.code === "ST001");
    // Each problem: its button, its rule's link ("About ST001"), and its fix, if any.
    for (let i = 0; i < index; i++) {
      do await page.keyboard.press("Tab");
      while (!(await page.evaluate(() => document.activeElement.className)).startsWith("problem-go"));
    }
    assert.match(await page.evaluate(() => document.activeElement.textContent), /ST001/);
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.id), "editor", "the editor is not focused");
    assert.equal(await page.locator("#editor .cm-activeLine").textContent(), text.split("\n")[20]);
    // Escape closes the normalize dialog.
    await page.click("#normalize");
    await page.locator("#normalize-dialog").waitFor();
    await page.keyboard.press("Escape");
    assert.equal(await page.locator("#normalize-dialog").isVisible(), false);
  });

  test("light and dark themes (screenshots in www/test-artifacts/)", async () => {
    await loadExample("defects");
    await settled(example("invalid/orders-db-defects.md"));
    assert.equal(await page.getAttribute("html", "data-theme"), "light");
    const shoot = async (name) => {
      await page.mouse.move(0, 0);
      await page.locator("#editor .cm-tooltip-lint").waitFor({ state: "detached" });
      await page.locator("#editor .cm-lintRange-error", { hasText: "Data Classification" }).first().hover();
      await page.locator("#editor .cm-tooltip-lint").waitFor();
      await screenshot(name);
    };
    await shoot("editor-light.png");
    await page.click("#theme");
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
    assert.equal(await page.getAttribute("#theme", "aria-pressed"), "true");
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(20, 23, 28)");
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.querySelector("#editor").shadowRoot.querySelector(".cm-editor")).backgroundColor),
      "rgb(24, 28, 34)",
    );
    await shoot("editor-dark.png");
    // The choice is remembered.
    loaded = false;
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    loaded = true;
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
    await page.click("#theme");
    assert.equal(await page.getAttribute("html", "data-theme"), "light");
  });

  // Responsiveness is measured and printed (long tasks), never asserted as a
  // time: what is asserted is that validation runs in the worker and
  // keystrokes are handled while it runs.
  test("typing is handled while a 2 MB document is validated in the worker", async () => {
    const big = bigDocument(2_000_000);
    await pasteAll(big);
    const pasted = await page.evaluate(() => performance.now());
    // Wait until the worker validates the 2 MB text, then type while it does.
    await page.waitForFunction(() => document.getElementById("status-busy").textContent !== "", null, { timeout: 10_000 });
    const typingFrom = await page.evaluate(() => performance.now());
    await page.keyboard.type("typing", { delay: 10 });
    const typingTo = await page.evaluate(() => performance.now());
    const text = big + "typing";
    await settled(text);
    const done = await page.evaluate(() => performance.now());
    const { tasks, busy, keys } = await page.evaluate(() => ({ tasks: window.__longTasks, busy: window.__busy, keys: window.__keys }));
    const during = tasks.filter((t) => t.start + t.duration >= typingFrom && t.start <= done);
    const paste = tasks.filter((t) => t.start + t.duration >= pasted - 1000 && t.start < typingFrom);
    // The worker was busy from the first busy mark before typing to the next idle mark.
    const busyFrom = busy.filter((b) => b.busy && b.t <= typingFrom).at(-1)?.t;
    const busyTo = busy.find((b) => !b.busy && b.t > typingFrom)?.t ?? done;
    const keysWhileBusy = keys.filter((k) => k >= typingFrom && k <= busyTo).length;
    const ms = Number(await page.getAttribute("#status-validation", "data-ms"));
    console.log(
      `2 MB document: validation ${ms.toFixed(0)} ms in the worker; ${keysWhileBusy} of 6 keystrokes while it ran; ` +
        `typing took ${(typingTo - typingFrom).toFixed(0)} ms; long tasks from typing to the last result: ` +
        `${during.map((t) => t.duration.toFixed(0)).join(", ") || "none"} ms; around the paste: ${paste.map((t) => t.duration.toFixed(0)).join(", ") || "none"} ms`,
    );
    assert.ok(busyFrom !== undefined, "no validation was running when typing started");
    assert.ok(keysWhileBusy >= 3, `only ${keysWhileBusy} keystrokes overlapped the validation`);
    assert.ok(Number((await page.textContent("#count-error")) || 0) + Number((await page.textContent("#count-warning")) || 0) > 0);
  });

  test("no console error, no CSP violation, nothing fetched after load", async () => {
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(afterLoad.filter((u) => !u.startsWith("blob:") && !lazyChunk.test(u)), []);
  });
});

/** A valid-looking database spec of about `size` characters: the entity inventory repeated. */
function bigDocument(size) {
  const base = example("valid/orders-db.md");
  const [head, rest] = base.split("\n## Entity Inventory\n");
  const entities = rest.split("\n## ")[0];
  const tail = rest.split("\n## ").slice(1).join("\n## ");
  let body = "";
  for (let i = 0; body.length < size; i++) body += entities.replaceAll("### `", `### \`t${i}_`);
  return `${head}\n## Entity Inventory\n${body}\n## ${tail}`;
}
