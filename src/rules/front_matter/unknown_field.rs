//! `FM006` unknown-field: A front matter field the spec type does not declare.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "FM006",
    name: "unknown-field",
    severity: Severity::Warning,
    fix: FixAvailability::Sometimes,
    summary: "A front matter field the spec type does not declare.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
