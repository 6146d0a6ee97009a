//! Rules about database.

pub mod no_entities;
pub mod missing_primary_key;
pub mod unresolved_foreign_key;
pub mod duplicate_entity;
pub mod erd_mismatch;
