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

use speclint::glob::Glob;
use speclint::workspace::{self, EntryKind, Selected, Visit, Walk, Workspace};

/// The largest config, spec type or ignore file read, in bytes.
pub const MAX_SIDE_FILE: u64 = 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub path: PathBuf,
    /// The path relative to the config's directory, `/`-separated (for `overrides`).
    pub rel: String,
    /// Named on the command line, or found by walking (see [`Workspace::select`]).
    pub how: Selected,
}

/// A file or folder that could not be read or walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub message: String,
}

fn has_glob_chars(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

/// A path with `/` separators.
fn slash(p: &Path) -> String {
    p.display().to_string().replace('\\', "/")
}

/// Expands command-line paths into files to work on, in the core's order
/// and deduplicated: the same file named several ways (`a.md ./a.md
/// $PWD/a.md`) is one target, and a file named on the command line stays
/// named even when a directory also given holds it. Which files are kept is
/// the core's decision ([`Workspace::select`], [`Walk::visit`]).
pub fn collect(
    paths: &[String],
    root: &Path,
    ws: &Workspace,
) -> Result<(Vec<Target>, Vec<Problem>), String> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let rel = |p: &Path| -> String {
        let abs = if p.is_absolute() {
            p.to_path_buf()
        } else {
            cwd.join(p)
        };
        slash(abs.strip_prefix(root).unwrap_or(&abs))
    };
    let mut out: Vec<(PathBuf, String, Selected)> = Vec::new();
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
                let r = rel(p);
                if let Some(how) = ws.select(&r, true) {
                    out.push((p.to_path_buf(), r, how));
                }
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
            let glob = Glob::new(workspace::clean_glob(arg))
                .map_err(|e| format!("invalid glob `{arg}`: {}", e.message))?;
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
            if pattern.as_ref().is_some_and(|g| !g.matches(&slash(&path))) {
                continue;
            }
            let r = rel(&path);
            if let Some(how) = ws.select(&r, false) {
                out.push((path, r, how));
            }
        }
    }
    let keyed = out
        .into_iter()
        .map(|(path, rel, how)| {
            let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            (key, (path, rel), how)
        })
        .collect::<Vec<_>>();
    // One target per file: named wins over walked, the first spelling is kept.
    let mut seen: std::collections::HashMap<PathBuf, usize> = std::collections::HashMap::new();
    let mut unique: Vec<Target> = Vec::with_capacity(keyed.len());
    for (key, (path, rel), how) in keyed {
        match seen.get(&key) {
            Some(&i) => {
                unique[i].how.named |= how.named;
                unique[i].how.included |= how.included;
            }
            None => {
                seen.insert(key, unique.len());
                unique.push(Target { path, rel, how });
            }
        }
    }
    unique.sort_by(|a, b| workspace::compare_paths(&slash(&a.path), &slash(&b.path)));
    Ok((unique, problems))
}

/// Every Markdown file below `root` that the walk keeps (the reference
/// lists of the cross-document checks), as shown paths relative to the
/// working directory.
pub fn markdown_below(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    walk(root, &mut found, &mut Vec::new());
    found
}

/// The folders above `dir` whose ignore files apply: its parents up to the
/// repository root (the first folder with `.git`), outermost first.
fn parent_dirs(dir: &Path) -> Vec<PathBuf> {
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
    chain
}

/// The ignore files of one directory ([`workspace::IGNORE_FILES`]), read safely.
fn read_ignore_files(dir: &Path, problems: &mut Vec<Problem>) -> Vec<String> {
    let mut out = Vec::new();
    for name in workspace::IGNORE_FILES {
        let p = dir.join(name);
        if std::fs::symlink_metadata(&p).is_err() {
            continue;
        }
        match read_capped(&p, MAX_SIDE_FILE) {
            Ok(bytes) => out.push(String::from_utf8_lossy(&bytes).into_owned()),
            Err(e) => problems.push(Problem {
                path: p.clone(),
                message: format!("{e}; its rules are not applied"),
            }),
        }
    }
    out
}

/// Walks `base` for Markdown files; the core decides each entry.
fn walk(base: &Path, found: &mut Vec<PathBuf>, problems: &mut Vec<Problem>) {
    let abs_base = std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf());
    let mut w = Walk::default();
    for d in parent_dirs(base) {
        let texts = read_ignore_files(&d, problems);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        w.enter(&slash(&d), &texts);
    }
    walk_dir(base, &abs_base, &mut w, found, problems, 0);
}

fn walk_dir(
    dir: &Path,
    abs_dir: &Path,
    w: &mut Walk,
    found: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
    depth: usize,
) {
    if depth > workspace::MAX_DEPTH {
        problems.push(Problem {
            path: dir.to_path_buf(),
            message: format!(
                "`{}` is nested more than {} directories deep; not walked further",
                dir.display(),
                workspace::MAX_DEPTH
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
    let own: Vec<&str> = own.iter().map(String::as_str).collect();
    let abs_shown = slash(abs_dir);
    let mark = w.enter(&abs_shown, &own);
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
        let kind = if t.is_dir() {
            EntryKind::Dir
        } else if t.is_file() {
            EntryKind::File
        } else if t.is_symlink() {
            EntryKind::Symlink
        } else {
            EntryKind::Other
        };
        // A name that is not UTF-8 is decided on its lossy form (hidden,
        // extension and ignore rules read ASCII).
        match w.visit(&abs_shown, &name.to_string_lossy(), kind) {
            Visit::Enter => walk_dir(
                &dir.join(&name),
                &abs_dir.join(&name),
                w,
                found,
                problems,
                depth + 1,
            ),
            Visit::File => found.push(dir.join(&name)),
            Visit::Skip => {}
        }
    }
    w.leave(mark);
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
