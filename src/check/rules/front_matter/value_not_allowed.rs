//! `FM008` value-not-allowed: an enum field has a value that is not allowed.

use crate::analysis::scalar_text;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::spec_type::FieldKind;
use crate::text::{closest, code_list};

/// ## What it does
/// Checks that every `enum` field of the front matter has one of the values
/// the spec type allows.
///
/// ## Why is this bad?
/// Tools filter and route specs by these values (`status: approved` gates
/// publishing); a value outside the list is silently ignored by them.
///
/// ## Example
/// ```yaml
/// status: in-review
/// ```
///
/// Use instead:
/// ```yaml
/// status: draft
/// ```
///
/// ## Fix safety
/// When the value differs from an allowed one only in case (`Draft`), the fix
/// is safe. When it is a likely typo (`aproved`), the fix to the closest value
/// is unsafe. Otherwise an unsafe fix offers the first allowed value (the
/// template's default).
pub static META: RuleMeta = RuleMeta {
    code: "FM008",
    name: "value-not-allowed",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "An enum field has a value that is not allowed.",
    needs_spec: true,
};

struct ValueNotAllowed<'a> {
    field: &'a str,
    value: String,
    allowed: &'a [String],
    suggestion: Option<&'a str>,
}

impl Violation for ValueNotAllowed<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!(
            "`{}` must be one of {}; found `{}`",
            self.field,
            code_list(self.allowed),
            self.value
        )
    }
    fn help(&self) -> Option<String> {
        self.suggestion.map(|s| format!("did you mean `{s}`?"))
    }
}

pub fn check(c: &mut Checker<'_>) {
    let Some(fm) = c.doc.yaml() else { return };
    for field in c.spec.fields.iter().filter(|f| f.kind == FieldKind::Enum) {
        let Some(entry) = fm.get(&field.name) else {
            continue;
        };
        let Some(value) = entry.value.as_ref().and_then(scalar_text) else {
            continue;
        };
        if field.values.contains(&value) || crate::text::is_placeholder_value(&value) {
            continue;
        }
        let same_case = field.values.iter().find(|v| v.eq_ignore_ascii_case(&value));
        let typo = closest(&value, field.values.iter().map(String::as_str));
        let suggestion = same_case.map(String::as_str).or(typo);
        let span = entry.value_span;
        let fix = match (same_case, typo, field.values.first()) {
            (Some(v), _, _) => Some(Fix::safe(
                format!("Replace `{value}` with `{v}`"),
                vec![Edit::replace(span, v.clone())],
            )),
            (None, Some(v), _) => Some(Fix::unsafe_(
                format!("Replace `{value}` with `{v}`"),
                vec![Edit::replace(span, v)],
            )),
            (None, None, Some(v)) => Some(Fix::unsafe_(
                format!("Replace `{value}` with `{v}`"),
                vec![Edit::replace(span, v.clone())],
            )),
            _ => None,
        };
        let v = ValueNotAllowed {
            field: &field.name,
            value: value.clone(),
            allowed: &field.values,
            suggestion,
        };
        if let (Some(d), Some(fix)) = (c.report(v, span), fix) {
            d.fix = Some(fix);
        }
    }
}
