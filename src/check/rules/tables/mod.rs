//! Rules about tables.
//!
//! The tables the spec type asks for are found once by [`spec_tables`]: one
//! per section with `table:`, one per named subsection with `table:`, and one
//! per entry of a section whose `entries` have a `table:`.

pub mod empty_table;
pub mod missing_column;
pub mod missing_row;
pub mod missing_table;
pub mod row_cell_count;
pub mod row_missing_cells;
pub mod unreadable_column_table;

use crate::analysis::Analysis;
use crate::document::{Document, SectionId, TableId};
use crate::spec_type::{SpecType, TableSpec};

/// What holds a table the spec type asks for.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Owner<'a> {
    /// A section, by canonical title.
    Section(&'a str),
    /// A repeated subsection: what one is called ("entity") and its name.
    Entry { kind: &'a str, name: &'a str },
}

/// A table the spec type asks for, and the table found for it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SpecTable<'a> {
    pub owner: Owner<'a>,
    /// The owning heading in `doc.headings`.
    pub heading: SectionId,
    pub spec: &'a TableSpec,
    /// The table found in `doc.tables`.
    pub table: Option<TableId>,
}

/// Every table the spec type asks for in a document, in document order.
pub(crate) fn spec_tables<'a>(
    doc: &Document<'_>,
    spec: &'a SpecType,
    analysis: &'a Analysis,
) -> Vec<SpecTable<'a>> {
    let mut out = Vec::new();
    for (s, section) in spec.sections.iter().enumerate() {
        let (Some(ts), Some(i)) = (section.table.as_ref(), analysis.section_for(s)) else {
            continue;
        };
        out.push(SpecTable {
            owner: Owner::Section(&section.title),
            heading: i,
            spec: ts,
            table: analysis.table_of(doc, i),
        });
    }
    // Tables of named subsections (`### Backend Services`), in the section
    // standing for theirs; a subsection that is not there is `ST008`'s.
    for (s, section) in spec.sections.iter().enumerate() {
        let Some(i) = analysis.section_for(s) else {
            continue;
        };
        for sub in &section.subsections {
            let Some(ts) = sub.table.as_ref() else {
                continue;
            };
            let Some(j) = Analysis::subsection_heading(doc, i, sub) else {
                continue;
            };
            let span = doc.section(j).map(|x| x.span);
            out.push(SpecTable {
                owner: Owner::Section(&sub.title),
                heading: j,
                spec: ts,
                table: span.and_then(|sp| {
                    doc.tables_with_ids()
                        .find(|(_, t)| sp.contains_span(t.span))
                        .map(|(id, _)| id)
                }),
            });
        }
    }
    for e in &analysis.entries {
        let Some(rs) = spec.sections.get(e.spec).and_then(|s| s.entries.as_ref()) else {
            continue;
        };
        let Some(ts) = rs.table.as_ref() else {
            continue;
        };
        out.push(SpecTable {
            owner: Owner::Entry {
                kind: &rs.name,
                name: &e.name,
            },
            heading: e.section,
            spec: ts,
            table: e.table,
        });
    }
    out.sort_by_key(|t| t.heading);
    out
}
