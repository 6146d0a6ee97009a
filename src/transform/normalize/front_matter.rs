//! Front matter pass: keys in the spec type's order.
//!
//! Each key moves with the lines between it and the key before it (its
//! comments) and its inline comment; lines before the first key stay on top. Unknown keys follow the
//! known ones in their original order. Values, quoting and comments are kept
//! byte for byte. Nothing is done when the YAML has an error or a duplicate
//! key (the order of duplicates matters to readers).

use crate::diagnostic::Edit;
use crate::document::{Document, line_end_after};
use crate::source::Span;
use crate::spec_type::SpecType;

/// Edits that put the front matter keys of `doc` in `spec`'s order (none when already ordered).
pub fn reorder(doc: &Document<'_>, spec: &SpecType) -> Vec<Edit> {
    let Some(fm) = doc.front_matter.as_ref().filter(|f| f.close.is_some()) else {
        return Vec::new();
    };
    let y = &fm.yaml;
    if y.error.is_some() || y.not_a_mapping || y.entries.is_empty() {
        return Vec::new();
    }
    let mut seen = std::collections::HashSet::new();
    if !y.entries.iter().all(|e| seen.insert(e.key.as_str())) {
        return Vec::new();
    }
    let text = doc.text;
    // Chunk i: from the end of entry i-1's last line (or the first entry's own
    // leading comments) to the end of entry i's last line.
    // Lines above the first key (a `# yaml-language-server:` header, say) stay on top.
    let first_start = y.entries[0].span.start;
    let mut chunks: Vec<(usize, Span)> = Vec::new();
    let mut start = first_start;
    for e in &y.entries {
        let end = line_end_after(text, e.span.end.saturating_sub(1).max(e.span.start))
            .min(fm.content.end);
        let end = if e.span.is_empty() {
            line_end_after(text, e.span.start).min(fm.content.end)
        } else {
            end
        };
        let rank = spec
            .fields
            .iter()
            .position(|f| f.name == e.key)
            .unwrap_or(usize::MAX);
        chunks.push((rank, Span::new(start, end.max(start))));
        start = end.max(start);
    }
    let mut sorted = chunks.clone();
    sorted.sort_by_key(|(rank, _)| *rank);
    if sorted.iter().map(|c| c.1).eq(chunks.iter().map(|c| c.1)) {
        return Vec::new();
    }
    let mut out = String::new();
    for (_, span) in &sorted {
        let t = span.text(text);
        out.push_str(t);
        if !t.ends_with('\n') {
            out.push('\n');
        }
    }
    let whole = Span::new(first_start, start);
    // Keep what followed the last entry's line break exactly as it was.
    if !whole.text(text).ends_with('\n') && out.ends_with('\n') {
        out.pop();
    }
    vec![Edit::replace(whole, out)]
}
