//! Inner code sets (`code_sets`): named, each code listed once, with a message.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Diagnostics};
use crate::format::Catalog;
use crate::ident;

/// Checks every inner code set.
pub(super) fn check(catalog: &Catalog, out: &mut Diagnostics) {
    let mut names: HashMap<&str, usize> = HashMap::new();
    for (i, set) in catalog.code_sets.iter().enumerate() {
        let at = format!("/code_sets/{i}");
        let valid = set.name.starts_with(|c: char| c.is_ascii_lowercase())
            && set
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            out.push(
                Diagnostic::at(
                    format!("{at}/name"),
                    format!("`{}` is not a code set name", set.name),
                )
                .hint("use lowercase ASCII letters, digits and `_`, starting with a letter"),
            );
        } else if let Some(first) = names.insert(&set.name, i) {
            out.push(
                Diagnostic::at(
                    format!("{at}/name"),
                    format!("duplicate code set `{}`", set.name),
                )
                .related(format!("/code_sets/{first}/name"), "first declared here"),
            );
        }
        // Its page section's anchor must not be a code's (a code's anchor is its wire code).
        let anchor = crate::format::CodeSet::anchor(&set.name);
        if let Some(i) = catalog.codes.iter().position(|c| c.code.wire() == anchor) {
            out.push(
                Diagnostic::at(
                    format!("{at}/name"),
                    format!("code set `{}` would have the page anchor `{anchor}`, which is code `{anchor}`'s", set.name),
                )
                .related(format!("/codes/{i}/code"), "that code")
                .hint("rename the set"),
            );
        }
        if set.title.trim().is_empty() {
            out.push(Diagnostic::at(
                format!("{at}/title"),
                "the code set's title is empty",
            ));
        }
        if set.codes.is_empty() {
            out.push(
                Diagnostic::at(
                    format!("{at}/codes"),
                    format!("code set `{}` has no codes", set.name),
                )
                .hint("list the inner codes the API documents"),
            );
        }
        let mut codes: HashMap<&str, usize> = HashMap::new();
        let mut variants: HashMap<String, usize> = HashMap::new();
        for (j, code) in set.codes.iter().enumerate() {
            let here = format!("{at}/codes/{j}");
            if code.code.trim().is_empty() || code.code.trim() != code.code {
                out.push(
                    Diagnostic::at(
                        format!("{here}/code"),
                        format!("inner code `{}` is empty or padded", code.code),
                    )
                    .hint("write the code exactly as the API sends it"),
                );
                continue;
            }
            if let Some(first) = codes.insert(&code.code, j) {
                out.push(
                    Diagnostic::at(
                        format!("{here}/code"),
                        format!("duplicate inner code `{}`", code.code),
                    )
                    .related(format!("{at}/codes/{first}/code"), "first listed here"),
                );
                continue;
            }
            let variant = ident::variant_name(&code.code);
            let first = *variants.entry(variant.clone()).or_insert(j);
            if first != j {
                out.push(
                    Diagnostic::at(
                        format!("{here}/code"),
                        format!(
                            "inner codes `{}` and `{}` both become the Rust variant `{variant}`",
                            set.codes[first].code, code.code
                        ),
                    )
                    .related(format!("{at}/codes/{first}/code"), "the other one"),
                );
            }
            if variant == "Unknown" {
                out.push(
                    Diagnostic::at(
                        format!("{here}/code"),
                        format!(
                            "inner code `{}` becomes the Rust variant `Unknown`",
                            code.code
                        ),
                    )
                    .hint("`Unknown` is the variant that keeps codes the set does not list"),
                );
            }
            if code.message.trim().is_empty() {
                out.push(Diagnostic::at(
                    format!("{here}/message"),
                    format!("inner code `{}` has an empty message", code.code),
                ));
            }
        }
    }
}
