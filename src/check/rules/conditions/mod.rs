//! Rules about conditions.

pub mod missing_reference;
