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

mod indexes;
mod mermaid;

use serde::Serialize;

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
use crate::document::{Document, Table};
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
    /// Where the name is written in the heading.
    pub name_span: Span,
    /// The entity's subsection, as an index into `doc.sections` (and `doc.headings`).
    pub section: usize,
    /// The spec section holding the entity (an index into `spec.sections`).
    pub spec: usize,
    /// The column table, as an index into `doc.tables`.
    pub table: Option<usize>,
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
                .get(self.section)
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
        let Some(section) = doc.sections.get(entry.section) else {
            continue;
        };
        let _ = entries_spec(spec, entry.spec);
        let table = entry.table.and_then(|t| doc.tables.get(t));
        let mut e = EntitySchema {
            name: name.to_string(),
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
            .get(entry.section)
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

// ---------------------------------------------------------------------------
// Column tables

fn read_table(table: &Table, roles: &columns::ColumnRoles, e: &mut EntitySchema) {
    let headers: Vec<&str> = table.header.cells.iter().map(|c| c.text.as_str()).collect();
    let confidence = match roles.confidence() {
        Confidence::Clear => ReadConfidence::Clear,
        Confidence::NoType => ReadConfidence::NoType,
        Confidence::Unclear => ReadConfidence::Unclear,
    };
    // What was and was not understood is said only for an unclear table.
    let unclear = confidence == ReadConfidence::Unclear;
    e.reading = Some(TableReading {
        confidence,
        found: if unclear {
            roles.describe_found(&headers)
        } else {
            Vec::new()
        },
        unknown: roles
            .unknown
            .iter()
            .filter(|_| unclear)
            .filter_map(|&i| headers.get(i))
            .map(|h| h.trim().to_string())
            .collect(),
        name_by_position: roles.name_by_position,
        header: table.header.span,
    });
    let name_ix = roles.name.unwrap_or(0);
    // What each column's cells mean for key markers, read once per table.
    let contexts: Vec<CellContext> = (0..headers.len())
        .map(|ix| {
            cell_context(
                &headers,
                ix,
                roles.cells.get(ix).map_or(&[][..], Vec::as_slice),
            )
        })
        .collect();

    let cons_ix = roles.constraints.first().or(roles.keys.first()).copied();
    for row in &table.rows {
        let cell = |ix: Option<usize>| ix.and_then(|i| row.cells.get(i));
        let Some(name_cell) = row.cells.get(name_ix) else {
            continue;
        };
        let name = column_name(&name_cell.text);
        if name.is_empty() {
            continue;
        }
        if is_ellipsis(&name) {
            e.partial = true;
            continue;
        }
        let (type_cell, null_cell, default_cell, cons_cell) = (
            cell(roles.type_),
            cell(roles.nullable.map(|(i, _)| i)),
            cell(roles.default),
            cell(cons_ix),
        );
        let inverted = roles.nullable.is_some_and(|(_, inv)| inv);
        let mut col = ColumnSchema {
            name: name.to_string(),
            data_type: type_cell
                .map(|c| unwrap_markup(&c.text).to_string())
                .unwrap_or_default(),
            nullable: null_cell.and_then(|c| columns::read_nullable(&c.text, inverted)),
            default: default_cell.and_then(|c| parse_default(&c.text)),
            constraints: cons_cell
                .map(|c| c.text.trim().to_string())
                .unwrap_or_default(),
            keys: Vec::new(),
            row_span: row.span,
            name_span: name_cell.span,
            type_span: type_cell.map(|c| c.span),
            nullable_span: null_cell.map(|c| c.span),
            default_span: default_cell.map(|c| c.span),
            constraints_span: cons_cell.map(|c| c.span),
        };
        // Every cell of the row but the name may declare keys and references;
        // a row with no marker at all (most rows) is not read cell by cell.
        let mut ordinal = None;
        let mut first_key_cell: Option<Span> = None;
        for (ix, c) in row.cells.iter().enumerate() {
            // Names, nullability and defaults declare no keys or references.
            if ix == name_ix
                || Some(ix) == roles.nullable.map(|(n, _)| n)
                || Some(ix) == roles.default
                || c.text.trim().is_empty()
            {
                continue;
            }
            let cell_roles = roles.cells.get(ix).map_or(&[][..], Vec::as_slice);
            let ctx = contexts.get(ix).copied().unwrap_or_default();
            // One pre-check for both readers: most cells hold neither a key nor a reference.
            let may = keys::may_mark(&c.text);
            if !may
                && matches!(ctx, CellContext::Text | CellContext::TypeColumn)
                && !cell_roles.contains(&Role::References)
            {
                continue;
            }
            let marks = keys::cell_marks_unchecked(&c.text, ctx);
            for k in &marks.kinds {
                if !col.keys.contains(k) {
                    col.keys.push(*k);
                }
            }
            if !marks.kinds.is_empty() && first_key_cell.is_none() {
                first_key_cell = Some(c.span);
            }
            if ordinal.is_none() {
                ordinal = marks.ordinal;
            }
            let reads_refs = cell_roles.iter().any(|r| {
                matches!(
                    r,
                    Role::Keys | Role::Constraints | Role::References | Role::Notes
                )
            }) || cell_roles.is_empty();
            if reads_refs && (cell_roles.contains(&Role::References) || may) {
                let is_refs_column =
                    cell_roles.contains(&Role::References) && !cell_roles.contains(&Role::Keys);
                let ctx = refs::Context {
                    bare_arrow: cell_roles
                        .iter()
                        .any(|r| matches!(r, Role::Keys | Role::Constraints | Role::References)),
                    whole: is_refs_column,
                };
                for r in refs::parse(&c.text, ctx).references {
                    push_foreign_key_in(
                        e,
                        &col.name,
                        r,
                        c.span.start,
                        KeySource::Constraints,
                        row.span,
                    );
                }
            }
        }
        if let Some(span) = first_key_cell {
            for k in &col.keys {
                if *k != KeyKind::Foreign {
                    e.keys.push(KeyFact {
                        kind: *k,
                        columns: vec![col.name.clone()],
                        source: KeySource::Constraints,
                        span,
                        ordinal,
                    });
                }
            }
        }
        e.columns.push(col);
    }
}

/// What a cell's column means for key markers.
fn cell_context(headers: &[&str], ix: usize, roles: &[Role]) -> CellContext {
    let words = headers
        .get(ix)
        .map(|h| columns::header_words(h))
        .unwrap_or_default();
    if words == ["pk"] || words == ["primary", "key"] || words == ["primary"] {
        CellContext::PrimaryColumn
    } else if roles.contains(&Role::Keys) {
        CellContext::KeysColumn
    } else if roles.contains(&Role::Type) {
        CellContext::TypeColumn
    } else {
        CellContext::Text
    }
}

/// A name cell as a column name: markup removed, a trailing note dropped
/// (`id (PK)` → `id`, `` `_id` *(document id)* `` → `_id`).
fn column_name(cell: &str) -> String {
    let t = unwrap_markup(cell);
    let t = if t.starts_with('`') {
        t.trim_start_matches('`').split('`').next().unwrap_or("")
    } else {
        t
    };
    let t = match t.find([' ', '(']) {
        Some(i)
            if !t[..i].is_empty() && t[..i].chars().any(|c| c.is_alphanumeric() || c == '_') =>
        {
            &t[..i]
        }
        _ => t,
    };
    unwrap_markup(t).trim_matches('"').to_string()
}

fn is_ellipsis(name: &str) -> bool {
    let t = name.trim();
    t == "..." || t == "…" || t.chars().all(|c| c == '.' || c == '…') && !t.is_empty()
}

/// Whether the entity's heading says it is a view.
fn says_view(heading: &str) -> bool {
    let w = columns::header_words(heading);
    w.iter().any(|x| x == "view" || x == "stream")
        || w.windows(2).any(|p| p == ["continuous", "aggregate"])
}

/// Whether the entity's text says its column table is not complete.
fn says_partial(doc: &Document<'_>, region: Span) -> bool {
    let (_, paragraphs) = indexes::within(&doc.paragraphs, |p| p.span, region);
    let (_, items) = indexes::within(&doc.list_items, |p| p.span, region);
    paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .chain(items.iter().map(|i| i.text.as_str()))
        .any(|t| {
            [
                "other columns",
                "columns omitted",
                "remaining columns",
                "selected columns",
                "key columns only",
                "abridged",
                "not exhaustive",
                "partial list",
            ]
            .iter()
            .any(|p| contains_ignore_ascii_case(t, p))
        })
}

/// Whether a cell or line says a reference's target lives outside the document.
/// Whether `hay` contains `needle` (ASCII lowercase), ignoring ASCII case, without allocating.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), h)
        .any(|i| h.len() - i >= n.len() && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn says_external(context: &str) -> bool {
    let l = context;
    [
        "outside this",
        "external",
        "another system",
        "other system",
        "another service",
        "other service",
        "another database",
        "another spec",
        "not in this",
        "lives in",
        "owned by",
        "cross-service",
        "cross service",
        "remote",
    ]
    .iter()
    .any(|p| contains_ignore_ascii_case(l, p))
}

fn push_foreign_key(
    e: &mut EntitySchema,
    column: &str,
    r: Reference,
    base: usize,
    source: KeySource,
) {
    let span = Span::new(r.start + base, r.end + base);
    push_foreign_key_in(e, column, r, base, source, span);
}

fn push_foreign_key_in(
    e: &mut EntitySchema,
    column: &str,
    mut r: Reference,
    base: usize,
    source: KeySource,
    context: Span,
) {
    r.start += base;
    r.end += base;
    let first = r.readings().into_iter().next();
    let Some(first) = first else { return };
    let column = if column.is_empty() {
        r.local.first().cloned().unwrap_or_default()
    } else {
        column.to_string()
    };
    // The same reference read twice (a keys cell and a notes cell) is kept once.
    if e.foreign_keys.iter().any(|f| {
        f.column == column
            && normalize_name(&f.target_entity) == normalize_name(&first.entity)
            && f.target_columns == first.columns
    }) {
        return;
    }
    e.foreign_keys.push(ForeignKey {
        column,
        target_entity: first.entity,
        target_columns: first.columns,
        span: Span::new(r.start, r.end),
        source,
        context,
        reference: r,
        resolved: Resolved::Yes,
    });
}

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
// DDL

/// The DDL tables of a document's code blocks, by normalized name.
struct DdlIndex {
    tables: Vec<(DdlTable, Span)>,
}

/// Code block languages that may hold DDL.
fn may_hold_ddl(language: &str) -> bool {
    matches!(
        language,
        "" | "sql"
            | "ddl"
            | "cql"
            | "psql"
            | "pgsql"
            | "postgres"
            | "postgresql"
            | "mysql"
            | "tsql"
            | "t-sql"
            | "plsql"
            | "sqlite"
            | "clickhouse"
            | "bigquery"
            | "snowflake"
            | "hql"
            | "hive"
            | "sparksql"
            | "spark-sql"
            | "databricks"
            | "redshift"
            | "spanner"
            | "ksql"
            | "ksqldb"
            | "prisma"
            | "oracle"
            | "mssql"
            | "mariadb"
            | "cockroach"
            | "cockroachdb"
            | "duckdb"
            | "trino"
            | "presto"
            | "athena"
            | "scylla"
            | "cassandra"
    )
}

impl DdlIndex {
    fn new(doc: &Document<'_>) -> DdlIndex {
        let mut tables = Vec::new();
        for b in &doc.code_blocks {
            let lang = b.language();
            if !may_hold_ddl(&lang) {
                continue;
            }
            let code = b.content.text(doc.text);
            // Cheap pre-check: most blocks hold no DDL at all.
            let lower = code.to_ascii_lowercase();
            if !(lower.contains("create")
                || lower.contains("alter")
                || lang == "prisma"
                || lower.contains("model "))
            {
                continue;
            }
            for mut t in ddl::read(code, &lang) {
                let base = b.content.start;
                for (_, r) in &mut t.references {
                    r.start += base;
                    r.end += base;
                }
                let span = Span::new(base + t.name_start, base + t.name_end);
                tables.push((t, span));
            }
        }
        DdlIndex { tables }
    }

    /// DDL tables naming `entity`: the same name, or the same last segment.
    fn tables_for<'s>(
        &'s self,
        entity: &str,
        _region: Span,
    ) -> impl Iterator<Item = &'s (DdlTable, Span)> + 's {
        let n = normalize_name(entity);
        let last = last_segment(&n).to_string();
        self.tables.iter().filter(move |(t, _)| {
            let tn = normalize_name(&t.name.join("."));
            tn == n || last_segment(&tn) == last
        })
    }
}

fn read_ddl((t, span): &(DdlTable, Span), e: &mut EntitySchema) {
    e.view |= t.view;
    for (kind, cols) in &t.keys {
        e.keys.push(KeyFact {
            kind: *kind,
            columns: cols.clone(),
            source: KeySource::Ddl,
            span: *span,
            ordinal: None,
        });
    }
    for (local, r) in &t.references {
        let column = local.first().cloned().unwrap_or_default();
        push_foreign_key(e, &column, r.clone(), 0, KeySource::Ddl);
    }
    if e.columns.is_empty() && !t.columns.is_empty() {
        e.columns = t
            .columns
            .iter()
            .map(|c| ColumnSchema {
                name: c.name.clone(),
                data_type: c.data_type.clone(),
                nullable: Some(!c.not_null),
                default: None,
                constraints: String::new(),
                keys: Vec::new(),
                row_span: *span,
                name_span: *span,
                type_span: None,
                nullable_span: None,
                default_span: None,
                constraints_span: None,
            })
            .collect();
    }
}

// ---------------------------------------------------------------------------
// Bullets and paragraphs

fn read_body(doc: &Document<'_>, region: Span, table: Option<Span>, e: &mut EntitySchema) {
    let (_, paragraphs) = indexes::within(&doc.paragraphs, |p| p.span, region);
    let (_, items) = indexes::within(&doc.list_items, |i| i.span, region);
    // A paragraph is read whole; a list item by its first paragraph (its
    // span covers its nested items, which are read on their own).
    let mut blocks: Vec<(Span, &str)> = paragraphs
        .iter()
        .map(|p| (p.span, p.span.text(doc.text)))
        .chain(items.iter().map(|i| {
            let raw = i.span.text(doc.text);
            let first = raw.split("\n\n").next().unwrap_or(raw);
            let first = match first.find("\n") {
                Some(nl) if first[nl..].trim_start().starts_with(['-', '*', '+']) => &first[..nl],
                _ => first,
            };
            (i.span, first)
        }))
        .filter(|(s, _)| region.contains_span(*s) && !table.is_some_and(|t| t.contains_span(*s)))
        .collect();
    blocks.sort_by_key(|(s, _)| *s);
    for (s, text) in blocks {
        if !keys::may_mark(text) {
            continue;
        }
        for d in keys::line_declaration(text) {
            e.keys.push(KeyFact {
                kind: d.kind,
                columns: d.columns,
                source: KeySource::Body,
                span: Span::new(s.start + d.start, s.start + d.end),
                ordinal: None,
            });
        }
        if !refs::may_reference(text) {
            continue;
        }
        let parsed = refs::parse(text, refs::Context::default());
        for r in parsed.references {
            let before = text.get(..r.start).unwrap_or("");
            let column = r
                .local
                .first()
                .cloned()
                .or_else(|| last_code_span(before))
                .unwrap_or_default();
            push_foreign_key_in(e, &column, r, s.start, KeySource::Body, s);
        }
    }
}

/// The last code span of a text (`` `team_id` → `` gives `team_id`).
fn last_code_span(s: &str) -> Option<String> {
    let end = s.rfind('`')?;
    let start = s[..end].rfind('`')?;
    let inner = s[start + 1..end].trim();
    (!inner.is_empty() && !inner.contains(' ')).then(|| inner.to_string())
}

// ---------------------------------------------------------------------------
// The primary key

/// `_id` in a document store: the engine's own key when no other is declared.
fn engine_keys(e: &mut EntitySchema) {
    if e.keys.iter().any(|k| k.kind.identifies()) {
        return;
    }
    if let Some(c) = e
        .columns
        .iter()
        .find(|c| c.name == "_id" || c.name == "id" && c.data_type.eq_ignore_ascii_case("objectid"))
    {
        e.keys.push(KeyFact {
            kind: KeyKind::Primary,
            columns: vec![c.name.clone()],
            source: KeySource::Engine,
            span: c.name_span,
            ordinal: None,
        });
    }
}

/// The primary key, in order of preference: primary key facts (cells
/// combined into a composite key in their `(n/m)` order), a partition key
/// with its sort or clustering columns, an `ORDER BY` key, a logical key,
/// an identity column, and for an aggregate table its `CLUSTER BY` key.
pub fn derive_primary_key(facts: &[KeyFact], aggregate: bool) -> Option<PrimaryKey> {
    let of = |kind: KeyKind| facts.iter().filter(move |f| f.kind == kind);
    let combine = |list: Vec<&KeyFact>, kind: KeyKind| -> Option<PrimaryKey> {
        let first = list.first()?;
        // Facts from the first source that has any; cells combine into one key.
        let source = first.source;
        let mut same: Vec<&&KeyFact> = list.iter().filter(|f| f.source == source).collect();
        // `PK (1/2)`, `PK (2/2)`: numbered parts first, in their order (a stable sort).
        same.sort_by_key(|f| f.ordinal.unwrap_or(u32::MAX));
        let mut columns: Vec<String> = Vec::new();
        for f in same {
            for c in &f.columns {
                if !columns.iter().any(|x| same_name(x, c)) {
                    columns.push(c.clone());
                }
            }
            if source != KeySource::Constraints {
                break;
            }
        }
        Some(PrimaryKey {
            columns,
            span: first.span,
            source,
            kind,
        })
    };
    let by_source = |kind: KeyKind| {
        let mut v: Vec<&KeyFact> = of(kind).collect();
        v.sort_by_key(|f| source_rank(f.source));
        v
    };
    if let Some(pk) = combine(by_source(KeyKind::Primary), KeyKind::Primary) {
        return Some(pk);
    }
    let partition = by_source(KeyKind::Partition);
    if let Some(mut pk) = combine(partition, KeyKind::Partition) {
        for kind in [KeyKind::Sort, KeyKind::Clustering] {
            for f in of(kind) {
                for c in &f.columns {
                    if !pk.columns.iter().any(|x| same_name(x, c)) {
                        pk.columns.push(c.clone());
                    }
                }
            }
        }
        return Some(pk);
    }
    for kind in [
        KeyKind::OrderBy,
        KeyKind::Logical,
        KeyKind::Clustering,
        KeyKind::Identity,
    ] {
        if let Some(pk) = combine(by_source(kind), kind) {
            return Some(pk);
        }
    }
    // `CLUSTER BY` orders storage; it keys only an aggregate table.
    if aggregate {
        return combine(by_source(KeyKind::ClusterBy), KeyKind::ClusterBy);
    }
    None
}

/// Whether a heading or name says the entity is an aggregate (`_agg`,
/// rollup, summary, materialized view): keyed by its grouping columns.
fn says_aggregate(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_ascii_lowercase)
        .any(|w| {
            matches!(
                w.as_str(),
                "agg"
                    | "aggregate"
                    | "aggregated"
                    | "aggregates"
                    | "rollup"
                    | "rollups"
                    | "summary"
                    | "summaries"
                    | "materialized"
                    | "mv"
            )
        })
}

fn source_rank(s: KeySource) -> u8 {
    match s {
        KeySource::Constraints => 0,
        KeySource::Ddl => 1,
        KeySource::Body => 2,
        KeySource::Engine => 3,
    }
}

/// Byte offsets of `word` in `lower` (already lowercased) at word boundaries.
pub(crate) fn find_words<'s>(lower: &'s str, word: &'s str) -> impl Iterator<Item = usize> + 's {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    lower.match_indices(word).map(|(i, _)| i).filter(move |&i| {
        let before = lower[..i].chars().next_back().is_none_or(|c| !is_ident(c));
        let after = lower[i + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !is_ident(c));
        before && after
    })
}

#[cfg(test)]
mod tests;
