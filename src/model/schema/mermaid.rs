//! Entity names of Mermaid `erDiagram` blocks.

use std::collections::HashSet;

use crate::document::Document;
use crate::source::Span;

// ---------------------------------------------------------------------------
// Mermaid erDiagram

/// The entities of every Mermaid code block whose first non-blank line is
/// `erDiagram`, with the span of each name in the code block. Names come from
/// relationship lines (`customers ||--o{ orders : places`), entity blocks
/// (`customers { ... }`, attributes skipped) and lone entity lines; quotes
/// and aliases (`p["Person"]`) are removed. Each name is listed once
/// (case-insensitive), at its first occurrence, in document order.
pub fn mermaid_entities(doc: &Document<'_>) -> Vec<(String, Span)> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for b in doc.code_blocks.iter().filter(|b| b.language() == "mermaid") {
        let code = b.content.text(doc.text);
        for (name, start, end) in er_diagram_entities(code) {
            if seen.insert(crate::text::fold_case(&name)) {
                out.push((
                    name,
                    Span::new(b.content.start + start, b.content.start + end),
                ));
            }
        }
    }
    out
}

/// The entity names of one Mermaid diagram (every occurrence, with offsets
/// relative to `code`); empty when the diagram is not an `erDiagram`.
pub fn er_diagram_entities(code: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut header_seen = false;
    let mut in_front_matter = false;
    let mut in_block = false;
    let mut pos = 0;
    for line in code.split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        let trimmed = line.trim();
        if !header_seen {
            if in_front_matter {
                in_front_matter = trimmed != "---";
                continue;
            }
            if trimmed.is_empty() || trimmed.starts_with("%%") {
                continue;
            }
            if trimmed == "---" {
                in_front_matter = true;
                continue;
            }
            if trimmed.split_whitespace().next() != Some("erDiagram") {
                return Vec::new();
            }
            header_seen = true;
            continue;
        }
        if in_block {
            if trimmed.contains('}') {
                in_block = false;
            }
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with("%%") {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let base = line_start + lead;
        let first = trimmed
            .split(|c: char| c.is_whitespace() || c == ':' || c == '{')
            .next()
            .unwrap_or("");
        if matches!(
            first,
            "erDiagram"
                | "direction"
                | "title"
                | "accTitle"
                | "accDescr"
                | "classDef"
                | "class"
                | "style"
        ) {
            if first == "accDescr" && trimmed.contains('{') && !trimmed.contains('}') {
                in_block = true;
            }
            continue;
        }
        let tokens = tokens(trimmed);
        // Relationship: `A <cardinality> B : label`.
        if let Some(colon) = label_colon(trimmed) {
            // Tokens before the label; one running into the colon (`b: label`) is cut there.
            let left: Vec<(usize, &str)> = tokens
                .iter()
                .filter(|(o, _)| *o < colon)
                .map(|&(o, t)| {
                    (
                        o,
                        t.get(..colon - o)
                            .filter(|_| o + t.len() > colon)
                            .unwrap_or(t),
                    )
                })
                .filter(|(_, t)| !t.is_empty())
                .collect();
            if left.len() >= 3 {
                let middle = &left[1..left.len() - 1];
                let is_rel = middle
                    .iter()
                    .any(|(_, t)| t.contains("--") || t.contains("..") || *t == "to");
                if is_rel {
                    for &(o, t) in [&left[0], &left[left.len() - 1]] {
                        if let Some((n, s, e)) = entity_token(t) {
                            out.push((n, base + o + s, base + o + e));
                        }
                    }
                    continue;
                }
            }
        }
        // Entity block: `A {` ... `}` or `A { }`.
        if let Some(brace) = trimmed.find('{') {
            let name_part = trimmed[..brace].trim_end();
            if let Some((n, s, e)) = entity_token(name_part) {
                out.push((n, base + s, base + e));
            }
            in_block = !trimmed[brace..].contains('}');
            continue;
        }
        // A lone entity: `A`.
        if tokens.len() == 1 {
            if let Some((o, t)) = tokens.first() {
                if let Some((n, s, e)) = entity_token(t) {
                    out.push((n, base + o + s, base + o + e));
                }
            }
        }
    }
    out
}

/// The offset of the `:` that starts a relationship label (outside quotes).
fn label_colon(line: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// White-space separated tokens with their offsets; a quoted token keeps its spaces.
fn tokens(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        if c == '"' {
            quoted = !quoted;
        }
        if c.is_whitespace() && !quoted {
            if let Some(s) = start.take() {
                out.push((s, &line[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

/// An entity name token: alias (`p["Person"]`) and quotes removed; offsets relative to the token.
fn entity_token(t: &str) -> Option<(String, usize, usize)> {
    let name = match t.find('[') {
        Some(i) if i > 0 => &t[..i],
        _ => t,
    };
    let (start, name) = match name.strip_prefix('"').and_then(|n| n.strip_suffix('"')) {
        Some(inner) => (1, inner),
        None => (0, name),
    };
    let name_t = name.trim();
    let ok = !name_t.is_empty()
        && name_t
            .chars()
            .all(|c| is_ident_char(c) || matches!(c, '-' | '.' | ' '))
        && name_t
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
    if !ok {
        return None;
    }
    let lead = name.len() - name.trim_start().len();
    Some((
        name_t.to_string(),
        start + lead,
        start + lead + name_t.len(),
    ))
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}
