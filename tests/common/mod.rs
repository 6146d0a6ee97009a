//! Helpers shared by the integration tests (each test crate uses a subset).
#![allow(dead_code)]

pub mod invariants;

use std::fs;
use std::path::{Path, PathBuf};

use speclint::{Config, Linter};

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A linter with the built-in types and the example ADR type.
pub fn linter() -> Linter {
    let adr = fs::read_to_string(root().join("examples/types/adr.yaml")).unwrap();
    Linter::new(&Config::default(), &[("adr.yaml".into(), adr)]).unwrap()
}

/// Appends every `.md` file below `dir` (recursively; nothing when `dir` is missing).
pub fn md_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries {
        let p = e.unwrap().path();
        if p.is_dir() {
            md_files(&p, out);
        } else if p
            .extension()
            .is_some_and(|e| e == "md" || e == "mdx" || e == "markdown")
        {
            out.push(p);
        }
    }
}
