//! `FM004` duplicate-key: A front matter key appears twice.

use std::collections::HashMap;

use crate::diagnostic::{Edit, Fix, Related, Severity};
use crate::document::line_end_after;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::source::Span;
use crate::yaml::Entry;

/// ## What it does
/// Checks that no top-level key of the front matter appears twice.
///
/// ## Why is this bad?
/// YAML forbids duplicate keys, and the tools that accept them disagree on
/// which value wins: some keep the first, most keep the last. A reviewer who
/// reads one `status` may not see the other.
///
/// ## Example
/// ```yaml
/// status: draft
/// owner: data-platform-team
/// status: approved
/// ```
///
/// Use instead:
/// ```yaml
/// status: approved
/// owner: data-platform-team
/// ```
///
/// ## Fix safety
/// When both entries have the same value, removing the second one is safe.
/// Otherwise there is no fix: which value is right is for the author to say.
pub static META: RuleMeta = RuleMeta {
    code: "FM004",
    name: "duplicate-key",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "A front matter key appears twice.",
    needs_spec: false,
};

struct DuplicateKey<'a> {
    key: &'a str,
    same_value: bool,
}

impl Violation for DuplicateKey<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!("key `{}` appears twice in the front matter", self.key)
    }
    fn help(&self) -> Option<String> {
        Some(if self.same_value {
            "both have the same value; remove this one".into()
        } else {
            "the values differ and tools disagree on which one wins; keep only the right one".into()
        })
    }
}

pub fn check(c: &mut Checker<'_>) {
    // With a syntax error the scanned keys may be text inside an unclosed
    // string; FM003 reports the error alone.
    let Some(fm) = c.doc.yaml().filter(|fm| fm.error.is_none()) else {
        return;
    };
    let text = c.doc.text;
    // The first entry of every key.
    let mut firsts: HashMap<&str, &Entry> = HashMap::new();
    for entry in &fm.entries {
        let first = *firsts.entry(entry.key.as_str()).or_insert(entry);
        if std::ptr::eq(first, entry) {
            continue;
        }
        // Only equal parsed values make the second entry redundant.
        let same_value = match (&first.value, &entry.value) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        };
        let v = DuplicateKey {
            key: &entry.key,
            same_value,
        };
        let whole = Span::new(entry.span.start, line_end_after(text, entry.span.end));
        if let Some(d) = c.report(v, entry.key_span) {
            d.related.push(Related {
                span: first.key_span,
                message: format!("`{}` first set here", first.key),
                path: None,
            });
            if same_value {
                d.fix = Some(Fix::safe(
                    format!("Remove the second `{}`", entry.key),
                    vec![Edit::delete(whole)],
                ));
            }
        }
    }
}
