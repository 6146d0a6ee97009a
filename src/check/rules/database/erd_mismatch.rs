//! `DB005` erd-mismatch: the Mermaid `erDiagram` and the Entity Inventory disagree.

use crate::diagnostic::Severity;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::schema::{self, EntitySchema};
use crate::spec_type::Semantics;
use crate::text::closest;

/// ## What it does
/// When the document has a Mermaid `erDiagram` (a ```` ```mermaid ```` block
/// whose first line is `erDiagram`), checks that every entity of the diagram
/// is described in the Entity Inventory; an entity it does not describe is
/// reported in the diagram. Names are compared case-insensitively, without
/// `-`, `_`, quotes or brackets, singular and plural alike (`ProductVariant`
/// matches `product_variants`), and a schema-qualified inventory name
/// (`[dbo].[Clinic]`, `orders_audit.order_events`) matches its last segment.
/// Entities of several diagrams are pooled. A diagram may show only some of
/// the entities: an entity missing from it is not reported.
///
/// **Heuristic**: diagrams use display names, so this is a warning.
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
        })
    }
}

/// A name reduced for comparison: its last segment without quotes and
/// brackets, case-folded, `-` and `_` dropped, singular.
fn key(name: &str) -> String {
    let n = schema::normalize_name(name);
    let last = n.rsplit('.').next().unwrap_or(&n).replace(['-', '_'], "");
    crate::notation::columns::singular(&last)
}

fn matches(erd: &str, entity: &EntitySchema) -> bool {
    key(&entity.name) == key(erd)
}

pub fn check(c: &mut Checker<'_>) {
    if !c.spec.semantics.contains(&Semantics::DatabaseSchema) {
        return;
    }
    let erd = schema::mermaid_entities(c.doc);
    if erd.is_empty() {
        return;
    }
    let entities = c.schema;
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
}
