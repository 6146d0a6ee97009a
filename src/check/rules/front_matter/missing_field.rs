//! `FM005` missing-field: A required front matter field is missing.

use serde_json::Value;

use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::line_end_after;
use crate::rules::front_matter::{newline, valid_yaml};
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::spec_type::{FieldKind, FieldSpec};
use crate::text::code_list;

/// ## What it does
/// Checks that every field the spec type requires is in the front matter and
/// has a value. Fields that a condition makes required (e.g. a field needed
/// when `status` is `deprecated`) are checked while the condition holds.
///
/// ## Why is this bad?
/// Tools index specs by these fields: a spec without `owner` has nobody to
/// ask, one without `last_updated` cannot be flagged as stale, and one
/// without `spec_type` cannot be validated against its template.
///
/// ## Example
/// ```yaml
/// spec_type: database-schema
/// title: Orders Service Database Schema
/// status: draft
/// ```
///
/// Use instead:
/// ```yaml
/// spec_type: database-schema
/// title: Orders Service Database Schema
/// owner: commerce-platform-team
/// status: draft
/// ```
///
/// ## Fix safety
/// When the field has a fixed value (`spec_type`), or is a list that may be
/// empty, an unsafe fix inserts it where the spec type orders it. Other values
/// must be written by the author, so there is no fix.
pub static META: RuleMeta = RuleMeta {
    code: "FM005",
    name: "missing-field",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "A required front matter field is missing.",
    needs_spec: true,
};

/// Where the missing field belongs.
enum Place<'a> {
    After { field: &'a str, line: usize },
    Before { field: &'a str, line: usize },
    Anywhere,
}

struct MissingField<'a> {
    field: &'a FieldSpec,
    /// The key is there but has no value.
    empty: bool,
    place: Place<'a>,
}

/// What a field takes, for help texts: "one of `draft`, `approved`", "a
/// `YYYY-MM-DD` date", or the field's description.
fn expectation(f: &FieldSpec) -> String {
    match f.kind {
        FieldKind::Enum => format!("one of {}", code_list(&f.values)),
        FieldKind::Date => "a `YYYY-MM-DD` date".into(),
        FieldKind::List if !f.values.is_empty() => format!("a list of {}", code_list(&f.values)),
        FieldKind::List if !f.suggested.is_empty() => {
            format!("a list such as {}", code_list(&f.suggested))
        }
        kind => match &f.description {
            Some(d) => {
                let d = d.trim().trim_end_matches('.');
                crate::text::fold_first(d)
            }
            None => kind.describe().to_string(),
        },
    }
}

impl MissingField<'_> {
    /// What to write: `` `spec_type: database-schema` ``, or `` `owner` (owning team) ``.
    fn what(&self) -> String {
        let f = self.field;
        match &f.const_value {
            Some(v) => format!("`{}: {v}`", f.name),
            None => format!("`{}` ({})", f.name, expectation(f)),
        }
    }
}

impl Violation for MissingField<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        if self.empty {
            format!("required field `{}` has no value", self.field.name)
        } else {
            format!("required field `{}` is missing", self.field.name)
        }
    }
    fn help(&self) -> Option<String> {
        if self.empty {
            return Some(match &self.field.const_value {
                Some(v) => format!("set it to `{v}`"),
                None => format!("give it a value: {}", expectation(self.field)),
            });
        }
        Some(match &self.place {
            Place::After { field, line } => {
                format!("add {} after `{field}` (line {line})", self.what())
            }
            Place::Before { field, line } => {
                format!("add {} before `{field}` (line {line})", self.what())
            }
            Place::Anywhere => format!("add {} to the front matter", self.what()),
        })
    }
}

/// Whether a present value counts as no value at all.
fn is_empty(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        _ => false,
    }
}

pub fn check(c: &mut Checker<'_>) {
    let Some(fm) = valid_yaml(c) else { return };
    let Some(close) = c.doc.front_matter.as_ref().and_then(|b| b.close) else {
        return;
    };
    let text = c.doc.text;
    let nl = newline(c.doc);
    for (idx, field) in c.spec.fields.iter().enumerate() {
        let cond = if field.required {
            None
        } else {
            match c
                .analysis
                .condition_requiring(c.spec, |cd| cd.then.required_fields.contains(&field.name))
            {
                Some(cd) => Some(cd),
                None => continue,
            }
        };
        if let Some(entry) = fm.get(&field.name) {
            if !is_empty(entry.value.as_ref()) {
                continue;
            }
            let fix = field.const_value.as_ref().map(|v| {
                let after_colon = text
                    .get(..entry.value_span.start)
                    .is_some_and(|t| t.ends_with(':'));
                let value = if after_colon {
                    format!(" {v}")
                } else {
                    v.clone()
                };
                Fix::unsafe_(
                    format!("Set `{}` to `{v}`", field.name),
                    vec![Edit::replace(entry.value_span, value)],
                )
            });
            let v = MissingField {
                field,
                empty: true,
                place: Place::Anywhere,
            };
            if let (Some(d), Some(fix)) = (c.report_escalated(v, entry.key_span, cond), fix) {
                d.fix = Some(fix);
            }
            continue;
        }
        // Where the spec type orders it: after the closest earlier field that
        // is present, else before the closest later one.
        let before = c.spec.fields[..idx]
            .iter()
            .rev()
            .find_map(|f| fm.get(&f.name));
        let after = c.spec.fields[idx + 1..]
            .iter()
            .find_map(|f| fm.get(&f.name));
        let (place, insert_at) = match (before, after) {
            (Some(e), _) => (
                Place::After {
                    field: &e.key,
                    line: c.doc.line(e.key_span.start),
                },
                line_end_after(text, e.span.end),
            ),
            (None, Some(e)) => (
                Place::Before {
                    field: &e.key,
                    line: c.doc.line(e.key_span.start),
                },
                e.span.start,
            ),
            (None, None) => (
                Place::Anywhere,
                fm.entries.first().map_or(close.start, |e| e.span.start),
            ),
        };
        let value = match (&field.const_value, field.kind) {
            (Some(v), _) => Some(v.clone()),
            (None, FieldKind::List) if field.min_items.unwrap_or(0) == 0 => Some("[]".to_string()),
            _ => None,
        };
        let fix = value.map(|v| {
            let line = format!("{}: {v}", field.name);
            Fix::unsafe_(
                format!("Insert `{line}`"),
                vec![Edit::insert(insert_at, format!("{line}{nl}"))],
            )
        });
        let v = MissingField {
            field,
            empty: false,
            place,
        };
        if let (Some(d), Some(fix)) = (c.report_escalated(v, close, cond), fix) {
            d.fix = Some(fix);
        }
    }
}
