//! Tables pass: pipe tables with trimmed cells padded into aligned columns.
//!
//! Widths are display widths (East Asian wide characters and emoji count
//! two). The delimiter row keeps each column's alignment (`:--`, `--:`,
//! `:-:`). A row with more or fewer cells than the header keeps exactly its
//! cells (nothing is dropped or invented). A table whose aligned rows would be
//! wider than [`MAX_ALIGNED_WIDTH`] is written compact (`| a | b |`) instead.
//! Tables inside list items or block quotes are left alone.

use unicode_width::UnicodeWidthStr;

use super::at_line_start;
use crate::diagnostic::Edit;
use crate::document::table::split_row;
use crate::document::{Document, Table};
use crate::source::Span;

/// Aligned tables wider than this many columns are written compact.
pub const MAX_ALIGNED_WIDTH: usize = 120;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    None,
    Left,
    Right,
    Center,
}

pub fn format(doc: &Document<'_>) -> Vec<Edit> {
    let text = doc.text;
    let mut edits = Vec::new();
    for t in &doc.tables {
        if !standalone(text, t) {
            continue;
        }
        let formatted = render(text, t);
        let span = Span::new(t.header.span.start, t.span.end);
        if span.text(text) != formatted {
            edits.push(Edit::replace(span, formatted));
        }
    }
    edits
}

/// Whether every line of the table starts at column 0 outside any container.
fn standalone(text: &str, t: &Table) -> bool {
    let starts = std::iter::once(t.header.span.start)
        .chain(std::iter::once(t.delimiter.start))
        .chain(t.rows.iter().map(|r| r.span.start));
    starts
        .into_iter()
        .all(|s| at_line_start(text, s) && !text[s..].starts_with(['>', ' ', '\t']))
}

fn render(text: &str, t: &Table) -> String {
    let delim = split_row(text, t.delimiter);
    let aligns: Vec<Align> = delim
        .cells
        .iter()
        .map(|c| {
            let s = c.text.trim();
            match (s.starts_with(':'), s.ends_with(':') && s.len() > 1) {
                (true, true) => Align::Center,
                (true, false) => Align::Left,
                (false, true) => Align::Right,
                (false, false) => Align::None,
            }
        })
        .collect();
    let rows: Vec<Vec<&str>> = std::iter::once(&t.header)
        .chain(t.rows.iter())
        .map(|r| r.cells.iter().map(|c| c.span.text(text)).collect())
        .collect();
    let ncols = rows
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(aligns.len());
    let mut widths = vec![3usize; ncols];
    for r in &rows {
        for (j, c) in r.iter().enumerate() {
            widths[j] = widths[j].max(c.width());
        }
    }
    let aligned_width: usize = widths.iter().map(|w| w + 3).sum::<usize>() + 1;
    let compact = aligned_width > MAX_ALIGNED_WIDTH;
    let mut out = String::new();
    let line = |cells: &[&str], out: &mut String| {
        out.push('|');
        for (j, c) in cells.iter().enumerate() {
            out.push(' ');
            let pad = if compact {
                0
            } else {
                widths[j].saturating_sub(c.width())
            };
            let align = aligns.get(j).copied().unwrap_or(Align::None);
            let (left, right) = match align {
                Align::Right => (pad, 0),
                Align::Center => (pad / 2, pad - pad / 2),
                _ => (0, pad),
            };
            out.extend(std::iter::repeat_n(' ', left));
            out.push_str(c);
            out.extend(std::iter::repeat_n(' ', right));
            out.push_str(" |");
        }
        if cells.is_empty() {
            out.push('|');
        }
    };
    line(&rows[0], &mut out);
    out.push('\n');
    out.push('|');
    for (j, a) in aligns.iter().enumerate() {
        let w = if compact { 3 } else { widths[j] };
        let dashes = |n: usize| "-".repeat(n);
        let cell = match a {
            Align::None => dashes(w),
            Align::Left => format!(":{}", dashes(w - 1)),
            Align::Right => format!("{}:", dashes(w - 1)),
            Align::Center => format!(":{}:", dashes(w.saturating_sub(2).max(1))),
        };
        out.push(' ');
        out.push_str(&cell);
        out.push_str(" |");
    }
    for r in &rows[1..] {
        out.push('\n');
        line(r, &mut out);
    }
    out
}
