//! `ST004` empty-section: A section has a heading but no content.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "ST004",
    name: "empty-section",
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "A section has a heading but no content.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
