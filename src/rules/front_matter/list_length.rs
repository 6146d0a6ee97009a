//! `FM013` list-length: A list field has too few or too many items.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "FM013",
    name: "list-length",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "A list field has too few or too many items.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
