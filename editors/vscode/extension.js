// The speclint extension for VS Code: starts `speclint lsp` (the language
// server in the native binary, found on PATH or at `speclint.path`) for
// Markdown and MDX files, with vscode-languageclient. Everything it shows
// (diagnostics, quick fixes, formatting, hover, completion) comes from the
// server; `speclint.trace.server` traces the traffic.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;

/** The server command from the settings: `speclint.path`, else `speclint` on PATH. */
function serverCommand() {
  const path = vscode.workspace.getConfiguration("speclint").get("path");
  return typeof path === "string" && path.trim() !== "" ? path.trim() : "speclint";
}

async function start() {
  const command = serverCommand();
  const serverOptions = { command, args: ["lsp"], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "mdx" },
      { scheme: "file", pattern: "**/*.mdx" },
    ],
    // speclint.yaml, spec type files and templates: the server reloads on change.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{speclint.yaml,.speclint.yaml,*.yaml,*.yml,*.json}") },
  };
  client = new LanguageClient("speclint", "speclint", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    client = undefined;
    vscode.window.showErrorMessage(
      `speclint: cannot start \`${command} lsp\` (${e instanceof Error ? e.message : String(e)}). Install speclint, or set "speclint.path".`,
    );
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("speclint.path")) {
        await client?.stop();
        await start();
      }
    }),
  );
  await start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
