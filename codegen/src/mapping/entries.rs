//! Where the entries are (`entries.at`, `entries.kind`), which are kept (`entries.filter`),
//! and which entries make one code (`entries.repeated`).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{EntriesKind, Entry, Mapping, Repeated, source};
use crate::diag::Diagnostic;
use crate::json_pointer;

impl Mapping {
    /// The entries of `vendor`, filtered; an error at `entries.at` when it is absent or holds
    /// another kind of collection than `entries.kind` says.
    pub(super) fn entries<'a>(
        &'a self,
        vendor: &'a Value,
    ) -> Result<Vec<Entry<'a>>, Box<Diagnostic>> {
        let at = &self.entries.at;
        let Some(collection) = vendor.pointer(at) else {
            return Err(Box::new(
                Diagnostic::at(
                    at.clone(),
                    format!("`entries.at` points at `{at}`, which the vendor file does not have"),
                )
                .hint("fix `entries.at` in the mapping; the vendor file may have changed shape"),
            ));
        };
        let mut out = Vec::new();
        match (self.entries.kind, collection) {
            (EntriesKind::Array, Value::Array(items)) => {
                for (i, value) in items.iter().enumerate() {
                    out.push(Entry {
                        pointer: format!("{at}/{i}"),
                        key: None,
                        value,
                        root: vendor,
                        links_base: self.links_base.as_deref(),
                    });
                }
            }
            (EntriesKind::Object, Value::Object(members)) => {
                for (key, value) in members {
                    out.push(Entry {
                        pointer: format!("{at}/{}", json_pointer::escape(key)),
                        key: Some(key),
                        value,
                        root: vendor,
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
                return Err(Box::new(
                    Diagnostic::at(
                        at.clone(),
                        format!(
                            "the entries should be {want}, but the vendor file has {found} here"
                        ),
                    )
                    .hint("set `entries.kind` to match the vendor file"),
                ));
            }
        }
        if let Some(filter) = &self.entries.filter {
            out.retain(|e| e.value.pointer(&filter.pointer) == Some(&filter.equals));
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

    use super::super::test_mapping;
    use super::*;

    fn pointers(mapping: &Mapping, vendor: &Value) -> Vec<String> {
        let entries = mapping.entries(vendor).expect("entries");
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
        let entries = m.entries(&vendor).unwrap();
        let got: Vec<(&str, Option<&str>)> = entries
            .iter()
            .map(|e| (e.pointer.as_str(), e.key))
            .collect();
        assert_eq!(got, [("/e/a~1b", Some("a/b")), ("/e/c~0d", Some("c~d"))]);
    }

    #[test]
    fn an_absent_collection_is_an_error_at_the_pointer() {
        let m = test_mapping(json!({"entries": {"at": "/nope"}}));
        let d = m.entries(&json!({"errors": []})).err().unwrap();
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
        let d = m.entries(&json!([{"code": "a"}])).err().unwrap();
        assert_eq!(
            d.message,
            "the entries should be an object, but the vendor file has an array here"
        );
        let m = test_mapping(json!({}));
        let d = m.entries(&json!("text")).err().unwrap();
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
        let entries = m.entries(&vendor).unwrap();
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
        let entries = m.entries(&vendor).unwrap();
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
}
