//! The precision corpus (`tests/corpus/`): complete, correct database schema
//! specs written independently from the template, in the conventions of
//! different teams and engines, and a defective twin of each with a manifest
//! of its defects' lines (`<name>.defects.yaml`).
//!
//! - Every valid spec (and every file of `examples/valid/`) has **zero
//!   errors**: an error means speclint is certain, and these are correct.
//! - Every defect of a twin is **found on its line** (a warning or an error).
//! - Every diagnostic of a valid spec is listed, so a new warning shows up in
//!   review (`tests/snapshots/corpus__valid-findings.snap`).

mod common;

use std::collections::BTreeMap;
use std::fs;

use common::{linter, md_files, root};
use speclint::{LineIndex, Severity};

#[derive(serde::Deserialize)]
struct Manifest {
    defects: Vec<Defect>,
}

#[derive(serde::Deserialize)]
struct Defect {
    line: usize,
    kind: String,
    #[serde(default)]
    description: String,
}

fn read(path: &std::path::Path) -> String {
    // Byte-exact: BOM and CRLF files stay as written.
    let bytes = fs::read(path).unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn valid_specs_have_no_errors() {
    let mut files = Vec::new();
    md_files(&root().join("tests/corpus/valid"), &mut files);
    let corpus = files.len();
    assert!(corpus >= 30, "only {corpus} valid corpus specs");
    md_files(&root().join("examples/valid"), &mut files);
    let linter = linter();
    let mut failures = Vec::new();
    for f in &files {
        let text = read(f);
        let report = linter.check(&text);
        assert!(
            report.spec_type.as_deref() == Some("database-schema"),
            "{}: not checked as a database schema",
            f.display()
        );
        let index = LineIndex::new(&text);
        for d in report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            failures.push(format!(
                "{}:{}: {} {}",
                f.strip_prefix(root()).unwrap().display(),
                index.line_number(d.span.start),
                d.code,
                d.message
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "false errors:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_defect_is_found_on_its_line() {
    let mut files = Vec::new();
    md_files(&root().join("tests/corpus/invalid"), &mut files);
    let linter = linter();
    let mut defects = 0;
    let mut missed = Vec::new();
    for f in &files {
        let manifest = f.with_extension("defects.yaml");
        let m: Manifest = serde_yaml::from_str(&fs::read_to_string(&manifest).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", manifest.display()));
        assert!(!m.defects.is_empty(), "{}: no defects", manifest.display());
        let text = read(f);
        let report = linter.check(&text);
        let index = LineIndex::new(&text);
        let lines: Vec<usize> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .map(|d| index.line_number(d.span.start))
            .collect();
        for d in &m.defects {
            defects += 1;
            if !lines.contains(&d.line) {
                missed.push(format!(
                    "{}:{} {}: {}",
                    f.strip_prefix(root()).unwrap().display(),
                    d.line,
                    d.kind,
                    d.description
                ));
            }
        }
    }
    assert!(defects >= 40, "only {defects} defects");
    assert!(
        missed.is_empty(),
        "defects not found on their line:\n{}",
        missed.join("\n")
    );
}

/// What speclint says about the valid specs, by code: reviewed in the snapshot.
#[test]
fn valid_findings_snapshot() {
    let mut files = Vec::new();
    md_files(&root().join("tests/corpus/valid"), &mut files);
    files.sort();
    let linter = linter();
    let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
    let mut listing = String::new();
    for f in &files {
        let text = read(f);
        let report = linter.check(&text);
        let index = LineIndex::new(&text);
        for d in report
            .diagnostics
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
        {
            *by_code.entry(d.code.to_string()).or_default() += 1;
            listing.push_str(&format!(
                "{}:{} {} {}\n",
                f.file_name().unwrap().to_string_lossy(),
                index.line_number(d.span.start),
                d.code,
                d.message
            ));
        }
    }
    let summary: String = by_code.iter().map(|(c, n)| format!("{c}: {n}\n")).collect();
    insta::assert_snapshot!("valid-findings", format!("{summary}\n{listing}"));
}
