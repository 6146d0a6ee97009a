//! Output formats shared by the native CLI and the npm package's CLI: pretty
//! terminal text with code frames, JSON, SARIF 2.1.0 and GitHub workflow
//! commands. Every renderer takes located diagnostics (1-based positions,
//! columns in Unicode scalar values) and returns a `String`; printing is the
//! caller's job. Every piece of text that comes from a document or a path is
//! escaped first ([`sanitize`]): nothing a document holds can move a
//! terminal's cursor, forge a CI workflow command or reorder what a reviewer
//! reads.

pub mod sanitize;
pub mod templates;

use serde::Serialize;
use serde_json::json;

use crate::diagnostic::{LocatedDiagnostic, Severity};
use crate::rules;
use crate::source::{LineIndex, Span};

/// Output formats of `speclint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pretty,
    Json,
    Sarif,
    Github,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "pretty" | "text" => Some(Format::Pretty),
            "json" => Some(Format::Json),
            "sarif" => Some(Format::Sarif),
            "github" => Some(Format::Github),
            _ => None,
        }
    }
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn add(&mut self, diags: &[LocatedDiagnostic]) {
        self.files += 1;
        for d in diags {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// "2 errors, 1 warning in 3 files".
    pub fn line(&self) -> String {
        let plural = |n: usize, w: &str| {
            if n == 1 {
                format!("{n} {w}")
            } else {
                format!("{n} {w}s")
            }
        };
        format!(
            "{}, {}, {} in {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.infos, "info"),
            plural(self.files, "file")
        )
    }
}

/// JSON: an array of diagnostics (the shape documented in `docs/json-output.md`).
pub fn json(diags: &[LocatedDiagnostic], pretty: bool) -> String {
    let r = if pretty {
        serde_json::to_string_pretty(diags)
    } else {
        serde_json::to_string(diags)
    };
    sanitize::json(r.unwrap_or_else(|_| "[]".into()))
}

/// GitHub workflow commands, one line per diagnostic.
pub fn github(diags: &[LocatedDiagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let path = d.path.as_deref().unwrap_or("");
        out.push_str(&format!(
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(path),
            d.line,
            d.column,
            d.end_line,
            d.end_column,
            escape_property(&format!("{} {}", d.code, d.name)),
            escape_data(&d.message)
        ));
    }
    out
}

/// A workflow command's data: `%`, CR and LF percent-encoded as GitHub
/// documents, and every other control or bidi character escaped visibly.
fn escape_data(s: &str) -> String {
    let encoded = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    sanitize::line(&encoded).into_owned()
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// SARIF 2.1.0 with one run, the rules that fired, and columns in Unicode code points.
pub fn sarif(diags: &[LocatedDiagnostic]) -> String {
    let mut used: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
    used.sort_unstable();
    used.dedup();
    let rules: Vec<_> = used
        .iter()
        .filter_map(|c| rules::find(c))
        .map(|m| {
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": m.summary },
                "defaultConfiguration": { "level": sarif_level(m.severity) },
            })
        })
        .collect();
    let results: Vec<_> = diags
        .iter()
        .map(|d| {
            let mut r = json!({
                "ruleId": d.code,
                "level": sarif_level(d.severity),
                "message": { "text": d.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": d.path.as_deref().unwrap_or("") },
                        "region": {
                            "startLine": d.line,
                            "startColumn": d.column,
                            "endLine": d.end_line,
                            "endColumn": d.end_column,
                            "byteOffset": d.start,
                            "byteLength": d.end.saturating_sub(d.start),
                        }
                    }
                }],
            });
            if let Some(fix) = &d.fix {
                r["fixes"] = json!([{
                    "description": { "text": fix.title },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": d.path.as_deref().unwrap_or("") },
                        "replacements": fix.edits.iter().map(|e| json!({
                            "deletedRegion": { "byteOffset": e.start, "byteLength": e.end.saturating_sub(e.start) },
                            "insertedContent": { "text": e.text },
                        })).collect::<Vec<_>>(),
                    }],
                }]);
            }
            r
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "speclint",
                "version": crate::VERSION,
                "informationUri": "https://www.npmjs.com/package/speclint",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    sanitize::json(serde_json::to_string_pretty(&doc).unwrap_or_default())
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Pretty terminal output for one file: header line, code frame and help per diagnostic.
/// `color` adds ANSI styles.
pub fn pretty(
    path: &str,
    text: &str,
    index: &LineIndex,
    diags: &[LocatedDiagnostic],
    color: bool,
) -> String {
    use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diags {
        let (frame_start, frame_end) = frame_lines(text, index, Span::new(d.start, d.end));
        let source = text.get(frame_start..frame_end).unwrap_or("");
        // Offsets come from the caller (`renderDiagnostics` takes them from
        // JS): never trust them to be inside the text or on char boundaries.
        let rel_start = floor_char_boundary(source, d.start.saturating_sub(frame_start));
        let rel_end = floor_char_boundary(source, d.end.saturating_sub(frame_start)).max(rel_start);
        // The frame shows the document: escaped, with the highlight moved along.
        let (source, rel_start, rel_end) = sanitize::frame(source, rel_start, rel_end);
        let source = source.as_ref();
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let label = d.fix.as_ref().map(|f| {
            format!(
                "fix ({}): {}",
                applicability(f.applicability),
                sanitize::line(&f.title)
            )
        });
        let mut annotation = AnnotationKind::Primary.span(rel_start..rel_end);
        if let Some(l) = &label {
            annotation = annotation.label(l.as_str());
        }
        let title = format!("{} [{}]", sanitize::line(&d.message), d.name);
        let path = sanitize::line(path);
        let path = path.as_ref();
        let head = level.primary_title(title.as_str()).id(d.code.as_str());
        // A finding about a file that has no text (unreadable: `IO002`) or
        // about the run (`IO003`) has no frame to show: only where.
        let head = if text.is_empty() {
            head.element(Origin::path(path).line(d.line).char_column(d.column))
        } else {
            head.element(
                Snippet::source(source)
                    .line_start(index.line_number(frame_start))
                    .path(path)
                    .annotation(annotation),
            )
        };
        let mut groups = vec![head];
        let notes: Vec<String> = d
            .related
            .iter()
            .map(|r| {
                let m = sanitize::line(&r.message);
                match &r.path {
                    Some(p) => format!("{m}: {}:{}:{}", sanitize::line(p), r.line, r.column),
                    None => format!("{m}: {path}:{}:{}", r.line, r.column),
                }
            })
            .collect();
        for n in &notes {
            groups.push(Group::with_title(Level::NOTE.secondary_title(n.as_str())));
        }
        let help = d.help.as_deref().map(sanitize::line);
        if let Some(h) = &help {
            groups.push(Group::with_title(Level::HELP.secondary_title(h.as_ref())));
        }
        out.push_str(&renderer.render(&groups));
        out.push_str("\n\n");
    }
    out
}

/// The largest char boundary of `s` at or before `i` (`s.len()` when `i` is past the end).
fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn applicability(a: crate::diagnostic::Applicability) -> &'static str {
    match a {
        crate::diagnostic::Applicability::Safe => "safe",
        crate::diagnostic::Applicability::Unsafe => "unsafe",
    }
}

/// The byte range of the whole lines a span touches, at most 6 lines, line break of the last excluded.
fn frame_lines(text: &str, index: &LineIndex, span: Span) -> (usize, usize) {
    let first = index.line_of(span.start.min(text.len()));
    let last = index.line_of(span.end.min(text.len())).min(first + 5);
    let start = index.line_start(first).unwrap_or(0);
    let end = index
        .line_start(last + 1)
        .map_or(text.len(), |s| s.saturating_sub(1));
    let end = if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
        end - 1
    } else {
        end
    };
    (start, end.max(start))
}

/// One line per diagnostic: `path:line:col: severity CODE message` (used by plugins and `--quiet`).
pub fn concise(diags: &[LocatedDiagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        out.push_str(&format!(
            "{}:{}:{} {} {} {}\n",
            sanitize::line(d.path.as_deref().unwrap_or("-")),
            d.line,
            d.column,
            d.severity.as_str(),
            d.code,
            sanitize::line(&d.message)
        ));
    }
    out
}

/// One checked file, as `speclint check` renders it.
#[derive(Debug, Clone, Copy)]
pub struct FileReport<'a> {
    /// The path as shown (and as in `diagnostics[].path`).
    pub path: &'a str,
    pub text: &'a str,
    /// Located with columns in Unicode scalar values.
    pub diagnostics: &'a [LocatedDiagnostic],
}

/// How `speclint check` renders: colors and `--quiet` (pretty format only),
/// and how many walked Markdown files were skipped for lack of `spec_type`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderOptions {
    pub color: bool,
    pub quiet: bool,
    pub skipped: usize,
}

/// Everything `speclint check` prints on stdout for `files` in `format`, byte
/// for byte (shared by the native CLI and the npm package's CLI).
pub fn render(format: Format, files: &[FileReport<'_>], opts: &RenderOptions) -> String {
    let all = || -> Vec<LocatedDiagnostic> {
        files
            .iter()
            .flat_map(|f| f.diagnostics.iter().cloned())
            .collect()
    };
    match format {
        Format::Json => json(&all(), true) + "\n",
        Format::Sarif => sarif(&all()) + "\n",
        Format::Github => github(&all()),
        Format::Pretty => {
            let mut out = String::new();
            let mut summary = Summary::default();
            for f in files {
                summary.add(f.diagnostics);
                if opts.quiet {
                    out.push_str(&concise(f.diagnostics));
                } else {
                    let index = LineIndex::new(f.text);
                    out.push_str(&pretty(f.path, f.text, &index, f.diagnostics, opts.color));
                }
            }
            out.push_str(&summary.line());
            if opts.skipped > 0 {
                out.push_str(&format!(
                    " ({} Markdown file{} without `spec_type` skipped)",
                    opts.skipped,
                    if opts.skipped == 1 { "" } else { "s" }
                ));
            }
            out.push('\n');
            out
        }
    }
}

/// What `speclint fmt --check`/`--diff` prints for one changed document: a
/// unified diff (3 lines of context) with `a/PATH` and `b/PATH` headers; empty
/// when nothing changed.
///
/// The diff is for reading: a control or bidi character of the document is
/// shown escaped (see [`sanitize::frame`]), so such a line's diff does not
/// apply with `patch`.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let path = sanitize::line(path);
    let diff = similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string();
    match sanitize::frame(&diff, 0, 0).0 {
        std::borrow::Cow::Borrowed(_) => diff,
        std::borrow::Cow::Owned(s) => s,
    }
}

/// One exported document of `speclint export` with several files.
#[derive(Debug, Clone, Serialize)]
pub struct ExportEntry {
    pub path: String,
    pub document: crate::export::SpecDocument,
}

/// What `speclint export` prints: one document's `SpecDocument`, or for
/// several (or with `list`: a folder or glob was given) an array of
/// `{ "path", "document" }` in the order given; indented with `pretty`; with
/// a final newline.
pub fn export_json(docs: &[ExportEntry], pretty: bool, list: bool) -> String {
    let mut out = Vec::new();
    let indent = pretty.then(serde_json::ser::PrettyFormatter::new);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Indent(indent));
    let r = match docs {
        [one] if !list => one.document.serialize(&mut ser),
        _ => docs.serialize(&mut ser),
    };
    // Plain data with string keys, written to memory: this cannot fail.
    r.expect("a SpecDocument serializes to JSON");
    out.push(b'\n');
    sanitize::json(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

/// `serde_json`'s pretty formatter when set, else its compact one: a single
/// serializer type for both, so the WASM build holds one copy of the
/// (large) `SpecDocument` serialization instead of two.
struct Indent(Option<serde_json::ser::PrettyFormatter<'static>>);

macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $name<W: ?Sized + std::io::Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> std::io::Result<()> {
            match &mut self.0 {
                Some(p) => p.$name(w $(, $arg)*),
                None => serde_json::ser::CompactFormatter.$name(w $(, $arg)*),
            }
        }
    )*};
}

impl serde_json::ser::Formatter for Indent {
    delegate! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        end_object_key();
        begin_object_value();
        end_object_value();
    }
}

#[cfg(test)]
mod diff_export_tests {
    use super::*;

    /// `renderDiagnostics` takes diagnostics from JS: offsets inside a
    /// character, past the end or reversed must render, not panic.
    #[test]
    fn render_survives_offsets_that_do_not_fit_the_text() {
        let text = "---\nspec_type: database-schema\ntitle: é😀\n---\n";
        let doc = crate::Linter::default().check(text);
        let index = LineIndex::new(text);
        let mut diags = crate::diagnostic::locate(
            text,
            &index,
            &doc.diagnostics,
            Some("a.md"),
            crate::ColumnEncoding::Unicode,
        );
        assert!(!diags.is_empty());
        let e = text.find('é').unwrap();
        let cases = [
            (e + 1, e + 3),
            (e + 3, e + 1),
            (text.len() + 5, text.len() + 9),
            (0, usize::MAX),
        ];
        for (start, end) in cases {
            for d in &mut diags {
                (d.start, d.end) = (start, end);
            }
            let files = [FileReport {
                path: "a.md",
                text,
                diagnostics: &diags,
            }];
            for format in [Format::Pretty, Format::Json, Format::Sarif, Format::Github] {
                let out = render(format, &files, &RenderOptions::default());
                assert!(!out.is_empty(), "{format:?} {start}..{end}");
            }
        }
    }

    #[test]
    fn unified_diff_has_headers_and_context() {
        let d = unified_diff("x.md", "a\nb\nc\n", "a\nB\nc\n");
        assert_eq!(
            d,
            "--- a/x.md\n+++ b/x.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
        );
        assert_eq!(unified_diff("x.md", "same\n", "same\n"), "");
    }

    #[test]
    fn export_json_one_or_several() {
        let doc = crate::Linter::default().export("# T\n", None);
        let one = export_json(
            &[ExportEntry {
                path: "a.md".into(),
                document: doc.clone(),
            }],
            false,
            false,
        );
        assert!(
            one.starts_with("{\"formatVersion\"") && one.ends_with("}\n"),
            "{one}"
        );
        let two = ExportEntry {
            path: "b.md".into(),
            document: doc,
        };
        let many = export_json(&[two.clone(), two.clone()], true, false);
        assert!(many.starts_with("[\n  {\n    \"path\": \"b.md\""), "{many}");
        assert!(many.ends_with("]\n"));
        // Exactly serde_json's own formatting, compact and pretty.
        let pair = [two.clone(), two.clone()];
        assert_eq!(many, serde_json::to_string_pretty(&pair).unwrap() + "\n");
        let compact = export_json(&pair, false, false);
        assert_eq!(compact, serde_json::to_string(&pair).unwrap() + "\n");
        let doc = crate::Linter::default()
            .export(include_str!("../../examples/valid/orders-db.md"), None);
        let e = ExportEntry {
            path: "o.md".into(),
            document: doc.clone(),
        };
        assert_eq!(
            export_json(std::slice::from_ref(&e), true, false),
            serde_json::to_string_pretty(&doc).unwrap() + "\n"
        );
        assert_eq!(
            export_json(std::slice::from_ref(&e), false, false),
            serde_json::to_string(&doc).unwrap() + "\n"
        );
    }
}
