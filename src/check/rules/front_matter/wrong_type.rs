//! `FM007` wrong-type: A front matter value has the wrong type.

use serde_json::Value;

use crate::analysis::scalar_text;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::front_matter::{is_placeholder, valid_yaml};
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::source::Span;
use crate::spec_type::FieldKind;
use crate::yaml::Entry;

/// ## What it does
/// Checks that every front matter field has the type the spec type declares:
/// a list for `list` fields, a single value for `string`, `date` and `enum`
/// fields, a boolean for `boolean` fields and a number for `number` fields.
///
/// The YAML 1.1 traps do not cause false errors: front matter is read as YAML
/// 1.2, so an unquoted `2024-01-15` or `no` is a string; a `string` field
/// accepts any single value (`version: 2` reads as `2`); a `boolean` field
/// accepts `yes`/`no`/`on`/`off` as well as `true`/`false`. Placeholders are
/// left to `FM012`.
///
/// ## Why is this bad?
/// Tools read the field with the declared type: a list field given a single
/// value, or a title given as a list, breaks them or is silently dropped.
///
/// ## Example
/// ```yaml
/// applicability: web
/// ```
///
/// Use instead:
/// ```yaml
/// applicability: [web]
/// ```
///
/// ## Fix safety
/// Wrapping a single value in a list (`web` → `[web]`) and unquoting a
/// number (`"3"` → `3`) keep the value and are safe (wrapping is unsafe when
/// the item is not one of the list's allowed values). Splitting `web, mobile`
/// into `[web, mobile]` and unwrapping a one-item list for a single-value
/// field (`[draft]` → `draft`) are unsafe.
pub static META: RuleMeta = RuleMeta {
    code: "FM007",
    name: "wrong-type",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "A front matter value has the wrong type.",
    needs_spec: true,
};

struct WrongType<'a> {
    field: &'a str,
    expected: FieldKind,
    found: String,
    /// What the fix would write, when there is one.
    suggestion: Option<String>,
}

impl Violation for WrongType<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        let expected = match self.expected {
            // An enum takes one value; which one is FM008's business.
            FieldKind::Enum => "a single value",
            k => k.describe(),
        };
        format!("`{}` must be {expected}; found {}", self.field, self.found)
    }
    fn help(&self) -> Option<String> {
        match (&self.suggestion, self.expected) {
            (Some(s), _) => Some(format!("write `{}: {s}`", self.field)),
            (None, FieldKind::List) => {
                Some("write a list: `[a, b]`, or one `- item` per line".into())
            }
            (None, FieldKind::Boolean) => Some("use `true` or `false`".into()),
            (None, FieldKind::Number) => Some("write a number, without quotes".into()),
            (None, _) => Some("write a single value, not a list or a mapping".into()),
        }
    }
}

/// How a value is described in messages: "a list", "the string `web`".
fn describe(v: &Value) -> String {
    match v {
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a mapping".into(),
        Value::Bool(b) => format!("the boolean `{b}`"),
        Value::Number(n) => format!("the number `{n}`"),
        Value::String(s) => format!("the string `{s}`"),
        Value::Null => "nothing".into(),
    }
}

/// Booleans as YAML 1.1 wrote them, accepted for a `boolean` field.
fn is_boolean_word(s: &str) -> bool {
    matches!(
        s.to_ascii_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    )
}

/// The value as written, quotes included.
fn raw_value(text: &str, entry: &Entry) -> Span {
    if entry.quoted && entry.value_span.start > 0 && entry.value_span.end < text.len() {
        Span::new(entry.value_span.start - 1, entry.value_span.end + 1)
    } else {
        entry.value_span
    }
}

/// Whether the entry is written on its key's line only.
fn single_line(text: &str, entry: &Entry) -> bool {
    !entry.span.text(text).contains('\n')
}

/// A fix wrapping a single value into a list. It is safe only when the item
/// it makes is allowed (otherwise it trades this diagnostic for `FM010`).
fn wrap_fix(text: &str, entry: &Entry, value: &Value, allowed: &[String]) -> Option<(String, Fix)> {
    if !single_line(text, entry) || value.is_object() {
        return None;
    }
    let raw = raw_value(text, entry);
    let written = raw.text(text);
    if written.is_empty() || written.starts_with(['|', '>', '*']) {
        return None;
    }
    let list = format!("[{written}]");
    let edits = vec![Edit::replace(raw, list.clone())];
    let item_allowed =
        allowed.is_empty() || scalar_text(value).is_some_and(|v| allowed.contains(&v));
    if entry.quoted {
        let title = format!("Wrap `{written}` in a list");
        return Some((
            list,
            if item_allowed {
                Fix::safe(title, edits)
            } else {
                Fix::unsafe_(title, edits)
            },
        ));
    }
    if written.contains(['[', ']', '{', '}', '#', '"', '\'']) {
        return None;
    }
    let fix = if written.contains(',') {
        Fix::unsafe_(format!("Split `{written}` into a list"), edits)
    } else if item_allowed {
        Fix::safe(format!("Wrap `{written}` in a list"), edits)
    } else {
        Fix::unsafe_(format!("Wrap `{written}` in a list"), edits)
    };
    Some((list, fix))
}

/// A fix replacing a one-item list with its item, for a single-value field.
fn unwrap_fix(text: &str, entry: &Entry, items: &[Value]) -> Option<(String, Fix)> {
    let [item] = items else { return None };
    scalar_text(item)?;
    let &[item_span] = entry.items.as_slice() else {
        return None;
    };
    // The item as written, with its quotes.
    let bytes = text.as_bytes();
    let quoted = item_span.start > 0
        && matches!(bytes.get(item_span.start - 1), Some(b'"' | b'\''))
        && bytes.get(item_span.start - 1) == bytes.get(item_span.end);
    let item_raw = if quoted {
        Span::new(item_span.start - 1, item_span.end + 1)
    } else {
        item_span
    };
    let written = item_raw.text(text).to_string();
    if written.is_empty()
        || written.contains('\n')
        || (entry.comment.is_some() && !single_line(text, entry))
    {
        return None;
    }
    // From just after the colon, so that a block list collapses onto the key's line.
    let colon = entry.key_span.end + text.get(entry.key_span.end..)?.find(':')?;
    let span = Span::new(colon + 1, entry.value_span.end);
    let fix = Fix::unsafe_(
        format!("Replace the list with `{written}`"),
        vec![Edit::replace(span, format!(" {written}"))],
    );
    Some((written, fix))
}

pub fn check(c: &mut Checker<'_>) {
    let Some(fm) = valid_yaml(c) else { return };
    let text = c.doc.text;
    for field in &c.spec.fields {
        let Some(entry) = fm.get(&field.name) else {
            continue;
        };
        let Some(value) = entry.value.as_ref() else {
            continue;
        };
        // An empty value is FM005's; a placeholder is FM012's.
        if value.is_null() || is_placeholder(value) {
            continue;
        }
        let ok = match field.kind {
            FieldKind::String | FieldKind::Date | FieldKind::Enum => {
                !(value.is_array() || value.is_object())
            }
            FieldKind::List => value.is_array(),
            FieldKind::Boolean => match value {
                Value::Bool(_) => true,
                Value::String(s) => is_boolean_word(s),
                _ => false,
            },
            FieldKind::Number => value.is_number(),
        };
        if ok {
            continue;
        }
        let fixed = match (field.kind, value) {
            (FieldKind::List, v) => wrap_fix(text, entry, v, &field.values),
            (FieldKind::String | FieldKind::Date | FieldKind::Enum, Value::Array(items)) => {
                unwrap_fix(text, entry, items)
            }
            (FieldKind::Number, Value::String(s)) if entry.quoted && single_line(text, entry) => s
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(|_| {
                    let n = s.trim().to_string();
                    let fix = Fix::safe(
                        format!("Remove the quotes around `{n}`"),
                        vec![Edit::replace(raw_value(text, entry), n.clone())],
                    );
                    (n, fix)
                }),
            _ => None,
        };
        let (suggestion, fix) = match fixed {
            Some((s, f)) => (Some(s), Some(f)),
            None => (None, None),
        };
        let v = WrongType {
            field: &field.name,
            expected: field.kind,
            found: describe(value),
            suggestion,
        };
        if let (Some(d), Some(fix)) = (c.report(v, entry.value_span), fix) {
            d.fix = Some(fix);
        }
    }
}
