//! `src/args.rs` of a crate whose catalog gives codes `args`: for each such code, the public
//! arguments as a struct both sides share, the error as a server raises it (a constructor that
//! takes every required argument, setters for the optional ones, the rendered message, a
//! `Debug` that redacts secrets, logs that never see them), its conversion into `ApiError`,
//! and `ApiError::args` to read the arguments back on the client.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::{doc_attrs, inner_doc_attrs};
use errcat_catalog::format::args::{Piece, template};
use errcat_catalog::format::{Arg, ArgType, CodeSet, Visibility};
use errcat_catalog::ident;
use errcat_catalog::model::{CodeModel, Model};
use errcat_catalog::text;

mod items;
mod localized;
mod member;

use member::Member;

/// Whether `model`'s crate has an `args` module.
pub(super) fn has_args(model: &Model) -> bool {
    !model.catalog.code_sets.is_empty() || model.codes.iter().any(|c| !c.entry().args.is_empty())
}

/// The tokens of `src/args.rs`, or `None` when no code has arguments.
pub(super) fn args_tokens(model: &Model) -> Option<TokenStream> {
    if !has_args(model) {
        return None;
    }
    let place = model.catalog.args_place();
    let codes = model
        .codes
        .iter()
        .filter(|c| !c.entry().args.is_empty())
        .map(|c| code_items(model, c, place.is_some()));
    let read_back = place.is_some().then(|| read_back(model.by_status()));
    let sets = (0..model.catalog.code_sets.len()).map(|i| code_set(model, i));
    let doc = inner_doc_attrs(&format!(
        "The arguments each error of a code carries, as the catalog declares them.\n\n\
         For a code `X` with arguments: `XArgs` holds its public arguments (what the client reads \
         back{}), and `X` is the error as a server raises it: `X::new` takes every required \
         argument, `with_…` sets an optional one, `message()` renders the catalog's template, \
         `log_fields()` gives the public and internal arguments to logs, and `Debug` shows a \
         secret argument as `<redacted>`. With the `json` feature, `X` converts into \
         `ApiError`{}.",
        if read_back.is_some() {
            " with `ApiError::args`"
        } else {
            ""
        },
        match &place {
            Some(_) if model.google_rpc() => {
                ": code, status, the rendered message, and the public arguments as \
                 `ErrorInfo.metadata` of `google.rpc.Status` (lowerCamel keys, string values)"
                    .to_owned()
            }
            Some(p) => format!(
                ": code, status, the rendered message, and the public arguments as the members of \
                 the `details` object (`{p}`)"
            ),
            None => ": code, status and the rendered message (the body has no `details` object)"
                .to_owned(),
        }
    ));
    Some(quote! {
        #doc

        mod base;
        pub use base::{Args, ArgsError};
        use base::Render;


        #read_back

        #(#sets)*

        #(#codes)*
    })
}

/// `ApiError::args` and its error. Where errors are told apart by status (`by_status`), the
/// error's status must be one its code is documented with.
fn read_back(by_status: bool) -> TokenStream {
    let check = if by_status {
        quote! {
            if !self.classes().contains(&A::CODE) {
                return Err(ArgsError::OtherCode {
                    expected: A::CODE,
                    found: self.status().map(|s| s.to_string()).unwrap_or_default(),
                });
            }
        }
    } else {
        quote! {
            if self.code().known() != Some(A::CODE) {
                return Err(ArgsError::OtherCode {
                    expected: A::CODE,
                    found: self.code().as_str().to_owned(),
                });
            }
        }
    };
    quote! {
        #[cfg(feature = "json")]
        impl crate::ApiError {
            /// The public arguments of this error, read from its details as `A` (for example
            /// `ApiError::args::<args::XArgs>()`): an error of another code, one without
            /// details, or details that do not hold `A` is an [`ArgsError`].
            pub fn args<A: Args + serde::de::DeserializeOwned>(&self) -> Result<A, ArgsError> {
                #check
                let details = self.details().ok_or(ArgsError::NoDetails)?;
                serde_json::from_value(details.clone()).map_err(|e| ArgsError::Mismatch(e.to_string()))
            }
        }
    }
}

/// The Rust type of an argument, for a field (`owner` names its enum, if it is one).
fn rust_type(code: &CodeModel, arg: &Arg) -> TokenStream {
    let scalar = |ty: ArgType| match ty {
        ArgType::String => quote!(String),
        ArgType::Integer => quote!(i64),
        ArgType::Number => quote!(f64),
        ArgType::Bool => quote!(bool),
        ArgType::List | ArgType::Enum | ArgType::Code | ArgType::Object => {
            unreachable!("checked: list items are scalars or objects, fields scalars")
        }
    };
    match arg.ty {
        ArgType::List if arg.items == Some(ArgType::Object) => {
            let item = format_ident!("{}", ident::arg_item_type(&code.variant, &arg.name));
            quote!(Vec<#item>)
        }
        ArgType::List => {
            let item = scalar(arg.items.expect("checked: a list has items"));
            quote!(Vec<#item>)
        }
        ArgType::Enum => {
            let name = format_ident!("{}", enum_name(code, arg));
            quote!(#name)
        }
        ArgType::Code => {
            let set = arg
                .set
                .as_deref()
                .expect("checked: a code argument names its set");
            let name = format_ident!("{}", ident::code_set_type(set));
            quote!(#name)
        }
        ty => scalar(ty),
    }
}

/// The name of the enum of an `enum` argument (the rule the checks also apply).
fn enum_name(code: &CodeModel, arg: &Arg) -> String {
    ident::arg_enum_type(&code.variant, &arg.name)
}

/// The field of an argument.
fn field(arg: &Arg) -> proc_macro2::Ident {
    format_ident!("{}", ident::field_name(&arg.name))
}

/// The doc comment of an argument's field.
fn arg_doc(arg: &Arg) -> String {
    let mut doc = match &arg.description {
        Some(d) => text::rustdoc(d),
        None => format!("`{}`.", arg.name),
    };
    if let Some(example) = &arg.example {
        doc.push_str(&format!("\n\nExample: `{example}`."));
    }
    doc
}

/// Everything one code with arguments has in the module.
fn code_items(model: &Model, code: &CodeModel, has_place: bool) -> TokenStream {
    let entry = code.entry();
    let variant = format_ident!("{}", code.variant);
    let server = variant.clone();
    let public_name = format_ident!("{}", ident::args_type(&code.variant));
    let enums = entry
        .args
        .iter()
        .filter(|a| a.ty == ArgType::Enum)
        .map(|a| arg_enum(code, a));
    let items = entry
        .args
        .iter()
        .filter(|a| a.items == Some(ArgType::Object))
        .map(|a| items::item_struct(code, a));

    let public: Vec<&Arg> = entry
        .args
        .iter()
        .filter(|a| a.visibility == Visibility::Public)
        .collect();
    let member = |a: &Arg| {
        Member::new(
            &a.name,
            rust_type(code, a),
            a.optional,
            a.ty == ArgType::String,
        )
    };
    let public_fields = public.iter().map(|a| member(a).public_field(&arg_doc(a)));
    let public_doc = doc_attrs(&format!(
        "The public arguments of [`ErrorCode::{0}`](crate::ErrorCode::{0}): what its error body carries, read back on the \
         client. The server builds them with [`{0}`]; a later catalog may add optional \
         arguments, so the struct is `#[non_exhaustive]`.",
        code.variant
    ));

    let all_fields = entry.args.iter().map(|a| {
        let f = field(a);
        let ty = rust_type(code, a);
        if a.optional {
            quote!(#f: Option<#ty>,)
        } else {
            quote!(#f: #ty,)
        }
    });
    let required: Vec<&Arg> = entry.args.iter().filter(|a| !a.optional).collect();
    let params = required.iter().map(|a| member(a).param());
    let inits = entry.args.iter().map(|a| member(a).init());
    let setters = entry
        .args
        .iter()
        .filter(|a| a.optional)
        .map(|a| member(a).setter("argument"));
    let public_inits = public.iter().map(|a| {
        let f = field(a);
        if matches!(a.ty, ArgType::String | ArgType::List | ArgType::Code) {
            quote!(#f: self.#f.clone(),)
        } else {
            quote!(#f: self.#f,)
        }
    });
    let message = render(code, &entry.message);
    let localized = localized::localized(model, code);
    let public_localized = localized::public_localized(model, code, &public_name);
    let logged: Vec<&Arg> = entry
        .args
        .iter()
        .filter(|a| a.visibility != Visibility::Secret)
        .collect();
    let always = logged.iter().filter(|a| !a.optional).map(|a| {
        let f = field(a);
        let name = &a.name;
        quote!((#name, self.#f.rendered()))
    });
    let when_set: Vec<TokenStream> = logged
        .iter()
        .filter(|a| a.optional)
        .map(|a| {
            let f = field(a);
            let name = &a.name;
            quote! {
                if let Some(value) = &self.#f {
                    out.push((#name, value.rendered()));
                }
            }
        })
        .collect();
    let log_body = if when_set.is_empty() {
        quote!(vec![#(#always),*])
    } else {
        quote! {
            let mut out = vec![#(#always),*];
            #(#when_set)*
            out
        }
    };
    let debug_fields = entry.args.iter().map(|a| {
        let f = field(a);
        let name = &a.name;
        if a.visibility == Visibility::Secret {
            quote!(.field(#name, &format_args!("<redacted>")))
        } else {
            quote!(.field(#name, &self.#f))
        }
    });
    let debug_name = code.variant.clone();
    let server_doc = doc_attrs(&format!(
        "An error of [`ErrorCode::{0}`](crate::ErrorCode::{0}) as a server raises it, with every argument: \
         [`{0}::new`] takes the required ones, so leaving one out does not compile.",
        code.variant
    ));
    let api = quote!(crate::ApiError::new(#server::CODE).with_message(error.message()));
    let api = if has_place {
        quote! {
            let details = serde_json::to_value(error.args())
                .expect("arguments of plain types serialize to JSON; failing is a bug in errcat");
            #api.with_details(details)
        }
    } else {
        api
    };
    // A server error at or above 500 is the server's fault: an ERROR event; else a WARN.
    let level = if entry.status.is_some_and(|s| s >= 500) {
        quote!(ERROR)
    } else {
        quote!(WARN)
    };
    let trace_fields = logged.iter().map(|a| {
        let f = field(a);
        let value = match (a.ty, a.optional) {
            (ArgType::String, false) => quote!(self.#f.as_str()),
            (ArgType::String, true) => quote!(self.#f.as_deref()),
            (ArgType::Integer | ArgType::Number | ArgType::Bool, _) => quote!(self.#f),
            (ArgType::Enum | ArgType::Code | ArgType::List | ArgType::Object, false) => {
                quote!(self.#f.rendered())
            }
            (ArgType::Enum | ArgType::Code | ArgType::List | ArgType::Object, true) => {
                quote!(self.#f.as_ref().map(Render::rendered))
            }
        };
        // Under `arg.`, so that an argument named `code` or `message` (DatoCMS's inner `code`)
        // is not taken for the event's own.
        quote!(arg.#f = #value,)
    });
    let trace_doc = doc_attrs(&format!(
        "Logs this error with `tracing` (the `tracing` feature): {} event with the code, the \
         rendered message, and each public and internal argument that is set as a field \
         `arg.<name>`; a secret one never.",
        if entry.status.is_some_and(|s| s >= 500) {
            "an `ERROR`"
        } else {
            "a `WARN`"
        }
    ));
    let trace = quote! {
        #trace_doc
        #[cfg(feature = "tracing")]
        pub fn trace(&self) {
            tracing::event!(
                tracing::Level::#level,
                code = Self::CODE.as_str(),
                #(#trace_fields)*
                "{}",
                self.message()
            );
        }
    };
    // With nothing required, `new()` is the default.
    let default = required.is_empty().then(|| {
        quote! {
            impl Default for #server {
                fn default() -> Self {
                    Self::new()
                }
            }
        }
    });
    // Clippy's limit is seven parameters; past it, a constructor mirrors its catalog entry.
    let many = (required.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));

    quote! {
        #(#enums)*

        #(#items)*

        #public_doc
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub struct #public_name {
            #(#public_fields)*
        }

        impl Args for #public_name {
            const CODE: crate::ErrorCode = crate::ErrorCode::#variant;
        }

        #public_localized

        #server_doc
        #[derive(Clone, PartialEq)]
        pub struct #server {
            #(#all_fields)*
        }

        impl #server {
            /// The code of this error.
            pub const CODE: crate::ErrorCode = crate::ErrorCode::#variant;

            /// An error with its required arguments; the optional ones are unset.
            #many
            pub fn new(#(#params),*) -> Self {
                #server { #(#inits)* }
            }

            #(#setters)*

            /// The message, rendered from the catalog's template with this error's arguments.
            pub fn message(&self) -> String {
                #message
            }

            #localized

            /// The public arguments, as the body carries them and the client reads them back.
            pub fn args(&self) -> #public_name {
                #public_name { #(#public_inits)* }
            }

            /// The arguments a log may show, by name: the public and internal ones that are set,
            /// never a secret one.
            pub fn log_fields(&self) -> Vec<(&'static str, String)> {
                #log_body
            }

            #trace
        }

        #default

        impl core::fmt::Debug for #server {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_struct(#debug_name)
                    #(#debug_fields)*
                    .finish()
            }
        }

        impl core::fmt::Display for #server {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, "{}: {}", Self::CODE.as_str(), self.message())
            }
        }

        impl std::error::Error for #server {}

        #[cfg(feature = "json")]
        impl From<#server> for crate::ApiError {
            fn from(error: #server) -> Self {
                #api
            }
        }
    }
}

/// The body of `message()` for `template` (the catalog's message or a translation of it):
/// the template's text as plain text, each placeholder its value.
fn render(code: &CodeModel, template_text: &str) -> TokenStream {
    let entry = code.entry();
    let pieces = template(template_text).expect("checked: the template reads");
    // Placeholders become private-use characters, so the markdown around them is read once.
    let mut joined = String::new();
    let mut names = Vec::new();
    for piece in &pieces {
        match piece {
            Piece::Text(t) => joined.push_str(t),
            Piece::Arg(name) => {
                joined.push(char::from_u32(0xE000 + names.len() as u32).expect("few placeholders"));
                names.push(name.clone());
            }
        }
    }
    let plain = text::inline_plain(&joined);
    let mut steps = Vec::new();
    let mut literal = String::new();
    let push = |literal: String| {
        let mut chars = literal.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => quote!(out.push(#c);),
            _ => quote!(out.push_str(#literal);),
        }
    };
    for c in plain.chars() {
        let slot = (c as u32).checked_sub(0xE000).map(|k| k as usize);
        match slot.and_then(|k| names.get(k)) {
            Some(name) => {
                if !literal.is_empty() {
                    steps.push(push(std::mem::take(&mut literal)));
                }
                let arg = entry
                    .args
                    .iter()
                    .find(|a| &a.name == name)
                    .expect("checked: a placeholder names an argument");
                let f = field(arg);
                steps.push(quote!(self.#f.render(&mut out);));
            }
            None => literal.push(c),
        }
    }
    if !literal.is_empty() {
        steps.push(push(literal));
    }
    quote! {
        let mut out = String::new();
        #(#steps)*
        out
    }
}

/// The enum of an `enum` argument: one variant per value, its wire spelling kept.
fn arg_enum(code: &CodeModel, arg: &Arg) -> TokenStream {
    let name = format_ident!("{}", enum_name(code, arg));
    let variants: Vec<_> = arg
        .values
        .iter()
        .map(|v| format_ident!("{}", ident::variant_name(v)))
        .collect();
    let values = &arg.values;
    let doc = doc_attrs(&format!(
        "The values of argument `{}` of [`ErrorCode::{1}`](crate::ErrorCode::{1}).",
        arg.name, code.variant
    ));
    let docs = values.iter().map(|v| doc_attrs(&format!("`{v}`")));
    quote! {
        #doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub enum #name {
            #(
                #docs
                #[cfg_attr(feature = "serde", serde(rename = #values))]
                #variants,
            )*
        }

        impl #name {
            /// The value as sent.
            pub const fn as_str(self) -> &'static str {
                match self {
                    #(#name::#variants => #values,)*
                }
            }
        }

        impl Render for #name {
            fn render(&self, out: &mut String) {
                out.push_str(self.as_str());
            }
        }
    }
}

/// The enum of an inner code set: one variant per listed code, and `Unknown` for any other,
/// kept as sent.
fn code_set(model: &Model, index: usize) -> TokenStream {
    let set: &CodeSet = &model.catalog.code_sets[index];
    let name = format_ident!("{}", ident::code_set_type(&set.name));
    let mut doc = format!("Inner codes `{}`: {}.", set.name, text::plain(&set.title));
    if let Some(d) = &set.description {
        doc.push_str(&format!("\n\n{}", text::rustdoc(d)));
    }
    doc.push_str("\n\nA code the set does not list is [`Unknown`](Self::Unknown), kept as sent.");
    let doc = doc_attrs(&doc);
    let variants: Vec<_> = set
        .codes
        .iter()
        .map(|c| format_ident!("{}", ident::variant_name(&c.code)))
        .collect();
    let wires: Vec<&str> = set.codes.iter().map(|c| c.code.as_str()).collect();
    let messages: Vec<String> = set
        .codes
        .iter()
        .map(|c| text::inline_plain(&c.message))
        .collect();
    let docs = set.codes.iter().map(|c| {
        let mut d = format!("`{}`: {}", c.code, text::rustdoc(&c.message));
        if let Some(more) = &c.description {
            d.push_str(&format!("\n\n{}", text::rustdoc(more)));
        }
        doc_attrs(&d)
    });
    let localized = model.source_locale().is_some().then(|| {
        let arms = set.codes.iter().enumerate().flat_map(|(c, code)| {
            let variant = format_ident!("{}", ident::variant_name(&code.code));
            let name = name.clone();
            (0..model.locales.len()).filter_map(move |l| {
                let (message, used) = model.inner_message_in(index, c, l);
                used?;
                let plain = text::inline_plain(message);
                let locale = format_ident!("{}", model.locales[l].variant);
                Some(quote!((crate::Locale::#locale, #name::#variant) => Some(#plain),))
            })
        });
        quote! {
            /// The set's message for this code in `locale`: its translation, its fallback's,
            /// or the catalog's own; `None` for an unknown code.
            pub fn message_in(&self, locale: crate::Locale) -> Option<&'static str> {
                #[allow(clippy::match_single_binding)]
                match (locale, self) {
                    #(#arms)*
                    _ => self.message(),
                }
            }
        }
    });
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(
                #docs
                #variants,
            )*
            /// A code the set does not list, as sent.
            Unknown(String),
        }

        impl #name {
            /// The code for `code` as sent: a listed one, or [`Unknown`](Self::Unknown).
            pub fn parse(code: &str) -> Self {
                match code {
                    #(#wires => #name::#variants,)*
                    other => #name::Unknown(other.to_owned()),
                }
            }

            /// The code as sent.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#name::#variants => #wires,)*
                    #name::Unknown(code) => code,
                }
            }

            /// The set's message for this code, as plain text; `None` for an unknown one.
            pub fn message(&self) -> Option<&'static str> {
                match self {
                    #(#name::#variants => Some(#messages),)*
                    #name::Unknown(_) => None,
                }
            }

            #localized
        }

        impl core::fmt::Display for #name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Written as the code's string.
        #[cfg(feature = "serde")]
        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        /// Read from a string; a code the set does not list is kept.
        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = <String as serde::Deserialize>::deserialize(deserializer)?;
                Ok(#name::parse(&code))
            }
        }

        impl Render for #name {
            fn render(&self, out: &mut String) {
                out.push_str(self.as_str());
            }
        }
    }
}
