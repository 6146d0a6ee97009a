//! Derives a spec type from arbitrary text; a derived type is valid and loads back from YAML.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(t) = speclint::derive::derive_spec_type(text) {
        let yaml = speclint::yaml::to_string(&t).expect("serializes");
        assert_eq!(speclint::SpecType::from_yaml(&yaml).expect("loads back"), t);
    }
});
