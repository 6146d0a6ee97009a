//! `ST006` unknown-section: A section the spec type does not know.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "ST006",
    name: "unknown-section",
    severity: Severity::Info,
    fix: FixAvailability::None,
    summary: "A section the spec type does not know.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
