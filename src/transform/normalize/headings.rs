//! Headings pass: ATX style (`## Title`), one space after the markers, no
//! closing `#`s, and one blank line before and after.
//!
//! Only headings at the start of a line outside containers are touched
//! (a heading inside a list item or block quote keeps its form).

use super::at_line_start;
use crate::diagnostic::Edit;
use crate::document::{Document, line_end_after};

pub fn format(doc: &Document<'_>) -> Vec<Edit> {
    let text = doc.text;
    let mut edits = Vec::new();
    for h in &doc.headings {
        if !at_line_start(text, h.span.start) || h.span.start < doc.body_start {
            continue;
        }
        // A setext heading over several lines is too often something else
        // (YAML that lost its front matter fences): leave it.
        if h.setext && h.content.text(text).contains('\n') {
            continue;
        }
        let first = text[h.span.start..].chars().next().unwrap_or(' ');
        if first.is_whitespace() || first == '>' {
            continue;
        }
        let content = h.content.text(text);
        let content = if h.setext {
            content.lines().map(str::trim).collect::<Vec<_>>().join(" ")
        } else {
            content.to_string()
        };
        let mut wanted = "#".repeat(h.level as usize);
        if !content.is_empty() {
            wanted.push(' ');
            wanted.push_str(&content);
        }
        if h.span.text(text) != wanted {
            edits.push(Edit::replace(h.span, wanted));
        }
        // Blank line before (also between the front matter and a first heading).
        if h.span.start == doc.body_start
            && doc.front_matter.as_ref().is_some_and(|f| f.close.is_some())
            && h.span.start > 0
        {
            edits.push(Edit::insert(h.span.start, "\n"));
        } else if h.span.start > doc.body_start {
            let prev_line_start = text[..h.span.start - 1].rfind('\n').map_or(0, |i| i + 1);
            if !text[prev_line_start..h.span.start].trim().is_empty() {
                edits.push(Edit::insert(h.span.start, "\n"));
            }
        }
        // Blank line after.
        let next = line_end_after(text, h.span.end);
        if next < text.len() {
            let next_end = line_end_after(text, next);
            if !text[next..next_end].trim().is_empty() {
                edits.push(Edit::insert(next, "\n"));
            }
        }
    }
    // Two headings in a row ask for the same blank line twice.
    edits.dedup_by(|a, b| a.span == b.span && a.text == b.text && a.span.is_empty());
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits.dedup_by(|a, b| a.span == b.span && a.text == b.text && a.span.is_empty());
    edits
}
