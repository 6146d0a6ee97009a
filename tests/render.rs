//! Normalizing changes formatting, never meaning: every CommonMark and GFM
//! spec example (`tests/render/examples.jsonl`, vendored by
//! `scripts/vendor-render-examples.py`), alone and as the body of a spec
//! document, renders to the same HTML (pulldown-cmark's renderer) before and
//! after `normalize`, except where a fix renames a heading, which is what
//! that fix is for.

use pulldown_cmark::{Options, Parser, html};
use serde::Deserialize;
use speclint::Linter;

#[derive(Deserialize)]
struct Example {
    source: String,
    n: usize,
    markdown: String,
}

/// The HTML of the document's body (after its front matter, which is data,
/// not rendered), with the GFM extensions of the examples. Not
/// pulldown-cmark's metadata-block extension: it also takes `---` blocks in
/// the middle of a document for metadata, which CommonMark does not.
fn render(md: &str, in_spec: bool) -> String {
    let body = match md
        .strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n"))
    {
        Some(i) if in_spec => &md[4 + i + 5..],
        _ => md,
    };
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(body, options));
    out
}

const HEAD: &str = "---\nspec_type: database-schema\ntitle: Render check\nowner: docs\nstatus: draft\n---\n\n# Render check\n\n";

#[test]
fn normalizing_keeps_what_every_spec_example_renders_to() {
    let text = include_str!("render/examples.jsonl");
    let examples: Vec<Example> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(examples.len() > 650, "{} examples", examples.len());
    let linter = Linter::default();
    let mut failures = Vec::new();
    for ex in &examples {
        for (in_spec, doc) in [
            (false, ex.markdown.clone()),
            (true, format!("{HEAD}{}", ex.markdown)),
        ] {
            let out = linter.normalize(&doc, &Default::default());
            if out.fixes.iter().any(|f| f.code == "ST007") {
                continue;
            }
            if render(&out.text, in_spec) != render(&doc, in_spec) {
                let how = if in_spec { "in a spec" } else { "alone" };
                failures.push(format!(
                    "{} example {} ({how}): {:?}\n  became {:?}",
                    ex.source, ex.n, doc, out.text
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} renderings changed:\n{}",
        failures.len(),
        examples.len() * 2,
        failures.join("\n")
    );
}
