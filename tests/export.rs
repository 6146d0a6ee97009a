//! `export`: the document as data.
//!
//! - the export of every example document is snapshot-tested (pretty JSON);
//! - every export of the examples and of every rule fixture validates against the
//!   shipped JSON Schema `docs/spec-document.schema.json`, and its line ranges lie
//!   inside the document;
//! - the schema names exactly the properties the Rust structs serialize (so the
//!   two cannot drift apart), and is itself a valid draft 2020-12 schema.

mod common;

use common::{linter, md_files, root};

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use speclint::Linter;

fn schema() -> Value {
    let text = fs::read_to_string(root().join("docs/spec-document.schema.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn export_json(linter: &Linter, text: &str) -> Value {
    serde_json::to_value(linter.export(text, None)).unwrap()
}

fn examples() -> Vec<PathBuf> {
    let mut v = Vec::new();
    md_files(&root().join("examples"), &mut v);
    v.sort();
    v
}

fn snapshot_name(p: &Path) -> String {
    let rel = p.strip_prefix(root().join("examples")).unwrap();
    rel.with_extension("")
        .to_string_lossy()
        .replace(['/', '\\'], "-")
}

/// Pretty JSON that keeps small objects and arrays on one line (easier to
/// review), in the order serialized. `json` is compact JSON as serde_json writes it.
fn compact_pretty(json: &str, indent: usize) -> String {
    let json = json.trim();
    let (open, close) = match json.as_bytes().first() {
        Some(b'{') => ('{', '}'),
        Some(b'[') => ('[', ']'),
        _ => return json.to_string(),
    };
    if json.len() + 2 * indent <= 100 || json.len() == 2 {
        return json.to_string();
    }
    // Split the inside at top-level commas (outside strings and nested values).
    let inner = &json[1..json.len() - 1];
    let mut parts = Vec::new();
    let (mut depth, mut in_str, mut escaped, mut start) = (0usize, false, false, 0usize);
    for (i, c) in inner.char_indices() {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' | '[' => depth += 1,
            '}' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    let pad = "  ".repeat(indent + 1);
    let items: Vec<String> = parts
        .iter()
        .map(|p| {
            if open == '{' {
                // `"key":value`: the key is a JSON string, so the first `":` after it ends it.
                let colon = key_end(p);
                format!(
                    "{pad}{}: {}",
                    &p[..colon],
                    compact_pretty(&p[colon + 1..], indent + 1)
                )
            } else {
                format!("{pad}{}", compact_pretty(p, indent + 1))
            }
        })
        .collect();
    format!(
        "{open}\n{}\n{}{close}",
        items.join(",\n"),
        "  ".repeat(indent)
    )
}

/// The index of the `:` after the JSON string key at the start of `member`.
fn key_end(member: &str) -> usize {
    let mut escaped = false;
    for (i, c) in member.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return i + 1,
            _ => {}
        }
    }
    member.len()
}

#[test]
fn examples_snapshot() {
    let linter = linter();
    let files = examples();
    assert!(files.len() >= 7, "{files:?}");
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        let json = compact_pretty(
            &serde_json::to_string(&linter.export(&text, None)).unwrap(),
            0,
        );
        insta::assert_snapshot!(snapshot_name(&f), json);
    }
}

/// Every `lines` range (and every `rowLines` item) within `1..=line_count`, start <= end.
fn check_lines(v: &Value, line_count: usize, at: &str) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let here = format!("{at}.{k}");
                if k == "lines" || k == "frontMatterLines" {
                    if let Some(r) = x.as_object() {
                        let s = r["start"].as_u64().unwrap() as usize;
                        let e = r["end"].as_u64().unwrap() as usize;
                        assert!(
                            1 <= s && s <= e && e <= line_count,
                            "{here}: {s}..{e} of {line_count}"
                        );
                    }
                }
                check_lines(x, line_count, &here);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                if at.ends_with("rowLines") || at.ends_with("fieldLines") {
                    check_lines(&serde_json::json!({ "lines": x }), line_count, at);
                }
                check_lines(x, line_count, &format!("{at}[{i}]"));
            }
        }
        _ => {}
    }
}

#[test]
fn exports_validate_against_the_schema() {
    let schema = schema();
    jsonschema::meta::validate(&schema).expect("the schema is a valid JSON Schema");
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let linter = linter();
    let mut files = examples();
    md_files(&root().join("tests/fixtures"), &mut files);
    assert!(files.len() > 20);
    let mut texts: Vec<(String, String)> = files
        .iter()
        .map(|f| (f.display().to_string(), fs::read_to_string(f).unwrap()))
        .collect();
    for odd in [
        "",
        "no headings at all\n",
        "---\n- a list\n---\nbody\n",
        "---\nspec_type: database-schema\napplicability: [web\n---\n## Entity Inventory\n### `t`\n| a |\n|-|\n| 1 | 2 |\n",
        "---\nspec_type: nope\n---\n| x |\n|---|\n",
    ] {
        texts.push((format!("{odd:?}"), odd.to_string()));
    }
    for (name, text) in &texts {
        let v = export_json(&linter, text);
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        let line_count = speclint::LineIndex::new(text).line_count();
        check_lines(&v, line_count, name);
        // Field lines are ranges too.
        if let Some(f) = v["fieldLines"].as_object() {
            for (k, r) in f {
                check_lines(
                    &serde_json::json!({ "lines": r }),
                    line_count,
                    &format!("{name}.fieldLines.{k}"),
                );
            }
        }
    }
}

/// Resolves a local `$ref` and, for `oneOf` with a null branch, picks the branch for `instance`.
fn resolve<'s>(schema: &'s Value, root: &'s Value, instance: &Value) -> &'s Value {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local $ref");
        return resolve(&root["$defs"][name], root, instance);
    }
    if let Some(branches) = schema.get("oneOf").and_then(Value::as_array) {
        let want_null = instance.is_null();
        let b = branches
            .iter()
            .find(|b| (b.get("type") == Some(&Value::from("null"))) == want_null)
            .expect("a branch");
        return resolve(b, root, instance);
    }
    schema
}

/// Walks an export beside the schema: every object the schema describes with
/// `properties` has exactly those keys, and they are all `required`.
fn same_keys(instance: &Value, schema: &Value, root: &Value, at: &str, seen: &mut Vec<String>) {
    let schema = resolve(schema, root, instance);
    match instance {
        Value::Object(m) => {
            if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                let mut got: Vec<&String> = m.keys().collect();
                let mut want: Vec<&String> = props.keys().collect();
                got.sort();
                want.sort();
                assert_eq!(got, want, "keys of {at}");
                let mut required: Vec<&str> = schema["required"]
                    .as_array()
                    .unwrap_or_else(|| panic!("{at}: no `required`"))
                    .iter()
                    .map(|r| r.as_str().unwrap())
                    .collect();
                required.sort();
                assert_eq!(
                    required,
                    want.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                    "required of {at}"
                );
                assert_eq!(schema["additionalProperties"], Value::Bool(false), "{at}");
                seen.push(without_indices(at));
                for (k, v) in m {
                    same_keys(v, &props[k], root, &format!("{at}.{k}"), seen);
                }
            } else if let Some(ap) = schema.get("additionalProperties").filter(|a| a.is_object()) {
                for (k, v) in m {
                    same_keys(v, ap, root, &format!("{at}.{k}"), seen);
                }
            }
        }
        Value::Array(a) => {
            if let Some(items) = schema.get("items") {
                for (i, v) in a.iter().enumerate() {
                    same_keys(v, items, root, &format!("{at}[{i}]"), seen);
                }
            }
        }
        _ => {}
    }
}

/// `$.tables[3].rowLines[0]` → `$.tables.rowLines`.
fn without_indices(at: &str) -> String {
    let mut out = String::new();
    let mut in_index = false;
    for c in at.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            _ if !in_index => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn schema_names_every_serialized_field() {
    let schema = schema();
    let linter = linter();
    // Between them these exports have every kind of object non-null: a preamble,
    // entities with primary and foreign keys and indexes, mapped tables.
    let mut texts: Vec<String> = examples()
        .iter()
        .map(|f| fs::read_to_string(f).unwrap())
        .collect();
    texts.push("Before the first heading.\n\n# T\n".into());
    let mut seen = Vec::new();
    for t in &texts {
        same_keys(&export_json(&linter, t), &schema, &schema, "$", &mut seen);
    }
    seen.sort();
    seen.dedup();
    for path in [
        "$",
        "$.diagnostics",
        "$.frontMatterLines",
        "$.preamble",
        "$.sections",
        "$.tables",
        "$.entities",
        "$.entities.columns",
        "$.entities.primaryKey",
        "$.entities.foreignKeys",
        "$.entities.foreignKeys.references",
        "$.entities.indexes",
    ] {
        assert!(
            seen.iter().any(|s| s == path),
            "no export exercised `{path}`; seen: {seen:?}"
        );
    }
}

#[test]
fn entities_of_the_valid_example() {
    let text = fs::read_to_string(root().join("examples/valid/orders-db.md")).unwrap();
    let d = speclint::Linter::default().export(&text, None);
    let v = serde_json::to_value(&d).unwrap();
    assert_eq!(v["specType"], "database-schema");
    assert_eq!(v["typeSource"], "front-matter");
    assert_eq!(v["frontMatter"]["last_updated"], "2026-10-14");
    let keys: Vec<&str> = v["frontMatter"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 7);
    let names: Vec<&str> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["customers", "orders", "order_items", "payments"]);
    let items = &v["entities"][2];
    assert_eq!(items["primaryKey"]["columns"], serde_json::json!(["id"]));
    assert_eq!(items["foreignKeys"][0]["column"], "order_id");
    assert_eq!(
        items["foreignKeys"][0]["references"],
        serde_json::json!({ "entity": "orders", "columns": ["id"] })
    );
    assert_eq!(items["columns"][0]["nullable"], false);
    assert_eq!(items["columns"][1]["default"], Value::Null);
    assert_eq!(items["indexes"][1]["unique"], true);
    // The Schema Summary table is keyed by canonical column keys.
    let summary = v["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["section"] == "schema-summary")
        .unwrap();
    assert_eq!(
        summary["columns"],
        serde_json::json!(["schema", "purpose", "owner", "notes"])
    );
    assert_eq!(summary["rows"][2]["owner"], "finance-data-team");
    // Sections carry canonical ids and their lines.
    let purpose = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "purpose")
        .unwrap();
    assert_eq!(
        purpose["lines"],
        serde_json::json!({ "start": 13, "end": 19 })
    );
    assert!(
        purpose["markdown"]
            .as_str()
            .unwrap()
            .starts_with("This document is the authoritative")
    );
}

#[test]
fn near_misses_and_unmapped_columns() {
    let text = "---\nspec_type: database-schema\nlast_updated: 2024/1/5\n---\nIntro.\n\n## Overview\nx\n\n## Schema Summary\n| DB | Extra | Purpose | Extra |\n| - | - | - | - |\n| a | b |\n## Glossary\n| Term |\n| - |\n| t |\n";
    let d = speclint::Linter::default().export(text, None);
    assert_eq!(
        d.front_matter.as_ref().and_then(|f| f.get("last_updated")),
        Some(&Value::from("2024-01-05"))
    );
    assert_eq!(
        d.preamble.as_ref().map(|p| p.markdown.as_str()),
        Some("Intro.")
    );
    assert_eq!(d.sections[0].id.as_deref(), Some("system-overview"));
    assert_eq!(d.sections[2].id, None);
    let t = &d.tables[0];
    assert!(t.mapped);
    assert_eq!(t.columns, ["schema", "Extra", "purpose", "Extra_2"]);
    assert_eq!(t.rows[0].get("purpose"), Some(&None));
    assert_eq!(t.rows[0].get("Extra"), Some(&Some("b".to_string())));
    let g = &d.tables[1];
    assert!(!g.mapped);
    assert_eq!(g.section.as_deref(), Some("Glossary"));
    assert_eq!(g.columns, ["Term"]);
}

#[test]
fn explicit_type_and_no_type() {
    let text = "# Notes\n\n## Context\nx\n";
    let none = linter().export(text, None);
    assert_eq!(none.spec_type, None);
    assert_eq!(none.type_source, None);
    assert_eq!(none.entities, None);
    assert_eq!(none.sections[1].role, None);
    let adr = linter().export(text, Some("adr"));
    assert_eq!(adr.spec_type.as_deref(), Some("adr"));
    assert_eq!(adr.type_source, Some(speclint::TypeSource::Explicit));
    assert_eq!(adr.sections[1].id.as_deref(), Some("context"));
    assert_eq!(adr.entities, None, "ADRs have no database-schema semantics");
    assert!(adr.diagnostics.errors > 0);
}

/// Markdown-ish fragments that exercise every part of the exporter.
const FRAGMENTS: &[&str] = &[
    "---\n",
    "spec_type: database-schema\n",
    "title: T\n",
    "last_updated: 2024/1/5\n",
    "applicability: [web\n",
    "status: \"draft\" # c\n",
    "# Title\n",
    "## Entity Inventory\n",
    "## Schema Summary\n",
    "## Overveiw\n",
    "### `orders`\n",
    "### `<table_name>`\n",
    "#### Indexes\n",
    "- `idx` unique btree on (a, b)\n",
    "Indexes:\n",
    "Primary key: `id`\n",
    "| Column | Type | Nullable | Default | Constraints |\n",
    "| --- | --- | --- | --- | --- |\n",
    "| id | uuid | no | — | PRIMARY KEY |\n",
    "| x | y | REFERENCES orders(id) |\n",
    "| DB | | DB |\n",
    "```sql\n",
    "text with `code` and é😀\n",
    "\n",
    "\r\n",
    "\u{feff}",
    "Title\n===\n",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    #[test]
    fn generated_documents_export_and_validate(picks in proptest::collection::vec(0..FRAGMENTS.len(), 0..40)) {
        let text: String = picks.iter().map(|&i| FRAGMENTS[i]).collect();
        let v = export_json(&Linter::default(), &text);
        let schema = schema();
        let validator = jsonschema::draft202012::new(&schema).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        proptest::prop_assert!(errors.is_empty(), "{text:?}: {errors:?}");
        check_lines(&v, speclint::LineIndex::new(&text).line_count(), "$");
    }
}
