//! Layer 1, syntax: text in, typed data with byte ranges out. Depends on
//! nothing else in the crate.
//!
//! - [`document`]: a Markdown document parsed once (pulldown-cmark) into
//!   headings, sections, tables, code blocks and front matter;
//! - [`yaml`]: the one YAML parser (`serde_yaml`) and the front matter's spans;
//! - [`notation`]: small readers of what teams write inside tables, bullets and
//!   code blocks (column headers, keys, references, DDL);
//! - [`source`]: spans, and lines and columns at the edges;
//! - [`text`]: wording helpers (closest names, truncation, type names removed);
//! - [`glob`]: the one glob matcher of every host.

pub mod document;
pub mod glob;
pub(crate) mod notation;
pub mod source;
pub mod text;
pub mod yaml;
