//! Rules about front matter.

pub mod missing_front_matter;
pub mod unclosed_front_matter;
pub mod invalid_yaml;
pub mod duplicate_key;
pub mod missing_field;
pub mod unknown_field;
pub mod wrong_type;
pub mod value_not_allowed;
pub mod invalid_date;
pub mod list_item_not_allowed;
pub mod const_mismatch;
pub mod placeholder_value;
pub mod list_length;
pub mod unknown_spec_type;
