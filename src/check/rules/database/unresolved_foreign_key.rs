//! `DB003` unresolved-foreign-key: a foreign key names an entity or column the document does not define.

use crate::diagnostic::Severity;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::schema::Resolved;
use crate::spec_type::Semantics;
use crate::text::{closest, code_list};

/// ## What it does
/// Checks that every foreign key (read by the reference grammar from
/// constraints, keys and reference cells, DDL and bullets: `REFERENCES
/// orders(id)`, `FK → orders.id`, `fk_x → Account(AccountId)`,
/// `ref → brands._id`...) names an entity of the Entity Inventory and a
/// column of it. Names match case-insensitively and without quotes or
/// brackets; a schema-qualified target (`public.orders`) matches an entity
/// named by its last segment; a dotted target (`dim_store.store_key`) may
/// name a column of `dim_store` or a table of schema `dim_store`, and
/// resolves when either does. A target entity without a column table is
/// checked by name only.
///
/// Runs only for spec types with `semantics: [database-schema]`.
///
/// A reference whose cell or line says the target lives elsewhere ("outside
/// this schema", "owned by the Accounts service", "external") is not checked.
///
/// **Heuristic**: the target may live in another system, or the reference
/// may be read in a way its author did not mean, so this is a warning. A
/// reference that is certainly wrong, to a column the document's own entity
/// does not have, is `foreign-key-column-missing`, an error.
///
/// ## Why is this bad?
/// A reference to a table or column the spec does not define is either a typo
/// or a dependency on data this schema does not own; migrations written from
/// the spec fail, and cross-service references hide coupling that should be
/// documented as a logical reference instead.
///
/// ## Example
/// ```markdown
/// | customer_id | uuid | no | — | FK → custmers.id |
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
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
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
        column: String,
        known: Vec<&'a str>,
    },
}

struct UnresolvedForeignKey<'a> {
    target: String,
    /// The key is written dotted (`schema.table`, `table.column`).
    dotted: bool,
    entity: &'a str,
    problem: Problem<'a>,
}

impl Violation for UnresolvedForeignKey<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        match &self.problem {
            // `FK → billing.accounts`: `billing` may be the entity or its
            // schema; the key is shown as written, since neither resolves.
            Problem::NoEntity { .. } if self.dotted => format!(
                "foreign key `{}` names no entity of the Entity Inventory",
                self.target
            ),
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
            } => (column.as_str(), known, format!("`{entity}` has columns")),
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
    let entities = c.schema;
    for e in entities {
        for fk in &e.foreign_keys {
            let problem = match &fk.resolved {
                Resolved::Yes | Resolved::NoColumn { certain: true, .. } => continue,
                Resolved::NoEntity => Problem::NoEntity {
                    known: entities.iter().map(|x| x.name.as_str()).collect(),
                },
                Resolved::NoColumn { entity, column, .. } => {
                    let Some(entity) = entities.get(*entity) else {
                        continue;
                    };
                    Problem::NoColumn {
                        entity: &entity.name,
                        column: column.clone(),
                        known: entity.columns.iter().map(|x| x.name.as_str()).collect(),
                    }
                }
            };
            // A row or line that says the target lives elsewhere is not checked.
            if fk.is_external(c.doc.text) {
                continue;
            }
            let dotted = fk.reference.form == crate::notation::refs::Form::Dotted;
            let v = UnresolvedForeignKey {
                target: if dotted {
                    fk.reference.segments.join(".")
                } else {
                    fk.target()
                },
                dotted,
                entity: &fk.target_entity,
                problem,
            };
            c.report(v, fk.span);
        }
    }
}
