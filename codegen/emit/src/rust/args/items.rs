//! The struct of each item of a list-of-objects argument (`"items": "object"`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::Member;
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
    let member = |f: &Field| Member::new(&f.name, ty(f), f.optional, f.ty == ArgType::String);
    let fields = arg.fields.iter().map(|f| {
        let doc = f
            .description
            .as_deref()
            .map_or_else(|| format!("`{}`.", f.name), text::rustdoc);
        member(f).public_field(&doc)
    });
    let required: Vec<&Field> = arg.fields.iter().filter(|f| !f.optional).collect();
    let params = required.iter().map(|f| member(f).param());
    let inits = arg.fields.iter().map(|f| member(f).init());
    let setters = arg
        .fields
        .iter()
        .filter(|f| f.optional)
        .map(|f| member(f).setter("field"));
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
