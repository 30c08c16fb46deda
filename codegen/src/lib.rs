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
pub mod evolve;
pub mod ident;
pub mod layout;
pub mod load;
pub mod mapping;
pub mod model;
pub mod plan;
pub mod schema;
pub mod synthetic;
pub mod text;
pub mod validate;

use std::path::{Component, Path, PathBuf};

use diag::Report;
use model::Model;

/// Loads, validates and models one native catalog from its text. `name` is how messages and
/// generated files name the file. Problems are added to `report` with their locations.
pub fn load_model(name: &str, text: &str, report: &mut Report) -> Option<Model> {
    load_text(name, text, None, report)
}

/// Loads, validates and models the catalog or vendor mapping at `path` (a mapping's vendor
/// file is found relative to it). `name` is how messages and generated files name the file.
pub fn load_file(path: &Path, name: &str, report: &mut Report) -> Option<Model> {
    let text = read_input(path, name, report)?;
    load_text(
        name,
        &text,
        Some(path.parent().unwrap_or(Path::new("."))),
        report,
    )
}

/// Reads an input file as UTF-8 text; a read error or bytes that are not UTF-8 are reported.
fn read_input(path: &Path, name: &str, report: &mut Report) -> Option<String> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            report.push_global(format!("cannot read {name}: {e}"));
            return None;
        }
    };
    match load::decode(bytes) {
        Ok(text) => Some(text),
        Err(bad) => {
            let (text, problem) = *bad;
            let file = report.add_source(name, text);
            report.extend(file, [problem]);
            None
        }
    }
}

/// Where a path that a mapping names (relative to the mapping's folder `dir`) may be read
/// from: inside `dir`, after symbolic links are followed. Anything else is refused, so a
/// catalog under review cannot copy a file from elsewhere on the machine into the output.
fn contained(dir: &Path, relative: &str) -> Result<PathBuf, String> {
    let given = Path::new(relative);
    if given.has_root() || given.is_absolute() {
        return Err(format!(
            "`{relative}` is an absolute path; vendor files are read only from inside the catalog folder"
        ));
    }
    let inside = |p: &Path| {
        // Lexically: `..` may not climb above the folder.
        let mut depth = 0usize;
        p.components().all(|c| match c {
            Component::ParentDir => depth.checked_sub(1).map(|d| depth = d).is_some(),
            Component::Normal(_) => {
                depth += 1;
                true
            }
            _ => true,
        })
    };
    if !inside(given) {
        return Err(format!("`{relative}` leaves the catalog folder"));
    }
    let full = dir.join(given);
    let (Ok(base), Ok(real)) = (dir.canonicalize(), full.canonicalize()) else {
        // Not there: the read that follows reports it.
        return Ok(full);
    };
    if !real.starts_with(&base) {
        return Err(format!(
            "`{relative}` is a symbolic link (or passes through one) to a file outside the catalog folder"
        ));
    }
    Ok(real)
}

fn load_text(name: &str, text: &str, dir: Option<&Path>, report: &mut Report) -> Option<Model> {
    let file = report.add_source(name, text);
    let fail = |mut problems: Vec<diag::Diagnostic>, report: &mut Report| {
        load::locate(text, &mut problems);
        report.extend(file, problems);
        None
    };
    let catalog = match load::input(text) {
        Err(problems) => return fail(problems, report),
        Ok(load::Input::Catalog(catalog)) => *catalog,
        Ok(load::Input::Mapping(mapping)) => {
            let Some(dir) = dir else {
                report.push_global(format!("{name} is a vendor mapping: load it from its file"));
                return None;
            };
            return load_mapping(name, text, file, &mapping, dir, report);
        }
    };
    match Model::build(catalog, name) {
        Ok(mut model) => {
            let mut look_alikes = validate::look_alikes(&model.catalog);
            load::locate(text, &mut look_alikes);
            warn(&mut model, name, text, look_alikes);
            Some(model)
        }
        Err(problems) => fail(problems, report),
    }
}

/// Renders `warnings`, located in `text` (the file shown as `name`), onto `model`.
fn warn(model: &mut Model, name: &str, text: &str, warnings: Vec<diag::Diagnostic>) {
    if warnings.is_empty() {
        return;
    }
    let mut report = Report::default();
    let file = report.add_source(name, text);
    report.extend(file, warnings);
    model.warnings.push(report.warnings());
}

fn load_mapping(
    name: &str,
    text: &str,
    file: usize,
    mapping: &mapping::Mapping,
    dir: &Path,
    report: &mut Report,
) -> Option<Model> {
    let vendor_name = format!(
        "{}/{}",
        Path::new(name).parent().unwrap_or(Path::new("")).display(),
        mapping.vendor_file
    );
    let vendor_name = vendor_name.trim_start_matches('/').to_owned();
    let at_vendor_file = |message: String, hint: &str, report: &mut Report| {
        let mut d = vec![diag::Diagnostic::at("/vendor_file", message).hint(hint)];
        load::locate(text, &mut d);
        report.extend(file, d);
    };
    let vendor_path = match contained(dir, &mapping.vendor_file) {
        Ok(path) => path,
        Err(problem) => {
            at_vendor_file(
                problem,
                "keep the vendor file in the catalog folder (e.g. `vendor/`) and name it relative to the mapping file",
                report,
            );
            return None;
        }
    };
    let vendor_bytes = match std::fs::read(&vendor_path) {
        Ok(bytes) => bytes,
        Err(e) => {
            at_vendor_file(
                format!("cannot read the vendor file {vendor_name}: {e}"),
                "`vendor_file` is relative to the mapping file",
                report,
            );
            return None;
        }
    };
    let vendor_text = match load::decode(vendor_bytes) {
        Ok(text) => text,
        Err(bad) => {
            let (text, problem) = *bad;
            let vendor_file = report.add_source(&vendor_name, text);
            report.extend(vendor_file, [problem]);
            return None;
        }
    };
    let vendor_file = report.add_source(&vendor_name, vendor_text.as_str());
    // A line-oriented file becomes an array of entries; its problems point at lines.
    let (vendor, line_ranges) = match &mapping.lines {
        Some(lines) => {
            let (value, ranges) = lines.read(&vendor_text);
            (value, Some(ranges))
        }
        None => match load::vendor(&vendor_text) {
            Ok(v) => (v, None),
            Err(mut problems) => {
                load::locate(&vendor_text, &mut problems);
                report.extend(vendor_file, problems);
                return None;
            }
        },
    };
    // Codes listed as retired are read from the last release; its problems are reported
    // by the evolve stage.
    let released = if mapping.retired.is_empty() {
        Ok(None)
    } else {
        evolve::History::load(dir, "", &mapping.catalog.name, &mut Report::default())
    };
    let released = match &released {
        Ok(h) => Ok(h.as_ref().map(|h| &h.catalog)),
        Err(_) => Err(()),
    };
    let (catalog, origins) = match mapping.apply_with_release(&vendor, released) {
        Ok(read) => read,
        Err(mut problems) => {
            load::locate(text, &mut problems.mapping);
            locate_vendor(&vendor_text, line_ranges.as_deref(), &mut problems.vendor);
            report.extend(file, problems.mapping);
            report.extend(vendor_file, problems.vendor);
            return None;
        }
    };
    // A category the mapping derived from vendor values comes from the first entry that has
    // it: problems with it point there.
    let declared = mapping.catalog.categories.len();
    let derived_from: Vec<Option<String>> = catalog.categories
        [declared.min(catalog.categories.len())..]
        .iter()
        .map(|category| {
            let code = catalog
                .codes
                .iter()
                .position(|c| c.category.as_ref() == Some(&category.id))?;
            let field = mapping
                .fields
                .category
                .as_ref()?
                .pointer
                .clone()
                .unwrap_or_default();
            Some(format!("{}{field}", origins.get(code)?))
        })
        .collect();
    match Model::build(catalog, name) {
        Ok(mut model) => {
            // Look-alike codes come from vendor entries: point at those.
            let mut look_alikes: Vec<diag::Diagnostic> = validate::look_alikes(&model.catalog)
                .into_iter()
                .map(|mut d| {
                    let entry = |p: &str| {
                        let index: usize =
                            p.strip_prefix("/codes/")?.split('/').next()?.parse().ok()?;
                        origins.get(index).cloned()
                    };
                    d.pointer = d.pointer.as_deref().and_then(entry);
                    for r in &mut d.related {
                        r.pointer = r.pointer.as_deref().and_then(entry);
                    }
                    d
                })
                .collect();
            locate_vendor(&vendor_text, line_ranges.as_deref(), &mut look_alikes);
            warn(&mut model, &vendor_name, &vendor_text, look_alikes);
            Some(model)
        }
        Err(problems) => {
            // These point into the catalog the mapping made (`/codes/N/...`): point at the
            // vendor entry code N was read from instead.
            let to_vendor = |pointer: &str| -> Option<String> {
                if let Some(rest) = pointer.strip_prefix("/categories/") {
                    let index: usize = rest.split('/').next()?.parse().ok()?;
                    return derived_from.get(index.checked_sub(declared)?).cloned()?;
                }
                let rest = pointer.strip_prefix("/codes/")?;
                let index: usize = rest.split('/').next()?.parse().ok()?;
                origins.get(index).cloned()
            };
            let (mut in_vendor, mut in_mapping) = (Vec::new(), Vec::new());
            for mut d in problems {
                match d.pointer.as_deref().and_then(to_vendor) {
                    Some(p) => {
                        d.pointer = Some(p);
                        for r in &mut d.related {
                            r.pointer = r.pointer.as_deref().and_then(to_vendor);
                        }
                        in_vendor.push(d);
                    }
                    None => {
                        // Catalog-level facts come from the mapping's `catalog` member.
                        d.pointer = d.pointer.map(|p| format!("/catalog{p}"));
                        d.related.clear();
                        in_mapping.push(d);
                    }
                }
            }
            locate_vendor(&vendor_text, line_ranges.as_deref(), &mut in_vendor);
            load::locate(text, &mut in_mapping);
            report.extend(vendor_file, in_vendor);
            report.extend(file, in_mapping);
            None
        }
    }
}

/// Locates problems in a vendor file: by JSON pointer, or for a line-oriented file by the
/// entry index the pointer starts with.
fn locate_vendor(
    text: &str,
    line_ranges: Option<&[std::ops::Range<usize>]>,
    problems: &mut [diag::Diagnostic],
) {
    let Some(ranges) = line_ranges else {
        load::locate(text, problems);
        return;
    };
    let line_of = |pointer: Option<&str>| {
        let index = pointer
            .and_then(|p| p.split('/').nth(1))
            .and_then(|i| i.parse::<usize>().ok());
        index.and_then(|i| ranges.get(i).cloned())
    };
    for d in problems {
        d.range = line_of(d.pointer.as_deref());
        for r in &mut d.related {
            r.range = line_of(r.pointer.as_deref());
        }
    }
}

/// The `include!`-able Rust module for the catalog at `path`, for build scripts.
pub fn module_from_file(path: &Path) -> Result<String, Report> {
    let mut report = Report::default();
    match load_file(path, &path.display().to_string(), &mut report) {
        Some(model) => Ok(emit::rust::module(&model)),
        None => Err(report),
    }
}
