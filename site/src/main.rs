//! `errcat-site`: builds and checks the published error reference. `cargo xtask docs` runs
//! `errcat-site build`; CI also runs `errcat-site check`.
//!
//! ```text
//! errcat-site build BOOK_DIR OUT_DIR [--site-url PATH]
//! errcat-site check SITE_DIR [--site-url PATH] [--max-page-bytes N]
//! ```

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: errcat-site build BOOK_DIR OUT_DIR [--site-url PATH]\n       errcat-site check SITE_DIR [--site-url PATH] [--max-page-bytes N]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let mut positional = Vec::new();
    let mut site_url = "/".to_owned();
    let mut max_bytes: Option<u64> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--site-url" => {
                site_url = it.next().ok_or("--site-url needs a value")?.clone();
                if !site_url.starts_with('/') || !site_url.ends_with('/') {
                    return Err(format!(
                        "--site-url `{site_url}` must be a path that starts and ends with `/`"
                    ));
                }
            }
            "--max-page-bytes" => {
                let v = it.next().ok_or("--max-page-bytes needs a value")?;
                max_bytes = Some(
                    v.parse()
                        .map_err(|_| format!("--max-page-bytes `{v}` is not a number"))?,
                );
            }
            a if a.starts_with('-') => return Err(format!("unknown option `{a}`\n{USAGE}")),
            a => positional.push(a),
        }
    }
    match positional.as_slice() {
        ["build", book, out] => {
            if max_bytes.is_some() {
                return Err("--max-page-bytes is an option of `check`".to_owned());
            }
            errcat_site::build(Path::new(book), Path::new(out), &site_url)?;
            println!("site: {} (served under {site_url})", out);
            Ok(())
        }
        ["check", site] => {
            let report = errcat_site::check(Path::new(site), &site_url)?;
            let problems = report.problems(max_bytes);
            for problem in &problems {
                eprintln!("{problem}");
            }
            let (biggest, size) = report
                .sizes
                .iter()
                .max_by_key(|(_, s)| **s)
                .map(|(p, s)| (p.as_str(), *s))
                .unwrap_or(("-", 0));
            println!(
                "{} pages, {} internal links ({} with an anchor), {} external links not followed: {} broken, {} duplicate ids; biggest page {biggest} ({size} bytes)",
                report.pages,
                report.links,
                report.anchors,
                report.external,
                report.broken.len(),
                report.duplicate_ids.len()
            );
            if problems.is_empty() {
                Ok(())
            } else {
                Err("the site has broken links, duplicate ids or pages that are too big".to_owned())
            }
        }
        _ => Err(USAGE.to_owned()),
    }
}
