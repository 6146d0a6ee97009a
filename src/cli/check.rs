//! `speclint check`: validate files in parallel and print diagnostics.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use speclint::diagnostic::{self, LocatedDiagnostic};
use speclint::report::{self, Summary};
use speclint::{ColumnEncoding, LineIndex, Severity, Span};

use super::files::{self, Target};
use super::{CheckArgs, ColorChoice, OutputFormat, settings};

/// One checked file.
pub struct Checked {
    pub path: PathBuf,
    pub text: String,
    pub index: LineIndex,
    pub diagnostics: Vec<LocatedDiagnostic>,
}

pub fn run(a: CheckArgs) -> Result<ExitCode, String> {
    let s = settings::load(&a.config)?;
    if let Some(t) = &a.spec_type {
        if s.linter.registry().get(t).is_none() {
            return Err(format!(
                "unknown spec type `{t}`; known: {}",
                speclint::text::code_list(&s.linter.registry().ids())
            ));
        }
    }
    let targets = files::collect(&a.paths, &s.root, &s.config.include, &s.config.exclude)?;
    let results: Vec<Result<Option<Checked>, String>> = targets
        .par_iter()
        .map(|t| check_one(&s.linter, t, a.spec_type.as_deref()))
        .collect();
    let mut checked = Vec::new();
    let mut skipped = 0;
    for r in results {
        match r? {
            Some(c) => checked.push(c),
            None => skipped += 1,
        }
    }
    cross_check(&s, &mut checked)?;
    let mut summary = Summary::default();
    for c in &checked {
        summary.add(&c.diagnostics);
    }
    let all: Vec<LocatedDiagnostic> = checked
        .iter()
        .flat_map(|c| c.diagnostics.iter().cloned())
        .collect();
    match a.format {
        OutputFormat::Json => println!("{}", report::json(&all, true)),
        OutputFormat::Sarif => println!("{}", report::sarif(&all)),
        OutputFormat::Github => print!("{}", report::github(&all)),
        OutputFormat::Pretty => {
            let color = match a.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            for c in &checked {
                if a.quiet {
                    print!("{}", report::concise(&c.diagnostics));
                } else {
                    print!(
                        "{}",
                        report::pretty(
                            &c.path.display().to_string(),
                            &c.text,
                            &c.index,
                            &c.diagnostics,
                            color
                        )
                    );
                }
            }
            let mut line = summary.line();
            if skipped > 0 {
                line.push_str(&format!(
                    " ({skipped} Markdown file{} without `spec_type` skipped)",
                    if skipped == 1 { "" } else { "s" }
                ));
            }
            println!("{line}");
        }
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Adds the cross-document diagnostics (`XD`) of all checked files.
fn cross_check(s: &settings::Settings, checked: &mut [Checked]) -> Result<(), String> {
    use speclint::corpus::{CorpusDoc, CorpusOptions};
    let refs = &s.config.references;
    let stems = |globs: &[String]| -> Result<Option<Vec<String>>, String> {
        if globs.is_empty() {
            return Ok(None);
        }
        let found = files::collect(&[s.root.display().to_string()], &s.root, globs, &[])?;
        let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
        Ok(Some(found.into_iter().map(|t| slash(t.path.strip_prefix(&cwd).unwrap_or(&t.path))).collect()))
    };
    let initiatives = stems(&refs.initiatives)?.map(|v| {
        v.iter().map(|p| p.rsplit('/').next().unwrap_or(p).trim_end_matches(".md").to_string()).collect()
    });
    let specs = stems(&refs.specs)?.map(|v| v.into_iter().collect());
    let paths: Vec<String> = checked.iter().map(|c| slash(&c.path)).collect();
    let docs: Vec<CorpusDoc<'_>> = checked.iter().zip(&paths).map(|(c, p)| CorpusDoc { path: p, text: &c.text }).collect();
    let extra = s.linter.cross_check(&docs, &CorpusOptions { initiatives, specs });
    let by_path: std::collections::HashMap<&str, usize> = paths.iter().enumerate().map(|(i, p)| (p.as_str(), i)).collect();
    let mut located_extra = Vec::new();
    for (i, diags) in extra.iter().enumerate() {
        let c = &checked[i];
        let mut located = diagnostic::locate(&c.text, &c.index, diags, Some(&c.path.display().to_string()), ColumnEncoding::Unicode);
        for (d, orig) in located.iter_mut().zip(diags) {
            for (r, o) in d.related.iter_mut().zip(&orig.related) {
                if let Some(&j) = o.path.as_deref().and_then(|p| by_path.get(p)) {
                    let lc = checked[j].index.locate(&checked[j].text, o.span.start, ColumnEncoding::Unicode);
                    r.line = lc.line;
                    r.column = lc.column;
                    r.path = Some(checked[j].path.display().to_string());
                }
            }
        }
        located_extra.push(located);
    }
    for (c, extra) in checked.iter_mut().zip(located_extra) {
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

fn check_one(
    linter: &speclint::Linter,
    t: &Target,
    explicit_type: Option<&str>,
) -> Result<Option<Checked>, String> {
    let src = files::read(&t.path)?;
    let report = linter.check_with_type(&src.text, explicit_type);
    if !(t.explicit || t.included || report.declares_spec_type || explicit_type.is_some()) {
        return Ok(None);
    }
    let mut diags = report.diagnostics;
    if let Some(offset) = src.invalid_utf8 {
        diags.push(invalid_utf8(&src.text, offset));
        diagnostic::sort(&mut diags);
    }
    let index = LineIndex::new(&src.text);
    let path = t.path.display().to_string();
    let located = diagnostic::locate(
        &src.text,
        &index,
        &diags,
        Some(&path),
        ColumnEncoding::Unicode,
    );
    Ok(Some(Checked {
        path: t.path.clone(),
        text: src.text,
        index,
        diagnostics: located,
    }))
}

/// IO001 at the first invalid byte (the lossy text keeps every offset before it).
fn invalid_utf8(text: &str, offset: usize) -> speclint::Diagnostic {
    let meta = &speclint::rules::builtin::INVALID_UTF8;
    let end = text[offset..]
        .chars()
        .next()
        .map_or(offset, |c| offset + c.len_utf8());
    speclint::Diagnostic {
        code: meta.code,
        name: meta.name,
        severity: Severity::Error,
        message: format!("the file is not valid UTF-8: invalid byte at offset {offset}"),
        span: Span::new(offset, end),
        help: Some(
            "save the file as UTF-8; `speclint fmt --write` will not rewrite it until then".into(),
        ),
        fix: None,
        related: Vec::new(),
    }
}
