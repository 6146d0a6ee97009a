//! Which headings of a section of repeated entries (the Entity Inventory)
//! are entries, and what each entry is called.
//!
//! Teams head their entities ``### `orders` ``, `### orders`, `### Table:
//! orders`, `### orders (table)`, ``### `billing.invoices` — issued
//! invoices``, or group them: H4 tables under H3 schema headings. They also
//! put other headings there: `### Naming conventions`, `### Common columns`.
//! [`classify`] reads a heading by what is under it:
//!
//! - **Group**: no column table of its own, and a subsection that reads as
//!   an entity (its own column table or DDL, or a code span name). Its
//!   subsections are classified in turn.
//! - **Entry**: its own column table or DDL (directly or in facet
//!   subsections such as `#### Columns`), a code span name, a template
//!   placeholder, or an identifier-like name (`orders`, `dbo.Orders`).
//! - **Subsection**: anything else, such as a prose label. It is never
//!   reported as an entity without a key.
//!
//! [`entry_name`] strips what is not the name: numbering, `Table:`-style
//! prefixes, a description after a dash, a `(table)` suffix, a `{#id}`.

use crate::document::{Document, Heading, SectionId, Table, TableId};
use crate::notation::columns::{self, Role, Vocabulary};
use crate::source::Span;
use crate::spec_type::SpecType;

/// What a heading inside a section of entries is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Entry,
    Group,
    Subsection,
}

/// The column vocabulary a spec type adds through its entries' table columns.
pub fn vocabulary(spec: &SpecType) -> Vocabulary {
    let mut v = Vocabulary::default();
    for rs in spec.sections.iter().filter_map(|s| s.entries.as_ref()) {
        let Some(t) = &rs.table else { continue };
        for col in &t.columns {
            if let Some(role) = Role::from_key(&col.key()) {
                for name in std::iter::once(&col.name).chain(&col.aliases) {
                    v.add(name, role);
                }
            }
        }
    }
    v
}

/// Headings that label a facet of an entity, never an entity of their own.
const FACETS: &[&[&str]] = &[
    &["column"],
    &["field"],
    &["attribute"],
    &["property"],
    &["schema"],
    &["structure"],
    &["definition"],
    &["index"],
    &["key"],
    &["primary", "key"],
    &["foreign", "key"],
    &["constraint"],
    &["relationship"],
    &["relation"],
    &["reference"],
    &["note"],
    &["ddl"],
    &["sql"],
    &["example"],
    &["sample"],
    &["sample", "document"],
    &["partitioning"],
    &["retention"],
    &["access", "pattern"],
    &["query"],
    &["trigger"],
    &["validation"],
    &["lifecycle"],
    &["purpose"],
    &["description"],
];

/// Headings inside an entity inventory that are about all entities, not one.
const NOT_ENTITIES: &[&[&str]] = &[
    &["convention"],
    &["naming", "convention"],
    &["common", "column"],
    &["shared", "column"],
    &["audit", "column"],
    &["standard", "column"],
    &["overview"],
    &["legend"],
    &["summary"],
    &["enum"],
    &["enumeration"],
    &["enum", "type"],
    &["custom", "type"],
    &["type"],
    &["domain"],
    &["general", "note"],
    &["note"],
    &["glossary"],
    &["key", "pattern"],
    &["access", "pattern"],
];

fn words_are(words: &[String], any_of: &[&[&str]]) -> bool {
    any_of
        .iter()
        .any(|p| p.len() == words.len() && p.iter().zip(words).all(|(a, b)| a == b))
}

/// The region a heading owns before its first subsection.
fn own_region(doc: &Document<'_>, i: SectionId) -> Option<Span> {
    let sec = doc.section(i)?;
    let end = sec
        .children
        .first()
        .and_then(|&c| doc.section(c))
        .map_or(sec.span.end, |c| c.span.start);
    Some(Span::new(sec.span.start, end))
}

/// Whether a table lists indexes, relationships, access patterns or other
/// things that are not columns (judged by its first header cell).
pub fn is_listing_table(table: &Table) -> bool {
    let Some(first) = table.header.cells.first() else {
        return true;
    };
    let w = columns::header_words(&first.text);
    const LISTINGS: &[&[&str]] = &[
        &["index"],
        &["index", "name"],
        &["constraint"],
        &["constraint", "name"],
        &["relationship"],
        &["relation"],
        &["from"],
        &["parent"],
        &["child"],
        &["access", "pattern"],
        &["pattern"],
        &["query"],
        &["gsi"],
        &["lsi"],
        &["enum"],
        &["value"],
        &["migration"],
        &["version"],
        &["old"],
        &["legacy"],
        &["source"],
        &["metric"],
        &["event"],
        &["event", "type"],
        &["risk"],
        &["question"],
    ];
    words_are(&w, LISTINGS)
}

/// Classifies the headings of one document, reading each table's header and
/// each code block's DDL at most once.
pub struct Classifier<'d, 'a> {
    doc: &'d Document<'a>,
    vocabulary: Vocabulary,
    /// The roles of each table's header, read at most once.
    roles: TableRoles,
    ddl: Vec<std::cell::Cell<Option<bool>>>,
}

/// The header roles of a document's tables, each read at most once (with one
/// spec type's vocabulary); shared by the analysis and the database model.
///
/// Tables of one document mostly share their header (every entity's column
/// table is headed alike), so each distinct header text is read once.
#[derive(Debug, Clone, Default)]
pub struct TableRoles {
    /// Per table: the index of its reading in `readings`.
    of_table: Vec<std::cell::OnceCell<usize>>,
    readings: std::cell::RefCell<Vec<std::rc::Rc<columns::ColumnRoles>>>,
    by_header: std::cell::RefCell<std::collections::HashMap<Vec<String>, usize>>,
}

impl TableRoles {
    pub fn new(tables: usize) -> Self {
        TableRoles {
            of_table: vec![std::cell::OnceCell::new(); tables],
            ..TableRoles::default()
        }
    }

    /// The roles of table `t` of `doc` (`None` past the tables).
    pub fn get(
        &self,
        doc: &Document<'_>,
        t: TableId,
        vocabulary: &Vocabulary,
    ) -> Option<std::rc::Rc<columns::ColumnRoles>> {
        let slot = self.of_table.get(t.0)?;
        let table = doc.table(t)?;
        let ix = *slot.get_or_init(|| {
            let texts: Vec<String> = table.header.cells.iter().map(|c| c.text.clone()).collect();
            if let Some(&ix) = self.by_header.borrow().get(&texts) {
                return ix;
            }
            let reading = columns::read_header(&texts, vocabulary);
            let mut readings = self.readings.borrow_mut();
            readings.push(std::rc::Rc::new(reading));
            let ix = readings.len() - 1;
            self.by_header.borrow_mut().insert(texts, ix);
            ix
        });
        self.readings.borrow().get(ix).cloned()
    }
}

impl<'d, 'a> Classifier<'d, 'a> {
    pub fn new(doc: &'d Document<'a>, spec: &SpecType) -> Self {
        Classifier {
            doc,
            vocabulary: vocabulary(spec),
            roles: TableRoles::new(doc.tables.len()),
            ddl: vec![std::cell::Cell::new(None); doc.code_blocks.len()],
        }
    }

    fn is_column_table(&self, t: TableId) -> bool {
        self.doc
            .tables
            .get(t.0)
            .is_some_and(|table| !is_listing_table(table))
            && self
                .roles
                .get(self.doc, t, &self.vocabulary)
                .is_some_and(|r| r.looks_like_column_table())
    }

    /// The header roles read so far, for the database model to reuse.
    pub fn into_roles(self) -> (Vocabulary, TableRoles) {
        (self.vocabulary, self.roles)
    }

    fn is_ddl(&self, b: usize) -> bool {
        let Some(cell) = self.ddl.get(b) else {
            return false;
        };
        if let Some(v) = cell.get() {
            return v;
        }
        let v = self.doc.code_blocks.get(b).is_some_and(|block| {
            let lang = block.language();
            !crate::notation::ddl::read(block.content.text(self.doc.text), &lang).is_empty()
        });
        cell.set(Some(v));
        v
    }

    /// Whether `region` holds a column table or DDL.
    fn defines(&self, r: Span) -> bool {
        let doc = self.doc;
        let (first, tables) = crate::source::within(&doc.tables, |t| t.span, r);
        let (first_block, blocks) = crate::source::within(&doc.code_blocks, |b| b.span, r);
        tables
            .iter()
            .enumerate()
            .any(|(k, t)| r.contains_span(t.span) && self.is_column_table(TableId(first + k)))
            || blocks
                .iter()
                .enumerate()
                .any(|(k, b)| r.contains_span(b.span) && self.is_ddl(first_block + k))
    }

    /// Whether heading `i` has its own column table or DDL, before its
    /// subsections or in facet subsections (`#### Columns`).
    fn has_own_definition(&self, i: SectionId) -> bool {
        let doc = self.doc;
        let Some(region) = own_region(doc, i) else {
            return false;
        };
        if self.defines(region) {
            return true;
        }
        doc.section(i).is_some_and(|sec| {
            sec.children.iter().any(|&c| {
                doc.headings
                    .get(c.0)
                    .is_some_and(|h| words_are(&columns::header_words(&h.text), FACETS))
                    && doc.section(c).is_some_and(|s| self.defines(s.span))
            })
        })
    }

    /// Reads heading `i` inside a section of entries (see the module doc).
    pub fn classify(&self, i: usize) -> Kind {
        let doc = self.doc;
        let Some(h) = doc.headings.get(i) else {
            return Kind::Subsection;
        };
        let (name, _) = entry_name(doc, h);
        if crate::text::is_placeholder_value(&name) {
            return Kind::Entry;
        }
        let words = columns::header_words(&label_text(&h.text));
        let code_name = first_code_span(doc, h).is_some();
        if !code_name && (words_are(&words, NOT_ENTITIES) || words_are(&words, FACETS)) {
            return Kind::Subsection;
        }
        if self.has_own_definition(SectionId(i)) {
            return Kind::Entry;
        }
        // A group: a subsection (not a facet) that defines an entity.
        let is_group = doc.sections.get(i).is_some_and(|sec| {
            sec.children.iter().any(|&c| {
                doc.heading(c).is_some_and(|ch| {
                    !words_are(&columns::header_words(&ch.text), FACETS)
                        && (self.has_own_definition(c) || first_code_span(doc, ch).is_some())
                })
            })
        });
        if is_group {
            return Kind::Group;
        }
        if code_name || is_identifier_like(&name) {
            return Kind::Entry;
        }
        Kind::Subsection
    }
}

/// Heading text without numbering, `{#id}` and emoji, for label comparison.
fn label_text(text: &str) -> String {
    let t = crate::text::strip_attribute_block(text);
    let t = crate::text::strip_numbering(t);
    t.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '`' && c != '_')
        .to_string()
}

/// `orders`, `dbo.Orders`, `order_items`, `OrderLine`: one token, no spaces.
fn is_identifier_like(name: &str) -> bool {
    !name.is_empty()
        && !name.contains(char::is_whitespace)
        && name.chars().all(|c| {
            c.is_alphanumeric() || matches!(c, '_' | '.' | '$' | '-' | ':' | '"' | '[' | ']')
        })
}

/// The first code span inside the heading's text, as (content, span).
fn first_code_span(doc: &Document<'_>, h: &Heading) -> Option<(String, Span)> {
    let from = doc
        .code_spans
        .partition_point(|s| s.start < h.content.start);
    let span = *doc.code_spans.get(from)?;
    if !h.content.contains_span(span) {
        return None;
    }
    let raw = span.text(doc.text);
    let ticks = raw.len() - raw.trim_start_matches('`').len();
    let inner = Span::new(span.start + ticks, span.end.saturating_sub(ticks)).trim(doc.text);
    let text = inner.text(doc.text).to_string();
    (!text.is_empty()).then_some((text, inner))
}

const KIND_PREFIXES: &[&str] = &[
    "table",
    "collection",
    "view",
    "materialized view",
    "entity",
    "model",
    "item type",
    "item",
    "index",
    "node",
    "label",
    "stream",
    "topic",
    "hypertable",
    "bucket",
    "container",
    "keyspace table",
    "dimension",
    "fact",
];

/// The other name a heading gives its entry beside the code span:
/// ``### Property (`properties_property`)`` (a Django model and its table),
/// ``### Store — table `stores` `` (a model or term and its table).
pub fn entry_aliases(doc: &Document<'_>, h: &Heading) -> Vec<String> {
    let Some((name, span)) = first_code_span(doc, h) else {
        return Vec::new();
    };
    let Some(before) = doc.text.get(h.content.start..span.start) else {
        return Vec::new();
    };
    let mut t = crate::text::strip_numbering(before.trim_end_matches('`'));
    t = t.trim_end_matches(|c: char| c.is_whitespace() || "([—–-:".contains(c));
    if let Some((word, kind)) = t.rsplit_once(' ') {
        if KIND_SUFFIXES.contains(&kind.to_ascii_lowercase().as_str()) {
            t = word.trim_end_matches(|c: char| c.is_whitespace() || "—–-:".contains(c));
        }
    }
    let t = t.trim().trim_matches('*').trim();
    let one_name = !t.is_empty() && t.chars().all(|c| c.is_alphanumeric() || c == '_');
    if one_name && !crate::text::eq_fold(t, &name) {
        vec![t.to_string()]
    } else {
        Vec::new()
    }
}

/// Kind words written after a one-word entry name: `### articles table`.
const KIND_SUFFIXES: &[&str] = &[
    "table",
    "collection",
    "view",
    "entity",
    "model",
    "hypertable",
    "container",
];

/// The name of an entry and where it is written in the heading.
pub fn entry_name(doc: &Document<'_>, h: &Heading) -> (String, Span) {
    if let Some((name, span)) = first_code_span(doc, h) {
        let name = name.trim_start_matches(':').trim_matches('"').to_string();
        return (name, span);
    }
    let content = h.content.text(doc.text);
    let mut t = crate::text::strip_attribute_block(content);
    t = crate::text::strip_numbering(t);
    // Leading emoji and decoration.
    t = t.trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '[' | '"' | '_' | '*'));
    let lower = t.to_ascii_lowercase();
    for p in KIND_PREFIXES {
        if lower.starts_with(p) && lower[p.len()..].starts_with(':') {
            t = t[p.len() + 1..].trim_start();
            break;
        }
    }
    // A description after a dash or colon.
    for sep in [" — ", " – ", " - ", ": "] {
        if let Some(i) = t.find(sep) {
            t = &t[..i];
        }
    }
    // A `(table)`-style suffix.
    if let Some(i) = t.find(" (") {
        if t.trim_end().ends_with(')') {
            t = &t[..i];
        }
    }
    let mut t = t.trim().trim_matches('*').trim_matches('_').trim();
    // `articles table`, `Order entity`: one name and the kind of entry.
    if let Some((name, kind)) = t.rsplit_once(' ') {
        let kind = kind.to_ascii_lowercase();
        let one_name = !name.trim().contains(' ')
            && name
                .trim()
                .chars()
                .all(|c| c.is_alphanumeric() || "_.-$".contains(c));
        if one_name && KIND_SUFFIXES.contains(&kind.as_str()) {
            t = name.trim();
        }
    }
    let start = h.content.start + content.find(t).unwrap_or(0);
    let span = Span::new(start, start + t.len());
    let name = t.trim_matches('"').trim_start_matches(':').to_string();
    if name.is_empty() {
        return (h.text.trim().to_string(), h.content);
    }
    (name, span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(md: &str) -> String {
        let doc = Document::parse(md);
        entry_name(&doc, &doc.headings[0]).0
    }

    #[test]
    fn names_without_decoration() {
        assert_eq!(name("### `orders`\n"), "orders");
        assert_eq!(
            name("### `billing.invoices` — issued invoices\n"),
            "billing.invoices"
        );
        assert_eq!(name("### Table: orders\n"), "orders");
        assert_eq!(name("### orders (table)\n"), "orders");
        assert_eq!(name("### articles table\n"), "articles");
        let aliases = |md: &str| {
            let doc = Document::parse(md);
            entry_aliases(&doc, &doc.headings[0])
        };
        assert_eq!(
            aliases("### Property (`properties_property`)\n"),
            ["Property"]
        );
        assert_eq!(aliases("### 6.2 Store — table `stores`\n"), ["Store"]);
        assert!(aliases("### `orders`\n").is_empty());
        assert!(aliases("### `orders` — placed orders\n").is_empty());
        assert!(aliases("### Orders placed by `customers`\n").is_empty());
        assert_eq!(name("### Order entity\n"), "Order");
        assert_eq!(name("### Line item table\n"), "Line item table");
        assert_eq!(name("### Order item\n"), "Order item");
        assert_eq!(name("### 6.1 orders {#orders}\n"), "orders");
        assert_eq!(name("### Store — table `stores`\n"), "stores");
        assert_eq!(name("### [dbo].[Appointment]\n"), "[dbo].[Appointment]");
        assert_eq!(name("#### `:Customer`\n"), "Customer");
        assert_eq!(name("### Item type: `Order`\n"), "Order");
        assert_eq!(
            name("### readings_hourly (continuous aggregate)\n"),
            "readings_hourly"
        );
        assert_eq!(
            name("### events_raw — one row per tracked event\n"),
            "events_raw"
        );
    }

    #[test]
    fn numbering() {
        assert_eq!(crate::text::strip_numbering("1. Purpose"), "Purpose");
        assert_eq!(crate::text::strip_numbering("1) Purpose"), "Purpose");
        assert_eq!(crate::text::strip_numbering("6.1 orders"), "orders");
        assert_eq!(crate::text::strip_numbering("A. Scope"), "Scope");
        assert_eq!(crate::text::strip_numbering("IV) Scope"), "Scope");
        assert_eq!(crate::text::strip_numbering("Purpose"), "Purpose");
        assert_eq!(crate::text::strip_numbering("2024 roadmap"), "roadmap");
        assert_eq!(crate::text::strip_numbering("Ideas"), "Ideas");
        assert_eq!(crate::text::strip_numbering("I/O budget"), "I/O budget");
    }

    fn kinds(md: &str) -> Vec<(String, Kind)> {
        let doc = Document::parse(md);
        let spec = crate::spec_type::builtin().remove(0);
        let c = Classifier::new(&doc, &spec);
        (0..doc.headings.len())
            .filter(|&i| doc.headings[i].level > 2)
            .map(|i| (doc.headings[i].text.clone(), c.classify(i)))
            .collect()
    }

    #[test]
    fn groups_entries_and_prose() {
        let md = "## Entity Inventory\n### Naming conventions\nSnake case.\n\n| Column | Type |\n| - | - |\n| created_at | timestamptz |\n### Schema `core`\nTables of the core.\n#### core.users\n| Column | Type |\n| - | - |\n| id | uuid |\n### orders\nPK `id`.\n### Payments\n#### Columns\n| Field | Type |\n| - | - |\n| id | uuid |\n";
        let k = kinds(md);
        assert_eq!(k[0].1, Kind::Subsection, "{k:?}");
        assert_eq!(k[1].1, Kind::Group, "{k:?}");
        assert_eq!(k[2].1, Kind::Entry, "{k:?}");
        assert_eq!(k[3].1, Kind::Entry, "{k:?}");
        assert_eq!(
            k[4].1,
            Kind::Entry,
            "a facet subsection with the columns: {k:?}"
        );
        assert_eq!(k[5].1, Kind::Subsection, "{k:?}");
    }
}
