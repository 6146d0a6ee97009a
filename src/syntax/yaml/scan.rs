//! The line scanner of the front matter: the byte spans of every top-level
//! key, value, inline comment and list item, which `serde_yaml` does not give.
//! It reads the top-level block mapping line by line, in time linear in the
//! text; what it cannot place gets no span, never a wrong one.

use super::*;

/// Splits text into lines: `(start, end_without_newline)` pairs, relative to text.
pub(super) fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push((start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        let end = if text.ends_with('\r') {
            text.len() - 1
        } else {
            text.len()
        };
        out.push((start, end));
    }
    out
}

/// Whether a trimmed line is a block sequence item (`- x` or a lone `-`).
pub(super) fn is_item(trimmed: &str) -> bool {
    trimmed.starts_with("- ") || trimmed.starts_with("-\t") || trimmed == "-"
}

/// Whether a line starts a new top-level entry (`key:` at column 0).
pub(super) fn starts_entry(line: &str) -> bool {
    !line.starts_with([' ', '\t', '#']) && !is_item(line) && split_key(line).is_some()
}

/// Index of the first line at or after `from` that starts a new top-level entry.
pub(super) fn next_entry_line(text: &str, all: &[(usize, usize)], from: usize) -> usize {
    (from..all.len())
        .find(|&j| starts_entry(&text[all[j].0..all[j].1]))
        .unwrap_or(all.len())
}

/// Skips node properties (`&anchor`, `!tag`) at the start of a value span.
pub(super) fn skip_properties(text: &str, mut v: Span) -> Span {
    loop {
        let t = v.text(text);
        if !t.starts_with(['&', '!']) {
            return v;
        }
        let token = t.find([' ', '\t']).unwrap_or(t.len());
        let rest = &t[token..];
        let ws = rest.len() - rest.trim_start().len();
        v = Span::new(v.start + token + ws, v.end);
    }
}

/// The top-level line scanner. Returns spans only; values are filled in by the caller.
pub(super) fn scan(text: &str, base: usize) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let all = lines(text);
    let mut i = 0;
    while i < all.len() {
        let (ls, le) = all[i];
        let line = &text[ls..le];
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            i += 1;
            continue;
        }
        if trimmed.starts_with('#') {
            let off = ls + (line.len() - trimmed.len());
            fm.comment_lines.push(Span::new(base + off, base + le));
            i += 1;
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        if indented || is_item(trimmed) {
            // Continuation of an entry that the previous iteration did not absorb
            // (only reachable for malformed YAML); skip it.
            i += 1;
            continue;
        }
        let Some((key, key_span, after_colon)) = split_key(line) else {
            i += 1;
            continue;
        };
        let rest = &line[after_colon..];
        let (value_rel, comment_rel) = split_comment(rest);
        let value = skip_properties(text, value_rel.shift(ls + after_colon));
        let mut entry = Entry {
            key,
            key_span: key_span.shift(base + ls),
            value: None,
            value_span: Span::empty(base + ls + after_colon),
            quoted: false,
            comment: comment_rel.map(|c| c.shift(base + ls + after_colon)),
            items: Vec::new(),
            span: Span::new(base + ls, base + le),
        };
        let value_text = value.text(text);
        i += 1;
        if value_text.is_empty() {
            // Block value: following indented lines, or `- ` items at column 0.
            let mut first = None;
            let mut last_end = None;
            // The indentation of the items, when the value is a block sequence.
            let mut item_indent: Option<Option<usize>> = None;
            while i < all.len() {
                let (s, e) = all[i];
                let l = &text[s..e];
                let t = l.trim_start();
                let item = is_item(t);
                if t.is_empty() || (t.starts_with('#') && l.starts_with([' ', '\t'])) {
                    i += 1;
                    continue;
                }
                if !(l.starts_with([' ', '\t']) || item) {
                    break;
                }
                let indent = l.len() - t.len();
                let off = s + indent;
                first.get_or_insert(off);
                last_end = Some(e);
                let seq_indent = *item_indent.get_or_insert(item.then_some(indent));
                if item && seq_indent == Some(indent) {
                    let (v, _) = split_comment(&t[1..]);
                    let v = skip_properties(text, v.shift(off + 1));
                    entry.items.push(unquote_span(text, v).shift(base));
                }
                i += 1;
            }
            if let (Some(f), Some(l)) = (first, last_end) {
                entry.value_span = Span::new(base + f, base + l);
                entry.span.end = base + l;
            }
        } else if value_text.starts_with(['[', '{']) {
            // Flow collection, possibly over several lines (up to the next entry).
            let next = next_entry_line(text, &all, i);
            let limit = if next > i {
                all[next - 1].1.max(le)
            } else {
                le
            };
            match find_flow_close(text.get(..limit).unwrap_or(""), value.start) {
                Some(c) => {
                    if value_text.starts_with('[') {
                        entry.items = flow_items(text, value.start + 1, c)
                            .into_iter()
                            .map(|s| s.shift(base))
                            .collect();
                    }
                    entry.value_span = Span::new(base + value.start, base + c + 1);
                    while i < all.len() && all[i].0 <= c {
                        entry.span.end = base + all[i].1;
                        i += 1;
                    }
                }
                // Unclosed (a syntax error): the value is what this line holds.
                None => entry.value_span = value.shift(base),
            }
        } else if value_text.starts_with(['"', '\'']) {
            entry.quoted = true;
            let next = next_entry_line(text, &all, i);
            let limit = if next > i {
                all[next - 1].1.max(le)
            } else {
                le
            };
            match find_quote_close(text, value.start, limit) {
                Some(c) => {
                    entry.value_span = Span::new(base + value.start + 1, base + c);
                    while i < all.len() && all[i].0 <= c {
                        entry.span.end = base + all[i].1;
                        i += 1;
                    }
                }
                None => entry.value_span = value.shift(base),
            }
        } else if value_text.starts_with(['|', '>']) {
            // Block scalar: the indented lines that follow.
            let mut last = None;
            let mut first = None;
            while i < all.len() {
                let (s, e) = all[i];
                let l = &text[s..e];
                if !l.trim().is_empty() && !l.starts_with([' ', '\t']) {
                    break;
                }
                if !l.trim().is_empty() {
                    first.get_or_insert(s + (l.len() - l.trim_start().len()));
                    last = Some(e);
                }
                i += 1;
            }
            if let (Some(f), Some(l)) = (first, last) {
                entry.value_span = Span::new(base + f, base + l);
                entry.span.end = base + l;
            }
        } else {
            entry.value_span = value.shift(base);
            // Plain multi-line scalars continue on indented lines.
            while i < all.len() {
                let (s, e) = all[i];
                let l = &text[s..e];
                if l.trim().is_empty() || !l.starts_with([' ', '\t']) {
                    break;
                }
                entry.span.end = base + e;
                i += 1;
            }
        }
        fm.entries.push(entry);
    }
    fm
}

/// Splits `key: rest` on a line at column 0. Returns the key (unquoted), its
/// span relative to the line, and the offset just after the colon.
pub(super) fn split_key(line: &str) -> Option<(String, Span, usize)> {
    let bytes = line.as_bytes();
    if let Some(q @ (b'"' | b'\'')) = bytes.first().copied() {
        let close = line[1..].find(q as char)? + 1;
        let after = &line[close + 1..];
        let colon = after.find(':')?;
        if !after[..colon].trim().is_empty() {
            return None;
        }
        return Some((
            line[1..close].to_string(),
            Span::new(1, close),
            close + 1 + colon + 1,
        ));
    }
    let mut idx = None;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b':' && (i + 1 == bytes.len() || bytes[i + 1] == b' ' || bytes[i + 1] == b'\t') {
            idx = Some(i);
            break;
        }
        if *b == b'#' && i > 0 && bytes[i - 1] == b' ' {
            return None;
        }
    }
    let colon = idx?;
    let key = line[..colon].trim_end();
    if key.is_empty() {
        return None;
    }
    Some((key.to_string(), Span::new(0, key.len()), colon + 1))
}

/// Splits the text after a colon into the value (trimmed) and an inline
/// comment, both relative to `rest`. A `#` starts a comment only after white
/// space and outside quotes.
pub(super) fn split_comment(rest: &str) -> (Span, Option<Span>) {
    let bytes = rest.as_bytes();
    let mut comment = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let opens = (b == b'"' || b == b'\'')
            && (i == 0
                || rest[..i].trim().is_empty()
                || matches!(bytes[i - 1], b'[' | b',' | b' '));
        if opens {
            match find_quote_close(rest, i, bytes.len()) {
                Some(close) => i = close,
                None => break, // an unclosed quote runs to the end: no comment
            }
        } else if b == b'#' && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t') {
            comment = Some(i);
            break;
        }
        i += 1;
    }
    let value_end = comment.unwrap_or(rest.len());
    let value = Span::new(0, value_end).trim(rest);
    let comment = comment.map(|c| Span::new(c, rest.trim_end().len().max(c)));
    (value, comment)
}

/// For a quoted scalar span, the span of its content (quotes excluded).
pub(super) fn unquote_span(text: &str, span: Span) -> Span {
    let s = span.text(text);
    if s.len() >= 2
        && (s.starts_with('"') && s.ends_with('"') || s.starts_with('\'') && s.ends_with('\''))
    {
        Span::new(span.start + 1, span.end - 1)
    } else {
        span
    }
}

/// Offset of the quote closing the quoted scalar opened at `open`, searched
/// before `limit` (relative to text). `\"` escapes in double quotes and `''`
/// in single quotes are skipped.
pub(super) fn find_quote_close(text: &str, open: usize, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let q = *bytes.get(open)?;
    let limit = limit.min(bytes.len());
    let mut k = open + 1;
    while k < limit {
        let b = bytes[k];
        if q == b'"' && b == b'\\' {
            k += 2;
            continue;
        }
        if b == q {
            if q == b'\'' && bytes.get(k + 1) == Some(&b'\'') && k + 1 < limit {
                k += 2;
                continue;
            }
            return Some(k);
        }
        k += 1;
    }
    None
}

/// Whether a quote at this point of a flow collection opens a quoted scalar:
/// only at the start of a node (after `[`, `{`, `,` or `:`), not inside a
/// plain scalar such as `it's`.
pub(super) fn opens_quote(prev_significant: Option<u8>) -> bool {
    matches!(prev_significant, None | Some(b'[' | b'{' | b',' | b':'))
}

/// Offset of the `]` or `}` closing the flow collection opened at `open`
/// (relative to text), searched to the end of `text`.
pub(super) fn find_flow_close(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut prev: Option<u8> = None;
    let mut i = open;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' | b'\'' if opens_quote(prev) => {
                i = find_quote_close(text, i, bytes.len())?;
                prev = Some(b);
            }
            b'[' | b'{' => {
                depth += 1;
                prev = Some(b);
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
                prev = Some(b);
            }
            b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'\r') => {
                // Comment to end of line.
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b' ' | b'\t' | b'\r' | b'\n' => {}
            _ => prev = Some(b),
        }
        i += 1;
    }
    None
}

/// Item spans of a flow sequence whose content is `text[start..end]`
/// (relative), quotes and comments excluded.
pub(super) fn flow_items(text: &str, start: usize, end: usize) -> Vec<Span> {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut prev: Option<u8> = None;
    // First and last (exclusive) byte of the current item's significant text.
    let mut cur: Option<(usize, usize)> = None;
    let extend = |cur: &mut Option<(usize, usize)>, s: usize, e: usize| {
        *cur = Some(match *cur {
            Some((a, _)) => (a, e),
            None => (s, e),
        });
    };
    let push = |cur: &mut Option<(usize, usize)>, items: &mut Vec<Span>| {
        if let Some((s, e)) = cur.take() {
            items.push(unquote_span(text, Span::new(s, e.min(end))));
        }
    };
    let mut i = start;
    while i < end {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => {}
            b'#' if i == start || matches!(bytes[i - 1], b' ' | b'\t' | b'\r' | b'\n') => {
                while i < end && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b',' if depth == 0 => {
                push(&mut cur, &mut items);
                prev = Some(b);
            }
            _ => {
                if matches!(b, b'"' | b'\'') && opens_quote(prev) {
                    // The whole quoted scalar (to the end when unclosed) belongs to the item.
                    let close = find_quote_close(text, i, end).map_or(end, |c| c + 1);
                    extend(&mut cur, i, close);
                    prev = Some(b);
                    i = close;
                    continue;
                }
                match b {
                    b'[' | b'{' => depth += 1,
                    b']' | b'}' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                extend(&mut cur, i, i + 1);
                prev = Some(b);
            }
        }
        i += 1;
    }
    push(&mut cur, &mut items);
    items
}
