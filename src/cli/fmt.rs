//! `speclint fmt`: normalize documents; print, check, diff or write them.
//!
//! `--write` is atomic: the new text goes to a temporary file in the same
//! directory, gets the original's permissions, and is renamed over the
//! original. Unchanged files are not touched, files that are not valid UTF-8
//! are refused, and a file that changed while it was being formatted is left
//! alone.

use std::path::Path;
use std::process::ExitCode;

use rayon::prelude::*;
use speclint::normalize::NormalizeOptions;
use speclint::report::unified_diff;

use super::{FmtArgs, files, out, settings, write};

/// What happened to one file.
enum Outcome {
    Unchanged,
    Changed {
        original: String,
        normalized: String,
    },
    Failed(String),
}

pub fn run(a: FmtArgs) -> Result<ExitCode, String> {
    let mut s = settings::load(&a.config, a.spec_type.as_deref())?;
    s.workspace.set_only_specs(a.only_specs);
    let opts = NormalizeOptions {
        unsafe_fixes: a.unsafe_fixes,
        reorder_sections: a.reorder_sections,
        insert_missing_sections: a.insert_missing_sections,
        spec_type: a.spec_type.clone(),
    };
    if speclint::workspace::reads_stdin(&a.paths)? {
        let text = files::read_stdin()?;
        let out = s.linter().normalize(&text, &opts);
        if a.check || a.diff {
            if out.changed {
                out::print(&unified_diff("-", &text, &out.text))?;
                return Ok(ExitCode::from(1));
            }
            return Ok(ExitCode::SUCCESS);
        }
        out::print(&out.text)?;
        return Ok(ExitCode::SUCCESS);
    }
    let (targets, problems) = files::collect(&a.paths, &s.root, &s.workspace)?;
    for p in &problems {
        out::eprint_line(&format!("speclint: error: {}", p.message));
    }
    let print_mode = !(a.write || a.check || a.diff);
    if print_mode && targets.len() != 1 {
        return Err(
            "give one file to print its normalized text, or use --write, --check or --diff".into(),
        );
    }
    let outcomes: Vec<(String, Outcome)> = targets
        .par_iter()
        .map(|t| {
            let path = t.path.display().to_string();
            let src = match files::read(&t.path) {
                Ok(s) => s,
                Err(e) => return (path, Outcome::Failed(e)),
            };
            if let Some(offset) = src.invalid_utf8 {
                return (path.clone(), Outcome::Failed(format!("`{path}` is not valid UTF-8 (invalid byte at offset {offset}); not formatting it")));
            }
            let report = s.linter().check_with_type(&src.text, a.spec_type.as_deref());
            if !(t.how.named || t.how.included || report.declares_spec_type || a.spec_type.is_some()) {
                return (path, Outcome::Unchanged);
            }
            let out = s.linter().normalize(&src.text, &opts);
            if !out.changed {
                return (path, Outcome::Unchanged);
            }
            if a.write {
                match write::write_atomic(&t.path, &src.text, &out.text) {
                    Ok(write::Written::Replaced) => {}
                    // Another run formatted it to the same text meanwhile.
                    Ok(write::Written::AlreadyThere) => return (path, Outcome::Unchanged),
                    Err(e) => return (path, Outcome::Failed(e)),
                }
            }
            (path, Outcome::Changed { original: src.text, normalized: out.text })
        })
        .collect();
    let (mut changed, mut unchanged, mut failed) = (0, 0, 0);
    for (path, o) in &outcomes {
        match o {
            Outcome::Unchanged => {
                unchanged += 1;
                if print_mode {
                    let text = files::read(Path::new(path))?.text;
                    out::print(&text)?;
                }
            }
            Outcome::Changed {
                original,
                normalized,
            } => {
                changed += 1;
                if print_mode {
                    out::print(normalized)?;
                } else if a.check || a.diff {
                    out::print(&unified_diff(path, original, normalized))?;
                }
            }
            Outcome::Failed(e) => {
                failed += 1;
                out::eprint_line(&format!("speclint: error: {e}"));
            }
        }
    }
    if !print_mode {
        let verb = if a.write {
            "reformatted"
        } else {
            "would be reformatted"
        };
        out::eprint_line(&format!(
            "{changed} file{} {verb}, {unchanged} unchanged{}",
            plural(changed),
            if failed > 0 {
                format!(", {failed} failed")
            } else {
                String::new()
            }
        ));
    }
    Ok(if failed > 0 || !problems.is_empty() {
        ExitCode::from(2)
    } else if changed > 0 && (a.check || a.diff) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
