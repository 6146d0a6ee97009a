//! `FM010` list-item-not-allowed: A list field has an item that is not allowed.

use crate::analysis::scalar_text;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::front_matter::valid_yaml;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::spec_type::FieldKind;
use crate::text::{closest, code_list, is_placeholder_value};

/// ## What it does
/// Checks that every item of a `list` field with declared values is one of
/// them (`applicability: [web, mobile, desktop]`). Each item is reported
/// where it is written, in a flow list or a block list.
///
/// ## Why is this bad?
/// Tools route specs by these items (which clients a schema serves); an item
/// outside the list is ignored by them, so the spec silently drops out of a
/// view.
///
/// ## Example
/// ```yaml
/// applicability: [web, tablet]
/// ```
///
/// Use instead:
/// ```yaml
/// applicability: [web, mobile]
/// ```
///
/// ## Fix safety
/// When the item differs from an allowed value only in case (`Web`), the fix
/// is safe. When it is a likely typo (`mobil`), the fix to the closest value
/// is unsafe. Otherwise there is no fix: which value was meant (or whether the
/// item should go) is for the author to say.
pub static META: RuleMeta = RuleMeta {
    code: "FM010",
    name: "list-item-not-allowed",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "A list field has an item that is not allowed.",
    needs_spec: true,
};

struct ListItemNotAllowed<'a> {
    field: &'a str,
    item: String,
    allowed: &'a [String],
    suggestion: Option<&'a str>,
}

impl Violation for ListItemNotAllowed<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!(
            "`{}` items must be one of {}; found `{}`",
            self.field,
            code_list(self.allowed),
            self.item
        )
    }
    fn help(&self) -> Option<String> {
        Some(match self.suggestion {
            Some(s) => format!("did you mean `{s}`?"),
            None => {
                "remove the item, or declare it among the field's values in the spec type".into()
            }
        })
    }
}

pub fn check(c: &mut Checker<'_>) {
    let Some(fm) = valid_yaml(c) else { return };
    for field in c
        .spec
        .fields
        .iter()
        .filter(|f| f.kind == FieldKind::List && !f.values.is_empty())
    {
        let Some(entry) = fm.get(&field.name) else {
            continue;
        };
        let Some(items) = entry.value.as_ref().and_then(|v| v.as_array()) else {
            continue;
        };
        // Item spans line up with the parsed items unless the list is unusual (nested blocks).
        let aligned = entry.items.len() == items.len();
        for (i, item) in items.iter().enumerate() {
            let text = match scalar_text(item) {
                Some(t) => t,
                None if item.is_null() => continue,
                None => item.to_string(),
            };
            if field.values.contains(&text) || is_placeholder_value(&text) {
                continue;
            }
            let same_case = field.values.iter().find(|v| v.eq_ignore_ascii_case(&text));
            let typo = closest(&text, field.values.iter().map(String::as_str));
            let suggestion = same_case.map(String::as_str).or(typo);
            let span = if aligned {
                entry.items[i]
            } else {
                entry.value_span
            };
            let fix = match (aligned, same_case, typo) {
                (true, Some(v), _) => Some(Fix::safe(
                    format!("Replace `{text}` with `{v}`"),
                    vec![Edit::replace(span, v.clone())],
                )),
                (true, None, Some(v)) => Some(Fix::unsafe_(
                    format!("Replace `{text}` with `{v}`"),
                    vec![Edit::replace(span, v)],
                )),
                _ => None,
            };
            let v = ListItemNotAllowed {
                field: &field.name,
                item: text.clone(),
                allowed: &field.values,
                suggestion,
            };
            if let (Some(d), Some(fix)) = (c.report(v, span), fix) {
                d.fix = Some(fix);
            }
        }
    }
}
