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

mod dispatch;
mod request;
pub use dispatch::*;
pub use request::OPS;

#[cfg(test)]
mod tests;
