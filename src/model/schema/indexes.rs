//! Index bullets of an entity: `` - `idx_orders_customer` btree on (customer_id) ``.
//!
//! [`read_indexes`] finds the bullets under an `Indexes:` paragraph or bullet
//! or an `Indexes` subsection of the entity; [`parse_index`] reads one.

use crate::document::{Document, SectionId};
use crate::source::Span;

use super::{IndexSchema, find_words};

// ---------------------------------------------------------------------------
// Indexes

/// Whether a paragraph, bullet or heading text introduces indexes (`Indexes:`).
fn is_indexes_label(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches(':')
        .trim()
        .trim_matches('*')
        .trim_end_matches(':')
        .trim()
        .to_ascii_lowercase();
    matches!(t.as_str(), "indexes" | "indices" | "index")
}

/// Index bullets of an entity section.
pub(crate) fn read_indexes(doc: &Document<'_>, section: SectionId) -> Vec<IndexSchema> {
    let Some(sec) = doc.section(section) else {
        return Vec::new();
    };
    let region = sec.span;
    let mut picked: Vec<usize> = Vec::new();
    let in_region = |s: Span| region.contains_span(s);
    // Only blocks inside the entity's section are looked at (all lists are in document order).
    let (first_item, items) = within(&doc.list_items, |i| i.span, region);
    let item_ix = |k: usize| first_item + k;
    // `Indexes:` paragraphs: the list right after them.
    let (_, paragraphs) = within(&doc.paragraphs, |p| p.span, region);
    for p in paragraphs
        .iter()
        .filter(|p| in_region(p.span) && is_indexes_label(&p.text))
    {
        let next_block = [
            next_start(&doc.paragraphs, |x| x.span.start, p.span.end),
            next_start(&doc.tables, |t| t.span.start, p.span.end),
            next_start(&doc.code_blocks, |c| c.span.start, p.span.end),
            next_start(&doc.headings, |h| h.span.start, p.span.end),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(usize::MAX)
        .min(region.end);
        let after: Vec<usize> = (0..items.len())
            .filter(|&i| items[i].span.start > p.span.end && items[i].span.start < next_block)
            .collect();
        if let Some(depth) = after.iter().map(|&i| items[i].depth).min() {
            picked.extend(
                after
                    .into_iter()
                    .filter(|&i| items[i].depth == depth)
                    .map(item_ix),
            );
        }
    }
    // `- Indexes:` bullets: their nested bullets.
    for item in items
        .iter()
        .filter(|i| in_region(i.span) && is_indexes_label(&i.text))
    {
        picked.extend(
            (0..items.len())
                .filter(|&k| {
                    let x = &items[k];
                    x.depth == item.depth + 1
                        && item.span.contains_span(x.span)
                        && x.span.start > item.span.start
                })
                .map(item_ix),
        );
    }
    // `#### Indexes` subsections: their outermost bullets.
    for &child in descendants(doc, section).iter() {
        let Some(h) = doc.heading(doc.sections[child].heading) else {
            continue;
        };
        if !is_indexes_label(&h.text) {
            continue;
        }
        let span = doc.sections[child].span;
        let inside: Vec<usize> = (0..items.len())
            .filter(|&k| span.contains_span(items[k].span))
            .collect();
        if let Some(depth) = inside.iter().map(|&k| items[k].depth).min() {
            picked.extend(
                inside
                    .into_iter()
                    .filter(|&k| items[k].depth == depth)
                    .map(item_ix),
            );
        }
    }
    picked.sort_unstable();
    picked.dedup();
    picked
        .into_iter()
        .filter_map(|k| doc.list_items.get(k))
        .map(|item| {
            let mut ix = parse_index(item.span.text(doc.text));
            ix.span = item.span;
            ix
        })
        .collect()
}

/// The elements of `v` (sorted by start) that start inside `region`, and the index of the first.
pub(crate) use crate::source::within;

/// The first start after `offset` among the elements of `v` (sorted by start).
pub(crate) fn next_start<T>(
    v: &[T],
    start_of: impl Fn(&T) -> usize,
    offset: usize,
) -> Option<usize> {
    let a = v.partition_point(|x| start_of(x) <= offset);
    v.get(a).map(start_of)
}

fn descendants(doc: &Document<'_>, section: SectionId) -> Vec<SectionId> {
    let mut out = Vec::new();
    let mut stack = vec![section];
    while let Some(s) = stack.pop() {
        if let Some(sec) = doc.section(s) {
            for &c in &sec.children {
                out.push(c);
                stack.push(c);
            }
        }
    }
    out.sort_unstable();
    out
}

const INDEX_METHODS: &[&str] = &[
    "btree",
    "b-tree",
    "hash",
    "gin",
    "gist",
    "brin",
    "spgist",
    "sp-gist",
    "bloom",
    "hnsw",
    "ivfflat",
    "fulltext",
    "spatial",
    "bitmap",
    "minmax",
    "set",
    "ngrambf_v1",
    "tokenbf_v1",
    "bloom_filter",
    "inverted",
    "clustered",
    "nonclustered",
    "columnstore",
    "text",
    "2dsphere",
    "ttl",
];

/// Reads an index bullet such as "- `idx_orders_customer_id` unique btree on
/// (customer_id, created_at DESC)": the leading code span is the name, a known
/// access method word the method, `unique` sets `unique`, and the items of the
/// parentheses after `on` the columns (nested parentheses kept: `lower(email)`).
/// Unknown parts are left `None`/empty; `span` is left empty for the caller.
pub fn parse_index(raw: &str) -> IndexSchema {
    let text = document_text(raw);
    let mut ix = IndexSchema {
        text: text.clone(),
        ..IndexSchema::default()
    };
    let mut rest = text.as_str();
    if let Some(inner) = rest.strip_prefix('`') {
        if let Some(close) = inner.find('`') {
            let name = inner[..close].trim();
            if !name.is_empty() {
                ix.name = Some(name.to_string());
            }
            rest = &inner[close + 1..];
        }
    }
    let lower = rest.to_ascii_lowercase();
    // The columns: the parentheses after the word `on`.
    let mut head_end = rest.len();
    for i in find_words(&lower, "on") {
        let after = rest.get(i + 2..).unwrap_or("").trim_start();
        if after.starts_with('(') {
            if let Some(cols) = split_parens(after) {
                ix.columns = cols;
                head_end = i;
                break;
            }
        }
    }
    let head = &rest[..head_end.min(rest.len())];
    for w in head.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        let base = w
            .split('(')
            .next()
            .unwrap_or("")
            .trim_matches('`')
            .to_ascii_lowercase();
        if base == "unique" {
            ix.unique = true;
        } else if ix.method.is_none() && INDEX_METHODS.contains(&base.as_str()) {
            ix.method = Some(w.trim_matches('`').to_string());
        }
    }
    if ix.method.is_none() {
        // `... using gin (col)` / `USING hash`.
        let low = text.to_ascii_lowercase();
        if let Some(i) = find_words(&low, "using").next() {
            let w = text
                .get(i + 5..)
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or("");
            let base = w.split('(').next().unwrap_or("").to_ascii_lowercase();
            if INDEX_METHODS.contains(&base.as_str()) {
                ix.method = Some(base);
            }
        }
    }
    ix
}

/// A bullet's text as written, marker removed and white space collapsed.
fn document_text(raw: &str) -> String {
    let t = raw.trim_start();
    let t = if let Some(r) = t.strip_prefix(['-', '*', '+']) {
        r
    } else {
        let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        match t[digits..].chars().next() {
            Some('.' | ')') if digits > 0 => &t[digits + 1..],
            _ => t,
        }
    };
    crate::document::collapse_ws(t)
}

/// `(a, lower(b), c DESC) rest` → `["a", "lower(b)", "c DESC"]`, backticks removed.
fn split_parens(s: &str) -> Option<Vec<String>> {
    let mut depth = 0usize;
    let mut cur = String::new();
    let mut out = Vec::new();
    for c in s.chars() {
        match c {
            '(' => {
                if depth > 0 {
                    cur.push(c);
                }
                depth += 1;
            }
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let item = cur.trim().to_string();
                    if !item.is_empty() {
                        out.push(item);
                    }
                    return Some(out);
                }
                cur.push(c);
            }
            ',' if depth == 1 => {
                let item = std::mem::take(&mut cur).trim().to_string();
                if !item.is_empty() {
                    out.push(item);
                }
            }
            '`' => {}
            _ => cur.push(c),
        }
    }
    None
}
