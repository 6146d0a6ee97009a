//! Each resource limit at and just over its boundary: a clear diagnostic over
//! the limit, nothing at it (see `src/check/limits.rs` for the table).

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

/// The FM003 messages of a front matter (`spec_type` first, then `fm`).
fn yaml_errors(fm: &str) -> Vec<String> {
    let text = format!("---\nspec_type: database-schema\n{fm}---\n");
    validate(&text)
        .diagnostics
        .into_iter()
        .filter(|d| d.code == "FM003")
        .map(|d| d.message)
        .collect()
}

/// YAML nesting: 128 levels including the top-level mapping, so a value may
/// nest 127 collections (flow or block); one more is `FM003`.
#[test]
fn yaml_nesting_depth() {
    let flow = |n: usize| format!("x: {}1{}\n", "[".repeat(n), "]".repeat(n));
    let block = |n: usize| {
        let mut s: String = (0..n)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect();
        s.push_str(&format!("{}v: 1\n", "  ".repeat(n)));
        s
    };
    let over = vec!["invalid YAML: recursion limit exceeded".to_string()];
    let flow_over = vec![
        "invalid YAML: flow collections (`[`, `{`) are nested deeper than 128 levels".to_string(),
    ];
    assert_eq!(yaml_errors(&flow(127)), Vec::<String>::new());
    assert_eq!(yaml_errors(&flow(128)), flow_over);
    // `k0` .. `k126` hold mappings: 127 nested levels below the top.
    assert_eq!(yaml_errors(&block(127)), Vec::<String>::new());
    assert_eq!(yaml_errors(&block(128)), over);
}

/// Alias expansion: at most 100 alias replays per YAML event of the front
/// matter (serde_yaml's bound). Three levels of ten aliases each (1,110
/// replays) are fine; four levels (11,110) are `FM003`, as is the classic
/// billion-laughs bomb.
#[test]
fn yaml_alias_expansion() {
    let bomb = |levels: usize, fanout: usize| {
        let mut s = String::from("a0: &a0 [x]\n");
        for i in 1..=levels {
            let refs = vec![format!("*a{}", i - 1); fanout].join(", ");
            s.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        s
    };
    let over = vec!["invalid YAML: repetition limit exceeded".to_string()];
    assert_eq!(yaml_errors(&bomb(3, 10)), Vec::<String>::new());
    assert_eq!(yaml_errors(&bomb(4, 10)), over);
    assert_eq!(yaml_errors(&bomb(9, 9)), over);
}

/// Deeply nested flow collections (`title: [[[[…]]]]`) are refused by a
/// linear pre-scan before the YAML parser (whose scanner is quadratic in that
/// depth) sees them: at 10×, 100× and 1,000× the limit, the error points at
/// the first bracket over the limit, so the work done does not grow with the
/// depth. The time is measured by the `yaml_flow_depth` benchmark, never here.
#[test]
fn deep_flow_nesting_stops_at_the_limit() {
    for factor in [10, 100, 1000] {
        let depth = 128 * factor;
        let text = format!(
            "---\nspec_type: database-schema\ntitle: {}1{}\n---\n",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let r = validate(&text);
        let d = r
            .diagnostics
            .iter()
            .find(|d| d.code == "FM003")
            .expect("FM003");
        let first_bracket = text.find('[').unwrap();
        assert_eq!(d.span.start, first_bracket + 127, "factor {factor}");
        // The same pre-scan guards config and spec type files.
        let config = format!("rules: {}{}\n", "[".repeat(depth), "]".repeat(depth));
        let e = speclint::Config::from_yaml(&config).unwrap_err();
        assert!(e.message().contains("nested deeper than 128"), "{}", e);
    }
}

/// Spec types are bounded like inputs: a type of 100,000 sections is refused
/// when loaded (it took 91 s to check a 1,000-heading document), and a huge
/// key is quoted in a message only in part.
#[test]
fn spec_type_size_and_message_length() {
    let mut t = String::from("id: huge\nname: Huge\nsections:\n");
    for i in 0..100_000 {
        t.push_str(&format!("  - {{ id: s{i}, title: Section {i} }}\n"));
    }
    let e = speclint::SpecType::from_yaml(&t).unwrap_err();
    assert!(e.message.contains("limit"), "{}", e.message);
    let value = "k".repeat(200_000);
    let text = format!("---\nspec_type: database-schema\nstatus: {value}\n---\n# T\n");
    let r = validate(&text);
    assert!(r.diagnostics.iter().any(|d| d.code == "FM008"));
    for d in &r.diagnostics {
        assert!(
            d.message.chars().count() <= 501,
            "{} chars",
            d.message.len()
        );
    }
    let huge = "k".repeat(10_000_000);
    let e = speclint::Config::from_yaml(&format!("{huge}: 1\n")).unwrap_err();
    assert!(
        e.message().chars().count() <= 501,
        "{} chars",
        e.message().len()
    );
}
