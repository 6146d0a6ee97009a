//! Loads arbitrary text as a spec type definition and, when it loads, validates a document with it.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;
const DOC: &str = include_str!("../../examples/valid/orders-db.md");

fuzz_target!(|text: &str| invariants::spec_type(text, DOC));
