//! The bullets and paragraphs of an entity: keys, references and indexes written as prose.

use super::*;

pub(super) fn read_body(
    doc: &Document<'_>,
    region: Span,
    table: Option<Span>,
    e: &mut EntitySchema,
) {
    let (_, paragraphs) = indexes::within(&doc.paragraphs, |p| p.span, region);
    let (_, items) = indexes::within(&doc.list_items, |i| i.span, region);
    // A paragraph is read whole; a list item by its first paragraph (its
    // span covers its nested items, which are read on their own).
    let mut blocks: Vec<(Span, &str)> = paragraphs
        .iter()
        .map(|p| (p.span, p.span.text(doc.text)))
        .chain(items.iter().map(|i| {
            let raw = i.span.text(doc.text);
            let first = raw.split("\n\n").next().unwrap_or(raw);
            let first = match first.find("\n") {
                Some(nl) if first[nl..].trim_start().starts_with(['-', '*', '+']) => &first[..nl],
                _ => first,
            };
            (i.span, first)
        }))
        .filter(|(s, _)| region.contains_span(*s) && !table.is_some_and(|t| t.contains_span(*s)))
        .collect();
    blocks.sort_by_key(|(s, _)| *s);
    for (s, text) in blocks {
        if !keys::may_mark(text) {
            continue;
        }
        for d in keys::line_declaration(text) {
            e.keys.push(KeyFact {
                kind: d.kind,
                columns: d.columns,
                source: KeySource::Body,
                span: Span::new(s.start + d.start, s.start + d.end),
                ordinal: None,
            });
        }
        if !refs::may_reference(text) {
            continue;
        }
        let parsed = refs::parse(text, refs::Context::default());
        for r in parsed.references {
            let before = text.get(..r.start).unwrap_or("");
            let column = r
                .local
                .first()
                .cloned()
                .or_else(|| last_code_span(before))
                .unwrap_or_default();
            push_foreign_key_in(e, &column, r, s.start, KeySource::Body, s);
        }
    }
}

/// The last code span of a text (`` `team_id` → `` gives `team_id`).
pub(super) fn last_code_span(s: &str) -> Option<String> {
    let end = s.rfind('`')?;
    let start = s[..end].rfind('`')?;
    let inner = s[start + 1..end].trim();
    (!inner.is_empty() && !inner.contains(' ')).then(|| inner.to_string())
}
