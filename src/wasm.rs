//! The JavaScript binding: the npm package `speclint` (see `pkg/`) is this
//! module compiled to WebAssembly with wasm-bindgen.
//!
//! A thin layer and nothing more: it turns JS values into core calls and core
//! results into plain JS objects (through serde, JSON-compatible), and core
//! errors into thrown JS `Error`s. Every check, message and output format comes
//! from the core, so the package and the native CLI cannot disagree. Built only
//! for `wasm32` with the `bindgen` feature; the only module that uses
//! wasm-bindgen. The TypeScript types of everything here are written in
//! `pkg/index.d.cts` and checked against real outputs by `pkg/test/types.test.js`.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::config::{Config, Level};
use crate::corpus::{self, CorpusDoc, CorpusOptions};
use crate::diagnostic::{self, LocatedDiagnostic};
use crate::report::{self, FileReport, Format, RenderOptions};
use crate::{ColumnEncoding, LineIndex, TypeSource};

type JsResult<T> = Result<T, JsError>;

/// `options` of `validate`, `specTypes`, `frontMatterSchema` and `new Linter`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Options {
    #[serde(default)]
    spec_type: Option<String>,
    #[serde(default)]
    default_type: Option<String>,
    #[serde(default)]
    types: Vec<TypeInput>,
    #[serde(default)]
    rules: BTreeMap<String, Level>,
    #[serde(default)]
    column_encoding: Option<ColumnEncoding>,
    #[serde(default)]
    path: Option<String>,
}

/// A custom spec type: YAML (or JSON) text, a file's text with its path (for
/// messages), or a definition object.
#[derive(Deserialize)]
#[serde(untagged)]
enum TypeInput {
    Text(String),
    File(TypeFile),
    Object(serde_json::Value),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypeFile {
    path: String,
    text: String,
}

/// `options` of `Linter.validate`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CallOptions {
    #[serde(default)]
    spec_type: Option<String>,
    #[serde(default)]
    path: Option<String>,
}

/// One document given to `Linter.crossCheck`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CrossDoc {
    /// `/`-separated, the base of relative links; named in messages.
    path: String,
    text: String,
    /// The path set on the diagnostics (default: `path`).
    #[serde(default)]
    display_path: Option<String>,
}

/// `options` of `Linter.crossCheck`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CrossOptions {
    #[serde(default)]
    initiatives: Option<Vec<String>>,
    #[serde(default)]
    specs: Option<Vec<String>>,
}

/// What `validate` returns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ValidateResult {
    diagnostics: Vec<LocatedDiagnostic>,
    spec_type: Option<String>,
    type_source: Option<TypeSource>,
    declares_spec_type: bool,
}

/// One file given to `renderDiagnostics`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RenderFile {
    path: String,
    text: String,
    diagnostics: Vec<LocatedDiagnostic>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RenderOpts {
    #[serde(default)]
    color: bool,
    #[serde(default)]
    quiet: bool,
    #[serde(default)]
    skipped: usize,
}

/// Reads options from JS. Through a JSON value rather than straight from the
/// JS object, so that unknown keys are reported (`deny_unknown_fields`); a
/// `null` or `undefined` option counts as not given.
fn from_js<T: DeserializeOwned + Default>(what: &str, v: JsValue) -> JsResult<T> {
    if v.is_undefined() || v.is_null() {
        return Ok(T::default());
    }
    let mut json: serde_json::Value = serde_wasm_bindgen::from_value(v).map_err(|e| {
        let e = e.to_string();
        JsError::new(&format!(
            "{what}: {}",
            e.strip_prefix("Error: ").unwrap_or(&e)
        ))
    })?;
    if let Some(map) = json.as_object_mut() {
        map.retain(|_, v| !v.is_null());
    }
    T::deserialize(json).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

fn to_js<T: Serialize + ?Sized>(v: &T) -> JsResult<JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// A configured linter: custom spec types are parsed once, rule levels resolved once.
#[wasm_bindgen(js_name = Linter)]
pub struct JsLinter {
    core: Rc<crate::Linter>,
    encoding: ColumnEncoding,
    spec_type: Option<String>,
    path: Option<String>,
}

thread_local! {
    /// The linter of options without types, rules or default type (most
    /// calls of `validate`): built once rather than on every call.
    static DEFAULT: Rc<crate::Linter> = Rc::new(crate::Linter::default());
}

impl JsLinter {
    fn from_options(o: Options) -> JsResult<JsLinter> {
        let plain = o.types.is_empty() && o.rules.is_empty() && o.default_type.is_none();
        let config = Config {
            rules: o.rules,
            default_type: o.default_type,
            ..Config::default()
        };
        let mut types = Vec::with_capacity(o.types.len());
        for (i, t) in o.types.into_iter().enumerate() {
            types.push(match t {
                TypeInput::Text(text) => (format!("types[{i}]"), text),
                TypeInput::File(f) => (f.path, f.text),
                TypeInput::Object(v) => (format!("types[{i}]"), v.to_string()),
            });
        }
        let core = if plain {
            DEFAULT.with(Rc::clone)
        } else {
            Rc::new(crate::Linter::new(&config, &types).map_err(error)?)
        };
        if let Some(t) = &o.spec_type {
            core.registry().require(t).map_err(error)?;
        }
        Ok(JsLinter {
            core,
            encoding: o.column_encoding.unwrap_or(ColumnEncoding::Utf16),
            spec_type: o.spec_type,
            path: o.path,
        })
    }

    fn check(
        &self,
        input: JsValue,
        spec_type: Option<&str>,
        path: Option<&str>,
    ) -> JsResult<JsValue> {
        if let Some(t) = spec_type {
            self.core.registry().require(t).map_err(error)?;
        }
        let (text, report): (String, crate::Report) = if let Some(text) = input.as_string() {
            let report = self.core.check_with_type(&text, spec_type);
            (text, report)
        } else if input.is_instance_of::<js_sys::Uint8Array>() {
            let bytes = js_sys::Uint8Array::from(input).to_vec();
            let (text, report) = self.core.check_bytes(&bytes, spec_type);
            (text.into_owned(), report)
        } else {
            return Err(error("the document must be a string or a Uint8Array"));
        };
        let index = LineIndex::new(&text);
        to_js(&ValidateResult {
            diagnostics: diagnostic::locate(
                &text,
                &index,
                &report.diagnostics,
                path,
                self.encoding,
            ),
            spec_type: report.spec_type,
            type_source: report.type_source,
            declares_spec_type: report.declares_spec_type,
        })
    }

    fn schema(&self, spec_type: &str) -> JsResult<JsValue> {
        let t = self.core.registry().require(spec_type).map_err(error)?;
        to_js(&crate::spec_type::front_matter_schema(t))
    }
}

#[wasm_bindgen(js_class = Linter)]
impl JsLinter {
    /// Builds a linter from `options` (custom types, rule levels, default type, column encoding).
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> JsResult<JsLinter> {
        JsLinter::from_options(from_js("options", options)?)
    }

    /// Validates one document (a string, or a file's bytes: invalid UTF-8 is
    /// reported as `IO001`); `options` may set its `path` and an explicit `specType`.
    pub fn validate(&self, text: JsValue, options: JsValue) -> JsResult<JsValue> {
        let o: CallOptions = from_js("options", options)?;
        let spec_type = o.spec_type.as_deref().or(self.spec_type.as_deref());
        let path = o.path.as_deref().or(self.path.as_deref());
        self.check(text, spec_type, path)
    }

    /// The spec types this linter knows (built-in and custom), as definitions.
    #[wasm_bindgen(js_name = specTypes)]
    pub fn spec_types(&self) -> JsResult<JsValue> {
        to_js(self.core.registry().types())
    }

    /// The JSON Schema of a spec type's front matter.
    #[wasm_bindgen(js_name = frontMatterSchema)]
    pub fn front_matter_schema(&self, spec_type: &str) -> JsResult<JsValue> {
        self.schema(spec_type)
    }

    /// Cross-document diagnostics (`XD`) of a set of documents, one list per
    /// document; `options` name the known initiatives and spec files.
    #[wasm_bindgen(js_name = crossCheck)]
    pub fn cross_check(&self, docs: JsValue, options: JsValue) -> JsResult<JsValue> {
        let docs: Vec<CrossDoc> = from_js("documents", docs)?;
        let o: CrossOptions = from_js("options", options)?;
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
            initiatives: o.initiatives.map(|v| v.into_iter().collect()),
            specs: o.specs.map(|v| v.into_iter().collect()),
        };
        let diags = self.core.cross_check(&corpus, &opts);
        to_js(&corpus::locate(&corpus, &shown, &diags, self.encoding))
    }

    /// One spec type's definition; throws on an unknown id.
    #[wasm_bindgen(js_name = specType)]
    pub fn spec_type(&self, id: &str) -> JsResult<JsValue> {
        to_js(self.core.registry().require(id).map_err(error)?)
    }
}

/// Validates one document.
#[wasm_bindgen]
pub fn validate(text: JsValue, options: JsValue) -> JsResult<JsValue> {
    let linter = JsLinter::new(options)?;
    linter.check(text, linter.spec_type.as_deref(), linter.path.as_deref())
}

/// The known spec types (built-in plus `options.types`), as definitions.
#[wasm_bindgen(js_name = specTypes)]
pub fn spec_types(options: JsValue) -> JsResult<JsValue> {
    JsLinter::new(options)?.spec_types()
}

/// The JSON Schema of a spec type's front matter.
#[wasm_bindgen(js_name = frontMatterSchema)]
pub fn front_matter_schema(spec_type: &str, options: JsValue) -> JsResult<JsValue> {
    JsLinter::new(options)?.schema(spec_type)
}

/// Every rule and built-in diagnostic: code, name, default severity, fix availability, summary.
#[wasm_bindgen]
pub fn rules() -> JsResult<JsValue> {
    to_js(&crate::rules::all())
}

/// Parses a config file's text (`speclint.yaml`).
#[wasm_bindgen(js_name = parseConfig)]
pub fn parse_config(text: &str) -> JsResult<JsValue> {
    to_js(&Config::from_yaml(text).map_err(error)?)
}

/// What `speclint check` prints for these files in `format`, byte for byte.
#[wasm_bindgen(js_name = renderDiagnostics)]
pub fn render_diagnostics(format: &str, files: JsValue, options: JsValue) -> JsResult<String> {
    let format = Format::parse(format).ok_or_else(|| {
        error(format!(
            "unknown format `{format}`; use `pretty`, `json`, `sarif` or `github`"
        ))
    })?;
    let files: Vec<RenderFile> = from_js("files", files)?;
    let o: RenderOpts = from_js("options", options)?;
    let reports: Vec<FileReport<'_>> = files
        .iter()
        .map(|f| FileReport {
            path: &f.path,
            text: &f.text,
            diagnostics: &f.diagnostics,
        })
        .collect();
    Ok(report::render(
        format,
        &reports,
        &RenderOptions {
            color: o.color,
            quiet: o.quiet,
            skipped: o.skipped,
        },
    ))
}

/// The version of the core (and of the package).
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
