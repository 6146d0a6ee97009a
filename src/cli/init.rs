//! `speclint init --from-template`: derive a spec type file from a template.

use std::process::ExitCode;

use super::InitArgs;

pub fn run(a: InitArgs) -> Result<ExitCode, String> {
    let path = a.from_template.display().to_string();
    let text = super::files::read_side_file(&a.from_template)
        .map_err(|e| format!("cannot read `{path}`: {e}"))?;
    let file = speclint::derive::spec_type_file(&text, &path)?;
    match &a.output {
        Some(o) => {
            if o.exists() && !a.force {
                return Err(format!(
                    "`{}` exists; pass --force to overwrite it",
                    o.display()
                ));
            }
            super::write::write_new(o, &file.text, a.force)?;
            super::out::eprint_line(&file.wrote(&o.display().to_string()));
        }
        None => super::out::print(&file.text)?,
    }
    Ok(ExitCode::SUCCESS)
}
