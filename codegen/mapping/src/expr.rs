//! `expr` sources: a jq filter, run by the jaq crates, computes a field's value from the entry
//! and the levels that enclose it.
//!
//! The input `.` is the entry's value; `$key` is its member key (or its index in an array, a
//! number), `$path` the keys and indexes from the document root to the entry (as jq's `path`
//! gives them), `$up` the enclosing values, nearest first (`$up[0]` is the collection that holds
//! the entry, `$up[1]` what holds that, and so on up to the root), `$root` the whole
//! document, and `$file` the vendor file's name relative to the mapping file when the mapping
//! reads several files (`null` otherwise). The filter gives no value (nothing, or `null`) or exactly one; more is an error,
//! as is a failure while it runs. Integral numbers come out as integers (`20151`, never
//! `20151.0`).
//!
//! Each expression is compiled once per thread (compiled filters are kept by their text), and
//! while a mapping is applied ([`Scope`]) each vendor document is converted to jaq's values
//! once, however many entries read `$up` or `$root`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use jaq_core::load::{Arena, File, Loader, lex, parse};
use jaq_core::{Ctx, Vars, data, unwrap_valr};
use jaq_json::{Num, Val};
use serde::Deserialize;
use serde_json::{Number, Value};

use super::Entry;
use errcat_catalog::json_pointer;

/// The names of the variables an expression may read, in the order their values are given.
const VARS: [&str; 5] = ["$key", "$path", "$up", "$root", "$file"];

type Data = data::JustLut<Val>;

/// A compiled expression.
pub(super) struct Compiled {
    filter: jaq_core::Filter<Data>,
    /// Which of [`VARS`] it reads (only those are computed for an entry).
    reads: [bool; 5],
}

/// The documents converted to jaq's values while a [`Scope`] is open, by address, and the
/// last `$up` made (entries of one collection share it).
#[derive(Default)]
struct Converted {
    documents: Vec<(usize, Val)>,
    up: Option<(usize, String, Val)>,
}

thread_local! {
    /// Compiled expressions by their text (with the compile error, for a bad one).
    static COMPILED: RefCell<HashMap<String, Rc<Result<Compiled, String>>>> =
        RefCell::new(HashMap::new());
    /// While a [`Scope`] is open: what was converted so far.
    static CONVERTED: RefCell<Option<Converted>> = const { RefCell::new(None) };
}

/// While it lives, vendor documents are converted once for every expression that reads them.
/// The documents must outlive it (they do: a mapping is applied to a borrowed document).
pub(super) struct Scope {
    previous: Option<Converted>,
}

impl Scope {
    pub(super) fn enter() -> Self {
        let previous = CONVERTED.with(|c| c.borrow_mut().replace(Converted::default()));
        Scope { previous }
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        let previous = self.previous.take();
        CONVERTED.with(|c| *c.borrow_mut() = previous);
    }
}

/// Compiles `code`: an error says what jaq expected and where (a 1-based character column).
fn compile(code: &str) -> Result<Compiled, String> {
    let column = |part: &str| {
        let start = jaq_core::load::span(code, part).start;
        code[..start].chars().count() + 1
    };
    let defs = jaq_core::defs()
        .chain(jaq_std::defs())
        .chain(jaq_json::defs());
    let funs = jaq_core::funs()
        .chain(jaq_std::funs())
        .chain(jaq_json::funs());
    let arena = Arena::default();
    let modules = Loader::new(defs)
        .load(&arena, File { code, path: () })
        .map_err(|errors| {
            let mut out = Vec::new();
            for (_, e) in errors {
                match e {
                    jaq_core::load::Error::Io(list) => {
                        out.extend(list.into_iter().map(|(_, m)| m));
                    }
                    jaq_core::load::Error::Lex(list) => {
                        out.extend(list.into_iter().map(|(expected, found)| match expected {
                            lex::Expect::Delim(open) => format!(
                                "`{open}` at column {} is never closed (expected {})",
                                column(open),
                                expected.as_str()
                            ),
                            _ => format!(
                                "expected {} at column {}",
                                expected.as_str(),
                                column(found)
                            ),
                        }));
                    }
                    jaq_core::load::Error::Parse(list) => {
                        out.extend(list.into_iter().map(
                            |(expected, found): (parse::Expect<&str>, &str)| {
                                let token = if found.is_empty() {
                                    "the end".to_owned()
                                } else {
                                    format!("`{}`", found.chars().take(20).collect::<String>())
                                };
                                format!(
                                    "expected {} at column {}, found {token}",
                                    expected.as_str(),
                                    column(found)
                                )
                            },
                        ));
                    }
                }
            }
            out.join("; ")
        })?;
    let filter = jaq_core::Compiler::default()
        .with_funs(funs)
        .with_global_vars(VARS)
        .compile(modules)
        .map_err(|errors| {
            let list: Vec<String> = errors
                .into_iter()
                .flat_map(|(_, list)| list)
                .map(|(name, undefined)| {
                    format!(
                        "undefined {} `{name}` at column {}",
                        undefined.as_str(),
                        column(name)
                    )
                })
                .collect();
            list.join("; ")
        })?;
    // A name that only looks like a variable read (in a string, say) costs time, not
    // correctness: an unread variable is bound to `null`.
    Ok(Compiled {
        filter,
        reads: VARS.map(|v| code.contains(v)),
    })
}

/// Whether `code` compiles, and if not, why (compiled once, then kept for [`eval`]).
pub(super) fn check(code: &str) -> Result<(), String> {
    match &*compiled(code) {
        Ok(_) => Ok(()),
        Err(e) => Err(e.clone()),
    }
}

/// The compiled form of `code`, compiled on first use.
fn compiled(code: &str) -> Rc<Result<Compiled, String>> {
    COMPILED.with(|c| {
        if let Some(found) = c.borrow().get(code) {
            return Rc::clone(found);
        }
        let made = Rc::new(compile(code));
        c.borrow_mut().insert(code.to_owned(), Rc::clone(&made));
        made
    })
}

/// The value `code` gives for `entry`: `None` for no output or `null`; an error when it does
/// not compile, fails, or gives more than one value.
pub(super) fn eval(code: &str, entry: &Entry<'_>) -> Result<Option<Value>, String> {
    let compiled = compiled(code);
    let compiled = match &*compiled {
        Ok(c) => c,
        Err(e) => return Err(format!("expression does not compile: {e}")),
    };
    let input = to_val(entry.value)?;
    let [reads_key, reads_path, reads_up, reads_root, reads_file] = compiled.reads;
    let key = if reads_key { key_of(entry) } else { Val::Null };
    let path = if reads_path {
        path_of(entry)
    } else {
        Val::Null
    };
    let (up, root) = if reads_up || reads_root {
        document_vars(entry, reads_up)?
    } else {
        (Val::Null, Val::Null)
    };
    let file = match entry.file {
        Some(name) if reads_file => Val::from(name.to_owned()),
        _ => Val::Null,
    };
    let ctx = Ctx::<Data>::new(&compiled.filter.lut, Vars::new([key, path, up, root, file]));
    let mut outputs = compiled.filter.id.run((ctx, input)).map(unwrap_valr);
    let first = match outputs.next() {
        None => return Ok(None),
        Some(Err(e)) => return Err(format!("expression fails: {e}")),
        Some(Ok(v)) => v,
    };
    match outputs.next() {
        None => {}
        Some(Err(e)) => return Err(format!("expression fails: {e}")),
        Some(Ok(_)) => {
            return Err(
                "expression gives more than one value (collect them with `[…]`, or take one with `first(…)`)"
                    .to_owned(),
            );
        }
    }
    match from_val(&first)? {
        Value::Null => Ok(None),
        v => Ok(Some(v)),
    }
}

/// `$key` of an entry: its member key, or its index (a number) in an array.
fn key_of(entry: &Entry<'_>) -> Val {
    if let Some(k) = entry.key {
        return Val::from(k.to_owned());
    }
    let Some((parent, last)) = entry.pointer.rsplit_once('/') else {
        return Val::Null;
    };
    let last = json_pointer::unescape(last);
    match (entry.root.pointer(parent), last.parse::<usize>()) {
        (Some(Value::Array(_)), Ok(i)) => Val::Num(Num::from_integral(i)),
        _ => Val::from(last),
    }
}

/// `$path` of an entry, from its pointer: a segment is an index (a number) where the level
/// above is an array.
fn path_of(entry: &Entry<'_>) -> Val {
    let mut path = Vec::new();
    let mut at = Some(entry.root);
    for segment in json_pointer::segments(&entry.pointer) {
        let step = match at {
            Some(Value::Array(items)) => match segment.parse::<usize>() {
                Ok(i) => {
                    at = items.get(i);
                    Val::Num(Num::from_integral(i))
                }
                Err(_) => {
                    at = None;
                    Val::from(segment)
                }
            },
            Some(Value::Object(members)) => {
                at = members.get(&segment);
                Val::from(segment)
            }
            _ => {
                at = None;
                Val::from(segment)
            }
        };
        path.push(step);
    }
    path.into_iter().collect()
}

/// `$up` (when `with_up`) and `$root` of an entry: the document converted once per [`Scope`]
/// (or per call, outside one), and the values along the entry's pointer in it; entries of one
/// collection share their `$up`.
fn document_vars(entry: &Entry<'_>, with_up: bool) -> Result<(Val, Val), String> {
    let address = std::ptr::from_ref(entry.root) as usize;
    let parent = entry
        .pointer
        .rsplit_once('/')
        .map_or("", |(parent, _)| parent);
    let (root, up) = CONVERTED.with(|c| {
        let c = c.borrow();
        let c = c.as_ref();
        let root = c.and_then(|c| {
            c.documents
                .iter()
                .find(|(a, _)| *a == address)
                .map(|(_, v)| v.clone())
        });
        let up = c.and_then(|c| match &c.up {
            Some((a, p, up)) if *a == address && p == parent => Some(up.clone()),
            _ => None,
        });
        (root, up)
    });
    let root = match root {
        Some(v) => v,
        None => {
            let v = to_val(entry.root)?;
            CONVERTED.with(|c| {
                if let Some(c) = c.borrow_mut().as_mut() {
                    c.documents.push((address, v.clone()));
                }
            });
            v
        }
    };
    if !with_up {
        return Ok((Val::Null, root));
    }
    if let Some(up) = up {
        return Ok((up, root));
    }
    let mut levels = vec![root.clone()];
    for segment in json_pointer::segments(parent) {
        let Some(here) = levels.last() else { break };
        let next = match here {
            Val::Arr(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
            Val::Obj(members) => members.get(&Val::from(segment)),
            _ => None,
        };
        let Some(next) = next.cloned() else { break };
        levels.push(next);
    }
    // What holds the entry, nearest first.
    levels.reverse();
    let up: Val = levels.into_iter().collect();
    CONVERTED.with(|c| {
        if let Some(c) = c.borrow_mut().as_mut() {
            c.up = Some((address, parent.to_owned(), up.clone()));
        }
    });
    Ok((up, root))
}

/// A JSON value as jaq's.
fn to_val(v: &Value) -> Result<Val, String> {
    Val::deserialize(v).map_err(|e| format!("cannot read the entry: {e}"))
}

/// jaq's value as JSON: integral numbers become integers; a number JSON cannot hold (NaN,
/// infinity) is an error.
fn from_val(v: &Val) -> Result<Value, String> {
    Ok(match v {
        Val::Null => Value::Null,
        Val::Bool(b) => Value::Bool(*b),
        Val::Num(n) => Value::Number(number(n)?),
        Val::TStr(b) | Val::BStr(b) => Value::String(String::from_utf8_lossy(b).into_owned()),
        Val::Arr(items) => Value::Array(items.iter().map(from_val).collect::<Result<_, _>>()?),
        Val::Obj(members) => Value::Object(
            members
                .iter()
                .map(|(k, v)| {
                    let key = match k {
                        Val::TStr(b) | Val::BStr(b) => String::from_utf8_lossy(b).into_owned(),
                        other => other.to_string(),
                    };
                    Ok((key, from_val(v)?))
                })
                .collect::<Result<_, String>>()?,
        ),
    })
}

/// A jaq number as JSON's: an integer when it is integral and fits, else a float.
fn number(n: &Num) -> Result<Number, String> {
    let float = match n {
        Num::Int(i) => return Ok(Number::from(*i as i64)),
        Num::BigInt(b) => {
            let text = b.to_string();
            if let Ok(i) = text.parse::<i64>() {
                return Ok(Number::from(i));
            }
            if let Ok(u) = text.parse::<u64>() {
                return Ok(Number::from(u));
            }
            text.parse::<f64>().unwrap_or(f64::NAN)
        }
        Num::Float(f) => *f,
        Num::Dec(s) => {
            if let Ok(i) = s.parse::<i64>() {
                return Ok(Number::from(i));
            }
            s.parse::<f64>().unwrap_or(f64::NAN)
        }
    };
    // Integral and exactly representable: an integer (2^53 bounds the exact ones).
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if float.fract() == 0.0 && float.abs() <= EXACT {
        #[allow(clippy::cast_possible_truncation)]
        return Ok(Number::from(float as i64));
    }
    Number::from_f64(float)
        .ok_or_else(|| format!("expression gives {float}, which is not a JSON number"))
}

/// The variables an expression may read, for messages.
pub(super) fn variables() -> String {
    VARS.map(|v| format!("`{v}`")).join(", ")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn run(code: &str, pointer: &str, root: &Value) -> Result<Option<Value>, String> {
        let value = root.pointer(pointer).expect("the entry");
        let entry = Entry {
            pointer: pointer.to_owned(),
            key: None,
            value,
            root,
            file: None,
            links_base: None,
        };
        eval(code, &entry)
    }

    #[test]
    fn a_code_is_composed_from_three_levels_as_an_exact_integer() {
        let doc = json!({"classes": [
            {"number": 20, "name": "Auth", "subclasses": [
                {"number": 1, "errors": [{"number": 51, "name": "Expired token"}]},
                {"errors": [{"number": 7}]},
            ]},
        ]});
        let code = "($up[3].number*1000) + (($up[1].number // 0)*100) + .number";
        let _scope = Scope::enter();
        assert_eq!(
            run(code, "/classes/0/subclasses/0/errors/0", &doc),
            Ok(Some(json!(20151)))
        );
        // A subclass without a number counts as 0.
        assert_eq!(
            run(code, "/classes/0/subclasses/1/errors/0", &doc),
            Ok(Some(json!(20007)))
        );
        // Float arithmetic that lands on an integer is an integer too; a fraction stays one.
        assert_eq!(
            run(".number / 3 * 3", "/classes/0/subclasses/0/errors/0", &doc),
            Ok(Some(json!(51)))
        );
        assert_eq!(
            run(".number / 2", "/classes/0/subclasses/0/errors/0", &doc),
            Ok(Some(json!(25.5)))
        );
        // `$path`, `$key` and `$root`.
        assert_eq!(
            run("$path", "/classes/0/subclasses/1/errors/0", &doc),
            Ok(Some(json!(["classes", 0, "subclasses", 1, "errors", 0])))
        );
        assert_eq!(
            run("$key", "/classes/0/subclasses/1", &doc),
            Ok(Some(json!(1)))
        );
        assert_eq!(
            run("$root.classes[0].name", "/classes/0/subclasses/1", &doc),
            Ok(Some(json!("Auth")))
        );
        // Slugs from names with spaces.
        assert_eq!(
            run(
                r#"$up[3].name + " " + .name | ascii_downcase | gsub("[^a-z0-9]+"; "-")"#,
                "/classes/0/subclasses/0/errors/0",
                &doc
            ),
            Ok(Some(json!("auth-expired-token")))
        );
    }

    #[test]
    fn the_jq_idioms_a_mapping_needs_work() {
        let doc = json!({"shapes": {
            "Throttled": {"exception": true, "error": {"code": "Throttling", "senderFault": true},
                          "n": 7, "full": "svc#Throttled", "tags": "a,b,c"},
            "Broken": {"exception": true, "error": {"senderFault": false}, "n": 12345},
        }});
        let entry = |key: &'static str| {
            let pointer = format!("/shapes/{key}");
            let value = doc.pointer(&pointer).unwrap();
            (pointer, key, value)
        };
        let eval_at = |code: &str, key: &'static str| {
            let (pointer, key, value) = entry(key);
            eval(
                code,
                &Entry {
                    pointer,
                    key: Some(key),
                    value,
                    root: &doc,
                    file: None,
                    links_base: None,
                },
            )
        };
        // Zero-padding: prefix zeros, keep the last N characters.
        let pad = r#"("00000" + (.n | tostring)) | .[-5:]"#;
        assert_eq!(eval_at(pad, "Throttled"), Ok(Some(json!("00007"))));
        assert_eq!(eval_at(pad, "Broken"), Ok(Some(json!("12345"))));
        // A fallback chain.
        let fallback = ".error.code // $key";
        assert_eq!(
            eval_at(fallback, "Throttled"),
            Ok(Some(json!("Throttling")))
        );
        assert_eq!(eval_at(fallback, "Broken"), Ok(Some(json!("Broken"))));
        // A value map.
        let map = r#"if .error.senderFault then "client" else "server" end"#;
        assert_eq!(eval_at(map, "Throttled"), Ok(Some(json!("client"))));
        assert_eq!(eval_at(map, "Broken"), Ok(Some(json!("server"))));
        // Prefix and suffix strip, split and join.
        assert_eq!(
            eval_at(r#".full | ltrimstr("svc#") | rtrimstr("led")"#, "Throttled"),
            Ok(Some(json!("Thrott")))
        );
        assert_eq!(
            eval_at(r#".tags | split(",") | join(" / ")"#, "Throttled"),
            Ok(Some(json!("a / b / c")))
        );
        assert_eq!(
            eval_at(r##".full | test("#")"##, "Throttled"),
            Ok(Some(json!(true)))
        );
        // Nothing, `null` and `empty` are no value.
        for code in [".absent", "null", "empty", ".error.code"] {
            assert_eq!(eval_at(code, "Broken"), Ok(None), "{code}");
        }
    }

    #[test]
    fn more_than_one_value_or_a_failure_is_an_error() {
        let doc = json!([{"a": [1, 2], "s": "x"}]);
        assert_eq!(
            run(".a[]", "/0", &doc),
            Err("expression gives more than one value (collect them with `[…]`, or take one with `first(…)`)".to_owned())
        );
        assert_eq!(run("[.a[]]", "/0", &doc), Ok(Some(json!([1, 2]))));
        let failed = run(".s - 1000", "/0", &doc).unwrap_err();
        assert!(failed.starts_with("expression fails: "), "{failed}");
        assert!(failed.contains("\"x\""), "{failed}");
    }

    #[test]
    fn syntax_errors_say_what_and_where() {
        let Err(e) = compile(".a | (.b") else {
            panic!("compiles")
        };
        assert_eq!(
            e,
            "`(` at column 6 is never closed (expected closing parenthesis)"
        );
        let Err(e) = compile(".a +") else {
            panic!("compiles")
        };
        assert_eq!(e, "expected term at column 5, found the end");
        let Err(e) = compile("$nope + nofun") else {
            panic!("compiles")
        };
        assert_eq!(
            e,
            "undefined variable `$nope` at column 1; undefined filter `nofun` at column 9"
        );
    }

    #[test]
    fn an_expression_is_compiled_once() {
        let code = ".compiled_once_probe // 1";
        assert_eq!(check(code), Ok(()));
        assert!(Rc::ptr_eq(&compiled(code), &compiled(code)));
        assert_eq!(
            check(".x |"),
            Err("expected term at column 5, found the end".to_owned())
        );
    }

    #[test]
    fn variables_are_bound_in_order() {
        let doc = json!({"k": {"v": 1}});
        let value = &doc["k"];
        let entry = Entry {
            pointer: "/k".to_owned(),
            key: Some("k"),
            value,
            root: &doc,
            file: None,
            links_base: None,
        };
        assert_eq!(
            eval("[$key, $path, $up, $root]", &entry),
            Ok(Some(json!(["k", ["k"], [doc.clone()], doc.clone()])))
        );
    }

    /// How long an expression takes over 10,000 entries of a three-level hierarchy (run with
    /// `cargo test --release -p errcat-codegen --lib -- --ignored --nocapture ten_thousand`).
    #[test]
    #[ignore = "a measurement, not a check"]
    fn ten_thousand_entries() {
        let classes: Vec<Value> = (0..10)
            .map(|c| {
                let subclasses: Vec<Value> = (0..10)
                    .map(|s| {
                        let errors: Vec<Value> = (0..100)
                            .map(|e| json!({"number": e, "name": format!("Error {c} {s} {e}")}))
                            .collect();
                        json!({"number": s, "errors": errors})
                    })
                    .collect();
                json!({"number": c + 10, "name": format!("Class {c}"), "subclasses": subclasses})
            })
            .collect();
        let doc = json!({"classes": classes});
        let code = "($up[3].number*1000) + (($up[1].number // 0)*100) + .number";
        let slug = r#".name | ascii_downcase | gsub("[^a-z0-9]+"; "-")"#;
        let _scope = Scope::enter();
        for expression in [".", "$key", "$up[0] | length", code, slug] {
            let start = std::time::Instant::now();
            let mut n = 0;
            for c in 0..10 {
                for s in 0..10 {
                    for e in 0..100 {
                        let pointer = format!("/classes/{c}/subclasses/{s}/errors/{e}");
                        assert!(run(expression, &pointer, &doc).unwrap().is_some());
                        n += 1;
                    }
                }
            }
            println!("{n} entries, `{expression}`: {:?}", start.elapsed());
        }
    }
}
