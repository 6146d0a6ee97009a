//! `DB005` erd-mismatch: the Mermaid `erDiagram` and the Entity Inventory disagree.

use crate::diagnostic::Severity;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::schema::{self, EntitySchema};
use crate::spec_type::Semantics;
use crate::text::closest;

/// ## What it does
/// When the document has a Mermaid `erDiagram` (a ```` ```mermaid ```` block
/// whose first line is `erDiagram`), checks that its entities and the Entity
/// Inventory's are the same: an entity of the diagram that the inventory
/// does not describe is reported in the diagram, and an entity of the
/// inventory that no diagram shows is reported at its heading. Names are
/// compared case-insensitively, `-` and `_` alike, and a schema-qualified
/// inventory name (`orders_audit.order_events`) matches its last segment.
/// Entities of several diagrams are pooled.
///
/// Runs only for spec types with `semantics: [database-schema]`.
///
/// ## Why is this bad?
/// The diagram is what most readers look at first; when it shows a table the
/// inventory lacks (or hides one it has), one of the two is out of date.
///
/// ## Example
/// ````markdown
/// ```mermaid
/// erDiagram
///     customers ||--o{ orders : places
///     orders ||--o| shipments : "ships as"
/// ```
/// ````
/// with no `shipments` entity in the Entity Inventory.
///
/// Use instead:
/// ````markdown
/// ```mermaid
/// erDiagram
///     customers ||--o{ orders : places
/// ```
/// ````
/// with `customers` and `orders` (and no other entity) in the Entity Inventory.
///
/// ## Fix safety
/// There is no fix: only the author knows which side is current.
pub static META: RuleMeta = RuleMeta {
    code: "DB005",
    name: "erd-mismatch",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::None,
    summary: "The Mermaid `erDiagram` and the Entity Inventory disagree.",
    needs_spec: true,
};

enum ErdMismatch<'a> {
    /// An entity of the diagram is not in the inventory.
    NotInInventory {
        entity: &'a str,
        near: Option<&'a str>,
    },
    /// An entity of the inventory is not in any diagram.
    NotInDiagram { entity: &'a str },
}

impl Violation for ErdMismatch<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        match self {
            ErdMismatch::NotInInventory { entity, .. } => {
                format!(
                    "the `erDiagram` names entity `{entity}`, which is not in the Entity Inventory"
                )
            }
            ErdMismatch::NotInDiagram { entity } => {
                format!("entity `{entity}` is not in the `erDiagram`")
            }
        }
    }
    fn help(&self) -> Option<String> {
        Some(match self {
            ErdMismatch::NotInInventory { near: Some(n), .. } => format!("did you mean `{n}`?"),
            ErdMismatch::NotInInventory { entity, near: None } => {
                format!(
                    "describe `{entity}` in the Entity Inventory, or remove it from the diagram"
                )
            }
            ErdMismatch::NotInDiagram { entity } => {
                format!("add `{entity}` and its relationships to the diagram, or remove the entity")
            }
        })
    }
}

/// A name reduced for comparison: case-folded, `-` read as `_`.
fn key(name: &str) -> String {
    crate::text::fold_case(name).replace('-', "_")
}

fn matches(erd: &str, entity: &EntitySchema) -> bool {
    let e = key(&entity.name);
    let k = key(erd);
    e == k || e.rsplit('.').next() == Some(k.as_str())
}

pub fn check(c: &mut Checker<'_>) {
    if !c.spec.semantics.contains(&Semantics::DatabaseSchema) {
        return;
    }
    let erd = schema::mermaid_entities(c.doc);
    if erd.is_empty() {
        return;
    }
    let analysis = c.analysis;
    let entities = &analysis.schema;
    for (name, span) in &erd {
        if entities.iter().any(|e| matches(name, e)) {
            continue;
        }
        let unseen = entities
            .iter()
            .filter(|e| !erd.iter().any(|(n, _)| matches(n, e)))
            .map(|e| e.name.as_str());
        let near = closest(name, unseen);
        c.report(ErdMismatch::NotInInventory { entity: name, near }, *span);
    }
    for e in entities {
        if erd.iter().any(|(n, _)| matches(n, e)) {
            continue;
        }
        c.report(ErdMismatch::NotInDiagram { entity: &e.name }, e.name_span);
    }
}
