//! `FM002` unclosed-front-matter: The front matter block is opened with `---` but never closed.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "FM002",
    name: "unclosed-front-matter",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "The front matter block is opened with `---` but never closed.",
    needs_spec: false,
};

pub fn check(_c: &mut Checker<'_>) {}
