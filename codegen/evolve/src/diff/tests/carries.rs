//! The gate on what each error carries: arguments and the fields of a list of objects, inner
//! code sets, operations and the languages of the messages.

use serde_json::{Value, json};

use super::{base, catalog, kinds};
use crate::diff::{Class, changes};
use errcat_catalog::Catalog;

/// The changes from a code with arguments `args` to the same code with `edit` applied to them.
fn args_after(edit: impl FnOnce(&mut Value)) -> Vec<(String, Class)> {
    let with_args = |args: Value| {
        let mut v = base();
        v["codes"][0]["message"] = json!("Bad {$field}");
        v["codes"][0]["args"] = args;
        catalog(v)
    };
    let old = json!([
        {"name": "field", "type": "string"},
        {"name": "size", "type": "integer"},
        {"name": "mode", "type": "enum", "values": ["a", "b"], "optional": true}
    ]);
    let mut new = old.clone();
    edit(&mut new);
    kinds(changes(&with_args(old), &with_args(new)))
}

#[test]
fn additive_an_optional_argument_or_an_enum_value_added() {
    let got = args_after(|a| {
        a.as_array_mut()
            .unwrap()
            .push(json!({"name": "hint", "type": "string", "optional": true}));
        a[2]["values"] = json!(["a", "b", "c"]);
    });
    assert_eq!(got, [("args-added".to_owned(), Class::Additive)]);
}

#[test]
fn additive_a_code_declares_its_first_arguments() {
    // Nothing compiled against arguments the code did not have, required ones included.
    let mut old = base();
    old["codes"][0]["message"] = json!("Bad {$field}");
    let mut new = old.clone();
    new["codes"][0]["args"] = json!([{"name": "field", "type": "string"}]);
    assert_eq!(
        kinds(changes(&catalog(old), &catalog(new))),
        [("args-added".to_owned(), Class::Additive)]
    );
}

#[test]
fn breaking_an_argument_removed_retyped_made_required_or_reordered() {
    let breaking = [("args-changed".to_owned(), Class::Breaking)];
    assert_eq!(
        args_after(|a| {
            a.as_array_mut().unwrap().remove(1);
        }),
        breaking
    );
    assert_eq!(args_after(|a| a[1]["type"] = json!("number")), breaking);
    assert_eq!(args_after(|a| a[2]["optional"] = json!(false)), breaking);
    assert_eq!(
        args_after(|a| a[0]["visibility"] = json!("internal")),
        breaking
    );
    assert_eq!(args_after(|a| a[2]["values"] = json!(["a"])), breaking);
    assert_eq!(
        args_after(|a| a
            .as_array_mut()
            .unwrap()
            .push(json!({"name": "n", "type": "bool"}))),
        breaking
    );
    assert_eq!(
        args_after(|a| a.as_array_mut().unwrap().swap(0, 1)),
        breaking
    );
    // An optional one moving is not: it has a setter, not a place in `new`.
    assert!(args_after(|a| a.as_array_mut().unwrap().swap(1, 2)).is_empty());
}

#[test]
fn docs_an_arguments_description_or_example() {
    let got = args_after(|a| {
        a[0]["description"] = json!("The field.");
        a[1]["example"] = json!(3);
    });
    assert_eq!(got, [("code-docs".to_owned(), Class::Docs)]);
}

#[test]
fn inner_code_sets_added_to_removed_from_and_reworded() {
    let with_sets = |sets: Value| {
        let mut v = base();
        v["code_sets"] = sets;
        catalog(v)
    };
    let set = |codes: &[&str], title: &str| {
        let codes: Vec<Value> = codes
            .iter()
            .map(|c| json!({"code": c, "message": "M"}))
            .collect();
        json!({"name": "validation", "title": title, "codes": codes})
    };
    let diff = |old: Value, new: Value| kinds(changes(&with_sets(old), &with_sets(new)));
    assert_eq!(
        diff(json!([]), json!([set(&["A"], "V")])),
        [("code-set-added".to_owned(), Class::Additive)]
    );
    assert_eq!(
        diff(json!([set(&["A"], "V")]), json!([])),
        [("code-set-removed".to_owned(), Class::Breaking)]
    );
    assert_eq!(
        diff(json!([set(&["A"], "V")]), json!([set(&["A", "B"], "V")])),
        [("inner-code-added".to_owned(), Class::Additive)]
    );
    assert_eq!(
        diff(json!([set(&["A", "B"], "V")]), json!([set(&["A"], "V")])),
        [("inner-code-removed".to_owned(), Class::Breaking)]
    );
    assert_eq!(
        diff(
            json!([set(&["A", "B"], "V")]),
            json!([set(&["B", "A"], "Validation")])
        ),
        [("code-set-docs".to_owned(), Class::Docs)]
    );
}

#[test]
fn operations_added_to_removed_from_and_their_internal_error() {
    let with_ops = |internal: &str, ops: Value| {
        let mut v = base();
        v["internal_error"] = json!(internal);
        v["operations"] = ops;
        catalog(v)
    };
    let code = base()["codes"][0]["code"].clone();
    let other = base()["codes"][1]["code"].clone();
    let op = |codes: Value| json!([{"name": "get", "codes": codes}]);
    let diff = |a: Catalog, b: Catalog| kinds(changes(&a, &b));
    let internal = other.as_str().unwrap();
    assert_eq!(
        diff(
            with_ops(internal, json!([])),
            with_ops(internal, op(json!([code.clone()])))
        ),
        [("operation-added".to_owned(), Class::Additive)]
    );
    assert_eq!(
        diff(
            with_ops(internal, op(json!([code.clone()]))),
            with_ops(internal, json!([]))
        ),
        [("operation-removed".to_owned(), Class::Breaking)]
    );
    assert_eq!(
        diff(
            with_ops(internal, op(json!([]))),
            with_ops(internal, op(json!([code.clone()])))
        ),
        [("operation-code-added".to_owned(), Class::Additive)]
    );
    assert_eq!(
        diff(
            with_ops(internal, op(json!([code.clone()]))),
            with_ops(internal, op(json!([])))
        ),
        [("operation-code-removed".to_owned(), Class::Breaking)]
    );
    let first = code.as_str().unwrap();
    assert_eq!(
        diff(
            with_ops(internal, op(json!([]))),
            with_ops(first, op(json!([])))
        ),
        [("internal-error-changed".to_owned(), Class::Behavioural)]
    );
}

#[test]
fn languages_added_removed_and_the_source_language() {
    let with = |locales: Option<Value>| {
        let mut v = base();
        if let Some(l) = locales {
            v["locales"] = l;
        }
        catalog(v)
    };
    let l = |source: &str, translations: &[&str]| {
        Some(json!({"source": source, "translations": translations}))
    };
    let diff = |a: Catalog, b: Catalog| kinds(changes(&a, &b));
    assert_eq!(
        diff(with(None), with(l("en", &["de"]))),
        [
            ("locale-added".to_owned(), Class::Additive),
            ("locale-added".to_owned(), Class::Additive)
        ]
    );
    assert_eq!(
        diff(with(l("en", &["de"])), with(l("en", &["de", "pt"]))),
        [("locale-added".to_owned(), Class::Additive)]
    );
    assert_eq!(
        diff(with(l("en", &["de", "pt"])), with(l("en", &["de"]))),
        [("locale-removed".to_owned(), Class::Breaking)]
    );
    assert_eq!(
        diff(with(l("en", &["de"])), with(None)),
        [("locales-removed".to_owned(), Class::Breaking)]
    );
    assert_eq!(
        diff(with(l("en", &["de"])), with(l("de", &["en"]))),
        [("locale-source-changed".to_owned(), Class::Breaking)]
    );
    assert_eq!(
        diff(with(l("en", &["de", "pt"])), with(l("en", &["pt", "de"]))),
        []
    );
}

/// The changes to a list-of-objects argument `items` whose fields are edited by `edit`.
fn fields_after(edit: impl FnOnce(&mut Value)) -> Vec<(String, Class)> {
    let with_items = |fields: Value| {
        let mut v = base();
        v["codes"][0]["args"] =
            json!([{"name": "items", "type": "list", "items": "object", "fields": fields}]);
        catalog(v)
    };
    let old = json!([
        {"name": "index", "type": "integer"},
        {"name": "note", "type": "string", "optional": true}
    ]);
    let mut new = old.clone();
    edit(&mut new);
    kinds(changes(&with_items(old), &with_items(new)))
}

#[test]
fn the_fields_of_a_list_of_objects() {
    assert_eq!(
        fields_after(|f| f
            .as_array_mut()
            .unwrap()
            .push(json!({"name": "hint", "type": "string", "optional": true}))),
        [("args-added".to_owned(), Class::Additive)]
    );
    let breaking = [("args-changed".to_owned(), Class::Breaking)];
    assert_eq!(
        fields_after(|f| f
            .as_array_mut()
            .unwrap()
            .push(json!({"name": "at", "type": "string"}))),
        breaking
    );
    assert_eq!(fields_after(|f| f[0]["type"] = json!("string")), breaking);
    assert_eq!(fields_after(|f| f[1]["optional"] = json!(false)), breaking);
    assert_eq!(
        fields_after(|f| {
            f.as_array_mut().unwrap().remove(1);
        }),
        breaking
    );
    assert_eq!(
        fields_after(|f| f[0]["description"] = json!("Where.")),
        [("code-docs".to_owned(), Class::Docs)]
    );
}
