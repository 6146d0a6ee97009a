//! Resource limits: what the core refuses to process, and the diagnostic it gives instead.
//!
//! | limit | value | code |
//! |---|---|---|
//! | input size | 16 MiB | `LM001` input-too-large |
//! | front matter size | 256 KiB | `LM002` front-matter-too-large |
//! | headings | 50,000 | `LM003` too-many-headings |
//! | table columns | 256 | `LM004` table-too-wide |
//!
//! | YAML nesting | 128 levels, the top-level mapping included | `FM003` invalid-yaml, "recursion limit exceeded" |
//! | YAML alias expansion | 100 alias replays per YAML event | `FM003` invalid-yaml, "repetition limit exceeded" |
//!
//! The two YAML limits are the YAML parser's (`serde_yaml`); the others are
//! checked here before anything else runs. `tests/limits.rs` tests each at
//! and just over its boundary; TESTING.md has the table for users.

use crate::Simple;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::builtin;
use crate::source::Span;

/// The limits in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_input_bytes: usize,
    pub max_front_matter_bytes: usize,
    pub max_headings: usize,
    pub max_table_columns: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 16 * 1024 * 1024,
            max_front_matter_bytes: 256 * 1024,
            max_headings: 50_000,
            max_table_columns: 256,
        }
    }
}

impl Limits {
    /// Checked before parsing: `Some` means the input is refused.
    pub fn check_input(&self, text: &str) -> Option<Diagnostic> {
        (text.len() > self.max_input_bytes).then(|| {
            Simple {
                meta: &builtin::INPUT_TOO_LARGE,
                message: format!(
                    "the document is {} bytes; the limit is {} bytes",
                    text.len(),
                    self.max_input_bytes
                ),
                help: Some("split the document".into()),
            }
            .into_diagnostic(Span::empty(0))
        })
    }

    /// Checked after parsing.
    pub fn check_document(&self, doc: &Document<'_>) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if let Some(fm) = &doc.front_matter {
            if fm.content.len() > self.max_front_matter_bytes {
                out.push(
                    Simple {
                        meta: &builtin::FRONT_MATTER_TOO_LARGE,
                        message: format!(
                            "the front matter is {} bytes; the limit is {} bytes",
                            fm.content.len(),
                            self.max_front_matter_bytes
                        ),
                        help: None,
                    }
                    .into_diagnostic(fm.open),
                );
            }
        }
        if doc.headings.len() > self.max_headings {
            let h = &doc.headings[self.max_headings];
            out.push(
                Simple {
                    meta: &builtin::TOO_MANY_HEADINGS,
                    message: format!(
                        "the document has {} headings; the limit is {}",
                        doc.headings.len(),
                        self.max_headings
                    ),
                    help: None,
                }
                .into_diagnostic(h.span),
            );
        }
        for t in &doc.tables {
            if t.header.cells.len() > self.max_table_columns {
                out.push(
                    Simple {
                        meta: &builtin::TABLE_TOO_WIDE,
                        message: format!(
                            "the table has {} columns; the limit is {}",
                            t.header.cells.len(),
                            self.max_table_columns
                        ),
                        help: None,
                    }
                    .into_diagnostic(t.header.span),
                );
            }
        }
        out
    }
}
