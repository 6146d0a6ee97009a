//! `TB003` row-cell-count: A table row has a different number of cells than the header.

use crate::diagnostic::Severity;
use crate::rules::{Checker, FixAvailability, RuleMeta};

/// ## What it does
/// TODO
pub static META: RuleMeta = RuleMeta {
    code: "TB003",
    name: "row-cell-count",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "A table row has a different number of cells than the header.",
    needs_spec: true,
};

pub fn check(_c: &mut Checker<'_>) {}
