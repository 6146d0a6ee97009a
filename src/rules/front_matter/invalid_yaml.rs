//! `FM003` invalid-yaml: The front matter is not valid YAML, or not a mapping.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "FM003",
    name: "invalid-yaml",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "The front matter is not valid YAML, or not a mapping.",
    needs_spec: false,
};

pub fn check(_c: &mut Checker<'_>) {}
