//! The one module that parses YAML.
//!
//! `serde_yaml` is deprecated upstream; every YAML parse of the crate (front
//! matter, spec type files, config files) goes through this module so that the
//! parser can be swapped in one place.
//!
//! `serde_yaml` gives values but no value positions, so front matter is read
//! twice: `serde_yaml` decides validity and values (a YAML 1.2 parser: an
//! unquoted `2024-01-15` stays a string and `no` stays a string, so the YAML
//! 1.1 traps do not apply), and a small line scanner of the top-level block
//! mapping finds the byte spans of every key, value, inline comment and list
//! item. Values are handed out as [`serde_json::Value`] so no `serde_yaml` type
//! leaves this module.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::source::Span;

/// A YAML error with the byte offset the parser reported (relative to the parsed text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    pub offset: Option<usize>,
}

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

fn convert_error(e: &serde_yaml::Error) -> YamlError {
    let mut message = e.to_string();
    // serde_yaml appends " at line L column C"; positions are rendered by the caller.
    if let Some(i) = message.find(" at line ") {
        message.truncate(i);
    }
    YamlError {
        message,
        offset: e.location().map(|l| l.index()),
    }
}

/// Deserializes a YAML document (spec type files, config files).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(|e| convert_error(&e))
}

/// Serializes a value as YAML (used to write derived spec types).
pub fn to_string<T: serde::Serialize>(value: &T) -> Result<String, YamlError> {
    serde_yaml::to_string(value).map_err(|e| convert_error(&e))
}

/// Parses YAML text into a JSON value. Mapping keys that are not strings are
/// rendered as their YAML text.
pub fn to_json(text: &str) -> Result<Value, YamlError> {
    let v: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| convert_error(&e))?;
    Ok(yaml_to_json(v))
}

fn yaml_to_json(v: serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map(Value::Number)
                    .unwrap_or_else(|| Value::String(n.to_string()))
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Y::Mapping(m) => {
            let mut out = serde_json::Map::new();
            for (k, v) in m {
                let key = match yaml_to_json(k) {
                    Value::String(s) => s,
                    other => other.to_string(),
                };
                out.insert(key, yaml_to_json(v));
            }
            Value::Object(out)
        }
        Y::Tagged(t) => yaml_to_json(t.value),
    }
}

/// Front matter as read from its YAML text.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// Top-level entries in source order, duplicates included.
    pub entries: Vec<Entry>,
    /// A YAML syntax (or resource limit) error, with an absolute byte offset.
    pub error: Option<YamlError>,
    /// Set when the YAML is valid but is not a mapping (e.g. a list or a scalar).
    pub not_a_mapping: bool,
    /// Spans of comment lines that stand on their own (not after a value).
    pub comment_lines: Vec<Span>,
}

impl FrontMatter {
    /// The first entry named `key`.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }
}

/// One top-level `key: value` of the front matter.
#[derive(Debug, Clone)]
pub struct Entry {
    pub key: String,
    /// The key as written (quotes excluded).
    pub key_span: Span,
    /// The parsed value; `None` when the front matter has a syntax error.
    pub value: Option<Value>,
    /// The value as written: trimmed, comment excluded. For a block sequence or
    /// mapping it covers the indented lines; for a missing value it is empty
    /// right after the colon.
    pub value_span: Span,
    /// Whether the scalar value was written in single or double quotes.
    pub quoted: bool,
    /// An inline `# comment` after the value on the key's line.
    pub comment: Option<Span>,
    /// Sequence items as written (flow `[a, b]` or block `- a`), quotes excluded.
    pub items: Vec<Span>,
    /// From the key to the end of the entry's last line (newline excluded).
    pub span: Span,
}

/// Reads front matter YAML. `text` is the YAML between the `---` fences;
/// `base` is its byte offset in the document so that every span is absolute.
/// Never panics; a syntax error is reported in [`FrontMatter::error`].
pub fn parse_front_matter(text: &str, base: usize) -> FrontMatter {
    let mut fm = scan(text, base);
    match serde_yaml::from_str::<serde_yaml::Value>(text) {
        Ok(serde_yaml::Value::Mapping(map)) => {
            let json = yaml_to_json(serde_yaml::Value::Mapping(map));
            if let Value::Object(obj) = json {
                for e in &mut fm.entries {
                    e.value = obj.get(&e.key).cloned();
                }
            }
        }
        Ok(serde_yaml::Value::Null) => {}
        Ok(_) => fm.not_a_mapping = true,
        Err(err) => {
            let is_duplicate = err.to_string().starts_with("duplicate entry");
            if is_duplicate && has_duplicates(&fm) {
                // Reported precisely by the scanner; values come entry by entry.
                for e in &mut fm.entries {
                    let entry_text = e.span.shift(0).text_in(text, base);
                    if let Ok(Value::Object(obj)) = to_json(entry_text) {
                        e.value = obj.get(&e.key).cloned();
                    }
                }
            } else {
                let mut y = convert_error(&err);
                y.offset = Some(y.offset.map_or(base, |o| base + o.min(text.len())));
                fm.error = Some(y);
            }
        }
    }
    fm
}

fn has_duplicates(fm: &FrontMatter) -> bool {
    let mut seen = std::collections::HashSet::new();
    fm.entries.iter().any(|e| !seen.insert(e.key.as_str()))
}

trait SpanIn {
    fn text_in(self, text: &str, base: usize) -> &str;
}
impl SpanIn for Span {
    fn text_in(self, text: &str, base: usize) -> &str {
        text.get(self.start.saturating_sub(base)..self.end.saturating_sub(base))
            .unwrap_or("")
    }
}

/// Splits text into lines: `(start, end_without_newline)` pairs, relative to text.
fn lines(text: &str) -> Vec<(usize, usize)> {
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

/// The top-level line scanner. Returns spans only; values are filled in by the caller.
fn scan(text: &str, base: usize) -> FrontMatter {
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
        if indented || trimmed.starts_with("- ") || trimmed == "-" {
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
        let value_span = value_rel.shift(ls + after_colon);
        let value_text = &text[value_span.start..value_span.end];
        i += 1;
        if value_text.is_empty() {
            // Block value: following indented lines, or `- ` items at column 0.
            let mut first = None;
            let mut last_end = None;
            while i < all.len() {
                let (s, e) = all[i];
                let l = &text[s..e];
                let t = l.trim_start();
                let is_item = t.starts_with("- ") || t == "-";
                if t.is_empty() || (t.starts_with('#') && l.starts_with([' ', '\t'])) {
                    i += 1;
                    continue;
                }
                if !(l.starts_with([' ', '\t']) || is_item) {
                    break;
                }
                let off = s + (l.len() - t.len());
                first.get_or_insert(off);
                last_end = Some(e);
                if is_item {
                    let item_text = &t[1..];
                    let (v, _) = split_comment(item_text);
                    let item = v.shift(off + 1);
                    if !item.is_empty() && text[item.start..item.end].starts_with(['"', '\'']) {
                        entry.items.push(unquote_span(text, item).shift(base));
                    } else {
                        entry.items.push(item.shift(base));
                    }
                }
                i += 1;
            }
            if let (Some(f), Some(l)) = (first, last_end) {
                entry.value_span = Span::new(base + f, base + l);
                entry.span.end = base + l;
            }
        } else if value_text.starts_with('[') {
            // Flow sequence, possibly over several lines.
            let mut end_rel = value_span.end;
            let mut close = find_flow_close(text, value_span.start);
            while close.is_none() && i < all.len() {
                // Unclosed on this line: extend through following lines.
                end_rel = all[i].1;
                i += 1;
                close = find_flow_close(text, value_span.start).filter(|&c| c < end_rel + 1);
                if close.is_some() {
                    break;
                }
            }
            if let Some(c) = close {
                end_rel = c + 1;
                entry.items = flow_items(text, value_span.start + 1, c)
                    .into_iter()
                    .map(|s| s.shift(base))
                    .collect();
                // Skip any lines the flow sequence covered.
                while i < all.len() && all[i].0 < c {
                    i += 1;
                }
            }
            entry.value_span = Span::new(base + value_span.start, base + end_rel);
            entry.span.end = entry.span.end.max(base + end_rel);
        } else if value_text.starts_with(['"', '\'']) {
            entry.quoted = true;
            entry.value_span = unquote_span(text, value_span).shift(base);
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
            entry.value_span = value_span.shift(base);
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
fn split_key(line: &str) -> Option<(String, Span, usize)> {
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
fn split_comment(rest: &str) -> (Span, Option<Span>) {
    let bytes = rest.as_bytes();
    let mut quote: Option<u8> = None;
    let mut comment = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' && q == b'"' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None => {
                if (b == b'"' || b == b'\'')
                    && (i == 0
                        || rest[..i].trim().is_empty()
                        || matches!(bytes[i - 1], b'[' | b',' | b' '))
                {
                    quote = Some(b);
                } else if b == b'#' && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t') {
                    comment = Some(i);
                    break;
                }
            }
        }
        i += 1;
    }
    let value_end = comment.unwrap_or(rest.len());
    let value = Span::new(0, value_end).trim(rest);
    let comment = comment.map(|c| Span::new(c, rest.trim_end().len().max(c)));
    (value, comment)
}

/// For a quoted scalar span, the span of its content (quotes excluded).
fn unquote_span(text: &str, span: Span) -> Span {
    let s = span.text(text);
    if s.len() >= 2
        && (s.starts_with('"') && s.ends_with('"') || s.starts_with('\'') && s.ends_with('\''))
    {
        Span::new(span.start + 1, span.end - 1)
    } else {
        span
    }
}

/// Offset of the `]` closing the flow sequence opened at `open` (relative to text).
fn find_flow_close(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = open;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' && q == b'"' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None => match b {
                b'"' | b'\'' => quote = Some(b),
                b'[' | b'{' => depth += 1,
                b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Some(i);
                    }
                }
                b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => {
                    // Comment to end of line.
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// Item spans of a flow sequence whose content is `text[start..end]` (relative).
fn flow_items(text: &str, start: usize, end: usize) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut item_start = start;
    let mut i = start;
    let push = |s: usize, e: usize, items: &mut Vec<Span>| {
        let span = Span::new(s, e).trim(text);
        if !span.is_empty() {
            items.push(unquote_span(text, span));
        }
    };
    while i < end {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' && q == b'"' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None => match b {
                b'"' | b'\'' => quote = Some(b),
                b'[' | b'{' => depth += 1,
                b']' | b'}' => depth = depth.saturating_sub(1),
                b',' if depth == 0 => {
                    push(item_start, i, &mut items);
                    item_start = i + 1;
                }
                _ => {}
            },
        }
        i += 1;
    }
    push(item_start, end.min(text.len()), &mut items);
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm(text: &str) -> FrontMatter {
        parse_front_matter(text, 0)
    }

    #[test]
    fn spans_of_scalars_comments_and_lists() {
        let t = "status: draft # draft | approved\ntitle: \"Orders\"\napplicability: [web, 'mobile']\nrel:\n  - a\n  - b # c\n";
        let f = fm(t);
        assert!(f.error.is_none());
        let s = f.get("status").unwrap();
        assert_eq!(s.value_span.text(t), "draft");
        assert_eq!(s.comment.unwrap().text(t), "# draft | approved");
        let title = f.get("title").unwrap();
        assert!(title.quoted);
        assert_eq!(title.value_span.text(t), "Orders");
        let app = f.get("applicability").unwrap();
        let items: Vec<_> = app.items.iter().map(|s| s.text(t)).collect();
        assert_eq!(items, ["web", "mobile"]);
        let rel = f.get("rel").unwrap();
        let items: Vec<_> = rel.items.iter().map(|s| s.text(t)).collect();
        assert_eq!(items, ["a", "b"]);
        assert_eq!(rel.value, Some(serde_json::json!(["a", "b"])));
    }

    #[test]
    fn yaml_1_1_traps_are_strings() {
        let f = fm("d: 2024-01-02\nb: no\n");
        assert_eq!(
            f.get("d").unwrap().value,
            Some(Value::String("2024-01-02".into()))
        );
        assert_eq!(f.get("b").unwrap().value, Some(Value::String("no".into())));
    }

    #[test]
    fn duplicates_keep_values() {
        let t = "a: 1\nb: x\na: 2\n";
        let f = fm(t);
        assert!(f.error.is_none());
        assert_eq!(f.entries.len(), 3);
        assert_eq!(f.entries[2].value, Some(serde_json::json!(2)));
    }

    #[test]
    fn syntax_error_offset() {
        let t = "a: [1, 2\nb: 3\n";
        let f = parse_front_matter(t, 4);
        let e = f.error.unwrap();
        assert!(e.offset.unwrap() >= 4);
    }

    #[test]
    fn multiline_flow() {
        let t = "a: [x,\n  y]\nb: 1\n";
        let f = fm(t);
        let a = f.get("a").unwrap();
        assert_eq!(
            a.items.iter().map(|s| s.text(t)).collect::<Vec<_>>(),
            ["x", "y"]
        );
        assert_eq!(f.entries.len(), 2);
    }
}
