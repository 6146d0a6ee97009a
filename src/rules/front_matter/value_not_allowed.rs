//! `FM008` value-not-allowed: An enum field has a value that is not allowed.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "FM008",
    name: "value-not-allowed",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "An enum field has a value that is not allowed.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
