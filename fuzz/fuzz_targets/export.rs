//! Exports arbitrary text; the result always serializes.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;
/// Built once: loading the built-in spec type costs more than most inputs.
static LINTER: LazyLock<speclint::Linter> = LazyLock::new(speclint::Linter::default);

fuzz_target!(|text: &str| invariants::export(&LINTER, text));
