//! `FM003` invalid-yaml: The front matter is not valid YAML, or not a mapping.

use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::line_end_after;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::source::Span;
use crate::yaml::YamlError;

/// ## What it does
/// Checks that the front matter is valid YAML and a mapping of keys to
/// values. The error is reported where the YAML parser stopped; when the cause
/// is an unclosed flow sequence (`[web, mobile`), flow mapping or quoted
/// string, the message says where it was opened. Resource limits of the parser
/// (nesting deeper than 128 levels, alias expansion) are reported here too.
///
/// ## Why is this bad?
/// Front matter that does not parse cannot be read by any tool: none of its
/// fields is checked until the syntax error is repaired.
///
/// ## Example
/// ```yaml
/// applicability: [web, mobile
/// related_initiatives: [loyalty-relaunch]
/// ```
///
/// Use instead:
/// ```yaml
/// applicability: [web, mobile]
/// related_initiatives: [loyalty-relaunch]
/// ```
///
/// ## Fix safety
/// For an unclosed `[`, `{` or quote, the fix adds the closing character at
/// the end of the line that opened it; for a plain value containing `: `, it
/// puts the value in quotes. Either fix is offered only when the repaired
/// front matter parses. Both are unsafe: once the front matter parses, its
/// fields are checked and may report new problems.
pub static META: RuleMeta = RuleMeta {
    code: "FM003",
    name: "invalid-yaml",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "The front matter is not valid YAML, or not a mapping.",
    needs_spec: false,
};

enum InvalidYaml<'a> {
    /// A syntax error, with what the parser was reading and where that starts.
    Syntax {
        error: &'a YamlError,
        context_line: Option<usize>,
        hint: Option<&'static str>,
    },
    /// An unclosed construct, proven by a repair that parses.
    Unclosed {
        what: &'static str,
        opening: String,
        line: usize,
        parser_line: usize,
        close: char,
    },
    NotAMapping {
        example: String,
    },
}

impl Violation for InvalidYaml<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        match self {
            InvalidYaml::Syntax { error, .. } => format!("invalid YAML: {}", error.message),
            InvalidYaml::Unclosed {
                what,
                opening,
                line,
                parser_line,
                ..
            } if parser_line != line => format!(
                "invalid YAML: the {what} `{opening}` is never closed (the parser stops on line {parser_line})"
            ),
            InvalidYaml::Unclosed {
                what,
                opening,
                line,
                ..
            } => {
                let _ = line;
                format!("invalid YAML: the {what} `{opening}` is never closed")
            }
            InvalidYaml::NotAMapping { .. } => {
                "front matter must be a mapping of keys to values".into()
            }
        }
    }
    fn help(&self) -> Option<String> {
        match self {
            InvalidYaml::Syntax {
                error,
                context_line,
                hint,
            } => {
                let context = match (error.context.as_deref(), context_line) {
                    (Some(ctx), Some(line)) => Some(format!(
                        "the parser was {} that starts on line {line}",
                        ctx.trim_start_matches("while ")
                    )),
                    _ => None,
                };
                match (hint, context) {
                    (Some(h), Some(c)) => Some(format!("{h}; {c}")),
                    (Some(h), None) => Some((*h).to_string()),
                    (None, c) => c,
                }
            }
            InvalidYaml::Unclosed { close, line, .. } => {
                Some(format!("add `{close}` at the end of line {line}"))
            }
            InvalidYaml::NotAMapping { example } => {
                Some(format!("write one `key: value` per line, e.g. `{example}`"))
            }
        }
    }
}

/// A short rendering of the text from `start` to the end of its line.
fn opening_text(text: &str, start: usize) -> String {
    let end = line_end_after(text, start);
    let line = text.get(start..end).unwrap_or("").trim_end();
    let line = match line.find(" #") {
        Some(i) => line[..i].trim_end(),
        None => line,
    };
    if line.chars().count() > 40 {
        let cut: String = line.chars().take(40).collect();
        format!("{cut}…")
    } else {
        line.to_string()
    }
}

/// The span of the character at `offset` (empty at a line break or the end).
fn char_span(text: &str, offset: usize) -> Span {
    let mut o = offset.min(text.len());
    while o > 0 && !text.is_char_boundary(o) {
        o -= 1;
    }
    match text.get(o..).and_then(|t| t.chars().next()) {
        Some(ch) if ch != '\n' && ch != '\r' => Span::new(o, o + ch.len_utf8()),
        _ => Span::empty(o),
    }
}

/// End of the text of the line holding `offset`, before a trailing comment and white space.
fn line_value_end(text: &str, offset: usize) -> usize {
    let end = line_end_after(text, offset);
    let line = text.get(offset..end).unwrap_or("");
    let line = line.trim_end();
    let line = match line.find(" #") {
        Some(i) => line[..i].trim_end(),
        None => line,
    };
    offset + line.len()
}

/// Whether the front matter parses once `edit` is applied to it.
fn repaired_parses(text: &str, content: Span, edit: &Edit) -> bool {
    let (Some(before), Some(after)) = (
        text.get(content.start..edit.span.start),
        text.get(edit.span.end..content.end),
    ) else {
        return false;
    };
    let repaired = format!("{before}{}{after}", edit.text);
    let fm = crate::yaml::parse_front_matter(&repaired, 0);
    fm.error.is_none() && !fm.not_a_mapping
}

/// A hint for errors whose cause is not obvious from the parser's words.
fn hint_for(error: &YamlError, at: char) -> Option<&'static str> {
    if error.message.contains("recursion limit exceeded") {
        return Some("the front matter is nested deeper than 128 levels; flatten it");
    }
    if error.message.contains("repetition limit exceeded") {
        return Some("aliases (`*name`) expand to too many values; write the values out instead");
    }
    if error.message.contains("duplicate entry") {
        return Some("a key appears twice in this mapping; keep only one");
    }
    match at {
        '\t' => Some("YAML does not allow tabs for indentation; use spaces"),
        '@' | '`' => {
            Some("a plain value cannot start with `@` or `` ` ``; put the value in quotes")
        }
        _ if error.message.starts_with("mapping values are not allowed") => {
            Some("a plain value cannot contain `: `; put the value in quotes")
        }
        _ => None,
    }
}

/// An unsafe fix quoting the plain value of the top-level `key: value` line holding `offset`.
fn quote_value_fix(text: &str, content: Span, offset: usize) -> Option<Fix> {
    let line_start = text
        .get(..offset)?
        .rfind('\n')
        .map_or(content.start, |i| i + 1)
        .max(content.start);
    let line_end = line_value_end(text, line_start);
    let line = text.get(line_start..line_end)?;
    if line.starts_with([' ', '\t', '-', '#']) {
        return None;
    }
    let colon = line.find(": ")?;
    let value = Span::new(line_start + colon + 2, line_end).trim(text);
    let v = value.text(text);
    if v.is_empty() || v.starts_with(['"', '\'', '[', '{', '|', '>']) {
        return None;
    }
    let quoted = format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""));
    let edit = Edit::replace(value, quoted.clone());
    repaired_parses(text, content, &edit)
        .then(|| Fix::unsafe_(format!("Put `{v}` in quotes"), vec![edit]))
}

pub fn check(c: &mut Checker<'_>) {
    let Some(block) = &c.doc.front_matter else {
        return;
    };
    if block.close.is_none() {
        return;
    }
    let text = c.doc.text;
    let fm = &block.yaml;
    if let Some(error) = &fm.error {
        let offset = error.offset.unwrap_or(block.content.start).min(text.len());
        let context = error.context_offset.filter(|&o| o < text.len());
        // At the end of the front matter the parser's position is the closing
        // fence; the construct it was reading is a better place.
        let at_end = offset >= block.content.end;
        let span = match context {
            Some(co) if at_end => Span::new(co, line_value_end(text, co)),
            _ => char_span(text, offset),
        };
        let unclosed = context.and_then(|co| {
            let (what, close) = match error.context.as_deref()? {
                "while parsing a flow sequence" => ("flow sequence", ']'),
                "while parsing a flow mapping" => ("flow mapping", '}'),
                "while scanning a quoted scalar" => {
                    ("quoted string", text.get(co..)?.chars().next()?)
                }
                _ => return None,
            };
            let edit = Edit::insert(line_value_end(text, co), close.to_string());
            repaired_parses(text, block.content, &edit).then_some((what, close, co, edit))
        });
        if let Some((what, close, co, edit)) = unclosed {
            let line = c.doc.line(co);
            let v = InvalidYaml::Unclosed {
                what,
                opening: opening_text(text, co),
                line,
                parser_line: c.doc.line(span.start),
                close,
            };
            // Reported where the construct opens, which is where it is fixed;
            // the parser's position is a related note.
            let opening = Span::new(co, line_value_end(text, co));
            let parser_elsewhere = c.doc.line(span.start) != line;
            if let Some(d) = c.report(v, opening) {
                d.fix = Some(Fix::unsafe_(
                    format!("Add `{close}` at the end of line {line}"),
                    vec![edit],
                ));
                if parser_elsewhere {
                    d.related.push(crate::diagnostic::Related {
                        span,
                        message: "the YAML parser stops here".to_string(),
                        path: None,
                    });
                }
            }
            return;
        }
        let at = text
            .get(offset..)
            .and_then(|t| t.chars().next())
            .unwrap_or('\n');
        let hint = hint_for(error, at);
        let fix = if error.message.starts_with("mapping values are not allowed") {
            quote_value_fix(text, block.content, offset)
        } else {
            None
        };
        let context_line = context.map(|co| c.doc.line(co));
        let v = InvalidYaml::Syntax {
            error,
            context_line,
            hint,
        };
        if let (Some(d), Some(fix)) = (c.report(v, span), fix) {
            d.fix = Some(fix);
        }
    } else if fm.not_a_mapping {
        let content = block.content.text(text);
        let first = content
            .split_inclusive('\n')
            .scan(block.content.start, |pos, line| {
                let start = *pos;
                *pos += line.len();
                Some(Span::new(start, start + line.len()))
            })
            .map(|s| s.trim(text))
            .find(|s| !s.is_empty() && !s.text(text).starts_with('#'))
            .unwrap_or(block.content);
        let example = if c.spec.id.is_empty() {
            "spec_type: <type>".into()
        } else {
            format!("spec_type: {}", c.spec.id)
        };
        c.report(InvalidYaml::NotAMapping { example }, first);
    }
}
