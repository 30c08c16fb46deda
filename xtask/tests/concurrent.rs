//! Runs of `cargo xtask gen` on one project at the same time: each waits for the other
//! (a lock serialises them), both succeed, and the project ends up exactly generated.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use errcat_codegen::testing as synthetic;

fn gen_command(root: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xtask"));
    cmd.args(["gen", "--root"]).arg(root);
    cmd
}

#[test]
fn ten_pairs_of_concurrent_runs_all_succeed() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    fs::create_dir_all(root.join("catalog")).unwrap();
    for trial in 0..10 {
        // A change each time, so both runs have files to write.
        let mut catalog = synthetic::catalog("big", 400, 200);
        for code in &mut catalog.codes {
            code.message.push_str(&format!(" (trial {trial})"));
        }
        fs::write(root.join("catalog/big.json"), synthetic::json(&catalog)).unwrap();
        let runs: Vec<_> = (0..2)
            .map(|_| {
                gen_command(root)
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for run in runs {
            let out = run.wait_with_output().unwrap();
            assert!(out.status.success(), "trial {trial}: {out:?}");
        }
        let check = gen_command(root).arg("--check").output().unwrap();
        assert!(check.status.success(), "trial {trial}: {check:?}");
    }
}
