//! Diagnostics, fixes and text edits: what the rules produce.
//!
//! A [`Diagnostic`] holds byte spans only. [`LocatedDiagnostic`] is the edge
//! form with 1-based lines and columns, built by [`locate`]; it is the shape of
//! the JSON output (documented in `docs/json-output.md`).

use serde::{Deserialize, Serialize};

use crate::source::{ColumnEncoding, LineIndex, Span};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Whether a fix may be applied without a human looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning of the document; applied by `speclint fmt`.
    Safe,
    /// May change meaning (e.g. picks one of several candidates); applied only on request.
    Unsafe,
}

/// Replace `span` with `text`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

impl Edit {
    pub fn replace(span: Span, text: impl Into<String>) -> Self {
        Edit {
            span,
            text: text.into(),
        }
    }
    pub fn insert(offset: usize, text: impl Into<String>) -> Self {
        Edit {
            span: Span::empty(offset),
            text: text.into(),
        }
    }
    pub fn delete(span: Span) -> Self {
        Edit {
            span,
            text: String::new(),
        }
    }
}

/// A set of edits that together repair one diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fix {
    pub applicability: Applicability,
    /// Short imperative title: "Replace `in-review` with `draft`".
    pub title: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            applicability: Applicability::Safe,
            title: title.into(),
            edits,
        }
    }
    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            applicability: Applicability::Unsafe,
            title: title.into(),
            edits,
        }
    }
}

/// A secondary location attached to a diagnostic ("first defined here").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    pub span: Span,
    pub message: String,
    /// Set when the location is in another document (cross-document checks).
    pub path: Option<String>,
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    pub related: Vec<Related>,
}

impl Diagnostic {
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            message: message.into(),
            path: None,
        });
        self
    }
}

/// Sorts diagnostics by position, then code, for stable output.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code))
    });
}

/// An edit with positions, as in the JSON output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocatedEdit {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocatedFix {
    pub applicability: Applicability,
    pub title: String,
    pub edits: Vec<LocatedEdit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocatedRelated {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub message: String,
}

/// A diagnostic with 1-based positions: the JSON shape of every output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocatedDiagnostic {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offsets into the original text.
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<LocatedFix>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub related: Vec<LocatedRelated>,
}

/// Adds line/column positions (counted in `encoding`) to diagnostics of `text`.
pub fn locate(
    text: &str,
    index: &LineIndex,
    diags: &[Diagnostic],
    path: Option<&str>,
    encoding: ColumnEncoding,
) -> Vec<LocatedDiagnostic> {
    diags
        .iter()
        .map(|d| {
            let s = index.locate(text, d.span.start, encoding);
            let e = index.locate(text, d.span.end, encoding);
            LocatedDiagnostic {
                code: d.code.to_string(),
                name: d.name.to_string(),
                severity: d.severity,
                message: d.message.clone(),
                path: path.map(str::to_string),
                line: s.line,
                column: s.column,
                end_line: e.line,
                end_column: e.column,
                start: d.span.start,
                end: d.span.end,
                help: d.help.clone(),
                fix: d.fix.as_ref().map(|f| LocatedFix {
                    applicability: f.applicability,
                    title: f.title.clone(),
                    edits: f
                        .edits
                        .iter()
                        .map(|ed| {
                            let s = index.locate(text, ed.span.start, encoding);
                            let e = index.locate(text, ed.span.end, encoding);
                            LocatedEdit {
                                start: ed.span.start,
                                end: ed.span.end,
                                line: s.line,
                                column: s.column,
                                end_line: e.line,
                                end_column: e.column,
                                text: ed.text.clone(),
                            }
                        })
                        .collect(),
                }),
                related: d
                    .related
                    .iter()
                    .map(|r| {
                        // A related location in another document cannot be located here.
                        let lc = if r.path.is_none() {
                            index.locate(text, r.span.start, encoding)
                        } else {
                            crate::source::LineCol { line: 0, column: 0 }
                        };
                        LocatedRelated {
                            path: r.path.clone(),
                            line: lc.line,
                            column: lc.column,
                            start: r.span.start,
                            end: r.span.end,
                            message: r.message.clone(),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Applies non-overlapping edits to `text`. Edits are sorted by position;
/// an edit that overlaps an earlier one, or whose span is not valid for
/// `text`, is skipped and counted in the second return value.
pub fn apply_edits(text: &str, edits: &[Edit]) -> (String, usize) {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut skipped = 0;
    for e in sorted {
        let valid = e.span.start >= pos
            && e.span.end <= text.len()
            && text.is_char_boundary(e.span.start)
            && text.is_char_boundary(e.span.end);
        if !valid {
            skipped += 1;
            continue;
        }
        out.push_str(&text[pos..e.span.start]);
        out.push_str(&e.text);
        pos = e.span.end;
    }
    out.push_str(&text[pos..]);
    (out, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_edits_skips_overlaps() {
        let edits = [
            Edit::replace(Span::new(0, 3), "x"),
            Edit::replace(Span::new(2, 4), "y"),
            Edit::insert(5, "!"),
        ];
        let (out, skipped) = apply_edits("abcdef", &edits);
        assert_eq!(out, "xde!f");
        assert_eq!(skipped, 1);
    }
}
