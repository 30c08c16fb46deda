//! What changed between two states of a catalog (the last release and now), each change
//! classified by what it does to the users of the generated crate: see README's table.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::{Catalog, Code, CodeType, Layout};
use crate::ident;
use crate::text::{code_span, plain};

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

/// The Rust variant name of a catalog entry, as the model derives it.
pub fn variant(code: &Code) -> String {
    code.name
        .clone()
        .unwrap_or_else(|| ident::variant_name(&code.code.wire()))
}

fn enum_variant(code: &Code) -> String {
    code_span(&format!("ErrorCode::{}", variant(code)))
}

/// Every change from `old` to `new`, catalog-level first, then code by code in `new`'s order,
/// then the codes `new` no longer has.
pub fn changes(old: &Catalog, new: &Catalog) -> Vec<Change> {
    let mut out = Vec::new();
    surface(old, new, &mut out);
    catalog_docs(old, new, &mut out);
    categories(old, new, &mut out);

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
        if let Some(i) = removed.iter().position(|r| variant(r) == variant(code)) {
            respelled.insert(code.code.wire(), removed.remove(i));
        }
    }
    for code in &new.codes {
        let wire = code.code.wire();
        match (old_codes.get(&wire), respelled.get(&wire)) {
            (Some(before), _) => code_changes(before, code, &mut out),
            (None, Some(before)) => out.push(Change::new(
                Class::Breaking,
                "code-respelled",
                Some(&wire),
                format!(
                    "{} is now sent as {} (was {}): a client that parses or compares the old spelling no longer finds it",
                    enum_variant(code),
                    code_span(&wire),
                    code_span(&before.code.wire())
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
                        enum_variant(code),
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
                enum_variant(code),
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
fn renumbered(old: &[String], new: &[String]) -> Vec<String> {
    let before: BTreeMap<&String, usize> = old.iter().enumerate().map(|(i, w)| (w, i)).collect();
    new.iter()
        .enumerate()
        .filter(|(i, w)| before.get(w).is_some_and(|j| j != i))
        .map(|(_, w)| w.clone())
        .collect()
}

/// Up to five code spans, then "…".
fn shown(items: &[String]) -> String {
    let mut out: Vec<String> = items.iter().take(5).map(|w| code_span(w)).collect();
    if items.len() > 5 {
        out.push("…".to_owned());
    }
    out.join(", ")
}

/// The facts of a catalog that decide the shape of the generated crate's API.
#[derive(PartialEq)]
struct Surface {
    status_optional: bool,
    url_optional: bool,
    /// `None`: no `Category`; `Some(true)`: `category()` returns an `Option`.
    category_optional: Option<bool>,
    rate_limit: bool,
    layout: Option<Layout>,
    code_type: CodeType,
}

impl Surface {
    fn of(c: &Catalog) -> Surface {
        Surface {
            status_optional: c.codes.iter().any(|x| x.status.is_none()),
            url_optional: c.doc_url.is_none() && c.codes.iter().any(|x| x.doc_url.is_none()),
            category_optional: (!c.categories.is_empty())
                .then(|| c.codes.iter().any(|x| x.category.is_none())),
            rate_limit: c.envelope.is_some() || c.codes.iter().any(|x| !x.headers.is_empty()),
            layout: c
                .envelope
                .as_ref()
                .and_then(|e| e.layout.as_ref())
                .map(Layout::resolved),
            code_type: c.code_type,
        }
    }
}

fn optional(yes: bool, ty: &str) -> String {
    if yes {
        format!("`Option<{ty}>`")
    } else {
        format!("`{ty}`")
    }
}

fn surface(old: &Catalog, new: &Catalog, out: &mut Vec<Change>) {
    let (a, b) = (Surface::of(old), Surface::of(new));
    let mut push = |class, kind: &str, text: String| out.push(Change::new(class, kind, None, text));
    if a.code_type != b.code_type {
        push(
            Class::Breaking,
            "code-type-changed",
            format!(
                "`code_type` is now {} (was {}): codes are read and written differently",
                code_span(&format!("{:?}", b.code_type).to_lowercase()),
                code_span(&format!("{:?}", a.code_type).to_lowercase())
            ),
        );
    }
    if a.status_optional != b.status_optional {
        push(
            Class::Breaking,
            "accessor-type-changed",
            format!(
                "`ErrorCode::http_status()` now returns {} (was {}), as {} code documents a status",
                optional(b.status_optional, "u16"),
                optional(a.status_optional, "u16"),
                if b.status_optional {
                    "not every"
                } else {
                    "every"
                }
            ),
        );
    }
    if a.url_optional != b.url_optional {
        push(
            Class::Breaking,
            "accessor-type-changed",
            format!(
                "`ErrorCode::doc_url()` now returns {} (was {})",
                optional(b.url_optional, "&'static str"),
                optional(a.url_optional, "&'static str")
            ),
        );
    }
    match (a.category_optional, b.category_optional) {
        (None, Some(_)) => push(
            Class::Additive,
            "category-accessor-added",
            "`Category` and `ErrorCode::category()`".to_owned(),
        ),
        (Some(_), None) => push(
            Class::Breaking,
            "category-accessor-removed",
            "`Category` and `ErrorCode::category()`: the catalog declares no categories any more"
                .to_owned(),
        ),
        (Some(x), Some(y)) if x != y => push(
            Class::Breaking,
            "accessor-type-changed",
            format!(
                "`ErrorCode::category()` now returns {} (was {})",
                optional(y, "Category"),
                optional(x, "Category")
            ),
        ),
        _ => {}
    }
    match (a.rate_limit, b.rate_limit) {
        (false, true) => push(
            Class::Additive,
            "rate-limit-added",
            "`RateLimit` and `RetryAfter`, now that the catalog documents an error body or headers"
                .to_owned(),
        ),
        (true, false) => push(
            Class::Breaking,
            "rate-limit-removed",
            "`RateLimit` and `RetryAfter`: the catalog documents no error body or headers any more"
                .to_owned(),
        ),
        _ => {}
    }
    match (&a.layout, &b.layout) {
        (None, Some(_)) => push(
            Class::Additive,
            "layout-added",
            "`envelope.layout`: `ApiError::from_json`, `to_json` and `from_response` read and write the error body".to_owned(),
        ),
        (Some(_), None) => push(
            Class::Breaking,
            "layout-removed",
            "`envelope.layout`: `ApiError` no longer reads or writes the error body".to_owned(),
        ),
        (Some(x), Some(y)) if x != y => layout_changes(x, y, out),
        _ => {}
    }
}

fn layout_changes(old: &Layout, new: &Layout, out: &mut Vec<Change>) {
    // Parts as read and written: a preset stands for the parts it fills in.
    let parts = |l: &Layout| -> BTreeMap<String, String> {
        let l = &l.resolved();
        let mut m: BTreeMap<String, String> = l
            .pointers()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        if l.field_errors.as_ref().is_some_and(|f| f.single) {
            m.insert("field_errors/single".to_owned(), "true".to_owned());
        }
        if let Some(h) = &l.request_id_header {
            m.insert("request_id_header".to_owned(), h.clone());
        }
        for (k, v) in &l.constants {
            m.insert(format!("constants{k}"), v.clone());
        }
        if l.status_only {
            m.insert("status_only".to_owned(), "true".to_owned());
        }
        m
    };
    let (a, b) = (parts(old), parts(new));
    if a == b {
        // Only the spelling changed (a preset written out, say): bodies read and write alike.
        out.push(Change::new(
            Class::Docs,
            "layout-restated",
            None,
            "Envelope layout restated; bodies are read and written as before".to_owned(),
        ));
        return;
    }
    for (k, v) in &b {
        match a.get(k) {
            None => out.push(Change::new(
                Class::Additive,
                "layout-part-added",
                None,
                format!("Envelope part {} at {}", code_span(k), code_span(v)),
            )),
            Some(w) if w != v => out.push(Change::new(
                Class::Breaking,
                "layout-part-changed",
                None,
                format!(
                    "Envelope part {} moved to {} (was {}): bodies read by earlier versions no longer match",
                    code_span(k),
                    code_span(v),
                    code_span(w)
                ),
            )),
            _ => {}
        }
    }
    for (k, w) in &a {
        if !b.contains_key(k) {
            out.push(Change::new(
                Class::Breaking,
                "layout-part-removed",
                None,
                format!("Envelope part {} (was at {})", code_span(k), code_span(w)),
            ));
        }
    }
}

/// The members of `value` named `fields` that differ from `other`'s.
fn differing(a: &Value, b: &Value, fields: &[&str]) -> Vec<String> {
    fields
        .iter()
        .filter(|f| a.get(**f) != b.get(**f))
        .map(|f| (*f).to_owned())
        .collect()
}

fn catalog_docs(old: &Catalog, new: &Catalog, out: &mut Vec<Change>) {
    let value = |c: &Catalog| {
        let mut v = serde_json::to_value(c)
            .expect("errcat data serialises to JSON; a failure is a bug in errcat");
        let envelope = v.get("envelope").cloned().unwrap_or(Value::Null);
        for part in ["description", "fields", "examples"] {
            v[format!("envelope {part}")] = envelope.get(part).cloned().unwrap_or(Value::Null);
        }
        v
    };
    let fields = [
        "title",
        "description",
        "source",
        "doc_url",
        "notes",
        "envelope description",
        "envelope fields",
        "envelope examples",
    ];
    let changed = differing(&value(old), &value(new), &fields);
    if !changed.is_empty() {
        out.push(Change::new(
            Class::Docs,
            "catalog-docs",
            None,
            format!("Catalog documentation: {} changed", changed.join(", ")),
        ));
    }
}

fn categories(old: &Catalog, new: &Catalog, out: &mut Vec<Change>) {
    let ids = |c: &Catalog| -> Vec<String> { c.categories.iter().map(|x| x.id.clone()).collect() };
    let (a, b) = (ids(old), ids(new));
    for cat in &new.categories {
        match old.categories.iter().find(|x| x.id == cat.id) {
            None => out.push(Change::new(
                Class::Additive,
                "category-added",
                None,
                format!(
                    "Category {} (`Category::{}`)",
                    code_span(&cat.id),
                    ident::variant_name(&cat.id)
                ),
            )),
            Some(before) => {
                let (x, y) = (
                    serde_json::to_value(before)
                        .expect("errcat data serialises to JSON; a failure is a bug in errcat"),
                    serde_json::to_value(cat)
                        .expect("errcat data serialises to JSON; a failure is a bug in errcat"),
                );
                let changed = differing(&x, &y, &["title", "description", "sdk_class"]);
                if !changed.is_empty() {
                    out.push(Change::new(
                        Class::Docs,
                        "category-docs",
                        None,
                        format!(
                            "Category {}: {} changed",
                            code_span(&cat.id),
                            changed.join(", ")
                        ),
                    ));
                }
            }
        }
    }
    for id in a.iter().filter(|id| !b.contains(id)) {
        out.push(Change::new(
            Class::Breaking,
            "category-removed",
            None,
            format!(
                "Category {} (`Category::{}`)",
                code_span(id),
                ident::variant_name(id)
            ),
        ));
    }
    let moved = renumbered(&a, &b);
    if !moved.is_empty() {
        out.push(Change::new(
            Class::Breaking,
            "categories-renumbered",
            None,
            format!(
                "{} categor{} moved in catalog order ({}), which changes {} `Category` value (`as` casts) and `Ord`; categories added after the existing ones keep them",
                moved.len(),
                if moved.len() == 1 { "y" } else { "ies" },
                shown(&moved),
                if moved.len() == 1 { "its" } else { "their" },
            ),
        ));
    }
}

/// Fields that only document a code.
const DOC_FIELDS: &[&str] = &[
    "title",
    "message",
    "description",
    "when",
    "causes",
    "fixes",
    "action",
    "cases",
    "examples",
    "headers",
    "sdk_class",
    "doc_url",
    "notes",
];

fn code_changes(old: &Code, new: &Code, out: &mut Vec<Change>) {
    let wire = new.code.wire();
    let w = code_span(&wire);
    let mut push = |class, kind: &str, text: String| {
        out.push(Change::new(class, kind, Some(&wire), text));
    };
    if new.reused.is_some()
        && old.reused != new.reused
        && old.retired.is_some()
        && new.retired.is_none()
    {
        let note = plain(
            new.reused
                .as_ref()
                .map(|r| r.note.as_str())
                .unwrap_or_default(),
        );
        push(
            Class::Breaking,
            "code-reused",
            format!(
                "{w} ({}) is in use again with another meaning: {} ({note})",
                enum_variant(new),
                plain(&new.message)
            ),
        );
        return;
    }
    if variant(old) != variant(new) {
        push(
            Class::Breaking,
            "code-renamed",
            format!(
                "{w} is now {} (was {})",
                enum_variant(new),
                enum_variant(old)
            ),
        );
    }
    let (old_aliases, new_aliases): (BTreeSet<&String>, BTreeSet<&String>) =
        (old.aliases.iter().collect(), new.aliases.iter().collect());
    for alias in old_aliases.difference(&new_aliases) {
        push(
            Class::Breaking,
            "alias-removed",
            format!("{w} no longer accepts the spelling {}", code_span(alias)),
        );
    }
    for alias in new_aliases.difference(&old_aliases) {
        push(
            Class::Additive,
            "alias-added",
            format!("{w} also accepts the spelling {}", code_span(alias)),
        );
    }
    let mut docs: Vec<String> = Vec::new();
    match (&old.retired, &new.retired) {
        (None, Some(r)) => push(
            Class::Behavioural,
            "code-retired",
            format!(
                "{w} ({}) is retired in {}: {}. The variant stays and still parses",
                enum_variant(new),
                r.since,
                plain(r.note.trim_end_matches('.'))
            ),
        ),
        (Some(_), None) => push(
            Class::Behavioural,
            "code-unretired",
            format!("{w} is no longer retired"),
        ),
        (Some(a), Some(b)) if a != b => docs.push("retirement".to_owned()),
        _ => {}
    }
    match (&old.deprecated, &new.deprecated) {
        (None, Some(d)) => push(
            Class::Behavioural,
            "code-deprecated",
            format!(
                "{w} ({}) is deprecated: {}",
                enum_variant(new),
                plain(&d.note)
            ),
        ),
        (Some(_), None) => push(
            Class::Behavioural,
            "code-undeprecated",
            format!("{w} is no longer deprecated"),
        ),
        (Some(a), Some(b)) if a.note != b.note => docs.push("deprecation note".to_owned()),
        _ => {}
    }
    if old.status != new.status {
        let show = |s: Option<u16>| s.map_or_else(|| "none".to_owned(), |s| s.to_string());
        push(
            Class::Behavioural,
            "status-changed",
            format!(
                "{w}: HTTP status {} (was {})",
                show(new.status),
                show(old.status)
            ),
        );
    }
    if old.category != new.category {
        let show = |c: &Option<String>| c.as_deref().map_or_else(|| "none".to_owned(), code_span);
        push(
            Class::Behavioural,
            "category-changed",
            format!(
                "{w}: category {} (was {})",
                show(&new.category),
                show(&old.category)
            ),
        );
    }
    let retryable = |c: &Code| c.retryable == Some(true);
    if retryable(old) != retryable(new) {
        push(
            Class::Behavioural,
            "retryable-changed",
            format!("{w}: `is_retryable()` is now `{}`", retryable(new)),
        );
    } else if old.retryable != new.retryable {
        docs.push("retryable".to_owned());
    }
    if old.reused != new.reused {
        docs.push("reuse note".to_owned());
    }
    let (a, b) = (
        serde_json::to_value(old)
            .expect("errcat data serialises to JSON; a failure is a bug in errcat"),
        serde_json::to_value(new)
            .expect("errcat data serialises to JSON; a failure is a bug in errcat"),
    );
    docs.extend(differing(&a, &b, DOC_FIELDS));
    if !docs.is_empty() {
        push(
            Class::Docs,
            "code-docs",
            format!("{w}: {} changed", docs.join(", ")),
        );
    }
}

#[cfg(test)]
mod tests {
    //! One test per row of README's classification table: each edits a small catalog and
    //! checks the kind and class of what the diff reports.

    use serde_json::json;

    use super::*;

    fn base() -> Value {
        json!({
            "format": 1,
            "name": "shop",
            "version": "1.0.0",
            "title": "Shop API",
            "doc_url": "https://docs.example.com/errors#{code}",
            "envelope": {
                "description": "Errors are JSON.",
                "layout": {"code": "/error/code", "message": "/error/message"}
            },
            "categories": [
                {"id": "auth", "description": "Authentication"},
                {"id": "limits"}
            ],
            "codes": [
                {"code": "key_missing", "status": 401, "category": "auth", "message": "Missing key",
                 "aliases": ["no_key"], "fixes": ["Send a key"]},
                {"code": "rate_limited", "status": 429, "category": "limits", "message": "Slow down",
                 "retryable": true},
                {"code": "gone", "status": 410, "category": "auth", "message": "Gone"}
            ]
        })
    }

    fn catalog(v: Value) -> Catalog {
        serde_json::from_value(v).expect("a catalog")
    }

    /// The changes made by `edit`, as (kind, class) pairs.
    fn after(edit: impl FnOnce(&mut Value)) -> Vec<(String, Class)> {
        let mut new = base();
        edit(&mut new);
        changes(&catalog(base()), &catalog(new))
            .into_iter()
            .map(|c| (c.kind, c.class))
            .collect()
    }

    fn only(edit: impl FnOnce(&mut Value), kind: &str, class: Class) {
        let got = after(edit);
        assert_eq!(got, vec![(kind.to_owned(), class)]);
    }

    fn code(v: &mut Value, i: usize) -> &mut Value {
        &mut v["codes"][i]
    }

    #[test]
    fn nothing_changed_is_no_change() {
        assert!(after(|_| {}).is_empty());
        // The version itself is not a change.
        assert!(after(|v| v["version"] = json!("9.9.9")).is_empty());
    }

    #[test]
    fn breaking_a_code_deleted() {
        only(
            |v| {
                v["codes"].as_array_mut().unwrap().remove(2);
            },
            "code-removed",
            Class::Breaking,
        );
    }

    #[test]
    fn breaking_a_wire_spelling_changed() {
        only(
            |v| {
                code(v, 2)["code"] = json!("GONE");
                code(v, 2)["name"] = json!("Gone");
            },
            "code-respelled",
            Class::Breaking,
        );
    }

    #[test]
    fn breaking_a_variant_renamed() {
        only(
            |v| code(v, 2)["name"] = json!("NoLongerThere"),
            "code-renamed",
            Class::Breaking,
        );
    }

    #[test]
    fn breaking_an_alias_removed() {
        only(
            |v| code(v, 0)["aliases"] = json!([]),
            "alias-removed",
            Class::Breaking,
        );
    }

    #[test]
    fn breaking_a_retired_code_reused() {
        let mut old = base();
        code(&mut old, 2)["retired"] = json!({"since": "1.1.0", "note": "No longer sent"});
        let mut new = base();
        code(&mut new, 2)["message"] = json!("Archived");
        code(&mut new, 2)["reused"] = json!({"since": "2.0.0", "note": "Now means archived"});
        let got = changes(&catalog(old), &catalog(new));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].kind.as_str(), got[0].class),
            ("code-reused", Class::Breaking)
        );
    }

    #[test]
    fn breaking_a_category_removed() {
        let got = after(|v| {
            v["categories"].as_array_mut().unwrap().remove(1);
            code(v, 1)["category"] = json!("auth");
        });
        assert!(
            got.contains(&("category-removed".to_owned(), Class::Breaking)),
            "{got:?}"
        );
        assert!(
            got.contains(&("category-changed".to_owned(), Class::Behavioural)),
            "{got:?}"
        );
    }

    #[test]
    fn breaking_an_accessor_type_changed_by_a_code_without_status() {
        let got = after(|v| {
            v["codes"]
                .as_array_mut()
                .unwrap()
                .push(json!({"code": "odd", "category": "auth", "message": "Odd"}));
        });
        assert_eq!(
            got,
            vec![
                ("accessor-type-changed".to_owned(), Class::Breaking),
                ("code-added".to_owned(), Class::Additive)
            ]
        );
    }

    #[test]
    fn breaking_an_accessor_type_changed_by_a_code_without_category() {
        let got = after(|v| {
            v["codes"]
                .as_array_mut()
                .unwrap()
                .push(json!({"code": "odd", "status": 400, "message": "Odd"}));
        });
        assert!(
            got.contains(&("accessor-type-changed".to_owned(), Class::Breaking)),
            "{got:?}"
        );
    }

    #[test]
    fn breaking_the_doc_url_accessor_becomes_optional() {
        let got = after(|v| {
            v.as_object_mut().unwrap().remove("doc_url");
        });
        assert_eq!(
            got,
            vec![
                ("accessor-type-changed".to_owned(), Class::Breaking),
                ("catalog-docs".to_owned(), Class::Docs)
            ]
        );
    }

    #[test]
    fn breaking_the_code_type_changed() {
        let got = after(|v| v["code_type"] = json!("http-status"));
        assert!(
            got.contains(&("code-type-changed".to_owned(), Class::Breaking)),
            "{got:?}"
        );
    }

    #[test]
    fn breaking_an_envelope_part_moved_or_removed() {
        only(
            |v| v["envelope"]["layout"]["code"] = json!("/code"),
            "layout-part-changed",
            Class::Breaking,
        );
        only(
            |v| {
                v["envelope"]["layout"]
                    .as_object_mut()
                    .unwrap()
                    .remove("message");
            },
            "layout-part-removed",
            Class::Breaking,
        );
        only(
            |v| {
                v["envelope"].as_object_mut().unwrap().remove("layout");
            },
            "layout-removed",
            Class::Breaking,
        );
    }

    #[test]
    fn a_layout_change_outside_its_pointers_is_never_silent() {
        // status_only is a statement about the body: recorded as a part.
        only(
            |v| v["envelope"]["layout"]["status_only"] = json!(true),
            "layout-part-added",
            Class::Additive,
        );
        // A preset stands for the parts it fills in.
        let got = after(|v| v["envelope"]["layout"]["preset"] = json!("problem+json"));
        assert!(
            got.iter().any(|(kind, _)| kind.starts_with("layout-part-")),
            "{got:?}"
        );
    }

    #[test]
    fn breaking_rate_limits_removed_with_the_envelope() {
        let got = after(|v| {
            v.as_object_mut().unwrap().remove("envelope");
        });
        assert!(
            got.contains(&("rate-limit-removed".to_owned(), Class::Breaking)),
            "{got:?}"
        );
        assert!(
            got.contains(&("layout-removed".to_owned(), Class::Breaking)),
            "{got:?}"
        );
    }

    #[test]
    fn behavioural_a_status_changed() {
        only(
            |v| code(v, 2)["status"] = json!(404),
            "status-changed",
            Class::Behavioural,
        );
    }

    #[test]
    fn behavioural_a_category_changed() {
        only(
            |v| code(v, 2)["category"] = json!("limits"),
            "category-changed",
            Class::Behavioural,
        );
    }

    #[test]
    fn behavioural_a_retryable_flag_changed() {
        only(
            |v| code(v, 1)["retryable"] = json!(false),
            "retryable-changed",
            Class::Behavioural,
        );
        // `false` and unsaid both mean `is_retryable() == false`: only the docs change.
        only(
            |v| code(v, 2)["retryable"] = json!(false),
            "code-docs",
            Class::Docs,
        );
    }

    #[test]
    fn behavioural_a_deprecation_changed() {
        only(
            |v| code(v, 2)["deprecated"] = json!({"note": "Use key_missing"}),
            "code-deprecated",
            Class::Behavioural,
        );
        let mut old = base();
        code(&mut old, 2)["deprecated"] = json!({"note": "Use key_missing"});
        let got = changes(&catalog(old), &catalog(base()));
        assert_eq!(
            (got[0].kind.as_str(), got[0].class),
            ("code-undeprecated", Class::Behavioural)
        );
    }

    #[test]
    fn behavioural_a_code_retired() {
        only(
            |v| code(v, 2)["retired"] = json!({"since": "1.1.0", "note": "No longer sent"}),
            "code-retired",
            Class::Behavioural,
        );
    }

    #[test]
    fn breaking_codes_renumbered() {
        only(
            |v| v["codes"].as_array_mut().unwrap().swap(0, 2),
            "codes-renumbered",
            Class::Breaking,
        );
        only(
            |v| v["categories"].as_array_mut().unwrap().swap(0, 1),
            "categories-renumbered",
            Class::Breaking,
        );
        // A code added before others moves them: additive, and breaking for their numbers.
        let got = after(|v| {
            v["codes"].as_array_mut().unwrap().insert(
                0,
                json!({"code": "first", "status": 400, "category": "auth", "message": "First"}),
            );
        });
        assert_eq!(
            got,
            vec![
                ("code-added".to_owned(), Class::Additive),
                ("codes-renumbered".to_owned(), Class::Breaking)
            ]
        );
        // Removing the last code moves none.
        only(
            |v| {
                v["codes"].as_array_mut().unwrap().pop();
            },
            "code-removed",
            Class::Breaking,
        );
    }

    #[test]
    fn additive_a_code_added() {
        only(
            |v| {
                v["codes"].as_array_mut().unwrap().push(
                    json!({"code": "new_one", "status": 400, "category": "auth", "message": "New"}),
                );
            },
            "code-added",
            Class::Additive,
        );
    }

    #[test]
    fn additive_an_alias_added() {
        only(
            |v| code(v, 2)["aliases"] = json!(["gone_old"]),
            "alias-added",
            Class::Additive,
        );
    }

    #[test]
    fn additive_a_category_added() {
        only(
            |v| {
                v["categories"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"id": "billing"}))
            },
            "category-added",
            Class::Additive,
        );
    }

    #[test]
    fn additive_an_envelope_part_added() {
        only(
            |v| v["envelope"]["layout"]["param"] = json!("/error/param"),
            "layout-part-added",
            Class::Additive,
        );
    }

    #[test]
    fn docs_only_message_description_causes_fixes_examples() {
        for (field, value) in [
            ("message", json!("Key missing")),
            ("description", json!("Longer text")),
            ("when", json!("Always")),
            ("causes", json!(["No header"])),
            ("fixes", json!(["Send the header"])),
            ("examples", json!([{"body": {"error": {"code": "gone"}}}])),
            ("title", json!("Gone away")),
            ("doc_url", json!("https://elsewhere.example.com/gone")),
            ("notes", json!(["A note"])),
        ] {
            let got = after(|v| code(v, 2)[field] = value.clone());
            assert_eq!(got, vec![("code-docs".to_owned(), Class::Docs)], "{field}");
        }
    }

    #[test]
    fn docs_only_catalog_and_category_prose() {
        only(|v| v["title"] = json!("Shop"), "catalog-docs", Class::Docs);
        only(
            |v| v["envelope"]["description"] = json!("Errors are JSON objects."),
            "catalog-docs",
            Class::Docs,
        );
        only(
            |v| v["categories"][0]["description"] = json!("Auth"),
            "category-docs",
            Class::Docs,
        );
    }

    #[test]
    fn sections_follow_keep_a_changelog() {
        let section = |kind: &str| Change::new(Class::Docs, kind, None, String::new()).section();
        assert_eq!(section("code-added"), "Added");
        assert_eq!(section("code-removed"), "Removed");
        assert_eq!(section("code-retired"), "Deprecated");
        assert_eq!(section("status-changed"), "Changed");
    }
}
