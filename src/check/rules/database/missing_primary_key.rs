//! `DB002` missing-primary-key: an entity declares no primary key.

use crate::diagnostic::Severity;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::schema::ReadConfidence;
use crate::spec_type::Semantics;

/// ## What it does
/// Checks that every entity of the Entity Inventory declares what identifies
/// its rows, wherever its engine declares it: `PRIMARY KEY`, `PK`, `PK (1/2)`
/// or an identity marker in any cell of a column's row (a `Keys`, `PK/FK`,
/// constraints or notes column); a bullet such as "Primary key: (a, b)";
/// `PRIMARY KEY (a, b)` in DDL or an Indexes bullet; a partition key with
/// sort or clustering columns; an `ORDER BY`/`CLUSTER BY` key; a logical key
/// "not enforced"; `_id` in a document store, listed or not (a MongoDB
/// collection, known by its BSON types or `db.<name>.createIndex`, always
/// has one); the keys of a key-value key space (a `Key pattern` column).
/// Views are exempt.
///
/// Runs only for spec types with `semantics: [database-schema]`.
///
/// **Heuristic**: it reports a key it did not find, which may be declared in
/// a way speclint does not read, so it is a warning by default. An entity
/// whose column table could not be read is reported once by
/// `unreadable-column-table` instead.
///
/// ## Why is this bad?
/// Without a declared key, readers cannot tell how rows are identified,
/// foreign keys have nothing to point at, and replication and CDC tooling
/// (logical replication, Debezium) cannot address updates and deletes.
///
/// ## Example
/// ```markdown
/// ### `order_items`
/// | Column | Type | Nullable | Default | Constraints |
/// | ------ | ---- | -------- | ------- | ----------- |
/// | id | uuid | no | gen_random_uuid() | NOT NULL |
/// ```
///
/// Use instead:
/// ```markdown
/// ### `order_items`
/// | Column | Type | Nullable | Default | Constraints |
/// | ------ | ---- | -------- | ------- | ----------- |
/// | id | uuid | no | gen_random_uuid() | PRIMARY KEY |
/// ```
///
/// ## Fix safety
/// There is no fix: only the author knows which columns identify a row.
pub static META: RuleMeta = RuleMeta {
    code: "DB002",
    name: "missing-primary-key",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::None,
    summary: "An entity declares no primary key.",
    needs_spec: true,
};

struct MissingPrimaryKey<'a> {
    entity: &'a str,
    /// Whether the entity has a constraints column to mark the key in.
    has_constraints: bool,
    /// A column that looks like the key (`id`), if any.
    candidate: Option<&'a str>,
}

impl Violation for MissingPrimaryKey<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!("entity `{}` declares no primary key", self.entity)
    }
    fn help(&self) -> Option<String> {
        Some(match (self.has_constraints, self.candidate) {
            (true, Some(col)) => format!("if `{col}` identifies a row, write `PRIMARY KEY` in its constraints cell"),
            (true, None) => "write `PRIMARY KEY` in the constraints cell of the key column".to_string(),
            (false, _) => "declare the key in the column table's constraints, or add a line such as \"Primary key: `id`\"".to_string(),
        })
    }
}

pub fn check(c: &mut Checker<'_>) {
    if !c.spec.semantics.contains(&Semantics::DatabaseSchema) {
        return;
    }
    for e in c.schema {
        // A view needs no key, and a column table that could not be read is
        // reported once by `unreadable-column-table`, not again here.
        // A MongoDB collection has its `_id` whether or not the spec lists
        // it, and a key space is keyed by its keys.
        if e.primary_key.is_some()
            || e.view
            || e.has_implicit_key(c.doc)
            || e.reading
                .as_ref()
                .is_some_and(|r| r.confidence == ReadConfidence::Unclear)
        {
            continue;
        }
        let has_constraints = e.columns.iter().any(|col| col.constraints_span.is_some());
        let candidate = e
            .columns
            .iter()
            .find(|col| {
                col.name.eq_ignore_ascii_case("id")
                    || col.name.eq_ignore_ascii_case(&format!("{}_id", e.name))
            })
            .map(|col| col.name.as_str());
        let v = MissingPrimaryKey {
            entity: &e.name,
            has_constraints,
            candidate,
        };
        c.report(v, e.name_span);
    }
}
