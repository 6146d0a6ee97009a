//! Rules about template.

pub mod placeholder;
pub mod guidance_residue;
