//! `FM007` wrong-type: A front matter value has the wrong type.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "FM007",
    name: "wrong-type",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "A front matter value has the wrong type.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
