//! `speclint export`: print documents as data (the shape of `docs/export.md`).
//!
//! One file prints its `SpecDocument`; several print an array of
//! `{ "path": ..., "document": SpecDocument }` in the order given. Document
//! problems never fail an export (they are counted in `diagnostics`); only
//! usage and I/O errors do (exit 2).

use std::path::PathBuf;
use std::process::ExitCode;

use speclint::api::{ExportFile, ExportJsonOptions};

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
    // Files are read as named; folders and globs are walked as `check` walks
    // them, and then the output is always a list.
    let only_files = a.files.iter().all(|p| p.is_file());
    let list = !(only_files && a.files.len() == 1);
    // Named files in the order given; else the core's selection and order.
    let targets: Vec<(PathBuf, bool)> = if only_files {
        a.files.iter().map(|p| (p.clone(), false)).collect()
    } else {
        let names: Vec<String> = a.files.iter().map(|p| p.display().to_string()).collect();
        let (targets, problems) = files::collect(&names, &s.root, &s.workspace)?;
        if let Some(p) = problems.first() {
            return Err(p.message.clone());
        }
        (targets.into_iter())
            .map(|t| (t.path, !(t.how.named || t.how.included)))
            .collect()
    };
    let mut docs = Vec::with_capacity(targets.len());
    for (path, walked) in targets {
        let src = files::read(&path)?;
        docs.push(ExportFile {
            path: path.display().to_string(),
            text: src.text,
            walked,
        });
    }
    let session = speclint::api::Session::from_linter(
        s.workspace.shared_linter(),
        speclint::source::ColumnEncoding::Unicode,
    );
    let options = ExportJsonOptions {
        pretty: a.pretty,
        spec_type: a.spec_type.clone(),
        list,
    };
    let json = session
        .export_json(&docs, &options)
        .map_err(|e| e.to_string())?;
    super::out::print(&json)?;
    Ok(ExitCode::SUCCESS)
}
