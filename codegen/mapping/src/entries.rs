//! Where the entries are (`entries.at`, `entries.kind`), which are kept (`entries.filter`),
//! and which entries make one code (`entries.repeated`).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{EntriesKind, Entry, Filter, Mapping, Repeated, source};
use errcat_catalog::diag::{Diagnostic, Diagnostics};
use errcat_catalog::json_pointer;

/// One vendor document: its parsed value, and its name when the mapping reads several files
/// (`None` for the one file of a plain `vendor_file`, whose locations are bare pointers).
#[derive(Clone, Copy)]
pub struct Document<'a> {
    /// The file's name as reports show it, e.g. `vendor/aws/s3.normal.json`.
    pub name: Option<&'a str>,
    /// The parsed file.
    pub value: &'a Value,
}

impl Mapping {
    /// The entries of every document, in order, filtered; an error at `entries.at` when no
    /// document has it or one holds another kind of collection than `entries.kind` says.
    pub(super) fn entries<'a>(
        &'a self,
        documents: &[Document<'a>],
    ) -> Result<Vec<Entry<'a>>, Diagnostics> {
        let mut out = Vec::new();
        let mut missing = None;
        for document in documents {
            match self.entries_of(*document) {
                Ok(entries) => out.extend(entries),
                Err(Selection::Missing(d)) => {
                    missing.get_or_insert(d);
                }
                Err(Selection::Wrong(d)) => return Err(d),
            }
        }
        // Several files: one without the collection is fine, as long as some file has it.
        if let Some(d) = missing
            && (documents.len() == 1 || out.is_empty())
        {
            return Err(d);
        }
        if let Some(filter) = &self.entries.filter {
            let mut kept = Vec::with_capacity(out.len());
            for entry in out {
                match holds(filter, &entry) {
                    Ok(true) => kept.push(entry),
                    Ok(false) => {}
                    Err(problem) => {
                        let place = entry.location();
                        return Err(Diagnostic::at(
                            place.clone(),
                            format!("entry {place}: the filter cannot be read: {problem}"),
                        )
                        .hint("fix the filter's pointer in the mapping (`entries.filter`)")
                        .into());
                    }
                }
            }
            out = kept;
        }
        Ok(out)
    }

    /// The entries of one document, unfiltered.
    fn entries_of<'a>(&'a self, document: Document<'a>) -> Result<Vec<Entry<'a>>, Selection> {
        let at = &self.entries.at;
        let vendor = document.value;
        let collections = select(vendor, at).map_err(|miss| {
            let message = match miss {
                None => format!("`entries.at` points at `{at}`, which the vendor file does not have"),
                Some((matched, count, next)) => format!(
                    "`entries.at` points at `{at}`, which the vendor file does not have: `{matched}` matches {count} value{}, none of which has `{next}`",
                    if count == 1 { "" } else { "s" }
                ),
            };
            let d = Diagnostic::at(located(document.name, at), message)
                .hint("fix `entries.at` in the mapping; the vendor file may have changed shape");
            Selection::Missing(d.into())
        })?;
        let mut out = Vec::new();
        for (pointer, collection) in collections {
            match (self.entries.kind, collection) {
                (EntriesKind::Array, Value::Array(items)) => {
                    for (i, value) in items.iter().enumerate() {
                        out.push(Entry {
                            pointer: format!("{pointer}/{i}"),
                            key: None,
                            value,
                            root: vendor,
                            file: document.name,
                            links_base: self.links_base.as_deref(),
                        });
                    }
                }
                (EntriesKind::Object, Value::Object(members)) => {
                    for (key, value) in members {
                        out.push(Entry {
                            pointer: format!("{pointer}/{}", json_pointer::escape(key)),
                            key: Some(key),
                            value,
                            root: vendor,
                            file: document.name,
                            links_base: self.links_base.as_deref(),
                        });
                    }
                }
                (kind, other) => {
                    let found = match other {
                        Value::Array(_) => "an array",
                        Value::Object(_) => "an object",
                        _ => "a single value",
                    };
                    let want = if kind == EntriesKind::Array {
                        "an array"
                    } else {
                        "an object"
                    };
                    return Err(Selection::Wrong(Diagnostics::from(
                        Diagnostic::at(
                            located(document.name, &pointer),
                            format!(
                                "the entries should be {want}, but the vendor file has {found} here"
                            ),
                        )
                        .hint("set `entries.kind` to match the vendor file"),
                    )));
                }
            }
        }
        Ok(out)
    }

    /// Entries that make one code: each alone, or with `repeated: merge`, every entry of a code
    /// together (in order of first appearance).
    pub(super) fn groups(&self, entries: &[Entry<'_>]) -> Vec<Vec<usize>> {
        if self.entries.repeated != Repeated::Merge {
            return (0..entries.len()).map(|i| vec![i]).collect();
        }
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
        for (i, entry) in entries.iter().enumerate() {
            let wire = source::code_value(&self.fields.code, entry, &mut BTreeSet::new())
                .ok()
                .flatten()
                .map(|v| match v {
                    Value::String(s) => s.trim().to_owned(),
                    other => other.to_string(),
                });
            match wire {
                Some(w) => match by_code.get(&w) {
                    Some(&g) => groups[g].push(i),
                    None => {
                        by_code.insert(w, groups.len());
                        groups.push(vec![i]);
                    }
                },
                None => groups.push(vec![i]),
            }
        }
        groups
    }
}

/// Why a document gave no entries.
enum Selection {
    /// It does not have the collection.
    Missing(Diagnostics),
    /// It has something else there.
    Wrong(Diagnostics),
}

/// A place in a vendor document as reports name it: the pointer, after the file's name and
/// `#` when the mapping reads several files.
pub(super) fn located(file: Option<&str>, pointer: &str) -> String {
    match file {
        Some(file) => format!("{file}#{pointer}"),
        None => pointer.to_owned(),
    }
}

/// How far a `*` pointer got: the longest part that matched, how many values it matched, and
/// the segment none of them has.
type Miss = (String, usize, String);

/// The values `at` selects in `root`, with their pointers, in document order: `at` is a JSON
/// pointer in which a `*` segment steps into every member of an array or object. When it
/// selects nothing: `None` when it has no `*` (or its first segment already fails), else the
/// longest part that matched something, how many values it matched, and the next segment.
fn select<'a>(root: &'a Value, at: &str) -> Result<Vec<(String, &'a Value)>, Option<Miss>> {
    if !at.split('/').any(|s| s == "*") {
        return root
            .pointer(at)
            .map(|v| vec![(at.to_owned(), v)])
            .ok_or(None);
    }
    let mut current: Vec<(String, &Value)> = vec![(String::new(), root)];
    let mut matched = String::new();
    for raw in at.split('/').skip(1) {
        let mut next = Vec::new();
        for (pointer, value) in &current {
            if raw == "*" {
                match value {
                    Value::Array(items) => next.extend(
                        items
                            .iter()
                            .enumerate()
                            .map(|(i, v)| (format!("{pointer}/{i}"), v)),
                    ),
                    Value::Object(members) => next.extend(
                        members
                            .iter()
                            .map(|(k, v)| (format!("{pointer}/{}", json_pointer::escape(k)), v)),
                    ),
                    _ => {}
                }
            } else if let Some(v) = value.pointer(&format!("/{raw}")) {
                next.push((format!("{pointer}/{raw}"), v));
            }
        }
        if next.is_empty() {
            return Err((!matched.is_empty())
                .then(|| (matched, current.len(), json_pointer::unescape(raw))));
        }
        matched.push('/');
        matched.push_str(raw);
        current = next;
    }
    Ok(current)
}

/// Whether `filter` holds for `entry`; an error when a pointer cannot be read for it (a
/// relative pointer that climbs above the document), never a silent "absent". A malformed
/// filter (reported by the mapping checks) holds for nothing.
pub(super) fn holds(filter: &Filter, entry: &Entry<'_>) -> Result<bool, String> {
    if let Some(all) = &filter.all {
        for f in all {
            if !holds(f, entry)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    if let Some(any) = &filter.any {
        for f in any {
            if holds(f, entry)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(not) = &filter.not {
        return holds(not, entry).map(|h| !h);
    }
    let Some(pointer) = &filter.pointer else {
        return Ok(false);
    };
    let found = source::resolve(pointer, entry)?;
    if let Some(want) = &filter.equals {
        return Ok(found.as_ref() == Some(want));
    }
    if let Some(not) = &filter.not_equals {
        return Ok(found.as_ref() != Some(not));
    }
    Ok(match filter.exists {
        Some(exists) => found.is_some_and(|v| !v.is_null()) == exists,
        None => false,
    })
}

/// Problems of a filter's form, located under `at`: each node is one pointer test (with
/// exactly one of `equals`, `not_equals` and `exists`) or one of `all`, `any` and `not`.
pub(super) fn check_filter(filter: &Filter, at: &str, out: &mut Diagnostics) {
    let tests = usize::from(filter.equals.is_some())
        + usize::from(filter.not_equals.is_some())
        + usize::from(filter.exists.is_some());
    let groups = usize::from(filter.all.is_some())
        + usize::from(filter.any.is_some())
        + usize::from(filter.not.is_some());
    let form_ok = match (&filter.pointer, groups) {
        (Some(_), 0) => tests == 1,
        (None, 1) => tests == 0,
        _ => false,
    };
    if !form_ok {
        out.push(
            Diagnostic::at(
                at,
                "a filter is either a `pointer` with exactly one of `equals`, `not_equals` and `exists`, or exactly one of `all`, `any` and `not`",
            )
            .hint(r#"e.g. {"pointer": "/kind", "equals": "error"} or {"all": [{"pointer": "/code", "exists": true}, …]}"#),
        );
    }
    if let Some(p) = &filter.pointer
        && !source::is_pointer(p)
    {
        out.push(
            Diagnostic::at(format!("{at}/pointer"), format!("`{p}` is not a JSON pointer"))
                .hint(format!("JSON pointers start with `/`: `/{p}` (or a level number, `1/{p}`, to read an enclosing level)")),
        );
    }
    for (name, list) in [("all", &filter.all), ("any", &filter.any)] {
        for (i, f) in list.iter().flatten().enumerate() {
            check_filter(f, &format!("{at}/{name}/{i}"), out);
        }
    }
    if let Some(not) = &filter.not {
        check_filter(not, &format!("{at}/not"), out);
    }
}

/// Objects merged member by member (the first present value wins); anything else is the
/// first value.
pub(super) fn merge_values<'a>(mut values: impl Iterator<Item = &'a Value>) -> Value {
    let Some(first) = values.next() else {
        return Value::Null;
    };
    let Value::Object(first) = first else {
        return first.clone();
    };
    let mut merged = first.clone();
    for value in values {
        if let Value::Object(more) = value {
            for (k, v) in more {
                if merged.get(k).is_none_or(Value::is_null) {
                    merged.insert(k.clone(), v.clone());
                }
            }
        }
    }
    Value::Object(merged)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::{one, test_mapping};
    use super::*;

    fn pointers(mapping: &Mapping, vendor: &Value) -> Vec<String> {
        let entries = mapping.entries(&one(vendor)).expect("entries");
        entries.into_iter().map(|e| e.pointer).collect()
    }

    #[test]
    fn array_entries_are_at_the_pointer() {
        let m = test_mapping(json!({"entries": {"at": "/data/errors"}}));
        let vendor = json!({"data": {"errors": [{"code": "a"}, {"code": "b"}]}});
        assert_eq!(pointers(&m, &vendor), ["/data/errors/0", "/data/errors/1"]);
    }

    #[test]
    fn object_entries_have_their_key_and_an_escaped_pointer() {
        let m = test_mapping(json!({"entries": {"at": "/e", "kind": "object"}}));
        let vendor = json!({"e": {"a/b": {"m": "x"}, "c~d": {"m": "y"}}});
        let entries = m.entries(&one(&vendor)).unwrap();
        let got: Vec<(&str, Option<&str>)> = entries
            .iter()
            .map(|e| (e.pointer.as_str(), e.key))
            .collect();
        assert_eq!(got, [("/e/a~1b", Some("a/b")), ("/e/c~0d", Some("c~d"))]);
    }

    #[test]
    fn an_absent_collection_is_an_error_at_the_pointer() {
        let m = test_mapping(json!({"entries": {"at": "/nope"}}));
        let d = m
            .entries(&one(&json!({"errors": []})))
            .err()
            .unwrap()
            .remove(0);
        assert_eq!(d.pointer.as_deref(), Some("/nope"));
        assert!(
            d.message.contains("`entries.at` points at `/nope`"),
            "{}",
            d.message
        );
    }

    #[test]
    fn the_wrong_kind_of_collection_is_an_error_saying_both() {
        let m = test_mapping(json!({"entries": {"kind": "object"}}));
        let d = m
            .entries(&one(&json!([{"code": "a"}])))
            .err()
            .unwrap()
            .remove(0);
        assert_eq!(
            d.message,
            "the entries should be an object, but the vendor file has an array here"
        );
        let m = test_mapping(json!({}));
        let d = m.entries(&one(&json!("text"))).err().unwrap().remove(0);
        assert_eq!(
            d.message,
            "the entries should be an array, but the vendor file has a single value here"
        );
    }

    #[test]
    fn the_filter_keeps_entries_whose_value_equals() {
        let m = test_mapping(json!({
            "entries": {"filter": {"pointer": "/kind", "equals": "error"}}
        }));
        let vendor = json!([
            {"code": "a", "kind": "error"},
            {"code": "b", "kind": "warning"},
            {"code": "c"},
            {"code": "d", "kind": "error"},
        ]);
        assert_eq!(pointers(&m, &vendor), ["/0", "/3"]);
    }

    #[test]
    fn without_merge_every_entry_is_its_own_group() {
        let m = test_mapping(json!({}));
        let vendor = json!([{"code": "a"}, {"code": "a"}, {"code": "b"}]);
        let entries = m.entries(&one(&vendor)).unwrap();
        assert_eq!(m.groups(&entries), [vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn merge_groups_entries_of_one_code_in_order_of_first_appearance() {
        let m = test_mapping(json!({"entries": {"repeated": "merge"}}));
        // Codes compare after cleaning and trimming: " b" and "b" are one code; an entry
        // without a code stays alone.
        let vendor = json!([
            {"code": "b"}, {"code": "a"}, {"code": " b"}, {"m": "no code"}, {"code": "a"}
        ]);
        let entries = m.entries(&one(&vendor)).unwrap();
        assert_eq!(m.groups(&entries), [vec![0, 2], vec![1, 4], vec![3]]);
    }

    #[test]
    fn merged_values_take_the_first_present_member() {
        let a = json!({"code": "x", "message": null, "when": "first"});
        let b = json!({"message": "from b", "when": "second", "extra": 1});
        let merged = merge_values([&a, &b].into_iter());
        assert_eq!(
            merged,
            json!({"code": "x", "message": "from b", "when": "first", "extra": 1})
        );
        assert_eq!(merge_values([&json!(3), &a].into_iter()), json!(3));
        assert_eq!(merge_values(std::iter::empty()), Value::Null);
    }

    /// A hierarchy of classes, subclasses and errors, as error registries nest them.
    fn hierarchy() -> Value {
        json!({"classes": [
            {"number": 2, "subclasses": [
                {"number": 1, "errors": [{"number": 51}, {"number": 52}]},
                {"name": "no errors here"},
            ]},
            {"number": 3, "subclasses": {"x": {"errors": [{"number": 1}]}}},
            {"number": 4},
        ]})
    }

    #[test]
    fn a_star_steps_into_every_member_at_any_depth() {
        let m = test_mapping(json!({"entries": {"at": "/classes/*/subclasses/*/errors"}}));
        assert_eq!(
            pointers(&m, &hierarchy()),
            [
                "/classes/0/subclasses/0/errors/0",
                "/classes/0/subclasses/0/errors/1",
                "/classes/1/subclasses/x/errors/0",
            ]
        );
        // Object collections at the last level keep their keys.
        let m = test_mapping(json!({"entries": {"at": "/*/errors", "kind": "object"}}));
        let vendor = json!({"a": {"errors": {"E1": {}}}, "b": {"errors": {"E2": {}}}});
        let entries = m.entries(&one(&vendor)).unwrap();
        let keys: Vec<_> = entries.iter().map(|e| e.key).collect();
        assert_eq!(keys, [Some("E1"), Some("E2")]);
    }

    #[test]
    fn a_star_pointer_that_finds_nothing_says_how_far_it_got() {
        let m = test_mapping(json!({"entries": {"at": "/classes/*/subclasses/*/faults"}}));
        let d = m.entries(&one(&hierarchy())).err().unwrap().remove(0);
        assert_eq!(d.pointer.as_deref(), Some("/classes/*/subclasses/*/faults"));
        assert_eq!(
            d.message,
            "`entries.at` points at `/classes/*/subclasses/*/faults`, which the vendor file does not have: `/classes/*/subclasses/*` matches 3 values, none of which has `faults`"
        );
    }

    #[test]
    fn each_collection_a_star_finds_must_be_of_the_declared_kind() {
        let m = test_mapping(json!({"entries": {"at": "/*/errors"}}));
        let vendor = json!({"a": {"errors": [{}]}, "b": {"errors": {"E": {}}}});
        let d = m.entries(&one(&vendor)).err().unwrap().remove(0);
        assert_eq!(d.pointer.as_deref(), Some("/b/errors"));
        assert!(d.message.contains("should be an array"), "{}", d.message);
    }

    #[test]
    fn entries_read_enclosing_levels_with_relative_pointers() {
        let m = test_mapping(json!({"entries": {"at": "/classes/*/subclasses/*/errors"}}));
        let vendor = hierarchy();
        let entries = m.entries(&one(&vendor)).unwrap();
        let read = |i: usize, p: &str| source::resolve(p, &entries[i]).ok().flatten();
        assert_eq!(read(0, "0/number"), Some(json!(51)));
        assert_eq!(read(0, "/number"), Some(json!(51)));
        assert_eq!(read(1, "0#"), Some(json!(1)));
        assert_eq!(read(0, "2/number"), Some(json!(1)));
        assert_eq!(read(0, "4/number"), Some(json!(2)));
        assert_eq!(read(2, "2#"), Some(json!("x")));
        assert_eq!(read(2, "2/number"), None);
        assert_eq!(read(2, "4#"), Some(json!(1)));
        assert_eq!(read(0, "6"), Some(vendor.clone()));
        assert_eq!(read(0, "7/x"), None);
        assert_eq!(read(0, "6#"), None);
    }

    #[test]
    fn predicates_combine_equals_not_equals_and_exists() {
        let vendor = json!([
            {"code": "a", "kind": "E", "macro": "M"},
            {"code": "b", "kind": "W", "macro": "M"},
            {"code": "c", "kind": "E"},
            {"code": "d", "kind": "S", "macro": null},
            {"code": "e"},
        ]);
        let with = |filter: Value| {
            let m = test_mapping(json!({"entries": {"filter": filter}}));
            let entries = m.entries(&one(&vendor)).unwrap();
            entries
                .iter()
                .map(|e| e.pointer.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            with(json!({"pointer": "/kind", "not_equals": "E"})),
            ["/1", "/3", "/4"]
        );
        assert_eq!(
            with(json!({"pointer": "/macro", "exists": true})),
            ["/0", "/1"]
        );
        assert_eq!(
            with(json!({"pointer": "/macro", "exists": false})),
            ["/2", "/3", "/4"]
        );
        assert_eq!(with(json!({"pointer": "/macro", "equals": null})), ["/3"]);
        assert_eq!(
            with(json!({"all": [
                {"pointer": "/kind", "equals": "E"},
                {"pointer": "/macro", "exists": true},
            ]})),
            ["/0"]
        );
        assert_eq!(
            with(json!({"any": [
                {"pointer": "/kind", "equals": "W"},
                {"not": {"pointer": "/kind", "exists": true}},
            ]})),
            ["/1", "/4"]
        );
    }

    #[test]
    fn a_predicate_may_test_an_enclosing_level() {
        let m = test_mapping(json!({"entries": {
            "at": "/classes/*/subclasses/*/errors",
            "filter": {"pointer": "4/number", "equals": 3},
        }}));
        assert_eq!(
            pointers(&m, &hierarchy()),
            ["/classes/1/subclasses/x/errors/0"]
        );
    }

    #[test]
    fn a_malformed_filter_is_located_in_the_mapping() {
        let filter: Filter = serde_json::from_value(json!({"all": [
            {"pointer": "/a", "equals": 1, "exists": true},
            {"pointer": "kind", "equals": 1},
            {"any": [], "not": {"pointer": "/x", "exists": true}},
        ]}))
        .unwrap();
        let mut out = Diagnostics::new();
        check_filter(&filter, "/entries/filter", &mut out);
        let got: Vec<&str> = out.iter().filter_map(|d| d.pointer.as_deref()).collect();
        assert_eq!(
            got,
            [
                "/entries/filter/all/0",
                "/entries/filter/all/1/pointer",
                "/entries/filter/all/2",
            ]
        );
    }

    #[test]
    fn several_documents_give_their_entries_in_order_named_by_file() {
        let m = test_mapping(json!({"entries": {"at": "/errors"}}));
        let (a, b, c) = (
            json!({"errors": [{"code": "a"}]}),
            json!({"other": []}),
            json!({"errors": [{"code": "c"}]}),
        );
        let documents = [
            Document {
                name: Some("v/a.json"),
                value: &a,
            },
            Document {
                name: Some("v/b.json"),
                value: &b,
            },
            Document {
                name: Some("v/c.json"),
                value: &c,
            },
        ];
        let entries = m.entries(&documents).unwrap();
        let got: Vec<String> = entries
            .iter()
            .map(|e| located(e.file, &e.pointer))
            .collect();
        assert_eq!(got, ["v/a.json#/errors/0", "v/c.json#/errors/0"]);
        // No file has the collection: the error names the first file.
        let d = m.entries(&documents[1..2]).err().unwrap().remove(0);
        assert_eq!(d.pointer.as_deref(), Some("v/b.json#/errors"));
    }

    #[test]
    fn a_filter_pointer_above_the_document_is_an_error_not_an_absent_value() {
        let m = test_mapping(json!({"entries": {
            "at": "/errors",
            "filter": {"pointer": "9/deprecated", "exists": false},
        }}));
        let vendor = json!({"errors": [{"code": "a"}]});
        let d = m.entries(&one(&vendor)).err().unwrap().remove(0);
        assert_eq!(d.pointer.as_deref(), Some("/errors/0"));
        assert!(
            d.message.starts_with(
                "entry /errors/0: the filter cannot be read: `9/deprecated` climbs 9 levels"
            ),
            "{}",
            d.message
        );
    }
}
