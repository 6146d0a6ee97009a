//! The invariants the fuzz targets assert, one function per target.
//!
//! Shared by `fuzz/fuzz_targets/*.rs` (included with `#[path]`) and
//! `tests/robustness.rs`, which runs them on the committed seeds and on every
//! crash reproducer in `fuzz/regressions/<target>/`, so that a crash found by
//! fuzzing stays fixed in `cargo test`. Each function panics, with a message
//! saying which invariant broke, exactly when the fuzz target would.
#![allow(dead_code)] // each fuzz target uses one function

use std::collections::HashMap;

use speclint::Linter;
use speclint::normalize::{NormalizeOptions, Normalized};

/// `validate`: every diagnostic span and fix edit lies inside the (lossily
/// decoded) text, on char boundaries.
pub fn validate(linter: &Linter, data: &[u8]) {
    let (text, report) = linter.check_bytes(data, None);
    let fits = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    for d in &report.diagnostics {
        assert!(
            fits(d.span.start, d.span.end),
            "{} span {:?} does not fit",
            d.code,
            d.span
        );
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            assert!(
                fits(e.span.start, e.span.end),
                "{} fix edit {:?} does not fit",
                d.code,
                e.span
            );
        }
    }
}

/// The words of `s` (after mojibake repair), case-folded, counted.
fn words(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    let repaired = speclint::text::repair_mojibake(s);
    for w in repaired
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// `normalize`: idempotent, and no word of the input is lost except words
/// that applied fixes replaced.
pub fn normalize(linter: &Linter, text: &str) {
    let opts = NormalizeOptions::default();
    let once = linter.normalize(text, &opts);
    let twice = linter.normalize(&once.text, &opts);
    assert_eq!(twice.text, once.text, "not idempotent");
    if let Some((w, have, n)) = lost_words(text, &once).first() {
        panic!("lost word `{w}` ({have} of {n})");
    }
}

/// The words of `input` missing from its normalized text `out` (word, count
/// in the output, count expected), not counting words that applied fixes
/// replaced. Empty when normalizing lost nothing.
pub fn lost_words(input: &str, out: &Normalized) -> Vec<(String, usize, usize)> {
    let mut expected = words(input);
    for f in &out.fixes {
        for r in &f.removed {
            for (w, n) in words(r) {
                if let Some(c) = expected.get_mut(&w) {
                    *c = c.saturating_sub(n);
                }
            }
        }
    }
    let got = words(&out.text);
    let mut lost: Vec<_> = expected
        .into_iter()
        .filter_map(|(w, n)| {
            let have = got.get(&w).copied().unwrap_or(0);
            (have < n).then_some((w, have, n))
        })
        .collect();
    lost.sort();
    lost
}

/// `export`: the exported document always serializes to JSON.
pub fn export(linter: &Linter, text: &str) {
    let doc = linter.export(text, None);
    serde_json::to_string(&doc).expect("export serializes");
}

/// `derive`: a spec type derived from a template serializes to YAML and loads back equal.
pub fn derive(text: &str) {
    if let Ok(t) = speclint::derive::derive_spec_type(text) {
        let yaml = speclint::yaml::to_string(&t).expect("serializes");
        assert_eq!(speclint::SpecType::from_yaml(&yaml).expect("loads back"), t);
    }
}

/// `spec_type`: a type definition loads or fails with an error; a loaded one
/// validates `doc` without panicking.
pub fn spec_type(text: &str, doc: &str) {
    if let Ok(t) = speclint::SpecType::from_yaml(text) {
        let mut linter = Linter::default();
        let id = t.id.clone();
        linter.add_type(t);
        let _ = linter.check_with_type(doc, Some(&id));
    }
}
