//! Unsafe structure passes, off by default: move sections into the spec
//! type's order, and insert missing required sections as stubs.
//!
//! Both are unsafe because they change what a reader sees where; both keep
//! every word. A moved section takes everything up to the next section-level
//! heading with it (unknown sections travel with the known section above
//! them). A stub holds a placeholder, so it is reported until written.

use crate::analysis::{Analysis, HeadingRole};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::source::Span;
use crate::spec_type::SpecType;

/// Top-level chunks: (rank, span) per section-level heading; rank is the spec
/// index, or that of the closest known section above for unknown ones.
fn chunks(
    doc: &Document<'_>,
    spec: &SpecType,
    a: &Analysis,
) -> Option<(usize, Vec<(usize, Span)>)> {
    let level = spec.sections.iter().map(|s| s.level).min()?;
    let tops: Vec<usize> = (0..doc.headings.len())
        .filter(|&i| {
            doc.headings[i].level <= level && !matches!(a.roles[i], HeadingRole::DocumentTitle)
        })
        .collect();
    let first = *tops.first()?;
    let mut out = Vec::new();
    let mut rank = 0usize;
    for (k, &i) in tops.iter().enumerate() {
        rank = match a.roles[i] {
            HeadingRole::Section { spec }
            | HeadingRole::NearMiss { spec, .. }
            | HeadingRole::WrongLevel { spec }
            | HeadingRole::Duplicate { spec, .. } => spec,
            _ => rank,
        };
        let start = doc.headings[i].span.start;
        let end = tops
            .get(k + 1)
            .map_or(doc.text.len(), |&n| doc.headings[n].span.start);
        out.push((rank, Span::new(start, end)));
    }
    Some((doc.headings[first].span.start, out))
}

/// Edits that move sections into the spec's order.
pub fn reorder(doc: &Document<'_>, spec: &SpecType) -> Vec<Edit> {
    let a = Analysis::new(doc, spec);
    let Some((start, chunks)) = chunks(doc, spec, &a) else {
        return Vec::new();
    };
    let mut sorted = chunks.clone();
    sorted.sort_by_key(|c| c.0);
    if sorted.iter().map(|c| c.1).eq(chunks.iter().map(|c| c.1)) {
        return Vec::new();
    }
    let mut out = String::new();
    for (_, span) in sorted {
        let t = span.text(doc.text);
        out.push_str(t.trim_end_matches('\n'));
        out.push_str("\n\n");
    }
    vec![Edit::replace(Span::new(start, doc.text.len()), out)]
}

/// Edits that insert a stub for every missing required section, before the
/// next present section in the spec's order (or at the end).
pub fn insert_missing(doc: &Document<'_>, spec: &SpecType) -> Vec<Edit> {
    let a = Analysis::new(doc, spec);
    let mut edits = Vec::new();
    for (s, sec) in spec.sections.iter().enumerate() {
        if !sec.required || a.found[s].is_some() {
            continue;
        }
        let next = (s + 1..spec.sections.len())
            .find_map(|n| a.found[n])
            .map(|h| doc.headings[h].span.start);
        let stub = format!(
            "{} {}\n\n<{}: to be written>\n\n",
            "#".repeat(sec.level as usize),
            sec.title,
            sec.title
        );
        match next {
            Some(at) => edits.push(Edit::insert(at, stub)),
            None => {
                let sep = if doc.text.ends_with("\n\n") {
                    ""
                } else if doc.text.ends_with('\n') {
                    "\n"
                } else {
                    "\n\n"
                };
                edits.push(Edit::insert(doc.text.len(), format!("{sep}{stub}")));
            }
        }
    }
    // Several stubs before the same section keep the spec's order.
    edits
}
