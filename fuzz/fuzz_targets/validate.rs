//! Validates arbitrary text; every span and fix edit must be valid for it.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

/// Built once: loading the built-in spec type costs more than most inputs.
static LINTER: LazyLock<speclint::Linter> = LazyLock::new(speclint::Linter::default);

fuzz_target!(|data: &[u8]| {
    let linter = &*LINTER;
    let (text, report) = linter.check_bytes(data, None);
    for d in &report.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            assert!(e.span.end <= text.len() && text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        }
    }
});
