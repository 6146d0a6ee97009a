//! Small readers of the notations teams use inside tables, bullets and code
//! blocks: column headers ([`columns`]), references between entities
//! ([`refs`]), key declarations ([`keys`]), DDL ([`ddl`]) and DBML ([`dbml`]).
//!
//! They depend only on text: each takes a `&str` and returns plain data with
//! offsets relative to it, never panics, and runs in time linear in its
//! input. The database model (`crate::schema`) and the analysis build on
//! them; they never depend on either.

pub mod columns;
pub mod dbml;
pub mod ddl;
pub mod keys;
pub mod refs;
pub(crate) mod words;
