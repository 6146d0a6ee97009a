//! `ST001` missing-section: A required section is missing.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "ST001",
    name: "missing-section",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "A required section is missing.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
