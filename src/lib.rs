//! speclint: validate, normalize and export spec documents.
//!
//! A *spec document* is Markdown with YAML front matter that follows a
//! template; a *spec type* ([`spec_type::SpecType`]) describes the template as
//! data. This crate is the platform-free core: `&str` in, data out, no I/O, no
//! printing, no panics. The native CLI (`src/main.rs`, feature `cli`) and the
//! WASM bindings are thin layers over it: the bindings over [`api`], the
//! wasm-bindgen one for JS (`wasm.rs`, feature `bindgen`) and the C-ABI one
//! for wasmtime hosts such as the Python package (`cabi.rs`, feature `cabi`).
//!
//! ```
//! let report = speclint::validate("---\nspec_type: database-schema\nstatus: in-review\n---\n");
//! assert!(report.diagnostics.iter().any(|d| d.code == "FM008"));
//! ```

#![deny(unsafe_code)]

#[cfg(all(target_arch = "wasm32", feature = "cabi", feature = "bindgen"))]
compile_error!(
    "the `cabi` and `bindgen` features are two bindings of one module: build one at a time"
);

// The layers, each depending only on those above it (see each `mod.rs`):
// syntax -> model -> check -> (linter.rs) -> transform -> workspace -> report -> bindings.
pub mod bindings;
pub mod check;
mod linter;
pub mod model;
pub mod report;
pub mod syntax;
pub mod transform;
pub mod workspace;

// The modules under their short paths (`speclint::document`, `crate::rules`).
pub use bindings::{api, command};
pub use check::{config, diagnostic, limits, rules};
pub(crate) use check::{corpus, suppress};
pub use model::{analysis, spec_type};
pub(crate) use model::{entries, schema};
pub(crate) use syntax::notation;
pub use syntax::{document, glob, source, text, yaml};
pub use transform::{derive, export, family, normalize};

pub use config::Config;
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, LocatedDiagnostic, Severity};
pub use document::Document;
pub use linter::{Linter, declared_type, detect_type, validate};
pub use source::{ColumnEncoding, LineIndex, Span};
pub use spec_type::{Registry, SpecType};

use rules::{Levels, RuleMeta, Violation};

/// The crate version, shown by the CLI and the bindings.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// How the spec type of a document was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TypeSource {
    /// From the document's `spec_type`.
    FrontMatter,
    /// Given explicitly (`--type`, `options.specType`).
    Explicit,
    /// The configured default, for a document without `spec_type`.
    Default,
    /// Guessed: from the headings of a document without `spec_type`, or for
    /// a document whose `spec_type` is unknown, the closest known id or the
    /// type its headings match. Findings against a guessed type are warnings.
    Detected,
}

/// The result of validating one document.
#[derive(Debug, Clone)]
pub struct Report {
    /// Sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The spec type the document was validated against.
    pub spec_type: Option<String>,
    pub type_source: Option<TypeSource>,
    /// Whether the document declares a `spec_type` (tools walking a tree skip other Markdown files).
    pub declares_spec_type: bool,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// Errors in options or configuration (never in documents: those are
/// diagnostics). Each carries its message for the user; the kind tells hosts
/// what it is about without reading the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionsError {
    /// A spec type file or definition that cannot be loaded (the message names it).
    SpecType(String),
    /// A spec type id that no loaded type has (the message lists the known ones).
    UnknownSpecType(String),
    /// Anything else: an unknown option or rule, a bad level, glob or value.
    Invalid(String),
    /// A YAML error in a config file, where the parser stopped (1-based line
    /// and column in characters).
    Yaml {
        line: usize,
        column: usize,
        message: String,
    },
}

impl OptionsError {
    /// The message for the user.
    pub fn message(&self) -> &str {
        match self {
            OptionsError::SpecType(m)
            | OptionsError::UnknownSpecType(m)
            | OptionsError::Invalid(m)
            | OptionsError::Yaml { message: m, .. } => m,
        }
    }

    /// The error of the file at `path`, in the form editors and terminals
    /// link: `path:line:col: message` when the position is known, else
    /// `` `path`: message ``.
    pub fn in_file(&self, path: &str) -> String {
        match self {
            OptionsError::Yaml {
                line,
                column,
                message,
            } => format!("{path}:{line}:{column}: {message}"),
            _ => format!("`{path}`: {}", self.message()),
        }
    }
}

impl From<OptionsError> for String {
    fn from(e: OptionsError) -> String {
        e.to_string()
    }
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionsError::Yaml {
                line,
                column,
                message,
            } => write!(f, "line {line}, column {column}: {message}"),
            _ => f.write_str(self.message()),
        }
    }
}

impl std::error::Error for OptionsError {}

/// What the transforms (normalize, export, the cross-document checks) need
/// from a configured validator. They take the [`Linter`] as this, so that
/// `Linter` composes them (`linter.rs`) instead of being extended by them.
pub trait Validator {
    /// Validates a parsed document as the type `explicit` names (or its own).
    fn check_document(&self, doc: &Document<'_>, explicit: Option<&str>) -> Report;
    /// Validates a text as the type `explicit` names (or its own).
    fn check_with_type(&self, text: &str, explicit: Option<&str>) -> Report;
    /// The spec type a document would be validated against.
    fn spec_for(&self, doc: &Document<'_>, explicit: Option<&str>) -> Option<&SpecType>;
    /// The input limits.
    fn limits(&self) -> &limits::Limits;
    /// The rule levels for a document at `path` (the config's overrides applied).
    fn levels_for(&self, path: Option<&str>) -> std::borrow::Cow<'_, Levels>;
}

/// A violation built from a static rule and a message (used for limits and
/// diagnostics produced outside the rule files).
pub(crate) struct Simple {
    pub meta: &'static RuleMeta,
    pub message: String,
    pub help: Option<String>,
}

impl Violation for Simple {
    fn meta(&self) -> &'static RuleMeta {
        self.meta
    }
    fn message(&self) -> String {
        self.message.clone()
    }
    fn help(&self) -> Option<String> {
        self.help.clone()
    }
}

impl Simple {
    /// A diagnostic at `span` with the rule's default severity.
    pub fn into_diagnostic(self, span: Span) -> Diagnostic {
        Diagnostic {
            code: self.meta.code,
            name: self.meta.name,
            severity: self.meta.severity,
            message: self.message,
            span,
            help: self.help,
            fix: None,
            related: Vec::new(),
        }
    }
}
