//! `DB001` no-entities: The Entity Inventory has no entity.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "DB001",
    name: "no-entities",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "The Entity Inventory has no entity.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
