//! `FM010` list-item-not-allowed: A list field has an item that is not allowed.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "FM010",
    name: "list-item-not-allowed",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "A list field has an item that is not allowed.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
