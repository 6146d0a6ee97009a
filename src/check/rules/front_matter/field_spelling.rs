//! `FM016` field-spelling: a front matter field is written in another spelling.

use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::front_matter::valid_yaml;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};

/// ## What it does
/// Reads front matter keys by meaning: `lastUpdated`, `last-updated`,
/// `Last Updated` and `LAST_UPDATED` all mean the field `last_updated`. Such
/// a key counts as the field (no `missing-field`, no `unknown-field`, its
/// value is checked), and this rule reports the spelling once, with a fix.
///
/// **Heuristic**: tools that read the front matter by exact key will not
/// find the field, but the document says what it means, so this is a
/// warning.
///
/// ## Example
/// ```yaml
/// lastUpdated: 2024-05-01
/// ```
///
/// Use instead:
/// ```yaml
/// last_updated: 2024-05-01
/// ```
///
/// ## Fix safety
/// Renaming the key is safe: the value and its meaning are unchanged.
pub static META: RuleMeta = RuleMeta {
    code: "FM016",
    name: "field-spelling",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::Always,
    summary: "A front matter field is written in another spelling (`lastUpdated`).",
    needs_spec: true,
};

struct FieldSpelling<'a> {
    written: &'a str,
    field: &'a str,
}

impl Violation for FieldSpelling<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!(
            "`{}` is read as the field `{}`; write it `{}`",
            self.written, self.field, self.field
        )
    }
}

pub fn check(c: &mut Checker<'_>) {
    let Some(fm) = valid_yaml(c) else { return };
    for field in &c.spec.fields {
        if fm.get_exact(&field.name).is_some() {
            continue;
        }
        let Some(entry) = fm.get(&field.name) else {
            continue;
        };
        let v = FieldSpelling {
            written: &entry.key,
            field: &field.name,
        };
        let fix = Fix::safe(
            format!("Rename `{}` to `{}`", entry.key, field.name),
            vec![Edit::replace(entry.key_span, field.name.clone())],
        );
        if let Some(d) = c.report(v, entry.key_span) {
            d.fix = Some(fix);
        }
    }
}
