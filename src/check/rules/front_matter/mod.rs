//! Rules about front matter.

pub mod const_mismatch;
pub mod duplicate_key;
pub mod field_spelling;
pub mod invalid_date;
pub mod invalid_yaml;
pub mod list_item_not_allowed;
pub mod list_length;
pub mod missing_field;
pub mod missing_front_matter;
pub mod placeholder_value;
pub mod unclosed_front_matter;
pub mod unknown_field;
pub mod unknown_spec_type;
pub mod value_not_allowed;
pub mod value_not_suggested;
pub mod wrong_type;

use serde_json::Value;

use crate::analysis::scalar_text;
use crate::document::Document;
use crate::rules::Checker;
use crate::yaml::FrontMatter;

/// The front matter the field rules (`FM005`–`FM013`) check: closed, valid
/// YAML and a mapping. A syntax error is reported once by `FM003`; field rules
/// do not pile on.
pub(crate) fn valid_yaml<'a>(c: &Checker<'a>) -> Option<&'a FrontMatter> {
    c.doc
        .yaml()
        .filter(|fm| fm.error.is_none() && !fm.not_a_mapping)
}

/// Whether a parsed value is an unreplaced template placeholder (`<team>`, `YYYY-MM-DD`).
pub(crate) fn is_placeholder(v: &Value) -> bool {
    scalar_text(v).is_some_and(|s| crate::text::is_placeholder_value(&s))
}

/// The line break the document uses.
pub(crate) fn newline(doc: &Document<'_>) -> &'static str {
    if doc.crlf { "\r\n" } else { "\n" }
}
