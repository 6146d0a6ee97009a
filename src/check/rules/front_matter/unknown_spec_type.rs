//! `FM014` unknown-spec-type: `spec_type` names no known spec type.

use crate::analysis::scalar_text;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::text::{closest, code_list};

/// ## What it does
/// Checks that the `spec_type` of the front matter names a spec type the
/// validator knows: a built-in one or one loaded from a definition file. Only
/// when no spec type was given explicitly; the document is then checked
/// against nothing else.
///
/// ## Why is this bad?
/// Without a known type none of the document's sections, tables or fields
/// can be checked; a typo in `spec_type` silently turns validation off.
///
/// ## Example
/// ```yaml
/// spec_type: database-shema
/// ```
///
/// Use instead:
/// ```yaml
/// spec_type: database-schema
/// ```
///
/// ## Fix safety
/// Replacing the value with the closest known type is unsafe: the document
/// may be of a type that is simply not loaded.
pub static META: RuleMeta = RuleMeta {
    code: "FM014",
    name: "unknown-spec-type",
    severity: Severity::Warning,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "`spec_type` names no known spec type.",
    needs_spec: false,
};

struct UnknownSpecType<'a> {
    value: String,
    known: &'a [&'a str],
    suggestion: Option<&'a str>,
}

impl Violation for UnknownSpecType<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        if self.known.is_empty() {
            format!(
                "unknown spec type `{}`; no spec types are loaded",
                self.value
            )
        } else {
            format!(
                "unknown spec type `{}`; known types: {}",
                self.value,
                code_list(self.known)
            )
        }
    }
    fn help(&self) -> Option<String> {
        Some(match self.suggestion {
            Some(s) => format!("did you mean `{s}`?"),
            None => "use a known type, or load the definition file of this one".into(),
        })
    }
}

pub fn check(c: &mut Checker<'_>) {
    // An explicit type overrides `spec_type`.
    if c.type_source == Some(crate::TypeSource::Explicit) {
        return;
    }
    let Some(fm) = c.doc.yaml() else { return };
    let Some(entry) = fm.get("spec_type") else {
        return;
    };
    let Some(value) = entry.value.as_ref().and_then(scalar_text) else {
        return;
    };
    if value.trim().is_empty() || c.registry.get(&value).is_some() {
        return;
    }
    let known = c.registry.ids();
    let suggestion = known
        .iter()
        .copied()
        .find(|k| k.eq_ignore_ascii_case(value.trim()))
        .or_else(|| closest(&value, known.iter().copied()))
        // The type the body was checked against, guessed from its headings.
        .or_else(|| known.iter().copied().find(|k| *k == c.spec.id));
    let span = entry.value_span;
    let fix = suggestion
        .filter(|_| !span.text(c.doc.text).contains('\n'))
        .map(|s| {
            Fix::unsafe_(
                format!("Replace `{value}` with `{s}`"),
                vec![Edit::replace(span, s)],
            )
        });
    let v = UnknownSpecType {
        value: value.clone(),
        known: &known,
        suggestion,
    };
    if let (Some(d), Some(fix)) = (c.report(v, span), fix) {
        d.fix = Some(fix);
    }
}
