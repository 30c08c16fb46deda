//! One member of a struct the `args` module writes, an argument of an error or a field of a
//! list's item, and the four places it appears: the public struct's field, the constructor's
//! parameter and initialiser, and the setter of an optional one.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::doc_attrs;
use errcat_catalog::ident;

/// A member: its wire name, Rust field, type, and whether it is optional or a string (a
/// string is taken as `impl Into<String>`).
pub(super) struct Member {
    pub(super) wire: String,
    pub(super) id: Ident,
    pub(super) ty: TokenStream,
    pub(super) optional: bool,
    pub(super) string: bool,
}

impl Member {
    /// A member named `wire` (its Rust field is the rule's) of Rust type `ty`.
    pub(super) fn new(wire: &str, ty: TokenStream, optional: bool, string: bool) -> Member {
        Member {
            wire: wire.to_owned(),
            id: format_ident!("{}", ident::field_name(wire)),
            ty,
            optional,
            string,
        }
    }

    /// The `pub` field of a public struct, with its serde name and `doc`.
    pub(super) fn public_field(&self, doc: &str) -> TokenStream {
        let (id, ty, wire) = (&self.id, &self.ty, &self.wire);
        let doc = doc_attrs(doc);
        if self.optional {
            quote! {
                #doc
                #[cfg_attr(feature = "serde", serde(rename = #wire, default, skip_serializing_if = "Option::is_none"))]
                pub #id: Option<#ty>,
            }
        } else {
            quote! {
                #doc
                #[cfg_attr(feature = "serde", serde(rename = #wire))]
                pub #id: #ty,
            }
        }
    }

    /// The parameter of `new` (a required member).
    pub(super) fn param(&self) -> TokenStream {
        let (id, ty) = (&self.id, &self.ty);
        if self.string {
            quote!(#id: impl Into<String>)
        } else {
            quote!(#id: #ty)
        }
    }

    /// Its initialiser in `new`: the parameter, or unset.
    pub(super) fn init(&self) -> TokenStream {
        let id = &self.id;
        match (self.optional, self.string) {
            (true, _) => quote!(#id: None,),
            (false, true) => quote!(#id: #id.into(),),
            (false, false) => quote!(#id,),
        }
    }

    /// The `with_…` setter of an optional member; `what` names it in the doc ("argument").
    pub(super) fn setter(&self, what: &str) -> TokenStream {
        let (id, ty) = (&self.id, &self.ty);
        let setter = format_ident!("with_{}", ident::field_name(&self.wire));
        let doc = doc_attrs(&format!("Sets the optional {what} `{}`.", self.wire));
        if self.string {
            quote! {
                #doc
                pub fn #setter(mut self, #id: impl Into<String>) -> Self {
                    self.#id = Some(#id.into());
                    self
                }
            }
        } else {
            quote! {
                #doc
                pub fn #setter(mut self, #id: #ty) -> Self {
                    self.#id = Some(#id);
                    self
                }
            }
        }
    }
}
