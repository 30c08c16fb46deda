//! Loading: JSON text to a [`Catalog`], with every problem located in the source.
//!
//! Two readers cooperate. jsonc-parser, in strict JSON mode, gives a syntax tree with byte
//! ranges: syntax errors, duplicate object keys (which serde_json would silently resolve to the
//! last one) and the location of any JSON pointer named by a later stage. serde_json then
//! reads the typed catalog, and its line:column errors are turned into byte ranges too.

pub mod file;

use std::ops::Range;

use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions};

use crate::diag::{Diagnostic, Diagnostics, Report};
use crate::format::Catalog;
use crate::json_pointer;

fn strict() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

fn parse(text: &str) -> Result<Option<Value<'_>>, Diagnostics> {
    match jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &strict()) {
        Ok(result) => Ok(result.value),
        Err(e) => {
            let r = e.range();
            Err(Diagnostic {
                range: Some(r.start..r.end.max(r.start + 1).min(text.len().max(r.start))),
                message: format!("invalid JSON: {}", e.kind()),
                ..Diagnostic::at("", "")
            }
            .hint("the file must be plain JSON (no comments, no trailing commas)")
            .into())
        }
    }
}

/// What a file in `catalog/` holds. The mapping format belongs to a later stage (the
/// `errcat-mapping` crate): `M` is the type a mapping is read as, or
/// [`IgnoredAny`](serde::de::IgnoredAny) by a reader that only needs to know it is one.
#[derive(Debug)]
pub enum Input<M = serde::de::IgnoredAny> {
    /// A native catalog.
    Catalog(Box<Catalog>),
    /// A mapping of a vendor file.
    Mapping(Box<M>),
}

/// Reads a catalog or a mapping (a JSON object with a `mapping` key, read as `M`) from JSON
/// text. On failure, returns every problem found.
pub fn input<M: serde::de::DeserializeOwned>(text: &str) -> Result<Input<M>, Diagnostics> {
    // Most files are well-formed: read those without a syntax tree, which costs several times
    // the file's size in memory. Anything else takes the slow path, which locates problems.
    if !text.starts_with('\u{feff}')
        && let Ok(shape) = serde_json::from_str::<Shape>(text)
    {
        let typed = match shape {
            Shape::Object { mapping: true } => {
                serde_json::from_str::<M>(text).map(|m| Input::Mapping(Box::new(m)))
            }
            Shape::Object { mapping: false } => {
                serde_json::from_str::<Catalog>(text).map(|c| Input::Catalog(Box::new(c)))
            }
            Shape::Other => return slow_input(text),
        };
        if let Ok(input) = typed {
            return Ok(input);
        }
    }
    slow_input(text)
}

/// The shape of a JSON document with no duplicate key anywhere (a duplicate is an error):
/// whether it is an object, and whether that object has a `mapping` member.
enum Shape {
    Object { mapping: bool },
    Other,
}

impl<'de> serde::Deserialize<'de> for Shape {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Top;
        impl<'de> serde::de::Visitor<'de> for Top {
            type Value = Shape;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Shape, A::Error> {
                Ok(Shape::Object {
                    mapping: unique_keys(map, "mapping")?,
                })
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Shape, A::Error> {
                NoDuplicates::visit_seq(NoDuplicates, seq).map(|_| Shape::Other)
            }
            scalars!(Shape::Other);
        }
        d.deserialize_any(Top)
    }
}

/// Any JSON value without a duplicate key in any object.
struct NoDuplicates;

impl<'de> serde::Deserialize<'de> for NoDuplicates {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NoDuplicates)
    }
}

impl<'de> serde::de::Visitor<'de> for NoDuplicates {
    type Value = NoDuplicates;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<NoDuplicates, A::Error> {
        unique_keys(map, "").map(|_| NoDuplicates)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<NoDuplicates, A::Error> {
        while seq.next_element::<NoDuplicates>()?.is_some() {}
        Ok(NoDuplicates)
    }
    scalars!(NoDuplicates);
}

/// Reads a JSON object's members (each value checked for duplicates too) and says whether
/// one is named `wanted`; a key seen twice is an error.
fn unique_keys<'de, A: serde::de::MapAccess<'de>>(
    mut map: A,
    wanted: &str,
) -> Result<bool, A::Error> {
    // Objects are small (a catalog entry has a dozen members): their keys are compared in a
    // list, borrowed from the text where JSON needs no unescaping; a large one uses a set.
    const SMALL: usize = 16;
    let mut small: Vec<Key<'de>> = Vec::new();
    let mut large: std::collections::HashSet<Key<'de>> = std::collections::HashSet::new();
    let mut found = false;
    while let Some(key) = map.next_key::<Key<'de>>()? {
        found |= key.0 == wanted;
        let duplicate = if large.is_empty() && small.len() < SMALL {
            let seen = small.contains(&key);
            small.push(key);
            seen
        } else {
            large.extend(small.drain(..));
            !large.insert(key)
        };
        if duplicate {
            return Err(serde::de::Error::custom("duplicate key"));
        }
        map.next_value::<NoDuplicates>()?;
    }
    Ok(found)
}

/// An object key, borrowed from the text unless it had escapes.
#[derive(PartialEq, Eq, Hash)]
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(s)))
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(s.to_owned())))
            }
        }
        d.deserialize_str(Visitor)
    }
}

/// The visitor methods of JSON's scalars, each giving `$value`.
macro_rules! scalars {
    ($value:expr) => {
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}
use scalars;

/// [`input`] with a syntax tree: every problem located.
fn slow_input<M: serde::de::DeserializeOwned>(text: &str) -> Result<Input<M>, Diagnostics> {
    let root = checked_root(text)?;
    // Duplicate keys and a shape problem are reported together: both are worth fixing.
    let duplicates = duplicate_keys(&root);
    let with_duplicates = |result: Result<Input<M>, Diagnostics>| match result {
        Ok(input) if duplicates.is_empty() => Ok(input),
        Ok(_) => Err(duplicates.clone()),
        // serde reports a duplicated field too, less precisely: the duplicate report says it.
        Err(problems) => Err(duplicates
            .iter()
            .cloned()
            .chain(
                problems
                    .into_iter()
                    .filter(|p| duplicates.is_empty() || !p.message.contains("duplicate field")),
            )
            .collect()),
    };
    let Value::Object(object) = &root else {
        let r = root.range();
        let d = Diagnostic {
            range: Some(r.start..r.end),
            ..Diagnostic::at("", "a catalog is a JSON object")
        };
        return Err(d
            .hint("start from the example in README.md; catalog/schema.json lists the fields")
            .into());
    };
    let is_mapping = object
        .properties
        .iter()
        .any(|p| p.name.as_str() == "mapping");
    with_duplicates(if is_mapping {
        typed::<M>(text).map(|m| Input::Mapping(Box::new(m)))
    } else {
        typed::<Catalog>(text).map(|c| Input::Catalog(Box::new(c)))
    })
}

/// Reads a native catalog from JSON text. On failure, returns every problem found.
pub fn catalog(text: &str) -> Result<Catalog, Diagnostics> {
    match input::<serde::de::IgnoredAny>(text)? {
        Input::Catalog(c) => Ok(*c),
        Input::Mapping(_) => {
            Err(Diagnostic::at("/mapping", "this is a vendor mapping, not a catalog").into())
        }
    }
}

/// Reads a JSON document of type `T` (a translation file, say): syntax errors, duplicate keys
/// and shape problems, each located.
pub fn document<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Diagnostics> {
    if !text.starts_with('\u{feff}') && serde_json::from_str::<NoDuplicates>(text).is_ok() {
        return typed::<T>(text);
    }
    let duplicates = duplicate_keys(&checked_root(text)?);
    if !duplicates.is_empty() {
        return Err(duplicates);
    }
    typed::<T>(text)
}

/// Reads a vendor file: any JSON, with syntax errors and duplicate keys located.
pub fn vendor(text: &str) -> Result<serde_json::Value, Diagnostics> {
    if !text.starts_with('\u{feff}') && serde_json::from_str::<NoDuplicates>(text).is_ok() {
        return serde_json::from_str(text).map_err(|e| serde_error(text, &e).into());
    }
    let duplicates = duplicate_keys(&checked_root(text)?);
    if !duplicates.is_empty() {
        return Err(duplicates);
    }
    serde_json::from_str(text).map_err(|e| serde_error(text, &e).into())
}

/// Turns the bytes of the input file `name` into text. Bytes that are not UTF-8 are a problem
/// at their place: the report holds the text decoded with replacement characters, so it can
/// show the line, and a diagnostic naming line, column and byte offset (and UTF-16 or UTF-32
/// when a byte-order mark or NUL bytes say so).
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String, Report> {
    // Text in UTF-16 or UTF-32 without a byte-order mark is often valid UTF-8 with NUL bytes.
    let nul = bytes.iter().take(4).position(|b| *b == 0);
    let (bytes, at) = match String::from_utf8(bytes) {
        Ok(text) => match nul {
            None => return Ok(text),
            Some(at) => (text.into_bytes(), at),
        },
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            (e.into_bytes(), at)
        }
    };
    let encoding = match bytes.as_slice() {
        [0xFF, 0xFE, 0, 0, ..] => Some("UTF-32 little-endian (byte-order mark FF FE 00 00)"),
        [0, 0, 0xFE, 0xFF, ..] => Some("UTF-32 big-endian (byte-order mark 00 00 FE FF)"),
        [0xFF, 0xFE, ..] => Some("UTF-16 little-endian (byte-order mark FF FE)"),
        [0xFE, 0xFF, ..] => Some("UTF-16 big-endian (byte-order mark FE FF)"),
        _ if nul.is_some() => Some("UTF-16 or UTF-32 without a byte-order mark (NUL bytes)"),
        _ => None,
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let (line, column) = (
        text[..at].matches('\n').count() + 1,
        text[line_start..at].chars().count() + 1,
    );
    let message = match encoding {
        Some(encoding) => format!(
            "the file is {encoding}, not UTF-8 (line {line}, column {column}, byte offset {at})"
        ),
        None => format!(
            "the file is not UTF-8: byte 0x{:02X} at line {line}, column {column} (byte offset {at})",
            bytes[at]
        ),
    };
    let width = text[at..].chars().next().map_or(0, char::len_utf8);
    let d = Diagnostic {
        // The replacement character (or NUL) stands where the bad bytes were.
        range: Some(at..at + width),
        ..Diagnostic::at("", message)
    }
    .hint("save the file as UTF-8 (without a byte-order mark)");
    // NUL bytes would reach the terminal as they are: shown as spaces (same length).
    Err(Report::bind(name, text.replace('\0', " "), [d]))
}

/// The syntax tree of a strict, non-empty JSON file.
fn checked_root(text: &str) -> Result<Value<'_>, Diagnostics> {
    if text.starts_with('\u{feff}') {
        let d = Diagnostic {
            range: Some(0..3),
            ..Diagnostic::at("", "the file starts with a byte-order mark")
        };
        return Err(d
            .hint("save the file as UTF-8 without a byte-order mark")
            .into());
    }
    let Some(root) = parse(text)? else {
        return Err(Diagnostic::at("", "the file is empty")
            .hint("a catalog is a JSON object; see catalog/schema.json")
            .into());
    };
    Ok(root)
}

fn typed<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Diagnostics> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| {
        let pointer = json_pointer(e.path());
        let mut d = serde_error(text, e.inner());
        d.pointer = Some(pointer);
        Diagnostics::from(d)
    })
}

/// The JSON pointer of a serde path (`codes[0].status` → `/codes/0/status`).
fn json_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push('/');
                out.push_str(&json_pointer::escape(key));
            }
            Segment::Unknown => {}
        }
    }
    out
}

fn serde_error(text: &str, e: &serde_json::Error) -> Diagnostic {
    let offset = offset_of(text, e.line(), e.column());
    // serde_json appends " at line L column C"; the label shows the place instead.
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message,
    };
    let hint = if message.starts_with("unknown field") {
        "remove the field or fix its spelling; catalog/schema.json lists the fields"
    } else if message.starts_with("missing field") {
        "add the field; catalog/schema.json says what it holds"
    } else {
        "see catalog/schema.json for the expected shape"
    };
    Diagnostic {
        range: Some(offset.saturating_sub(1)..offset.max(1).min(text.len())),
        message: format!("catalog does not match the format: {message}"),
        ..Diagnostic::at("", "")
    }
    .hint(hint)
}

/// Byte offset of a 1-based line and column (columns count bytes, as serde_json does).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return (start + column).min(text.len());
        }
        start += l.len();
    }
    text.len()
}

/// Every key that appears twice in one object, with both places.
pub fn duplicate_keys(root: &Value<'_>) -> Diagnostics {
    let mut out = Diagnostics::new();
    walk_duplicates(root, &mut String::new(), &mut out);
    out
}

fn walk_duplicates(value: &Value<'_>, pointer: &mut String, out: &mut Diagnostics) {
    match value {
        Value::Object(object) => {
            let mut seen: std::collections::HashMap<&str, Range<usize>> = Default::default();
            for prop in &object.properties {
                let name = prop.name.as_str();
                let r = prop.name.range();
                if let Some(first) = seen.get(name) {
                    let mut d = Diagnostic::at(
                        format!("{pointer}/{}", json_pointer::escape(name)),
                        format!("duplicate key `{name}`"),
                    )
                    .hint("JSON readers keep only one of the two values: remove or rename one");
                    d.range = Some(r.start..r.end);
                    d.related.push(crate::diag::Related {
                        pointer: None,
                        range: Some(first.clone()),
                        message: "first defined here".to_owned(),
                    });
                    out.push(d);
                } else {
                    seen.insert(name, r.start..r.end);
                }
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&json_pointer::escape(name));
                walk_duplicates(&prop.value, pointer, out);
                pointer.truncate(len);
            }
        }
        Value::Array(array) => {
            for (i, element) in array.elements.iter().enumerate() {
                let len = pointer.len();
                pointer.push_str(&format!("/{i}"));
                walk_duplicates(element, pointer, out);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// Fills in the byte range of every diagnostic that names a JSON pointer into `text`.
pub fn locate(text: &str, diagnostics: &mut [Diagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    let Ok(Some(root)) = parse(text) else { return };
    for d in diagnostics.iter_mut() {
        if d.range.is_none() {
            d.range = d.pointer.as_deref().and_then(|p| find(&root, p));
        }
        for related in d.related.iter_mut().filter(|r| r.range.is_none()) {
            related.range = related.pointer.as_deref().and_then(|p| find(&root, p));
        }
    }
}

/// Byte range of the value at `pointer`, or of the deepest parent that exists.
fn find(root: &Value<'_>, pointer: &str) -> Option<Range<usize>> {
    let mut node = root;
    for segment in json_pointer::segments(pointer) {
        let next = match node {
            Value::Object(o) => o
                .properties
                .iter()
                .find(|p| match &p.name {
                    ObjectPropName::String(s) => s.value == segment,
                    ObjectPropName::Word(w) => w.value == segment,
                })
                .map(|p| &p.value),
            Value::Array(a) => segment
                .parse::<usize>()
                .ok()
                .and_then(|i| a.elements.get(i)),
            _ => None,
        };
        match next {
            Some(n) => node = n,
            None => break,
        }
    }
    let r = node.range();
    Some(r.start..r.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_read_agrees_with_the_syntax_tree() {
        let shape = |t: &str| serde_json::from_str::<Shape>(t).ok();
        assert!(matches!(
            shape(r#"{"mapping": {}}"#),
            Some(Shape::Object { mapping: true })
        ));
        assert!(matches!(
            shape(r#"{"a": [1, {"b": null}]}"#),
            Some(Shape::Object { mapping: false })
        ));
        assert!(matches!(shape("[1, 2]"), Some(Shape::Other)));
        // Escaped and plain spellings of one key are one key; so in a large object.
        assert!(shape(r#"{"a": 1, "\u0061": 2}"#).is_none());
        let large = |extra: &str| {
            let members: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
            format!("{{{}{extra}}}", members.join(", "))
        };
        assert!(matches!(
            shape(&large(r#", "mapping": 1"#)),
            Some(Shape::Object { mapping: true })
        ));
        assert!(shape(&large(r#", "k3": 1"#)).is_none());
        assert!(shape(&large(r#", "k39": 1"#)).is_none());
        // A duplicate anywhere sends the file to the slow path, which locates it.
        assert!(shape(r#"{"a": [{"x": 1, "x": 2}]}"#).is_none());
        let Err(err) = input::<serde::de::IgnoredAny>(r#"{"a": [{"x": 1, "x": 2}]}"#) else {
            panic!("a duplicate key was accepted");
        };
        assert_eq!(err[0].pointer.as_deref(), Some("/a/0/x"));
        assert!(err[0].range.is_some());
        assert!(vendor(r#"{"x": 1, "x": 2}"#).is_err());
        assert_eq!(
            vendor(r#"{"x": [1]}"#).ok(),
            Some(serde_json::json!({"x": [1]}))
        );
    }

    #[test]
    fn duplicate_keys_are_reported_with_both_places() {
        let text = r#"{"a": {"x": 1, "x": 2}}"#;
        let err = parse(text).unwrap().unwrap();
        let d = duplicate_keys(&err);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].pointer.as_deref(), Some("/a/x"));
        assert_eq!(&text[d[0].range.clone().unwrap()], r#""x""#);
        let first = d[0].related[0].range.clone().unwrap();
        assert_eq!(&text[first.clone()], r#""x""#);
        assert!(first.start < d[0].range.as_ref().unwrap().start);
    }

    #[test]
    fn pointers_resolve_to_the_value() {
        let text = r#"{"codes": [{"code": "a"}, {"code": "b", "status": 99}]}"#;
        let mut d = [Diagnostic::at("/codes/1/status", "bad")];
        locate(text, &mut d);
        assert_eq!(&text[d[0].range.clone().unwrap()], "99");
    }

    #[test]
    fn trailing_commas_are_syntax_errors() {
        assert!(parse(r#"{"a": 1,}"#).is_err());
    }

    #[test]
    fn serde_errors_are_located() {
        let text = "{\n  \"format\": 1,\n  \"name\": 5\n}";
        let d = catalog(text).unwrap_err();
        let range = d[0].range.clone().unwrap();
        assert_eq!(text[..range.start].lines().count(), 3, "{d:?}");
    }
}
