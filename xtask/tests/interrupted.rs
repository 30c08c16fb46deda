//! `cargo xtask gen` interrupted at any point leaves every file either as it was or as the
//! finished run writes it, never half of one. New files are written beside their targets
//! first and renamed into place only once all of them are written, so a run that dies while
//! writing leaves the whole tree as it was; one that dies between two renames leaves exactly
//! the files renamed so far new.
//!
//! The run is stopped at each chosen point by a failpoint: this test binary runs itself as a
//! child process that applies the plan and aborts when the chosen number of files has been
//! renamed, as a kill at that moment would.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use errcat_codegen::Generator;
use errcat_codegen::testing as synthetic;

/// Big enough that a run writes several files of some size.
const CODES: usize = 300;
const ROOT_VAR: &str = "ERRCAT_INTERRUPTED_ROOT";
const ABORT_VAR: &str = "ERRCAT_INTERRUPTED_ABORT_AT";

fn write_catalog(root: &Path, tag: &str) {
    let mut catalog = synthetic::catalog("big", CODES, 400);
    for code in &mut catalog.codes {
        code.message.push_str(tag);
    }
    fs::write(root.join("catalog/big.json"), synthetic::json(&catalog)).unwrap();
}

fn planned(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    Generator::new()
        .root(root)
        .plan()
        .unwrap_or_else(|r| panic!("{r}"))
        .files()
        .clone()
}

fn gen_command(root: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xtask"));
    cmd.args(["gen", "--root"]).arg(root);
    cmd
}

fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}

/// The child process: applies the plan of the project in `ROOT_VAR` and aborts once
/// `ABORT_VAR` files are renamed. Run as an ordinary test (without the variables), it does
/// nothing.
#[test]
fn child_process_applies_and_aborts_at_the_failpoint() {
    let (Ok(root), Ok(at)) = (std::env::var(ROOT_VAR), std::env::var(ABORT_VAR)) else {
        return;
    };
    let at: usize = at.parse().unwrap();
    let root = Path::new(&root);
    let plan = Generator::new()
        .root(root)
        .plan()
        .unwrap_or_else(|r| panic!("{r}"));
    plan.apply_observed(root, &mut |renamed| {
        if renamed == at {
            std::process::abort();
        }
    })
    .unwrap();
}

/// Runs the child on `root`, stopping it once `at` files are renamed; whether it died.
fn run_until(root: &Path, at: usize) -> bool {
    let status = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_process_applies_and_aborts_at_the_failpoint",
            "--test-threads=1",
        ])
        .env(ROOT_VAR, root)
        .env(ABORT_VAR, at.to_string())
        .output()
        .unwrap()
        .status;
    !status.success()
}

#[test]
fn a_run_stopped_at_any_point_leaves_every_file_old_or_new() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    fs::create_dir_all(root.join("catalog")).unwrap();
    write_catalog(root, "");
    assert!(gen_command(root).output().unwrap().status.success());
    let old: BTreeMap<PathBuf, Vec<u8>> = planned(root)
        .keys()
        .map(|p| (p.clone(), fs::read(root.join(p)).unwrap()))
        .collect();
    write_catalog(root, " (changed)");
    let new = planned(root);
    let changed = new.iter().filter(|(p, b)| old.get(*p) != Some(*b)).count();
    assert!(changed >= 3, "only {changed} files change");

    // Before the first rename, after each one, and after all.
    for at in 0..=changed {
        for (path, bytes) in &old {
            fs::write(root.join(path), bytes).unwrap();
        }
        assert!(run_until(root, at), "the run was not stopped at {at}");
        let mut now_new = 0;
        for (path, new_bytes) in &new {
            let on_disk = fs::read(root.join(path)).unwrap();
            let old_bytes = &old[path];
            assert!(
                on_disk == *new_bytes || on_disk == *old_bytes,
                "stopped at {at}: {} is neither the old nor the new file",
                path.display()
            );
            now_new += usize::from(on_disk == *new_bytes && new_bytes != old_bytes);
        }
        assert_eq!(
            now_new, at,
            "stopped after {at} renames, {now_new} files are new"
        );

        // The next run finishes the work and leaves no temporaries.
        assert!(gen_command(root).output().unwrap().status.success());
        let check = gen_command(root).arg("--check").output().unwrap();
        assert!(check.status.success(), "{check:?}");
        for dir in ["generated/big/src", "generated/docs"] {
            assert_eq!(
                temp_files(&root.join(dir)),
                Vec::<String>::new(),
                "temporaries left in {dir}"
            );
        }
    }
}
