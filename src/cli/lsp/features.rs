//! The answers of `speclint lsp`: diagnostics, code actions, formatting,
//! hover and completion, each from the core (findings, fixes, the normalizer,
//! the spec type, the export's entities).

use std::collections::HashMap;

use lsp_types::{self as lsp, Uri};
use speclint::diagnostic::{Applicability, Diagnostic};
use speclint::normalize::NormalizeOptions;
use speclint::spec_type::{FieldKind, SectionSpec, SpecType, normalize_title};
use speclint::{Document, LineIndex, Linter, Severity, Span};

use super::convert::{offset, range};

/// The code action kind that applies every safe fix.
pub(crate) const FIX_ALL: &str = "source.fixAll.speclint";

fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// The document's findings as LSP diagnostics, each linking to its rule.
pub(crate) fn diagnostics(linter: &Linter, text: &str, rules_url: &str) -> Vec<lsp::Diagnostic> {
    let index = LineIndex::new(text);
    linter
        .check(text)
        .diagnostics
        .iter()
        .map(|d| to_lsp(text, &index, d, Some(rules_url)))
        .collect()
}

/// One finding as an LSP diagnostic; with `rules_url`, as published (a link
/// to the rule, the help under the message), without, as a code action names it.
fn to_lsp(
    text: &str,
    index: &LineIndex,
    d: &Diagnostic,
    rules_url: Option<&str>,
) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: range(text, index, d.span),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.code.to_string())),
        code_description: rules_url
            .and_then(|u| {
                format!("{u}#{}", d.code.to_ascii_lowercase())
                    .parse::<Uri>()
                    .ok()
            })
            .map(|href| lsp::CodeDescription { href }),
        source: Some("speclint".into()),
        message: match (&d.help, rules_url) {
            (Some(h), Some(_)) => format!("{}\n{h}", d.message),
            _ => d.message.clone(),
        },
        ..Default::default()
    }
}

/// A config or type file that cannot be read: one diagnostic at the top.
pub(crate) fn config_error(message: &str) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: lsp::Range::default(),
        severity: Some(lsp::DiagnosticSeverity::ERROR),
        source: Some("speclint".into()),
        message: format!("speclint cannot load its configuration: {message}"),
        ..Default::default()
    }
}

fn edits_of(text: &str, index: &LineIndex, d: &Diagnostic) -> Vec<lsp::TextEdit> {
    d.fix
        .iter()
        .flat_map(|f| &f.edits)
        .map(|e| lsp::TextEdit {
            range: range(text, index, e.span),
            new_text: e.text.clone(),
        })
        .collect()
}

fn workspace_edit(uri: &Uri, edits: Vec<lsp::TextEdit>) -> lsp::WorkspaceEdit {
    lsp::WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

fn overlaps(a: lsp::Range, b: lsp::Range) -> bool {
    let key = |p: lsp::Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}

/// Quick fixes for the findings in the requested range, a "disable for this
/// line" action for each, and `source.fixAll.speclint`.
pub(crate) fn code_actions(
    linter: &Linter,
    text: &str,
    uri: &Uri,
    p: &lsp::CodeActionParams,
) -> Vec<lsp::CodeActionOrCommand> {
    let index = LineIndex::new(text);
    let doc = Document::parse(text);
    let report = linter.check(text);
    let wants = |k: &str| {
        p.context
            .only
            .as_ref()
            .is_none_or(|only| only.iter().any(|o| k.starts_with(o.as_str())))
    };
    let mut out = Vec::new();
    if wants(lsp::CodeActionKind::QUICKFIX.as_str()) {
        for d in &report.diagnostics {
            let r = range(text, &index, d.span);
            if !overlaps(r, p.range) {
                continue;
            }
            let diag = to_lsp(text, &index, d, None);
            if let Some(f) = &d.fix {
                let safe = f.applicability == Applicability::Safe;
                out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: format!(
                        "{} ({} fix, {})",
                        f.title.replace('`', ""),
                        if safe { "safe" } else { "unsafe" },
                        d.code
                    ),
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diag.clone()]),
                    edit: Some(workspace_edit(uri, edits_of(text, &index, d))),
                    is_preferred: Some(safe),
                    ..Default::default()
                }));
            }
            if let Some(edit) = suppression(&doc, &index, d, uri.as_str().ends_with(".mdx")) {
                out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: format!("Disable {} for this line", d.code),
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diag]),
                    edit: Some(workspace_edit(uri, vec![edit])),
                    ..Default::default()
                }));
            }
        }
    }
    if wants(FIX_ALL) {
        let edits = fix_all(text, &index, &report.diagnostics);
        if !edits.is_empty() {
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: "Fix all safe speclint problems".into(),
                kind: Some(lsp::CodeActionKind::new(FIX_ALL)),
                edit: Some(workspace_edit(uri, edits)),
                ..Default::default()
            }));
        }
    }
    out
}

/// The edits of every safe fix, in order, leaving out a fix whose edits
/// overlap one already taken (the next run of the action takes it).
fn fix_all(text: &str, index: &LineIndex, diags: &[Diagnostic]) -> Vec<lsp::TextEdit> {
    let mut taken: Vec<Span> = Vec::new();
    let mut out = Vec::new();
    for d in diags {
        let Some(f) = d
            .fix
            .as_ref()
            .filter(|f| f.applicability == Applicability::Safe)
        else {
            continue;
        };
        let clash = f.edits.iter().any(|e| {
            taken.iter().any(|t| {
                e.span.start < t.end.max(t.start + 1) && t.start < e.span.end.max(e.span.start + 1)
            })
        });
        if clash {
            continue;
        }
        taken.extend(f.edits.iter().map(|e| e.span));
        out.extend(edits_of(text, index, d));
    }
    out
}

/// The inline suppression for `d`'s line (see `src/check/suppress.rs`): a YAML
/// comment above a front matter line, an HTML comment above a heading or a
/// table's header, one at the end of a paragraph or list line. None inside
/// a table's body (a comment line would end the table) or a code block.
fn suppression(
    doc: &Document<'_>,
    index: &LineIndex,
    d: &Diagnostic,
    mdx: bool,
) -> Option<lsp::TextEdit> {
    let text = doc.text;
    let at = d.span.start.min(text.len());
    let line = index.line_of(at);
    let start = index.line_start(line)?;
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let content = text[start..end].trim_end_matches('\r');
    let indent = &content[..content.len() - content.trim_start().len()];
    let code = d.code;
    let above = |comment: String| lsp::TextEdit {
        range: range(text, index, Span::empty(start)),
        new_text: format!("{indent}{comment}\n"),
    };
    if let Some(fm) = &doc.front_matter {
        if fm.content.start <= at && at < fm.content.end.max(fm.content.start + 1) {
            return Some(above(format!("# speclint-disable-next-line {code}")));
        }
        if at < doc.body_start {
            return None; // the `---` lines
        }
    }
    if doc
        .code_blocks
        .iter()
        .any(|b| b.span.start <= at && at < b.span.end)
    {
        return None;
    }
    let html = |kind: &str| {
        if mdx {
            format!("{{/* speclint-{kind} {code} */}}")
        } else {
            format!("<!-- speclint-{kind} {code} -->")
        }
    };
    if let Some(t) = doc
        .tables
        .iter()
        .find(|t| t.span.start <= at && at < t.span.end.max(t.span.start + 1))
    {
        return (t.header.span.start <= at && at <= t.header.span.end)
            .then(|| above(html("disable-next-line")));
    }
    if content.trim_start().starts_with('#') || content.trim().is_empty() {
        return Some(above(html("disable-next-line")));
    }
    Some(lsp::TextEdit {
        range: range(text, index, Span::empty(start + content.len())),
        new_text: format!(" {}", html("disable-line")),
    })
}

/// The document normalized, as one edit (none when nothing changes).
pub(crate) fn format(linter: &Linter, text: &str) -> Option<Vec<lsp::TextEdit>> {
    let out = linter.normalize(text, &NormalizeOptions::default());
    if !out.changed {
        return Some(Vec::new());
    }
    let index = LineIndex::new(text);
    Some(vec![lsp::TextEdit {
        range: range(text, &index, Span::new(0, text.len())),
        new_text: out.text,
    }])
}

fn section_of<'s>(spec: &'s SpecType, heading: &str) -> Option<&'s SectionSpec> {
    let h = normalize_title(heading);
    spec.sections.iter().find(|s| {
        normalize_title(&s.title) == h || s.aliases.iter().any(|a| normalize_title(a) == h)
    })
}

fn kind_name(k: FieldKind) -> &'static str {
    match k {
        FieldKind::String => "string",
        FieldKind::Date => "date (YYYY-MM-DD)",
        FieldKind::Enum => "one of the values",
        FieldKind::List => "list",
        FieldKind::Boolean => "true or false",
        FieldKind::Number => "number",
    }
}

fn code_list(v: &[String]) -> String {
    v.iter()
        .map(|x| format!("`{x}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Hover: a front matter key's field, or a section heading's section.
pub(crate) fn hover(linter: &Linter, text: &str, p: lsp::Position) -> Option<lsp::Hover> {
    let index = LineIndex::new(text);
    let at = offset(text, &index, p);
    let doc = Document::parse(text);
    // The type `check` reads it as, without validating it again.
    let spec = linter.spec_for(&doc, None)?;
    let mut md = String::new();
    let mut span = None;
    if let Some(e) =
        doc.yaml().into_iter().flat_map(|y| &y.entries).find(|e| {
            index.line_of(e.key_span.start) == index.line_of(at) && at >= e.key_span.start
        })
    {
        let f = spec.field(&e.key)?;
        md.push_str(&format!(
            "**`{}`**: {}{}",
            f.name,
            kind_name(f.kind),
            if f.required { ", required" } else { "" }
        ));
        if let Some(c) = &f.const_value {
            md.push_str(&format!("\n\nalways `{c}`"));
        }
        if !f.values.is_empty() {
            md.push_str(&format!("\n\nallowed values: {}", code_list(&f.values)));
        }
        if !f.suggested.is_empty() {
            md.push_str(&format!(
                "\n\nsuggested values: {}",
                code_list(&f.suggested)
            ));
        }
        if let Some(d) = &f.description {
            md.push_str(&format!("\n\n{d}"));
        }
        span = Some(e.key_span);
    } else if let Some(h) = doc
        .headings
        .iter()
        .find(|h| h.span.start <= at && at <= h.span.end)
    {
        let s = section_of(spec, &h.text)?;
        md.push_str(&format!(
            "**{}**: section `{}` of *{}*{}",
            s.title,
            s.id,
            spec.name,
            if s.required {
                ", required"
            } else {
                ", optional"
            }
        ));
        if let Some(t) = &s.table {
            let cols: Vec<String> = t.columns.iter().map(|c| c.name.clone()).collect();
            md.push_str(&format!(
                "\n\nA table with the columns {}.",
                code_list(&cols)
            ));
        }
        if !s.subsections.is_empty() {
            let subs: Vec<String> = s.subsections.iter().map(|x| x.title.clone()).collect();
            md.push_str(&format!("\n\nSubsections: {}.", code_list(&subs)));
        }
        if let Some(e) = &s.entries {
            md.push_str(&format!(
                "\n\nOne subsection per {} (at least {}).",
                e.name, e.min
            ));
        }
        if !s.residue.is_empty() {
            md.push_str("\n\nThe template's guidance:\n");
            for r in &s.residue {
                md.push_str(&format!("\n- {r}"));
            }
        }
        span = Some(h.span);
    }
    (!md.is_empty()).then(|| lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: md,
        }),
        range: span.map(|s| range(text, &index, s)),
    })
}

fn item(
    label: &str,
    kind: lsp::CompletionItemKind,
    detail: Option<String>,
    sort: String,
) -> lsp::CompletionItem {
    lsp::CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail,
        sort_text: Some(sort),
        ..Default::default()
    }
}

/// Completion: front matter keys and values, the missing section titles
/// (those that belong after the section above first), and entity and column
/// names after `REFERENCES` or an arrow.
pub(crate) fn completion(
    linter: &Linter,
    text: &str,
    p: lsp::Position,
) -> Option<lsp::CompletionResponse> {
    let index = LineIndex::new(text);
    let at = offset(text, &index, p);
    let line_start = index.line_start(index.line_of(at))?;
    let before = &text[line_start..at];
    let doc = Document::parse(text);
    let spec = linter.spec_for(&doc, None);
    let mut items = Vec::new();
    let in_front_matter = doc
        .front_matter
        .as_ref()
        .is_some_and(|fm| fm.content.start <= at && at <= fm.content.end);
    if in_front_matter {
        let spec = spec?;
        match before.split_once(':') {
            None => {
                let present: Vec<&str> = doc
                    .yaml()
                    .map(|y| y.entries.iter().map(|e| e.key.as_str()).collect())
                    .unwrap_or_default();
                for (i, f) in spec.fields.iter().enumerate() {
                    if present.contains(&f.name.as_str()) {
                        continue;
                    }
                    let mut it = item(
                        &f.name,
                        lsp::CompletionItemKind::FIELD,
                        Some(kind_name(f.kind).into()),
                        format!("{i:03}"),
                    );
                    it.insert_text = Some(format!("{}: ", f.name));
                    it.documentation = f.description.clone().map(lsp::Documentation::String);
                    items.push(it);
                }
            }
            Some((key, _)) => {
                let f = spec.field(key.trim())?;
                let mut values: Vec<String> = f.const_value.iter().cloned().collect();
                values.extend(f.values.iter().cloned());
                values.extend(f.suggested.iter().cloned());
                if f.kind == FieldKind::Boolean {
                    values.extend(["true".to_string(), "false".to_string()]);
                }
                for (i, v) in values.iter().enumerate() {
                    items.push(item(
                        v,
                        lsp::CompletionItemKind::ENUM_MEMBER,
                        None,
                        format!("{i:03}"),
                    ));
                }
            }
        }
        return Some(lsp::CompletionResponse::Array(items));
    }
    let trimmed = before.trim_start();
    if trimmed.starts_with('#') && !trimmed.contains(|c: char| c != '#' && !c.is_whitespace()) {
        let spec = spec?;
        let present: Vec<String> = doc
            .headings
            .iter()
            .map(|h| normalize_title(&h.text))
            .collect();
        let is_present = |s: &SectionSpec| {
            std::iter::once(&s.title)
                .chain(&s.aliases)
                .any(|t| present.contains(&normalize_title(t)))
        };
        // The spec section of the last heading above: the missing sections after it come first.
        let above = doc
            .headings
            .iter()
            .filter(|h| h.span.end <= line_start)
            .filter_map(|h| {
                spec.sections
                    .iter()
                    .position(|s| Some(s) == section_of(spec, &h.text))
            })
            .next_back();
        for (i, s) in spec.sections.iter().enumerate() {
            if is_present(s) {
                continue;
            }
            let first = above.is_none_or(|a| i > a);
            let sort = format!("{}{i:03}", if first { 0 } else { 1 });
            let mut it = item(
                &s.title,
                lsp::CompletionItemKind::MODULE,
                Some(format!(
                    "section ({})",
                    if s.required { "required" } else { "optional" }
                )),
                sort,
            );
            it.insert_text = Some(s.title.clone());
            items.push(it);
        }
        return Some(lsp::CompletionResponse::Array(items));
    }
    // Foreign keys: `REFERENCES orders(` or `→ orders.` → columns; `REFERENCES ` → entities.
    let lower = before.to_ascii_lowercase();
    let after_ref = ["references ", "→ ", "→", "-> "]
        .iter()
        .filter_map(|k| lower.rfind(k).map(|i| i + k.len()))
        .max()?;
    let typed = &before[after_ref..];
    if typed.contains(' ') || typed.contains('|') {
        return None;
    }
    let entities = linter.export(text, None).entities.unwrap_or_default();
    match typed.split_once(['(', '.']) {
        Some((entity, _)) => {
            let e = entities
                .iter()
                .find(|e| e.name.eq_ignore_ascii_case(entity))?;
            for (i, c) in e.columns.iter().enumerate() {
                items.push(item(
                    &c.name,
                    lsp::CompletionItemKind::FIELD,
                    Some(c.data_type.clone()),
                    format!("{i:03}"),
                ));
            }
        }
        None => {
            for (i, e) in entities.iter().enumerate() {
                items.push(item(
                    &e.name,
                    lsp::CompletionItemKind::CLASS,
                    Some("entity".into()),
                    format!("{i:03}"),
                ));
            }
        }
    }
    Some(lsp::CompletionResponse::Array(items))
}
