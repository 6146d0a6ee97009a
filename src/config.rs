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
    #[serde(default)]
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
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
}

impl Config {
    /// Parses a config file's text.
    pub fn from_yaml(text: &str) -> Result<Config, OptionsError> {
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        yaml::from_str(text).map_err(|e| {
            let mut m = e.message;
            text::cap_message(&mut m);
            OptionsError::Invalid(m)
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
        assert!(e.message().contains("unknown field `rulez`"), "{}", e);
    }
}
