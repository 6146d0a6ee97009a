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
    use serde::de::Error;
    let raw: BTreeMap<String, RawLevel> = BTreeMap::deserialize(d)?;
    let mut out = BTreeMap::new();
    for (rule, RawLevel(v)) in raw {
        let level = match v.as_str() {
            "off" => Level::Off,
            "info" => Level::Info,
            "warning" => Level::Warning,
            "error" => Level::Error,
            other => {
                const LEVELS: [&str; 4] = ["off", "info", "warning", "error"];
                let hint = text::closest(other, LEVELS)
                    .map(|c| format!("; did you mean `{c}`?"))
                    .unwrap_or_default();
                return Err(D::Error::custom(format!(
                    "rule `{}`: unknown level `{}`; expected `off`, `info`, `warning` or `error`{hint}",
                    text::truncate_chars(&rule, 60),
                    text::truncate_chars(other, 60)
                )));
            }
        };
        out.insert(rule, level);
    }
    Ok(out)
}

/// A level as written: any scalar, kept as text (a number or a boolean is
/// refused by [`levels_by_rule`] with the rule's name, not by serde without it).
struct RawLevel(String);

impl<'de> Deserialize<'de> for RawLevel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RawLevel, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = RawLevel;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a level: `off`, `info`, `warning` or `error`")
            }
            fn visit_str<E>(self, v: &str) -> Result<RawLevel, E> {
                Ok(RawLevel(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<RawLevel, E> {
                Ok(RawLevel(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<RawLevel, E> {
                Ok(RawLevel(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<RawLevel, E> {
                Ok(RawLevel(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<RawLevel, E> {
                Ok(RawLevel(v.to_string()))
            }
            fn visit_unit<E>(self) -> Result<RawLevel, E> {
                Ok(RawLevel("null".to_string()))
            }
        }
        d.deserialize_any(V)
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
