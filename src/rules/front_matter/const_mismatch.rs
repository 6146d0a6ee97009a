//! `FM011` const-mismatch: A field with a fixed value has another value.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "FM011",
    name: "const-mismatch",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "A field with a fixed value has another value.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
