//! `ST003` duplicate-section: A section appears twice.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "ST003",
    name: "duplicate-section",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "A section appears twice.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
