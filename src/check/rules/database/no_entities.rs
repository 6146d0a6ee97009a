//! `DB001` no-entities: the Entity Inventory has no entity.

use crate::analysis::HeadingRole;
use crate::diagnostic::Severity;
use crate::document::SectionId;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::schema::is_placeholder_name;
use crate::spec_type::{HeadingStyle, Semantics};

/// ## What it does
/// Checks that the Entity Inventory (the section whose repeated subsections
/// are the entities) describes at least one entity. An entity named by a
/// template placeholder (``### `<table_name>` ``) does not count. When the
/// section itself is missing, `missing-section` reports it instead.
///
/// Runs only for spec types with `semantics: [database-schema]`.
///
/// ## Why is this bad?
/// A database schema spec without entities documents no schema: every
/// consumer (reviewers, the exporter, the `DB` checks) finds nothing to read.
/// Often the entities are there but written at the wrong heading level.
///
/// ## Example
/// ```markdown
/// ## Entity Inventory
/// For each table/collection/view:
/// ### `<table_name>`
/// ```
///
/// Use instead:
/// ```markdown
/// ## Entity Inventory
///
/// ### `orders`
/// | Column | Type | Nullable | Default | Constraints |
/// | ------ | ---- | -------- | ------- | ----------- |
/// | id | uuid | no | gen_random_uuid() | PRIMARY KEY |
/// ```
///
/// ## Fix safety
/// There is no fix: only the author knows the tables.
pub static META: RuleMeta = RuleMeta {
    code: "DB001",
    name: "no-entities",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::None,
    summary: "The Entity Inventory has no entity.",
    needs_spec: true,
};

struct NoEntities<'a> {
    section: &'a str,
    entry: &'a str,
    /// An entity heading as it should be written, e.g. ``### `orders` ``.
    example: String,
    level: u8,
    /// The template placeholder left as the only entity, if any.
    placeholder: Option<String>,
    /// A subsection that looks like an entity at the wrong level: (name, level).
    misplaced: Option<(String, u8)>,
}

impl Violation for NoEntities<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!("`{}` has no {}", self.section, self.entry)
    }
    fn help(&self) -> Option<String> {
        Some(match (&self.misplaced, &self.placeholder) {
            (Some((name, level)), _) => format!(
                "{} headings are level {} ({}); `{name}` is at level {level}",
                self.entry, self.level, self.example
            ),
            (None, Some(p)) => {
                format!(
                    "replace the template's `{p}` with one heading per table, such as {}",
                    self.example
                )
            }
            (None, None) => format!(
                "add one heading per table, such as {}, with its column table",
                self.example
            ),
        })
    }
}

pub fn check(c: &mut Checker<'_>) {
    if !c.spec.semantics.contains(&Semantics::DatabaseSchema) {
        return;
    }
    let entities = c.schema;
    for (s, section) in c.spec.sections.iter().enumerate() {
        let Some(entries) = section.entries.as_ref() else {
            continue;
        };
        let Some(found) = c.analysis.section_for(s) else {
            continue;
        };
        if entries.min == 0 || entities.iter().any(|e| e.spec == s) {
            continue;
        }
        let Some(doc_section) = c.doc.section(found) else {
            continue;
        };
        let span = doc_section.span;
        let placeholder = c
            .analysis
            .entries
            .iter()
            .find(|e| e.spec == s && is_placeholder_name(&e.name))
            .map(|e| e.name.clone());
        // A heading inside the section that is not an entry but looks like one (a code span name).
        let misplaced = c
            .doc
            .headings
            .iter()
            .enumerate()
            .filter(|(i, h)| {
                SectionId(*i) != found
                    && span.contains_span(h.span)
                    && !matches!(c.analysis.roles.get(*i), Some(HeadingRole::Entry { .. }))
                    && h.level != entries.level
            })
            .find_map(|(_, h)| h.code.as_ref().map(|code| (code.clone(), h.level)));
        let hashes = "#".repeat(usize::from(entries.level));
        let example = match entries.heading {
            HeadingStyle::Code => format!("{hashes} `orders`"),
            HeadingStyle::Any => format!("{hashes} orders"),
        };
        let Some(h) = c.doc.heading(doc_section.heading).map(|h| h.content) else {
            continue;
        };
        let v = NoEntities {
            section: &section.title,
            entry: &entries.name,
            example,
            level: entries.level,
            placeholder,
            misplaced,
        };
        c.report(v, h);
    }
}
