//! `speclint init --from-template`: derive a spec type file from a template.

use std::process::ExitCode;

use super::InitArgs;

pub fn run(a: InitArgs) -> Result<ExitCode, String> {
    let path = a.from_template.display().to_string();
    let text = super::files::read_side_file(&a.from_template)
        .map_err(|e| format!("cannot read `{path}`: {e}"))?;
    let t = speclint::derive::derive_spec_type(&text).map_err(|e| format!("`{path}`: {e}"))?;
    let yaml = speclint::yaml::to_string(&t).map_err(|e| format!("cannot write YAML: {e}"))?;
    let out = format!(
        "# Spec type derived from `{path}` by `speclint init --from-template`.\n# Review it: add aliases, conditions and optional sections the template cannot express.\n{yaml}"
    );
    match &a.output {
        Some(o) => {
            if o.exists() && !a.force {
                return Err(format!(
                    "`{}` exists; pass --force to overwrite it",
                    o.display()
                ));
            }
            std::fs::write(o, out).map_err(|e| format!("cannot write `{}`: {e}", o.display()))?;
            super::out::eprint_line(&format!(
                "wrote spec type `{}` ({} fields, {} sections) to {}",
                t.id,
                t.fields.len(),
                t.sections.len(),
                o.display()
            ));
        }
        None => super::out::print(&out)?,
    }
    Ok(ExitCode::SUCCESS)
}
