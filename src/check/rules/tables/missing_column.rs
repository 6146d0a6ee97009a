//! `TB002` missing-column: a table lacks a required column.

use crate::analysis::map_columns;
use crate::diagnostic::Severity;
use crate::document::TableId;
use crate::rules::tables::spec_tables;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::text::{closest, code_list};

/// ## What it does
/// Checks that the tables the spec type asks for (the Schema Summary, the
/// column table of each entity) have every required column. A column may be
/// written under one of its aliases (`Name` for `Column`, `Data Type` for
/// `Type`).
///
/// ## Why is this bad?
/// Readers and the exporter look for each column by name; a missing column is
/// information nobody wrote down (defaults, nullability, owners).
///
/// ## Example
/// ```markdown
/// | Column | Type | Nullable | Constraints |
/// | ------ | ---- | -------- | ----------- |
/// | id | uuid | no | PRIMARY KEY |
/// ```
///
/// Use instead:
/// ```markdown
/// | Column | Type | Nullable | Default | Constraints |
/// | ------ | ---- | -------- | ------- | ----------- |
/// | id | uuid | no | gen_random_uuid() | PRIMARY KEY |
/// ```
///
/// ## Fix safety
/// There is no fix: the values of the new column come from the author.
pub static META: RuleMeta = RuleMeta {
    code: "TB002",
    name: "missing-column",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::None,
    summary: "A table lacks a required column.",
    needs_spec: true,
};

struct MissingColumn<'a> {
    /// Canonical names of the missing columns (at least one).
    missing: Vec<&'a str>,
    /// Other names the single missing column may be written as.
    aliases: &'a [String],
    /// A header cell that looks like a misspelling of the missing column.
    misspelled: Option<(&'a str, &'a str)>,
}

impl Violation for MissingColumn<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        match self.missing.as_slice() {
            [one] => format!("table is missing required column `{one}`"),
            many => format!("table is missing required columns {}", code_list(many)),
        }
    }
    fn help(&self) -> Option<String> {
        if let Some((found, name)) = self.misspelled {
            return Some(format!("rename the column `{found}` to `{name}`"));
        }
        match self.missing.as_slice() {
            [one] if !self.aliases.is_empty() => Some(format!(
                "add a `{one}` column (it may also be headed {})",
                code_list(self.aliases)
            )),
            [one] => Some(format!("add a `{one}` column")),
            many => Some(format!("add the columns {}", code_list(many))),
        }
    }
}

pub fn check(c: &mut Checker<'_>) {
    // Column tables whose roles could not be read are reported once, by
    // `unreadable-column-table`.
    let unclear: std::collections::HashSet<TableId> = c
        .schema
        .iter()
        .filter(|e| {
            e.reading
                .as_ref()
                .is_some_and(|r| r.confidence == crate::schema::ReadConfidence::Unclear)
        })
        .filter_map(|e| e.table)
        .collect();
    let mut maps: std::collections::HashMap<(Vec<&str>, usize), crate::analysis::ColumnMap> =
        std::collections::HashMap::new();
    for t in spec_tables(c.doc, c.spec, c.analysis) {
        let Some(table) = t.table.and_then(|i| c.doc.table(i)) else {
            continue;
        };
        if t.table.is_some_and(|i| unclear.contains(&i)) {
            continue;
        }
        // Tables of one document mostly share their header: map each once.
        let header: Vec<&str> = table.header.cells.iter().map(|c| c.text.as_str()).collect();
        let key = (header, std::ptr::from_ref(t.spec) as usize);
        let map = maps
            .entry(key)
            .or_insert_with(|| map_columns(table, t.spec))
            .clone();
        let missing: Vec<_> = t
            .spec
            .columns
            .iter()
            .zip(&map.columns)
            .filter(|(col, m)| col.required && m.is_none())
            .map(|(col, _)| col)
            .collect();
        let Some(first) = missing.first() else {
            continue;
        };
        let misspelled = if missing.len() == 1 {
            // Header cells not holding any spec column, one of which may be a typo.
            let unused = table
                .header
                .cells
                .iter()
                .enumerate()
                .filter(|(j, _)| !map.columns.contains(&Some(*j)));
            let names: Vec<&str> = std::iter::once(first.name.as_str())
                .chain(first.aliases.iter().map(String::as_str))
                .collect();
            unused
                .filter(|(_, cell)| !cell.text.trim().is_empty())
                .find_map(|(_, cell)| {
                    closest(&cell.text, names.iter().copied())
                        .map(|_| (cell.text.as_str(), first.name.as_str()))
                })
        } else {
            None
        };
        let v = MissingColumn {
            missing: missing.iter().map(|col| col.name.as_str()).collect(),
            aliases: if missing.len() == 1 {
                &first.aliases
            } else {
                &[]
            },
            misspelled,
        };
        c.report(v, table.header.span);
    }
}
