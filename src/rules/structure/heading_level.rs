//! `ST005` wrong-heading-level: A section heading has the wrong level.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "ST005",
    name: "wrong-heading-level",
    severity: Severity::Warning,
    fix: FixAvailability::Always,
    summary: "A section heading has the wrong level.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
