//! What `speclint templates` prints ([`render`]): the template family as a
//! list or as JSON, and its drift. One renderer for the native CLI, `npx
//! speclint` and the Python API.

use crate::family::Template;

/// What `speclint templates` prints, the same from every host: the family
/// as a list (or JSON), and with `check` the drift of each YAML type from its
/// template. The exit code is 1 when `check` finds drift, 0 otherwise.
pub fn render(templates: &[Template], json: bool, check: bool) -> (String, u8) {
    let drifted = check && templates.iter().any(|t| !t.drift.is_empty());
    let code = u8::from(drifted);
    if json {
        let text = serde_json::to_string_pretty(templates).unwrap_or_default();
        return (format!("{}\n", super::sanitize::json(text)), code);
    }
    let mut out = String::new();
    if templates.is_empty() {
        out.push_str(
            "no templates: name them with `templates:` in `speclint.yaml` or `--templates GLOB`\n",
        );
    }
    for t in templates {
        out.push_str(&format!(
            "{}  {}  {} ({} fields, {} sections)\n",
            t.id,
            t.name,
            t.path,
            t.fields.len(),
            t.sections.len()
        ));
        out.push_str(&format!("  sections: {}\n", t.sections.join(", ")));
        if !t.fields.is_empty() {
            out.push_str(&format!("  fields: {}\n", t.fields.join(", ")));
        }
        if let Some(y) = &t.refined_by {
            out.push_str(&format!("  refined by {y}\n"));
        }
        if check {
            for d in &t.drift {
                out.push_str(&format!("  drift: {d}\n"));
            }
        }
    }
    if check {
        let n: usize = templates.iter().map(|t| t.drift.len()).sum();
        out.push_str(&match n {
            0 => "no drift between the templates and their YAML types\n".to_string(),
            1 => "1 difference between the templates and their YAML types\n".to_string(),
            n => format!("{n} differences between the templates and their YAML types\n"),
        });
    }
    (super::sanitize::line_keep_newlines(&out).into_owned(), code)
}
