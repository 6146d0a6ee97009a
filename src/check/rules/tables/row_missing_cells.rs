//! `TB006` row-missing-cells: a table row has fewer cells than the header.

use crate::diagnostic::Severity;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};

/// ## What it does
/// Checks that no row of a pipe table has fewer cells than the header row.
/// Renderers show the missing cells as empty, which is fine when the last
/// cells are meant to be empty, and wrong when a cell in the middle was
/// forgotten: every later value then sits in the wrong column (`PK` under
/// `Nullable`).
///
/// A row in the pipe-less style (`a | b |`, no leading pipe) that ends with a
/// pipe is read as ending in an empty cell, as its author meant, and is not
/// reported.
///
/// **Heuristic**: speclint cannot tell an empty last cell from a forgotten
/// one, so this is a warning.
///
/// ## Example
/// ```markdown
/// | Column | Type | Nullable | Constraints |
/// | ------ | ---- | -------- | ----------- |
/// | id     | uuid | PRIMARY KEY |
/// ```
///
/// Use instead:
/// ```markdown
/// | id     | uuid | no | PRIMARY KEY |
/// ```
///
/// ## Fix safety
/// There is no fix: which cell is missing is up to the author.
pub static META: RuleMeta = RuleMeta {
    code: "TB006",
    name: "row-missing-cells",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::None,
    summary: "A table row has fewer cells than the header.",
    needs_spec: true,
};

struct RowMissingCells {
    found: usize,
    expected: usize,
}

impl Violation for RowMissingCells {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        let cells = |n: usize| {
            if n == 1 {
                "1 cell".to_string()
            } else {
                format!("{n} cells")
            }
        };
        format!(
            "row has {}; the header has {}",
            cells(self.found),
            self.expected
        )
    }
    fn help(&self) -> Option<String> {
        Some("add the missing cells; an empty cell is written `| |`".into())
    }
}

pub fn check(c: &mut Checker<'_>) {
    for table in &c.doc.tables {
        let expected = table.header.cells.len();
        for row in &table.rows {
            if row.cells.len() >= expected {
                continue;
            }
            let line = row.span.text(c.doc.text).trim();
            let pipeless_with_trailing_pipe = !line.starts_with('|') && line.ends_with('|');
            if pipeless_with_trailing_pipe && row.cells.len() + 1 == expected {
                continue;
            }
            c.report(
                RowMissingCells {
                    found: row.cells.len(),
                    expected,
                },
                row.span,
            );
        }
    }
}
