//! What a document means under a spec type, computed once before the rules run.
//!
//! The analysis matches headings to the spec type's sections (exactly, by
//! alias, by a near-miss title, or at a wrong level), assigns tables to
//! sections, finds the repeated subsections (entities) with their column
//! tables, and works out which conditions of the spec type are active. Rules
//! only read it, so no rule repeats another's work.

use serde_json::Value;

use crate::document::{Document, Table};
use crate::source::Span;
use crate::spec_type::{
    Condition, RepeatedSpec, SectionSpec, SpecType, TableSpec, normalize_title,
};

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
    /// A second heading for a spec section already present.
    Duplicate { spec: usize, first: usize },
    /// A repeated subsection (entity) of spec section `spec`.
    Entry { spec: usize },
    /// A free subsection inside a known section.
    Subsection,
    /// A section-level heading the spec type does not know.
    Unknown,
}

/// Why a heading is a near miss.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NearMissKind {
    /// Same words, other case or punctuation (`Data classification and compliance`).
    Spelling,
    /// One of the section's aliases.
    Alias,
    /// Close by edit distance (a typo).
    Typo,
}

/// A repeated subsection, e.g. one entity of the Entity Inventory.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index into `doc.sections`.
    pub section: usize,
    /// Index of the spec section holding the entries.
    pub spec: usize,
    /// The entry's name (code span content or heading text).
    pub name: String,
    /// Where the name is written.
    pub name_span: Span,
    /// The first table of the entry, as an index into `doc.tables`.
    pub table: Option<usize>,
}

/// Columns of a table mapped to a [`TableSpec`]'s columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    /// For each spec column, the index of the table column holding it.
    pub columns: Vec<Option<usize>>,
}

/// Everything the rules read.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// One role per `doc.headings` entry.
    pub roles: Vec<HeadingRole>,
    /// For each spec section, the first document section standing for it.
    pub found: Vec<Option<usize>>,
    /// For each `doc.tables` entry, the innermost section holding it.
    pub table_sections: Vec<Option<usize>>,
    pub entries: Vec<Entry>,
    /// Indices of the spec type's conditions whose `when` holds.
    pub active_conditions: Vec<usize>,
}

impl Analysis {
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
        a.match_headings(doc, spec);
        a.find_entries(doc, spec);
        a.active_conditions = active_conditions(doc, spec);
        a
    }

    fn match_headings(&mut self, doc: &Document<'_>, spec: &SpecType) {
        let section_level = spec.sections.iter().map(|s| s.level).min().unwrap_or(2);
        let titles: Vec<String> = spec
            .sections
            .iter()
            .map(|s| normalize_title(&s.title))
            .collect();
        // First pass: exact matches at the right level claim their spec sections.
        for (i, h) in doc.headings.iter().enumerate() {
            let norm = normalize_title(&h.text);
            if let Some(s) = spec
                .sections
                .iter()
                .position(|s| s.title == h.text && s.level == h.level)
            {
                if self.found[s].is_none() {
                    self.found[s] = Some(i);
                    self.roles[i] = HeadingRole::Section { spec: s };
                } else {
                    self.roles[i] = HeadingRole::Duplicate {
                        spec: s,
                        first: self.found[s].unwrap_or(i),
                    };
                }
            } else if h.level < section_level {
                self.roles[i] = HeadingRole::DocumentTitle;
            } else {
                let _ = norm;
            }
        }
        // Second pass: everything else, in document order.
        let mut current_top: Option<(usize, u8)> = None; // (spec index, level) of the enclosing known section
        for (i, h) in doc.headings.iter().enumerate() {
            match self.roles[i] {
                HeadingRole::Section { spec: s } | HeadingRole::Duplicate { spec: s, .. } => {
                    current_top = Some((s, h.level));
                    continue;
                }
                HeadingRole::DocumentTitle => {
                    // An H1 that is really a section title is a wrong level.
                    if let Some(s) = exact_or_spelling(&titles, spec, &h.text) {
                        self.claim_wrong_level(i, s);
                        current_top = Some((s, h.level));
                    } else {
                        current_top = None;
                    }
                    continue;
                }
                _ => {}
            }
            // Inside a known section, deeper headings are entries or free subsections.
            if let Some((s, level)) = current_top {
                if h.level > level {
                    if let Some(e) = spec.sections[s]
                        .entries
                        .as_ref()
                        .filter(|e| e.level == h.level)
                    {
                        let _ = e;
                        self.roles[i] = HeadingRole::Entry { spec: s };
                        continue;
                    }
                    // A deeper heading whose title is a missing section: a wrong level.
                    if let Some(t) = exact_or_spelling(&titles, spec, &h.text)
                        .filter(|&t| self.found[t].is_none())
                    {
                        self.claim_wrong_level(i, t);
                        continue;
                    }
                    self.roles[i] = HeadingRole::Subsection;
                    continue;
                }
            }
            if h.level == section_level {
                match near_miss(&titles, spec, &h.text) {
                    Some((s, kind)) if self.found[s].is_none() => {
                        self.found[s] = Some(i);
                        self.roles[i] = HeadingRole::NearMiss { spec: s, kind };
                        current_top = Some((s, h.level));
                    }
                    Some((s, _)) if kind_is_exact(&titles, s, &h.text) => {
                        let first = self.found[s].unwrap_or(i);
                        self.roles[i] = HeadingRole::Duplicate { spec: s, first };
                        current_top = Some((s, h.level));
                    }
                    _ => {
                        self.roles[i] = HeadingRole::Unknown;
                        current_top = None;
                    }
                }
            } else if let Some(s) = exact_or_spelling(&titles, spec, &h.text) {
                self.claim_wrong_level(i, s);
                current_top = Some((s, h.level));
            } else {
                self.roles[i] = if h.level > section_level && current_top.is_some() {
                    HeadingRole::Subsection
                } else {
                    HeadingRole::Unknown
                };
            }
        }
    }

    fn claim_wrong_level(&mut self, heading: usize, spec: usize) {
        if self.found[spec].is_none() {
            self.found[spec] = Some(heading);
            self.roles[heading] = HeadingRole::WrongLevel { spec };
        } else {
            self.roles[heading] = HeadingRole::Duplicate {
                spec,
                first: self.found[spec].unwrap_or(heading),
            };
        }
    }

    fn find_entries(&mut self, doc: &Document<'_>, spec: &SpecType) {
        for (i, role) in self.roles.iter().enumerate() {
            let HeadingRole::Entry { spec: s } = *role else {
                continue;
            };
            let h = &doc.headings[i];
            let name = h
                .code
                .clone()
                .unwrap_or_else(|| h.text.trim_matches('`').trim().to_string());
            let name_span = match h.code {
                Some(_) => {
                    let c = h.content.text(doc.text);
                    let lead = c.len() - c.trim_start_matches('`').len();
                    let trail = c.len() - c.trim_end_matches('`').len();
                    Span::new(h.content.start + lead, h.content.end - trail)
                }
                None => h.content,
            };
            let section = doc.sections[i].span;
            let table = doc
                .tables
                .iter()
                .position(|t| section.contains_span(t.span) && self.innermost_is(doc, t, i));
            self.entries.push(Entry {
                section: i,
                spec: s,
                name,
                name_span,
                table,
            });
        }
        let _ = spec;
    }

    fn innermost_is(&self, doc: &Document<'_>, t: &Table, section: usize) -> bool {
        // The table belongs to the entry itself or to one of its free subsections.
        let mut cur = doc.section_at(t.span.start);
        while let Some(c) = cur {
            if c == section {
                return true;
            }
            if matches!(self.roles[c], HeadingRole::Entry { .. }) {
                return false;
            }
            cur = doc.sections[c].parent;
        }
        false
    }

    /// The document section standing for spec section `spec`, if any.
    pub fn section_for(&self, spec: usize) -> Option<usize> {
        self.found.get(spec).copied().flatten()
    }

    /// The first table inside document section `section` that is not inside one of its entries.
    pub fn table_of(&self, doc: &Document<'_>, section: usize) -> Option<usize> {
        let span = doc.sections[section].span;
        doc.tables
            .iter()
            .position(|t| span.contains_span(t.span) && self.innermost_is(doc, t, section))
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

fn kind_is_exact(titles: &[String], s: usize, text: &str) -> bool {
    titles[s] == normalize_title(text)
}

/// The spec section whose canonical title equals `text` up to case and punctuation.
fn exact_or_spelling(titles: &[String], spec: &SpecType, text: &str) -> Option<usize> {
    let n = normalize_title(text);
    titles.iter().position(|t| *t == n).or_else(|| {
        spec.sections
            .iter()
            .position(|s| s.aliases.iter().any(|a| normalize_title(a) == n))
    })
}

/// The spec section a title most likely means, and why.
pub fn near_miss(titles: &[String], spec: &SpecType, text: &str) -> Option<(usize, NearMissKind)> {
    let n = normalize_title(text);
    if n.is_empty() {
        return None;
    }
    if let Some(s) = titles.iter().position(|t| *t == n) {
        return Some((s, NearMissKind::Spelling));
    }
    if let Some(s) = spec
        .sections
        .iter()
        .position(|s| s.aliases.iter().any(|a| normalize_title(a) == n))
    {
        return Some((s, NearMissKind::Alias));
    }
    if n.chars().count() < 4 {
        return None;
    }
    let mut best: Option<(usize, f64)> = None;
    let mut second = 0.0f64;
    for (i, t) in titles.iter().enumerate() {
        let score = strsim::normalized_levenshtein(&n, t);
        match best {
            Some((_, b)) if score <= b => second = second.max(score),
            _ => {
                if let Some((_, b)) = best {
                    second = second.max(b);
                }
                best = Some((i, score));
            }
        }
    }
    // A typo: close to one title and clearly closer to it than to any other.
    best.filter(|&(_, s)| s >= 0.8 && s - second >= 0.1)
        .map(|(i, _)| (i, NearMissKind::Typo))
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

/// Maps a table's header cells to a table spec's columns by name or alias.
pub fn map_columns(table: &Table, spec: &TableSpec) -> ColumnMap {
    let headers: Vec<String> = table
        .header
        .cells
        .iter()
        .map(|c| normalize_title(&c.text))
        .collect();
    let columns = spec
        .columns
        .iter()
        .map(|col| {
            let names: Vec<String> = std::iter::once(&col.name)
                .chain(col.aliases.iter())
                .map(|n| normalize_title(n))
                .collect();
            headers.iter().position(|h| names.contains(h))
        })
        .collect();
    ColumnMap { columns }
}

/// The repeated-subsection spec of spec section `s`, if it has one.
pub fn entries_spec(spec: &SpecType, s: usize) -> Option<&RepeatedSpec> {
    spec.sections.get(s).and_then(|x| x.entries.as_ref())
}

/// The spec section at `s`.
pub fn section_spec(spec: &SpecType, s: usize) -> &SectionSpec {
    &spec.sections[s]
}
