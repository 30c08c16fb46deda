//! `cargo xtask`: errcat's command line ([`errcat_cli`]) in errcat's own workspace, as a
//! library so tests drive it in-process.
//!
//! It differs from the installed `errcat` in two ways: generated files name `cargo xtask gen`,
//! and `docs` runs the `errcat-site` package through cargo, so that `gen` never compiles
//! mdBook.

use std::io::Write;
use std::path::{Path, PathBuf};

use errcat_cli::Host;

/// `cargo xtask`.
pub const HOST: Host = Host {
    name: "cargo xtask",
    docs: site_through_cargo,
};

/// Runs the command line `args` (without the program name) against the project at `root`.
/// Returns the process exit status: 0 on success, 1 for bad input or stale output, 2 for a
/// usage error.
pub fn run(args: &[String], root: &Path, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    errcat_cli::run(args, root, &HOST, out, err)
}

/// The workspace root: xtask lives one level below it.
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// `errcat-site build`, then `errcat-site check`, each through `cargo run` in the workspace
/// that holds `book`.
fn site_through_cargo(
    book: &Path,
    site: &Path,
    site_url: &str,
    max_page_bytes: u64,
    out: &mut dyn Write,
) -> Result<(), String> {
    let root = book.parent().unwrap_or(Path::new("."));
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let book = book.display().to_string();
    let site = site.display().to_string();
    let max = max_page_bytes.to_string();
    let steps: [&[&str]; 2] = [
        &["build", &book, &site, "--site-url", site_url],
        &[
            "check",
            &site,
            "--site-url",
            site_url,
            "--max-page-bytes",
            &max,
        ],
    ];
    for step in steps {
        let output = std::process::Command::new(&cargo)
            .arg("run")
            .arg("--quiet")
            .arg("--manifest-path")
            .arg(root.join("Cargo.toml"))
            .args(["-p", "errcat-site", "--"])
            .args(step)
            .stderr(std::process::Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        out.write_all(&output.stdout).map_err(|e| e.to_string())?;
        if !output.status.success() {
            return Err(format!("`errcat-site {}` failed", step[0]));
        }
    }
    Ok(())
}
