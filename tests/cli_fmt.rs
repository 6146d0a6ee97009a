//! `speclint fmt` and `speclint init` as a user runs them.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use assert_cmd::Command;

fn speclint() -> Command {
    Command::cargo_bin("speclint").unwrap()
}

const MESSY: &str = "---\nstatus: Draft\nspec_type: database-schema\n---\nTitle\n=====\n## Purpose\ntext   \n\n\n\n| a | b |\n|---|---|\n| 1 | 22 |\n";

fn normal_text() -> String {
    let out = speclint()
        .arg("fmt")
        .arg("-")
        .write_stdin(MESSY)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn check_exits_1_with_a_diff_then_0() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("spec.md");
    fs::write(&p, MESSY).unwrap();
    let out = speclint()
        .current_dir(d.path())
        .args(["fmt", "--check", "spec.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(
        diff.contains("--- a/spec.md")
            && diff.contains("-status: Draft")
            && diff.contains("+status: draft"),
        "{diff}"
    );
    fs::write(&p, normal_text()).unwrap();
    speclint()
        .current_dir(d.path())
        .args(["fmt", "--check", "spec.md"])
        .assert()
        .code(0);
}

#[test]
fn write_is_atomic_keeps_permissions_and_skips_unchanged_files() {
    let d = tempfile::tempdir().unwrap();
    let messy = d.path().join("messy.md");
    let clean = d.path().join("clean.md");
    fs::write(&messy, MESSY).unwrap();
    fs::write(&clean, normal_text()).unwrap();
    fs::set_permissions(&messy, fs::Permissions::from_mode(0o640)).unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let f = fs::File::options().write(true).open(&clean).unwrap();
    f.set_modified(old).unwrap();
    drop(f);
    speclint()
        .current_dir(d.path())
        .args(["fmt", "--write", "."])
        .assert()
        .code(0);
    assert_eq!(fs::read_to_string(&messy).unwrap(), normal_text());
    assert_eq!(
        fs::metadata(&messy).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(
        fs::metadata(&clean).unwrap().modified().unwrap(),
        old,
        "an unchanged file was touched"
    );
    // No temporary file is left behind.
    let names: Vec<_> = fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn write_refuses_invalid_utf8_and_read_only_files() {
    let d = tempfile::tempdir().unwrap();
    let bad = d.path().join("bad.md");
    let mut bytes = MESSY.as_bytes().to_vec();
    bytes.insert(40, 0xff);
    fs::write(&bad, &bytes).unwrap();
    let out = speclint()
        .current_dir(d.path())
        .args(["fmt", "--write", "bad.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("not valid UTF-8")
    );
    assert_eq!(fs::read(&bad).unwrap(), bytes);

    let ro = d.path().join("ro.md");
    fs::write(&ro, MESSY).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o444)).unwrap();
    let out = speclint()
        .current_dir(d.path())
        .args(["fmt", "--write", "ro.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&ro).unwrap(), MESSY);
}

#[test]
fn print_mode_and_stdin() {
    assert!(normal_text().starts_with("---\nspec_type: database-schema\nstatus: draft\n---\n\n# Title\n\n## Purpose\n\ntext\n\n| a   | b   |\n"));
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("a.md"), MESSY).unwrap();
    fs::write(d.path().join("b.md"), MESSY).unwrap();
    speclint()
        .current_dir(d.path())
        .args(["fmt", "a.md", "b.md"])
        .assert()
        .code(2);
}

#[test]
fn init_from_template_writes_a_type_check_accepts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("type.yaml");
    speclint()
        .args(["init", "--from-template"])
        .arg(root.join("examples/template.md"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    let text = fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("# Spec type derived from"));
    speclint()
        .current_dir(root)
        .args(["check", "examples/valid", "--types"])
        .arg(&out)
        .assert()
        .code(0);
    speclint()
        .current_dir(root)
        .args(["check", "examples/invalid/orders-db-defects.md", "--types"])
        .arg(&out)
        .assert()
        .code(1);
    // No silent overwrite.
    speclint()
        .args(["init", "--from-template"])
        .arg(root.join("examples/template.md"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2);
    let no_sections = d.path().join("t.md");
    fs::write(&no_sections, "# Only a title\n").unwrap();
    speclint()
        .args(["init", "--from-template"])
        .arg(&no_sections)
        .assert()
        .code(2);
}

/// A full disk during `fmt --write`, simulated with a file size limit: with
/// `ulimit -f 4` (4 blocks of 512 or 1024 bytes) and SIGXFSZ ignored, a write
/// past the limit fails with EFBIG half-way through the temporary file, as it
/// would with ENOSPC. The command fails with exit 2 and a message naming the
/// file; the original is byte for byte what it was and no temporary file is
/// left. The same command without the limit then writes the file.
#[test]
fn write_on_a_full_disk_leaves_the_original_intact() {
    let d = tempfile::tempdir().unwrap();
    let doc = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/valid/orders-db.md"),
    )
    .unwrap();
    // Trailing spaces on every line: `fmt` rewrites the whole 16 KB file.
    let messy: String = doc.lines().map(|l| format!("{l}   \n")).collect();
    assert!(messy.len() > 8 * 1024);
    let path = d.path().join("big.md");
    fs::write(&path, &messy).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("speclint");
    let out = std::process::Command::new("sh")
        .current_dir(d.path())
        .args([
            "-c",
            "trap '' XFSZ; ulimit -f 4 && exec \"$0\" fmt --write big.md",
        ])
        .arg(&bin)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot write `big.md`"), "{stderr}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        messy,
        "the original changed"
    );
    let names: Vec<_> = fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["big.md"], "temporary file left behind");

    speclint()
        .current_dir(d.path())
        .args(["fmt", "--write", "big.md"])
        .assert()
        .success();
    assert_ne!(fs::read_to_string(&path).unwrap(), messy);
}

/// `fmt --write` writes through a link, keeps owner, group, mode and
/// `user.*` attributes, and three runs at once all succeed (safety #2-#4).
#[test]
fn write_keeps_links_owner_mode_and_survives_concurrent_runs() {
    use std::os::unix::fs::MetadataExt;
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("real.md"), MESSY).unwrap();
    std::os::unix::fs::symlink("real.md", d.path().join("link.md")).unwrap();
    speclint()
        .current_dir(d.path())
        .args(["fmt", "--write", "link.md"])
        .assert()
        .success();
    let link = fs::symlink_metadata(d.path().join("link.md")).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(
        fs::read_to_string(d.path().join("real.md")).unwrap(),
        normal_text()
    );

    // Owner and group: only root can give a file to someone else to test it.
    let owned = d.path().join("owned.md");
    fs::write(&owned, MESSY).unwrap();
    fs::set_permissions(&owned, fs::Permissions::from_mode(0o600)).unwrap();
    let root = fs::metadata(&owned).unwrap().uid() == 0;
    if root {
        std::os::unix::fs::chown(&owned, Some(65534), Some(65534)).unwrap();
    }
    speclint()
        .current_dir(d.path())
        .args(["fmt", "--write", "owned.md"])
        .assert()
        .success();
    let m = fs::metadata(&owned).unwrap();
    assert_eq!(m.mode() & 0o7777, 0o600);
    if root {
        assert_eq!((m.uid(), m.gid()), (65534, 65534), "owner and group kept");
    }
    assert_eq!(fs::read_to_string(&owned).unwrap(), normal_text());

    // Three runs on one tree at once: none fails, every file ends normalized.
    for i in 0..20 {
        fs::write(d.path().join(format!("c{i}.md")), MESSY).unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin("speclint");
    let runs: Vec<_> = (0..3)
        .map(|_| {
            std::process::Command::new(&bin)
                .current_dir(d.path())
                .args(["fmt", "--write", "."])
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for r in runs {
        let out = r.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for i in 0..20 {
        assert_eq!(
            fs::read_to_string(d.path().join(format!("c{i}.md"))).unwrap(),
            normal_text()
        );
    }
    let leftovers = fs::read_dir(d.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0);
}
