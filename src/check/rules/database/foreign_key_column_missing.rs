//! `DB006` foreign-key-column-missing: a foreign key names a column its target entity does not have.

use crate::diagnostic::{Related, Severity};
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::schema::Resolved;
use crate::spec_type::Semantics;
use crate::text::closest;

/// ## What it does
/// Checks foreign keys written without any guess, `REFERENCES orders(id)`
/// or `FK → orders(id)` (the columns in parentheses), whose entity is in the
/// Entity Inventory under exactly that name: the referenced columns must be
/// columns of that entity's column table.
///
/// **Certain**: it fires only when the reference has a single reading, the
/// target is named exactly, and the target's column table was read with
/// confidence and lists every column (no `...` row, no "other columns
/// omitted"). Every other unresolved reference is `unresolved-foreign-key`,
/// a warning.
///
/// Runs only for spec types with `semantics: [database-schema]`.
///
/// ## Why is this bad?
/// The document contradicts itself: one entity points at a column another
/// entity of the same document does not have. Migrations written from it
/// fail, and readers cannot tell which side is right.
///
/// ## Example
/// ```markdown
/// ### `orders`
/// | Column | Type | Constraints |
/// | --- | --- | --- |
/// | id | uuid | PRIMARY KEY |
///
/// ### `order_items`
/// | Column | Type | Constraints |
/// | --- | --- | --- |
/// | order_id | uuid | REFERENCES orders(order_id) |
/// ```
///
/// Use instead:
/// ```markdown
/// | order_id | uuid | REFERENCES orders(id) |
/// ```
///
/// ## Fix safety
/// There is no fix: a close column name is suggested in the help.
pub static META: RuleMeta = RuleMeta {
    code: "DB006",
    name: "foreign-key-column-missing",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::None,
    summary: "A foreign key names a column that its target entity does not have.",
    needs_spec: true,
};

struct ForeignKeyColumnMissing<'a> {
    target: String,
    entity: &'a str,
    column: String,
    suggestion: Option<&'a str>,
}

impl Violation for ForeignKeyColumnMissing<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!(
            "foreign key `{}` names column `{}`, which entity `{}` does not have",
            self.target, self.column, self.entity
        )
    }
    fn help(&self) -> Option<String> {
        self.suggestion.map(|s| format!("did you mean `{s}`?"))
    }
}

pub fn check(c: &mut Checker<'_>) {
    if !c.spec.semantics.contains(&Semantics::DatabaseSchema) {
        return;
    }
    let entities = c.schema;
    for e in entities {
        for fk in &e.foreign_keys {
            let Resolved::NoColumn {
                entity,
                column,
                certain: true,
            } = &fk.resolved
            else {
                continue;
            };
            let Some(entity) = entities.get(*entity) else {
                continue;
            };
            let column = column.clone();
            let v = ForeignKeyColumnMissing {
                target: fk.target(),
                entity: &entity.name,
                suggestion: closest(&column, entity.columns.iter().map(|x| x.name.as_str())),
                column,
            };
            if let Some(d) = c.report(v, fk.span) {
                d.related.push(Related {
                    span: entity.name_span,
                    message: format!("`{}` is defined here", entity.name),
                    path: None,
                });
            }
        }
    }
}
