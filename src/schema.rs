//! The database schema a document describes, read from its Markdown.
//!
//! A database schema spec lists its entities (tables, collections, views) as
//! repeated subsections of the Entity Inventory: a ``### `orders` `` heading,
//! a column table (`Column | Type | Nullable | Default | Constraints`), and
//! prose such as "Primary key: `id`" or an `Indexes:` list. [`entities`] turns
//! them into plain data with byte spans; [`mermaid_entities`] reads the entity
//! names of Mermaid `erDiagram` blocks. The `DB` rules check this model and
//! the exporter serializes it, so both read the document the same way.
//!
//! Every parser here is total: odd input gives `None` or an empty list, never
//! a panic. The small parsers ([`parse_nullable`], [`parse_default`],
//! [`constraint_primary_key`], [`body_primary_key`], [`parse_references`],
//! [`parse_index`], [`er_diagram_entities`]) are public so that other
//! features read cells and lines exactly as the rules do.

use std::collections::HashSet;

use serde::Serialize;

use crate::analysis::{Analysis, ColumnMap, entries_spec, map_columns};
use crate::document::{Document, Table};
use crate::source::Span;
use crate::spec_type::{SpecType, TableSpec, normalize_title};
use crate::text;

/// One entity (table, collection or view) of the Entity Inventory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntitySchema {
    /// The name as written in the heading (code span content or heading text).
    pub name: String,
    /// Where the name is written in the heading.
    pub name_span: Span,
    /// The entity's subsection, as an index into `doc.sections` (and `doc.headings`).
    pub section: usize,
    /// The spec section holding the entity (an index into `spec.sections`).
    pub spec: usize,
    /// The column table, as an index into `doc.tables`.
    pub table: Option<usize>,
    /// The rows of the column table, in order (rows without a name are skipped).
    pub columns: Vec<ColumnSchema>,
    pub primary_key: Option<PrimaryKey>,
    /// Foreign keys read from the constraints cells, in row order.
    pub foreign_keys: Vec<ForeignKey>,
    /// Index bullets under an `Indexes:` paragraph or bullet or an `Indexes` subsection.
    pub indexes: Vec<IndexSchema>,
}

impl EntitySchema {
    /// The column named `name` (case-insensitive).
    pub fn column(&self, name: &str) -> Option<&ColumnSchema> {
        self.columns.iter().find(|c| same_name(&c.name, name))
    }
}

/// One row of an entity's column table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnSchema {
    /// The column name, code span backticks and emphasis removed.
    pub name: String,
    /// The type as written (`""` when the table has no type column).
    pub data_type: String,
    /// `Some(true)` for `yes`, `true`, `null`, `✓`...; `Some(false)` for `no`,
    /// `not null`, `✗`...; `None` when empty or unreadable (see [`parse_nullable`]).
    pub nullable: Option<bool>,
    /// The default expression; `None` for `—`, `-`, `n/a` or an empty cell (see [`parse_default`]).
    pub default: Option<String>,
    /// The constraints cell as written (`""` when the table has none).
    pub constraints: String,
    /// The row's line.
    pub row_span: Span,
    pub name_span: Span,
    pub type_span: Option<Span>,
    pub nullable_span: Option<Span>,
    pub default_span: Option<Span>,
    pub constraints_span: Option<Span>,
}

/// Where a primary key is declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeySource {
    /// `PRIMARY KEY` or `PK` in the constraints cells of the column table.
    Constraints,
    /// A line of the entity's body such as "Primary key: `id`".
    Body,
}

/// The primary key of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrimaryKey {
    /// Its columns, in order (several for a composite key).
    pub columns: Vec<String>,
    /// The first constraints cell marking it, or the body paragraph or bullet declaring it.
    pub span: Span,
    pub source: KeySource,
}

/// A foreign key: a column that references another entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForeignKey {
    /// The referencing column (the row the reference is written in).
    pub column: String,
    /// The referenced entity, possibly schema-qualified (`public.orders`).
    pub target_entity: String,
    /// The referenced columns; usually one, empty for `REFERENCES orders`.
    pub target_columns: Vec<String>,
    /// The reference text, from `REFERENCES` or `FK` to the end of the target.
    pub span: Span,
}

impl ForeignKey {
    /// The target written as `orders(id)` (or `orders` without columns).
    pub fn target(&self) -> String {
        if self.target_columns.is_empty() {
            self.target_entity.clone()
        } else {
            format!("{}({})", self.target_entity, self.target_columns.join(", "))
        }
    }
}

/// One index bullet, e.g. "- `idx_orders_customer_id` btree on (customer_id)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct IndexSchema {
    /// The leading code span, when the bullet starts with one.
    pub name: Option<String>,
    /// The items of the parentheses after `on`, as written (`created_at DESC`).
    pub columns: Vec<String>,
    /// The access method (`btree`, `hash`, `gin`, `gist`, `brin`...), as written.
    pub method: Option<String>,
    /// Whether the bullet says `unique`.
    pub unique: bool,
    /// The bullet's text, marker removed and white space collapsed.
    pub text: String,
    /// The bullet.
    pub span: Span,
}

/// A foreign key reference found in a text by [`parse_references`]; offsets are relative to that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub start: usize,
    pub end: usize,
    pub entity: String,
    pub columns: Vec<String>,
}

/// The entities of a document, in document order.
///
/// Every repeated subsection (see [`Analysis::entries`]) is an entity, except
/// those named by a template placeholder (`<table_name>`) or with an empty
/// name: they do not describe a table. Columns are found through the spec
/// type's column table (keys `name`, `type`, `nullable`, `default`,
/// `constraints`, by header name or alias), falling back to the usual header
/// names when the type declares no table; without a name column the first
/// column holds the names.
pub fn entities(doc: &Document<'_>, spec: &SpecType, analysis: &Analysis) -> Vec<EntitySchema> {
    let mut out = Vec::new();
    for entry in &analysis.entries {
        let name = entry.name.trim();
        if name.is_empty() || is_placeholder_name(name) {
            continue;
        }
        let Some(section) = doc.sections.get(entry.section) else {
            continue;
        };
        let table_spec = entries_spec(spec, entry.spec).and_then(|e| e.table.as_ref());
        let table = entry.table.and_then(|t| doc.tables.get(t));
        let columns = table
            .map(|t| read_columns(t, table_spec))
            .unwrap_or_default();
        let mut primary_key = table_primary_key(&columns);
        if primary_key.is_none() {
            primary_key = declared_primary_key(doc, section.span);
        }
        let foreign_keys = columns
            .iter()
            .flat_map(|c| {
                let Some(cs) = c.constraints_span else {
                    return Vec::new();
                };
                parse_references(cs.text(doc.text))
                    .into_iter()
                    .map(|r| ForeignKey {
                        column: c.name.clone(),
                        target_entity: r.entity,
                        target_columns: r.columns,
                        span: Span::new(cs.start + r.start, cs.start + r.end),
                    })
                    .collect()
            })
            .collect();
        let indexes = read_indexes(doc, entry.section);
        out.push(EntitySchema {
            name: name.to_string(),
            name_span: entry.name_span,
            section: entry.section,
            spec: entry.spec,
            table: entry.table,
            columns,
            primary_key,
            foreign_keys,
            indexes,
        });
    }
    out
}

/// Whether an entity name is a template placeholder such as `<table_name>`.
pub fn is_placeholder_name(name: &str) -> bool {
    text::is_placeholder_value(name)
}

/// The entity `name` refers to: the same name (case-insensitive), else the
/// same last segment of a schema-qualified name (`public.orders` finds
/// `orders`, `order_events` finds `orders_audit.order_events`).
pub fn find_entity<'e>(entities: &'e [EntitySchema], name: &str) -> Option<&'e EntitySchema> {
    let last = |s: &str| s.rsplit('.').next().unwrap_or(s).to_string();
    entities
        .iter()
        .find(|e| same_name(&e.name, name))
        .or_else(|| entities.iter().find(|e| same_name(&e.name, &last(name))))
        .or_else(|| entities.iter().find(|e| same_name(&last(&e.name), name)))
}

/// A name index over entities answering [`find_entity`]'s question in O(1).
pub struct EntityIndex<'e> {
    entities: &'e [EntitySchema],
    by_name: std::collections::HashMap<String, usize>,
    by_last: std::collections::HashMap<String, usize>,
}

impl<'e> EntityIndex<'e> {
    pub fn new(entities: &'e [EntitySchema]) -> Self {
        let mut by_name = std::collections::HashMap::new();
        let mut by_last = std::collections::HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            by_name.entry(crate::text::fold_case(&e.name)).or_insert(i);
            by_last
                .entry(crate::text::fold_case(
                    e.name.rsplit('.').next().unwrap_or(&e.name),
                ))
                .or_insert(i);
        }
        EntityIndex {
            entities,
            by_name,
            by_last,
        }
    }

    /// Same answer as [`find_entity`].
    pub fn find(&self, name: &str) -> Option<&'e EntitySchema> {
        let lower = crate::text::fold_case(name);
        let last = lower.rsplit('.').next().unwrap_or(&lower);
        self.by_name
            .get(&lower)
            .or_else(|| self.by_name.get(last))
            .or_else(|| self.by_last.get(&lower))
            .map(|&i| &self.entities[i])
    }

    /// The first entity with this name (case-insensitive), if any.
    pub fn first_named(&self, name: &str) -> Option<usize> {
        self.by_name.get(&crate::text::fold_case(name)).copied()
    }
}

/// Case-insensitive name equality (Unicode case folding).
pub fn same_name(a: &str, b: &str) -> bool {
    crate::text::eq_fold(a, b)
}

// ---------------------------------------------------------------------------
// Column tables

/// Header names tried when the spec type declares no column table (or lacks a key).
fn fallback_headers(key: &str) -> &'static [&'static str] {
    crate::spec_type::COLUMN_SYNONYMS
        .iter()
        .find(|g| g.first() == Some(&key))
        .copied()
        .unwrap_or(&[])
}

/// The table column holding the spec column with export key `key`.
fn column_index(table: &Table, spec: Option<(&TableSpec, &ColumnMap)>, key: &str) -> Option<usize> {
    if let Some((ts, map)) = spec {
        let found = ts
            .columns
            .iter()
            .zip(map.columns.iter())
            .find(|(c, _)| c.key() == key)
            .and_then(|(_, ix)| *ix);
        if found.is_some() {
            return found;
        }
    }
    let names: Vec<String> = fallback_headers(key)
        .iter()
        .map(|n| normalize_title(n))
        .collect();
    table.column(&names)
}

fn read_columns(table: &Table, spec: Option<&TableSpec>) -> Vec<ColumnSchema> {
    let map = spec.map(|ts| map_columns(table, ts));
    let spec = spec.zip(map.as_ref());
    let name_ix = column_index(table, spec, "name").unwrap_or(0);
    let type_ix = column_index(table, spec, "type");
    let null_ix = column_index(table, spec, "nullable");
    let default_ix = column_index(table, spec, "default");
    let cons_ix = column_index(table, spec, "constraints");
    let mut out = Vec::new();
    for row in &table.rows {
        let cell = |ix: Option<usize>| ix.and_then(|i| row.cells.get(i));
        let Some(name_cell) = row.cells.get(name_ix) else {
            continue;
        };
        let name = unwrap_markup(&name_cell.text);
        if name.is_empty() {
            continue;
        }
        let (type_cell, null_cell, default_cell, cons_cell) = (
            cell(type_ix),
            cell(null_ix),
            cell(default_ix),
            cell(cons_ix),
        );
        out.push(ColumnSchema {
            name: name.to_string(),
            data_type: type_cell
                .map(|c| unwrap_markup(&c.text).to_string())
                .unwrap_or_default(),
            nullable: null_cell.and_then(|c| parse_nullable(&c.text)),
            default: default_cell.and_then(|c| parse_default(&c.text)),
            constraints: cons_cell
                .map(|c| c.text.trim().to_string())
                .unwrap_or_default(),
            row_span: row.span,
            name_span: name_cell.span,
            type_span: type_cell.map(|c| c.span),
            nullable_span: null_cell.map(|c| c.span),
            default_span: default_cell.map(|c| c.span),
            constraints_span: cons_cell.map(|c| c.span),
        });
    }
    out
}

pub use crate::model::columns::parse_nullable;
use crate::model::columns::unwrap_markup;

/// Reads a default cell: `—`, `–`, `-`, `n/a`, `none` and an empty cell mean
/// no default (`None`); anything else is the expression as written, without
/// code span backticks (`now()`, `'USD'`, `NULL`).
pub fn parse_default(s: &str) -> Option<String> {
    let t = unwrap_markup(s);
    let lower = t.to_ascii_lowercase();
    if matches!(lower.as_str(), "" | "—" | "–" | "-" | "n/a" | "none") {
        None
    } else {
        Some(t.to_string())
    }
}

// ---------------------------------------------------------------------------
// Primary keys

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// Byte offsets of `word` in `lower` (already lowercased) at word boundaries.
fn find_words<'s>(lower: &'s str, word: &'s str) -> impl Iterator<Item = usize> + 's {
    lower.match_indices(word).map(|(i, _)| i).filter(move |&i| {
        let before = lower[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !is_ident_char(c));
        let after = lower[i + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !is_ident_char(c));
        before && after
    })
}

/// Reads a constraints cell for a primary key: `PRIMARY KEY` or `PK`
/// (case-insensitive, whole words: `PKG` and `pk_orders` are not). Returns
/// `None` when there is none, `Some(vec![])` when the cell marks its own row,
/// and the listed columns for `PRIMARY KEY (a, b)`.
pub fn constraint_primary_key(s: &str) -> Option<Vec<String>> {
    // ASCII lowercasing keeps byte offsets, so positions in `lower` are positions in `s`.
    let lower = s.to_ascii_lowercase();
    if let Some(i) = primary_key_phrase(&lower) {
        let rest = s.get(i.1..).unwrap_or("");
        let t = rest.trim_start();
        if t.starts_with('(') {
            if let Some(list) = paren_names(t) {
                if !list.is_empty() {
                    return Some(list);
                }
            }
        }
        return Some(Vec::new());
    }
    find_words(&lower, "pk").next().map(|_| Vec::new())
}

/// Start and end of the first `primary key` phrase (any white space between the words).
fn primary_key_phrase(lower: &str) -> Option<(usize, usize)> {
    for i in find_words(lower, "primary") {
        let after = &lower[i + "primary".len()..];
        let ws = after.len() - after.trim_start().len();
        if ws == 0 {
            continue;
        }
        let rest = &after[ws..];
        if rest.starts_with("key")
            && rest["key".len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_ident_char(c))
        {
            let end = i + "primary".len() + ws + "key".len();
            return Some((i, end));
        }
    }
    None
}

/// `(a, `b`, c)` at the start of `s` → `["a", "b", "c"]`; `None` when unclosed
/// or when an item is not a name.
fn paren_names(s: &str) -> Option<Vec<String>> {
    let inner = s.strip_prefix('(')?;
    let close = inner.find(')')?;
    let mut out = Vec::new();
    for item in inner[..close].split(',') {
        let name = item.trim().trim_matches(|c| c == '`' || c == '"').trim();
        if name.is_empty() || !name.chars().all(|c| is_ident_char(c) || c == '.') {
            return None;
        }
        out.push(name.to_string());
    }
    Some(out)
}

/// Reads a body line declaring a primary key: "Primary key: `id`",
/// "**Primary key**: order_id, sku", "composite primary key (order_id, sku)",
/// "The primary key is `id`", "PK: `id`". The names must follow a colon, be in
/// parentheses, or be code spans, so "the primary key is generated" declares
/// nothing. Returns the column names, or `None`.
pub fn body_primary_key(s: &str) -> Option<Vec<String>> {
    let lower = s.to_ascii_lowercase();
    let mut starts: Vec<usize> = primary_key_phrase(&lower)
        .map(|(_, e)| e)
        .into_iter()
        .collect();
    starts.extend(find_words(&lower, "pk").map(|i| i + 2));
    for end in starts {
        if let Some(names) = names_after_key(s.get(end..).unwrap_or("")) {
            if !names.is_empty() {
                return Some(names);
            }
        }
    }
    None
}

/// The names after "primary key" in a body line (see [`body_primary_key`]).
fn names_after_key(rest: &str) -> Option<Vec<String>> {
    let t = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '*');
    if let Some(after) = t
        .strip_prefix(':')
        .or_else(|| t.strip_prefix('='))
        .or_else(|| t.strip_prefix('→'))
    {
        let after = after.trim_start_matches(|c: char| c.is_whitespace() || c == '*');
        if after.starts_with('(') {
            return paren_names(after);
        }
        return Some(name_list(after, false));
    }
    if t.starts_with('(') {
        return paren_names(t);
    }
    let lower = t.to_ascii_lowercase();
    let t = if lower.starts_with("is ") || lower.starts_with("on ") {
        t[3..].trim_start()
    } else {
        t
    };
    if t.starts_with('(') {
        return paren_names(t);
    }
    if t.starts_with('`') {
        return Some(name_list(t, true));
    }
    None
}

/// A list of names separated by `,`, `+` or `and`; with `code_only`, each must be a code span.
fn name_list(s: &str, code_only: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut t = s.trim_start();
    loop {
        let (name, rest) = if let Some(inner) = t.strip_prefix('`') {
            let Some(close) = inner.find('`') else { break };
            (inner[..close].trim(), &inner[close + 1..])
        } else if code_only {
            break;
        } else {
            let end = t
                .find(|c: char| !(is_ident_char(c) || c == '.'))
                .unwrap_or(t.len());
            (&t[..end], &t[end..])
        };
        let name = name.trim_end_matches('.');
        if name.is_empty() || !name.chars().all(|c| is_ident_char(c) || c == '.') {
            break;
        }
        out.push(name.to_string());
        let r = rest.trim_start();
        if let Some(r2) = r.strip_prefix(',').or_else(|| r.strip_prefix('+')) {
            t = r2.trim_start();
        } else if r.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("and ")) {
            t = r.get(4..).unwrap_or("").trim_start();
        } else {
            break;
        }
    }
    out
}

fn table_primary_key(columns: &[ColumnSchema]) -> Option<PrimaryKey> {
    let mut names: Vec<String> = Vec::new();
    let mut span = None;
    for c in columns {
        let Some(cs) = c.constraints_span else {
            continue;
        };
        let Some(list) = constraint_primary_key(&c.constraints) else {
            continue;
        };
        span.get_or_insert(cs);
        let list = if list.is_empty() {
            vec![c.name.clone()]
        } else {
            list
        };
        for n in list {
            if !names.iter().any(|x| same_name(x, &n)) {
                names.push(n);
            }
        }
    }
    span.map(|span| PrimaryKey {
        columns: names,
        span,
        source: KeySource::Constraints,
    })
}

/// A primary key declared in a paragraph or bullet of the entity's section.
fn declared_primary_key(doc: &Document<'_>, section: Span) -> Option<PrimaryKey> {
    let (_, paragraphs) = within(&doc.paragraphs, |p| p.span, section);
    let (_, items) = within(&doc.list_items, |i| i.span, section);
    let mut blocks: Vec<Span> = paragraphs
        .iter()
        .map(|p| p.span)
        .chain(items.iter().map(|i| i.span))
        .filter(|s| section.contains_span(*s))
        .collect();
    blocks.sort();
    blocks.into_iter().find_map(|s| {
        let columns = body_primary_key(s.text(doc.text))?;
        Some(PrimaryKey {
            columns,
            span: s,
            source: KeySource::Body,
        })
    })
}

// ---------------------------------------------------------------------------
// Foreign keys

/// Finds foreign key references in a constraints cell:
/// `REFERENCES orders(id)`, `REFERENCES orders (id)`, `references orders.id`,
/// `FK → orders.id`, `FK -> orders.id`, `FK to orders.id`, `FK: orders.id`,
/// names in backticks or double quotes (`` FK → `orders`.`id` ``), and
/// schema-qualified targets (`REFERENCES public.orders(id)`, `FK → sales.orders.id`).
/// Without parentheses the last dotted segment is the column; a bare
/// upper-case `REFERENCES orders` names only the entity. Offsets are relative
/// to `s`; the span runs from the keyword to the end of the target.
pub fn parse_references(s: &str) -> Vec<Reference> {
    // Backticks and double quotes decorate names; the parser reads past them.
    let chars: Vec<(usize, char)> = s
        .char_indices()
        .filter(|&(_, c)| c != '`' && c != '"')
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match reference_at(s, &chars, i) {
            Some((r, next)) => {
                out.push(r);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

fn char_at(chars: &[(usize, char)], i: usize) -> Option<char> {
    chars.get(i).map(|&(_, c)| c)
}

/// Whether `word` (ASCII, lowercase) is at `i`, as a whole word.
/// Called at every position of every constraints cell: the first character
/// decides most calls, and nothing else is computed unless the word matches.
fn word_at(chars: &[(usize, char)], i: usize, word: &str) -> bool {
    let matches = word
        .chars()
        .enumerate()
        .all(|(k, w)| char_at(chars, i + k).is_some_and(|c| c.to_ascii_lowercase() == w));
    matches
        && (i == 0 || char_at(chars, i - 1).is_none_or(|c| !is_ident_char(c)))
        && char_at(chars, i + word.len()).is_none_or(|c| !is_ident_char(c))
}

fn skip_ws(chars: &[(usize, char)], mut i: usize) -> usize {
    while char_at(chars, i).is_some_and(char::is_whitespace) {
        i += 1;
    }
    i
}

fn reference_at(s: &str, chars: &[(usize, char)], i: usize) -> Option<(Reference, usize)> {
    let start = chars.get(i)?.0;
    // `bare_ok`: an upper-case `REFERENCES orders` may omit the column.
    let (mut j, bare_ok) = if word_at(chars, i, "references") {
        let upper = chars
            .get(i..i + 10)
            .is_some_and(|w| w.iter().all(|&(_, c)| c.is_ascii_uppercase()));
        (i + 10, upper)
    } else if word_at(chars, i, "fk") {
        let k = skip_ws(chars, i + 2);
        let two: String = chars
            .get(k..k + 2)
            .map(|w| w.iter().map(|&(_, c)| c).collect())
            .unwrap_or_default();
        if char_at(chars, k) == Some('→') || char_at(chars, k) == Some(':') {
            (k + 1, false)
        } else if two == "->" || two == "=>" || word_at(chars, k, "to") {
            (k + 2, false)
        } else if word_at(chars, k, "references") {
            (k + 10, false)
        } else {
            // `FK orders.id`: no connector, so only the dotted form below is read.
            (k, false)
        }
    } else {
        return None;
    };
    j = skip_ws(chars, j);
    // A qualified name: segments of name characters joined by dots.
    let mut segments: Vec<String> = Vec::new();
    loop {
        let seg_start = j;
        while char_at(chars, j).is_some_and(is_ident_char) {
            j += 1;
        }
        if j == seg_start {
            break;
        }
        segments.push(chars[seg_start..j].iter().map(|&(_, c)| c).collect());
        if char_at(chars, j) == Some('.') && char_at(chars, j + 1).is_some_and(is_ident_char) {
            j += 1;
        } else {
            break;
        }
    }
    if segments.is_empty() {
        return None;
    }
    let after_name = j;
    let k = {
        let mut k = j;
        while char_at(chars, k).is_some_and(|c| c == ' ' || c == '\t') {
            k += 1;
        }
        k
    };
    let (entity, columns, end_ix) = if char_at(chars, k) == Some('(') {
        let mut cols = Vec::new();
        let mut m = k + 1;
        let mut cur = String::new();
        loop {
            match char_at(chars, m) {
                None => return None,
                Some(')') => {
                    cols.push(cur.trim().to_string());
                    break;
                }
                Some(',') => cols.push(std::mem::take(&mut cur).trim().to_string()),
                Some(c) => cur.push(c),
            }
            m += 1;
        }
        if cols
            .iter()
            .any(|c| c.is_empty() || !c.chars().all(is_ident_char))
        {
            return None;
        }
        (segments.join("."), cols, m + 1)
    } else if segments.len() >= 2 {
        let col = segments.pop().unwrap_or_default();
        (segments.join("."), vec![col], after_name)
    } else if bare_ok {
        (segments.join("."), Vec::new(), after_name)
    } else {
        return None;
    };
    let last = chars.get(end_ix.checked_sub(1)?)?;
    let mut end = last.0 + last.1.len_utf8();
    while s
        .get(end..)
        .is_some_and(|r| r.starts_with('`') || r.starts_with('"'))
    {
        end += 1;
    }
    Some((
        Reference {
            start,
            end,
            entity,
            columns,
        },
        end_ix,
    ))
}

// ---------------------------------------------------------------------------
// Indexes

/// Whether a paragraph, bullet or heading text introduces indexes (`Indexes:`).
fn is_indexes_label(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches(':')
        .trim()
        .trim_matches('*')
        .trim_end_matches(':')
        .trim()
        .to_ascii_lowercase();
    matches!(t.as_str(), "indexes" | "indices" | "index")
}

/// Index bullets of an entity section.
fn read_indexes(doc: &Document<'_>, section: usize) -> Vec<IndexSchema> {
    let Some(sec) = doc.sections.get(section) else {
        return Vec::new();
    };
    let region = sec.span;
    let mut picked: Vec<usize> = Vec::new();
    let in_region = |s: Span| region.contains_span(s);
    // Only blocks inside the entity's section are looked at (all lists are in document order).
    let (first_item, items) = within(&doc.list_items, |i| i.span, region);
    let item_ix = |k: usize| first_item + k;
    // `Indexes:` paragraphs: the list right after them.
    let (_, paragraphs) = within(&doc.paragraphs, |p| p.span, region);
    for p in paragraphs
        .iter()
        .filter(|p| in_region(p.span) && is_indexes_label(&p.text))
    {
        let next_block = [
            next_start(&doc.paragraphs, |x| x.span.start, p.span.end),
            next_start(&doc.tables, |t| t.span.start, p.span.end),
            next_start(&doc.code_blocks, |c| c.span.start, p.span.end),
            next_start(&doc.headings, |h| h.span.start, p.span.end),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(usize::MAX)
        .min(region.end);
        let after: Vec<usize> = (0..items.len())
            .filter(|&i| items[i].span.start > p.span.end && items[i].span.start < next_block)
            .collect();
        if let Some(depth) = after.iter().map(|&i| items[i].depth).min() {
            picked.extend(
                after
                    .into_iter()
                    .filter(|&i| items[i].depth == depth)
                    .map(item_ix),
            );
        }
    }
    // `- Indexes:` bullets: their nested bullets.
    for item in items
        .iter()
        .filter(|i| in_region(i.span) && is_indexes_label(&i.text))
    {
        picked.extend(
            (0..items.len())
                .filter(|&k| {
                    let x = &items[k];
                    x.depth == item.depth + 1
                        && item.span.contains_span(x.span)
                        && x.span.start > item.span.start
                })
                .map(item_ix),
        );
    }
    // `#### Indexes` subsections: their outermost bullets.
    for &child in descendants(doc, section).iter() {
        let Some(h) = doc.headings.get(doc.sections[child].heading) else {
            continue;
        };
        if !is_indexes_label(&h.text) {
            continue;
        }
        let span = doc.sections[child].span;
        let inside: Vec<usize> = (0..items.len())
            .filter(|&k| span.contains_span(items[k].span))
            .collect();
        if let Some(depth) = inside.iter().map(|&k| items[k].depth).min() {
            picked.extend(
                inside
                    .into_iter()
                    .filter(|&k| items[k].depth == depth)
                    .map(item_ix),
            );
        }
    }
    picked.sort_unstable();
    picked.dedup();
    picked
        .into_iter()
        .filter_map(|k| doc.list_items.get(k))
        .map(|item| {
            let mut ix = parse_index(item.span.text(doc.text));
            ix.span = item.span;
            ix
        })
        .collect()
}

/// The elements of `v` (sorted by start) that start inside `region`, and the index of the first.
fn within<T>(v: &[T], span_of: impl Fn(&T) -> Span, region: Span) -> (usize, &[T]) {
    let a = v.partition_point(|x| span_of(x).start < region.start);
    let b = v.partition_point(|x| span_of(x).start < region.end);
    (a, v.get(a..b.max(a)).unwrap_or(&[]))
}

/// The first start after `offset` among the elements of `v` (sorted by start).
fn next_start<T>(v: &[T], start_of: impl Fn(&T) -> usize, offset: usize) -> Option<usize> {
    let a = v.partition_point(|x| start_of(x) <= offset);
    v.get(a).map(start_of)
}

fn descendants(doc: &Document<'_>, section: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = vec![section];
    while let Some(s) = stack.pop() {
        if let Some(sec) = doc.sections.get(s) {
            for &c in &sec.children {
                out.push(c);
                stack.push(c);
            }
        }
    }
    out.sort_unstable();
    out
}

const INDEX_METHODS: &[&str] = &[
    "btree",
    "b-tree",
    "hash",
    "gin",
    "gist",
    "brin",
    "spgist",
    "sp-gist",
    "bloom",
    "hnsw",
    "ivfflat",
    "fulltext",
    "spatial",
    "bitmap",
    "minmax",
    "set",
    "ngrambf_v1",
    "tokenbf_v1",
    "bloom_filter",
    "inverted",
    "clustered",
    "nonclustered",
    "columnstore",
    "text",
    "2dsphere",
    "ttl",
];

/// Reads an index bullet such as "- `idx_orders_customer_id` unique btree on
/// (customer_id, created_at DESC)": the leading code span is the name, a known
/// access method word the method, `unique` sets `unique`, and the items of the
/// parentheses after `on` the columns (nested parentheses kept: `lower(email)`).
/// Unknown parts are left `None`/empty; `span` is left empty for the caller.
pub fn parse_index(raw: &str) -> IndexSchema {
    let text = document_text(raw);
    let mut ix = IndexSchema {
        text: text.clone(),
        ..IndexSchema::default()
    };
    let mut rest = text.as_str();
    if let Some(inner) = rest.strip_prefix('`') {
        if let Some(close) = inner.find('`') {
            let name = inner[..close].trim();
            if !name.is_empty() {
                ix.name = Some(name.to_string());
            }
            rest = &inner[close + 1..];
        }
    }
    let lower = rest.to_ascii_lowercase();
    // The columns: the parentheses after the word `on`.
    let mut head_end = rest.len();
    for i in find_words(&lower, "on") {
        let after = rest.get(i + 2..).unwrap_or("").trim_start();
        if after.starts_with('(') {
            if let Some(cols) = split_parens(after) {
                ix.columns = cols;
                head_end = i;
                break;
            }
        }
    }
    let head = &rest[..head_end.min(rest.len())];
    for w in head.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        let base = w
            .split('(')
            .next()
            .unwrap_or("")
            .trim_matches('`')
            .to_ascii_lowercase();
        if base == "unique" {
            ix.unique = true;
        } else if ix.method.is_none() && INDEX_METHODS.contains(&base.as_str()) {
            ix.method = Some(w.trim_matches('`').to_string());
        }
    }
    if ix.method.is_none() {
        // `... using gin (col)` / `USING hash`.
        let low = text.to_ascii_lowercase();
        if let Some(i) = find_words(&low, "using").next() {
            let w = text
                .get(i + 5..)
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or("");
            let base = w.split('(').next().unwrap_or("").to_ascii_lowercase();
            if INDEX_METHODS.contains(&base.as_str()) {
                ix.method = Some(base);
            }
        }
    }
    ix
}

/// A bullet's text as written, marker removed and white space collapsed.
fn document_text(raw: &str) -> String {
    let t = raw.trim_start();
    let t = if let Some(r) = t.strip_prefix(['-', '*', '+']) {
        r
    } else {
        let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        match t[digits..].chars().next() {
            Some('.' | ')') if digits > 0 => &t[digits + 1..],
            _ => t,
        }
    };
    crate::document::collapse_ws(t)
}

/// `(a, lower(b), c DESC) rest` → `["a", "lower(b)", "c DESC"]`, backticks removed.
fn split_parens(s: &str) -> Option<Vec<String>> {
    let mut depth = 0usize;
    let mut cur = String::new();
    let mut out = Vec::new();
    for c in s.chars() {
        match c {
            '(' => {
                if depth > 0 {
                    cur.push(c);
                }
                depth += 1;
            }
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let item = cur.trim().to_string();
                    if !item.is_empty() {
                        out.push(item);
                    }
                    return Some(out);
                }
                cur.push(c);
            }
            ',' if depth == 1 => {
                let item = std::mem::take(&mut cur).trim().to_string();
                if !item.is_empty() {
                    out.push(item);
                }
            }
            '`' => {}
            _ => cur.push(c),
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Mermaid erDiagram

/// The entities of every Mermaid code block whose first non-blank line is
/// `erDiagram`, with the span of each name in the code block. Names come from
/// relationship lines (`customers ||--o{ orders : places`), entity blocks
/// (`customers { ... }`, attributes skipped) and lone entity lines; quotes
/// and aliases (`p["Person"]`) are removed. Each name is listed once
/// (case-insensitive), at its first occurrence, in document order.
pub fn mermaid_entities(doc: &Document<'_>) -> Vec<(String, Span)> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for b in doc.code_blocks.iter().filter(|b| b.language() == "mermaid") {
        let code = b.content.text(doc.text);
        for (name, start, end) in er_diagram_entities(code) {
            if seen.insert(crate::text::fold_case(&name)) {
                out.push((
                    name,
                    Span::new(b.content.start + start, b.content.start + end),
                ));
            }
        }
    }
    out
}

/// The entity names of one Mermaid diagram (every occurrence, with offsets
/// relative to `code`); empty when the diagram is not an `erDiagram`.
pub fn er_diagram_entities(code: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut header_seen = false;
    let mut in_front_matter = false;
    let mut in_block = false;
    let mut pos = 0;
    for line in code.split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        let trimmed = line.trim();
        if !header_seen {
            if in_front_matter {
                in_front_matter = trimmed != "---";
                continue;
            }
            if trimmed.is_empty() || trimmed.starts_with("%%") {
                continue;
            }
            if trimmed == "---" {
                in_front_matter = true;
                continue;
            }
            if trimmed.split_whitespace().next() != Some("erDiagram") {
                return Vec::new();
            }
            header_seen = true;
            continue;
        }
        if in_block {
            if trimmed.contains('}') {
                in_block = false;
            }
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with("%%") {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let base = line_start + lead;
        let first = trimmed
            .split(|c: char| c.is_whitespace() || c == ':' || c == '{')
            .next()
            .unwrap_or("");
        if matches!(
            first,
            "erDiagram"
                | "direction"
                | "title"
                | "accTitle"
                | "accDescr"
                | "classDef"
                | "class"
                | "style"
        ) {
            if first == "accDescr" && trimmed.contains('{') && !trimmed.contains('}') {
                in_block = true;
            }
            continue;
        }
        let tokens = tokens(trimmed);
        // Relationship: `A <cardinality> B : label`.
        if let Some(colon) = label_colon(trimmed) {
            // Tokens before the label; one running into the colon (`b: label`) is cut there.
            let left: Vec<(usize, &str)> = tokens
                .iter()
                .filter(|(o, _)| *o < colon)
                .map(|&(o, t)| {
                    (
                        o,
                        t.get(..colon - o)
                            .filter(|_| o + t.len() > colon)
                            .unwrap_or(t),
                    )
                })
                .filter(|(_, t)| !t.is_empty())
                .collect();
            if left.len() >= 3 {
                let middle = &left[1..left.len() - 1];
                let is_rel = middle
                    .iter()
                    .any(|(_, t)| t.contains("--") || t.contains("..") || *t == "to");
                if is_rel {
                    for &(o, t) in [&left[0], &left[left.len() - 1]] {
                        if let Some((n, s, e)) = entity_token(t) {
                            out.push((n, base + o + s, base + o + e));
                        }
                    }
                    continue;
                }
            }
        }
        // Entity block: `A {` ... `}` or `A { }`.
        if let Some(brace) = trimmed.find('{') {
            let name_part = trimmed[..brace].trim_end();
            if let Some((n, s, e)) = entity_token(name_part) {
                out.push((n, base + s, base + e));
            }
            in_block = !trimmed[brace..].contains('}');
            continue;
        }
        // A lone entity: `A`.
        if tokens.len() == 1 {
            if let Some((o, t)) = tokens.first() {
                if let Some((n, s, e)) = entity_token(t) {
                    out.push((n, base + o + s, base + o + e));
                }
            }
        }
    }
    out
}

/// The offset of the `:` that starts a relationship label (outside quotes).
fn label_colon(line: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// White-space separated tokens with their offsets; a quoted token keeps its spaces.
fn tokens(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        if c == '"' {
            quoted = !quoted;
        }
        if c.is_whitespace() && !quoted {
            if let Some(s) = start.take() {
                out.push((s, &line[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

/// An entity name token: alias (`p["Person"]`) and quotes removed; offsets relative to the token.
fn entity_token(t: &str) -> Option<(String, usize, usize)> {
    let name = match t.find('[') {
        Some(i) if i > 0 => &t[..i],
        _ => t,
    };
    let (start, name) = match name.strip_prefix('"').and_then(|n| n.strip_suffix('"')) {
        Some(inner) => (1, inner),
        None => (0, name),
    };
    let name_t = name.trim();
    let ok = !name_t.is_empty()
        && name_t
            .chars()
            .all(|c| is_ident_char(c) || matches!(c, '-' | '.' | ' '))
        && name_t
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
    if !ok {
        return None;
    }
    let lead = name.len() - name.trim_start().len();
    Some((
        name_t.to_string(),
        start + lead,
        start + lead + name_t.len(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(s: &str) -> Vec<(String, Vec<String>, String)> {
        parse_references(s)
            .into_iter()
            .map(|r| (r.entity, r.columns, s[r.start..r.end].to_string()))
            .collect()
    }

    fn one(e: &str, c: &str, text: &str) -> Vec<(String, Vec<String>, String)> {
        vec![(e.to_string(), vec![c.to_string()], text.to_string())]
    }

    #[test]
    fn foreign_key_forms() {
        assert_eq!(
            refs("REFERENCES orders(id)"),
            one("orders", "id", "REFERENCES orders(id)")
        );
        assert_eq!(
            refs("REFERENCES orders (id) ON DELETE CASCADE"),
            one("orders", "id", "REFERENCES orders (id)")
        );
        assert_eq!(
            refs("FK → orders.id"),
            one("orders", "id", "FK → orders.id")
        );
        assert_eq!(
            refs("FK -> orders.id, ON DELETE CASCADE"),
            one("orders", "id", "FK -> orders.id")
        );
        assert_eq!(
            refs("NOT NULL, references orders.id."),
            one("orders", "id", "references orders.id")
        );
        assert_eq!(
            refs("FK to orders.id"),
            one("orders", "id", "FK to orders.id")
        );
        assert_eq!(
            refs("FK: `orders.id`"),
            one("orders", "id", "FK: `orders.id`")
        );
        assert_eq!(
            refs("FK → `orders`.`id`"),
            one("orders", "id", "FK → `orders`.`id`")
        );
        assert_eq!(
            refs("REFERENCES `orders`(`id`)"),
            one("orders", "id", "REFERENCES `orders`(`id`)")
        );
        assert_eq!(
            refs("REFERENCES \"Orders\"(\"id\")"),
            one("Orders", "id", "REFERENCES \"Orders\"(\"id\")")
        );
        assert_eq!(
            refs("REFERENCES public.orders(id)"),
            one("public.orders", "id", "REFERENCES public.orders(id)")
        );
        assert_eq!(
            refs("FK → sales.orders.id"),
            one("sales.orders", "id", "FK → sales.orders.id")
        );
        assert_eq!(
            refs("UNIQUE, REFERENCES carts(id)"),
            one("carts", "id", "REFERENCES carts(id)")
        );
        assert_eq!(
            refs("FOREIGN KEY (a, b) REFERENCES t(x, y)"),
            vec![(
                "t".to_string(),
                vec!["x".to_string(), "y".to_string()],
                "REFERENCES t(x, y)".to_string()
            )]
        );
        assert_eq!(
            refs("REFERENCES orders"),
            vec![(
                "orders".to_string(),
                vec![],
                "REFERENCES orders".to_string()
            )]
        );
        // Prose and look-alikes are not references.
        assert!(refs("references the cart service").is_empty());
        assert!(refs("FK constraint deferred").is_empty());
        assert!(refs("PKG, fkey, FKs").is_empty());
        assert!(refs("REFERENCES orders(id").is_empty());
        assert!(refs("").is_empty());
        assert!(refs("FK →").is_empty());
    }

    #[test]
    fn primary_key_in_constraints() {
        assert_eq!(constraint_primary_key("PRIMARY KEY"), Some(vec![]));
        assert_eq!(
            constraint_primary_key("primary key, default gen_random_uuid()"),
            Some(vec![])
        );
        assert_eq!(constraint_primary_key("PK"), Some(vec![]));
        assert_eq!(constraint_primary_key("PK, FK → orders.id"), Some(vec![]));
        assert_eq!(constraint_primary_key("`pk`"), Some(vec![]));
        assert_eq!(
            constraint_primary_key("PRIMARY KEY (order_id, sku)"),
            Some(vec!["order_id".into(), "sku".into()])
        );
        assert_eq!(constraint_primary_key("PKG"), None);
        assert_eq!(constraint_primary_key("FK → pk_lookup.id"), None);
        assert_eq!(constraint_primary_key("NOT NULL"), None);
        assert_eq!(constraint_primary_key("primarykey"), None);
        assert_eq!(constraint_primary_key("İ PK"), Some(vec![]));
    }

    #[test]
    fn primary_key_in_body() {
        assert_eq!(
            body_primary_key("Primary key: `id`"),
            Some(vec!["id".into()])
        );
        assert_eq!(
            body_primary_key("- **Primary key**: `order_id`, `sku`"),
            Some(vec!["order_id".into(), "sku".into()])
        );
        assert_eq!(
            body_primary_key("Composite primary key (order_id, sku)."),
            Some(vec!["order_id".into(), "sku".into()])
        );
        assert_eq!(
            body_primary_key("The primary key is `id`."),
            Some(vec!["id".into()])
        );
        assert_eq!(
            body_primary_key("Primary key: order_id and line_no"),
            Some(vec!["order_id".into(), "line_no".into()])
        );
        assert_eq!(body_primary_key("PK: `id`"), Some(vec!["id".into()]));
        assert_eq!(
            body_primary_key("The primary key is generated by a sequence."),
            None
        );
        assert_eq!(body_primary_key("This table has no primary key."), None);
        assert_eq!(
            body_primary_key("Sorting key (a, b); primary index on the same columns"),
            None
        );
        assert_eq!(body_primary_key("Primary key:"), None);
    }

    #[test]
    fn nullable_values() {
        for s in [
            "yes",
            "Yes",
            "Y",
            "true",
            "NULL",
            "nullable",
            "✓",
            "✔",
            "✅",
            "`yes`",
            "**yes**",
            "yes (until backfill)",
        ] {
            assert_eq!(parse_nullable(s), Some(true), "{s}");
        }
        for s in [
            "no",
            "No",
            "n",
            "FALSE",
            "not null",
            "NOT NULL",
            "non-null",
            "required",
            "✗",
            "✘",
            "❌",
            "No, see below",
        ] {
            assert_eq!(parse_nullable(s), Some(false), "{s}");
        }
        for s in ["", "—", "-", "maybe", "x"] {
            assert_eq!(parse_nullable(s), None, "{s}");
        }
    }

    #[test]
    fn default_values() {
        assert_eq!(parse_default("—"), None);
        assert_eq!(parse_default(" - "), None);
        assert_eq!(parse_default(""), None);
        assert_eq!(parse_default("N/A"), None);
        assert_eq!(parse_default("`now()`").as_deref(), Some("now()"));
        assert_eq!(parse_default("'USD'").as_deref(), Some("'USD'"));
        assert_eq!(parse_default("NULL").as_deref(), Some("NULL"));
        assert_eq!(parse_default("`").as_deref(), Some("`"));
    }

    #[test]
    fn index_bullets() {
        let ix = parse_index(
            "- `idx_orders_customer_id` btree on (customer_id, created_at DESC) for history",
        );
        assert_eq!(ix.name.as_deref(), Some("idx_orders_customer_id"));
        assert_eq!(ix.method.as_deref(), Some("btree"));
        assert_eq!(ix.columns, ["customer_id", "created_at DESC"]);
        assert!(!ix.unique);
        let ix = parse_index("- `customers_email_key` unique btree on (email)");
        assert!(ix.unique);
        assert_eq!(ix.columns, ["email"]);
        let ix = parse_index("* `idx_channel` set(3) skipping index on (channel)");
        assert_eq!(ix.method.as_deref(), Some("set(3)"));
        let ix = parse_index("1. `idx_lower_email` on (lower(email)) using gin");
        assert_eq!(ix.columns, ["lower(email)"]);
        assert_eq!(ix.method.as_deref(), Some("gin"));
        let ix = parse_index("- Partitioned by `toYYYYMM(created_at)`");
        assert_eq!(ix.name, None);
        assert!(ix.columns.is_empty());
        assert_eq!(parse_index(""), IndexSchema::default());
    }

    #[test]
    fn mermaid() {
        let code = "%% comment\nerDiagram\n    customers ||--o{ orders : places\n    orders ||--|{ \"order_items\" : \"contains items\"\n    CAR 1 to zero or more NAMED-DRIVER : allows\n    payments {\n        uuid id PK\n        uuid order_id FK \"references orders\"\n    }\n    p[\"Person\"] { }\n    lonely\n    direction LR\n";
        let names: Vec<String> = er_diagram_entities(code)
            .into_iter()
            .map(|(n, s, e)| {
                assert_eq!(&code[s..e], n);
                n
            })
            .collect();
        assert_eq!(
            names,
            [
                "customers",
                "orders",
                "orders",
                "order_items",
                "CAR",
                "NAMED-DRIVER",
                "payments",
                "p",
                "lonely"
            ]
        );
        assert!(er_diagram_entities("graph TD\n  A --> B\n").is_empty());
        assert!(er_diagram_entities("").is_empty());
        let fm = "---\ntitle: Orders\n---\nerDiagram\n  a ||--o{ b : has\n";
        assert_eq!(er_diagram_entities(fm).len(), 2);
    }

    #[test]
    fn parsers_never_panic() {
        let samples = [
            "",
            "`",
            "``",
            "(",
            ")",
            "FK",
            "FK →",
            "FK → `",
            "REFERENCES",
            "REFERENCES (",
            "references é.ü",
            "FK → a.",
            "PRIMARY",
            "primary key (",
            "primary key: `",
            "PK: (a,",
            "Primary key: é and",
            "- `",
            "- `i` on (",
            "1.",
            "erDiagram\n  a[",
            "erDiagram\n  \"",
            "erDiagram\n  a ||--o{ b",
            "erDiagram\n a {\n",
            "---\n",
            "😀→â†’",
            "İ",
            "\u{feff}FK → a.b",
        ];
        for s in samples {
            let mut cuts: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
            cuts.push(s.len());
            for &i in &cuts {
                for part in [&s[..i], &s[i..]] {
                    let _ = parse_references(part);
                    let _ = constraint_primary_key(part);
                    let _ = body_primary_key(part);
                    let _ = parse_nullable(part);
                    let _ = parse_default(part);
                    let _ = parse_index(part);
                    for (n, a, b) in er_diagram_entities(part) {
                        assert_eq!(part.get(a..b), Some(n.as_str()));
                    }
                }
            }
        }
    }

    #[test]
    fn mermaid_blocks_of_a_document() {
        let text = "# X\n\n```mermaid\nerDiagram\n  a ||--o{ b : has\n  B ||--o{ c : has\n```\n\n```mermaid\nflowchart LR\n  x --> y\n```\n";
        let doc = Document::parse(text);
        let found: Vec<(String, &str)> = mermaid_entities(&doc)
            .into_iter()
            .map(|(n, s)| (n, s.text(text)))
            .collect();
        assert_eq!(
            found,
            [
                ("a".to_string(), "a"),
                ("b".to_string(), "b"),
                ("c".to_string(), "c")
            ]
        );
    }

    #[test]
    fn entities_of_a_document() {
        let text = "---\nspec_type: database-schema\n---\n# T\n\n## Entity Inventory\n\n### `<table_name>`\n- x\n\n### `orders`\nComposite primary key (`id`, `tenant`).\n\n| Column | Type | Null? | Default | Keys |\n| --- | --- | --- | --- | --- |\n| `id` | uuid | no | — | |\n| customer_id | uuid | yes | `now()` | FK → customers.id |\n| tenant | text | | - | REFERENCES tenants (id) |\n\n#### Indexes\n- `orders_pkey` btree on (id)\n  - nested note\n\n### `customers`\n| Column | Type | Nullable | Default | Constraints |\n| --- | --- | --- | --- | --- |\n| id | uuid | no | — | PK |\n\n- Indexes:\n  - `customers_pkey` hash on (id)\n";
        let doc = Document::parse(text);
        let spec = crate::spec_type::builtin()
            .into_iter()
            .next()
            .expect("built-in type");
        let analysis = Analysis::new(&doc, &spec);
        let es = entities(&doc, &spec, &analysis);
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["orders", "customers"]);
        let orders = &es[0];
        assert_eq!(orders.columns.len(), 3);
        assert_eq!(orders.columns[0].name, "id");
        assert_eq!(orders.columns[0].nullable, Some(false));
        assert_eq!(orders.columns[1].nullable, Some(true));
        assert_eq!(orders.columns[1].default.as_deref(), Some("now()"));
        assert_eq!(orders.columns[2].nullable, None);
        assert_eq!(orders.columns[2].default, None);
        let pk = orders.primary_key.as_ref().expect("body primary key");
        assert_eq!(pk.columns, ["id", "tenant"]);
        assert_eq!(pk.source, KeySource::Body);
        let fks: Vec<(String, String, &str)> = orders
            .foreign_keys
            .iter()
            .map(|f| (f.column.clone(), f.target(), f.span.text(text)))
            .collect();
        assert_eq!(
            fks,
            [
                (
                    "customer_id".to_string(),
                    "customers(id)".to_string(),
                    "FK → customers.id"
                ),
                (
                    "tenant".to_string(),
                    "tenants(id)".to_string(),
                    "REFERENCES tenants (id)"
                ),
            ]
        );
        assert_eq!(orders.indexes.len(), 1);
        assert_eq!(orders.indexes[0].name.as_deref(), Some("orders_pkey"));
        let customers = &es[1];
        assert_eq!(
            customers.primary_key.as_ref().map(|p| p.columns.clone()),
            Some(vec!["id".to_string()])
        );
        assert_eq!(
            customers.primary_key.as_ref().map(|p| p.source),
            Some(KeySource::Constraints)
        );
        assert_eq!(customers.indexes.len(), 1);
        assert_eq!(customers.indexes[0].method.as_deref(), Some("hash"));
        assert!(find_entity(&es, "public.customers").is_some());
        assert!(find_entity(&es, "ORDERS").is_some());
        assert!(find_entity(&es, "carts").is_none());
    }
}
