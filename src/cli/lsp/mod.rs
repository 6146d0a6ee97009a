//! `speclint lsp`: a language server over standard input and output.
//!
//! Built on rust-analyzer's `lsp-server` (the JSON-RPC transport and its
//! threads) and `lsp-types`. This file is the loop and the document store;
//! `convert.rs` turns byte offsets into LSP positions (UTF-16 columns) and
//! back; `features.rs` answers each request from the core's findings and
//! spec types. The server keeps no policy of its own: the linter of a
//! document is the one `speclint check` builds from the `speclint.yaml`
//! found upward from the document's folder.
//!
//! - Diagnostics are published on open and, debounced ([`DEBOUNCE`]), after
//!   changes; each names its rule with a link to docs/rules.md.
//! - Code actions: each fix (labelled safe or unsafe), `source.fixAll.speclint`
//!   (the safe fixes), and "disable CODE for this line" (an inline
//!   suppression comment).
//! - Formatting: the document normalized (`speclint fmt`).
//! - Hover: a section heading shows what the spec type asks of the section
//!   and the template's guidance; a front matter key its type and values.
//! - Completion: front matter keys and values, missing section titles, and
//!   entity and column names after `REFERENCES` or `→`.
//! - A change to a `speclint.yaml` or spec type file (`didChangeWatchedFiles`,
//!   `didSave`) reloads the linters.

mod convert;
mod features;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::Notification as _;
use lsp_types::{self as lsp, Uri};
use speclint::Linter;

use super::{ConfigArgs, settings};

/// How long after the last change diagnostics wait.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// Where rule codes link: docs/rules.md in the repository (`initializationOptions.rulesUrl` overrides).
fn default_rules_url() -> String {
    format!("{}/blob/main/docs/rules.md", env!("CARGO_PKG_REPOSITORY"))
}

/// An open document.
struct Doc {
    text: String,
    version: i32,
    /// Whether its diagnostics are out of date, and since when.
    dirty: Option<Instant>,
}

/// The server's state.
struct Server {
    docs: HashMap<Uri, Doc>,
    /// Linters by the folder they were loaded for (dropped on config changes).
    linters: HashMap<PathBuf, Result<Arc<Linter>, String>>,
    rules_url: String,
}

pub fn run() -> Result<std::process::ExitCode, String> {
    let (connection, io_threads) = Connection::stdio();
    let capabilities = lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::FULL),
                save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lsp::CodeActionKind::QUICKFIX,
                    lsp::CodeActionKind::new(features::FIX_ALL),
                ]),
                ..Default::default()
            },
        )),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into(), "#".into(), "(".into()]),
            ..Default::default()
        }),
        ..Default::default()
    };
    let caps = serde_json::to_value(capabilities).map_err(|e| e.to_string())?;
    let init = connection
        .initialize(caps)
        .map_err(|e| format!("lsp: the client did not initialize: {e}"))?;
    let rules_url = init
        .get("initializationOptions")
        .and_then(|o| o.get("rulesUrl"))
        .and_then(|u| u.as_str())
        .map(str::to_string)
        .unwrap_or_else(default_rules_url);
    let mut server = Server {
        docs: HashMap::new(),
        linters: HashMap::new(),
        rules_url,
    };
    server.main_loop(&connection)?;
    drop(connection);
    io_threads
        .join()
        .map_err(|e| format!("lsp: the connection failed: {e}"))?;
    Ok(std::process::ExitCode::SUCCESS)
}

impl Server {
    fn main_loop(&mut self, c: &Connection) -> Result<(), String> {
        loop {
            let next = self.docs.values().filter_map(|d| d.dirty).min();
            let msg = match next {
                Some(t) => {
                    let wait = (t + DEBOUNCE).saturating_duration_since(Instant::now());
                    match c.receiver.recv_timeout(wait) {
                        Ok(m) => Some(m),
                        Err(crossbeam_timeout) if crossbeam_timeout.is_timeout() => None,
                        Err(_) => return Ok(()),
                    }
                }
                None => match c.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(()),
                },
            };
            match msg {
                None => self.publish_due(c, false)?,
                Some(Message::Request(req)) => {
                    if c.handle_shutdown(&req).map_err(|e| e.to_string())? {
                        return Ok(());
                    }
                    let resp = self.request(req);
                    send(c, Message::Response(resp))?;
                }
                Some(Message::Notification(n)) => self.notification(c, n)?,
                Some(Message::Response(_)) => {}
            }
        }
    }

    /// Publishes the diagnostics of every document whose wait is over (all
    /// dirty ones with `now`).
    fn publish_due(&mut self, c: &Connection, now: bool) -> Result<(), String> {
        let due: Vec<Uri> = self
            .docs
            .iter()
            .filter(|(_, d)| d.dirty.is_some_and(|t| now || t.elapsed() >= DEBOUNCE))
            .map(|(u, _)| u.clone())
            .collect();
        for uri in due {
            self.publish(c, &uri)?;
        }
        Ok(())
    }

    fn publish(&mut self, c: &Connection, uri: &Uri) -> Result<(), String> {
        let linter = self.linter_for(uri);
        let Some(doc) = self.docs.get_mut(uri) else {
            return Ok(());
        };
        doc.dirty = None;
        let diagnostics = match linter {
            Ok(l) => features::diagnostics(&l, &doc.text, &self.rules_url),
            Err(e) => vec![features::config_error(&e)],
        };
        let params = lsp::PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version: Some(doc.version),
        };
        send(
            c,
            Message::Notification(Notification::new(
                lsp::notification::PublishDiagnostics::METHOD.into(),
                params,
            )),
        )
    }

    /// The linter of the document at `uri`: the config found upward from its folder.
    fn linter_for(&mut self, uri: &Uri) -> Result<Arc<Linter>, String> {
        let dir = path_of(uri)
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        self.linters
            .entry(dir.clone())
            .or_insert_with(|| {
                let args = ConfigArgs {
                    config: None,
                    types: Vec::new(),
                    templates: Vec::new(),
                };
                settings::load_in(&dir, &args, None).map(|s| s.workspace.shared_linter())
            })
            .clone()
    }

    fn notification(&mut self, c: &Connection, n: Notification) -> Result<(), String> {
        use lsp::notification::*;
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let p: lsp::DidOpenTextDocumentParams = params(n)?;
                let uri = p.text_document.uri;
                self.docs.insert(
                    uri.clone(),
                    Doc {
                        text: p.text_document.text,
                        version: p.text_document.version,
                        dirty: Some(Instant::now()),
                    },
                );
                // A document just opened is checked at once.
                self.publish(c, &uri)?;
            }
            DidChangeTextDocument::METHOD => {
                let p: lsp::DidChangeTextDocumentParams = params(n)?;
                if let Some(doc) = self.docs.get_mut(&p.text_document.uri) {
                    // Full sync: the last change holds the whole text.
                    if let Some(change) = p.content_changes.into_iter().last() {
                        doc.text = change.text;
                    }
                    doc.version = p.text_document.version;
                    doc.dirty = Some(Instant::now());
                }
            }
            DidCloseTextDocument::METHOD => {
                let p: lsp::DidCloseTextDocumentParams = params(n)?;
                self.docs.remove(&p.text_document.uri);
                let clear = lsp::PublishDiagnosticsParams {
                    uri: p.text_document.uri,
                    diagnostics: Vec::new(),
                    version: None,
                };
                send(
                    c,
                    Message::Notification(lsp_server::Notification::new(
                        PublishDiagnostics::METHOD.into(),
                        clear,
                    )),
                )?;
            }
            DidSaveTextDocument::METHOD => {
                let p: lsp::DidSaveTextDocumentParams = params(n)?;
                // A config or type file, or any file while a template family is loaded.
                let family = self
                    .linters
                    .values()
                    .any(|l| l.as_ref().is_ok_and(|l| !l.templates().is_empty()));
                if family || is_settings_file(&p.text_document.uri) {
                    self.reload(c)?;
                }
            }
            DidChangeWatchedFiles::METHOD => self.reload(c)?,
            DidChangeConfiguration::METHOD => self.reload(c)?,
            _ => {}
        }
        Ok(())
    }

    /// A config, type or template file changed: every linter is loaded again
    /// and every open document checked again.
    fn reload(&mut self, c: &Connection) -> Result<(), String> {
        self.linters.clear();
        for d in self.docs.values_mut() {
            d.dirty = Some(Instant::now());
        }
        self.publish_due(c, true)
    }

    fn request(&mut self, req: Request) -> Response {
        use lsp::request::*;
        let id = req.id.clone();
        let result = match req.method.as_str() {
            CodeActionRequest::METHOD => self
                .with_doc(req, |l, text, uri, p: lsp::CodeActionParams| {
                    features::code_actions(l, text, uri, &p)
                }),
            Formatting::METHOD => self
                .with_doc(req, |l, text, _, _: lsp::DocumentFormattingParams| {
                    features::format(l, text)
                }),
            HoverRequest::METHOD => self.with_doc(req, |l, text, _, p: lsp::HoverParams| {
                features::hover(l, text, p.text_document_position_params.position)
            }),
            Completion::METHOD => self.with_doc(req, |l, text, _, p: lsp::CompletionParams| {
                features::completion(l, text, p.text_document_position.position)
            }),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("unknown method `{}`", req.method),
            )),
        };
        match result {
            Ok(v) => Response::new_ok(id, v),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    /// Runs `f` on the document a request names, with its linter.
    fn with_doc<P, R>(
        &mut self,
        req: Request,
        f: impl FnOnce(&Linter, &str, &Uri, P) -> R,
    ) -> Result<serde_json::Value, (ErrorCode, String)>
    where
        P: serde::de::DeserializeOwned + HasUri,
        R: serde::Serialize,
    {
        let p: P = serde_json::from_value(req.params)
            .map_err(|e| (ErrorCode::InvalidParams, e.to_string()))?;
        let uri = p.uri().clone();
        let linter = self
            .linter_for(&uri)
            .map_err(|e| (ErrorCode::RequestFailed, e))?;
        let Some(doc) = self.docs.get(&uri) else {
            return Err((ErrorCode::InvalidParams, "the document is not open".into()));
        };
        serde_json::to_value(f(&linter, &doc.text, &uri, p))
            .map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }
}

/// The document a request is about.
trait HasUri {
    fn uri(&self) -> &Uri;
}

impl HasUri for lsp::CodeActionParams {
    fn uri(&self) -> &Uri {
        &self.text_document.uri
    }
}
impl HasUri for lsp::DocumentFormattingParams {
    fn uri(&self) -> &Uri {
        &self.text_document.uri
    }
}
impl HasUri for lsp::HoverParams {
    fn uri(&self) -> &Uri {
        &self.text_document_position_params.text_document.uri
    }
}
impl HasUri for lsp::CompletionParams {
    fn uri(&self) -> &Uri {
        &self.text_document_position.text_document.uri
    }
}

fn params<P: serde::de::DeserializeOwned>(n: Notification) -> Result<P, String> {
    serde_json::from_value(n.params).map_err(|e| format!("lsp: bad `{}` params: {e}", n.method))
}

fn send(c: &Connection, m: Message) -> Result<(), String> {
    c.sender
        .send(m)
        .map_err(|e| format!("lsp: the client went away: {e}"))
}

/// The file path of a `file:` URI (percent-decoded).
pub(crate) fn path_of(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str().strip_prefix("file://")?;
    let mut bytes = Vec::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).ok()?, 16) {
                bytes.push(v);
                i += 3;
                continue;
            }
        }
        bytes.push(b[i]);
        i += 1;
    }
    Some(PathBuf::from(String::from_utf8(bytes).ok()?))
}

/// `speclint.yaml` and spec type files (YAML or JSON).
fn is_settings_file(uri: &Uri) -> bool {
    let s = uri.as_str();
    [".yaml", ".yml", ".json"].iter().any(|e| s.ends_with(e))
}
