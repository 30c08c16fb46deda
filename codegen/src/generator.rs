//! [`Generator`]: the settings of a run, given once, and the calls an xtask, a build script or
//! a command line makes.

use std::path::{Path, PathBuf};

use errcat_catalog::diag::Report;
use errcat_emit::rust;
#[cfg(feature = "gen")]
use errcat_emit::{Context, docs, explain};

use crate::input;
use crate::model::Model;
#[cfg(feature = "gen")]
use crate::plan::{self, Change, Drift, Plan};

/// The command named in the `@generated` line of every file, unless
/// [`Generator::command`] says otherwise.
const DEFAULT_COMMAND: &str = "cargo xtask gen";

/// A configured errcat run, in the manner of `prost_build::Config`: settings first, then
/// calls.
///
/// - A build script: [`module`](Self::module) and [`build_script`](Self::build_script) on one
///   catalog, [`load`](Self::load) to look at it (no feature needed for a native catalog).
/// - With the `gen` feature, a project (a folder holding `catalog/`): `plan`, `generate` and
///   `check` work on `catalog/*.json` and `generated/`; for one catalog, `crate_files` and
///   `pages` after `load`, `standalone` for a crate of its own, and `release`.
///
/// Every failure is a [`Report`]: each problem found, located in its file.
#[derive(Debug, Clone)]
pub struct Generator {
    root: PathBuf,
    command: String,
}

impl Default for Generator {
    fn default() -> Self {
        Generator {
            root: PathBuf::from("."),
            command: DEFAULT_COMMAND.to_owned(),
        }
    }
}

impl Generator {
    /// A generator for the project in the current folder, whose files name `cargo xtask gen`
    /// as the command that regenerates them.
    pub fn new() -> Self {
        Self::default()
    }

    /// The project folder: the one holding `catalog/` (and `generated/`, written by
    /// `generate`).
    pub fn root(&mut self, root: impl Into<PathBuf>) -> &mut Self {
        self.root = root.into();
        self
    }

    /// The command that regenerates the output, as the `@generated` line of every file names
    /// it (`cargo xtask gen` by default; for a standalone crate, `--catalog` and `--out` are
    /// added to it).
    pub fn command(&mut self, command: impl Into<String>) -> &mut Self {
        self.command = command.into();
        self
    }

    /// Every output of the project, in memory: a crate per catalog, the pages, the site's
    /// index and the catalog schema. Nothing is read but `catalog/` and nothing is written.
    #[cfg(feature = "gen")]
    pub fn plan(&self) -> Result<Plan, Report> {
        plan::workspace(&self.root, &self.command)
    }

    /// The project's settings, `catalog/errcat.json` (all defaults when there is none).
    #[cfg(feature = "gen")]
    pub fn settings(&self) -> Result<errcat_catalog::format::Settings, Report> {
        plan::settings(&self.root)
    }

    /// The entry of the code `code` (its wire spelling or an alias) in every catalog of the
    /// project that has it, as text for a terminal, as `rustc --explain` prints an error
    /// code. A code no catalog has is an error that names codes spelled like it (other case).
    #[cfg(feature = "gen")]
    pub fn explain(&self, code: &str) -> Result<Vec<String>, Report> {
        let models = plan::models(&self.root)?;
        let found: Vec<String> = models
            .iter()
            .flat_map(|m| {
                m.codes
                    .iter()
                    .filter(|c| explain::matches(c, code))
                    .map(move |c| explain::entry(m, c))
            })
            .collect();
        if !found.is_empty() {
            return Ok(found);
        }
        let lower = code.to_lowercase();
        let alike: Vec<String> = models
            .iter()
            .flat_map(|m| {
                m.codes
                    .iter()
                    .filter(|c| c.wire.to_lowercase() == lower)
                    .map(move |c| format!("`{}` ({})", c.wire, m.catalog.name))
            })
            .collect();
        let mut message = format!("no catalog has the code `{}`", code.escape_debug());
        if !alike.is_empty() {
            message.push_str(&format!(
                "; codes are matched exactly: did you mean {}?",
                alike.join(", ")
            ));
        }
        Err(Report::global(message))
    }

    /// Writes the project's outputs: only files whose bytes change, each atomically; a file
    /// in the way that errcat did not generate stops the run before anything is written.
    /// Returns what happened to each file.
    #[cfg(feature = "gen")]
    pub fn generate(&self) -> Result<Vec<(PathBuf, Change)>, Report> {
        self.plan()?.apply(&self.root)
    }

    /// The files under the project that differ from what [`generate`](Self::generate) would
    /// write (empty when up to date). A catalog whose version is lower than its changes
    /// since the last release need is an error here.
    #[cfg(feature = "gen")]
    pub fn check(&self) -> Result<Vec<(PathBuf, Drift)>, Report> {
        let plan = self.plan()?;
        if !plan.gate().is_empty() {
            return Err(plan.into_gate());
        }
        plan.check(&self.root)
    }

    /// One catalog (native, or a mapping) as a crate of its own, relative to its output
    /// folder: `Cargo.toml`, `src/`, `tests/` and `docs/`. `out` is only named in the
    /// `@generated` lines. A relative `catalog` is read from under the root, and named as
    /// given.
    #[cfg(feature = "gen")]
    pub fn standalone(&self, catalog: &Path, out: &Path) -> Result<Plan, Report> {
        plan::standalone(
            &self.under_root(catalog),
            &catalog.display().to_string(),
            &out.display().to_string(),
            &self.command,
        )
    }

    /// The emitters' settings: this generator's command.
    #[cfg(feature = "gen")]
    fn context(&self) -> Context<'_> {
        Context::new(&self.command)
    }

    /// `path` relative to the root (as given when the root is the current folder).
    fn under_root(&self, path: &Path) -> PathBuf {
        if self.root == Path::new(".") {
            path.to_path_buf()
        } else {
            self.root.join(path)
        }
    }

    /// Loads, checks and models the catalog (or mapping) at `path` (relative to the root).
    pub fn load(&self, path: &Path) -> Result<Model, Report> {
        let name = path.display().to_string();
        input::load_file(&self.under_root(path), &name).map(Model)
    }

    /// What the vendor mapping `catalog/<name>.json` makes, for its author: the entries found,
    /// kept and filtered out, and for each code each field's value with the vendor-file place
    /// it was read from (`gen --explain NAME`). A name no catalog file has, a native catalog,
    /// or a mapping that does not read is an error.
    #[cfg(feature = "gen")]
    pub fn preview(&self, name: &str) -> Result<String, Report> {
        let mut report = Report::default();
        let relative = Path::new("catalog").join(format!("{name}.json"));
        let path = self.under_root(&relative);
        let known: Vec<String> = plan::catalog_files(&self.root)
            .unwrap_or_default()
            .iter()
            .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
            .collect();
        if !known.iter().any(|k| k == name) {
            report.push_global(format!(
                "no catalog file {}: the catalogs are {}",
                relative.display(),
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
            ));
            return Err(report);
        }
        input::preview(&path, &relative.display().to_string())
    }

    /// Loads, checks and models a native catalog from its text; `name` is how messages and
    /// generated files name it. A mapping must be loaded from its file
    /// ([`load`](Self::load)), beside its vendor file.
    pub fn load_str(&self, name: &str, text: &str) -> Result<Model, Report> {
        input::load_model(name, text).map(Model)
    }

    /// The files of the crate generated from `model`; `standalone` makes it a workspace of
    /// its own (it builds outside any other workspace).
    #[cfg(feature = "gen")]
    pub fn crate_files(&self, model: &Model, standalone: bool) -> rust::CrateFiles {
        rust::emit(&model.0, &self.context().standalone(standalone))
    }

    /// The reference pages of `model`: file name and markdown (one page, or an overview and
    /// its parts for a large catalog).
    #[cfg(feature = "gen")]
    pub fn pages(&self, model: &Model) -> Vec<(String, String)> {
        docs::pages(&model.0, &self.context())
    }

    /// The reference page of `model` as one markdown document, however large.
    #[cfg(feature = "gen")]
    pub fn page(&self, model: &Model) -> String {
        docs::page(&model.0, &self.context())
    }

    /// The `include!`-able Rust module for the catalog at `path`: the crate's code in one
    /// file, without its features.
    pub fn module(&self, path: &Path) -> Result<String, Report> {
        let model = self.load(path)?;
        module_carries(&model.0)?;
        Ok(rust::module(&model.0))
    }

    /// For `build.rs`: writes the module of the catalog at `path` (relative to the package,
    /// as cargo runs build scripts) to `$OUT_DIR/<file stem>.rs` and prints
    /// `cargo::rerun-if-changed` for the catalog and every vendor file it reads. Returns the
    /// path written. Two catalogs whose files share a stem are refused (they would write the
    /// same file).
    pub fn build_script(&self, path: impl AsRef<Path>) -> Result<PathBuf, Report> {
        let path = path.as_ref();
        let Some(out_dir) = std::env::var_os("OUT_DIR") else {
            return Err(Report::global(
                "OUT_DIR is not set: `build_script` runs from a build script",
            ));
        };
        let model = self.load(path)?;
        module_carries(&model.0)?;
        for input in &model.0.inputs {
            println!("cargo::rerun-if-changed={}", input.display());
        }
        write_module(Path::new(&out_dir), path, &rust::module(&model.0))
    }
}

/// Refuses a catalog whose crate has more than the `include!`-able module holds: codes with
/// `args` get an `args` module of their own, and translations a `locale` module, which the
/// module leaves out, so a build script would compile without what the catalog declares.
fn module_carries(model: &errcat_catalog::model::Model) -> Result<(), Report> {
    let name = &model.catalog.name;
    let what = match (
        model.codes.iter().find(|c| !c.entry().args.is_empty()),
        model.catalog.code_sets.first(),
    ) {
        (Some(code), _) => format!("gives code `{}` arguments (`args`)", code.wire),
        (None, Some(set)) => format!("declares inner code set `{}`", set.name),
        (None, None) if model.source_locale().is_some() => {
            "has translations (`locales`)".to_owned()
        }
        (None, None) => return Ok(()),
    };
    Err(Report::global(format!(
        "catalog `{name}` {what}, which the `include!`-able module does not carry: generate \
         its crate with `errcat gen` and depend on that crate"
    )))
}

/// Writes `module`, made from the catalog at `catalog`, to `out_dir/<file stem>.rs`, and
/// returns that path. Two catalogs of one build script whose files share a stem would write
/// the same file, the second over the first: that is refused, naming both.
fn write_module(out_dir: &Path, catalog: &Path, module: &str) -> Result<PathBuf, Report> {
    static WRITTEN: std::sync::Mutex<Vec<(PathBuf, PathBuf)>> = std::sync::Mutex::new(Vec::new());
    let stem = catalog.file_stem().unwrap_or(catalog.as_os_str());
    let target = out_dir.join(format!("{}.rs", stem.to_string_lossy()));
    let mut written = WRITTEN
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, first)) = written
        .iter()
        .find(|(t, c)| *t == target && c.as_path() != catalog)
    {
        return Err(Report::global(format!(
            "{} and {} would both be written to {}; give the catalog files different names",
            first.display(),
            catalog.display(),
            target.display()
        )));
    }
    std::fs::write(&target, module)
        .map_err(|e| Report::global(format!("cannot write {}: {e}", target.display())))?;
    written.push((target.clone(), catalog.to_path_buf()));
    Ok(target)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn modules_are_named_by_the_whole_stem_and_never_overwrite_another_catalogs() {
        let out = tempfile::tempdir().expect("temporary folder");
        let written = super::write_module(out.path(), Path::new("a/errors.v2.json"), "// a")
            .expect("written");
        assert_eq!(written, out.path().join("errors.v2.rs"));
        // The same catalog again (cargo reruns a build script in one process): fine.
        super::write_module(out.path(), Path::new("a/errors.v2.json"), "// a").expect("again");
        let clash = super::write_module(out.path(), Path::new("b/errors.v2.json"), "// b")
            .expect_err("refused");
        assert!(
            clash
                .to_string()
                .contains("a/errors.v2.json and b/errors.v2.json"),
            "{clash}"
        );
        assert_eq!(
            std::fs::read_to_string(&written).expect("read"),
            "// a",
            "the first module was overwritten"
        );
    }
}

/// What [`Generator::release`] recorded.
#[cfg(feature = "gen")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Released {
    /// The catalog's name.
    pub name: String,
    /// The version released.
    pub version: String,
    /// The date recorded (`YYYY-MM-DD`).
    pub date: String,
    /// "first release, 12 codes" or "3 change(s) since the release before".
    pub what: String,
    /// The release record written, under `catalog/releases/`.
    pub record: PathBuf,
}

#[cfg(feature = "gen")]
impl Generator {
    /// Records a release of the catalog named `name` at the version it states, on `date`
    /// (`YYYY-MM-DD`; today in UTC when `None`), in `catalog/releases/<name>.json`. The
    /// version must come after the last release and be at least what the changes since need.
    /// Regenerate afterwards ([`generate`](Self::generate)): that closes the Unreleased
    /// section of the crate's changelog.
    pub fn release(&self, name: &str, date: Option<&str>) -> Result<Released, Report> {
        let fail = |message: String| Report::global(message);
        let plan = self.plan()?;
        let Some(c) = plan.catalogs().iter().find(|c| c.name() == name) else {
            let names: Vec<&str> = plan.catalogs().iter().map(|c| c.name()).collect();
            return Err(fail(format!(
                "no catalog is named `{name}`; the catalogs are: {}",
                names.join(", ")
            )));
        };
        let Some(evolution) = c.evolution() else {
            return Err(fail(format!("catalog `{name}` has no release information")));
        };
        let date = date.map_or_else(errcat_evolve::history::today, str::to_owned);
        let history = errcat_evolve::release(evolution, c.resolved(), &date)?;
        let record = errcat_evolve::History::path(&self.root.join("catalog"), name);
        plan::write_atomically(&self.root, &record, history.to_json().as_bytes())
            .map_err(|e| fail(format!("cannot write {}: {e}", record.display())))?;
        let what = match history.releases.as_slice() {
            [first] => format!("first release, {} codes", first.codes),
            [.., r] => format!("{} change(s) since the release before", r.changes.len()),
            [] => String::new(),
        };
        let version = history
            .releases
            .last()
            .map(|r| r.version.clone())
            .expect("errcat bug: a release record made by `release` lists no release");
        Ok(Released {
            name: name.to_owned(),
            version,
            date,
            what,
            record: Path::new("catalog")
                .join(errcat_evolve::history::RELEASES_DIR)
                .join(format!("{name}.json")),
        })
    }
}
