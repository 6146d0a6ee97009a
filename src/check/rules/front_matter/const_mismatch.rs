//! `FM011` const-mismatch: A field with a fixed value has another value.

use crate::analysis::scalar_text;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::front_matter::valid_yaml;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::text::is_placeholder_value;

/// ## What it does
/// Checks that a field whose value the spec type fixes (`const`) has that
/// value. Typically `spec_type` of a document validated against a type given
/// explicitly (`--type`): `spec_type: adr` in a document checked as
/// `database-schema`. A `spec_type` naming no known type at all is `FM014`'s.
///
/// ## Why is this bad?
/// The document claims to be something it is not validated as; tools that
/// pick the spec type from the front matter will read it differently.
///
/// ## Example
/// ```yaml
/// spec_type: Database-Schema
/// ```
///
/// Use instead:
/// ```yaml
/// spec_type: database-schema
/// ```
///
/// ## Fix safety
/// When the value differs from the fixed one only in case, the fix is safe.
/// Otherwise replacing it is unsafe: the document may have been checked
/// against the wrong type. A value written over several lines has no fix.
pub static META: RuleMeta = RuleMeta {
    code: "FM011",
    name: "const-mismatch",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "A field with a fixed value has another value.",
    needs_spec: true,
};

struct ConstMismatch<'a> {
    field: &'a str,
    expected: &'a str,
    value: String,
    /// The value names another known spec type.
    other_type: bool,
}

impl Violation for ConstMismatch<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!(
            "`{}` must be `{}`; found `{}`",
            self.field, self.expected, self.value
        )
    }
    fn help(&self) -> Option<String> {
        Some(if self.other_type {
            format!(
                "the document declares the `{}` spec type but is checked as `{}`; check it with its own type, or change the value",
                self.value, self.expected
            )
        } else {
            format!("set it to `{}`", self.expected)
        })
    }
}

pub fn check(c: &mut Checker<'_>) {
    let Some(fm) = valid_yaml(c) else { return };
    for field in &c.spec.fields {
        let Some(expected) = field.const_value.as_deref() else {
            continue;
        };
        let Some(entry) = fm.get(&field.name) else {
            continue;
        };
        // Lists are FM007's, empty values FM005's, placeholders FM012's.
        let Some(value) = entry.value.as_ref().and_then(scalar_text) else {
            continue;
        };
        if value == expected || value.trim().is_empty() || is_placeholder_value(&value) {
            continue;
        }
        let span = entry.value_span;
        let title = format!("Replace `{value}` with `{expected}`");
        let fix = if entry.span.text(c.doc.text).contains('\n') {
            // A block or multi-line scalar: rewriting it is left to the author.
            None
        } else if value.trim().eq_ignore_ascii_case(expected) {
            Some(Fix::safe(title, vec![Edit::replace(span, expected)]))
        } else {
            Some(Fix::unsafe_(title, vec![Edit::replace(span, expected)]))
        };
        let other_type = field.name == "spec_type" && c.registry.get(&value).is_some();
        let v = ConstMismatch {
            field: &field.name,
            expected,
            value: value.clone(),
            other_type,
        };
        if let (Some(d), Some(fix)) = (c.report(v, span), fix) {
            d.fix = Some(fix);
        }
    }
}
