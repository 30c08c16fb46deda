//! Independent oracles for the generated crates. The expected values come from the catalogs
//! themselves, read here with plain `serde_json` (and, for mappings, from the vendor file,
//! read through the mapping's own pointers by code written in this file), never through
//! errcat-codegen and never from a file the generator writes (`generated/*/catalog.json`,
//! `tests/data/catalog.in`). A bug in the model or in an emitter therefore shows here even
//! after `cargo xtask gen` has regenerated everything consistently.
//!
//! - [`catalogs_agree_with_crates`]: every code of every catalog in `catalog/`, against the
//!   compiled crate's accessors (order, `as_str`, `from_code`/`FromStr`, `Code::parse`,
//!   status, category, message, doc URL, flags);
//! - [`pages`]: every reference page in `generated/docs/` (quick-reference table and per-code
//!   sections) against the compiled crate, code by code;
//! - [`probes`]: unknown codes (other case, non-ASCII, spaces, leading zeros, very long) are
//!   unknown to every crate and kept byte for byte on every unknown path.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use serde_json::{Map, Value};

mod pages;
mod probes;

/// A message's inline markdown as the plain text `message()` and `Display` show, read by a
/// CommonMark parser: the text and code spans as their content, a link as `text (address)`
/// (an autolink as its address), an HTML `<a href>` link likewise, other HTML as written,
/// line breaks as spaces.
pub fn markdown_plain(markdown: &str) -> String {
    use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};
    let mut out = String::new();
    let mut links: Vec<Option<String>> = Vec::new();
    let mut html_link: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => links.push((link_type != LinkType::Autolink).then(|| dest_url.to_string())),
            Event::End(TagEnd::Link) => {
                if let Some(Some(dest)) = links.pop() {
                    out.push_str(&format!(" ({dest})"));
                }
            }
            Event::InlineHtml(h) | Event::Html(h) => {
                let lower = h.to_ascii_lowercase();
                if let Some(at) = lower
                    .starts_with("<a ")
                    .then(|| lower.find("href="))
                    .flatten()
                {
                    let value = &h[at + 5..];
                    let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'');
                    let value = &value[quote.map_or(0, char::len_utf8)..];
                    let end = value
                        .find(|c: char| {
                            Some(c) == quote || (quote.is_none() && c.is_whitespace()) || c == '>'
                        })
                        .unwrap_or(value.len());
                    html_link = Some(value[..end].to_owned());
                } else if lower == "</a>" && html_link.is_some() {
                    out.push_str(&format!(" ({})", html_link.take().unwrap_or_default()));
                } else {
                    out.push_str(&h);
                }
            }
            _ => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// What a compiled crate says, through its public accessors only.
// ---------------------------------------------------------------------------------------

/// One `ErrorCode`, as its accessors describe it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub wire: &'static str,
    pub status: Option<u16>,
    pub category: Option<&'static str>,
    pub message: &'static str,
    pub doc_url: Option<&'static str>,
    pub deprecated: bool,
    pub retryable: bool,
    pub display: String,
}

/// A code read from the wire, as `Code` holds it: the index of a known code in
/// `ErrorCode::ALL`, or the unknown text.
#[derive(Debug, Clone, PartialEq)]
pub enum Wire {
    Known(usize),
    Unknown(String),
}

/// A code read from a string and again from what it was written as.
pub type SerdeFn = fn(&str) -> (Wire, Wire);

/// A body read, and read again from what it was written as.
pub type FromJsonFn = fn(&[u8]) -> Result<(Wire, Wire), String>;

/// A compiled crate seen through function pointers, so one test body serves every crate.
pub struct CrateView {
    /// The catalog file stem the crate was generated from.
    pub catalog: &'static str,
    /// Whether the crate has the HTTP status API (`http_status()`), as an HTTP API's does.
    pub status_api: bool,
    /// `ErrorCode::ALL`, in order.
    pub codes: Vec<Row>,
    /// `ErrorCode::from_code`, as an index into `ALL`.
    pub from_code: fn(&str) -> Option<usize>,
    /// `str::parse::<ErrorCode>`: the index, or the error's message.
    pub parse: fn(&str) -> Result<usize, String>,
    /// `Code::parse` (and `Code`'s `FromStr` and `Display`, which must agree).
    pub code_parse: fn(&str) -> Wire,
    /// `Code` deserialized from a JSON string, and deserialized again from what it
    /// serializes to (crates with the `serde` feature).
    pub code_serde: Option<SerdeFn>,
    /// `ApiError::from_json(body).code()` (crates with the `json` feature whose body
    /// carries the code), and the code read back from its `to_json()`.
    pub from_json: Option<FromJsonFn>,
}

/// `http_status()` returns `u16` or `Option<u16>`, depending on the catalog.
pub trait MaybeStatus {
    fn status(self) -> Option<u16>;
}
impl MaybeStatus for u16 {
    fn status(self) -> Option<u16> {
        Some(self)
    }
}
impl MaybeStatus for Option<u16> {
    fn status(self) -> Option<u16> {
        self
    }
}

pub use errcat_tests::MaybeUrl;

/// A [`CrateView`] of one generated crate. `category: yes` for crates with a `Category`
/// enum; `json: yes` for crates built here with `json` whose body carries the code, `json:
/// serde` for crates with only `serde` (or `json` but errors told apart by status), `json: no`
/// otherwise.
macro_rules! view {
    ($krate:ident, $catalog:literal, category: $category:tt, json: $json:tt) => {
        view!($krate, $catalog, category: $category, json: $json, status: yes)
    };
    ($krate:ident, $catalog:literal, category: $category:tt, json: $json:tt, status: $status:tt) => {{
        use $krate::{Code, ErrorCode};

        fn index(code: ErrorCode) -> usize {
            ErrorCode::ALL
                .iter()
                .position(|c| *c == code)
                .expect("every code is in ALL")
        }
        fn wire(code: &Code) -> Wire {
            match code {
                Code::Known(known) => {
                    assert_eq!(code.known(), Some(*known));
                    Wire::Known(index(*known))
                }
                Code::Unknown(unknown) => {
                    assert_eq!(code.known(), None);
                    assert_eq!(code.as_str(), unknown.as_str(), "Code::as_str");
                    Wire::Unknown(unknown.as_str().to_owned())
                }
            }
        }
        CrateView {
            catalog: $catalog,
            status_api: stringify!($status) == "yes",
            codes: ErrorCode::ALL
                .iter()
                .map(|&code| Row {
                    wire: code.as_str(),
                    status: view!(@status $status, code),
                    category: view!(@category $category, $krate, code),
                    message: code.message(),
                    doc_url: code.doc_url().url(),
                    deprecated: code.is_deprecated(),
                    retryable: code.is_retryable(),
                    display: code.to_string(),
                })
                .collect(),
            from_code: |s| ErrorCode::from_code(s).map(index),
            parse: |s| match s.parse::<ErrorCode>() {
                Ok(code) => Ok(index(code)),
                Err(e) => Err(e.to_string()),
            },
            code_parse: |s| {
                let parsed = Code::parse(s);
                let from_str: Code = s.parse().unwrap_or_else(|e| match e {});
                assert_eq!(parsed, from_str, "Code::parse and FromStr differ");
                assert_eq!(parsed.to_string(), parsed.as_str(), "Display of Code");
                wire(&parsed)
            },
            code_serde: view!(@serde $json, Code, wire),
            from_json: view!(@json $json, $krate, wire),
        }
    }};
    (@category yes, $krate:ident, $code:expr) => {{
        /// `category()` returns `Category` or `Option<Category>`, depending on the catalog.
        trait Id {
            fn id(self) -> Option<&'static str>;
        }
        impl Id for $krate::Category {
            fn id(self) -> Option<&'static str> {
                Some(self.as_str())
            }
        }
        impl Id for Option<$krate::Category> {
            fn id(self) -> Option<&'static str> {
                self.map($krate::Category::as_str)
            }
        }
        Id::id($code.category())
    }};
    (@category no, $krate:ident, $code:expr) => {
        None
    };
    // A registry that is not an HTTP API's has no `http_status()` (the catalog documents no
    // status, so every code's is `None` in the oracle).
    (@status yes, $code:expr) => {
        $code.http_status().status()
    };
    (@status no, $code:expr) => {
        None
    };
    (@serde no, $code_ty:ty, $wire:ident) => {
        None
    };
    (@serde serde, $code_ty:ty, $wire:ident) => {
        Some(|s: &str| -> (Wire, Wire) {
            let code: $code_ty =
                serde_json::from_value(Value::String(s.to_owned())).expect("a string is a Code");
            let written = serde_json::to_value(&code).expect("a Code serializes");
            let again: $code_ty = serde_json::from_value(written).expect("and reads back");
            ($wire(&code), $wire(&again))
        })
    };
    (@serde yes, $code_ty:ty, $wire:ident) => {
        view!(@serde serde, $code_ty, $wire)
    };
    (@json no, $krate:ident, $wire:ident) => {
        None
    };
    (@json serde, $krate:ident, $wire:ident) => {
        None
    };
    (@json yes, $krate:ident, $wire:ident) => {
        Some(|body: &[u8]| -> Result<(Wire, Wire), String> {
            let error = $krate::ApiError::from_json(body).map_err(|e| e.to_string())?;
            let again = $krate::ApiError::from_json(&error.to_json()).map_err(|e| e.to_string())?;
            Ok(($wire(error.code()), $wire(again.code())))
        })
    };
}

/// Every generated crate of this repository, by the catalog it comes from.
pub fn crates() -> Vec<CrateView> {
    vec![
        view!(datamaker_errors, "datamaker", category: no, json: serde),
        view!(dataxid_errors, "dataxid", category: yes, json: yes),
        view!(datocms_cda_errors, "datocms-cda", category: no, json: no),
        view!(datocms_cma_errors, "datocms-cma", category: no, json: yes),
        view!(dreamfactory_errors, "dreamfactory", category: yes, json: serde),
        // Codes read cleaned or from XML: the probes put raw text at one JSON pointer, so
        // these are probed as codes and through serde; `tests/it/envelopes.rs` reads bodies.
        view!(aws_lambda_errors, "aws-lambda", category: no, json: serde),
        view!(aws_s3_errors, "aws-s3", category: no, json: serde),
        view!(aws_rds_errors, "aws-rds", category: yes, json: serde),
        view!(records_api_errors, "records-api", category: no, json: yes),
        view!(shop_errors, "shop", category: no, json: yes),
        // The code is `ErrorInfo.reason` in a list of details: probed as codes and through
        // serde; `tests/it/google_rpc.rs` reads and writes bodies.
        view!(bookshelf_errors, "bookshelf", category: no, json: serde),
        view!(twilio_errors, "twilio", category: yes, json: yes),
        view!(postgres_errors, "postgres", category: yes, json: no, status: no),
        view!(pg_error_codes_errors, "pg-error-codes", category: no, json: no, status: no),
        view!(http_status_codes_errors, "http-status-codes", category: no, json: no),
        view!(twilio_voice_errors, "twilio-voice", category: yes, json: no, status: no),
        view!(
            twilio_voice_products_errors,
            "twilio-voice-products",
            category: yes,
            json: no,
            status: no
        ),
        view!(
            datocms_cda_site_api_errors,
            "datocms-cda-site-api-errors",
            category: no,
            json: no,
            status: no
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// What the catalog says, read here with serde_json alone.
// ---------------------------------------------------------------------------------------

/// One code as the catalog (or the vendor file through its mapping) documents it.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub wire: String,
    pub aliases: Vec<String>,
    pub status: Option<u16>,
    pub category: Option<String>,
    pub message: String,
    pub doc_url: Option<String>,
    pub deprecated: bool,
    pub retryable: bool,
}

/// A catalog as the oracle reads it.
pub struct Oracle {
    /// The envelope's `layout`, if any.
    pub layout: Option<Value>,
    pub codes: Vec<Expected>,
}

impl Oracle {
    /// Every spelling the catalog documents (codes and aliases).
    pub fn spellings(&self) -> BTreeMap<&str, usize> {
        let mut out = BTreeMap::new();
        for (i, e) in self.codes.iter().enumerate() {
            out.insert(e.wire.as_str(), i);
            for a in &e.aliases {
                out.insert(a.as_str(), i);
            }
        }
        out
    }
}

fn json_file(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The catalogs of this repository: every `catalog/*.json` but the schema, by file stem.
pub fn catalog_names() -> BTreeSet<String> {
    let dir = errcat_tests::root().join("catalog");
    fs::read_dir(&dir)
        .expect("catalog/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_owned()))
        .filter(|n| n != "schema")
        .collect()
}

/// The oracle of `catalog/<name>.json`: a native catalog, or a mapping of a vendor file.
/// Mappings this oracle does not re-implement (jq expressions, HTML made markdown, entries
/// nested with `*`, several vendor files): `tests/it/vendors.rs` walks their vendor files
/// with serde_json alone and compares the codes (and statuses) with the resolved catalog,
/// `generated/<name>/catalog.json`, which is what the crates are compared with here.
const WALKED: [&str; 5] = [
    "aws-lambda",
    "aws-rds",
    "aws-s3",
    "twilio-voice",
    "twilio-voice-products",
];

pub fn oracle(name: &str) -> Oracle {
    if WALKED.contains(&name) {
        // The resolved catalog, read as the native catalog it is.
        let path = errcat_tests::root()
            .join("generated")
            .join(name)
            .join("catalog.json");
        return native(&json_file(&path));
    }
    let path = errcat_tests::root()
        .join("catalog")
        .join(format!("{name}.json"));
    let file = json_file(&path);
    if file.get("mapping").is_some() {
        mapped(name, &path, &file)
    } else {
        native(&file)
    }
}

/// RFC 3986 percent-encoding of everything but unreserved characters, as a doc-URL
/// template's `{code}` is filled.
fn url_component(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn from_template(head: &Value, wire: &str) -> Option<String> {
    head.get("doc_url")
        .and_then(Value::as_str)
        .map(|t| t.replace("{code}", &url_component(wire)))
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn native(catalog: &Value) -> Oracle {
    let codes = catalog["codes"]
        .as_array()
        .expect("a catalog has a `codes` array")
        .iter()
        .map(|c| {
            let wire = text_of(&c["code"]).expect("a code is text or a number");
            Expected {
                aliases: c["aliases"]
                    .as_array()
                    .map(|a| a.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
                    .unwrap_or_default(),
                status: c["status"].as_u64().map(|s| s.try_into().unwrap()),
                category: c["category"].as_str().map(str::to_owned),
                message: c["message"].as_str().expect("a message").to_owned(),
                doc_url: c["doc_url"]
                    .as_str()
                    .map(str::to_owned)
                    .or_else(|| from_template(catalog, &wire)),
                deprecated: c.get("deprecated").is_some_and(|d| !d.is_null()),
                retryable: c["retryable"] == Value::Bool(true),
                wire,
            }
        })
        .collect();
    Oracle {
        layout: catalog["envelope"].get("layout").cloned(),
        codes,
    }
}

/// A line-oriented vendor file as entry objects: one per line that is not blank, a comment
/// or a section header; whitespace-separated columns, the last taking the rest of the line.
fn read_lines(text: &str, spec: &Value) -> Value {
    let comment = spec["comment"].as_str();
    let section_prefix = spec["section"].as_str();
    let columns: Vec<&str> = spec["columns"]
        .as_array()
        .expect("`lines.columns`")
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let mut section: Option<String> = None;
    let mut entries = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() || comment.is_some_and(|c| line.starts_with(c)) {
            continue;
        }
        if let Some(rest) = section_prefix.and_then(|p| line.strip_prefix(p)) {
            section = Some(rest.trim().to_owned());
            continue;
        }
        let mut entry = Map::new();
        let mut rest = line.trim();
        for (i, column) in columns.iter().enumerate() {
            if rest.is_empty() {
                break;
            }
            let value = if i + 1 == columns.len() {
                std::mem::take(&mut rest)
            } else {
                let (head, tail) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
                rest = tail.trim_start();
                head
            };
            entry.insert((*column).to_owned(), Value::from(value.trim()));
        }
        if let Some(s) = &section {
            entry.insert("section".to_owned(), Value::from(s.as_str()));
        }
        entries.push(Value::Object(entry));
    }
    Value::Array(entries)
}

/// A mapping's `fields.*` source read from one entry: raw value, before cleaning.
fn source_value(source: &Value, key: Option<&str>, entry: &Value) -> Option<Value> {
    let known = [
        "pointer",
        "key",
        "template",
        "after",
        "before",
        "markup",
        "first_sentence",
    ];
    for k in source.as_object().expect("a source is an object").keys() {
        assert!(
            known.contains(&k.as_str()),
            "the oracle does not know source member `{k}`: teach it"
        );
    }
    if source["key"] == Value::Bool(true) {
        return key.map(Value::from);
    }
    if let Some(p) = source["pointer"].as_str() {
        return entry.pointer(p).filter(|v| !v.is_null()).cloned();
    }
    let template = source["template"]
        .as_str()
        .expect("pointer, key or template");
    let mut out = String::new();
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        let (name, tail) = after.split_once('}').expect("a closed placeholder");
        out.push_str(before);
        let v = if name == "key" {
            Value::from(key?)
        } else {
            entry.pointer(name).filter(|v| !v.is_null())?.clone()
        };
        out.push_str(&text_of(&v).unwrap_or_else(|| v.to_string()));
        rest = tail;
    }
    out.push_str(rest);
    Some(Value::from(out))
}

/// A source's text, cleaned as the README says: LF line endings, `after`, `before`, trimmed;
/// `None` when absent or blank.
fn source_text(source: &Value, key: Option<&str>, entry: &Value) -> Option<String> {
    assert!(
        source["markup"].as_str().is_none_or(|m| m == "markdown"),
        "the oracle does not read `markup: {}`: teach it",
        source["markup"]
    );
    let raw = match source_value(source, key, entry)? {
        Value::Bool(b) => b.to_string(),
        other => text_of(&other).expect("text"),
    };
    let mut s = raw.replace("\r\n", "\n").replace('\r', "\n");
    if let Some(marker) = source["after"].as_str()
        && let Some((_, rest)) = s.split_once(marker)
    {
        s = rest.to_owned();
    }
    if let Some(marker) = source["before"].as_str()
        && let Some((head, _)) = s.split_once(marker)
    {
        s = head.to_owned();
    }
    if source["first_sentence"] == Value::Bool(true) {
        s = first_sentence(&s);
    }
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// The README's first sentence, read the simple way: the first paragraph with its lines
/// joined, cut at the first `.`, `?` or `!` outside code spans that a space and then no
/// lower-case letter follow, unless it closes `i.e.`, `e.g.`, `cf.`, `vs.` or `viz.`; one
/// final `.` dropped (not after `etc.` or in `...`).
fn first_sentence(s: &str) -> String {
    let para = s.trim().split("\n\n").next().unwrap_or_default();
    let para = para.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = para.chars().collect();
    let ends_with = |head: &str, words: &[&str]| {
        let lower = head.to_lowercase();
        words.iter().any(|w| {
            lower == *w || lower.ends_with(&format!(" {w}")) || lower.ends_with(&format!("({w}"))
        })
    };
    let mut ticks = 0;
    let mut end = chars.len();
    for (i, &c) in chars.iter().enumerate() {
        if c == '`' {
            ticks += 1;
        }
        let next_word = chars[i + 1..].iter().skip(1).find(|c| c.is_alphabetic());
        if ticks % 2 == 0
            && matches!(c, '.' | '?' | '!')
            && chars.get(i + 1) == Some(&' ')
            && next_word.is_some_and(|n| !n.is_lowercase())
        {
            let head: String = chars[..=i].iter().collect();
            if !ends_with(&head, &["i.e.", "e.g.", "cf.", "vs.", "viz."]) {
                end = i + 1;
                break;
            }
        }
    }
    let sentence: String = chars[..end].iter().collect();
    match sentence.strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') && !ends_with(&sentence, &["etc."]) => rest.to_owned(),
        _ => sentence,
    }
}

fn mapped(name: &str, path: &Path, mapping: &Value) -> Oracle {
    let known = [
        "$schema",
        "mapping",
        "vendor_file",
        "lines",
        "entries",
        "derive_categories",
        "catalog",
        "fields",
        "overlay",
    ];
    for k in mapping.as_object().unwrap().keys() {
        assert!(
            known.contains(&k.as_str()),
            "{name}: the oracle does not know mapping member `{k}`: teach it"
        );
    }
    let vendor_path = path
        .parent()
        .unwrap()
        .join(mapping["vendor_file"].as_str().expect("`vendor_file`"));
    let vendor_text = fs::read_to_string(&vendor_path)
        .unwrap_or_else(|e| panic!("{}: {e}", vendor_path.display()));
    let vendor = match mapping.get("lines") {
        Some(spec) => read_lines(&vendor_text, spec),
        None => serde_json::from_str(&vendor_text).expect("the vendor file is JSON"),
    };
    let spec = &mapping["entries"];
    let collection = vendor
        .pointer(spec["at"].as_str().unwrap_or(""))
        .expect("`entries.at` is in the vendor file");
    let mut entries: Vec<(Option<&str>, &Value)> = match spec["kind"].as_str().unwrap_or("array") {
        "array" => collection
            .as_array()
            .unwrap()
            .iter()
            .map(|v| (None, v))
            .collect(),
        "object" => collection
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (Some(k.as_str()), v))
            .collect(),
        other => panic!("{name}: the oracle does not know `entries.kind: {other}`"),
    };
    if let Some(filter) = spec.get("filter") {
        let pointer = filter["pointer"].as_str().unwrap();
        entries.retain(|(_, v)| v.pointer(pointer) == Some(&filter["equals"]));
    }

    let head = &mapping["catalog"];
    let fields = &mapping["fields"];
    let code_type = head["code_type"].as_str().unwrap_or("string").to_owned();
    let code_of = |key: Option<&str>, entry: &Value| -> String {
        match source_value(&fields["code"], key, entry).expect("every entry has a code") {
            Value::String(s) if code_type == "integer" => s
                .trim()
                .parse::<i64>()
                .expect("an integer code")
                .to_string(),
            Value::String(s) => s.trim().to_owned(),
            Value::Number(n) => n.to_string(),
            other => panic!("{name}: code {other}"),
        }
    };

    // `repeated: merge`: every entry of one code is one entry, members from the first
    // entry that has them.
    let mut groups: Vec<(Option<&str>, Value)> = Vec::new();
    let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
    let merge = spec["repeated"].as_str() == Some("merge");
    for (key, value) in entries {
        let code = code_of(key, value);
        match by_code.get(&code) {
            Some(&g) if merge => {
                let merged = groups[g]
                    .1
                    .as_object_mut()
                    .expect("merged entries are objects");
                for (k, v) in value.as_object().unwrap() {
                    if merged.get(k).is_none_or(Value::is_null) {
                        merged.insert(k.clone(), v.clone());
                    }
                }
            }
            _ => {
                by_code.insert(code, groups.len());
                groups.push((key, value.clone()));
            }
        }
    }

    let optional = |field: &str, key: Option<&str>, entry: &Value| -> Option<String> {
        fields.get(field).and_then(|s| source_text(s, key, entry))
    };
    let flag = |source: Option<&Value>, key: Option<&str>, entry: &Value| -> bool {
        source.and_then(|s| source_value(s, key, entry)) == Some(Value::Bool(true))
    };
    let mut codes: Vec<Expected> = groups
        .iter()
        .map(|(key, entry)| {
            let wire = code_of(*key, entry);
            Expected {
                aliases: Vec::new(),
                status: optional("status", *key, entry).map(|s| s.parse().expect("a status")),
                category: optional("category", *key, entry),
                message: source_text(&fields["message"], *key, entry)
                    .expect("every entry has a message")
                    .replace('\n', " "),
                doc_url: optional("doc_url", *key, entry),
                deprecated: flag(fields["deprecated"].get("flag"), *key, entry),
                retryable: flag(fields.get("retryable"), *key, entry),
                wire,
            }
        })
        .collect();
    if let Some(overlay) = mapping.get("overlay").and_then(Value::as_object) {
        for (wire, o) in overlay {
            let c = codes
                .iter_mut()
                .find(|c| &c.wire == wire)
                .unwrap_or_else(|| panic!("{name}: the overlay names `{wire}`"));
            if let Some(s) = o["status"].as_u64() {
                c.status = Some(s.try_into().unwrap());
            }
            if let Some(v) = o["message"].as_str() {
                c.message = v.to_owned();
            }
            if let Some(v) = o["category"].as_str() {
                c.category = Some(v.to_owned());
            }
            if let Some(v) = o["doc_url"].as_str() {
                c.doc_url = Some(v.to_owned());
            }
            if let Some(v) = o["retryable"].as_bool() {
                c.retryable = v;
            }
            if o.get("deprecated").is_some_and(|d| !d.is_null()) {
                c.deprecated = true;
            }
            if let Some(a) = o["aliases"].as_array() {
                c.aliases
                    .extend(a.iter().map(|s| s.as_str().unwrap().to_owned()));
            }
        }
    }
    for c in &mut codes {
        if c.doc_url.is_none() {
            c.doc_url = from_template(head, &c.wire);
        }
    }
    Oracle {
        layout: head["envelope"].get("layout").cloned(),
        codes,
    }
}

// ---------------------------------------------------------------------------------------
// The test.
// ---------------------------------------------------------------------------------------

/// Each crate, code by code, against what its catalog says.
#[test]
fn catalogs_agree_with_crates() {
    let views = crates();
    let viewed: BTreeSet<String> = views.iter().map(|v| v.catalog.to_owned()).collect();
    assert_eq!(
        viewed,
        catalog_names(),
        "every catalog in catalog/ needs a line in `crates()` (tests/it/oracles.rs)"
    );
    let mut compared = 0;
    for view in &views {
        let oracle = oracle(view.catalog);
        let name = view.catalog;
        let expected: Vec<&str> = oracle.codes.iter().map(|c| c.wire.as_str()).collect();
        let actual: Vec<&str> = view.codes.iter().map(|r| r.wire).collect();
        if let Some(i) =
            (0..expected.len().max(actual.len())).find(|&i| expected.get(i) != actual.get(i))
        {
            panic!(
                "{name}: ErrorCode::ALL differs from the catalog at position {i}: catalog {:?}, crate {:?} ({} codes in the catalog, {} in the crate)",
                expected.get(i),
                actual.get(i),
                expected.len(),
                actual.len()
            );
        }
        for (i, (e, row)) in oracle.codes.iter().zip(&view.codes).enumerate() {
            let wire = &e.wire;
            assert_eq!(row.status, e.status, "{name}: http_status() of {wire}");
            assert_eq!(
                row.category,
                e.category.as_deref(),
                "{name}: category() of {wire}"
            );
            let message = markdown_plain(&e.message);
            assert_eq!(row.message, message, "{name}: message() of {wire}");
            assert_eq!(
                row.doc_url,
                e.doc_url.as_deref(),
                "{name}: doc_url() of {wire}"
            );
            assert_eq!(
                row.deprecated, e.deprecated,
                "{name}: is_deprecated() of {wire}"
            );
            assert_eq!(
                row.retryable, e.retryable,
                "{name}: is_retryable() of {wire}"
            );
            assert_eq!(
                row.display,
                format!("{wire}: {message}"),
                "{name}: Display of {wire}"
            );
            for spelling in std::iter::once(wire).chain(&e.aliases) {
                assert_eq!(
                    (view.from_code)(spelling),
                    Some(i),
                    "{name}: from_code({spelling:?})"
                );
                assert_eq!(
                    (view.parse)(spelling),
                    Ok(i),
                    "{name}: {spelling:?}.parse()"
                );
                assert_eq!(
                    (view.code_parse)(spelling),
                    Wire::Known(i),
                    "{name}: Code::parse({spelling:?})"
                );
                if let Some(serde) = view.code_serde {
                    let known = (Wire::Known(i), Wire::Known(i));
                    assert_eq!(serde(spelling), known, "{name}: serde of {spelling:?}");
                }
            }
            compared += 1;
        }
    }
    let total: usize = views.iter().map(|v| v.codes.len()).sum();
    assert_eq!(compared, total);
    eprintln!(
        "{compared} codes of {} catalogs compared with their crates",
        views.len()
    );
}
