//! The catalog fields a mapping fills, as one table: each row names a field (as `fields.<name>`,
//! `overlay.<name>` and the catalog spell it), says how a vendor entry gives it, and how an
//! overlay changes it. Reading an entry, the source checks, the merge of repeated entries and
//! the overlay all walk this table; a new catalog field is one row here, beside its place in
//! [`Fields`] and [`CodeOverlay`] (the file format) and in the catalog's `Code`.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::source::{self, kind_of};
use super::{CodeOverlay, Entry, Fields, Mapping, Source};
use errcat_catalog::diag::{Diagnostic, Diagnostics};
use errcat_catalog::format::{Code, CodeType, CodeValue, Deprecation};

/// A field's source in `fields`, when the mapping gives one.
pub(super) type SourceOf = fn(&Fields) -> Option<&Source>;

/// One catalog field a mapping fills.
pub(super) struct FieldSpec {
    /// The field's name in `fields`, in `overlay` and in the catalog.
    pub name: &'static str,
    /// How a vendor entry gives it.
    pub read: Read,
    /// The overlay applied to a code: a value replaces the vendor's, a list is appended.
    pub overlay: fn(&CodeOverlay, &mut Code),
}

/// How a vendor entry gives a field, with the source in `fields` and the place in `Code`.
pub(super) enum Read {
    /// The wire code: required, read as the catalog's `code_type` says.
    Code,
    /// The message: required, on one line; an overlay may give one the entry leaves empty.
    Message,
    /// `deprecated.flag` (true or false) and, when it is true, the required `deprecated.note`.
    Deprecated,
    /// A category id: text that `catalog.categories` declares, or, with `derive_categories`,
    /// one that can be an id (no whitespace, no control character).
    Category,
    /// Text, cleaned.
    Text(SourceOf, fn(&mut Code) -> &mut Option<String>),
    /// Text made a Rust variant name.
    Name(SourceOf, fn(&mut Code) -> &mut Option<String>),
    /// An HTTP status: a number, or digits.
    Status(SourceOf, fn(&mut Code) -> &mut Option<u16>),
    /// A list of text (a string is one item); the entries of a repeated code each add theirs.
    List(SourceOf, fn(&mut Code) -> &mut Vec<String>),
    /// `true` or `false`.
    Flag(SourceOf, fn(&mut Code) -> &mut Option<bool>),
    /// Not read from vendor entries: only the overlay gives it.
    OverlayOnly,
}

/// A row of [`FIELDS`]: `row!(field, Kind, replace | append | <overlay fn>)`.
macro_rules! row {
    ($field:ident, $kind:ident, replace) => {
        row!($field, $kind, |o, c| replace(&mut c.$field, &o.$field))
    };
    ($field:ident, $kind:ident, append) => {
        row!($field, $kind, |o, c| c
            .$field
            .extend(o.$field.iter().cloned()))
    };
    ($field:ident, $kind:ident, $overlay:expr) => {
        FieldSpec {
            name: stringify!($field),
            read: read!($field, $kind),
            overlay: $overlay,
        }
    };
}

/// The [`Read`] of a row: the kinds with a source read `fields.<field>` into `Code::<field>`.
macro_rules! read {
    ($field:ident, Text) => {
        Read::Text(|f| f.$field.as_ref(), |c| &mut c.$field)
    };
    ($field:ident, Name) => {
        Read::Name(|f| f.$field.as_ref(), |c| &mut c.$field)
    };
    ($field:ident, Status) => {
        Read::Status(|f| f.$field.as_ref(), |c| &mut c.$field)
    };
    ($field:ident, List) => {
        Read::List(|f| f.$field.as_ref(), |c| &mut c.$field)
    };
    ($field:ident, Flag) => {
        Read::Flag(|f| f.$field.as_ref(), |c| &mut c.$field)
    };
    ($field:ident, $kind:ident) => {
        Read::$kind
    };
}

/// Every catalog field a mapping fills, in the order of [`Fields`] (then the fields only an
/// overlay gives). Entries are read, and sources checked, in this order.
pub(super) const FIELDS: &[FieldSpec] = &[
    row!(code, Code, |_, _| {}),
    row!(message, Message, |o, c| {
        if let Some(m) = &o.message {
            c.message.clone_from(m);
        }
    }),
    row!(name, Name, replace),
    row!(title, Text, replace),
    row!(status, Status, replace),
    row!(category, Category, replace),
    row!(description, Text, replace),
    row!(when, Text, replace),
    row!(causes, List, append),
    row!(fixes, List, append),
    row!(notes, List, append),
    row!(doc_url, Text, replace),
    row!(sdk_class, Text, replace),
    row!(retryable, Flag, replace),
    row!(deprecated, Deprecated, replace),
    row!(action, OverlayOnly, replace),
    row!(cases, OverlayOnly, append),
    row!(examples, OverlayOnly, append),
    row!(headers, OverlayOnly, append),
    row!(retired, OverlayOnly, replace),
    row!(reused, OverlayOnly, replace),
    row!(aliases, OverlayOnly, append),
    row!(args, OverlayOnly, append),
];

/// An overlay's scalar replaces the vendor's value when it is given.
fn replace<T: Clone>(target: &mut Option<T>, value: &Option<T>) {
    if value.is_some() {
        target.clone_from(value);
    }
}

/// A code with nothing in it but its code and message.
fn bare(code: CodeValue, message: String) -> Code {
    Code {
        code,
        name: None,
        title: None,
        status: None,
        category: None,
        message,
        description: None,
        when: None,
        causes: Vec::new(),
        fixes: Vec::new(),
        action: None,
        cases: Vec::new(),
        examples: Vec::new(),
        headers: Vec::new(),
        retryable: None,
        sdk_class: None,
        doc_url: None,
        deprecated: None,
        retired: None,
        reused: None,
        aliases: Vec::new(),
        notes: Vec::new(),
        args: Vec::new(),
    }
}

/// A problem with `field` of `entry`, read from `source`: located at the value the source
/// points to in the entry, or at the entry.
pub(super) fn field_problem(
    entry: &Entry<'_>,
    field: &str,
    source: &Source,
    problem: String,
) -> Diagnostic {
    let place = entry.location();
    let at = source.pointer.as_deref().map_or_else(
        || place.clone(),
        |p| super::entries::located(entry.file, &source::location(p, entry)),
    );
    Diagnostic::at(at, format!("entry {place}: `{field}` {problem}")).hint(
        "the vendor file does not have what the mapping expects here: fix the mapping, or give the value in `overlay`",
    )
}

impl Mapping {
    /// The code `entry` gives, every field read as [`FIELDS`] says; `None` (with the problems
    /// in `out`) when its code or message is missing or unreadable. Each problem of a field is
    /// reported, not only the first. Pointers that found a value are added to `used_pointers`.
    pub(super) fn code(
        &self,
        entry: &Entry<'_>,
        used_pointers: &mut BTreeSet<String>,
        out: &mut Diagnostics,
    ) -> Option<Code> {
        let f = &self.fields;
        let mut used = BTreeSet::new();
        let mut fail = |field: &str, source: &Source, problem: String| {
            out.push(field_problem(entry, field, source, problem));
        };

        let mut wire: Option<CodeValue> = None;
        let mut message: Option<String> = None;
        let mut code = bare(CodeValue::String(String::new()), String::new());
        for spec in FIELDS {
            match spec.read {
                Read::Code => {
                    wire = self.code_of(entry, &mut used, &mut fail);
                }
                Read::Message => {
                    // The overlay may fill a message the vendor leaves empty.
                    let overlaid = wire
                        .as_ref()
                        .and_then(|c| self.overlay.get(&c.wire()))
                        .and_then(|o| o.message.clone());
                    message = match source::text(&f.message, entry, &mut used) {
                        Ok(Some(m)) => Some(super::clean::one_line(&m)),
                        Ok(None) if overlaid.is_some() => overlaid,
                        Ok(None) => {
                            fail("message", &f.message, "is missing or empty".to_owned());
                            None
                        }
                        Err(e) => {
                            fail("message", &f.message, e);
                            None
                        }
                    };
                }
                Read::Text(source_of, slot) => {
                    let Some(source) = source_of(f) else { continue };
                    *slot(&mut code) = text(spec.name, source, entry, &mut used, &mut fail);
                }
                Read::Category => {
                    let Some(source) = &f.category else { continue };
                    let id = text("category", source, entry, &mut used, &mut fail);
                    code.category = id.filter(|id| match self.category_problem(id) {
                        None => true,
                        Some(problem) => {
                            fail("category", source, problem);
                            false
                        }
                    });
                }
                Read::Name(source_of, slot) => {
                    let Some(source) = source_of(f) else { continue };
                    *slot(&mut code) = text(spec.name, source, entry, &mut used, &mut fail)
                        .map(|n| errcat_catalog::ident::variant_name(&n));
                }
                Read::Status(source_of, slot) => {
                    let Some(source) = source_of(f) else { continue };
                    let digits = text(spec.name, source, entry, &mut used, &mut fail);
                    *slot(&mut code) = digits.and_then(|s| match s.parse::<u16>() {
                        Ok(status) => Some(status),
                        Err(_) => {
                            fail(spec.name, source, format!("`{s}` is not an HTTP status"));
                            None
                        }
                    });
                }
                Read::List(source_of, slot) => {
                    let Some(source) = source_of(f) else { continue };
                    *slot(&mut code) =
                        source::texts(source, entry, &mut used).unwrap_or_else(|e| {
                            fail(spec.name, source, e);
                            Vec::new()
                        });
                }
                Read::Flag(source_of, slot) => {
                    let Some(source) = source_of(f) else { continue };
                    *slot(&mut code) = flag(spec.name, source, entry, &mut used, &mut fail);
                }
                Read::Deprecated => {
                    let Some(d) = &f.deprecated else { continue };
                    if flag("deprecated", &d.flag, entry, &mut used, &mut fail) != Some(true) {
                        continue;
                    }
                    code.deprecated = match source::text(&d.note, entry, &mut used) {
                        Ok(Some(note)) => Some(Deprecation { note }),
                        Ok(None) => {
                            fail(
                                "deprecated.note",
                                &d.note,
                                "is missing for a deprecated entry".to_owned(),
                            );
                            None
                        }
                        Err(e) => {
                            fail("deprecated.note", &d.note, e);
                            None
                        }
                    };
                }
                Read::OverlayOnly => {}
            }
        }
        used_pointers.extend(used);
        code.code = wire?;
        code.message = message?;
        Some(code)
    }

    /// Why `id`, read from a vendor entry, cannot be its category: not declared in
    /// `catalog.categories` (without `derive_categories`), or not an id.
    fn category_problem(&self, id: &str) -> Option<String> {
        if self.catalog.categories.iter().any(|c| c.id == id) {
            return None;
        }
        if self.derive_categories.is_none() {
            return Some(format!(
                "`{id}` is not a category `catalog.categories` declares (declare it, set `derive_categories`, or map the vendor's values with `expr`)"
            ));
        }
        let problem = if id.chars().any(char::is_whitespace) {
            "contains whitespace"
        } else if id.chars().any(char::is_control) {
            "contains a control character"
        } else {
            return None;
        };
        Some(format!(
            "cannot be derived: category id `{id}` {problem} (make a slug with `expr`, e.g. `.name | ascii_downcase | gsub(\"[^a-z0-9]+\"; \"-\")`)"
        ))
    }

    /// The wire code of `entry`, as the catalog's `code_type` wants it.
    fn code_of(
        &self,
        entry: &Entry<'_>,
        used: &mut BTreeSet<String>,
        fail: &mut impl FnMut(&str, &Source, String),
    ) -> Option<CodeValue> {
        let source = &self.fields.code;
        let value = match source::code_value(source, entry, used) {
            Ok(value) => value,
            Err(problem) => {
                fail("code", source, problem);
                return None;
            }
        };
        match (value, self.catalog.code_type) {
            (Some(Value::Number(n)), CodeType::Integer) => match n.as_i64() {
                Some(i) => Some(CodeValue::Integer(i)),
                None => {
                    fail("code", source, format!("{n} is not an integer code"));
                    None
                }
            },
            (Some(Value::String(s)), CodeType::Integer) => match s.trim().parse::<i64>() {
                Ok(i) => Some(CodeValue::Integer(i)),
                Err(_) => {
                    fail("code", source, format!("`{s}` is not an integer code"));
                    None
                }
            },
            (Some(Value::String(s)), _) => Some(CodeValue::String(s.trim().to_owned())),
            (Some(Value::Number(n)), _) => Some(CodeValue::String(n.to_string())),
            (Some(other), _) => {
                fail(
                    "code",
                    source,
                    format!("is {}, not a code", kind_of(&other)),
                );
                None
            }
            (None, _) => {
                fail("code", source, "is missing".to_owned());
                None
            }
        }
    }
}

/// An optional text field: `None` when absent or blank; a value with no text is a problem.
fn text(
    field: &str,
    source: &Source,
    entry: &Entry<'_>,
    used: &mut BTreeSet<String>,
    fail: &mut impl FnMut(&str, &Source, String),
) -> Option<String> {
    source::text(source, entry, used).unwrap_or_else(|problem| {
        fail(field, source, problem);
        None
    })
}

/// A true-or-false field: `None` when absent; anything but a boolean is a problem.
fn flag(
    field: &str,
    source: &Source,
    entry: &Entry<'_>,
    used: &mut BTreeSet<String>,
    fail: &mut impl FnMut(&str, &Source, String),
) -> Option<bool> {
    match source::value(source, entry, used) {
        Err(problem) => {
            fail(field, source, problem);
            None
        }
        Ok(None) => None,
        Ok(Some(Value::Bool(b))) => Some(b),
        Ok(Some(other)) => {
            fail(
                field,
                source,
                format!("is {}, not true or false", kind_of(&other)),
            );
            None
        }
    }
}

/// Names given by a field (vendor messages, condition names) repeat: every entry whose name
/// another entry also has gets its code appended.
pub(super) fn unique_names(codes: &mut [Code]) {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for c in codes.iter() {
        if let Some(n) = &c.name {
            *count.entry(n.clone()).or_default() += 1;
        }
    }
    for c in codes.iter_mut() {
        if let Some(n) = &c.name
            && count[n] > 1
        {
            c.name = Some(errcat_catalog::ident::variant_name(&format!(
                "{n}_{}",
                c.code.wire()
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::test_mapping;
    use super::*;

    /// The property names of `T`'s JSON schema.
    #[cfg(feature = "schema")]
    fn properties<T: schemars::JsonSchema>() -> BTreeSet<String> {
        let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
        schema["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect()
    }

    // The fields are read off the format's JSON Schema (the `schema` feature, which
    // `cargo test --workspace` turns on).
    #[cfg(feature = "schema")]
    #[test]
    fn the_table_has_a_row_for_every_field_a_mapping_can_give() {
        let rows: BTreeSet<String> = FIELDS.iter().map(|s| s.name.to_owned()).collect();
        assert_eq!(rows.len(), FIELDS.len(), "a field has two rows");
        let mut given = properties::<Fields>();
        given.extend(properties::<CodeOverlay>());
        assert_eq!(rows, given);
        // The rows with a source are exactly the fields of `fields`.
        let read: BTreeSet<String> = FIELDS
            .iter()
            .filter(|s| !matches!(s.read, Read::OverlayOnly))
            .map(|s| s.name.to_owned())
            .collect();
        assert_eq!(read, properties::<Fields>());
    }

    /// The code `entry` (at `/0`) gives under `mapping`, and the problems as `(pointer, message)`.
    fn read(mapping: &Mapping, entry: Value) -> (Option<Code>, Vec<(String, String)>) {
        let e = Entry {
            pointer: "/0".to_owned(),
            key: None,
            value: &entry,
            root: &entry,
            file: None,
            links_base: None,
        };
        let mut out = Diagnostics::new();
        let code = mapping.code(&e, &mut BTreeSet::new(), &mut out);
        let problems = out
            .into_iter()
            .map(|d| (d.pointer.unwrap_or_default(), d.message))
            .collect();
        (code, problems)
    }

    fn problem(pointer: &str, message: &str) -> (String, String) {
        (pointer.to_owned(), message.to_owned())
    }

    #[test]
    fn every_field_is_read_into_its_place() {
        let m = test_mapping(json!({
            "catalog": {"categories": [{"id": "client"}]},
            "fields": {
            "name": {"pointer": "/n"},
            "title": {"pointer": "/t"},
            "status": {"pointer": "/s"},
            "category": {"pointer": "/cat"},
            "description": {"pointer": "/d"},
            "when": {"pointer": "/w"},
            "causes": {"pointer": "/causes"},
            "fixes": {"pointer": "/fix"},
            "notes": {"pointer": "/notes"},
            "doc_url": {"template": "https://x.test/{/code}"},
            "sdk_class": {"pointer": "/sdk"},
            "retryable": {"pointer": "/r"},
            "deprecated": {"flag": {"pointer": "/old"}, "note": {"pointer": "/why"}},
        }}));
        let (code, problems) = read(
            &m,
            json!({
                "code": "E1", "message": "Line\nbreak", "n": "not found", "t": "Title",
                "s": "404", "cat": "client", "d": "Desc", "w": "When", "causes": ["a", "b"],
                "fix": "one fix", "notes": [], "sdk": "NotFound", "r": true, "old": true,
                "why": "use E2",
            }),
        );
        assert_eq!(problems, []);
        let c = code.expect("a code");
        assert_eq!(c.code, CodeValue::String("E1".to_owned()));
        assert_eq!(c.message, "Line break", "a message is one line");
        assert_eq!(c.name.as_deref(), Some("NotFound"));
        assert_eq!(c.title.as_deref(), Some("Title"));
        assert_eq!(c.status, Some(404));
        assert_eq!(c.category.as_deref(), Some("client"));
        assert_eq!(c.description.as_deref(), Some("Desc"));
        assert_eq!(c.when.as_deref(), Some("When"));
        assert_eq!(c.causes, ["a", "b"]);
        assert_eq!(c.fixes, ["one fix"]);
        assert!(c.notes.is_empty());
        assert_eq!(c.doc_url.as_deref(), Some("https://x.test/E1"));
        assert_eq!(c.sdk_class.as_deref(), Some("NotFound"));
        assert_eq!(c.retryable, Some(true));
        assert_eq!(c.deprecated.map(|d| d.note).as_deref(), Some("use E2"));
        assert_eq!((c.action, c.retired, c.reused), (None, None, None));
    }

    #[test]
    fn a_missing_code_or_message_is_a_located_problem_and_no_code() {
        let m = test_mapping(json!({}));
        let (code, problems) = read(&m, json!({"message": "  "}));
        assert!(code.is_none());
        assert_eq!(
            problems,
            [
                problem("/0/code", "entry /0: `code` is missing"),
                problem("/0/message", "entry /0: `message` is missing or empty"),
            ]
        );
        let (code, problems) = read(&m, json!({"code": ["a"], "message": "m"}));
        assert!(code.is_none());
        assert_eq!(
            problems,
            [problem("/0/code", "entry /0: `code` is a list, not a code")]
        );
    }

    #[test]
    fn integer_codes_read_numbers_and_digits() {
        let m =
            test_mapping(json!({"catalog": {"name": "t", "title": "T", "code_type": "integer"}}));
        let (code, _) = read(&m, json!({"code": " 42 ", "message": "m"}));
        assert_eq!(code.unwrap().code, CodeValue::Integer(42));
        let (code, _) = read(&m, json!({"code": 7, "message": "m"}));
        assert_eq!(code.unwrap().code, CodeValue::Integer(7));
        let (code, problems) = read(&m, json!({"code": "4x", "message": "m"}));
        assert!(code.is_none());
        assert_eq!(
            problems,
            [problem(
                "/0/code",
                "entry /0: `code` `4x` is not an integer code"
            )]
        );
        let (_, problems) = read(&m, json!({"code": 1.5, "message": "m"}));
        assert_eq!(
            problems,
            [problem(
                "/0/code",
                "entry /0: `code` 1.5 is not an integer code"
            )]
        );
        // A string catalog keeps a number's digits.
        let m = test_mapping(json!({}));
        let (code, _) = read(&m, json!({"code": 20003, "message": "m"}));
        assert_eq!(code.unwrap().code, CodeValue::String("20003".to_owned()));
    }

    #[test]
    fn bad_optional_fields_are_each_reported_and_the_code_is_kept() {
        let m = test_mapping(json!({"fields": {
            "status": {"pointer": "/s"},
            "retryable": {"pointer": "/r"},
            "title": {"pointer": "/t"},
            "deprecated": {"flag": {"pointer": "/old"}, "note": {"pointer": "/why"}},
        }}));
        let (code, problems) = read(
            &m,
            json!({"code": "a", "message": "m", "s": "4o4", "r": "yes", "t": {}, "old": true}),
        );
        let c = code.expect("the code is still read");
        assert_eq!((c.status, c.retryable, c.title), (None, None, None));
        assert!(c.deprecated.is_none());
        assert_eq!(
            problems,
            [
                problem("/0/t", "entry /0: `title` expected text, found an object"),
                problem("/0/s", "entry /0: `status` `4o4` is not an HTTP status"),
                problem("/0/r", "entry /0: `retryable` is text, not true or false"),
                problem(
                    "/0/why",
                    "entry /0: `deprecated.note` is missing for a deprecated entry"
                ),
            ]
        );
    }

    #[test]
    fn a_deprecation_needs_a_true_flag() {
        let m = test_mapping(json!({"fields": {
            "deprecated": {"flag": {"pointer": "/old"}, "note": {"pointer": "/why"}},
        }}));
        for entry in [
            json!({"code": "a", "message": "m", "old": false, "why": "x"}),
            json!({"code": "a", "message": "m", "why": "x"}),
        ] {
            let (code, problems) = read(&m, entry);
            assert_eq!(problems, []);
            assert!(code.unwrap().deprecated.is_none());
        }
    }

    #[test]
    fn the_overlay_may_give_a_message_the_entry_lacks() {
        let m = test_mapping(json!({"overlay": {"a": {"message": "From the overlay"}}}));
        let (code, problems) = read(&m, json!({"code": "a", "message": ""}));
        assert_eq!(problems, []);
        assert_eq!(code.unwrap().message, "From the overlay");
        // Only for its own code.
        let (code, problems) = read(&m, json!({"code": "b"}));
        assert!(code.is_none());
        assert_eq!(
            problems,
            [problem(
                "/0/message",
                "entry /0: `message` is missing or empty"
            )]
        );
    }

    #[test]
    fn pointers_that_found_a_value_are_recorded() {
        let m = test_mapping(json!({"fields": {
            "title": {"pointer": "/t"},
            "when": {"template": "{/w1} {/w2}"},
        }}));
        let entry = json!({"code": "a", "message": "m", "w1": "x"});
        let e = Entry {
            pointer: "/0".to_owned(),
            key: None,
            value: &entry,
            root: &entry,
            file: None,
            links_base: None,
        };
        let mut used = BTreeSet::new();
        m.code(&e, &mut used, &mut Diagnostics::new()).unwrap();
        let want: BTreeSet<String> = ["/code", "/message", "/w1"].map(str::to_owned).into();
        assert_eq!(used, want);
    }

    #[test]
    fn repeated_names_get_their_code_appended() {
        let code = |wire: &str, name: Option<&str>| {
            let mut c = bare(CodeValue::String(wire.to_owned()), "m".to_owned());
            c.name = name.map(str::to_owned);
            c
        };
        let mut codes = vec![
            code("1", Some("Busy")),
            code("2", Some("Busy")),
            code("3", Some("Gone")),
            code("4", None),
        ];
        unique_names(&mut codes);
        let names: Vec<Option<&str>> = codes.iter().map(|c| c.name.as_deref()).collect();
        assert_eq!(names, [Some("Busy1"), Some("Busy2"), Some("Gone"), None]);
    }
}

#[cfg(test)]
mod expr_tests;
