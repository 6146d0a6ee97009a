//! Text from a document or a path, made safe to print.
//!
//! A document can hold anything: ESC sequences that clear a terminal or
//! rewrite its title (`ESC [2J`, OSC 0, OSC 8 links), BEL, C1 controls,
//! bidi overrides that reorder what a reviewer reads (U+202E), and line
//! breaks that start a new line a CI runner obeys
//! (`\n::error file=README.md::forged`). Everything the renderers print from
//! a document or a path goes through here first:
//!
//! - [`line`]: one line of output (a message, a help, a label, a path):
//!   every C0 control but tab, DEL, every C1 control, line and paragraph
//!   separators, and the bidi controls U+200E–U+200F, U+202A–U+202E and
//!   U+2066–U+2069 become visible escapes (`\u{1b}`); `\n` and `\r` become
//!   `\n` and `\r`, so one message stays one line.
//! - [`frame`]: the source lines of a code frame, the same but keeping the
//!   line breaks between lines, with the highlighted range moved to match.
//! - [`json`]: serialized JSON with C1, bidi and separator characters written
//!   as `\uXXXX` escapes (C0 ones already are): the same data, nothing a
//!   terminal acts on.
//!
//! All three are linear and return the input unchanged (borrowed) when there
//! is nothing to escape.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must not reach a terminal or a log as it is.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{a}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_escape(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        _ => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// One line of output: see the module doc.
pub fn line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Several lines of output: as [`line`] for each, line breaks kept.
pub fn line_keep_newlines(s: &str) -> Cow<'_, str> {
    frame(s, 0, 0).0
}

/// Source lines of a code frame with `start..end` highlighted: the escaped
/// text and the range moved to it. Line breaks between lines are kept.
pub fn frame(source: &str, start: usize, end: usize) -> (Cow<'_, str>, usize, usize) {
    if !source.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return (Cow::Borrowed(source), start, end);
    }
    let mut out = String::with_capacity(source.len() + 16);
    let (mut new_start, mut new_end) = (None, None);
    for (i, c) in source.char_indices() {
        if i >= start && new_start.is_none() {
            new_start = Some(out.len());
        }
        if i >= end && new_end.is_none() {
            new_end = Some(out.len());
        }
        if c != '\n' && is_unsafe(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    let s = new_start.unwrap_or(out.len());
    let e = new_end.unwrap_or(out.len()).max(s);
    (Cow::Owned(out), s, e)
}

/// Serialized JSON with C1, bidi and separator characters escaped (see the module doc).
pub fn json(s: String) -> String {
    if !s.chars().any(is_unsafe) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        // C0 controls are already escaped by the serializer; any left are
        // outside strings (the serializer's own line breaks), kept as they are.
        if is_unsafe(c) && u32::from(c) >= 0x7f {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_stay_lines_and_escapes_are_visible() {
        assert_eq!(line("plain"), "plain");
        assert!(matches!(line("plain"), Cow::Borrowed(_)));
        assert_eq!(
            line("a\n::error file=README.md::forged"),
            "a\\n::error file=README.md::forged"
        );
        assert_eq!(
            line("\u{1b}[2J\u{7}x\u{202e}y\u{9b}"),
            "\\u{1b}[2J\\u{7}x\\u{202e}y\\u{9b}"
        );
        assert_eq!(line("tab\tkept"), "tab\tkept");
    }

    #[test]
    fn frames_keep_their_highlight() {
        let src = "a\u{1b}[2Jb\ncd";
        let (f, s, e) = frame(src, src.find('b').unwrap(), src.find('b').unwrap() + 1);
        assert_eq!(f, "a\\u{1b}[2Jb\ncd");
        assert_eq!(&f[s..e], "b");
        let (f, s, e) = frame("xy", 1, 9);
        assert_eq!(
            (f.as_ref(), s, e),
            ("xy", 1, 9),
            "unchanged text keeps its offsets"
        );
    }

    #[test]
    fn json_stays_json() {
        let v = serde_json::json!({"m": "a\u{1b}b\u{202e}c\u{85}"});
        let s = json(serde_json::to_string(&v).unwrap());
        assert!(!s.chars().any(is_unsafe), "{s}");
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
