//! `FM015` value-not-suggested: a value is not one of the template's example values.

use crate::analysis::scalar_text;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::front_matter::valid_yaml;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::text::{closest, code_list, is_placeholder_value};

/// ## What it does
/// Checks the values of fields whose spec type lists *suggested* values,
/// which is how a template's example list is read: `applicability: [web,
/// mobile, desktop]` in the template suggests those items without closing
/// the list. A value outside them (`api`), or one that differs only in case
/// (`Web`), is reported with the suggestions named.
///
/// Values declared as a choice (`status: draft # draft | approved |
/// deprecated`) are closed instead, and a value outside them is
/// `value-not-allowed` (or `list-item-not-allowed`), an error.
///
/// **Heuristic**: an example list says what is usual, not what is allowed,
/// so this is a warning.
///
/// ## Example
/// ```yaml
/// applicability: [Web, kiosk]
/// ```
///
/// Use instead, or keep `kiosk` if it is what the schema serves:
/// ```yaml
/// applicability: [web, kiosk]
/// ```
///
/// ## Fix safety
/// A value that differs from a suggestion only in case has a safe fix; a
/// likely typo of one (`mobil`) an unsafe fix. Other values have none.
pub static META: RuleMeta = RuleMeta {
    code: "FM015",
    name: "value-not-suggested",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::Sometimes,
    summary: "A value is not one of the values the template suggests.",
    needs_spec: true,
};

struct NotSuggested<'a> {
    field: &'a str,
    value: String,
    suggested: &'a [String],
    suggestion: Option<&'a str>,
}

impl Violation for NotSuggested<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!(
            "`{}` value `{}` is not one of the suggested {}",
            self.field,
            self.value,
            code_list(self.suggested)
        )
    }
    fn help(&self) -> Option<String> {
        Some(match self.suggestion {
            Some(s) => format!("did you mean `{s}`?"),
            None => "keep it if it is right; the spec type can list it among `suggested`".into(),
        })
    }
}

pub fn check(c: &mut Checker<'_>) {
    let Some(fm) = valid_yaml(c) else { return };
    for field in c.spec.fields.iter().filter(|f| !f.suggested.is_empty()) {
        let Some(entry) = fm.get(&field.name) else {
            continue;
        };
        let Some(value) = entry.value.as_ref() else {
            continue;
        };
        // (text, span) of each value: list items where they line up, else the scalar.
        let mut values: Vec<(String, crate::Span)> = Vec::new();
        match value.as_array() {
            Some(items) => {
                let aligned = entry.items.len() == items.len();
                for (i, item) in items.iter().enumerate() {
                    if let Some(t) = scalar_text(item) {
                        let span = if aligned {
                            entry.items[i]
                        } else {
                            entry.value_span
                        };
                        values.push((t, span));
                    }
                }
            }
            None => {
                if let Some(t) = scalar_text(value) {
                    values.push((t, entry.value_span));
                }
            }
        }
        for (text, span) in values {
            if field.suggested.contains(&text)
                || is_placeholder_value(&text)
                || text.trim().is_empty()
            {
                continue;
            }
            let same_case = field
                .suggested
                .iter()
                .find(|v| v.eq_ignore_ascii_case(&text));
            let typo =
                closest(&text, field.suggested.iter().map(String::as_str)).filter(|t| t.len() > 3);
            let fix = match (same_case, typo) {
                (Some(v), _) => Some(Fix::safe(
                    format!("Replace `{text}` with `{v}`"),
                    vec![Edit::replace(span, v.clone())],
                )),
                (None, Some(v)) => Some(Fix::unsafe_(
                    format!("Replace `{text}` with `{v}`"),
                    vec![Edit::replace(span, v)],
                )),
                _ => None,
            };
            let v = NotSuggested {
                field: &field.name,
                value: text.clone(),
                suggested: &field.suggested,
                suggestion: same_case.map(String::as_str).or(typo),
            };
            if let (Some(d), Some(fix)) = (c.report(v, span), fix) {
                d.fix = Some(fix);
            }
        }
    }
}
