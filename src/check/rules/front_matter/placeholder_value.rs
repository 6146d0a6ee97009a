//! `FM012` placeholder-value: A front matter value is still a template placeholder.

use crate::analysis::scalar_text;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::front_matter::valid_yaml;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::spec_type::{FieldKind, FieldSpec};
use crate::text::{is_date_template, is_placeholder_value, placeholders};

/// ## What it does
/// Checks that no front matter value (or list item) is still a template
/// placeholder: `<Database Schema Specification>`, `<team>`, `YYYY-MM-DD`.
/// Fields the spec type marks `placeholder_allowed` are skipped. The type,
/// date and value rules leave placeholders to this rule, so a placeholder is
/// reported once.
///
/// ## Why is this bad?
/// A placeholder means the template was copied but not filled in: the spec
/// has no real title, owner or date, and tools index it under the
/// placeholder.
///
/// ## Example
/// ```yaml
/// title: <Database Schema Specification>
/// owner: <data-or-platform-team>
/// last_updated: YYYY-MM-DD
/// ```
///
/// Use instead:
/// ```yaml
/// title: Orders Service Database Schema
/// owner: commerce-platform-team
/// last_updated: 2026-10-14
/// ```
///
/// ## Fix safety
/// For `title`, when the document has a `# Title` heading that is not the
/// template's own, an unsafe fix copies it into the field. Other values can
/// only be filled in by the author.
pub static META: RuleMeta = RuleMeta {
    code: "FM012",
    name: "placeholder-value",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "A front matter value is still a template placeholder.",
    needs_spec: true,
};

struct PlaceholderValue<'a> {
    field: &'a FieldSpec,
    /// The placeholder itself.
    placeholder: String,
    /// Whether the value is only the placeholder (not text around it).
    whole: bool,
    /// Whether it is a list item rather than the whole value.
    item: bool,
    /// A heading the title can be taken from.
    heading: Option<&'a str>,
}

impl Violation for PlaceholderValue<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        let verb = if self.whole {
            "is still"
        } else {
            "still contains"
        };
        let owner = if self.item {
            format!("an item of `{}`", self.field.name)
        } else {
            format!("`{}`", self.field.name)
        };
        format!(
            "{owner} {verb} the template placeholder `{}`",
            self.placeholder
        )
    }
    fn help(&self) -> Option<String> {
        if let Some(h) = self.heading {
            return Some(format!("replace it with the document's title, `{h}`"));
        }
        if self.item {
            return Some(match self.field.values.as_slice() {
                [] => "replace it with a real item".into(),
                values => format!("replace it with one of {}", crate::text::code_list(values)),
            });
        }
        Some(match (&self.field.description, self.field.kind) {
            (_, FieldKind::Date) => "replace it with a real date, e.g. `2024-01-15`".into(),
            (Some(d), _) => {
                let d = d.trim().trim_end_matches('.');
                let lowered = crate::text::fold_first(d);
                format!("replace it with the real value ({lowered})")
            }
            (None, kind) => format!("replace it with {}", kind.describe()),
        })
    }
}

/// The placeholder in a value: `<...>` or a date template.
fn placeholder_of(value: &str) -> (String, bool) {
    let t = value.trim();
    if is_date_template(t) {
        return (t.to_string(), true);
    }
    match placeholders(t).first() {
        Some(&(s, e)) => (t.get(s..e).unwrap_or(t).to_string(), s == 0 && e == t.len()),
        None => (t.to_string(), true),
    }
}

/// `text` written as a YAML scalar where `quote` (if any) already surrounds it.
fn as_scalar(text: &str, quote: Option<u8>) -> String {
    match quote {
        Some(b'"') => text.replace('\\', "\\\\").replace('"', "\\\""),
        Some(_) => text.replace('\'', "''"),
        None => {
            let plain = !text.starts_with([
                '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '#', '-',
                '?', ':',
            ]) && !text.contains(": ")
                && !text.contains(" #")
                && !text.ends_with(':');
            if plain {
                text.to_string()
            } else {
                format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
            }
        }
    }
}

pub fn check(c: &mut Checker<'_>) {
    let Some(fm) = valid_yaml(c) else { return };
    let text = c.doc.text;
    // The document's own title, when it is not the template's.
    let heading = c
        .doc
        .headings
        .iter()
        .find(|h| h.level == 1)
        .map(|h| h.text.trim())
        .filter(|t| !t.is_empty() && *t != c.spec.name && !is_placeholder_value(t));
    for field in c.spec.fields.iter().filter(|f| !f.placeholder_allowed) {
        let Some(entry) = fm.get(&field.name) else {
            continue;
        };
        let Some(value) = entry.value.as_ref() else {
            continue;
        };
        // (text, span) of every scalar that is a placeholder.
        let mut found = Vec::new();
        match value {
            serde_json::Value::Array(items) => {
                let aligned = entry.items.len() == items.len();
                for (i, item) in items.iter().enumerate() {
                    if let Some(t) = scalar_text(item).filter(|t| is_placeholder_value(t)) {
                        let span = if aligned {
                            entry.items.get(i).copied()
                        } else {
                            None
                        }
                        .unwrap_or(entry.value_span);
                        found.push((t, span, false));
                    }
                }
            }
            v => {
                if let Some(t) = scalar_text(v).filter(|t| is_placeholder_value(t)) {
                    found.push((t, entry.value_span, true));
                }
            }
        }
        for (value_text, span, scalar) in found {
            let (placeholder, whole) = placeholder_of(&value_text);
            let title_heading = heading
                .filter(|_| scalar && field.name == "title" && !span.text(text).contains('\n'));
            let fix = title_heading.map(|h| {
                let quote = if entry.quoted {
                    span.start
                        .checked_sub(1)
                        .and_then(|i| text.as_bytes().get(i))
                        .copied()
                } else {
                    None
                };
                Fix::unsafe_(
                    format!("Replace `{value_text}` with `{h}`"),
                    vec![Edit::replace(span, as_scalar(h, quote))],
                )
            });
            let v = PlaceholderValue {
                field,
                placeholder,
                whole,
                item: !scalar,
                heading: title_heading,
            };
            if let (Some(d), Some(fix)) = (c.report(v, span), fix) {
                d.fix = Some(fix);
            }
        }
    }
}
