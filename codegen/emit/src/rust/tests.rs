//! `tests/codes.rs` and `tests/data/catalog.in`: the catalog's codes checked against the
//! generated crate.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use errcat_catalog::model::Model;

/// The catalog's codes as a Rust expression for `include!`: one row per line,
/// `(code, status, aliases)`. Kept out of `tests/codes.rs` so that file stays the same shape
/// (and rustfmt-stable) whatever the catalog holds.
pub(super) fn catalog_rows(model: &Model) -> String {
    let mut out = String::from("[\n");
    for c in &model.codes {
        let status = c
            .entry()
            .status
            .map_or_else(|| "None".to_owned(), |s| format!("Some({s})"));
        let aliases: Vec<String> = c
            .entry()
            .aliases
            .iter()
            .map(|a| Literal::string(a).to_string())
            .collect();
        out.push_str(&format!(
            "    ({}, {status}, &[{}]),\n",
            Literal::string(&c.wire),
            aliases.join(", ")
        ));
    }
    out.push_str("]\n");
    out
}

pub(super) fn tests_tokens(model: &Model) -> TokenStream {
    let lib = format_ident!("{}", model.lib_name);
    let status_of = if model.all_have_status() {
        quote!(Some(code.http_status()))
    } else {
        quote!(code.http_status())
    };
    // A registry that is not an HTTP API's has no status API to test (every row's is `None`).
    let statuses_test = model.has_status_api().then(|| {
        quote! {
            #[test]
            fn statuses_are_the_documented_ones() {
                for (&code, &(wire, status, _)) in ErrorCode::ALL.iter().zip(CATALOG) {
                    assert_eq!(#status_of, status, "{wire}");
                    if let Some(status) = status {
                        let listed = ErrorCode::from_status(status).contains(&code);
                        assert!(listed, "{wire}");
                    }
                }
                assert_eq!(ErrorCode::from_status(0), []);
            }
        }
    });
    let unknown = model.unknown_code();
    quote! {
        #![allow(deprecated)]

        use #lib::ErrorCode;

        /// Each catalog code with its documented status and aliases, in catalog order.
        const CATALOG: &[(&str, Option<u16>, &[&str])] = &include!("data/catalog.in");

        // Macro arguments below are plain names and calls, so prettyplease and rustfmt
        // agree on their layout.

        #[test]
        fn all_lists_the_catalog_codes_in_order() {
            assert_eq!(ErrorCode::ALL.len(), CATALOG.len());
            for (code, &(wire, _, _)) in ErrorCode::ALL.iter().zip(CATALOG) {
                assert_eq!(code.as_str(), wire);
            }
        }

        #[test]
        fn every_code_round_trips_through_as_str_and_from_str() {
            for &code in ErrorCode::ALL {
                let wire = code.as_str();
                let parsed: Result<ErrorCode, _> = wire.parse();
                assert_eq!(parsed, Ok(code), "{wire}");
                assert_eq!(ErrorCode::from_code(wire), Some(code));
                let read = #lib::Code::parse(wire);
                assert_eq!(read, #lib::Code::Known(code));
                let shown = format!("{wire}: {}", code.message());
                assert_eq!(code.to_string(), shown);
                let has_message = !code.message().is_empty();
                assert!(has_message, "{wire}");
            }
        }

        #statuses_test

        #[test]
        fn aliases_parse_to_their_code() {
            for (&code, &(_, _, aliases)) in ErrorCode::ALL.iter().zip(CATALOG) {
                for alias in aliases {
                    let parsed: Result<ErrorCode, _> = alias.parse();
                    assert_eq!(parsed, Ok(code), "{alias}");
                }
            }
        }

        #[test]
        fn unknown_codes_are_errors_and_code_keeps_them() {
            let parsed: Result<ErrorCode, _> = #unknown.parse();
            let shown = parsed.unwrap_err().to_string();
            assert!(shown.starts_with("unknown "), "{shown}");
            assert_eq!(ErrorCode::from_code(#unknown), None);
            assert_eq!(ErrorCode::from_code(""), None);
            let kept = #lib::Code::parse(#unknown);
            assert_eq!(kept.as_str(), #unknown);
            assert_eq!(kept.known(), None);
        }

        /// The documented examples (`tests/examples.rs`, with `json`): a module, so that the
        /// crate's tests link once.
        mod examples;
    }
}
