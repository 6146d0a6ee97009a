//! `TR001` template-placeholder: A template placeholder such as `<table_name>` is left in the body.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "TR001",
    name: "template-placeholder",
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "A template placeholder such as `<table_name>` is left in the body.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
