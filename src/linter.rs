//! The configured validator, [`Linter`]: spec types, rule levels and limits,
//! built once and used for many documents.
//!
//! `Linter` validates (the rules of `rules/` over a parsed [`Document`]) and
//! composes the transforms: [`Linter::normalize`], [`Linter::export`] and the
//! cross-document checks ([`Linter::cross_check_facts`]) are one-line
//! delegations to `normalize`, `export` and `corpus`, which see the linter
//! only as a [`Validator`]. No module but this one adds to `Linter`.

use crate::analysis::{self, Analysis};
use crate::corpus::{self, CorpusDoc, CorpusOptions, DocFacts};
use crate::export::{self, SpecDocument};
use crate::normalize::{self, NormalizeOptions, Normalized};
use crate::rules::{self, Checker, Levels};
use crate::{
    ColumnEncoding, Config, Diagnostic, Document, LineIndex, OptionsError, Registry, Report,
    Severity, Simple, Span, SpecType, TypeSource, Validator, diagnostic, family, glob, limits,
    schema, spec_type, suppress, text,
};

/// A configured validator: spec types and rule levels, built once and used for many documents.
#[derive(Debug, Clone, Default)]
pub struct Linter {
    registry: Registry,
    levels: Levels,
    /// `overrides` of the config: globs of paths and the levels they set.
    overrides: Vec<(glob::GlobSet, Levels)>,
    default_type: Option<String>,
    limits: limits::Limits,
    /// The template family the spec types were derived from.
    templates: Vec<family::Template>,
}

impl Linter {
    /// Builds a linter from a config whose type files have already been read
    /// (`types` holds their texts, with a name for messages).
    pub fn new(config: &Config, types: &[(String, String)]) -> Result<Linter, OptionsError> {
        Linter::with_templates(config, types, Some(&[]))
    }

    /// [`Linter::new`] with the spec types of a template family: `templates`
    /// holds the template files (path, text) the host read for the config's
    /// `templates` globs. Each is derived ([`family::derive`]); a type file
    /// with the same id refines it ([`family::refine`]). `None`: the
    /// templates are still to come (a [`crate::workspace::Workspace`] adds them),
    /// so `default_type` is checked then.
    pub fn with_templates(
        config: &Config,
        types: &[(String, String)],
        templates: Option<&[(String, String)]>,
    ) -> Result<Linter, OptionsError> {
        let mut registry = Registry::default();
        let mut family = family::Family::derive(templates.unwrap_or_default())?;
        for (name, text) in types {
            let located = |e: spec_type::SpecTypeError| {
                OptionsError::SpecType(match e.offset {
                    // `path:line:col: message`, as editors and terminals link it.
                    Some(o) if o <= text.len() => {
                        let lc = LineIndex::new(text).locate(text, o, ColumnEncoding::Unicode);
                        format!("spec type {name}:{}:{}: {e}", lc.line, lc.column)
                    }
                    _ => format!("spec type `{name}`: {e}"),
                })
            };
            let t = SpecType::parse_yaml(text).map_err(located)?;
            // A type with a template's id refines it; any other is a type of its own.
            if let Some(t) = family.refine(name, t)? {
                t.check().map_err(located)?;
                registry.add(t);
            }
        }
        let templates_loaded = family.into_registry(&mut registry);
        let levels = config.levels()?;
        if let (Some(d), Some(_)) = (&config.default_type, templates) {
            if registry.get(d).is_none() {
                return Err(OptionsError::Invalid(format!(
                    "`default_type` `{d}` is not a known spec type; known: {}",
                    text::code_list(&registry.ids())
                )));
            }
        }
        Ok(Linter {
            registry,
            levels,
            overrides: config.compiled_overrides()?,
            default_type: config.default_type.clone(),
            limits: limits::Limits::default(),
            templates: templates_loaded,
        })
    }

    /// The templates of the family, in the order read.
    pub fn templates(&self) -> &[family::Template] {
        &self.templates
    }

    /// Adds a spec type (replacing a type with the same id).
    pub fn add_type(&mut self, t: SpecType) {
        self.registry.add(t);
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Validates a document, choosing its spec type from `spec_type` (or the
    /// default type, or its headings).
    pub fn check(&self, text: &str) -> Report {
        self.check_with_type(text, None)
    }

    /// Validates a document against an explicit spec type (`None`: as [`Linter::check`]).
    pub fn check_with_type(&self, text: &str, explicit: Option<&str>) -> Report {
        self.check_text_with(text, explicit, &self.levels)
    }

    fn check_text_with(&self, text: &str, explicit: Option<&str>, levels: &Levels) -> Report {
        self.check_text_facts(text, explicit, levels, None).0
    }

    /// Validates `text`; with `facts_path`, also collects the document's
    /// cross-document facts from the same parse.
    fn check_text_facts(
        &self,
        text: &str,
        explicit: Option<&str>,
        levels: &Levels,
        facts_path: Option<&str>,
    ) -> (Report, Option<corpus::DocFacts>) {
        if let Some(d) = self.limits.check_input(text) {
            let mut diagnostics = vec![d];
            rules::apply_levels(levels, &mut diagnostics, true);
            let report = Report {
                diagnostics,
                spec_type: None,
                type_source: None,
                declares_spec_type: false,
            };
            return (report, facts_path.map(corpus::DocFacts::empty));
        }
        let doc = Document::parse(text);
        let (report, reading) = self.check_document_full(&doc, explicit, levels);
        let facts = facts_path.map(|p| {
            let analysis = reading
                .as_ref()
                .filter(|(s, _)| s.semantics.contains(&spec_type::Semantics::DatabaseSchema))
                .map(|(_, a)| a);
            corpus::facts_of(p, &doc, analysis)
        });
        (report, facts)
    }

    /// Validates a file's bytes as [`Linter::check_bytes_at`] does and, from
    /// the same parse, collects its cross-document facts (see
    /// [`Linter::cross_check_facts`]): `path` is `/`-separated, relative to
    /// the config's folder for its `overrides`, and `shown` is the path the
    /// facts and findings name.
    pub fn check_bytes_with_facts<'b>(
        &self,
        path: &str,
        shown: &str,
        bytes: &'b [u8],
        explicit: Option<&str>,
    ) -> (std::borrow::Cow<'b, str>, Report, corpus::DocFacts) {
        let levels = self.levels_for(Some(path));
        let (text, invalid) = match std::str::from_utf8(bytes) {
            Ok(t) => (std::borrow::Cow::Borrowed(t), None),
            Err(e) => (
                std::borrow::Cow::Owned(String::from_utf8_lossy(bytes).into_owned()),
                Some(e.valid_up_to()),
            ),
        };
        let (mut report, facts) = self.check_text_facts(&text, explicit, &levels, Some(shown));
        if let Some(offset) = invalid {
            let mut extra = vec![invalid_utf8(&text, offset, bytes)];
            rules::apply_levels(&levels, &mut extra, true);
            report.diagnostics.append(&mut extra);
            diagnostic::sort(&mut report.diagnostics);
        }
        let facts = facts.unwrap_or_else(|| corpus::DocFacts::empty(shown));
        (text, report, facts)
    }

    /// Validates a file's bytes. Invalid UTF-8 is decoded lossily (every
    /// offset before the first bad byte is kept) and reported as `IO001`
    /// there; the returned text is what the diagnostics point into (offsets
    /// after the first bad byte are offsets of the decoded text, in which
    /// each invalid sequence is one U+FFFD; lines are those of the file).
    pub fn check_bytes<'b>(
        &self,
        bytes: &'b [u8],
        explicit: Option<&str>,
    ) -> (std::borrow::Cow<'b, str>, Report) {
        self.check_bytes_with(bytes, explicit, &self.levels)
    }

    fn check_bytes_with<'b>(
        &self,
        bytes: &'b [u8],
        explicit: Option<&str>,
        levels: &Levels,
    ) -> (std::borrow::Cow<'b, str>, Report) {
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.into(), self.check_text_with(text, explicit, levels)),
            Err(e) => {
                let offset = e.valid_up_to();
                let text = String::from_utf8_lossy(bytes).into_owned();
                let mut report = self.check_text_with(&text, explicit, levels);
                let mut extra = vec![invalid_utf8(&text, offset, bytes)];
                rules::apply_levels(levels, &mut extra, true);
                report.diagnostics.append(&mut extra);
                diagnostic::sort(&mut report.diagnostics);
                (text.into(), report)
            }
        }
    }

    /// The rule levels for a document at `path` (relative to the config
    /// file, `/`-separated): the config's `rules`, then every matching
    /// `overrides` entry in order.
    pub fn levels_for(&self, path: Option<&str>) -> std::borrow::Cow<'_, Levels> {
        let Some(path) = path else {
            return std::borrow::Cow::Borrowed(&self.levels);
        };
        let mut matching = self
            .overrides
            .iter()
            .filter(|(g, _)| g.matches(path))
            .peekable();
        if matching.peek().is_none() {
            return std::borrow::Cow::Borrowed(&self.levels);
        }
        let mut levels = self.levels.clone();
        for (_, l) in matching {
            levels.extend(l.iter().map(|(k, v)| (*k, *v)));
        }
        std::borrow::Cow::Owned(levels)
    }

    /// Validates a file's bytes as [`Linter::check_bytes`] does, with the
    /// levels of its path (see [`Linter::levels_for`]).
    pub fn check_bytes_at<'b>(
        &self,
        path: Option<&str>,
        bytes: &'b [u8],
        explicit: Option<&str>,
    ) -> (std::borrow::Cow<'b, str>, Report) {
        let levels = self.levels_for(path);
        self.check_bytes_with(bytes, explicit, &levels)
    }

    /// Validates a document's text with the levels of its path.
    pub fn check_at(&self, path: Option<&str>, text: &str, explicit: Option<&str>) -> Report {
        let levels = self.levels_for(path);
        self.check_text_with(text, explicit, &levels)
    }

    /// Validates an already parsed document.
    pub fn check_document(&self, doc: &Document<'_>, explicit: Option<&str>) -> Report {
        self.check_document_with(doc, explicit, &self.levels)
    }

    fn check_document_with(
        &self,
        doc: &Document<'_>,
        explicit: Option<&str>,
        levels: &Levels,
    ) -> Report {
        self.check_document_full(doc, explicit, levels).0
    }

    /// Validates a parsed document; also gives the spec type it was read
    /// with and the analysis of its headings (for the cross-document facts).
    fn check_document_full(
        &self,
        doc: &Document<'_>,
        explicit: Option<&str>,
        levels: &Levels,
    ) -> (Report, Option<(&SpecType, Analysis)>) {
        let declared = declared_type(doc);
        let (spec, source) = self.resolve_type(doc, explicit, declared.as_deref());
        let empty = SpecType {
            id: String::new(),
            name: String::new(),
            description: None,
            fields: Vec::new(),
            sections: Vec::new(),
            conditions: Vec::new(),
            semantics: Vec::new(),
            residue: Vec::new(),
            compiled: Default::default(),
        };
        let has_spec = spec.is_some();
        let spec_ref = spec.unwrap_or(&empty);
        let analysis = if has_spec {
            Analysis::new(doc, spec_ref)
        } else {
            Analysis::default()
        };
        let schema = if has_spec {
            schema::model(doc, spec_ref, &analysis)
        } else {
            Vec::new()
        };
        let mut checker = Checker::new(doc, spec_ref, &analysis, &schema, &self.registry, levels);
        checker.type_source = source;
        let mut limit_diags = self.limits.check_document(doc);
        if has_spec && source == Some(TypeSource::Detected) {
            // Nothing to report: the missing `spec_type` is reported by FM005/FM001 with a help naming the type.
        }
        rules::run(&mut checker, has_spec);
        let mut diagnostics = checker.finish();
        if source == Some(TypeSource::Detected) {
            guessed_type_findings(&mut diagnostics, declared.is_some());
        }
        diagnostics.append(&mut limit_diags);
        diagnostic::sort(&mut diagnostics);
        suppress::apply(doc, &mut diagnostics);
        // One diagnostic path: the configured levels apply to every code,
        // limits, input and suppression findings included (rules applied
        // theirs when reporting, conditions included).
        rules::apply_levels(levels, &mut diagnostics, false);
        // A message quotes the document (a key, a value): never all of a huge one.
        for d in &mut diagnostics {
            text::cap_message(&mut d.message);
            if let Some(h) = &mut d.help {
                text::cap_message(h);
            }
        }
        let report = Report {
            diagnostics,
            spec_type: spec.map(|s| s.id.clone()),
            type_source: source,
            declares_spec_type: declared.is_some(),
        };
        (report, spec.map(|s| (s, analysis)))
    }

    fn resolve_type<'s>(
        &'s self,
        doc: &Document<'_>,
        explicit: Option<&str>,
        declared: Option<&str>,
    ) -> (Option<&'s SpecType>, Option<TypeSource>) {
        if let Some(id) = explicit {
            return (self.registry.get(id), Some(TypeSource::Explicit));
        }
        if let Some(id) = declared {
            if let Some(t) = self.registry.get(id) {
                return (Some(t), Some(TypeSource::FrontMatter));
            }
            // An unknown `spec_type` (reported by `unknown-spec-type`): the
            // body is still checked against the type it most likely means, a
            // close id (`database_schema`) or the type its headings match,
            // with every finding a warning, since the type is a guess.
            // The headings are the stronger evidence; a close id decides otherwise.
            let close = text::closest(id, self.registry.ids()).and_then(|c| self.registry.get(c));
            return match detect_type(&self.registry, doc).or(close) {
                Some(t) => (Some(t), Some(TypeSource::Detected)),
                None => (None, None),
            };
        }
        if let Some(id) = &self.default_type {
            if let Some(t) = self.registry.get(id) {
                return (Some(t), Some(TypeSource::Default));
            }
        }
        match detect_type(&self.registry, doc) {
            Some(t) => (Some(t), Some(TypeSource::Detected)),
            None => (None, None),
        }
    }
}

/// Findings against a guessed spec type rest on the guess: they are capped
/// at warnings, except those about the front matter block itself. When the
/// document declares an unknown type, `const-mismatch` on `spec_type` repeats
/// `unknown-spec-type` and is dropped.
fn guessed_type_findings(diagnostics: &mut Vec<Diagnostic>, declares_unknown: bool) {
    const KEEP: &[&str] = &[
        "FM001", "FM002", "FM003", "FM004", "IO001", "LM001", "LM002", "LM003", "LM004",
    ];
    if declares_unknown {
        diagnostics.retain(|d| d.code != "FM011");
    }
    for d in diagnostics.iter_mut() {
        if d.severity == Severity::Error && !KEEP.contains(&d.code) {
            d.severity = Severity::Warning;
        }
    }
}

/// The `spec_type` a document declares: its parsed value, or the value as
/// written when the front matter has a YAML error or is unclosed (so that the
/// body can still be checked against the right type).
pub fn declared_type(doc: &Document<'_>) -> Option<String> {
    let fm = doc.front_matter.as_ref()?;
    let entry = fm.yaml.get("spec_type")?;
    match &entry.value {
        Some(v) => analysis::scalar_text(v),
        None => {
            let raw = entry.value_span.text(doc.text).trim();
            (!raw.is_empty() && !raw.starts_with(['[', '{', '|', '>'])).then(|| raw.to_string())
        }
    }
}

/// The spec type whose section titles a document's headings match best, when
/// at least half of its sections are there.
pub fn detect_type<'r>(registry: &'r Registry, doc: &Document<'_>) -> Option<&'r SpecType> {
    let headings: std::collections::HashSet<String> = doc
        .headings
        .iter()
        .map(|h| spec_type::normalize_title(&h.text))
        .collect();
    registry
        .types()
        .iter()
        .filter(|t| !t.sections.is_empty())
        .map(|t| {
            let hits = t
                .sections
                .iter()
                .filter(|s| headings.contains(&spec_type::normalize_title(&s.title)))
                .count();
            (t, hits * 2 >= t.sections.len() && hits > 0, hits)
        })
        .filter(|(_, ok, _)| *ok)
        .max_by_key(|(_, _, hits)| *hits)
        .map(|(t, _, _)| t)
}

/// Validates a document with the built-in spec types and default rule levels.
pub fn validate(text: &str) -> Report {
    Linter::default().check(text)
}

/// `IO001` at the first invalid byte of a lossily decoded text.
/// `IO001` at the first invalid byte of `bytes` (`offset`), whose lossy
/// decoding is `text`; the message counts the other invalid sequences.
fn invalid_utf8(text: &str, offset: usize, bytes: &[u8]) -> Diagnostic {
    let end = text
        .get(offset..)
        .and_then(|rest| rest.chars().next())
        .map_or(offset, |c| offset + c.len_utf8());
    let more = bytes
        .utf8_chunks()
        .filter(|c| !c.invalid().is_empty())
        .count()
        .saturating_sub(1);
    let more = match more {
        0 => String::new(),
        1 => " (and 1 more invalid sequence)".to_string(),
        n => format!(" (and {n} more invalid sequences)"),
    };
    Simple {
        meta: &rules::builtin::INVALID_UTF8,
        message: format!("the file is not valid UTF-8: invalid byte at offset {offset}{more}"),
        help: Some(
            "save the file as UTF-8; `speclint fmt --write` will not rewrite it until then".into(),
        ),
    }
    .into_diagnostic(Span::new(offset, end))
}

/// The transforms, composed: each is its module's function, given this linter.
impl Linter {
    /// Normalizes a document (`normalize::normalize`). Never fails: a document
    /// over the size limit is returned unchanged with the limit diagnostic.
    pub fn normalize(&self, text: &str, opts: &NormalizeOptions) -> Normalized {
        normalize::normalize(self, text, opts)
    }

    /// Exports a document as data (`export::export`). Never fails.
    pub fn export(&self, text: &str, explicit_type: Option<&str>) -> SpecDocument {
        export::export(self, text, explicit_type)
    }

    /// The cross-document facts of a parsed document at `path` (`corpus::facts`).
    pub fn facts(&self, path: &str, doc: &Document<'_>, explicit: Option<&str>) -> DocFacts {
        corpus::facts(self, path, doc, explicit)
    }

    /// Cross-document diagnostics, one list per document (`corpus::cross_check`).
    pub fn cross_check(
        &self,
        docs: &[CorpusDoc<'_>],
        opts: &CorpusOptions,
    ) -> Vec<Vec<Diagnostic>> {
        corpus::cross_check(self, docs, opts)
    }

    /// Cross-document diagnostics from facts kept while validating
    /// (`corpus::cross_check_facts`).
    pub fn cross_check_facts(
        &self,
        docs: &[DocFacts],
        opts: &CorpusOptions,
    ) -> Vec<Vec<Diagnostic>> {
        corpus::cross_check_facts(self, docs, opts)
    }

    /// The spec type a document would be validated against.
    pub fn spec_for(&self, doc: &Document<'_>, explicit: Option<&str>) -> Option<&SpecType> {
        let declared = declared_type(doc);
        self.resolve_type(doc, explicit, declared.as_deref()).0
    }
}

impl Validator for Linter {
    fn check_document(&self, doc: &Document<'_>, explicit: Option<&str>) -> Report {
        Linter::check_document(self, doc, explicit)
    }
    fn check_with_type(&self, text: &str, explicit: Option<&str>) -> Report {
        Linter::check_with_type(self, text, explicit)
    }
    fn spec_for(&self, doc: &Document<'_>, explicit: Option<&str>) -> Option<&SpecType> {
        Linter::spec_for(self, doc, explicit)
    }
    fn limits(&self) -> &limits::Limits {
        &self.limits
    }
    fn levels_for(&self, path: Option<&str>) -> std::borrow::Cow<'_, Levels> {
        Linter::levels_for(self, path)
    }
}
