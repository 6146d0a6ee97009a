//! The run policy of `speclint check`, once, for every host.
//!
//! Which files of a tree are spec documents, the config's `include` and
//! `exclude`, `.gitignore` and `.ignore` rules, the cross-document checks and
//! the exit code are decided here, with no I/O. A host lists folders, reads
//! files and prints; it asks this module what to do with each entry:
//!
//! 1. [`Workspace::new`] takes the linter (config and spec types loaded) and
//!    the config; [`Workspace::walk`] gives a [`Walk`] that decides, entry by
//!    entry, what a walk enters ([`Walk::visit`]), with the ignore files the
//!    host reads passed in as text ([`Walk::enter`]).
//! 2. [`Workspace::select`] says whether a file is checked.
//! 3. A [`Run`] validates each document once ([`Run::add`]) and keeps its
//!    cross-document facts from that same parse; [`Run::finish`] adds the
//!    cross-document findings and gives the [`Outcome`]: every file's
//!    findings, the summary, the exit code, and the rendered output.
//!
//! Paths: `shown` is the path as the user gave or the walk found it (printed,
//! and `/`-separated for links between documents); `rel` is relative to the
//! config's folder, `/`-separated (for `include`, `exclude` and
//! `overrides`).
//!
//! Over 600 lines because the run policy is one state machine (`Workspace`,
//! `Run`, `Outcome`) that every host drives the same way; the walk (`walk.rs`)
//! and path rules (`paths.rs`) are apart already.

use std::collections::HashMap;
use std::sync::Arc;

use crate::config::Config;
use crate::corpus::{CorpusOptions, DocFacts};
use crate::diagnostic::{self, Diagnostic, LocatedDiagnostic};
use crate::glob::{GlobError, GlobSet};
use crate::report::{self, FileReport, Format, RenderOptions, Summary};
use crate::source::{ColumnEncoding, LineIndex, Span};
use crate::{Linter, Severity};

mod paths;
mod walk;

pub use paths::*;
pub use walk::*;

/// A template file the host read for [`Workspace::template_globs`].
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateSource {
    /// As shown to the user (in messages).
    pub path: String,
    /// Relative to the config's folder, `/`-separated.
    pub rel: String,
    pub text: String,
}

/// Which findings fail a run (exit code 1); a file that cannot be read
/// always exits 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailOn {
    /// Errors (the default).
    #[default]
    Error,
    /// Errors and warnings.
    Warning,
    /// Nothing: the findings are reported, the run passes.
    Never,
}

impl FailOn {
    /// `error`, `warning` or `never`.
    pub fn parse(s: &str) -> Option<FailOn> {
        match s {
            "error" => Some(FailOn::Error),
            "warning" => Some(FailOn::Warning),
            "never" => Some(FailOn::Never),
            _ => None,
        }
    }
}

/// How a file is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selected {
    /// Named by the user: always checked.
    pub named: bool,
    /// Matched by `include`: checked even without `spec_type`.
    pub included: bool,
}

/// The run policy of one config (see the module doc).
#[derive(Debug)]
pub struct Workspace {
    linter: Arc<Linter>,
    include: GlobSet,
    exclude: GlobSet,
    /// The config's `references` globs, as written and compiled once.
    initiatives: (Vec<String>, GlobSet),
    specs: (Vec<String>, GlobSet),
    spec_type: Option<String>,
    /// The config's `templates` globs, as written and compiled once.
    templates: (Vec<String>, GlobSet),
    /// Named files are selected as a walk selects them (`--only-specs`).
    only_specs: bool,
    /// What fails the run (`--fail-on`).
    fail_on: FailOn,
    /// While the host has not given the template files yet
    /// ([`Workspace::add_templates`]): what the linter is rebuilt from.
    pending: Option<Box<Pending>>,
}

/// What a workspace's linter is rebuilt from once the templates are read.
#[derive(Debug)]
struct Pending {
    config: Config,
    types: Vec<(String, String)>,
    config_path: Option<String>,
}

/// A problem with the config's globs.
fn glob_set(what: &str, globs: &[String]) -> Result<GlobSet, String> {
    GlobSet::new(globs).map_err(|e: GlobError| format!("config: `{what}`: {e}"))
}

impl Workspace {
    /// The policy of `config` (read from `config_path`, if from a file) with
    /// the spec type files `types` (path, text) the host read: those the
    /// config names, then any the user added. `spec_type`: read every
    /// document as this type. Errors are messages for the user, naming the
    /// config file or the type file.
    /// [`Workspace::load`] from a config file's text (`config_path`, if from a file).
    /// `templates`: globs added to the config's `templates` (`--templates`).
    pub fn from_config_text(
        config_text: Option<&str>,
        config_path: Option<&str>,
        types: &[(String, String)],
        templates: &[String],
        spec_type: Option<&str>,
    ) -> Result<Workspace, String> {
        let mut config = match config_text {
            Some(t) => Config::from_yaml(t).map_err(|e| match config_path {
                Some(p) => format!("config {}", e.in_file(p)),
                None => format!("config: {e}"),
            })?,
            None => Config::default(),
        };
        config
            .templates
            .extend(templates.iter().map(|g| clean_glob(g).to_string()));
        Workspace::load(&config, config_path, types, spec_type)
    }

    ///
    /// With `templates` globs in the config, the host then reads the files
    /// they match ([`Workspace::template_globs`],
    /// [`Workspace::template_matches`]) and gives them to
    /// [`Workspace::add_templates`] before it validates anything.
    pub fn load(
        config: &Config,
        config_path: Option<&str>,
        types: &[(String, String)],
        spec_type: Option<&str>,
    ) -> Result<Workspace, String> {
        let pending = !config.templates.is_empty();
        let linter = Workspace::linter_of(config, config_path, types, (!pending).then_some(&[]))?;
        let mut ws = Workspace::build(Arc::new(linter), config, spec_type, !pending)?;
        if pending {
            ws.pending = Some(Box::new(Pending {
                config: config.clone(),
                types: types.to_vec(),
                config_path: config_path.map(str::to_string),
            }));
        }
        Ok(ws)
    }

    fn linter_of(
        config: &Config,
        config_path: Option<&str>,
        types: &[(String, String)],
        templates: Option<&[(String, String)]>,
    ) -> Result<Linter, String> {
        Linter::with_templates(config, types, templates).map_err(|e| match (&e, config_path) {
            // A type or template file's error names that file; the rest are the config's.
            (crate::OptionsError::SpecType(m), _) => m.clone(),
            (_, Some(p)) => format!("config `{p}`: {e}"),
            (_, None) => e.to_string(),
        })
    }

    /// The config's `templates` globs (relative to its folder), `None` when
    /// it names none. The host walks the config's folder with [`Walk`], keeps
    /// the Markdown files that [`Workspace::template_matches`], and gives
    /// them to [`Workspace::add_templates`].
    pub fn template_globs(&self) -> Option<&[String]> {
        (!self.templates.0.is_empty()).then_some(&self.templates.0[..])
    }

    /// Whether the file at `rel` (relative to the config's folder) is a
    /// template of the family: never checked as a document.
    pub fn template_matches(&self, rel: &str) -> bool {
        !self.templates.0.is_empty() && self.templates.1.matches(&clean_path(rel))
    }

    /// Derives the spec types of the template files (path as shown, text)
    /// the host read for [`Workspace::template_globs`], refined by the type
    /// files of the same id. Called once, before any file is validated; an
    /// error names the template.
    pub fn add_templates(&mut self, templates: &[TemplateSource]) -> Result<(), String> {
        let Some(p) = self.pending.take() else {
            return Err("the templates were given already".into());
        };
        let Pending {
            config,
            types,
            config_path,
        } = *p;
        // A glob that finds nothing is a mistake the user must hear about:
        // the documents of its types would all fail as of an unknown type.
        for g in &self.templates.0 {
            let one = GlobSet::new(std::slice::from_ref(g)).map_err(|e| e.to_string())?;
            if !templates.iter().any(|t| one.matches(&clean_path(&t.rel))) {
                let what = format!("`templates`: `{g}` matches no Markdown file");
                return Err(match config_path.as_deref() {
                    Some(p) => format!("config `{p}`: {what}"),
                    None => what,
                });
            }
        }
        let texts: Vec<(String, String)> = templates
            .iter()
            .map(|t| (t.path.clone(), t.text.clone()))
            .collect();
        let linter = Workspace::linter_of(&config, config_path.as_deref(), &types, Some(&texts))?;
        if let Some(t) = &self.spec_type {
            linter.registry().require(t).map_err(String::from)?;
        }
        self.linter = Arc::new(linter);
        Ok(())
    }

    /// The policy of `config` for documents validated by `linter` (built from
    /// the same config); `spec_type`: read every document as this type.
    pub fn new(
        linter: Arc<Linter>,
        config: &Config,
        spec_type: Option<&str>,
    ) -> Result<Workspace, String> {
        Workspace::build(linter, config, spec_type, true)
    }

    fn build(
        linter: Arc<Linter>,
        config: &Config,
        spec_type: Option<&str>,
        check_type: bool,
    ) -> Result<Workspace, String> {
        if let Some(t) = spec_type.filter(|_| check_type) {
            linter.registry().require(t).map_err(String::from)?;
        }
        Ok(Workspace {
            linter,
            include: glob_set("include", &config.include)?,
            exclude: glob_set("exclude", &config.exclude)?,
            initiatives: (
                config.references.initiatives.clone(),
                glob_set("references.initiatives", &config.references.initiatives)?,
            ),
            specs: (
                config.references.specs.clone(),
                glob_set("references.specs", &config.references.specs)?,
            ),
            spec_type: spec_type.map(str::to_string),
            templates: (
                config.templates.clone(),
                glob_set("templates", &config.templates)?,
            ),
            pending: None,
            only_specs: false,
            fail_on: FailOn::Error,
        })
    }

    /// `--fail-on`: which findings make the exit code 1.
    pub fn set_fail_on(&mut self, f: FailOn) {
        self.fail_on = f;
    }

    /// `--only-specs`: files the user names are selected as a walk selects
    /// them (a file without `spec_type` that `include` does not name is not a
    /// document; one `exclude` names is skipped), for hosts that pass every
    /// Markdown file (pre-commit, editors).
    pub fn set_only_specs(&mut self, on: bool) {
        self.only_specs = on;
    }

    /// A new walk (ignore rules as the host reads them).
    pub fn walk(&self) -> Walk {
        Walk::default()
    }

    /// Whether the file at `rel` (relative to the config's folder) is
    /// checked: a named file always; a file found by a walk unless `exclude`
    /// matches it or `include` is set and does not.
    pub fn select(&self, rel: &str, named: bool) -> Option<Selected> {
        let named = named && !self.only_specs;
        let rel = clean_path(rel);
        let included = self.include.matches(&rel);
        if named {
            return Some(Selected { named, included });
        }
        if self.exclude.matches(&rel) || (!self.include.is_empty() && !included) {
            return None;
        }
        Some(Selected { named, included })
    }

    /// The globs (relative to the config's folder) whose files the
    /// cross-document checks must know: initiative documents and spec
    /// documents. `None` when the config names none. The host walks the
    /// config's folder with [`Walk`] and keeps the Markdown files that match
    /// ([`Workspace::reference_matches`]).
    pub fn reference_globs(&self) -> (Option<&[String]>, Option<&[String]>) {
        let some = |v: &[String]| !v.is_empty();
        (
            some(&self.initiatives.0).then_some(&self.initiatives.0[..]),
            some(&self.specs.0).then_some(&self.specs.0[..]),
        )
    }

    /// Which reference lists a file at `rel` belongs to: (initiative, spec).
    pub fn reference_matches(&self, rel: &str) -> (bool, bool) {
        let rel = clean_path(rel);
        (self.initiatives.1.matches(&rel), self.specs.1.matches(&rel))
    }

    /// A new run.
    pub fn run(&self) -> Run {
        Run::default()
    }

    /// The linter.
    pub fn linter(&self) -> &Linter {
        &self.linter
    }

    /// The linter, shared (for a host's other commands: fmt, export).
    pub fn shared_linter(&self) -> Arc<Linter> {
        Arc::clone(&self.linter)
    }
}

/// One file of a run's outcome; also what hosts give `renderDiagnostics`
/// (`api::RenderFile`).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckedFile {
    /// As shown to the user.
    pub path: String,
    /// The text the findings point into (lossy for invalid UTF-8).
    pub text: String,
    pub diagnostics: Vec<LocatedDiagnostic>,
}

/// One `check` over many files: each validated once (see the module doc).
/// Data only: each step takes the [`Workspace`] it runs in.
#[derive(Debug, Default)]
pub struct Run {
    files: Vec<CheckedFile>,
    /// The facts of `files[i]`, for the files that are documents.
    facts: Vec<(usize, DocFacts)>,
    skipped: usize,
    unreadable: usize,
    /// Template files among `files`.
    templates: usize,
}

/// What a run found.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Every checked or unreadable file, in [`compare_paths`] order.
    pub files: Vec<CheckedFile>,
    /// Files found by a walk that are not spec documents.
    pub skipped: usize,
    pub summary: Summary,
    /// 2 when a file could not be read (`IO002` at error), 1 on errors (or
    /// what [`Workspace::set_fail_on`] says), 0 otherwise.
    pub exit_code: u8,
}

/// One file validated by [`Workspace::validate`], for [`Run::push`].
#[derive(Debug)]
pub enum Validated {
    /// A spec document: its findings and its cross-document facts.
    Document(CheckedFile, Box<DocFacts>),
    /// Found by a walk, but not a spec document.
    Skipped,
    /// A template of the family (`IO004`).
    Template(CheckedFile),
}

impl Workspace {
    /// Validates a file (`shown`, `rel`: see the module doc) selected by
    /// [`Workspace::select`], once, keeping its cross-document facts. A file
    /// found by a walk that neither declares `spec_type` nor matches
    /// `include` is not a spec document. Needs only `&self`: hosts may
    /// validate in parallel and [`Run::push`] the results in any order.
    pub fn validate(&self, shown: &str, rel: &str, bytes: &[u8], how: Selected) -> Validated {
        if let Some(t) = self.template_of(rel, bytes, how.named) {
            return Validated::Template(self.template_file(shown, rel, &t));
        }
        let explicit = self.spec_type.as_deref();
        let (text, report, facts) = self.linter.check_bytes_with_facts(
            &clean_path(rel),
            &clean_path(shown),
            bytes,
            explicit,
        );
        if !(how.named || how.included || report.declares_spec_type || explicit.is_some()) {
            return Validated::Skipped;
        }
        let diagnostics = diagnostic::locate(
            &text,
            &LineIndex::new(&text),
            &report.diagnostics,
            Some(shown),
            ColumnEncoding::Unicode,
        );
        let file = CheckedFile {
            path: shown.to_string(),
            text: text.into_owned(),
            diagnostics,
        };
        Validated::Document(file, Box::new(facts))
    }
}

impl Workspace {
    /// The template a file is, if it is one: a file matching the `templates`
    /// globs, or a walked file whose title is still a placeholder
    /// (`# <Service> Tech Stack`) and that reads as a template.
    fn template_of(&self, rel: &str, bytes: &[u8], named: bool) -> Option<crate::family::Template> {
        let matched = self.template_matches(rel);
        if !matched && (named || !placeholder_title_line(bytes)) {
            return None;
        }
        let text = std::str::from_utf8(bytes).ok()?;
        if !matched && !crate::family::has_placeholder_title(&crate::Document::parse(text)) {
            return None;
        }
        let t = crate::family::derive(text).ok()?;
        Some(crate::family::Template::of(rel, &t))
    }

    /// A template met by a run: listed (`IO004`, info), not checked.
    fn template_file(&self, shown: &str, rel: &str, t: &crate::family::Template) -> CheckedFile {
        let meta = &crate::rules::builtin::TEMPLATE_FILE;
        let mut d = vec![Diagnostic {
            code: meta.code,
            name: meta.name,
            severity: meta.severity,
            message: t.describe(),
            span: Span::empty(0),
            help: None,
            fix: None,
            related: Vec::new(),
        }];
        let levels = self.linter.levels_for(Some(&clean_path(rel)));
        crate::rules::apply_levels(&levels, &mut d, true);
        CheckedFile {
            path: shown.to_string(),
            text: String::new(),
            diagnostics: diagnostic::locate(
                "",
                &LineIndex::new(""),
                &d,
                Some(shown),
                ColumnEncoding::Unicode,
            ),
        }
    }
}

/// A quick look for a level-1 heading line that starts with a placeholder
/// (`# <...`, `# {{`) in the first 64 KiB: most files have none, and are not
/// parsed twice to find out.
fn placeholder_title_line(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    head.split(|&b| b == b'\n').any(|line| {
        line.strip_prefix(b"# ")
            .map(|r| r.trim_ascii_start())
            .is_some_and(|r| r.starts_with(b"<") || r.starts_with(b"{{"))
    })
}

impl Run {
    /// Validates a file and adds it ([`Workspace::validate`], [`Run::push`]);
    /// `false` when it is not a spec document.
    pub fn add(
        &mut self,
        ws: &Workspace,
        shown: &str,
        rel: &str,
        bytes: &[u8],
        how: Selected,
    ) -> bool {
        let v = ws.validate(shown, rel, bytes, how);
        let document = matches!(v, Validated::Document(..));
        self.push(v);
        document
    }

    /// Adds a validated file.
    pub fn push(&mut self, v: Validated) {
        match v {
            Validated::Document(file, facts) => {
                self.facts.push((self.files.len(), *facts));
                self.files.push(file);
            }
            Validated::Skipped => self.skipped += 1,
            Validated::Template(file) => {
                self.templates += 1;
                self.files.push(file);
            }
        }
    }

    /// A file or folder that could not be read: one `IO002` finding, with
    /// the levels of its path. The run goes on.
    pub fn unreadable(&mut self, ws: &Workspace, shown: &str, rel: Option<&str>, message: &str) {
        let meta = &crate::rules::builtin::UNREADABLE;
        let mut d = vec![Diagnostic {
            code: meta.code,
            name: meta.name,
            severity: meta.severity,
            message: crate::text::truncate_chars(message, 500).to_string(),
            span: Span::empty(0),
            help: None,
            fix: None,
            related: Vec::new(),
        }];
        let levels = ws.linter.levels_for(rel.map(clean_path).as_deref());
        crate::rules::apply_levels(&levels, &mut d, true);
        if d.iter().any(|d| d.severity == Severity::Error) {
            self.unreadable += 1;
        }
        let located = diagnostic::locate(
            "",
            &LineIndex::new(""),
            &d,
            Some(shown),
            ColumnEncoding::Unicode,
        );
        self.files.push(CheckedFile {
            path: shown.to_string(),
            text: String::new(),
            diagnostics: located,
        });
    }

    /// Adds the cross-document findings and gives the outcome.
    /// `initiatives` and `specs`: the shown paths of the files the walk of
    /// [`Workspace::reference_globs`] found (`None` when there are no globs).
    pub fn finish(
        self,
        ws: &Workspace,
        initiatives: Option<&[String]>,
        specs: Option<&[String]>,
    ) -> Outcome {
        let Run {
            mut files,
            mut facts,
            skipped,
            unreadable,
            templates,
        } = self;
        // "First seen" is first in path order, whatever order the host added
        // the files in (hosts may validate in parallel).
        facts.sort_by(|(a, _), (b, _)| compare_paths(&files[*a].path, &files[*b].path));
        let opts = CorpusOptions {
            initiatives: initiatives.map(|v| v.iter().map(|p| stem(p).to_string()).collect()),
            specs: specs.map(|v| v.iter().map(|p| clean_path(p)).collect()),
        };
        let docs: Vec<DocFacts> = facts.iter().map(|(_, f)| f.clone()).collect();
        let extra = ws.linter.cross_check_facts(&docs, &opts);
        if extra.iter().any(|e| !e.is_empty()) {
            let by_path: HashMap<&str, usize> = facts.iter().map(|(i, f)| (f.path(), *i)).collect();
            let mut located_all: Vec<(usize, Vec<LocatedDiagnostic>)> = Vec::new();
            for ((i, _), ds) in facts.iter().zip(&extra) {
                if ds.is_empty() {
                    continue;
                }
                let f = &files[*i];
                let mut located = diagnostic::locate(
                    &f.text,
                    &LineIndex::new(&f.text),
                    ds,
                    Some(&f.path),
                    ColumnEncoding::Unicode,
                );
                for (d, orig) in located.iter_mut().zip(ds) {
                    for (r, o) in d.related.iter_mut().zip(&orig.related) {
                        let other = o.path.as_deref().and_then(|p| by_path.get(p)).copied();
                        if let Some(other) = other.map(|j| &files[j]) {
                            let lc = LineIndex::new(&other.text).locate(
                                &other.text,
                                o.span.start.min(other.text.len()),
                                ColumnEncoding::Unicode,
                            );
                            r.line = lc.line;
                            r.column = lc.column;
                            r.path = Some(other.path.clone());
                        }
                    }
                }
                located_all.push((*i, located));
            }
            for (i, mut located) in located_all {
                let f = &mut files[i];
                f.diagnostics.append(&mut located);
                f.diagnostics.sort_by_key(|d| (d.start, d.end));
            }
        }
        if facts.is_empty() && files.len() == templates {
            files.push(no_documents(ws, skipped));
        }
        files.sort_by(|a, b| compare_paths(&a.path, &b.path));
        let mut summary = Summary::default();
        for f in &files {
            summary.add(&f.diagnostics);
        }
        let failed = match ws.fail_on {
            FailOn::Error => summary.errors > 0,
            FailOn::Warning => summary.errors + summary.warnings > 0,
            FailOn::Never => false,
        };
        let exit_code = if unreadable > 0 {
            2
        } else if failed {
            1
        } else {
            0
        };
        Outcome {
            files,
            skipped,
            summary,
            exit_code,
        }
    }
}

/// `IO003`, when a run checked nothing: a CI job whose documents lack
/// `spec_type` would otherwise pass without a word. A warning by default;
/// `IO003: error` in the config's `rules` makes such a run fail. Shown on
/// the path `.`, the folder the run started from.
fn no_documents(ws: &Workspace, skipped: usize) -> CheckedFile {
    let meta = &crate::rules::builtin::NO_DOCUMENTS;
    let message = match skipped {
        0 => "no spec document found: no Markdown file was selected".to_string(),
        1 => "no spec document found: 1 Markdown file without `spec_type`".to_string(),
        n => format!("no spec document found: {n} Markdown files without `spec_type`"),
    };
    let mut d = vec![Diagnostic {
        code: meta.code,
        name: meta.name,
        severity: meta.severity,
        message,
        span: Span::empty(0),
        help: Some(
            "declare `spec_type` in each document's front matter, or select the documents with `include` in `speclint.yaml` (`IO003: error` in its `rules` fails such a run)"
                .into(),
        ),
        fix: None,
        related: Vec::new(),
    }];
    crate::rules::apply_levels(&ws.linter.levels_for(None), &mut d, true);
    let diagnostics = diagnostic::locate(
        "",
        &LineIndex::new(""),
        &d,
        Some("."),
        ColumnEncoding::Unicode,
    );
    CheckedFile {
        path: ".".to_string(),
        text: String::new(),
        diagnostics,
    }
}

impl Outcome {
    /// The outcome in a format, as every host prints it.
    pub fn render(&self, format: Format, color: bool, quiet: bool) -> String {
        render_files(&self.files, format, color, quiet, self.skipped)
    }
}

/// Checked files in a format, as `speclint check` prints them: the one
/// rendering path of [`Outcome::render`] and of the bindings'
/// `renderDiagnostics`. `skipped`: Markdown files without `spec_type` a walk
/// passed over (in the summary line).
pub fn render_files(
    files: &[CheckedFile],
    format: Format,
    color: bool,
    quiet: bool,
    skipped: usize,
) -> String {
    let reports: Vec<FileReport<'_>> = files
        .iter()
        .map(|f| FileReport {
            path: &f.path,
            text: &f.text,
            diagnostics: &f.diagnostics,
        })
        .collect();
    report::render(
        format,
        &reports,
        &RenderOptions {
            color,
            quiet,
            skipped,
        },
    )
}

/// Whether the paths given to `check` or `fmt` name standard input: `-`,
/// alone (the document is then shown as `-`). `-` among other paths is an
/// error, as hosts cannot tell which output belongs to which.
pub fn reads_stdin<S: AsRef<str>>(paths: &[S]) -> Result<bool, String> {
    let dash = paths.iter().filter(|p| p.as_ref() == "-").count();
    match (dash, paths.len()) {
        (0, _) => Ok(false),
        (1, 1) => Ok(true),
        _ => Err("`-` (standard input) must be the only path".to_string()),
    }
}

/// Paths deduplicated by a key the host computes (its canonical path): the
/// first spelling is kept, and a file named anywhere stays named.
pub fn dedupe<K: std::hash::Hash + Eq>(
    entries: Vec<(K, String, Selected)>,
) -> Vec<(String, Selected)> {
    let mut seen: HashMap<K, usize> = HashMap::new();
    let mut out: Vec<(String, Selected)> = Vec::with_capacity(entries.len());
    for (k, p, s) in entries {
        match seen.get(&k) {
            Some(&i) => {
                out[i].1.named |= s.named;
                out[i].1.included |= s.included;
            }
            None => {
                seen.insert(k, out.len());
                out.push((p, s));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
