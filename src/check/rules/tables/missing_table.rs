//! `TB001` missing-table: a section or entry lacks its required table.

use crate::diagnostic::Severity;
use crate::document::SectionId;
use crate::rules::tables::{Owner, spec_tables};
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::text::code_list;

/// ## What it does
/// Checks that every section the spec type gives a table (the Schema
/// Summary) and every repeated subsection whose entries need one (each
/// entity of the Entity Inventory, with its column table) has a pipe table.
/// A table inside a free subsection (`#### Columns`) counts, and so do the
/// columns of the entity's DDL (`CREATE TABLE`, Prisma, DBML). A view
/// (`CREATE VIEW`, a virtual table) needs none: its query gives its columns.
///
/// ## Why is this bad?
/// The table is the part tools read: the schema list, the columns of each
/// entity. Without it the data model is prose only and cannot be checked or
/// exported.
///
/// ## Example
/// ```markdown
/// ### `orders`
/// One checkout that reached confirmation. Columns: id, customer_id, status.
/// ```
///
/// Use instead:
/// ```markdown
/// ### `orders`
/// One checkout that reached confirmation.
///
/// | Column | Type | Nullable | Default | Constraints |
/// | ------ | ---- | -------- | ------- | ----------- |
/// | id | uuid | no | gen_random_uuid() | PRIMARY KEY |
/// ```
///
/// ## Fix safety
/// There is no fix: the rows come from the author.
pub static META: RuleMeta = RuleMeta {
    code: "TB001",
    name: "missing-table",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::None,
    summary: "A section or entry lacks its required table.",
    needs_spec: true,
};

struct MissingTable<'a> {
    owner: Owner<'a>,
    /// Canonical column names.
    columns: Vec<&'a str>,
}

impl Violation for MissingTable<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        match self.owner {
            Owner::Section(title) => format!("section `{title}` has no table"),
            Owner::Entry { kind, name } => {
                // Named after its first column: "column table" for entities.
                let what = self
                    .columns
                    .first()
                    .map(|c| crate::text::fold_case(c))
                    .unwrap_or_default();
                let what = if what.is_empty() || what.contains(' ') {
                    "table".to_string()
                } else {
                    format!("{what} table")
                };
                format!("{kind} `{name}` has no {what}")
            }
        }
    }
    fn help(&self) -> Option<String> {
        (!self.columns.is_empty())
            .then(|| format!("add a table with the columns {}", code_list(&self.columns)))
    }
}

pub fn check(c: &mut Checker<'_>) {
    // Entities whose columns are defined by DDL instead of a table have them.
    let with_columns: std::collections::HashSet<SectionId> = c
        .schema
        .iter()
        // A view's columns are its query's.
        .filter(|e| !e.columns.is_empty() || e.view)
        .map(|e| e.section)
        .collect();
    for t in spec_tables(c.doc, c.spec, c.analysis) {
        if t.table.is_some() || !t.spec.required {
            continue;
        }
        if matches!(t.owner, Owner::Entry { .. }) && with_columns.contains(&t.heading) {
            continue;
        }
        let Some(h) = c.doc.heading(t.heading) else {
            continue;
        };
        let columns = t.spec.columns.iter().map(|col| col.name.as_str()).collect();
        c.report(
            MissingTable {
                owner: t.owner,
                columns,
            },
            h.span,
        );
    }
}
