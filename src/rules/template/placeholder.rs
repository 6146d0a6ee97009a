//! `TR001` template-placeholder: a template placeholder such as `<table_name>` is left in the body.

use crate::analysis::HeadingRole;
use crate::diagnostic::Severity;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::source::Span;
use crate::text;

/// ## What it does
/// Checks the Markdown body for template placeholders left unreplaced:
/// `<...>` such as `<table_name>` or `<owner-team>` in prose, list items,
/// table cells and headings, including an entity heading written as a code
/// span (``### `<table_name>` ``).
///
/// Not placeholders: HTML tags (`<br>`, `<details>`), autolinks
/// (`<https://example.com>`), comparisons (`a < b`), generic types written
/// next to a name (`Map<K,V>`), escaped brackets (`\<T>`), and anything in
/// code blocks, inline code spans outside headings, or HTML comments.
/// Placeholders in the front matter are reported by `placeholder-value`.
///
/// A warning by default; an error when an active condition of the spec type
/// sets `no_placeholders` (for the database schema type: `status: approved`).
///
/// ## Why is this bad?
/// A placeholder is a question the template asked that nobody answered;
/// readers cannot tell whether the value is unknown or was forgotten.
///
/// ## Example
/// ```markdown
/// - Each migration needs approval from one engineer of <owner-team>.
/// ```
///
/// Use instead:
/// ```markdown
/// - Each migration needs approval from one engineer of commerce-platform-team.
/// ```
///
/// ## Fix safety
/// There is no fix: only the author knows the value.
pub static META: RuleMeta = RuleMeta {
    code: "TR001",
    name: "template-placeholder",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::None,
    summary: "A template placeholder such as `<table_name>` is left in the body.",
    needs_spec: true,
};

struct TemplatePlaceholder<'a> {
    placeholder: &'a str,
    /// The placeholder names an entity (``### `<table_name>` ``): what one entry is called.
    entry: Option<&'a str>,
}

impl Violation for TemplatePlaceholder<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        match self.entry {
            Some(entry) => format!(
                "{entry} heading `{}` is a template placeholder",
                self.placeholder
            ),
            None => format!(
                "template placeholder `{}` is left in the text",
                self.placeholder
            ),
        }
    }
    fn help(&self) -> Option<String> {
        Some(match self.entry {
            Some(entry) => format!("name the {entry} after what it describes, e.g. `orders`"),
            None => format!("replace `{}` with the actual value", self.placeholder),
        })
    }
}

pub fn check(c: &mut Checker<'_>) {
    let (doc, spec, analysis) = (c.doc, c.spec, c.analysis);
    let cond = analysis.condition_requiring(spec, |x| x.then.no_placeholders);
    for span in find(doc) {
        let entry = doc
            .headings
            .iter()
            .position(|h| h.span.contains_span(span))
            .and_then(|i| match analysis.roles.get(i) {
                Some(HeadingRole::Entry { spec: s }) => spec
                    .sections
                    .get(*s)?
                    .entries
                    .as_ref()
                    .map(|e| e.name.as_str()),
                _ => None,
            });
        let v = TemplatePlaceholder {
            placeholder: span.text(doc.text),
            entry,
        };
        c.report_escalated(v, span, cond);
    }
}

/// Spans of the placeholders of the body, in order.
fn find(doc: &crate::document::Document<'_>) -> Vec<Span> {
    let text = doc.text;
    let headings: Vec<Span> = doc.headings.iter().map(|h| h.span).collect();
    let in_heading = |s: Span| {
        let i = headings.partition_point(|h| h.start <= s.start);
        i > 0 && headings.get(i - 1).is_some_and(|h| h.contains_span(s))
    };
    let mut excluded: Vec<Span> = doc.code_blocks.iter().map(|b| b.span).collect();
    excluded.extend(doc.code_spans.iter().copied().filter(|s| !in_heading(*s)));
    excluded.extend(
        doc.html
            .iter()
            .copied()
            .filter(|s| s.text(text).trim_start().starts_with("<!--")),
    );
    excluded.sort();
    let mut out = Vec::new();
    let mut pos = doc.body_start;
    for ex in excluded {
        if ex.start > pos {
            scan(text, Span::new(pos, ex.start), &mut out);
        }
        pos = pos.max(ex.end);
    }
    scan(text, Span::new(pos, text.len()), &mut out);
    out
}

fn scan(text: &str, range: Span, out: &mut Vec<Span>) {
    let Some(segment) = text.get(range.start..range.end) else {
        return;
    };
    for (s, e) in text::placeholders(segment) {
        let start = range.start + s;
        let before = text.get(..start).unwrap_or("");
        let prev = before.chars().next_back();
        // `\<T>` is escaped, `Map<K,V>` is a generic type, `](<path>)` a link destination.
        if prev.is_some_and(|p| p == '\\' || p.is_alphanumeric() || p == '_')
            || before.ends_with("](")
        {
            continue;
        }
        out.push(Span::new(start, range.start + e));
    }
}
