// The extension without VS Code (nothing may download it): `vscode` and the
// language client are stand-ins that record what the extension asks for, so
// the test sees which server it starts, for which documents, with which
// settings; and the packaged .vsix (`npm run package`) holds what VS Code
// loads. The server itself is tested over JSON-RPC in tests/lsp.rs.
const assert = require("node:assert/strict");
const { existsSync, readFileSync } = require("node:fs");
const Module = require("node:module");
const { join } = require("node:path");
const { test } = require("node:test");

const root = join(__dirname, "..");
const started = [];
const settings = { path: "" };
const listeners = [];
const shown = [];
let failStart = false;

const vscode = {
  workspace: {
    getConfiguration: (section) => ({ get: (key) => (section === "speclint" ? settings[key] : undefined) }),
    createFileSystemWatcher: (glob) => ({ glob }),
    onDidChangeConfiguration: (f) => (listeners.push(f), { dispose() {} }),
  },
  window: { showErrorMessage: (m) => shown.push(m) },
};
class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions, stopped: false });
    started.push(this);
  }
  async start() {
    if (failStart) throw new Error("spawn speclint ENOENT");
  }
  async stop() {
    this.stopped = true;
  }
}
const stubs = { vscode, "vscode-languageclient/node": { LanguageClient, TransportKind: { stdio: 0 } } };
const load = Module._load;
Module._load = function (request, ...rest) {
  return request in stubs ? stubs[request] : load.call(this, request, ...rest);
};
const extension = require("../extension.js");

test("activate starts `speclint lsp` for Markdown and MDX, and speclint.path restarts it", async () => {
  const context = { subscriptions: [] };
  await extension.activate(context);
  const c = started.at(-1);
  assert.equal(c.id, "speclint"); // `speclint.trace.server` is read by the client under this id
  assert.deepEqual(c.serverOptions, { command: "speclint", args: ["lsp"], transport: 0 });
  const languages = c.clientOptions.documentSelector.map((s) => s.language ?? s.pattern);
  assert.deepEqual(languages, ["markdown", "mdx", "**/*.mdx"]);
  assert.match(c.clientOptions.synchronize.fileEvents.glob, /speclint\.yaml/);

  settings.path = "/opt/speclint/bin/speclint";
  await listeners[0]({ affectsConfiguration: (k) => k === "speclint.path" });
  assert.equal(c.stopped, true);
  assert.equal(started.at(-1).serverOptions.command, "/opt/speclint/bin/speclint");

  failStart = true;
  settings.path = "/nowhere/speclint";
  await listeners[0]({ affectsConfiguration: (k) => k === "speclint.path" });
  assert.match(shown.at(-1), /^speclint: cannot start `\/nowhere\/speclint lsp` \(spawn speclint ENOENT\)\. Install speclint, or set "speclint.path"\.$/);
  await extension.deactivate();
});

test("package.json declares the settings, the activation and the entry point", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const props = pkg.contributes.configuration.properties;
  assert.deepEqual(Object.keys(props).sort(), ["speclint.path", "speclint.trace.server"]);
  assert.deepEqual(props["speclint.trace.server"].enum, ["off", "messages", "verbose"]);
  assert.deepEqual(pkg.activationEvents, ["onLanguage:markdown", "onLanguage:mdx"]);
  assert.equal(pkg.main, "./extension.js");
});

/** The file names of a zip archive (its central directory). */
function zipNames(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, "a zip archive");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50);
    const n = buf.readUInt16LE(p + 28), extra = buf.readUInt16LE(p + 30), comment = buf.readUInt16LE(p + 32);
    names.push(buf.subarray(p + 46, p + 46 + n).toString("utf8"));
    p += 46 + n + extra + comment;
  }
  return names;
}

test("the packaged extension (speclint.vsix) holds the entry point, the manifest and the client", () => {
  const vsix = join(root, "speclint.vsix");
  assert.ok(existsSync(vsix), "run `npm run package` first (scripts/test.sh does)");
  const names = zipNames(readFileSync(vsix));
  for (const n of ["extension/extension.js", "extension/package.json", "extension/readme.md", "extension.vsixmanifest"]) {
    assert.ok(names.some((x) => x.toLowerCase() === n), `${n} in ${names.slice(0, 12)}`);
  }
  assert.ok(names.some((x) => x.startsWith("extension/node_modules/vscode-languageclient/")), "the client is bundled");
  assert.ok(!names.some((x) => x.startsWith("extension/test/")), "tests are not shipped");
});
