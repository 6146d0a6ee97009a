//! `FM006` unknown-field: A front matter field the spec type does not declare.

use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::front_matter::valid_yaml;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::spec_type::snake_case;
use crate::text::{closest, code_list};

/// ## What it does
/// Checks that every top-level key of the front matter is a field the spec
/// type declares, and suggests the declared field a misspelled key most
/// likely means (`Owner`, `last-updated`, `lastUpdated`, `staus`).
///
/// ## Why is this bad?
/// A misspelled key is silently ignored by every tool, and the field it was
/// meant to be is then missing. Fields nobody declared drift between
/// documents (`reviewers`, `reviewer`, `approvers`); declare them in the spec
/// type instead.
///
/// ## Example
/// ```yaml
/// last-updated: 2026-10-14
/// ```
///
/// Use instead:
/// ```yaml
/// last_updated: 2026-10-14
/// ```
///
/// ## Fix safety
/// Renaming the key to the closest declared field is unsafe: the key may be
/// meant as an extra field. There is no fix when no declared field is close,
/// or when the closest one is already present.
pub static META: RuleMeta = RuleMeta {
    code: "FM006",
    name: "unknown-field",
    severity: Severity::Info,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "A front matter field the spec type does not declare.",
    needs_spec: true,
};

struct UnknownField<'a> {
    key: &'a str,
    spec_type: &'a str,
    suggestion: Option<&'a str>,
    /// The suggested field is already in the front matter.
    suggestion_present: bool,
    declared: Vec<&'a str>,
}

impl Violation for UnknownField<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!("unknown front matter field `{}`", self.key)
    }
    fn help(&self) -> Option<String> {
        Some(match (self.suggestion, self.suggestion_present) {
            (Some(s), false) => format!("did you mean `{s}`?"),
            (Some(s), true) => {
                format!("did you mean `{s}`? it is already set, so this one may be a leftover")
            }
            (None, _) => format!(
                "`{}` declares {}; remove this field or declare it in the spec type",
                self.spec_type,
                code_list(&self.declared)
            ),
        })
    }
}

pub fn check(c: &mut Checker<'_>) {
    let Some(fm) = valid_yaml(c) else { return };
    if c.spec.fields.is_empty() {
        // A type that declares no fields does not constrain the front matter.
        return;
    }
    let names: Vec<&str> = c.spec.fields.iter().map(|f| f.name.as_str()).collect();
    let present: std::collections::HashSet<&str> =
        fm.entries.iter().map(|e| e.key.as_str()).collect();
    for entry in &fm.entries {
        // `spec_type` selects the type, so it is never unknown to it.
        if names.contains(&entry.key.as_str()) || entry.key == "spec_type" {
            continue;
        }
        // A declared field in another spelling is `field-spelling`.
        let canonical = crate::yaml::field_key(&entry.key);
        if names.contains(&canonical.as_str()) && fm.get_exact(&canonical).is_none() {
            continue;
        }
        // `lastUpdated`, `Last-Updated` → `last_updated`; else a typo.
        let normalized = snake_case(&camel_to_words(&entry.key));
        let suggestion = names
            .iter()
            .copied()
            .find(|n| *n == normalized)
            .or_else(|| closest(&entry.key, names.iter().copied()));
        let suggestion_present = suggestion.is_some_and(|s| present.contains(s));
        let v = UnknownField {
            key: &entry.key,
            spec_type: &c.spec.id,
            suggestion,
            suggestion_present,
            declared: names.clone(),
        };
        let fix = suggestion.filter(|_| !suggestion_present).map(|s| {
            Fix::unsafe_(
                format!("Rename `{}` to `{s}`", entry.key),
                vec![Edit::replace(entry.key_span, s)],
            )
        });
        if let (Some(d), Some(fix)) = (c.report(v, entry.key_span), fix) {
            d.fix = Some(fix);
        }
    }
}

/// `lastUpdated` → `last Updated` (word breaks before inner capitals).
fn camel_to_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut prev_lower = false;
    for ch in s.chars() {
        if ch.is_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = ch.is_lowercase() || ch.is_ascii_digit();
        out.push(ch);
    }
    out
}
