//! errcat's code generator: error catalogs (JSON) to Rust crates and markdown reference pages.
//!
//! The pipeline runs one way:
//!
//! ```text
//! catalog/*.json ─load─▶ Catalog ─validate+model─▶ Model ─┬─ emit::rust ─▶ generated/<name>/
//!                                                          ├─ emit::docs ─▶ generated/docs/
//!                                                          └─ schema     ─▶ catalog/schema.json
//! ```
//!
//! [`plan`] puts it together: every output is computed in memory first, then compared with
//! the disk and written (only what changed, each file atomically) or checked.
//!
//! From a build script, [`module_from_file`] gives the `include!`-able module for one catalog:
//!
//! ```no_run
//! // build.rs
//! let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
//! let module = errcat_codegen::module_from_file("errors.json".as_ref()).unwrap_or_else(|report| panic!("{report}"));
//! std::fs::write(out.join("errors.rs"), module).unwrap();
//! println!("cargo::rerun-if-changed=errors.json");
//! // lib.rs: include!(concat!(env!("OUT_DIR"), "/errors.rs"));
//! ```

pub mod catalog;
pub mod diag;
pub mod emit;
pub mod http;
pub mod ident;
pub mod load;
pub mod model;
pub mod plan;
pub mod schema;
pub mod synthetic;
pub mod text;
pub mod validate;

use std::path::Path;

use diag::Report;
use model::Model;

/// Loads, validates and models one catalog. `name` is how messages and generated files name
/// the file. Problems are added to `report` with their locations.
pub fn load_model(name: &str, text: &str, report: &mut Report) -> Option<Model> {
    let file = report.add_source(name, text);
    let result = load::catalog(text).and_then(|catalog| Model::build(catalog, name));
    match result {
        Ok(model) => Some(model),
        Err(mut problems) => {
            load::locate(text, &mut problems);
            report.extend(file, problems);
            None
        }
    }
}

/// The `include!`-able Rust module for the catalog at `path`, for build scripts.
pub fn module_from_file(path: &Path) -> Result<String, Report> {
    let mut report = Report::default();
    let name = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => match load_model(&name, &text, &mut report) {
            Some(model) => Ok(emit::rust::module(&model)),
            None => Err(report),
        },
        Err(e) => {
            report.push_global(format!("cannot read {name}: {e}"));
            Err(report)
        }
    }
}
