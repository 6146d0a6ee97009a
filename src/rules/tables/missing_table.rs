//! `TB001` missing-table: A section or entry lacks its required table.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "TB001",
    name: "missing-table",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "A section or entry lacks its required table.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
