//! No input makes the core panic, and hostile inputs get diagnostics, not hangs.
//! (Times are measured by `cargo bench`, never asserted here.)

mod common;

use proptest::prelude::*;
use speclint::{Linter, Severity, validate};

use common::{invariants, root};

const ORDERS: &str = include_str!("../examples/valid/orders-db.md");
const TEMPLATE: &str = include_str!("../examples/template.md");

fn codes(text: &str) -> Vec<&'static str> {
    validate(text).diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn degenerate_documents() {
    for text in [
        "",
        "\u{feff}",
        "---",
        "---\n",
        "---\n---\n",
        "---\n...\n",
        "---\r\n---\r\n",
        "\n\n\n",
        "# only a title",
        "---\nspec_type: database-schema\n---\n",
        "---\nspec_type: database-schema\n",
        "---\n- a\n- b\n---\n",
        "---\n: :\n---\n",
        "---\n'unclosed\n---\n",
        "---\nspec_type: [database-schema]\n---\n",
        "| a |\n|---|\n| b | c |\n",
        "```\nunclosed code",
        "###### \n## \n#",
        "\u{0}\u{1}\u{7f}",
    ] {
        let _ = validate(text);
    }
    assert!(codes("").contains(&"FM001"));
    assert!(codes("---\nspec_type: database-schema\n").contains(&"FM002"));
}

#[test]
fn only_front_matter_is_validated() {
    let fm_end = ORDERS[4..].find("\n---\n").unwrap() + 9;
    let r = validate(&ORDERS[..fm_end]);
    assert!(r.diagnostics.iter().any(|d| d.code == "ST001"));
}

#[test]
fn five_megabyte_document() {
    let mut text = ORDERS.to_string();
    let filler = "Lorem ipsum dolor sit amet, `code` and **bold** text with a [link](https://example.com).\n\n";
    while text.len() < 5 * 1024 * 1024 {
        text.push_str(filler);
    }
    let r = validate(&text);
    assert_eq!(r.spec_type.as_deref(), Some("database-schema"));
}

#[test]
fn ten_thousand_headings() {
    let mut text = String::from("---\nspec_type: database-schema\n---\n");
    for i in 0..10_000 {
        text.push_str(&format!("## Heading {i}\n\ntext\n\n"));
    }
    let r = validate(&text);
    assert!(r.diagnostics.iter().any(|d| d.code == "ST001"));
}

#[test]
fn deep_yaml_nesting_is_a_diagnostic() {
    let deep = format!(
        "---\nspec_type: database-schema\nx: {}{}\n---\n",
        "[".repeat(1000),
        "]".repeat(1000)
    );
    let r = validate(&deep);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "FM003")
        .expect("FM003 for 1000-deep nesting");
    assert!(
        d.message.contains("nested deeper than 128"),
        "{}",
        d.message
    );
    let mut block = String::from("---\nspec_type: database-schema\n");
    for i in 0..1000 {
        block.push_str(&format!("{}k{i}:\n", " ".repeat(i)));
    }
    block.push_str("---\n");
    assert!(codes(&block).contains(&"FM003"));
}

#[test]
fn alias_bomb_is_a_diagnostic() {
    let mut text = String::from(
        "---\nspec_type: database-schema\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let refs = vec![format!("*{}", w[0]); 9].join(",");
        text.push_str(&format!("{}: &{} [{refs}]\n", w[1], w[1]));
    }
    text.push_str("---\n");
    let r = validate(&text);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "FM003")
        .expect("FM003 for an alias bomb");
    assert!(d.message.contains("repetition limit"), "{}", d.message);
}

#[test]
fn input_size_limit() {
    let text = "a".repeat(16 * 1024 * 1024 + 1);
    let r = validate(&text);
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!(r.diagnostics[0].code, "LM001");
    assert_eq!(r.diagnostics[0].severity, Severity::Error);
}

fn check_spans(text: &str) {
    let r = Linter::default().check(text);
    for d in &r.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{d:?}"
        );
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{d:?}"
        );
        if let Some(f) = &d.fix {
            for e in &f.edits {
                assert!(
                    e.span.end <= text.len()
                        && text.is_char_boundary(e.span.start)
                        && text.is_char_boundary(e.span.end)
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC*") {
        check_spans(&s);
    }

    #[test]
    fn markdownish_strings_never_panic(s in "(---\n|[a-z_]{1,8}: [^\n]{0,12}\n|## [A-Za-z &]{0,20}\n|\\| [a-z ]{0,5} \\|[a-z| ]{0,9}\n|```[a-z]{0,7}\n|- [^\n]{0,10}\n|\r\n|\u{feff}|<[a-z_]{0,6}>|[^\n]{0,10}\n){0,40}") {
        check_spans(&s);
    }

    #[test]
    fn mutated_examples_never_panic(cut in 0usize..20_000, len in 0usize..400, insert in "\\PC{0,20}", which in 0usize..2) {
        let base = if which == 0 { ORDERS } else { TEMPLATE };
        let mut start = cut.min(base.len());
        while !base.is_char_boundary(start) { start -= 1; }
        let mut end = (start + len).min(base.len());
        while !base.is_char_boundary(end) { end -= 1; }
        let text = format!("{}{}{}", &base[..start], insert, &base[end..]);
        check_spans(&text);
    }
}

/// The fuzz targets' invariants on the committed seeds and on every crash
/// reproducer in `fuzz/regressions/<target>/` (file names say what crashed;
/// see TESTING.md, "Fuzzing"): a crash found once stays fixed.
#[test]
fn fuzz_seeds_and_regressions_keep_the_invariants() {
    let linter = Linter::default();
    let mut ran = 0;
    for dir in ["fuzz/seeds", "fuzz/regressions"] {
        for target in ["validate", "normalize", "export", "derive", "spec_type"] {
            let Ok(entries) = std::fs::read_dir(root().join(dir).join(target)) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                if path
                    .extension()
                    .is_some_and(|e| e == "txt" && path.ends_with("README.txt"))
                {
                    continue;
                }
                let bytes = std::fs::read(&path).unwrap();
                let text = String::from_utf8_lossy(&bytes);
                let run = || match target {
                    "validate" => invariants::validate(&linter, &bytes),
                    "normalize" => invariants::normalize(&linter, &text),
                    "export" => invariants::export(&linter, &text),
                    "derive" => invariants::derive(&text),
                    _ => invariants::spec_type(&text, ORDERS),
                };
                if std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).is_err() {
                    panic!("{target} invariant broken by {}", path.display());
                }
                ran += 1;
            }
        }
    }
    assert!(ran >= 20, "only {ran} seeds found");
}
