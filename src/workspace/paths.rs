//! Paths as the run policy spells them: which names are Markdown files or
//! hidden, a document's name (`stem`), cleaned paths and globs, command-line
//! globs rebased onto the config's folder, and the order files are listed in.

use std::cmp::Ordering;

/// The extensions of Markdown files a walk considers (lowercase).
pub const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown", "mdx"];

/// The deepest folder nesting a walk enters.
pub const MAX_DEPTH: usize = 256;

/// Whether a file name is a Markdown file a walk considers.
pub fn is_markdown(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && MARKDOWN_EXTENSIONS
                .iter()
                .any(|e| ext.eq_ignore_ascii_case(e))
    })
}

/// Whether a walk skips a name as hidden (`.git`, `.cache`, `.draft.md`).
pub fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// `docs/specs/orders-db.md` → `orders-db`: a document's name, as
/// `related_initiatives` and `superseded_by` name documents.
pub fn stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((s, ext))
            if !s.is_empty()
                && MARKDOWN_EXTENSIONS
                    .iter()
                    .any(|e| ext.eq_ignore_ascii_case(e)) =>
        {
            s
        }
        _ => name,
    }
}

/// `./a//b/` → `a/b`; `\` becomes `/`.
pub fn clean_path(p: &str) -> String {
    let p = p.replace('\\', "/");
    let mut out: Vec<&str> = Vec::new();
    for (i, part) in p.split('/').enumerate() {
        match part {
            "" if i == 0 => out.push(""), // absolute
            "" | "." => {}
            other => out.push(other),
        }
    }
    match out.as_slice() {
        [] => ".".to_string(),
        [""] => "/".to_string(),
        _ => out.join("/"),
    }
}

/// A command-line glob as the walk's paths are spelled: without a leading
/// `./` (backslashes are escapes in a glob, never separators).
pub fn clean_glob(p: &str) -> &str {
    let mut p = p;
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.trim_start_matches('/');
    }
    p
}

/// A glob given relative to the working directory (`--templates`), made
/// relative to the config's folder, where the walk starts: `cwd` and `root`
/// are absolute, `/`-separated. From a folder below the config's, the glob
/// gets that folder in front; from the folder above, the config folder's
/// part is taken off the glob's start. An absolute glob below `root` loses
/// `root`. A result without `/` is anchored (`/*.md`: the config's folder only).
pub fn rebase_glob(glob: &str, cwd: &str, root: &str) -> String {
    // A shell-like glob names files from one folder: anchored (`/x.md`), not
    // matched at any depth as a bare `x.md` is in a config.
    let g = rebased(glob, cwd, root);
    // `docs/../templates/*.md` → `templates/*.md`.
    let mut parts: Vec<&str> = Vec::new();
    for p in g.split('/') {
        match p {
            ".." if parts.last().is_some_and(|l| !l.is_empty() && *l != "..") => {
                parts.pop();
            }
            "." => {}
            _ => parts.push(p),
        }
    }
    let g = parts.join("/");
    if g.contains('/') { g } else { format!("/{g}") }
}

fn rebased(glob: &str, cwd: &str, root: &str) -> String {
    let g = clean_glob(glob);
    let (cwd, root) = (clean_path(cwd), clean_path(root));
    let below = |path: &str, dir: &str| -> Option<String> {
        if path == dir {
            return Some(String::new());
        }
        let dir = dir.trim_end_matches('/');
        path.strip_prefix(dir)
            .and_then(|r| r.strip_prefix('/'))
            .map(str::to_string)
    };
    if g.starts_with('/') {
        return below(g, &root).unwrap_or_else(|| g.to_string());
    }
    if let Some(b) = below(&cwd, &root) {
        return if b.is_empty() {
            g.to_string()
        } else {
            format!("{b}/{g}")
        };
    }
    if let Some(a) = below(&root, &cwd) {
        if let Some(rest) = g.strip_prefix(&format!("{a}/")) {
            return rest.to_string();
        }
    }
    g.to_string()
}

/// Orders paths folder by folder (`a/b.md` before `a-b.md`), as a tree is
/// listed; every host prints files in this order.
pub fn compare_paths(a: &str, b: &str) -> Ordering {
    a.split('/').cmp(b.split('/'))
}
