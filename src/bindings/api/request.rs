//! The requests of the JSON operations ([`super::Dispatcher`]), as one typed
//! enum: an operation's name is written once, here, and serde reads it.
//!
//! An op is named after what the JS binding (`src/bindings/wasm.rs`) calls the same
//! thing: a free function (`deriveSpecType`), a `Linter` method
//! (`exportSpec`), or `workspace` + a `Workspace` method (`workspaceEnter`
//! for `enter`). `open`, `close`, `workspaceOpen` and `workspaceClose` are the
//! JS constructors and `free()`. `api::tests::ops_are_named_as_in_js_and_python`
//! holds both bindings to these names.
//!
//! The envelope fields `session`, `options` and `workspace` are taken off the
//! request before it is read here (see [`Envelope`]); every other field is
//! the op's, and an unknown one is an error.

use serde::Deserialize;

use super::{CrossDoc, RenderFile, WorkspaceOpen};

/// Declares [`Request`] and [`OPS`] from one list, so that the names cannot
/// drift apart.
macro_rules! requests {
    ($( $(#[$doc:meta])* $name:literal => $variant:ident($fields:ty), )*) => {
        /// One request, by its `op`.
        #[derive(Deserialize)]
        #[serde(tag = "op")]
        pub(crate) enum Request {
            $( $(#[$doc])* #[serde(rename = $name)] $variant($fields), )*
        }

        /// Every op, in the order of `Request`.
        pub const OPS: &[&str] = &[$($name),*];
    };
}

requests! {
    /// The crate version.
    "version" => Version(Empty),
    /// Every rule's metadata.
    "rules" => Rules(Empty),
    /// A config file's text as data.
    "parseConfig" => ParseConfig(ConfigRequest),
    /// A spec type derived from a template (YAML text with `yaml: true`).
    "deriveSpecType" => DeriveSpecType(DeriveRequest),
    /// A session (a handle) built from `options`.
    "open" => Open(Empty),
    /// Frees a session.
    "close" => Close(Empty),
    /// Validates `text` (or the bytes beside the request).
    "validate" => Validate(DocRequest),
    /// Normalizes a document.
    "normalize" => Normalize(NormalizeRequest),
    /// Exports a document as data.
    "exportSpec" => ExportSpec(ExportRequest),
    /// The session's spec types.
    "specTypes" => SpecTypes(Empty),
    /// One spec type.
    "specType" => SpecType(IdRequest),
    /// A spec type's front matter as JSON Schema.
    "frontMatterSchema" => FrontMatterSchema(SchemaRequest),
    /// The cross-document checks of documents validated before.
    "crossCheck" => CrossCheck(CrossRequest),
    /// Diagnostics rendered in a format of `speclint check`.
    "renderDiagnostics" => RenderDiagnostics(RenderRequest),
    /// Whether the core's glob matches a path.
    "matchGlob" => MatchGlob(GlobRequest),
    /// A workspace (a handle): the run policy of `speclint check`.
    "workspaceOpen" => WorkspaceOpen(WorkspaceOpen),
    /// Frees a workspace.
    "workspaceClose" => WorkspaceClose(Empty),
    /// Enters a folder with its ignore files' texts; answers a mark.
    "workspaceEnter" => WorkspaceEnter(EnterRequest),
    /// Leaves the folders entered since `mark`.
    "workspaceLeave" => WorkspaceLeave(LeaveRequest),
    /// What the walk does with each entry of a folder.
    "workspaceVisit" => WorkspaceVisit(VisitRequest),
    /// Whether a file is checked, and how it was selected.
    "workspaceSelect" => WorkspaceSelect(SelectRequest),
    /// The config's reference globs.
    "workspaceReferenceGlobs" => WorkspaceReferenceGlobs(Empty),
    /// Whether a file is an initiative and a spec for references.
    "workspaceReferenceMatches" => WorkspaceReferenceMatches(RelRequest),
    /// The template globs.
    "workspaceTemplateGlobs" => WorkspaceTemplateGlobs(Empty),
    /// Whether a file matches the template globs.
    "workspaceTemplateMatches" => WorkspaceTemplateMatches(RelRequest),
    /// Adds the template files the host read.
    "workspaceAddTemplates" => WorkspaceAddTemplates(TemplatesRequest),
    /// What `speclint templates` prints, and its exit code.
    "workspaceRenderTemplates" => WorkspaceRenderTemplates(RenderTemplatesRequest),
    /// Validates a selected file (its bytes beside the request).
    "workspaceAdd" => WorkspaceAdd(AddRequest),
    /// Records a file that could not be read.
    "workspaceUnreadable" => WorkspaceUnreadable(UnreadableRequest),
    /// Ends the run: the rendered output and the exit code.
    "workspaceFinish" => WorkspaceFinish(FinishRequest),
}

/// Which envelope fields an op takes besides its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Envelope {
    /// None.
    Bare,
    /// `options` only (`open`).
    Options,
    /// `session` only (`close`).
    Session,
    /// `session` or `options` or neither (ops run in a session).
    InSession,
    /// `workspace` (a handle from `workspaceOpen`).
    Workspace,
}

impl Request {
    pub(crate) fn envelope(&self) -> Envelope {
        use Request::*;
        match self {
            Open(_) => Envelope::Options,
            Close(_) => Envelope::Session,
            Validate(_) | Normalize(_) | ExportSpec(_) | SpecTypes(_) | SpecType(_)
            | FrontMatterSchema(_) | CrossCheck(_) => Envelope::InSession,
            WorkspaceClose(_)
            | WorkspaceEnter(_)
            | WorkspaceLeave(_)
            | WorkspaceVisit(_)
            | WorkspaceSelect(_)
            | WorkspaceReferenceGlobs(_)
            | WorkspaceReferenceMatches(_)
            | WorkspaceTemplateGlobs(_)
            | WorkspaceTemplateMatches(_)
            | WorkspaceAddTemplates(_)
            | WorkspaceRenderTemplates(_)
            | WorkspaceAdd(_)
            | WorkspaceUnreadable(_)
            | WorkspaceFinish(_) => Envelope::Workspace,
            Version(_) | Rules(_) | ParseConfig(_) | DeriveSpecType(_) | RenderDiagnostics(_)
            | MatchGlob(_) | WorkspaceOpen(_) => Envelope::Bare,
        }
    }
}

/// An op without fields of its own.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct Empty {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ConfigRequest {
    #[serde(default)]
    pub text: Option<String>,
    /// The config file's path: errors read `config path:line:col: message`.
    #[serde(default)]
    pub path: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeriveRequest {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub yaml: bool,
}

/// `validate`: the document, an explicit type, the path named in results.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct DocRequest {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub spec_type: Option<String>,
    #[serde(default)]
    pub path: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ExportRequest {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub spec_type: Option<String>,
}

/// `normalize`: the document and [`crate::normalize::NormalizeOptions`].
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct NormalizeRequest {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub unsafe_fixes: bool,
    #[serde(default)]
    pub reorder_sections: bool,
    #[serde(default)]
    pub insert_missing_sections: bool,
    #[serde(default)]
    pub spec_type: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct IdRequest {
    pub id: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct SchemaRequest {
    pub spec_type: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CrossRequest {
    pub documents: Vec<CrossDoc>,
    #[serde(default)]
    pub initiatives: Option<Vec<String>>,
    #[serde(default)]
    pub specs: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RenderRequest {
    pub format: String,
    pub files: Vec<RenderFile>,
    #[serde(default)]
    pub color: bool,
    #[serde(default)]
    pub quiet: bool,
    #[serde(default)]
    pub skipped: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GlobRequest {
    pub pattern: String,
    pub path: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct EnterRequest {
    pub dir: String,
    #[serde(default)]
    pub ignore_texts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LeaveRequest {
    pub mark: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct VisitRequest {
    pub dir: String,
    /// `[name, kind]` pairs.
    #[serde(default)]
    pub entries: Vec<(String, String)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SelectRequest {
    pub rel: String,
    #[serde(default)]
    pub named: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RelRequest {
    pub rel: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TemplatesRequest {
    pub templates: Vec<crate::workspace::TemplateSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RenderTemplatesRequest {
    #[serde(default)]
    pub json: bool,
    #[serde(default)]
    pub check: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AddRequest {
    pub shown: String,
    pub rel: String,
    #[serde(default)]
    pub named: bool,
    #[serde(default)]
    pub included: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UnreadableRequest {
    pub shown: String,
    #[serde(default)]
    pub rel: Option<String>,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FinishRequest {
    #[serde(default)]
    pub initiatives: Option<Vec<String>>,
    #[serde(default)]
    pub specs: Option<Vec<String>>,
    #[serde(default)]
    pub format: Option<String>,
    #[serde(default)]
    pub color: bool,
    #[serde(default)]
    pub quiet: bool,
}
