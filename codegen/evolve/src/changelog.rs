//! `CHANGELOG.md` of a generated crate, in the Keep a Changelog style: an "Unreleased"
//! section from the changes since the last release, then every recorded release, newest first.

use super::Evolution;
use super::diff::Change;
use errcat_catalog::model::Model;
use errcat_catalog::text;

/// The sections of Keep a Changelog that errcat's changes fall into, in its order.
const SECTIONS: [&str; 4] = ["Added", "Changed", "Deprecated", "Removed"];

/// The changelog of `model`'s crate. `marker` is the `@generated` line.
pub fn render(model: &Model, evolution: &Evolution, marker: &str) -> String {
    let name = &model.catalog.name;
    let mut out = format!(
        "<!-- {marker} -->\n\n# Changelog\n\nAll notable changes to `{}`, the Rust crate of the {} error catalog \
         (`{}`). The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/), and versions follow \
         [Semantic Versioning](https://semver.org/spec/v2.0.0.html) as cargo reads them. Each change is marked \
         breaking, behavioural, additive or docs only, as errcat's README defines them; `cargo xtask gen --check` \
         fails when the catalog's version is lower than its changes need.\n\n## [Unreleased]\n\n",
        model.crate_name,
        text::plain(&model.catalog.title),
        model.source_path,
    );
    match &evolution.history {
        None => out.push_str(&format!(
            "Not released yet. `cargo xtask release {name}` records the first release, at the catalog's version \
             ({}).\n",
            evolution.version
        )),
        Some(h) if evolution.changes.is_empty() => {
            out.push_str(&format!("No changes since {}.\n", h.last_version()));
        }
        Some(h) => {
            let required = evolution.required.unwrap_or(evolution.version);
            out.push_str(&format!(
                "The catalog says {}; the changes since {} need at least {required}{}.\n\n",
                evolution.version,
                h.last_version(),
                if evolution.under_versioned() {
                    " (raise the version before releasing)"
                } else {
                    ""
                }
            ));
            out.push_str(&sections(&evolution.changes));
        }
    }
    if let Some(h) = &evolution.history {
        for (i, r) in h.releases.iter().enumerate().rev() {
            out.push_str(&format!("\n## [{}] - {}\n\n", r.version, r.date));
            if i == 0 {
                out.push_str(&format!(
                    "First release, with {} code{}.\n",
                    r.codes,
                    if r.codes == 1 { "" } else { "s" }
                ));
            } else {
                out.push_str(&sections(&r.changes));
            }
        }
    }
    out
}

fn sections(changes: &[Change]) -> String {
    let mut out = String::new();
    for section in SECTIONS {
        let mut items: Vec<&Change> = changes.iter().filter(|c| c.section() == section).collect();
        if items.is_empty() {
            continue;
        }
        items.sort_by_key(|c| std::cmp::Reverse(c.class));
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("### {section}\n\n"));
        for c in items {
            out.push_str(&format!(
                "- *{}*: {}\n",
                c.class.name(),
                c.text.replace(['\n', '\r'], " ")
            ));
        }
    }
    out
}
