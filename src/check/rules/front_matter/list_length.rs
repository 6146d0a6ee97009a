//! `FM013` list-length: A list field has too few or too many items.

use crate::diagnostic::Severity;
use crate::rules::front_matter::valid_yaml;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::spec_type::FieldKind;

/// ## What it does
/// Checks that a `list` field has at least `min_items` and at most
/// `max_items` items, as the spec type declares (`applicability` needs at
/// least one client).
///
/// ## Why is this bad?
/// An empty `applicability: []` says the schema serves no client at all,
/// which is never what the author meant; too many items usually means values
/// were pasted into the wrong field.
///
/// ## Example
/// ```yaml
/// applicability: []
/// ```
///
/// Use instead:
/// ```yaml
/// applicability: [web, mobile]
/// ```
///
/// ## Fix safety
/// There is no fix: which items belong in the list is for the author to say.
pub static META: RuleMeta = RuleMeta {
    code: "FM013",
    name: "list-length",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::None,
    summary: "A list field has too few or too many items.",
    needs_spec: true,
};

enum ListLength<'a> {
    TooFew {
        field: &'a str,
        min: usize,
        found: usize,
        values: &'a [String],
    },
    TooMany {
        field: &'a str,
        max: usize,
        found: usize,
    },
}

fn items(n: usize) -> String {
    match n {
        0 => "none".into(),
        1 => "1 item".into(),
        n => format!("{n} items"),
    }
}

impl Violation for ListLength<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        match self {
            ListLength::TooFew {
                field, min, found, ..
            } => {
                format!(
                    "`{field}` needs at least {}; found {}",
                    items(*min),
                    items(*found)
                )
            }
            ListLength::TooMany { field, max, found } => {
                format!(
                    "`{field}` allows at most {}; found {}",
                    items(*max),
                    items(*found)
                )
            }
        }
    }
    fn help(&self) -> Option<String> {
        Some(match self {
            ListLength::TooFew { values, .. } if !values.is_empty() => {
                format!(
                    "add the items that apply, from {}",
                    crate::text::code_list(values)
                )
            }
            ListLength::TooFew { .. } => "add the items that apply".into(),
            ListLength::TooMany { max, .. } => format!("keep the {} that apply", items(*max)),
        })
    }
}

pub fn check(c: &mut Checker<'_>) {
    let Some(fm) = valid_yaml(c) else { return };
    for field in c.spec.fields.iter().filter(|f| f.kind == FieldKind::List) {
        let Some(entry) = fm.get(&field.name) else {
            continue;
        };
        // A scalar is FM007's; an empty value FM005's.
        let Some(list) = entry.value.as_ref().and_then(|v| v.as_array()) else {
            continue;
        };
        let n = list.len();
        if let Some(min) = field.min_items.filter(|&m| n < m) {
            let v = ListLength::TooFew {
                field: &field.name,
                min,
                found: n,
                values: &field.values,
            };
            c.report(v, entry.value_span);
        } else if let Some(max) = field.max_items.filter(|&m| n > m) {
            // At the first item too many, when the item spans line up.
            let span = if entry.items.len() == n {
                entry.items.get(max).copied()
            } else {
                None
            }
            .unwrap_or(entry.value_span);
            c.report(
                ListLength::TooMany {
                    field: &field.name,
                    max,
                    found: n,
                },
                span,
            );
        }
    }
}
