//! Per-operation error sets: each operation named once, listing codes of the catalog, and an
//! internal error every operation can fall back on.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Diagnostics};
use crate::format::Catalog;
use crate::ident;

/// Checks `operations` and `internal_error`.
pub(super) fn check(catalog: &Catalog, out: &mut Diagnostics) {
    let codes: HashMap<String, usize> = catalog
        .codes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.wire(), i))
        .collect();
    let internal = catalog.internal_error.as_ref().map(|c| c.wire());
    match (&internal, catalog.operations.is_empty()) {
        (None, false) => out.push(
            Diagnostic::at("/operations", "operations are declared, but no `internal_error`")
                .hint("name the code an operation answers with for a failure it does not list: `\"internal_error\": \"INTERNAL_ERROR\"`"),
        ),
        (Some(code), _) => match codes.get(code) {
            None => out.push(
                Diagnostic::at("/internal_error", format!("`internal_error` names `{code}`, which is no code of the catalog"))
                    .hint("name one of the catalog's codes"),
            ),
            Some(&i) if catalog.codes[i].args.iter().any(|a| !a.optional) => out.push(
                Diagnostic::at("/internal_error", format!("the internal error `{code}` has required arguments"))
                    .related(format!("/codes/{i}/args"), "declared here")
                    .hint("an unexpected failure carries nothing: give the internal error no required arguments"),
            ),
            Some(_) => {}
        },
        (None, true) => {}
    }
    let variants = catalog.variant_names();
    let mut names: HashMap<String, usize> = HashMap::new();
    for (i, op) in catalog.operations.iter().enumerate() {
        let at = format!("/operations/{i}");
        let valid = op.name.starts_with(|c: char| c.is_ascii_lowercase())
            && !op.name.ends_with('_')
            && !op.name.contains("__")
            && op
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            out.push(
                Diagnostic::at(format!("{at}/name"), format!("`{}` is not an operation name", op.name))
                    .hint("use lowercase ASCII letters, digits and single `_`, starting with a letter (`create_record`)"),
            );
        } else {
            let rust = ident::operation_type(&op.name);
            let first = *names.entry(rust.clone()).or_insert(i);
            if first != i {
                out.push(
                    Diagnostic::at(
                        format!("{at}/name"),
                        format!("duplicate operation `{}`", op.name),
                    )
                    .related(format!("/operations/{first}/name"), "first declared here"),
                );
            }
        }
        if op.codes.is_empty() {
            out.push(
                Diagnostic::at(
                    format!("{at}/codes"),
                    format!("operation `{}` lists no codes", op.name),
                )
                .hint("list the codes it can return; the internal error is implied"),
            );
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (j, code) in op.codes.iter().enumerate() {
            let wire = code.wire();
            let here = format!("{at}/codes/{j}");
            if !codes.contains_key(&wire) {
                out.push(
                    Diagnostic::at(
                        &here,
                        format!(
                            "operation `{}` lists `{wire}`, which is no code of the catalog",
                            op.name
                        ),
                    )
                    .hint("list codes of the catalog, as `codes[].code` spells them"),
                );
            } else if internal.as_deref() == Some(wire.as_str()) {
                out.push(
                    Diagnostic::at(
                        &here,
                        format!("operation `{}` lists the internal error `{wire}`", op.name),
                    )
                    .hint("every operation can return the internal error already: leave it out"),
                );
            } else if variants[codes[&wire]] == "Unexpected" {
                out.push(
                    Diagnostic::at(&here, format!("`{wire}` would be the variant `Unexpected`, which each operation's enum has for the internal error"))
                        .hint("give the code another Rust name with `name`"),
                );
            } else if let Some(first) = seen.insert(wire.clone(), j) {
                out.push(
                    Diagnostic::at(
                        &here,
                        format!("operation `{}` lists `{wire}` twice", op.name),
                    )
                    .related(format!("{at}/codes/{first}"), "first listed here"),
                );
            }
        }
    }
}
