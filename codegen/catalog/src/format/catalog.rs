//! The catalog format, version 1: what a file in `catalog/` may say.
//!
//! These types are the single description of the format. `catalog/schema.json` is generated
//! from them (by `errcat-codegen`'s `schema.rs`), so an editor that follows the `$schema` key of a catalog
//! completes and validates it with exactly the rules the loader applies.
//!
//! Text fields marked *markdown* are CommonMark. The emitters neutralise raw HTML and table
//! pipes in them, so text such as `<Dial>` shows verbatim on the reference page and in rustdoc.

#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An API's error catalog: the single source of truth for its generated crate and its
/// reference page.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
#[cfg_attr(feature = "schema", schemars(title = "errcat catalog (format 1)"))]
pub struct Catalog {
    /// The schema this file follows, for editors (`"./schema.json"`). Ignored by errcat.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version of this file. Only `1` exists.
    pub format: u32,
    /// Short machine name of the API: lowercase ASCII letters, digits and `-`, starting with a
    /// letter. Names the generated crate (`<name>-errors`), its folder `generated/<name>/` and the
    /// reference page `generated/docs/<name>.md`.
    pub name: String,
    /// Version of this catalog (semver `MAJOR.MINOR.PATCH`), which the generated crate takes.
    /// Left out, it is `0.1.0`. `cargo xtask gen --check` fails when it is lower than the
    /// changes since the last release (`cargo xtask release NAME`) require.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(pattern(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$"))
    )]
    pub version: Option<String>,
    /// Human title of the API, e.g. `"Dataxid API"`.
    pub title: String,
    /// Introduction shown at the top of the page and of the crate docs (*markdown*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the facts in this catalog were published (a URL or a citation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Template of the documentation URL of each code. `{code}` is replaced by the code as the
    /// wire spells it. Leave it out when the API documents no per-code URL: the generated
    /// `doc_url()` then returns `Option` and says `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,
    /// Where the reference site built by `cargo xtask docs` is published, e.g.
    /// `"https://errors.example.com/"` (an `http(s)` URL ending in `/`): the generated
    /// `reference_url()` returns this plus the code's page and anchor. Overrides
    /// `reference_url` of the workspace's `catalog/errcat.json`; without either,
    /// `reference_url()` is relative to the site's root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_url: Option<String>,
    /// What the `code` of an entry is on the wire. Defaults to `string`.
    #[serde(default)]
    pub code_type: CodeType,
    /// The error body the API returns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope: Option<Envelope>,
    /// Error categories (also called types or classes). Codes refer to them by `id`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Category>,
    /// Named sets of inner codes: codes an error carries in its details (a validation
    /// error's reason, say) rather than as its own code. An argument of type `code` names
    /// one. Each becomes its own enum, which keeps unknown codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub code_sets: Vec<super::CodeSet>,
    /// The error codes, in the order the API documents them. `ErrorCode::ALL` keeps this order.
    pub codes: Vec<Code>,
    /// The API's operations, each with the codes it can return. Each becomes an error enum
    /// in the crate's `operations` module; needs `internal_error`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operations: Vec<super::Operation>,
    /// The code an operation answers with for any failure it does not list (a handler's
    /// unexpected error), with nothing of the cause in the body. Required with `operations`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_error: Option<CodeValue>,
    /// The language of the messages, and their translations in other languages. Left out,
    /// the crate has no `Locale` and `message()` is the only message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locales: Option<super::Locales>,
    /// Further documented prose that belongs to no single code (troubleshooting, best
    /// practices, SDK notes), rendered after the codes on the reference page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// How the generated crate is packaged for crates.io: license, links, keywords and
    /// whether it may be published at all. Left out, the crate is `publish = false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<Package>,
}

/// What an entry's `code` is on the wire.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CodeType {
    /// A string such as `"api_key_missing"`.
    #[default]
    String,
    /// An integer such as `20003`; the catalog writes it as a JSON number.
    Integer,
    /// The wire carries only the HTTP status. Entries are named by another documented
    /// identifier (an exception class, say) and several may share one status.
    HttpStatus,
}

impl Catalog {
    /// Whether the generated crate has the HTTP status API (`http_status`, `from_status`, the
    /// `http` feature): the catalog is an HTTP API's, documenting an HTTP status (a code's, or
    /// the code is the status), an error body or response headers. A registry with none of
    /// these (SQLSTATE codes, a library's or a runtime's errors) is not.
    pub fn has_status_api(&self) -> bool {
        self.code_type == CodeType::HttpStatus
            || self.envelope.is_some()
            || self
                .codes
                .iter()
                .any(|c| c.status.is_some() || !c.headers.is_empty())
    }

    /// The Rust variant names of the codes, in catalog order. Codes that share a plain name
    /// keep their case (see `ident`), so names are given to a catalog's codes together.
    pub fn variant_names(&self) -> Vec<String> {
        let wires: Vec<String> = self.codes.iter().map(|c| c.code.wire()).collect();
        let given: Vec<(&str, Option<&str>)> = wires
            .iter()
            .zip(&self.codes)
            .map(|(wire, c)| (wire.as_str(), c.name.as_deref()))
            .collect();
        crate::ident::variant_names(&given)
    }

    /// Where an error's public arguments travel in its body: the members of the JSON object
    /// at the layout's `details`. `None` when the body has no such object: no layout or no
    /// `details`, an XML body, or `details` that holds a list of field errors (one field
    /// error as an object, `"single": true`, is such an object: its members are arguments).
    pub fn args_place(&self) -> Option<String> {
        let layout = self.envelope.as_ref()?.layout.as_ref()?.resolved();
        let details = layout.details?;
        let shared = layout
            .field_errors
            .is_some_and(|f| f.at == details && !f.single);
        (layout.format == BodyFormat::Json && !shared).then_some(details)
    }
}

/// The API's error response body.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    /// How the API returns errors (*markdown*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The documented fields of the body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<EnvelopeField>,
    /// Documented example bodies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
    /// Where each part of an error sits in the body, for the generated `ApiError` (`json`
    /// feature). Leave it out when the API does not document its body: the crate then has no
    /// `ApiError`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
}

/// The machine-readable shape of the error body. Every place is a JSON pointer (RFC 6901):
/// from the body's root for `errors`, `request_id` and single-error bodies, and from each item
/// of the `errors` array for list bodies (for an XML body, a path of element names written the
/// same way, see `format`). The code may also travel in a response header (`code_header`). A
/// part that is left out is one the API does not document: it is neither read nor written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// A built-in envelope. `problem+json` is RFC 9457 `application/problem+json`: `type` is the
    /// doc URL, `title` the catalog message, `status`, `detail` the message of this occurrence,
    /// `instance` the request id, and the code in a `code` member. Parts given next to it
    /// replace the preset's. `google-rpc` is AIP-193's `google.rpc.Status` (see `domain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<LayoutPreset>,
    /// With `google-rpc`: the `ErrorInfo.domain` of every error, e.g. `shop.example.com`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// With `google-rpc`: the gRPC status name of a code where its HTTP status has several
    /// (400, 409 and 500), e.g. `{"ORDER_EXISTS": "ALREADY_EXISTS"}`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub grpc_status: std::collections::BTreeMap<String, String>,
    /// For bodies that carry a list of errors: the array holding them, e.g. `/data`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<String>,
    /// The format of the body: `json` (the default) or `xml`. With `xml`, every place of this
    /// layout is a path of element names from the document's root element, written as a
    /// pointer: `/Error/Code` is the text of `<Code>` in `<Error>`, as S3 sends it, and
    /// `/ErrorResponse/Error/Code` as the AWS query protocol sends it. All places start at the
    /// same root element. The generated crate reads such bodies with its `xml` feature.
    #[serde(default, skip_serializing_if = "BodyFormat::is_json")]
    pub format: BodyFormat,
    /// The code: one pointer, or a list of pointers tried in order where the API spells the
    /// member in several ways (`["/code", "/__type"]`): the first one present wins, and the
    /// first one is where the code is written. With `code_type: http-status` this member holds
    /// the HTTP status. Left out when the body does not carry the code: errors are then told
    /// apart by `code_header`, or else by their status (see `status_only`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<Pointers>,
    /// The response header that carries the code, e.g. `x-amzn-ErrorType`. Where a response
    /// has it, it wins over the body's `code`; it is written with every error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_header: Option<String>,
    /// How to cut the code out of the text that carries it, read from the body or from
    /// `code_header` alike (never applied when writing, which writes the code alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_clean: Option<CodeClean>,
    /// The response header that carries the message of this occurrence, e.g.
    /// `x-amz-error-message`. Read where the body has no message; written with every error
    /// that has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_header: Option<String>,
    /// The HTTP status, when the body repeats it apart from the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The human message of this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Written with the code's catalog message; not read (RFC 9457 `title`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The documentation URL of the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,
    /// The category (type, class) of the code, as its catalog `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The request parameter the error is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// Further details, kept as JSON. `""` (the error itself) makes them the error's own
    /// members, as RFC 9457 extension members are: written beside the other parts (never over
    /// one), and read as every member no other part names. The `problem+json` preset has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// Per-field errors inside the details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_errors: Option<FieldErrorsLayout>,
    /// The identifier of this error occurrence (JSON:API `id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The request id, from the body's root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// The response header that carries the request id, e.g. `X-Request-ID`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id_header: Option<String>,
    /// Members every error carries with a fixed string value, e.g. `{"/type": "api_error"}`.
    /// Written as given; not checked when reading.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub constants: std::collections::BTreeMap<String, String>,
    /// Set to say that the response carries no code (neither `code` nor `code_header`) and
    /// that a status documented for several codes reads as all of them (`classes()`). Without
    /// it, such a layout is refused: it cannot tell those codes apart.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub status_only: bool,
}

/// The format of an error body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BodyFormat {
    /// A JSON document; places are JSON pointers (RFC 6901).
    #[default]
    Json,
    /// An XML document; places are paths of element names from the root element.
    Xml,
}

impl BodyFormat {
    /// Whether this is the default, JSON.
    pub fn is_json(&self) -> bool {
        *self == BodyFormat::Json
    }
}

/// One pointer, or several tried in order (the first present wins).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(untagged)]
pub enum Pointers {
    /// One pointer.
    One(String),
    /// Pointers tried in order; the first one is where the part is written.
    Many(Vec<String>),
}

impl Pointers {
    /// Every pointer, in the order they are tried.
    pub fn all(&self) -> &[String] {
        match self {
            Pointers::One(p) => std::slice::from_ref(p),
            Pointers::Many(list) => list,
        }
    }

    /// The first pointer: where the part is written.
    pub fn first(&self) -> Option<&str> {
        self.all().first().map(String::as_str)
    }
}

impl From<&str> for Pointers {
    fn from(p: &str) -> Self {
        Pointers::One(p.to_owned())
    }
}

/// How a code is cut out of the text that carries it. AWS protocols send
/// `com.amazonaws.dynamodb.v20120810#ResourceNotFoundException` in a body's `__type` and
/// `ValidationException:http://internal.amazon.com/...` in `x-amzn-ErrorType`: with
/// `{"after_last": "#", "before_first": ":"}` both read as the bare exception name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CodeClean {
    /// Keep only the text after the last occurrence of this (when it occurs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_last: Option<String>,
    /// Then keep only the text before the first occurrence of this (when it occurs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before_first: Option<String>,
}

impl CodeClean {
    /// `text` cleaned, then trimmed (as the generated crates read it).
    pub fn apply<'a>(&self, text: &'a str) -> &'a str {
        let mut out = text;
        if let Some(sep) = self.after_last.as_deref().filter(|s| !s.is_empty())
            && let Some(i) = out.rfind(sep)
        {
            out = &out[i + sep.len()..];
        }
        if let Some(sep) = self.before_first.as_deref().filter(|s| !s.is_empty())
            && let Some(i) = out.find(sep)
        {
            out = &out[..i];
        }
        out.trim()
    }
}

/// A built-in error envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub enum LayoutPreset {
    /// RFC 9457 problem details, `application/problem+json`.
    #[serde(rename = "problem+json")]
    ProblemJson,
    /// AIP-193: `google.rpc.Status` with `ErrorInfo`, `LocalizedMessage`, `Help`, `RetryInfo`.
    #[serde(rename = "google-rpc")]
    GoogleRpc,
}

/// Where per-field errors sit: `at` points (from the error) to an array of objects, or to one
/// object; `field`, `message` and `code` point inside each of them. Items without the `field`
/// member are not field errors and are skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FieldErrorsLayout {
    /// The array, or single object, of field errors.
    pub at: String,
    /// Set when `at` holds one object with the field error's members, rather than a list of
    /// them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub single: bool,
    /// The field name inside each item.
    pub field: String,
    /// The message inside each item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// An inner code inside each item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

impl Layout {
    /// This layout with its preset's parts filled in where it leaves them out.
    pub fn resolved(&self) -> Layout {
        let mut out = self.clone();
        if self.preset == Some(LayoutPreset::ProblemJson) {
            let fill = |slot: &mut Option<String>, p: &str| {
                if slot.is_none() {
                    *slot = Some(p.to_owned());
                }
            };
            if out.code.is_none() {
                out.code = Some(Pointers::from("/code"));
            }
            fill(&mut out.status, "/status");
            fill(&mut out.message, "/detail");
            fill(&mut out.title, "/title");
            fill(&mut out.doc_url, "/type");
            fill(&mut out.request_id, "/instance");
            // RFC 9457: what else an occurrence carries is extension members.
            fill(&mut out.details, "");
        }
        if self.preset == Some(LayoutPreset::GoogleRpc) {
            // The flat view of `google.rpc.Status` (`format::google_rpc`): every part the preset's.
            out.code = Some(Pointers::from("/error/reason"));
            out.status = Some("/error/code".to_owned());
            out.message = Some("/error/message".to_owned());
            out.doc_url = Some("/error/help".to_owned());
            out.details = Some("/error/metadata".to_owned());
            if let Some(domain) = &self.domain {
                out.constants
                    .insert("/error/domain".to_owned(), domain.clone());
            }
        }
        out
    }

    /// With `details: ""`: the members of an error that other parts (or constants) name, by
    /// the first step of their pointers. Every other member is a detail.
    pub fn placed_members(&self) -> Vec<String> {
        let layout = self.resolved();
        let mut out: Vec<String> = layout
            .pointers()
            .into_iter()
            .filter(|(name, p)| {
                // The list and the request id beside it are outside the error; the field
                // errors and the details themselves are details.
                let outside = name == "errors" || (name == "request_id" && layout.errors.is_some());
                !(p.is_empty() || outside || name.starts_with("field_errors"))
            })
            .map(|(_, p)| p.to_owned())
            .chain(layout.constants.keys().cloned())
            .filter_map(|p| {
                let first = p.strip_prefix('/')?.split('/').next()?;
                Some(crate::json_pointer::unescape(first))
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Whether the response tells which code it is: the body or a header carries it.
    pub fn reads_code(&self) -> bool {
        self.code.is_some() || self.code_header.is_some()
    }

    /// The first pointer of `code`: where the code is written.
    pub fn code_pointer(&self) -> Option<&str> {
        self.code.as_ref().and_then(Pointers::first)
    }

    /// Every pointer of the layout with its JSON path in the catalog, for validation. The
    /// pointers of a list of `code` pointers are named `code/0`, `code/1`, ….
    pub fn pointers(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        let named = [
            ("errors", &self.errors),
            ("status", &self.status),
            ("message", &self.message),
            ("title", &self.title),
            ("doc_url", &self.doc_url),
            ("category", &self.category),
            ("param", &self.param),
            ("details", &self.details),
            ("id", &self.id),
            ("request_id", &self.request_id),
        ];
        match &self.code {
            Some(Pointers::One(p)) => out.push(("code".to_owned(), p.as_str())),
            Some(Pointers::Many(list)) => {
                out.extend(
                    list.iter()
                        .enumerate()
                        .map(|(i, p)| (format!("code/{i}"), p.as_str())),
                );
            }
            None => {}
        }
        for (name, p) in named {
            if let Some(p) = p {
                out.push((name.to_owned(), p.as_str()));
            }
        }
        if let Some(f) = &self.field_errors {
            out.push(("field_errors/at".to_owned(), f.at.as_str()));
            out.push(("field_errors/field".to_owned(), f.field.as_str()));
            if let Some(m) = &f.message {
                out.push(("field_errors/message".to_owned(), m.as_str()));
            }
            if let Some(c) = &f.code {
                out.push(("field_errors/code".to_owned(), c.as_str()));
            }
        }
        out
    }
}

/// One documented field of the error body.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EnvelopeField {
    /// Field name or path as documented, e.g. `error.code`.
    pub name: String,
    /// Documented JSON type, e.g. `string`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub ty: Option<String>,
    /// What the field holds (*markdown*).
    pub description: String,
}

/// An error category.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Identifier as the API spells it, e.g. `authentication_error`.
    pub id: String,
    /// Display title when the API gives one, e.g. `Client Errors (4xx)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What errors of this category mean (*markdown*), where documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The SDK exception class raised for this category, where documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdk_class: Option<String>,
}

/// A code as written in the catalog: a string, or an integer for `code_type: integer`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(untagged)]
pub enum CodeValue {
    /// An integer code.
    Integer(i64),
    /// A string code.
    String(String),
}

impl<'de> Deserialize<'de> for CodeValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = CodeValue;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a code: a string, or an integer that fits in 64 bits")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<CodeValue, E> {
                Ok(CodeValue::String(v.to_owned()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<CodeValue, E> {
                Ok(CodeValue::Integer(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<CodeValue, E> {
                i64::try_from(v)
                    .map(CodeValue::Integer)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl CodeValue {
    /// The code as the wire spells it.
    pub fn wire(&self) -> String {
        match self {
            CodeValue::Integer(n) => n.to_string(),
            CodeValue::String(s) => s.clone(),
        }
    }
}

/// One error code.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Code {
    /// The code exactly as the API sends it.
    pub code: CodeValue,
    /// Rust variant name, when the one derived from the code is not wanted (for example for a
    /// code that is only a number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Heading the API documents this code under, when it differs from the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The documented HTTP status. Leave it out when the API does not document one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The `id` of this code's category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Short human message (one line of inline markdown). For a code with `args`, a template:
    /// `{$name}` places an argument, `\{` and `\}` are braces.
    pub message: String,
    /// What each error of this code carries: typed arguments, in the order a server gives
    /// them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<super::Arg>,
    /// Longer explanation (*markdown*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When the API returns this code (*markdown*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Documented causes, one per item (*markdown*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub causes: Vec<String>,
    /// How to fix it, one step per item (*markdown*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<String>,
    /// A one-line recommended action, where the API gives one apart from the steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Distinct documented situations that return this same code, each with its own text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Case>,
    /// Documented example responses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
    /// Documented response headers (rate limits, `Retry-After`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<Header>,
    /// Whether retrying the same request can succeed, where the API says so. Left out means
    /// the API does not say; `is_retryable()` is then `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retryable: Option<bool>,
    /// The SDK exception class raised for this code, where documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdk_class: Option<String>,
    /// This code's documentation URL, when the API documents one that the catalog's
    /// `doc_url` template does not produce.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,
    /// Set when the code is deprecated; the generated variant is `#[deprecated]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<Deprecation>,
    /// Set when the API no longer sends this code. The variant stays (`#[deprecated]`) and
    /// still parses, so clients that name it keep compiling; the page shows it as retired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<Retirement>,
    /// The explicit statement that this wire code, retired or removed in an earlier release,
    /// now has another meaning (what this entry says). Required for such a code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reused: Option<Reuse>,
    /// Other spellings the API accepts or used to send; parsing accepts them too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Further documented remarks (*markdown*), one paragraph per item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One of several documented situations behind the same code.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Short label, e.g. `Invalid Value`.
    pub title: String,
    /// The situation and what to do (*markdown*).
    pub description: String,
}

/// A documented example response.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// Short label, e.g. `Expired API Key`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Text that introduces the example, shown before the body (*markdown*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    /// What the example shows, shown after the body (*markdown*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// HTTP status of the response, where documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The response body, as documented.
    pub body: serde_json::Value,
}

/// A documented response header.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// Header name, e.g. `Retry-After`.
    pub name: String,
    /// Documented example value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    /// What the header means, where documented (*markdown*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Deprecation of a code.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Deprecation {
    /// Why, and what to use instead (plain text).
    pub note: String,
}

/// Retirement of a code: the API stopped sending it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Retirement {
    /// The catalog version that retires it (`MAJOR.MINOR.PATCH`).
    #[cfg_attr(
        feature = "schema",
        schemars(pattern(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$"))
    )]
    pub since: String,
    /// Why, and what to expect instead (plain text).
    pub note: String,
}

/// A wire code given a new meaning after it was retired or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reuse {
    /// The catalog version that gives the code its new meaning (`MAJOR.MINOR.PATCH`).
    #[cfg_attr(
        feature = "schema",
        schemars(pattern(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$"))
    )]
    pub since: String,
    /// What it meant before and what changed (plain text).
    pub note: String,
}

/// A titled block of documented prose.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Section heading.
    pub title: String,
    /// Section body (*markdown*; tables and code blocks allowed).
    pub body: String,
}

/// Package metadata of the generated crate (its `Cargo.toml`), for publishing it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct Package {
    /// Whether the crate may be published (`cargo publish`); `false` writes `publish =
    /// false`. Publishing needs `license`.
    #[serde(default)]
    pub publish: bool,
    /// The generated crate's license, an SPDX expression such as `MIT OR Apache-2.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// The crate's one-line description on crates.io; default: "TITLE: error codes as Rust
    /// types, generated by errcat from its error catalog" (which reads the same whatever the
    /// title is: an API's, a database's, a library's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the catalog's repository is (`https://…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    /// The crate's home page (`https://…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    /// Up to five crates.io keywords: ASCII letters, digits, `-`, `_` and `+`, starting with
    /// a letter or digit, at most 20 characters each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Up to five crates.io category slugs, such as `api-bindings` or
    /// `web-programming::http-client`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
}
