//! `DB003` unresolved-foreign-key: a foreign key names an entity or column the document does not define.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta, Violation};
use crate::schema::{self, EntitySchema};
use crate::spec_type::Semantics;
use crate::text::{closest, code_list};

/// ## What it does
/// Checks that every foreign key written in a constraints cell
/// (`REFERENCES orders(id)`, `FK → orders.id`, `references orders.id`, ...)
/// names an entity of the Entity Inventory and a column of that entity's
/// column table. Entity names match case-insensitively, and a
/// schema-qualified target (`public.orders`) matches an entity named by its
/// last segment. When the target entity has no column table, only the entity
/// is checked.
///
/// Runs only for spec types with `semantics: [database-schema]`.
///
/// ## Why is this bad?
/// A reference to a table or column the spec does not define is either a typo
/// or a dependency on data this schema does not own; migrations written from
/// the spec fail, and cross-service references hide coupling that should be
/// documented as a logical reference instead.
///
/// ## Example
/// ```markdown
/// | customer_id | uuid | no | — | FK → customers.uuid |
/// ```
///
/// Use instead:
/// ```markdown
/// | customer_id | uuid | no | — | FK → customers.id |
/// ```
///
/// ## Fix safety
/// There is no fix: a close match is suggested in the help, but the author
/// must decide whether the reference or the inventory is wrong.
pub static META: RuleMeta = RuleMeta {
    code: "DB003",
    name: "unresolved-foreign-key",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "A foreign key names an entity or column the document does not define.",
    needs_spec: true,
};

/// At most this many names are listed in a help.
const MAX_LISTED: usize = 8;

enum Problem<'a> {
    /// The target entity is not in the inventory; the entities it has.
    NoEntity { known: Vec<&'a str> },
    /// The target entity lacks the column; the columns it has.
    NoColumn {
        entity: &'a str,
        column: &'a str,
        known: Vec<&'a str>,
    },
}

struct UnresolvedForeignKey<'a> {
    target: String,
    entity: &'a str,
    problem: Problem<'a>,
}

impl Violation for UnresolvedForeignKey<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        match &self.problem {
            Problem::NoEntity { .. } => format!(
                "foreign key `{}` names entity `{}`, which is not in the Entity Inventory",
                self.target, self.entity
            ),
            Problem::NoColumn { entity, column, .. } => {
                format!(
                    "foreign key `{}` names entity `{entity}`, which has no column `{column}`",
                    self.target
                )
            }
        }
    }
    fn help(&self) -> Option<String> {
        let (wrong, known, what) = match &self.problem {
            Problem::NoEntity { known } => (
                self.entity,
                known,
                "the Entity Inventory defines".to_string(),
            ),
            Problem::NoColumn {
                entity,
                column,
                known,
            } => (*column, known, format!("`{entity}` has columns")),
        };
        if let Some(near) = closest(wrong, known.iter().copied()) {
            return Some(format!("did you mean `{near}`?"));
        }
        if known.is_empty() {
            return None;
        }
        let listed = code_list(&known[..known.len().min(MAX_LISTED)]);
        let more = if known.len() > MAX_LISTED {
            ", ..."
        } else {
            ""
        };
        Some(format!("{what} {listed}{more}"))
    }
}

pub fn check(c: &mut Checker<'_>) {
    if !c.spec.semantics.contains(&Semantics::DatabaseSchema) {
        return;
    }
    let analysis = c.analysis;
    let entities = &analysis.schema;
    let index = schema::EntityIndex::new(entities);
    for e in entities {
        for fk in &e.foreign_keys {
            let problem = match index.find(&fk.target_entity) {
                None => Problem::NoEntity {
                    known: entities.iter().map(|x| x.name.as_str()).collect(),
                },
                Some(target) => match missing_column(target, &fk.target_columns) {
                    Some(column) => Problem::NoColumn {
                        entity: &target.name,
                        column,
                        known: target.columns.iter().map(|x| x.name.as_str()).collect(),
                    },
                    None => continue,
                },
            };
            let v = UnresolvedForeignKey {
                target: fk.target(),
                entity: &fk.target_entity,
                problem,
            };
            c.report(v, fk.span);
        }
    }
}

/// The first of `columns` that `target` does not have (never when it has no column table).
fn missing_column<'c>(target: &EntitySchema, columns: &'c [String]) -> Option<&'c str> {
    if target.columns.is_empty() {
        return None;
    }
    columns
        .iter()
        .find(|c| target.column(c).is_none())
        .map(String::as_str)
}
