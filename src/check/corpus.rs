//! Cross-document checks over many spec documents at once.
//!
//! [`Linter::cross_check`] takes every document of a tree (path and text; no
//! I/O here) and reports what no single document shows:
//! - `XD001` duplicate-title: two documents with the same `title`;
//! - `XD002` entity-defined-twice: the same entity in two database schema specs;
//! - `XD003` unresolved-reference: a `related_initiatives` item that names no
//!   known initiative (when the caller says which initiatives exist), or a
//!   `superseded_by` or relative Markdown link to a `.md` file that names no
//!   known spec document (when the caller says which spec files exist).
//!
//! Diagnostics land in the later document and point back at the first with a
//! related location carrying the other file's path and byte span (the caller,
//! which has both texts, turns it into a line and column).

use std::collections::{HashMap, HashSet};

use crate::analysis::{Analysis, scalar_text};
use crate::diagnostic::{Diagnostic, LocatedDiagnostic, Related};
use crate::document::Document;
use crate::rules::builtin;
use crate::source::{ColumnEncoding, LineIndex, Span};
use crate::spec_type::Semantics;
use crate::{Simple, Validator};

/// One document of the corpus.
#[derive(Debug, Clone, Copy)]
pub struct CorpusDoc<'a> {
    /// As the user should see it; `/`-separated for link resolution.
    pub path: &'a str,
    pub text: &'a str,
}

/// What the caller knows about the world outside the documents.
#[derive(Debug, Clone, Default)]
pub struct CorpusOptions {
    /// Known initiative ids; `None` skips the `related_initiatives` check.
    pub initiatives: Option<HashSet<String>>,
    /// Paths of every known spec document (`/`-separated, same base as the
    /// document paths); `None` skips the `superseded_by` and link checks.
    pub specs: Option<HashSet<String>>,
}

/// What the cross-document checks need from one document. It is collected
/// from the parsed document while the document is validated
/// ([`Linter::facts`]), so a tree's documents are parsed once; the facts are
/// small (a title, entity names, references, links and their spans), so a
/// host can drop each document's text once it has been reported.
#[derive(Debug, Clone, Default)]
pub struct DocFacts {
    /// `/`-separated, as in [`CorpusDoc::path`].
    path: String,
    title: Option<Fact>,
    entities: Vec<Fact>,
    initiatives: Vec<Fact>,
    superseded_by: Option<Fact>,
    /// Relative links to Markdown files (destination without `#fragment`).
    links: Vec<Fact>,
    scopes: crate::suppress::CrossScopes,
}

/// A piece of text and where it is.
#[derive(Debug, Clone)]
struct Fact {
    text: String,
    span: Span,
    line: usize,
}

impl DocFacts {
    /// No facts: a document that could not be read as one.
    pub fn empty(path: &str) -> DocFacts {
        DocFacts {
            path: path.to_string(),
            ..DocFacts::default()
        }
    }

    /// The document's path, as given.
    pub fn path(&self) -> &str {
        &self.path
    }
}

/// A document of the run: its index and where a thing was first seen there.
#[derive(Clone, Copy)]
struct First {
    doc: usize,
    span: Span,
}

/// The cross-document facts of a parsed document at `path`
/// (`/`-separated), read with the spec type `explicit` names (or its own).
pub fn facts(
    linter: &dyn Validator,
    path: &str,
    doc: &Document<'_>,
    explicit: Option<&str>,
) -> DocFacts {
    let spec = linter.spec_for(doc, explicit);
    let analysis = spec
        .filter(|s| s.semantics.contains(&Semantics::DatabaseSchema))
        .map(|s| Analysis::new(doc, s));
    facts_of(path, doc, analysis.as_ref())
}

/// Cross-document diagnostics, one list per input document (same order).
/// Parses every document; a host that validates them first should keep
/// their [`facts`] and call [`cross_check_facts`].
pub fn cross_check(
    linter: &dyn Validator,
    docs: &[CorpusDoc<'_>],
    opts: &CorpusOptions,
) -> Vec<Vec<Diagnostic>> {
    let facts: Vec<DocFacts> = docs
        .iter()
        .map(|d| facts(linter, d.path, &Document::parse(d.text), None))
        .collect();
    cross_check_facts(linter, &facts, opts)
}

/// Cross-document diagnostics from the facts of every document, one list
/// per document (same order). Each finding honours the levels of its
/// document's path and the document's inline suppressions.
pub fn cross_check_facts(
    linter: &dyn Validator,
    docs: &[DocFacts],
    opts: &CorpusOptions,
) -> Vec<Vec<Diagnostic>> {
    let mut out: Vec<Vec<Diagnostic>> = vec![Vec::new(); docs.len()];
    let mut titles: HashMap<String, First> = HashMap::new();
    let mut entities: HashMap<String, First> = HashMap::new();
    let stems: HashSet<String> = opts
        .specs
        .iter()
        .flatten()
        .map(|p| crate::text::fold_case(stem(p)))
        .chain(docs.iter().map(|d| crate::text::fold_case(stem(&d.path))))
        .collect();
    let all_titles: HashSet<String> = docs
        .iter()
        .filter_map(|d| d.title.as_ref())
        .map(|t| t.text.to_ascii_lowercase())
        .collect();
    let related = |f: &First, what: &str| Related {
        span: f.span,
        message: what.to_string(),
        path: Some(docs[f.doc].path.clone()),
    };
    for (i, doc) in docs.iter().enumerate() {
        let mut push = |d: Diagnostic, line: usize| {
            if !doc.scopes.covers(line, d.code) {
                out[i].push(d);
            }
        };
        // XD001: same title.
        if let Some(t) = doc
            .title
            .as_ref()
            .filter(|t| !crate::text::is_placeholder_value(&t.text))
        {
            let key = crate::text::fold_case(&crate::document::collapse_ws(&t.text));
            match titles.get(&key) {
                Some(first) => {
                    let mut d = Simple {
                        meta: &builtin::DUPLICATE_TITLE,
                        message: format!(
                            "title `{}` is also the title of `{}`",
                            t.text, docs[first.doc].path
                        ),
                        help: Some("give each spec a distinct title".into()),
                    }
                    .into_diagnostic(t.span);
                    d.related.push(related(first, "first used here"));
                    push(d, t.line);
                }
                None => {
                    titles.insert(
                        key,
                        First {
                            doc: i,
                            span: t.span,
                        },
                    );
                }
            }
        }
        // XD002: same entity in two database schema specs.
        for ent in &doc.entities {
            let key = crate::text::fold_case(&ent.text);
            match entities.get(&key) {
                Some(first) if first.doc != i => {
                    let mut d = Simple {
                        meta: &builtin::DUPLICATE_ENTITY_ACROSS,
                        message: format!("entity `{}` is also defined in `{}`", ent.text, docs[first.doc].path),
                        help: Some("keep one authoritative definition and reference it from the other spec".into()),
                    }
                    .into_diagnostic(ent.span);
                    d.related.push(related(first, "also defined here"));
                    push(d, ent.line);
                }
                Some(_) => {}
                None => {
                    entities.insert(
                        key,
                        First {
                            doc: i,
                            span: ent.span,
                        },
                    );
                }
            }
        }
        // XD003: references.
        if let Some(known) = &opts.initiatives {
            for item in doc.initiatives.iter().filter(|n| !known.contains(&n.text)) {
                let hint = crate::text::closest(&item.text, known.iter().map(String::as_str))
                    .map(|c| format!("did you mean `{c}`?"));
                let d = Simple {
                    meta: &builtin::UNRESOLVED_REFERENCE,
                    message: format!(
                        "related initiative `{}` names no known initiative",
                        item.text
                    ),
                    help: hint
                        .or_else(|| Some("add the initiative's document, or fix the name".into())),
                }
                .into_diagnostic(item.span);
                push(d, item.line);
            }
        }
        if let (Some(_), Some(target)) = (&opts.specs, &doc.superseded_by) {
            let as_stem = crate::text::fold_case(stem(&target.text));
            let known =
                stems.contains(&as_stem) || all_titles.contains(&target.text.to_ascii_lowercase());
            if !known {
                let d = Simple {
                    meta: &builtin::UNRESOLVED_REFERENCE,
                    message: format!(
                        "`superseded_by` names `{}`, which is not a checked document",
                        target.text
                    ),
                    help: Some(
                        "use the file name (without `.md`) or the title of the replacing spec"
                            .into(),
                    ),
                }
                .into_diagnostic(target.span);
                push(d, target.line);
            }
        }
        if let Some(files) = &opts.specs {
            for link in &doc.links {
                let resolved = resolve(&doc.path, &link.text);
                if !files.contains(&resolved) {
                    let d = Simple {
                        meta: &builtin::UNRESOLVED_REFERENCE,
                        message: format!("link to `{}` names no file", link.text),
                        help: Some(format!("no file at `{resolved}`")),
                    }
                    .into_diagnostic(link.span);
                    push(d, link.line);
                }
            }
        }
    }
    // The same path as every finding: the document's levels (its
    // `overrides` matched on `path`); suppressions were applied above.
    for (doc, diags) in docs.iter().zip(out.iter_mut()) {
        if !diags.is_empty() {
            let levels = linter.levels_for(Some(&doc.path));
            crate::rules::apply_levels(&levels, diags, true);
        }
    }
    out
}

/// The cross-document facts of a parsed document, given the analysis of its
/// headings when its spec type has database-schema semantics (the entity
/// names come from it). [`Linter::check_bytes_with_facts`] passes the
/// analysis its validation built, so nothing is read twice.
pub(crate) fn facts_of(path: &str, doc: &Document<'_>, analysis: Option<&Analysis>) -> DocFacts {
    let fact = |text: String, span: Span| Fact {
        text,
        span,
        line: doc.line(span.start),
    };
    let mut f = DocFacts {
        path: path.to_string(),
        ..DocFacts::default()
    };
    let Some(fm) = doc.yaml() else {
        return f;
    };
    if let Some(e) = fm.get("title") {
        if let Some(t) = e.value.as_ref().and_then(scalar_text) {
            f.title = Some(fact(t.to_string(), e.value_span));
        }
    }
    if let Some(analysis) = analysis {
        // The entity names are all this needs: the headings' reading,
        // without the database model.
        let mut own = HashSet::new();
        for ent in analysis
            .entries
            .iter()
            .filter(|e| !e.name.trim().is_empty() && !crate::schema::is_placeholder_name(&e.name))
        {
            // A duplicate inside one document is DB004's.
            if own.insert(crate::text::fold_case(&ent.name)) {
                f.entities.push(fact(ent.name.clone(), ent.name_span));
            }
        }
    }
    if let Some(e) = fm.get("related_initiatives") {
        for item in &e.items {
            let name = item.text(doc.text).trim();
            if !name.is_empty() {
                f.initiatives.push(fact(name.to_string(), *item));
            }
        }
    }
    if let Some(e) = fm.get("superseded_by") {
        let target = e.value_span.text(doc.text).trim();
        if !target.is_empty() && !crate::text::is_placeholder_value(target) {
            f.superseded_by = Some(fact(target.to_string(), e.value_span));
        }
    }
    f.links = md_links(doc)
        .into_iter()
        .map(|(span, target)| fact(target, span))
        .collect();
    f.scopes = crate::suppress::CrossScopes::of(doc);
    f
}

/// Locates [`Linter::cross_check`]'s diagnostics (one list per document of
/// `docs`): as [`crate::diagnostic::locate`] with `shown[i]` as the path of
/// document `i`, and a related location in another document of `docs` gets
/// that document's line, column and shown path.
pub fn locate(
    docs: &[CorpusDoc<'_>],
    shown: &[&str],
    diags: &[Vec<Diagnostic>],
    encoding: ColumnEncoding,
) -> Vec<Vec<LocatedDiagnostic>> {
    let indexes: Vec<LineIndex> = docs.iter().map(|d| LineIndex::new(d.text)).collect();
    let by_path: HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.path, i)).collect();
    let doc_at = |i: usize| docs.get(i).zip(indexes.get(i));
    diags
        .iter()
        .enumerate()
        .map(|(i, ds)| {
            let Some((doc, index)) = doc_at(i) else {
                return Vec::new();
            };
            let mut located =
                crate::diagnostic::locate(doc.text, index, ds, shown.get(i).copied(), encoding);
            for (d, orig) in located.iter_mut().zip(ds) {
                for (r, o) in d.related.iter_mut().zip(&orig.related) {
                    let other = o.path.as_deref().and_then(|p| by_path.get(p)).copied();
                    if let Some((j, (other, index))) = other.and_then(|j| doc_at(j).map(|x| (j, x)))
                    {
                        let lc = index.locate(other.text, o.span.start, encoding);
                        r.line = lc.line;
                        r.column = lc.column;
                        r.path = shown.get(j).map(|s| s.to_string());
                    }
                }
            }
            located
        })
        .collect()
}

/// `docs/specs/orders-db.md` → `orders-db`.
fn stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.strip_suffix(".md")
        .or_else(|| name.strip_suffix(".markdown"))
        .unwrap_or(name)
}

/// Relative links to `.md` files outside code: (span of the destination, destination without `#fragment`).
fn md_links(doc: &Document<'_>) -> Vec<(Span, String)> {
    let body = doc.body();
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(rel) = body[pos..].find("](") {
        let start = pos + rel + 2;
        let Some(end_rel) = body[start..].find(')') else {
            break;
        };
        let end = start + end_rel;
        pos = end;
        let abs = doc.body_start + start;
        if doc.in_code(abs) {
            continue;
        }
        let dest = body[start..end].trim().trim_matches(['<', '>']);
        let dest = dest.split_whitespace().next().unwrap_or("");
        let path = dest.split('#').next().unwrap_or("");
        let external = path.contains("://") || path.starts_with("mailto:") || path.starts_with('/');
        if !external && (path.ends_with(".md") || path.ends_with(".markdown")) {
            out.push((Span::new(abs, doc.body_start + end), path.to_string()));
        }
    }
    out
}

/// Joins a relative link to the directory of `from` and removes `.` and `..`.
pub fn resolve(from: &str, link: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for p in link.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") && !parts.is_empty() {
                    parts.pop();
                } else {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDERS: &str = include_str!("../../examples/valid/orders-db.md");

    #[test]
    fn duplicate_titles_and_entities() {
        let l = crate::Linter::default();
        let docs = [
            CorpusDoc {
                path: "a/orders.md",
                text: ORDERS,
            },
            CorpusDoc {
                path: "b/orders-copy.md",
                text: ORDERS,
            },
        ];
        let out = l.cross_check(&docs, &CorpusOptions::default());
        assert!(out[0].is_empty());
        let codes: Vec<&str> = out[1].iter().map(|d| d.code).collect();
        assert!(codes.contains(&"XD001"));
        assert_eq!(codes.iter().filter(|c| **c == "XD002").count(), 4);
        let d = out[1].iter().find(|d| d.code == "XD002").unwrap();
        assert_eq!(d.related[0].path.as_deref(), Some("a/orders.md"));
        assert_eq!(d.related[0].message, "also defined here");
    }

    #[test]
    fn references() {
        let l = crate::Linter::default();
        let text = ORDERS.replace(
            "## References\n",
            "## References\n\n- [billing](../billing/billing-db.md#entities) and [ok](other.md)\n",
        );
        let docs = [CorpusDoc {
            path: "specs/orders.md",
            text: &text,
        }];
        let opts = CorpusOptions {
            initiatives: Some(["checkout-v2".to_string()].into_iter().collect()),
            specs: Some(
                ["specs/orders.md".to_string(), "specs/other.md".to_string()]
                    .into_iter()
                    .collect(),
            ),
        };
        let out = l.cross_check(&docs, &opts);
        let msgs: Vec<&str> = out[0].iter().map(|d| d.message.as_str()).collect();
        assert!(
            msgs.contains(&"related initiative `payments-consolidation` names no known initiative"),
            "{msgs:?}"
        );
        assert!(
            msgs.contains(&"link to `../billing/billing-db.md` names no file"),
            "{msgs:?}"
        );
        assert!(!msgs.iter().any(|m| m.contains("other.md")));
    }

    #[test]
    fn resolves_paths() {
        assert_eq!(resolve("a/b/c.md", "../d.md"), "a/d.md");
        assert_eq!(resolve("c.md", "./d/e.md"), "d/e.md");
        assert_eq!(resolve("c.md", "../x.md"), "../x.md");
    }
}
