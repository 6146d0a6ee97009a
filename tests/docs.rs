//! `docs/rules.md` is generated from the rule files' doc comments, Ruff-style.
//! This test fails when it is out of date; `UPDATE_DOCS=1 cargo test --test docs` rewrites it.

use std::fs;
use std::path::Path;

use speclint::rules::{FixAvailability, RULES, builtin};

fn doc_comment(src: &str) -> String {
    let before = &src[..src.find("pub static META").unwrap_or(0)];
    let mut lines: Vec<&str> = Vec::new();
    for line in before.lines().rev() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("///") {
            lines.push(rest.strip_prefix(' ').unwrap_or(rest));
        } else if !t.is_empty() {
            break;
        }
    }
    lines.reverse();
    // Rule docs use `##` headings; nest them under the rule's `###`.
    lines
        .iter()
        .map(|l| {
            if l.starts_with("## ") {
                format!("##{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const CERTAINTY_INTRO: &str = "\
**Errors mean speclint is certain.** A rule is *certain* when the text itself says what is \
wrong: a value outside a declared enum, an impossible date, a missing required section, a table \
row whose extra cells a renderer drops. A rule is *heuristic* when its finding rests on how \
speclint read the document: a column role it had to guess, a key or a reference it did not find, \
a phrase it did not see. Only certain rules are errors by default; heuristic rules are warnings \
(or info), so a notation speclint does not know can never fail a build. When a table cannot be \
read with confidence, that is reported once (`TB005`) and nothing else follows from it.

Severities can be changed per rule in `speclint.yaml` (`rules: { CODE or name: off | info | warning | error }`), \
per path with `overrides`, and per line with inline suppressions; see the README.

";

fn generate() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = String::from(
        "<!-- Generated from the doc comments in src/check/rules/ by tests/docs.rs (UPDATE_DOCS=1 cargo test --test docs). Do not edit. -->\n\n# Rules\n\n",
    );
    out.push_str(CERTAINTY_INTRO);
    out.push_str(
        "| code | name | severity | certainty | fix | summary |\n|---|---|---|---|---|---|\n",
    );
    for r in RULES {
        let m = r.meta;
        let fix = match m.fix {
            FixAvailability::None => "",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Always => "yes",
        };
        out.push_str(&format!(
            "| [`{}`](#{}) | {} | {} | {} | {} | {} |\n",
            m.code,
            m.code.to_lowercase(),
            m.name,
            m.severity.as_str(),
            m.certainty.as_str(),
            fix,
            m.summary
        ));
    }
    for r in RULES {
        let m = r.meta;
        let file = fs::read_dir(root.join("src/check/rules"))
            .unwrap()
            .filter_map(|d| d.ok())
            .filter(|d| d.path().is_dir())
            .flat_map(|d| {
                fs::read_dir(d.path())
                    .unwrap()
                    .filter_map(|f| f.ok())
                    .map(|f| f.path())
            })
            .find(|p| {
                fs::read_to_string(p).is_ok_and(|s| s.contains(&format!("code: \"{}\"", m.code)))
            })
            .unwrap_or_else(|| panic!("no file for {}", m.code));
        let src = fs::read_to_string(&file).unwrap();
        let doc = doc_comment(&src);
        assert!(
            doc.contains("## What it does"),
            "{}: doc comment lacks `## What it does`",
            file.display()
        );
        assert!(
            !doc.contains("TODO"),
            "{}: doc comment is a TODO",
            file.display()
        );
        out.push_str(&format!(
            "\n## {}\n\n`{}` · default severity **{}** · **{}** · [source]({})\n\n{}\n",
            m.code,
            m.name,
            m.severity.as_str(),
            m.certainty.as_str(),
            file.strip_prefix(root)
                .unwrap()
                .display()
                .to_string()
                .replace("src/", "../src/"),
            doc
        ));
    }
    out.push_str("\n## Diagnostics outside the rules\n\n| code | name | severity | certainty | summary |\n|---|---|---|---|---|\n");
    for m in builtin::ALL {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            m.code,
            m.name,
            m.severity.as_str(),
            m.certainty.as_str(),
            m.summary
        ));
    }
    out
}

#[test]
fn rules_doc_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let want = generate();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        fs::write(&path, &want).unwrap();
    }
    let have = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is out of date: run `UPDATE_DOCS=1 cargo test --test docs`"
    );
}
