//! `FM002` unclosed-front-matter: The front matter block is opened with `---` but never closed.

use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::line_end_after;
use crate::rules::front_matter::newline;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};

/// ## What it does
/// Checks that the `---` line opening the front matter has a matching
/// closing `---` line.
///
/// ## Why is this bad?
/// Without the closing fence nothing of the document can be read reliably:
/// the fields run into the body, and Markdown renders the block as a rule
/// followed by text. No front matter field is checked until it is closed.
///
/// ## Example
/// ```markdown
/// ---
/// spec_type: database-schema
/// title: Loyalty Points Database Schema
/// # Loyalty Points Database Schema
/// ```
///
/// Use instead:
/// ```markdown
/// ---
/// spec_type: database-schema
/// title: Loyalty Points Database Schema
/// ---
/// # Loyalty Points Database Schema
/// ```
///
/// ## Fix safety
/// The fix inserts the closing `---` after the last line that looks like
/// YAML, before the body. It is unsafe: where the front matter was meant to
/// end is a guess.
pub static META: RuleMeta = RuleMeta {
    code: "FM002",
    name: "unclosed-front-matter",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "The front matter block is opened with `---` but never closed.",
    needs_spec: false,
};

struct UnclosedFrontMatter {
    /// The line after which the closing `---` most likely belongs.
    last_yaml_line: Option<usize>,
}

impl Violation for UnclosedFrontMatter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        "front matter opened with `---` is never closed".into()
    }
    fn help(&self) -> Option<String> {
        Some(match self.last_yaml_line {
            Some(line) => format!("add a `---` line after the last front matter line (line {line}), before the body"),
            None => "close the front matter with a `---` line, or remove the opening `---` if it is not front matter".into(),
        })
    }
}

/// Whether a line can belong to a YAML block mapping (a key, an item, an
/// indented continuation or a comment). An ATX heading (`# Title`) right
/// before the body is read as the body.
fn looks_like_yaml(line: &str) -> bool {
    let t = line.trim_end();
    if t.is_empty() || t.starts_with([' ', '\t', '-']) || t.starts_with("#") {
        return true;
    }
    t.find(':').is_some_and(|i| {
        let after = &t[i + 1..];
        i > 0 && (after.is_empty() || after.starts_with([' ', '\t']))
    })
}

pub fn check(c: &mut Checker<'_>) {
    let Some(block) = &c.doc.front_matter else {
        return;
    };
    if block.close.is_some() {
        return;
    }
    let text = c.doc.text;
    // The YAML-looking lines from the opening fence to the body.
    let mut pos = line_end_after(text, block.open.end);
    let mut last_yaml_end = None;
    let body = c.doc.body_start.max(pos);
    while pos < body {
        let end = line_end_after(text, pos).min(body);
        let line = text.get(pos..end).unwrap_or("");
        if !looks_like_yaml(line) {
            break;
        }
        if !line.trim().is_empty() && !line.trim_start().starts_with('#') {
            last_yaml_end = Some((pos, end));
        }
        pos = end;
    }
    let nl = newline(c.doc);
    let (last_yaml_line, fix) = match last_yaml_end {
        Some((line_start, end)) => {
            let line = c.doc.line(line_start);
            let insert = if text.get(..end).is_some_and(|t| t.ends_with('\n')) {
                format!("---{nl}")
            } else {
                format!("{nl}---{nl}")
            };
            (
                Some(line),
                Some(Fix::unsafe_(
                    format!("Insert `---` after line {line}"),
                    vec![Edit::insert(end, insert)],
                )),
            )
        }
        None => (None, None),
    };
    let v = UnclosedFrontMatter { last_yaml_line };
    if let (Some(d), Some(fix)) = (c.report(v, block.open), fix) {
        d.fix = Some(fix);
    }
}
