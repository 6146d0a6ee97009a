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
/// Not placeholders: HTML tags (`<br>`, `<details>`), elements closed
/// later in the document (MDX components such as `<Tabs>` … `</Tabs>`),
/// self-closing elements (`<DocCardList />`), autolinks
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
        // Only a placeholder standing alone (a whole cell, heading, bullet or
        // line) is certainly unfilled; inside a sentence it may be notation
        // (`s3://exports/<tenant_id>/`), and stays a warning.
        let cond = cond.filter(|_| stands_alone(doc, span));
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
    // `<Tabs>` with a `</Tabs>` after it is an element (an MDX component, a
    // custom HTML tag): a placeholder is never closed.
    let closed = closing_tags(text.get(doc.body_start..).unwrap_or(""));
    out.retain(|s| {
        let name = s.text(text).trim_start_matches('<').trim_end_matches('>');
        !closed.contains(name)
    });
    out.sort();
    out
}

/// The names of the closing tags (`</Tabs>`) of `text`, in one pass.
fn closing_tags(text: &str) -> std::collections::HashSet<&str> {
    text.match_indices("</")
        .filter_map(|(i, _)| {
            let rest = text.get(i + 2..)?;
            // Stops at the first character that cannot be in a tag name (the
            // next `<` included), so the scans never overlap: linear time.
            let end =
                rest.find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':')))?;
            (end > 0 && rest[end..].starts_with('>')).then(|| &rest[..end])
        })
        .collect()
}

/// Whether the placeholder at `span` is all its table cell, or all its
/// line once list markers, heading markers, table pipes and emphasis are
/// removed.
fn stands_alone(doc: &crate::document::Document<'_>, span: Span) -> bool {
    let bare = |t: &str| {
        t.trim()
            .trim_start_matches(['#', '-', '*', '+', '>', '|', ' ', '\t'])
            .trim_end_matches(['|', ' ', '\t', ':', '.'])
            .trim_matches(['*', '_', '`'])
            .trim()
            .to_string()
    };
    let p = span.text(doc.text);
    if let Some(row) = doc
        .tables
        .iter()
        .filter(|t| t.span.contains_span(span))
        .flat_map(|t| std::iter::once(&t.header).chain(&t.rows))
        .find(|r| r.span.contains_span(span))
    {
        return row
            .cells
            .iter()
            .find(|c| c.span.contains_span(span))
            .is_some_and(|c| bare(&c.text) == p);
    }
    let start = doc.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = crate::document::line_end_after(doc.text, span.end);
    let line = doc.text.get(start..end).unwrap_or("");
    let line = line
        .trim_start()
        .trim_start_matches(|ch: char| ch.is_ascii_digit());
    bare(line.strip_prefix(['.', ')']).unwrap_or(line)) == p
}

fn scan(text: &str, range: Span, out: &mut Vec<Span>) {
    let Some(segment) = text.get(range.start..range.end) else {
        return;
    };
    // Date templates: `YYYY-MM-DD`, `DD/MM/YYYY`, as whole words.
    let mut last_end = 0;
    for (i, _) in segment.match_indices("YYYY") {
        if i < last_end {
            continue;
        }
        let is_part = |ch: char| matches!(ch, 'Y' | 'M' | 'D' | '-' | '/' | '.');
        let start = segment[..i]
            .char_indices()
            .rev()
            .take_while(|&(_, ch)| is_part(ch))
            .last()
            .map_or(i, |(k, _)| k);
        let end = segment[i..]
            .char_indices()
            .take_while(|&(_, ch)| is_part(ch))
            .last()
            .map_or(i, |(k, ch)| i + k + ch.len_utf8());
        let word = segment[start..end].trim_end_matches(['.', '-', '/']);
        let before = segment[..start].chars().next_back();
        let after = segment[start + word.len()..].chars().next();
        let boundary = |ch: Option<char>| ch.is_none_or(|ch| !(ch.is_alphanumeric() || ch == '_'));
        last_end = end;
        // With separators only: `YYYYMMDD` describes a format, `YYYY-MM-DD` is the template's.
        let separated = word.contains(['-', '/', '.']);
        if separated
            && word.len() >= 7
            && text::is_date_template(word)
            && boundary(before)
            && boundary(after)
        {
            out.push(Span::new(
                range.start + start,
                range.start + start + word.len(),
            ));
        }
    }
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
