//! Exports arbitrary text; the result always serializes.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

/// Built once: loading the built-in spec type costs more than most inputs.
static LINTER: LazyLock<speclint::Linter> = LazyLock::new(speclint::Linter::default);

fuzz_target!(|text: &str| {
    let doc = LINTER.export(text, None);
    let _ = serde_json::to_string(&doc).expect("export serializes");
});
