//! Catalogs that evolve safely: versions, the changes since the last release (classified as
//! README's table says), the version gate, retired and reused codes, release records and the
//! changelog.
//!
//! This stage runs after a catalog is modelled: it reads the catalog's release record
//! (`releases/<name>.json` beside the catalog file), compares, and reports. Problems that make
//! the output wrong (a retired code reused without saying so) fail the run; a version lower
//! than the changes need is a gate problem: `gen --check` fails on it, `gen` warns.

pub mod changelog;
pub mod diff;
pub mod history;
pub mod version;

use std::collections::BTreeMap;
use std::path::Path;

pub use diff::{Change, Class, Made};
pub use errcat_catalog::format::Version;
pub use history::History;
use version::Bump;

use errcat_catalog::diag::{Diagnostic, Diagnostics, Related, Report};
use errcat_catalog::format::Catalog;
use errcat_catalog::json_pointer::escape as escape_pointer;
use errcat_catalog::load::{self, Input};
use errcat_catalog::model::Model;
use errcat_catalog::text::code_span;

/// What the release record says about a catalog now.
#[derive(Debug)]
pub struct Evolution {
    /// The version the catalog declares (or the default).
    pub(crate) version: Version,
    /// Whether the catalog states its version.
    pub(crate) declared: bool,
    /// The release record, if the catalog was ever released.
    pub(crate) history: Option<History>,
    /// What changed since the last release.
    pub(crate) changes: Vec<Change>,
    /// The smallest version the changes allow (the last release's when nothing changed).
    pub(crate) required: Option<Version>,
}

impl Evolution {
    /// Whether the declared version is lower than the changes need.
    pub fn under_versioned(&self) -> bool {
        self.required.is_some_and(|r| self.version < r)
    }
}

impl Evolution {
    /// Lines on the changes since the last release of the catalog `name`, for the command
    /// line: "dataxid: since release 0.1.0: 1 breaking, 2 additive change(s); they need
    /// 0.2.0, the catalog says 0.2.0", and what to do about removed codes. Empty when nothing
    /// changed since the last release (or there was none).
    pub fn summary(&self, name: &str) -> Vec<String> {
        let mut out = Vec::new();
        let (Some(history), Some(required)) = (&self.history, self.required) else {
            return out;
        };
        if self.changes.is_empty() {
            return out;
        }
        let counts: Vec<String> = [
            Class::Breaking,
            Class::Behavioural,
            Class::Additive,
            Class::Docs,
        ]
        .into_iter()
        .filter_map(|class| {
            let n = self.changes.iter().filter(|c| c.class == class).count();
            (n > 0).then(|| format!("{n} {}", class.name()))
        })
        .collect();
        out.push(format!(
            "{name}: since release {}: {} change(s); they need {required}, the catalog says {}{}",
            history.last_version(),
            counts.join(", "),
            self.version,
            if self.under_versioned() {
                " (too low)"
            } else {
                ""
            }
        ));
        let removed: Vec<String> = self
            .changes
            .iter()
            .filter(|c| c.kind == "code-removed")
            .filter_map(|c| c.code.as_deref())
            .map(|w| format!("`{w}`"))
            .collect();
        if !removed.is_empty() {
            out.push(format!(
                "{name}: {} gone since release {}: retire {} (`retired`, a compatible change) or accept a breaking release (version {required})",
                removed.join(", "),
                history.last_version(),
                if removed.len() == 1 { "it" } else { "them" },
            ));
        }
        out
    }
}

/// Where the catalog file says things, for locating problems found on the resolved catalog.
struct Places {
    mapping: Option<MappingPlaces>,
    has_version: bool,
}

/// What this stage reads of a mapping file (the mapping format is a later crate's): the codes
/// it retires or overlays by key, and whether it states a version.
#[derive(serde::Deserialize)]
struct MappingPlaces {
    catalog: MappingHead,
    #[serde(default)]
    retired: BTreeMap<String, serde::de::IgnoredAny>,
    #[serde(default)]
    overlay: BTreeMap<String, serde::de::IgnoredAny>,
}

#[derive(serde::Deserialize)]
struct MappingHead {
    version: Option<serde::de::IgnoredAny>,
}

impl Places {
    fn read(text: &str) -> Places {
        match load::input::<MappingPlaces>(text) {
            Ok(Input::Mapping(m)) => Places {
                has_version: m.catalog.version.is_some(),
                mapping: Some(*m),
            },
            Ok(Input::Catalog(c)) => Places {
                has_version: c.version.is_some(),
                mapping: None,
            },
            Err(_) => Places {
                has_version: false,
                mapping: None,
            },
        }
    }

    fn version(&self) -> &'static str {
        match (&self.mapping, self.has_version) {
            (Some(_), true) => "/catalog/version",
            (Some(_), false) => "/catalog/name",
            (None, true) => "/version",
            (None, false) => "/name",
        }
    }

    fn version_field(&self) -> &'static str {
        if self.mapping.is_some() {
            "`catalog.version`"
        } else {
            "`version`"
        }
    }

    /// Where code `wire` (at `index` in the resolved catalog) states `field`.
    fn code(&self, index: usize, wire: &str, field: &str) -> String {
        let key = escape_pointer(wire);
        match &self.mapping {
            None => format!("/codes/{index}/{field}"),
            Some(m) if m.retired.contains_key(wire) => format!("/retired/{key}"),
            Some(m) if m.overlay.contains_key(wire) => format!("/overlay/{key}"),
            Some(_) => "/vendor_file".to_owned(),
        }
    }
}

/// Compares `model` with its release record in `catalog_dir` (`shown_dir` is how messages name
/// that folder), records in the model the version that added, deprecated or retired each
/// code. The error holds problems that make the output wrong; alongside the evolution comes
/// the gate's report, empty unless the version is lower than the changes need (which refuses
/// a write but not a look at the plan). `catalog_text` is the catalog file, for locating.
pub fn evolve(
    model: &mut Model,
    catalog_dir: &Path,
    shown_dir: &str,
    catalog_text: &str,
) -> Result<(Evolution, Report), Report> {
    let declared = model.catalog.version.is_some();
    let version = model
        .catalog
        .version
        .as_deref()
        .map(|v| {
            Version::parse(v)
                .expect("errcat bug: a catalog version that does not parse passed the checks")
        })
        .unwrap_or(Version::DEFAULT);
    let Some(history) = History::load(catalog_dir, shown_dir, &model.catalog.name)? else {
        let evolution = Evolution {
            version,
            declared,
            history: None,
            changes: Vec::new(),
            required: None,
        };
        return Ok((evolution, Report::default()));
    };
    let last = history.last_version();
    let changes = diff::changes_since(&history.catalog, history.made(), &model.catalog);
    let needed = diff::highest(&changes).map_or(last, |class| last.bump(class));
    let required = Some(needed);
    let places = Places::read(catalog_text);
    let mut problems = Diagnostics::new();
    check_reuse(model, &history, version, &places, &mut problems);
    let mut gated = Diagnostics::new();
    if version < last {
        gated.push(
            Diagnostic::at(
                places.version(),
                format!(
                    "catalog `{}` is version {version}, lower than its last release {last}",
                    model.catalog.name
                ),
            )
            .hint(format!(
                "versions only go up: set {} to {} or higher",
                places.version_field(),
                needed
            )),
        );
    } else if let Some(required) = required.filter(|r| version < *r) {
        let mut d = Diagnostic::at(
            places.version(),
            format!(
                "catalog `{}` is version {version}, but its changes since release {last} need at least {required}",
                model.catalog.name
            ),
        );
        const SHOWN: usize = 20;
        let mut listed: Vec<&Change> = changes.iter().collect();
        listed.sort_by_key(|c| std::cmp::Reverse(c.class));
        for c in listed.iter().take(SHOWN) {
            d.related.push(Related {
                pointer: None,
                range: None,
                message: format!(
                    "{}, {}: {}",
                    c.class.name(),
                    c.section().to_lowercase(),
                    c.text
                ),
            });
        }
        if listed.len() > SHOWN {
            d.related.push(Related {
                pointer: None,
                range: None,
                message: format!("… and {} more (the Unreleased section of the crate's CHANGELOG.md lists them all)", listed.len() - SHOWN),
            });
        }
        d = d.hint(hint(&history, &model.catalog, &changes, required, &places));
        gated.push(d);
    }
    if !problems.is_empty() {
        load::locate(catalog_text, &mut problems);
        return Err(Report::bind(
            model.source_path.as_str(),
            catalog_text,
            problems,
        ));
    }
    let mut gate = Report::default();
    if !gated.is_empty() {
        load::locate(catalog_text, &mut gated);
        gate = Report::bind(model.source_path.as_str(), catalog_text, gated);
    }
    record_versions(model, &history, &changes, version);
    let evolution = Evolution {
        version,
        declared,
        history: Some(history),
        changes,
        required,
    };
    Ok((evolution, gate))
}

/// What to do about an under-versioned catalog: the version, and for removed codes, the
/// other choice (retire them).
fn hint(
    history: &History,
    current: &Catalog,
    changes: &[Change],
    required: Version,
    places: &Places,
) -> String {
    let mut hint = format!(
        "set {} to \"{required}\" (or higher)",
        places.version_field()
    );
    let removed: Vec<&str> = changes
        .iter()
        .filter(|c| c.kind == "code-removed")
        .filter_map(|c| c.code.as_deref())
        .collect();
    if !removed.is_empty() {
        // What the catalog would need with the removed codes kept where they were, retired:
        // whatever else changed may still need more.
        let mut retired = current.clone();
        for (i, code) in history.catalog.codes.iter().enumerate() {
            if removed.contains(&code.code.wire().as_str()) {
                let mut code = code.clone();
                code.retired = Some(errcat_catalog::format::Retirement {
                    since: String::new(),
                    note: String::new(),
                });
                retired.codes.insert(i.min(retired.codes.len()), code);
            }
        }
        let class = diff::highest(&diff::changes_since(
            &history.catalog,
            history.made(),
            &retired,
        ))
        .unwrap_or(Class::Behavioural);
        let retire_version = history.last_version().bump(class);
        let example = removed[0];
        let retire = if places.mapping.is_some() {
            format!(
                "in the mapping, \"retired\": {{\"{example}\": {{\"since\": \"{retire_version}\", \"note\": \"…\"}}}}"
            )
        } else {
            format!(
                "keep the entry and add \"retired\": {{\"since\": \"{retire_version}\", \"note\": \"…\"}}"
            )
        };
        hint.push_str(&format!(
            "; or retire {} instead of deleting {} ({retire}) and set {} to \"{retire_version}\"",
            removed
                .iter()
                .map(|c| code_span(c))
                .collect::<Vec<_>>()
                .join(", "),
            if removed.len() == 1 { "it" } else { "them" },
            places.version_field(),
        ));
    }
    hint
}

/// A code retired at the last release that is back with another meaning, or a code removed
/// in an earlier release that is back, needs `reused`; `reused` where nothing was retired or
/// removed says something untrue; a newly retired code's `since` comes after the last release.
fn check_reuse(
    model: &Model,
    history: &History,
    version: Version,
    places: &Places,
    out: &mut Diagnostics,
) {
    let last = history.last_version();
    let released: BTreeMap<String, &errcat_catalog::format::Code> = history
        .catalog
        .codes
        .iter()
        .map(|c| (c.code.wire(), c))
        .collect();
    // The version a change made now can be released at.
    let next = if version > last {
        version
    } else {
        last.bump(Class::Breaking)
    };
    for (i, code) in model.catalog.codes.iter().enumerate() {
        let wire = code.code.wire();
        let before = released.get(&wire);
        let meaning =
            |c: &errcat_catalog::format::Code| (c.message.clone(), c.status, c.category.clone());
        let back = match before {
            Some(b)
                if b.retired.is_some() && code.retired.is_none() && meaning(b) != meaning(code) =>
            {
                Some(format!(
                    "code `{wire}` meant “{}” until it was retired in {}, and is back with another meaning",
                    b.message,
                    b.retired.as_ref().map_or("", |r| r.since.as_str()),
                ))
            }
            None => history
                .latest(&wire, &["code-removed"])
                .map(|v| format!("code `{wire}` was removed in {v}, and is back")),
            _ => None,
        };
        match (&back, &code.reused) {
            (Some(what), None) => out.push(
                Diagnostic::at(
                    places.code(i, &wire, "code"),
                    what.clone(),
                )
                .hint(format!(
                    "clients of earlier versions read `{wire}` with its old meaning: if it really is reused, say so with \"reused\": {{\"since\": \"{next}\", \"note\": \"…\"}} (a breaking change); otherwise keep it retired and give the new meaning a new code"
                )),
            ),
            (Some(_), Some(r)) => {
                if Version::parse(&r.since).is_ok_and(|s| s <= last) {
                    out.push(
                        Diagnostic::at(
                            places.code(i, &wire, "reused/since"),
                            format!("code `{wire}` is reused since {}, but that is not after the last release {last}", r.since),
                        )
                        .hint(format!("use the version that releases the new meaning, e.g. \"{next}\"")),
                    );
                }
            }
            (None, Some(r)) => {
                if Version::parse(&r.since).is_ok_and(|s| s > last) {
                    out.push(
                        Diagnostic::at(
                            places.code(i, &wire, "reused"),
                            format!("code `{wire}` says it is reused, but no release retired or removed it"),
                        )
                        .hint("remove `reused`: the code keeps its meaning"),
                    );
                }
            }
            (None, None) => {}
        }
        if let Some(r) = &code.retired
            && before.is_none_or(|b| b.retired.is_none())
            && Version::parse(&r.since).is_ok_and(|s| s <= last)
        {
            out.push(
                Diagnostic::at(
                    places.code(i, &wire, "retired/since"),
                    format!("code `{wire}` is newly retired, but its `since` {} is not after the last release {last}", r.since),
                )
                .hint(format!("use the version that releases the retirement, e.g. \"{}\"", last.bump(Class::Behavioural))),
            );
        }
    }
}

/// The version that added, and deprecated, each code, from the release record and the
/// changes not yet released.
fn record_versions(model: &mut Model, history: &History, changes: &[Change], version: Version) {
    let released: std::collections::BTreeSet<String> = history
        .catalog
        .codes
        .iter()
        .map(|c| c.code.wire())
        .collect();
    let unreleased = |wire: &str, kind: &str| {
        changes
            .iter()
            .any(|c| c.kind == kind && c.code.as_deref() == Some(wire))
    };
    let first = history.first_version().to_owned();
    for code in &mut model.codes {
        code.added_in = Some(
            if released.contains(&code.wire) && !unreleased(&code.wire, "code-reused") {
                history
                    .latest(&code.wire, &["code-added", "code-respelled", "code-reused"])
                    .unwrap_or(&first)
                    .to_owned()
            } else {
                version.to_string()
            },
        );
        if code.entry().deprecated.is_some() {
            code.deprecated_in = Some(if unreleased(&code.wire, "code-deprecated") {
                version.to_string()
            } else {
                history
                    .latest(&code.wire, &["code-deprecated"])
                    .unwrap_or(&first)
                    .to_owned()
            });
        }
    }
}

/// The record after releasing `catalog` at its declared version on `date`, checked: the
/// version is stated, comes after the last release and is at least what the changes need, and
/// something changed. A refusal says why, about no file in particular.
pub fn release(evolution: &Evolution, catalog: &Catalog, date: &str) -> Result<History, Report> {
    checked_release(evolution, catalog, date).map_err(Report::global)
}

/// [`release`], refused with a message.
fn checked_release(
    evolution: &Evolution,
    catalog: &Catalog,
    date: &str,
) -> Result<History, String> {
    let name = &catalog.name;
    if !evolution.declared {
        return Err(format!(
            "catalog `{name}` states no `version`; add one (e.g. \"version\": \"{}\") before releasing it",
            Version::DEFAULT
        ));
    }
    if !history::is_date(date) {
        return Err(format!("`{date}` is not a date: write YYYY-MM-DD"));
    }
    let version = evolution.version;
    let mut history = match &evolution.history {
        None => History {
            comment: None,
            name: name.clone(),
            releases: Vec::new(),
            catalog: catalog.clone(),
            status_api: None,
            plain_messages: None,
        },
        Some(h) => {
            let last = h.last_version();
            if version == last {
                return Err(if evolution.changes.is_empty() {
                    format!(
                        "catalog `{name}` {version} is already released, and nothing changed since"
                    )
                } else {
                    format!(
                        "catalog `{name}` {version} is already released; its changes since need at least {}: raise `version`",
                        evolution.required.unwrap_or(last)
                    )
                });
            }
            if let Some(required) = evolution.required.filter(|r| version < *r) {
                return Err(format!(
                    "catalog `{name}` is version {version}, but its changes since release {last} need at least {required}: raise `version`"
                ));
            }
            if version < last {
                return Err(format!(
                    "catalog `{name}` is version {version}, lower than its last release {last}"
                ));
            }
            if evolution.changes.is_empty() {
                return Err(format!(
                    "nothing changed in catalog `{name}` since release {last}: nothing to release"
                ));
            }
            h.clone()
        }
    };
    history.comment = Some(format!(
        "Written by `cargo xtask release {name}`: the releases of catalog `{name}` and the catalog as resolved at the last one, which `cargo xtask gen` compares with. Commit it; do not edit it by hand."
    ));
    history.releases.push(history::Release {
        version: version.to_string(),
        date: date.to_owned(),
        codes: catalog.codes.len(),
        changes: evolution.changes.clone(),
    });
    history.catalog = catalog.clone();
    history.catalog.schema = None;
    let made = Made::now(catalog);
    history.status_api = Some(made.status_api);
    history.plain_messages = Some(made.plain_messages);
    Ok(history)
}
