//! Each resource limit at and just over its boundary: a clear diagnostic over
//! the limit, nothing at it (see `src/limits.rs` for the table).

use speclint::limits::Limits;
use speclint::validate;

fn codes(text: &str) -> Vec<&'static str> {
    validate(text).diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn input_size() {
    let max = Limits::default().max_input_bytes;
    let at = "x".repeat(max);
    assert!(!codes(&at).contains(&"LM001"));
    let over = "x".repeat(max + 1);
    let r = validate(&over);
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!(r.diagnostics[0].code, "LM001");
    assert_eq!(
        r.diagnostics[0].message,
        format!(
            "the document is {} bytes; the limit is {max} bytes",
            max + 1
        )
    );
}

#[test]
fn front_matter_size() {
    let max = Limits::default().max_front_matter_bytes;
    let doc = |n: usize| {
        // `spec_type: database-schema\n` + a comment padding the YAML to n bytes.
        let head = "spec_type: database-schema\n";
        let pad = n - head.len() - 3;
        format!("---\n{head}# {}\n---\n", "p".repeat(pad))
    };
    assert!(!codes(&doc(max)).contains(&"LM002"));
    assert!(codes(&doc(max + 1)).contains(&"LM002"));
}

#[test]
fn headings() {
    let max = Limits::default().max_headings;
    let doc = |n: usize| "## h\n".repeat(n);
    assert!(!codes(&doc(max)).contains(&"LM003"));
    let over = validate(&doc(max + 1));
    let d = over
        .diagnostics
        .iter()
        .find(|d| d.code == "LM003")
        .expect("LM003");
    assert_eq!(
        d.message,
        format!("the document has {} headings; the limit is {max}", max + 1)
    );
}

#[test]
fn table_width() {
    let max = Limits::default().max_table_columns;
    let table = |n: usize| format!("|{}\n|{}\n", " a |".repeat(n), " - |".repeat(n));
    assert!(!codes(&table(max)).contains(&"LM004"));
    assert!(codes(&table(max + 1)).contains(&"LM004"));
}
