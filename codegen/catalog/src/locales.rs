//! Translations: the files of a catalog's `locales`, read into its [`Model`].
//!
//! A translation file (`locales/<catalog>/<tag>.json` beside the catalog) gives, for each code
//! and inner code, the message in its language and the [`source_hash`] of the message it was
//! translated from. Reading one refuses what cannot be right: a code the catalog does not
//! have, a template that does not use exactly its source's placeholders. What only needs
//! doing is a *gap*, which `gen` prints and `gen --check` fails on:
//! - a stale translation (its source message changed since): it is not used, and the
//!   message falls back along the chain, as a missing one does (what gettext does with a
//!   fuzzy entry);
//! - a missing translation, in a language that starts a chain (`pt`, or `pt-BR` with no `pt`
//!   declared). A language with a declared parent translates what differs from it only.

use std::collections::{BTreeSet, HashMap};

use crate::diag::{Diagnostic, Diagnostics, Report};
use crate::format::args::{Piece, template};
use crate::format::locales::{Translated, Translation, parent_tag, source_hash};
use crate::model::{LocaleModel, Model};
use crate::{ident, load};

/// A translation file as read from disk: its name as messages show it, and its text.
#[derive(Debug)]
pub struct File {
    /// The path, as the user knows it.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// Reads `files`, one per tag of the catalog's `locales.translations` and in that order,
/// into `model`: its [`Model::locales`], and its [`Model::gaps`]. The error holds every
/// problem of every file, located.
pub fn attach(model: &mut Model, files: Vec<File>) -> Result<(), Report> {
    let tags: Vec<String> = model
        .catalog
        .locales
        .as_ref()
        .map(|l| l.translations.clone())
        .unwrap_or_default();
    assert_eq!(tags.len(), files.len(), "errcat bug: one file per locale");
    let (mut report, mut gaps) = (Report::default(), Report::default());
    let mut locales = Vec::with_capacity(tags.len());
    for (tag, file) in tags.iter().zip(files) {
        let fallback = fallback_of(tag, &tags);
        let (mut problems, mut stale) = (Diagnostics::new(), Diagnostics::new());
        let mut locale = LocaleModel {
            tag: tag.clone(),
            variant: ident::variant_name(tag),
            fallback,
            codes: HashMap::new(),
            inner: HashMap::new(),
        };
        match load::document::<Translation>(&file.text) {
            Err(found) => problems.extend(found),
            Ok(translation) => {
                read(model, &translation, &mut locale, &mut problems, &mut stale);
                if fallback.is_none() {
                    missing(model, &translation, &mut stale);
                }
            }
        }
        load::locate(&file.text, &mut problems);
        load::locate(&file.text, &mut stale);
        if !problems.is_empty() {
            report.append(Report::bind(&file.name, &file.text, problems));
        }
        if !stale.is_empty() {
            gaps.append(Report::bind(&file.name, &file.text, stale));
        }
        locales.push(locale);
    }
    if !report.is_empty() {
        return Err(report);
    }
    model.locales = locales;
    model.gaps = gaps;
    Ok(())
}

/// The declared language `tag` falls back on: its nearest declared parent, else the source.
fn fallback_of(tag: &str, tags: &[String]) -> Option<usize> {
    let mut parent = parent_tag(tag);
    while let Some(p) = parent {
        if let Some(i) = tags.iter().position(|t| t == p) {
            return Some(i);
        }
        parent = parent_tag(p);
    }
    None
}

/// Checks each entry of `translation` and keeps the usable ones in `locale`.
fn read(
    model: &Model,
    translation: &Translation,
    locale: &mut LocaleModel,
    problems: &mut Diagnostics,
    stale: &mut Diagnostics,
) {
    if translation.format != 1 {
        problems.push(
            Diagnostic::at(
                "/format",
                format!("unsupported format version {}", translation.format),
            )
            .hint("this errcat reads format 1"),
        );
    }
    if translation.locale != locale.tag {
        problems.push(
            Diagnostic::at(
                "/locale",
                format!(
                    "this file says it is `{}`, but the catalog reads it as `{}`",
                    translation.locale, locale.tag
                ),
            )
            .hint("the file name, its `locale` and the catalog's `locales.translations` name one language"),
        );
    }
    let index: HashMap<String, usize> = model
        .catalog
        .codes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.wire(), i))
        .collect();
    for (wire, entry) in &translation.codes {
        let at = format!("/codes/{}", crate::json_pointer::escape(wire));
        let Some(&i) = index.get(wire) else {
            problems.push(
                Diagnostic::at(&at, format!("`{wire}` is no code of the catalog"))
                    .hint("translate the catalog's codes, spelled as the wire spells them; remove this entry or fix its code"),
            );
            continue;
        };
        let code = &model.catalog.codes[i];
        let placed = !code.args.is_empty();
        if check_entry(entry, &code.message, placed, wire, &at, problems, stale) {
            locale.codes.insert(i, entry.message.clone());
        }
    }
    for (set_name, codes) in &translation.code_sets {
        let at_set = format!("/code_sets/{}", crate::json_pointer::escape(set_name));
        let Some((s, set)) = model
            .catalog
            .code_sets
            .iter()
            .enumerate()
            .find(|(_, s)| s.name == *set_name)
        else {
            problems.push(
                Diagnostic::at(
                    &at_set,
                    format!("`{set_name}` is no code set of the catalog"),
                )
                .hint("name a set of the catalog's `code_sets`"),
            );
            continue;
        };
        for (code, entry) in codes {
            let at = format!("{at_set}/{}", crate::json_pointer::escape(code));
            let Some((c, inner)) = set.codes.iter().enumerate().find(|(_, c)| c.code == *code)
            else {
                problems.push(
                    Diagnostic::at(&at, format!("`{code}` is no code of the set `{set_name}`"))
                        .hint("remove this entry or fix its code"),
                );
                continue;
            };
            let what = format!("{set_name}/{code}");
            if check_entry(entry, &inner.message, false, &what, &at, problems, stale) {
                locale.inner.insert((s, c), entry.message.clone());
            }
        }
    }
}

/// Checks one translated message against its `source`; `placed`: the source is a template.
/// Returns whether it can be used (well-formed and not stale).
fn check_entry(
    entry: &Translated,
    source: &str,
    placed: bool,
    what: &str,
    at: &str,
    problems: &mut Diagnostics,
    stale: &mut Diagnostics,
) -> bool {
    let message = format!("{at}/message");
    if entry.message.trim().is_empty() {
        problems.push(
            Diagnostic::at(&message, format!("the translation of `{what}` is empty"))
                .hint("translate the message, or remove the entry: the message then falls back"),
        );
        return false;
    }
    if entry.message.contains(['\n', '\r']) {
        problems.push(
            Diagnostic::at(
                &message,
                format!("the translation of `{what}` has a line break"),
            )
            .hint("a message is one line, as its source is"),
        );
        return false;
    }
    if placed {
        let names = |pieces: Vec<Piece>| -> BTreeSet<String> {
            pieces
                .into_iter()
                .filter_map(|p| match p {
                    Piece::Arg(name) => Some(name),
                    Piece::Text(_) => None,
                })
                .collect()
        };
        let wanted = names(template(source).unwrap_or_default());
        let got = match template(&entry.message) {
            Ok(pieces) => names(pieces),
            Err(e) => {
                problems.push(
                    Diagnostic::at(
                        &message,
                        format!(
                            "the translation of `{what}` is a template: at byte {}, {}",
                            e.at, e.problem
                        ),
                    )
                    .hint("place arguments as `{$name}`, and write a brace as `\\{` or `\\}`"),
                );
                return false;
            }
        };
        if got != wanted {
            let list = |s: Vec<&String>| {
                s.iter()
                    .map(|n| format!("`{{${n}}}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let lacking = list(wanted.difference(&got).collect());
            let extra = list(got.difference(&wanted).collect());
            let mut text = format!(
                "the translation of `{what}` does not place exactly its source's arguments:"
            );
            if !lacking.is_empty() {
                text.push_str(&format!(" it lacks {lacking}"));
            }
            if !extra.is_empty() {
                text.push_str(&format!(
                    "{} it places {extra}, which the source does not",
                    if lacking.is_empty() { "" } else { ";" }
                ));
            }
            problems.push(Diagnostic::at(&message, text).hint(format!(
                "the source is \"{source}\": use each of its placeholders, in any order"
            )));
            return false;
        }
    }
    let hash = source_hash(source);
    if entry.source_hash != hash {
        // The new hash is in the message, quoted, as the gaps' entries are (see `gap`).
        stale.push(
            Diagnostic::at(
                format!("{at}/source_hash"),
                format!("the translation of `{what}` is stale (its source message has changed), so it is not used: translate it again and set `source_hash` to `{hash}`"),
            )
            .hint("`errcat explain CODE` shows a code's message as it is now")
            .brief(format!("stale, set `source_hash` to `{hash}`")),
        );
        return false;
    }
    true
}

/// The gaps of a language that starts a chain: every code and inner code it does not
/// translate, each at the place its entry would have. What differs between them (the code,
/// the entry to write with its hash) is quoted in the message, so that a language with many
/// gaps is reported as one kind of problem: the first few in full, the rest a line each.
fn missing(model: &Model, translation: &Translation, out: &mut Diagnostics) {
    for code in &model.catalog.codes {
        let wire = code.code.wire();
        if !translation.codes.contains_key(&wire) {
            out.push(gap("/codes", &wire, &wire, &code.message));
        }
    }
    for set in &model.catalog.code_sets {
        let given = translation.code_sets.get(&set.name);
        for inner in &set.codes {
            if given.is_none_or(|g| !g.contains_key(&inner.code)) {
                let place = format!("/code_sets/{}", crate::json_pointer::escape(&set.name));
                let what = format!("{}/{}", set.name, inner.code);
                out.push(gap(&place, &what, &inner.code, &inner.message));
            }
        }
    }
}

/// A missing translation of `what` (`key` in the object at `place`), whose source is `source`.
fn gap(place: &str, what: &str, key: &str, source: &str) -> Diagnostic {
    let entry = format!(
        r#"{}: {{"message": …, "source_hash": "{}"}}"#,
        serde_json::Value::from(key),
        source_hash(source)
    );
    Diagnostic::at(
        format!("{place}/{}", crate::json_pointer::escape(key)),
        format!("`{what}` has no translation: add `{entry}` to `{place}`"),
    )
    .hint("translate the catalog's message; `errcat explain CODE` shows a code's, with its hash")
    .brief(format!("add `{entry}`"))
}
