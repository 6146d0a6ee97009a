//! Rules about front matter.

pub mod const_mismatch;
pub mod duplicate_key;
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
pub mod wrong_type;
