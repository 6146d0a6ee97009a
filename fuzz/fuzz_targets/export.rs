//! Exports arbitrary text; the result always serializes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = speclint::Linter::default().export(text, None);
    let _ = serde_json::to_string(&doc).expect("export serializes");
});
