//! Spec types as data: the definition format, the built-in types and the registry.
//!
//! A spec type says what a family of documents must look like: its front
//! matter fields, its sections in order, their tables, repeated subsections
//! and template residue, and conditions from front matter to body. It is
//! (de)serializable as YAML or JSON; the format is documented in
//! `docs/spec-types.md`. The built-in `database-schema` type is
//! `database-schema.yaml` beside this file, embedded at compile time.

mod schema;
mod titles;

use serde::{Deserialize, Serialize};

pub use schema::front_matter_schema;
pub use titles::{NearMissKind, TitleMatcher};

use crate::yaml;

/// A spec type definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecType {
    /// The value of `spec_type` in documents of this type (kebab-case).
    pub id: String,
    /// Human name, e.g. "Database Schema Specification".
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Front matter fields, in canonical order.
    #[serde(default)]
    pub fields: Vec<FieldSpec>,
    /// Sections, in canonical order.
    #[serde(default)]
    pub sections: Vec<SectionSpec>,
    /// Conditions from front matter values to the body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// Domain checks to enable: `database-schema` turns on the `DB` rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub semantics: Vec<Semantics>,
    /// Template guidance lines that must not remain anywhere in a document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub residue: Vec<String>,
    /// What the checks derive from the type once instead of per document.
    #[serde(skip)]
    pub(crate) compiled: Compiled,
}

/// What the checks derive from a [`SpecType`] once, on first use, instead of
/// per document: the [`TitleMatcher`] and the guidance keys of `TR002`.
///
/// A clone starts empty, so a type that is cloned and then changed never
/// sees the original's matcher; the cache takes no part in equality or
/// serialization. Change a type before it checks documents, never after
/// (the registry and the `Linter` only replace whole types).
#[derive(Default)]
pub(crate) struct Compiled {
    titles: std::sync::OnceLock<TitleMatcher>,
    guidance: std::sync::OnceLock<std::collections::HashSet<String>>,
}

impl Clone for Compiled {
    fn clone(&self) -> Self {
        Compiled::default()
    }
}

impl PartialEq for Compiled {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Compiled")
    }
}

impl SpecType {
    /// The matcher of this type's section titles and aliases, built on first use.
    pub fn titles(&self) -> &TitleMatcher {
        self.compiled.titles.get_or_init(|| TitleMatcher::new(self))
    }

    /// The guidance keys (`crate::text::guidance_key`) of every `residue`
    /// line of the type, its sections and their entries, built on first use.
    pub(crate) fn guidance_keys(&self) -> &std::collections::HashSet<String> {
        self.compiled.guidance.get_or_init(|| {
            self.residue
                .iter()
                .chain(self.sections.iter().flat_map(|s| s.residue.iter()))
                .chain(
                    self.sections
                        .iter()
                        .filter_map(|s| s.entries.as_ref())
                        .flat_map(|e| e.residue.iter()),
                )
                .map(|r| crate::text::guidance_key(r))
                .filter(|k| !k.is_empty())
                .collect()
        })
    }
}

/// Domain-specific rule sets a spec type can enable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Semantics {
    DatabaseSchema,
}

/// The value type of a front matter field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    String,
    Date,
    Enum,
    List,
    Boolean,
    Number,
}

impl FieldKind {
    pub fn describe(self) -> &'static str {
        match self {
            FieldKind::String => "a string",
            FieldKind::Date => "a date (`YYYY-MM-DD`)",
            FieldKind::Enum => "one of the allowed values",
            FieldKind::List => "a list",
            FieldKind::Boolean => "a boolean (`true` or `false`)",
            FieldKind::Number => "a number",
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}
fn is_true(b: &bool) -> bool {
    *b
}
fn yes() -> bool {
    true
}
fn level_two() -> u8 {
    2
}
fn level_three() -> u8 {
    3
}
fn one() -> usize {
    1
}

/// One front matter field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: FieldKind,
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// Allowed values of an `enum`, or allowed items of a `list` (closed:
    /// another value is an error).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Suggested values, from a template's example (open: another value is a
    /// warning naming them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggested: Vec<String>,
    /// The only value allowed (e.g. `spec_type: database-schema`).
    #[serde(default, rename = "const", skip_serializing_if = "Option::is_none")]
    pub const_value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<usize>,
    /// Whether a template placeholder (`<...>`, `YYYY-MM-DD`) may remain in the value.
    #[serde(default, skip_serializing_if = "is_false")]
    pub placeholder_allowed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One section (a heading and its body).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSpec {
    /// Stable kebab-case id (used in exports and messages).
    pub id: String,
    /// The canonical heading text.
    pub title: String,
    /// Other titles that mean this section; a heading using one is renamed by the fix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub required: bool,
    #[serde(default = "level_two")]
    pub level: u8,
    /// The section must have content besides its heading.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub non_empty: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<TableSpec>,
    /// Repeated subsections (one per entity, endpoint, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entries: Option<RepeatedSpec>,
    /// Template guidance lines of this section; copied verbatim they are residue.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub residue: Vec<String>,
    /// Named subsections the section has (`### Backend Services`, `### Web
    /// Frontend`), unlike `entries`, which repeat under any name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subsections: Vec<SubsectionSpec>,
}

/// A named subsection of a section (see [`SectionSpec::subsections`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubsectionSpec {
    /// The heading text.
    pub title: String,
    /// Other titles that mean this subsection.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub required: bool,
    /// The table it must contain (checked as a section's table is: `TB001`,
    /// `TB002`, `TB004`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<TableSpec>,
}

/// A table a section must contain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub required: bool,
    pub columns: Vec<ColumnSpec>,
    /// Minimum number of body rows (an empty table is reported below this).
    #[serde(default = "one")]
    pub min_rows: usize,
    /// Rows the table must have, by the text of their first cell (a
    /// template's skeleton rows, `| Staging | | |`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<String>,
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnSpec {
    /// Canonical header text.
    pub name: String,
    /// Stable key used in exports (defaults to the name in snake_case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub required: bool,
}

impl ColumnSpec {
    /// The export key: `key`, or the name in snake_case.
    pub fn key(&self) -> String {
        self.key.clone().unwrap_or_else(|| snake_case(&self.name))
    }
}

/// How the heading of a repeated subsection is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeadingStyle {
    /// Any heading text.
    #[default]
    Any,
    /// The name in a code span: ``### `orders` ``.
    Code,
}

/// Repeated subsections inside a section (e.g. one per table in the Entity Inventory).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepeatedSpec {
    /// What one entry is called in messages ("entity").
    pub name: String,
    #[serde(default = "level_three")]
    pub level: u8,
    #[serde(default)]
    pub heading: HeadingStyle,
    #[serde(default = "one")]
    pub min: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<TableSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub residue: Vec<String>,
}

/// `when` a front matter field has a value, `then` the body must satisfy more.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub when: When,
    pub then: Then,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    pub field: String,
    pub equals: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Then {
    /// Placeholders anywhere become errors.
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_placeholders: bool,
    /// Empty sections become errors.
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_empty_sections: bool,
    /// Template guidance residue becomes errors.
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_residue: bool,
    /// Front matter fields that become required.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_fields: Vec<String>,
    /// At least one of these must reference something (e.g. the replacement of a deprecated spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceSpec>,
}

/// A reference satisfied by a non-empty front matter field or by a phrase in the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceSpec {
    /// What is referenced, in messages ("a replacement").
    pub what: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Case-insensitive phrases in the body, e.g. "superseded by".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phrases: Vec<String>,
}

impl SpecType {
    pub fn field(&self, name: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// Parses a spec type from YAML (JSON is YAML too) and checks it.
    pub fn from_yaml(text: &str) -> Result<SpecType, SpecTypeError> {
        let t = SpecType::parse_yaml(text)?;
        t.check()?;
        Ok(t)
    }

    /// Parses a spec type without [`SpecType::check`]: a refinement of a
    /// template's type is checked once merged (`crate::family::refine`).
    pub(crate) fn parse_yaml(text: &str) -> Result<SpecType, SpecTypeError> {
        if text.len() > MAX_TYPE_BYTES {
            return Err(SpecTypeError {
                message: format!(
                    "the definition is {} bytes; the limit is {MAX_TYPE_BYTES} bytes",
                    text.len()
                ),
                offset: None,
            });
        }
        let t: SpecType = yaml::from_str(text).map_err(|e| {
            let mut message = crate::text::without_type_names(&e.message);
            crate::text::cap_message(&mut message);
            SpecTypeError {
                message,
                offset: e.offset,
            }
        })?;
        Ok(t)
    }

    /// Checks a definition's internal consistency.
    pub fn check(&self) -> Result<(), SpecTypeError> {
        let err = |m: String| {
            Err(SpecTypeError {
                message: m,
                offset: None,
            })
        };
        if self.id.trim().is_empty() {
            return err("`id` must not be empty".into());
        }
        // Size limits: a type is compared against every heading and line of
        // every document it checks, so its size is bounded like an input's.
        let names: usize = self.sections.iter().map(|s| 1 + s.aliases.len()).sum();
        let residue: usize = self.residue.len()
            + self
                .sections
                .iter()
                .map(|s| s.residue.len() + s.entries.as_ref().map_or(0, |e| e.residue.len()))
                .sum::<usize>();
        let columns = self
            .sections
            .iter()
            .flat_map(|s| {
                s.table
                    .iter()
                    .chain(s.entries.iter().filter_map(|e| e.table.as_ref()))
            })
            .map(|t| t.columns.len())
            .max()
            .unwrap_or(0);
        for (what, n, max) in [
            ("sections", self.sections.len(), MAX_SECTIONS),
            ("fields", self.fields.len(), MAX_FIELDS),
            ("section titles and aliases", names, MAX_TITLES),
            ("residue lines", residue, MAX_RESIDUE),
            ("columns in one table", columns, MAX_COLUMNS),
            ("conditions", self.conditions.len(), MAX_CONDITIONS),
        ] {
            if n > max {
                return err(format!("the type has {n} {what}; the limit is {max}"));
            }
        }
        let mut names = std::collections::HashSet::new();
        for f in &self.fields {
            if !names.insert(f.name.as_str()) {
                return err(format!("field `{}` is declared twice", f.name));
            }
            if f.kind == FieldKind::Enum && f.values.is_empty() && f.const_value.is_none() {
                return err(format!("enum field `{}` needs `values`", f.name));
            }
            if let (Some(a), Some(b)) = (f.min_items, f.max_items) {
                if a > b {
                    return err(format!(
                        "field `{}` has `min_items` {a} above `max_items` {b}",
                        f.name
                    ));
                }
            }
        }
        let mut ids = std::collections::HashSet::new();
        for s in &self.sections {
            if !ids.insert(s.id.as_str()) {
                return err(format!("section id `{}` is declared twice", s.id));
            }
            if !(1..=6).contains(&s.level) {
                return err(format!(
                    "section `{}` has heading level {}; use 1 to 6",
                    s.id, s.level
                ));
            }
            if let Some(e) = &s.entries {
                if !(1..=6).contains(&e.level) || e.level <= s.level {
                    return err(format!(
                        "entries of section `{}` need a heading level between {} and 6",
                        s.id,
                        s.level + 1
                    ));
                }
            }
        }
        for c in &self.conditions {
            for f in c
                .then
                .required_fields
                .iter()
                .chain(std::iter::once(&c.when.field))
            {
                if self.field(f).is_none() {
                    return err(format!(
                        "condition names field `{f}`, which is not declared"
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Limits on a spec type's size (see [`SpecType::check`]).
pub const MAX_SECTIONS: usize = 500;
pub const MAX_FIELDS: usize = 500;
pub const MAX_TITLES: usize = 2_000;
pub const MAX_RESIDUE: usize = 5_000;
pub const MAX_COLUMNS: usize = 128;
pub const MAX_CONDITIONS: usize = 100;
/// The largest spec type text read, in bytes.
pub const MAX_TYPE_BYTES: usize = 1024 * 1024;

/// A spec type definition that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecTypeError {
    pub message: String,
    /// Byte offset in the definition text, when the YAML parser gave one.
    pub offset: Option<usize>,
}

impl std::fmt::Display for SpecTypeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The built-in database schema type, as YAML.
pub const DATABASE_SCHEMA_YAML: &str = include_str!("database-schema.yaml");

/// The built-in spec types. Never fails: the embedded definitions are tested.
///
/// Parsed once per process and cloned: parsing the YAML costs about as much
/// as validating a short document, and every `Linter::default()` needs them.
pub fn builtin() -> Vec<SpecType> {
    static BUILTIN: std::sync::OnceLock<Vec<SpecType>> = std::sync::OnceLock::new();
    BUILTIN
        .get_or_init(|| {
            SpecType::from_yaml(DATABASE_SCHEMA_YAML)
                .into_iter()
                .collect()
        })
        .clone()
}

/// The spec types a validation can choose from: built-in ones plus user ones
/// (a user type with a built-in id replaces it).
#[derive(Debug, Clone)]
pub struct Registry {
    types: Vec<SpecType>,
}

impl Default for Registry {
    fn default() -> Self {
        Registry { types: builtin() }
    }
}

impl Registry {
    /// A registry with no types at all.
    pub fn empty() -> Self {
        Registry { types: Vec::new() }
    }

    /// Adds or replaces a type.
    pub fn add(&mut self, t: SpecType) {
        if let Some(slot) = self.types.iter_mut().find(|x| x.id == t.id) {
            *slot = t;
        } else {
            self.types.push(t);
        }
    }

    pub fn get(&self, id: &str) -> Option<&SpecType> {
        self.types.iter().find(|t| t.id == id)
    }

    pub fn ids(&self) -> Vec<&str> {
        self.types.iter().map(|t| t.id.as_str()).collect()
    }

    /// The type with this id, or an error naming the known ones.
    pub fn require(&self, id: &str) -> Result<&SpecType, crate::OptionsError> {
        self.get(id).ok_or_else(|| {
            crate::OptionsError::UnknownSpecType(format!(
                "unknown spec type `{id}`; known: {}",
                crate::text::code_list(&self.ids())
            ))
        })
    }

    pub fn types(&self) -> &[SpecType] {
        &self.types
    }
}

/// Common header synonyms (lowercase), one group per meaning; the first word
/// of a group is its export key. Derived types take a group's other words as
/// a column's aliases, and the schema reader falls back on them when a spec
/// type declares no column table. A name takes the first group that contains
/// it, so `notes` is its own column before it is a synonym of `constraints`.
pub const COLUMN_SYNONYMS: &[&[&str]] = &[
    &[
        "name",
        "column",
        "column name",
        "field",
        "field name",
        "attribute",
    ],
    &["type", "data type", "datatype", "column type"],
    &[
        "nullable",
        "null",
        "nullable?",
        "null?",
        "is nullable",
        "optional",
    ],
    &["default", "default value", "defaults"],
    &["notes", "comments", "remarks"],
    &["constraints", "constraint", "keys", "notes"],
    &["owner", "owning team", "team"],
    &["purpose", "description"],
    &[
        "schema / db",
        "schema",
        "db",
        "database",
        "schema/db",
        "schema / database",
    ],
];

pub use crate::text::{normalize_title, snake_case};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads() {
        let t = SpecType::from_yaml(DATABASE_SCHEMA_YAML).expect("built-in type is valid");
        assert_eq!(t.id, "database-schema");
        assert_eq!(t.sections.len(), 16);
        assert_eq!(t.fields.len(), 8);
    }

    #[test]
    fn titles_normalize() {
        assert_eq!(
            normalize_title("Data Classification & Compliance"),
            "data classification and compliance"
        );
        assert_eq!(
            normalize_title("Data classification and compliance"),
            "data classification and compliance"
        );
        assert_eq!(normalize_title("Schema / DB"), "schema db");
        assert_eq!(snake_case("Schema / DB"), "schema_db");
    }

    #[test]
    fn bad_definitions_are_clear() {
        let e = SpecType::from_yaml("id: x\nname: X\nfields:\n  - name: a\n    type: enum\n")
            .unwrap_err();
        assert_eq!(e.message, "enum field `a` needs `values`");
        let e = SpecType::from_yaml("id: x\nname: X\nbogus: 1\n").unwrap_err();
        assert!(e.message.contains("unknown field `bogus`"), "{}", e.message);
    }
}
