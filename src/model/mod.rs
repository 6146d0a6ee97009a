//! Layer 2, model: what a parsed document means for its spec type. Depends on
//! [`crate::syntax`] only.
//!
//! - [`spec_type`]: templates as data (sections, fields, tables, conditions)
//!   and the registry of known types;
//! - [`analysis`]: a document read against its type (which heading stands for
//!   which section, the repeated entries, the tables' column roles);
//! - `entries`: the repeated subsections (one per entity or service);
//! - `schema`: the database model (entities, columns, keys, references),
//!   built on the analysis, never the reverse.

pub mod analysis;
pub(crate) mod entries;
pub(crate) mod schema;
pub mod spec_type;
