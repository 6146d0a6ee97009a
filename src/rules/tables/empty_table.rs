//! `TB004` empty-table: A required table has no rows.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "TB004",
    name: "empty-table",
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "A required table has no rows.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
