//! Rules about database.

pub mod duplicate_entity;
pub mod erd_mismatch;
pub mod foreign_key_column_missing;
pub mod missing_primary_key;
pub mod no_entities;
pub mod unresolved_foreign_key;
