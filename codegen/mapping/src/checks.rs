//! Checks of the mapping's field sources: before reading, each gives exactly one of
//! `pointer`, `key`, `template` and `expr` in a form that can work (an expression compiles);
//! after reading, each pointer, placeholder and expression found a value in at least one entry.

use std::collections::BTreeSet;

use super::fields::{FIELDS, Read};
use super::{EntriesKind, Entry, Mapping, Source, expr, source};
use errcat_catalog::diag::{Diagnostic, Diagnostics};

/// Where the source of `field` (a path under `fields`, or `derive_categories/title`) is in
/// the mapping file.
fn place(field: &str) -> String {
    if field.starts_with("derive_categories/") {
        format!("/{field}")
    } else {
        format!("/fields/{field}")
    }
}

impl Mapping {
    /// Every source the mapping gives, with its path under `fields` (or the mapping's root),
    /// in the order of the field table.
    pub(super) fn sources(&self) -> Vec<(&'static str, &Source)> {
        let f = &self.fields;
        let mut out = Vec::new();
        for spec in FIELDS {
            match spec.read {
                Read::Code => out.push(("code", &f.code)),
                Read::Message => out.push(("message", &f.message)),
                Read::Category => out.extend(f.category.as_ref().map(|s| ("category", s))),
                Read::Deprecated => {
                    if let Some(d) = &f.deprecated {
                        out.push(("deprecated/flag", &d.flag));
                        out.push(("deprecated/note", &d.note));
                    }
                }
                Read::Text(source, _)
                | Read::Name(source, _)
                | Read::Status(source, _)
                | Read::List(source, _)
                | Read::Flag(source, _) => out.extend(source(f).map(|s| (spec.name, s))),
                Read::OverlayOnly => {}
            }
        }
        if let Some(title) = self
            .derive_categories
            .as_ref()
            .and_then(|d| d.title.as_ref())
        {
            out.push(("derive_categories/title", title));
        }
        out
    }

    /// Problems of the sources themselves, before any entry is read.
    pub(super) fn check_sources(&self, out: &mut Diagnostics) {
        for (field, source) in self.sources() {
            let given = usize::from(source.pointer.is_some())
                + usize::from(source.key)
                + usize::from(source.template.is_some())
                + usize::from(source.expr.is_some());
            if given != 1 {
                out.push(
                    Diagnostic::at(place(field), format!("the source of `{field}` must give exactly one of `pointer`, `key`, `template` and `expr`"))
                        .hint("e.g. {\"pointer\": \"/message\"}, {\"key\": true}, {\"template\": \"{/phrase}\"} or {\"expr\": \".error.code // $key\"}"),
                );
            }
            if let Some(code) = &source.expr
                && let Err(e) = expr::check(code)
            {
                out.push(
                    Diagnostic::at(
                        format!("{}/expr", place(field)),
                        format!("the expression of `{field}` does not compile: {e}"),
                    )
                    .hint(format!(
                        "`expr` is a jq filter over the entry; it may read {}",
                        expr::variables()
                    )),
                );
            }
            if source.optional && source.template.is_none() {
                out.push(
                    Diagnostic::at(
                        format!("{}/optional", place(field)),
                        format!("`optional` on `{field}` changes nothing: only a template can find part of what it reads"),
                    )
                    .hint("remove it: a pointer, key or expression that finds nothing in an entry already gives no value there"),
                );
            } else if source.optional && field == "code" {
                out.push(
                    Diagnostic::at(
                        format!("{}/optional", place(field)),
                        "`code` cannot be optional: every entry needs one",
                    )
                    .hint("keep only the entries that have a code with `entries.filter`"),
                );
            }
            if source.key && self.entries.kind != EntriesKind::Object {
                out.push(
                    Diagnostic::at(
                        format!("{}/key", place(field)),
                        format!("`{field}` reads the member key, but the entries are an array"),
                    )
                    .hint("set `entries.kind` to `object`, or read a field with `pointer`"),
                );
            }
            if matches!(field, "retryable" | "deprecated/flag") && source.cleans() {
                out.push(
                    Diagnostic::at(
                        place(field),
                        format!("`{field}` reads true or false, which `after`, `before`, `markup` and `first_sentence` cannot clean"),
                    )
                    .hint("remove them: they apply to text fields only"),
                );
            }
            if let Some(p) = &source.pointer
                && !source::is_pointer(p)
            {
                let hint = if p.starts_with(|c: char| c.is_ascii_digit()) {
                    "a relative JSON pointer is a number of levels up, then `#` or a pointer: `0/x`, `1/name`, `2#`".to_owned()
                } else {
                    format!("JSON pointers start with `/`: `/{p}`")
                };
                out.push(
                    Diagnostic::at(
                        format!("{}/pointer", place(field)),
                        format!("`{p}` is not a JSON pointer"),
                    )
                    .hint(hint),
                );
            }
            for p in source::placeholders(source.template.as_deref().unwrap_or_default()) {
                if p != "key" && !source::is_pointer(p) {
                    out.push(
                        Diagnostic::at(
                            format!("{}/template", place(field)),
                            format!("template placeholder `{{{p}}}` is not a JSON pointer"),
                        )
                        .hint("a placeholder is `{key}`, a JSON pointer (`{/message}`) or a relative one (`{1/name}`)"),
                    );
                }
            }
        }
    }

    /// Whether every expression the mapping gives compiles (one that does not would fail on
    /// every entry: it is reported once, by [`Mapping::check_sources`]).
    pub(super) fn expressions_compile(&self) -> bool {
        self.sources().iter().all(|(_, s)| {
            s.expr
                .as_deref()
                .is_none_or(|code| expr::check(code).is_ok())
        })
    }

    /// A pointer of an optional field that no entry has is almost always a typo. `used` holds
    /// every pointer that found a value in some entry.
    pub(super) fn unmatched_pointers(
        &self,
        entries: &[Entry<'_>],
        used: &BTreeSet<String>,
        out: &mut Diagnostics,
    ) {
        if entries.is_empty() {
            return;
        }
        for (field, source) in self.sources() {
            for p in source::placeholders(source.template.as_deref().unwrap_or_default()) {
                if p != "key" && !used.contains(p) {
                    out.push(
                        Diagnostic::at(
                            format!("{}/template", place(field)),
                            format!(
                                "`{{{p}}}` matches nothing in any of the {} entries",
                                entries.len()
                            ),
                        )
                        .hint("check the spelling against the vendor file"),
                    );
                }
            }
            if let Some(code) = &source.expr
                && !used.contains(&source::expr_mark(code))
            {
                out.push(
                    Diagnostic::at(format!("{}/expr", place(field)), format!("the expression gives no value for any of the {} entries", entries.len()))
                        .hint("check the names it reads against the vendor file, or remove the field from the mapping"),
                );
            }
            if let Some(p) = &source.pointer
                && !used.contains(p)
            {
                out.push(
                    Diagnostic::at(format!("{}/pointer", place(field)), format!("`{p}` matches nothing in any of the {} entries", entries.len()))
                        .hint("check the spelling against the vendor file, or remove the field from the mapping"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::super::{ByFile, one, test_mapping};
    use super::*;

    fn problems(m: &Mapping) -> Vec<(String, String)> {
        let mut out = Diagnostics::new();
        m.check_sources(&mut out);
        out.into_iter()
            .map(|d| (d.pointer.unwrap_or_default(), d.message))
            .collect()
    }

    #[test]
    fn sources_follow_the_field_table_and_skip_absent_fields() {
        let m = test_mapping(json!({
            "derive_categories": {"title": {"pointer": "/group"}},
            "fields": {
                "notes": {"pointer": "/n"},
                "status": {"pointer": "/s"},
                "deprecated": {"flag": {"pointer": "/d"}, "note": {"pointer": "/why"}},
            }
        }));
        let names: Vec<&str> = m.sources().into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                "code",
                "message",
                "status",
                "notes",
                "deprecated/flag",
                "deprecated/note",
                "derive_categories/title"
            ]
        );
    }

    #[test]
    fn a_source_gives_exactly_one_of_pointer_key_and_template() {
        let m = test_mapping(json!({
            "entries": {"kind": "object"},
            "fields": {
                "title": {},
                "when": {"pointer": "/w", "template": "{/w}"},
                "sdk_class": {"key": true},
            }
        }));
        let got = problems(&m);
        let exactly_one = |field: &str| {
            (
                place(field),
                format!(
                    "the source of `{field}` must give exactly one of `pointer`, `key`, `template` and `expr`"
                ),
            )
        };
        assert_eq!(got, [exactly_one("title"), exactly_one("when")]);
    }

    #[test]
    fn a_key_needs_object_entries() {
        let m = test_mapping(json!({"fields": {"code": {"key": true}}}));
        assert_eq!(
            problems(&m),
            [(
                "/fields/code/key".to_owned(),
                "`code` reads the member key, but the entries are an array".to_owned()
            )]
        );
    }

    #[test]
    fn flags_cannot_be_cleaned() {
        let m = test_mapping(json!({"fields": {
            "retryable": {"pointer": "/r", "markup": "html"},
            "title": {"pointer": "/t", "markup": "html"},
        }}));
        assert_eq!(
            problems(&m),
            [(
                "/fields/retryable".to_owned(),
                "`retryable` reads true or false, which `after`, `before`, `markup` and `first_sentence` cannot clean"
                    .to_owned()
            )]
        );
    }

    #[test]
    fn a_pointer_starts_with_a_slash() {
        let m = test_mapping(json!({"fields": {"message": {"pointer": "message"}}}));
        let mut out = Diagnostics::new();
        m.check_sources(&mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].pointer.as_deref(), Some("/fields/message/pointer"));
        assert_eq!(out[0].message, "`message` is not a JSON pointer");
        assert_eq!(
            out[0].hint.as_deref(),
            Some("JSON pointers start with `/`: `/message`")
        );
    }

    #[test]
    fn pointers_and_placeholders_that_match_no_entry_are_reported() {
        let m = test_mapping(json!({"fields": {
            "title": {"pointer": "/titel"},
            "description": {"template": "{/code}: {/detail} {key}"},
        }}));
        let vendor: Value = json!([{"code": "a", "message": "m"}]);
        let entries = m.entries(&one(&vendor)).unwrap();
        let used: BTreeSet<String> = ["/code", "/message"].map(str::to_owned).into();
        let mut out = Diagnostics::new();
        m.unmatched_pointers(&entries, &used, &mut out);
        let got: Vec<(&str, &str)> = out
            .iter()
            .map(|d| (d.pointer.as_deref().unwrap(), d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "/fields/title/pointer",
                    "`/titel` matches nothing in any of the 1 entries"
                ),
                (
                    "/fields/description/template",
                    "`{/detail}` matches nothing in any of the 1 entries"
                ),
            ]
        );
    }

    #[test]
    fn an_expression_that_does_not_compile_is_located_in_the_mapping() {
        let m = test_mapping(json!({"fields": {
            "code": {"expr": ".error.code // ($key"},
            "title": {"expr": "$keys"},
        }}));
        let got = problems(&m);
        assert_eq!(
            got,
            [
                (
                    "/fields/code/expr".to_owned(),
                    "the expression of `code` does not compile: `(` at column 16 is never closed (expected closing parenthesis)".to_owned()
                ),
                (
                    "/fields/title/expr".to_owned(),
                    "the expression of `title` does not compile: undefined variable `$keys` at column 1".to_owned()
                ),
            ]
        );
        let mut out = Diagnostics::new();
        m.check_sources(&mut out);
        assert_eq!(
            out[1].hint.as_deref(),
            Some(
                "`expr` is a jq filter over the entry; it may read `$key`, `$path`, `$up`, `$root`, `$file`"
            )
        );
    }

    #[test]
    fn only_a_template_other_than_the_code_can_be_optional() {
        let m = test_mapping(json!({"fields": {
            "code": {"template": "{/a}-{/b}", "optional": true},
            "message": {"template": "{/m} {/detail}", "optional": true},
            "title": {"pointer": "/t", "optional": true},
            "when": {"expr": ".w", "optional": true},
        }}));
        let ignored = |field: &str| {
            (
                format!("{}/optional", place(field)),
                format!(
                    "`optional` on `{field}` changes nothing: only a template can find part of what it reads"
                ),
            )
        };
        assert_eq!(
            problems(&m),
            [
                (
                    "/fields/code/optional".to_owned(),
                    "`code` cannot be optional: every entry needs one".to_owned()
                ),
                ignored("title"),
                ignored("when"),
            ]
        );
    }

    #[test]
    fn relative_pointers_are_pointers_and_malformed_ones_are_not() {
        for good in ["", "/a", "0", "0/a", "1/name", "2#", "10/x"] {
            assert!(source::is_pointer(good), "{good}");
        }
        for bad in ["a", "01/a", "1x", "1#/a", "#"] {
            assert!(!source::is_pointer(bad), "{bad}");
        }
        let m = test_mapping(json!({"fields": {
            "title": {"pointer": "1x"},
            "when": {"template": "{2/name} {oops}"},
        }}));
        assert_eq!(
            problems(&m),
            [
                (
                    "/fields/title/pointer".to_owned(),
                    "`1x` is not a JSON pointer".to_owned()
                ),
                (
                    "/fields/when/template".to_owned(),
                    "template placeholder `{oops}` is not a JSON pointer".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn an_expression_that_gives_no_value_in_any_entry_is_reported() {
        let m = test_mapping(json!({"fields": {
            "title": {"expr": ".titel"},
            "when": {"expr": ".when"},
        }}));
        let vendor: Value = json!([{"code": "a", "message": "m", "when": "w"}]);
        let entries = m.entries(&one(&vendor)).unwrap();
        let mut used = BTreeSet::new();
        for e in &entries {
            m.code(e, &mut used, &mut Diagnostics::new()).unwrap();
        }
        let mut out = Diagnostics::new();
        m.unmatched_pointers(&entries, &used, &mut out);
        let got: Vec<(&str, &str)> = out
            .iter()
            .map(|d| (d.pointer.as_deref().unwrap(), d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [(
                "/fields/title/expr",
                "the expression gives no value for any of the 1 entries"
            )]
        );
    }

    #[test]
    fn an_expression_that_does_not_compile_is_reported_once_not_per_entry() {
        let m = test_mapping(json!({"fields": {"code": {"expr": ".code +"}}}));
        let p = m
            .apply(&json!([{"code": "a", "message": "m"}, {"code": "b", "message": "m"}]))
            .unwrap_err();
        assert!(p.vendor().is_empty(), "{:?}", p.vendor());
        let in_mapping = p.mapping();
        let got: Vec<(&str, &str)> = in_mapping
            .iter()
            .map(|d| (d.pointer.as_deref().unwrap(), d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [(
                "/fields/code/expr",
                "the expression of `code` does not compile: expected term at column 8, found the end"
            )]
        );
    }

    #[test]
    fn a_derived_category_title_is_located_under_derive_categories() {
        let m = test_mapping(json!({
            "derive_categories": {"title": {"pointer": "group", "optional": true}},
            "fields": {"category": {"pointer": "/g"}},
        }));
        let got: Vec<String> = problems(&m).into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            got,
            [
                "/derive_categories/title/optional",
                "/derive_categories/title/pointer"
            ]
        );
    }
}
