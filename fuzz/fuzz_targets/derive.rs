//! Derives a spec type from arbitrary text; a derived type is valid and loads back from YAML.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;
fuzz_target!(|text: &str| invariants::derive(text));
