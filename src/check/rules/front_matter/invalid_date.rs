//! `FM009` invalid-date: A date field is not a real `YYYY-MM-DD` calendar date.

use crate::analysis::scalar_text;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::front_matter::valid_yaml;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::spec_type::FieldKind;
use crate::text::{canonical_date, check_date, is_placeholder_value};

/// ## What it does
/// Checks that every `date` field holds a real calendar date written
/// `YYYY-MM-DD`: `2024-13-45`, `2023-02-29` and `last week` are reported.
/// An unquoted date is fine (front matter is read as YAML 1.2, where it is a
/// string); a template placeholder such as `YYYY-MM-DD` is left to `FM012`.
///
/// ## Why is this bad?
/// Tools sort specs by these dates and flag stale ones; a date they cannot
/// read, or one that does not exist, makes the spec look never updated.
///
/// ## Example
/// ```yaml
/// last_updated: 2024/01/15
/// ```
///
/// Use instead:
/// ```yaml
/// last_updated: 2024-01-15
/// ```
///
/// ## Fix safety
/// When the value is an unambiguous date written another way (`2024/01/15`,
/// `January 15, 2024`, `2024-1-5`), rewriting it as `YYYY-MM-DD` is safe.
/// Dates that do not exist and day/month orders that are ambiguous
/// (`01/02/2024`) have no fix.
pub static META: RuleMeta = RuleMeta {
    code: "FM009",
    name: "invalid-date",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "A date field is not a real `YYYY-MM-DD` calendar date.",
    needs_spec: true,
};

struct InvalidDate<'a> {
    field: &'a str,
    value: String,
    problem: Problem,
}

enum Problem {
    /// Written as `YYYY-MM-DD` but not a calendar date: "month `13` does not exist".
    NotOnCalendar(String),
    /// Another spelling of a real date, which the fix rewrites.
    OtherSpelling(String),
    /// `01/02/2024`: day and month cannot be told apart.
    Ambiguous,
    /// Not a date at all.
    NotADate,
}

impl Violation for InvalidDate<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        match &self.problem {
            Problem::NotOnCalendar(reason) => {
                format!(
                    "`{}` is not a real date: {reason}; found `{}`",
                    self.field, self.value
                )
            }
            _ => format!(
                "`{}` must be a `YYYY-MM-DD` date; found `{}`",
                self.field, self.value
            ),
        }
    }
    fn help(&self) -> Option<String> {
        Some(match &self.problem {
            Problem::OtherSpelling(d) => format!("write it as `{d}`"),
            Problem::Ambiguous => format!(
                "`{}` can be read day-first or month-first; write the date as `YYYY-MM-DD`",
                self.value
            ),
            Problem::NotOnCalendar(_) | Problem::NotADate => {
                "write a real calendar date as `YYYY-MM-DD`, e.g. `2024-01-15`".into()
            }
        })
    }
}

/// Whether `s` has the `YYYY-MM-DD` shape (digits and dashes), real or not.
fn iso_shaped(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// `01/02/2024`, `1.2.2024`: two numbers up to 12 before a four-digit year.
fn ambiguous(s: &str) -> bool {
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    let small = |p: &str| p.len() <= 2 && p.parse::<u32>().is_ok_and(|n| (1..=12).contains(&n));
    parts.len() == 3
        && small(parts[0])
        && small(parts[1])
        && parts[2].len() == 4
        && parts[2].bytes().all(|b| b.is_ascii_digit())
}

pub fn check(c: &mut Checker<'_>) {
    let Some(fm) = valid_yaml(c) else { return };
    for field in c.spec.fields.iter().filter(|f| f.kind == FieldKind::Date) {
        let Some(entry) = fm.get(&field.name) else {
            continue;
        };
        // Lists and mappings are FM007's; an empty value is FM005's.
        let Some(value) = entry.value.as_ref().and_then(scalar_text) else {
            continue;
        };
        if value.trim().is_empty() || is_placeholder_value(&value) {
            continue;
        }
        let trimmed = value.trim();
        let Err(reason) = check_date(trimmed) else {
            continue;
        };
        let problem = match canonical_date(trimmed) {
            _ if iso_shaped(trimmed) => Problem::NotOnCalendar(reason),
            Some(d) => Problem::OtherSpelling(d),
            None if ambiguous(trimmed) => Problem::Ambiguous,
            None => Problem::NotADate,
        };
        let span = entry.value_span;
        let fix = match &problem {
            Problem::OtherSpelling(d) if !span.text(c.doc.text).contains('\n') => Some(Fix::safe(
                format!("Replace `{value}` with `{d}`"),
                vec![Edit::replace(span, d.clone())],
            )),
            _ => None,
        };
        let v = InvalidDate {
            field: &field.name,
            value: value.clone(),
            problem,
        };
        if let (Some(d), Some(fix)) = (c.report(v, span), fix) {
            d.fix = Some(fix);
        }
    }
}
