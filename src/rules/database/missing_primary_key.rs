//! `DB002` missing-primary-key: An entity declares no primary key.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "DB002",
    name: "missing-primary-key",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "An entity declares no primary key.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
