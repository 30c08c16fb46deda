//! Release records: `releases/<name>.json` beside the catalog file, written by
//! `cargo xtask release NAME` and committed. Each holds the releases of one catalog (version,
//! date, changes) and the catalog as resolved at the last one, which the next run compares
//! against.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::diff::{Change, Made};
use errcat_catalog::diag::{Diagnostic, Diagnostics, Report};
use errcat_catalog::format::Version;
use errcat_catalog::format::{Catalog, Code};

/// The folder, beside the catalog files, that holds the release records.
pub const RELEASES_DIR: &str = "releases";

/// The release record of one catalog.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    /// What the file is, for readers of the diff.
    #[serde(rename = "$comment", default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The catalog's name.
    pub name: String,
    /// Every release, oldest first.
    pub releases: Vec<Release>,
    /// The catalog as resolved at the last release.
    pub catalog: Catalog,
    /// Whether the crate of the last release had the HTTP status API (`http_status()`,
    /// `from_status()`, the `http` feature). Records written before errcat left that API out
    /// of registries that are not HTTP APIs' do not say: every crate had it then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_api: Option<bool>,
    /// Whether the crate of the last release's `message()` and `Display` showed messages as
    /// plain text. Records written before errcat read a message's inline markdown do not
    /// say: `message()` returned the markdown as written then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plain_messages: Option<bool>,
}

/// One release.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// Its version.
    pub version: String,
    /// The day it was recorded (`YYYY-MM-DD`, UTC).
    pub date: String,
    /// How many codes it had.
    pub codes: usize,
    /// What changed since the release before (empty for the first).
    #[serde(default)]
    pub changes: Vec<Change>,
}

impl History {
    /// How the crate of the last release was made; what a record does not say is what the
    /// errcat that wrote it did (every crate had the status API, no message was read).
    pub fn made(&self) -> Made {
        Made {
            status_api: self.status_api.unwrap_or(true),
            plain_messages: self.plain_messages.unwrap_or(false),
        }
    }

    /// The path of the record of catalog `name` whose file is in `catalog_dir`.
    pub fn path(catalog_dir: &Path, name: &str) -> PathBuf {
        catalog_dir.join(RELEASES_DIR).join(format!("{name}.json"))
    }

    /// The last release's version (every record has one, checked on load).
    pub fn last_version(&self) -> Version {
        let last = self
            .releases
            .last()
            .expect("errcat bug: a release record without a release was not refused on load");
        Version::parse(&last.version)
            .expect("errcat bug: a release version that does not parse was not refused on load")
    }

    /// The version of the latest release whose changes include one of `kinds` for `code`.
    pub fn latest(&self, code: &str, kinds: &[&str]) -> Option<&str> {
        self.releases
            .iter()
            .rev()
            .find(|r| {
                r.changes
                    .iter()
                    .any(|c| c.code.as_deref() == Some(code) && kinds.contains(&c.kind.as_str()))
            })
            .map(|r| r.version.as_str())
    }

    /// The first release's version.
    pub fn first_version(&self) -> &str {
        self.releases.first().map_or("", |r| r.version.as_str())
    }

    /// The record as committed: pretty JSON, one final newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect(errcat_catalog::diag::OWN_JSON);
        text.push('\n');
        text
    }

    /// Reads the record of catalog `name` from `catalog_dir`: `Ok(None)` when there is none,
    /// an error with its problems when it cannot be used. `shown` is how messages name the
    /// catalog folder.
    pub fn load(catalog_dir: &Path, shown: &str, name: &str) -> Result<Option<History>, Report> {
        let path = History::path(catalog_dir, name);
        let shown = if shown.is_empty() {
            format!("{RELEASES_DIR}/{name}.json")
        } else {
            format!("{shown}/{RELEASES_DIR}/{name}.json")
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Report::global(format!("cannot read {shown}: {e}"))),
        };
        let fail = |d: Diagnostic| {
            let mut d = Diagnostics::from(d);
            errcat_catalog::load::locate(&text, &mut d);
            Err(Report::bind(shown.as_str(), text.as_str(), d))
        };
        let mut de = serde_json::Deserializer::from_str(&text);
        let history: History = match serde_path_to_error::deserialize(&mut de) {
            Ok(h) => h,
            Err(e) => {
                let line_start: usize = text
                    .split_inclusive('\n')
                    .take(e.inner().line().saturating_sub(1))
                    .map(str::len)
                    .sum();
                let at = (line_start + e.inner().column()).min(text.len());
                let mut message = e.inner().to_string();
                if let Some(i) = message.rfind(" at line ") {
                    message.truncate(i);
                }
                let d = Diagnostic {
                    range: Some(at.saturating_sub(1)..at.max(1).min(text.len())),
                    pointer: Some(e.path().to_string()),
                    ..Diagnostic::at("", format!("the release record does not match its format: {message}"))
                }
                .hint("this file is written by `cargo xtask release`; restore it from version control");
                return fail(d);
            }
        };
        if history.name != name {
            return fail(
                Diagnostic::at(
                    "/name",
                    format!(
                        "this is the release record of `{}`, not of `{name}`",
                        history.name
                    ),
                )
                .hint(format!(
                    "the record of catalog `{name}` is {RELEASES_DIR}/{name}.json"
                )),
            );
        }
        if history.releases.is_empty() {
            return fail(
                Diagnostic::at("/releases", "the release record lists no release")
                    .hint("delete the file to start over, or restore it from version control"),
            );
        }
        let mut previous: Option<Version> = None;
        for (i, r) in history.releases.iter().enumerate() {
            match Version::parse(&r.version) {
                Err(e) => {
                    return fail(Diagnostic::at(
                        format!("/releases/{i}/version"),
                        e.to_string(),
                    ));
                }
                Ok(v) if previous.is_some_and(|p| v <= p) => {
                    return fail(Diagnostic::at(
                        format!("/releases/{i}/version"),
                        format!("release {v} does not come after the release before it"),
                    ));
                }
                Ok(v) => previous = Some(v),
            }
        }
        Ok(Some(history))
    }
}

/// The order a vendor mapping's codes are generated in, as indexes into `codes`: the codes
/// of the last release first, in the order it had them, then the codes it did not have, in
/// the order of `codes` (the vendor file's).
///
/// `ErrorCode`'s discriminants, `Ord` and `ALL` follow this order, so a vendor update that
/// inserts codes among the released ones (e.g. a registry kept in name order) only adds
/// variants after them: an additive change, not a renumbering. A native catalog is not
/// reordered: its order is its author's, and the version gate says when it moves codes.
pub fn released_first(released: &Catalog, codes: &[Code]) -> Vec<usize> {
    let place: HashMap<String, usize> = released
        .codes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.wire(), i))
        .collect();
    let mut order: Vec<(usize, usize)> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| (place.get(&c.code.wire()).copied().unwrap_or(usize::MAX), i))
        .collect();
    // New codes share the key `usize::MAX` and keep their order (the sort is stable).
    order.sort_by_key(|&(released_at, _)| released_at);
    order.into_iter().map(|(_, i)| i).collect()
}

/// Today's date in UTC as `YYYY-MM-DD`, for a new release record.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    civil_date(secs / 86_400)
}

/// The calendar date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Whether `s` is a plausible `YYYY-MM-DD` date.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_day_counts() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(20_787), "2026-11-30");
        assert!(is_date("2026-11-30"));
        assert!(!is_date("2026-13-01") && !is_date("26-11-30") && !is_date("2026/11/30"));
    }

    fn catalog(wires: &[&str]) -> Catalog {
        let codes: Vec<serde_json::Value> = wires
            .iter()
            .map(|w| serde_json::json!({"code": w, "message": format!("{w} failed")}))
            .collect();
        serde_json::from_value(serde_json::json!({
            "format": 1, "name": "t", "title": "T", "codes": codes
        }))
        .expect("a catalog")
    }

    fn ordered(released: &[&str], now: &[&str]) -> Vec<String> {
        let now = catalog(now);
        released_first(&catalog(released), &now.codes)
            .into_iter()
            .map(|i| now.codes[i].code.wire())
            .collect()
    }

    #[test]
    fn released_codes_keep_their_place_and_new_ones_follow_in_file_order() {
        // Codes inserted among the released ones, in name order, go after them.
        assert_eq!(
            ordered(&["B", "D", "F"], &["A", "B", "C", "D", "E", "F", "G"]),
            ["B", "D", "F", "A", "C", "E", "G"]
        );
        // A vendor file that reorders released codes does not move them.
        assert_eq!(ordered(&["B", "A"], &["A", "B", "C"]), ["B", "A", "C"]);
        // A code gone from the file leaves the others in their released order.
        assert_eq!(ordered(&["A", "B", "C"], &["C", "A"]), ["A", "C"]);
        // The same order as the release: nothing moves.
        assert_eq!(ordered(&["A", "B"], &["A", "B", "C"]), ["A", "B", "C"]);
    }
}
