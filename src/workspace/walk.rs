//! A walk's decisions, entry by entry: which folders it enters and which
//! files it considers, with the `.gitignore` and `.ignore` rules the host
//! reads passed in as text.

use crate::glob::IgnoreFile;

use super::paths::{clean_path, is_hidden, is_markdown};

/// The kind of a folder entry, as the host's listing gives it. Symbolic links
/// are never followed by a walk; special files are never read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Dir,
    Symlink,
    Other,
}

/// What a walk does with an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visit {
    /// Not considered: hidden, ignored, a link, a special file or not Markdown.
    Skip,
    /// A folder to enter.
    Enter,
    /// A Markdown file: a candidate for [`Workspace::select`](super::Workspace::select).
    File,
}

/// The ignore rules in force during a walk: a stack of `.gitignore` and
/// `.ignore` files, each relative to its folder.
#[derive(Debug, Default)]
pub struct Walk {
    rules: Vec<(String, IgnoreFile)>,
}

/// Folders a walk never enters, ignored or not: installed packages hold
/// thousands of Markdown files and never a spec of the tree.
pub const SKIPPED_DIRS: &[&str] = &["node_modules"];

/// The ignore file names a host reads in each folder it enters (and in the
/// parents of the first one, up to the repository root, the first folder
/// holding `.git`), in this order.
pub const IGNORE_FILES: &[&str] = &[".gitignore", ".ignore"];

/// Where a walk's ignore stack stood before [`Walk::enter`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark(pub usize);

impl Walk {
    /// Adds the ignore files of folder `dir` (`/`-separated, the same base as
    /// the paths given to [`Walk::visit`]; absolute paths are best) for the
    /// entries below it. Returns the mark to [`Walk::leave`] with.
    pub fn enter(&mut self, dir: &str, ignore_texts: &[&str]) -> Mark {
        let mark = Mark(self.rules.len());
        let dir = clean_path(dir);
        for text in ignore_texts {
            let (f, _invalid_lines) = IgnoreFile::parse("", text);
            self.rules.push((dir.clone(), f));
        }
        mark
    }

    /// Drops the rules added since `mark`.
    pub fn leave(&mut self, mark: Mark) {
        self.rules.truncate(mark.0);
    }

    /// What to do with the entry `name` of folder `dir` (see [`Walk::enter`]):
    /// hidden names (`.git`), [`SKIPPED_DIRS`], links, special files,
    /// files that are not Markdown and ignored entries are skipped.
    pub fn visit(&self, dir: &str, name: &str, kind: EntryKind) -> Visit {
        if is_hidden(name) || name.is_empty() {
            return Visit::Skip;
        }
        if kind == EntryKind::Dir && SKIPPED_DIRS.contains(&name) {
            return Visit::Skip;
        }
        match kind {
            EntryKind::Dir if !self.ignored(dir, name, true) => Visit::Enter,
            EntryKind::File if is_markdown(name) && !self.ignored(dir, name, false) => Visit::File,
            _ => Visit::Skip,
        }
    }

    fn ignored(&self, dir: &str, name: &str, is_dir: bool) -> bool {
        if self.rules.is_empty() {
            return false;
        }
        let dir = clean_path(dir);
        let path = if dir == "." {
            name.to_string()
        } else if dir == "/" {
            format!("/{name}")
        } else {
            format!("{dir}/{name}")
        };
        let mut decision = None;
        for (base, f) in &self.rules {
            let rel = if base == "." {
                Some(path.as_str())
            } else {
                path.strip_prefix(base.as_str())
                    .and_then(|r| r.strip_prefix('/'))
            };
            if let Some(rel) = rel {
                if let Some(d) = f.decide(rel, is_dir) {
                    decision = Some(d);
                }
            }
        }
        decision.unwrap_or(false)
    }
}
