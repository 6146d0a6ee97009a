//! Which files to check, and reading them (invalid UTF-8 included).

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

/// A file to check and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    pub path: PathBuf,
    /// The path relative to the config's directory, `/`-separated (for `overrides`).
    pub rel: String,
    /// Named on the command line (always checked) rather than found by walking
    /// (checked only when it declares `spec_type` or matches `include`).
    pub explicit: bool,
    /// Matched by the config's `include` globs.
    pub included: bool,
}

fn globset(patterns: &[String]) -> Result<Option<GlobSet>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p).map_err(|e| format!("invalid glob `{p}`: {e}"))?);
    }
    b.build().map(Some).map_err(|e| e.to_string())
}

fn is_markdown(p: &Path) -> bool {
    p.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

fn has_glob_chars(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

/// Expands command-line paths into files to check, sorted and deduplicated.
pub fn collect(
    paths: &[String],
    root: &Path,
    include: &[String],
    exclude: &[String],
) -> Result<Vec<Target>, String> {
    let include = globset(include)?;
    let exclude = globset(exclude)?;
    let rel = |p: &Path| -> PathBuf {
        let abs = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir()
                .map(|c| c.join(p))
                .unwrap_or_else(|_| p.to_path_buf())
        };
        abs.strip_prefix(root).map(Path::to_path_buf).unwrap_or(abs)
    };
    let matches = |set: &Option<GlobSet>, p: &Path| {
        set.as_ref()
            .is_some_and(|s| s.is_match(rel(p)) || s.is_match(p))
    };
    let mut out = Vec::new();
    let defaults = [".".to_string()];
    let paths = if paths.is_empty() {
        &defaults[..]
    } else {
        paths
    };
    for arg in paths {
        let p = Path::new(arg);
        if p.is_file() {
            out.push(Target {
                path: p.to_path_buf(),
                rel: slash(&rel(p)),
                explicit: true,
                included: matches(&include, p),
            });
            continue;
        }
        let (base, pattern) = if p.is_dir() {
            (p.to_path_buf(), None)
        } else if has_glob_chars(arg) {
            let base: PathBuf = p
                .components()
                .take_while(|c| !has_glob_chars(&c.as_os_str().to_string_lossy()))
                .collect();
            let glob = Glob::new(arg)
                .map_err(|e| format!("invalid glob `{arg}`: {e}"))?
                .compile_matcher();
            (
                if base.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    base
                },
                Some(glob),
            )
        } else {
            return Err(format!("`{arg}`: no such file or directory"));
        };
        for entry in ignore::WalkBuilder::new(&base).build() {
            let entry = entry.map_err(|e| format!("cannot walk `{}`: {e}", base.display()))?;
            let path = entry.path();
            if !entry.file_type().is_some_and(|t| t.is_file()) || !is_markdown(path) {
                continue;
            }
            let path = path.strip_prefix("./").unwrap_or(path).to_path_buf();
            if pattern.as_ref().is_some_and(|g| !g.is_match(&path)) || matches(&exclude, &path) {
                continue;
            }
            let included = matches(&include, &path);
            if include.is_some() && !included {
                continue;
            }
            out.push(Target {
                rel: slash(&rel(&path)),
                path,
                explicit: false,
                included,
            });
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.path == b.path);
    Ok(out)
}

/// A path with `/` separators.
fn slash(p: &Path) -> String {
    p.display().to_string().replace('\\', "/")
}

/// A file's text. Invalid UTF-8 is decoded lossily so that the rest of the
/// file can still be checked; `invalid_utf8` holds the first bad byte offset.
pub struct Source {
    pub text: String,
    pub invalid_utf8: Option<usize>,
}

pub fn read(path: &Path) -> Result<Source, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source {
            text,
            invalid_utf8: None,
        }),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            Ok(Source {
                text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                invalid_utf8: Some(offset),
            })
        }
    }
}
