//! A tokenizer for the identifier-and-punctuation notations of the model
//! readers: `REFERENCES "Order"("Id") ON DELETE CASCADE`, `PK (1/2)`,
//! `[dbo].[Orders]([OrderId])`, `FK → dim_store.store_key (soft)`.
//!
//! [`tokenize`] returns every token with its byte range in the input, in one
//! pass; [`Tokens::matching_close`] answers "where does this parenthesis
//! close" in O(1) from a table built in the same pass, so the readers never
//! rescan text and stay linear in their input.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A bare identifier or number: letters, digits, `_`, `$`, and `-` between
    /// two of them (`order-events`).
    Word,
    /// A quoted identifier: `"Order"`, `` `orders` ``, `[Orders]`; the text is
    /// its content.
    Quoted,
    Dot,
    Open,
    Close,
    Comma,
    /// `→`, `->`, `=>`, `⟶`, `➝`, `➔`.
    Arrow,
    Colon,
    Semicolon,
    Slash,
    /// Any other character.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    /// Byte range of the token in the input (quotes included).
    pub start: usize,
    pub end: usize,
    /// Byte range of the token's text (quotes excluded).
    pub text_start: usize,
    pub text_end: usize,
    /// Whether white space separates this token from the previous one.
    pub space_before: bool,
    /// Whether the token is inside a Markdown code span (between backticks).
    pub code: bool,
}

/// The tokens of one text.
#[derive(Debug, Clone)]
pub(crate) struct Tokens<'a> {
    pub src: &'a str,
    pub list: Vec<Token>,
    /// For each `Open` token, the index of its matching `Close` (`usize::MAX` when unclosed).
    close_of: Vec<usize>,
}

impl<'a> Tokens<'a> {
    /// The token's text (quotes excluded).
    pub fn text(&self, i: usize) -> &'a str {
        self.list
            .get(i)
            .and_then(|t| self.src.get(t.text_start..t.text_end))
            .unwrap_or("")
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.list.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is a bare word equal to `w` (ASCII case-insensitive).
    pub fn is_word(&self, i: usize, w: &str) -> bool {
        self.kind(i) == Some(Kind::Word) && self.text(i).eq_ignore_ascii_case(w)
    }

    /// Whether token `i` is a name: a bare word or a quoted identifier.
    pub fn is_name(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(Kind::Word | Kind::Quoted)) && !self.text(i).is_empty()
    }

    /// The index of the `Close` matching the `Open` at `i`, if it is closed.
    pub fn matching_close(&self, i: usize) -> Option<usize> {
        self.close_of.get(i).copied().filter(|&c| c != usize::MAX)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Byte offset where token `i` starts (the input's length past the end).
    pub fn start(&self, i: usize) -> usize {
        self.list.get(i).map_or(self.src.len(), |t| t.start)
    }

    /// Byte offset where token `i` ends (the input's length past the end).
    pub fn end(&self, i: usize) -> usize {
        self.list.get(i).map_or(self.src.len(), |t| t.end)
    }
}

/// The longest quoted identifier read, in bytes.
const MAX_QUOTED: usize = 256;

/// The largest char boundary of `s` at or below `n`.
fn floor_boundary(s: &str, n: usize) -> usize {
    if n >= s.len() {
        return s.len();
    }
    (0..=n).rev().find(|&k| s.is_char_boundary(k)).unwrap_or(0)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// Splits `src` into tokens. Never fails: an unclosed quote is an `Other`
/// token for its opening character and the text after it is read on.
pub(crate) fn tokenize(src: &str) -> Tokens<'_> {
    let mut list = Vec::new();
    let mut close_of = Vec::new();
    let mut open_stack: Vec<usize> = Vec::new();
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut space = false;
    let mut in_code = false;
    while i < src.len() {
        let Some(c) = src[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if c.is_whitespace() {
            space = true;
            i += len;
            continue;
        }
        let mut push = |kind: Kind, start: usize, end: usize, ts: usize, te: usize| {
            list.push(Token {
                kind,
                start,
                end,
                text_start: ts,
                text_end: te,
                space_before: space,
                code: in_code,
            });
        };
        match c {
            // A backtick is Markdown's code span, not a quote: `orders.id` and
            // `orders`.`id` both read as the words inside.
            '`' => {
                in_code = !in_code;
                i += 1;
                continue;
            }
            '"' | '[' => {
                let close = if c == '[' { ']' } else { c };
                // A quoted identifier ends at its closing quote on the same line,
                // within `MAX_QUOTED` bytes (a bounded look-ahead keeps this linear).
                let rest = &src[i + 1..];
                let rest = &rest[..floor_boundary(rest, MAX_QUOTED)];
                let end = rest
                    .find([close, '\n'])
                    .filter(|&k| rest[k..].starts_with(close));
                match end {
                    Some(k) if c != '[' || k > 0 => {
                        push(Kind::Quoted, i, i + 1 + k + 1, i + 1, i + 1 + k);
                        i += 1 + k + 1;
                    }
                    _ => {
                        push(Kind::Other, i, i + len, i, i + len);
                        i += len;
                    }
                }
            }
            '.' => {
                push(Kind::Dot, i, i + 1, i, i + 1);
                i += 1;
            }
            '(' => {
                push(Kind::Open, i, i + 1, i, i + 1);
                open_stack.push(list.len() - 1);
                i += 1;
            }
            ')' => {
                push(Kind::Close, i, i + 1, i, i + 1);
                if let Some(o) = open_stack.pop() {
                    if close_of.len() <= o {
                        close_of.resize(o + 1, usize::MAX);
                    }
                    close_of[o] = list.len() - 1;
                }
                i += 1;
            }
            ',' => {
                push(Kind::Comma, i, i + 1, i, i + 1);
                i += 1;
            }
            ':' => {
                push(Kind::Colon, i, i + 1, i, i + 1);
                i += 1;
            }
            ';' => {
                push(Kind::Semicolon, i, i + 1, i, i + 1);
                i += 1;
            }
            '/' => {
                push(Kind::Slash, i, i + 1, i, i + 1);
                i += 1;
            }
            '→' | '⟶' | '➝' | '➔' | '⇒' => {
                push(Kind::Arrow, i, i + len, i, i + len);
                i += len;
            }
            '-' | '=' if bytes.get(i + 1) == Some(&b'>') => {
                push(Kind::Arrow, i, i + 2, i, i + 2);
                i += 2;
            }
            c if is_word_char(c) => {
                let start = i;
                let mut j = i;
                while let Some(d) = src[j..].chars().next() {
                    if is_word_char(d) {
                        j += d.len_utf8();
                    } else if d == '-'
                        && src[j + 1..].chars().next().is_some_and(is_word_char)
                        && bytes.get(j + 1) != Some(&b'>')
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                push(Kind::Word, start, j, start, j);
                i = j;
            }
            _ => {
                push(Kind::Other, i, i + len, i, i + len);
                i += len;
            }
        }
        space = false;
    }
    close_of.resize(list.len(), usize::MAX);
    Tokens {
        src,
        list,
        close_of,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Kind, &str)> {
        let t = tokenize(s);
        (0..t.len())
            .map(|i| (t.kind(i).unwrap_or(Kind::Other), t.text(i)))
            .collect()
    }

    #[test]
    fn words_quotes_and_arrows() {
        assert_eq!(
            kinds("FK → \"Order\"(`Id`) [dbo].[x]"),
            vec![
                (Kind::Word, "FK"),
                (Kind::Arrow, "→"),
                (Kind::Quoted, "Order"),
                (Kind::Open, "("),
                (Kind::Word, "Id"),
                (Kind::Close, ")"),
                (Kind::Quoted, "dbo"),
                (Kind::Dot, "."),
                (Kind::Quoted, "x"),
            ]
        );
        assert_eq!(
            kinds("order-events->a"),
            vec![
                (Kind::Word, "order-events"),
                (Kind::Arrow, "->"),
                (Kind::Word, "a")
            ]
        );
        assert_eq!(
            kinds("a - b"),
            vec![(Kind::Word, "a"), (Kind::Other, "-"), (Kind::Word, "b")]
        );
    }

    #[test]
    fn parentheses_are_matched_once() {
        let t = tokenize("((a) (b");
        assert_eq!(t.matching_close(1), Some(3));
        assert_eq!(t.matching_close(0), None);
        assert_eq!(t.matching_close(4), None);
        assert_eq!(t.matching_close(2), None, "not an Open token");
    }

    #[test]
    fn unclosed_quotes_do_not_swallow_the_rest() {
        assert_eq!(
            kinds("\"abc def"),
            vec![
                (Kind::Other, "\""),
                (Kind::Word, "abc"),
                (Kind::Word, "def")
            ]
        );
        assert_eq!(kinds("[]"), vec![(Kind::Other, "["), (Kind::Other, "]")]);
    }
}
