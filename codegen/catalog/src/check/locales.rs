//! The languages a catalog declares (`locales`): well-formed tags, each once.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Diagnostics};
use crate::format::Catalog;
use crate::format::locales::is_locale_tag;

const TAG_HINT: &str = "write a BCP 47 tag in its usual case: a language of 2 or 3 lowercase letters, then a script (`Hant`) or a region (`BR`, `419`) if needed, e.g. `pt-BR`";

/// Checks `locales`.
pub(super) fn check(catalog: &Catalog, out: &mut Diagnostics) {
    let Some(locales) = &catalog.locales else {
        return;
    };
    if !is_locale_tag(&locales.source) {
        out.push(
            Diagnostic::at(
                "/locales/source",
                format!("`{}` is not a language tag errcat reads", locales.source),
            )
            .hint(TAG_HINT),
        );
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, tag) in locales.translations.iter().enumerate() {
        let at = format!("/locales/translations/{i}");
        if !is_locale_tag(tag) {
            out.push(
                Diagnostic::at(&at, format!("`{tag}` is not a language tag errcat reads"))
                    .hint(TAG_HINT),
            );
        } else if *tag == locales.source {
            out.push(
                Diagnostic::at(
                    &at,
                    format!("`{tag}` is the catalog's own language (`source`)"),
                )
                .hint("list only the languages the messages are translated into"),
            );
        } else if let Some(first) = seen.insert(tag, i) {
            out.push(
                Diagnostic::at(&at, format!("`{tag}` is listed twice")).related(
                    format!("/locales/translations/{first}"),
                    "first listed here",
                ),
            );
        }
    }
}
