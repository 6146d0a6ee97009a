//! `speclint lsp` driven over standard input and output with JSON-RPC, as an
//! editor drives it: initialize, didOpen, diagnostics, codeAction (a fix, a
//! suppression, fix-all), formatting, hover, completion, didChange, a config
//! change, shutdown and exit.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_speclint"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse().unwrap();
                    }
                }
                let mut body = vec![0u8; len];
                r.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming: rx,
            next_id: 1,
        }
    }

    fn send(&mut self, v: Value) {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its result, skipping notifications.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.recv();
            if m["id"] == json!(id) {
                assert!(m.get("error").is_none(), "{method}: {m}");
                return m["result"].clone();
            }
        }
    }

    fn recv(&self) -> Value {
        self.incoming
            .recv_timeout(Duration::from_secs(30))
            .expect("the server answers")
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&self, uri: &str) -> Value {
        loop {
            let m = self.recv();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"].clone();
            }
        }
    }
}

const VALID: &str = include_str!("../examples/valid/orders-db.md");

fn codes(d: &Value) -> Vec<String> {
    d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["code"].as_str().unwrap_or("").to_string())
        .collect()
}

fn labels(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x["label"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_editor_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("orders-db.md");
    let uri = format!("file://{}", path.display());
    let text = VALID.replace("status: approved", "status: in-review");
    std::fs::write(&path, &text).unwrap();

    let mut c = Client::start(dir.path());
    let init = c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {},
               "initializationOptions": {"rulesUrl": "https://docs.example/rules"}}),
    );
    let caps = &init["capabilities"];
    assert_eq!(caps["documentFormattingProvider"], true);
    assert_eq!(caps["hoverProvider"], true);
    assert!(caps["completionProvider"].is_object());
    c.notify("initialized", json!({}));

    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let d = c.diagnostics(&uri);
    assert_eq!(d["version"], 1);
    assert_eq!(codes(&d), ["FM008"]);
    let fm008 = &d["diagnostics"][0];
    assert_eq!(fm008["range"]["start"], json!({"line": 4, "character": 8}));
    assert_eq!(fm008["source"], "speclint");
    assert_eq!(
        fm008["codeDescription"]["href"],
        "https://docs.example/rules#fm008"
    );

    // Code actions on the status line: the unsafe fix and the suppression.
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": fm008["range"], "context": {"diagnostics": [fm008]}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Replace in-review with draft (unsafe fix, FM008)"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Disable FM008 for this line"),
        "{titles:?}"
    );
    let disable = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Disable FM008 for this line")
        .unwrap();
    let edit = &disable["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], "# speclint-disable-next-line FM008\n");
    assert_eq!(edit["range"]["start"], json!({"line": 4, "character": 0}));

    // Hover: a front matter key, then a section heading.
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 4, "character": 2}}),
    );
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("**`status`**")
            && md.contains("allowed values: `draft`, `approved`, `deprecated`"),
        "{md}"
    );
    let purpose = text.lines().position(|l| l == "## Purpose").unwrap();
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": purpose, "character": 4}}),
    );
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("**Purpose**") && md.contains("The template's guidance"),
        "{md}"
    );

    // A change: the status fixed, a heading misspelled, a section heading started.
    let changed = text
        .replace("status: in-review", "status: approved")
        .replace("## Scope\n", "## Scpoe\n")
        + "\n## \n";
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": changed}]}),
    );
    let d = c.diagnostics(&uri);
    assert_eq!(d["version"], 2);
    assert!(codes(&d).contains(&"ST007".to_string()), "{:?}", codes(&d));
    assert!(!codes(&d).contains(&"FM008".to_string()));

    // source.fixAll.speclint renames the heading (a safe fix).
    let all = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": [], "only": ["source.fixAll.speclint"]}}),
    );
    let edits = &all[0]["edit"]["changes"][&uri];
    assert_eq!(all[0]["kind"], "source.fixAll.speclint");
    assert!(
        edits
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["newText"] == "Scope"),
        "{edits}"
    );

    // Completion: the status values, missing sections, entity names.
    let values = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 4, "character": 8}}),
    );
    assert_eq!(labels(&values), ["draft", "approved", "deprecated"]);
    let last = changed.lines().count() - 1;
    let sections = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": last, "character": 3}}),
    );
    assert!(labels(&sections).is_empty() || !labels(&sections).contains(&"Purpose".to_string()));

    // Formatting: the normalizer's text as one edit.
    let f = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let new_text = f[0]["newText"].as_str().unwrap();
    assert!(new_text.contains("## Scope\n"));

    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert!(status.success());
}

#[test]
fn completes_missing_sections_and_foreign_key_targets_and_reloads_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("orders-db.md");
    let uri = format!("file://{}", path.display());
    // Without `Scope` and with a constraints cell being typed.
    let text = VALID.replace("## Scope\n", "## \n");
    let mut c = Client::start(dir.path());
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    c.notify("initialized", json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let first = c.diagnostics(&uri);
    let line = text.lines().position(|l| l == "## ").unwrap();
    let items = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": 3}}),
    );
    let l = labels(&items);
    assert_eq!(l.first().map(String::as_str), Some("Scope"), "{l:?}");

    // A foreign key being typed: entity names, then the entity's columns.
    let typing = format!("{text}\nREFERENCES ");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": typing}]}),
    );
    let end = typing.lines().count() - 1;
    let items = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": end, "character": 11}}),
    );
    let entities = labels(&items);
    assert!(entities.contains(&"orders".to_string()), "{entities:?}");
    let typing = format!("{text}\nREFERENCES orders(");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": typing}]}),
    );
    let items = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": end, "character": 18}}),
    );
    assert!(labels(&items).contains(&"id".to_string()), "{items}");

    // A config that turns ST001 off: a watched-file change reloads it.
    assert!(codes(&first).contains(&"ST001".to_string()));
    std::fs::write(dir.path().join("speclint.yaml"), "rules: { ST001: off }\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}/speclint.yaml", dir.path().display()), "type": 1}]}),
    );
    let d = c.diagnostics(&uri);
    assert!(!codes(&d).contains(&"ST001".to_string()), "{:?}", codes(&d));

    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert!(c.child.wait().unwrap().success());
}
