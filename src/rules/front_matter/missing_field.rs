//! `FM005` missing-field: A required front matter field is missing.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "FM005",
    name: "missing-field",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "A required front matter field is missing.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
