//! The database schema a document describes, read from its Markdown.
//!
//! A database schema spec lists its entities (tables, collections, views) as
//! repeated subsections of the Entity Inventory (see `crate::entries`), each
//! with a column table, prose and bullets, and often DDL. [`entities`] turns
//! them into plain data with byte spans, reading every notation by meaning:
//!
//! - **Columns**: the column table's header is read by role
//!   (`crate::notation::columns`): names, types, nullability (or its inverse,
//!   `Required`), defaults, keys, constraints, references and notes, however
//!   the team heads them. How well the header was read is kept
//!   ([`TableReading`]), so a rule can report an unreadable table once
//!   instead of guessing.
//! - **Keys**: one key model per entity ([`EntitySchema::keys`]), gathered
//!   from every place a key can be declared, each fact with its source: any
//!   cell of a column's row (`PK`, `PK (1/2)`, `PRIMARY KEY`, identity,
//!   partition/sort/clustering keys), bullets and paragraphs of the entity
//!   (`Primary key: (a, b)`, `ORDER BY (a, b)`), DDL in code blocks
//!   (`CREATE TABLE`, `ALTER TABLE`, Prisma models), and the engine's own
//!   key (`_id`). The primary key is derived from it
//!   ([`EntitySchema::primary_key`]).
//! - **References**: every foreign key is read by the one reference grammar
//!   (`crate::notation::refs`), from cells, DDL and bullets; text it cannot read
//!   yields no foreign key.
//!
//! The `DB` rules check this model and the exporter serializes it, so both
//! read the document the same way. The model depends on the analysis, never
//! the reverse. Every reader here is total: odd input gives `None` or an
//! empty list, never a panic.

mod body;
mod columns_table;
mod ddl_blocks;
mod indexes;
mod mermaid;
mod primary_key;

use serde::Serialize;

use body::*;
use columns_table::*;
use ddl_blocks::*;
pub use primary_key::derive_primary_key;
use primary_key::*;

use crate::analysis::{Analysis, entries_spec};

/// The database model of a document whose spec type has database-schema
/// semantics (empty otherwise): its entities with columns and keys, built on
/// the analysis. Computed once per validation; the `DB` rules and export read it.
pub fn model(doc: &Document<'_>, spec: &SpecType, analysis: &Analysis) -> Vec<EntitySchema> {
    if spec
        .semantics
        .contains(&crate::spec_type::Semantics::DatabaseSchema)
    {
        entities(doc, spec, analysis)
    } else {
        Vec::new()
    }
}
use crate::document::{Document, SectionId, Table, TableId};
#[cfg(test)]
pub(crate) use crate::notation::columns::parse_nullable;
use crate::notation::columns::{self, Confidence, Role, unwrap_markup};
use crate::notation::ddl::{self, DdlTable};
use crate::notation::keys::{self, CellContext, KeyKind};
use crate::notation::refs::{self, Reference};
use crate::source::Span;
use crate::spec_type::SpecType;
use crate::text;

#[cfg(test)]
pub(crate) use indexes::parse_index;
#[cfg(test)]
pub(crate) use mermaid::er_diagram_entities;
pub use mermaid::mermaid_entities;

/// One entity (table, collection or view) of the Entity Inventory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntitySchema {
    /// The name as written in the heading (code span content or heading text
    /// without numbering, `Table:` prefixes and descriptions).
    pub name: String,
    /// Other names the heading gives it: the model beside its table
    /// (``### Property (`properties_property`)``). References may use either.
    #[serde(skip)]
    pub aliases: Vec<String>,
    /// Where the name is written in the heading.
    pub name_span: Span,
    /// The entity's subsection in `doc.sections` (and `doc.headings`).
    pub section: SectionId,
    /// The spec section holding the entity (an index into `spec.sections`).
    pub spec: usize,
    /// The column table in `doc.tables`.
    pub table: Option<TableId>,
    /// How the column table's header was read (`None` without a table).
    pub reading: Option<TableReading>,
    /// The rows of the column table, in order (rows without a name are skipped);
    /// the DDL's columns when the entity has no column table.
    pub columns: Vec<ColumnSchema>,
    /// Every key fact found, with where it was declared.
    pub keys: Vec<KeyFact>,
    pub primary_key: Option<PrimaryKey>,
    /// Foreign keys read from cells, DDL and bullets, in document order.
    pub foreign_keys: Vec<ForeignKey>,
    /// Index bullets under an `Indexes:` paragraph or bullet or an `Indexes` subsection.
    pub indexes: Vec<IndexSchema>,
    /// A view (heading or DDL says so): it needs no key.
    pub view: bool,
    /// The column table has a `...` row: it lists only some columns. (Prose
    /// saying so, "other columns omitted", is read on demand by
    /// [`EntitySchema::columns_are_complete`].)
    pub partial: bool,
}

impl EntitySchema {
    /// Whether the entity's store identifies its records without a declared
    /// key: a MongoDB collection, whose documents always have an `_id` (its
    /// section writes BSON types, `bsonType`, a `BSON type` header,
    /// `ObjectId`, or indexes it with `db.<name>.createIndex`), or a
    /// key-value key space, one row per key (a `Key pattern` column).
    pub fn has_implicit_key(&self, doc: &Document<'_>) -> bool {
        let Some(text) = doc.section(self.section).map(|s| s.span.text(doc.text)) else {
            return false;
        };
        let key_space = self.table.and_then(|t| doc.table(t)).is_some_and(|t| {
            t.header.cells.iter().any(|c| {
                let h = c.text.trim().trim_matches('*').to_ascii_lowercase();
                matches!(h.as_str(), "key pattern" | "key name" | "key format")
            })
        });
        if key_space {
            return true;
        }
        let shell = format!("db.{}.", last_segment(&self.name));
        ["bsonType", "BSON type", "BSON Type", "ObjectId", "objectId"]
            .iter()
            .any(|w| text.contains(w))
            || text.contains(&shell)
    }

    /// The column named `name` (case-insensitive, quotes ignored).
    pub fn column(&self, name: &str) -> Option<&ColumnSchema> {
        let n = normalize_name(name);
        self.columns.iter().find(|c| normalize_name(&c.name) == n)
    }

    /// Whether the column table was read with confidence: its names and
    /// types found, and it lists every column (no `...` row, and no line of
    /// the entity saying "other columns omitted" or the like).
    pub fn columns_are_complete(&self, doc: &Document<'_>) -> bool {
        !self.partial
            && self
                .reading
                .as_ref()
                .is_some_and(|r| r.confidence == ReadConfidence::Clear && !r.name_by_position)
            && !doc
                .sections
                .get(self.section.0)
                .is_some_and(|s| says_partial(doc, s.span))
    }
}

/// How a column table's header was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableReading {
    pub confidence: ReadConfidence,
    /// The roles found, for messages: `` `name` (`Column`) `` (only for an unclear table).
    pub found: Vec<String>,
    /// Header cells that name nothing known (only for an unclear table).
    pub unknown: Vec<String>,
    /// Whether the names were taken from the first column by position.
    pub name_by_position: bool,
    /// The header row.
    pub header: Span,
}

/// See [`columns::Confidence`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReadConfidence {
    Clear,
    NoType,
    Unclear,
}

/// One row of an entity's column table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnSchema {
    /// The column name, code span backticks and emphasis removed.
    pub name: String,
    /// The type as written (`""` when the table has no type column).
    pub data_type: String,
    /// `Some(true)` when the column may be null; read from a nullable column
    /// (`yes`, `✓`, `NULL`) or its inverse (`Required`, `Mandatory`).
    pub nullable: Option<bool>,
    /// The default expression; `None` for `—`, `-`, `n/a` or an empty cell (see [`parse_default`]).
    pub default: Option<String>,
    /// The constraints cell as written (the keys cell without one; `""` when neither).
    pub constraints: String,
    /// The key roles the row's cells give the column.
    pub keys: Vec<KeyKind>,
    /// The row's line.
    pub row_span: Span,
    pub name_span: Span,
    pub type_span: Option<Span>,
    pub nullable_span: Option<Span>,
    pub default_span: Option<Span>,
    pub constraints_span: Option<Span>,
}

/// Where a key fact is declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeySource {
    /// A cell of the column's row in the column table.
    Constraints,
    /// A bullet or paragraph of the entity, such as "Primary key: `id`".
    Body,
    /// DDL in a code block (`CREATE TABLE`, `ALTER TABLE`, a Prisma model).
    Ddl,
    /// The engine's own key: `_id` in a document store.
    Engine,
}

/// One key fact of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyFact {
    pub kind: KeyKind,
    pub columns: Vec<String>,
    pub source: KeySource,
    pub span: Span,
    /// The column's place in a composite key (`PK (2/3)`), when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<u32>,
}

/// The primary key of an entity (or what identifies its rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrimaryKey {
    /// Its columns, in order (several for a composite key).
    pub columns: Vec<String>,
    /// Where it is declared: the first cell marking it, the body line, the DDL.
    pub span: Span,
    pub source: KeySource,
    /// `primary`, or what stands for it: partition (+ sort/clustering),
    /// `order-by`, `logical`, `identity`.
    pub kind: KeyKind,
}

/// A foreign key: a column that references another entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForeignKey {
    /// The referencing column (`""` when a bullet does not say).
    pub column: String,
    /// The referenced entity of the likeliest reading, possibly schema-qualified.
    pub target_entity: String,
    /// Its referenced columns; empty for "its primary key".
    pub target_columns: Vec<String>,
    /// The reference text, from `REFERENCES` or `FK` to the end of the target.
    pub span: Span,
    pub source: KeySource,
    /// The row or line the reference is written in: its words may say the
    /// target lives elsewhere (see [`ForeignKey::is_external`]).
    #[serde(skip)]
    pub context: Span,
    /// The reference as read, with its other readings and certainty.
    #[serde(skip)]
    pub reference: Reference,
    /// What the target resolves to in the document, worked out once when
    /// all entities are known.
    #[serde(skip)]
    pub resolved: Resolved,
}

/// A foreign key's [`Resolution`], by entity index (see [`entities`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Resolved {
    #[default]
    Yes,
    NoEntity,
    NoColumn {
        /// Index of the target entity.
        entity: usize,
        column: String,
        certain: bool,
    },
}

impl ForeignKey {
    /// Whether the row or line of the reference says its target lives
    /// elsewhere ("outside this schema", "owned by the Accounts service").
    pub fn is_external(&self, text: &str) -> bool {
        says_external(self.context.text(text))
    }

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

/// The entities of a document, in document order.
///
/// Every repeated subsection the analysis found (see `crate::entries`) is an
/// entity, except those named by a template placeholder (`<table_name>`) or
/// with an empty name: they do not describe a table.
pub fn entities(doc: &Document<'_>, spec: &SpecType, analysis: &Analysis) -> Vec<EntitySchema> {
    let fallback;
    let (vocabulary, roles) = match &analysis.tables {
        Some((v, r)) => (v, r),
        None => {
            fallback = (
                crate::entries::vocabulary(spec),
                crate::entries::TableRoles::new(doc.tables.len()),
            );
            (&fallback.0, &fallback.1)
        }
    };
    let ddl = DdlIndex::new(doc);
    let mut out = Vec::new();
    for entry in &analysis.entries {
        let name = entry.name.trim();
        if name.is_empty() || is_placeholder_name(name) {
            continue;
        }
        let Some(section) = doc.section(entry.section) else {
            continue;
        };
        let _ = entries_spec(spec, entry.spec);
        let table = entry.table.and_then(|t| doc.table(t));
        let aliases = doc
            .heading(entry.section)
            .map(|h| crate::entries::entry_aliases(doc, h))
            .unwrap_or_default();
        let mut e = EntitySchema {
            name: name.to_string(),
            aliases,
            name_span: entry.name_span,
            section: entry.section,
            spec: entry.spec,
            table: entry.table,
            reading: None,
            columns: Vec::new(),
            keys: Vec::new(),
            primary_key: None,
            foreign_keys: Vec::new(),
            indexes: indexes::read_indexes(doc, entry.section),
            view: false,
            partial: false,
        };
        if let (Some(t), Some(ix)) = (table, entry.table) {
            if let Some(r) = roles.get(doc, ix, vocabulary) {
                read_table(t, &r, &mut e);
            }
        }
        let region = section.span;
        let heading = doc
            .headings
            .get(entry.section.0)
            .map_or("", |h| h.text.as_str());
        e.view = says_view(heading);
        for t in ddl.tables_for(name, region) {
            read_ddl(t, &mut e);
        }
        read_body(doc, region, table.map(|t| t.span), &mut e);
        engine_keys(&mut e);
        let aggregate = says_aggregate(heading) || says_aggregate(&e.name);
        e.primary_key = derive_primary_key(&e.keys, aggregate);
        out.push(e);
    }
    // Every foreign key resolved once, now that every entity is known.
    let index = EntityIndex::new(&out);
    let resolved: Vec<Vec<Resolved>> = out
        .iter()
        .map(|e| {
            e.foreign_keys
                .iter()
                .map(|fk| match index.resolve(doc, fk) {
                    Resolution::Resolved => Resolved::Yes,
                    Resolution::NoEntity => Resolved::NoEntity,
                    Resolution::NoColumn {
                        entity,
                        column,
                        certain,
                    } => Resolved::NoColumn {
                        entity: index.position(entity),
                        column,
                        certain,
                    },
                })
                .collect()
        })
        .collect();
    for (e, r) in out.iter_mut().zip(resolved) {
        for (fk, r) in e.foreign_keys.iter_mut().zip(r) {
            fk.resolved = r;
        }
    }
    out
}

/// Whether an entity name is a template placeholder such as `<table_name>`.
pub fn is_placeholder_name(name: &str) -> bool {
    text::is_placeholder_value(name)
}

/// A name reduced for comparison: each dotted segment without quotes,
/// brackets and backticks, case folded. `[dbo].[Orders]` → `dbo.orders`.
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, seg) in name.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        let s = seg
            .trim()
            .trim_matches(|c| matches!(c, '"' | '`' | '[' | ']' | '\''));
        out.push_str(&text::fold_case(s));
    }
    out
}

fn last_segment(n: &str) -> &str {
    n.rsplit('.').next().unwrap_or(n)
}

/// The entity `name` refers to: the same name (case-insensitive, quotes
/// ignored), else the same last segment of a schema-qualified name
/// (`public.orders` finds `orders`, `order_events` finds
/// `orders_audit.order_events`).
#[cfg(test)]
pub fn find_entity<'e>(entities: &'e [EntitySchema], name: &str) -> Option<&'e EntitySchema> {
    EntityIndex::new(entities).find(name)
}

/// How a reference's entity name matched an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameMatch {
    /// The same name, qualified or not the same way on both sides.
    Exact,
    /// Only the last segments agree (`public.orders` and `orders`).
    LastSegment,
    /// Only a loose form agrees: case, `_`, `-` and plurals aside
    /// (`ProductVariant` and `product_variants`, a model and its table).
    Loose,
}

/// A name in its loosest form: last segment, case-folded, without `_` and
/// `-`, singular. `product_variants` and `ProductVariant` → `productvariant`.
pub fn loose_name(name: &str) -> String {
    let n = normalize_name(name);
    let last = last_segment(&n).replace(['_', '-'], "");
    crate::notation::columns::singular(&last)
}

/// A name index over entities answering [`find_entity`]'s question in O(1).
pub struct EntityIndex<'e> {
    entities: &'e [EntitySchema],
    by_name: std::collections::HashMap<String, usize>,
    by_last: std::collections::HashMap<String, usize>,
    by_loose: std::collections::HashMap<String, usize>,
}

impl<'e> EntityIndex<'e> {
    pub fn new(entities: &'e [EntitySchema]) -> Self {
        let mut by_name = std::collections::HashMap::new();
        let mut by_last = std::collections::HashMap::new();
        let mut by_loose = std::collections::HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            let n = normalize_name(&e.name);
            by_last.entry(last_segment(&n).to_string()).or_insert(i);
            by_loose.entry(loose_name(&n)).or_insert(i);
            by_name.entry(n).or_insert(i);
        }
        // Aliases after every name: an entity's own name wins.
        for (i, e) in entities.iter().enumerate() {
            for a in &e.aliases {
                let n = normalize_name(a);
                by_last.entry(last_segment(&n).to_string()).or_insert(i);
                by_loose.entry(loose_name(&n)).or_insert(i);
                by_name.entry(n).or_insert(i);
            }
        }
        EntityIndex {
            entities,
            by_name,
            by_last,
            by_loose,
        }
    }

    /// The entity `name` refers to (see [`EntityIndex::find_match`]).
    #[cfg(test)]
    pub fn find(&self, name: &str) -> Option<&'e EntitySchema> {
        self.find_match(name).map(|(e, _)| e)
    }

    /// The entity and how its name matched.
    pub fn find_match(&self, name: &str) -> Option<(&'e EntitySchema, NameMatch)> {
        let n = normalize_name(name);
        if let Some(&i) = self.by_name.get(&n) {
            return Some((&self.entities[i], NameMatch::Exact));
        }
        let last = last_segment(&n);
        self.by_name
            .get(last)
            .or_else(|| self.by_last.get(&n))
            .or_else(|| self.by_last.get(last))
            .map(|&i| (&self.entities[i], NameMatch::LastSegment))
            .or_else(|| {
                // A model name and its table (`ProductVariant`, `product_variants`)
                // differ in case as well; `invoice` for `invoices` is a typo.
                let has_upper = |s: &str| s.chars().any(char::is_uppercase);
                self.by_loose
                    .get(&loose_name(&n))
                    .map(|&i| &self.entities[i])
                    .filter(|e| has_upper(name) != has_upper(&e.name))
                    .map(|e| (e, NameMatch::Loose))
            })
    }

    /// The index of an entity of this index (by address).
    pub fn position(&self, e: &EntitySchema) -> usize {
        self.entities
            .iter()
            .position(|x| std::ptr::eq(x, e))
            .unwrap_or(0)
    }

    /// The first entity with this name (case-insensitive), if any.
    pub fn first_named(&self, name: &str) -> Option<usize> {
        self.by_name.get(&normalize_name(name)).copied()
    }
}

/// Case-insensitive name equality (Unicode case folding, quotes ignored).
pub fn same_name(a: &str, b: &str) -> bool {
    normalize_name(a) == normalize_name(b)
}

/// What a foreign key's target resolves to in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution<'e> {
    /// Some reading names an entity of the document and columns it has (or
    /// its key, or an entity without a column table).
    Resolved,
    /// No reading names an entity of the document (it may live elsewhere).
    NoEntity,
    /// The entity is there but lacks a column. `certain` when nothing is
    /// guessed: one reading (`REFERENCES t(c)`), the entity named exactly, and
    /// its column table read with confidence and complete.
    NoColumn {
        entity: &'e EntitySchema,
        column: String,
        certain: bool,
    },
}

impl<'e> EntityIndex<'e> {
    /// Resolves a foreign key by every reading of its reference.
    pub fn resolve(&self, doc: &Document<'_>, fk: &ForeignKey) -> Resolution<'e> {
        let readings = fk.reference.readings();
        let mut missing: Option<Resolution<'e>> = None;
        for reading in &readings {
            let Some((target, how)) = self.find_match(&reading.entity) else {
                continue;
            };
            let absent = reading.columns.iter().find(|c| !has_column(target, c));
            match absent {
                None => return Resolution::Resolved,
                Some(col) => {
                    if missing.is_none() {
                        missing = Some(Resolution::NoColumn {
                            entity: target,
                            column: col.clone(),
                            certain: fk.reference.certain
                                && readings.len() == 1
                                && how == NameMatch::Exact
                                && target.columns_are_complete(doc),
                        });
                    }
                }
            }
        }
        missing.unwrap_or(Resolution::NoEntity)
    }
}

/// Whether `target` has column `name`: in its column table, its key, or
/// (without a column table) by default.
fn has_column(target: &EntitySchema, name: &str) -> bool {
    if target.columns.is_empty() || target.column(name).is_some() {
        return true;
    }
    let n = normalize_name(name);
    target
        .keys
        .iter()
        .flat_map(|k| &k.columns)
        .any(|c| normalize_name(c) == n)
        || n == "_id"
}

#[cfg(test)]
mod tests;
