//! A catalog file to a [`Model`]: the front of the pipeline, run once per catalog file.
//!
//! A native catalog is loaded, checked and modelled. A mapping also has its vendor file read
//! (only from inside the mapping's folder) and applied; problems found in the catalog the
//! mapping made are pointed back at the vendor entry or mapping member they came from.

use std::path::Path;

#[cfg(not(feature = "mapping"))]
use errcat_catalog::diag::Diagnostic;
use errcat_catalog::diag::{Diagnostics, Report};
use errcat_catalog::load;
use errcat_catalog::model::Model;

#[cfg(feature = "mapping")]
mod vendor;
#[cfg(feature = "gen")]
pub(crate) use vendor::preview;

/// What a mapping file is read as: the mapping format, or with the `mapping` feature off,
/// nothing (it is only recognised, to say which feature reads it).
#[cfg(feature = "mapping")]
type MappingFile = errcat_mapping::Mapping;
#[cfg(not(feature = "mapping"))]
type MappingFile = serde::de::IgnoredAny;

/// Loads, validates and models one native catalog from its text. `name` is how messages and
/// generated files name the file. The error holds every problem, located.
pub(crate) fn load_model(name: &str, text: &str) -> Result<Model, Report> {
    load_text(name, text, None)
}

/// Loads, validates and models the catalog or vendor mapping at `path` (a mapping's vendor
/// file is found relative to it). `name` is how messages and generated files name the file.
pub(crate) fn load_file(path: &Path, name: &str) -> Result<Model, Report> {
    let text = load::file::read(path, name)?;
    let mut model = load_text(name, &text, Some(path.parent().unwrap_or(Path::new("."))))?;
    model.inputs.insert(0, path.to_path_buf());
    Ok(model)
}

fn load_text(name: &str, text: &str, dir: Option<&Path>) -> Result<Model, Report> {
    let fail = |mut problems: Diagnostics| {
        load::locate(text, &mut problems);
        Err(Report::bind(name, text, problems))
    };
    let catalog = match load::input::<MappingFile>(text) {
        Err(problems) => return fail(problems),
        Ok(load::Input::Catalog(catalog)) => *catalog,
        Ok(load::Input::Mapping(mapping)) => {
            let Some(dir) = dir else {
                return Err(Report::global(format!(
                    "{name} is a vendor mapping: load it from its file"
                )));
            };
            #[cfg(feature = "mapping")]
            return vendor::load_mapping(name, text, &mapping, dir)
                .and_then(|model| translations(model, name, text, Some(dir)));
            #[cfg(not(feature = "mapping"))]
            {
                let _ = (mapping, dir);
                return fail(
                    Diagnostic::at(
                        "/mapping",
                        "this is a vendor mapping, and reading one needs the `mapping` feature of errcat-codegen",
                    )
                    .hint("depend on `errcat-codegen` with `features = [\"mapping\"]`")
                    .into(),
                );
            }
        }
    };
    match Model::build(catalog, name) {
        #[cfg_attr(not(feature = "gen"), allow(unused_mut))]
        Ok(mut model) => {
            // Look-alike codes are a warning of `gen` (the `confusables` feature).
            #[cfg(feature = "gen")]
            {
                let mut look_alikes = errcat_catalog::check::look_alikes(&model.catalog);
                load::locate(text, &mut look_alikes);
                warn(&mut model, name, text, look_alikes);
            }
            translations(model, name, text, dir)
        }
        Err(problems) => fail(problems),
    }
}

/// Reads the translation files of `model`'s `locales` (catalog file `name` with text
/// `text`), from `locales/<catalog name>/<tag>.json` under `dir`, the catalog's folder. A
/// declared file that is missing and a file there that no tag declares are both refused: a
/// translation is never silently left out.
fn translations(
    mut model: Model,
    name: &str,
    text: &str,
    dir: Option<&Path>,
) -> Result<Model, Report> {
    let Some(locales) = model.catalog.locales.clone() else {
        return Ok(model);
    };
    let Some(dir) = dir else {
        return Err(Report::global(format!(
            "{name} has translations (`locales`), which are files beside it: load it from its file"
        )));
    };
    let folder = dir.join("locales").join(&model.catalog.name);
    let shown = |file: &str| {
        Path::new(name)
            .parent()
            .unwrap_or(Path::new(""))
            .join("locales")
            .join(&model.catalog.name)
            .join(file)
            .display()
            .to_string()
    };
    let mut problems = Diagnostics::new();
    let mut files = Vec::new();
    for (i, tag) in locales.translations.iter().enumerate() {
        let file = format!("{tag}.json");
        // Read only from inside the catalog's folder, as a vendor file is: a translation is
        // copied into the output, and a report shows its text.
        let relative = format!("locales/{}/{file}", model.catalog.name);
        let path =
            match load::file::contained(dir, &relative, &format!("/locales/translations/{i}")) {
                Ok(path) => path,
                Err(found) => {
                    problems.extend(found);
                    continue;
                }
            };
        match errcat_catalog::load::file::read(&path, &shown(&file)) {
            Ok(text) => files.push(errcat_catalog::locales::File {
                name: shown(&file),
                text,
            }),
            Err(_) if !folder.join(&file).exists() => problems.push(
                errcat_catalog::Diagnostic::at(
                    format!("/locales/translations/{i}"),
                    format!("`{tag}` has no translation file {}", shown(&file)),
                )
                .hint("write the file (README: \"Localized messages\"), or remove the language"),
            ),
            Err(report) => return Err(report),
        }
    }
    let mut undeclared: Vec<String> = std::fs::read_dir(&folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|f| f.ends_with(".json"))
        .filter(|f| {
            !locales
                .translations
                .iter()
                .any(|t| format!("{t}.json") == *f)
        })
        .collect();
    undeclared.sort();
    for file in undeclared {
        problems.push(
            errcat_catalog::Diagnostic::at(
                "/locales/translations",
                format!(
                    "{} is a translation no tag of `locales.translations` names",
                    shown(&file)
                ),
            )
            .hint("add its language to `locales.translations`, or remove the file"),
        );
    }
    if !problems.is_empty() {
        load::locate(text, &mut problems);
        return Err(Report::bind(name, text, problems));
    }
    errcat_catalog::locales::attach(&mut model, files)?;
    Ok(model)
}

#[cfg(feature = "gen")]
/// Renders `warnings`, located in `text` (the file shown as `name`), onto `model`.
fn warn(model: &mut Model, name: &str, text: &str, warnings: Diagnostics) {
    if warnings.is_empty() {
        return;
    }
    model
        .warnings
        .push(Report::bind(name, text, warnings).warnings());
}

/// What the light build (no feature: a build script on a native catalog) refuses, naming the
/// feature that reads it. `cargo test --workspace` unifies the workspace's features (errcat's
/// own command line turns on `gen`); `.ci/run` also tests this crate alone, without them.
#[cfg(all(test, not(feature = "mapping"), not(feature = "xml")))]
mod without_features {
    use std::fs;

    use crate::Generator;

    #[test]
    fn a_mapping_is_refused_naming_the_feature_that_reads_it() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("vendor-errors.json");
        fs::write(
            &path,
            r#"{"mapping": 1, "vendor_file": "v.json", "catalog": {"name": "v", "title": "V"}}"#,
        )
        .expect("written");
        let report = Generator::new()
            .load(&path)
            .expect_err("no mapping without the feature")
            .to_string();
        assert!(
            report.contains("needs the `mapping` feature of errcat-codegen")
                && report.contains("vendor-errors.json:1:13"),
            "{report}"
        );
    }

    #[test]
    fn xml_example_bodies_are_refused_naming_the_feature_that_reads_them() {
        let text = r#"{"format": 1, "name": "x", "title": "X",
  "envelope": {"description": "XML.", "layout": {"format": "xml", "code": "/Error/Code"}},
  "codes": [{"code": "NoSuchKey", "message": "No such key", "status": 404,
    "examples": [{"body": "<Error><Code>NoSuchKey</Code></Error>"}]}]}"#;
        let report = Generator::new()
            .load_str("x.json", text)
            .expect_err("no XML without the feature")
            .to_string();
        assert!(
            report.contains("needs the `xml` feature of errcat-codegen")
                && report.contains("at /envelope/layout/format"),
            "{report}"
        );
        // Without examples there is nothing to read: the catalog is fine.
        let bare = text.replace(
            r#",
    "examples": [{"body": "<Error><Code>NoSuchKey</Code></Error>"}]"#,
            "",
        );
        Generator::new()
            .load_str("x.json", &bare)
            .expect("an XML catalog without examples needs no feature");
    }
}
