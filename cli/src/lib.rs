//! errcat's command line, as a library so tests drive it in-process. Two programs run it:
//! `errcat` (this package's binary, installed with `cargo install --path cli`) on any folder
//! holding a `catalog/`, and `cargo xtask` in errcat's own workspace.
//!
//! [`run`] takes the arguments, the project root, the [`Host`] program and two writers, and
//! returns the exit status; the binaries only wire it to the process.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};
use errcat_codegen::{Change, Drift, Generator, Plan};

mod release;

/// errcat: error catalogs to Rust crates and markdown reference pages.
#[derive(Parser)]
#[command(name = "errcat", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate crates and reference pages from the catalogs.
    ///
    /// Without options: reads catalog/*.json and writes generated/NAME/ (one crate per
    /// catalog), generated/docs/ (reference pages, an index and mdBook's SUMMARY.md) and
    /// catalog/schema.json. Only files whose bytes change are written, each atomically; if any
    /// catalog has a problem, every problem is reported and nothing is written.
    Gen(GenArgs),
    /// Build the reference site from generated/docs/ with mdBook, then check its links.
    ///
    /// The site goes to target/site/ unless --out says otherwise; it is served under the path of
    /// `reference_url` in catalog/errcat.json (default `/`).
    Docs(DocsArgs),
    /// Record a release of a catalog at the version it states.
    ///
    /// Checks that the version comes after the last release and is at least what the changes
    /// since it need, then records the release (version, date, changes, and the catalog as
    /// resolved now, for the next comparison) in catalog/releases/NAME.json and regenerates,
    /// which closes the Unreleased section of generated/NAME/CHANGELOG.md. Commit both.
    Release(ReleaseArgs),
    /// Print the entry of an error code from every catalog that has it.
    ///
    /// For the engineer who finds a code in a log: its catalog, status, message,
    /// description, causes, fixes and links, as `rustc --explain` prints a compiler error.
    Explain(ExplainArgs),
}

#[derive(Args)]
struct ExplainArgs {
    /// The code, as the API sends it (or one of its aliases).
    code: String,
    /// Project whose catalog/ to read (default: the project found from here).
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
}

/// Builds the reference site from the pages under `book` into `site`, served under
/// `site_url`, then checks its links and that no page is over `max_page_bytes`; progress
/// lines go to `out`.
pub type BuildSite = fn(
    book: &Path,
    site: &Path,
    site_url: &str,
    max_page_bytes: u64,
    out: &mut dyn Write,
) -> Result<(), String>;

/// The program that runs the command line, and what differs between them.
pub struct Host {
    /// How the user runs it: `errcat` or `cargo xtask`; help, messages and every
    /// generated file's `@generated` line name it.
    pub name: &'static str,
    /// How `docs` builds and checks the site.
    pub docs: BuildSite,
}

#[derive(Args)]
struct DocsArgs {
    /// Folder for the site (replaced); outside every crate of the workspace.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

#[derive(Args)]
struct ReleaseArgs {
    /// The catalog's name (its `name`, which names the crate).
    name: String,
    /// The release date to record (YYYY-MM-DD); default: today, in UTC.
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// Project whose catalog/ and generated/ to use (default: this workspace).
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
}

#[derive(Args)]
struct GenArgs {
    /// Write nothing; exit with status 1 and name every file that is stale or missing.
    #[arg(long)]
    check: bool,
    /// Generate one catalog into a standalone crate instead (needs --out).
    #[arg(long, value_name = "FILE", requires = "out")]
    catalog: Option<PathBuf>,
    /// Folder for the standalone crate: Cargo.toml, src/, tests/ and docs/NAME.md.
    #[arg(long, value_name = "DIR", requires = "catalog")]
    out: Option<PathBuf>,
    /// Write nothing; print what the vendor mapping catalog/NAME.json makes: the entries
    /// found, kept and filtered out, and each code's fields with the vendor-file place each
    /// was read from.
    #[arg(long, value_name = "NAME", conflicts_with_all = ["check", "catalog", "prune"])]
    explain: Option<String>,
    /// Also delete generated files that no catalog produces any more (a removed catalog's).
    #[arg(long, conflicts_with = "check")]
    prune: bool,
    /// Project whose catalog/ and generated/ to use (default: this workspace).
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
}

/// Runs the command line `args` (without the program name) against the project at `root`,
/// as the program `host`. Returns the process exit status: 0 on success, 1 for bad input or
/// stale output, 2 for a usage error.
pub fn run(
    args: &[String],
    root: &Path,
    host: &Host,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    use clap::{CommandFactory, FromArgMatches};
    let parsed = Cli::command()
        .name(host.name)
        .bin_name(host.name)
        .try_get_matches_from(std::iter::once(host.name.to_owned()).chain(args.iter().cloned()))
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with status 0; usage errors to stderr with 2.
            return if e.use_stderr() {
                let _ = write!(err, "{e}");
                2
            } else {
                let _ = write!(out, "{e}");
                0
            };
        }
    };
    let result = match cli.command {
        Command::Gen(args) => {
            let root = args.root.clone().unwrap_or_else(|| root.to_path_buf());
            gen_command(&args, &root, host, out, err)
        }
        Command::Docs(args) => docs_command(&args, root, host, out),
        Command::Release(args) => {
            let root = args.root.clone().unwrap_or_else(|| root.to_path_buf());
            release::run(&args.name, args.date.as_deref(), &root, host, out, err)
        }
        Command::Explain(args) => {
            let root = args.root.clone().unwrap_or_else(|| root.to_path_buf());
            explain_command(&args.code, &root, out)
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            1
        }
    }
}

/// The project for a command run in `dir`: the nearest folder, `dir` or above, that holds
/// a `catalog/` folder (as cargo finds `Cargo.toml`).
pub fn find_project(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join("catalog").is_dir())
        .map(Path::to_path_buf)
}

/// A generator for `root` whose files name `host`'s `gen` command.
fn generator(root: &Path, host: &Host) -> Generator {
    let mut generator = Generator::new();
    generator.root(root).command(format!("{} gen", host.name));
    generator
}

fn explain_command(code: &str, root: &Path, out: &mut dyn Write) -> Result<u8, String> {
    let entries = Generator::new()
        .root(root)
        .explain(code)
        .map_err(|report| report.to_string())?;
    let shown = entries.join(&format!("\n{}\n\n", "-".repeat(40)));
    out.write_all(shown.as_bytes()).map_err(|e| e.to_string())?;
    Ok(0)
}

fn gen_command(
    args: &GenArgs,
    root: &Path,
    host: &Host,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, String> {
    let generator = generator(root, host);
    if let Some(name) = &args.explain {
        let text = generator
            .preview(name)
            .map_err(|report| report.to_string())?;
        out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
        return Ok(0);
    }
    let (plan, target) = match (&args.catalog, &args.out) {
        // `--catalog` is a path as given on the command line: from the current folder.
        (Some(catalog), Some(dir)) => (
            generator.clone().root(".").standalone(catalog, dir),
            dir.clone(),
        ),
        _ => (generator.plan(), root.to_path_buf()),
    };
    let plan = plan.map_err(|report| format!("{report}; nothing was written"))?;
    let result = if args.check {
        check(&plan, &target, host, out, err)
    } else {
        write(&plan, &target, args.prune, host, out, err)
    };
    result.map_err(|e| e.to_string())
}

/// An error of writing to the terminal, or the report of a failed step.
enum Failed {
    Io(std::io::Error),
    Report(errcat_codegen::Report),
}

impl From<std::io::Error> for Failed {
    fn from(e: std::io::Error) -> Self {
        Failed::Io(e)
    }
}

impl From<errcat_codegen::Report> for Failed {
    fn from(report: errcat_codegen::Report) -> Self {
        Failed::Report(report)
    }
}

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failed::Io(e) => write!(f, "error: {e}"),
            Failed::Report(report) => write!(f, "{report}"),
        }
    }
}

fn check(
    plan: &Plan,
    root: &Path,
    host: &Host,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Failed> {
    let drift = plan.check(root)?;
    let drifted: std::collections::HashSet<&Path> =
        drift.iter().map(|(p, _)| p.as_path()).collect();
    let code_changes = code_changes(plan, root);
    for c in plan.catalogs() {
        let stale = c
            .files()
            .iter()
            .filter(|p| drifted.contains(p.as_path()))
            .count();
        let state = if stale == 0 {
            "up to date".to_owned()
        } else {
            format!("{stale} file(s) out of date")
        };
        writeln!(
            out,
            "{}: {} codes from {}: {state}",
            c.name(),
            c.codes(),
            c.source()
        )?;
        for (_, what) in code_changes.iter().filter(|(name, _)| *name == c.name()) {
            writeln!(out, "{}: {what}", c.name())?;
        }
        summary(c, out)?;
    }
    warnings(plan, err)?;
    if !plan.gate().is_empty() {
        writeln!(err, "{}", plan.gate())?;
    }
    if drift.is_empty() {
        return Ok(if plan.gate().is_empty() { 0 } else { 1 });
    }
    for (path, kind) in &drift {
        let what = match kind {
            Drift::Missing => "missing",
            Drift::Stale => "stale",
            Drift::Orphaned => &format!(
                "generated by errcat but produced by no catalog (run `{} gen --prune`)",
                host.name
            ),
        };
        writeln!(err, "{}: {what}", path.display())?;
    }
    writeln!(
        err,
        "error: {} generated file(s) differ from the catalogs; run `{} gen` and commit the result",
        drift.len(),
        host.name
    )?;
    Ok(1)
}

/// "codes 3 added (10001, 10002, 10003)" lines for the catalogs whose codes differ from the
/// `catalog.json` a previous run left.
fn code_changes(plan: &Plan, root: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, changes) in plan.code_changes(root) {
        let list = |what: &str, codes: &[String]| {
            const SHOWN: usize = 10;
            let mut names: Vec<&str> = codes.iter().take(SHOWN).map(String::as_str).collect();
            if codes.len() > SHOWN {
                names.push("…");
            }
            format!("{} {what} ({})", codes.len(), names.join(", "))
        };
        let mut parts = Vec::new();
        for (what, codes) in [
            ("added", &changes.added),
            ("removed", &changes.removed),
            ("changed", &changes.changed),
        ] {
            if !codes.is_empty() {
                parts.push(list(what, codes));
            }
        }
        out.push((name.to_owned(), format!("codes {}", parts.join(", "))));
    }
    out
}

/// The lines on changes since the last release that `gen` prints for catalog `c`.
fn summary(c: &errcat_codegen::CatalogPlan, out: &mut dyn Write) -> std::io::Result<()> {
    for line in c.evolution().into_iter().flat_map(|e| e.summary(c.name())) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The catalogs' warnings (look-alike codes): shown, and the run goes on.
fn warnings(plan: &Plan, err: &mut dyn Write) -> std::io::Result<()> {
    for warning in plan.catalogs().iter().flat_map(|c| c.warnings()) {
        write!(err, "{warning}")?;
    }
    Ok(())
}

pub(crate) fn write(
    plan: &Plan,
    root: &Path,
    prune: bool,
    host: &Host,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Failed> {
    warnings(plan, err)?;
    if !plan.gate().is_empty() {
        write!(err, "{}", plan.gate().warnings())?;
        writeln!(
            err,
            "warning: written all the same; `{} gen --check` fails until each of these is resolved",
            host.name
        )?;
    }
    let code_changes = code_changes(plan, root);
    let changes = plan.apply(root)?;
    let change_of: std::collections::HashMap<&Path, Change> =
        changes.iter().map(|(p, k)| (p.as_path(), *k)).collect();
    for c in plan.catalogs() {
        let count = |want: Change| {
            c.files()
                .iter()
                .filter(|p| change_of.get(p.as_path()) == Some(&want))
                .count()
        };
        writeln!(
            out,
            "{}: {} codes from {} -> {} files: {} created, {} updated, {} unchanged",
            c.name(),
            c.codes(),
            c.source(),
            c.files().len(),
            count(Change::Created),
            count(Change::Updated),
            count(Change::Unchanged),
        )?;
        for (_, what) in code_changes.iter().filter(|(name, _)| *name == c.name()) {
            writeln!(out, "{}: {what}", c.name())?;
        }
        summary(c, out)?;
    }
    let owned: std::collections::HashSet<&Path> = plan
        .catalogs()
        .iter()
        .flat_map(|c| c.files().iter().map(PathBuf::as_path))
        .collect();
    let shared = changes
        .iter()
        .filter(|(p, k)| *k != Change::Unchanged && !owned.contains(p.as_path()));
    for (path, kind) in shared {
        writeln!(
            out,
            "{}: {}",
            path.display(),
            if *kind == Change::Created {
                "created"
            } else {
                "updated"
            }
        )?;
    }
    for path in plan.orphans(root)? {
        if prune {
            std::fs::remove_file(root.join(&path))
                .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            writeln!(out, "{}: removed (no catalog produces it)", path.display())?;
        } else {
            writeln!(
                out,
                "warning: {} is produced by no catalog; `{} gen --prune` removes it",
                path.display(),
                host.name
            )?;
        }
    }
    Ok(0)
}

/// Pages bigger than this fail the check after `docs` builds the site.
const MAX_PAGE_BYTES: u64 = 300_000;

fn docs_command(
    args: &DocsArgs,
    root: &Path,
    host: &Host,
    out: &mut dyn Write,
) -> Result<u8, String> {
    let settings = Generator::new()
        .root(root)
        .settings()
        .map_err(|report| report.to_string())?;
    let site_url = match &settings.reference_url {
        Some(url) => {
            let after_scheme = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
            after_scheme
                .find('/')
                .map_or_else(|| "/".to_owned(), |at| after_scheme[at..].to_owned())
        }
        None => "/".to_owned(),
    };
    let site = match &args.out {
        Some(dir) => std::path::absolute(dir).map_err(|e| format!("{}: {e}", dir.display()))?,
        None => root.join("target").join("site"),
    };
    if let Some(member) = inside_crate(root, &site) {
        return Err(format!(
            "error: --out {} is inside {}, which cargo reads as part of the workspace; choose a folder under target/ or outside the project",
            site.display(),
            member.display()
        ));
    }
    (host.docs)(
        &root.join("generated"),
        &site,
        &site_url,
        MAX_PAGE_BYTES,
        out,
    )
    .map_err(|e| format!("error: {e}"))?;
    Ok(0)
}

/// The first folder between `root` and `path` (inclusive) that cargo would read as a
/// crate (it has a `Cargo.toml`) or that holds the generated crates, if any.
fn inside_crate(root: &Path, path: &Path) -> Option<PathBuf> {
    let rel = path.strip_prefix(root).ok()?;
    let mut dir = root.to_path_buf();
    for part in rel.components() {
        dir.push(part);
        if dir.join("Cargo.toml").is_file() || dir == root.join("generated") {
            return Some(dir);
        }
    }
    None
}
