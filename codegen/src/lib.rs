//! errcat's code generator: error catalogs (JSON) to Rust crates and markdown reference pages.
//!
//! This crate is the façade over the pipeline's stages, each a crate of its own, so that the
//! compiler keeps every dependency pointing one way (down this list):
//!
//! ```text
//! errcat-catalog  format → load → check → model: what a catalog or settings file may say,
//!                 every problem located in the source, the rules, and the Model
//!   │
//! errcat-mapping  a vendor's own error file + its mapping → Catalog   (feature `mapping`)
//!   │
//! errcat-evolve   Model vs. its last release: version gate, changelog, retired codes
//!   │
//! errcat-emit     Model → text: the build-script module; with `full`, a whole crate,
//!                 pages, OpenAPI
//!   │
//! errcat-codegen  this crate: catalog files in (`input`), every output in memory, then
//!                 compared with the disk or written atomically (`plan`, feature `gen`)
//! ```
//!
//! Errors have one story, told in `errcat_catalog::diag`: a problem in a file is a
//! [`Diagnostic`]; the problems of one file, before they are bound to its text, are a
//! `Diagnostics`; across files and at every stage boundary, a [`Report`].
//!
//! ## Features
//!
//! With no feature, a build script reads a native catalog and writes its module. `mapping`
//! reads vendor mappings, `xml` checks XML example bodies, and `gen` is everything a project
//! run needs (`generate`, `check`, `standalone`, pages, releases). A catalog that needs a
//! feature that is off is refused, naming the feature.
//!
//! [`Generator`] is the way in, for an xtask, a build script or a command line:
//!
//! ```ignore
//! // xtask (feature `gen`): regenerate `generated/` from `catalog/`, as `cargo xtask gen` does.
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

mod generator;
mod input;
mod model;
#[cfg(feature = "gen")]
mod plan;
#[cfg(feature = "gen")]
mod schema;
#[cfg(test)]
mod tidy;

#[cfg(feature = "gen")]
#[doc(hidden)]
pub mod testing;

pub use errcat_catalog::diag::{Diagnostic, Related, Report};
/// The catalog format's types: what a file in `catalog/` may say, as
/// `CatalogPlan::resolved` hands it out.
pub use errcat_catalog::format;
pub use errcat_catalog::format::{Catalog, Settings};
#[cfg(feature = "gen")]
pub use errcat_emit::rust::CrateFiles;
#[cfg(feature = "gen")]
pub use errcat_evolve::{Class, Evolution};
pub use generator::Generator;
#[cfg(feature = "gen")]
pub use generator::Released;
pub use model::{CodeModel, Model};
#[cfg(feature = "gen")]
pub use plan::{CatalogPlan, Change, CodeChanges, Drift, Plan};

/// The `include!`-able Rust module for the catalog at `path`, for build scripts; see also
/// [`Generator::build_script`].
pub fn module_from_file(path: &std::path::Path) -> Result<String, Report> {
    Generator::new().module(path)
}
