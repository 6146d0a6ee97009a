//! Pipe tables with the cells as written.
//!
//! pulldown-cmark finds tables and their rows, but it pads short rows and
//! drops extra cells (as GFM says to render them). A linter needs the cells
//! as written, so each row's line is split here on unescaped pipes: pipes
//! inside code spans split cells too, as in GFM, unless escaped (`\|`).

use crate::source::Span;

/// One cell: its trimmed span and its text with `\|` unescaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub span: Span,
    pub text: String,
}

/// One table row as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row's line, newline excluded.
    pub span: Span,
    pub cells: Vec<Cell>,
}

/// A pipe table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub span: Span,
    pub header: Row,
    /// The `| --- | :-: |` line.
    pub delimiter: Span,
    pub rows: Vec<Row>,
}

impl Table {
    pub(crate) fn new(span: Span) -> Self {
        Table {
            span,
            header: Row {
                span: Span::empty(span.start),
                cells: Vec::new(),
            },
            delimiter: Span::empty(span.start),
            rows: Vec::new(),
        }
    }

    pub(crate) fn set_header(&mut self, text: &str, span: Span) {
        self.header = split_row(text, span);
    }

    pub(crate) fn push_row(&mut self, text: &str, span: Span) {
        self.rows.push(split_row(text, span));
    }

    /// Finds the delimiter line and trims the table span; called once the table ends.
    pub(crate) fn finish(mut self, text: &str) -> Self {
        let after_header = super::line_end_after(text, self.header.span.end);
        let delim_end = text
            .get(after_header..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |i| after_header + i);
        self.delimiter = Span::new(after_header, delim_end);
        let d = self.delimiter.text(text);
        self.delimiter = Span::new(after_header, after_header + d.trim_end_matches('\r').len());
        let end = self.rows.last().map_or(self.delimiter.end, |r| r.span.end);
        self.span = Span::new(self.span.start, end.max(self.delimiter.end));
        self
    }

    /// Index of the first header cell whose normalized text is in `names`.
    pub fn column(&self, names: &[String]) -> Option<usize> {
        self.header.cells.iter().position(|c| {
            let n = crate::text::normalize_title(&c.text);
            names.contains(&n)
        })
    }
}

/// Splits a row line into cells. Leading and trailing pipes are optional.
pub fn split_row(text: &str, span: Span) -> Row {
    let line = span.text(text);
    let bytes = line.as_bytes();
    let mut cells = Vec::new();
    let lead = line.len() - line.trim_start().len();
    let mut i = lead;
    let mut last_pipe_end = None;
    if bytes.get(i) == Some(&b'|') {
        i += 1;
        last_pipe_end = Some(i);
    }
    let mut cell_start = i;
    let trimmed_end = line.trim_end().len();
    while i < trimmed_end {
        match bytes[i] {
            b'\\' => i += 2,
            b'|' => {
                push_cell(text, span.start, cell_start, i, &mut cells);
                i += 1;
                cell_start = i;
                last_pipe_end = Some(i);
            }
            _ => i += 1,
        }
    }
    // A trailing pipe closes the last cell; otherwise the rest is a cell.
    if last_pipe_end != Some(trimmed_end) && cell_start <= trimmed_end {
        push_cell(
            text,
            span.start,
            cell_start,
            trimmed_end.min(line.len()),
            &mut cells,
        );
    }
    Row { span, cells }
}

fn push_cell(text: &str, base: usize, start: usize, end: usize, cells: &mut Vec<Cell>) {
    let span = Span::new(base + start, base + end).trim(text);
    let raw = span.text(text);
    let escaped_pipe = memchr::memchr_iter(b'\\', raw.as_bytes())
        .any(|i| raw.as_bytes().get(i + 1) == Some(&b'|'));
    cells.push(Cell {
        span,
        text: if escaped_pipe {
            raw.replace("\\|", "|")
        } else {
            raw.to_string()
        },
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(line: &str) -> Vec<String> {
        split_row(line, Span::new(0, line.len()))
            .cells
            .into_iter()
            .map(|c| c.text)
            .collect()
    }

    #[test]
    fn splits_cells() {
        assert_eq!(cells("| a | b |"), ["a", "b"]);
        assert_eq!(cells("a | b"), ["a", "b"]);
        assert_eq!(cells("| a \\| x | `b|c` |"), ["a | x", "`b", "c`"]);
        assert_eq!(cells("| a |  |"), ["a", ""]);
        assert_eq!(cells("|"), Vec::<String>::new());
    }

    #[test]
    fn cell_spans_are_trimmed() {
        let line = "|  id  | bigint |";
        let row = split_row(line, Span::new(0, line.len()));
        assert_eq!(row.cells[0].span.text(line), "id");
        assert_eq!(row.cells[1].span, Span::new(9, 15));
    }
}
