//! What a mapping adds to the vendor's codes: the codes it lists as retired, put back from
//! the last release, and the overlay's additions and overrides.

use std::collections::{BTreeMap, BTreeSet};

use super::Mapping;
use super::fields::FIELDS;
use errcat_catalog::diag::{Diagnostic, Diagnostics};
use errcat_catalog::format::{Catalog, Code};
use errcat_catalog::json_pointer;

impl Mapping {
    /// The codes of `retired`, as the last release had them, marked retired.
    pub(super) fn add_retired(
        &self,
        codes: &mut Vec<Code>,
        origins: &mut Vec<String>,
        released: Result<Option<&Catalog>, ()>,
        out: &mut Diagnostics,
    ) {
        let Ok(released) = released else { return };
        // Each goes back where the release had it, so the codes around it keep their
        // position (and `ErrorCode` numbers).
        let mut kept: Vec<(usize, Code)> = Vec::new();
        for (wire, retirement) in &self.retired {
            let at = format!("/retired/{}", json_pointer::escape(wire));
            if codes.iter().any(|c| &c.code.wire() == wire) {
                out.push(
                    Diagnostic::at(&at, format!("code `{wire}` is listed as retired, but the vendor file has it again"))
                        .hint("remove it from `retired`; if it now means something else, say so with `reused` in its overlay entry"),
                );
                continue;
            }
            let found = released.and_then(|r| {
                r.codes
                    .iter()
                    .enumerate()
                    .find(|(_, c)| &c.code.wire() == wire)
            });
            match found {
                Some((index, code)) => {
                    let mut code = code.clone();
                    code.retired = Some(retirement.clone());
                    kept.push((index, code));
                }
                None => out.push(
                    Diagnostic::at(&at, format!("code `{wire}` is listed as retired, but no release of `{}` has it", self.catalog.name))
                        .hint("a code that was never released needs no retirement: remove it from `retired`"),
                ),
            }
        }
        kept.sort_by_key(|(index, _)| *index);
        for (index, code) in kept {
            let at = index.min(codes.len());
            codes.insert(at, code);
            // Not from the vendor file: its problems point at the vendor file's root.
            origins.insert(at.min(origins.len()), String::new());
        }
    }

    /// Applies each overlay entry to its code, field by field as [`FIELDS`] says; an entry
    /// for a code the vendor file does not have is a problem.
    /// The overlay applied to `codes`. An overlay entry for a code the vendor file does not
    /// have is an error, unless the code is in `unread`: its entry is there but could not be
    /// read, which is reported already.
    pub(super) fn merge_overlay(
        &self,
        codes: &mut [Code],
        unread: &BTreeSet<String>,
        out: &mut Diagnostics,
    ) {
        let index: BTreeMap<String, usize> = codes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.wire(), i))
            .collect();
        for (wire, o) in &self.overlay {
            let Some(&i) = index.get(wire) else {
                if unread.contains(wire) {
                    continue;
                }
                out.push(
                    Diagnostic::at(format!("/overlay/{}", json_pointer::escape(wire)), format!("the overlay names code `{wire}`, which the vendor file does not have"))
                        .hint("the vendor may have removed or renamed it: update or drop this overlay entry"),
                );
                continue;
            };
            for spec in FIELDS {
                (spec.overlay)(o, &mut codes[i]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::super::test_mapping;
    use super::*;
    use errcat_catalog::format::{CodeValue, Retirement};

    fn codes(json: Value) -> Vec<Code> {
        serde_json::from_value(json).expect("codes")
    }

    fn wires(codes: &[Code]) -> Vec<String> {
        codes.iter().map(|c| c.code.wire()).collect()
    }

    #[test]
    fn the_overlay_replaces_values_and_appends_to_lists() {
        let m = test_mapping(json!({"overlay": {"a": {
            "title": "New title",
            "status": 429,
            "message": "New message",
            "retryable": true,
            "action": "Wait",
            "causes": ["added cause"],
            "aliases": ["A"],
            "headers": [{"name": "Retry-After", "description": "seconds"}],
            "retired": {"since": "2.0.0", "note": "Gone"},
        }}}));
        let mut codes = codes(json!([
            {"code": "a", "message": "Old", "title": "Old title", "status": 400,
             "causes": ["vendor cause"], "description": "kept"},
            {"code": "b", "message": "Untouched"},
        ]));
        let mut out = Diagnostics::new();
        m.merge_overlay(&mut codes, &BTreeSet::new(), &mut out);
        assert!(out.is_empty(), "{out:?}");
        let a = &codes[0];
        assert_eq!(a.title.as_deref(), Some("New title"));
        assert_eq!(a.status, Some(429));
        assert_eq!(a.message, "New message");
        assert_eq!(a.retryable, Some(true));
        assert_eq!(a.action.as_deref(), Some("Wait"));
        assert_eq!(
            a.description.as_deref(),
            Some("kept"),
            "a field the overlay lacks stays"
        );
        assert_eq!(a.causes, ["vendor cause", "added cause"]);
        assert_eq!(a.aliases, ["A"]);
        assert_eq!(a.headers.len(), 1);
        assert_eq!(
            a.retired,
            Some(Retirement {
                since: "2.0.0".to_owned(),
                note: "Gone".to_owned()
            })
        );
        assert_eq!(codes[1].message, "Untouched");
        assert_eq!(codes[1].title, None);
    }

    #[test]
    fn an_overlay_for_a_code_the_vendor_lacks_is_a_problem() {
        let m = test_mapping(json!({"overlay": {"a/b": {"title": "x"}}}));
        let mut codes = codes(json!([{"code": "a", "message": "m"}]));
        let mut out = Diagnostics::new();
        m.merge_overlay(&mut codes, &BTreeSet::new(), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].pointer.as_deref(), Some("/overlay/a~1b"));
        assert_eq!(
            out[0].message,
            "the overlay names code `a/b`, which the vendor file does not have"
        );
        assert_eq!(codes[0].title, None);
    }

    #[test]
    fn retired_codes_come_back_from_the_release_at_their_place() {
        let m = test_mapping(json!({"retired": {
            "b": {"since": "2.0.0", "note": "b gone"},
            "d": {"since": "2.0.0", "note": "d gone"},
        }}));
        let released: Catalog = serde_json::from_value(json!({
            "format": 1, "name": "t", "title": "T", "codes": [
                {"code": "a", "message": "A"},
                {"code": "b", "message": "B", "title": "Old B"},
                {"code": "c", "message": "C"},
                {"code": "d", "message": "D"},
            ]
        }))
        .unwrap();
        let mut now = codes(json!([
            {"code": "a", "message": "A"},
            {"code": "c", "message": "C"},
        ]));
        let mut origins = vec!["/0".to_owned(), "/1".to_owned()];
        let mut out = Diagnostics::new();
        m.add_retired(&mut now, &mut origins, Ok(Some(&released)), &mut out);
        assert!(out.is_empty(), "{out:?}");
        assert_eq!(wires(&now), ["a", "b", "c", "d"]);
        assert_eq!(origins, ["/0", "", "/1", ""]);
        assert_eq!(
            now[1].title.as_deref(),
            Some("Old B"),
            "read from the release"
        );
        assert_eq!(
            now[1].retired.as_ref().map(|r| r.since.as_str()),
            Some("2.0.0")
        );
        assert_eq!(
            now[3].retired.as_ref().map(|r| r.note.as_str()),
            Some("d gone")
        );
    }

    #[test]
    fn a_retired_code_must_be_released_and_gone_from_the_vendor_file() {
        let m = test_mapping(json!({"retired": {
            "a": {"since": "2.0.0", "note": "n"},
            "never": {"since": "2.0.0", "note": "n"},
        }}));
        let mut now = codes(json!([{"code": "a", "message": "A"}]));
        let mut out = Diagnostics::new();
        m.add_retired(&mut now, &mut Vec::new(), Ok(None), &mut out);
        let got: Vec<(&str, &str)> = out
            .iter()
            .map(|d| (d.pointer.as_deref().unwrap(), d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "/retired/a",
                    "code `a` is listed as retired, but the vendor file has it again"
                ),
                (
                    "/retired/never",
                    "code `never` is listed as retired, but no release of `t` has it"
                ),
            ]
        );
        assert_eq!(wires(&now), ["a"]);
        // An unreadable release record is reported where it is read: nothing here.
        let mut out = Diagnostics::new();
        m.add_retired(&mut now, &mut Vec::new(), Err(()), &mut out);
        assert!(out.is_empty());
        assert_eq!(now[0].code, CodeValue::String("a".to_owned()));
    }
}
