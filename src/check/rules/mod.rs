//! The rule registry and the machinery every rule uses.
//!
//! One rule per file, grouped by what it looks at (`front_matter`,
//! `structure`, `tables`, `database`, `template`, `conditions`). Each file has:
//! a doc comment (what it does, why, an invalid and a valid example, fix
//! safety), a `META` with its stable code, kebab-case name and default
//! severity, a violation struct whose `message`/`help` do the wording, and a
//! `check` function that does the detection. [`RULES`] lists them all; codes
//! never change meaning once released.

pub mod conditions;
pub mod database;
pub mod front_matter;
pub mod structure;
pub mod tables;
pub mod template;

use std::collections::HashMap;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::source::Span;
use crate::spec_type::{Condition, Registry, SpecType};

/// Whether a rule can attach a fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

/// Whether a rule's findings are certain or rest on a heuristic reading.
///
/// A finding is **certain** when the text itself says what is wrong: a value
/// outside a declared enum, an impossible date, a missing required section.
/// It is **heuristic** when it rests on how speclint read the document: a
/// column role it had to guess, a key or a reference it did not find. Only
/// certain rules are errors by default; heuristic ones are warnings (or info)
/// unless the configuration says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    Certain,
    Heuristic,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Certain => "certain",
            Certainty::Heuristic => "heuristic",
        }
    }
}

/// What a rule is: fixed at compile time, listed by `speclint rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleMeta {
    /// Stable code, e.g. `FM008`.
    pub code: &'static str,
    /// Stable kebab-case name, e.g. `value-not-allowed`.
    pub name: &'static str,
    pub severity: Severity,
    pub certainty: Certainty,
    pub fix: FixAvailability,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// Whether the rule needs a resolved spec type (most do).
    #[serde(skip)]
    pub needs_spec: bool,
}

/// The wording of one violation, separate from its detection.
pub trait Violation {
    fn meta(&self) -> &'static RuleMeta;
    fn message(&self) -> String;
    fn help(&self) -> Option<String> {
        None
    }
}

/// Everything a rule's `check` reads, and where it reports.
pub struct Checker<'a> {
    pub doc: &'a Document<'a>,
    /// The resolved spec type. Rules with `needs_spec: false` may run without one,
    /// in which case this is an empty type.
    pub spec: &'a SpecType,
    pub analysis: &'a Analysis,
    /// The database model (`crate::schema::model`): empty without database-schema semantics.
    pub schema: &'a [crate::schema::EntitySchema],
    pub registry: &'a Registry,
    /// How the spec type was chosen (`None` without one).
    pub type_source: Option<crate::TypeSource>,
    levels: &'a Levels,
    diagnostics: Vec<Diagnostic>,
}

/// Per-rule severity overrides; `None` turns a rule off.
pub type Levels = HashMap<&'static str, Option<Severity>>;

impl<'a> Checker<'a> {
    pub(crate) fn new(
        doc: &'a Document<'a>,
        spec: &'a SpecType,
        analysis: &'a Analysis,
        schema: &'a [crate::schema::EntitySchema],
        registry: &'a Registry,
        levels: &'a Levels,
    ) -> Self {
        Checker {
            doc,
            spec,
            analysis,
            schema,
            registry,
            type_source: None,
            levels,
            diagnostics: Vec::new(),
        }
    }

    /// Whether a rule is enabled.
    pub fn enabled(&self, meta: &RuleMeta) -> bool {
        !matches!(self.levels.get(meta.code), Some(None))
    }

    /// Reports a violation at `span`; returns the diagnostic to attach a fix,
    /// or `None` when the rule is turned off.
    pub fn report<V: Violation>(&mut self, v: V, span: Span) -> Option<&mut Diagnostic> {
        let meta = v.meta();
        let severity = match self.levels.get(meta.code) {
            Some(None) => return None,
            Some(Some(s)) => *s,
            None => meta.severity,
        };
        self.diagnostics.push(Diagnostic {
            code: meta.code,
            name: meta.name,
            severity,
            message: v.message(),
            span,
            help: v.help(),
            fix: None,
            related: Vec::new(),
        });
        self.diagnostics.last_mut()
    }

    /// Like [`Checker::report`], but raised to an error when `cond` (an active
    /// condition of the spec type) requires it, with the reason in the help.
    pub fn report_escalated<V: Violation>(
        &mut self,
        v: V,
        span: Span,
        cond: Option<&Condition>,
    ) -> Option<&mut Diagnostic> {
        let d = self.report(v, span)?;
        if let Some(c) = cond {
            d.severity = Severity::Error;
            let why = format!(
                "`{}` is `{}`, which requires this to be resolved",
                c.when.field, c.when.equals
            );
            d.help = Some(match d.help.take() {
                Some(h) => format!("{h}; {why}"),
                None => why,
            });
        }
        Some(d)
    }

    pub(crate) fn finish(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

/// A rule: its metadata and its check.
pub struct RuleEntry {
    pub meta: &'static RuleMeta,
    pub check: fn(&mut Checker<'_>),
}

macro_rules! registry {
    ($($path:path),* $(,)?) => {
        /// Every rule, in code order.
        pub static RULES: &[RuleEntry] = &[
            $(RuleEntry { meta: { use $path as r; &r::META }, check: { use $path as r; r::check } },)*
        ];
    };
}

registry![
    front_matter::missing_front_matter,
    front_matter::unclosed_front_matter,
    front_matter::invalid_yaml,
    front_matter::duplicate_key,
    front_matter::missing_field,
    front_matter::unknown_field,
    front_matter::wrong_type,
    front_matter::value_not_allowed,
    front_matter::invalid_date,
    front_matter::list_item_not_allowed,
    front_matter::const_mismatch,
    front_matter::placeholder_value,
    front_matter::list_length,
    front_matter::unknown_spec_type,
    front_matter::value_not_suggested,
    front_matter::field_spelling,
    structure::missing_section,
    structure::section_order,
    structure::duplicate_section,
    structure::empty_section,
    structure::heading_level,
    structure::unknown_section,
    structure::near_miss_heading,
    structure::missing_subsection,
    tables::missing_table,
    tables::missing_column,
    tables::row_cell_count,
    tables::empty_table,
    tables::unreadable_column_table,
    tables::row_missing_cells,
    tables::missing_row,
    database::no_entities,
    database::missing_primary_key,
    database::unresolved_foreign_key,
    database::duplicate_entity,
    database::erd_mismatch,
    database::foreign_key_column_missing,
    template::placeholder,
    template::guidance_residue,
    conditions::missing_reference,
];

/// Diagnostics produced outside the rules (resource limits, I/O at the edges).
pub mod builtin {
    use super::{Certainty, FixAvailability, RuleMeta};
    use crate::diagnostic::Severity;

    pub static INPUT_TOO_LARGE: RuleMeta = RuleMeta {
        code: "LM001",
        name: "input-too-large",
        severity: Severity::Error,
        certainty: Certainty::Certain,
        fix: FixAvailability::None,
        summary: "The document is larger than the input size limit.",
        needs_spec: false,
    };
    pub static FRONT_MATTER_TOO_LARGE: RuleMeta = RuleMeta {
        code: "LM002",
        name: "front-matter-too-large",
        severity: Severity::Error,
        certainty: Certainty::Certain,
        fix: FixAvailability::None,
        summary: "The front matter is larger than its size limit.",
        needs_spec: false,
    };
    pub static TOO_MANY_HEADINGS: RuleMeta = RuleMeta {
        code: "LM003",
        name: "too-many-headings",
        severity: Severity::Error,
        certainty: Certainty::Certain,
        fix: FixAvailability::None,
        summary: "The document has more headings than the limit.",
        needs_spec: false,
    };
    pub static TABLE_TOO_WIDE: RuleMeta = RuleMeta {
        code: "LM004",
        name: "table-too-wide",
        severity: Severity::Error,
        certainty: Certainty::Certain,
        fix: FixAvailability::None,
        summary: "A table has more columns than the limit.",
        needs_spec: false,
    };
    pub static INVALID_UTF8: RuleMeta = RuleMeta {
        code: "IO001",
        name: "invalid-utf8",
        severity: Severity::Error,
        certainty: Certainty::Certain,
        fix: FixAvailability::None,
        summary: "The file is not valid UTF-8.",
        needs_spec: false,
    };
    pub static UNREADABLE: RuleMeta = RuleMeta {
        code: "IO002",
        name: "unreadable-file",
        severity: Severity::Error,
        certainty: Certainty::Certain,
        fix: FixAvailability::None,
        summary: "A file or folder could not be read (permissions, not a regular file, too large).",
        needs_spec: false,
    };
    pub static NO_DOCUMENTS: RuleMeta = RuleMeta {
        code: "IO003",
        name: "no-documents",
        severity: Severity::Warning,
        certainty: Certainty::Certain,
        fix: FixAvailability::None,
        summary: "A run found no spec document to check (`IO003: error` in the config's `rules` fails such a run).",
        needs_spec: false,
    };
    pub static TEMPLATE_FILE: RuleMeta = RuleMeta {
        code: "IO004",
        name: "template-file",
        severity: Severity::Info,
        certainty: Certainty::Certain,
        fix: FixAvailability::None,
        summary: "The file is a template of the family (it matches `templates`, or its title is still a placeholder): listed, not checked.",
        needs_spec: false,
    };
    pub static DUPLICATE_TITLE: RuleMeta = RuleMeta {
        code: "XD001",
        name: "duplicate-title",
        severity: Severity::Error,
        certainty: Certainty::Certain,
        fix: FixAvailability::None,
        summary: "Two documents have the same title.",
        needs_spec: false,
    };
    pub static DUPLICATE_ENTITY_ACROSS: RuleMeta = RuleMeta {
        code: "XD002",
        name: "entity-defined-twice",
        severity: Severity::Warning,
        certainty: Certainty::Heuristic,
        fix: FixAvailability::None,
        summary: "The same entity is defined in two database schema specs.",
        needs_spec: false,
    };
    pub static UNRESOLVED_REFERENCE: RuleMeta = RuleMeta {
        code: "XD003",
        name: "unresolved-reference",
        severity: Severity::Warning,
        certainty: Certainty::Heuristic,
        fix: FixAvailability::None,
        summary: "A related initiative or spec reference names no known document.",
        needs_spec: false,
    };

    /// Every diagnostic that is not a rule.
    pub static ALL: &[&RuleMeta] = &[
        &crate::suppress::UNUSED,
        &crate::suppress::UNKNOWN_RULE,
        &crate::suppress::TOO_MANY,
        &INPUT_TOO_LARGE,
        &FRONT_MATTER_TOO_LARGE,
        &TOO_MANY_HEADINGS,
        &TABLE_TOO_WIDE,
        &INVALID_UTF8,
        &UNREADABLE,
        &NO_DOCUMENTS,
        &TEMPLATE_FILE,
        &DUPLICATE_TITLE,
        &DUPLICATE_ENTITY_ACROSS,
        &UNRESOLVED_REFERENCE,
    ];
}

/// Finds a rule or built-in diagnostic by code or name.
pub fn find(code_or_name: &str) -> Option<&'static RuleMeta> {
    RULES
        .iter()
        .map(|r| r.meta)
        .chain(builtin::ALL.iter().copied())
        .find(|m| m.code.eq_ignore_ascii_case(code_or_name) || m.name == code_or_name)
}

/// Every rule and built-in diagnostic, in code order.
pub fn all() -> Vec<&'static RuleMeta> {
    RULES
        .iter()
        .map(|r| r.meta)
        .chain(builtin::ALL.iter().copied())
        .collect()
}

/// Applies configured levels to diagnostics produced outside the rules
/// (limits, input, suppressions, cross-document checks; with `all`, to every
/// code): `off` removes them, another level sets their severity. Rules
/// apply theirs when they report.
pub fn apply_levels(levels: &Levels, diagnostics: &mut Vec<Diagnostic>, all: bool) {
    if levels.is_empty() {
        return;
    }
    let is_rule = |code: &str| RULES.iter().any(|r| r.meta.code == code);
    diagnostics.retain_mut(|d| {
        if !all && is_rule(d.code) {
            return true;
        }
        match levels.get(d.code) {
            Some(None) => false,
            Some(Some(s)) => {
                d.severity = *s;
                true
            }
            None => true,
        }
    });
}

/// Runs every enabled rule.
pub(crate) fn run(checker: &mut Checker<'_>, has_spec: bool) {
    for rule in RULES {
        if (has_spec || !rule.meta.needs_spec) && checker.enabled(rule.meta) {
            (rule.check)(checker);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let all = all();
        let mut codes = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for m in &all {
            assert!(codes.insert(m.code), "duplicate code {}", m.code);
            assert!(names.insert(m.name), "duplicate name {}", m.name);
            assert!(
                m.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{}",
                m.name
            );
            assert!(
                m.code.len() == 5 && m.code[..2].chars().all(|c| c.is_ascii_uppercase()),
                "{}",
                m.code
            );
            assert!(!m.summary.is_empty());
            assert!(
                m.certainty == Certainty::Certain || m.severity != Severity::Error,
                "{}: a heuristic rule must not be an error by default",
                m.code
            );
        }
    }
}
