//! `src/locale.rs` of a crate whose catalog has translations (`locales`): the `Locale` enum,
//! `Accept-Language` negotiation (the runtime's `negotiate`), each code's message in a
//! language, and with `axum` an extractor.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::{doc_attrs, inner_doc_attrs};
use errcat_catalog::model::Model;
use errcat_catalog::text;

/// The tokens of `src/locale.rs`, or `None` when the catalog has no translations.
pub(super) fn locale_tokens(model: &Model) -> Option<TokenStream> {
    let source = model.source_locale()?;
    let source_variant = format_ident!("{}", errcat_catalog::ident::variant_name(source));
    let variants: Vec<_> = std::iter::once(source_variant.clone())
        .chain(model.locales.iter().map(|l| format_ident!("{}", l.variant)))
        .collect();
    let tags: Vec<&str> = std::iter::once(source)
        .chain(model.locales.iter().map(|l| l.tag.as_str()))
        .collect();
    let docs = std::iter::once(format!("`{source}`, the catalog's own language."))
        .chain(model.locales.iter().map(|l| {
            let on = model.locale_tag(l.fallback);
            format!("`{}`; a message it does not translate is in `{on}`.", l.tag)
        }))
        .map(|d| doc_attrs(&d));
    let fallback_arms = model.locales.iter().map(|l| {
        let v = format_ident!("{}", l.variant);
        let on = match l.fallback {
            Some(f) => format_ident!("{}", model.locales[f].variant),
            None => source_variant.clone(),
        };
        quote!(Locale::#v => Some(Locale::#on),)
    });
    let message_arms = model.locales.iter().enumerate().filter_map(|(l, locale)| {
        let v = format_ident!("{}", locale.variant);
        let arms: Vec<TokenStream> = model
            .codes
            .iter()
            .filter_map(|code| {
                let (message, used) = model.message_in(code.index(), l);
                let used = used?;
                let code_variant = format_ident!("{}", code.variant);
                let used = format_ident!("{}", model.locales[used].variant);
                let plain = text::inline_plain(message);
                Some(quote!(ErrorCode::#code_variant => (#plain, Locale::#used),))
            })
            .collect();
        // A language with nothing of its own (all fallen back) is the outer `_`; one that
        // translates every code needs no `_` of its own.
        let rest = (arms.len() < model.codes.len())
            .then(|| quote!(_ => (self.message(), Locale::#source_variant),));
        (!arms.is_empty()).then(|| {
            quote! {
                Locale::#v => match self {
                    #(#arms)*
                    #rest
                },
            }
        })
    });
    let doc = inner_doc_attrs(&format!(
        "The languages of the messages: [`Locale`], chosen from an `Accept-Language` header \
         with [`Locale::negotiate`], and each code's message in one \
         ([`ErrorCode::message_in`](crate::ErrorCode::message_in)). A message a language does \
         not translate falls back along its tag (`pt-BR` to `pt`, when the catalog has it), \
         then to the catalog's own language, `{source}`."
    ));
    let set = set_localized(model);
    let json = quote! {
        #[cfg(feature = "json")]
        impl crate::ApiError {
            /// [`ApiError::new`](crate::ApiError::new) with the code's message in `locale`
            /// (or in the language its fallback reaches), which the response names in
            /// `Content-Language`.
            pub fn new_in(code: ErrorCode, locale: Locale) -> Self {
                let (message, used) = code.localized(locale);
                crate::ApiError::new(code) #set
            }
        }
    };
    let axum = super::runtime::has_body_integrations(model).then(|| {
        quote! {
            /// The language an `Accept-Language` header asks for ([`Locale::negotiate`]), the
            /// catalog's own when it asks for none this crate has; never a rejection.
            #[cfg(feature = "axum")]
            impl<S: Send + Sync> axum_core::extract::FromRequestParts<S> for Locale {
                type Rejection = core::convert::Infallible;

                async fn from_request_parts(
                    parts: &mut http::request::Parts,
                    _state: &S,
                ) -> Result<Self, Self::Rejection> {
                    let header: Vec<&str> = parts
                        .headers
                        .get_all(http::header::ACCEPT_LANGUAGE)
                        .iter()
                        .filter_map(|v| v.to_str().ok())
                        .collect();
                    Ok(Locale::negotiate(&header.join(",")))
                }
            }
        }
    });
    Some(quote! {
        #doc

        mod negotiate;

        use crate::ErrorCode;

        /// A language of the catalog's messages. The default is the catalog's own; a later
        /// catalog may add languages, so the enum is `#[non_exhaustive]`.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Locale {
            #[default]
            #(
                #docs
                #variants,
            )*
        }

        impl Locale {
            /// Every language, the catalog's own first.
            pub const ALL: &'static [Locale] = &[#(Locale::#variants),*];
            /// The catalog's own language.
            pub const SOURCE: Locale = Locale::#source_variant;

            /// The language tag (BCP 47), as `Content-Language` sends it.
            pub const fn tag(self) -> &'static str {
                match self {
                    #(Locale::#variants => #tags,)*
                }
            }

            /// The language with tag `tag` (ignoring case), if the crate has it.
            pub fn parse(tag: &str) -> Option<Locale> {
                Locale::ALL.iter().copied().find(|l| l.tag().eq_ignore_ascii_case(tag))
            }

            /// The language a message this one does not translate is taken from; `None` for
            /// the catalog's own.
            pub const fn fallback(self) -> Option<Locale> {
                match self {
                    #(#fallback_arms)*
                    Locale::#source_variant => None,
                }
            }

            /// The language an `Accept-Language` header (its values joined by `,`) prefers
            /// among this crate's: ranges by weight, each looked up as RFC 4647 says (`pt-PT`
            /// finds `pt`), `*` for any, `q=0` to refuse; the catalog's own when nothing
            /// matches.
            pub fn negotiate(accept_language: &str) -> Locale {
                const TAGS: &[&str] = &[#(#tags),*];
                Locale::ALL[negotiate::negotiate(accept_language, TAGS)]
            }
        }

        impl core::fmt::Display for Locale {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.tag())
            }
        }

        impl ErrorCode {
            /// The message in `locale`, as plain text: its translation, or its fallback's.
            pub fn message_in(self, locale: Locale) -> &'static str {
                self.localized(locale).0
            }

            /// The message in `locale` and the language it is in: `locale`'s translation, else
            /// the nearest along its fallback chain, else the catalog's own.
            pub fn localized(self, locale: Locale) -> (&'static str, Locale) {
                // A catalog may declare its language before any translation.
                #[allow(clippy::match_single_binding)]
                match locale {
                    #(#message_arms)*
                    _ => (self.message(), Locale::#source_variant),
                }
            }
        }

        #json
        #axum
    })
}

/// How an `ApiError` takes a message in another language (`message`, in the language `used`):
/// in place of the catalog's, or, where the body carries both (`google-rpc`'s
/// `LocalizedMessage`), beside the English one.
pub(super) fn set_localized(model: &Model) -> TokenStream {
    if model.google_rpc() {
        quote!(.with_localized_message(message, used.tag()))
    } else {
        quote!(.with_message(message).with_language(used.tag()))
    }
}
