//! `cargo xtask release NAME`, and the per-catalog line on changes since the last release
//! that `gen` prints.

use std::io::Write;
use std::path::Path;

use errcat_codegen::evolve::{self, Class, History};
use errcat_codegen::plan::{self, CatalogPlan};

/// Records a release of catalog `name` in `root`, then regenerates.
pub(crate) fn run(
    name: &str,
    date: Option<&str>,
    root: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, String> {
    let workspace = plan::workspace(root).map_err(|report| report.to_string())?;
    let Some(c) = workspace.catalogs.iter().find(|c| c.name == name) else {
        let names: Vec<&str> = workspace.catalogs.iter().map(|c| c.name.as_str()).collect();
        return Err(format!(
            "error: no catalog is named `{name}`; the catalogs are: {}",
            names.join(", ")
        ));
    };
    let Some(evolution) = &c.evolution else {
        return Err(format!(
            "error: catalog `{name}` has no release information"
        ));
    };
    let date = date.map_or_else(evolve::history::today, str::to_owned);
    let history =
        evolve::release(evolution, &c.resolved, &date).map_err(|e| format!("error: {e}"))?;
    let path = History::path(&root.join("catalog"), name);
    plan::write_atomically(root, &path, history.to_json().as_bytes())
        .map_err(|e| format!("error: cannot write {}: {e}", path.display()))?;
    let what = match history.releases.as_slice() {
        [first] => format!("first release, {} codes", first.codes),
        [.., r] => format!("{} change(s) since the release before", r.changes.len()),
        [] => String::new(),
    };
    let version = history
        .releases
        .last()
        .map(|r| r.version.as_str())
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{name}: released {version} ({date}; {what}); recorded in catalog/{}/{name}.json",
        evolve::history::RELEASES_DIR
    );
    let regenerated = plan::workspace(root).map_err(|report| report.to_string())?;
    crate::write(&regenerated, root, false, out, err).map_err(|e| format!("error: {e}"))
}

/// "dataxid: since release 0.1.0: 1 breaking, 2 additive change(s); they need 0.2.0, the
/// catalog says 0.2.0", for a catalog that changed since its last release.
pub(crate) fn summary(c: &CatalogPlan, out: &mut dyn Write) -> std::io::Result<()> {
    let Some(e) = &c.evolution else {
        return Ok(());
    };
    let (Some(history), Some(required)) = (&e.history, e.required) else {
        return Ok(());
    };
    if e.changes.is_empty() {
        return Ok(());
    }
    let counts: Vec<String> = [
        Class::Breaking,
        Class::Behavioural,
        Class::Additive,
        Class::Docs,
    ]
    .into_iter()
    .filter_map(|class| {
        let n = e.changes.iter().filter(|c| c.class == class).count();
        (n > 0).then(|| format!("{n} {}", class.name()))
    })
    .collect();
    writeln!(
        out,
        "{}: since release {}: {} change(s); they need {required}, the catalog says {}{}",
        c.name,
        history.last_version(),
        counts.join(", "),
        e.version,
        if e.under_versioned() {
            " (too low)"
        } else {
            ""
        }
    )?;
    let removed: Vec<&str> = e
        .changes
        .iter()
        .filter(|c| c.kind == "code-removed")
        .filter_map(|c| c.code.as_deref())
        .collect();
    if !removed.is_empty() {
        writeln!(
            out,
            "{}: {} gone since release {}: retire {} (`retired`, a compatible change) or accept a breaking release (version {required})",
            c.name,
            removed
                .iter()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
                .join(", "),
            history.last_version(),
            if removed.len() == 1 { "it" } else { "them" },
        )?;
    }
    Ok(())
}
