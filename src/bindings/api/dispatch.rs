//! The JSON operations of the C-ABI binding (`cabi.rs`, the Python package)
//! and the workspace options every binding shares: one request, one op
//! name, one answer.

use super::request::{Envelope, Request};
use super::*;

/// The API as JSON requests and responses, with sessions kept by handle.
/// The ops are the variants of `request::Request` (their names: [`OPS`]).
///
/// A request is a JSON object `{"op": ..., ...}`; the response is
/// `{"ok": result}` or `{"error": "message"}` (never anything else, whatever
/// the request). Operations (keys in camelCase; unknown keys are errors):
///
/// | `op` | fields | `ok` |
/// |---|---|---|
/// | `version` | | the crate version |
/// | `rules` | | every rule's metadata |
/// | `parseConfig` | `text` | the config as data |
/// | `deriveSpecType` | `text` (the template), `yaml?` | the spec type (as YAML text with `yaml: true`) |
/// | `open` | `options?` | a session handle (a number) |
/// | `close` | `session` | `null` |
/// | `validate` | `text`, `specType?`, `path?` | [`ValidateResult`] |
/// | `normalize` | `text`, `unsafeFixes?`, `reorderSections?`, `insertMissingSections?`, `specType?` | [`NormalizeResult`] |
/// | `exportSpec` | `text`, `specType?` | [`SpecDocument`] |
/// | `specTypes` | | the spec types |
/// | `specType` | `id` | one spec type |
/// | `frontMatterSchema` | `specType` | the front matter's JSON Schema |
/// | `crossCheck` | `documents`, `initiatives?`, `specs?` | a list of diagnostics per document |
/// | `renderDiagnostics` | `format`, `files`, `color?`, `quiet?`, `skipped?` | the rendered text |
/// | `matchGlob` | `pattern`, `path` | whether the core's glob matches (an invalid glob is an error) |
/// | `workspaceOpen` | `config?` (text), `configPath?`, `types?` (`[{path, text}]`), `specType?` | a workspace handle |
/// | `workspaceClose` | `workspace` | `null` |
/// | `workspaceEnter` | `workspace`, `dir`, `ignoreTexts` | a mark for `workspaceLeave` |
/// | `workspaceLeave` | `workspace`, `mark` | `null` |
/// | `workspaceVisit` | `workspace`, `dir`, `entries` (`[[name, kind]]`) | `"enter"`, `"file"` or `"skip"` per entry |
/// | `workspaceSelect` | `workspace`, `rel`, `named` | `{named, included}` or `null` |
/// | `workspaceReferenceGlobs` | `workspace` | `{initiatives, specs}`: the config's reference globs |
/// | `workspaceReferenceMatches` | `workspace`, `rel` | `[initiative, spec]` |
/// | `workspaceTemplateGlobs` | `workspace` | the template globs |
/// | `workspaceTemplateMatches` | `workspace`, `rel` | whether `rel` is a template |
/// | `workspaceAddTemplates` | `workspace`, `templates` (`[{path, rel, text}]`) | `null` |
/// | `workspaceRenderTemplates` | `workspace`, `json?`, `check?` | `{output, exitCode}` of `speclint templates` |
/// | `workspaceAdd` | `workspace`, `shown`, `rel`, `named`, `included`; the bytes beside | `{document, diagnostics}` |
/// | `workspaceUnreadable` | `workspace`, `shown`, `rel?`, `message` | `null` |
/// | `workspaceFinish` | `workspace`, `initiatives?`, `specs?`, `format?`, `color?`, `quiet?` | `{output, exitCode, errors, warnings, infos, files}` |
///
/// The `workspace…` operations are the run policy of `speclint check`
/// (`crate::workspace`) for a host that walks and reads files: one run per
/// workspace.
///
/// Operations from `validate` on run in a session: `session` (a handle from
/// `open`), or `options` for a one-off session (the default linter is built
/// once and shared), or neither for the defaults. Their document is `text`,
/// or when `text` is absent the bytes passed beside the request (see
/// [`Dispatcher::call`]); `validate` reports invalid UTF-8 bytes as `IO001`,
/// the others refuse them. Columns are counted in Unicode scalar values
/// unless `options.columnEncoding` says `utf16`.
#[derive(Debug, Default)]
pub struct Dispatcher {
    sessions: Vec<Option<Session>>,
    default_linter: Option<Arc<Linter>>,
    workspaces: Vec<Option<WorkspaceSlot>>,
}

/// An open workspace: its policy, the walk's ignore rules, and its run
/// (`None` once finished).
#[derive(Debug)]
struct WorkspaceSlot {
    ws: crate::workspace::Workspace,
    walk: crate::workspace::Walk,
    run: Option<crate::workspace::Run>,
}

/// What a host read to open a workspace (both bindings take this shape).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WorkspaceOpen {
    /// The config file's text (`speclint.yaml`).
    #[serde(default)]
    pub config: Option<String>,
    /// Where the config was read from (named in messages).
    #[serde(default)]
    pub config_path: Option<String>,
    /// Spec type files the host read: the config's `types`, then the user's.
    #[serde(default)]
    pub types: Vec<TypeFile>,
    /// Read every document as this spec type.
    #[serde(default)]
    pub spec_type: Option<String>,
    /// Template globs given on the command line (`--templates`), relative to
    /// the working directory `cwd`, added to the config's `templates`
    /// (relative to its folder `root`; see `workspace::rebase_glob`).
    #[serde(default)]
    pub templates: Vec<String>,
    /// The working directory and the config's folder, absolute.
    #[serde(default)]
    pub cwd: Option<String>,
    #[serde(default)]
    pub root: Option<String>,
}

impl WorkspaceOpen {
    /// The workspace these options describe.
    pub fn open(self) -> Result<crate::workspace::Workspace, String> {
        let types: Vec<(String, String)> =
            self.types.into_iter().map(|t| (t.path, t.text)).collect();
        crate::workspace::Workspace::from_config_text(
            self.config.as_deref(),
            self.config_path.as_deref(),
            &types,
            &self
                .templates
                .iter()
                .map(|g| match (&self.cwd, &self.root) {
                    (Some(c), Some(r)) => crate::workspace::rebase_glob(g, c, r),
                    _ => g.clone(),
                })
                .collect::<Vec<_>>(),
            self.spec_type.as_deref(),
        )
    }
}

/// A folder entry's kind by name: `file`, `dir`, `symlink` or `other`.
pub fn entry_kind(kind: &str) -> Result<crate::workspace::EntryKind, String> {
    use crate::workspace::EntryKind;
    Ok(match kind {
        "file" => EntryKind::File,
        "dir" => EntryKind::Dir,
        "symlink" => EntryKind::Symlink,
        "other" => EntryKind::Other,
        k => {
            return Err(format!(
                "unknown entry kind `{k}`; expected `file`, `dir`, `symlink` or `other`"
            ));
        }
    })
}

/// What a walk does with an entry, by name: `enter`, `file` or `skip`.
pub fn visit_name(v: crate::workspace::Visit) -> &'static str {
    match v {
        crate::workspace::Visit::Enter => "enter",
        crate::workspace::Visit::File => "file",
        crate::workspace::Visit::Skip => "skip",
    }
}

/// A finished run as both bindings return it: `{output, exitCode, errors,
/// warnings, infos, files: [{path, diagnostics}]}`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FinishResult<'a> {
    pub output: String,
    pub exit_code: u8,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub files: Vec<FinishedFile<'a>>,
}

/// One file of a [`FinishResult`].
#[derive(Serialize)]
pub struct FinishedFile<'a> {
    pub path: &'a str,
    pub diagnostics: &'a [crate::diagnostic::LocatedDiagnostic],
}

impl<'a> FinishResult<'a> {
    /// The result of `outcome` rendered in `format`.
    pub fn of(
        outcome: &'a crate::workspace::Outcome,
        format: Format,
        color: bool,
        quiet: bool,
    ) -> FinishResult<'a> {
        FinishResult {
            output: outcome.render(format, color, quiet),
            exit_code: outcome.exit_code,
            errors: outcome.summary.errors,
            warnings: outcome.summary.warnings,
            infos: outcome.summary.infos,
            files: outcome
                .files
                .iter()
                .map(|f| FinishedFile {
                    path: &f.path,
                    diagnostics: &f.diagnostics,
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct OkResponse<T> {
    ok: T,
}

#[derive(Serialize)]
struct ErrorResponse<'a> {
    error: &'a str,
}

/// A session for one request: borrowed by handle, or built for the request.
enum SessionRef<'a> {
    Kept(&'a Session),
    Owned(Session),
}

impl std::ops::Deref for SessionRef<'_> {
    type Target = Session;
    fn deref(&self) -> &Session {
        match self {
            SessionRef::Kept(s) => s,
            SessionRef::Owned(s) => s,
        }
    }
}

impl Dispatcher {
    pub fn new() -> Dispatcher {
        Dispatcher::default()
    }

    /// Answers one request (UTF-8 JSON); `document` holds the bytes of the
    /// document when the request has no `text`. Returns the response JSON.
    pub fn call(&mut self, request: &[u8], document: Option<&[u8]>) -> Vec<u8> {
        let result = serde_json::from_slice::<Value>(request)
            .map_err(|e| format!("the request is not valid JSON: {e}"))
            .and_then(|v| match v {
                Value::Object(map) => self.dispatch(map, document),
                _ => Err("the request must be a JSON object".to_string()),
            });
        let out = match result {
            Ok(v) => serde_json::to_vec(&OkResponse { ok: v }),
            Err(e) => serde_json::to_vec(&ErrorResponse { error: &e }),
        };
        // Serializing a `Value` or a `String` cannot fail.
        out.unwrap_or_else(|_| br#"{"error":"cannot serialize the response"}"#.to_vec())
    }

    /// [`Dispatcher::call`] on a JSON string, for tests and hosts without bytes.
    pub fn call_str(&mut self, request: &str) -> String {
        String::from_utf8(self.call(request.as_bytes(), None)).unwrap_or_default()
    }

    /// How many sessions are open.
    pub fn open_sessions(&self) -> usize {
        self.sessions.iter().flatten().count()
    }

    fn dispatch(
        &mut self,
        mut req: Map<String, Value>,
        document: Option<&[u8]>,
    ) -> Result<Value, String> {
        let op = match req.get("op") {
            Some(Value::String(op)) => op.clone(),
            Some(_) => return Err("`op` must be a string".into()),
            None => return Err("the request has no `op`".into()),
        };
        let session = req.remove("session").filter(|v| !v.is_null());
        let options = req.remove("options").filter(|v| !v.is_null());
        let workspace = req.remove("workspace").filter(|v| !v.is_null());
        let request = read_request(&op, req)?;
        let takes = request.envelope();
        for (field, given, allowed) in [
            (
                "session",
                session.is_some(),
                matches!(takes, Envelope::Session | Envelope::InSession),
            ),
            (
                "options",
                options.is_some(),
                matches!(takes, Envelope::Options | Envelope::InSession),
            ),
            (
                "workspace",
                workspace.is_some(),
                takes == Envelope::Workspace,
            ),
        ] {
            if given && !allowed {
                return Err(format!("`{op}` takes no `{field}`"));
            }
        }
        match request {
            Request::Version(_) => to_value(crate::VERSION),
            Request::Rules(_) => to_value(&rules()),
            Request::ParseConfig(r) => {
                let text = document_text(r.text.as_deref(), document)?;
                to_value(&parse_config(&text).map_err(|e| match &r.path {
                    Some(p) => format!("config {}", e.in_file(p)),
                    None => e.to_string(),
                })?)
            }
            Request::DeriveSpecType(r) => {
                let text = document_text(r.text.as_deref(), document)?;
                let t = derive(&text).map_err(|e| e.0)?;
                if r.yaml {
                    to_value(&spec_type_yaml(&t).map_err(String::from)?)
                } else {
                    to_value(&t)
                }
            }
            Request::Open(_) => {
                let s = self.build(options)?;
                to_value(&(put(&mut self.sessions, s) + 1))
            }
            Request::Close(_) => {
                let i = handle(session.as_ref())?;
                match self.sessions.get_mut(i) {
                    Some(slot @ Some(_)) => *slot = None,
                    _ => return Err(format!("no open session {}", i + 1)),
                }
                Ok(Value::Null)
            }
            Request::RenderDiagnostics(r) => {
                let o = RenderOpts {
                    color: r.color,
                    quiet: r.quiet,
                    skipped: r.skipped,
                };
                let f = format(&r.format).map_err(String::from)?;
                to_value(&render_diagnostics(f, &r.files, &o))
            }
            Request::MatchGlob(r) => {
                let g = crate::glob::Glob::new(crate::workspace::clean_glob(&r.pattern))
                    .map_err(|e| format!("invalid glob `{}`: {}", r.pattern, e.message))?;
                to_value(&g.matches(&r.path))
            }
            Request::WorkspaceOpen(r) => {
                let slot = WorkspaceSlot {
                    ws: r.open()?,
                    walk: crate::workspace::Walk::default(),
                    run: Some(crate::workspace::Run::default()),
                };
                to_value(&(put(&mut self.workspaces, slot) + 1))
            }
            request if takes == Envelope::InSession => {
                let s = self.session(session, options)?;
                session_op(request, &s, document)
            }
            request => {
                let i =
                    handle(workspace.as_ref()).map_err(|e| e.replace("session", "workspace"))?;
                let Some(Some(slot)) = self.workspaces.get_mut(i) else {
                    return Err(format!("no open workspace {}", i + 1));
                };
                if let Request::WorkspaceClose(_) = request {
                    self.workspaces[i] = None;
                    return Ok(Value::Null);
                }
                workspace_op(request, slot, document)
            }
        }
    }

    fn build(&mut self, options: Option<Value>) -> Result<Session, String> {
        let options: Options = match options {
            None | Some(Value::Null) => Options::default(),
            Some(v) => from_value("options", v)?,
        };
        let shared = &mut self.default_linter;
        Session::with_defaults(options, ColumnEncoding::Unicode, || {
            shared
                .get_or_insert_with(|| Arc::new(Linter::default()))
                .clone()
        })
        .map_err(String::from)
    }

    fn session(
        &mut self,
        session: Option<Value>,
        options: Option<Value>,
    ) -> Result<SessionRef<'_>, String> {
        match (session, options) {
            (Some(_), Some(_)) => Err("give `session` or `options`, not both".into()),
            (Some(h), None) => {
                let i = handle(Some(&h))?;
                match self.sessions.get(i) {
                    Some(Some(s)) => Ok(SessionRef::Kept(s)),
                    _ => Err(format!("no open session {}", i + 1)),
                }
            }
            (None, options) => Ok(SessionRef::Owned(self.build(options)?)),
        }
    }
}

/// The `workspace…` operations on an open workspace.
fn workspace_op(
    request: Request,
    slot: &mut WorkspaceSlot,
    document: Option<&[u8]>,
) -> Result<Value, String> {
    use crate::workspace::{Mark, Selected};
    let finished = || "this workspace's run is finished".to_string();
    match request {
        Request::WorkspaceEnter(r) => {
            let texts: Vec<&str> = r.ignore_texts.iter().map(String::as_str).collect();
            to_value(&slot.walk.enter(&r.dir, &texts).0)
        }
        Request::WorkspaceLeave(r) => {
            slot.walk.leave(Mark(r.mark));
            Ok(Value::Null)
        }
        Request::WorkspaceVisit(r) => {
            let mut out = Vec::with_capacity(r.entries.len());
            for (name, kind) in &r.entries {
                out.push(visit_name(slot.walk.visit(&r.dir, name, entry_kind(kind)?)));
            }
            to_value(&out)
        }
        Request::WorkspaceSelect(r) => {
            let s = slot.ws.select(&r.rel, r.named);
            to_value(&s.map(|s| serde_json::json!({"named": s.named, "included": s.included})))
        }
        Request::WorkspaceReferenceGlobs(_) => {
            let (i, s) = slot.ws.reference_globs();
            to_value(&serde_json::json!({"initiatives": i, "specs": s}))
        }
        Request::WorkspaceReferenceMatches(r) => {
            let (i, s) = slot.ws.reference_matches(&r.rel);
            to_value(&[i, s])
        }
        Request::WorkspaceTemplateGlobs(_) => to_value(&slot.ws.template_globs()),
        Request::WorkspaceTemplateMatches(r) => to_value(&slot.ws.template_matches(&r.rel)),
        Request::WorkspaceAddTemplates(r) => {
            slot.ws.add_templates(&r.templates)?;
            Ok(Value::Null)
        }
        Request::WorkspaceRenderTemplates(r) => {
            let (output, code) =
                crate::report::templates::render(slot.ws.linter().templates(), r.json, r.check);
            to_value(&serde_json::json!({"output": output, "exitCode": code}))
        }
        Request::WorkspaceAdd(r) => {
            let bytes = document.ok_or(NO_DOCUMENT)?;
            let run = slot.run.as_mut().ok_or_else(finished)?;
            let how = Selected {
                named: r.named,
                included: r.included,
            };
            let v = slot.ws.validate(&r.shown, &r.rel, bytes, how);
            let out = match &v {
                crate::workspace::Validated::Document(f, _) => {
                    serde_json::json!({"document": true, "diagnostics": to_value(&f.diagnostics)?})
                }
                crate::workspace::Validated::Skipped => {
                    serde_json::json!({"document": false, "diagnostics": []})
                }
                crate::workspace::Validated::Template(f) => {
                    serde_json::json!({"document": false, "template": true, "diagnostics": to_value(&f.diagnostics)?})
                }
            };
            run.push(v);
            Ok(out)
        }
        Request::WorkspaceUnreadable(r) => {
            let run = slot.run.as_mut().ok_or_else(finished)?;
            run.unreadable(&slot.ws, &r.shown, r.rel.as_deref(), &r.message);
            Ok(Value::Null)
        }
        Request::WorkspaceFinish(r) => {
            let f = format(r.format.as_deref().unwrap_or("pretty")).map_err(String::from)?;
            let run = slot.run.take().ok_or_else(finished)?;
            let out = run.finish(&slot.ws, r.initiatives.as_deref(), r.specs.as_deref());
            to_value(&FinishResult::of(&out, f, r.color, r.quiet))
        }
        // `dispatch` sends only the workspace ops here.
        _ => Err("not a workspace op".into()),
    }
}

/// The operations that run in a session.
fn session_op(request: Request, s: &Session, document: Option<&[u8]>) -> Result<Value, String> {
    match request {
        Request::Validate(r) => {
            let call = CallOptions {
                spec_type: r.spec_type,
                path: r.path,
            };
            let input = match (&r.text, document) {
                (Some(t), _) => Input::Text(t),
                (None, Some(b)) => Input::Bytes(b),
                (None, None) => return Err(NO_DOCUMENT.into()),
            };
            to_value(&s.validate(input, &call).map_err(String::from)?)
        }
        Request::Normalize(r) => {
            let text = document_text(r.text.as_deref(), document)?;
            let o = NormalizeOptions {
                unsafe_fixes: r.unsafe_fixes,
                reorder_sections: r.reorder_sections,
                insert_missing_sections: r.insert_missing_sections,
                spec_type: r.spec_type,
            };
            to_value(&s.normalize(&text, &o).map_err(String::from)?)
        }
        Request::ExportSpec(r) => {
            let text = document_text(r.text.as_deref(), document)?;
            to_value(
                &s.export(&text, r.spec_type.as_deref())
                    .map_err(String::from)?,
            )
        }
        Request::SpecTypes(_) => to_value(s.spec_types()),
        Request::SpecType(r) => to_value(s.spec_type_definition(&r.id).map_err(String::from)?),
        Request::FrontMatterSchema(r) => s.front_matter_schema(&r.spec_type).map_err(String::from),
        Request::CrossCheck(r) => {
            let o = CrossOptions {
                initiatives: r.initiatives,
                specs: r.specs,
            };
            to_value(&s.cross_check(&r.documents, &o))
        }
        // `dispatch` sends only the session ops here.
        _ => Err("not a session op".into()),
    }
}

/// Puts `item` in the first free slot; answers its index.
fn put<T>(slots: &mut Vec<Option<T>>, item: T) -> usize {
    match slots.iter().position(Option::is_none) {
        Some(i) => {
            slots[i] = Some(item);
            i
        }
        None => {
            slots.push(Some(item));
            slots.len() - 1
        }
    }
}

/// Reads a request (its envelope fields taken off) as the typed [`Request`],
/// with serde's wording in the user's terms: an unknown op lists the known
/// ones, a missing field is "required", an unknown field an unknown option.
fn read_request(op: &str, mut req: Map<String, Value>) -> Result<Request, String> {
    req.retain(|_, v| !v.is_null());
    Request::deserialize(Value::Object(req)).map_err(|e| {
        let e = e.to_string();
        if let Some(rest) = e.strip_prefix("unknown variant `") {
            let known = rest.split_once(", expected one of ").map_or("", |(_, k)| k);
            return format!("unknown op `{op}`; known: {known}");
        }
        if let Some(field) = e
            .strip_prefix("missing field `")
            .and_then(|r| r.strip_suffix('`'))
        {
            return format!("{op}: `{field}` is required");
        }
        if let Some(field) = e
            .strip_prefix("unknown field `")
            .and_then(|r| r.strip_suffix("`, there are no fields"))
        {
            return format!("{op}: unknown option `{field}`; `{op}` takes none");
        }
        let m = crate::text::without_type_names(&format!("{op}: {e}"));
        crate::text::explain_unknown(&m, &[])
    })
}

pub(super) const NO_DOCUMENT: &str = "no document: give `text` or pass the document's bytes";

/// The document of a request: `text`, else the bytes beside it (which must be UTF-8).
fn document_text<'a>(
    text: Option<&'a str>,
    document: Option<&'a [u8]>,
) -> Result<std::borrow::Cow<'a, str>, String> {
    match (text, document) {
        (Some(t), _) => Ok(t.into()),
        (None, Some(b)) => std::str::from_utf8(b).map(Into::into).map_err(|e| {
            format!(
                "the document is not valid UTF-8: invalid byte at offset {}",
                e.valid_up_to()
            )
        }),
        (None, None) => Err(NO_DOCUMENT.into()),
    }
}

/// A session handle (1-based) as a slot index.
fn handle(v: Option<&Value>) -> Result<usize, String> {
    v.and_then(Value::as_u64)
        .filter(|&h| h >= 1)
        .and_then(|h| usize::try_from(h - 1).ok())
        .ok_or_else(|| "`session` must be a handle returned by `open`".to_string())
}

/// Reads options from JSON; a `null` field counts as not given.
fn from_value<T: DeserializeOwned>(what: &str, mut v: Value) -> Result<T, String> {
    if let Some(map) = v.as_object_mut() {
        map.retain(|_, v| !v.is_null());
    }
    T::deserialize(v).map_err(|e| {
        let m = crate::text::without_type_names(&format!("{what}: {e}"));
        crate::text::explain_unknown(&m, &[])
    })
}

fn to_value<T: Serialize + ?Sized>(v: &T) -> Result<Value, String> {
    serde_json::to_value(v).map_err(|e| e.to_string())
}
