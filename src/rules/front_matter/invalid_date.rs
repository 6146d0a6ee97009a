//! `FM009` invalid-date: A date field is not a real `YYYY-MM-DD` calendar date.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "FM009",
    name: "invalid-date",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "A date field is not a real `YYYY-MM-DD` calendar date.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
