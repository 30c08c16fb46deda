//! A vendor mapping and the files it reads, to a [`Model`] (the `mapping` feature): each
//! vendor file is read from inside the mapping's folder, the mapping applied, and problems
//! found in the catalog it made pointed back at the vendor entry or mapping member they came
//! from.

use std::path::Path;

use errcat_catalog::diag::{self, Diagnostics, Report};
use errcat_catalog::load;
use errcat_catalog::model::Model;
use errcat_mapping as mapping;

#[cfg(feature = "gen")]
use super::warn;

pub(super) fn load_mapping(
    name: &str,
    text: &str,
    mapping: &mapping::Mapping,
    dir: &Path,
) -> Result<Model, Report> {
    let vendors = read_vendors(name, text, mapping, dir)?;
    let documents = documents(&vendors);
    // Codes listed as retired are read from the last release, and the released codes keep
    // its order; the record's problems are reported by the evolve stage.
    let released = errcat_evolve::History::load(dir, "", &mapping.catalog.name);
    let released = match &released {
        Ok(h) => Ok(h.as_ref().map(|h| &h.catalog)),
        Err(_) => Err(()),
    };
    let (mut catalog, mut origins) = mapping
        .apply_with_release(&documents, released)
        .map_err(|problems| mapping_report(name, text, &vendors, problems))?;
    // The vendor's order is not the crate's promise: codes the last release had keep their
    // place (and `ErrorCode` numbers), codes the vendor file added since come after them.
    if let Ok(Some(released)) = released {
        let order = errcat_evolve::history::released_first(released, &catalog.codes);
        let mut codes: Vec<Option<_>> = std::mem::take(&mut catalog.codes)
            .into_iter()
            .map(Some)
            .collect();
        let mut from: Vec<Option<String>> =
            std::mem::take(&mut origins).into_iter().map(Some).collect();
        for i in order {
            catalog.codes.extend(codes[i].take());
            origins.extend(from.get_mut(i).and_then(Option::take));
        }
    }
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
    let wires: Vec<String> = catalog.codes.iter().map(|c| c.code.wire()).collect();
    match Model::build(catalog, name) {
        Ok(mut model) => {
            model.inputs.extend(vendors.iter().map(|v| v.path.clone()));
            #[cfg(feature = "gen")]
            look_alike_warnings(&mut model, &vendors, &origins);
            Ok(model)
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
            // A code's arguments come only from the overlay: point at them there.
            let to_overlay = |pointer: &str| -> Option<String> {
                let (index, tail) = pointer.strip_prefix("/codes/")?.split_once('/')?;
                let tail = tail.strip_prefix("args")?;
                let wire = wires.get(index.parse::<usize>().ok()?)?;
                let key = errcat_catalog::json_pointer::escape(wire);
                Some(format!("/overlay/{key}/args{tail}"))
            };
            let problems = problems
                .into_iter()
                .map(|mut d| {
                    if let Some(p) = d.pointer.as_deref().and_then(to_overlay) {
                        d.pointer = Some(p);
                        d.related.retain_mut(|r| {
                            r.pointer = r.pointer.as_deref().and_then(to_overlay);
                            r.pointer.is_some()
                        });
                        return d.in_file(diag::THIS_FILE);
                    }
                    match d.pointer.as_deref().and_then(to_vendor) {
                        Some(p) => {
                            d.pointer = Some(p);
                            for r in &mut d.related {
                                r.pointer = r.pointer.as_deref().and_then(to_vendor);
                            }
                            d.in_file(mapping::IN_VENDOR_FILE)
                        }
                        None => {
                            // Catalog-level facts come from the mapping's `catalog` member.
                            d.pointer = d.pointer.map(|p| format!("/catalog{p}"));
                            d.related.clear();
                            d.in_file(diag::THIS_FILE)
                        }
                    }
                })
                .collect();
            Err(mapping_report(name, text, &vendors, problems))
        }
    }
}

/// Look-alike codes of a mapping's catalog, a warning pointed at the vendor entries they came
/// from (`origins`: the place of each code's entry).
#[cfg(feature = "gen")]
fn look_alike_warnings(model: &mut Model, vendors: &[Vendor], origins: &[String]) {
    let look_alikes: Diagnostics = errcat_catalog::check::look_alikes(&model.catalog)
        .into_iter()
        .map(|mut d| {
            let entry = |p: &str| {
                let index: usize = p.strip_prefix("/codes/")?.split('/').next()?.parse().ok()?;
                origins.get(index).cloned()
            };
            d.pointer = d.pointer.as_deref().and_then(entry);
            for r in &mut d.related {
                r.pointer = r.pointer.as_deref().and_then(entry);
            }
            d
        })
        .collect();
    for (v, look_alikes) in split_by_file(vendors, look_alikes) {
        let mut look_alikes = look_alikes;
        locate_vendor(&v.text, v.line_ranges.as_deref(), &mut look_alikes);
        warn(model, &v.shown, &v.text, look_alikes);
    }
}

/// Reads the vendor files of `mapping` (the file `name`, with text `text`, in folder `dir`);
/// the error says why one cannot be read.
fn read_vendors(
    name: &str,
    text: &str,
    mapping: &mapping::Mapping,
    dir: &Path,
) -> Result<Vec<Vendor>, Report> {
    let at_vendor_file = |d: Diagnostics, hint: &str| {
        let mut d: Diagnostics = d.into_iter().map(|d| d.hint(hint)).collect();
        load::locate(text, &mut d);
        Report::bind(name, text, d)
    };
    let folder = Path::new(name).parent().unwrap_or(Path::new(""));
    let paths = match vendor_paths(dir, &mapping.vendor_file) {
        Ok(paths) => paths,
        Err(problem) => {
            return Err(at_vendor_file(
                problem,
                "keep the vendor file in the catalog folder (e.g. `vendor/`) and name it relative to the mapping file",
            ));
        }
    };
    let several = mapping.vendor_file.contains('*');
    let mut vendors: Vec<Vendor> = Vec::with_capacity(paths.len());
    for (relative, path) in paths {
        let shown = format!("{}/{relative}", folder.display());
        let shown = shown.trim_start_matches('/').to_owned();
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                return Err(at_vendor_file(
                    diag::Diagnostic::at(
                        VENDOR_FILE,
                        format!("cannot read the vendor file {shown}: {e}"),
                    )
                    .into(),
                    "`vendor_file` is relative to the mapping file",
                ));
            }
        };
        let text = load::decode(bytes, &shown)?;
        // A line-oriented file becomes an array of entries; its problems point at lines.
        let (value, line_ranges) = match &mapping.lines {
            Some(lines) => {
                let (value, ranges) = lines.read(&text);
                (value, Some(ranges))
            }
            None => match load::vendor(&text) {
                Ok(v) => (v, None),
                Err(mut problems) => {
                    load::locate(&text, &mut problems);
                    return Err(Report::bind(shown, text, problems));
                }
            },
        };
        vendors.push(Vendor {
            relative: several.then_some(relative),
            path,
            shown,
            text,
            value,
            line_ranges,
        });
    }
    Ok(vendors)
}

/// What the mapping at `path` makes, field by field, with where each value was read
/// (`gen --explain`); the error holds the problems when it does not read.
#[cfg(feature = "gen")]
pub(crate) fn preview(path: &Path, name: &str) -> Result<String, Report> {
    let text = load::file::read(path, name)?;
    let mapping = match load::input(&text) {
        Ok(load::Input::Mapping(mapping)) => mapping,
        Ok(load::Input::Catalog(_)) => {
            return Err(Report::global(format!(
                "{name} is a native catalog: its codes are written out in it, so there is no mapping to explain"
            )));
        }
        Err(mut problems) => {
            load::locate(&text, &mut problems);
            return Err(Report::bind(name, text, problems));
        }
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let vendors = read_vendors(name, &text, &mapping, dir)?;
    let documents = documents(&vendors);
    // The line of each entry of a line-oriented file, to show places in it as lines.
    let lines: Vec<Option<Vec<usize>>> = vendors
        .iter()
        .map(|v| {
            let ranges = v.line_ranges.as_ref()?;
            Some(
                ranges
                    .iter()
                    .map(|r| v.text[..r.start].matches('\n').count() + 1)
                    .collect(),
            )
        })
        .collect();
    match mapping.preview(&documents, &lines) {
        Ok(body) => {
            let read: Vec<&str> = vendors.iter().map(|v| v.shown.as_str()).collect();
            Ok(format!(
                "{}: {name} reads {}\n{body}",
                mapping.catalog.name,
                read.join(", ")
            ))
        }
        Err(problems) => Err(mapping_report(name, &text, &vendors, problems)),
    }
}

/// One vendor file a mapping read.
struct Vendor {
    /// Its name relative to the mapping file, when the mapping reads several files (places in
    /// it are then named `<relative>#<pointer>`).
    relative: Option<String>,
    path: std::path::PathBuf,
    /// Its name in reports.
    shown: String,
    text: String,
    value: serde_json::Value,
    /// For a line-oriented file, the byte range of each entry line.
    line_ranges: Option<Vec<std::ops::Range<usize>>>,
}

/// The vendor files as the mapping engine reads them.
fn documents(vendors: &[Vendor]) -> Vec<mapping::Document<'_>> {
    vendors
        .iter()
        .map(|v| mapping::Document {
            name: v.relative.as_deref(),
            value: &v.value,
        })
        .collect()
}

/// The member of a mapping that names its vendor files.
const VENDOR_FILE: &str = "/vendor_file";

/// The files `vendor_file` names, relative to the mapping's folder `dir`, each with its path:
/// the one file, or when its last part has a `*`, every file that matches it, in name order.
fn vendor_paths(
    dir: &Path,
    vendor_file: &str,
) -> Result<Vec<(String, std::path::PathBuf)>, Diagnostics> {
    let (folder, pattern) = vendor_file.rsplit_once('/').unwrap_or(("", vendor_file));
    if folder.contains('*') {
        return Err(diag::Diagnostic::at(
            VENDOR_FILE,
            format!("`{vendor_file}` has a `*` in a folder name; only the file name may have one"),
        )
        .into());
    }
    if !pattern.contains('*') {
        let path = load::file::contained(dir, vendor_file, VENDOR_FILE)?;
        return Ok(vec![(vendor_file.to_owned(), path)]);
    }
    let inside = if folder.is_empty() { "." } else { folder };
    let folder_path = load::file::contained(dir, inside, VENDOR_FILE)?;
    let listing = std::fs::read_dir(&folder_path).map_err(|e| {
        Diagnostics::from(diag::Diagnostic::at(
            VENDOR_FILE,
            format!("cannot list the vendor folder `{inside}`: {e}"),
        ))
    })?;
    let mut names: Vec<String> = listing
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| glob_match(pattern, n))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(
            diag::Diagnostic::at(VENDOR_FILE, format!("`{vendor_file}` matches no file")).into(),
        );
    }
    names
        .into_iter()
        .map(|n| {
            let relative = if folder.is_empty() {
                n
            } else {
                format!("{folder}/{n}")
            };
            let path = load::file::contained(dir, &relative, VENDOR_FILE)?;
            Ok((relative, path))
        })
        .collect()
}

/// Whether `name` matches `pattern`, in which `*` stands for any run of characters.
fn glob_match(pattern: &str, name: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = name.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

/// Problems located in vendor files (`<relative>#<pointer>` when there are several), each
/// grouped with its file, the file prefix taken off.
fn split_by_file(vendors: &[Vendor], problems: Diagnostics) -> Vec<(&Vendor, Diagnostics)> {
    let strip = |pointer: &mut Option<String>| -> Option<usize> {
        let p = pointer.as_deref()?;
        let (i, rest) = vendors.iter().enumerate().find_map(|(i, v)| {
            let rest = p.strip_prefix(v.relative.as_deref()?)?.strip_prefix('#')?;
            Some((i, rest.to_owned()))
        })?;
        *pointer = Some(rest);
        Some(i)
    };
    let mut out: Vec<Diagnostics> = vendors.iter().map(|_| Diagnostics::new()).collect();
    for mut d in problems {
        let index = strip(&mut d.pointer).unwrap_or(0);
        for r in &mut d.related {
            // A related place in another file cannot be shown beside this one.
            if strip(&mut r.pointer).is_some_and(|i| i != index) {
                r.pointer = None;
            }
        }
        if let Some(list) = out.get_mut(index) {
            list.push(d);
        }
    }
    vendors
        .iter()
        .zip(out)
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

/// The report of a mapping that did not apply: `problems` in the mapping file (`name`, with
/// text `text`) and, tagged [`mapping::IN_VENDOR_FILE`], in the vendor files, each bound to
/// its file.
fn mapping_report(name: &str, text: &str, vendors: &[Vendor], mut problems: Diagnostics) -> Report {
    let in_vendor = problems.take_file(mapping::IN_VENDOR_FILE);
    load::locate(text, &mut problems);
    let mut report = Report::bind(name, text, problems);
    for (v, mut problems) in split_by_file(vendors, in_vendor) {
        locate_vendor(&v.text, v.line_ranges.as_deref(), &mut problems);
        report.append(Report::bind(v.shown.as_str(), v.text.as_str(), problems));
    }
    report
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
