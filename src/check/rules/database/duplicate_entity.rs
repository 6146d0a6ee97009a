//! `DB004` duplicate-entity: an entity is defined twice.

use crate::diagnostic::{Related, Severity};
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::schema;
use crate::spec_type::Semantics;

/// ## What it does
/// Checks that no entity of the Entity Inventory is described twice. Names
/// are compared case-insensitively (`Orders` and `orders` are the same table
/// to PostgreSQL and most other engines). The second heading is reported;
/// the first is attached as a related location.
///
/// Runs only for spec types with `semantics: [database-schema]`.
///
/// ## Why is this bad?
/// Two descriptions of one table drift apart: readers cannot tell which
/// column list is current, and exports hold the table twice.
///
/// ## Example
/// ```markdown
/// ### `orders`
/// | Column | Type | Nullable | Default | Constraints |
/// | ------ | ---- | -------- | ------- | ----------- |
/// | id | uuid | no | — | PRIMARY KEY |
///
/// ### `orders`
/// | Column | Type | Nullable | Default | Constraints |
/// | ------ | ---- | -------- | ------- | ----------- |
/// | id | uuid | no | — | PRIMARY KEY |
/// | status | text | no | 'pending' | NOT NULL |
/// ```
///
/// Use instead:
/// ```markdown
/// ### `orders`
/// | Column | Type | Nullable | Default | Constraints |
/// | ------ | ---- | -------- | ------- | ----------- |
/// | id | uuid | no | — | PRIMARY KEY |
/// | status | text | no | 'pending' | NOT NULL |
/// ```
///
/// ## Fix safety
/// There is no fix: merging two descriptions needs the author's judgement.
pub static META: RuleMeta = RuleMeta {
    code: "DB004",
    name: "duplicate-entity",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::None,
    summary: "An entity is defined twice.",
    needs_spec: true,
};

struct DuplicateEntity<'a> {
    entity: &'a str,
}

impl Violation for DuplicateEntity<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!("entity `{}` is defined twice", self.entity)
    }
    fn help(&self) -> Option<String> {
        Some("merge the two descriptions into one, or rename one of them".to_string())
    }
}

pub fn check(c: &mut Checker<'_>) {
    if !c.spec.semantics.contains(&Semantics::DatabaseSchema) {
        return;
    }
    let entities = c.schema;
    let index = schema::EntityIndex::new(entities);
    for (i, e) in entities.iter().enumerate() {
        let Some(first) = index
            .first_named(&e.name)
            .filter(|&f| f < i)
            .map(|f| &entities[f])
        else {
            continue;
        };
        let v = DuplicateEntity { entity: &e.name };
        if let Some(d) = c.report(v, e.name_span) {
            d.related.push(Related {
                span: first.name_span,
                message: "first defined here".to_string(),
                path: None,
            });
        }
    }
}
