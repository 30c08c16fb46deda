//! Assembling a plan: every catalog of a workspace (or one standalone catalog) loaded,
//! compared with its last release and emitted, in memory.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{CatalogPlan, Plan, hidden, parallel, settings};
use crate::input::load_file;
use crate::schema;
use errcat_catalog::diag::{Diagnostic, Diagnostics, Report};
use errcat_catalog::format::SETTINGS_FILE_NAME;
use errcat_catalog::load;
use errcat_catalog::model::Model;
use errcat_emit::{Context, docs, openapi, readme, rust};

/// The catalog files of a workspace: `catalog/*.json` except the schema, in name order.
pub fn catalog_files(root: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(root.join("catalog"))?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<_>>()?;
    files.retain(|p| {
        p.extension().is_some_and(|e| e == "json")
            && p.file_name()
                .is_some_and(|n| n != "schema.json" && n != SETTINGS_FILE_NAME)
    });
    files.sort();
    Ok(files)
}

/// Every catalog of the workspace at `root`, loaded, checked and modelled, in name order;
/// or every problem found in any of them.
pub(crate) fn models(root: &Path) -> Result<Vec<Model>, Report> {
    let settings = settings(root)?;
    let mut report = Report::default();
    if !root.join("catalog").is_dir() {
        report.push_global(format!(
            "{} has no catalog/ folder: run in a project whose catalog/ holds the catalogs, or name it with --root",
            root.display()
        ));
        return Err(report);
    }
    let files = match catalog_files(root) {
        Ok(files) => files,
        Err(e) => {
            report.push_global(format!(
                "cannot list {}: {e}",
                root.join("catalog").display()
            ));
            return Err(report);
        }
    };
    // Each catalog loads on its own (on every core); their reports are then joined in file
    // order, so the output is the same however the work was split.
    let real_root = root.canonicalize();
    let loaded = parallel::map(&files, |path| {
        let mut report = Report::default();
        let name = format!(
            "catalog/{}",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        // A catalog that is a symbolic link out of the repository is refused like a vendor
        // file that leaves the catalog folder.
        if let (Ok(real_root), Ok(real)) = (&real_root, path.canonicalize())
            && !real.starts_with(real_root)
        {
            report.push_global(format!(
                "{name} is a symbolic link (or passes through one) to a file outside the repository; \
                 catalogs are read only from inside it: copy the file into catalog/"
            ));
            return (None, report);
        }
        match load_file(path, &name) {
            Ok(model) => (Some((model, name)), report),
            Err(problems) => (None, problems),
        }
    });
    let mut models: Vec<Model> = Vec::new();
    for ((loaded, problems), path) in loaded.into_iter().zip(&files) {
        report.append(problems);
        let Some((mut model, name)) = loaded else {
            continue;
        };
        if model.reference_base.is_none() {
            model.reference_base = settings.reference_url.clone();
        }
        if let Some(problem) = model.doc_url_problem() {
            report.push_global(problem);
        }
        // The file is named after the catalog, so the page, the crate and the file agree.
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        if stem != model.catalog.name {
            report.append(at_name(
                root,
                &name,
                format!(
                    "the catalog is named `{}`, but its file is {name}",
                    model.catalog.name
                ),
                &format!(
                    "rename the file to catalog/{}.json, or the catalog to `{stem}`",
                    model.catalog.name
                ),
            ));
        }
        if let Some(other) = models.iter().find(|m| m.catalog.name == model.catalog.name) {
            report.push_global(format!(
                "{} and {} both use the catalog name `{}`; names must be unique, as they name crates and pages",
                other.source_path, model.source_path, model.catalog.name
            ));
        }
        models.push(model);
    }
    if !report.is_empty() {
        return Err(report);
    }
    models.sort_by(|a, b| a.catalog.name.cmp(&b.catalog.name));
    Ok(models)
}

/// Everything `gen` writes for the workspace at `root`; `command` is the command that
/// regenerates it, named in every file's `@generated` line.
pub(crate) fn workspace(root: &Path, command: &str) -> Result<Plan, Report> {
    let cx = Context::new(command);
    let mut models = models(root)?;
    let (evolutions, gate) = evolve_models(
        &mut models,
        &|m| (root.join(&m.source_path), docs::changelog_page(m)),
        &root.join("catalog"),
        "catalog",
    )?;

    let mut plan = Plan {
        owned_dirs: vec![PathBuf::from("generated")],
        gate,
        ..Plan::default()
    };
    plan.add(None, "catalog/schema.json", schema::catalog_schema(&cx));
    // Each catalog's output is made in parts, on every core: one large catalog's `codes.rs`,
    // two shares of its pages, its data files and the rest of its crate keep two cores busy. Files are added to the
    // plan in name order.
    let jobs: Vec<(&Model, Part)> = models
        .iter()
        .flat_map(|m| Part::ALL.map(|part| (m, part)))
        .collect();
    let mut done = parallel::map(&jobs, |&(model, part)| {
        let dir = Path::new("generated").join(&model.catalog.name);
        part_files(&dir, Path::new("generated/docs"), model, &cx, part)
    })
    .into_iter();
    let outputs = models.iter().map(|_| {
        Part::ALL
            .iter()
            .flat_map(|_| done.next().expect("a job per part of each catalog"))
            .collect::<Vec<_>>()
    });
    for ((model, evolution), files) in models.iter().zip(evolutions).zip(outputs) {
        let i = plan.catalogs.len();
        plan.catalogs.push(CatalogPlan::of(model));
        let dir = Path::new("generated").join(&model.catalog.name);
        for (path, content) in files {
            plan.add(Some(i), path, content);
        }
        let changelog = add_changelog(&mut plan, i, &dir, model, evolution, &cx);
        // The changelog is a page of the reference too, so the site has what the page links.
        plan.add(
            Some(i),
            Path::new("generated/docs").join(docs::changelog_page(model)),
            changelog,
        );
    }
    let (index, summary) = docs::index(&models, &cx);
    plan.add(None, "generated/docs/README.md", index);
    plan.add(None, "generated/docs/SUMMARY.md", summary);
    plan.add(None, "generated/book.toml", docs::book_toml(&cx));
    refuse_hidden(root, &plan)?;
    Ok(plan)
}

/// Refuses every output the repository's ignore rules hide: at the `name` of the catalog
/// that produces it, or globally for a shared file.
fn refuse_hidden(root: &Path, plan: &Plan) -> Result<(), Report> {
    let mut report = Report::default();
    let mut reported = Vec::new();
    for (path, rule) in hidden::hidden(root, plan.files.keys()) {
        let owner = plan.catalogs.iter().find(|c| c.files.contains(path));
        let message = format!(
            "{} would be generated, but the repository's ignore rules hide it ({rule}), so it would never be committed",
            path.display()
        );
        let Some(catalog) = owner else {
            report.push_global(message);
            continue;
        };
        if reported.contains(&catalog.source) {
            continue;
        }
        reported.push(catalog.source.clone());
        let hint = "choose another catalog name, or change the ignore rule";
        report.append(at_name(root, &catalog.source, message, hint));
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(report)
    }
}

/// A problem with the catalog name of the catalog file `source` (relative to `root`),
/// located at the name: `/name` in a catalog, `/catalog/name` in a mapping.
fn at_name(root: &Path, source: &str, message: String, hint: &str) -> Report {
    let Ok(text) = fs::read_to_string(root.join(source)) else {
        return Report::global(format!("{source}: {message}; {hint}"));
    };
    let pointer = match load::input::<serde::de::IgnoredAny>(&text) {
        Ok(load::Input::Mapping(_)) => "/catalog/name",
        _ => "/name",
    };
    let mut d = Diagnostics::from(Diagnostic::at(pointer, message).hint(hint));
    load::locate(&text, &mut d);
    Report::bind(source, text, d)
}

/// The resolved catalog as JSON, marked as generated: what the crate and page were made from,
/// and what the next run compares against to report added, removed and changed codes.
fn resolved_json(model: &Model, cx: &Context) -> String {
    /// The catalog's members after a `$comment`, written as they are serialised (never
    /// through a `serde_json::Value`, which would hold a large catalog twice over).
    #[derive(serde::Serialize)]
    struct Resolved<'a> {
        #[serde(rename = "$comment")]
        comment: String,
        #[serde(flatten)]
        catalog: &'a errcat_catalog::format::Catalog,
    }
    let resolved = Resolved {
        comment: cx.generated_line(&model.source_path),
        catalog: &model.catalog,
    };
    let mut text = serde_json::to_string_pretty(&resolved).expect(errcat_catalog::diag::OWN_JSON);
    text.push('\n');
    text
}

/// Everything `cargo xtask gen --catalog FILE --out DIR` writes, relative to `DIR`.
/// `catalog_arg` and `out_arg` are the arguments as given, for the regenerate command
/// (`gen` followed by them).
pub(crate) fn standalone(
    catalog: &Path,
    catalog_arg: &str,
    out_arg: &str,
    regenerate: &str,
) -> Result<Plan, Report> {
    let model = load_file(catalog, catalog_arg)?;
    if let Some(problem) = model.doc_url_problem() {
        return Err(Report::global(problem));
    }
    let mut models = vec![model];
    let shown_dir = Path::new(catalog_arg)
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let (mut evolutions, gate) = evolve_models(
        &mut models,
        &|_| (catalog.to_path_buf(), "../CHANGELOG.md".to_owned()),
        catalog.parent().unwrap_or(Path::new(".")),
        &shown_dir,
    )?;
    let bug = "errcat bug: one catalog, one model and one evolution";
    let model = models.pop().expect(bug);
    let evolution = evolutions.pop().expect(bug);
    let command = format!("{regenerate} --catalog {catalog_arg} --out {out_arg}");
    let cx = Context::new(&command).standalone(true);
    let mut plan = Plan {
        gate,
        ..Plan::default()
    };
    plan.catalogs.push(CatalogPlan::of(&model));
    let parts = parallel::map(&Part::ALL, |&part| {
        part_files(Path::new(""), Path::new("docs"), &model, &cx, part)
    });
    for (path, content) in parts.into_iter().flatten() {
        plan.add(Some(0), path, content);
    }
    add_changelog(&mut plan, 0, Path::new(""), &model, evolution, &cx);
    Ok(plan)
}

/// A part of one catalog's output, made as one job.
#[derive(Debug, Clone, Copy)]
enum Part {
    /// `src/codes.rs`, which grows with the catalog.
    Codes,
    /// The reference pages, share `n` of [`PAGE_SHARES`] (see [`docs::pages_in_share`]).
    Pages(usize),
    /// `catalog.json`, `README.md` and `openapi.json`.
    Data,
    /// The rest of the crate.
    Crate,
}

/// How many jobs make one catalog's pages.
const PAGE_SHARES: usize = 2;

impl Part {
    /// Every part, the largest first, so the last jobs to start are short ones (one
    /// `Pages` per share of [`PAGE_SHARES`]).
    const ALL: [Part; 5] = [
        Part::Codes,
        Part::Pages(0),
        Part::Pages(1),
        Part::Data,
        Part::Crate,
    ];
}

/// The files of `part` of the output of `model`: crate files under `dir`, pages under
/// `docs_dir`.
fn part_files(
    dir: &Path,
    docs_dir: &Path,
    model: &Model,
    cx: &Context,
    part: Part,
) -> Vec<(PathBuf, String)> {
    let mut files = match part {
        Part::Codes => vec![(dir.join("src/codes.rs"), rust::codes_file(model, cx))],
        Part::Pages(share) => docs::pages_in_share(model, cx, share, PAGE_SHARES)
            .into_iter()
            .map(|(page, content)| (docs_dir.join(page), content))
            .collect(),
        Part::Data => {
            vec![
                (dir.join("catalog.json"), resolved_json(model, cx)),
                (dir.join("README.md"), readme::readme(model, cx)),
                (dir.join("openapi.json"), openapi::openapi_json(model, cx)),
            ]
        }
        Part::Crate => rust::emit_without_codes(model, cx)
            .into_files()
            .into_iter()
            .map(|(path, contents)| (dir.join(path), contents))
            .collect(),
    };
    // A file is held until the run ends: it keeps its bytes, not the room it grew into.
    for (_, content) in &mut files {
        content.shrink_to_fit();
    }
    files
}

/// Compares each model with its release record in `catalog_dir` (named `shown_dir` in
/// messages), and points each page at its crate's changelog. `place` gives a model's catalog
/// file (read again for locating problems) and the link from its page to its changelog.
/// Returns the evolutions, in model order, and the version gate's report (see
/// [`errcat_evolve::evolve`]); the error gathers the problems of every model.
fn evolve_models(
    models: &mut [Model],
    place: &dyn Fn(&Model) -> (PathBuf, String),
    catalog_dir: &Path,
    shown_dir: &str,
) -> Result<(Vec<errcat_evolve::Evolution>, Report), Report> {
    let (mut report, mut gate) = (Report::default(), Report::default());
    let mut evolutions = Vec::with_capacity(models.len());
    for model in models.iter_mut() {
        let (path, changelog) = place(model);
        let text = fs::read_to_string(path).unwrap_or_default();
        model.changelog = Some(changelog);
        match errcat_evolve::evolve(model, catalog_dir, shown_dir, &text) {
            Ok((evolution, gated)) => {
                evolutions.push(evolution);
                gate.append(gated);
                // Stale and missing translations, like a version too low, are for `gen` to
                // print and for `gen --check` to fail on.
                gate.append(model.gaps.clone());
            }
            Err(problems) => report.append(problems),
        }
    }
    if report.is_empty() {
        Ok((evolutions, gate))
    } else {
        Err(report)
    }
}

/// The crate's `CHANGELOG.md`, and the evolution for the command line's summary.
fn add_changelog(
    plan: &mut Plan,
    i: usize,
    dir: &Path,
    model: &Model,
    evolution: errcat_evolve::Evolution,
    cx: &Context,
) -> String {
    let marker = cx.generated_line(&model.source_path);
    let changelog = errcat_evolve::changelog::render(model, &evolution, &marker);
    plan.add(Some(i), dir.join("CHANGELOG.md"), changelog.clone());
    plan.catalogs[i].evolution = Some(evolution);
    changelog
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{PAGE_SHARES, Part, part_files};
    use crate::input::load_model;
    use errcat_emit::{Context, docs};

    #[test]
    fn the_page_shares_together_are_every_page_once() {
        let shares: Vec<usize> = Part::ALL
            .iter()
            .filter_map(|p| match p {
                Part::Pages(n) => Some(*n),
                _ => None,
            })
            .collect();
        assert_eq!(shares, (0..PAGE_SHARES).collect::<Vec<_>>());
        // 2,000 codes are split over pages; 10 are one page.
        for n in [2_000, 10] {
            let codes: Vec<serde_json::Value> = (0..n)
                .map(
                    |i| serde_json::json!({"code": format!("{}{i}", char::from(b'a' + (i % 26) as u8)), "status": 400, "message": "M"}),
                )
                .collect();
            let text = serde_json::json!({
                "format": 1, "name": "synthetic", "title": "Synthetic", "codes": codes,
            })
            .to_string();
            let model = load_model("catalog/synthetic.json", &text).expect("a valid catalog");
            let mut shared: Vec<(String, String)> = shares
                .iter()
                .flat_map(|&share| {
                    part_files(
                        Path::new(""),
                        Path::new(""),
                        &model,
                        &Context::new("gen"),
                        Part::Pages(share),
                    )
                })
                .map(|(path, content)| (path.display().to_string(), content))
                .collect();
            shared.sort();
            let mut whole = docs::pages(&model, &Context::new("gen"));
            whole.sort();
            assert_eq!(shared.len(), whole.len(), "{n} codes");
            // The split catalog: an overview and a page per first letter.
            assert_eq!(whole.len(), if n == 10 { 1 } else { 27 }, "{n} codes");
            assert!(
                shared == whole,
                "the shares of {n} codes differ from the pages"
            );
        }
    }
}
