//! Emitters: a [`crate::model::Model`] to Rust source and markdown.

pub mod docs;
pub mod explain;
pub(crate) mod openapi;
pub mod readme;
pub mod rust;
pub mod schema;
