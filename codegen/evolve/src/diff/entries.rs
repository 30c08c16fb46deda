//! Changes to the catalog's text, its categories and each code.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{Change, Class, Variants, renumbered, shown};
use errcat_catalog::format::{Arg, Catalog, Code};
use errcat_catalog::ident;
use errcat_catalog::text::{self, code_span, plain};

/// The members of `value` named `fields` that differ from `other`'s.
fn differing(a: &Value, b: &Value, fields: &[&str]) -> Vec<String> {
    fields
        .iter()
        .filter(|f| a.get(**f) != b.get(**f))
        .map(|f| (*f).to_owned())
        .collect()
}

pub(super) fn catalog_docs(old: &Catalog, new: &Catalog, out: &mut Vec<Change>) {
    let value = |c: &Catalog| {
        let mut v = serde_json::to_value(c).expect(errcat_catalog::diag::OWN_JSON);
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
        "package",
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

/// For a crate released when `message()` returned a message's markdown as written: the
/// messages of `new` that now show differently, as plain text (code spans as their content,
/// emphasis without markers, links as `text (address)`, line breaks as spaces).
pub(super) fn plain_messages(new: &Catalog, out: &mut Vec<Change>) {
    let read: Vec<String> = new
        .codes
        .iter()
        .filter(|c| text::inline_plain(&c.message) != text::normalize(&c.message))
        .map(|c| code_span(&c.code.wire()))
        .collect();
    let Some(first) = read.first() else {
        return;
    };
    let which = match read.len() {
        1 => format!("the message of {first}"),
        n => format!("{n} messages (the first: {first})"),
    };
    out.push(Change::new(
        Class::Docs,
        "messages-plain",
        None,
        format!(
            "`message()` and `Display` show {which} as plain text: inline markdown (code spans, \
             emphasis, links) is read, and shown as such only in rustdoc and on the pages"
        ),
    ));
}

/// Inner code sets: a set or a code added is additive (the enums are `#[non_exhaustive]`
/// and keep unknown codes); one removed is breaking; titles, descriptions and messages are
/// documentation.
pub(super) fn code_sets(old: &Catalog, new: &Catalog, out: &mut Vec<Change>) {
    for set in &old.code_sets {
        let span = code_span(&set.name);
        let Some(now) = new.code_sets.iter().find(|s| s.name == set.name) else {
            out.push(Change::new(
                Class::Breaking,
                "code-set-removed",
                None,
                format!("inner code set {span} and its enum are gone"),
            ));
            continue;
        };
        let codes = |s: &errcat_catalog::format::CodeSet| -> BTreeSet<String> {
            s.codes.iter().map(|c| c.code.clone()).collect()
        };
        let (was, is) = (codes(set), codes(now));
        for gone in was.difference(&is) {
            out.push(Change::new(
                Class::Breaking,
                "inner-code-removed",
                None,
                format!("inner code {} is no longer in set {span}", code_span(gone)),
            ));
        }
        for added in is.difference(&was) {
            out.push(Change::new(
                Class::Additive,
                "inner-code-added",
                None,
                format!("set {span} lists inner code {}", code_span(added)),
            ));
        }
        let docs = |s: &errcat_catalog::format::CodeSet| {
            let mut s = s.clone();
            s.codes.sort_by(|a, b| a.code.cmp(&b.code));
            s
        };
        let (a, b) = (docs(set), docs(now));
        let shared =
            |s: &errcat_catalog::format::CodeSet| -> Vec<errcat_catalog::format::InnerCode> {
                s.codes
                    .iter()
                    .filter(|c| was.contains(&c.code) && is.contains(&c.code))
                    .cloned()
                    .collect()
            };
        if (&a.title, &a.description, shared(&a)) != (&b.title, &b.description, shared(&b)) {
            out.push(Change::new(
                Class::Docs,
                "code-set-docs",
                None,
                format!("inner code set {span}: title, description or messages changed"),
            ));
        }
    }
    for set in new
        .code_sets
        .iter()
        .filter(|s| !old.code_sets.iter().any(|o| o.name == s.name))
    {
        out.push(Change::new(
            Class::Additive,
            "code-set-added",
            None,
            format!("inner code set {} and its enum", code_span(&set.name)),
        ));
    }
}

/// Per-operation error sets: an operation, or a code an operation can return, added is
/// additive (the enums are `#[non_exhaustive]`); one removed is breaking; another internal
/// error is behavioural (unexpected failures are answered with another code).
pub(super) fn operations(old: &Catalog, new: &Catalog, out: &mut Vec<Change>) {
    let (was, is) = (
        old.internal_error.as_ref().map(|c| c.wire()),
        new.internal_error.as_ref().map(|c| c.wire()),
    );
    if was.is_some() && is.is_some() && was != is {
        out.push(Change::new(
            Class::Behavioural,
            "internal-error-changed",
            None,
            format!(
                "unexpected failures are answered as {} (was {})",
                code_span(is.as_deref().unwrap_or_default()),
                code_span(was.as_deref().unwrap_or_default())
            ),
        ));
    }
    for op in &old.operations {
        let span = code_span(&op.name);
        let Some(now) = new.operations.iter().find(|o| o.name == op.name) else {
            out.push(Change::new(
                Class::Breaking,
                "operation-removed",
                None,
                format!("operation {span} and its error enum are gone"),
            ));
            continue;
        };
        let codes = |o: &errcat_catalog::format::Operation| -> BTreeSet<String> {
            o.codes.iter().map(|c| c.wire()).collect()
        };
        let (a, b) = (codes(op), codes(now));
        for gone in a.difference(&b) {
            out.push(Change::new(
                Class::Breaking,
                "operation-code-removed",
                Some(gone),
                format!("operation {span} no longer returns {}", code_span(gone)),
            ));
        }
        for added in b.difference(&a) {
            out.push(Change::new(
                Class::Additive,
                "operation-code-added",
                Some(added),
                format!("operation {span} can return {}", code_span(added)),
            ));
        }
        if op.description != now.description {
            out.push(Change::new(
                Class::Docs,
                "operation-docs",
                None,
                format!("operation {span}: description changed"),
            ));
        }
    }
    for op in new
        .operations
        .iter()
        .filter(|o| !old.operations.iter().any(|x| x.name == o.name))
    {
        out.push(Change::new(
            Class::Additive,
            "operation-added",
            None,
            format!("operation {} and its error enum", code_span(&op.name)),
        ));
    }
}

/// The languages of the messages: one added is additive (a `Locale` variant, and the crate's
/// `Locale` itself for the first); one removed, or another source language, is breaking (a
/// variant is gone). What a translation says is not recorded in a release: its text is the
/// translation file's, checked against the source by its hash.
pub(super) fn locales(old: &Catalog, new: &Catalog, out: &mut Vec<Change>) {
    let tags = |c: &Catalog| -> Vec<String> {
        c.locales.as_ref().map_or_else(Vec::new, |l| {
            std::iter::once(l.source.clone())
                .chain(l.translations.iter().cloned())
                .collect()
        })
    };
    let (was, is) = (tags(old), tags(new));
    match (&old.locales, &new.locales) {
        (Some(a), Some(b)) if a.source != b.source => out.push(Change::new(
            Class::Breaking,
            "locale-source-changed",
            None,
            format!(
                "the messages are written in {} (were in {}): `Locale::SOURCE` changed",
                code_span(&b.source),
                code_span(&a.source)
            ),
        )),
        (Some(_), None) => out.push(Change::new(
            Class::Breaking,
            "locales-removed",
            None,
            "the messages have no translations any more: `Locale` is gone".to_owned(),
        )),
        _ => {}
    }
    if new.locales.is_some() {
        for tag in is.iter().filter(|t| !was.contains(t)) {
            out.push(Change::new(
                Class::Additive,
                "locale-added",
                None,
                format!("messages in {}", code_span(tag)),
            ));
        }
    }
    if old.locales.is_some() && new.locales.is_some() {
        for tag in was.iter().filter(|t| !is.contains(t)) {
            out.push(Change::new(
                Class::Breaking,
                "locale-removed",
                None,
                format!(
                    "messages in {} are gone, and so is its `Locale` variant",
                    code_span(tag)
                ),
            ));
        }
    }
}

pub(super) fn categories(old: &Catalog, new: &Catalog, out: &mut Vec<Change>) {
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
                    serde_json::to_value(before).expect(errcat_catalog::diag::OWN_JSON),
                    serde_json::to_value(cat).expect(errcat_catalog::diag::OWN_JSON),
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

pub(super) fn code_changes(
    old: &Code,
    new: &Code,
    (before, after): (&Variants, &Variants),
    out: &mut Vec<Change>,
) {
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
                after.span(new),
                plain(&new.message)
            ),
        );
        return;
    }
    if before.get(old) != after.get(new) {
        push(
            Class::Breaking,
            "code-renamed",
            format!("{w} is now {} (was {})", after.span(new), before.span(old)),
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
                after.span(new),
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
                after.span(new),
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
    args_changes(old, new, &w, &mut push, &mut docs);
    let (a, b) = (
        serde_json::to_value(old).expect(errcat_catalog::diag::OWN_JSON),
        serde_json::to_value(new).expect(errcat_catalog::diag::OWN_JSON),
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

/// The changes to a code's arguments. What a server or client compiled against stays valid
/// when an optional argument or an enum value is added (`XArgs` and the enums are
/// `#[non_exhaustive]`, optional arguments have setters): additive. An argument removed or
/// made required, a required one added, one whose type, optionality or visibility changed,
/// an enum value removed, or required ones reordered (`X::new` takes them in order) is
/// breaking; so is a field of a list of objects removed, retyped or made required, or a
/// required one added, where an optional one added is additive. A description or example is
/// documentation.
fn args_changes(
    old: &Code,
    new: &Code,
    w: &str,
    push: &mut dyn FnMut(Class, &str, String),
    docs: &mut Vec<String>,
) {
    if old.args == new.args {
        return;
    }
    if old.args.is_empty() {
        // Nothing compiled against arguments the code did not have.
        let names: Vec<String> = new.args.iter().map(|a| code_span(&a.name)).collect();
        push(
            Class::Additive,
            "args-added",
            format!("{w} declares its arguments: {}", names.join(", ")),
        );
        return;
    }
    let find = |args: &'_ [Arg], name: &str| args.iter().position(|a| a.name == name);
    let mut broken = Vec::new();
    let mut added = Vec::new();
    let mut documented = false;
    for arg in &old.args {
        let Some(j) = find(&new.args, &arg.name) else {
            broken.push(format!("{} removed", code_span(&arg.name)));
            continue;
        };
        let now = &new.args[j];
        if (arg.ty, arg.items, &arg.set, arg.optional, arg.visibility)
            != (now.ty, now.items, &now.set, now.optional, now.visibility)
        {
            broken.push(format!(
                "{} changed type, optionality or visibility",
                code_span(&arg.name)
            ));
        }
        let gone: Vec<&String> = arg
            .values
            .iter()
            .filter(|v| !now.values.contains(v))
            .collect();
        if !gone.is_empty() {
            broken.push(format!(
                "{} lost the value {}",
                code_span(&arg.name),
                code_span(gone[0])
            ));
        }
        for value in now.values.iter().filter(|v| !arg.values.contains(v)) {
            added.push(format!(
                "{} may be {}",
                code_span(&arg.name),
                code_span(value)
            ));
        }
        // The fields of a list of objects: an optional one added is additive (the item
        // struct is `#[non_exhaustive]`, with setters); anything else about a field that
        // was there, or a required one added, breaks code that builds or reads the items.
        for field in &arg.fields {
            match now.fields.iter().find(|f| f.name == field.name) {
                None => broken.push(format!(
                    "field {} of {} removed",
                    code_span(&field.name),
                    code_span(&arg.name)
                )),
                Some(f) if (f.ty, f.optional) != (field.ty, field.optional) => {
                    broken.push(format!(
                        "field {} of {} changed type or optionality",
                        code_span(&field.name),
                        code_span(&arg.name)
                    ))
                }
                Some(f) => documented |= f.description != field.description,
            }
        }
        for field in now
            .fields
            .iter()
            .filter(|f| !arg.fields.iter().any(|x| x.name == f.name))
        {
            let what = format!(
                "field {} of {}",
                code_span(&field.name),
                code_span(&arg.name)
            );
            if field.optional {
                added.push(format!("optional {what}"));
            } else {
                broken.push(format!("required {what} added"));
            }
        }
        documented |= (&arg.description, &arg.example) != (&now.description, &now.example);
    }
    for arg in new
        .args
        .iter()
        .filter(|a| find(&old.args, &a.name).is_none())
    {
        if arg.optional {
            added.push(format!("optional argument {}", code_span(&arg.name)));
        } else {
            broken.push(format!("required argument {} added", code_span(&arg.name)));
        }
    }
    let required = |args: &[Arg]| -> Vec<String> {
        args.iter()
            .filter(|a| !a.optional)
            .map(|a| a.name.clone())
            .collect()
    };
    let (was, now) = (required(&old.args), required(&new.args));
    let kept: Vec<&String> = now.iter().filter(|n| was.contains(n)).collect();
    let order: Vec<&String> = was.iter().filter(|n| now.contains(n)).collect();
    if kept != order {
        broken.push("required arguments reordered (`new` takes them in order)".to_owned());
    }
    if !broken.is_empty() {
        push(
            Class::Breaking,
            "args-changed",
            format!("{w}: arguments changed: {}", broken.join("; ")),
        );
    }
    if !added.is_empty() {
        push(
            Class::Additive,
            "args-added",
            format!("{w}: {}", added.join("; ")),
        );
    }
    if documented {
        docs.push("argument docs".to_owned());
    }
}
