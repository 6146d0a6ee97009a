//! The shipped examples, checked as a new user would check them.
//!
//! - every `examples/valid/*.md` (and the ADR example with its custom type) has no warning or error;
//! - every `examples/invalid/*.md` reports exactly the `LINE CODE` pairs of its `.expected.txt`
//!   (warnings and errors; infos are not listed);
//! - the template itself reports its placeholders and guidance residue, and nothing crashes
//!   (snapshot of the full pretty output).

mod common;

use common::{linter, root};

use std::collections::BTreeSet;
use std::fs;

use speclint::{ColumnEncoding, LineIndex, Severity, report};

fn reported(text: &str) -> BTreeSet<(usize, String)> {
    let r = linter().check(text);
    let index = LineIndex::new(text);
    r.diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| (index.line_number(d.span.start), d.code.to_string()))
        .collect()
}

fn md_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    v.sort();
    v
}

#[test]
fn valid_examples_are_clean() {
    let mut files = md_files("examples/valid");
    files.extend(md_files("examples/adr"));
    assert!(files.len() >= 3);
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        let got = reported(&text);
        assert!(got.is_empty(), "{}: {got:?}", f.display());
    }
}

#[test]
fn invalid_examples_report_exactly_the_expected_defects() {
    let files = md_files("examples/invalid");
    assert!(files.len() >= 4);
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        let expected_text = fs::read_to_string(f.with_extension("expected.txt")).unwrap();
        let expected: BTreeSet<(usize, String)> = expected_text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut it = l.split_whitespace();
                (
                    it.next().unwrap().parse().unwrap(),
                    it.next().unwrap().to_string(),
                )
            })
            .collect();
        let got = reported(&text);
        let missing: Vec<_> = expected.difference(&got).collect();
        let extra: Vec<_> = got.difference(&expected).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}:\n  missing {missing:?}\n  unexpected {extra:?}",
            f.display()
        );
    }
}

#[test]
fn template_reports_placeholders_and_residue() {
    let text = fs::read_to_string(root().join("examples/template.md")).unwrap();
    let r = linter().check(&text);
    let codes: BTreeSet<&str> = r.diagnostics.iter().map(|d| d.code).collect();
    for code in ["FM012", "TR001", "TR002"] {
        assert!(
            codes.contains(code),
            "template should report {code}: {codes:?}"
        );
    }
    let index = LineIndex::new(&text);
    let located = speclint::diagnostic::locate(
        &text,
        &index,
        &r.diagnostics,
        Some("template.md"),
        ColumnEncoding::Unicode,
    );
    insta::assert_snapshot!(
        "template",
        report::pretty("examples/template.md", &text, &index, &located, false)
    );
}
