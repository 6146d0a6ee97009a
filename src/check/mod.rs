//! Layer 3, check: the findings. Depends on [`crate::syntax`] and
//! [`crate::model`].
//!
//! - [`rules`]: one rule per file with its doc, code and name, in one registry;
//! - [`diagnostic`]: findings, fixes and edits (byte ranges);
//! - [`config`]: `speclint.yaml` as data (levels, overrides, references);
//! - [`limits`]: the input limits (`LM…`);
//! - `suppress`: inline suppressions;
//! - `corpus`: the cross-document checks (`XD…`).
//!
//! [`crate::Linter`] (`linter.rs`) runs them over a document.

pub mod config;
pub(crate) mod corpus;
pub mod diagnostic;
pub mod limits;
pub mod rules;
pub(crate) mod suppress;
