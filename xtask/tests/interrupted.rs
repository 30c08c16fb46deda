//! `cargo xtask gen` killed at any moment leaves every file either as it was or as the
//! finished run writes it, never half of one; killed while it writes (the moment a temporary
//! file appears), it leaves the whole tree as it was, because new files are only renamed into
//! place once all of them are written. Runs are also killed at fixed fractions of a full run.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use errcat_codegen::plan;
use errcat_codegen::synthetic;

/// Big enough that a run takes a noticeable time and writes megabytes.
const CODES: usize = 1_500;

fn write_catalog(root: &Path, tag: &str) {
    let mut catalog = synthetic::catalog("big", CODES, 400);
    for code in &mut catalog.codes {
        code.message.push_str(tag);
    }
    fs::write(root.join("catalog/big.json"), synthetic::json(&catalog)).unwrap();
}

fn planned(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    plan::workspace(root)
        .unwrap_or_else(|r| panic!("{r}"))
        .files
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

/// When to kill the run.
enum Kill {
    /// After this share (in percent) of a full run's time.
    After(u32),
    /// As soon as the temporary file of this output (in this folder) exists.
    OnTemp(&'static str, &'static str),
}

fn kill(child: &mut Child, root: &Path, when: &Kill, full_run: Duration) -> bool {
    match when {
        Kill::After(percent) => std::thread::sleep(full_run * *percent / 100),
        Kill::OnTemp(dir, file) => {
            let deadline = Instant::now() + full_run * 3;
            let prefix = format!(".{file}.errcat-");
            while Instant::now() < deadline && child.try_wait().unwrap().is_none() {
                if temp_files(&root.join(dir))
                    .iter()
                    .any(|n| n.starts_with(&prefix))
                {
                    break;
                }
                std::thread::sleep(Duration::from_micros(50));
            }
        }
    }
    let running = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    let status = child.wait().unwrap();
    running && !status.success()
}

#[test]
fn a_killed_run_leaves_every_file_old_or_new() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    fs::create_dir_all(root.join("catalog")).unwrap();

    write_catalog(root, "");
    let started = Instant::now();
    assert!(gen_command(root).output().unwrap().status.success());
    let full_run = started.elapsed();

    let rounds = [
        Kill::After(50),
        Kill::After(95),
        Kill::OnTemp("generated/big/src", "codes.rs"),
        Kill::OnTemp("generated/docs", "big.md"),
    ];
    let mut interrupted = 0;
    for (round, when) in rounds.iter().enumerate() {
        let old: BTreeMap<PathBuf, Vec<u8>> = planned(root)
            .keys()
            .map(|p| (p.clone(), fs::read(root.join(p)).unwrap_or_default()))
            .collect();
        write_catalog(root, &format!(" (round {round})"));
        let new = planned(root);

        let mut child = gen_command(root).spawn().unwrap();
        let killed = kill(&mut child, root, when, full_run);
        interrupted += usize::from(killed);

        let (mut already_new, mut changed) = (0, 0);
        for (path, new_bytes) in &new {
            let on_disk = fs::read(root.join(path)).unwrap_or_default();
            let old_bytes = old.get(path).cloned().unwrap_or_default();
            assert!(
                on_disk == *new_bytes || on_disk == old_bytes,
                "round {round}: {} is neither the old nor the new file",
                path.display()
            );
            if *new_bytes != old_bytes {
                changed += 1;
                already_new += usize::from(on_disk == *new_bytes);
            }
        }
        eprintln!(
            "round {round}: {already_new} of {changed} changed files were new when the run died"
        );
        if killed && matches!(when, Kill::OnTemp(..)) {
            assert_eq!(
                already_new, 0,
                "round {round}: a run killed while writing replaced files"
            );
        }

        // Whatever was interrupted, the next run finishes the work and leaves no temporaries.
        assert!(gen_command(root).output().unwrap().status.success());
        assert!(
            gen_command(root)
                .arg("--check")
                .output()
                .unwrap()
                .status
                .success()
        );
        for dir in ["generated/big/src", "generated/docs"] {
            assert_eq!(
                temp_files(&root.join(dir)),
                Vec::<String>::new(),
                "temporaries left in {dir}"
            );
        }
    }
    assert!(interrupted > 0, "no run was killed before it finished");
}
