//! A catalog file to a [`Model`]: the front of the pipeline, run once per catalog file.
//!
//! A native catalog is loaded, checked and modelled. A mapping also has its vendor file read
//! (only from inside the mapping's folder) and applied; problems found in the catalog the
//! mapping made are pointed back at the vendor entry or mapping member they came from.

use std::path::Path;

use crate::diag::{self, Report};
use crate::model::Model;
use crate::{check, evolve, load, mapping};

/// Loads, validates and models one native catalog from its text. `name` is how messages and
/// generated files name the file. Problems are added to `report` with their locations.
pub(crate) fn load_model(name: &str, text: &str, report: &mut Report) -> Option<Model> {
    load_text(name, text, None, report)
}

/// Loads, validates and models the catalog or vendor mapping at `path` (a mapping's vendor
/// file is found relative to it). `name` is how messages and generated files name the file.
pub(crate) fn load_file(path: &Path, name: &str, report: &mut Report) -> Option<Model> {
    let text = load::file::read(path, name, report)?;
    let mut model = load_text(
        name,
        &text,
        Some(path.parent().unwrap_or(Path::new("."))),
        report,
    )?;
    model.inputs.insert(0, path.to_path_buf());
    Some(model)
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
            let mut look_alikes = check::look_alikes(&model.catalog);
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
    let vendor_path = match load::file::contained(dir, &mapping.vendor_file) {
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
            model.inputs.push(vendor_path.clone());
            // Look-alike codes come from vendor entries: point at those.
            let mut look_alikes: Vec<diag::Diagnostic> = check::look_alikes(&model.catalog)
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
