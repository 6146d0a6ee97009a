//! Export: a spec document as data, in a documented and stable JSON shape.
//!
//! [`export`] (which [`crate::Linter::export`] calls with itself) reads a
//! document once and returns a [`SpecDocument`]: its spec type, front matter
//! values, sections with canonical ids and Markdown bodies, tables as records
//! keyed by canonical column keys and, for `database-schema` types, the
//! entities with their columns, keys and indexes. Every element carries its
//! 1-based source line range. The shape is described in `docs/export.md` and
//! by the JSON Schema `docs/spec-document.schema.json` (tested against every
//! example). Export never fails: whatever cannot be read is `null` or left
//! out, and the document's problems are counted in `diagnostics`.
//!
//! Over 600 lines because the export shape (the serde types that
//! `docs/export.md` documents) and the code that fills it are kept side by
//! side.

use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::Value;

use crate::analysis::{Analysis, HeadingRole, entries_spec, map_columns};
use crate::diagnostic::Severity;
use crate::document::{Document, SectionId};
use crate::schema::{self, EntitySchema};
use crate::source::Span;
use crate::spec_type::{FieldKind, Semantics, SpecType, TableSpec};
use crate::{TypeSource, Validator, text, yaml};

/// The version of the export shape; it changes only when a field changes meaning or goes away.
pub const FORMAT_VERSION: u32 = 1;

/// A 1-based, inclusive line range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Lines {
    pub start: usize,
    pub end: usize,
}

/// An ordered JSON object (serialized with its keys in this order).
#[derive(Debug, Clone, PartialEq)]
pub struct Ordered<V>(pub Vec<(String, V)>);

impl<V> Default for Ordered<V> {
    fn default() -> Self {
        Ordered(Vec::new())
    }
}

impl<V> Ordered<V> {
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// A spec document as data. Serialized with camelCase keys; every field is
/// always present (`null` when absent). See `docs/export.md`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpecDocument {
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The id of the spec type the document was read as; `null` when none applies.
    pub spec_type: Option<String>,
    /// How the spec type was chosen; `null` when none applies.
    pub type_source: Option<TypeSource>,
    /// The front matter `title`, else the text of the first `#` heading.
    pub title: Option<String>,
    /// The front matter values in the order written (`null` without a front
    /// matter block). Date fields of the spec type are `YYYY-MM-DD` strings.
    pub front_matter: Option<Ordered<Value>>,
    /// The front matter block, fences included.
    pub front_matter_lines: Option<Lines>,
    /// The lines of each front matter entry, same keys and order as `front_matter`.
    pub field_lines: Option<Ordered<Lines>>,
    /// Markdown between the front matter and the first heading.
    pub preamble: Option<Block>,
    /// Every heading's section, flat, in document order.
    pub sections: Vec<SectionData>,
    /// Every pipe table, in document order.
    pub tables: Vec<TableData>,
    /// The entities of a `database-schema` spec type (`null` for other types).
    pub entities: Option<Vec<EntityData>>,
    /// How many problems `speclint check` reports for the document.
    pub diagnostics: DiagnosticCounts,
}

impl SpecDocument {
    /// Whether the front matter has a `spec_type` key (whatever its value):
    /// the document says it is a spec document.
    pub fn declares_spec_type(&self) -> bool {
        self.front_matter
            .as_ref()
            .is_some_and(|fm| fm.get("spec_type").is_some())
    }
}

/// Markdown outside any section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Block {
    pub markdown: String,
    pub lines: Lines,
}

/// How a heading relates to the spec type (see [`HeadingRole`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    DocumentTitle,
    Section,
    NearMiss,
    WrongLevel,
    Duplicate,
    Entry,
    Subsection,
    Unknown,
}

impl From<HeadingRole> for Role {
    fn from(r: HeadingRole) -> Role {
        match r {
            HeadingRole::DocumentTitle => Role::DocumentTitle,
            HeadingRole::Section { .. } => Role::Section,
            HeadingRole::NearMiss { .. } => Role::NearMiss,
            HeadingRole::WrongLevel { .. } => Role::WrongLevel,
            HeadingRole::Duplicate { .. } => Role::Duplicate,
            HeadingRole::Entry { .. } => Role::Entry,
            HeadingRole::Subsection => Role::Subsection,
            HeadingRole::Unknown => Role::Unknown,
        }
    }
}

/// One heading and its section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SectionData {
    /// The heading text as written (markers excluded, inline Markdown kept).
    pub title: String,
    /// The spec section this heading stands for (also for near misses, wrong
    /// levels and duplicates); `null` otherwise.
    pub id: Option<String>,
    /// `null` when the document has no spec type.
    pub role: Option<Role>,
    pub level: u8,
    /// Index of the enclosing section in `sections`.
    pub parent: Option<SectionId>,
    /// From the heading to the last non-blank line, subsections included.
    pub lines: Lines,
    /// The section's own content as written: after the heading line, up to its
    /// first subsection, blank lines at both ends removed.
    pub markdown: String,
}

/// One pipe table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TableData {
    /// The enclosing section's `id`, else its `title`; `null` before the first heading.
    pub section: Option<String>,
    /// Index of the enclosing section in `sections`.
    pub section_index: Option<SectionId>,
    /// The entity whose column table this is.
    pub entity: Option<String>,
    /// Whether the columns were mapped to a table of the spec type.
    pub mapped: bool,
    pub lines: Lines,
    /// The header cells as written.
    pub headers: Vec<String>,
    /// One key per header cell: the canonical key when mapped, else the header text.
    pub columns: Vec<String>,
    /// One record per body row, keyed by `columns`; a missing cell is `null`,
    /// cells beyond the header are keyed `column_N` (1-based position).
    pub rows: Vec<Ordered<Option<String>>>,
    /// The line of each row.
    pub row_lines: Vec<Lines>,
}

/// One entity (table, collection, view) of a database schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityData {
    pub name: String,
    /// Index of the entity's section in `sections`.
    pub section_index: SectionId,
    pub lines: Lines,
    /// The first paragraph of the entity before its column table, as written.
    pub description: Option<String>,
    pub columns: Vec<ColumnData>,
    pub primary_key: Option<PrimaryKeyData>,
    pub foreign_keys: Vec<ForeignKeyData>,
    pub indexes: Vec<IndexData>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnData {
    pub name: String,
    /// As written; `""` without a type column.
    #[serde(rename = "type")]
    pub data_type: String,
    /// `null` when empty or unreadable.
    pub nullable: Option<bool>,
    /// `null` for `—`, `-`, `n/a`, `none` or an empty cell.
    pub default: Option<String>,
    /// As written; `""` without a constraints column.
    pub constraints: String,
    pub lines: Lines,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PrimaryKeyData {
    pub columns: Vec<String>,
    /// Where it is declared: `constraints` (a cell of the column table), `body`
    /// (a line such as "Primary key: `id`"), `ddl` or `engine` (`_id`).
    pub source: schema::KeySource,
    /// `primary`, or what stands for it (`partition`, `order-by`, `logical`...).
    pub kind: crate::notation::keys::KeyKind,
    pub lines: Lines,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ForeignKeyData {
    /// The referencing column.
    pub column: String,
    pub references: Target,
    pub lines: Lines,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    /// Possibly schema-qualified (`public.orders`).
    pub entity: String,
    /// Empty for `REFERENCES orders`.
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndexData {
    pub name: Option<String>,
    pub columns: Vec<String>,
    pub method: Option<String>,
    pub unique: bool,
    /// The bullet's text, marker removed.
    pub text: String,
    pub lines: Lines,
}

/// Diagnostics of the document by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticCounts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// Exports a document as data, as the type `explicit_type` (or the type
/// [`crate::Linter::check`] would choose). Never fails.
pub fn export(linter: &dyn Validator, text: &str, explicit_type: Option<&str>) -> SpecDocument {
    if linter.limits().check_input(text).is_some() {
        return SpecDocument {
            diagnostics: DiagnosticCounts {
                errors: 1,
                ..DiagnosticCounts::default()
            },
            ..SpecDocument::empty()
        };
    }
    let doc = Document::parse(text);
    let report = linter.check_document(&doc, explicit_type);
    let spec = linter.spec_for(&doc, explicit_type);
    let analysis = spec.map(|s| Analysis::new(&doc, s)).unwrap_or_default();
    let mut out = export_document(&doc, spec, &analysis);
    out.type_source = spec.and(report.type_source);
    out.diagnostics = DiagnosticCounts {
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        infos: report.count(Severity::Info),
    };
    out
}

impl SpecDocument {
    fn empty() -> SpecDocument {
        SpecDocument {
            format_version: FORMAT_VERSION,
            spec_type: None,
            type_source: None,
            title: None,
            front_matter: None,
            front_matter_lines: None,
            field_lines: None,
            preamble: None,
            sections: Vec::new(),
            tables: Vec::new(),
            entities: None,
            diagnostics: DiagnosticCounts::default(),
        }
    }
}

/// Exports a parsed document read as `spec` (with its analysis; use
/// `Analysis::default()` without a type). `type_source` and `diagnostics`
/// are left empty: [`crate::Linter::export`] fills them in.
pub fn export_document(
    doc: &Document<'_>,
    spec: Option<&SpecType>,
    analysis: &Analysis,
) -> SpecDocument {
    let (front_matter, field_lines) = front_matter(doc, spec).unzip();
    let sections = sections(doc, spec, analysis);
    let title = front_matter
        .as_ref()
        .and_then(|f: &Ordered<Value>| f.get("title"))
        .and_then(crate::analysis::scalar_text)
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .or_else(|| {
            doc.headings
                .iter()
                .find(|h| h.level == 1)
                .map(|h| h.text.clone())
        });
    let entities = spec
        .filter(|s| s.semantics.contains(&Semantics::DatabaseSchema))
        .map(|s| {
            crate::schema::model(doc, s, analysis)
                .iter()
                .map(|e| entity(doc, e))
                .collect()
        });
    SpecDocument {
        spec_type: spec.map(|s| s.id.clone()),
        title,
        front_matter_lines: doc.front_matter.as_ref().map(|f| {
            let end = f.close.map_or(f.content.end, |c| c.end);
            lines(doc, Span::new(f.open.start, end))
        }),
        front_matter,
        field_lines,
        preamble: preamble(doc),
        tables: tables(doc, spec, analysis, &sections),
        sections,
        entities,
        ..SpecDocument::empty()
    }
}

/// The lines a span covers, trailing white space excluded (at least its first line).
fn lines(doc: &Document<'_>, span: Span) -> Lines {
    let t = span.text(doc.text);
    let trimmed = t.trim_end().len();
    let start = doc.line(span.start);
    let end = if trimmed == 0 {
        start
    } else {
        doc.line(span.start + trimmed - 1)
    };
    Lines {
        start,
        end: end.max(start),
    }
}

/// A span without blank lines at its start and end; `None` when it is all blank.
fn trim_blank_lines(text: &str, span: Span) -> Option<Span> {
    let s = span.text(text);
    let first = s.find(|c: char| !c.is_whitespace())?;
    let last = s.rfind(|c: char| !c.is_whitespace())?;
    let start = s[..first].rfind('\n').map_or(0, |i| i + 1);
    let last_char_end = last + s[last..].chars().next().map_or(1, char::len_utf8);
    let end = s[last_char_end..]
        .find(['\r', '\n'])
        .map_or(s.len(), |i| last_char_end + i);
    Some(Span::new(span.start + start, span.start + end))
}

fn front_matter(
    doc: &Document<'_>,
    spec: Option<&SpecType>,
) -> Option<(Ordered<Value>, Ordered<Lines>)> {
    let fm = doc.front_matter.as_ref()?;
    // With a YAML error (or no closing fence) the values are unknown: read each entry on its own.
    let untrusted = fm.yaml.error.is_some() || fm.close.is_none();
    let mut values = Ordered::default();
    let mut spans = Ordered::default();
    for e in &fm.yaml.entries {
        if values.get(&e.key).is_some() {
            continue; // A duplicate key: the first one counts, as in validation.
        }
        let value = match &e.value {
            Some(v) => Some(v.clone()),
            None if untrusted => entry_alone(doc, e),
            None => None,
        };
        let value = match (value, spec.and_then(|s| s.field(&e.key))) {
            (Some(Value::String(s)), Some(f)) if f.kind == FieldKind::Date => {
                Value::String(text::canonical_date(&s).unwrap_or(s))
            }
            (v, _) => v.unwrap_or(Value::Null),
        };
        values.0.push((e.key.clone(), value));
        spans.0.push((e.key.clone(), lines(doc, e.span)));
    }
    Some((values, spans))
}

/// Parses one front matter entry by itself (`null` when that fails too).
fn entry_alone(doc: &Document<'_>, e: &crate::yaml::Entry) -> Option<Value> {
    let line_start = doc
        .line_index
        .line_start(doc.line_index.line_of(e.span.start))
        .unwrap_or(e.span.start)
        .min(e.span.start);
    let t = Span::new(line_start, e.span.end).text(doc.text);
    match yaml::to_json(t).ok()? {
        Value::Object(mut m) => m.remove(&e.key),
        _ => None,
    }
}

fn preamble(doc: &Document<'_>) -> Option<Block> {
    let end = doc
        .headings
        .first()
        .map_or(doc.text.len(), |h| h.span.start);
    let span = trim_blank_lines(doc.text, Span::new(doc.body_start, end))?;
    Some(Block {
        markdown: span.text(doc.text).to_string(),
        lines: lines(doc, span),
    })
}

fn sections(doc: &Document<'_>, spec: Option<&SpecType>, analysis: &Analysis) -> Vec<SectionData> {
    doc.sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let role = spec.and(analysis.roles.get(i).copied());
            let id = role
                .and_then(HeadingRole::section_spec)
                .and_then(|k| spec.and_then(|t| t.sections.get(k)))
                .map(|x| x.id.clone());
            let title = doc
                .headings
                .get(s.heading.0)
                .map(|h| h.content.text(doc.text).to_string())
                .unwrap_or_default();
            let own_end = s
                .children
                .first()
                .and_then(|&c| doc.section(c))
                .map_or(s.span.end, |c| c.span.start);
            let markdown = trim_blank_lines(doc.text, Span::new(s.body.start, own_end))
                .map(|b| b.text(doc.text).to_string())
                .unwrap_or_default();
            SectionData {
                title,
                id,
                role: role.map(Role::from),
                level: s.level,
                parent: s.parent,
                lines: lines(doc, s.span),
                markdown,
            }
        })
        .collect()
}

/// For each document table, the spec table it stands for and the entity it
/// describes: an entity's first table maps to the entries' table; a section's
/// first table (free subsections included) to the section's table, as
/// [`Analysis::table_of`] assigns them.
fn table_specs<'s>(
    doc: &Document<'_>,
    spec: Option<&'s SpecType>,
    analysis: &Analysis,
) -> Vec<(Option<&'s TableSpec>, Option<String>)> {
    let mut out: Vec<(Option<&TableSpec>, Option<String>)> = vec![(None, None); doc.tables.len()];
    let Some(spec) = spec else {
        return out;
    };
    let mut seen_owner = std::collections::HashSet::new();
    for (i, t) in doc.tables.iter().enumerate() {
        let Some(owner) = analysis.table_owner(doc, t) else {
            continue;
        };
        if !seen_owner.insert(owner) {
            continue; // Not the first table of its section.
        }
        if let Some(slot) = out.get_mut(i) {
            slot.0 = analysis
                .roles
                .get(owner.0)
                .copied()
                .and_then(HeadingRole::section_spec)
                .and_then(|k| spec.sections.get(k))
                .and_then(|s| s.table.as_ref());
        }
    }
    for e in &analysis.entries {
        if let Some(slot) = e.table.and_then(|t| out.get_mut(t.0)) {
            let ts = entries_spec(spec, e.spec).and_then(|r| r.table.as_ref());
            *slot = (ts, Some(e.name.clone()));
        }
    }
    out
}

fn tables(
    doc: &Document<'_>,
    spec: Option<&SpecType>,
    analysis: &Analysis,
    sections: &[SectionData],
) -> Vec<TableData> {
    let specs = table_specs(doc, spec, analysis);
    doc.tables
        .iter()
        .zip(specs)
        .enumerate()
        .map(|(i, (t, (ts, entity)))| {
            let headers: Vec<String> = t.header.cells.iter().map(|c| c.text.clone()).collect();
            let mut keys: Vec<Option<String>> = vec![None; headers.len()];
            if let Some(ts) = ts {
                let map = map_columns(t, ts);
                for (col, ix) in ts.columns.iter().zip(&map.columns) {
                    if let Some(slot) = ix.and_then(|ix| keys.get_mut(ix)) {
                        *slot = Some(col.key());
                    }
                }
            }
            let mut columns: Vec<String> = Vec::with_capacity(headers.len());
            for (n, (h, k)) in headers.iter().zip(keys).enumerate() {
                let base = k
                    .or_else(|| Some(h.trim().to_string()).filter(|h| !h.is_empty()))
                    .unwrap_or_else(|| format!("column_{}", n + 1));
                columns.push(unique_key(&columns, base));
            }
            let rows = t
                .rows
                .iter()
                .map(|r| {
                    let mut rec: Ordered<Option<String>> = Ordered(
                        columns
                            .iter()
                            .enumerate()
                            .map(|(n, k)| (k.clone(), r.cells.get(n).map(|c| c.text.clone())))
                            .collect(),
                    );
                    for (n, c) in r.cells.iter().enumerate().skip(columns.len()) {
                        let taken: Vec<String> = rec.0.iter().map(|(k, _)| k.clone()).collect();
                        let key = unique_key(&taken, format!("column_{}", n + 1));
                        rec.0.push((key, Some(c.text.clone())));
                    }
                    rec
                })
                .collect();
            let section_index = analysis
                .table_sections
                .get(i)
                .copied()
                .flatten()
                .or_else(|| doc.section_at(t.span.start));
            let section = section_index
                .and_then(|s| sections.get(s.0))
                .map(|s| s.id.clone().unwrap_or_else(|| s.title.clone()));
            TableData {
                section,
                section_index,
                entity,
                mapped: ts.is_some(),
                lines: lines(doc, t.span),
                headers,
                columns,
                rows,
                row_lines: t.rows.iter().map(|r| lines(doc, r.span)).collect(),
            }
        })
        .collect()
}

/// `base`, or `base_2`, `base_3`... when taken.
fn unique_key(taken: &[String], base: String) -> String {
    if !taken.contains(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}_{n}"))
        .find(|k| !taken.contains(k))
        .unwrap_or(base)
}

fn entity(doc: &Document<'_>, e: &EntitySchema) -> EntityData {
    let section = doc.section(e.section);
    let span = section.map_or(e.name_span, |s| s.span);
    // The description: the first paragraph of the entity's own content, before its column table.
    let limit = section
        .and_then(|s| s.children.first())
        .and_then(|&c| doc.section(c))
        .map_or(span.end, |c| c.span.start)
        .min(
            e.table
                .and_then(|t| doc.table(t))
                .map_or(usize::MAX, |t| t.span.start),
        );
    // Paragraphs are in document order.
    let from = doc
        .paragraphs
        .partition_point(|p| p.span.start < span.start);
    let description = doc
        .paragraphs
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|p| p.span.end <= limit)
        .find(|p| span.contains_span(p.span))
        .map(|p| p.span.text(doc.text).to_string());
    EntityData {
        name: e.name.clone(),
        section_index: e.section,
        lines: lines(doc, span),
        description,
        columns: e
            .columns
            .iter()
            .map(|c| ColumnData {
                name: c.name.clone(),
                data_type: c.data_type.clone(),
                nullable: c.nullable,
                default: c.default.clone(),
                constraints: c.constraints.clone(),
                lines: lines(doc, c.row_span),
            })
            .collect(),
        primary_key: e.primary_key.as_ref().map(|p| PrimaryKeyData {
            columns: p.columns.clone(),
            source: p.source,
            kind: p.kind,
            lines: lines(doc, p.span),
        }),
        foreign_keys: e
            .foreign_keys
            .iter()
            .map(|f| ForeignKeyData {
                column: f.column.clone(),
                references: Target {
                    entity: f.target_entity.clone(),
                    columns: f.target_columns.clone(),
                },
                lines: lines(doc, f.span),
            })
            .collect(),
        indexes: e
            .indexes
            .iter()
            .map(|ix| IndexData {
                name: ix.name.clone(),
                columns: ix.columns.clone(),
                method: ix.method.clone(),
                unique: ix.unique,
                text: ix.text.clone(),
                lines: lines(doc, ix.span),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "\u{feff}",
            "---",
            "---\n",
            "---\n---\n",
            "---\n: x\n---\n",
            "---\n- a\n- b\n---\n# T\n",
            "---\nspec_type: database-schema\nlast_updated: [\n---\n## Entity Inventory\n### `x`\n| a |\n|-|\n| 1 | 2 | 3 |\n",
            "# \n## \n### ``\n",
            "| a | a |  |\n|---|---|---|\n| 1 |\n",
            "## Entity Inventory\n### `t`\n| Column | Type |\n| - | - |\n| é | 😀 |\r\n",
            "text\r\n\r\n# T\r\n\r\nbody\r\n\r\n",
        ] {
            let d = crate::Linter::default().export(text, None);
            let _ = serde_json::to_string(&d).expect("serializes");
        }
    }

    #[test]
    fn trims_blank_lines_only() {
        let t = "\n\n  a\n b  \n\n";
        let s = trim_blank_lines(t, Span::new(0, t.len())).expect("not blank");
        assert_eq!(s.text(t), "  a\n b  ");
        assert_eq!(trim_blank_lines(" \n\t\n", Span::new(0, 4)), None);
    }

    #[test]
    fn keys_are_unique() {
        let d = crate::Linter::default()
            .export("| a | a | |\n|---|---|---|\n| 1 | 2 | 3 | 4 |\n", None);
        let t = &d.tables[0];
        assert_eq!(t.columns, ["a", "a_2", "column_3"]);
        let keys: Vec<&str> = t.rows[0].0.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "a_2", "column_3", "column_4"]);
    }

    #[test]
    fn yaml_errors_keep_readable_entries() {
        let d = crate::Linter::default().export(
            "---\nspec_type: database-schema\napplicability: [web, mobile\nlast_updated: 2024/01/05\n---\n",
            None,
        );
        let fm = d.front_matter.expect("front matter");
        assert_eq!(fm.get("spec_type"), Some(&Value::from("database-schema")));
        assert_eq!(fm.get("applicability"), Some(&Value::Null));
        assert_eq!(fm.get("last_updated"), Some(&Value::from("2024-01-05")));
        assert_eq!(d.spec_type.as_deref(), Some("database-schema"));
    }
}
