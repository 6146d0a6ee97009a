//! The API shared by the bindings: option types, sessions and JSON dispatch.
//!
//! Every binding of the core (the wasm-bindgen binding for JS in `wasm.rs`,
//! the C-ABI binding for wasmtime hosts such as the Python package in
//! `cabi.rs`) turns its host's values into the serde types of this module,
//! calls these functions and turns the results back. Nothing here knows about
//! a platform: options are plain serde data (camelCase keys, unknown keys
//! rejected), results are serializable structs, errors are messages.
//!
//! - [`Options`] configure a [`Session`]: custom spec types, rule levels,
//!   default type, column encoding, a default explicit type and path.
//! - [`Session`] validates, normalizes and exports documents and answers
//!   questions about its spec types.
//! - [`derive`], [`parse_config`], [`rules`], [`render_diagnostics`] need no session.
//! - [`Dispatcher`] is the same surface as JSON requests and responses
//!   (`{"op": "validate", ...}` → `{"ok": ...}` / `{"error": "..."}`), for
//!   bindings that exchange bytes only (see `cabi.rs`).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::config::{Config, Level};
use crate::corpus::{self, CorpusDoc, CorpusOptions};
use crate::derive::DeriveError;
use crate::diagnostic::{self, LocatedDiagnostic};
use crate::export::SpecDocument;
use crate::normalize::{AppliedFix, NormalizeOptions};
use crate::report::{self, Format};
use crate::rules::RuleMeta;
use crate::{ColumnEncoding, LineIndex, Linter, OptionsError, SpecType, TypeSource};

/// Options of a [`Session`] (`options` of the JS `validate`, `specTypes`,
/// `frontMatterSchema` and `new Linter`).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// Validate every document as this type (an explicit type).
    #[serde(default)]
    pub spec_type: Option<String>,
    /// The type of documents without `spec_type`.
    #[serde(default)]
    pub default_type: Option<String>,
    /// Custom spec types, added to the built-in ones.
    #[serde(default)]
    pub types: Vec<TypeInput>,
    /// Templates of a family (`{ path, text }`): each defines the spec type
    /// of its `spec_type`, refined by a custom type with the same id.
    #[serde(default)]
    pub templates: Vec<TypeFile>,
    /// Rule levels by code or name.
    #[serde(default, deserialize_with = "crate::config::levels_by_rule")]
    pub rules: BTreeMap<String, Level>,
    /// How columns are counted; `None`: the binding's default.
    #[serde(default)]
    pub column_encoding: Option<ColumnEncoding>,
    /// The path set on diagnostics.
    #[serde(default)]
    pub path: Option<String>,
    /// Rule levels for the files matching some globs (`overrides` of
    /// `speclint.yaml`), applied by the `path` of each validation.
    #[serde(default)]
    pub overrides: Vec<crate::config::Override>,
}

impl Options {
    /// Whether these options configure the default linter (no custom types,
    /// rule levels or default type), which a binding may build once and share.
    pub fn uses_default_linter(&self) -> bool {
        self.types.is_empty()
            && self.templates.is_empty()
            && self.rules.is_empty()
            && self.default_type.is_none()
            && self.overrides.is_empty()
    }

    /// Builds the linter these options describe.
    pub fn linter(&self) -> Result<Linter, OptionsError> {
        let config = Config {
            rules: self.rules.clone(),
            default_type: self.default_type.clone(),
            overrides: self.overrides.clone(),
            ..Config::default()
        };
        let types: Vec<(String, String)> = self
            .types
            .iter()
            .enumerate()
            .map(|(i, t)| match t {
                TypeInput::Text(text) => (format!("types[{i}]"), text.clone()),
                TypeInput::File(f) => (f.path.clone(), f.text.clone()),
                TypeInput::Object(v) => (format!("types[{i}]"), v.to_string()),
            })
            .collect();
        let templates: Vec<(String, String)> = self
            .templates
            .iter()
            .map(|t| (t.path.clone(), t.text.clone()))
            .collect();
        Linter::with_templates(&config, &types, Some(&templates))
    }
}

/// A custom spec type: YAML (or JSON) text, a file's text with its path (for
/// messages), or a definition object.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum TypeInput {
    Text(String),
    File(TypeFile),
    Object(Value),
}

/// A spec type file's text and its path (named in messages).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeFile {
    pub path: String,
    pub text: String,
}

/// Options of one validation (`options` of the JS `Linter.validate`); each
/// overrides the session's.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CallOptions {
    #[serde(default)]
    pub spec_type: Option<String>,
    #[serde(default)]
    pub path: Option<String>,
}

/// One document given to [`Session::cross_check`].
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CrossDoc {
    /// `/`-separated, the base of relative links; named in messages.
    pub path: String,
    pub text: String,
    /// The path set on the diagnostics (default: `path`).
    #[serde(default)]
    pub display_path: Option<String>,
}

/// Options of [`Session::cross_check`].
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CrossOptions {
    /// Known initiative ids; `None` skips the `related_initiatives` check.
    #[serde(default)]
    pub initiatives: Option<Vec<String>>,
    /// Known spec document paths; `None` skips the `superseded_by` and link checks.
    #[serde(default)]
    pub specs: Option<Vec<String>>,
}

/// What [`Session::validate`] returns.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidateResult {
    pub diagnostics: Vec<LocatedDiagnostic>,
    pub spec_type: Option<String>,
    pub type_source: Option<TypeSource>,
    pub declares_spec_type: bool,
}

/// What [`Session::normalize`] returns.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NormalizeResult {
    /// The normalized text.
    pub text: String,
    /// Whether `text` differs from the input.
    pub changed: bool,
    /// The fixes applied, in order.
    pub fixes: Vec<AppliedFix>,
    /// The diagnostics of the normalized text.
    pub diagnostics: Vec<LocatedDiagnostic>,
}

/// Splits the options of the free `normalize(text, options)` function: the
/// normalize flags (`unsafeFixes`, `reorderSections`, `insertMissingSections`)
/// and the session options (types, rules, `specType`, ...).
pub fn split_normalize_options(
    mut v: serde_json::Value,
) -> Result<(Options, NormalizeOptions), OptionsError> {
    let mut flags = serde_json::Map::new();
    if let Some(map) = v.as_object_mut() {
        for key in ["unsafeFixes", "reorderSections", "insertMissingSections"] {
            if let Some(x) = map.remove(key) {
                flags.insert(key.to_string(), x);
            }
        }
    }
    let err = |e: serde_json::Error| {
        let flags = ["unsafeFixes", "reorderSections", "insertMissingSections"];
        OptionsError::Invalid(crate::text::explain_unknown(
            &format!("options: {e}"),
            &flags,
        ))
    };
    let options = if v.is_null() {
        Options::default()
    } else {
        serde_json::from_value(v).map_err(err)?
    };
    let normalize: NormalizeOptions =
        serde_json::from_value(serde_json::Value::Object(flags)).map_err(err)?;
    Ok((options, normalize))
}

/// A document: text, or a file's bytes (invalid UTF-8 is reported as `IO001`).
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
}

/// One file given to [`render_diagnostics`]: `{ path, text, diagnostics }`,
/// the files of a run's outcome.
pub type RenderFile = crate::workspace::CheckedFile;

/// Options of [`render_diagnostics`].
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RenderOpts {
    #[serde(default)]
    pub color: bool,
    #[serde(default)]
    pub quiet: bool,
    /// Markdown files without `spec_type` skipped (named in the summary).
    #[serde(default)]
    pub skipped: usize,
}

/// One document given to [`Session::export_json`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportFile {
    pub path: String,
    pub text: String,
    /// Found by walking a folder or a glob, neither named nor selected by the
    /// config's `include`: exported only when it is a spec document (it
    /// declares `spec_type`, or `specType` is given), as `check` decides.
    #[serde(default)]
    pub walked: bool,
}

/// Options of [`Session::export_json`].
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportJsonOptions {
    /// Indent the JSON (`speclint export --pretty`).
    #[serde(default)]
    pub pretty: bool,
    /// Read every document as this spec type.
    #[serde(default)]
    pub spec_type: Option<String>,
    /// Always print an array of `{ path, document }`, even of one document
    /// (`speclint export DIR`: a folder or a glob was given).
    #[serde(default)]
    pub list: bool,
}

/// A configured linter with the defaults of its options: custom spec types
/// are parsed once and rule levels resolved once, for many documents.
#[derive(Debug, Clone)]
pub struct Session {
    linter: Arc<Linter>,
    encoding: ColumnEncoding,
    spec_type: Option<String>,
    path: Option<String>,
}

impl Session {
    /// Builds a session; columns are counted in Unicode scalar values (as the
    /// CLI does) unless `options.column_encoding` says otherwise.
    pub fn new(options: Options) -> Result<Session, OptionsError> {
        Session::with_defaults(options, ColumnEncoding::Unicode, || {
            Arc::new(Linter::default())
        })
    }

    /// Builds a session with a binding's defaults: its column encoding, and
    /// the shared default linter (`default_linter` is called only when the
    /// options configure nothing else, see [`Options::uses_default_linter`]).
    pub fn with_defaults(
        options: Options,
        encoding: ColumnEncoding,
        default_linter: impl FnOnce() -> Arc<Linter>,
    ) -> Result<Session, OptionsError> {
        let linter = if options.uses_default_linter() {
            default_linter()
        } else {
            Arc::new(options.linter()?)
        };
        if let Some(t) = &options.spec_type {
            linter.registry().require(t)?;
        }
        Ok(Session {
            linter,
            encoding: options.column_encoding.unwrap_or(encoding),
            spec_type: options.spec_type,
            path: options.path,
        })
    }

    /// The core linter.
    pub fn linter(&self) -> &Linter {
        &self.linter
    }

    /// A session on a linter built elsewhere (a workspace's), with no
    /// explicit type or path.
    pub fn from_linter(linter: Arc<Linter>, encoding: ColumnEncoding) -> Session {
        Session {
            linter,
            encoding,
            spec_type: None,
            path: None,
        }
    }

    /// The session's explicit spec type, if any.
    pub fn spec_type(&self) -> Option<&str> {
        self.spec_type.as_deref()
    }

    /// The session's path, if any.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The explicit type of a call: its own, else the session's; checked to exist.
    pub fn explicit<'a>(
        &'a self,
        spec_type: Option<&'a str>,
    ) -> Result<Option<&'a str>, OptionsError> {
        let t = spec_type.or(self.spec_type.as_deref());
        if let Some(t) = t {
            self.linter.registry().require(t)?;
        }
        Ok(t)
    }

    fn locate(
        &self,
        text: &str,
        diags: &[crate::Diagnostic],
        path: Option<&str>,
    ) -> Vec<LocatedDiagnostic> {
        let index = LineIndex::new(text);
        diagnostic::locate(text, &index, diags, path, self.encoding)
    }

    /// Validates one document. Fails only on an unknown explicit spec type.
    pub fn validate(
        &self,
        input: Input<'_>,
        call: &CallOptions,
    ) -> Result<ValidateResult, OptionsError> {
        let spec_type = self.explicit(call.spec_type.as_deref())?;
        let path = call.path.as_deref().or(self.path.as_deref());
        let (text, report) = match input {
            Input::Text(text) => (text.into(), self.linter.check_at(path, text, spec_type)),
            Input::Bytes(bytes) => self.linter.check_bytes_at(path, bytes, spec_type),
        };
        Ok(ValidateResult {
            diagnostics: self.locate(&text, &report.diagnostics, path),
            spec_type: report.spec_type,
            type_source: report.type_source,
            declares_spec_type: report.declares_spec_type,
        })
    }

    /// Normalizes one document (see [`Linter::normalize`]); `options.spec_type`
    /// defaults to the session's. Fails only on an unknown explicit spec type.
    pub fn normalize(
        &self,
        text: &str,
        options: &NormalizeOptions,
    ) -> Result<NormalizeResult, OptionsError> {
        let mut options = options.clone();
        options.spec_type = self
            .explicit(options.spec_type.as_deref())?
            .map(str::to_string);
        let n = self.linter.normalize(text, &options);
        let diagnostics = self.locate(&n.text, &n.diagnostics, self.path.as_deref());
        Ok(NormalizeResult {
            changed: n.changed,
            fixes: n.fixes,
            diagnostics,
            text: n.text,
        })
    }

    /// Exports one document as data (see [`Linter::export`]), as `spec_type`
    /// (default: the session's, else the document's own).
    pub fn export(
        &self,
        text: &str,
        spec_type: Option<&str>,
    ) -> Result<SpecDocument, OptionsError> {
        let spec_type = self.explicit(spec_type)?;
        Ok(self.linter.export(text, spec_type))
    }

    /// What `speclint export` prints for these documents, byte for byte
    /// (see [`report::export_json`]).
    pub fn export_json(
        &self,
        files: &[ExportFile],
        options: &ExportJsonOptions,
    ) -> Result<String, OptionsError> {
        let spec_type = self.explicit(options.spec_type.as_deref())?;
        let docs: Vec<report::ExportEntry> = files
            .iter()
            .map(|f| report::ExportEntry {
                path: f.path.clone(),
                document: self.linter.export(&f.text, spec_type),
            })
            .zip(files)
            .filter(|(e, f)| !f.walked || spec_type.is_some() || e.document.declares_spec_type())
            .map(|(e, _)| e)
            .collect();
        Ok(report::export_json(&docs, options.pretty, options.list))
    }

    /// The spec types this session knows (built-in and custom).
    pub fn spec_types(&self) -> &[SpecType] {
        self.linter.registry().types()
    }

    /// One spec type's definition; fails on an unknown id.
    pub fn spec_type_definition(&self, id: &str) -> Result<&SpecType, OptionsError> {
        self.linter.registry().require(id)
    }

    /// The JSON Schema of a spec type's front matter; fails on an unknown id.
    pub fn front_matter_schema(&self, spec_type: &str) -> Result<Value, OptionsError> {
        let t = self.linter.registry().require(spec_type)?;
        Ok(crate::spec_type::front_matter_schema(t))
    }

    /// Cross-document diagnostics (`XD`), one list per document.
    pub fn cross_check(
        &self,
        docs: &[CrossDoc],
        options: &CrossOptions,
    ) -> Vec<Vec<LocatedDiagnostic>> {
        let corpus: Vec<CorpusDoc<'_>> = docs
            .iter()
            .map(|d| CorpusDoc {
                path: &d.path,
                text: &d.text,
            })
            .collect();
        let shown: Vec<&str> = docs
            .iter()
            .map(|d| d.display_path.as_deref().unwrap_or(&d.path))
            .collect();
        let opts = CorpusOptions {
            initiatives: options.initiatives.clone().map(|v| v.into_iter().collect()),
            specs: options.specs.clone().map(|v| v.into_iter().collect()),
        };
        let diags = self.linter.cross_check(&corpus, &opts);
        corpus::locate(&corpus, &shown, &diags, self.encoding)
    }
}

/// Derives a spec type from a template document (see [`crate::derive::derive_spec_type`]).
pub fn derive(template: &str) -> Result<SpecType, DeriveError> {
    crate::derive::derive_spec_type(template)
}

/// A spec type as YAML, as `speclint init --from-template` writes it (without its comment header).
pub fn spec_type_yaml(t: &SpecType) -> Result<String, OptionsError> {
    crate::yaml::to_string(t).map_err(|e| OptionsError::Invalid(format!("cannot write YAML: {e}")))
}

/// Parses a config file's text (`speclint.yaml`).
/// Parses a config file's text and checks its rule names, levels and
/// override globs (an unknown rule is an error naming the closest one).
pub fn parse_config(text: &str) -> Result<Config, OptionsError> {
    let c = Config::from_yaml(text)?;
    c.levels()?;
    c.compiled_overrides()?;
    Ok(c)
}

/// Every rule and built-in diagnostic.
pub fn rules() -> Vec<&'static RuleMeta> {
    crate::rules::all()
}

/// A report format by name: `pretty` (or `text`), `json`, `sarif`, `github`.
pub fn format(name: &str) -> Result<Format, OptionsError> {
    Format::parse(name).ok_or_else(|| {
        OptionsError::Invalid(format!(
            "unknown format `{name}`; use `pretty`, `json`, `sarif` or `github`"
        ))
    })
}

/// What `speclint check` prints for these files in `format`, byte for byte.
pub fn render_diagnostics(format: Format, files: &[RenderFile], options: &RenderOpts) -> String {
    crate::workspace::render_files(files, format, options.color, options.quiet, options.skipped)
}

/// What `speclint fmt --check`/`--diff` prints for one changed document
/// (see [`report::unified_diff`]).
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    report::unified_diff(path, old, new)
}

/// The API as JSON requests and responses, with sessions kept by handle.
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
/// | `derive` | `text` (the template), `yaml?` | the spec type (as YAML text with `yaml: true`) |
/// | `open` | `options?` | a session handle (a number) |
/// | `close` | `session` | `null` |
/// | `validate` | `text`, `specType?`, `path?` | [`ValidateResult`] |
/// | `normalize` | `text`, `unsafeFixes?`, `reorderSections?`, `insertMissingSections?`, `specType?` | [`NormalizeResult`] |
/// | `export` | `text`, `specType?` | [`SpecDocument`] |
/// | `specTypes` | | the spec types |
/// | `specType` | `id` | one spec type |
/// | `schema` | `specType` | the front matter's JSON Schema |
/// | `crossCheck` | `documents`, `initiatives?`, `specs?` | a list of diagnostics per document |
/// | `render` | `format`, `files`, `color?`, `quiet?`, `skipped?` | the rendered text |
/// | `matchGlob` | `pattern`, `path` | whether the core's glob matches (an invalid glob is an error) |
/// | `workspaceOpen` | `config?` (text), `configPath?`, `types?` (`[{path, text}]`), `specType?` | a workspace handle |
/// | `workspaceClose` | `workspace` | `null` |
/// | `workspaceEnter` | `workspace`, `dir`, `ignoreTexts` | a mark for `workspaceLeave` |
/// | `workspaceLeave` | `workspace`, `mark` | `null` |
/// | `workspaceVisit` | `workspace`, `dir`, `entries` (`[[name, kind]]`) | `"enter"`, `"file"` or `"skip"` per entry |
/// | `workspaceSelect` | `workspace`, `rel`, `named` | `{named, included}` or `null` |
/// | `workspaceReferences` | `workspace` | `{initiatives, specs}`: the config's reference globs |
/// | `workspaceReferenceMatches` | `workspace`, `rel` | `[initiative, spec]` |
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlobRequest {
    pattern: String,
    path: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct WorkspaceRequest {
    #[serde(default)]
    dir: Option<String>,
    #[serde(default)]
    ignore_texts: Vec<String>,
    #[serde(default)]
    mark: Option<usize>,
    #[serde(default)]
    entries: Vec<(String, String)>,
    #[serde(default)]
    rel: Option<String>,
    #[serde(default)]
    named: bool,
    #[serde(default)]
    included: bool,
    #[serde(default)]
    shown: Option<String>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    initiatives: Option<Vec<String>>,
    #[serde(default)]
    specs: Option<Vec<String>>,
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    color: bool,
    #[serde(default)]
    quiet: bool,
    #[serde(default)]
    templates: Vec<crate::workspace::TemplateSource>,
    #[serde(default)]
    json: bool,
    #[serde(default)]
    check: bool,
}

fn required<'a>(what: &str, v: &'a Option<String>) -> Result<&'a str, String> {
    v.as_deref().ok_or_else(|| format!("`{what}` is required"))
}

#[derive(Serialize)]
struct OkResponse<T> {
    ok: T,
}

#[derive(Serialize)]
struct ErrorResponse<'a> {
    error: &'a str,
}

/// Fields of `validate`, `normalize` and `export` besides the session and options.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DocRequest {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    spec_type: Option<String>,
    #[serde(default)]
    path: Option<String>,
}

/// Fields of `normalize`: the document and [`NormalizeOptions`].
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct NormalizeRequest {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    unsafe_fixes: bool,
    #[serde(default)]
    reorder_sections: bool,
    #[serde(default)]
    insert_missing_sections: bool,
    #[serde(default)]
    spec_type: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConfigRequest {
    #[serde(default)]
    text: Option<String>,
    /// The config file's path: errors read `config path:line:col: message`.
    #[serde(default)]
    path: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct TextRequest {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    yaml: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SchemaRequest {
    spec_type: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IdRequest {
    id: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CrossRequest {
    documents: Vec<CrossDoc>,
    #[serde(default)]
    initiatives: Option<Vec<String>>,
    #[serde(default)]
    specs: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RenderRequest {
    format: String,
    files: Vec<RenderFile>,
    #[serde(default)]
    color: bool,
    #[serde(default)]
    quiet: bool,
    #[serde(default)]
    skipped: usize,
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
        let op = match req.remove("op") {
            Some(Value::String(op)) => op,
            Some(_) => return Err("`op` must be a string".into()),
            None => return Err("the request has no `op`".into()),
        };
        let session = req.remove("session");
        let options = req.remove("options");
        let rest = Value::Object(req);
        let no_session = |what: &str| -> Result<(), String> {
            if session.is_some() || options.is_some() {
                Err(format!("`{what}` takes no `session` or `options`"))
            } else {
                Ok(())
            }
        };
        match op.as_str() {
            "version" => {
                no_session(&op)?;
                fields::<Empty>(&op, rest)?;
                to_value(crate::VERSION)
            }
            "rules" => {
                no_session(&op)?;
                fields::<Empty>(&op, rest)?;
                to_value(&rules())
            }
            "parseConfig" => {
                no_session(&op)?;
                let r: ConfigRequest = fields(&op, rest)?;
                let text = document_text(r.text.as_deref(), document)?;
                to_value(&parse_config(&text).map_err(|e| match &r.path {
                    Some(p) => format!("config {}", e.in_file(p)),
                    None => e.to_string(),
                })?)
            }
            "derive" => {
                no_session(&op)?;
                let r: TextRequest = fields(&op, rest)?;
                let text = document_text(r.text.as_deref(), document)?;
                let t = derive(&text).map_err(|e| e.0)?;
                if r.yaml {
                    to_value(&spec_type_yaml(&t).map_err(String::from)?)
                } else {
                    to_value(&t)
                }
            }
            "open" => {
                if session.is_some() {
                    return Err("`open` takes `options`, not `session`".into());
                }
                fields::<Empty>(&op, rest)?;
                let s = self.build(options)?;
                let handle = match self.sessions.iter().position(Option::is_none) {
                    Some(i) => {
                        self.sessions[i] = Some(s);
                        i
                    }
                    None => {
                        self.sessions.push(Some(s));
                        self.sessions.len() - 1
                    }
                };
                to_value(&(handle + 1))
            }
            "close" => {
                if options.is_some() {
                    return Err("`close` takes `session`, not `options`".into());
                }
                fields::<Empty>(&op, rest)?;
                let i = handle(session.as_ref())?;
                match self.sessions.get_mut(i) {
                    Some(slot @ Some(_)) => *slot = None,
                    _ => return Err(format!("no open session {}", i + 1)),
                }
                Ok(Value::Null)
            }
            "validate" | "normalize" | "export" | "specTypes" | "specType" | "schema"
            | "crossCheck" => {
                let s = self.session(session, options)?;
                session_op(&op, &s, rest, document)
            }
            "render" => {
                no_session(&op)?;
                let r: RenderRequest = fields(&op, rest)?;
                let o = RenderOpts {
                    color: r.color,
                    quiet: r.quiet,
                    skipped: r.skipped,
                };
                let f = format(&r.format).map_err(String::from)?;
                to_value(&render_diagnostics(f, &r.files, &o))
            }
            "matchGlob" => {
                no_session(&op)?;
                let r: GlobRequest = fields(&op, rest)?;
                let g = crate::glob::Glob::new(crate::workspace::clean_glob(&r.pattern))
                    .map_err(|e| format!("invalid glob `{}`: {}", r.pattern, e.message))?;
                to_value(&g.matches(&r.path))
            }
            "workspaceOpen" => {
                no_session(&op)?;
                let r: WorkspaceOpen = fields(&op, rest)?;
                let ws = r.open()?;
                let slot = WorkspaceSlot {
                    ws,
                    walk: crate::workspace::Walk::default(),
                    run: Some(crate::workspace::Run::default()),
                };
                let handle = match self.workspaces.iter().position(Option::is_none) {
                    Some(i) => {
                        self.workspaces[i] = Some(slot);
                        i
                    }
                    None => {
                        self.workspaces.push(Some(slot));
                        self.workspaces.len() - 1
                    }
                };
                to_value(&(handle + 1))
            }
            op if op.starts_with("workspace") => {
                no_session(op)?;
                let mut rest = rest;
                let h = match &mut rest {
                    Value::Object(m) => m.remove("workspace"),
                    _ => None,
                };
                let i = handle(h.as_ref()).map_err(|e| e.replace("session", "workspace"))?;
                let Some(Some(slot)) = self.workspaces.get_mut(i) else {
                    return Err(format!("no open workspace {}", i + 1));
                };
                if op == "workspaceClose" {
                    fields::<Empty>(op, rest)?;
                    self.workspaces[i] = None;
                    return Ok(Value::Null);
                }
                let r: WorkspaceRequest = fields(op, rest)?;
                workspace_op(op, slot, r, document)
            }
            other => Err(format!(
                "unknown op `{other}`; known: `version`, `rules`, `parseConfig`, `derive`, `open`, `close`, `validate`, `normalize`, `export`, `specTypes`, `specType`, `schema`, `crossCheck`, `render`, `matchGlob`, `workspaceOpen`, `workspaceClose`, `workspaceEnter`, `workspaceLeave`, `workspaceVisit`, `workspaceSelect`, `workspaceReferences`, `workspaceReferenceMatches`, `workspaceTemplateGlobs`, `workspaceTemplateMatches`, `workspaceAddTemplates`, `workspaceTemplates`, `workspaceAdd`, `workspaceUnreadable`, `workspaceFinish`"
            )),
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
    op: &str,
    slot: &mut WorkspaceSlot,
    r: WorkspaceRequest,
    document: Option<&[u8]>,
) -> Result<Value, String> {
    use crate::workspace::{Mark, Selected};
    let finished = || "this workspace's run is finished".to_string();
    match op {
        "workspaceEnter" => {
            let texts: Vec<&str> = r.ignore_texts.iter().map(String::as_str).collect();
            to_value(&slot.walk.enter(required("dir", &r.dir)?, &texts).0)
        }
        "workspaceLeave" => {
            slot.walk.leave(Mark(r.mark.ok_or("`mark` is required")?));
            Ok(Value::Null)
        }
        "workspaceVisit" => {
            let dir = required("dir", &r.dir)?;
            let mut out = Vec::with_capacity(r.entries.len());
            for (name, kind) in &r.entries {
                out.push(visit_name(slot.walk.visit(dir, name, entry_kind(kind)?)));
            }
            to_value(&out)
        }
        "workspaceSelect" => {
            let s = slot.ws.select(required("rel", &r.rel)?, r.named);
            to_value(&s.map(|s| serde_json::json!({"named": s.named, "included": s.included})))
        }
        "workspaceReferences" => {
            let (i, s) = slot.ws.reference_globs();
            to_value(&serde_json::json!({"initiatives": i, "specs": s}))
        }
        "workspaceTemplateGlobs" => to_value(&slot.ws.template_globs()),
        "workspaceTemplateMatches" => to_value(&slot.ws.template_matches(required("rel", &r.rel)?)),
        "workspaceAddTemplates" => {
            slot.ws.add_templates(&r.templates)?;
            Ok(Value::Null)
        }
        "workspaceTemplates" => {
            let (output, code) =
                crate::family::render(slot.ws.linter().templates(), r.json, r.check);
            to_value(&serde_json::json!({"output": output, "exitCode": code}))
        }
        "workspaceReferenceMatches" => {
            let (i, s) = slot.ws.reference_matches(required("rel", &r.rel)?);
            to_value(&[i, s])
        }
        "workspaceAdd" => {
            let bytes = document.ok_or(NO_DOCUMENT)?;
            let run = slot.run.as_mut().ok_or_else(finished)?;
            let how = Selected {
                named: r.named,
                included: r.included,
            };
            let v = slot.ws.validate(
                required("shown", &r.shown)?,
                required("rel", &r.rel)?,
                bytes,
                how,
            );
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
        "workspaceUnreadable" => {
            let run = slot.run.as_mut().ok_or_else(finished)?;
            run.unreadable(
                &slot.ws,
                required("shown", &r.shown)?,
                r.rel.as_deref(),
                required("message", &r.message)?,
            );
            Ok(Value::Null)
        }
        "workspaceFinish" => {
            let f = format(r.format.as_deref().unwrap_or("pretty")).map_err(String::from)?;
            let run = slot.run.take().ok_or_else(finished)?;
            let out = run.finish(&slot.ws, r.initiatives.as_deref(), r.specs.as_deref());
            to_value(&FinishResult::of(&out, f, r.color, r.quiet))
        }
        other => Err(format!("unknown op `{other}`")),
    }
}

/// A request without fields of its own.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Empty {}

fn session_op(
    op: &str,
    s: &Session,
    rest: Value,
    document: Option<&[u8]>,
) -> Result<Value, String> {
    match op {
        "validate" => {
            let r: DocRequest = fields(op, rest)?;
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
        "normalize" => {
            let r: NormalizeRequest = fields(op, rest)?;
            let text = document_text(r.text.as_deref(), document)?;
            let o = NormalizeOptions {
                unsafe_fixes: r.unsafe_fixes,
                reorder_sections: r.reorder_sections,
                insert_missing_sections: r.insert_missing_sections,
                spec_type: r.spec_type,
            };
            to_value(&s.normalize(&text, &o).map_err(String::from)?)
        }
        "export" => {
            let r: DocRequest = fields(op, rest)?;
            if r.path.is_some() {
                return Err("`export` takes no `path`".into());
            }
            let text = document_text(r.text.as_deref(), document)?;
            to_value(
                &s.export(&text, r.spec_type.as_deref())
                    .map_err(String::from)?,
            )
        }
        "specTypes" => {
            fields::<Empty>(op, rest)?;
            to_value(s.spec_types())
        }
        "specType" => {
            let r: IdRequest = fields(op, rest)?;
            to_value(s.spec_type_definition(&r.id).map_err(String::from)?)
        }
        "schema" => {
            let r: SchemaRequest = fields(op, rest)?;
            s.front_matter_schema(&r.spec_type).map_err(String::from)
        }
        "crossCheck" => {
            let r: CrossRequest = fields(op, rest)?;
            let o = CrossOptions {
                initiatives: r.initiatives,
                specs: r.specs,
            };
            to_value(&s.cross_check(&r.documents, &o))
        }
        _ => Err(format!("unknown op `{op}`")),
    }
}

const NO_DOCUMENT: &str = "no document: give `text` or pass the document's bytes";

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

fn fields<T: DeserializeOwned>(op: &str, rest: Value) -> Result<T, String> {
    from_value(op, rest)
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

#[cfg(test)]
mod tests {
    use super::*;

    const DEFECTS: &str = include_str!("../examples/invalid/orders-db-defects.md");
    const VALID: &str = include_str!("../examples/valid/orders-db.md");
    const ADR_TYPE: &str = include_str!("../examples/types/adr.yaml");
    const ADR: &str = include_str!("../examples/adr/0001-use-postgres.md");
    const TEMPLATE: &str = include_str!("../examples/template.md");

    fn json(s: &str) -> Value {
        serde_json::from_str(s).unwrap()
    }

    fn ok(d: &mut Dispatcher, req: Value) -> Value {
        let out = json(&d.call_str(&req.to_string()));
        assert!(out.get("error").is_none(), "{req} -> {out}");
        out["ok"].clone()
    }

    fn err(d: &mut Dispatcher, req: &str) -> String {
        let out = json(&d.call_str(req));
        out["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{req} -> {out}"))
            .to_string()
    }

    #[test]
    fn workspace_ops_run_the_policy_of_check() {
        let mut d = Dispatcher::new();
        let config = "exclude: ['drafts/**']\nrules:\n  XD001: warning\n";
        let h = ok(
            &mut d,
            serde_json::json!({"op": "workspaceOpen", "config": config, "configPath": "speclint.yaml"}),
        );
        let w = |extra: Value| {
            let mut v = extra;
            v["workspace"] = h.clone();
            v
        };
        let sel = ok(
            &mut d,
            w(serde_json::json!({"op": "workspaceSelect", "rel": "drafts/a.md"})),
        );
        assert_eq!(sel, Value::Null);
        let sel = ok(
            &mut d,
            w(serde_json::json!({"op": "workspaceSelect", "rel": "specs/a.md"})),
        );
        assert_eq!(sel, serde_json::json!({"named": false, "included": false}));
        let m = ok(
            &mut d,
            w(serde_json::json!({"op": "workspaceEnter", "dir": "/r", "ignoreTexts": ["old/\n"]})),
        );
        let v = ok(
            &mut d,
            w(
                serde_json::json!({"op": "workspaceVisit", "dir": "/r", "entries": [["old", "dir"], ["a.md", "file"], [".x", "dir"], ["b.txt", "file"]]}),
            ),
        );
        assert_eq!(v, serde_json::json!(["skip", "file", "skip", "skip"]));
        ok(
            &mut d,
            w(serde_json::json!({"op": "workspaceLeave", "mark": m})),
        );
        for path in ["a.md", "b.md"] {
            let req = w(serde_json::json!({"op": "workspaceAdd", "shown": path, "rel": path}));
            let out: Value =
                serde_json::from_slice(&d.call(req.to_string().as_bytes(), Some(VALID.as_bytes())))
                    .unwrap();
            assert_eq!(out["ok"]["document"], Value::Bool(true), "{out}");
        }
        let r = ok(
            &mut d,
            w(serde_json::json!({"op": "workspaceFinish", "format": "json"})),
        );
        assert_eq!(r["exitCode"], 0);
        let xd001 = &r["files"][1]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["code"] == "XD001")
            .cloned()
            .unwrap();
        assert_eq!(xd001["severity"], "warning");
        assert!(r["output"].as_str().unwrap().contains("XD001"));
        let again = err(
            &mut d,
            &w(serde_json::json!({"op": "workspaceFinish"})).to_string(),
        );
        assert!(again.contains("finished"), "{again}");
        assert!(
            err(&mut d, r#"{"op":"matchGlob","pattern":"{a","path":"a"}"#).contains("unclosed")
        );
        assert_eq!(
            ok(
                &mut d,
                json(r#"{"op":"matchGlob","pattern":"docs/*.md","path":"docs/a.md"}"#)
            ),
            Value::Bool(true)
        );
        ok(&mut d, w(serde_json::json!({"op": "workspaceClose"})));
        assert!(
            err(
                &mut d,
                &w(serde_json::json!({"op": "workspaceSelect", "rel": "a.md"})).to_string()
            )
            .contains("no open workspace")
        );
    }

    #[test]
    fn session_validates_like_the_core() {
        let s = Session::new(Options::default()).unwrap();
        let r = s
            .validate(Input::Text(DEFECTS), &CallOptions::default())
            .unwrap();
        let core = Linter::default().check(DEFECTS);
        assert_eq!(r.diagnostics.len(), core.diagnostics.len());
        assert!(
            r.diagnostics
                .iter()
                .any(|d| d.code == "FM008" && d.line == 5 && d.column == 9)
        );
        assert_eq!(r.spec_type.as_deref(), Some("database-schema"));
        assert_eq!(r.type_source, Some(TypeSource::FrontMatter));
        assert!(r.declares_spec_type);
        assert!(r.diagnostics.iter().all(|d| d.path.is_none()));
    }

    #[test]
    fn options_are_checked() {
        let e = Session::new(Options {
            spec_type: Some("nope".into()),
            ..Options::default()
        })
        .unwrap_err();
        assert!(e.message().starts_with("unknown spec type `nope`"), "{e}");
        let e = Session::new(Options {
            rules: [("empty-sections".to_string(), Level::Off)].into(),
            ..Options::default()
        })
        .unwrap_err();
        assert!(e.message().contains("did you mean `empty-section`"), "{e}");
        let e = serde_json::from_value::<Options>(json(r#"{"rulez": {}}"#)).unwrap_err();
        assert!(e.to_string().contains("unknown field `rulez`"), "{e}");
    }

    #[test]
    fn custom_types_rules_and_encodings() {
        let o: Options = serde_json::from_value(json(&format!(
            r#"{{"types": [{{"path": "adr.yaml", "text": {}}}], "rules": {{"FM008": "off"}}, "columnEncoding": "utf16", "path": "a.md"}}"#,
            serde_json::to_string(ADR_TYPE).unwrap()
        )))
        .unwrap();
        assert!(!o.uses_default_linter());
        let s = Session::new(o).unwrap();
        assert!(s.spec_types().iter().any(|t| t.id == "adr"));
        let r = s
            .validate(Input::Text(ADR), &CallOptions::default())
            .unwrap();
        assert_eq!(r.spec_type.as_deref(), Some("adr"));
        let r = s
            .validate(Input::Text(DEFECTS), &CallOptions::default())
            .unwrap();
        assert!(r.diagnostics.iter().all(|d| d.code != "FM008"));
        assert!(
            r.diagnostics
                .iter()
                .all(|d| d.path.as_deref() == Some("a.md"))
        );
        // UTF-16 columns count an astral character twice.
        let text = "---\nspec_type: database-schema\nstatus: \u{1F600}x\n---\n";
        let utf16 = s
            .validate(Input::Text(text), &CallOptions::default())
            .unwrap();
        let unicode = Session::new(Options::default())
            .unwrap()
            .validate(Input::Text(text), &CallOptions::default())
            .unwrap();
        let col = |r: &ValidateResult| {
            r.diagnostics
                .iter()
                .find(|d| d.code == "FM008")
                .map(|d| d.end_column)
        };
        assert_eq!(col(&unicode), Some(11));
        assert_eq!(col(&utf16), None, "FM008 is off");
        let s16 = Session::new(Options {
            column_encoding: Some(ColumnEncoding::Utf16),
            ..Options::default()
        })
        .unwrap();
        let r = s16
            .validate(Input::Text(text), &CallOptions::default())
            .unwrap();
        assert_eq!(col(&r), Some(12));
    }

    #[test]
    fn bytes_report_invalid_utf8() {
        let s = Session::new(Options::default()).unwrap();
        let mut bytes = VALID.as_bytes().to_vec();
        bytes.extend_from_slice(b"\n\xff\n");
        let r = s
            .validate(Input::Bytes(&bytes), &CallOptions::default())
            .unwrap();
        assert!(r.diagnostics.iter().any(|d| d.code == "IO001"));
    }

    #[test]
    fn normalize_export_derive() {
        let s = Session::new(Options::default()).unwrap();
        let messy = VALID.replace("status: approved", "status: Approved");
        let n = s.normalize(&messy, &NormalizeOptions::default()).unwrap();
        assert!(n.changed);
        assert_eq!(
            n.text,
            Linter::default()
                .normalize(&messy, &NormalizeOptions::default())
                .text
        );
        assert!(n.fixes.iter().any(|f| f.code == "FM008"), "{:?}", n.fixes);
        let again = s.normalize(&n.text, &NormalizeOptions::default()).unwrap();
        assert!(!again.changed);
        let e = s
            .normalize(
                VALID,
                &NormalizeOptions {
                    spec_type: Some("nope".into()),
                    ..NormalizeOptions::default()
                },
            )
            .unwrap_err();
        assert!(e.message().starts_with("unknown spec type"));

        // A walked file is exported only when it is a spec document; `list`
        // always gives an array.
        let walked = [
            ExportFile {
                path: "v.md".into(),
                text: VALID.into(),
                walked: true,
            },
            ExportFile {
                path: "n.md".into(),
                text: "# Notes\n".into(),
                walked: true,
            },
        ];
        let listed = s
            .export_json(
                &walked,
                &ExportJsonOptions {
                    list: true,
                    ..Default::default()
                },
            )
            .unwrap();
        let v: Value = serde_json::from_str(&listed).unwrap();
        assert_eq!(v.as_array().map(Vec::len), Some(1), "{listed}");
        assert_eq!(v[0]["path"], "v.md");

        let files = [ExportFile {
            path: "v.md".into(),
            text: VALID.into(),
            walked: false,
        }];
        let one = s
            .export_json(&files, &ExportJsonOptions::default())
            .unwrap();
        let doc: Value = serde_json::from_str(&one).unwrap();
        assert_eq!(
            doc,
            serde_json::to_value(s.export(VALID, None).unwrap()).unwrap()
        );
        assert!(
            s.export_json(
                &files,
                &ExportJsonOptions {
                    spec_type: Some("nope".into()),
                    ..Default::default()
                }
            )
            .is_err()
        );
        assert!(unified_diff("v.md", "a\n", "b\n").starts_with("--- a/v.md\n+++ b/v.md\n"));
        let doc = s.export(VALID, None).unwrap();
        assert_eq!(doc, Linter::default().export(VALID, None));
        assert_eq!(doc.spec_type.as_deref(), Some("database-schema"));

        let t = derive(TEMPLATE).unwrap();
        assert_eq!(t, crate::derive::derive_spec_type(TEMPLATE).unwrap());
        assert!(spec_type_yaml(&t).unwrap().contains("sections:"));
        assert!(derive("---\na: [\n").is_err());
    }

    #[test]
    fn schema_types_config_rules_render() {
        let s = Session::new(Options::default()).unwrap();
        let schema = s.front_matter_schema("database-schema").unwrap();
        assert_eq!(schema["type"], "object");
        assert!(s.front_matter_schema("nope").is_err());
        assert_eq!(
            s.spec_type_definition("database-schema").unwrap().id,
            "database-schema"
        );
        let c = parse_config("rules:\n  FM006: off\ntypes: [a.yaml]\n").unwrap();
        assert_eq!(c.types, vec!["a.yaml".to_string()]);
        assert!(parse_config("rulez: 1\n").is_err());
        assert!(rules().iter().any(|r| r.code == "FM008"));
        let r = s
            .validate(Input::Text(DEFECTS), &CallOptions::default())
            .unwrap();
        let files = [RenderFile {
            path: "x.md".into(),
            text: DEFECTS.into(),
            diagnostics: r.diagnostics,
        }];
        let out = render_diagnostics(format("json").unwrap(), &files, &RenderOpts::default());
        assert!(out.contains("\"FM008\""));
        assert!(
            format("xml")
                .unwrap_err()
                .message()
                .starts_with("unknown format `xml`")
        );
    }

    #[test]
    fn dispatcher_answers_every_op() {
        let mut d = Dispatcher::new();
        assert_eq!(ok(&mut d, json(r#"{"op":"version"}"#)), crate::VERSION);
        assert!(
            ok(&mut d, json(r#"{"op":"rules"}"#))
                .as_array()
                .unwrap()
                .len()
                > 30
        );
        let r = ok(
            &mut d,
            serde_json::json!({"op": "validate", "text": DEFECTS, "path": "d.md"}),
        );
        let direct = Session::new(Options::default())
            .unwrap()
            .validate(
                Input::Text(DEFECTS),
                &CallOptions {
                    path: Some("d.md".into()),
                    ..CallOptions::default()
                },
            )
            .unwrap();
        assert_eq!(r, serde_json::to_value(&direct).unwrap());

        // Sessions: open with options, use, close.
        let h = ok(
            &mut d,
            serde_json::json!({"op": "open", "options": {"types": [ADR_TYPE], "rules": {"FM008": "off"}}}),
        );
        assert_eq!(h, 1);
        assert_eq!(d.open_sessions(), 1);
        let r = ok(
            &mut d,
            serde_json::json!({"op": "validate", "session": h, "text": ADR}),
        );
        assert_eq!(r["specType"], "adr");
        let r = ok(
            &mut d,
            serde_json::json!({"op": "validate", "session": h, "text": DEFECTS}),
        );
        assert!(
            r["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["code"] != "FM008")
        );
        let types = ok(&mut d, serde_json::json!({"op": "specTypes", "session": h}));
        assert_eq!(types.as_array().unwrap().len(), 2);
        assert_eq!(
            ok(
                &mut d,
                serde_json::json!({"op": "specType", "session": h, "id": "adr"})
            )["id"],
            "adr"
        );
        assert_eq!(
            ok(
                &mut d,
                serde_json::json!({"op": "schema", "specType": "adr", "session": h})
            )["type"],
            "object"
        );
        assert_eq!(
            ok(&mut d, serde_json::json!({"op": "close", "session": h})),
            Value::Null
        );
        assert_eq!(d.open_sessions(), 0);
        assert_eq!(
            err(&mut d, r#"{"op":"validate","session":1,"text":""}"#),
            "no open session 1"
        );
        assert_eq!(
            err(&mut d, r#"{"op":"close","session":1}"#),
            "no open session 1"
        );

        // Documents as bytes beside the request.
        let out = json(
            std::str::from_utf8(&d.call(br#"{"op":"validate"}"#, Some(b"---\nspec_type: x\n\xff")))
                .unwrap(),
        );
        assert!(
            out["ok"]["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["code"] == "IO001"),
            "{out}"
        );
        let out = json(std::str::from_utf8(&d.call(br#"{"op":"export"}"#, Some(b"\xff"))).unwrap());
        assert_eq!(
            out["error"],
            "the document is not valid UTF-8: invalid byte at offset 0"
        );

        let n = ok(
            &mut d,
            serde_json::json!({"op": "normalize", "text": "---\nspec_type: database-schema\nstatus: Draft\n---\n", "unsafeFixes": false}),
        );
        assert_eq!(n["changed"], true);
        assert!(n["text"].as_str().unwrap().contains("status: draft"));
        let x = ok(&mut d, serde_json::json!({"op": "export", "text": VALID}));
        assert_eq!(x["specType"], "database-schema");
        let t = ok(
            &mut d,
            serde_json::json!({"op": "derive", "text": TEMPLATE}),
        );
        assert_eq!(t, serde_json::to_value(derive(TEMPLATE).unwrap()).unwrap());
        let y = ok(
            &mut d,
            serde_json::json!({"op": "derive", "text": TEMPLATE, "yaml": true}),
        );
        assert!(y.as_str().unwrap().contains("sections:"));
        let c = ok(
            &mut d,
            serde_json::json!({"op": "parseConfig", "text": "rules:\n  FM006: error\n"}),
        );
        assert_eq!(c["rules"]["FM006"], "error");
        let x = ok(
            &mut d,
            serde_json::json!({"op": "crossCheck", "documents": [{"path": "a.md", "text": VALID}, {"path": "b.md", "text": VALID}]}),
        );
        assert!(
            x[1].as_array()
                .unwrap()
                .iter()
                .any(|d| d["code"] == "XD001"),
            "{x}"
        );
        let out = ok(
            &mut d,
            serde_json::json!({"op": "render", "format": "github", "files": [{"path": "d.md", "text": DEFECTS, "diagnostics": r["diagnostics"]}]}),
        );
        assert!(out.as_str().unwrap().starts_with("::"), "{out}");
    }

    #[test]
    fn dispatcher_errors_are_messages() {
        let mut d = Dispatcher::new();
        assert!(err(&mut d, "nope").starts_with("the request is not valid JSON"));
        assert_eq!(err(&mut d, "[]"), "the request must be a JSON object");
        assert_eq!(err(&mut d, "{}"), "the request has no `op`");
        assert!(err(&mut d, r#"{"op":"lint"}"#).starts_with("unknown op `lint`"));
        assert!(
            err(&mut d, r#"{"op":"validate","text":"","colour":1}"#)
                .contains("unknown option `colour`; expected one of `text`, `specType`, `path`")
        );
        assert!(
            err(&mut d, r#"{"op":"validate","options":{"rulez":{}}}"#)
                .starts_with("options: unknown option `rulez`")
        );
        assert_eq!(err(&mut d, r#"{"op":"validate"}"#), NO_DOCUMENT);
        assert!(
            err(&mut d, r#"{"op":"validate","text":"","specType":"nope"}"#)
                .starts_with("unknown spec type `nope`")
        );
        assert!(err(&mut d, r#"{"op":"version","session":1}"#).contains("takes no `session`"));
        assert!(
            err(&mut d, r#"{"op":"validate","session":0,"text":""}"#)
                .contains("handle returned by `open`")
        );
        assert!(err(&mut d, r#"{"op":"derive","text":"---\na: [\n"}"#).contains("front matter"));
        assert!(
            err(&mut d, r#"{"op":"schema","specType":"nope"}"#).starts_with("unknown spec type")
        );
        assert!(err(&mut d, r#"{"op":"parseConfig","text":"rulez: 1"}"#).contains("rulez"));
        assert!(
            err(&mut d, r#"{"op":"render","format":"xml","files":[]}"#)
                .starts_with("unknown format")
        );
        // Handles are reused after close.
        let mut d = Dispatcher::new();
        assert_eq!(ok(&mut d, json(r#"{"op":"open"}"#)), 1);
        assert_eq!(ok(&mut d, json(r#"{"op":"open"}"#)), 2);
        ok(&mut d, json(r#"{"op":"close","session":1}"#));
        assert_eq!(ok(&mut d, json(r#"{"op":"open"}"#)), 1);
    }
}
