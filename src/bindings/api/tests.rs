//! Tests of the bindings' API: options, sessions and the JSON operations.

use super::dispatch::NO_DOCUMENT;
use super::*;

const DEFECTS: &str = include_str!("../../../examples/invalid/orders-db-defects.md");
const VALID: &str = include_str!("../../../examples/valid/orders-db.md");
const ADR_TYPE: &str = include_str!("../../../examples/types/adr.yaml");
const ADR: &str = include_str!("../../../examples/adr/0001-use-postgres.md");
const TEMPLATE: &str = include_str!("../../../examples/template.md");

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap()
}

fn ok(d: &mut Dispatcher, req: Value) -> Value {
    let out = json(&d.call_str(&req.to_string()));
    assert!(out.get("error").is_none(), "{req} -> {out}");
    out["ok"].clone()
}

fn err(d: &mut Dispatcher, req: &str) -> String {
    let out = json(&d.call_str(req));
    out["error"]
        .as_str()
        .unwrap_or_else(|| panic!("{req} -> {out}"))
        .to_string()
}

#[test]
fn workspace_ops_run_the_policy_of_check() {
    let mut d = Dispatcher::new();
    let config = "exclude: ['drafts/**']\nrules:\n  XD001: warning\n";
    let h = ok(
        &mut d,
        serde_json::json!({"op": "workspaceOpen", "config": config, "configPath": "speclint.yaml"}),
    );
    let w = |extra: Value| {
        let mut v = extra;
        v["workspace"] = h.clone();
        v
    };
    let sel = ok(
        &mut d,
        w(serde_json::json!({"op": "workspaceSelect", "rel": "drafts/a.md"})),
    );
    assert_eq!(sel, Value::Null);
    let sel = ok(
        &mut d,
        w(serde_json::json!({"op": "workspaceSelect", "rel": "specs/a.md"})),
    );
    assert_eq!(sel, serde_json::json!({"named": false, "included": false}));
    let m = ok(
        &mut d,
        w(serde_json::json!({"op": "workspaceEnter", "dir": "/r", "ignoreTexts": ["old/\n"]})),
    );
    let v = ok(
        &mut d,
        w(
            serde_json::json!({"op": "workspaceVisit", "dir": "/r", "entries": [["old", "dir"], ["a.md", "file"], [".x", "dir"], ["b.txt", "file"]]}),
        ),
    );
    assert_eq!(v, serde_json::json!(["skip", "file", "skip", "skip"]));
    ok(
        &mut d,
        w(serde_json::json!({"op": "workspaceLeave", "mark": m})),
    );
    for path in ["a.md", "b.md"] {
        let req = w(serde_json::json!({"op": "workspaceAdd", "shown": path, "rel": path}));
        let out: Value =
            serde_json::from_slice(&d.call(req.to_string().as_bytes(), Some(VALID.as_bytes())))
                .unwrap();
        assert_eq!(out["ok"]["document"], Value::Bool(true), "{out}");
    }
    let r = ok(
        &mut d,
        w(serde_json::json!({"op": "workspaceFinish", "format": "json"})),
    );
    assert_eq!(r["exitCode"], 0);
    let xd001 = &r["files"][1]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == "XD001")
        .cloned()
        .unwrap();
    assert_eq!(xd001["severity"], "warning");
    assert!(r["output"].as_str().unwrap().contains("XD001"));
    let again = err(
        &mut d,
        &w(serde_json::json!({"op": "workspaceFinish"})).to_string(),
    );
    assert!(again.contains("finished"), "{again}");
    assert!(err(&mut d, r#"{"op":"matchGlob","pattern":"{a","path":"a"}"#).contains("unclosed"));
    assert_eq!(
        ok(
            &mut d,
            json(r#"{"op":"matchGlob","pattern":"docs/*.md","path":"docs/a.md"}"#)
        ),
        Value::Bool(true)
    );
    ok(&mut d, w(serde_json::json!({"op": "workspaceClose"})));
    assert!(
        err(
            &mut d,
            &w(serde_json::json!({"op": "workspaceSelect", "rel": "a.md"})).to_string()
        )
        .contains("no open workspace")
    );
}

#[test]
fn session_validates_like_the_core() {
    let s = Session::new(Options::default()).unwrap();
    let r = s
        .validate(Input::Text(DEFECTS), &CallOptions::default())
        .unwrap();
    let core = Linter::default().check(DEFECTS);
    assert_eq!(r.diagnostics.len(), core.diagnostics.len());
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.code == "FM008" && d.line == 5 && d.column == 9)
    );
    assert_eq!(r.spec_type.as_deref(), Some("database-schema"));
    assert_eq!(r.type_source, Some(TypeSource::FrontMatter));
    assert!(r.declares_spec_type);
    assert!(r.diagnostics.iter().all(|d| d.path.is_none()));
}

#[test]
fn options_are_checked() {
    let e = Session::new(Options {
        spec_type: Some("nope".into()),
        ..Options::default()
    })
    .unwrap_err();
    assert!(e.message().starts_with("unknown spec type `nope`"), "{e}");
    let e = Session::new(Options {
        rules: [("empty-sections".to_string(), Level::Off)].into(),
        ..Options::default()
    })
    .unwrap_err();
    assert!(e.message().contains("did you mean `empty-section`"), "{e}");
    let e = serde_json::from_value::<Options>(json(r#"{"rulez": {}}"#)).unwrap_err();
    assert!(e.to_string().contains("unknown field `rulez`"), "{e}");
}

#[test]
fn custom_types_rules_and_encodings() {
    let o: Options = serde_json::from_value(json(&format!(
        r#"{{"types": [{{"path": "adr.yaml", "text": {}}}], "rules": {{"FM008": "off"}}, "columnEncoding": "utf16", "path": "a.md"}}"#,
        serde_json::to_string(ADR_TYPE).unwrap()
    )))
    .unwrap();
    assert!(!o.uses_default_linter());
    let s = Session::new(o).unwrap();
    assert!(s.spec_types().iter().any(|t| t.id == "adr"));
    let r = s
        .validate(Input::Text(ADR), &CallOptions::default())
        .unwrap();
    assert_eq!(r.spec_type.as_deref(), Some("adr"));
    let r = s
        .validate(Input::Text(DEFECTS), &CallOptions::default())
        .unwrap();
    assert!(r.diagnostics.iter().all(|d| d.code != "FM008"));
    assert!(
        r.diagnostics
            .iter()
            .all(|d| d.path.as_deref() == Some("a.md"))
    );
    // UTF-16 columns count an astral character twice.
    let text = "---\nspec_type: database-schema\nstatus: \u{1F600}x\n---\n";
    let utf16 = s
        .validate(Input::Text(text), &CallOptions::default())
        .unwrap();
    let unicode = Session::new(Options::default())
        .unwrap()
        .validate(Input::Text(text), &CallOptions::default())
        .unwrap();
    let col = |r: &ValidateResult| {
        r.diagnostics
            .iter()
            .find(|d| d.code == "FM008")
            .map(|d| d.end_column)
    };
    assert_eq!(col(&unicode), Some(11));
    assert_eq!(col(&utf16), None, "FM008 is off");
    let s16 = Session::new(Options {
        column_encoding: Some(ColumnEncoding::Utf16),
        ..Options::default()
    })
    .unwrap();
    let r = s16
        .validate(Input::Text(text), &CallOptions::default())
        .unwrap();
    assert_eq!(col(&r), Some(12));
}

#[test]
fn bytes_report_invalid_utf8() {
    let s = Session::new(Options::default()).unwrap();
    let mut bytes = VALID.as_bytes().to_vec();
    bytes.extend_from_slice(b"\n\xff\n");
    let r = s
        .validate(Input::Bytes(&bytes), &CallOptions::default())
        .unwrap();
    assert!(r.diagnostics.iter().any(|d| d.code == "IO001"));
}

#[test]
fn normalize_export_derive() {
    let s = Session::new(Options::default()).unwrap();
    let messy = VALID.replace("status: approved", "status: Approved");
    let n = s.normalize(&messy, &NormalizeOptions::default()).unwrap();
    assert!(n.changed);
    assert_eq!(
        n.text,
        Linter::default()
            .normalize(&messy, &NormalizeOptions::default())
            .text
    );
    assert!(n.fixes.iter().any(|f| f.code == "FM008"), "{:?}", n.fixes);
    let again = s.normalize(&n.text, &NormalizeOptions::default()).unwrap();
    assert!(!again.changed);
    let e = s
        .normalize(
            VALID,
            &NormalizeOptions {
                spec_type: Some("nope".into()),
                ..NormalizeOptions::default()
            },
        )
        .unwrap_err();
    assert!(e.message().starts_with("unknown spec type"));

    // A walked file is exported only when it is a spec document; `list`
    // always gives an array.
    let walked = [
        ExportFile {
            path: "v.md".into(),
            text: VALID.into(),
            walked: true,
        },
        ExportFile {
            path: "n.md".into(),
            text: "# Notes\n".into(),
            walked: true,
        },
    ];
    let listed = s
        .export_json(
            &walked,
            &ExportJsonOptions {
                list: true,
                ..Default::default()
            },
        )
        .unwrap();
    let v: Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1), "{listed}");
    assert_eq!(v[0]["path"], "v.md");

    let files = [ExportFile {
        path: "v.md".into(),
        text: VALID.into(),
        walked: false,
    }];
    let one = s
        .export_json(&files, &ExportJsonOptions::default())
        .unwrap();
    let doc: Value = serde_json::from_str(&one).unwrap();
    assert_eq!(
        doc,
        serde_json::to_value(s.export(VALID, None).unwrap()).unwrap()
    );
    assert!(
        s.export_json(
            &files,
            &ExportJsonOptions {
                spec_type: Some("nope".into()),
                ..Default::default()
            }
        )
        .is_err()
    );
    assert!(unified_diff("v.md", "a\n", "b\n").starts_with("--- a/v.md\n+++ b/v.md\n"));
    let doc = s.export(VALID, None).unwrap();
    assert_eq!(doc, Linter::default().export(VALID, None));
    assert_eq!(doc.spec_type.as_deref(), Some("database-schema"));

    let t = derive(TEMPLATE).unwrap();
    assert_eq!(t, crate::derive::derive_spec_type(TEMPLATE).unwrap());
    assert!(spec_type_yaml(&t).unwrap().contains("sections:"));
    assert!(derive("---\na: [\n").is_err());
}

#[test]
fn schema_types_config_rules_render() {
    let s = Session::new(Options::default()).unwrap();
    let schema = s.front_matter_schema("database-schema").unwrap();
    assert_eq!(schema["type"], "object");
    assert!(s.front_matter_schema("nope").is_err());
    assert_eq!(
        s.spec_type_definition("database-schema").unwrap().id,
        "database-schema"
    );
    let c = parse_config("rules:\n  FM006: off\ntypes: [a.yaml]\n").unwrap();
    assert_eq!(c.types, vec!["a.yaml".to_string()]);
    assert!(parse_config("rulez: 1\n").is_err());
    assert!(rules().iter().any(|r| r.code == "FM008"));
    let r = s
        .validate(Input::Text(DEFECTS), &CallOptions::default())
        .unwrap();
    let files = [RenderFile {
        path: "x.md".into(),
        text: DEFECTS.into(),
        diagnostics: r.diagnostics,
    }];
    let out = render_diagnostics(format("json").unwrap(), &files, &RenderOpts::default());
    assert!(out.contains("\"FM008\""));
    assert!(
        format("xml")
            .unwrap_err()
            .message()
            .starts_with("unknown format `xml`")
    );
}

#[test]
fn dispatcher_answers_every_op() {
    let mut d = Dispatcher::new();
    assert_eq!(ok(&mut d, json(r#"{"op":"version"}"#)), crate::VERSION);
    assert!(
        ok(&mut d, json(r#"{"op":"rules"}"#))
            .as_array()
            .unwrap()
            .len()
            > 30
    );
    let r = ok(
        &mut d,
        serde_json::json!({"op": "validate", "text": DEFECTS, "path": "d.md"}),
    );
    let direct = Session::new(Options::default())
        .unwrap()
        .validate(
            Input::Text(DEFECTS),
            &CallOptions {
                path: Some("d.md".into()),
                ..CallOptions::default()
            },
        )
        .unwrap();
    assert_eq!(r, serde_json::to_value(&direct).unwrap());

    // Sessions: open with options, use, close.
    let h = ok(
        &mut d,
        serde_json::json!({"op": "open", "options": {"types": [ADR_TYPE], "rules": {"FM008": "off"}}}),
    );
    assert_eq!(h, 1);
    assert_eq!(d.open_sessions(), 1);
    let r = ok(
        &mut d,
        serde_json::json!({"op": "validate", "session": h, "text": ADR}),
    );
    assert_eq!(r["specType"], "adr");
    let r = ok(
        &mut d,
        serde_json::json!({"op": "validate", "session": h, "text": DEFECTS}),
    );
    assert!(
        r["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["code"] != "FM008")
    );
    let types = ok(&mut d, serde_json::json!({"op": "specTypes", "session": h}));
    assert_eq!(types.as_array().unwrap().len(), 2);
    assert_eq!(
        ok(
            &mut d,
            serde_json::json!({"op": "specType", "session": h, "id": "adr"})
        )["id"],
        "adr"
    );
    assert_eq!(
        ok(
            &mut d,
            serde_json::json!({"op": "frontMatterSchema", "specType": "adr", "session": h})
        )["type"],
        "object"
    );
    assert_eq!(
        ok(&mut d, serde_json::json!({"op": "close", "session": h})),
        Value::Null
    );
    assert_eq!(d.open_sessions(), 0);
    assert_eq!(
        err(&mut d, r#"{"op":"validate","session":1,"text":""}"#),
        "no open session 1"
    );
    assert_eq!(
        err(&mut d, r#"{"op":"close","session":1}"#),
        "no open session 1"
    );

    // Documents as bytes beside the request.
    let out = json(
        std::str::from_utf8(&d.call(br#"{"op":"validate"}"#, Some(b"---\nspec_type: x\n\xff")))
            .unwrap(),
    );
    assert!(
        out["ok"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "IO001"),
        "{out}"
    );
    let out = json(std::str::from_utf8(&d.call(br#"{"op":"exportSpec"}"#, Some(b"\xff"))).unwrap());
    assert_eq!(
        out["error"],
        "the document is not valid UTF-8: invalid byte at offset 0"
    );

    let n = ok(
        &mut d,
        serde_json::json!({"op": "normalize", "text": "---\nspec_type: database-schema\nstatus: Draft\n---\n", "unsafeFixes": false}),
    );
    assert_eq!(n["changed"], true);
    assert!(n["text"].as_str().unwrap().contains("status: draft"));
    let x = ok(
        &mut d,
        serde_json::json!({"op": "exportSpec", "text": VALID}),
    );
    assert_eq!(x["specType"], "database-schema");
    let t = ok(
        &mut d,
        serde_json::json!({"op": "deriveSpecType", "text": TEMPLATE}),
    );
    assert_eq!(t, serde_json::to_value(derive(TEMPLATE).unwrap()).unwrap());
    let y = ok(
        &mut d,
        serde_json::json!({"op": "deriveSpecType", "text": TEMPLATE, "yaml": true}),
    );
    assert!(y.as_str().unwrap().contains("sections:"));
    let c = ok(
        &mut d,
        serde_json::json!({"op": "parseConfig", "text": "rules:\n  FM006: error\n"}),
    );
    assert_eq!(c["rules"]["FM006"], "error");
    let x = ok(
        &mut d,
        serde_json::json!({"op": "crossCheck", "documents": [{"path": "a.md", "text": VALID}, {"path": "b.md", "text": VALID}]}),
    );
    assert!(
        x[1].as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "XD001"),
        "{x}"
    );
    let out = ok(
        &mut d,
        serde_json::json!({"op": "renderDiagnostics", "format": "github", "files": [{"path": "d.md", "text": DEFECTS, "diagnostics": r["diagnostics"]}]}),
    );
    assert!(out.as_str().unwrap().starts_with("::"), "{out}");
}

#[test]
fn dispatcher_errors_are_messages() {
    let mut d = Dispatcher::new();
    assert!(err(&mut d, "nope").starts_with("the request is not valid JSON"));
    assert_eq!(err(&mut d, "[]"), "the request must be a JSON object");
    assert_eq!(err(&mut d, "{}"), "the request has no `op`");
    assert!(err(&mut d, r#"{"op":"lint"}"#).starts_with("unknown op `lint`"));
    assert!(
        err(&mut d, r#"{"op":"validate","text":"","colour":1}"#)
            .contains("unknown option `colour`; expected one of `text`, `specType`, `path`")
    );
    assert!(
        err(&mut d, r#"{"op":"validate","options":{"rulez":{}}}"#)
            .starts_with("options: unknown option `rulez`")
    );
    assert_eq!(err(&mut d, r#"{"op":"validate"}"#), NO_DOCUMENT);
    assert!(
        err(&mut d, r#"{"op":"validate","text":"","specType":"nope"}"#)
            .starts_with("unknown spec type `nope`")
    );
    assert!(err(&mut d, r#"{"op":"version","session":1}"#).contains("takes no `session`"));
    assert_eq!(
        err(&mut d, r#"{"op":"specType"}"#),
        "specType: `id` is required"
    );
    assert!(
        err(&mut d, r#"{"op":"version","foo":1}"#).starts_with("version: unknown option `foo`"),
        "{}",
        err(&mut d, r#"{"op":"version","foo":1}"#)
    );
    assert_eq!(err(&mut d, r#"{"op":5}"#), "`op` must be a string");
    assert_eq!(
        err(&mut d, r#"{"op":"rules","workspace":1}"#),
        "`rules` takes no `workspace`"
    );
    assert_eq!(
        err(&mut d, r#"{"op":"close","options":{}}"#),
        "`close` takes no `options`"
    );
    assert!(
        err(&mut d, r#"{"op":"validate","session":0,"text":""}"#)
            .contains("handle returned by `open`")
    );
    assert!(
        err(&mut d, r#"{"op":"deriveSpecType","text":"---\na: [\n"}"#).contains("front matter")
    );
    assert!(
        err(&mut d, r#"{"op":"frontMatterSchema","specType":"nope"}"#)
            .starts_with("unknown spec type")
    );
    assert!(err(&mut d, r#"{"op":"parseConfig","text":"rulez: 1"}"#).contains("rulez"));
    assert!(
        err(
            &mut d,
            r#"{"op":"renderDiagnostics","format":"xml","files":[]}"#
        )
        .starts_with("unknown format")
    );
    // Handles are reused after close.
    let mut d = Dispatcher::new();
    assert_eq!(ok(&mut d, json(r#"{"op":"open"}"#)), 1);
    assert_eq!(ok(&mut d, json(r#"{"op":"open"}"#)), 2);
    ok(&mut d, json(r#"{"op":"close","session":1}"#));
    assert_eq!(ok(&mut d, json(r#"{"op":"open"}"#)), 1);
}

/// The names of the ops come from one place, `request.rs`: each is what the
/// JS binding calls the same thing, and the Python package sends no other.
#[test]
fn ops_are_named_as_in_js_and_python() {
    const WASM: &str = include_str!("../wasm.rs");
    const PYTHON: [&str; 2] = [
        include_str!("../../../python/src/speclint/__init__.py"),
        include_str!("../../../python/src/speclint/_runtime.py"),
    ];
    // Every exported name: `js_name = X`, or the `pub fn` itself.
    let mut js = std::collections::BTreeSet::new();
    let mut pending: Option<&str> = None;
    for line in WASM.lines().map(str::trim) {
        if let Some(rest) = line.split_once("js_name = ").map(|(_, r)| r) {
            pending = Some(rest.trim_end_matches([')', ']']));
        } else if let Some(rest) = line.strip_prefix("pub fn ") {
            let name = rest.split('(').next().unwrap_or_default();
            js.insert(pending.take().unwrap_or(name).to_string());
        }
    }
    assert!(js.contains("exportSpec") && js.contains("enter"), "{js:?}");
    let lifecycle = ["open", "close", "workspaceOpen", "workspaceClose"];
    for op in OPS.iter().filter(|op| !lifecycle.contains(op)) {
        let name = match op.strip_prefix("workspace") {
            Some(method) => {
                let mut c = method.chars();
                c.next()
                    .map(|f| f.to_ascii_lowercase().to_string())
                    .unwrap_or_default()
                    + c.as_str()
            }
            None => op.to_string(),
        };
        assert!(
            js.contains(&name),
            "op `{op}` has no JS counterpart `{name}`"
        );
    }
    let mut sent = 0;
    for text in PYTHON {
        for part in text.split("\"op\": \"").skip(1) {
            let op = part.split('"').next().unwrap_or_default();
            assert!(
                OPS.contains(&op),
                "Python sends op `{op}`, which is not in request.rs"
            );
            sent += 1;
        }
    }
    assert!(sent > 20, "{sent}");
    // The unknown-op error lists the same names.
    let mut d = Dispatcher::new();
    let e = err(&mut d, r#"{"op":"lint"}"#);
    for op in OPS {
        assert!(e.contains(&format!("`{op}`")), "{e}");
    }
}
