//! `FM001` missing-front-matter: The document has no YAML front matter block.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "FM001",
    name: "missing-front-matter",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "The document has no YAML front matter block.",
    needs_spec: false,
};

pub fn check(_c: &mut Checker<'_>) {}
