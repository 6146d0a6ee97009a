//! Normalizes arbitrary text: idempotent, and no word of the input is lost
//! except words that applied fixes replaced.
#![no_main]

use std::collections::HashMap;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use speclint::normalize::NormalizeOptions;

/// Built once: loading the built-in spec type costs more than most inputs.
static LINTER: LazyLock<speclint::Linter> = LazyLock::new(speclint::Linter::default);

fn words(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    let repaired = speclint::text::repair_mojibake(s);
    for w in repaired.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

fuzz_target!(|text: &str| {
    let linter = &*LINTER;
    let opts = NormalizeOptions::default();
    let once = linter.normalize(text, &opts);
    let twice = linter.normalize(&once.text, &opts);
    assert_eq!(twice.text, once.text, "not idempotent");
    let mut expected = words(text);
    for f in &once.fixes {
        for r in &f.removed {
            for (w, n) in words(r) {
                if let Some(c) = expected.get_mut(&w) {
                    *c = c.saturating_sub(n);
                }
            }
        }
    }
    let got = words(&once.text);
    for (w, n) in expected {
        assert!(got.get(&w).copied().unwrap_or(0) >= n, "lost word `{w}`");
    }
});
