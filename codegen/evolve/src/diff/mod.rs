//! What changed between two states of a catalog (the last release and now), each change
//! classified by what it does to the users of the generated crate: see README's table.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use errcat_catalog::format::{Catalog, Code};
use errcat_catalog::ident;
use errcat_catalog::text::{code_span, plain};

/// What a crate was made with beyond its catalog: how the errcat that generated it read
/// the catalog, where later errcats read it differently. For a release, its record says
/// (`History::made`);
/// for the catalog now, [`Made::now`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Made {
    /// The crate has the HTTP status API (`http_status()`, `from_status()`, `http`).
    pub status_api: bool,
    /// `message()` and `Display` show a message's inline markdown as plain text.
    pub plain_messages: bool,
}

impl Made {
    /// How this errcat makes `catalog`'s crate.
    pub fn now(catalog: &Catalog) -> Made {
        Made {
            status_api: catalog.has_status_api(),
            plain_messages: true,
        }
    }
}

/// How much a change asks of the crate's users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// Documentation only: messages, descriptions, causes, fixes, examples, URLs.
    Docs,
    /// Something new: a code, alias, category or accessor. Existing code keeps working.
    Additive,
    /// Compatible, but existing code may behave differently: a status, category, retryable
    /// flag, deprecation or retirement changed.
    Behavioural,
    /// Code that compiled or worked before may not: a code, alias or category removed, a
    /// wire spelling or variant name changed, a wire code reused, a code moved in catalog
    /// order, an accessor's type changed, an envelope part moved or removed.
    Breaking,
}

impl Class {
    /// The word for it, as in README's table.
    pub fn name(self) -> &'static str {
        match self {
            Class::Docs => "docs only",
            Class::Additive => "additive",
            Class::Behavioural => "behavioural",
            Class::Breaking => "breaking",
        }
    }
}

/// One change, as recorded in a release and listed in the changelog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// How much it asks of users.
    pub class: Class,
    /// What kind of change, e.g. `code-removed`: decides the changelog section.
    pub kind: String,
    /// The wire code it is about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// One markdown line for the changelog.
    pub text: String,
}

impl Change {
    fn new(class: Class, kind: &str, code: Option<&str>, text: String) -> Change {
        Change {
            class,
            kind: kind.to_owned(),
            code: code.map(str::to_owned),
            text,
        }
    }

    /// The Keep a Changelog section the change is listed under.
    pub fn section(&self) -> &'static str {
        match self.kind.as_str() {
            k if k.ends_with("-added") => "Added",
            k if k.ends_with("-removed") => "Removed",
            "code-retired" | "code-deprecated" => "Deprecated",
            _ => "Changed",
        }
    }
}

/// The highest class among `changes`, or `None` when there are none.
pub fn highest(changes: &[Change]) -> Option<Class> {
    changes.iter().map(|c| c.class).max()
}

/// The Rust variant names of a catalog's codes, by wire spelling, as the model derives them:
/// a code's name can depend on the other codes (codes that differ only in case keep their
/// case), so it is read off the whole catalog.
pub struct Variants(std::collections::HashMap<String, String>);

impl Variants {
    /// The names of `catalog`'s codes.
    pub fn of(catalog: &Catalog) -> Variants {
        Variants(
            catalog
                .codes
                .iter()
                .map(|c| c.code.wire())
                .zip(catalog.variant_names())
                .collect(),
        )
    }

    /// The variant name of `code`, one of the catalog's.
    pub fn get(&self, code: &Code) -> String {
        let wire = code.code.wire();
        self.0.get(&wire).cloned().unwrap_or_else(|| {
            code.name
                .clone()
                .unwrap_or_else(|| ident::variant_name(&wire))
        })
    }

    /// `ErrorCode::<variant>` as a code span.
    pub(super) fn span(&self, code: &Code) -> String {
        code_span(&format!("ErrorCode::{}", self.get(code)))
    }
}

/// Every change from `old` to `new`, catalog-level first, then code by code in `new`'s order,
/// then the codes `new` no longer has.
pub fn changes(old: &Catalog, new: &Catalog) -> Vec<Change> {
    changes_since(old, Made::now(old), new)
}

/// The changes from a release of `old` to `new`: [`changes`], where `made` says how the
/// released crate was made, as its release record says (`History::made`): a crate made by
/// an older errcat can differ from what this one makes of the same catalog.
pub fn changes_since(old: &Catalog, made: Made, new: &Catalog) -> Vec<Change> {
    let mut out = Vec::new();
    let (before, after) = (Variants::of(old), Variants::of(new));
    surface::surface(old, made.status_api, new, &mut out);
    if !made.plain_messages {
        entries::plain_messages(new, &mut out);
    }
    entries::catalog_docs(old, new, &mut out);
    entries::categories(old, new, &mut out);
    entries::code_sets(old, new, &mut out);
    entries::operations(old, new, &mut out);
    entries::locales(old, new, &mut out);

    let old_codes: BTreeMap<String, &Code> = old.codes.iter().map(|c| (c.code.wire(), c)).collect();
    let new_codes: BTreeMap<String, &Code> = new.codes.iter().map(|c| (c.code.wire(), c)).collect();
    let mut removed: Vec<&Code> = old
        .codes
        .iter()
        .filter(|c| !new_codes.contains_key(&c.code.wire()))
        .collect();
    // A code whose variant is kept under another wire spelling was respelled, not replaced.
    let mut respelled: BTreeMap<String, &Code> = BTreeMap::new();
    for code in &new.codes {
        if old_codes.contains_key(&code.code.wire()) {
            continue;
        }
        if let Some(i) = removed
            .iter()
            .position(|r| before.get(r) == after.get(code))
        {
            respelled.insert(code.code.wire(), removed.remove(i));
        }
    }
    for code in &new.codes {
        let wire = code.code.wire();
        match (old_codes.get(&wire), respelled.get(&wire)) {
            (Some(was), _) => entries::code_changes(was, code, (&before, &after), &mut out),
            (None, Some(was)) => out.push(Change::new(
                Class::Breaking,
                "code-respelled",
                Some(&wire),
                format!(
                    "{} is now sent as {} (was {}): a client that parses or compares the old spelling no longer finds it",
                    after.span(code),
                    code_span(&wire),
                    code_span(&was.code.wire())
                ),
            )),
            (None, None) => {
                let reuse = code
                    .reused
                    .as_ref()
                    .map(|r| format!(". It reuses a code removed earlier: {}", plain(&r.note)))
                    .unwrap_or_default();
                out.push(Change::new(
                    Class::Additive,
                    "code-added",
                    Some(&wire),
                    format!(
                        "{} ({}): {}{reuse}",
                        code_span(&wire),
                        after.span(code),
                        plain(&code.message)
                    ),
                ))
            }
        }
    }
    for code in removed {
        let wire = code.code.wire();
        let status = code
            .status
            .map(|s| format!("HTTP {s}, "))
            .unwrap_or_default();
        out.push(Change::new(
            Class::Breaking,
            "code-removed",
            Some(&wire),
            format!(
                "{} ({}), which meant: {status}{}",
                code_span(&wire),
                before.span(code),
                plain(&code.message)
            ),
        ));
    }
    // `ErrorCode` is `#[repr(u16)]` with its variants numbered in catalog order, and
    // `code as u16` compiles in client crates: a code that moves changes that number (and
    // `Ord`), which cargo-semver-checks reports as a major change.
    let moved: Vec<String> = renumbered(
        &old.codes.iter().map(|c| c.code.wire()).collect::<Vec<_>>(),
        &new.codes.iter().map(|c| c.code.wire()).collect::<Vec<_>>(),
    );
    if !moved.is_empty() {
        out.push(Change::new(
            Class::Breaking,
            "codes-renumbered",
            None,
            format!(
                "{} code{} moved in catalog order ({}), which changes {} `ErrorCode` value (`as u16`) and `Ord`; codes added after the existing ones keep them",
                moved.len(),
                if moved.len() == 1 { "" } else { "s" },
                shown(&moved),
                if moved.len() == 1 { "its" } else { "their" },
            ),
        ));
    }
    out
}

/// The entries of `new` found in `old` at another position.
pub(super) fn renumbered(old: &[String], new: &[String]) -> Vec<String> {
    let before: BTreeMap<&String, usize> = old.iter().enumerate().map(|(i, w)| (w, i)).collect();
    new.iter()
        .enumerate()
        .filter(|(i, w)| before.get(w).is_some_and(|j| j != i))
        .map(|(_, w)| w.clone())
        .collect()
}

/// Up to five code spans, then "…".
pub(super) fn shown(items: &[String]) -> String {
    let mut out: Vec<String> = items.iter().take(5).map(|w| code_span(w)).collect();
    if items.len() > 5 {
        out.push("…".to_owned());
    }
    out.join(", ")
}

mod entries;
mod surface;
#[cfg(test)]
mod tests;
