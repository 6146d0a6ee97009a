//! Validates arbitrary bytes; every span and fix edit must be valid for the text.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;
/// Built once: loading the built-in spec type costs more than most inputs.
static LINTER: LazyLock<speclint::Linter> = LazyLock::new(speclint::Linter::default);

fuzz_target!(|data: &[u8]| invariants::validate(&LINTER, data));
