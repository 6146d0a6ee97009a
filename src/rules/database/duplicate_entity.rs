//! `DB004` duplicate-entity: An entity is defined twice.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "DB004",
    name: "duplicate-entity",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "An entity is defined twice.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
