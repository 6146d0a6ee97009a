//! `FM012` placeholder-value: A front matter value is still a template placeholder.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "FM012",
    name: "placeholder-value",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "A front matter value is still a template placeholder.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
