//! The normalizer's guarantees, on snapshot cases, on every fixture and
//! example, and on generated documents:
//! idempotent, lossless, no new diagnostics, code blocks untouched, fixes converge.

mod common;

use common::{invariants, linter, md_files, root};

use std::collections::HashMap;
use std::fs;

use proptest::prelude::*;
use speclint::document::Document;
use speclint::normalize::{NormalizeOptions, Normalized};
use speclint::{Applicability, Linter};

fn code_blocks(s: &str) -> Vec<String> {
    let t = s
        .strip_prefix('\u{feff}')
        .unwrap_or(s)
        .replace("\r\n", "\n");
    let d = Document::parse(&t);
    d.code_blocks
        .iter()
        .map(|c| c.content.text(&t).to_string())
        .collect()
}

fn diag_keys(l: &Linter, s: &str) -> HashMap<(String, String), usize> {
    let mut m = HashMap::new();
    for d in l.check(s).diagnostics {
        *m.entry((d.code.to_string(), d.message)).or_insert(0) += 1;
    }
    m
}

/// Checks every guarantee for one input; returns the normalized result.
fn check_guarantees(l: &Linter, name: &str, input: &str, opts: &NormalizeOptions) -> Normalized {
    let once = l.normalize(input, opts);
    let twice = l.normalize(&once.text, opts);
    assert_eq!(twice.text, once.text, "{name}: not idempotent");
    assert!(
        twice.fixes.is_empty(),
        "{name}: fixes left after normalizing: {:?}",
        twice.fixes
    );

    // Lossless: every word of the input is in the output, except words that applied fixes replaced.
    let lost = invariants::lost_words(input, &once);
    assert!(
        lost.is_empty(),
        "{name}: lost words (word, have, expected) {lost:?}\n--- output\n{}",
        once.text
    );

    // Code blocks byte for byte (line endings aside), unless sections moved.
    if !opts.reorder_sections {
        assert_eq!(
            code_blocks(&once.text),
            code_blocks(input),
            "{name}: code blocks changed"
        );
    }

    // No diagnostic the input did not have. (Unsafe fixes may trade one for
    // another, e.g. deleting copied guidance can leave a section empty.)
    if !opts.insert_missing_sections && !opts.unsafe_fixes {
        let before = diag_keys(l, input);
        for (k, n) in diag_keys(l, &once.text) {
            let had = before.get(&k).copied().unwrap_or(0);
            assert!(
                n <= had,
                "{name}: new diagnostic {k:?}\n--- output\n{}",
                once.text
            );
        }
    }
    // Safe fixes only unless asked.
    if !opts.unsafe_fixes {
        assert!(
            once.fixes
                .iter()
                .all(|f| f.applicability == Applicability::Safe)
        );
    }
    once
}

#[test]
fn snapshot_cases_each_run_twice() {
    let l = linter();
    let mut files = Vec::new();
    md_files(&root().join("tests/fixtures/normalize"), &mut files);
    files.sort();
    assert!(files.len() >= 6);
    for f in files {
        let input = fs::read_to_string(&f).unwrap();
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        let out = check_guarantees(&l, &name, &input, &NormalizeOptions::default());
        let fixes: Vec<String> = out
            .fixes
            .iter()
            .map(|f| format!("{} {}", f.code, f.title))
            .collect();
        insta::assert_snapshot!(
            format!("normalize-{name}"),
            format!("{}\n--- fixes\n{}", out.text, fixes.join("\n"))
        );
    }
}

#[test]
fn every_fixture_and_example_keeps_the_guarantees() {
    let l = linter();
    let mut files = Vec::new();
    md_files(&root().join("tests/fixtures"), &mut files);
    md_files(&root().join("examples"), &mut files);
    files.sort();
    assert!(files.len() > 20);
    for f in files {
        let Ok(input) = fs::read_to_string(&f) else {
            continue;
        };
        check_guarantees(
            &l,
            &f.display().to_string(),
            &input,
            &NormalizeOptions::default(),
        );
        check_guarantees(
            &l,
            &format!("{} (unsafe fixes)", f.display()),
            &input,
            &NormalizeOptions {
                unsafe_fixes: true,
                ..Default::default()
            },
        );
    }
}

#[test]
fn valid_examples_are_already_normal() {
    let l = linter();
    for f in [
        "examples/valid/orders-db.md",
        "examples/valid/analytics-warehouse.md",
        "examples/adr/0001-use-postgres.md",
    ] {
        let input = fs::read_to_string(root().join(f)).unwrap();
        let out = l.normalize(&input, &NormalizeOptions::default());
        assert_eq!(out.text, input, "{f} is not in normal form");
    }
}

#[test]
fn unsafe_structure_passes() {
    let l = linter();
    let input = fs::read_to_string(root().join("examples/invalid/orders-db-defects.md")).unwrap();
    let opts = NormalizeOptions {
        reorder_sections: true,
        insert_missing_sections: true,
        unsafe_fixes: true,
        ..Default::default()
    };
    let out = check_guarantees(&l, "defects (reorder, insert)", &input, &opts);
    let codes: Vec<&str> = out.diagnostics.iter().map(|d| d.code).collect();
    assert!(
        !codes.contains(&"ST001"),
        "missing sections inserted: {codes:?}"
    );
    assert!(!codes.contains(&"ST002"), "sections reordered: {codes:?}");
    let scope = out.text.find("## Scope").unwrap();
    assert!(
        out.text.find("## Purpose").unwrap() < scope
            && scope < out.text.find("## Data Classification").unwrap()
    );
}

/// A generated spec document: front matter fields in any order, known and
/// unknown sections, tables, lists, code, and messy white space.
fn document() -> impl Strategy<Value = String> {
    let field = prop_oneof![
        Just("spec_type: database-schema".to_string()),
        Just("title: Generated".to_string()),
        Just("owner: team".to_string()),
        prop_oneof![
            Just("draft"),
            Just("Draft"),
            Just("approved"),
            Just("in-review")
        ]
        .prop_map(|s| format!("status: {s} # draft | approved")),
        prop_oneof![
            Just("2024-01-02"),
            Just("2024/1/2"),
            Just("January 2, 2024"),
            Just("2024-13-45")
        ]
        .prop_map(|s| format!("last_updated: {s}")),
        prop_oneof![
            Just("[web]"),
            Just("web"),
            Just("[web, tablet]"),
            Just("\n  - mobile")
        ]
        .prop_map(|s| format!("applicability: {s}")),
        Just("related_initiatives: []".to_string()),
        Just("# a comment".to_string()),
        "[a-z]{3,6}: [a-z ]{0,8}",
    ];
    let title = prop_oneof![
        Just("Purpose"),
        Just("Scope"),
        Just("Data classification and compliance"),
        Just("Schema Summary"),
        Just("Entity Inventory"),
        Just("Purpse"),
        Just("Overview"),
        Just("Extra Notes"),
        Just("References"),
    ];
    let block = prop_oneof![
        "[A-Za-z ,.日本😀]{1,40}".prop_map(|s| format!("{s}   \n")),
        Just("| a | b |\n|---|:-:|\n| 1 | 22 |\n| x |\n".to_string()),
        Just("```sql\nSELECT 1   \n\n\nFROM t\n```\n".to_string()),
        Just("- item  \n- `<code>` item\n".to_string()),
        Just("\n\n\n".to_string()),
        Just("### `orders`\n| Column | Type | Nullable | Default | Constraints |\n| --- | --- | --- | --- | --- |\n| id | uuid | no | - | PRIMARY KEY |\n".to_string()),
        Just("services â†’ tables\n".to_string()),
    ];
    let section = (
        title,
        proptest::collection::vec(block, 0..4),
        prop_oneof![Just("## "), Just("##  "), Just("### ")],
    )
        .prop_map(|(t, blocks, marks)| format!("{marks}{t}\n{}", blocks.concat()));
    (
        proptest::collection::vec(field, 0..9),
        proptest::collection::vec(section, 0..8),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(fields, sections, crlf, fm)| {
            let mut s = String::new();
            if fm {
                s.push_str("---\n");
                for f in fields {
                    s.push_str(&f);
                    s.push('\n');
                }
                s.push_str("---\n");
            }
            s.push_str(&sections.concat());
            if crlf { s.replace('\n', "\r\n") } else { s }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_documents_keep_the_guarantees(doc in document()) {
        check_guarantees(&linter(), "generated", &doc, &NormalizeOptions::default());
    }

    #[test]
    fn arbitrary_text_is_idempotent(s in "\\PC{0,300}") {
        let l = Linter::default();
        let once = l.normalize(&s, &NormalizeOptions::default());
        prop_assert_eq!(l.normalize(&once.text, &NormalizeOptions::default()).text, once.text);
    }
}
