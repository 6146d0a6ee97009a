//! `speclint export` as a user runs it: one document, several, options, exit codes.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn speclint() -> Command {
    Command::cargo_bin("speclint").unwrap()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn one_file_prints_its_document() {
    let out = speclint()
        .current_dir(root())
        .args(["export", "examples/valid/orders-db.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), 1, "compact JSON without --pretty");
    let v = json(&out);
    assert_eq!(v["specType"], "database-schema");
    assert_eq!(v["frontMatter"]["status"], "approved");
    assert_eq!(v["entities"][0]["name"], "customers");
    assert_eq!(v["diagnostics"]["errors"], 0);
}

#[test]
fn several_files_print_path_and_document() {
    let out = speclint()
        .current_dir(root())
        .args([
            "export",
            "examples/invalid/broken-front-matter.md",
            "examples/template.md",
            "--pretty",
        ])
        .output()
        .unwrap();
    // Document problems never fail an export.
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stdout).lines().count() > 10,
        "--pretty indents"
    );
    let v = json(&out);
    let a = v.as_array().expect("an array for several files");
    assert_eq!(a.len(), 2);
    assert_eq!(a[0]["path"], "examples/invalid/broken-front-matter.md");
    assert_eq!(
        a[0]["document"]["frontMatter"]["applicability"],
        Value::Null
    );
    assert!(a[0]["document"]["diagnostics"]["errors"].as_u64().unwrap() > 0);
    assert_eq!(a[1]["path"], "examples/template.md");
    assert_eq!(a[1]["document"]["entities"], serde_json::json!([]));
}

#[test]
fn types_and_explicit_type() {
    let adr = "examples/adr/0001-use-postgres.md";
    // Without the ADR type the document has no known type.
    let v = json(
        &speclint()
            .current_dir(root())
            .args(["export", adr])
            .output()
            .unwrap(),
    );
    assert_eq!(v["specType"], Value::Null);
    let v = json(
        &speclint()
            .current_dir(root())
            .args(["export", adr, "--types", "examples/types/adr.yaml"])
            .output()
            .unwrap(),
    );
    assert_eq!(v["specType"], "adr");
    assert_eq!(v["typeSource"], "front-matter");
    assert_eq!(v["sections"][1]["id"], "context");
    let v = json(
        &speclint()
            .current_dir(root())
            .args([
                "export",
                "examples/valid/orders-db.md",
                "--type",
                "adr",
                "--types",
                "examples/types/adr.yaml",
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(v["specType"], "adr");
    assert_eq!(v["typeSource"], "explicit");
    assert_eq!(v["entities"], Value::Null);
}

#[test]
fn config_file_types() {
    let d = tempfile::tempdir().unwrap();
    fs::copy(
        root().join("examples/types/adr.yaml"),
        d.path().join("adr.yaml"),
    )
    .unwrap();
    fs::write(d.path().join("speclint.yaml"), "types: [adr.yaml]\n").unwrap();
    fs::copy(
        root().join("examples/adr/0001-use-postgres.md"),
        d.path().join("0001.md"),
    )
    .unwrap();
    let v = json(
        &speclint()
            .current_dir(root())
            .args(["export", "--config"])
            .arg(d.path().join("speclint.yaml"))
            .arg(d.path().join("0001.md"))
            .output()
            .unwrap(),
    );
    assert_eq!(v["specType"], "adr");
}

#[test]
fn errors_exit_2() {
    speclint()
        .current_dir(root())
        .args(["export", "no/such/file.md"])
        .assert()
        .code(2);
    speclint()
        .current_dir(root())
        .args(["export"])
        .assert()
        .code(2);
    speclint()
        .current_dir(root())
        .args(["export", "examples/valid/orders-db.md", "--type", "nope"])
        .assert()
        .code(2);
}

#[test]
fn invalid_utf8_is_exported_lossily() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("bad.md");
    fs::write(
        &p,
        b"---\nspec_type: database-schema\ntitle: Caf\xe9\n---\n# T\n",
    )
    .unwrap();
    let out = speclint().arg("export").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["frontMatter"]["title"], "Caf\u{fffd}");
}

#[test]
fn a_folder_is_walked_as_check_walks_it_and_gives_a_list() {
    let dir = tempfile::tempdir().unwrap();
    let valid = include_str!("../examples/valid/orders-db.md");
    fs::create_dir_all(dir.path().join("docs/sub")).unwrap();
    fs::write(dir.path().join("docs/sub/orders.md"), valid).unwrap();
    fs::write(dir.path().join("docs/readme.md"), "# Not a spec\n").unwrap();
    fs::write(dir.path().join("docs/.gitignore"), "ignored.md\n").unwrap();
    fs::write(dir.path().join("docs/ignored.md"), valid).unwrap();
    let out = speclint()
        .current_dir(dir.path())
        .args(["export", "docs"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let paths: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        ["docs/sub/orders.md"],
        "spec documents only, ignored files skipped"
    );
    // A glob that matches one document still gives a list.
    let out = speclint()
        .current_dir(dir.path())
        .args(["export", "docs/**/*.md"])
        .output()
        .unwrap();
    assert!(json(&out).is_array());
}
