//! `TR002` template-guidance: Template guidance text is copied verbatim.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "TR002",
    name: "template-guidance",
    severity: Severity::Warning,
    fix: FixAvailability::Sometimes,
    summary: "Template guidance text is copied verbatim.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
