//! The `google-rpc` preset's rules: AIP-193 fixes where every part goes, what a reason looks
//! like, and that metadata values are strings.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Diagnostics};
use crate::format::google_rpc::{STATUSES, default_status, metadata_key};
use crate::format::{ArgType, Catalog, CodeType, Layout, LayoutPreset};

/// The layout keys that may stand beside `"preset": "google-rpc"`: every other part has its
/// place in `google.rpc.Status`.
const BESIDE: &[&str] = &["preset", "domain", "grpc_status", "request_id_header"];

/// Problems with a `google-rpc` layout and with a catalog that uses it, and with `domain` or
/// `grpc_status` given without it.
pub(super) fn check(catalog: &Catalog, layout: &Layout) -> Diagnostics {
    let mut out = Diagnostics::new();
    if layout.preset != Some(LayoutPreset::GoogleRpc) {
        let keys = [
            ("domain", layout.domain.is_some()),
            ("grpc_status", !layout.grpc_status.is_empty()),
        ];
        for (key, set) in keys {
            if set {
                out.push(
                    Diagnostic::at(
                        format!("/envelope/layout/{key}"),
                        format!("`{key}` is only read with `\"preset\": \"google-rpc\"`"),
                    )
                    .hint("add the preset, or remove it"),
                );
            }
        }
        return out;
    }
    parts(layout, &mut out);
    if catalog.code_type != CodeType::String {
        out.push(
            Diagnostic::at(
                "/code_type",
                "a `google-rpc` catalog's codes are `ErrorInfo` reasons, which are strings",
            )
            .hint("use `code_type: string` with UPPER_SNAKE_CASE codes, or another layout"),
        );
        return out;
    }
    codes(catalog, layout, &mut out);
    overrides(catalog, layout, &mut out);
    metadata(catalog, &mut out);
    out
}

/// Nothing beside the preset but its own settings, and a domain.
fn parts(layout: &Layout, out: &mut Diagnostics) {
    let written = serde_json::to_value(layout).unwrap_or_default();
    for key in written.as_object().into_iter().flat_map(|m| m.keys()) {
        if !BESIDE.contains(&key.as_str()) {
            out.push(
                Diagnostic::at(
                    format!("/envelope/layout/{key}"),
                    format!("`{key}` cannot be changed: the `google-rpc` preset places every part of `google.rpc.Status` itself"),
                )
                .hint(format!("remove `{key}`; beside the preset, a layout has only {}", list(BESIDE))),
            );
        }
    }
    let domain = layout.domain.as_deref().unwrap_or_default();
    if domain.is_empty() || domain.chars().any(|c| c.is_whitespace() || c.is_control()) {
        let (at, problem) = match &layout.domain {
            None => (
                "/envelope/layout",
                "the `google-rpc` preset needs a `domain`".to_owned(),
            ),
            Some(d) => ("/envelope/layout/domain", format!("`{d}` is not a domain")),
        };
        out.push(
            Diagnostic::at(at, problem).hint(
                "set `domain` to the service's name, e.g. `\"domain\": \"shop.example.com\"`",
            ),
        );
    }
}

/// Each code is a reason (UPPER_SNAKE_CASE, at most 63 characters) with an HTTP status that
/// has a gRPC status name.
fn codes(catalog: &Catalog, layout: &Layout, out: &mut Diagnostics) {
    for (i, code) in catalog.codes.iter().enumerate() {
        let wire = code.code.wire();
        if !is_reason(&wire) {
            out.push(
                Diagnostic::at(
                    format!("/codes/{i}/code"),
                    format!("`{wire}` is not an AIP-193 reason: UPPER_SNAKE_CASE, at most 63 characters, `[A-Z][A-Z0-9_]*[A-Z0-9]`"),
                )
                .hint("spell the code as a reason, e.g. `BOOK_NOT_FOUND`"),
            );
        }
        match code.status {
            None => out.push(
                Diagnostic::at(
                    format!("/codes/{i}"),
                    format!("`{wire}` has no `status`: `google.rpc.Status` carries one with every error"),
                )
                .hint("give the code its HTTP status"),
            ),
            // A `grpc_status` entry is checked on its own (`overrides`).
            Some(http) if !layout.grpc_status.contains_key(&wire) && default_status(http).is_none() => out.push(
                Diagnostic::at(
                    format!("/codes/{i}/status"),
                    format!("HTTP status {http} of `{wire}` has no gRPC status (`google.rpc.Code` maps none to it)"),
                )
                .hint(format!(
                    "use one of the statuses a gRPC status maps to: {}",
                    list(&http_statuses())
                )),
            ),
            Some(_) => {}
        }
    }
}

/// Each `grpc_status` entry names a code of the catalog and a gRPC status of its HTTP status.
fn overrides(catalog: &Catalog, layout: &Layout, out: &mut Diagnostics) {
    for (wire, name) in &layout.grpc_status {
        let at = format!(
            "/envelope/layout/grpc_status/{}",
            crate::json_pointer::escape(wire)
        );
        let Some(code) = catalog.codes.iter().find(|c| c.code.wire() == *wire) else {
            out.push(
                Diagnostic::at(&at, format!("`{wire}` is not a code of this catalog"))
                    .hint("name a code of `codes`, or remove the entry"),
            );
            continue;
        };
        let Some(http) = STATUSES.iter().find(|(n, _)| n == name).map(|(_, s)| *s) else {
            out.push(
                Diagnostic::at(&at, format!("`{name}` is not a gRPC status name")).hint(format!(
                    "use one of {}",
                    list(&STATUSES.iter().map(|(n, _)| *n).collect::<Vec<_>>())
                )),
            );
            continue;
        };
        if code.status.is_some_and(|s| s != http) {
            let fits: Vec<&str> = STATUSES
                .iter()
                .filter(|(_, s)| Some(*s) == code.status)
                .map(|(n, _)| *n)
                .collect();
            out.push(
                Diagnostic::at(
                    &at,
                    format!(
                        "`{name}` is HTTP {http}, but `{wire}` has status {}",
                        code.status.unwrap_or_default()
                    ),
                )
                .hint(if fits.is_empty() {
                    "change the code's `status`, or the name".to_owned()
                } else {
                    format!("use one of {}, or change the code's `status`", list(&fits))
                }),
            );
        }
    }
}

/// Public arguments are metadata: each has a string form (no list) and its own key.
fn metadata(catalog: &Catalog, out: &mut Diagnostics) {
    for (i, code) in catalog.codes.iter().enumerate() {
        let mut keys: HashMap<String, &str> = HashMap::new();
        for (j, arg) in code.args.iter().enumerate() {
            if !arg.visibility.is_public() {
                continue;
            }
            let at = format!("/codes/{i}/args/{j}");
            if arg.ty == ArgType::List {
                out.push(
                    Diagnostic::at(
                        format!("{at}/type"),
                        format!(
                            "`{}` is a list, but `ErrorInfo.metadata` values are strings",
                            arg.name
                        ),
                    )
                    .hint("carry one value per argument, or make the argument `internal`"),
                );
            }
            let key = metadata_key(&arg.name);
            // AIP-193: `[a-z][a-zA-Z0-9-_]+`, at most 64 characters; a name is letters, digits
            // and `_` from a letter, so only its length can be wrong.
            if !(2..=64).contains(&key.len()) {
                out.push(
                    Diagnostic::at(
                        format!("{at}/name"),
                        format!("`{key}` is not an AIP-193 metadata key: 2 to 64 characters"),
                    )
                    .hint("give the argument a longer (or shorter) name"),
                );
            }
            if let Some(other) = keys.insert(key.clone(), &arg.name) {
                out.push(
                    Diagnostic::at(
                        format!("{at}/name"),
                        format!(
                            "`{}` and `{other}` are both the metadata key `{key}`",
                            arg.name
                        ),
                    )
                    .hint("rename one of them"),
                );
            }
        }
    }
}

/// AIP-193: `[A-Z][A-Z0-9_]+[A-Z0-9]`, at most 63 characters.
fn is_reason(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2
        && b.len() <= 63
        && b[0].is_ascii_uppercase()
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'_')
        && b[b.len() - 1] != b'_'
}

/// Every HTTP status a gRPC status maps to, once, ascending.
fn http_statuses() -> Vec<String> {
    let mut out: Vec<u16> = STATUSES.iter().map(|(_, s)| *s).collect();
    out.sort_unstable();
    out.dedup();
    out.iter().map(u16::to_string).collect()
}

fn list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| format!("`{}`", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_upper_snake_case() {
        for ok in ["BOOK_NOT_FOUND", "A1", "QUOTA_2"] {
            assert!(is_reason(ok), "{ok}");
        }
        let long = "A".repeat(64);
        for bad in [
            "A",
            "book",
            "BOOK_",
            "_BOOK",
            "1BOOK",
            "BOOK-NOT",
            long.as_str(),
        ] {
            assert!(!is_reason(bad), "{bad}");
        }
    }
}
