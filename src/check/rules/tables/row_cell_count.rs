//! `TB003` row-cell-count: a table row has more cells than the header.

use crate::diagnostic::Severity;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};

/// ## What it does
/// Checks that no row of a pipe table has more cells than the header row.
/// Cells are counted as written: a `|` inside a value (even inside
/// backticks) starts a new cell unless it is escaped as `\|`, as GFM says.
/// A row with fewer cells is `row-missing-cells`, a warning.
///
/// **Certain**: the text says it; renderers drop the extra cells.
///
/// ## Why is this bad?
/// Markdown renderers silently drop extra cells, so the rendered table loses
/// data.
///
/// ## Example
/// ```markdown
/// | Schema / DB | Purpose | Owner | Notes |
/// | ----------- | ------- | ----- | ----- |
/// | `reporting` | Finance views | finance-data-team | Replica | no writes |
/// ```
///
/// Use instead:
/// ```markdown
/// | Schema / DB | Purpose | Owner | Notes |
/// | ----------- | ------- | ----- | ----- |
/// | `reporting` | Finance views | finance-data-team | Replica; no writes |
/// ```
///
/// ## Fix safety
/// There is no fix: whether a `|` should be escaped or a cell is missing is
/// up to the author.
pub static META: RuleMeta = RuleMeta {
    code: "TB003",
    name: "row-cell-count",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::None,
    summary: "A table row has more cells than the header.",
    needs_spec: true,
};

struct RowCellCount {
    found: usize,
    expected: usize,
}

fn cells(n: usize) -> String {
    if n == 1 {
        "1 cell".into()
    } else {
        format!("{n} cells")
    }
}

impl Violation for RowCellCount {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!(
            "row has {}; the header has {}",
            cells(self.found),
            self.expected
        )
    }
    fn help(&self) -> Option<String> {
        Some("remove the extra cells, or escape a `|` that is part of a value as `\\|`".into())
    }
}

pub fn check(c: &mut Checker<'_>) {
    for table in &c.doc.tables {
        let expected = table.header.cells.len();
        for row in &table.rows {
            if row.cells.len() > expected {
                c.report(
                    RowCellCount {
                        found: row.cells.len(),
                        expected,
                    },
                    row.span,
                );
            }
        }
    }
}
