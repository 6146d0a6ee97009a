//! Layer 7, bindings: the surfaces hosts call; they depend on every layer
//! before them (syntax, model, check, transform, report, workspace).
//!
//! - [`api`]: options, sessions and the JSON operations every binding shares;
//! - [`command`]: the command line's grammar, help and usage errors (the
//!   native CLI and `npx speclint` parse with it);
//! - `wasm`: the wasm-bindgen binding for JS (feature `bindgen`);
//! - `cabi`: the C-ABI binding for wasmtime hosts (feature `cabi`).

pub mod api;
#[cfg(all(target_arch = "wasm32", feature = "cabi", not(feature = "bindgen")))]
mod cabi;
pub mod command;
#[cfg(all(target_arch = "wasm32", feature = "bindgen"))]
mod wasm;
