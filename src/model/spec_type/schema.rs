//! JSON Schema (draft 2020-12) of a spec type's front matter, for editors
//! (YAML language servers read it through `# yaml-language-server: $schema=`).

use serde_json::{Map, Value, json};

use super::{FieldKind, FieldSpec, SpecType};

/// The JSON Schema of the front matter of `t`.
pub fn front_matter_schema(t: &SpecType) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for f in &t.fields {
        props.insert(f.name.clone(), field_schema(f));
        if f.required {
            required.push(Value::String(f.name.clone()));
        }
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("speclint:{}/front-matter", t.id),
        "title": format!("{} front matter", t.name),
        "type": "object",
        "properties": props,
        "required": required,
        "additionalProperties": true,
    })
}

fn field_schema(f: &FieldSpec) -> Value {
    let mut s = match f.kind {
        FieldKind::String => json!({ "type": "string" }),
        FieldKind::Date => {
            json!({ "type": "string", "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" })
        }
        FieldKind::Enum => json!({ "type": "string", "enum": f.values }),
        FieldKind::Boolean => json!({ "type": "boolean" }),
        FieldKind::Number => json!({ "type": "number" }),
        FieldKind::List => {
            let mut items = json!({ "type": "string" });
            if !f.values.is_empty() {
                items["enum"] = json!(f.values);
            }
            let mut l = json!({ "type": "array", "items": items });
            if let Some(n) = f.min_items {
                l["minItems"] = json!(n);
            }
            if let Some(n) = f.max_items {
                l["maxItems"] = json!(n);
            }
            l
        }
    };
    if let Some(c) = &f.const_value {
        s["const"] = json!(c);
    }
    if let Some(d) = &f.description {
        s["description"] = json!(d);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_schema() {
        let t = crate::spec_type::builtin().remove(0);
        let s = front_matter_schema(&t);
        assert_eq!(
            s["properties"]["status"]["enum"],
            json!(["draft", "approved", "deprecated"])
        );
        assert_eq!(
            s["properties"]["spec_type"]["const"],
            json!("database-schema")
        );
        assert_eq!(s["properties"]["applicability"]["minItems"], json!(1));
        assert!(
            s["required"]
                .as_array()
                .unwrap()
                .contains(&json!("last_updated"))
        );
    }
}
