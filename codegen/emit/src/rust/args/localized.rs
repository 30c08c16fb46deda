//! The messages of a code with arguments in the languages of a catalog with translations
//! (`locales`): `X::message_in`, `X::localized`, `X::api_error_in` and `XArgs::message_in`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::render;
use errcat_catalog::model::{CodeModel, Model};

/// For each language the message of `code` is translated into (its own or along its
/// fallback chain), the locales that reach it and the rendering: (patterns, used, body).
fn translations(
    model: &Model,
    code: &CodeModel,
) -> Vec<(Vec<TokenStream>, TokenStream, TokenStream)> {
    let mut groups: Vec<(usize, Vec<TokenStream>)> = Vec::new();
    for (l, locale) in model.locales.iter().enumerate() {
        let (_, used) = model.message_in(code.index(), l);
        let Some(used) = used else { continue };
        let v = format_ident!("{}", locale.variant);
        match groups.iter_mut().find(|(u, _)| *u == used) {
            Some((_, patterns)) => patterns.push(quote!(crate::Locale::#v)),
            None => groups.push((used, vec![quote!(crate::Locale::#v)])),
        }
    }
    groups
        .into_iter()
        .map(|(used, patterns)| {
            let (message, _) = model.message_in(code.index(), used);
            let v = format_ident!("{}", model.locales[used].variant);
            (patterns, quote!(crate::Locale::#v), render(code, message))
        })
        .collect()
}

/// `X::message_in`, `X::localized` and, with `json`, `X::api_error_in`: the message in a
/// language. Nothing without translations.
pub(super) fn localized(model: &Model, code: &CodeModel) -> Option<TokenStream> {
    model.source_locale()?;
    let arms = translations(model, code)
        .into_iter()
        .map(|(patterns, used, body)| quote!(#(#patterns)|* => ({ #body }, #used),));
    let set = super::super::locale::set_localized(model);
    Some(quote! {
        /// The message in `locale`, rendered with this error's arguments: its translation, or
        /// its fallback's.
        pub fn message_in(&self, locale: crate::Locale) -> String {
            self.localized(locale).0
        }

        /// The message in `locale` and the language it is in: `locale`'s translation, else
        /// the nearest along its fallback chain, else the catalog's own.
        pub fn localized(&self, locale: crate::Locale) -> (String, crate::Locale) {
            #[allow(clippy::match_single_binding)]
            match locale {
                #(#arms)*
                _ => (self.message(), crate::Locale::SOURCE),
            }
        }

        /// This error as an `ApiError` whose message is in `locale` (or in the language its
        /// fallback reaches), which the response names in `Content-Language`.
        #[cfg(feature = "json")]
        pub fn api_error_in(self, locale: crate::Locale) -> crate::ApiError {
            let (message, used) = self.localized(locale);
            crate::ApiError::from(self) #set
        }
    })
}

/// `XArgs::message_in`: the client renders the message in a language from the public
/// arguments it read back (a template places only public, required ones). Nothing without
/// translations.
pub(super) fn public_localized(
    model: &Model,
    code: &CodeModel,
    public_name: &proc_macro2::Ident,
) -> Option<TokenStream> {
    model.source_locale()?;
    let source = render(code, &code.entry().message);
    let arms = translations(model, code)
        .into_iter()
        .map(|(patterns, _, body)| quote!(#(#patterns)|* => { #body }));
    Some(quote! {
        impl #public_name {
            /// The message in `locale`, rendered with these arguments: its translation, its
            /// fallback's, or the catalog's own.
            pub fn message_in(&self, locale: crate::Locale) -> String {
                #[allow(clippy::match_single_binding)]
                match locale {
                    #(#arms)*
                    _ => { #source }
                }
            }
        }
    })
}
