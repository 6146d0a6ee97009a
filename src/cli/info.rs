//! `speclint types`, `speclint schema` and `speclint rules`.

use std::process::ExitCode;

use speclint::{rules, spec_type, text};

use super::{RulesArgs, SchemaArgs, TemplatesArgs, TypesArgs, out, settings};
use speclint::report::sanitize;

pub fn types(a: TypesArgs) -> Result<ExitCode, String> {
    let s = settings::load(&a.config, None)?;
    let types = s.linter().registry().types();
    if a.json {
        let v: Vec<_> = types
            .iter()
            .map(|t| serde_json::json!({ "id": t.id, "name": t.name, "sections": t.sections.len(), "fields": t.fields.len() }))
            .collect();
        out::print(&format!(
            "{}\n",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        ))?;
    } else {
        let w = types.iter().map(|t| t.id.len()).max().unwrap_or(0);
        let mut text = String::new();
        for t in types {
            text.push_str(&format!(
                "{:w$}  {} ({} fields, {} sections)\n",
                t.id,
                t.name,
                t.fields.len(),
                t.sections.len()
            ));
        }
        out::print(&sanitize::line_keep_newlines(&text))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `speclint templates [--check]`: the family as the core renders it.
pub fn templates(a: TemplatesArgs) -> Result<ExitCode, String> {
    let s = settings::load(&a.config, None)?;
    let (text, code) = speclint::report::templates::render(s.linter().templates(), a.json, a.check);
    out::print(&text)?;
    Ok(ExitCode::from(code))
}

pub fn schema(a: SchemaArgs) -> Result<ExitCode, String> {
    let s = settings::load(&a.config, None)?;
    let reg = s.linter().registry();
    let t = reg.get(&a.spec_type).ok_or_else(|| {
        format!(
            "unknown spec type `{}`; known: {}",
            a.spec_type,
            text::code_list(&reg.ids())
        )
    })?;
    out::print(&format!(
        "{}\n",
        serde_json::to_string_pretty(&spec_type::front_matter_schema(t)).unwrap_or_default()
    ))?;
    Ok(ExitCode::SUCCESS)
}

pub fn rules(a: RulesArgs) -> Result<ExitCode, String> {
    let all = rules::all();
    if a.json {
        out::print(&format!(
            "{}\n",
            serde_json::to_string_pretty(&all).unwrap_or_default()
        ))?;
    } else {
        let mut text = String::new();
        for m in all {
            let fix = match m.fix {
                rules::FixAvailability::None => "",
                rules::FixAvailability::Sometimes => "fix sometimes",
                rules::FixAvailability::Always => "fix",
            };
            text.push_str(&format!(
                "{}  {:28} {:8} {:10} {:14} {}\n",
                m.code,
                m.name,
                m.severity.as_str(),
                m.certainty.as_str(),
                fix,
                m.summary
            ));
        }
        out::print(&text)?;
    }
    Ok(ExitCode::SUCCESS)
}
