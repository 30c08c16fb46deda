//! `errcat`: the command line, installed with `cargo install --path cli`, run from any folder
//! inside a project that holds a `catalog/` folder (or given `--root`).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use errcat_cli::Host;

const HOST: Host = Host {
    name: "errcat",
    docs: build_site,
};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let here = std::env::current_dir().unwrap_or_else(|_| ".".into());
    // Without a project around, commands that take `--root` (or only print help) still run.
    let root = errcat_cli::find_project(&here).unwrap_or(here);
    let code = errcat_cli::run(
        &args,
        &root,
        &HOST,
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    ExitCode::from(code)
}

/// The command that installs `errcat` with the site builder, as `errcat docs` names it.
#[cfg(not(feature = "site"))]
const INSTALL_WITH_SITE: &str = "cargo install --path cli --features site";

/// Without the `site` feature: says how to install an `errcat` that builds the site.
#[cfg(not(feature = "site"))]
fn build_site(
    _book: &Path,
    _site: &Path,
    _site_url: &str,
    _max_page_bytes: u64,
    _out: &mut dyn Write,
) -> Result<(), String> {
    Err(format!(
        "this errcat was installed without the site builder (mdBook); from a clone of errcat, \
         install one with it: `{INSTALL_WITH_SITE}`"
    ))
}

/// Builds the site with mdBook in-process, then checks it.
#[cfg(feature = "site")]
fn build_site(
    book: &Path,
    site: &Path,
    site_url: &str,
    max_page_bytes: u64,
    out: &mut dyn Write,
) -> Result<(), String> {
    errcat_site::build(book, site, site_url)?;
    let report = errcat_site::check(site, site_url)?;
    let problems = report.problems(Some(max_page_bytes));
    let _ = writeln!(
        out,
        "site: {} (served under {site_url}); {} pages, {} internal links checked",
        site.display(),
        report.pages,
        report.links
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}
