//! Helpers shared by errcat's end-to-end tests.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// Whether the tests run under CI: the `CI` variable is set (to anything but empty, `0` or
/// `false`), as GitHub Actions, GitLab CI and most others set it.
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

/// Data a test reads from outside this repository, such as `../shared/seeds`: `Some(path)`
/// when it is there. When it is absent, the test fails under CI (a check that silently checks
/// nothing is worse than a red build) and elsewhere prints that it is skipped.
pub fn outside_data(path: PathBuf, what: &str) -> Option<PathBuf> {
    outside_data_under(path, what, under_ci())
}

/// [`outside_data`], with whether this is CI given.
pub fn outside_data_under(path: PathBuf, what: &str, ci: bool) -> Option<PathBuf> {
    if path.exists() {
        return Some(path);
    }
    assert!(
        !ci,
        "{} is not here, and CI is set: the {what} cannot run. Provide it (check it out beside this repository), or unset CI to skip locally.",
        path.display()
    );
    eprintln!(
        "{} is not here: {what} skipped (this fails under CI)",
        path.display()
    );
    None
}

/// A test fixture under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// Runs `cargo xtask ARGS` in-process against `root`: (exit status, stdout, stderr).
pub fn xtask(root: &Path, args: &[&str]) -> (u8, String, String) {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = xtask::run(&args, root, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

/// A scratch project: a temporary root with a `catalog/` folder holding copies of the given
/// workspace catalogs.
pub fn scratch_project(catalogs: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    fs::create_dir_all(dir.path().join("catalog")).expect("catalog folder");
    for name in catalogs {
        fs::copy(
            root().join("catalog").join(name),
            dir.path().join("catalog").join(name),
        )
        .expect("copy catalog");
    }
    dir
}

/// Every file under `dir` with its bytes, by relative path.
pub fn snapshot_tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("under dir").to_path_buf();
                out.insert(rel, fs::read(&path).expect("readable"));
            }
        }
    }
    out
}

/// A `cargo` command for building crates outside this workspace. Builds share one target
/// folder under the workspace's `target/` so repeated runs are incremental; they carry no
/// debug info (nothing is debugged there, and it was most of that folder's size). A wrapper
/// the tests themselves were built with (`.ci/run` compiles them with clippy's driver) is not
/// passed on: [`linting`] says where a nested build is linted.
pub fn nested_cargo(args: &[&str]) -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut cmd = Command::new(cargo);
    cmd.args(args)
        .env("CARGO_TARGET_DIR", root().join("target/errcat-nested"))
        .env("RUSTFLAGS", "-D warnings")
        .env("RUSTDOCFLAGS", "-D warnings")
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .env_remove("CLIPPY_ARGS");
    cmd
}

/// `cmd` (a `cargo test`) with clippy's driver in rustc's place for the workspace's crates and
/// warnings denied, as `cargo clippy --all-targets -- -D warnings` runs it: one build is
/// both tested and linted. The driver sits beside the `cargo` that runs the tests.
pub fn linting(mut cmd: Command) -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let beside = Path::new(&cargo).with_file_name("clippy-driver");
    let driver = if beside.is_file() {
        beside
    } else {
        PathBuf::from("clippy-driver")
    };
    cmd.env("RUSTC_WORKSPACE_WRAPPER", driver).env(
        "CLIPPY_ARGS",
        "-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__",
    );
    cmd
}

/// Runs a command and panics with its output if it fails.
pub fn run_ok(mut cmd: Command) -> String {
    let output = cmd.output().expect("command starts");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{cmd:?} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// The model of `tests/fixtures/edge.json`, a valid catalog full of awkward names and text.
pub fn edge_model() -> errcat_codegen::Model {
    let text = fs::read_to_string(fixture("edge.json")).expect("edge.json");
    errcat_codegen::Generator::new()
        .load_str("tests/fixtures/edge.json", &text)
        .unwrap_or_else(|report| panic!("edge.json does not load:\n{report}"))
}

/// An empty project that is a cargo workspace of its generated crates: `catalog/` to fill,
/// a `Cargo.toml` whose members are `generated/*`, and the committed `Cargo.lock`.
pub fn scratch_workspace() -> tempfile::TempDir {
    let dir = scratch_project(&[]);
    fs::write(
        dir.path().join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"generated/*\"]\nexclude = [\"generated/docs\"]\n",
    )
    .expect("Cargo.toml");
    copy_lockfile(dir.path());
    dir
}

/// Copies this workspace's committed `Cargo.lock` into the scratch project at `dir`, so its
/// builds use the registry versions the repository pins rather than whatever was released
/// last (an upstream release must not turn CI red).
pub fn copy_lockfile(dir: &Path) {
    fs::copy(root().join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");
}

/// The registry packages a lockfile pins: (name, version, source).
fn registry_packages(lockfile: &str) -> BTreeSet<(String, String, String)> {
    let mut out = BTreeSet::new();
    for block in lockfile.split("[[package]]").skip(1) {
        let field = |name: &str| {
            block.lines().find_map(|l| {
                l.strip_prefix(name)
                    .and_then(|v| v.trim().strip_prefix('='))
                    .map(|v| v.trim().trim_matches('"').to_owned())
            })
        };
        if let (Some(name), Some(version), Some(source)) =
            (field("name "), field("version "), field("source "))
        {
            out.insert((name, version, source));
        }
    }
    out
}

/// Settles the lockfile of the scratch project at `manifest` (copied in with
/// [`copy_lockfile`]): `cargo update --workspace` records the project's own crates and keeps
/// every registry package at its committed version; then every registry package must be one
/// the committed lockfile pins. Afterwards the project builds with `--locked`.
pub fn settle_lockfile(manifest: &Path) {
    let dir = manifest.parent().expect("a manifest has a folder");
    assert!(
        dir.join("Cargo.lock").is_file(),
        "{}: no Cargo.lock; copy the committed one in first",
        dir.display()
    );
    let path = manifest.to_str().expect("UTF-8 path");
    run_ok(nested_cargo(&[
        "update",
        "--quiet",
        "--workspace",
        "--manifest-path",
        path,
    ]));
    let committed = registry_packages(
        &fs::read_to_string(root().join("Cargo.lock")).expect("the committed Cargo.lock"),
    );
    let scratch =
        registry_packages(&fs::read_to_string(dir.join("Cargo.lock")).expect("Cargo.lock"));
    let unpinned: Vec<String> = scratch
        .difference(&committed)
        .map(|(name, version, _)| format!("{name} {version}"))
        .collect();
    assert!(
        unpinned.is_empty(),
        "the scratch project at {} needs registry packages the committed Cargo.lock does not pin: {}.\n\
         A generated crate gained a dependency the workspace does not have: add it to the workspace \
         (e.g. through a generated crate's features in tests/Cargo.toml) and commit Cargo.lock.",
        dir.display(),
        unpinned.join(", ")
    );
}

/// Tests, lints and documents every crate of the workspace (or crate) at `manifest`, with
/// warnings denied, on the committed lockfile (see [`settle_lockfile`]).
pub fn build_test_lint_document(manifest: &Path) {
    settle_lockfile(manifest);
    let manifest = manifest.to_str().expect("UTF-8 path");
    let common = [
        "--quiet",
        "--locked",
        "--workspace",
        "--manifest-path",
        manifest,
    ];
    // With no feature (the default), then with every feature (`serde`, `http`, `json`), that
    // build also linted.
    run_ok(nested_cargo(&[&["test"][..], &common].concat()));
    run_ok(linting(nested_cargo(
        &[&["test", "--all-features"][..], &common].concat(),
    )));
    run_ok(nested_cargo(
        &[&["doc", "--no-deps", "--all-features"][..], &common].concat(),
    ));
}

/// `doc_url()` returns `&str` or `Option<&str>`, depending on the catalog.
pub trait MaybeUrl {
    /// The URL, where there is one.
    fn url(self) -> Option<&'static str>;
}
impl MaybeUrl for &'static str {
    fn url(self) -> Option<&'static str> {
        Some(self)
    }
}
impl MaybeUrl for Option<&'static str> {
    fn url(self) -> Option<&'static str> {
        self
    }
}

/// A reference page, `generated/docs/NAME` (NAME relative to the docs folder).
pub fn page(name: &str) -> String {
    let path = root().join("generated/docs").join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A catalog's pages: `NAME.md` and, for a catalog split into blocks, `NAME/*.md`.
pub fn catalog_pages(name: &str) -> Vec<(String, String)> {
    let mut pages = vec![(name.to_owned(), page(name))];
    let dir = root()
        .join("generated/docs")
        .join(name.trim_end_matches(".md"));
    if let Ok(entries) = fs::read_dir(&dir) {
        let mut names: Vec<String> = entries
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for n in names {
            let rel = format!("{}/{n}", name.trim_end_matches(".md"));
            pages.push((rel.clone(), page(&rel)));
        }
    }
    pages
}

/// Text as the pages' HTML attributes escape it, unescaped.
pub fn unescape_html(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
