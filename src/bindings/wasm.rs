//! The JavaScript binding: the npm package `speclint` (see `pkg/`) is this
//! module compiled to WebAssembly with wasm-bindgen.
//!
//! A thin layer and nothing more: it turns JS values into the option types of
//! `api/` (shared with the C-ABI binding `cabi.rs`), calls its functions, and
//! turns results into plain JS objects (through serde, JSON-compatible) and
//! errors into thrown JS `Error`s. Every check, message and output format comes
//! from the core, so the package and the native CLI cannot disagree. Built only
//! for `wasm32` with the `bindgen` feature; the only module that uses
//! wasm-bindgen. The TypeScript types of everything here are written in
//! `pkg/index.d.cts` and checked against real outputs by `pkg/test/types.test.js`.
//!
//! Over 600 lines because it is the whole JS surface, one short export per
//! function, so that every argument check of the npm package is in one file.

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::ColumnEncoding;
use crate::api::{self, CallOptions, ExportFile, ExportJsonOptions, Input, Options, Session};

type JsResult<T> = Result<T, JsError>;

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
    T::deserialize(json).map_err(|e| {
        let m = crate::text::without_type_names(&format!("{what}: {e}"));
        JsError::new(&crate::text::explain_unknown(&m, &[]))
    })
}

fn to_js<T: Serialize + ?Sized>(v: &T) -> JsResult<JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// The most bytes of a document the core reads (`LM001` beyond it).
fn input_limit() -> usize {
    crate::limits::Limits::default().max_input_bytes
}

fn too_large(what: &str, length: usize, unit: &str) -> JsError {
    let limit = input_limit();
    JsError::new(&format!(
        "{what} is over the input limit of {limit} bytes ({} MiB): {length} {unit}",
        limit >> 20
    ))
}

/// Checks a document's length against the input limit before it is copied
/// into the module's memory, so that an oversized input is an `Error` rather
/// than a trap (a 2.5 GiB input exhausts the 4 GiB address space): a
/// `Uint8Array` by its `length`, a string first by its UTF-16 length (more
/// code units than the limit are more UTF-8 bytes), then, once copied (at
/// most three bytes a code unit: bounded), by its UTF-8 length.
fn checked_len(what: &str, input: &JsValue) -> JsResult<()> {
    let limit = input_limit();
    if let Some(s) = input.dyn_ref::<js_sys::JsString>() {
        let units = s.length() as usize;
        if units > limit {
            return Err(too_large(what, units, "UTF-16 code units"));
        }
    } else if input.is_instance_of::<js_sys::Uint8Array>() {
        let bytes = input.unchecked_ref::<js_sys::Uint8Array>().length() as usize;
        if bytes > limit {
            return Err(too_large(what, bytes, "bytes"));
        }
    }
    Ok(())
}

/// A document given as a string, length-checked (see [`checked_len`]).
fn text_arg(what: &str, input: &JsValue) -> JsResult<String> {
    checked_len(what, input)?;
    let text = input
        .as_string()
        .ok_or_else(|| error(format!("{what} must be a string")))?;
    if text.len() > input_limit() {
        return Err(too_large(what, text.len(), "bytes"));
    }
    Ok(text)
}

/// A JS array of strings (`what` names it in the error).
#[cfg(feature = "node")]
fn string_list(what: &str, v: &JsValue) -> JsResult<Vec<String>> {
    let list = v
        .dyn_ref::<js_sys::Array>()
        .ok_or_else(|| error(format!("{what} must be an array of strings")))?;
    let each = format!("each of {what}");
    list.iter().map(|a| string_arg(&each, &a)).collect()
}

fn string_arg(what: &str, v: &JsValue) -> JsResult<String> {
    checked_len(what, v)?;
    v.as_string()
        .ok_or_else(|| error(format!("{what} must be a string")))
}

/// A configured linter: custom spec types are parsed once, rule levels resolved once.
#[wasm_bindgen(js_name = Linter)]
pub struct JsLinter {
    session: Session,
}

thread_local! {
    /// The linter of options without types, rules or default type (most
    /// calls of `validate`): built once rather than on every call.
    static DEFAULT: Arc<crate::Linter> = Arc::new(crate::Linter::default());
}

impl JsLinter {
    fn from_options(o: Options) -> JsResult<JsLinter> {
        // JS editors count columns in UTF-16 code units.
        let session = Session::with_defaults(o, ColumnEncoding::Utf16, || DEFAULT.with(Arc::clone))
            .map_err(error)?;
        Ok(JsLinter { session })
    }

    fn check(&self, input: JsValue, call: &CallOptions) -> JsResult<JsValue> {
        let result = if input.is_string() {
            let text = text_arg("the document", &input)?;
            self.session.validate(Input::Text(&text), call)
        } else if input.is_instance_of::<js_sys::Uint8Array>() {
            checked_len("the document", &input)?;
            let bytes = js_sys::Uint8Array::from(input).to_vec();
            self.session.validate(Input::Bytes(&bytes), call)
        } else {
            self.session
                .explicit(call.spec_type.as_deref())
                .map_err(error)?;
            return Err(error("the document must be a string or a Uint8Array"));
        };
        to_js(&result.map_err(error)?)
    }

    fn schema(&self, spec_type: &str) -> JsResult<JsValue> {
        to_js(&self.session.front_matter_schema(spec_type).map_err(error)?)
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
        self.check(text, &from_js("options", options)?)
    }

    /// The spec types this linter knows (built-in and custom), as definitions.
    #[wasm_bindgen(js_name = specTypes)]
    pub fn spec_types(&self) -> JsResult<JsValue> {
        to_js(self.session.spec_types())
    }

    /// The JSON Schema of a spec type's front matter.
    #[wasm_bindgen(js_name = frontMatterSchema)]
    pub fn front_matter_schema(&self, spec_type: JsValue) -> JsResult<JsValue> {
        self.schema(&string_arg("the spec type", &spec_type)?)
    }

    /// Cross-document diagnostics (`XD`) of a set of documents, one list per
    /// document; `options` name the known initiatives and spec files.
    #[cfg(feature = "node")]
    #[wasm_bindgen(js_name = crossCheck)]
    pub fn cross_check(&self, docs: JsValue, options: JsValue) -> JsResult<JsValue> {
        let docs: Vec<api::CrossDoc> = from_js("documents", docs)?;
        let o: api::CrossOptions = from_js("options", options)?;
        to_js(&self.session.cross_check(&docs, &o))
    }

    /// Normalizes one document: safe fixes (unsafe ones with `unsafeFixes`)
    /// and canonical formatting; `options` may also set an explicit `specType`.
    pub fn normalize(&self, text: JsValue, options: JsValue) -> JsResult<JsValue> {
        let text = text_arg("the document", &text)?;
        let o: crate::normalize::NormalizeOptions = from_js("options", options)?;
        to_js(&self.session.normalize(&text, &o).map_err(error)?)
    }

    /// Exports one document as data (`SpecDocument`); `options` may set an explicit `specType`.
    #[wasm_bindgen(js_name = exportSpec)]
    pub fn export_spec(&self, text: JsValue, options: JsValue) -> JsResult<JsValue> {
        let text = text_arg("the document", &text)?;
        let o: CallOptions = from_js("options", options)?;
        // Through the core's JSON (the same text as `exportJson`) and
        // `JSON.parse`: one serialization of `SpecDocument` in the module
        // rather than two (a JSON one and a serde-wasm-bindgen one).
        let files = [ExportFile {
            path: String::new(),
            text,
            walked: false,
        }];
        let json = self
            .session
            .export_json(
                &files,
                &ExportJsonOptions {
                    pretty: false,
                    spec_type: o.spec_type,
                    list: false,
                },
            )
            .map_err(error)?;
        js_sys::JSON::parse(&json).map_err(|_| error("cannot parse the export"))
    }

    /// What `speclint export` prints for these documents (`{path, text}`),
    /// byte for byte; `options`: `pretty`, an explicit `specType`.
    #[cfg(feature = "node")]
    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self, files: JsValue, options: JsValue) -> JsResult<String> {
        let files: Vec<ExportFile> = from_js("documents", files)?;
        let o: ExportJsonOptions = from_js("options", options)?;
        self.session.export_json(&files, &o).map_err(error)
    }

    /// One spec type's definition; throws on an unknown id.
    #[wasm_bindgen(js_name = specType)]
    pub fn spec_type(&self, id: JsValue) -> JsResult<JsValue> {
        let id = string_arg("the spec type id", &id)?;
        to_js(self.session.spec_type_definition(&id).map_err(error)?)
    }
}

/// Validates one document.
#[wasm_bindgen]
pub fn validate(text: JsValue, options: JsValue) -> JsResult<JsValue> {
    JsLinter::new(options)?.check(text, &CallOptions::default())
}

/// The known spec types (built-in plus `options.types`), as definitions.
#[wasm_bindgen(js_name = specTypes)]
pub fn spec_types(options: JsValue) -> JsResult<JsValue> {
    JsLinter::new(options)?.spec_types()
}

/// The JSON Schema of a spec type's front matter.
#[wasm_bindgen(js_name = frontMatterSchema)]
pub fn front_matter_schema(spec_type: JsValue, options: JsValue) -> JsResult<JsValue> {
    let spec_type = string_arg("the spec type", &spec_type)?;
    JsLinter::new(options)?.schema(&spec_type)
}

/// Normalizes one document; `options` are the `Linter` options plus
/// `unsafeFixes`, `reorderSections` and `insertMissingSections`.
#[wasm_bindgen]
pub fn normalize(text: JsValue, options: JsValue) -> JsResult<JsValue> {
    checked_len("the document", &text)?;
    let value: serde_json::Value = from_js("options", options)?;
    let (o, flags) = api::split_normalize_options(value).map_err(error)?;
    JsLinter::from_options(o)?.normalize(text, to_js(&flags)?)
}

/// Exports one document as data.
#[wasm_bindgen(js_name = exportSpec)]
pub fn export_spec(text: JsValue, options: JsValue) -> JsResult<JsValue> {
    checked_len("the document", &text)?;
    JsLinter::new(options)?.export_spec(text, JsValue::UNDEFINED)
}

/// Derives a spec type from a template document; throws when the template has no sections.
#[wasm_bindgen(js_name = deriveSpecType)]
pub fn derive_spec_type(template: JsValue) -> JsResult<JsValue> {
    let template = text_arg("the template", &template)?;
    to_js(&api::derive(&template).map_err(error)?)
}

/// Every rule and built-in diagnostic: code, name, default severity, fix availability, summary.
#[wasm_bindgen]
pub fn rules() -> JsResult<JsValue> {
    to_js(&api::rules())
}

/// Parses a config file's text (`speclint.yaml`). In the Node module only:
/// the browser module reads no config (its scope: validate, normalize,
/// export, derive and the spec types), which keeps `Config`'s YAML reader
/// (6 KB gzipped) out of it.
#[cfg(feature = "node")]
#[wasm_bindgen(js_name = parseConfig)]
pub fn parse_config(text: JsValue, path: JsValue) -> JsResult<JsValue> {
    let text = text_arg("the config", &text)?;
    // With the file's path, errors read `config path:line:col: message`.
    let path = if path.is_undefined() || path.is_null() {
        None
    } else {
        Some(string_arg("the config path", &path)?)
    };
    to_js(&api::parse_config(&text).map_err(|e| match &path {
        Some(p) => error(format!("config {}", e.in_file(p))),
        None => error(e),
    })?)
}

/// What `speclint check` prints for these files in `format`, byte for byte.
#[cfg(feature = "node")]
#[wasm_bindgen(js_name = renderDiagnostics)]
pub fn render_diagnostics(format: JsValue, files: JsValue, options: JsValue) -> JsResult<String> {
    let format = api::format(&string_arg("the format", &format)?).map_err(error)?;
    let files: Vec<api::RenderFile> = from_js("files", files)?;
    let o: api::RenderOpts = from_js("options", options)?;
    Ok(api::render_diagnostics(format, &files, &o))
}

/// What `speclint fmt --check`/`--diff` prints for one changed document: a
/// unified diff with `a/PATH` and `b/PATH` headers (empty when equal).
#[cfg(feature = "node")]
#[wasm_bindgen(js_name = unifiedDiff)]
pub fn unified_diff(path: JsValue, old: JsValue, new: JsValue) -> JsResult<String> {
    let path = string_arg("the path", &path)?;
    let old = text_arg("the old text", &old)?;
    let new = text_arg("the new text", &new)?;
    Ok(api::unified_diff(&path, &old, &new))
}

/// Parses a command line (the arguments after `speclint`) with the native
/// CLI's grammar (`speclint::command`): `{ command, args }` to run, or
/// `{ exit: { code, stdout, text } }` to print and exit with (help, version,
/// usage errors; `text` is already escaped).
#[cfg(feature = "node")]
#[wasm_bindgen(js_name = parseArgs)]
pub fn parse_args(argv: JsValue) -> JsResult<JsValue> {
    let args = string_list("the arguments", &argv)?;
    match crate::command::parse(&args) {
        Ok(invocation) => to_js(&invocation),
        Err(exit) => {
            #[derive(Serialize)]
            struct Exiting {
                exit: crate::command::Exit,
            }
            to_js(&Exiting { exit })
        }
    }
}

/// `speclint init --from-template`: the spec type file derived from the
/// template at `path`, the bytes the native CLI writes: `{ text, id, fields,
/// sections }`, and with `output`, `wrote`: the line to print once written.
#[cfg(feature = "node")]
#[wasm_bindgen(js_name = specTypeFile)]
pub fn spec_type_file(template: JsValue, path: JsValue, output: JsValue) -> JsResult<JsValue> {
    #[derive(Serialize)]
    struct File {
        #[serde(flatten)]
        file: crate::derive::SpecTypeFile,
        #[serde(skip_serializing_if = "Option::is_none")]
        wrote: Option<String>,
    }
    let template = text_arg("the template", &template)?;
    let path = string_arg("the template path", &path)?;
    let output = if output.is_undefined() || output.is_null() {
        None
    } else {
        Some(string_arg("the output path", &output)?)
    };
    let file = crate::derive::spec_type_file(&template, &path).map_err(error)?;
    let wrote = output.map(|o| file.wrote(&o));
    to_js(&File { file, wrote })
}

/// The input limit of the core in bytes (16 MiB): a longer document is
/// refused with an `Error` before it is copied into WebAssembly.
#[wasm_bindgen(js_name = inputLimit)]
pub fn input_limit_js() -> f64 {
    input_limit() as f64
}

#[cfg(feature = "node")]
mod node {
    //! What only Node hosts use: the run policy (`Workspace`).
    use super::*;

    /// The run policy of `speclint check` for a host that walks and reads files
    /// (`npx speclint`, the Docusaurus plugin): see `src/workspace`. The host
    /// asks it what to do with each folder entry, which files to check, gives it
    /// each file's bytes once, and prints what `finish` renders.
    #[wasm_bindgen(js_name = Workspace)]
    pub struct JsWorkspace {
        ws: crate::workspace::Workspace,
        walk: crate::workspace::Walk,
        run: Option<crate::workspace::Run>,
    }

    #[derive(serde::Deserialize, Default)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct FinishOptions {
        /// Shown paths of the initiative documents (`referenceGlobs().initiatives`).
        initiatives: Option<Vec<String>>,
        /// Shown paths of the spec documents (`referenceGlobs().specs`).
        specs: Option<Vec<String>>,
        format: Option<String>,
        #[serde(default)]
        color: bool,
        #[serde(default)]
        quiet: bool,
    }

    fn bool_arg(what: &str, v: &JsValue) -> JsResult<bool> {
        if v.is_undefined() {
            return Ok(false);
        }
        v.as_bool()
            .ok_or_else(|| error(format!("{what} must be a boolean")))
    }

    #[wasm_bindgen(js_class = Workspace)]
    impl JsWorkspace {
        /// Loads the config text and the spec type files the host read.
        #[wasm_bindgen(constructor)]
        pub fn new(options: JsValue) -> JsResult<JsWorkspace> {
            let o: api::WorkspaceOpen = from_js("options", options)?;
            let ws = o.open().map_err(error)?;
            Ok(JsWorkspace {
                ws,
                walk: crate::workspace::Walk::default(),
                run: Some(crate::workspace::Run::default()),
            })
        }

        /// A `Linter` sharing this workspace's spec types and levels.
        pub fn linter(&self) -> JsLinter {
            JsLinter {
                session: Session::from_linter(self.ws.shared_linter(), ColumnEncoding::Unicode),
            }
        }

        /// Adds the ignore files' texts of folder `dir` (absolute, `/`-separated);
        /// returns the mark to `leave` with.
        pub fn enter(&mut self, dir: JsValue, ignore_texts: JsValue) -> JsResult<u32> {
            let dir = string_arg("the folder", &dir)?;
            let texts: Vec<String> = from_js("the ignore files", ignore_texts)?;
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            Ok(self.walk.enter(&dir, &texts).0 as u32)
        }

        /// Drops the ignore rules added since `mark`.
        pub fn leave(&mut self, mark: JsValue) -> JsResult<()> {
            let mark = mark
                .as_f64()
                .filter(|m| m.fract() == 0.0 && *m >= 0.0 && *m <= u32::MAX as f64)
                .ok_or_else(|| error("the mark must be a number from `enter`"))?;
            self.walk.leave(crate::workspace::Mark(mark as usize));
            Ok(())
        }

        /// What a walk does with entry `name` of folder `dir` (absolute): `kind`
        /// is `"file"`, `"dir"`, `"symlink"` or `"other"`; the answer `"enter"`,
        /// `"file"` or `"skip"`.
        pub fn visit(&self, dir: JsValue, name: JsValue, kind: JsValue) -> JsResult<String> {
            let dir = string_arg("the folder", &dir)?;
            let name = string_arg("the name", &name)?;
            let kind = api::entry_kind(&string_arg("the kind", &kind)?).map_err(error)?;
            Ok(api::visit_name(self.walk.visit(&dir, &name, kind)).to_string())
        }

        /// Whether a file at `rel` (relative to the config's folder) is checked:
        /// `{ named, included }`, or `null`.
        pub fn select(&self, rel: JsValue, named: JsValue) -> JsResult<JsValue> {
            let rel = string_arg("the path", &rel)?;
            let named = bool_arg("`named`", &named)?;
            match self.ws.select(&rel, named) {
                Some(s) => {
                    let o = js_sys::Object::new();
                    js_sys::Reflect::set(&o, &"named".into(), &s.named.into())
                        .map_err(|_| error("select"))?;
                    js_sys::Reflect::set(&o, &"included".into(), &s.included.into())
                        .map_err(|_| error("select"))?;
                    Ok(o.into())
                }
                None => Ok(JsValue::NULL),
            }
        }

        /// The config's reference globs: `{ initiatives, specs }` (`null` when none).
        #[wasm_bindgen(js_name = referenceGlobs)]
        pub fn reference_globs(&self) -> JsResult<JsValue> {
            let (i, s) = self.ws.reference_globs();
            #[derive(Serialize)]
            struct G<'a> {
                initiatives: Option<&'a [String]>,
                specs: Option<&'a [String]>,
            }
            to_js(&G {
                initiatives: i,
                specs: s,
            })
        }

        /// Whether a command-line glob matches a path found by walking (both
        /// `/`-separated); an invalid glob is an `Error`.
        #[wasm_bindgen(js_name = matchGlob)]
        pub fn match_glob(&self, pattern: JsValue, path: JsValue) -> JsResult<bool> {
            let pattern = string_arg("the glob", &pattern)?;
            let path = string_arg("the path", &path)?;
            let g = crate::glob::Glob::new(crate::workspace::clean_glob(&pattern))
                .map_err(|e| error(format!("invalid glob `{pattern}`: {}", e.message)))?;
            Ok(g.matches(&path))
        }

        /// `--only-specs`: named files are selected as a walk selects them.
        #[wasm_bindgen(js_name = setOnlySpecs)]
        pub fn set_only_specs(&mut self, on: JsValue) -> JsResult<()> {
            let on = bool_arg("`on`", &on)?;
            self.ws.set_only_specs(on);
            Ok(())
        }

        /// `--fail-on`: `"error"` (default), `"warning"` or `"never"`.
        #[wasm_bindgen(js_name = setFailOn)]
        pub fn set_fail_on(&mut self, level: JsValue) -> JsResult<()> {
            let level = string_arg("the level", &level)?;
            let f = crate::workspace::FailOn::parse(&level).ok_or_else(|| {
                error(format!(
                    "unknown level `{level}`; expected `error`, `warning` or `never`"
                ))
            })?;
            self.ws.set_fail_on(f);
            Ok(())
        }

        /// The template globs (config `templates` and `--templates`), or `null`.
        #[wasm_bindgen(js_name = templateGlobs)]
        pub fn template_globs(&self) -> JsResult<JsValue> {
            to_js(&self.ws.template_globs())
        }

        /// Whether the file at `rel` (relative to the config's folder) is a template.
        #[wasm_bindgen(js_name = templateMatches)]
        pub fn template_matches(&self, rel: JsValue) -> JsResult<bool> {
            let rel = string_arg("the path", &rel)?;
            Ok(self.ws.template_matches(&rel))
        }

        /// Derives the spec types of the template files read for
        /// `templateGlobs()`: `[{ path, rel, text }]`. Once, before `add`.
        #[wasm_bindgen(js_name = addTemplates)]
        pub fn add_templates(&mut self, templates: JsValue) -> JsResult<()> {
            let t: Vec<crate::workspace::TemplateSource> = from_js("the templates", templates)?;
            self.ws.add_templates(&t).map_err(error)
        }

        /// What `speclint templates` prints: `{ output, exitCode }`.
        #[wasm_bindgen(js_name = renderTemplates)]
        pub fn render_templates(&self, json: JsValue, check: JsValue) -> JsResult<JsValue> {
            let json = bool_arg("`json`", &json)?;
            let check = bool_arg("`check`", &check)?;
            let (output, exit_code) =
                crate::report::templates::render(self.ws.linter().templates(), json, check);
            #[derive(Serialize)]
            #[serde(rename_all = "camelCase")]
            struct R {
                output: String,
                exit_code: u8,
            }
            to_js(&R { output, exit_code })
        }

        /// Which reference lists the file at `rel` belongs to: `[initiative, spec]`.
        #[wasm_bindgen(js_name = referenceMatches)]
        pub fn reference_matches(&self, rel: JsValue) -> JsResult<JsValue> {
            let rel = string_arg("the path", &rel)?;
            let (i, s) = self.ws.reference_matches(&rel);
            to_js(&[i, s])
        }

        /// Whether the paths given to `check`/`fmt` name standard input (`-`,
        /// alone); throws when `-` is among other paths.
        #[wasm_bindgen(js_name = readsStdin)]
        pub fn reads_stdin(&self, paths: JsValue) -> JsResult<bool> {
            let v = string_list("the paths", &paths)?;
            crate::workspace::reads_stdin(&v).map_err(error)
        }

        /// Validates a selected file's bytes once (`shown`: printed; `rel`:
        /// relative to the config's folder); `false` when it is not a spec document.
        pub fn add(
            &mut self,
            shown: JsValue,
            rel: JsValue,
            bytes: JsValue,
            named: JsValue,
            included: JsValue,
        ) -> JsResult<bool> {
            let named = bool_arg("`named`", &named)?;
            let included = bool_arg("`included`", &included)?;
            let shown = string_arg("the path", &shown)?;
            let rel = string_arg("the relative path", &rel)?;
            if !bytes.is_instance_of::<js_sys::Uint8Array>() {
                return Err(error("the file's bytes must be a Uint8Array"));
            }
            checked_len("the document", &bytes)?;
            let bytes = js_sys::Uint8Array::from(bytes).to_vec();
            let run = self
                .run
                .as_mut()
                .ok_or_else(|| error("this run is finished"))?;
            let how = crate::workspace::Selected { named, included };
            Ok(run.add(&self.ws, &shown, &rel, &bytes, how))
        }

        /// A file or folder that could not be read (`IO002`); the run goes on.
        pub fn unreadable(
            &mut self,
            shown: JsValue,
            rel: JsValue,
            message: JsValue,
        ) -> JsResult<()> {
            let shown = string_arg("the path", &shown)?;
            let rel = if rel.is_undefined() || rel.is_null() {
                None
            } else {
                Some(string_arg("the relative path", &rel)?)
            };
            let message = string_arg("the message", &message)?;
            let run = self
                .run
                .as_mut()
                .ok_or_else(|| error("this run is finished"))?;
            run.unreadable(&self.ws, &shown, rel.as_deref(), &message);
            Ok(())
        }

        /// Adds the cross-document findings and renders: `{ output, exitCode,
        /// errors, warnings, infos, files }`. A workspace runs once.
        pub fn finish(&mut self, options: JsValue) -> JsResult<JsValue> {
            let o: FinishOptions = from_js("options", options)?;
            let format = api::format(o.format.as_deref().unwrap_or("pretty")).map_err(error)?;
            let run = self
                .run
                .take()
                .ok_or_else(|| error("this run is finished"))?;
            let out = run.finish(&self.ws, o.initiatives.as_deref(), o.specs.as_deref());
            to_js(&api::FinishResult::of(&out, format, o.color, o.quiet))
        }
    }
}

/// The version of the core (and of the package).
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
