//! A field's value in one entry: read at a JSON pointer (absolute into the entry, or relative
//! to it), taken from the member key, made from a template over pointers, or computed by a jq
//! expression; then as text (cleaned) or a list of text.

use std::collections::BTreeSet;

use serde_json::Value;

use super::clean::clean;
use super::{Entry, Source, expr};
use errcat_catalog::json_pointer;

/// The value of `source` in `entry`: `None` when the entry lacks it (or it is null); an
/// error when a template placeholder names a list or an object, which has no text, or an
/// expression fails. Each pointer that found a value is added to `used` (an expression that
/// gave a value adds [`expr_mark`]).
pub(super) fn value(
    source: &Source,
    entry: &Entry<'_>,
    used: &mut BTreeSet<String>,
) -> Result<Option<Value>, String> {
    if source.key {
        return Ok(entry.key.map(|k| Value::String(k.to_owned())));
    }
    if let Some(p) = &source.pointer {
        let Some(v) = resolve(p, entry)?.filter(|v| !v.is_null()) else {
            return Ok(None);
        };
        used.insert(p.clone());
        return Ok(Some(v));
    }
    if let Some(code) = &source.expr {
        let v = expr::eval(code, entry)?;
        if v.is_some() {
            used.insert(expr_mark(code));
        }
        return Ok(v);
    }
    let Some(template) = source.template.as_deref() else {
        return Ok(None);
    };
    let mut out = String::new();
    let mut rest = template;
    let mut missing: Vec<&str> = Vec::new();
    let mut found = false;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            return Ok(None);
        };
        out.push_str(&rest[..open]);
        let name = &rest[open + 1..close];
        rest = &rest[close + 1..];
        let v = if name == "key" {
            entry.key.map(|key| Value::String(key.to_owned()))
        } else {
            let v = resolve(name, entry)?.filter(|v| !v.is_null());
            if v.is_some() {
                used.insert(name.to_owned());
            }
            v
        };
        let Some(v) = v else {
            missing.push(name);
            continue;
        };
        found |= name != "key";
        match v {
            Value::String(s) => out.push_str(&s),
            Value::Number(n) => out.push_str(&n.to_string()),
            Value::Bool(b) => out.push_str(&b.to_string()),
            other => {
                return Err(format!(
                    "template placeholder `{{{name}}}` is {}, which has no text",
                    kind_of(&other)
                ));
            }
        }
    }
    if missing.is_empty() {
        out.push_str(rest);
        return Ok(Some(Value::String(out)));
    }
    // Some placeholders found and others not: the template would silently vanish here.
    if found && !source.optional {
        let names: Vec<String> = missing.iter().map(|n| format!("`{{{n}}}`")).collect();
        return Err(format!(
            "template finds some of its placeholders but not {} (if some entries lack it, say `\"optional\": true`)",
            names.join(", ")
        ));
    }
    Ok(None)
}

/// What [`value`] adds to `used` when the expression `code` gave a value.
pub(super) fn expr_mark(code: &str) -> String {
    format!("expr:{code}")
}

/// Whether `p` is a JSON pointer (`""`, `/…`) or a relative JSON pointer (`0/x`, `1`, `2#`).
pub(super) fn is_pointer(p: &str) -> bool {
    if p.is_empty() || p.starts_with('/') {
        return true;
    }
    let digits = p.len() - p.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (n, rest) = p.split_at(digits);
    !n.is_empty()
        && (n == "0" || !n.starts_with('0'))
        && (rest.is_empty() || rest == "#" || rest.starts_with('/'))
}

/// A relative pointer split into its levels up and the rest (`#`, or a pointer); `None` for
/// an absolute pointer.
fn relative(p: &str) -> Option<(usize, &str)> {
    let digits = p.len() - p.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let (n, rest) = p.split_at(digits);
    Some((n.parse().ok()?, rest))
}

/// The pointer `levels` up from `pointer`; `None` above the document root.
fn up(pointer: &str, levels: usize) -> Option<&str> {
    let mut at = pointer;
    for _ in 0..levels {
        at = &at[..at.rfind('/')?];
    }
    Some(at)
}

/// The value at pointer `p` for `entry`: an absolute pointer reads into the entry's value,
/// a relative one from the level it names (`0` is the entry itself, `1` what holds it, …);
/// `n#` is the key or array index of that level. An error when it climbs above the document.
pub(super) fn resolve(p: &str, entry: &Entry<'_>) -> Result<Option<Value>, String> {
    let Some((levels, rest)) = relative(p) else {
        return Ok(entry.value.pointer(p).cloned());
    };
    let Some(base) = up(&entry.pointer, levels) else {
        return Err(format!(
            "`{p}` climbs {levels} levels, above the document (the entry is at `{}`)",
            entry.pointer
        ));
    };
    if rest == "#" {
        if levels == 0
            && let Some(key) = entry.key
        {
            return Ok(Some(Value::String(key.to_owned())));
        }
        let Some((parent, last)) = base.rsplit_once('/') else {
            return Err(format!(
                "`{p}` names the key of the document root, which has none"
            ));
        };
        let last = json_pointer::unescape(last);
        return Ok(Some(match entry.root.pointer(parent) {
            Some(Value::Array(_)) => last
                .parse::<u64>()
                .map_or(Value::String(last), |i| Value::Number(i.into())),
            _ => Value::String(last),
        }));
    }
    let holder = if levels == 0 {
        Some(entry.value)
    } else {
        entry.root.pointer(base)
    };
    Ok(holder.and_then(|h| h.pointer(rest)).cloned())
}

/// Where in the vendor file pointer `p` reads for `entry` (for locating problems).
pub(super) fn location(p: &str, entry: &Entry<'_>) -> String {
    location_at(p, &entry.pointer)
}

/// Where in the vendor file pointer `p` reads for the entry at `entry`.
pub(super) fn location_at(p: &str, entry: &str) -> String {
    match relative(p) {
        None => format!("{entry}{p}"),
        Some((levels, rest)) => {
            // Above the document, the entry itself is the place to look.
            let Some(base) = up(entry, levels) else {
                return entry.to_owned();
            };
            if rest == "#" {
                base.to_owned()
            } else {
                format!("{base}{rest}")
            }
        }
    }
}

/// Text of `source` in `entry`, cleaned; `None` when absent or blank.
pub(super) fn text(
    source: &Source,
    entry: &Entry<'_>,
    used: &mut BTreeSet<String>,
) -> Result<Option<String>, String> {
    let Some(v) = value(source, entry, used)? else {
        return Ok(None);
    };
    let raw = match v {
        Value::String(s) => s,
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => return Err(format!("expected text, found {}", kind_of(&other))),
    };
    clean(&raw, source, entry.links_base).map(|s| Some(s).filter(|s| !s.is_empty()))
}

/// A list of text: an array's strings (nulls skipped), or a single value as one item; each
/// cleaned, blank ones dropped.
pub(super) fn texts(
    source: &Source,
    entry: &Entry<'_>,
    used: &mut BTreeSet<String>,
) -> Result<Vec<String>, String> {
    match value(source, entry, used)? {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .filter(|v| !v.is_null())
            .map(|v| match v {
                Value::String(s) => clean(s, source, entry.links_base),
                other => Err(format!(
                    "expected a list of text, found {} in it",
                    kind_of(other)
                )),
            })
            .filter(|r| r.as_ref().map_or(true, |s| !s.is_empty()))
            .collect(),
        Some(_) => Ok(text(source, entry, used)?.into_iter().collect()),
    }
}

/// The code's value in `entry` (`source` is `fields.code`), its text cleaned by `after`,
/// `before` and `markup` as any other field's; a number stays a number unless cleaning is
/// asked for.
pub(super) fn code_value(
    source: &Source,
    entry: &Entry<'_>,
    used: &mut BTreeSet<String>,
) -> Result<Option<Value>, String> {
    Ok(match value(source, entry, used)? {
        Some(Value::String(s)) => Some(Value::String(clean(&s, source, entry.links_base)?)),
        Some(Value::Number(n)) if source.cleans() => Some(Value::String(clean(
            &n.to_string(),
            source,
            entry.links_base,
        )?)),
        other => other,
    })
}

/// The `{…}` placeholders of a template, as the check for unmatched pointers reads them.
pub(super) fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
}

/// How a message names the kind of a JSON value.
pub(super) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn source(json: Value) -> Source {
        serde_json::from_value(json).expect("a source")
    }

    fn entry<'a>(key: Option<&'a str>, value: &'a Value) -> Entry<'a> {
        Entry {
            pointer: "/0".to_owned(),
            key,
            value,
            root: value,
            file: None,
            links_base: None,
        }
    }

    #[test]
    fn a_pointer_reads_the_value_and_is_marked_used() {
        let v = json!({"error": {"code": 42}, "gone": null});
        let mut used = BTreeSet::new();
        let got = value(
            &source(json!({"pointer": "/error/code"})),
            &entry(None, &v),
            &mut used,
        );
        assert_eq!(got, Ok(Some(json!(42))));
        assert_eq!(used, BTreeSet::from(["/error/code".to_owned()]));
        // Absent and null are both "no value", and neither is marked used.
        let mut used = BTreeSet::new();
        for p in ["/gone", "/nothing"] {
            let got = value(&source(json!({"pointer": p})), &entry(None, &v), &mut used);
            assert_eq!(got, Ok(None));
        }
        assert!(used.is_empty());
    }

    #[test]
    fn key_reads_the_member_key_or_nothing() {
        let v = json!({});
        let s = source(json!({"key": true}));
        let mut used = BTreeSet::new();
        assert_eq!(
            value(&s, &entry(Some("E1"), &v), &mut used),
            Ok(Some(json!("E1")))
        );
        assert_eq!(value(&s, &entry(None, &v), &mut used), Ok(None));
    }

    #[test]
    fn a_template_fills_every_placeholder() {
        let v = json!({"phrase": "Not Found", "code": 404, "ok": false});
        let s = source(json!({"template": "{/phrase} ({/code}, {/ok}) at {key}"}));
        let mut used = BTreeSet::new();
        let got = value(&s, &entry(Some("k"), &v), &mut used);
        assert_eq!(got, Ok(Some(json!("Not Found (404, false) at k"))));
        let want: BTreeSet<String> = ["/phrase", "/code", "/ok"].map(str::to_owned).into();
        assert_eq!(used, want);
    }

    #[test]
    fn a_template_with_a_missing_value_or_no_closing_brace_has_no_value() {
        let v = json!({"phrase": "Not Found"});
        let mut used = BTreeSet::new();
        for t in ["{/absent} {/gone}", "{key}", "{/phrase"] {
            let got = value(&source(json!({"template": t})), &entry(None, &v), &mut used);
            assert_eq!(got, Ok(None), "{t}");
        }
        // Some placeholders found and others not: an error, unless the source is optional.
        let partial = json!({"template": "{/phrase} {/absent} {/gone}"});
        assert_eq!(
            value(&source(partial.clone()), &entry(None, &v), &mut used),
            Err("template finds some of its placeholders but not `{/absent}`, `{/gone}` (if some entries lack it, say `\"optional\": true`)".to_owned())
        );
        let mut optional = partial;
        optional["optional"] = json!(true);
        assert_eq!(
            value(&source(optional), &entry(None, &v), &mut used),
            Ok(None)
        );
        // Text without placeholders is the value itself.
        let got = value(
            &source(json!({"template": "fixed"})),
            &entry(None, &v),
            &mut used,
        );
        assert_eq!(got, Ok(Some(json!("fixed"))));
    }

    #[test]
    fn a_template_placeholder_naming_a_list_is_an_error() {
        let v = json!({"items": [1, 2]});
        let got = value(
            &source(json!({"template": "x {/items}"})),
            &entry(None, &v),
            &mut BTreeSet::new(),
        );
        assert_eq!(
            got,
            Err("template placeholder `{/items}` is a list, which has no text".to_owned())
        );
    }

    #[test]
    fn text_is_cleaned_and_blank_text_is_absent() {
        let v = json!({"m": "  Line one\r\nline two  ", "blank": "   ", "n": 7, "o": {}});
        let mut used = BTreeSet::new();
        let e = entry(None, &v);
        let read =
            |p: &str, used: &mut BTreeSet<String>| text(&source(json!({"pointer": p})), &e, used);
        assert_eq!(
            read("/m", &mut used),
            Ok(Some("Line one\nline two".to_owned()))
        );
        assert_eq!(read("/blank", &mut used), Ok(None));
        assert_eq!(read("/n", &mut used), Ok(Some("7".to_owned())));
        assert_eq!(
            read("/o", &mut used),
            Err("expected text, found an object".to_owned())
        );
    }

    #[test]
    fn texts_read_a_list_or_one_item() {
        let v = json!({
            "list": [" a ", null, "", "b"],
            "one": "only",
            "bad": ["a", 1],
        });
        let e = entry(None, &v);
        let mut used = BTreeSet::new();
        let mut read = |p: &str| texts(&source(json!({"pointer": p})), &e, &mut used);
        assert_eq!(read("/list"), Ok(vec!["a".to_owned(), "b".to_owned()]));
        assert_eq!(read("/one"), Ok(vec!["only".to_owned()]));
        assert_eq!(read("/absent"), Ok(vec![]));
        assert_eq!(
            read("/bad"),
            Err("expected a list of text, found a number in it".to_owned())
        );
    }

    #[test]
    fn a_numeric_code_stays_a_number_unless_it_is_cleaned() {
        let v = json!({"code": 20003});
        let e = entry(None, &v);
        let mut used = BTreeSet::new();
        let plain = source(json!({"pointer": "/code"}));
        assert_eq!(code_value(&plain, &e, &mut used), Ok(Some(json!(20003))));
        let cleaned = source(json!({"pointer": "/code", "after": "200"}));
        assert_eq!(code_value(&cleaned, &e, &mut used), Ok(Some(json!("03"))));
    }

    #[test]
    fn placeholders_are_the_names_between_braces() {
        let got: Vec<&str> = placeholders("{/a} and {key}, {unclosed").collect();
        assert_eq!(got, ["/a", "key"]);
        assert_eq!(placeholders("no braces").count(), 0);
    }

    #[test]
    fn relative_pointers_read_the_levels_around_the_entry() {
        let root = json!({"groups": [{"name": "G", "errors": {"E1": {"m": "x"}}}]});
        let e = Entry {
            pointer: "/groups/0/errors/E1".to_owned(),
            key: Some("E1"),
            value: &root["groups"][0]["errors"]["E1"],
            root: &root,
            file: None,
            links_base: None,
        };
        let read = |p: &str| resolve(p, &e);
        assert_eq!(read("0/m"), Ok(Some(json!("x"))));
        assert_eq!(read("/m"), Ok(Some(json!("x"))));
        assert_eq!(read("0#"), Ok(Some(json!("E1"))));
        assert_eq!(read("1"), Ok(Some(json!({"E1": {"m": "x"}}))));
        assert_eq!(read("2/name"), Ok(Some(json!("G"))));
        assert_eq!(read("2#"), Ok(Some(json!(0))), "an array index is a number");
        assert_eq!(read("3#"), Ok(Some(json!("groups"))));
        assert_eq!(read("2/absent"), Ok(None));
        assert_eq!(
            read("4#"),
            Err("`4#` names the key of the document root, which has none".to_owned())
        );
        assert_eq!(
            read("5/x"),
            Err(
                "`5/x` climbs 5 levels, above the document (the entry is at `/groups/0/errors/E1`)"
                    .to_owned()
            )
        );
        assert_eq!(location("2/name", &e), "/groups/0/name");
        assert_eq!(location("2#", &e), "/groups/0");
        assert_eq!(location("/m", &e), "/groups/0/errors/E1/m");
        // In a template too.
        let s = source(json!({"template": "{2/name}/{0#}: {0/m}"}));
        assert_eq!(
            value(&s, &e, &mut BTreeSet::new()),
            Ok(Some(json!("G/E1: x")))
        );
    }
}
