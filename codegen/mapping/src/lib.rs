//! Vendor catalogs: a mapping file describes, once, how to read a vendor's own error file
//! (kept verbatim in `catalog/vendor/`) as a native [`Catalog`], plus an overlay of what the
//! vendor file lacks. Updating is replacing the vendor file and running `cargo xtask gen`.
//!
//! A mapping says where the entries are (a JSON pointer; an array, or the members of an
//! object keyed by code), which entries to keep, and for each catalog field where its value
//! comes from: a JSON pointer into the entry, the member key, or a template over pointers
//! (`"{/code} – {/message}"`), with simple text normalisation. Nothing is invented: a field the
//! entry lacks stays absent, a required field (code, message) that is missing is an error
//! naming the vendor file, the entry and the pointer, and a pointer that matches no entry at
//! all is an error too (it is almost always a typo).
//!
//! [`Mapping::apply_with_release`] runs the stages in order, each in its own file:
//!
//! - [`format`](mod@format): what a mapping file may say (types only);
//! - `checks`: the mapping on its own (one source per field, pointers that are pointers) and,
//!   after reading, pointers that matched no entry;
//! - `entries`: where the entries are, the filter, and entries of one code grouped;
//! - `source` and `clean`: a field's value in an entry (pointer, key, template or jq
//!   expression, the last in `expr`) and its text cleaned;
//! - `markup`: HTML text (`markup: html`) as markdown, its links made absolute against
//!   `links_base`;
//! - `fields`: the table of catalog fields, and a code made from an entry with it;
//! - `overlay`: retired codes put back and the overlay applied;
//! - `lines`: a line-oriented vendor file read as entries;
//! - `explain`: where each field of each code came from;
//! - `preview`: what a mapping made, field by field, for `gen --explain`.

mod checks;
mod clean;
mod entries;
mod explain;
mod expr;
mod fields;
pub mod format;
mod lines;
mod markup;
mod overlay;
mod preview;
mod source;

use std::collections::BTreeSet;

use serde_json::Value;

pub use crate::format::*;
#[allow(
    unused_imports,
    reason = "read by the mapping preview (`gen --explain`)"
)]
pub use explain::{CodeOrigin, FieldOrigin, Origin};

pub use entries::Document;
use errcat_catalog::diag::{Diagnostic, Diagnostics};
use errcat_catalog::format::{Catalog, Category, Code};
use fields::{FIELDS, Read};

/// The file tag ([`Diagnostic::file`]) of a problem in a vendor file: its pointer points into
/// the vendor document (after `<file>#` when the mapping reads several files). A problem in the
/// mapping file has the tag [`THIS_FILE`](errcat_catalog::diag::THIS_FILE).
pub const IN_VENDOR_FILE: usize = 1;

/// One entry of the vendor file.
struct Entry<'a> {
    /// JSON pointer of the entry in the vendor file.
    pointer: String,
    /// Member key, for object collections.
    key: Option<&'a str>,
    /// The entry's value (for merged entries, their values merged).
    value: &'a Value,
    /// The whole vendor document the entry is in, which `pointer` points into: enclosing
    /// levels are read from it.
    root: &'a Value,
    /// The vendor file's name when the mapping reads several files.
    file: Option<&'a str>,
    /// The mapping's `links_base`, which relative links in the entry's HTML resolve against.
    links_base: Option<&'a str>,
}

impl<'a> Entry<'a> {
    /// The entry's place as reports name it (see [`Document`]).
    fn location(&self) -> String {
        entries::located(self.file, &self.pointer)
    }
}

impl Mapping {
    /// Reads `vendor` (the vendor file's parsed JSON) as a catalog, with the JSON pointer of the
    /// vendor entry each code comes from (for locating later problems in the vendor file).
    #[cfg(test)]
    pub fn apply(&self, vendor: &Value) -> Result<(Catalog, Vec<String>), Diagnostics> {
        let document = Document {
            name: None,
            value: vendor,
        };
        self.apply_with_release(&[document], Ok(None))
    }

    /// Reads the vendor `documents` (one, or each file a `vendor_file` pattern matched) as a
    /// catalog, with the catalog as resolved at its last release, where the codes listed in
    /// `retired` are read from: `Ok(None)` when it was never released, `Err(())` when its
    /// release record cannot be read (which is reported elsewhere). Each code's origin is its
    /// entry's place, as [`Document`] names places.
    pub fn apply_with_release(
        &self,
        documents: &[Document<'_>],
        released: Result<Option<&Catalog>, ()>,
    ) -> Result<(Catalog, Vec<String>), Diagnostics> {
        // Problems in the mapping file; those in a vendor file are tagged `IN_VENDOR_FILE`.
        let mut problems = Diagnostics::new();
        // Expressions read each vendor document converted once, while this lives.
        let _expr_scope = expr::Scope::enter();
        if self.mapping != 1 {
            problems.push(
                Diagnostic::at(
                    "/mapping",
                    format!("unsupported mapping version {}", self.mapping),
                )
                .hint("this errcat reads mapping format 1"),
            );
        }
        if let Some(d) = markup::check_base(self.links_base.as_deref()) {
            problems.push(d);
        }
        self.check_sources(&mut problems);
        if let Some(filter) = &self.entries.filter {
            // A malformed filter would keep the wrong entries: nothing is read with it.
            let before = problems.len();
            entries::check_filter(filter, "/entries/filter", &mut problems);
            if problems.len() > before {
                return Err(problems);
            }
        }
        if !self.expressions_compile() {
            return Err(problems);
        }
        let entries = match self.entries(documents) {
            Ok(entries) => entries,
            Err(in_vendor) => {
                problems.extend(in_vendor.in_file(IN_VENDOR_FILE));
                return Err(problems);
            }
        };

        if entries.is_empty() {
            let d = match &self.entries.filter {
                Some(Filter {
                    pointer: Some(pointer),
                    equals: Some(equals),
                    ..
                }) => Diagnostic::at(
                    "/entries/filter",
                    format!(
                        "the filter keeps none of the entries (no entry has `{equals}` at `{pointer}`)"
                    ),
                )
                .hint("check the filter's pointer and value against the vendor file"),
                Some(_) => Diagnostic::at("/entries/filter", "the filter keeps none of the entries")
                    .hint("check the filter's pointers and values against the vendor file"),
                None => Diagnostic::at(
                    "/entries",
                    "the vendor file has no entries where `entries` points",
                )
                .hint("check `entries.at` and `entries.kind` against the vendor file"),
            };
            problems.push(d);
            return Err(problems);
        }
        let mut used: BTreeSet<String> = BTreeSet::new();
        let groups = self.groups(&entries);
        // Each group read as one entry: its members' values, the first present one winning.
        let merged: Vec<Value> = groups
            .iter()
            .map(|g| entries::merge_values(g.iter().map(|&i| entries[i].value)))
            .collect();
        let mut codes: Vec<Code> = Vec::with_capacity(groups.len());
        // Codes of entries that could not be read (their problems are reported).
        let mut unread: BTreeSet<String> = BTreeSet::new();
        let mut origins: Vec<String> = Vec::with_capacity(groups.len());
        let mut in_vendor = Diagnostics::new();
        let mut categories = self.catalog.categories.clone();
        for (group, value) in groups.iter().zip(&merged) {
            let first = &entries[group[0]];
            let entry = Entry {
                pointer: first.pointer.clone(),
                key: first.key,
                value,
                root: first.root,
                file: first.file,
                links_base: first.links_base,
            };
            let Some(mut code) = self.code(&entry, &mut used, &mut in_vendor) else {
                // Its problems are reported; an overlay entry for it is not a stray one.
                if let Ok(Some(wire)) =
                    source::code_value(&self.fields.code, &entry, &mut BTreeSet::new())
                {
                    unread.insert(match wire {
                        Value::String(s) => s.trim().to_owned(),
                        other => other.to_string(),
                    });
                }
                continue;
            };
            // The lists of the merged entries are gathered from every member, in file order.
            if group.len() > 1 {
                for spec in FIELDS {
                    let Read::List(source, slot) = spec.read else {
                        continue;
                    };
                    let Some(source) = source(&self.fields) else {
                        continue;
                    };
                    let target = slot(&mut code);
                    target.clear();
                    for &i in group {
                        match source::texts(source, &entries[i], &mut used) {
                            Ok(items) => target.extend(items),
                            // A member's list that cannot be read is reported at that
                            // member, never left out of the merged code.
                            Err(problem) => in_vendor.push(fields::field_problem(
                                &entries[i],
                                spec.name,
                                source,
                                problem,
                            )),
                        }
                    }
                }
            }
            if let (Some(derive), Some(id)) = (&self.derive_categories, &code.category)
                && !categories.iter().any(|c| &c.id == id)
            {
                let title = derive
                    .title
                    .as_ref()
                    .and_then(|t| source::text(t, &entry, &mut used).ok().flatten());
                categories.push(Category {
                    id: id.clone(),
                    title,
                    description: None,
                    sdk_class: None,
                });
            }
            codes.push(code);
            origins.push(entry.location());
        }
        problems.extend(in_vendor.in_file(IN_VENDOR_FILE));
        self.unmatched_pointers(&entries, &used, &mut problems);
        fields::unique_names(&mut codes);
        self.add_retired(&mut codes, &mut origins, released, &mut problems);
        self.merge_overlay(&mut codes, &unread, &mut problems);

        let head = self.catalog.clone();
        problems.or_ok((
            Catalog {
                schema: None,
                format: 1,
                name: head.name,
                version: head.version,
                title: head.title,
                description: head.description,
                source: head.source,
                doc_url: head.doc_url,
                reference_url: head.reference_url,
                code_type: head.code_type,
                envelope: head.envelope,
                categories,
                code_sets: head.code_sets,
                operations: head.operations,
                internal_error: head.internal_error,
                codes,
                locales: head.locales,
                notes: head.notes,
                package: head.package,
            },
            origins,
        ))
    }
}

/// A mapping for unit tests: codes at `/code`, messages at `/message`, of a catalog `t`,
/// with `patch` merged in (its `fields`, `catalog` and `entries` member by member, the rest
/// replacing).
#[cfg(test)]
fn test_mapping(patch: Value) -> Mapping {
    let mut base = serde_json::json!({
        "mapping": 1,
        "vendor_file": "vendor/t.json",
        "catalog": {"name": "t", "title": "T"},
        "fields": {"code": {"pointer": "/code"}, "message": {"pointer": "/message"}},
    });
    for (key, value) in patch.as_object().expect("an object") {
        match (base.get_mut(key), value) {
            (Some(Value::Object(into)), Value::Object(members))
                if matches!(key.as_str(), "fields" | "catalog" | "entries") =>
            {
                into.extend(members.clone());
            }
            _ => base[key] = value.clone(),
        }
    }
    serde_json::from_value(base).expect("a valid mapping")
}

/// The problems of a mapping that did not apply, by the file they are in, for unit tests.
#[cfg(test)]
trait ByFile {
    /// Those in the mapping file.
    fn mapping(&self) -> Diagnostics;
    /// Those in a vendor file.
    fn vendor(&self) -> Diagnostics;
}

#[cfg(test)]
impl ByFile for Diagnostics {
    fn mapping(&self) -> Diagnostics {
        self.clone().take_file(errcat_catalog::diag::THIS_FILE)
    }
    fn vendor(&self) -> Diagnostics {
        self.clone().take_file(IN_VENDOR_FILE)
    }
}

/// The one document of a vendor file read alone, for unit tests.
#[cfg(test)]
fn one(value: &Value) -> [Document<'_>; 1] {
    [Document { name: None, value }]
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn problems(list: &[Diagnostic]) -> Vec<(&str, &str)> {
        list.iter()
            .map(|d| (d.pointer.as_deref().unwrap_or_default(), d.message.as_str()))
            .collect()
    }

    #[test]
    fn a_vendor_file_becomes_a_catalog_with_the_origin_of_each_code() {
        let m = test_mapping(json!({
            "entries": {"at": "/errors", "kind": "object"},
            "fields": {"code": {"key": true}, "status": {"pointer": "/status"}},
            "overlay": {"b": {"title": "Bee"}},
        }));
        let vendor = json!({"errors": {
            "a": {"message": "A", "status": 400},
            "b": {"message": "B"},
        }});
        let (catalog, origins) = m.apply(&vendor).expect("a catalog");
        assert_eq!((catalog.name.as_str(), catalog.format), ("t", 1));
        let got: Vec<(String, &str, Option<u16>, Option<&str>)> = catalog
            .codes
            .iter()
            .map(|c| {
                (
                    c.code.wire(),
                    c.message.as_str(),
                    c.status,
                    c.title.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("a".to_owned(), "A", Some(400), None),
                ("b".to_owned(), "B", None, Some("Bee")),
            ]
        );
        assert_eq!(origins, ["/errors/a", "/errors/b"]);
    }

    #[test]
    fn repeated_entries_merge_into_one_code_with_every_list_item() {
        let m = test_mapping(json!({
            "entries": {"repeated": "merge"},
            "fields": {"causes": {"pointer": "/cause"}, "title": {"pointer": "/title"}},
        }));
        let vendor = json!([
            {"code": "a", "message": "A", "cause": "first"},
            {"code": "b", "message": "B", "cause": "only"},
            {"code": "a", "title": "From the second", "cause": ["second", "third"]},
        ]);
        let (catalog, origins) = m.apply(&vendor).expect("a catalog");
        let a = &catalog.codes[0];
        assert_eq!(a.code.wire(), "a");
        assert_eq!(a.causes, ["first", "second", "third"]);
        assert_eq!(a.title.as_deref(), Some("From the second"));
        assert_eq!(catalog.codes[1].causes, ["only"]);
        assert_eq!(origins, ["/0", "/1"]);

        // A later member whose list is not text is an error at that member.
        let vendor = json!([
            {"code": "a", "message": "A", "cause": "first"},
            {"code": "a", "title": "T", "cause": {"not": "a list"}},
        ]);
        let problems = m.apply(&vendor).expect_err("an unreadable member list");
        let at: Vec<&str> = problems
            .iter()
            .filter_map(|d| d.pointer.as_deref())
            .collect();
        assert_eq!(at, ["/1/cause"], "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|d| d.message.contains("entry /1: `causes`"))
        );
    }

    #[test]
    fn categories_are_derived_from_values_in_order_of_appearance() {
        let m = test_mapping(json!({
            "catalog": {"categories": [{"id": "auth", "title": "Declared"}]},
            "derive_categories": {"title": {"pointer": "/group_title"}},
            "fields": {"category": {"pointer": "/group"}},
        }));
        let vendor = json!([
            {"code": "a", "message": "A", "group": "net", "group_title": "Network"},
            {"code": "b", "message": "B", "group": "auth", "group_title": "Ignored"},
            {"code": "c", "message": "C", "group": "net", "group_title": "Later"},
            {"code": "d", "message": "D", "group": "io"},
        ]);
        let (catalog, _) = m.apply(&vendor).expect("a catalog");
        let got: Vec<(&str, Option<&str>)> = catalog
            .categories
            .iter()
            .map(|c| (c.id.as_str(), c.title.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("auth", Some("Declared")),
                ("net", Some("Network")),
                ("io", None)
            ]
        );
    }

    #[test]
    fn a_filter_that_keeps_nothing_is_a_problem_of_the_mapping() {
        let m = test_mapping(json!({
            "mapping": 2,
            "entries": {"filter": {"pointer": "/kind", "equals": "error"}},
        }));
        let p = m
            .apply(&json!([{"code": "a", "message": "A"}]))
            .unwrap_err();
        assert!(p.vendor().is_empty());
        assert_eq!(
            problems(&p.mapping()),
            [
                ("/mapping", "unsupported mapping version 2"),
                (
                    "/entries/filter",
                    "the filter keeps none of the entries (no entry has `\"error\"` at `/kind`)"
                ),
            ]
        );
        let m = test_mapping(json!({}));
        let p = m.apply(&json!([])).unwrap_err();
        assert_eq!(
            problems(&p.mapping()),
            [(
                "/entries",
                "the vendor file has no entries where `entries` points"
            )]
        );
    }

    #[test]
    fn problems_are_split_by_the_file_they_point_into() {
        let m = test_mapping(json!({
            "fields": {"title": {"pointer": "/titel"}},
            "overlay": {"zz": {"title": "x"}},
        }));
        let p = m
            .apply(&json!([{"code": "a", "message": "A"}, {"code": "b"}]))
            .unwrap_err();
        assert_eq!(
            problems(&p.mapping()),
            [
                (
                    "/fields/title/pointer",
                    "`/titel` matches nothing in any of the 2 entries"
                ),
                (
                    "/overlay/zz",
                    "the overlay names code `zz`, which the vendor file does not have"
                ),
            ]
        );
        assert_eq!(
            problems(&p.vendor()),
            [("/1/message", "entry /1: `message` is missing or empty")]
        );
        // Where the entries are not, nothing else is read.
        let p = test_mapping(json!({"entries": {"at": "/x"}}))
            .apply(&json!({}))
            .unwrap_err();
        assert_eq!(
            problems(&p.vendor()),
            [(
                "/x",
                "`entries.at` points at `/x`, which the vendor file does not have"
            )]
        );
    }

    #[test]
    fn entries_of_several_files_know_their_file() {
        let m = test_mapping(json!({
            "entries": {"at": "/errors"},
            "fields": {"category": {"expr": "$file | ltrimstr(\"v/\") | rtrimstr(\".json\")"}},
            "derive_categories": {},
        }));
        let (a, b) = (
            json!({"errors": [{"code": "a", "message": "A"}]}),
            json!({"errors": [{"code": "b", "message": "B"}]}),
        );
        let documents = [
            Document {
                name: Some("v/lambda.json"),
                value: &a,
            },
            Document {
                name: Some("v/s3.json"),
                value: &b,
            },
        ];
        let (catalog, origins) = m
            .apply_with_release(&documents, Ok(None))
            .expect("a catalog");
        let got: Vec<(String, Option<&str>)> = catalog
            .codes
            .iter()
            .map(|c| (c.code.wire(), c.category.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("a".to_owned(), Some("lambda")),
                ("b".to_owned(), Some("s3"))
            ]
        );
        assert_eq!(origins, ["v/lambda.json#/errors/0", "v/s3.json#/errors/0"]);
    }

    #[test]
    fn an_overlay_for_a_code_whose_entry_fails_is_not_called_stray() {
        let m = test_mapping(json!({"overlay": {"a": {"title": "A title"}, "zz": {"title": "x"}}}));
        let p = m
            .apply(&json!([{"code": "a", "message": ""}, {"code": "b", "message": "B"}]))
            .unwrap_err();
        assert_eq!(
            problems(&p.vendor()),
            [("/0/message", "entry /0: `message` is missing or empty")]
        );
        // `a` is in the vendor file (its message is the problem); `zz` is not.
        assert_eq!(
            problems(&p.mapping()),
            [(
                "/overlay/zz",
                "the overlay names code `zz`, which the vendor file does not have"
            )]
        );
    }
}
