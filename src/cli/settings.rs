//! Finding and loading `speclint.yaml` and the spec type files it names.

use std::path::{Path, PathBuf};

use speclint::workspace::{self, TemplateSource, Workspace};
use speclint::{Config, Linter};

use super::ConfigArgs;

/// The loaded configuration: where it was found, and the run policy and linter built from it.
pub struct Settings {
    /// The directory globs and type paths are relative to.
    pub root: PathBuf,
    /// The core's run policy, with the linter built from the config.
    pub workspace: Workspace,
}

impl Settings {
    pub fn linter(&self) -> &Linter {
        self.workspace.linter()
    }
}

/// Config file names looked for, in order, in each directory upward.
const NAMES: [&str; 2] = ["speclint.yaml", ".speclint.yaml"];

fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .flat_map(|dir| NAMES.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// Loads the config (explicit or discovered) and the spec types, and builds the linter.
/// `spec_type`: read every document as this type (checked here).
pub fn load(args: &ConfigArgs, spec_type: Option<&str>) -> Result<Settings, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the working directory: {e}"))?;
    load_in(&cwd, args, spec_type)
}

/// [`load`] as if run from `cwd` (the language server: a document's folder).
pub fn load_in(cwd: &Path, args: &ConfigArgs, spec_type: Option<&str>) -> Result<Settings, String> {
    let cwd = cwd.to_path_buf();
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => discover(&cwd),
    };
    let (mut config, root) = match &path {
        Some(p) => {
            let text = super::files::read_side_file(p).map_err(|e| format!("config: {e}"))?;
            let config = Config::from_yaml(&text)
                .map_err(|e| format!("config {}", e.in_file(&p.display().to_string())))?;
            let root = p
                .parent()
                .map(Path::to_path_buf)
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or_else(|| cwd.clone());
            (config, root)
        }
        None => (Config::default(), cwd.clone()),
    };
    let mut type_files: Vec<PathBuf> = config.types.iter().map(|t| root.join(t)).collect();
    type_files.extend(args.types.iter().cloned());
    let mut types = Vec::new();
    for f in type_files {
        let text = super::files::read_side_file(&f).map_err(|e| format!("spec type: {e}"))?;
        // Named as the user sees them: relative to the working directory.
        let shown = f.strip_prefix(&cwd).unwrap_or(&f).display().to_string();
        types.push((shown, text));
    }
    // `--templates` globs are relative to the working directory; the config's
    // to its folder, where the walk below starts.
    let root_abs = cwd.join(&root);
    for g in &args.templates {
        config.templates.push(workspace::rebase_glob(
            g,
            &cwd.display().to_string(),
            &root_abs.display().to_string(),
        ));
    }
    let shown = path.as_ref().map(|p| p.display().to_string());
    let mut workspace = Workspace::load(&config, shown.as_deref(), &types, spec_type)?;
    if workspace.template_globs().is_some() {
        let mut templates = Vec::new();
        for file in super::files::markdown_below(&root) {
            let rel = file
                .strip_prefix(&root)
                .unwrap_or(&file)
                .display()
                .to_string();
            if workspace.template_matches(&rel) {
                let text =
                    super::files::read_side_file(&file).map_err(|e| format!("template: {e}"))?;
                let path = file
                    .strip_prefix(&cwd)
                    .unwrap_or(&file)
                    .display()
                    .to_string();
                templates.push(TemplateSource { path, rel, text });
            }
        }
        workspace.add_templates(&templates)?;
    }
    Ok(Settings { root, workspace })
}
