//! `DB003` unresolved-foreign-key: A foreign key names an entity or column the document does not define.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "DB003",
    name: "unresolved-foreign-key",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "A foreign key names an entity or column the document does not define.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
