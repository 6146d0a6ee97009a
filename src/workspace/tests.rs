//! The run policy without a file system: walks, selection, one parse per
//! document, cross-document findings, levels and exit codes.

use super::*;
use crate::config::Config;

const ORDERS: &str = include_str!("../../examples/valid/orders-db.md");

fn workspace(config: &Config) -> Workspace {
    Workspace::load(config, None, &[], None).unwrap()
}

#[test]
fn names_paths_and_order() {
    assert!(is_markdown("a.md") && is_markdown("A.MARKDOWN") && is_markdown("x.mdx"));
    assert!(!is_markdown(".md") && !is_markdown("md") && !is_markdown("a.txt"));
    assert_eq!(stem("docs/x.markdown"), "x");
    assert_eq!(stem("docs/x.mdx"), "x");
    assert_eq!(stem("x.md.bak"), "x.md.bak");
    assert_eq!(clean_path("./a//b/"), "a/b");
    assert_eq!(clean_path("/a/./b"), "/a/b");
    assert_eq!(clean_path("."), ".");
    assert_eq!(clean_path("a\\b.md"), "a/b.md");
    assert_eq!(clean_glob("./docs/*.md"), "docs/*.md");
    assert_eq!(clean_glob("\\*.md"), "\\*.md");
    let mut v = vec!["a-b.md", "a/b.md", "a/a.md"];
    v.sort_by(|a, b| compare_paths(a, b));
    assert_eq!(v, ["a/a.md", "a/b.md", "a-b.md"]);
}

#[test]
fn walks_skip_hidden_links_and_ignored_entries() {
    let mut w = Walk::default();
    assert_eq!(w.visit("/r", ".git", EntryKind::Dir), Visit::Skip);
    assert_eq!(w.visit("/r", ".draft.md", EntryKind::File), Visit::Skip);
    assert_eq!(w.visit("/r", "link.md", EntryKind::Symlink), Visit::Skip);
    assert_eq!(w.visit("/r", "fifo.md", EntryKind::Other), Visit::Skip);
    assert_eq!(w.visit("/r", "notes.txt", EntryKind::File), Visit::Skip);
    assert_eq!(w.visit("/r", "a.md", EntryKind::File), Visit::File);
    assert_eq!(w.visit("/r", "node_modules", EntryKind::Dir), Visit::Skip);
    assert_eq!(w.visit("/r", "docs", EntryKind::Dir), Visit::Enter);
    let m = w.enter("/r", &["build/\n*.tmp.md\n!keep.tmp.md\n/top.md\n"]);
    assert_eq!(w.visit("/r", "build", EntryKind::Dir), Visit::Skip);
    assert_eq!(w.visit("/r/docs", "build", EntryKind::Dir), Visit::Skip);
    assert_eq!(w.visit("/r", "build", EntryKind::File), Visit::Skip); // not Markdown anyway
    assert_eq!(w.visit("/r/docs", "x.tmp.md", EntryKind::File), Visit::Skip);
    assert_eq!(
        w.visit("/r/docs", "keep.tmp.md", EntryKind::File),
        Visit::File
    );
    assert_eq!(w.visit("/r", "top.md", EntryKind::File), Visit::Skip);
    assert_eq!(w.visit("/r/docs", "top.md", EntryKind::File), Visit::File);
    // A nested ignore file applies below its folder and re-includes.
    let inner = w.enter("/r/docs", &["!*.tmp.md\nold/\n"]);
    assert_eq!(w.visit("/r/docs", "x.tmp.md", EntryKind::File), Visit::File);
    assert_eq!(w.visit("/r/docs", "old", EntryKind::Dir), Visit::Skip);
    assert_eq!(w.visit("/r", "old", EntryKind::Dir), Visit::Enter);
    w.leave(inner);
    assert_eq!(w.visit("/r/docs", "x.tmp.md", EntryKind::File), Visit::Skip);
    w.leave(m);
    assert_eq!(w.visit("/r", "build", EntryKind::Dir), Visit::Enter);
    // Pathological patterns stay linear (a backtracking matcher takes minutes).
    let mut w = Walk::default();
    w.enter(".", &["*a*a*a*a*a*a*a*a*b\n"]);
    let name = format!("{}.md", "a".repeat(60));
    assert_eq!(w.visit(".", &name, EntryKind::File), Visit::File);
}

#[test]
fn include_exclude_and_named_files() {
    let config = Config {
        include: vec!["specs/**".into()],
        exclude: vec!["specs/drafts/**".into()],
        ..Config::default()
    };
    let ws = workspace(&config);
    let sel = |p, named| ws.select(p, named);
    assert_eq!(
        sel("specs/a.md", false),
        Some(Selected {
            named: false,
            included: true
        })
    );
    assert_eq!(
        sel("./specs/a.md", false),
        Some(Selected {
            named: false,
            included: true
        })
    );
    assert_eq!(sel("specs/drafts/a.md", false), None);
    assert_eq!(sel("notes/a.md", false), None);
    // Named: always, whatever the globs say.
    assert_eq!(
        sel("specs/drafts/a.md", true),
        Some(Selected {
            named: true,
            included: true
        })
    );
    assert_eq!(
        sel("notes/a.md", true),
        Some(Selected {
            named: true,
            included: false
        })
    );
    let bad = Config {
        exclude: vec!["a/{b".into()],
        ..Config::default()
    };
    let e = Workspace::load(&bad, Some("speclint.yaml"), &[], None).unwrap_err();
    assert!(e.starts_with("config: `exclude`: "), "{e}");
    let bad_refs: Config = serde_yaml::from_str("references:\n  specs: ['a/[b']\n").unwrap();
    let e = Workspace::load(&bad_refs, None, &[], None).unwrap_err();
    assert!(e.starts_with("config: `references.specs`: "), "{e}");
    assert!(Workspace::load(&config, None, &[], Some("nope")).is_err());
}

#[test]
fn a_run_checks_documents_once_and_adds_cross_document_findings() {
    let config = Config {
        references: crate::config::References {
            initiatives: vec!["initiatives/*.md".into()],
            specs: vec!["**/*.md".into()],
        },
        ..Config::default()
    };
    let ws = workspace(&config);
    let walked = Selected {
        named: false,
        included: false,
    };
    let mut run = ws.run();
    assert!(run.add(&ws, "b/orders.md", "b/orders.md", ORDERS.as_bytes(), walked));
    assert!(run.add(&ws, "a/orders.md", "a/orders.md", ORDERS.as_bytes(), walked));
    assert!(!run.add(&ws, "a/readme.md", "a/readme.md", b"# Notes\n", walked));
    run.unreadable(
        &ws,
        "z/locked.md",
        Some("z/locked.md"),
        "cannot read `z/locked.md`: Permission denied",
    );
    let initiatives = vec!["initiatives/checkout-v2.markdown".to_string()];
    let specs = vec!["a/orders.md".to_string(), "b/orders.md".to_string()];
    let out = run.finish(&ws, Some(&initiatives), Some(&specs));
    let paths: Vec<&str> = out.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["a/orders.md", "b/orders.md", "z/locked.md"]);
    assert_eq!(out.skipped, 1);
    assert_eq!(out.exit_code, 2);
    let codes = |i: usize| -> Vec<&str> {
        out.files[i]
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect()
    };
    // The first document in path order keeps its title and entities (whatever
    // the order of `add`); the second gets the findings.
    assert!(codes(1).contains(&"XD001"), "{:?}", codes(1));
    assert!(!codes(0).contains(&"XD001"));
    // `checkout-v2` is known through a `.markdown` file; the others are not.
    let xd003: Vec<&str> = out.files[0]
        .diagnostics
        .iter()
        .filter(|d| d.code == "XD003")
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        !xd003.iter().any(|m| m.contains("`checkout-v2`")),
        "{xd003:?}"
    );
    assert!(
        xd003.iter().any(|m| m.contains("`payments-consolidation`")),
        "{xd003:?}"
    );
    let related = out.files[1]
        .diagnostics
        .iter()
        .find(|d| d.code == "XD001")
        .unwrap();
    assert_eq!(related.related[0].path.as_deref(), Some("a/orders.md"));
    assert_eq!(related.related[0].line, 3);
    assert_eq!(codes(2), ["IO002"]);
    let json = out.render(Format::Json, false, false);
    assert!(json.contains("\"XD001\""));
}

#[test]
fn every_cross_document_and_input_code_follows_the_config() {
    let config: Config = serde_yaml::from_str(
        "rules:\n  XD001: off\n  XD002: warning\n  IO002: warning\noverrides:\n  - files: ['b/**']\n    rules:\n      XD002: off\n",
    )
    .unwrap();
    let ws = workspace(&config);
    let walked = Selected {
        named: false,
        included: false,
    };
    let mut run = ws.run();
    run.add(&ws, "a/x.md", "a/x.md", ORDERS.as_bytes(), walked);
    run.add(&ws, "a/y.md", "a/y.md", ORDERS.as_bytes(), walked);
    run.add(&ws, "b/z.md", "b/z.md", ORDERS.as_bytes(), walked);
    run.unreadable(&ws, "c/locked.md", Some("c/locked.md"), "cannot read");
    let out = run.finish(&ws, None, None);
    let all: Vec<(&str, &str, Severity)> = out
        .files
        .iter()
        .flat_map(|f| {
            f.diagnostics
                .iter()
                .map(move |d| (f.path.as_str(), d.code.as_str(), d.severity))
        })
        .collect();
    assert!(!all.iter().any(|(_, c, _)| *c == "XD001"));
    assert!(
        all.iter()
            .any(|(p, c, s)| *p == "a/y.md" && *c == "XD002" && *s == Severity::Warning)
    );
    assert!(!all.iter().any(|(p, c, _)| *p == "b/z.md" && *c == "XD002"));
    assert!(all.contains(&("c/locked.md", "IO002", Severity::Warning)));
    // An unreadable file at warning does not make the run fail with 2.
    assert_eq!(out.exit_code, 0);
}

#[test]
fn inline_suppressions_cover_cross_document_findings() {
    let ws = workspace(&Config::default());
    let walked = Selected {
        named: false,
        included: false,
    };
    let quiet = ORDERS.replacen(
        "# Orders Service Database Schema",
        "<!-- speclint-disable-file XD001 XD002 -->\n# Orders Service Database Schema",
        1,
    );
    let mut run = ws.run();
    run.add(&ws, "a.md", "a.md", ORDERS.as_bytes(), walked);
    run.add(&ws, "b.md", "b.md", quiet.as_bytes(), walked);
    let out = run.finish(&ws, None, None);
    let b: Vec<&str> = out.files[1]
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert!(!b.contains(&"XD001") && !b.contains(&"XD002"), "{b:?}");
}

#[test]
fn command_line_globs_are_made_relative_to_the_config_folder() {
    use super::rebase_glob;
    assert_eq!(rebase_glob("t/*.md", "/r", "/r"), "t/*.md");
    assert_eq!(rebase_glob("*.md", "/r", "/r"), "/*.md");
    assert_eq!(rebase_glob("../t/*.md", "/r/docs", "/r"), "t/*.md");
    assert_eq!(rebase_glob("./t/*.md", "/r/docs", "/r"), "docs/t/*.md");
    assert_eq!(rebase_glob("sub/t/*.md", "/r", "/r/sub"), "t/*.md");
    assert_eq!(rebase_glob("/r/t/*.md", "/elsewhere", "/r"), "t/*.md");
    assert_eq!(rebase_glob("/r/*.md", "/r", "/r"), "/*.md");
    assert_eq!(rebase_glob("t/*.md", "/a", "/b"), "t/*.md");
}
