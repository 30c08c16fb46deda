//! Emitters: a [`crate::model::Model`] to Rust source and markdown.

pub mod docs;
pub mod rust;
