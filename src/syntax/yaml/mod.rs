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

mod scan;
use scan::*;

/// A YAML error with the byte offset the parser reported (relative to the parsed text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// The problem, without its position: "did not find expected ',' or ']'".
    pub message: String,
    pub offset: Option<usize>,
    /// What the parser was reading when it failed, when it says so:
    /// "while parsing a flow sequence".
    pub context: Option<String>,
    /// Where that construct starts (same base as `offset`): the `[` of an
    /// unclosed flow sequence, the quote of an unclosed string.
    pub context_offset: Option<usize>,
}

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Converts a `serde_yaml` error; `text` is the parsed text (to place the context).
fn convert_error(e: &serde_yaml::Error, text: &str) -> YamlError {
    let parts = split_message(&e.to_string());
    YamlError {
        message: parts.problem,
        offset: e.location().map(|l| l.index()),
        context: parts.context,
        context_offset: parts.context_at.and_then(|(l, c)| offset_of(text, l, c)),
    }
}

/// A `serde_yaml` message taken apart.
#[derive(Debug, PartialEq, Eq)]
struct MessageParts {
    problem: String,
    context: Option<String>,
    /// 1-based line and column of the context.
    context_at: Option<(usize, usize)>,
}

/// Splits "PROBLEM at line L column C, CONTEXT at line L column C" (the
/// positions and the context are optional; "at position N" also occurs).
fn split_message(full: &str) -> MessageParts {
    let (problem, _, rest) = split_at_position(full);
    let (context, context_at) = match rest.strip_prefix(", ") {
        Some(ctx) => {
            let (what, at, _) = split_at_position(ctx);
            (Some(what.to_string()).filter(|w| !w.is_empty()), at)
        }
        None => (None, None),
    };
    MessageParts {
        problem: problem.to_string(),
        context,
        context_at,
    }
}

/// `("PROBLEM", Some((L, C)), REST)` for "PROBLEM at line L column C REST";
/// `("PROBLEM", None, REST)` for "PROBLEM at position N REST"; the whole
/// text when there is no position.
fn split_at_position(s: &str) -> (&str, Option<(usize, usize)>, &str) {
    fn number(t: &str) -> (Option<usize>, &str) {
        let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        (t[..digits].parse().ok(), &t[digits..])
    }
    if let Some(i) = s.find(" at line ") {
        let (line, rest) = number(&s[i + " at line ".len()..]);
        if let Some(rest) = rest.strip_prefix(" column ") {
            let (column, rest) = number(rest);
            if let (Some(l), Some(c)) = (line, column) {
                return (&s[..i], Some((l, c)), rest);
            }
        }
        return (&s[..i], None, "");
    }
    if let Some(i) = s.find(" at position ") {
        let (_, rest) = number(&s[i + " at position ".len()..]);
        return (&s[..i], None, rest);
    }
    (s, None, "")
}

/// Byte offset of 1-based `line` and `column` (counted in characters, as
/// libyaml does) in `text`; clamped to the end of that line.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = match line {
        0 | 1 => 0,
        l => text.match_indices('\n').nth(l - 2).map(|(i, _)| i + 1)?,
    };
    let rest = text.get(start..)?;
    let line_len = rest.find('\n').unwrap_or(rest.len());
    let col = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    Some(start + col.min(line_len))
}

/// The deepest nesting of flow collections (`[`, `{`) accepted: the
/// recursion limit of the parser, less the top-level mapping.
pub const MAX_FLOW_DEPTH: usize = 127;

/// Finds flow collections nested deeper than [`MAX_FLOW_DEPTH`], in one
/// linear pass, before the parser sees the text: the parser's scanner takes
/// time quadratic in the nesting depth of flow collections (`title:
/// [[[[…]]]]`), so a deep one is refused here, where it costs nothing.
/// Quoted scalars and comments are skipped. Returns the offset of the first
/// bracket too deep, as a parse error.
fn check_flow_depth(text: &str) -> Result<(), YamlError> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Err(YamlError {
                        message: format!(
                            "flow collections (`[`, `{{`) are nested deeper than {} levels",
                            MAX_FLOW_DEPTH + 1
                        ),
                        offset: Some(i),
                        context: None,
                        context_offset: None,
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\'' | b'"' => {
                // A quoted scalar: to its closing quote (`''` and `\"` are escapes).
                let q = b[i];
                i += 1;
                while i < b.len() {
                    if b[i] == b'\\' && q == b'"' {
                        i += 2;
                        continue;
                    }
                    if b[i] == q {
                        if q == b'\'' && b.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
            }
            b'#' if i == 0 || b[i - 1].is_ascii_whitespace() => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Deserializes a YAML document (spec type files, config files).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    check_flow_depth(text)?;
    serde_yaml::from_str(text).map_err(|e| convert_error(&e, text))
}

/// Serializes a value as YAML (used to write derived spec types).
pub fn to_string<T: serde::Serialize>(value: &T) -> Result<String, YamlError> {
    serde_yaml::to_string(value).map_err(|e| convert_error(&e, ""))
}

/// Parses YAML text into a JSON value. Mapping keys that are not strings are
/// rendered as their YAML text.
pub fn to_json(text: &str) -> Result<Value, YamlError> {
    check_flow_depth(text)?;
    let v: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| convert_error(&e, text))?;
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
                out.insert(key_text(k), yaml_to_json(v));
            }
            Value::Object(out)
        }
        Y::Tagged(t) => yaml_to_json(t.value),
    }
}

/// A mapping key as text: strings as they are, other scalars as their YAML text.
fn key_text(k: serde_yaml::Value) -> String {
    match yaml_to_json(k) {
        Value::String(s) => s,
        other => other.to_string(),
    }
}

/// The top level of a front matter document. Unlike [`serde_yaml::Value`],
/// a top-level mapping keeps duplicate keys (they are reported precisely from
/// the scanner's spans), while anything nested is read as usual.
enum TopLevel {
    Pairs(Vec<(serde_yaml::Value, serde_yaml::Value)>),
    Null,
    Other,
}

impl<'de> serde::Deserialize<'de> for TopLevel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{EnumAccess, IgnoredAny, MapAccess, SeqAccess, VariantAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TopLevel;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry::<serde_yaml::Value, serde_yaml::Value>()? {
                    pairs.push(pair);
                }
                Ok(TopLevel::Pairs(pairs))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TopLevel, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(TopLevel::Other)
            }
            fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<TopLevel, A::Error> {
                let (IgnoredAny, variant) = data.variant::<IgnoredAny>()?;
                variant.newtype_variant::<IgnoredAny>()?;
                Ok(TopLevel::Other)
            }
            fn visit_unit<E>(self) -> Result<TopLevel, E> {
                Ok(TopLevel::Null)
            }
            fn visit_none<E>(self) -> Result<TopLevel, E> {
                Ok(TopLevel::Null)
            }
            fn visit_bool<E>(self, _: bool) -> Result<TopLevel, E> {
                Ok(TopLevel::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<TopLevel, E> {
                Ok(TopLevel::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<TopLevel, E> {
                Ok(TopLevel::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<TopLevel, E> {
                Ok(TopLevel::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<TopLevel, E> {
                Ok(TopLevel::Other)
            }
        }
        d.deserialize_any(V)
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
    /// The entry for field `key`: the first entry named `key`, else the first
    /// whose key means it in another spelling (`lastUpdated`, `last-updated`,
    /// `Last Updated` for `last_updated`; see [`field_key`]).
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.get_exact(key)
            .or_else(|| self.entries.iter().find(|e| field_key(&e.key) == key))
    }

    /// The first entry named exactly `key`.
    pub fn get_exact(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }
}

/// A front matter key in the canonical snake_case spelling: `lastUpdated`,
/// `Last-Updated` and `last updated` → `last_updated`.
pub fn field_key(key: &str) -> String {
    let mut words = String::with_capacity(key.len() + 4);
    let mut prev_lower = false;
    for ch in key.chars() {
        if ch.is_uppercase() && prev_lower {
            words.push(' ');
        }
        prev_lower = ch.is_lowercase() || ch.is_ascii_digit();
        words.push(ch);
    }
    crate::text::snake_case(&words)
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
    if let Err(mut y) = check_flow_depth(text) {
        y.offset = y.offset.map(|o| base + o);
        fm.error = Some(y);
        return fm;
    }
    match serde_yaml::from_str::<TopLevel>(text) {
        Ok(TopLevel::Pairs(pairs)) => {
            // The n-th scanned entry named `k` takes the n-th parsed value of `k`.
            let mut values: std::collections::HashMap<String, std::collections::VecDeque<Value>> =
                std::collections::HashMap::new();
            for (k, v) in pairs {
                values
                    .entry(key_text(k))
                    .or_default()
                    .push_back(yaml_to_json(v));
            }
            for e in &mut fm.entries {
                e.value = values
                    .get_mut(&e.key)
                    .and_then(std::collections::VecDeque::pop_front);
            }
        }
        Ok(TopLevel::Null) => {}
        Ok(TopLevel::Other) => fm.not_a_mapping = true,
        Err(err) => {
            let mut y = convert_error(&err, text);
            y.offset = Some(base + y.offset.unwrap_or(0).min(text.len()));
            y.context_offset = y.context_offset.map(|c| base + c.min(text.len()));
            fm.error = Some(y);
        }
    }
    fm
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

    #[test]
    fn crlf_spans_are_exact() {
        let t = "status: draft # x\r\ntitle: \"Orders\"\r\napp:\r\n  - web\r\n  - tablet\r\nlist: [a,\r\n  b]\r\n";
        let f = fm(t);
        assert!(f.error.is_none(), "{:?}", f.error);
        assert_eq!(f.get("status").unwrap().value_span.text(t), "draft");
        assert_eq!(f.get("status").unwrap().comment.unwrap().text(t), "# x");
        assert_eq!(f.get("title").unwrap().value_span.text(t), "Orders");
        let app = f.get("app").unwrap();
        assert_eq!(
            app.items.iter().map(|s| s.text(t)).collect::<Vec<_>>(),
            ["web", "tablet"]
        );
        assert_eq!(app.value_span.text(t), "- web\r\n  - tablet");
        let list = f.get("list").unwrap();
        assert_eq!(
            list.items.iter().map(|s| s.text(t)).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert!(!list.span.text(t).ends_with('\r'));
    }

    #[test]
    fn unclosed_flow_does_not_swallow_later_entries() {
        let t = "applicability: [web, mobile\nrelated_initiatives: [loyalty-relaunch]\n";
        let f = fm(t);
        assert_eq!(f.entries.len(), 2);
        assert_eq!(f.entries[0].value_span.text(t), "[web, mobile");
        assert_eq!(
            f.entries[1]
                .items
                .iter()
                .map(|s| s.text(t))
                .collect::<Vec<_>>(),
            ["loyalty-relaunch"]
        );
        let e = f.error.unwrap();
        assert_eq!(e.message, "did not find expected ',' or ']'");
        assert_eq!(e.context.as_deref(), Some("while parsing a flow sequence"));
        assert_eq!(e.context_offset, Some(t.find('[').unwrap()));
        assert_eq!(e.offset, Some(t.find("related").unwrap() + 19));
    }

    #[test]
    fn error_context_is_absolute() {
        let t = "a: 1\ntitle: \"Orders\nb: 2\n";
        let f = parse_front_matter(t, 4);
        let e = f.error.unwrap();
        assert_eq!(e.context.as_deref(), Some("while scanning a quoted scalar"));
        assert_eq!(e.context_offset, Some(4 + t.find('"').unwrap()));
    }

    #[test]
    fn messages_split_into_problem_and_context() {
        let p = split_message(
            "did not find expected ',' or ']' at line 2 column 20, while parsing a flow sequence at line 1 column 16",
        );
        assert_eq!(p.problem, "did not find expected ',' or ']'");
        assert_eq!(p.context.as_deref(), Some("while parsing a flow sequence"));
        assert_eq!(p.context_at, Some((1, 16)));
        let p = split_message("a: duplicate entry with key \"b\" at line 2 column 3");
        assert_eq!(p.problem, "a: duplicate entry with key \"b\"");
        assert_eq!(p.context, None);
        let p = split_message("recursion limit exceeded");
        assert_eq!(p.problem, "recursion limit exceeded");
        let p = split_message(
            "found character that cannot start any token, while scanning for the next token",
        );
        assert_eq!(
            p.problem,
            "found character that cannot start any token, while scanning for the next token"
        );
        assert_eq!(offset_of("ab\ncdé\n", 2, 3), Some(5));
        assert_eq!(offset_of("ab\ncdé\n", 2, 40), Some(7));
        assert_eq!(offset_of("ab", 9, 1), None);
    }

    #[test]
    fn duplicates_do_not_hide_later_errors() {
        let f = fm("a: 1\na: 2\nb: [x\n");
        assert!(f.error.is_some());
        let f = fm("a: 1\nb: x\na: 1\n");
        assert_eq!(f.entries[0].value, Some(serde_json::json!(1)));
        assert_eq!(f.entries[2].value, Some(serde_json::json!(1)));
        // Nested duplicates are a YAML error.
        let f = fm("a:\n  b: 1\n  b: 2\n");
        assert!(f.error.unwrap().message.contains("duplicate entry"));
    }

    #[test]
    fn multiline_quoted_and_escapes() {
        let t = "title: \"Orders\n  DB\"\nq: 'it''s'\nd: \"a \\\" b\" # c\nnext: 1\n";
        let f = fm(t);
        assert!(f.error.is_none(), "{:?}", f.error);
        assert_eq!(f.get("title").unwrap().value_span.text(t), "Orders\n  DB");
        assert_eq!(f.get("q").unwrap().value_span.text(t), "it''s");
        assert_eq!(f.get("d").unwrap().value_span.text(t), "a \\\" b");
        assert_eq!(f.get("d").unwrap().comment.unwrap().text(t), "# c");
        assert_eq!(f.entries.len(), 4);
    }

    #[test]
    fn properties_are_not_part_of_the_value() {
        let t = "a: &x hello\nb: !!str 2024\nc: *x\nd: &l\n  - one\n";
        let f = fm(t);
        assert_eq!(f.get("a").unwrap().value_span.text(t), "hello");
        assert_eq!(f.get("b").unwrap().value_span.text(t), "2024");
        assert_eq!(
            f.get("b").unwrap().value,
            Some(Value::String("2024".into()))
        );
        assert_eq!(
            f.get("c").unwrap().value,
            Some(Value::String("hello".into()))
        );
        assert_eq!(
            f.get("d")
                .unwrap()
                .items
                .iter()
                .map(|s| s.text(t))
                .collect::<Vec<_>>(),
            ["one"]
        );
    }

    #[test]
    fn flow_items_skip_comments_and_keep_apostrophes() {
        let t = "a: [web, # first\n  \"mob, ile\", it's,\n  [x, y], ]\nb: 1\n";
        let f = fm(t);
        assert!(f.error.is_none(), "{:?}", f.error);
        let a = f.get("a").unwrap();
        assert_eq!(
            a.items.iter().map(|s| s.text(t)).collect::<Vec<_>>(),
            ["web", "mob, ile", "it's", "[x, y]"]
        );
        assert_eq!(
            a.value.as_ref().and_then(Value::as_array).map(Vec::len),
            Some(4)
        );
        assert_eq!(f.get("b").unwrap().value, Some(serde_json::json!(1)));
    }

    #[test]
    fn nested_block_items_are_not_items() {
        let t = "a:\n  - name: x\n    tags:\n      - t1\n  - name: y\nb:\n  k: v\n  l:\n    - z\nc:\n- p\n- q\n";
        let f = fm(t);
        assert!(f.error.is_none(), "{:?}", f.error);
        assert_eq!(
            f.get("a")
                .unwrap()
                .items
                .iter()
                .map(|s| s.text(t))
                .collect::<Vec<_>>(),
            ["name: x", "name: y"]
        );
        assert!(f.get("b").unwrap().items.is_empty());
        assert_eq!(
            f.get("c")
                .unwrap()
                .items
                .iter()
                .map(|s| s.text(t))
                .collect::<Vec<_>>(),
            ["p", "q"]
        );
    }

    #[test]
    fn empty_comment_only_and_non_mapping() {
        let f = fm("");
        assert!(f.entries.is_empty() && f.error.is_none() && !f.not_a_mapping);
        let f = fm("# just a comment\n");
        assert!(f.entries.is_empty() && f.error.is_none() && !f.not_a_mapping);
        assert_eq!(f.comment_lines.len(), 1);
        assert!(fm("- a\n- b\n").not_a_mapping);
        assert!(fm("just text\n").not_a_mapping);
        assert!(fm("!tag text\n").not_a_mapping || fm("!tag text\n").error.is_some());
    }

    #[test]
    fn resource_limits_are_errors() {
        let deep = format!("x: {}{}\n", "[".repeat(1000), "]".repeat(1000));
        assert!(
            fm(&deep)
                .error
                .unwrap()
                .message
                .contains("nested deeper than 128")
        );
        // Brackets inside quotes and comments do not count.
        let quoted = format!("x: \"{}\" # {}\n", "[".repeat(1000), "{".repeat(1000));
        assert!(fm(&quoted).error.is_none());
        let mut bomb = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        for w in names.windows(2) {
            let refs = vec![format!("*{}", w[0]); 9].join(",");
            bomb.push_str(&format!("{}: &{} [{refs}]\n", w[1], w[1]));
        }
        assert!(
            fm(&bomb)
                .error
                .unwrap()
                .message
                .contains("repetition limit")
        );
    }
}
