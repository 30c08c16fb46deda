//! The struct of each item of a list-of-objects argument (`"items": "object"`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::doc_attrs;
use errcat_catalog::format::{Arg, ArgType, Field};
use errcat_catalog::ident;
use errcat_catalog::model::CodeModel;
use errcat_catalog::text;

/// The struct of each item of a list-of-objects argument: its fields, `new` with the required
/// ones, `with_…` for the optional ones (`#[non_exhaustive]`, so a later catalog may add an
/// optional field), and its text for logs: `(index: 0, message: Duplicate key value)`.
pub(super) fn item_struct(code: &CodeModel, arg: &Arg) -> TokenStream {
    let name = format_ident!("{}", ident::arg_item_type(&code.variant, &arg.name));
    let ty = |f: &Field| match f.ty {
        ArgType::Integer => quote!(i64),
        ArgType::Number => quote!(f64),
        ArgType::Bool => quote!(bool),
        _ => quote!(String),
    };
    let fields = arg.fields.iter().map(|f| {
        let id = format_ident!("{}", ident::field_name(&f.name));
        let doc = doc_attrs(&f.description.as_deref().map_or_else(|| format!("`{}`.", f.name), text::rustdoc));
        let wire = &f.name;
        let t = ty(f);
        if f.optional {
            quote! {
                #doc
                #[cfg_attr(feature = "serde", serde(rename = #wire, default, skip_serializing_if = "Option::is_none"))]
                pub #id: Option<#t>,
            }
        } else {
            quote! {
                #doc
                #[cfg_attr(feature = "serde", serde(rename = #wire))]
                pub #id: #t,
            }
        }
    });
    let required: Vec<&Field> = arg.fields.iter().filter(|f| !f.optional).collect();
    let params = required.iter().map(|f| {
        let id = format_ident!("{}", ident::field_name(&f.name));
        match f.ty {
            ArgType::String => quote!(#id: impl Into<String>),
            _ => {
                let t = ty(f);
                quote!(#id: #t)
            }
        }
    });
    let inits = arg.fields.iter().map(|f| {
        let id = format_ident!("{}", ident::field_name(&f.name));
        match (f.optional, f.ty) {
            (true, _) => quote!(#id: None,),
            (false, ArgType::String) => quote!(#id: #id.into(),),
            (false, _) => quote!(#id,),
        }
    });
    let setters = arg.fields.iter().filter(|f| f.optional).map(|f| {
        let id = format_ident!("{}", ident::field_name(&f.name));
        let setter = format_ident!("with_{}", ident::field_name(&f.name));
        let doc = doc_attrs(&format!("Sets the optional field `{}`.", f.name));
        match f.ty {
            ArgType::String => quote! {
                #doc
                pub fn #setter(mut self, #id: impl Into<String>) -> Self {
                    self.#id = Some(#id.into());
                    self
                }
            },
            _ => {
                let t = ty(f);
                quote! {
                    #doc
                    pub fn #setter(mut self, #id: #t) -> Self {
                        self.#id = Some(#id);
                        self
                    }
                }
            }
        }
    });
    let renders = arg.fields.iter().map(|f| {
        let id = format_ident!("{}", ident::field_name(&f.name));
        // A field name has no brace (ASCII letters, digits, `_`): it is a format string.
        let label = format!("{}: {{}}", f.name);
        if f.optional {
            quote! {
                if let Some(value) = &self.#id {
                    parts.push(format!(#label, value.rendered()));
                }
            }
        } else {
            quote! {
                parts.push(format!(#label, self.#id.rendered()));
            }
        }
    });
    let many = (required.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let doc = doc_attrs(&format!(
        "One item of argument `{}` of [`ErrorCode::{1}`](crate::ErrorCode::{1}); a later catalog may add optional fields, so the struct is `#[non_exhaustive]`: build it with [`{name}::new`].",
        arg.name, code.variant
    ));
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub struct #name {
            #(#fields)*
        }

        impl #name {
            /// An item with its required fields; the optional ones are unset.
            #many
            pub fn new(#(#params),*) -> Self {
                #name { #(#inits)* }
            }

            #(#setters)*
        }

        impl Render for #name {
            fn render(&self, out: &mut String) {
                let mut parts: Vec<String> = Vec::new();
                #(#renders)*
                out.push('(');
                out.push_str(&parts.join(", "));
                out.push(')');
            }
        }
    }
}
