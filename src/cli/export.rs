//! `speclint export`: print documents as data (the shape of `docs/export.md`).
//!
//! One file prints its `SpecDocument`; several print an array of
//! `{ "path": ..., "document": SpecDocument }` in the order given. Document
//! problems never fail an export (they are counted in `diagnostics`); only
//! usage and I/O errors do (exit 2).

use std::path::PathBuf;
use std::process::ExitCode;

use speclint::report::{ExportEntry, export_json};

use super::{ConfigArgs, files, settings};

#[derive(Debug)]
pub struct ExportArgs {
    pub files: Vec<PathBuf>,
    pub pretty: bool,
    pub spec_type: Option<String>,
    pub config: ConfigArgs,
}

pub fn run(a: ExportArgs) -> Result<ExitCode, String> {
    let s = settings::load(&a.config, a.spec_type.as_deref())?;
    let mut docs = Vec::with_capacity(a.files.len());
    for path in &a.files {
        let src = files::read(path)?;
        docs.push(ExportEntry {
            path: path.display().to_string(),
            document: s.linter().export(&src.text, a.spec_type.as_deref()),
        });
    }
    super::out::print(&export_json(&docs, a.pretty))?;
    Ok(ExitCode::SUCCESS)
}
