//! `src/operations.rs` of a crate whose catalog lists `operations`: for each, an enum of the
//! errors it can return, built from each code's error (`From`), answered as `ApiError` and,
//! with `axum`, as a response; anything else is the catalog's internal error, with nothing of
//! its cause.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::{doc_attrs, inner_doc_attrs};
use errcat_catalog::format::Operation;
use errcat_catalog::ident;
use errcat_catalog::model::{CodeModel, Model};
use errcat_catalog::text;

/// The tokens of `src/operations.rs`, or `None` when the catalog lists no operations.
pub(super) fn operations_tokens(model: &Model) -> Option<TokenStream> {
    if model.catalog.operations.is_empty() {
        return None;
    }
    let internal = model
        .catalog
        .internal_error
        .as_ref()
        .map(|c| c.wire())
        .and_then(|wire| find(model, &wire))
        .expect("checked: operations have an internal error of the catalog");
    let axum = super::runtime::has_body_integrations(model);
    let ops = model
        .catalog
        .operations
        .iter()
        .map(|op| operation(model, op, internal, axum));
    let doc = inner_doc_attrs(&format!(
        "The errors each operation of the API can return, as the catalog lists them.\n\n\
         For an operation `create_record`, `CreateRecordError` has a variant per code it can \
         return (holding the code's server error from [`args`](crate::args) where the code has \
         arguments) and `Unexpected`: anything else the handler fails with, answered as `{}` with \
         nothing of its cause. It converts into `ApiError` with the `json` feature{}.",
        internal.wire,
        if axum {
            " and is an axum response with `axum`"
        } else {
            ""
        }
    ));
    Some(quote! {
        #doc
        #(#ops)*
    })
}

fn find<'m>(model: &'m Model, wire: &str) -> Option<&'m CodeModel> {
    model.codes.iter().find(|c| c.wire == wire)
}

/// One operation's enum and its impls.
fn operation(model: &Model, op: &Operation, internal: &CodeModel, axum: bool) -> TokenStream {
    let name = format_ident!("{}", ident::operation_type(&op.name));
    let codes: Vec<&CodeModel> = op
        .codes
        .iter()
        .map(|c| find(model, &c.wire()).expect("checked: an operation lists codes of the catalog"))
        .collect();
    let variant = |c: &CodeModel| format_ident!("{}", c.variant);
    let with_args = |c: &CodeModel| !c.entry().args.is_empty();
    let variants = codes.iter().map(|c| {
        let v = variant(c);
        let doc = doc_attrs(&format!(
            "[`ErrorCode::{0}`](crate::ErrorCode::{0}): {1}",
            c.variant,
            text::rustdoc(&c.entry().message)
        ));
        if with_args(c) {
            quote!(#doc #v(crate::args::#v),)
        } else {
            quote!(#doc #v,)
        }
    });
    let code_arms = codes.iter().map(|c| {
        let v = variant(c);
        if with_args(c) {
            quote!(#name::#v(_) => crate::ErrorCode::#v,)
        } else {
            quote!(#name::#v => crate::ErrorCode::#v,)
        }
    });
    let internal_variant = variant(internal);
    let api_arms = codes.iter().map(|c| {
        let v = variant(c);
        if with_args(c) {
            quote!(#name::#v(error) => error.into(),)
        } else {
            quote!(#name::#v => crate::ApiError::new(crate::ErrorCode::#v),)
        }
    });
    let localized = model.source_locale().is_some().then(|| {
        let arms = codes.iter().map(|c| {
            let v = variant(c);
            if with_args(c) {
                quote!(#name::#v(error) => error.api_error_in(locale),)
            } else {
                quote!(#name::#v => crate::ApiError::new_in(crate::ErrorCode::#v, locale),)
            }
        });
        quote! {
            /// This error as an `ApiError` whose message is in `locale` (or in the language
            /// its fallback reaches), which the response names in `Content-Language`.
            #[cfg(feature = "json")]
            pub fn api_error_in(self, locale: crate::Locale) -> crate::ApiError {
                match self {
                    #(#arms)*
                    #name::Unexpected => crate::ApiError::new_in(crate::ErrorCode::#internal_variant, locale),
                }
            }
        }
    });
    let froms = codes.iter().filter(|c| with_args(c)).map(|c| {
        let v = variant(c);
        quote! {
            impl From<crate::args::#v> for #name {
                fn from(error: crate::args::#v) -> Self {
                    #name::#v(error)
                }
            }
        }
    });
    let all = codes.iter().map(|c| variant(c));
    let listed: Vec<String> = codes.iter().map(|c| format!("`{}`", c.wire)).collect();
    let mut doc = format!(
        "The errors `{}` can return: {}; anything else is `Unexpected` (`{}`).",
        op.name,
        listed.join(", "),
        internal.wire
    );
    if let Some(d) = &op.description {
        doc.push_str(&format!("\n\n{}", text::rustdoc(d)));
    }
    let doc = doc_attrs(&doc);
    let unexpected_doc = doc_attrs(&format!(
        "Any other failure, as `Unexpected`: the cause is dropped, so none of it reaches the \
         client (`.map_err({name}::unexpected)`, after logging it)."
    ));
    let response = axum.then(|| {
        quote! {
            /// The response: the status, headers and body of its `ApiError`.
            #[cfg(feature = "axum")]
            impl axum_core::response::IntoResponse for #name {
                fn into_response(self) -> axum_core::response::Response {
                    axum_core::response::IntoResponse::into_response(crate::ApiError::from(self))
                }
            }
        }
    });
    quote! {
        #doc
        #[derive(Debug)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// Anything else the handler failed with, answered as the internal error with
            /// nothing of its cause (log the cause before dropping it).
            Unexpected,
        }

        impl #name {
            /// The codes this operation can return, the internal error last.
            pub const CODES: &'static [crate::ErrorCode] = &[#(crate::ErrorCode::#all,)* crate::ErrorCode::#internal_variant];

            #unexpected_doc
            pub fn unexpected<E>(_cause: E) -> Self {
                #name::Unexpected
            }

            /// The code this error is answered with.
            pub fn code(&self) -> crate::ErrorCode {
                match self {
                    #(#code_arms)*
                    #name::Unexpected => crate::ErrorCode::#internal_variant,
                }
            }

            #localized
        }

        impl core::fmt::Display for #name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                core::fmt::Display::fmt(&self.code(), f)
            }
        }

        impl std::error::Error for #name {}

        #(#froms)*

        #[cfg(feature = "json")]
        impl From<#name> for crate::ApiError {
            fn from(error: #name) -> Self {
                match error {
                    #(#api_arms)*
                    #name::Unexpected => crate::ApiError::new(crate::ErrorCode::#internal_variant),
                }
            }
        }

        #response
    }
}
