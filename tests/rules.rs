//! Snapshot tests of every rule over its `valid/` and `invalid/` fixtures.
//!
//! Layout: `tests/fixtures/rules/<CODE>-<name>/{valid,invalid}/*.md`, with an
//! optional `<name>.type.yaml` (or `<name>.template.md`, a template of a
//! family) beside a fixture for a custom spec type and an
//! optional `speclint.yaml` in the rule folder for rule levels. Every rule
//! must have at least one invalid fixture (which must report that rule) and
//! one valid fixture (which must not). The rendered diagnostics of the rule
//! under test are snapshotted in `tests/snapshots/rules/`.
//! `SPECLINT_RULES=FM,ST001` runs only rules whose codes start with these prefixes.

use std::fs;
use std::path::{Path, PathBuf};

use speclint::report;
use speclint::rules::RULES;
use speclint::{ColumnEncoding, Config, LineIndex, Linter};

fn fixtures(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .filter(|p| !p.to_string_lossy().ends_with(".template.md"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn linter_for(rule_dir: &Path, fixture: &Path) -> Linter {
    let config = fs::read_to_string(rule_dir.join("speclint.yaml"))
        .map(|t| Config::from_yaml(&t).unwrap())
        .unwrap_or_default();
    let type_file = fixture.with_extension("type.yaml");
    let types: Vec<(String, String)> = fs::read_to_string(&type_file)
        .map(|t| vec![(type_file.display().to_string(), t)])
        .unwrap_or_default();
    // A template beside the fixture (`<name>.template.md`) defines its spec type.
    let template = fixture.with_extension("template.md");
    let templates: Vec<(String, String)> = fs::read_to_string(&template)
        .map(|t| vec![(template.display().to_string(), t)])
        .unwrap_or_default();
    Linter::with_templates(&config, &types, Some(&templates)).unwrap()
}

fn render(code: &str, path: &Path, text: &str, linter: &Linter) -> (usize, String) {
    let report = linter.check(text);
    let diags: Vec<_> = report
        .diagnostics
        .into_iter()
        .filter(|d| d.code == code)
        .collect();
    let index = LineIndex::new(text);
    let name = path.file_name().unwrap().to_string_lossy();
    let located =
        speclint::diagnostic::locate(text, &index, &diags, Some(&name), ColumnEncoding::Unicode);
    (
        diags.len(),
        report::pretty(&name, text, &index, &located, false),
    )
}

#[test]
fn every_rule_has_fixtures_and_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut missing = Vec::new();
    let mut failures = Vec::new();
    // SPECLINT_RULES=FM,ST001 limits the run to codes with these prefixes.
    let filter: Vec<String> = std::env::var("SPECLINT_RULES")
        .map(|v| v.split(',').map(str::to_string).collect())
        .unwrap_or_default();
    for rule in RULES {
        if !filter.is_empty()
            && !filter
                .iter()
                .any(|p| rule.meta.code.starts_with(p.as_str()))
        {
            continue;
        }
        let dir = root.join(format!("{}-{}", rule.meta.code, rule.meta.name));
        let invalid = fixtures(&dir.join("invalid"));
        let valid = fixtures(&dir.join("valid"));
        if invalid.is_empty() || valid.is_empty() {
            missing.push(dir.file_name().unwrap().to_string_lossy().to_string());
            continue;
        }
        for f in &invalid {
            let text = fs::read_to_string(f).unwrap();
            let (n, rendered) = render(rule.meta.code, f, &text, &linter_for(&dir, f));
            if n == 0 {
                failures.push(format!(
                    "{}: expected `{}` diagnostics, found none",
                    f.display(),
                    rule.meta.code
                ));
            }
            let mut settings = insta::Settings::clone_current();
            settings.set_snapshot_path("snapshots/rules");
            settings.set_prepend_module_to_snapshot(false);
            settings.bind(|| {
                insta::assert_snapshot!(
                    format!(
                        "{}-{}",
                        rule.meta.code,
                        f.file_stem().unwrap().to_string_lossy()
                    ),
                    rendered
                );
            });
        }
        for f in &valid {
            let text = fs::read_to_string(f).unwrap();
            let (n, rendered) = render(rule.meta.code, f, &text, &linter_for(&dir, f));
            if n != 0 {
                failures.push(format!(
                    "{}: expected no `{}` diagnostics, found:\n{rendered}",
                    f.display(),
                    rule.meta.code
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        missing.is_empty(),
        "rules without valid/ and invalid/ fixtures: {missing:?}"
    );
}
