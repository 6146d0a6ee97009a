//! `TR002` template-guidance: template guidance text is copied verbatim.

use std::collections::HashSet;

use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::{Document, line_end_after};
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::source::Span;
use crate::text::guidance_key;

/// ## What it does
/// Checks for the template's guidance text left in the document: a list item
/// or paragraph that is, word for word, one of the `residue` lines of the spec
/// type (at type, section or entry level), such as "Foreign key diagrams,
/// cascades, cardinality, polymorphic relationships." The comparison ignores
/// case, white space, a trailing `.` or `:`, and mojibake (`â†’` in a file
/// that was once decoded as Windows-1252 matches `→`). Guidance is found
/// wherever it is, not only in the section it came from.
///
/// A warning by default; an error when an active condition of the spec type
/// sets `no_residue` (for the database schema type: `status: approved`).
///
/// ## Why is this bad?
/// Guidance left in place reads like content: a section looks answered when
/// it only repeats the template's question.
///
/// ## Example
/// ```markdown
/// ## References
/// - ADR-0014: choose PostgreSQL for the orders domain.
/// - ERD files, db diagrams, ADRs, migration histories, incident postmortems, data dictionaries.
/// ```
///
/// Use instead:
/// ```markdown
/// ## References
/// - ADR-0014: choose PostgreSQL for the orders domain.
/// ```
///
/// ## Fix safety
/// The fix deletes the bullet's or paragraph's lines. It is unsafe: the
/// author may have meant the sentence as content. There is no fix for a
/// bullet with nested bullets, or one that shares its line with other text.
pub static META: RuleMeta = RuleMeta {
    code: "TR002",
    name: "template-guidance",
    severity: Severity::Warning,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "Template guidance text is copied verbatim.",
    needs_spec: true,
};

struct TemplateGuidance<'a> {
    /// The heading of the section the guidance is in.
    section: Option<&'a str>,
}

impl Violation for TemplateGuidance<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        match self.section {
            Some(s) => format!("template guidance is copied verbatim into `{s}`"),
            None => "template guidance is copied verbatim".to_string(),
        }
    }
    fn help(&self) -> Option<String> {
        Some("replace the template's guidance with what this document has to say".to_string())
    }
}

pub fn check(c: &mut Checker<'_>) {
    let (doc, spec, analysis) = (c.doc, c.spec, c.analysis);
    let keys = spec.guidance_keys();
    if keys.is_empty() {
        return;
    }
    // First words of the keys: a cheap filter before a block's full key is built.
    let firsts: HashSet<&str> = keys
        .iter()
        .map(|k| k.split(' ').next().unwrap_or(""))
        .collect();
    let may_match = |text: &str| {
        let w = text.split_whitespace().next().unwrap_or("");
        if !w.is_ascii() {
            return true; // mojibake or non-ASCII: build the full key
        }
        let lower = w.to_ascii_lowercase();
        firsts.contains(lower.as_str()) || firsts.contains(lower.trim_end_matches(['.', ':', ';']))
    };
    // List items (first paragraph) and paragraphs outside lists, in document order.
    let mut blocks: Vec<(Span, &str, bool)> = doc
        .list_items
        .iter()
        .map(|i| (i.span, i.text.as_str(), true))
        .collect();
    blocks.extend(
        doc.paragraphs
            .iter()
            .map(|p| (p.span, p.text.as_str(), false)),
    );
    blocks.sort_by_key(|b| b.0);
    let cond = analysis.condition_requiring(spec, |x| x.then.no_residue);
    let section_level = spec.sections.iter().map(|s| s.level).min().unwrap_or(2);
    for (span, text, is_item) in blocks {
        if span.start < doc.body_start || !may_match(text) || !keys.contains(&guidance_key(text)) {
            continue;
        }
        let nested = is_item
            && doc
                .list_items
                .iter()
                .any(|o| o.span != span && span.contains_span(o.span));
        let fix = if nested {
            None
        } else {
            delete_lines(doc, span)
        }
        .map(|edit| {
            let what = if is_item { "bullet" } else { "paragraph" };
            Fix::unsafe_(format!("Remove the template guidance {what}"), vec![edit])
        });
        let v = TemplateGuidance {
            section: section_title(doc, span.start, section_level),
        };
        if let (Some(d), Some(fix)) = (c.report_escalated(v, span, cond), fix) {
            d.fix = Some(fix);
        }
    }
}

/// The heading text of the section holding `offset`, at the spec type's section level (or above).
fn section_title<'d>(doc: &'d Document<'_>, offset: usize, level: u8) -> Option<&'d str> {
    let mut cur = doc.section_at(offset)?;
    loop {
        let s = doc.section(cur)?;
        match s.parent {
            Some(p) if s.level > level => cur = p,
            _ => break,
        }
    }
    doc.heading(doc.section(cur)?.heading)
        .map(|h| h.text.as_str())
}

/// An edit deleting the whole lines of `span`, when nothing but indentation
/// or blockquote markers precedes it on its first line.
fn delete_lines(doc: &Document<'_>, span: Span) -> Option<Edit> {
    let start = doc
        .line_index
        .line_start(doc.line_index.line_of(span.start))?;
    let prefix = doc.text.get(start..span.start)?;
    if !prefix.chars().all(|c| c.is_whitespace() || c == '>') {
        return None;
    }
    let end = line_end_after(doc.text, span.end.max(start));
    Some(Edit::delete(Span::new(start, end)))
}
