//! Byte spans and the line index that turns them into line/column positions.
//!
//! Everything inside the core speaks in byte offsets into the original text
//! (BOM and CRLF included). Only at the edges (CLI output, JS bindings) does a
//! [`LineIndex`] turn offsets into 1-based lines and columns, counted either in
//! Unicode scalar values or in UTF-16 code units.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the source text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Builds a span; `end` is clamped so that `start <= end` always holds.
    pub const fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: if end < start { start } else { end },
        }
    }

    /// An empty span at `offset`.
    pub const fn empty(offset: usize) -> Self {
        Span {
            start: offset,
            end: offset,
        }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside `self`.
    pub const fn contains_span(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// The text of this span, or `""` when the span is not valid for `text`
    /// (out of bounds or not on char boundaries). Never panics.
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Moves the span by `delta` bytes.
    pub const fn shift(self, delta: usize) -> Self {
        Span {
            start: self.start + delta,
            end: self.end + delta,
        }
    }

    /// Shrinks the span to exclude leading and trailing ASCII/Unicode white space of `text`.
    pub fn trim(self, text: &str) -> Span {
        let s = self.text(text);
        let b = s.as_bytes();
        // ASCII white space by bytes (the common case), then any Unicode
        // white space the bytes stopped at.
        let lead = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
        let trail = b[lead..]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
        let inner = &s[lead..s.len() - trail];
        let more_lead = inner.len() - inner.trim_start().len();
        let inner = &inner[more_lead..];
        let kept = inner.trim_end().len();
        let start = self.start + lead + more_lead;
        Span::new(start, start + kept)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// How columns are counted at the edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnEncoding {
    /// Unicode scalar values (what a terminal user counts).
    #[default]
    Unicode,
    /// UTF-16 code units (what JS editors such as CodeMirror, Monaco and VS Code count).
    Utf16,
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// The elements of `v` (sorted by start) that start inside `region`, and
/// the index of the first: two binary searches.
pub fn within<T>(v: &[T], span_of: impl Fn(&T) -> Span, region: Span) -> (usize, &[T]) {
    let a = v.partition_point(|x| span_of(x).start < region.start);
    let b = v.partition_point(|x| span_of(x).start < region.end);
    (a, v.get(a..b.max(a)).unwrap_or(&[]))
}

/// Offsets of line starts; built once per document in O(n).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 40 + 1);
        starts.push(0);
        starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// Number of lines (a trailing newline opens a last, empty line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line containing `offset` (offsets past the end map to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset where 0-based `line` starts; `None` past the last line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// 1-based line and column of `offset`. Offsets inside a multi-byte character
    /// are moved back to its start; offsets past the end are clamped. Never panics.
    pub fn locate(&self, text: &str, offset: usize, encoding: ColumnEncoding) -> LineCol {
        let mut offset = offset.min(text.len());
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts[line].min(offset);
        let prefix = &text[start..offset];
        let column = match encoding {
            ColumnEncoding::Unicode => prefix.chars().count(),
            ColumnEncoding::Utf16 => prefix.chars().map(char::len_utf16).sum(),
        };
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }

    /// The 1-based line of `offset`.
    pub fn line_number(&self, offset: usize) -> usize {
        self.line_of(offset) + 1
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_both_encodings() {
        let text = "a: 1\nemoji: 😀x\n";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(
            idx.locate(text, x, ColumnEncoding::Unicode),
            LineCol { line: 2, column: 9 }
        );
        assert_eq!(
            idx.locate(text, x, ColumnEncoding::Utf16),
            LineCol {
                line: 2,
                column: 10
            }
        );
        // Inside the emoji: moved back to its start.
        assert_eq!(
            idx.locate(text, x - 1, ColumnEncoding::Unicode),
            LineCol { line: 2, column: 8 }
        );
        assert_eq!(idx.locate(text, 10_000, ColumnEncoding::Unicode).line, 3);
    }

    #[test]
    fn crlf_lines() {
        let text = "a\r\nb\r\n";
        let idx = LineIndex::new(text);
        assert_eq!(
            idx.locate(text, 3, ColumnEncoding::Unicode),
            LineCol { line: 2, column: 1 }
        );
        assert_eq!(idx.line_count(), 3);
    }
}
