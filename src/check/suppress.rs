//! Inline suppressions: comments in a document that turn findings off.
//!
//! ```markdown
//! <!-- speclint-disable-next-line DB002 -- keyless append-only log -->
//! <!-- speclint-disable-line TR001 -->          (at the end of a line)
//! <!-- speclint-disable DB003, unresolved-foreign-key -->  …  <!-- speclint-enable DB003 -->
//! <!-- speclint-disable-file TR002 -->
//! {/* speclint-disable-next-line DB002 */}       (MDX)
//! # speclint-disable-next-line FM015             (a YAML comment in the front matter)
//! ```
//!
//! Rules are named by code or name, separated by commas or spaces; no rule
//! means every rule. A reason may follow ` -- `. A suppression applies to
//! the findings that *start* on its lines:
//!
//! - `disable-next-line`: the next line that is neither blank nor another
//!   directive;
//! - `disable-line`: the line the comment is on;
//! - `disable` … `enable`: from the comment to the matching `enable` (or the
//!   end of the document); `enable` without rules ends every open range;
//! - `disable-file`: the whole document.
//!
//! [`apply`] removes the suppressed findings and adds two of its own:
//! `IS001` (info) for a suppression that suppressed nothing, and `IS002`
//! (warning) for a rule name it does not know, with the closest one
//! suggested. Directives inside code blocks and code spans are text, not
//! directives. Finding them is one pass over the document; at most
//! [`MAX_DIRECTIVES`] are read (`IS003` says so when there are more), which
//! keeps applying them linear in the number of findings.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::rules::{self, RuleMeta};
use crate::source::Span;

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    NextLine,
    Line,
    Disable,
    Enable,
    File,
}

/// One `speclint-…` directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: Kind,
    /// The rule codes it names; empty for every rule.
    pub codes: Vec<&'static str>,
    /// Names it does not know, with their spans.
    pub unknown: Vec<(String, Span)>,
    pub reason: Option<String>,
    /// The whole comment.
    pub span: Span,
}

const PREFIX: &str = "speclint-";

/// The most directives read from one document.
pub const MAX_DIRECTIVES: usize = 200;

/// Every directive of a document, in order.
pub fn directives(doc: &Document<'_>) -> Vec<Directive> {
    let text = doc.text;
    let mut out = Vec::new();
    // Front matter: YAML comments (`# speclint-disable-next-line FM015`).
    if let Some(fm) = &doc.front_matter {
        let content = fm.content.text(text);
        let mut pos = fm.content.start;
        for line in content.split_inclusive('\n') {
            if let Some(hash) = line.find('#') {
                let body = &line[hash + 1..];
                let trimmed = body.trim_start();
                if trimmed.starts_with(PREFIX) {
                    let start = pos + hash + 1 + (body.len() - trimmed.len());
                    let end = pos + line.trim_end().len();
                    if let Some(d) = parse(text, Span::new(start, end)) {
                        out.push(d);
                    }
                }
            }
            pos += line.len();
        }
    }
    // The body: HTML comments and MDX comments outside code.
    let body = doc.body();
    let base = doc.body_start;
    for (open, close) in [("<!--", "-->"), ("{/*", "*/}")] {
        let mut from = 0;
        while let Some(i) = memchr::memmem::find(&body.as_bytes()[from..], open.as_bytes()) {
            let start = from + i;
            let inner_start = start + open.len();
            let Some(j) = memchr::memmem::find(&body.as_bytes()[inner_start..], close.as_bytes())
            else {
                break;
            };
            let inner_end = inner_start + j;
            from = inner_end + close.len();
            if doc.in_code(base + start) {
                continue;
            }
            let inner = &body[inner_start..inner_end];
            let trimmed = inner.trim_start();
            if !trimmed.starts_with(PREFIX) {
                continue;
            }
            let s = base + inner_start + (inner.len() - trimmed.len());
            let e = base + inner_end;
            if let Some(mut d) = parse(text, Span::new(s, e)) {
                d.span = Span::new(base + start, base + from);
                out.push(d);
            }
        }
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// Reads `speclint-<kind> [rules] [-- reason]` at `span`.
fn parse(text: &str, span: Span) -> Option<Directive> {
    let raw = span.text(text).trim_end();
    let rest = raw.strip_prefix(PREFIX)?;
    let word_end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let kind = match &rest[..word_end] {
        "disable-next-line" => Kind::NextLine,
        "disable-line" => Kind::Line,
        "disable" => Kind::Disable,
        "enable" => Kind::Enable,
        "disable-file" => Kind::File,
        _ => return None,
    };
    let after = &rest[word_end..];
    let (list, reason) = match after.find(" -- ") {
        Some(i) => (&after[..i], Some(after[i + 4..].trim().to_string())),
        None => (after, None),
    };
    let list_start = span.start + PREFIX.len() + word_end;
    let mut codes = Vec::new();
    let mut unknown = Vec::new();
    let mut offset = 0;
    for item in list.split(|c: char| c == ',' || c.is_whitespace()) {
        let at = offset;
        offset += item.len() + 1;
        if item.is_empty() {
            continue;
        }
        match rules::find(item) {
            Some(m) => codes.push(m.code),
            None => {
                let s = list_start + at;
                unknown.push((item.to_string(), Span::new(s, s + item.len())));
            }
        }
    }
    Some(Directive {
        kind,
        codes,
        unknown,
        reason: reason.filter(|r| !r.is_empty()),
        span: Span::new(span.start, span.start + raw.len()),
    })
}

/// `IS001`: a suppression that suppresses nothing.
pub static UNUSED: RuleMeta = RuleMeta {
    code: "IS001",
    name: "unused-suppression",
    severity: Severity::Info,
    certainty: rules::Certainty::Certain,
    fix: rules::FixAvailability::None,
    summary: "An inline suppression suppresses nothing.",
    needs_spec: false,
};

/// `IS002`: a suppression names a rule speclint does not know.
pub static UNKNOWN_RULE: RuleMeta = RuleMeta {
    code: "IS002",
    name: "unknown-rule-in-suppression",
    severity: Severity::Warning,
    certainty: rules::Certainty::Certain,
    fix: rules::FixAvailability::None,
    summary: "An inline suppression names a rule that does not exist.",
    needs_spec: false,
};

/// `IS003`: more suppressions than [`MAX_DIRECTIVES`].
pub static TOO_MANY: RuleMeta = RuleMeta {
    code: "IS003",
    name: "too-many-suppressions",
    severity: Severity::Warning,
    certainty: rules::Certainty::Certain,
    fix: rules::FixAvailability::None,
    summary: "A document has more inline suppressions than speclint reads.",
    needs_spec: false,
};

/// The lines (1-based, inclusive) a directive covers, given the document's lines.
#[derive(Clone, Copy)]
struct Scope {
    first: usize,
    last: usize,
    /// Index into the directives, for "used" bookkeeping.
    directive: usize,
}

/// Removes the findings that inline suppressions cover and reports unused
/// suppressions and unknown rule names. `diagnostics` stays sorted.
///
/// Suppressions naming only cross-document codes (`XD…`) are not reported
/// as unused here: their findings come later, and [`CrossScopes`] applies
/// them.
pub fn apply(doc: &Document<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let mut ds = directives(doc);
    if ds.is_empty() {
        return;
    }
    if ds.len() > MAX_DIRECTIVES {
        let first_ignored = ds[MAX_DIRECTIVES].span;
        ds.truncate(MAX_DIRECTIVES);
        diagnostics.push(Diagnostic {
            code: TOO_MANY.code,
            name: TOO_MANY.name,
            severity: TOO_MANY.severity,
            message: format!(
                "more than {MAX_DIRECTIVES} inline suppressions; this one and the rest are ignored"
            ),
            span: first_ignored,
            help: Some(
                "turn the rule off for the file (`speclint-disable-file`) or in `speclint.yaml`"
                    .into(),
            ),
            fix: None,
            related: Vec::new(),
        });
    }
    let scopes = scopes(doc, &ds);
    let line = |o: usize| doc.line(o);
    let mut used = vec![false; ds.len()];
    diagnostics.retain(|diag| {
        if diag.code.starts_with("IS") {
            return true;
        }
        let l = line(diag.span.start);
        let mut suppressed = false;
        for s in &scopes {
            let d = &ds[s.directive];
            if s.first <= l && l <= s.last && (d.codes.is_empty() || d.codes.contains(&diag.code)) {
                used[s.directive] = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    for (k, d) in ds.iter().enumerate() {
        for (name, span) in &d.unknown {
            let names = rules::all().into_iter().map(|m| m.name);
            let hint = crate::text::closest(name, names)
                .or_else(|| crate::text::closest(name, rules::all().into_iter().map(|m| m.code)));
            diagnostics.push(Diagnostic {
                code: UNKNOWN_RULE.code,
                name: UNKNOWN_RULE.name,
                severity: UNKNOWN_RULE.severity,
                message: format!("unknown rule `{}` in a suppression", crate::text::truncate_chars(name, 60)),
                span: *span,
                help: Some(match hint {
                    Some(h) => format!("did you mean `{h}`?"),
                    None => "name rules by code (`DB002`) or name (`missing-primary-key`); `speclint rules` lists them".into(),
                }),
                fix: None,
                related: Vec::new(),
            });
        }
        let only_cross_document =
            !d.codes.is_empty() && d.codes.iter().all(|c| c.starts_with("XD"));
        if d.kind != Kind::Enable
            && !used[k]
            && !only_cross_document
            && (d.unknown.is_empty() || !d.codes.is_empty())
        {
            let what = if d.codes.is_empty() {
                "every rule".to_string()
            } else {
                crate::text::code_list(&d.codes)
            };
            diagnostics.push(Diagnostic {
                code: UNUSED.code,
                name: UNUSED.name,
                severity: UNUSED.severity,
                message: format!("this suppression of {what} suppresses nothing"),
                span: d.span,
                help: Some("remove it, or move it before the line it is meant for".into()),
                fix: None,
                related: Vec::new(),
            });
        }
    }
    crate::diagnostic::sort(diagnostics);
}

/// For each line (1-based), the first line at or after it that is neither
/// blank nor a directive: one backward pass over the document.
/// The line ranges the directives `ds` cover, in order.
fn scopes(doc: &Document<'_>, ds: &[Directive]) -> Vec<Scope> {
    let line = |o: usize| doc.line(o);
    let last_line = line(doc.text.len());
    let directive_lines: std::collections::HashSet<usize> = ds
        .iter()
        .flat_map(|d| line(d.span.start)..=line(d.span.end))
        .collect();
    let mut scopes: Vec<Scope> = Vec::new();
    let mut next_content: Option<Vec<usize>> = None;
    for (k, d) in ds.iter().enumerate() {
        let (first, last) = match d.kind {
            Kind::File => (1, last_line),
            Kind::Line => (line(d.span.start), line(d.span.end)),
            Kind::NextLine => {
                let l = next_content
                    .get_or_insert_with(|| content_lines(doc, last_line, &directive_lines))
                    .get(line(d.span.end) + 1)
                    .copied()
                    .unwrap_or(last_line + 1);
                (l, l)
            }
            Kind::Disable => {
                let from = line(d.span.start);
                // The first later `enable` naming one of these rules (or every rule).
                let end = ds[k + 1..]
                    .iter()
                    .find(|e| {
                        e.kind == Kind::Enable
                            && (e.codes.is_empty()
                                || d.codes.is_empty()
                                || e.codes.iter().any(|c| d.codes.contains(c)))
                    })
                    .map_or(last_line, |e| line(e.span.start));
                (from, end)
            }
            Kind::Enable => continue,
        };
        scopes.push(Scope {
            first,
            last,
            directive: k,
        });
    }
    scopes
}

/// The suppressions of a document that can apply to cross-document findings
/// (`XD…`, or every rule): line ranges, collected while the document is
/// validated so that the cross-document checks need not parse it again.
#[derive(Debug, Clone, Default)]
pub(crate) struct CrossScopes(Vec<(usize, usize, Vec<&'static str>)>);

impl CrossScopes {
    pub(crate) fn of(doc: &Document<'_>) -> CrossScopes {
        let mut ds = directives(doc);
        if ds.is_empty() {
            return CrossScopes::default();
        }
        ds.truncate(MAX_DIRECTIVES);
        let keep =
            |d: &Directive| d.codes.is_empty() || d.codes.iter().any(|c| c.starts_with("XD"));
        CrossScopes(
            scopes(doc, &ds)
                .into_iter()
                .map(|s| (s, &ds[s.directive]))
                .filter(|(_, d)| keep(d))
                .map(|(s, d)| (s.first, s.last, d.codes.clone()))
                .collect(),
        )
    }

    /// Whether a finding `code` on (1-based) `line` is suppressed.
    pub(crate) fn covers(&self, line: usize, code: &str) -> bool {
        self.0.iter().any(|(first, last, codes)| {
            *first <= line && line <= *last && (codes.is_empty() || codes.contains(&code))
        })
    }
}

fn content_lines(
    doc: &Document<'_>,
    last_line: usize,
    directive_lines: &std::collections::HashSet<usize>,
) -> Vec<usize> {
    let mut next = vec![last_line + 1; last_line + 2];
    for l in (1..=last_line).rev() {
        next[l] = if directive_lines.contains(&l) || is_blank_line(doc, l) {
            next[l + 1]
        } else {
            l
        };
    }
    next
}

fn is_blank_line(doc: &Document<'_>, line: usize) -> bool {
    // `line` is 1-based; the index counts from 0.
    let Some(start) = doc.line_index.line_start(line.saturating_sub(1)) else {
        return false;
    };
    let end = crate::document::line_end_after(doc.text, start);
    doc.text
        .get(start..end)
        .is_some_and(|l| l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(code: &'static str, text: &str, needle: &str) -> Diagnostic {
        let start = text.find(needle).unwrap();
        Diagnostic {
            code,
            name: "x",
            severity: Severity::Warning,
            message: String::new(),
            span: Span::new(start, start + needle.len()),
            help: None,
            fix: None,
            related: Vec::new(),
        }
    }

    fn run(text: &str, found: &[(&'static str, &str)]) -> Vec<(String, usize)> {
        let doc = Document::parse(text);
        let mut ds: Vec<Diagnostic> = found.iter().map(|(c, n)| diag(c, text, n)).collect();
        apply(&doc, &mut ds);
        ds.iter()
            .map(|d| (d.code.to_string(), doc.line(d.span.start)))
            .collect()
    }

    #[test]
    fn next_line_skips_blank_lines_and_other_directives() {
        let text = "# T\n<!-- speclint-disable-next-line DB002 -- keyless log -->\n<!-- speclint-disable-next-line TR001 -->\n\n### `events`\nother\n";
        let got = run(
            text,
            &[
                ("DB002", "`events`"),
                ("TR001", "`events`"),
                ("DB002", "other"),
            ],
        );
        assert_eq!(got, vec![("DB002".to_string(), 6)]);
    }

    #[test]
    fn ranges_files_names_and_mdx() {
        let text = "---\nspec_type: x\napplicability: [api] # speclint-disable-line FM015\n---\n<!-- speclint-disable missing-primary-key -->\na\nb\n<!-- speclint-enable DB002 -->\nc\n{/* speclint-disable-next-line DB003 */}\nd\n<!-- speclint-disable-file TR002 -->\ne\n";
        let got = run(
            text,
            &[
                ("FM015", "api"),
                ("DB002", "a\n"),
                ("DB002", "b\n"),
                ("DB002", "c\n"),
                ("DB003", "d\n"),
                ("TR002", "e\n"),
            ],
        );
        assert_eq!(got, vec![("DB002".to_string(), 9)]);
    }

    #[test]
    fn unused_and_unknown_are_reported() {
        let text = "<!-- speclint-disable-next-line DB02 -->\nx\n<!-- speclint-disable-next-line DB003 -->\ny\n```md\n<!-- speclint-disable-file -->\n```\n";
        let got = run(text, &[]);
        assert_eq!(
            got,
            vec![("IS002".to_string(), 1), ("IS001".to_string(), 3)],
            "the directive in a code block is text"
        );
    }

    #[test]
    fn hostile_input_is_linear() {
        let text = "<!-- speclint-disable-line ".repeat(20_000);
        let _ = run(&text, &[]);
        let text = "<!-- speclint-disable-next-line DB002 -->\n".repeat(5_000);
        let got = run(&text, &[]);
        // MAX_DIRECTIVES unused ones, and one IS003 for the rest.
        assert_eq!(got.len(), MAX_DIRECTIVES + 1);
    }
}
