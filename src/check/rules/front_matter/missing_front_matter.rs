//! `FM001` missing-front-matter: The document has no YAML front matter block.

use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::{Document, line_end_after};
use crate::rules::front_matter::newline;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::source::Span;
use crate::spec_type::{FieldKind, FieldSpec, SpecType};
use crate::text::code_list;

/// ## What it does
/// Checks that the document starts with a YAML front matter block: a `---`
/// line on the very first line, `key: value` lines, and a closing `---`.
///
/// ## Why is this bad?
/// The front matter says which spec type the document follows (`spec_type`)
/// and carries the metadata tools filter on (`status`, `owner`,
/// `last_updated`). A block that does not start on the first line (after
/// blank lines, or further down) is not front matter at all: Markdown renders
/// it as a horizontal rule and a heading.
///
/// ## Example
/// ```markdown
/// # Orders Service Database Schema
///
/// ## Purpose
/// ```
///
/// Use instead:
/// ```markdown
/// ---
/// spec_type: database-schema
/// title: Orders Service Database Schema
/// owner: commerce-platform-team
/// status: draft
/// last_updated: 2026-10-14
/// applicability: [web, mobile]
/// related_initiatives: []
/// ---
///
/// # Orders Service Database Schema
/// ```
///
/// ## Fix safety
/// Every fix is unsafe: once the document has front matter, its fields are
/// checked and may report new problems. When the block only follows blank
/// lines, the fix removes them; when it stands further down, the fix moves it
/// to the top (the `---` lines might have been meant as rules). Otherwise,
/// when the spec type is known, the fix inserts a skeleton with its required
/// fields, whose placeholders are reported until they are filled in.
pub static META: RuleMeta = RuleMeta {
    code: "FM001",
    name: "missing-front-matter",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "The document has no YAML front matter block.",
    needs_spec: false,
};

/// Where a front-matter-like block was found instead.
enum Misplaced {
    /// After blank lines only.
    AfterBlankLines { line: usize },
    /// Further down the document.
    Later { line: usize },
}

struct MissingFrontMatter<'a> {
    misplaced: Option<Misplaced>,
    spec: &'a SpecType,
    known: Vec<&'a str>,
}

impl Violation for MissingFrontMatter<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        "the document has no YAML front matter".into()
    }
    fn help(&self) -> Option<String> {
        Some(match &self.misplaced {
            Some(Misplaced::AfterBlankLines { line }) => {
                format!(
                    "the `---` block on line {line} must start on the first line; remove the blank lines before it"
                )
            }
            Some(Misplaced::Later { line }) => {
                format!(
                    "the `---` block on line {line} looks like front matter; move it to the top of the document"
                )
            }
            None if !self.spec.id.is_empty() => {
                let required: Vec<&str> = self
                    .spec
                    .fields
                    .iter()
                    .filter(|f| f.required)
                    .map(|f| f.name.as_str())
                    .collect();
                let mut h = format!(
                    "start the document with a `---` block declaring `spec_type: {}`",
                    self.spec.id
                );
                let others: Vec<&str> =
                    required.into_iter().filter(|n| *n != "spec_type").collect();
                if !others.is_empty() {
                    h.push_str(&format!(" and {}", code_list(&others)));
                }
                h
            }
            None => format!(
                "start the document with a `---` block declaring its `spec_type` (known types: {})",
                code_list(&self.known)
            ),
        })
    }
}

/// Whether a line looks like a top-level `key: value` line.
fn looks_like_key(line: &str) -> bool {
    let Some(colon) = line.find(':') else {
        return false;
    };
    let key = &line[..colon];
    let after = &line[colon + 1..];
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
        && (after.is_empty() || after.starts_with([' ', '\t']))
}

/// A `---` block with at least one `key: value` line and a closing `---`,
/// outside code blocks: the span from its opening line start to after its
/// closing line, and the opening offset.
fn find_block(doc: &Document<'_>, from: usize) -> Option<(Span, usize)> {
    let text = doc.text;
    let mut pos = from;
    while pos < text.len() {
        let end = line_end_after(text, pos);
        let line = text.get(pos..end).unwrap_or("").trim_end();
        if line == "---" && !doc.in_code(pos) {
            // Look for key lines up to a closing fence.
            let mut p = end;
            let mut keys = 0;
            while p < text.len() {
                let e = line_end_after(text, p);
                let l = text.get(p..e).unwrap_or("").trim_end();
                if l == "---" || l == "..." {
                    if keys > 0 {
                        return Some((Span::new(pos, e), pos));
                    }
                    break;
                }
                if looks_like_key(l) {
                    keys += 1;
                } else if !(l.is_empty() || l.starts_with([' ', '\t', '#', '-'])) {
                    break;
                }
                p = e;
            }
        }
        pos = end;
    }
    None
}

/// The YAML value a skeleton gives a field.
fn skeleton_value(f: &FieldSpec, title: Option<&str>) -> String {
    if let Some(v) = &f.const_value {
        return v.clone();
    }
    match f.kind {
        FieldKind::Enum => f
            .values
            .first()
            .cloned()
            .unwrap_or_else(|| format!("<{}>", f.name)),
        FieldKind::Date => "YYYY-MM-DD".into(),
        FieldKind::List if f.min_items.unwrap_or(0) == 0 => "[]".into(),
        FieldKind::List => format!("[<{}>]", f.name),
        _ if f.name == "title" => title.map_or_else(|| "<title>".into(), str::to_string),
        _ => format!("<{}>", f.name),
    }
}

pub fn check(c: &mut Checker<'_>) {
    if c.doc.front_matter.is_some() {
        return;
    }
    let text = c.doc.text;
    let start = if c.doc.bom { 3 } else { 0 };
    let nl = newline(c.doc);
    let first_line = Span::new(start, line_end_after(text, start)).trim(text);
    let span = if first_line.is_empty() {
        Span::empty(start)
    } else {
        first_line
    };

    let block = find_block(c.doc, start);
    let (misplaced, fix) = match block {
        Some((_, open)) if text.get(start..open).is_some_and(|s| s.trim().is_empty()) => {
            let line = c.doc.line(open);
            let fix = Fix::unsafe_(
                "Remove the blank lines before the front matter",
                vec![Edit::delete(Span::new(start, open))],
            );
            (Some(Misplaced::AfterBlankLines { line }), Some(fix))
        }
        Some((block, open)) => {
            let line = c.doc.line(open);
            let mut moved = block.text(text).to_string();
            if !moved.ends_with('\n') {
                moved.push_str(nl);
            }
            moved.push_str(nl);
            let fix = Fix::unsafe_(
                format!("Move the `---` block on line {line} to the top"),
                vec![Edit::insert(start, moved), Edit::delete(block)],
            );
            (Some(Misplaced::Later { line }), Some(fix))
        }
        None if !c.spec.id.is_empty() => {
            let title = c
                .doc
                .headings
                .iter()
                .find(|h| h.level == 1)
                .map(|h| h.text.as_str())
                .filter(|t| !t.is_empty());
            let mut skeleton = format!("---{nl}");
            for f in c.spec.fields.iter().filter(|f| f.required) {
                skeleton.push_str(&format!("{}: {}{nl}", f.name, skeleton_value(f, title)));
            }
            skeleton.push_str(&format!("---{nl}"));
            if !text.get(start..).unwrap_or("").starts_with(['\n', '\r']) {
                skeleton.push_str(nl);
            }
            let fix = Fix::unsafe_(
                format!("Insert a `{}` front matter skeleton", c.spec.id),
                vec![Edit::insert(start, skeleton)],
            );
            (None, Some(fix))
        }
        None => (None, None),
    };
    let known = c.registry.ids();
    let v = MissingFrontMatter {
        misplaced,
        spec: c.spec,
        known,
    };
    if let (Some(d), Some(fix)) = (c.report(v, span), fix) {
        d.fix = Some(fix);
    }
}
