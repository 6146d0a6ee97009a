//! The command line grammar: what hosts run, and what they print instead.

use super::*;

fn ok(args: &[&str]) -> Invocation {
    match parse(args) {
        Ok(i) => i,
        Err(e) => panic!("{args:?}: {}", e.text),
    }
}

fn exit(args: &[&str]) -> Exit {
    match parse(args) {
        Ok(i) => panic!("{args:?} parsed as {i:?}"),
        Err(e) => e,
    }
}

#[test]
fn no_arguments_print_the_help_to_stderr_with_code_2() {
    let e = exit(&[]);
    assert_eq!((e.code, e.stdout), (2, false));
    assert!(e.text.starts_with("Validator, normalizer and exporter"));
    assert!(
        e.text
            .contains("\n  init       Derive a spec type file from a template document\n")
    );
}

#[test]
fn help_and_version_go_to_stdout_with_code_0() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let e = exit(args);
        assert_eq!((e.code, e.stdout), (0, true), "{args:?}");
        assert!(e.text.contains("Usage: speclint <COMMAND>"));
    }
    for args in [
        &["check", "--help"][..],
        &["help", "check"],
        &["check", "-q", "-h"],
        &["check", "--bogus-later", "-h"],
    ] {
        let e = exit(args);
        if args.contains(&"--bogus-later") {
            assert_eq!(e.code, 2, "an error before `-h` wins, as in clap");
            continue;
        }
        assert_eq!((e.code, e.stdout), (0, true), "{args:?}");
        assert!(e.text.starts_with("Check spec documents"), "{}", e.text);
        assert!(
            e.text
                .contains("\nUsage: speclint check [OPTIONS] [PATH]...\n")
        );
        assert!(e.text.contains("  -f, --format <FORMAT>"));
        let flat = e.text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("[default: pretty] [possible values: pretty, json, sarif, github]"));
    }
    let v = exit(&["check", "-V"]);
    assert_eq!(v.text, format!("speclint {}\n", env!("CARGO_PKG_VERSION")));
    assert_eq!(exit(&["--version"]).text, v.text);
}

#[test]
fn every_help_line_fits_100_columns() {
    let mut texts = vec![help::top(), help::of_help()];
    texts.extend(COMMANDS.iter().map(help::command));
    for t in texts {
        for line in t.lines() {
            assert!(line.chars().count() <= 100, "{line:?}");
            assert!(!line.ends_with(' '), "{line:?}");
        }
    }
}

#[test]
fn values_flags_clusters_and_defaults() {
    let i = ok(&[
        "check",
        "-qf",
        "json",
        "a.md",
        "--types",
        "x.yaml",
        "--types=y.yaml",
        "docs",
    ]);
    assert_eq!(i.command, "check");
    assert!(i.flag("quiet"));
    assert_eq!(i.value("format"), Some("json"));
    assert_eq!(i.value("color"), Some("auto"), "the default");
    assert_eq!(i.value("specType"), None);
    assert_eq!(i.values("types"), ["x.yaml", "y.yaml"]);
    assert_eq!(i.values("paths"), ["a.md", "docs"]);
    assert_eq!(ok(&["check", "-fjson"]).value("format"), Some("json"));
    assert_eq!(ok(&["check", "-f=sarif"]).value("format"), Some("sarif"));
    assert_eq!(
        ok(&["check", "--format=github"]).value("format"),
        Some("github")
    );
    assert_eq!(
        ok(&["check", "--", "--weird.md", "-q"]).values("paths"),
        ["--weird.md", "-q"]
    );
    assert_eq!(ok(&["fmt", "-"]).values("paths"), ["-"], "`-` is a path");
    assert_eq!(
        ok(&["schema", "database-schema"]).value("specType"),
        Some("database-schema")
    );
    let i = ok(&["init", "--from-template", "t.md", "-o", "out.yaml"]);
    assert_eq!(
        (i.value("fromTemplate"), i.value("output"), i.flag("force")),
        (Some("t.md"), Some("out.yaml"), false)
    );
}

#[test]
fn usage_errors_name_the_argument_and_show_the_usage() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["frob"],
            "error: unrecognized subcommand 'frob'\n\nUsage: speclint <COMMAND>\n",
        ),
        (&["chek"], "  tip: a similar subcommand exists: 'check'\n"),
        (&["help", "frob"], "error: unrecognized subcommand 'frob'"),
        (&["--frob"], "error: unexpected argument '--frob' found"),
        (
            &["check", "--bogus"],
            "  tip: to pass '--bogus' as a value, use '-- --bogus'\n",
        ),
        (
            &["check", "--formt", "json"],
            "  tip: a similar argument exists: '--format'\n",
        ),
        (&["check", "-x"], "error: unexpected argument '-x' found"),
        (
            &["check", "-f", "xml"],
            "error: invalid value 'xml' for '--format <FORMAT>'\n  [possible values: pretty, json, sarif, github]",
        ),
        (
            &["check", "-f", "jsn"],
            "  tip: a similar value exists: 'json'",
        ),
        (
            &["check", "--format"],
            "error: a value is required for '--format <FORMAT>' but none was supplied",
        ),
        (
            &["check", "--format", "-q"],
            "error: a value is required for '--format <FORMAT>'",
        ),
        (
            &["check", "--quiet=1"],
            "error: unexpected value '1' for '--quiet' found; no more were expected",
        ),
        (
            &["check", "-q", "-q"],
            "error: the argument '--quiet' cannot be used multiple times",
        ),
        (
            &["check", "-f", "json", "--format", "json"],
            "error: the argument '--format <FORMAT>' cannot be used multiple times",
        ),
        (
            &["fmt", "--check", "--write"],
            "error: the argument '--check' cannot be used with '--write'",
        ),
        (
            &["fmt", "--write", "--diff"],
            "error: the argument '--diff' cannot be used with '--write'",
        ),
        (
            &["export"],
            "error: the following required arguments were not provided:\n  <FILE>...\n\nUsage: speclint export [OPTIONS] <FILE>...\n",
        ),
        (&["schema"], "  <SPEC_TYPE>\n"),
        (
            &["schema", "a", "b"],
            "error: unexpected argument 'b' found",
        ),
        (
            &["rules", "extra"],
            "error: unexpected argument 'extra' found\n\nUsage: speclint rules [OPTIONS]\n",
        ),
        (
            &["init"],
            "  --from-template <TEMPLATE.md>\n\nUsage: speclint init [OPTIONS] --from-template <TEMPLATE.md>\n",
        ),
        (
            &["help", "check", "fmt"],
            "error: unexpected argument 'fmt' found",
        ),
    ];
    for (args, want) in cases {
        let e = exit(args);
        assert_eq!((e.code, e.stdout), (2, false), "{args:?}");
        assert!(e.text.contains(want), "{args:?}:\n{}", e.text);
        assert!(
            e.text.ends_with("For more information, try '--help'.\n"),
            "{args:?}"
        );
    }
}

#[test]
fn the_js_shape_is_keyed_by_id() {
    let i = ok(&["fmt", "--unsafe-fixes", "a.md"]);
    let v = serde_json::to_value(&i).unwrap();
    assert_eq!(v["command"], "fmt");
    assert_eq!(v["args"]["unsafeFixes"], true);
    assert_eq!(v["args"]["write"], false);
    assert_eq!(v["args"]["paths"], serde_json::json!(["a.md"]));
    assert_eq!(v["args"]["specType"], serde_json::Value::Null);
    assert_eq!(v["args"]["types"], serde_json::json!([]));
}

#[test]
fn the_grammar_is_consistent() {
    for c in COMMANDS {
        let mut longs: Vec<_> = c.args.iter().filter_map(|a| a.long).collect();
        longs.sort_unstable();
        longs.dedup();
        assert_eq!(
            longs.len(),
            c.args.iter().filter(|a| a.long.is_some()).count(),
            "{}: a long name twice",
            c.name
        );
        assert!(
            c.args.iter().filter(|a| a.is_positional()).count() <= 1,
            "{}",
            c.name
        );
        for a in c.args {
            assert!(!a.help.ends_with('.'), "{}: {}", c.name, a.id);
            for other in a.conflicts {
                assert!(c.args.iter().any(|b| b.id == *other), "{}: {other}", c.name);
            }
            assert!(
                a.default
                    .is_none_or(|d| a.values.is_empty() || a.values.contains(&d))
            );
        }
    }
}

proptest::proptest! {
    #[test]
    fn never_panics(args in proptest::collection::vec("(-{0,2}[a-zA-Z=-]{0,6}|check|fmt|help|--format|-qf|--)", 0..6)) {
        let _ = parse(&args);
    }
}

#[test]
fn arguments_in_messages_are_escaped() {
    for args in [
        &["\u{1b}[31mfrob"][..],
        &["check", "--\u{1b}]0;x\u{7}"],
        &["check", "-f", "\u{1b}[2J"],
        &["rules", "a\u{9b}b"],
    ] {
        let e = exit(args);
        assert!(
            !e.text
                .chars()
                .any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{9b}'),
            "{args:?}: {:?}",
            e.text
        );
    }
}
