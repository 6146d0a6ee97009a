//! Which files a command works on, and reading them safely.
//!
//! Command-line paths are files (always checked), directories (walked) or
//! globs. Walking skips hidden entries and does not follow symbolic links
//! (a named link is followed). It honours `.gitignore` and `.ignore` files
//! in each directory walked and in its parents up to the repository root
//! (the directory holding `.git`), with the core's gitignore matcher
//! (`speclint::glob::IgnoreFile`).
//!
//! Reading never follows a special file forever: only regular files are
//! read, ignore files up to [`MAX_SIDE_FILE`] bytes, documents up to the
//! core's input limit. A file or folder that cannot be read is a
//! [`Problem`]: the command reports it and goes on.

use std::io::Read;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use speclint::glob::IgnoreFile;

/// The largest config, spec type or ignore file read, in bytes.
pub const MAX_SIDE_FILE: u64 = 1024 * 1024;

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

/// A file or folder that could not be read or walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub message: String,
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

/// A path with `/` separators.
fn slash(p: &Path) -> String {
    p.display().to_string().replace('\\', "/")
}

/// Expands command-line paths into files to check, sorted and deduplicated:
/// the same file named several ways (`a.md ./a.md $PWD/a.md`) is one
/// target, and a file named on the command line stays named even when a
/// directory also given holds it.
pub fn collect(
    paths: &[String],
    root: &Path,
    include: &[String],
    exclude: &[String],
) -> Result<(Vec<Target>, Vec<Problem>), String> {
    let include = globset(include)?;
    let exclude = globset(exclude)?;
    let cwd = std::env::current_dir().unwrap_or_default();
    let rel = |p: &Path| -> PathBuf {
        let abs = if p.is_absolute() {
            p.to_path_buf()
        } else {
            cwd.join(p)
        };
        abs.strip_prefix(root).map(Path::to_path_buf).unwrap_or(abs)
    };
    let matches = |set: &Option<GlobSet>, p: &Path| {
        set.as_ref()
            .is_some_and(|s| s.is_match(rel(p)) || s.is_match(p))
    };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let defaults = [".".to_string()];
    let paths = if paths.is_empty() {
        &defaults[..]
    } else {
        paths
    };
    for arg in paths {
        let p = Path::new(arg);
        // `metadata` follows a named link; a special file is named, not read.
        match std::fs::metadata(p) {
            Ok(m) if m.is_file() => {
                out.push(Target {
                    path: p.to_path_buf(),
                    rel: slash(&rel(p)),
                    explicit: true,
                    included: matches(&include, p),
                });
                continue;
            }
            Ok(m) if !m.is_dir() => {
                problems.push(Problem {
                    path: p.to_path_buf(),
                    message: format!("`{arg}` is not a regular file; not reading it"),
                });
                continue;
            }
            _ => {}
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
        let mut found = Vec::new();
        walk(&base, &mut found, &mut problems);
        for path in found {
            let path = path.strip_prefix("./").unwrap_or(&path).to_path_buf();
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
    // One target per file: named wins over walked, the first spelling is kept.
    let mut seen: std::collections::HashMap<PathBuf, usize> = std::collections::HashMap::new();
    let mut unique: Vec<Target> = Vec::with_capacity(out.len());
    for t in out {
        let key = std::fs::canonicalize(&t.path).unwrap_or_else(|_| t.path.clone());
        match seen.get(&key) {
            Some(&i) => {
                let u: &mut Target = &mut unique[i];
                u.explicit |= t.explicit;
                u.included |= t.included;
            }
            None => {
                seen.insert(key, unique.len());
                unique.push(t);
            }
        }
    }
    unique.sort();
    Ok((unique, problems))
}

/// The ignore files that apply above `dir`: its parents' up to the
/// repository root (the first directory with `.git`), outermost first.
fn parent_ignores(dir: &Path, problems: &mut Vec<Problem>) -> Vec<(PathBuf, IgnoreFile)> {
    let Ok(abs) = std::fs::canonicalize(dir) else {
        return Vec::new();
    };
    if abs.join(".git").exists() {
        return Vec::new();
    }
    let mut chain = Vec::new();
    let mut cur = abs.parent();
    while let Some(d) = cur {
        chain.push(d.to_path_buf());
        if d.join(".git").exists() {
            break;
        }
        cur = d.parent();
    }
    if !chain.last().is_some_and(|d| d.join(".git").exists()) {
        return Vec::new(); // not in a repository: the walk's own files only
    }
    chain.reverse();
    let mut out = Vec::new();
    for d in chain {
        for f in read_ignore_files(&d, problems) {
            // Rules of a parent apply to paths below it: relative to it.
            out.push((d.clone(), f));
        }
    }
    out
}

/// `.gitignore` and `.ignore` of one directory, read safely.
fn read_ignore_files(dir: &Path, problems: &mut Vec<Problem>) -> Vec<IgnoreFile> {
    let mut out = Vec::new();
    for name in [".gitignore", ".ignore"] {
        let p = dir.join(name);
        if std::fs::symlink_metadata(&p).is_err() {
            continue;
        }
        match read_capped(&p, MAX_SIDE_FILE) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                let (f, _invalid_lines) = IgnoreFile::parse("", &text);
                out.push(f);
            }
            Err(e) => problems.push(Problem {
                path: p.clone(),
                message: format!("{e}; its rules are not applied"),
            }),
        }
    }
    out
}

/// Walks `base` for Markdown files (see the module doc).
fn walk(base: &Path, found: &mut Vec<PathBuf>, problems: &mut Vec<Problem>) {
    let abs_base = std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf());
    // (directory the rules are relative to, rules)
    let mut rules: Vec<(PathBuf, IgnoreFile)> = parent_ignores(base, problems);
    walk_dir(base, &abs_base, &mut rules, found, problems, 0);
}

/// The deepest directory nesting walked.
const MAX_DEPTH: usize = 256;

fn ignored(rules: &[(PathBuf, IgnoreFile)], abs: &Path, is_dir: bool) -> bool {
    let mut decision = None;
    for (dir, f) in rules {
        let Ok(rel) = abs.strip_prefix(dir) else {
            continue;
        };
        let rel = slash(rel);
        if let Some(d) = f.decide(&rel, is_dir) {
            decision = Some(d);
        }
    }
    decision.unwrap_or(false)
}

fn walk_dir(
    dir: &Path,
    abs_dir: &Path,
    rules: &mut Vec<(PathBuf, IgnoreFile)>,
    found: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        problems.push(Problem {
            path: dir.to_path_buf(),
            message: format!(
                "`{}` is nested more than {MAX_DEPTH} directories deep; not walked further",
                dir.display()
            ),
        });
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Problem {
                path: dir.to_path_buf(),
                message: format!("cannot read the folder `{}`: {e}", dir.display()),
            });
            return;
        }
    };
    let own = read_ignore_files(dir, problems);
    let pushed = own.len();
    for f in own {
        rules.push((abs_dir.to_path_buf(), f));
    }
    let mut names: Vec<(std::ffi::OsString, std::fs::FileType)> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => {
                if let Ok(t) = e.file_type() {
                    names.push((e.file_name(), t));
                }
            }
            Err(e) => problems.push(Problem {
                path: dir.to_path_buf(),
                message: format!("cannot read the folder `{}`: {e}", dir.display()),
            }),
        }
    }
    names.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, t) in names {
        if name.as_encoded_bytes().first() == Some(&b'.') {
            continue; // hidden, and `.git`
        }
        let path = dir.join(&name);
        let abs = abs_dir.join(&name);
        if t.is_dir() {
            if !ignored(rules, &abs, true) {
                walk_dir(&path, &abs, rules, found, problems, depth + 1);
            }
        } else if t.is_file() && is_markdown(&path) && !ignored(rules, &abs, false) {
            found.push(path);
        }
        // Symbolic links are not followed, special files not read.
    }
    rules.truncate(rules.len() - pushed);
}

/// Reads a regular file, refusing anything else and anything over `max` bytes
/// (read with a bound, so a file that grows while read cannot exhaust memory).
pub fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let m = std::fs::metadata(path).map_err(|e| format!("cannot read `{shown}`: {e}"))?;
    if !m.is_file() {
        return Err(format!("`{shown}` is not a regular file; not reading it"));
    }
    if m.len() > max {
        return Err(format!(
            "`{shown}` is {} bytes; the limit is {max} bytes",
            m.len()
        ));
    }
    let f = std::fs::File::open(path).map_err(|e| format!("cannot read `{shown}`: {e}"))?;
    let mut bytes = Vec::with_capacity(m.len() as usize);
    f.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read `{shown}`: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(format!(
            "`{shown}` is larger than {max} bytes; not reading it"
        ));
    }
    Ok(bytes)
}

/// Reads a config or spec type file as text (regular, at most [`MAX_SIDE_FILE`] bytes, UTF-8).
pub fn read_side_file(path: &Path) -> Result<String, String> {
    let bytes = read_capped(path, MAX_SIDE_FILE)?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "`{}` is not valid UTF-8 (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// The input limit of the core, for reading documents.
pub fn max_document() -> u64 {
    speclint::limits::Limits::default().max_input_bytes as u64
}

/// Reads standard input up to the input limit.
pub fn read_stdin() -> Result<String, String> {
    let max = max_document();
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(format!(
            "standard input is larger than the input limit ({max} bytes); not reading it further"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "standard input is not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// A file's text. Invalid UTF-8 is decoded lossily so that the rest of the
/// file can still be checked; `invalid_utf8` holds the first bad byte offset.
pub struct Source {
    pub text: String,
    pub invalid_utf8: Option<usize>,
}

pub fn read(path: &Path) -> Result<Source, String> {
    let bytes = read_capped(path, max_document())?;
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
