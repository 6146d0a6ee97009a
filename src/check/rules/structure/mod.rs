//! Rules about structure.

pub mod duplicate_section;
pub mod empty_section;
pub mod heading_level;
pub mod missing_section;
pub mod missing_subsection;
pub mod near_miss_heading;
pub mod section_order;
pub mod unknown_section;
