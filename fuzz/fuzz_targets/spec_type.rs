//! Loads arbitrary text as a spec type definition and, when it loads, validates a document with it.
#![no_main]

use libfuzzer_sys::fuzz_target;

const DOC: &str = include_str!("../../examples/valid/orders-db.md");

fuzz_target!(|text: &str| {
    if let Ok(t) = speclint::SpecType::from_yaml(text) {
        let mut linter = speclint::Linter::default();
        let id = t.id.clone();
        linter.add_type(t);
        let _ = linter.check_with_type(DOC, Some(&id));
    }
});
