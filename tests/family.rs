//! A docs repository with a template family (`tests/family/`), checked with
//! only `templates:` in its `speclint.yaml`: seven templates
//! (`templates/specs/*.md`), one filled document per template (`docs/`), and
//! one document with deliberate defects per template (`defects/`, excluded
//! from the walk), each with a `.expected` list of its defects. All were
//! written before speclint was run on them.
//!
//! `pkg/test/family.test.js` checks that `npx speclint` gives the same JSON,
//! the Docusaurus plugin the same problems, and python/tests the MkDocs
//! plugin.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use speclint::{Config, Linter, derive::derive_spec_type, family};

fn family_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/family")
}

fn speclint() -> Command {
    Command::cargo_bin("speclint").unwrap()
}

fn md_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    v.sort();
    v
}

fn templates() -> Vec<(String, String)> {
    md_in(&family_dir().join("templates/specs"))
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect()
}

fn json_check(args: &[&str]) -> (i32, Vec<Value>) {
    let out = speclint()
        .current_dir(family_dir())
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let v: Vec<Value> = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), v)
}

#[test]
fn the_repository_passes_with_only_templates_in_its_config() {
    let config = fs::read_to_string(family_dir().join("speclint.yaml")).unwrap();
    assert!(config.contains("templates:"));
    assert!(!config.contains("types:"), "no YAML spec type is written");
    let (code, diags) = json_check(&[]);
    let errors: Vec<&Value> = diags.iter().filter(|d| d["severity"] == "error").collect();
    assert_eq!(
        errors,
        Vec::<&Value>::new(),
        "false errors on filled documents"
    );
    assert_eq!(code, 0);
    // Each template is listed, not checked: one IO004 each, nothing else.
    let names: Vec<String> = templates().into_iter().map(|(n, _)| n).collect();
    for d in diags.iter().filter(|d| {
        d["path"]
            .as_str()
            .is_some_and(|p| p.starts_with("templates/"))
    }) {
        assert_eq!(d["code"], "IO004", "{d}");
    }
    let listed = diags.iter().filter(|d| d["code"] == "IO004").count();
    assert_eq!(listed, names.len());
    assert!(names.len() >= 6, "a family of at least six templates");
    // Every filled document was checked against its template's type.
    let docs: Vec<PathBuf> = fs::read_dir(family_dir().join("docs"))
        .unwrap()
        .flat_map(|e| md_in(&e.unwrap().path()))
        .collect();
    assert_eq!(docs.len(), names.len(), "one filled document per template");
    for doc in &docs {
        let text = fs::read_to_string(doc).unwrap();
        let linter = Linter::with_templates(&Config::default(), &[], Some(&templates())).unwrap();
        let report = linter.check(&text);
        assert!(
            report.spec_type.is_some(),
            "{}: no spec type chosen",
            doc.display()
        );
        assert!(
            !report.diagnostics.iter().any(|d| d.code == "FM014"),
            "{}: unknown spec type",
            doc.display()
        );
    }
}

/// The codes the `.expected` kinds stand for.
fn code_of(kind: &str) -> &'static str {
    match kind {
        "missing-section" => "ST001",
        "bad-enum" => "FM008",
        "placeholder" => "FM012",
        "guidance-left" => "TR002",
        "missing-column" => "TB002",
        "bad-date" => "FM009",
        other => panic!("unknown defect kind `{other}`"),
    }
}

#[test]
fn each_defect_is_found_and_no_other_error() {
    let defects = md_in(&family_dir().join("defects"));
    assert_eq!(
        defects.len(),
        templates().len(),
        "one defective document per template"
    );
    for doc in defects {
        let rel = format!("defects/{}", doc.file_name().unwrap().to_string_lossy());
        let expected = fs::read_to_string(doc.with_extension("expected")).unwrap();
        let want: Vec<&str> = expected
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| code_of(l.split(':').next().unwrap().trim()))
            .collect();
        let (code, diags) = json_check(&[&rel]);
        assert_eq!(code, 1, "{rel}: an error fails the run");
        let found: Vec<&str> = diags.iter().filter_map(|d| d["code"].as_str()).collect();
        for w in &want {
            assert!(
                found.contains(w),
                "{rel}: `{w}` not reported; found {found:?}"
            );
        }
        for d in diags.iter().filter(|d| d["severity"] == "error") {
            let c = d["code"].as_str().unwrap();
            assert!(want.contains(&c), "{rel}: unexpected error {d}");
        }
    }
}

#[test]
fn deriving_is_stable_and_a_template_fails_its_own_type_only_for_what_is_left_to_fill() {
    for (name, text) in templates() {
        let a = derive_spec_type(&text).unwrap();
        let b = derive_spec_type(&text).unwrap();
        assert_eq!(a, b, "{name}");
        assert_eq!(
            family::derive(&text).unwrap(),
            a,
            "{name}: the cache gives the same type"
        );
        // Written out and read back, the type is the same.
        let yaml = speclint::yaml::to_string(&a).unwrap();
        let back = speclint::SpecType::from_yaml(&yaml).unwrap();
        assert_eq!(back, a, "{name}");
        assert!(
            !a.name.contains('<'),
            "{name}: placeholder in the type's name"
        );
        let linter = Linter::with_templates(
            &Config::default(),
            &[],
            Some(&[(name.clone(), text.clone())]),
        )
        .unwrap();
        let codes: Vec<&str> = linter
            .check(&text)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        // Placeholders (FM012 in front matter, TR001 in the body), guidance
        // (TR002) and the tables the template leaves empty (TB004).
        for c in &codes {
            assert!(
                ["FM012", "TR001", "TR002", "TB004"].contains(c),
                "{name}: its own type reports {c}: {codes:?}"
            );
        }
        assert!(codes.contains(&"TR002"), "{name}: the guidance is residue");
    }
}

#[test]
fn named_subsections_and_repeated_entries_are_told_apart() {
    let all = templates();
    let text = |n: &str| &all.iter().find(|(x, _)| x == n).unwrap().1;
    let tech = derive_spec_type(text("tech-stack.md")).unwrap();
    let layers = tech
        .sections
        .iter()
        .find(|s| s.title == "Application Layers")
        .unwrap();
    let subs: Vec<&str> = layers
        .subsections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(subs, ["Backend Services", "Web Frontend", "Mobile Clients"]);
    assert!(layers.entries.is_none());
    let local = derive_spec_type(text("local-development.md")).unwrap();
    let deps = local
        .sections
        .iter()
        .find(|s| s.title == "Local Dependencies")
        .unwrap();
    assert!(deps.entries.is_some(), "`<service_name>` repeats");
    assert!(deps.subsections.is_empty());
}

#[test]
fn templates_lists_the_family_and_check_reports_drift() {
    let out = speclint()
        .current_dir(family_dir())
        .args(["templates"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for (name, _) in templates() {
        assert!(text.contains(&format!("templates/specs/{name}")), "{text}");
    }
    assert!(text.contains("  sections: Purpose, Scope, Architecture Overview, Application Layers"));

    // A committed YAML derivative: in sync, then drifted.
    let d = tempfile::tempdir().unwrap();
    copy_dir(&family_dir(), d.path());
    let yaml = speclint()
        .current_dir(d.path())
        .args(["init", "--from-template", "templates/specs/tech-stack.md"])
        .output()
        .unwrap();
    assert_eq!(yaml.status.code(), Some(0));
    fs::write(d.path().join("tech-stack.yaml"), &yaml.stdout).unwrap();
    let config = fs::read_to_string(d.path().join("speclint.yaml")).unwrap();
    fs::write(
        d.path().join("speclint.yaml"),
        format!("{config}types: [tech-stack.yaml]\n"),
    )
    .unwrap();
    let run = |args: &[&str]| {
        let o = speclint()
            .current_dir(d.path())
            .args(args)
            .output()
            .unwrap();
        (
            o.status.code().unwrap(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
        )
    };
    let (code, text) = run(&["templates", "--check"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("refined by tech-stack.yaml"), "{text}");
    assert!(text.contains("no drift"), "{text}");
    // The template gains a section and a status value; the YAML does not follow.
    let t = d.path().join("templates/specs/tech-stack.md");
    let changed = fs::read_to_string(&t).unwrap().replace(
        "draft | review | approved",
        "draft | review | approved | retired",
    ) + "\n## Exit Plan\n\nHow we would leave each vendor.\n";
    fs::write(&t, changed).unwrap();
    let (code, text) = run(&["templates", "--check"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("drift: section `Exit Plan` is in the template, not in the YAML"),
        "{text}"
    );
    assert!(
        text.contains("drift: field `status`: the template's values `retired` are not in the YAML"),
        "{text}"
    );
    // Refined, not replaced: the template's new section is required anyway.
    let (code, diags) = {
        let o = speclint()
            .current_dir(d.path())
            .args([
                "check",
                "--format",
                "json",
                "docs/checkout/checkout-tech-stack.md",
            ])
            .output()
            .unwrap();
        (
            o.status.code().unwrap(),
            serde_json::from_slice::<Vec<Value>>(&o.stdout).unwrap(),
        )
    };
    assert_eq!(code, 1);
    assert!(
        diags
            .iter()
            .any(|d| d["code"] == "ST001" && d["message"].as_str().unwrap().contains("Exit Plan"))
    );
}

#[test]
fn a_glob_that_finds_no_template_and_a_broken_template_are_errors() {
    let d = tempfile::tempdir().unwrap();
    let stderr_of_check = || {
        let o = speclint()
            .current_dir(d.path())
            .args(["check"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    fs::write(
        d.path().join("speclint.yaml"),
        "templates: [\"specs/templates/*.md\"]\n",
    )
    .unwrap();
    let e = stderr_of_check();
    assert!(
        e.contains("`templates`: `specs/templates/*.md` matches no Markdown file"),
        "{e}"
    );

    fs::create_dir_all(d.path().join("specs/templates")).unwrap();
    fs::write(
        d.path().join("specs/templates/empty.md"),
        "# Just a title\n\nNo sections.\n",
    )
    .unwrap();
    let e = stderr_of_check();
    assert!(e.contains("template `specs/templates/empty.md`:"), "{e}");
}

#[test]
fn command_line_templates_from_a_subfolder() {
    // --templates is relative to the working directory, like any path argument.
    let o = speclint()
        .current_dir(family_dir().join("docs"))
        .args([
            "check",
            "--format",
            "json",
            "--templates",
            "../templates/specs/tech-stack.md",
            "checkout/checkout-tech-stack.md",
        ])
        .output()
        .unwrap();
    let diags: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(!diags.iter().any(|d| d["severity"] == "error"), "{diags:?}");
}

fn copy_dir(from: &Path, to: &Path) {
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}
