//! `speclint check`: validate files in parallel and print diagnostics.
//! Reading, rendering and cross-document placement come from the core, so the
//! npm package's CLI prints the same bytes.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use speclint::corpus::{self, CorpusDoc, CorpusOptions};
use speclint::diagnostic::{self, LocatedDiagnostic};
use speclint::report::{self, FileReport, Format, RenderOptions, Summary};
use speclint::{ColumnEncoding, LineIndex};

use super::files::{self, Target};
use super::{CheckArgs, ColorChoice, OutputFormat, settings};

/// One checked file.
pub struct Checked {
    pub path: PathBuf,
    pub text: String,
    pub diagnostics: Vec<LocatedDiagnostic>,
}

pub fn run(a: CheckArgs) -> Result<ExitCode, String> {
    let s = settings::load(&a.config)?;
    if let Some(t) = &a.spec_type {
        s.linter.registry().require(t).map_err(|e| e.0)?;
    }
    let (targets, problems) =
        files::collect(&a.paths, &s.root, &s.config.include, &s.config.exclude)?;
    let results: Vec<Result<Option<Checked>, String>> = targets
        .par_iter()
        .map(|t| check_one(&s.linter, t, a.spec_type.as_deref()))
        .collect();
    let mut checked = Vec::new();
    let mut skipped = 0;
    // A file or folder that cannot be read is reported (`IO002`) and the rest checked.
    let mut unreadable: Vec<Checked> = problems
        .into_iter()
        .map(|p| unreadable_file(p.path, p.message))
        .collect();
    for (r, t) in results.into_iter().zip(&targets) {
        match r {
            Ok(Some(c)) => checked.push(c),
            Ok(None) => skipped += 1,
            Err(e) => unreadable.push(unreadable_file(t.path.clone(), e)),
        }
    }
    let io_errors = !unreadable.is_empty();
    cross_check(&s, &mut checked)?;
    checked.extend(unreadable);
    checked.sort_by(|a, b| a.path.cmp(&b.path));
    let mut summary = Summary::default();
    for c in &checked {
        summary.add(&c.diagnostics);
    }
    let paths: Vec<String> = checked
        .iter()
        .map(|c| c.path.display().to_string())
        .collect();
    let files: Vec<FileReport<'_>> = checked
        .iter()
        .zip(&paths)
        .map(|(c, p)| FileReport {
            path: p,
            text: &c.text,
            diagnostics: &c.diagnostics,
        })
        .collect();
    let format = match a.format {
        OutputFormat::Pretty => Format::Pretty,
        OutputFormat::Json => Format::Json,
        OutputFormat::Sarif => Format::Sarif,
        OutputFormat::Github => Format::Github,
    };
    let color = match a.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    super::out::print(&report::render(
        format,
        &files,
        &RenderOptions {
            color,
            quiet: a.quiet,
            skipped,
        },
    ))?;
    Ok(if io_errors {
        ExitCode::from(2)
    } else if summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Adds the cross-document diagnostics (`XD`) of all checked files.
fn cross_check(s: &settings::Settings, checked: &mut [Checked]) -> Result<(), String> {
    let refs = &s.config.references;
    let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
    let found = |globs: &[String]| -> Result<Option<Vec<String>>, String> {
        if globs.is_empty() {
            return Ok(None);
        }
        let (found, _) = files::collect(&[s.root.display().to_string()], &s.root, globs, &[])?;
        Ok(Some(
            found
                .into_iter()
                .map(|t| slash(t.path.strip_prefix(&cwd).unwrap_or(&t.path)))
                .collect(),
        ))
    };
    let initiatives = found(&refs.initiatives)?.map(|v| {
        v.iter()
            .map(|p| {
                p.rsplit('/')
                    .next()
                    .unwrap_or(p)
                    .trim_end_matches(".md")
                    .to_string()
            })
            .collect()
    });
    let specs = found(&refs.specs)?.map(|v| v.into_iter().collect());
    let paths: Vec<String> = checked.iter().map(|c| slash(&c.path)).collect();
    let shown: Vec<String> = checked
        .iter()
        .map(|c| c.path.display().to_string())
        .collect();
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    let docs: Vec<CorpusDoc<'_>> = checked
        .iter()
        .zip(&paths)
        .map(|(c, p)| CorpusDoc {
            path: p,
            text: &c.text,
        })
        .collect();
    let extra = s
        .linter
        .cross_check(&docs, &CorpusOptions { initiatives, specs });
    let located = corpus::locate(&docs, &shown, &extra, ColumnEncoding::Unicode);
    for (c, extra) in checked.iter_mut().zip(located) {
        if !extra.is_empty() {
            c.diagnostics.extend(extra);
            c.diagnostics.sort_by_key(|d| (d.start, d.end));
        }
    }
    Ok(())
}

/// A path with `/` separators and no leading `./`.
fn slash(p: &std::path::Path) -> String {
    let s = p.display().to_string().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// A file that could not be read, as one `IO002` finding.
fn unreadable_file(path: PathBuf, message: String) -> Checked {
    let d = speclint::Diagnostic {
        code: speclint::rules::builtin::UNREADABLE.code,
        name: speclint::rules::builtin::UNREADABLE.name,
        severity: speclint::rules::builtin::UNREADABLE.severity,
        message,
        span: speclint::Span::empty(0),
        help: None,
        fix: None,
        related: Vec::new(),
    };
    let shown = path.display().to_string();
    let located = diagnostic::locate(
        "",
        &LineIndex::new(""),
        &[d],
        Some(&shown),
        ColumnEncoding::Unicode,
    );
    Checked {
        path,
        text: String::new(),
        diagnostics: located,
    }
}

fn check_one(
    linter: &speclint::Linter,
    t: &Target,
    explicit_type: Option<&str>,
) -> Result<Option<Checked>, String> {
    let bytes = files::read_capped(&t.path, files::max_document())?;
    let (text, report) = linter.check_bytes_at(Some(&t.rel), &bytes, explicit_type);
    if !(t.explicit || t.included || report.declares_spec_type || explicit_type.is_some()) {
        return Ok(None);
    }
    let index = LineIndex::new(&text);
    let path = t.path.display().to_string();
    let located = diagnostic::locate(
        &text,
        &index,
        &report.diagnostics,
        Some(&path),
        ColumnEncoding::Unicode,
    );
    Ok(Some(Checked {
        path: t.path.clone(),
        text: text.into_owned(),
        diagnostics: located,
    }))
}
