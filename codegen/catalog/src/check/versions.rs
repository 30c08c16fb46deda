//! The versions a catalog states: `version`, and the `since` of retired and reused codes.

use crate::diag::{Diagnostic, Diagnostics};
use crate::format::{Catalog, Version};

/// Checks the versions a catalog states, without its history: `version`, and each
/// `retired.since` and `reused.since`, which cannot be later than `version`.
pub fn check_catalog(catalog: &Catalog, out: &mut Diagnostics) {
    let version = match &catalog.version {
        Some(v) => match Version::parse(v) {
            Ok(v) => Some(v),
            Err(e) => {
                out.push(
                    Diagnostic::at("/version", e.to_string()).hint("e.g. \"version\": \"1.0.0\""),
                );
                None
            }
        },
        None => Some(Version::DEFAULT),
    };
    for (i, code) in catalog.codes.iter().enumerate() {
        let wire = code.code.wire();
        let stated = [
            (
                "retired",
                code.retired.as_ref().map(|r| (&r.since, &r.note)),
            ),
            ("reused", code.reused.as_ref().map(|r| (&r.since, &r.note))),
        ];
        for (field, value) in stated {
            let Some((since, note)) = value else { continue };
            let at = format!("/codes/{i}/{field}");
            match Version::parse(since) {
                Err(e) => out.push(Diagnostic::at(format!("{at}/since"), e.to_string())),
                Ok(s) if version.is_some_and(|v| s > v) => out.push(
                    Diagnostic::at(
                        format!("{at}/since"),
                        format!(
                            "code `{wire}` is {field} since {s}, after the catalog's version {}",
                            version.unwrap_or(Version::DEFAULT)
                        ),
                    )
                    .hint("use the version that releases it, and raise `version` to it"),
                ),
                Ok(_) => {}
            }
            if note.trim().is_empty() {
                out.push(
                    Diagnostic::at(
                        format!("{at}/note"),
                        format!("code `{wire}` needs a `note` saying why it is {field}"),
                    )
                    .hint("say what happened and what clients should expect instead"),
                );
            }
        }
    }
}
