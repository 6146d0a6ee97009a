//! The native CLI as a user runs it: exit codes, output formats, config, walking.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn speclint() -> Command {
    Command::cargo_bin("speclint").unwrap()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

const VALID: &str = include_str!("../examples/valid/orders-db.md");

#[test]
fn exit_codes() {
    speclint()
        .current_dir(root())
        .args(["check", "examples/valid", "--color", "never"])
        .assert()
        .code(0);
    speclint()
        .current_dir(root())
        .args(["check", "examples/invalid", "--color", "never"])
        .assert()
        .code(1);
    speclint()
        .current_dir(root())
        .args(["check", "no/such/file.md"])
        .assert()
        .code(2);
    speclint()
        .current_dir(root())
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
    speclint()
        .current_dir(root())
        .args(["check", "examples/valid", "--type", "nope"])
        .assert()
        .code(2);
}

#[test]
fn json_diagnostic_shape() {
    let d = tmp();
    fs::write(
        d.path().join("spec.md"),
        VALID.replace("status: approved", "status: Approved"),
    )
    .unwrap();
    let out = speclint()
        .current_dir(d.path())
        .args(["check", "spec.md", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "FM008")
        .expect("FM008");
    for key in [
        "code",
        "name",
        "severity",
        "message",
        "path",
        "line",
        "column",
        "endLine",
        "endColumn",
        "start",
        "end",
        "help",
        "fix",
    ] {
        assert!(d.get(key).is_some(), "missing `{key}` in {d}");
    }
    assert_eq!(d["path"], "spec.md");
    assert_eq!(d["line"], 5);
    assert_eq!(d["column"], 9);
    assert_eq!(d["endColumn"], 17);
    assert_eq!(d["fix"]["applicability"], "safe");
    let e = &d["fix"]["edits"][0];
    for key in [
        "start",
        "end",
        "line",
        "column",
        "endLine",
        "endColumn",
        "text",
    ] {
        assert!(e.get(key).is_some(), "missing `{key}` in edit {e}");
    }
    assert_eq!(e["text"], "approved");
}

#[test]
fn sarif_and_github_formats() {
    let out = speclint()
        .current_dir(root())
        .args([
            "check",
            "examples/invalid/orders-db-defects.md",
            "-f",
            "sarif",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(!v["runs"][0]["results"].as_array().unwrap().is_empty());
    let out = speclint()
        .current_dir(root())
        .args([
            "check",
            "examples/invalid/orders-db-defects.md",
            "-f",
            "github",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines()
            .any(|l| l
                .starts_with("::error file=examples/invalid/orders-db-defects.md,line=5,col=9,")),
        "{text}"
    );
}

#[test]
fn walking_skips_ignored_and_non_spec_files() {
    let d = tmp();
    fs::create_dir_all(d.path().join("docs/ignored")).unwrap();
    fs::write(d.path().join(".gitignore"), "ignored/\n").unwrap();
    fs::create_dir(d.path().join(".git")).unwrap();
    fs::write(
        d.path().join("docs/ignored/bad.md"),
        "---\nspec_type: database-schema\n---\n",
    )
    .unwrap();
    fs::write(d.path().join("docs/README.md"), "# Just a readme\n").unwrap();
    fs::write(d.path().join("docs/spec.md"), VALID).unwrap();
    let out = speclint()
        .current_dir(d.path())
        .args(["check", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("in 1 file (1 Markdown file without `spec_type` skipped)"),
        "{text}"
    );
    // A named file is always checked.
    speclint()
        .current_dir(d.path())
        .args(["check", "docs/README.md"])
        .assert()
        .code(1);
    speclint()
        .current_dir(d.path())
        .args(["check", "docs/**/*.md", "-q"])
        .assert()
        .code(0);
}

#[test]
fn config_is_found_upward_and_sets_levels() {
    let d = tmp();
    fs::create_dir_all(d.path().join("a/b")).unwrap();
    fs::write(
        d.path().join("speclint.yaml"),
        "rules:\n  value-not-allowed: warning\n",
    )
    .unwrap();
    fs::write(
        d.path().join("a/b/spec.md"),
        VALID.replace("status: approved", "status: in-review"),
    )
    .unwrap();
    speclint()
        .current_dir(d.path().join("a/b"))
        .args(["check", "spec.md"])
        .assert()
        .code(0);
    fs::write(
        d.path().join("speclint.yaml"),
        "rules:\n  value-not-alowed: off\n",
    )
    .unwrap();
    let out = speclint()
        .current_dir(d.path().join("a"))
        .args(["check", "b/spec.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unknown rule `value-not-alowed`")
            && err.contains("did you mean `value-not-allowed`"),
        "{err}"
    );
}

#[test]
fn custom_types_from_flag_and_config() {
    speclint()
        .current_dir(root())
        .args([
            "check",
            "examples/adr/0001-use-postgres.md",
            "--types",
            "examples/types/adr.yaml",
        ])
        .assert()
        .code(0);
    let out = speclint()
        .current_dir(root())
        .args(["types", "--types", "examples/types/adr.yaml"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("adr") && text.contains("database-schema"),
        "{text}"
    );
    let d = tmp();
    fs::write(d.path().join("bad.yaml"), "id: x\nname: X\nfields: 3\n").unwrap();
    let out = speclint()
        .current_dir(d.path())
        .args(["types", "--types", "bad.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("spec type bad.yaml:3:9: fields: invalid type")
    );
}

#[test]
fn invalid_utf8_is_reported_and_the_rest_checked() {
    let d = tmp();
    let mut bytes = VALID
        .replace("status: approved", "status: in-review")
        .into_bytes();
    let at = VALID.find("## Purpose").unwrap() + 3;
    bytes.insert(at, 0xff);
    // A second invalid sequence before `status`: diagnostics after it still
    // give offsets into the file (not into the lossily decoded text).
    let title = VALID.find("\ntitle: ").unwrap() + 8;
    bytes.splice(title..title, [0xe2, 0x82]);
    fs::write(d.path().join("spec.md"), &bytes).unwrap();
    let out = speclint()
        .current_dir(d.path())
        .args(["check", "spec.md", "-f", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"IO001") && codes.contains(&"FM008"),
        "{codes:?}"
    );
    let find = |code: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .unwrap()
    };
    assert_eq!(
        find("IO001")["start"],
        title,
        "IO001 is at the first invalid byte"
    );
    assert_eq!(
        find("IO001")["message"],
        format!(
            "the file is not valid UTF-8: invalid byte at offset {title} (and 1 more invalid sequence)"
        )
    );
    let fm008 = find("FM008");
    // After an invalid sequence, offsets are those of the decoded text (the
    // text of the code frames), lines those of the file.
    let span = fm008["start"].as_u64().unwrap() as usize..fm008["end"].as_u64().unwrap() as usize;
    assert_eq!(&String::from_utf8_lossy(&bytes)[span], "in-review");
    assert_eq!(
        fm008["line"],
        VALID[..VALID.find("status:").unwrap()].lines().count() + 1
    );
    // The pretty output renders the frames of the decoded text.
    speclint()
        .current_dir(d.path())
        .args(["check", "spec.md"])
        .assert()
        .code(1);
}

#[test]
fn schema_types_and_rules_commands() {
    let out = speclint()
        .args(["schema", "database-schema"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["properties"]["status"]["enum"][1], "approved");
    speclint().args(["schema", "nope"]).assert().code(2);
    let out = speclint().args(["rules", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().len() >= 33);
}

#[test]
fn cross_document_checks() {
    let d = tmp();
    fs::create_dir_all(d.path().join("specs")).unwrap();
    fs::create_dir_all(d.path().join("initiatives")).unwrap();
    fs::write(
        d.path().join("initiatives/checkout-v2.md"),
        "# Checkout v2\n",
    )
    .unwrap();
    fs::write(
        d.path().join("speclint.yaml"),
        "references:\n  initiatives: [\"initiatives/*.md\"]\n  specs: [\"specs/*.md\"]\n",
    )
    .unwrap();
    fs::write(
        d.path().join("specs/a.md"),
        VALID.replace(
            "## References\n",
            "## References\n\n- [billing](billing.md) and [b](b.md)\n",
        ),
    )
    .unwrap();
    fs::write(d.path().join("specs/b.md"), VALID).unwrap();
    let out = speclint()
        .current_dir(d.path())
        .args(["check", "specs", "-f", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = v.as_array().unwrap();
    let find = |code: &str, path: &str| {
        diags
            .iter()
            .filter(|d| d["code"] == code && d["path"] == path)
            .count()
    };
    assert_eq!(find("XD001", "specs/b.md"), 1, "{v:#}");
    assert_eq!(find("XD002", "specs/b.md"), 4);
    assert_eq!(find("XD001", "specs/a.md"), 0);
    // payments-consolidation and order-history-api are not initiatives; in both files.
    assert_eq!(find("XD003", "specs/a.md"), 3, "{v:#}");
    let xd2 = diags.iter().find(|d| d["code"] == "XD002").unwrap();
    assert_eq!(xd2["related"][0]["path"], "specs/a.md");
    assert!(xd2["related"][0]["line"].as_u64().unwrap() > 1);
    assert_eq!(out.status.code(), Some(1));
}

/// `overrides` set levels by path, `XD…` codes honour levels like rules do,
/// and inline suppressions remove findings (unused ones are reported as info).
#[test]
fn overrides_suppressions_and_cross_document_levels() {
    let d = tmp();
    fs::create_dir_all(d.path().join("specs/legacy")).unwrap();
    fs::create_dir_all(d.path().join("initiatives")).unwrap();
    fs::write(
        d.path().join("speclint.yaml"),
        "references:\n  initiatives: [\"initiatives/*.md\"]\nrules:\n  XD003: off\noverrides:\n  - files: [\"specs/legacy/**\"]\n    rules: { value-not-allowed: warning, XD001: off }\n",
    )
    .unwrap();
    let bad = VALID.replace("status: approved", "status: in-review");
    fs::write(d.path().join("specs/legacy/old.md"), &bad).unwrap();
    fs::write(d.path().join("specs/new.md"), &bad).unwrap();
    let json = |args: &[&str]| -> (Option<i32>, Vec<serde_json::Value>) {
        let out = speclint()
            .current_dir(d.path())
            .args(args)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code(), v.as_array().unwrap().clone())
    };
    let (code, diags) = json(&["check", "specs", "-f", "json"]);
    let sev = |path: &str, c: &str| -> Vec<String> {
        diags
            .iter()
            .filter(|x| x["path"] == path && x["code"] == c)
            .map(|x| x["severity"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(sev("specs/legacy/old.md", "FM008"), ["warning"]);
    assert_eq!(sev("specs/new.md", "FM008"), ["error"]);
    // The duplicate title is off for the legacy file only; XD003 is off everywhere.
    assert!(sev("specs/legacy/old.md", "XD001").is_empty());
    assert_eq!(sev("specs/new.md", "XD001"), ["error"], "{diags:#?}");
    assert!(diags.iter().all(|x| x["code"] != "XD003"), "{diags:#?}");
    assert_eq!(code, Some(1));

    // Suppressions: the status line and the duplicate title, with a reason.
    let suppressed = bad.replace(
        "status: in-review",
        "# speclint-disable-next-line FM008 -- migrating the workflow\nstatus: in-review",
    ) + "\n<!-- speclint-disable-file XD001 -->\n<!-- speclint-disable-next-line DB002 -->\n";
    fs::write(d.path().join("specs/new.md"), &suppressed).unwrap();
    let (code, diags) = json(&["check", "specs/new.md", "specs/legacy", "-f", "json"]);
    let codes: Vec<(&str, &str)> = diags
        .iter()
        .filter(|x| x["path"] == "specs/new.md")
        .map(|x| (x["code"].as_str().unwrap(), x["severity"].as_str().unwrap()))
        .collect();
    assert!(
        !codes.iter().any(|(c, _)| *c == "FM008" || *c == "XD001"),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("IS001", "info")),
        "the DB002 suppression is unused: {codes:?}"
    );
    assert_eq!(code, Some(0), "{diags:#?}");
}

/// A closed or full stdout never panics the CLI (issue: safety #11).
#[test]
fn closed_and_full_stdout() {
    use std::io::Read;
    use std::process::{Command as Std, Stdio};
    let bin = assert_cmd::cargo::cargo_bin("speclint");
    // `speclint check examples | head -c 1`: the reader goes away early.
    let mut child = Std::new(&bin)
        .current_dir(root())
        .args(["check", "examples", "--color", "never"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut one = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut one).unwrap();
    // The pipe's reading end is dropped here.
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(out.status.code(), Some(101), "{err}");
    // `speclint rules > /dev/full`: a clear error and exit 2.
    if Path::new("/dev/full").exists() {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Std::new(&bin)
            .args(["rules"])
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("cannot write to standard output"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

/// Nothing from a document reaches a terminal or a CI log unescaped: control
/// characters, C1, bidi overrides, and line breaks that would start a forged
/// workflow command (issue: safety #5).
#[test]
fn document_text_is_escaped_in_every_format() {
    let d = tmp();
    let payload = "in-review\\n::error file=README.md::forged \\u001b[2J \\u001b]8;;https://x\\u0007 \\u0007 \\u202e";
    let text = VALID.replace("status: approved", &format!("status: \"{payload}\""));
    let name = "spec\u{1b}[31m.md";
    fs::write(d.path().join(name), &text).unwrap();
    for format in ["pretty", "github", "json", "sarif"] {
        for quiet in [false, true] {
            let mut args = vec!["check", name, "-f", format, "--color", "never"];
            if quiet {
                args.push("-q");
            }
            let out = speclint()
                .current_dir(d.path())
                .args(&args)
                .output()
                .unwrap();
            let stdout = String::from_utf8(out.stdout).unwrap();
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert_eq!(out.status.code(), Some(1), "{format}: {stderr}");
            for (what, s) in [("stdout", &stdout), ("stderr", &stderr)] {
                let bad: Vec<char> = s
                    .chars()
                    .filter(|&c| speclint::report::sanitize::is_unsafe(c) && c != '\n')
                    .collect();
                assert!(bad.is_empty(), "{format} {what}: {bad:?}\n{s}");
            }
            // Every line of the GitHub format is a command speclint wrote.
            if format == "github" {
                for line in stdout.lines() {
                    assert!(
                        line.starts_with("::error file=")
                            || line.starts_with("::warning file=")
                            || line.starts_with("::notice file="),
                        "{line}"
                    );
                }
                assert!(
                    !stdout
                        .lines()
                        .any(|l| l.starts_with("::error file=README.md")),
                    "{stdout}"
                );
            }
            if format == "json" || format == "sarif" {
                let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
                assert!(v.to_string().contains("forged"));
            }
        }
    }
}

/// Reading never follows a special file forever, a named file is always
/// checked (once), and one unreadable file does not stop the others (safety
/// #7, #13, #14).
#[test]
fn special_files_named_files_and_unreadable_files() {
    use std::process::Stdio;
    let d = tmp();
    let dir = d.path().join("d");
    fs::create_dir_all(&dir).unwrap();
    // A file without `spec_type`, named and inside a named directory.
    fs::write(dir.join("x.md"), "# Just notes\n").unwrap();
    fs::write(dir.join("ok.md"), VALID).unwrap();
    let out = speclint()
        .current_dir(d.path())
        .args(["check", "d", "d/x.md", "-f", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v.as_array().unwrap().iter().any(|x| x["path"] == "d/x.md"),
        "{v:#}"
    );
    assert_eq!(out.status.code(), Some(1));
    // The same file named three ways is checked once.
    let abs = dir.join("ok.md").display().to_string();
    let out = speclint()
        .current_dir(d.path())
        .args(["check", "d/ok.md", "./d/ok.md", &abs, "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("in 1 file"), "{text}");
    // A `.gitignore` that is /dev/zero, a FIFO named `.md`: reported, the rest checked.
    std::os::unix::fs::symlink("/dev/zero", dir.join(".gitignore")).unwrap();
    fs::write(
        dir.join("bad.md"),
        VALID.replace("status: approved", "status: in-review"),
    )
    .unwrap();
    let fifo = dir.join("pipe.md");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = speclint()
        .current_dir(d.path())
        .args(["check", "d", "d/pipe.md", "-f", "json"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let io: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["code"] == "IO002")
        .map(|x| x["message"].as_str().unwrap().to_string())
        .collect();
    assert!(
        io.iter()
            .any(|m| m.contains(".gitignore") && m.contains("not a regular file")),
        "{io:?}"
    );
    assert!(
        io.iter()
            .any(|m| m.contains("pipe.md") && m.contains("not a regular file")),
        "{io:?}"
    );
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|x| x["path"] == "d/bad.md" && x["code"] == "FM008"),
        "the other files are still checked: {v:#}"
    );
    assert_eq!(out.status.code(), Some(2));
    // A spec type or config that is a special file: a clear error, no hang.
    let out = speclint()
        .current_dir(d.path())
        .args(["check", "d/ok.md", "--types", "/dev/zero"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    // `fmt -` reads standard input up to the input limit, no further.
    let zero = fs::File::open("/dev/zero").unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("speclint"))
        .args(["fmt", "-"])
        .stdin(Stdio::from(zero))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("larger than the input limit"), "{err}");
}

#[test]
fn check_reads_standard_input() {
    let out = speclint()
        .current_dir(root())
        .args(["check", "-q", "-"])
        .write_stdin(include_str!("../examples/invalid/orders-db-defects.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().next().unwrap().starts_with("-:"), "{text}");
    let out = speclint()
        .current_dir(root())
        .args(["check", "-", "examples/valid"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("`-` (standard input) must be the only path"),
        "{err}"
    );
}

#[test]
fn a_run_with_no_spec_document_warns_and_can_fail() {
    let dir = tmp();
    fs::create_dir_all(dir.path().join("docs")).unwrap();
    fs::write(dir.path().join("docs/readme.md"), "# Readme\n").unwrap();
    let out = speclint()
        .current_dir(dir.path())
        .args(["check", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            ".:1:1 warning IO003 no spec document found: 1 Markdown file without `spec_type`"
        ),
        "{text}"
    );
    fs::write(dir.path().join("speclint.yaml"), "rules:\n  IO003: error\n").unwrap();
    speclint()
        .current_dir(dir.path())
        .args(["check", "-q"])
        .assert()
        .code(1);
    fs::write(
        dir.path().join("speclint.yaml"),
        "rules:\n  no-documents: off\n",
    )
    .unwrap();
    let out = speclint()
        .current_dir(dir.path())
        .args(["check", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8(out.stdout).unwrap().contains("IO003"));
}
