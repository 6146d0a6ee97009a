//! One registry and one diagnostic path (issue "One core, thin hosts"):
//! every rule file is registered, and every code of docs/rules.md (rules,
//! cross-document `XD`, limits `LM`, input `IO`, suppressions `IS`) obeys a
//! configured level, through the core's run policy as every host runs it.

use std::collections::BTreeSet;
use std::path::Path;

use speclint::Config;
use speclint::rules::RULES;
use speclint::workspace::{Selected, Workspace};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `code: "XX000"` of a rule file, if it declares one.
fn declared_code(text: &str) -> Option<String> {
    let i = text.find("code: \"")? + 7;
    Some(text[i..].split('"').next()?.to_string())
}

#[test]
fn every_rule_file_is_registered() {
    let registered: BTreeSet<&str> = RULES.iter().map(|r| r.meta.code).collect();
    let mut files = 0;
    let mut unregistered = Vec::new();
    for group in std::fs::read_dir(root().join("src/check/rules")).unwrap() {
        let group = group.unwrap().path();
        if !group.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&group).unwrap() {
            let f = f.unwrap().path();
            if f.file_name().is_some_and(|n| n == "mod.rs")
                || f.extension().is_none_or(|e| e != "rs")
            {
                continue;
            }
            files += 1;
            let text = std::fs::read_to_string(&f).unwrap();
            match declared_code(&text) {
                Some(code) if registered.contains(code.as_str()) => {}
                other => unregistered.push(format!("{} ({other:?})", f.display())),
            }
        }
    }
    assert!(files >= 30, "only {files} rule files found");
    assert!(
        unregistered.is_empty(),
        "rule files not in the registry: {unregistered:?}"
    );
    assert_eq!(files, RULES.len(), "one file per registered rule");
}

fn is_code(c: &str) -> bool {
    c.len() == 5
        && c[..2].chars().all(|c| c.is_ascii_uppercase())
        && c[2..].chars().all(|c| c.is_ascii_digit())
}

/// Every code documented in docs/rules.md: the rules' `## FM001` headings
/// and the rows of "Diagnostics outside the rules" (`` | `LM001` | ``).
fn documented_codes() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("docs/rules.md")).unwrap();
    let headings = text
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .map(str::trim);
    let rows = text
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next());
    let mut codes: Vec<String> = headings
        .chain(rows)
        .filter(|c| is_code(c))
        .map(str::to_string)
        .collect();
    codes.dedup();
    codes
}

/// Runs a tree of documents that sets off as many codes as it can: every
/// invalid rule fixture, a document that is not UTF-8, one over the input
/// limit, one with 50,001 headings, duplicates across documents, unresolved
/// references, an unreadable file and suppressions that suppress nothing.
fn run(config: &Config) -> Vec<(String, String)> {
    let ws = Workspace::load(config, None, &[], None).unwrap();
    let mut run = ws.run();
    let named = Selected {
        named: true,
        included: true,
    };
    let mut docs: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in walkdir(&root().join("tests/fixtures/rules")) {
        if entry.to_string_lossy().contains("/invalid/") {
            docs.push((entry.display().to_string(), std::fs::read(&entry).unwrap()));
        }
    }
    let orders = std::fs::read_to_string(root().join("examples/valid/orders-db.md")).unwrap();
    let mut latin1 = orders.clone().into_bytes();
    latin1.extend_from_slice(b"\nCaf\xe9\n");
    docs.push(("latin1.md".into(), latin1));
    docs.push(("copy-a.md".into(), orders.clone().into_bytes()));
    docs.push((
        "copy-b.md".into(),
        orders
            .replace(
                "## References\n",
                "## References\n\n- [gone](gone.md)\n\n<!-- speclint-disable-next-line DB002 -->\n",
            )
            .into_bytes(),
    ));
    docs.push(("huge.md".into(), vec![b'x'; 17 * 1024 * 1024]));
    docs.push(("headings.md".into(), "# h\n".repeat(50_001).into_bytes()));
    docs.push((
        "wide.md".into(),
        format!("{}\n{}\n", "|a".repeat(600) + "|", "|-".repeat(600) + "|").into_bytes(),
    ));
    docs.push((
        "front-matter.md".into(),
        format!(
            "---\nspec_type: database-schema\nnotes: \"{}\"\n---\n# T\n",
            "x".repeat(300 * 1024)
        )
        .into_bytes(),
    ));
    for (path, bytes) in &docs {
        run.add(&ws, path, path, bytes, named);
    }
    run.unreadable(
        &ws,
        "locked.md",
        Some("locked.md"),
        "cannot read `locked.md`: Permission denied",
    );
    let known = vec!["copy-a.md".to_string()];
    let out = run.finish(&ws, Some(&known), Some(&known));
    out.files
        .iter()
        .flat_map(|f| {
            f.diagnostics
                .iter()
                .map(move |d| (d.code.clone(), f.path.clone()))
        })
        .collect()
}

fn walkdir(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "md") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_documented_code_can_be_turned_off() {
    let codes = documented_codes();
    assert!(
        codes.len() >= 50,
        "docs/rules.md lists {} codes",
        codes.len()
    );
    let all: BTreeSet<String> = speclint::rules::all()
        .iter()
        .map(|m| m.code.to_string())
        .collect();
    assert_eq!(
        codes.iter().cloned().collect::<BTreeSet<_>>(),
        all,
        "docs/rules.md documents every code"
    );
    // With the defaults, the tree reports most codes, of every scope.
    let seen: BTreeSet<String> = run(&Config::default())
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    for must in [
        "XD001", "XD002", "XD003", "IO001", "IO002", "LM001", "LM003", "FM001", "DB002", "IS001",
    ] {
        assert!(
            seen.contains(must),
            "{must} not reported by the tree; seen {seen:?}"
        );
    }
    assert!(seen.len() >= 30, "only {} codes seen: {seen:?}", seen.len());
    // Every code off: nothing at all.
    let off = Config {
        rules: codes
            .iter()
            .map(|c| (c.clone(), speclint::config::Level::Off))
            .collect(),
        ..Config::default()
    };
    let left = run(&off);
    assert!(
        left.is_empty(),
        "still reported with every code off: {:?}",
        &left[..left.len().min(20)]
    );
    // Every documented code is known to the config: none is refused.
    for c in &codes {
        let one = Config {
            rules: [(c.clone(), speclint::config::Level::Warning)]
                .into_iter()
                .collect(),
            ..Config::default()
        };
        assert!(
            Workspace::load(&one, None, &[], None).is_ok(),
            "{c} is not a known code"
        );
    }
}
