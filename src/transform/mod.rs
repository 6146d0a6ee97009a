//! Layer 4, transform: new text or data from a checked document. Each takes
//! the linter as a [`crate::Validator`], and [`crate::Linter`] composes them.
//!
//! - [`normalize`]: safe fixes and canonical formatting, each step validated;
//! - [`export`]: a document as data in a stable JSON shape;
//! - [`derive`]: a spec type from a template document;
//! - [`family`]: the spec types of a template family, and their drift.

pub mod derive;
pub mod export;
pub mod family;
pub mod normalize;
