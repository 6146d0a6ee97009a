//! `ST007` near-miss-heading: A section title is close to, but not, the canonical title.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "ST007",
    name: "near-miss-heading",
    severity: Severity::Warning,
    fix: FixAvailability::Always,
    summary: "A section title is close to, but not, the canonical title.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
