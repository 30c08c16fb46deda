//! A code's arguments on its reference page.

use super::cell_code;
use errcat_catalog::format::{Arg, CodeSet};
use errcat_catalog::ident;
use errcat_catalog::model::Model;
use errcat_catalog::text;

/// What each error of a code carries: one row per argument, in declaration order.
pub(super) fn table(args: &[Arg]) -> String {
    let mut out = String::from(
        "| Argument | Type | Required | Visibility | Description |\n|---|---|---|---|---|\n",
    );
    for a in args {
        let ty = a.type_words(cell_code, |set| {
            format!("[`{set}`](#{})", CodeSet::anchor(set))
        });
        let mut description = a
            .description
            .as_deref()
            .map(|d| text::cell(&text::inline(d)))
            .unwrap_or_default();
        if let Some(example) = &a.example {
            let sep = if description.is_empty() { "" } else { " " };
            description.push_str(&format!(
                "{sep}Example: {}.",
                cell_code(&example.to_string())
            ));
        }
        out.push_str(&format!(
            "| {} | {ty} | {} | {} | {description} |\n",
            cell_code(&a.name),
            if a.optional { "no" } else { "yes" },
            a.visibility.name()
        ));
    }
    out
}

/// The body of an inner code set's section: its anchor, its description (through `prose`),
/// the enum that holds it, and a table of its codes.
pub(super) fn code_set(model: &Model, set: &CodeSet, prose: impl Fn(&str) -> String) -> String {
    let mut out = format!("<a id=\"{}\"></a>\n\n", CodeSet::anchor(&set.name));
    if let Some(d) = &set.description {
        out.push_str(&format!("{}\n\n", prose(d.trim_end())));
    }
    out.push_str(&format!(
        "In Rust: `{}::args::{}`, which keeps a code it does not list.\n\n| Code | Message |\n|---|---|\n",
        model.lib_name,
        ident::code_set_type(&set.name)
    ));
    for code in &set.codes {
        let mut message = text::cell(&text::inline(&code.message));
        if let Some(more) = &code.description {
            message.push_str(&format!(" {}", text::cell(&text::inline(more))));
        }
        out.push_str(&format!("| {} | {message} |\n", cell_code(&code.code)));
    }
    if !model.locales.is_empty() {
        let index = model
            .catalog
            .code_sets
            .iter()
            .position(|s| s.name == set.name)
            .expect("a set of the catalog");
        out.push_str("\nIn other languages:\n\n| Code |");
        for locale in &model.locales {
            out.push_str(&format!(" `{}` |", locale.tag));
        }
        out.push_str(&format!("\n|---|{}\n", "---|".repeat(model.locales.len())));
        for (c, code) in set.codes.iter().enumerate() {
            out.push_str(&format!("| {} |", cell_code(&code.code)));
            for l in 0..model.locales.len() {
                let (message, used) = model.inner_message_in(index, c, l);
                out.push_str(&format!(" {} |", in_language(model, message, used, l)));
            }
            out.push('\n');
        }
    }
    out.trim_end().to_owned()
}

/// A translated message as a table cell: the message, and where it falls back, the language
/// it is taken from.
fn in_language(model: &Model, message: &str, used: Option<usize>, asked: usize) -> String {
    let cell = text::cell(&text::inline(message));
    if used == Some(asked) {
        cell
    } else {
        format!("{cell} (from `{}`)", model.locale_tag(used))
    }
}

/// The table of `code`'s message in each language the catalog has, or nothing without
/// translations.
pub(super) fn translations(model: &Model, index: usize) -> Option<String> {
    let source = model.source_locale()?;
    let mut out = format!(
        "| Language | Message |\n|---|---|\n| `{source}` | {} |\n",
        text::cell(&text::inline(&model.catalog.codes[index].message))
    );
    for (l, locale) in model.locales.iter().enumerate() {
        let (message, used) = model.message_in(index, l);
        out.push_str(&format!(
            "| `{}` | {} |\n",
            locale.tag,
            in_language(model, message, used, l)
        ));
    }
    Some(out)
}

/// The section on the languages of the messages, if the catalog has translations.
pub(super) fn languages(model: &Model) -> Option<super::NoteView> {
    let source = model.source_locale()?;
    let mut body = format!(
        "Every message is written in `{source}` and translated into the languages below. A \
         message a language does not translate is taken from the language it falls back on. In \
         Rust: `{}::Locale`, chosen from an `Accept-Language` header with `Locale::negotiate`, \
         and `message_in(locale)`.\n\n| Language | Falls back on |\n|---|---|\n",
        model.lib_name
    );
    for locale in &model.locales {
        let on = model.locale_tag(locale.fallback);
        body.push_str(&format!("| `{}` | `{on}` |\n", locale.tag));
    }
    Some(super::NoteView {
        title: "Languages".to_owned(),
        body: body.trim_end().to_owned(),
    })
}

/// The section of the catalog's operations, if it lists any: each with the codes it can
/// return, and the internal error every one of them can.
pub(super) fn operations(model: &Model, prose: impl Fn(&str) -> String) -> Option<super::NoteView> {
    let c = &model.catalog;
    let internal = c.internal_error.as_ref()?.wire();
    if c.operations.is_empty() {
        return None;
    }
    let mut body = format!(
        "The codes each operation can return. Any other failure is answered as {}, with nothing \
         of its cause. In Rust: one enum per operation in `{}::operations`.\n\n\
         | Operation | Codes | Description |\n|---|---|---|\n",
        cell_code(&internal),
        model.lib_name
    );
    for op in &c.operations {
        let codes: Vec<String> = op
            .codes
            .iter()
            .map(|code| cell_code(&code.wire()))
            .collect();
        let description = op
            .description
            .as_deref()
            .map(|d| text::cell(&prose(d)))
            .unwrap_or_default();
        body.push_str(&format!(
            "| {} | {} | {description} |\n",
            cell_code(&op.name),
            codes.join(", ")
        ));
    }
    Some(super::NoteView {
        title: "Operations".to_owned(),
        body: body.trim_end().to_owned(),
    })
}
