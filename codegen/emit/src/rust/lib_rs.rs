//! `src/lib.rs` of a generated crate: crate docs, lint levels and the modules.

use proc_macro2::TokenStream;
use quote::quote;

use crate::inner_doc_attrs;
use errcat_catalog::model::Model;
use errcat_catalog::text;

pub(super) fn lib_tokens(model: &Model) -> TokenStream {
    let c = &model.catalog;
    let mut doc = format!("# {} error codes\n\n", text::plain(&c.title));
    if let Some(d) = &c.description {
        doc.push_str(&text::rustdoc(d));
        doc.push_str("\n\n");
    }
    if let Some(s) = &c.source {
        doc.push_str(&format!("Source: {}\n\n", text::rustdoc(s)));
    }
    let first = &model.codes[0];
    let status_line = match (first.entry().status, model.all_have_status()) {
        (Some(s), true) => format!("assert_eq!(code.http_status(), {s});\n"),
        (Some(s), false) => format!("assert_eq!(code.http_status(), Some({s}));\n"),
        (None, _) => "assert_eq!(code.http_status(), None);\n".to_owned(),
    };
    // A registry that is not an HTTP API's has no status to show.
    let (status, status_line) = if model.has_status_api() {
        (" HTTP status,", status_line)
    } else {
        ("", String::new())
    };
    doc.push_str(&format!(
        "[`ErrorCode`] has one variant per code of the catalog `{}`, with its wire spelling,{status} \
         message, description and documentation URL.\n\n```\nuse {}::ErrorCode;\n\nlet code: ErrorCode = {:?}.parse().unwrap();\nassert_eq!(code.as_str(), {:?});\n{status_line}assert!(\"zz_not_a_code\".parse::<ErrorCode>().is_err());\n```",
        model.source_path, model.lib_name, first.wire, first.wire,
    ));
    doc.push_str(&features_doc(model));
    let doc = inner_doc_attrs(&doc);
    let retry = model.is_http_api().then(|| {
        quote! {
            mod retry;
            pub use retry::{RateLimit, RetryAfter};
        }
    });
    // `args.rs` is laid out by prettyplease, whose line breaks are not always rustfmt's (a
    // long catalog message in a match arm, say): rustfmt is told to leave it as written.
    let args = super::args::has_args(model).then(|| {
        quote! {
            #[rustfmt::skip]
            pub mod args;
        }
    });
    let operations = (!model.catalog.operations.is_empty()).then(|| {
        quote! {
            #[rustfmt::skip]
            pub mod operations;
        }
    });
    let locale = model.source_locale().is_some().then(|| {
        quote! {
            #[rustfmt::skip]
            pub mod locale;
            pub use locale::Locale;
        }
    });
    quote! {
        #doc
        #![forbid(unsafe_code)]
        #![warn(missing_docs)]

        include!("codes.rs");

        mod facts;
        mod features;
        mod wire;
        pub use wire::{Code, UnknownCode};
        #retry
        #[cfg(feature = "json")]
        mod json;
        #[cfg(feature = "json")]
        pub use json::{ApiError, FieldError, ParseError, ParseErrorKind, Problem};
        #args
        #operations
        #locale
    }
}

/// The crate docs' section on features and wire codes.
fn features_doc(model: &Model) -> String {
    let body = match model.layout() {
        Some(_) if model.body_is_xml() => "`ApiError` (`to_xml`, `from_response`, and `from_xml` with the \
                    `xml` feature) reads and writes the XML error body this API documents, keeps codes this \
                    crate does not know, and converts to and from RFC 9457 problem documents (`Problem`).\n\
                    - `xml` (brings `json` and `quick-xml`): reads the API's XML error body (`ApiError::from_xml`, \
                    and in `from_response`); `axum` and `reqwest` bring it."
            .to_owned(),
        Some(_) => "`ApiError` (`from_json`, `to_json`, `from_response`) reads and writes the error body this API \
                    documents, keeps codes this crate does not know, and converts to and from RFC 9457 problem \
                    documents (`Problem`)."
            .to_owned(),
        None => "`ApiError` converts to and from RFC 9457 problem documents (`Problem`). The catalog does not \
                 document the layout of the API's error body, so it is not read from it."
            .to_owned(),
    };
    let http = if !model.has_status_api() {
        String::new()
    } else {
        format!(
            "- `http`: `ErrorCode::status_code` and `from_status_code` with `http::StatusCode`{}.\n",
            if model.is_http_api() {
                "; `ApiError::to_http_response` and `from_http_response` with `json`"
            } else {
                ""
            }
        )
    };
    let mut doc = format!(
        "\n\n## Wire codes and features\n\n[`Code`] holds a code read from the wire: `Known` or, for a code \
         this crate does not know yet, `Unknown` with the text kept.\n\nNo dependency by default. Features:\n\n\
         - `serde`: `ErrorCode` and `Code` (de)serialize as their wire string.\n\
         {http}- `json` (brings `serde` and `serde_json`): {body}",
    );
    if super::args::has_args(model) {
        doc.push_str(&format!(
            "\n- `tracing`: `trace()` on each error of [`args`] logs it with its public and internal \
             arguments, never a secret one.\n\n[`args`] has, for each code with arguments, the error as a \
             server raises it and its public arguments{}.",
            if model.catalog.args_place().is_some() {
                ", which a client reads back with `ApiError::args`"
            } else {
                " (the body has no details to carry them: they are in the message)"
            }
        ));
    }
    if !model.catalog.operations.is_empty() {
        doc.push_str(
            "\n\n[`operations`] has an error enum for each operation of the API: the codes it can \
             return, and anything else as the internal error, with nothing of its cause.",
        );
    }
    if let Some(source) = model.source_locale() {
        let tags: Vec<String> = model
            .locales
            .iter()
            .map(|l| format!("`{}`", l.tag))
            .collect();
        doc.push_str(&format!(
            "\n\n[`Locale`] is a language of the messages: `{source}`, the catalog's own, and {}. \
             `ErrorCode::message_in` gives a message in one, `Locale::negotiate` picks one from an \
             `Accept-Language` header.",
            tags.join(", ")
        ));
    }
    if model.is_http_api() {
        doc.push_str(
            "\n\n[`RateLimit`] reads `Retry-After` (seconds or HTTP date) and the `X-RateLimit-*` headers into \
             a delay to wait.",
        );
    }
    doc
}
