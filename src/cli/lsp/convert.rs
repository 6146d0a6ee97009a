//! Byte offsets (the core's) to LSP positions (0-based lines, UTF-16
//! columns) and back.

use lsp_types::{Position, Range};
use speclint::{ColumnEncoding, LineIndex, Span};

/// The LSP position of byte `offset` of `text`.
pub(crate) fn position(text: &str, index: &LineIndex, offset: usize) -> Position {
    let lc = index.locate(text, offset, ColumnEncoding::Utf16);
    Position {
        line: (lc.line.saturating_sub(1)) as u32,
        character: (lc.column.saturating_sub(1)) as u32,
    }
}

pub(crate) fn range(text: &str, index: &LineIndex, span: Span) -> Range {
    Range {
        start: position(text, index, span.start),
        end: position(text, index, span.end),
    }
}

/// The byte offset of an LSP position: past the end of a line, the line's
/// end; past the last line, the text's end. Never inside a character.
pub(crate) fn offset(text: &str, index: &LineIndex, p: Position) -> usize {
    let Some(start) = index.line_start(p.line as usize) else {
        return text.len();
    };
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0u32;
    for (i, ch) in text[start..line_end].char_indices() {
        if units >= p.character {
            return start + i;
        }
        units += ch.len_utf16() as u32;
    }
    // `\r` of a CRLF line end is not part of the line.
    if line_end > start && text.as_bytes()[line_end - 1] == b'\r' && units >= p.character {
        return line_end - 1;
    }
    line_end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_and_round_trip() {
        let text = "a: 1\n😀é x\nlast";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        let p = position(text, &index, x);
        assert_eq!((p.line, p.character), (1, 4)); // 😀 is two UTF-16 units
        assert_eq!(offset(text, &index, p), x);
        assert_eq!(
            offset(text, &index, Position::new(1, 99)),
            text.find("\nlast").unwrap()
        );
        assert_eq!(offset(text, &index, Position::new(9, 0)), text.len());
    }
}
