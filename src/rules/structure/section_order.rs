//! `ST002` section-out-of-order: A section is not in the spec type's order.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "ST002",
    name: "section-out-of-order",
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "A section is not in the spec type's order.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
