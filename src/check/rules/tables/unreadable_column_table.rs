//! `TB005` unreadable-column-table: speclint cannot tell which column of an entity's table holds what.

use crate::diagnostic::Severity;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::schema::ReadConfidence;
use crate::text::code_list;

/// ## What it does
/// Reads the header of every entity's column table by meaning (`Column
/// name`, `Datatype`, `NULL?`, `Mandatory`, `PK/FK`, `Constraints & Notes`,
/// and the words a spec type adds as column aliases). When it cannot find
/// which column holds the names or the types, and some header cells name
/// nothing it knows, it says so once, on the header row: which roles it
/// found and which cells it did not understand.
///
/// No other finding follows from such a table: no missing column, no missing
/// primary key, no unresolved reference into it. One unrecognised notation
/// gives one finding.
///
/// **Heuristic**: the table may be perfectly clear to a reader. Teach
/// speclint the words with column aliases in the spec type (see
/// docs/spec-types.md), or rename the header cells.
///
/// ## Example
/// ```markdown
/// | Thing | Sort | Blurb |
/// | ----- | ---- | ----- |
/// | id    | uuid | the key |
/// ```
///
/// Use instead:
/// ```markdown
/// | Column | Type | Notes |
/// | ------ | ---- | ----- |
/// | id     | uuid | the key |
/// ```
///
/// ## Fix safety
/// There is no fix.
pub static META: RuleMeta = RuleMeta {
    code: "TB005",
    name: "unreadable-column-table",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::None,
    summary: "The roles of an entity's column table cannot be read from its header.",
    needs_spec: true,
};

struct Unreadable<'a> {
    entity: &'a str,
    found: &'a [String],
    unknown: &'a [String],
}

impl Violation for Unreadable<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!(
            "cannot tell which column of the table of `{}` holds the names and types",
            self.entity
        )
    }
    fn help(&self) -> Option<String> {
        let found = if self.found.is_empty() {
            "no known column".to_string()
        } else {
            self.found.join(", ")
        };
        Some(format!(
            "found {found}; did not understand {}; head the columns `Column` and `Type`, or add the words as column aliases in the spec type",
            code_list(self.unknown)
        ))
    }
}

pub fn check(c: &mut Checker<'_>) {
    for e in c.schema {
        let Some(r) = &e.reading else { continue };
        if r.confidence != ReadConfidence::Unclear {
            continue;
        }
        let v = Unreadable {
            entity: &e.name,
            found: &r.found,
            unknown: &r.unknown,
        };
        c.report(v, r.header);
    }
}
