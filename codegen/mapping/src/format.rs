//! What a mapping file may say: serde and schemars types, no logic. The mapping section of
//! `catalog/schema.json` is made from these types, so their order and doc comments are the
//! schema's.

use std::collections::BTreeMap;

#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use errcat_catalog::format::{
    Case, Category, CodeType, Deprecation, Envelope, Example, Header, Note, Package, Retirement,
    Reuse,
};

/// A mapping file: a vendor's error file read as a catalog.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "schema",
    schemars(title = "errcat vendor mapping (format 1)")
)]
pub struct Mapping {
    /// The schema this file follows, for editors. Ignored by errcat.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Mapping format version. Only `1` exists.
    pub mapping: u32,
    /// The vendor file, relative to this mapping file (e.g. `vendor/twilio-error-codes.json`).
    /// A `*` in its last part reads every file it matches, in name order, as one catalog
    /// (`vendor/aws/*.normal.json`); each entry knows its file (`$file` in an expression).
    pub vendor_file: String,
    /// The address relative links in the vendor's HTML text (`markup: html`) are relative to,
    /// e.g. `https://docs.aws.amazon.com/AmazonS3/latest/API/`: `<a href="ErrorResponses.html">`
    /// becomes a link to `https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html`.
    /// Without it, a relative link in HTML text is an error at its entry. Absolute links are
    /// kept as they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(url))]
    pub links_base: Option<String>,
    /// Set when the vendor file is line-oriented text rather than JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Lines>,
    /// Where the entries are in the vendor file.
    #[serde(default)]
    pub entries: Entries,
    /// Declare a category for every distinct value of `fields.category` that `catalog` does not
    /// declare already.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derive_categories: Option<DerivedCategories>,
    /// Catalog-level facts, as in a native catalog (everything but `codes`).
    pub catalog: CatalogHead,
    /// Where each field of a code comes from.
    pub fields: Fields,
    /// Per-code additions and overrides, keyed by the code as the wire spells it. Scalars
    /// replace the vendor's value; lists are appended to it. A code the vendor file does not
    /// have is an error, so a code removed upstream is noticed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overlay: BTreeMap<String, CodeOverlay>,
    /// Codes the vendor file no longer has, kept as retired, keyed by the code as the wire
    /// spells it: each is read from the last release (`releases/<name>.json` beside this file)
    /// and marked retired, so clients that name it keep compiling.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub retired: BTreeMap<String, Retirement>,
}

/// Where the entries are.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Entries {
    /// JSON pointer to the collection (`""`, the default, is the whole file). A `*` segment
    /// steps into every member of the array or object there, so entries nested in several
    /// collections are read at once: `/classes/*/subclasses/*/errors` is the `errors` of every
    /// subclass of every class (a value without the next segment is passed over; the pointer
    /// must find at least one collection). An entry can read the enclosing levels with
    /// relative pointers (`2/number`) or in an expression (`$up`).
    #[serde(default)]
    pub at: String,
    /// `array`: a list of entries. `object`: the members of an object, whose keys are the codes
    /// (read them with `{"key": true}`).
    #[serde(default)]
    pub kind: EntriesKind,
    /// Keep only the entries this predicate holds for, e.g.
    /// `{"pointer": "/exception", "equals": true}` or
    /// `{"all": [{"pointer": "/kind", "not_equals": "S"}, {"pointer": "/macro", "exists": true}]}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<Filter>,
    /// What an entry whose code an earlier entry already has means: `error` (the default: a
    /// duplicate code), or `merge`: it adds its `causes`, `fixes` and `notes` to the first entry
    /// (alias lines of PostgreSQL's `errcodes.txt`, say).
    #[serde(default)]
    pub repeated: Repeated,
}

/// How repeated codes are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Repeated {
    /// A repeated code is a duplicate, reported as an error.
    #[default]
    Error,
    /// A repeated code's lists are added to its first entry.
    Merge,
}

/// A line-oriented vendor file, read as a JSON array of one object per entry line.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lines {
    /// Lines starting with this are comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Lines starting with this open a section: the rest of the line is the `section` member of
    /// every entry that follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Names of the whitespace-separated columns of an entry line, which become its members; the
    /// last column takes the rest of the line, and columns a line lacks are absent.
    pub columns: Vec<String>,
}

/// Categories made from the distinct values of `fields.category`, in order of appearance.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DerivedCategories {
    /// The category's title, read from the first entry of the category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Source>,
}

/// How the collection holds its entries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum EntriesKind {
    /// A JSON array of entries.
    #[default]
    Array,
    /// A JSON object: each member is an entry and its key the code.
    Object,
}

/// A predicate on an entry: either a test of the value at `pointer` (exactly one of `equals`,
/// `not_equals` and `exists`), or exactly one of `all`, `any` and `not` over other predicates.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Filter {
    /// JSON pointer into the entry (`/kind`), or a relative pointer to an enclosing level
    /// (`2/deprecated`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// Holds when the value at `pointer` equals this (`null` included).
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub equals: Option<Value>,
    /// Holds when the value at `pointer` is absent or differs from this.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub not_equals: Option<Value>,
    /// `true`: holds when the entry has a value (not `null`) at `pointer`; `false`: when it
    /// does not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exists: Option<bool>,
    /// Holds when every one of these holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Filter>>,
    /// Holds when at least one of these holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Filter>>,
    /// Holds when this does not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Filter>>,
}

/// A member that is given, `null` included (absent stays `None`).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

/// The catalog-level part of a catalog (see the native format for each field).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CatalogHead {
    /// Short machine name (names the crate, its folder and its page).
    pub name: String,
    /// Version of the catalog (semver `MAJOR.MINOR.PATCH`, default `0.1.0`), which the
    /// generated crate takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(pattern(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$"))
    )]
    pub version: Option<String>,
    /// Human title of the API.
    pub title: String,
    /// Introduction (*markdown*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the vendor file comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Doc-URL template; `{code}` is the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,
    /// Where the reference site is published (overrides the workspace's setting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_url: Option<String>,
    /// What the code is on the wire.
    #[serde(default)]
    pub code_type: CodeType,
    /// The error body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope: Option<Envelope>,
    /// Categories codes may refer to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Category>,
    /// Named sets of inner codes, as in a native catalog; an overlay's argument of type
    /// `code` names one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub code_sets: Vec<errcat_catalog::format::CodeSet>,
    /// The API's operations and the codes each can return, as in a native catalog.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operations: Vec<errcat_catalog::format::Operation>,
    /// The code for any failure an operation does not list, as in a native catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_error: Option<errcat_catalog::format::CodeValue>,
    /// The language of the messages and their translations, as in a native catalog; the
    /// translation files are found beside the mapping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locales: Option<errcat_catalog::format::Locales>,
    /// Page-level prose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// How the generated crate is packaged for crates.io: license, links, keywords and
    /// whether it may be published at all. Left out, the crate is `publish = false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<Package>,
}

/// Where a value comes from, and how its text is cleaned.
///
/// Exactly one of `pointer`, `key`, `template` and `expr` is given.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// JSON pointer into the entry (`/message`, `/comment/doc`), or a relative JSON pointer
    /// that reads the levels enclosing it: `0/x` is the entry's `/x`, `1` the collection
    /// holding the entry, `2/name` the `name` of what holds that collection, and `2#` its key
    /// (or array index).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// The entry's member key (for `entries.kind: object`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub key: bool,
    /// Text with `{/pointer}` placeholders filled from the entry, e.g. `"{/phrase} ({/code})"`;
    /// `{key}` is the member key, and a placeholder may be a relative JSON pointer
    /// (`"{2/name}: {0/title}"`). An entry that lacks a placeholder's value has no value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// A jq filter computing the value, e.g.
    /// `"($up[3].number*1000) + (($up[1].number // 0)*100) + .number"` or
    /// `".error.code // $key"`. Its input is the entry; `$key` is the entry's member key or
    /// array index, `$path` the keys and indexes from the document root to it, `$up` the
    /// enclosing values, nearest first (`$up[0]` is the collection holding the entry),
    /// `$root` the whole document, and `$file` the vendor file's name when `vendor_file` reads
    /// several (`null` otherwise). It gives nothing or `null` (no value) or exactly one value;
    /// integral numbers are integers. Zero-padding: `("0000" + tostring) | .[-4:]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expr: Option<String>,
    /// Some entries lack part of this template: where it finds only some of its placeholders
    /// it has no value instead of being an error, e.g. `{"template": "{/a} ({/b})",
    /// "optional": true}`. Only for templates (a pointer, key or expression that finds
    /// nothing already gives no value), and not for `code`, which every entry needs. A
    /// placeholder that matches nothing in any entry is still an error.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    /// Keep only the text after the first occurrence of this marker
    /// (`"@ "` turns `"Official Documentation @ https://…"` into the URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Keep only the text before the first occurrence of this marker, marker excluded
    /// (`" - "` keeps what comes before a dash). To keep a first sentence, use
    /// `first_sentence`, which knows abbreviations and line breaks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// Keep only the first sentence, without its full stop (a `?` or `!` is kept): after
    /// `after`, `before` and `markup` (HTML is markdown first), the first paragraph is read
    /// with its line breaks as spaces and cut at its first sentence end (Unicode UAX #29), one
    /// that a space follows, outside code spans, and not after `i.e.`, `e.g.`, `cf.`, `vs.`
    /// or `viz.`. `"A value (i.e. one that is set). More."` keeps `"A value (i.e. one that is
    /// set)"`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub first_sentence: bool,
    /// How the vendor writes this text. `text` and `markdown` are kept as they are; `html` becomes
    /// markdown: paragraphs, emphasis, code spans, lists and links kept (relative links made
    /// absolute against `links_base`), entities decoded, other tags dropped with their text
    /// kept. Line endings always become LF, and surrounding whitespace is trimmed.
    #[serde(default)]
    pub markup: Markup,
}

/// The markup of a vendor's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Markup {
    /// Plain text or markdown.
    #[default]
    Markdown,
    /// HTML.
    Html,
}

// Each field here has its row in the field table (`fields.rs`), which reads it.
/// Sources of a code's fields. `code` and `message` are required in every entry; the others
/// are optional.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fields {
    /// The wire code.
    pub code: Source,
    /// The short message.
    pub message: Source,
    /// The Rust variant name (made an identifier as codes are: UpperCamelCase, `E` before a
    /// digit, …); when two entries give the same name, both get their code appended. Without it, names come from the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Source>,
    /// Heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Source>,
    /// HTTP status (a number, or digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Source>,
    /// Category id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Source>,
    /// Long description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Source>,
    /// When it happens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Source>,
    /// Causes: a string is one cause, an array of strings several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub causes: Option<Source>,
    /// How to fix: a string is one step, an array of strings several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixes: Option<Source>,
    /// Notes: a string is one note, an array of strings several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Source>,
    /// The code's own documentation URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<Source>,
    /// SDK exception class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdk_class: Option<Source>,
    /// A boolean: whether retrying can succeed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retryable: Option<Source>,
    /// Deprecation, where the vendor marks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<DeprecatedSource>,
}

/// Where a deprecation comes from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeprecatedSource {
    /// A boolean in the entry: `true` marks the code deprecated.
    pub flag: Source,
    /// The deprecation note.
    pub note: Source,
}

// Each field here has its row in the field table (`fields.rs`), which applies it.
/// Additions and overrides for one code, in the native form. Every field is optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CodeOverlay {
    /// Variant name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// HTTP status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Category id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Short message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Long description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it happens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Causes to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub causes: Vec<String>,
    /// Fixes to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<String>,
    /// Recommended action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Cases to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Case>,
    /// Examples to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
    /// Headers to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<Header>,
    /// Whether retrying can succeed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retryable: Option<bool>,
    /// SDK exception class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdk_class: Option<String>,
    /// Documentation URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,
    /// Deprecation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<Deprecation>,
    /// Retirement: the API no longer sends the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<Retirement>,
    /// The statement that a retired or removed code now means something else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reused: Option<Reuse>,
    /// Aliases to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Notes to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Arguments to add: what each error of the code carries (the vendor file rarely says,
    /// so the mapping does). The message is then a template.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<errcat_catalog::format::Arg>,
}
