//! errcat's code generator: error catalogs (JSON) to Rust crates and markdown reference pages.
//!
//! The pipeline runs one way; each stage is a folder and uses only the stages above it:
//!
//! ```text
//! format   what a catalog, mapping or settings file may say (types only)
//!   │
//! load     file bytes → text → Catalog | Mapping, every problem located in the source
//!   │
//! mapping  a vendor's own error file + its mapping → Catalog
//!   │
//! check    the rules a Catalog must follow (names, statuses, layout, look-alike codes)
//!   │
//! model    Catalog → Model: identifiers, pages, and the facts the emitters ask for
//!   │
//! evolve   Model vs. its last release: version gate, changelog, retired codes
//!   │
//! emit     Model → text: rust (one crate), docs (pages), schema (catalog/schema.json)
//!   │
//! plan     every output in memory, then compared with the disk or written atomically
//! ```
//!
//! `diag` (located problems), `ident` (Rust identifiers) and `text` (markdown and rustdoc
//! text) are used by every stage. Errors have one story, told in `diag`: a problem in a file
//! is a [`Diagnostic`]; the problems of one file, before they are bound to its text, are a
//! `Diagnostics`; across files and at every stage boundary the planner calls, a [`Report`].
//!
//! [`Generator`] is the way in, for an xtask, a build script or a command line:
//!
//! ```no_run
//! // xtask: regenerate `generated/` from `catalog/`, as `cargo xtask gen` does.
//! let written = errcat_codegen::Generator::new().root("..").generate()?;
//! # Ok::<(), errcat_codegen::Report>(())
//! ```
//!
//! From a build script, [`Generator::build_script`] writes one catalog's module to
//! `OUT_DIR` and tells cargo to rerun when the catalog, or a vendor file it reads, changes:
//!
//! ```no_run
//! // build.rs
//! errcat_codegen::Generator::new().build_script("errors.json").unwrap_or_else(|report| panic!("{report}"));
//! // lib.rs: include!(concat!(env!("OUT_DIR"), "/errors.rs"));
//! ```

mod check;
mod diag;
mod emit;
mod evolve;
mod format;
mod generator;
mod ident;
mod json_pointer;
mod load;
mod mapping;
mod model;
mod plan;
mod text;
#[cfg(test)]
mod tidy;

#[doc(hidden)]
pub mod testing;

pub use diag::{Diagnostic, Related, Report};
pub use emit::rust::CrateFiles;
pub use evolve::{Class, Evolution};
pub use format::Catalog;
pub use format::Settings;
pub use generator::Generator;
pub use generator::Released;
pub use model::{CodeModel, Model};
pub use plan::{CatalogPlan, Change, CodeChanges, Drift, Plan};

/// The `include!`-able Rust module for the catalog at `path`, for build scripts; see also
/// [`Generator::build_script`].
pub fn module_from_file(path: &std::path::Path) -> Result<String, Report> {
    Generator::new().module(path)
}

// Shims while the stage folders settle: old module paths used inside the crate.
use check as validate;
use check::layout;
use format::catalog;
