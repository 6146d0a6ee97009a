//! `TB002` missing-column: A table lacks a required column.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "TB002",
    name: "missing-column",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "A table lacks a required column.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
