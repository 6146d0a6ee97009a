//! The configuration file (`speclint.yaml` / `.speclint.yaml`) as data.
//!
//! Reading the file and resolving its paths is the caller's job (the CLI, a
//! plugin); the core only parses the text and checks the values.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::rules::{self, Levels};
use crate::{OptionsError, text, yaml};

/// A rule level in configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// Where cross-document checks look for the targets of references.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct References {
    /// Globs of initiative documents: `related_initiatives` items must name one (by file stem).
    #[serde(default)]
    pub initiatives: Vec<String>,
    /// Globs of spec documents: `superseded_by` and relative links to `.md` files must name one.
    #[serde(default)]
    pub specs: Vec<String>,
}

/// The configuration file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Rule levels by code (`FM006`) or name (`unknown-field`).
    #[serde(default, deserialize_with = "levels_by_rule")]
    pub rules: BTreeMap<String, Level>,
    /// Extra spec type files (YAML or JSON), relative to the config file.
    #[serde(default)]
    pub types: Vec<String>,
    /// Globs of template files (relative to the config file): each defines
    /// the spec type of its front matter `spec_type` (see `crate::family`).
    /// Files matching them are templates, never checked as documents.
    #[serde(default)]
    pub templates: Vec<String>,
    /// Globs of files to check when walking directories (default: every `.md` with a `spec_type`).
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files never to check.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// The spec type of documents without `spec_type`.
    #[serde(default)]
    pub default_type: Option<String>,
    #[serde(default)]
    pub references: References,
    /// Rule levels for some paths: `overrides: [{ files: ["legacy/**"], rules: { DB002: off } }]`.
    /// Later entries win; paths are relative to the config file.
    #[serde(default)]
    pub overrides: Vec<Override>,
}

/// Rule levels that apply to the files matching some globs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// Globs of the files (relative to the config file; see `crate::glob`).
    pub files: Vec<String>,
    /// Rule levels by code or name, as in `rules`.
    #[serde(default, deserialize_with = "levels_by_rule")]
    pub rules: BTreeMap<String, Level>,
}

impl Config {
    /// Parses a config file's text.
    pub fn from_yaml(text: &str) -> Result<Config, OptionsError> {
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        yaml::from_str(text).map_err(|e| {
            let mut m = text::explain_unknown(&text::without_type_names(&e.message), &[]);
            // `rules.FM008: rule `FM008`: ...`: the level's message names its
            // rule already (for JS options, which have no path).
            if let Some(i) = m.find(": rule `") {
                if !m[..i].contains(' ') {
                    m.replace_range(..i + 2, "");
                }
            }
            text::cap_message(&mut m);
            match e.offset.filter(|o| *o <= text.len()) {
                Some(o) => {
                    let lc =
                        crate::LineIndex::new(text).locate(text, o, crate::ColumnEncoding::Unicode);
                    OptionsError::Yaml {
                        line: lc.line,
                        column: lc.column,
                        message: m,
                    }
                }
                None => OptionsError::Invalid(m),
            }
        })
    }

    /// Resolves rule names and codes to levels; an unknown rule is an error naming the closest one.
    pub fn levels(&self) -> Result<Levels, OptionsError> {
        resolve_levels(&self.rules, "rules")
    }

    /// The overrides, compiled: their globs and levels.
    pub fn compiled_overrides(&self) -> Result<Vec<(crate::glob::GlobSet, Levels)>, OptionsError> {
        self.overrides
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let globs = crate::glob::GlobSet::new(&o.files)
                    .map_err(|e| OptionsError::Invalid(format!("`overrides[{i}].files`: {e}")))?;
                if o.files.is_empty() {
                    return Err(OptionsError::Invalid(format!(
                        "`overrides[{i}].files` is empty; list the globs it applies to"
                    )));
                }
                let levels = resolve_levels(&o.rules, &format!("overrides[{i}].rules"))?;
                Ok((globs, levels))
            })
            .collect()
    }
}

/// A `rules` map whose values are read as levels with the rule named in the
/// error: `` rule `FM006`: unknown level `warn`; expected `off`, `info`,
/// `warning` or `error`; did you mean `warning`? ``.
pub(crate) fn levels_by_rule<'de, D>(d: D) -> Result<BTreeMap<String, Level>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Levels;
    impl<'de> serde::de::Visitor<'de> for Levels {
        type Value = BTreeMap<String, Level>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a mapping of rules to levels, e.g. `FM006: off`")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut m: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(rule) = m.next_key::<String>()? {
                // The level is read with its rule: an error is raised on the
                // value itself, so the YAML error points at it (line:col).
                let level = m.next_value_seed(LevelOf(&rule))?;
                out.insert(rule, level);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Levels)
}

/// The level of `rule`, as written: a bad one is refused with the rule's
/// name and the closest level (a number or a boolean too, not by serde
/// without the name).
struct LevelOf<'a>(&'a str);

impl<'de> serde::de::DeserializeSeed<'de> for LevelOf<'_> {
    type Value = Level;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Level, D::Error> {
        d.deserialize_any(self)
    }
}

impl LevelOf<'_> {
    fn level<E: serde::de::Error>(&self, v: &str) -> Result<Level, E> {
        match v {
            "off" => Ok(Level::Off),
            "info" => Ok(Level::Info),
            "warning" => Ok(Level::Warning),
            "error" => Ok(Level::Error),
            other => {
                const LEVELS: [&str; 4] = ["off", "info", "warning", "error"];
                let hint = text::closest(other, LEVELS)
                    .map(|c| format!("; did you mean `{c}`?"))
                    .unwrap_or_default();
                Err(E::custom(format!(
                    "rule `{}`: unknown level `{}`; expected `off`, `info`, `warning` or `error`{hint}",
                    text::truncate_chars(self.0, 60),
                    text::truncate_chars(other, 60)
                )))
            }
        }
    }
}

impl<'de> serde::de::Visitor<'de> for LevelOf<'_> {
    type Value = Level;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a level: `off`, `info`, `warning` or `error`")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Level, E> {
        self.level(v)
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Level, E> {
        self.level(&v.to_string())
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Level, E> {
        self.level(&v.to_string())
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Level, E> {
        self.level(&v.to_string())
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Level, E> {
        self.level(&v.to_string())
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Level, E> {
        self.level("null")
    }
}

/// Resolves a `rules` map (codes or names) to levels.
fn resolve_levels(
    rules_map: &BTreeMap<String, Level>,
    context: &str,
) -> Result<Levels, OptionsError> {
    {
        let mut out = Levels::new();
        for (key, level) in rules_map {
            let Some(meta) = rules::find(key) else {
                let all = rules::all();
                let names = all.iter().map(|m| m.name);
                let hint = text::closest(key, names)
                    .or_else(|| text::closest(key, all.iter().map(|m| m.code)))
                    .map(|c| format!("; did you mean `{c}`?"))
                    .unwrap_or_default();
                return Err(OptionsError::Invalid(format!(
                    "unknown rule `{key}` in `{context}`{hint}"
                )));
            };
            out.insert(meta.code, level.severity());
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_resolves() {
        let c = Config::from_yaml("rules:\n  FM006: off\n  empty-section: error\n").unwrap();
        let l = c.levels().unwrap();
        assert_eq!(l.get("FM006"), Some(&None));
        assert_eq!(l.get("ST004"), Some(&Some(Severity::Error)));
    }

    #[test]
    fn unknown_rule_is_clear() {
        let c = Config::from_yaml("rules:\n  empty-sections: off\n").unwrap();
        assert_eq!(
            c.levels().unwrap_err().to_string(),
            "unknown rule `empty-sections` in `rules`; did you mean `empty-section`?"
        );
        let e = Config::from_yaml("rulez: {}\n").unwrap_err();
        assert!(e.message().contains("unknown option `rulez`"), "{}", e);
        assert!(e.message().ends_with("did you mean `rules`?"), "{}", e);
        assert_eq!(
            e.in_file("speclint.yaml").split(": ").next(),
            Some("speclint.yaml:1:1")
        );
        // A code one character off, and a level with the rule named.
        let c = Config::from_yaml("rules:\n  FM06: off\n").unwrap();
        assert!(
            c.levels()
                .unwrap_err()
                .to_string()
                .ends_with("did you mean `FM006`?")
        );
        let e = Config::from_yaml("rules:\n  FM006: warn\n").unwrap_err();
        assert_eq!(
            e.message(),
            "rule `FM006`: unknown level `warn`; expected `off`, `info`, `warning` or `error`; did you mean `warning`?"
        );
        // A YAML syntax error is placed.
        let e = Config::from_yaml("rules: [\n  x\n").unwrap_err();
        assert!(matches!(e, OptionsError::Yaml { .. }), "{e:?}");
    }
}
