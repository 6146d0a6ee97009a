//! `DB005` erd-mismatch: The Mermaid `erDiagram` and the Entity Inventory disagree.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "DB005",
    name: "erd-mismatch",
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "The Mermaid `erDiagram` and the Entity Inventory disagree.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
