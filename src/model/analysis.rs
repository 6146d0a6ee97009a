//! What a document means under a spec type, computed once before the rules run.
//!
//! The analysis matches headings to the spec type's sections (exactly, by
//! alias, by a near-miss title, or at a wrong level), assigns tables to
//! sections, finds the repeated subsections (entities) with their column
//! tables, and works out which conditions of the spec type are active. Rules
//! only read it, so no rule repeats another's work.
//!
//! Heading matching runs in three passes, each in document order:
//! 1. headings whose title is a section's canonical title (up to case and
//!    punctuation) at the section's level claim that section; a later one is
//!    a duplicate;
//! 2. section-level headings that are an alias or a likely typo of a section
//!    not claimed yet claim it as a near miss;
//! 3. everything else: a canonical title at another level claims a missing
//!    section as a wrong level; deeper headings become entries (repeated
//!    subsections) or free subsections; shallower ones are document titles;
//!    the rest is unknown.

use serde_json::Value;

use crate::document::{Document, SectionId, Table, TableId};
use crate::source::Span;
use crate::spec_type::{Condition, RepeatedSpec, SectionSpec, SpecType, TableSpec};
pub use crate::spec_type::{NearMissKind, TitleMatcher};

/// How a document heading relates to the spec type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingRole {
    /// A heading above the section level (the document's `# Title`).
    DocumentTitle,
    /// The canonical title of spec section `spec`, at the right level.
    Section { spec: usize },
    /// Another title that means spec section `spec` (alias, different case or
    /// punctuation, or a likely typo), at the right level.
    NearMiss { spec: usize, kind: NearMissKind },
    /// A title of spec section `spec` at the wrong heading level.
    WrongLevel { spec: usize },
    /// A second heading for a spec section already present; `first` is the
    /// heading that stands for it.
    Duplicate { spec: usize, first: SectionId },
    /// A repeated subsection (entity) of spec section `spec`.
    Entry { spec: usize },
    /// A free subsection inside a section.
    Subsection,
    /// A section-level heading the spec type does not know (or a deeper
    /// heading outside any section).
    Unknown,
}

impl HeadingRole {
    /// The spec section a heading stands for: `Section`, `NearMiss`,
    /// `WrongLevel` and `Duplicate` headings (not entries).
    pub fn section_spec(self) -> Option<usize> {
        match self {
            HeadingRole::Section { spec }
            | HeadingRole::NearMiss { spec, .. }
            | HeadingRole::WrongLevel { spec }
            | HeadingRole::Duplicate { spec, .. } => Some(spec),
            _ => None,
        }
    }
}

/// A repeated subsection, e.g. one entity of the Entity Inventory.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The entry's section in `doc.sections`.
    pub section: SectionId,
    /// Index of the spec section holding the entries.
    pub spec: usize,
    /// The entry's name (code span content or heading text).
    pub name: String,
    /// Where the name is written.
    pub name_span: Span,
    /// The first table of the entry in `doc.tables`.
    pub table: Option<TableId>,
}

/// Columns of a table mapped to a [`TableSpec`]'s columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    /// For each spec column, the index of the table column holding it.
    pub columns: Vec<Option<usize>>,
}

/// `analysis.roles[id]`: the role of section `id`'s heading.
impl std::ops::Index<SectionId> for Vec<HeadingRole> {
    type Output = HeadingRole;
    fn index(&self, id: SectionId) -> &HeadingRole {
        &self.as_slice()[id.0]
    }
}

/// Everything the rules read.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// One role per `doc.headings` entry.
    pub roles: Vec<HeadingRole>,
    /// For each spec section, the first document section standing for it.
    pub found: Vec<Option<SectionId>>,
    /// For each `doc.tables` entry, the innermost section holding it.
    pub table_sections: Vec<Option<SectionId>>,
    pub entries: Vec<Entry>,
    /// Indices of the spec type's conditions whose `when` holds.
    pub active_conditions: Vec<usize>,
    /// The spec type's column vocabulary and each table's header roles, read once.
    pub(crate) tables: Option<(
        crate::notation::columns::Vocabulary,
        crate::entries::TableRoles,
    )>,
}

impl Analysis {
    /// The analysis: headings, sections, tables, entries and conditions. The
    /// database model is built on it (`crate::schema::model`), never inside
    /// it: the model depends on the analysis, not the reverse.
    pub fn new(doc: &Document<'_>, spec: &SpecType) -> Analysis {
        let mut a = Analysis {
            roles: vec![HeadingRole::Unknown; doc.headings.len()],
            found: vec![None; spec.sections.len()],
            table_sections: doc
                .tables
                .iter()
                .map(|t| doc.section_at(t.span.start))
                .collect(),
            ..Analysis::default()
        };
        let classifier = a.match_headings(doc, spec);
        a.tables = Some(
            classifier
                .unwrap_or_else(|| crate::entries::Classifier::new(doc, spec))
                .into_roles(),
        );
        a.find_entries(doc);
        a.active_conditions = active_conditions(doc, spec);
        a
    }

    fn match_headings<'d, 'a>(
        &mut self,
        doc: &'d Document<'a>,
        spec: &SpecType,
    ) -> Option<crate::entries::Classifier<'d, 'a>> {
        let section_level = section_level(spec);
        let matcher = spec.titles();
        let mut roles: Vec<Option<HeadingRole>> = vec![None; doc.headings.len()];

        // Pass 1: canonical titles (up to case and punctuation) at the right level.
        for (i, h) in doc.headings.iter().enumerate() {
            let Some(s) = matcher.canonical(&h.text) else {
                continue;
            };
            if spec.sections[s].level != h.level {
                continue;
            }
            roles[i] = Some(match self.found[s] {
                Some(first) => HeadingRole::Duplicate { spec: s, first },
                None => {
                    self.found[s] = Some(SectionId(i));
                    let (a, b) = crate::text::title_core(&h.text);
                    if spec.sections[s].title == h.text[a..b] {
                        HeadingRole::Section { spec: s }
                    } else {
                        HeadingRole::NearMiss {
                            spec: s,
                            kind: NearMissKind::Spelling,
                        }
                    }
                }
            });
        }

        // Pass 2: aliases and typos of sections not found yet, at the right level.
        for (i, h) in doc.headings.iter().enumerate() {
            if roles[i].is_some() || !spec.sections.iter().any(|s| s.level == h.level) {
                continue;
            }
            if let Some((s, mut kind)) = matcher.near_miss(&h.text) {
                // A title with a word more is an extension, not a typo: no rename drops the word.
                if kind == NearMissKind::Typo && matcher.extended(&h.text) == Some(s) {
                    kind = NearMissKind::Extended;
                }
                if spec.sections[s].level == h.level && self.found[s].is_none() {
                    self.found[s] = Some(SectionId(i));
                    roles[i] = Some(HeadingRole::NearMiss { spec: s, kind });
                }
            }
        }

        // Pass 2b: a heading that combines sections not found yet
        // (`Risks, Open Questions & References`) stands for all of them; one
        // that extends a title (`Data Lifecycle & Retention Policy`) for it.
        for (i, h) in doc.headings.iter().enumerate() {
            if roles[i].is_some() || !spec.sections.iter().any(|s| s.level == h.level) {
                continue;
            }
            let free = |s: &usize| self.found[*s].is_none() && spec.sections[*s].level == h.level;
            if let Some(sections) = matcher.combined(&h.text).filter(|v| v.iter().all(free)) {
                for &s in &sections {
                    self.found[s] = Some(SectionId(i));
                }
                roles[i] = Some(HeadingRole::NearMiss {
                    spec: sections[0],
                    kind: NearMissKind::Combined,
                });
            } else if let Some(s) = matcher.extended(&h.text).filter(free) {
                self.found[s] = Some(SectionId(i));
                roles[i] = Some(HeadingRole::NearMiss {
                    spec: s,
                    kind: NearMissKind::Extended,
                });
            }
        }

        // Pass 3: wrong levels, entries, subsections, titles and unknown headings.
        let mut classifier = None;
        for (i, h) in doc.headings.iter().enumerate() {
            if roles[i].is_some() {
                continue;
            }
            // A canonical title at another level stands for its section when that is missing.
            let misplaced = matcher
                .canonical(&h.text)
                .filter(|&s| self.found[s].is_none());
            let context = context_of(doc, &roles, SectionId(i));
            let in_entry = matches!(context, Some(HeadingRole::Entry { .. }));
            // Inside a section of repeated entries (the Entity Inventory), a
            // deeper heading is an entry when it reads as one (see `entries`).
            let entry_of = context
                .and_then(HeadingRole::section_spec)
                .filter(|&s| spec.sections[s].entries.is_some())
                .filter(|&s| h.level > spec.sections[s].level);
            let entry_kind = entry_of.map(|_| {
                classifier
                    .get_or_insert_with(|| crate::entries::Classifier::new(doc, spec))
                    .classify(i)
            });

            let role = if let (Some(s), Some(crate::entries::Kind::Entry), true) = (
                entry_of,
                entry_kind,
                h.code.is_some() || misplaced.is_none(),
            ) {
                HeadingRole::Entry { spec: s }
            } else if let (Some(_), Some(crate::entries::Kind::Group)) = (entry_of, entry_kind) {
                HeadingRole::Subsection
            } else if let Some(s) = misplaced.filter(|_| !in_entry) {
                self.found[s] = Some(SectionId(i));
                HeadingRole::WrongLevel { spec: s }
            } else if h.level < section_level {
                HeadingRole::DocumentTitle
            } else if h.level > section_level
                && context.is_some_and(|r| r != HeadingRole::DocumentTitle)
            {
                HeadingRole::Subsection
            } else {
                HeadingRole::Unknown
            };
            roles[i] = Some(role);
        }

        self.roles = roles
            .into_iter()
            .map(|r| r.unwrap_or(HeadingRole::Unknown))
            .collect();
        classifier
    }

    fn find_entries(&mut self, doc: &Document<'_>) {
        // The first table owned by each section that is not an index,
        // relationship or other listing (see `entries::is_listing_table`).
        let mut first_table: Vec<Option<TableId>> = vec![None; doc.sections.len()];
        for (t, table) in doc.tables_with_ids() {
            if crate::entries::is_listing_table(table) {
                continue;
            }
            if let Some(slot) = self
                .table_owner(doc, table)
                .and_then(|o| first_table.get_mut(o.0))
            {
                slot.get_or_insert(t);
            }
        }
        for (i, role) in self.roles.iter().enumerate() {
            let HeadingRole::Entry { spec: s } = *role else {
                continue;
            };
            let Some(h) = doc.headings.get(i) else {
                continue;
            };
            let (name, name_span) = crate::entries::entry_name(doc, h);
            let table = first_table.get(i).copied().flatten();
            self.entries.push(Entry {
                section: SectionId(i),
                spec: s,
                name,
                name_span,
                table,
            });
        }
    }

    /// The section that owns a table: the innermost section holding it, or
    /// when that is a free subsection, the nearest enclosing section that is not.
    pub fn table_owner(&self, doc: &Document<'_>, t: &Table) -> Option<SectionId> {
        let mut cur = doc.section_at(t.span.start)?;
        while self.roles.get(cur.0) == Some(&HeadingRole::Subsection) {
            match doc.section(cur).and_then(|s| s.parent) {
                Some(p) => cur = p,
                None => break,
            }
        }
        Some(cur)
    }

    /// The heading inside document section `section` that stands for the
    /// named subsection `sub`: a deeper heading with its title or one of its
    /// aliases, read as section titles are.
    pub fn subsection_heading(
        doc: &Document<'_>,
        section: SectionId,
        sub: &crate::spec_type::SubsectionSpec,
    ) -> Option<SectionId> {
        let (h, sec) = (doc.heading(section)?, doc.section(section)?);
        let names: Vec<String> = std::iter::once(&sub.title)
            .chain(&sub.aliases)
            .map(|t| crate::spec_type::normalize_title(t))
            .collect();
        doc.headings
            .iter()
            .position(|x| {
                x.level > h.level
                    && sec.body.contains_span(x.span)
                    && names.contains(&crate::spec_type::normalize_title(&x.text))
            })
            .map(SectionId)
    }

    /// The document section standing for spec section `spec`, if any.
    pub fn section_for(&self, spec: usize) -> Option<SectionId> {
        self.found.get(spec).copied().flatten()
    }

    /// The first table inside document section `section` that is not inside one
    /// of its entries or of another section (free subsections count).
    pub fn table_of(&self, doc: &Document<'_>, section: SectionId) -> Option<TableId> {
        let span = doc.section(section)?.span;
        doc.tables_with_ids()
            .find(|(_, t)| span.contains_span(t.span) && self.table_owner(doc, t) == Some(section))
            .map(|(id, _)| id)
    }

    /// Whether document section `section` has no content: nothing but blank
    /// lines and HTML comments before its first subsection, and every free
    /// subsection or entry in it empty too. Headings that stand for other spec
    /// sections (at a wrong level) are not content.
    pub fn section_is_empty(&self, doc: &Document<'_>, section: SectionId) -> bool {
        // Iterative walk: nesting depth is bounded by heading levels, but stay safe anyway.
        let mut stack = vec![section];
        while let Some(s) = stack.pop() {
            let Some(sec) = doc.section(s) else {
                continue;
            };
            if sec.has_own_content {
                return false;
            }
            for &child in &sec.children {
                if matches!(
                    self.roles.get(child.0),
                    Some(HeadingRole::Subsection | HeadingRole::Entry { .. })
                ) {
                    stack.push(child);
                }
            }
        }
        true
    }

    /// The active conditions of the spec type.
    pub fn conditions<'s>(
        &'s self,
        spec: &'s SpecType,
    ) -> impl Iterator<Item = &'s Condition> + 's {
        self.active_conditions
            .iter()
            .filter_map(move |&i| spec.conditions.get(i))
    }

    /// The active condition that sets a requirement, for messages ("`status` is `approved`").
    pub fn condition_requiring<'s>(
        &self,
        spec: &'s SpecType,
        pred: impl Fn(&Condition) -> bool,
    ) -> Option<&'s Condition> {
        self.active_conditions
            .iter()
            .filter_map(|&i| spec.conditions.get(i))
            .find(|c| pred(c))
    }
}

/// The nearest enclosing heading that is not a free subsection, with its role.
fn context_of(
    doc: &Document<'_>,
    roles: &[Option<HeadingRole>],
    heading: SectionId,
) -> Option<HeadingRole> {
    let mut cur = doc.section(heading).and_then(|s| s.parent);
    while let Some(p) = cur {
        match roles.get(p.0).copied().flatten() {
            Some(HeadingRole::Subsection) => cur = doc.section(p).and_then(|s| s.parent),
            Some(role) => return Some(role),
            None => return None,
        }
    }
    None
}

/// The heading level of the spec type's top sections (2 when it has none).
pub fn section_level(spec: &SpecType) -> u8 {
    spec.sections.iter().map(|s| s.level).min().unwrap_or(2)
}

fn active_conditions(doc: &Document<'_>, spec: &SpecType) -> Vec<usize> {
    let Some(fm) = doc.yaml() else {
        return Vec::new();
    };
    spec.conditions
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            fm.get(&c.when.field)
                .and_then(|e| e.value.as_ref())
                .is_some_and(|v| scalar_text(v).as_deref() == Some(c.when.equals.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The text of a scalar value (`None` for lists, maps and null).
pub fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Maps a table's header cells to a table spec's columns by meaning.
///
/// A spec column whose key names a column role (`name`, `type`,
/// `nullable`, `default`, `constraints`, `keys`, `notes`, `references`) is
/// found by reading the header's roles (`crate::notation::columns`), with the
/// column's name and aliases added to the role's vocabulary: `Column name`,
/// `Datatype`, `Nullable (Y/N)` and `Mandatory` are understood without
/// aliases. Any other column is found by its name or an alias up to case,
/// punctuation and plurals (`Owning Teams` for `Owning team`), or by a
/// header that contains all of its words (`Schema / DB name` for `Schema /
/// DB`). A header cell holds at most one spec column, canonical names first.
pub fn map_columns(table: &Table, spec: &TableSpec) -> ColumnMap {
    use crate::notation::columns::{Role, Vocabulary, header_words, read_header};
    let headers: Vec<&str> = table.header.cells.iter().map(|c| c.text.as_str()).collect();
    // Roles apply to column tables (a `name` and a `type` column); other
    // tables are matched by their columns' names.
    let is_column_table = ["name", "type"]
        .iter()
        .all(|k| spec.columns.iter().any(|c| c.key() == *k));
    let role_of = |col: &crate::spec_type::ColumnSpec| {
        if is_column_table {
            Role::from_key(&col.key())
        } else {
            None
        }
    };
    let mut vocabulary = Vocabulary::default();
    for col in &spec.columns {
        if let Some(role) = role_of(col) {
            for n in std::iter::once(&col.name).chain(&col.aliases) {
                vocabulary.add(n, role);
            }
        }
    }
    let roles = read_header(&headers, &vocabulary);
    let words: Vec<Vec<String>> = headers.iter().map(|h| header_words(h)).collect();
    let mut used = vec![false; headers.len()];
    let mut columns: Vec<Option<usize>> = vec![None; spec.columns.len()];
    // Role columns first.
    for (k, col) in spec.columns.iter().enumerate() {
        let found = match role_of(col) {
            Some(Role::Name) => roles.name,
            Some(Role::Type) => roles.type_,
            Some(Role::Nullable) => roles.nullable.map(|(i, _)| i),
            Some(Role::Default) => roles.default,
            Some(Role::Constraints) => roles
                .constraints
                .first()
                .or(roles.keys.first())
                .or(roles.notes.first())
                .copied(),
            Some(Role::Keys) => roles.keys.first().copied(),
            Some(Role::Notes) => roles.notes.first().copied(),
            Some(Role::References) => roles.references.first().copied(),
            Some(Role::Other) | None => continue,
        };
        if let Some(h) = found {
            columns[k] = Some(h);
            used[h] = true;
        }
    }
    // Named columns: exact words of the name, then of an alias, then containment.
    type Matcher = fn(&[String], &[String]) -> bool;
    let exact: Matcher = |h, n| h == n;
    let contains: Matcher = |h, n| !n.is_empty() && n.iter().all(|w| h.contains(w));
    for (pass, matcher) in [(0, exact), (1, exact), (2, contains)] {
        for (k, col) in spec.columns.iter().enumerate() {
            if columns[k].is_some() || role_of(col).is_some() {
                continue;
            }
            let names: Vec<Vec<String>> = match pass {
                0 => vec![header_words(&col.name)],
                _ => std::iter::once(&col.name)
                    .chain(&col.aliases)
                    .map(|n| header_words(n))
                    .collect(),
            };
            if let Some(h) = (0..headers.len())
                .find(|&j| !used[j] && names.iter().any(|n| matcher(&words[j], n)))
            {
                used[h] = true;
                columns[k] = Some(h);
            }
        }
    }
    ColumnMap { columns }
}

/// The repeated-subsection spec of spec section `s`, if it has one.
pub fn entries_spec(spec: &SpecType, s: usize) -> Option<&RepeatedSpec> {
    spec.sections.get(s).and_then(|x| x.entries.as_ref())
}

/// The spec section at `s`, if it exists.
pub fn section_spec(spec: &SpecType, s: usize) -> Option<&SectionSpec> {
    spec.sections.get(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec_type::builtin;

    fn db() -> SpecType {
        builtin().into_iter().next().expect("built-in type")
    }

    fn analyze(text: &str) -> (Document<'_>, Analysis, SpecType) {
        let spec = db();
        let doc = Document::parse(text);
        let a = Analysis::new(&doc, &spec);
        (doc, a, spec)
    }

    fn role_of(doc: &Document<'_>, a: &Analysis, title: &str) -> HeadingRole {
        let i = doc
            .headings
            .iter()
            .position(|h| h.text == title)
            .expect("heading exists");
        a.roles[i]
    }

    fn spec_index(spec: &SpecType, id: &str) -> usize {
        spec.sections
            .iter()
            .position(|s| s.id == id)
            .expect("section exists")
    }

    #[test]
    fn canonical_spelling_alias_and_typo() {
        let (doc, a, spec) = analyze(
            "# T\n\n## Purpse\nx\n\n## Data classification and compliance\nx\n\n## Overview\nx\n\n## Scope\nx\n\n## Glossary\nx\n",
        );
        assert_eq!(
            role_of(&doc, &a, "Purpse"),
            HeadingRole::NearMiss {
                spec: spec_index(&spec, "purpose"),
                kind: NearMissKind::Typo
            }
        );
        assert_eq!(
            role_of(&doc, &a, "Data classification and compliance"),
            HeadingRole::NearMiss {
                spec: spec_index(&spec, "data-classification-compliance"),
                kind: NearMissKind::Spelling
            }
        );
        assert_eq!(
            role_of(&doc, &a, "Overview"),
            HeadingRole::NearMiss {
                spec: spec_index(&spec, "system-overview"),
                kind: NearMissKind::Alias
            }
        );
        assert_eq!(
            role_of(&doc, &a, "Scope"),
            HeadingRole::Section {
                spec: spec_index(&spec, "scope")
            }
        );
        assert_eq!(role_of(&doc, &a, "Glossary"), HeadingRole::Unknown);
        assert_eq!(role_of(&doc, &a, "T"), HeadingRole::DocumentTitle);
        assert_eq!(
            a.section_for(spec_index(&spec, "purpose")),
            Some(SectionId(1))
        );
    }

    #[test]
    fn combined_and_extended_titles() {
        let (doc, a, spec) = analyze(
            "## Purpose\nx\n## Data Lifecycle & Retention Policy\nx\n## Risks, Open Questions & References\nx\n",
        );
        assert_eq!(
            role_of(&doc, &a, "Data Lifecycle & Retention Policy"),
            HeadingRole::NearMiss {
                spec: spec_index(&spec, "data-lifecycle-retention"),
                kind: NearMissKind::Extended
            }
        );
        let combined = doc
            .headings
            .iter()
            .position(|h| h.text.starts_with("Risks"))
            .unwrap();
        for id in ["risks-mitigations", "open-questions", "references"] {
            assert_eq!(
                a.section_for(spec_index(&spec, id)),
                Some(SectionId(combined)),
                "{id}"
            );
        }
        // A prose heading that merely mentions a one-word alias is not a section.
        let (doc, a, _) = analyze("## Performance testing of the new import job\nx\n");
        assert_eq!(
            a.roles[0],
            HeadingRole::Unknown,
            "{:?}",
            doc.headings[0].text
        );
    }

    #[test]
    fn transposed_letters_are_typos() {
        let (doc, a, spec) = analyze("## Scpoe\nx\n");
        assert_eq!(
            role_of(&doc, &a, "Scpoe"),
            HeadingRole::NearMiss {
                spec: spec_index(&spec, "scope"),
                kind: NearMissKind::Typo
            }
        );
    }

    #[test]
    fn duplicates_point_at_the_first() {
        let (_, a, spec) = analyze("## Open Questions\nx\n## Open questions\ny\n");
        let s = spec_index(&spec, "open-questions");
        assert_eq!(a.roles[0], HeadingRole::Section { spec: s });
        assert_eq!(
            a.roles[1],
            HeadingRole::Duplicate {
                spec: s,
                first: SectionId(0)
            }
        );
        // An alias of a section already present is not a duplicate: it may be a separate topic.
        let (doc2, a2, _) = analyze("## Observability & Quality\nx\n## Data Quality\ny\n");
        assert_eq!(role_of(&doc2, &a2, "Data Quality"), HeadingRole::Unknown);
    }

    #[test]
    fn canonical_beats_an_earlier_alias() {
        let (doc, a, spec) = analyze("## Overview\nx\n## System Overview\ny\n");
        assert_eq!(
            role_of(&doc, &a, "System Overview"),
            HeadingRole::Section {
                spec: spec_index(&spec, "system-overview")
            }
        );
        assert_eq!(role_of(&doc, &a, "Overview"), HeadingRole::Unknown);
    }

    #[test]
    fn wrong_levels() {
        let (doc, a, spec) = analyze(
            "# T\n## Purpose\nx\n### Scope\ny\n# Data Classification & Compliance\nz\n## System Overview\nw\n",
        );
        assert_eq!(
            role_of(&doc, &a, "Scope"),
            HeadingRole::WrongLevel {
                spec: spec_index(&spec, "scope")
            }
        );
        let dc = spec_index(&spec, "data-classification-compliance");
        assert_eq!(
            role_of(&doc, &a, "Data Classification & Compliance"),
            HeadingRole::WrongLevel { spec: dc }
        );
        // Sections after a misplaced `#` heading are still sections, not its subsections.
        assert_eq!(
            role_of(&doc, &a, "System Overview"),
            HeadingRole::Section {
                spec: spec_index(&spec, "system-overview")
            }
        );
        assert_eq!(role_of(&doc, &a, "T"), HeadingRole::DocumentTitle);
        // A deeper heading named after a section that is present is a free subsection.
        let (_, a2, _) = analyze("## Purpose\nx\n### Scope\ny\n## Scope\nz\n");
        assert_eq!(a2.roles[1], HeadingRole::Subsection);
    }

    #[test]
    fn entries_and_subsections() {
        let text = "## Entity Inventory\n### `orders`\n| Column | Type |\n| - | - |\n| id | uuid |\n#### Indexes\n| a | b |\n| - | - |\n### `items`\n#### Columns\n| Column | Type |\n| - | - |\n| id | uuid |\n## Purpose\n### Goals\n";
        let (doc, a, spec) = analyze(text);
        let ei = spec_index(&spec, "entity-inventory");
        assert_eq!(a.roles[1], HeadingRole::Entry { spec: ei });
        assert_eq!(a.roles[2], HeadingRole::Subsection);
        assert_eq!(a.roles[4], HeadingRole::Subsection);
        assert_eq!(role_of(&doc, &a, "Goals"), HeadingRole::Subsection);
        assert_eq!(a.entries.len(), 2);
        assert_eq!(a.entries[0].name, "orders");
        assert_eq!(a.entries[0].name_span.text(text), "orders");
        assert_eq!(a.entries[0].table, Some(TableId(0)));
        assert_eq!(
            a.entries[1].table,
            Some(TableId(2)),
            "a table in a free subsection of the entry belongs to it"
        );
        // The section itself has no table of its own: they belong to the entries.
        assert_eq!(a.table_of(&doc, SectionId(0)), None);
    }

    #[test]
    fn misplaced_heading_inside_a_section_does_not_take_its_tables() {
        let text =
            "# Schema Summary\n## Entity Inventory\n### `orders`\n| Column | Type |\n| - | - |\n";
        let (doc, a, spec) = analyze(text);
        let ss = spec_index(&spec, "schema-summary");
        assert_eq!(a.roles[0], HeadingRole::WrongLevel { spec: ss });
        assert_eq!(a.table_of(&doc, SectionId(0)), None);
        assert_eq!(a.entries[0].table, Some(TableId(0)));
    }

    #[test]
    fn orphan_deep_headings_are_unknown() {
        let (_, a, _) = analyze("# T\n### Notes\nx\n");
        assert_eq!(a.roles[1], HeadingRole::Unknown);
    }

    #[test]
    fn headings_in_code_blocks_do_not_count() {
        let (_, a, spec) = analyze("## Purpose\nx\n```md\n## Scope\n```\n");
        assert_eq!(a.roles.len(), 1);
        assert_eq!(a.section_for(spec_index(&spec, "scope")), None);
    }

    #[test]
    fn emptiness() {
        let text = "## Purpose\n<!-- todo -->\n\n## Scope\n### Details\n\n## System Overview\n### Details\ntext\n## Entity Inventory\n### Risks & Mitigations\nx\n";
        let (doc, a, _) = analyze(text);
        assert!(
            a.section_is_empty(&doc, SectionId(0)),
            "comments are not content"
        );
        assert!(
            a.section_is_empty(&doc, SectionId(1)),
            "only empty subsections"
        );
        assert!(
            !a.section_is_empty(&doc, SectionId(3)),
            "a subsection with content"
        );
        assert!(
            a.section_is_empty(&doc, SectionId(5)),
            "a misplaced section is not content"
        );
    }

    #[test]
    fn columns_prefer_canonical_names_and_are_used_once() {
        let text = "| Name | Type | Notes | Constraints |\n| - | - | - | - |\n";
        let doc = Document::parse(text);
        let spec = db();
        let ts = spec
            .sections
            .iter()
            .find_map(|s| s.entries.as_ref())
            .and_then(|e| e.table.as_ref())
            .expect("entity table");
        let m = map_columns(&doc.tables[0], ts);
        assert_eq!(m.columns, vec![Some(0), Some(1), None, None, Some(3)]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "#",
            "## \n",
            "###### `x`\n# \n## ``\n",
            "\u{feff}---\n---\n## Purpose",
            "## Entity Inventory\n### ``\n|a|\n|-|\n",
        ] {
            let (doc, a, _) = analyze(text);
            assert_eq!(a.roles.len(), doc.headings.len());
        }
    }
}
