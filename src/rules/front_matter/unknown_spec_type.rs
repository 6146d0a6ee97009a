//! `FM014` unknown-spec-type: `spec_type` names no known spec type.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "FM014",
    name: "unknown-spec-type",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "`spec_type` names no known spec type.",
    needs_spec: false,
};

pub fn check(_c: &mut Checker<'_>) {}
