//! Rules about template.

pub mod guidance_residue;
pub mod placeholder;
