//! errcat's first stage: what a catalog file may say, how it is read, the rules it must follow,
//! and the model every later stage reads.
//!
//! ```text
//! format   what a catalog or settings file may say (types only)
//!   │
//! load     file bytes → text → Catalog, every problem located in the source
//!   │
//! check    the rules a Catalog must follow (names, statuses, layout, look-alike codes)
//!   │
//! model    Catalog → Model: identifiers, pages, and the facts the emitters ask for
//!   │
//! locales  translation files → the Model's messages in other languages, checked
//! ```
//!
//! `diag` (located problems), `ident` (Rust identifiers), `text` (markdown and rustdoc text)
//! and `json_pointer` serve every stage, here and in the crates after this one. Errors have one
//! story, told in `diag`: a problem in a file is a [`Diagnostic`]; the problems of one file,
//! before they are bound to its text, are [`diag::Diagnostics`]; across files and at every
//! stage boundary, a [`Report`].

pub mod check;
pub mod diag;
pub mod format;
pub mod ident;
pub mod json_pointer;
pub mod load;
pub mod locales;
pub mod model;
pub mod text;

pub use diag::{Diagnostic, Related, Report};
pub use format::{Catalog, Settings};
pub use model::{CodeModel, Model};
