//! Spec types derived from templates: onboard a new template in one command.
//!
//! [`derive_spec_type`] reads a template such as `examples/template.md` and
//! writes the spec type it implies:
//! - front matter: `spec_type: x` becomes the type's id and a `const` field;
//!   `key: a # a | b | c` an enum; `YYYY-MM-DD` a date; `[web, mobile]` a list
//!   of those items (at least one); `[]` a list; `<...>` a required string that
//!   must be replaced; `true`/`false` a boolean; a number a number;
//! - the `#` title becomes the type's name; every `##` heading, in order, a
//!   required, non-empty section;
//! - a table's header row becomes the section's required columns (with common
//!   synonyms as aliases: `Name` ~ `Column`, `Type` ~ `Data Type`, ...);
//! - a ``### `<name>` `` subsection becomes repeated entries with a code-span
//!   heading; a bullet `Columns (a, b, c) in table form` inside it becomes the
//!   entries' required table;
//! - every guidance bullet and paragraph becomes residue to flag.
//!
//! What a template cannot say is not invented: aliases beyond the synonyms,
//! conditions (`status: approved` ⇒ …) and fields the template does not show
//! are left for the author to add. `docs/spec-types.md` lists these
//! differences from the hand-written built-in type.

use crate::document::{Document, SectionId};
use crate::spec_type::{
    COLUMN_SYNONYMS, ColumnSpec, FieldKind, FieldSpec, HeadingStyle, RepeatedSpec, SectionSpec,
    Semantics, SpecType, SubsectionSpec, TableSpec,
};
use crate::text;

/// A template that cannot be turned into a spec type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeriveError(pub String);

impl std::fmt::Display for DeriveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DeriveError {}

/// The spec type file that `speclint init --from-template` writes, the same
/// bytes from every host (the native CLI, `npx speclint`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SpecTypeFile {
    /// The file: a comment naming the template, then the spec type as YAML.
    pub text: String,
    /// The derived type's id.
    pub id: String,
    /// How many front matter fields and sections it has.
    pub fields: usize,
    pub sections: usize,
}

impl SpecTypeFile {
    /// The line a host prints once it has written the file to `output`.
    pub fn wrote(&self, output: &str) -> String {
        format!(
            "wrote spec type `{}` ({} fields, {} sections) to {output}",
            self.id, self.fields, self.sections
        )
    }
}

/// Derives the spec type file of the template at `path` (shown in the file
/// and in errors) whose text is `template`.
pub fn spec_type_file(template: &str, path: &str) -> Result<SpecTypeFile, String> {
    let t = derive_spec_type(template).map_err(|e| format!("`{path}`: {e}"))?;
    let yaml = crate::yaml::to_string(&t).map_err(|e| format!("cannot write YAML: {e}"))?;
    Ok(SpecTypeFile {
        text: format!(
            "# Spec type derived from `{path}` by `speclint init --from-template`.\n# Review it: add aliases, conditions and optional sections the template cannot express.\n{yaml}"
        ),
        id: t.id.clone(),
        fields: t.fields.len(),
        sections: t.sections.len(),
    })
}

/// Derives a spec type from a template document.
pub fn derive_spec_type(template: &str) -> Result<SpecType, DeriveError> {
    let doc = Document::parse(template);
    if let Some(fm) = &doc.front_matter {
        if fm.close.is_none() {
            return Err(DeriveError(
                "the template's front matter is never closed".into(),
            ));
        }
        if let Some(e) = &fm.yaml.error {
            return Err(DeriveError(format!(
                "the template's front matter is not valid YAML: {}",
                e.message
            )));
        }
    }
    let section_level = doc
        .headings
        .iter()
        .map(|h| h.level)
        .filter(|&l| l > 1)
        .min()
        .unwrap_or(2);
    let title = doc
        .headings
        .iter()
        .find(|h| h.level < section_level)
        .map(|h| h.text.clone());

    let mut fields = Vec::new();
    let mut id = None;
    if let Some(fm) = doc.yaml() {
        for e in &fm.entries {
            let raw = e.value_span.text(template).trim();
            let comment = e
                .comment
                .map(|c| c.text(template).trim_start_matches('#').trim().to_string());
            let mut f = FieldSpec {
                name: e.key.clone(),
                kind: FieldKind::String,
                required: true,
                values: Vec::new(),
                suggested: Vec::new(),
                const_value: None,
                min_items: None,
                max_items: None,
                placeholder_allowed: false,
                description: None,
            };
            let value = e.value.clone().unwrap_or(serde_json::Value::Null);
            if e.key == "spec_type" {
                let v = crate::analysis::scalar_text(&value).unwrap_or_default();
                id = Some(v.clone());
                f.const_value = Some(v);
            } else if let Some(values) = comment
                .as_deref()
                .filter(|c| c.contains('|'))
                .map(enum_values)
            {
                f.kind = FieldKind::Enum;
                f.values = values;
            } else if text::is_date_template(raw) {
                f.kind = FieldKind::Date;
            } else if let serde_json::Value::Array(items) = &value {
                f.kind = FieldKind::List;
                // A template's example items suggest values; they do not close the list.
                f.suggested = items
                    .iter()
                    .filter_map(crate::analysis::scalar_text)
                    .collect();
                if !f.suggested.is_empty() {
                    f.min_items = Some(1);
                }
            } else if let serde_json::Value::Bool(_) = value {
                f.kind = FieldKind::Boolean;
            } else if let serde_json::Value::Number(_) = value {
                f.kind = FieldKind::Number;
            }
            if let Some(c) = comment.filter(|c| !c.contains('|')) {
                f.description = Some(c);
            }
            fields.push(f);
        }
    }
    // `# <Service Name> Tech Stack` names the type `Tech Stack`.
    let title = title
        .map(|t| without_placeholders(&t))
        .filter(|t| !t.is_empty());
    let name = title
        .or_else(|| {
            let t = doc.yaml()?.get("title")?.value_span.text(template);
            Some(t.trim_matches(['<', '>']).to_string())
        })
        .unwrap_or_else(|| "Derived spec type".into());
    let id = id.filter(|s| !s.is_empty()).unwrap_or_else(|| slug(&name));

    let mut sections = Vec::new();
    for (i, h) in doc.headings.iter().enumerate() {
        if h.level != section_level {
            continue;
        }
        let sec = &doc.sections[i];
        let own_end = sec
            .children
            .first()
            .map_or(sec.span.end, |&c| doc.sections[c].span.start);
        let own = crate::source::Span::new(sec.body.start, own_end);
        let table = doc
            .tables
            .iter()
            .find(|t| own.contains_span(t.span))
            .map(|t| TableSpec {
                required: true,
                columns: columns(t.header.cells.iter().map(|c| c.text.as_str())),
                min_rows: 1,
                rows: skeleton_rows(t),
            });
        let mut residue = residue_in(&doc, own);
        let sub: Vec<SectionId> = sec
            .children
            .iter()
            .copied()
            .filter(|&c| doc.headings[c].level == section_level + 1)
            .collect();
        // A placeholder heading (``### `<table_name>` ``) stands for entries
        // repeated under any name; named headings (`### Backend Services`)
        // are subsections the section must have, each with its guidance.
        let repeated = sub
            .iter()
            .copied()
            .find(|&c| is_placeholder_heading(&doc.headings[c]));
        let mut subsections = Vec::new();
        if repeated.is_none() {
            for &c in &sub {
                let span = doc.sections[c].span;
                let table = doc
                    .tables
                    .iter()
                    .find(|t| span.contains_span(t.span))
                    .map(|t| TableSpec {
                        required: true,
                        columns: columns(t.header.cells.iter().map(|c| c.text.as_str())),
                        min_rows: 1,
                        rows: skeleton_rows(t),
                    });
                for r in residue_in(&doc, span) {
                    if !residue.contains(&r) {
                        residue.push(r);
                    }
                }
                subsections.push(SubsectionSpec {
                    title: doc.headings[c].text.trim().to_string(),
                    aliases: Vec::new(),
                    required: true,
                    table,
                });
            }
        }
        let entries = repeated.map(|c| {
            let eh = &doc.headings[c];
            let raw_name = eh.code.clone().unwrap_or_else(|| eh.text.clone());
            let entry_name = raw_name
                .trim_matches(['<', '>'])
                .trim_end_matches("_name")
                .replace(['_', '-'], " ");
            let span = doc.sections[c].span;
            let bullets: Vec<String> = doc
                .list_items
                .iter()
                .filter(|l| span.contains_span(l.span))
                .map(|l| l.text.clone())
                .collect();
            let table = doc
                .tables
                .iter()
                .find(|t| span.contains_span(t.span))
                .map(|t| columns(t.header.cells.iter().map(|c| c.text.as_str())))
                .or_else(|| bullets.iter().find_map(|b| columns_bullet(b)))
                .map(|cols| TableSpec {
                    required: true,
                    columns: cols,
                    min_rows: 1,
                    // Entries repeat: one entry's rows are not every entry's.
                    rows: Vec::new(),
                });
            RepeatedSpec {
                name: if entry_name.trim().is_empty() {
                    "entry".into()
                } else {
                    entry_name.trim().to_string()
                },
                level: eh.level,
                heading: if eh.code.is_some() {
                    HeadingStyle::Code
                } else {
                    HeadingStyle::Any
                },
                min: 1,
                table,
                residue: residue_in(&doc, span),
            }
        });
        sections.push(SectionSpec {
            id: slug(&h.text),
            title: h.text.clone(),
            aliases: Vec::new(),
            required: true,
            level: section_level,
            non_empty: true,
            table,
            entries,
            residue,
            subsections,
        });
    }
    if sections.is_empty() {
        return Err(DeriveError(format!(
            "the template has no `{}` sections",
            "#".repeat(section_level as usize)
        )));
    }
    // Domain rules are enabled when the template's spec_type names them.
    let semantics = if id == "database-schema" {
        vec![Semantics::DatabaseSchema]
    } else {
        Vec::new()
    };
    let t = SpecType {
        id,
        name,
        description: Some("Derived from a template by `speclint init --from-template`.".into()),
        fields,
        sections,
        conditions: Vec::new(),
        semantics,
        residue: Vec::new(),
        compiled: Default::default(),
    };
    t.check().map_err(|e| DeriveError(e.message))?;
    Ok(t)
}

/// A template's skeleton rows: a label in the first cell and every other cell
/// empty (`| Staging | | |`). A row with more filled in is an example, not a
/// row every document must have.
fn skeleton_rows(t: &crate::document::Table) -> Vec<String> {
    if t.header.cells.len() < 2 {
        return Vec::new();
    }
    t.rows
        .iter()
        .filter_map(|r| {
            let (first, rest) = r.cells.split_first()?;
            let label = first.text.trim();
            let skeleton = !label.is_empty()
                && !rest.is_empty()
                && rest.iter().all(|c| c.text.trim().is_empty())
                && text::placeholders(label).is_empty();
            skeleton.then(|| label.to_string())
        })
        .collect()
}

/// `<Service Name> Tech Stack` → `Tech Stack`.
fn without_placeholders(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut at = 0;
    for (start, end) in text::placeholders(t) {
        out.push_str(&t[at..start]);
        at = end;
    }
    out.push_str(&t[at..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a heading stands for repeated entries: ``### `<table_name>` ``,
/// `### <Service Name>`, `### {{ name }}` (a placeholder starts it).
fn is_placeholder_heading(h: &crate::document::Heading) -> bool {
    let t = h.code.as_deref().unwrap_or(&h.text).trim();
    t.starts_with("{{")
        || t.starts_with('[') && t.ends_with(']')
        || text::placeholders(t)
            .first()
            .is_some_and(|&(start, _)| start == 0)
}

/// `draft | approved | deprecated` → `[draft, approved, deprecated]`.
fn enum_values(comment: &str) -> Vec<String> {
    comment
        .split('|')
        .map(|v| v.trim().trim_matches('`').to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// Columns from header texts, each with its synonyms as aliases.
fn columns<'a>(names: impl Iterator<Item = &'a str>) -> Vec<ColumnSpec> {
    let names: Vec<&str> = names.filter(|n| !n.trim().is_empty()).collect();
    // A column table (names and types): columns get their role as key, and
    // only names and types are required, as in the built-in type.
    let roles = crate::notation::columns::read_header(&names, &Default::default());
    let column_table = roles.name.is_some() && !roles.name_by_position && roles.type_.is_some();
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let lower = crate::text::fold_case(n.trim());
            let aliases = COLUMN_SYNONYMS
                .iter()
                .find(|group| group.contains(&lower.as_str()))
                .map(|group| {
                    group
                        .iter()
                        .filter(|s| **s != lower)
                        .map(|s| title_case(s))
                        .collect()
                })
                .unwrap_or_default();
            let role = roles
                .cells
                .get(i)
                .and_then(|r| r.first())
                .copied()
                .filter(|r| *r != crate::notation::columns::Role::Other);
            let (key, required) = match role {
                Some(r) if column_table => (
                    Some(r.as_str().to_string()),
                    matches!(
                        r,
                        crate::notation::columns::Role::Name | crate::notation::columns::Role::Type
                    ),
                ),
                _ => (None, true),
            };
            ColumnSpec {
                name: n.trim().to_string(),
                key,
                aliases,
                required,
            }
        })
        .collect()
}

/// `Columns (name, type, nullable) in table form` → those columns.
fn columns_bullet(b: &str) -> Option<Vec<ColumnSpec>> {
    let lower = crate::text::fold_case(b);
    if !lower.starts_with("columns") || !lower.contains("table") {
        return None;
    }
    let open = b.find('(')?;
    let close = b[open..].find(')')? + open;
    let names: Vec<String> = b[open + 1..close]
        .split(',')
        .map(|s| title_case(s.trim()))
        .collect();
    Some(columns(names.iter().map(String::as_str)))
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                // ASCII only: the template's header names; core's Unicode
                // uppercase table would cost the WASM module ~7 KB gzipped.
                Some(f) => std::iter::once(f.to_ascii_uppercase()).chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Guidance text (bullets and paragraphs) inside `span`.
fn residue_in(doc: &Document<'_>, span: crate::source::Span) -> Vec<String> {
    let mut items: Vec<(usize, String)> = doc
        .list_items
        .iter()
        .filter(|l| span.contains_span(l.span))
        .map(|l| (l.span.start, l.text.clone()))
        .chain(
            doc.paragraphs
                .iter()
                .filter(|p| span.contains_span(p.span))
                .map(|p| (p.span.start, p.text.clone())),
        )
        .filter(|(_, t)| !t.trim().is_empty())
        .collect();
    items.sort();
    items
        .into_iter()
        .map(|(_, t)| text::repair_mojibake(&t).into_owned())
        .collect()
}

/// `Data Classification & Compliance` → `data-classification-compliance`.
pub fn slug(s: &str) -> String {
    crate::spec_type::snake_case(s).replace('_', "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../examples/template.md");

    #[test]
    fn derives_the_seed() {
        let t = derive_spec_type(SEED).unwrap();
        assert_eq!(t.id, "database-schema");
        assert_eq!(t.name, "Database Schema Specification");
        assert_eq!(t.sections.len(), 16);
        let builtin = crate::spec_type::builtin().remove(0);
        let ids: Vec<_> = t.sections.iter().map(|s| s.id.as_str()).collect();
        let builtin_ids: Vec<_> = builtin.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, builtin_ids);
        let status = t.field("status").unwrap();
        assert_eq!(status.kind, FieldKind::Enum);
        assert_eq!(status.values, ["draft", "approved", "deprecated"]);
        assert_eq!(t.field("last_updated").unwrap().kind, FieldKind::Date);
        let app = t.field("applicability").unwrap();
        assert_eq!(
            (
                app.kind,
                app.values.len(),
                app.suggested.len(),
                app.min_items
            ),
            (FieldKind::List, 0, 3, Some(1)),
            "a template's example list suggests values, it does not close the list"
        );
        assert_eq!(
            t.field("related_initiatives").unwrap().kind,
            FieldKind::List
        );
        assert_eq!(
            t.field("spec_type").unwrap().const_value.as_deref(),
            Some("database-schema")
        );
        let summary = &t.sections[4];
        assert_eq!(summary.table.as_ref().unwrap().columns.len(), 4);
        let inv = t.sections[5].entries.as_ref().unwrap();
        assert_eq!(inv.heading, HeadingStyle::Code);
        let cols: Vec<_> = inv
            .table
            .as_ref()
            .unwrap()
            .columns
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(cols, ["Name", "Type", "Nullable", "Default", "Constraints"]);
        assert!(
            t.sections[6]
                .residue
                .iter()
                .any(|r| r.contains("services → tables"))
        );
        assert_eq!(t.semantics, [Semantics::DatabaseSchema]);
    }

    #[test]
    fn derived_type_round_trips_through_yaml() {
        let t = derive_spec_type(SEED).unwrap();
        let y = crate::yaml::to_string(&t).unwrap();
        assert_eq!(SpecType::from_yaml(&y).unwrap(), t);
    }

    #[test]
    fn bad_templates_are_errors() {
        assert!(derive_spec_type("").is_err());
        assert!(
            derive_spec_type("---\na: [\n---\n## X\n")
                .unwrap_err()
                .0
                .contains("not valid YAML")
        );
        assert!(derive_spec_type("---\na: 1\n").is_err());
        assert!(derive_spec_type("# Only a title\n").is_err());
    }
}
