//! `CN001` missing-reference: A condition requires a reference (e.g. the spec replacing a deprecated one) that is missing.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "CN001",
    name: "missing-reference",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "A condition requires a reference (e.g. the spec replacing a deprecated one) that is missing.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
