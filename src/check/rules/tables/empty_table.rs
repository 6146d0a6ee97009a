//! `TB004` empty-table: a required table has no rows.

use crate::diagnostic::Severity;
use crate::rules::tables::{Owner, spec_tables};
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};

/// ## What it does
/// Checks that the tables the spec type requires (the Schema Summary, the
/// column table of each entity) have at least `min_rows` body rows (one by
/// default). Rows whose cells are all blank do not count. The template's
/// Schema Summary, a header and a separator only, is reported. When an active
/// condition forbids empty sections (`status: approved` in the built-in type),
/// the diagnostic is an error.
///
/// ## Why is this bad?
/// A header without rows looks filled in at a glance but says nothing; it is
/// usually the template left as it was.
///
/// ## Example
/// ```markdown
/// ## Schema Summary
/// | Schema / DB | Purpose | Owner | Notes |
/// | ----------- | ------- | ----- | ----- |
/// ```
///
/// Use instead:
/// ```markdown
/// ## Schema Summary
/// | Schema / DB | Purpose | Owner | Notes |
/// | ----------- | ------- | ----- | ----- |
/// | `orders_db` | Orders and payments | commerce-platform-team | Primary write path |
/// ```
///
/// ## Fix safety
/// There is no fix: the rows come from the author.
pub static META: RuleMeta = RuleMeta {
    code: "TB004",
    name: "empty-table",
    severity: Severity::Warning,
    certainty: Certainty::Certain,
    fix: FixAvailability::None,
    summary: "A required table has no rows.",
    needs_spec: true,
};

struct EmptyTable<'a> {
    owner: Owner<'a>,
    rows: usize,
    min_rows: usize,
}

impl Violation for EmptyTable<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        let of = match self.owner {
            Owner::Section(title) => format!("table of section `{title}`"),
            Owner::Entry { kind, name } => format!("table of {kind} `{name}`"),
        };
        match self.rows {
            0 => format!("{of} has no rows"),
            1 => format!("{of} has 1 row; at least {} are required", self.min_rows),
            n => format!("{of} has {n} rows; at least {} are required", self.min_rows),
        }
    }
    fn help(&self) -> Option<String> {
        Some("fill in the table below its header row".into())
    }
}

pub fn check(c: &mut Checker<'_>) {
    let cond = c
        .analysis
        .condition_requiring(c.spec, |c| c.then.no_empty_sections);
    for t in spec_tables(c.doc, c.spec, c.analysis) {
        if !t.spec.required {
            continue;
        }
        let Some(table) = t.table.and_then(|i| c.doc.table(i)) else {
            continue;
        };
        let rows = table
            .rows
            .iter()
            .filter(|r| r.cells.iter().any(|cell| !cell.text.trim().is_empty()))
            .count();
        if rows < t.spec.min_rows {
            c.report_escalated(
                EmptyTable {
                    owner: t.owner,
                    rows,
                    min_rows: t.spec.min_rows,
                },
                table.span,
                cond,
            );
        }
    }
}
