//! `FM004` duplicate-key: A front matter key appears twice.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "FM004",
    name: "duplicate-key",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "A front matter key appears twice.",
    needs_spec: false,
};

pub fn check(_c: &mut Checker<'_>) {}
