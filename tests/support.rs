//! Helpers shared by errcat's end-to-end tests.

use std::collections::BTreeMap;
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
/// folder under the workspace's `target/` so repeated runs are incremental.
pub fn nested_cargo(args: &[&str]) -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut cmd = Command::new(cargo);
    cmd.args(args)
        .env("CARGO_TARGET_DIR", root().join("target/errcat-nested"))
        .env("RUSTFLAGS", "-D warnings")
        .env("RUSTDOCFLAGS", "-D warnings")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTC_WRAPPER");
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
pub fn edge_model() -> errcat_codegen::model::Model {
    let text = fs::read_to_string(fixture("edge.json")).expect("edge.json");
    let mut report = errcat_codegen::diag::Report::default();
    errcat_codegen::load_model("tests/fixtures/edge.json", &text, &mut report)
        .unwrap_or_else(|| panic!("edge.json does not load:\n{report}"))
}

/// An empty project that is a cargo workspace of its generated crates: `catalog/` to fill,
/// and a `Cargo.toml` whose members are `generated/*`.
pub fn scratch_workspace() -> tempfile::TempDir {
    let dir = scratch_project(&[]);
    fs::write(
        dir.path().join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"generated/*\"]\nexclude = [\"generated/docs\"]\n",
    )
    .expect("Cargo.toml");
    dir
}

/// Tests, lints and documents every crate of the workspace (or crate) at `manifest`, with
/// warnings denied.
pub fn build_test_lint_document(manifest: &Path) {
    let manifest = manifest.to_str().expect("UTF-8 path");
    let common = ["--quiet", "--workspace", "--manifest-path", manifest];
    // With no feature (the default), then with every feature (`serde`, `http`, `json`).
    run_ok(nested_cargo(&[&["test"][..], &common].concat()));
    run_ok(nested_cargo(
        &[&["test", "--all-features"][..], &common].concat(),
    ));
    run_ok(nested_cargo(
        &[
            &["clippy", "--all-targets", "--all-features"][..],
            &common,
            &["--", "-D", "warnings"],
        ]
        .concat(),
    ));
    run_ok(nested_cargo(
        &[&["doc", "--no-deps", "--all-features"][..], &common].concat(),
    ));
}
