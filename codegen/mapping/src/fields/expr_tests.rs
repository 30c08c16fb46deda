//! Reading entries with computed values: expressions, relative pointers, categories made
//! from vendor values, and codes that are not scalars.

use serde_json::json;

use super::*;
use crate::test_mapping;

fn read_at(
    mapping: &Mapping,
    root: &Value,
    pointer: &str,
) -> (Option<Code>, Vec<(String, String)>) {
    let e = Entry {
        pointer: pointer.to_owned(),
        key: None,
        value: root.pointer(pointer).expect("the entry"),
        root,
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

#[test]
fn an_expression_that_fails_on_one_entry_is_located_there() {
    let m = test_mapping(json!({"fields": {"code": {"expr": ".n - 1"}}}));
    let doc = json!({"errors": [{"n": 1, "message": "m"}, {"n": "x", "message": "m"}]});
    let (code, problems) = read_at(&m, &doc, "/errors/0");
    assert_eq!(problems, []);
    assert_eq!(code.unwrap().code, CodeValue::String("0".to_owned()));
    let (code, problems) = read_at(&m, &doc, "/errors/1");
    assert!(code.is_none());
    assert_eq!(
        problems,
        [problem(
            "/errors/1",
            "entry /errors/1: `code` expression fails: cannot calculate \"x\" - 1"
        )]
    );
}

fn problem(pointer: &str, message: &str) -> (String, String) {
    (pointer.to_owned(), message.to_owned())
}

#[test]
fn an_expression_giving_two_values_is_an_error() {
    let m = test_mapping(json!({"fields": {"title": {"expr": ".t[]"}}}));
    let doc = json!([{"code": "a", "message": "m", "t": ["x", "y"]}]);
    let (code, problems) = read_at(&m, &doc, "/0");
    assert_eq!(code.unwrap().title, None);
    assert_eq!(
        problems,
        [problem(
            "/0",
            "entry /0: `title` expression gives more than one value (collect them with `[…]`, or take one with `first(…)`)"
        )]
    );
}

#[test]
fn a_hierarchy_composes_its_codes_and_slugs_its_categories() {
    let m = test_mapping(json!({
        "catalog": {"name": "t", "title": "T", "code_type": "integer"},
        "derive_categories": {"title": {"pointer": "2/name"}},
        "fields": {
            "code": {"expr": "($up[3].number*1000) + (($up[1].number // 0)*100) + .number"},
            "message": {"pointer": "/message"},
            "category": {"expr": "$up[3].name | ascii_downcase | gsub(\"[^a-z0-9]+\"; \"-\")"},
            "title": {"template": "{4/name}: {0/message}"},
        },
    }));
    let doc = json!({"classes": [{"number": 20, "name": "Access Control", "subclasses": [
        {"number": 1, "errors": [{"number": 51, "message": "Token expired"}]},
        {"errors": [{"number": 7, "message": "Denied"}]},
    ]}]});
    let (code, problems) = read_at(&m, &doc, "/classes/0/subclasses/0/errors/0");
    assert_eq!(problems, []);
    let code = code.unwrap();
    assert_eq!(code.code, CodeValue::Integer(20151));
    assert_eq!(code.category.as_deref(), Some("access-control"));
    assert_eq!(code.title.as_deref(), Some("Access Control: Token expired"));
    let (code, _) = read_at(&m, &doc, "/classes/0/subclasses/1/errors/0");
    assert_eq!(code.unwrap().code, CodeValue::Integer(20007));
}

#[test]
fn a_code_is_a_scalar_cleaned_whatever_its_kind() {
    let m = test_mapping(json!({"fields": {"code": {"pointer": "/c", "after": "#"}}}));
    let doc = json!([
        {"c": "svc#Throttled", "message": "m"},
        {"c": {"name": "x"}, "message": "m"},
        {"c": [1], "message": "m"},
        {"c": true, "message": "m"},
        {"c": 12, "message": "m"},
    ]);
    let (code, _) = read_at(&m, &doc, "/0");
    assert_eq!(
        code.unwrap().code,
        CodeValue::String("Throttled".to_owned())
    );
    let (code, _) = read_at(&m, &doc, "/4");
    assert_eq!(code.unwrap().code, CodeValue::String("12".to_owned()));
    for (at, kind) in [("/1", "an object"), ("/2", "a list"), ("/3", "a boolean")] {
        let (code, problems) = read_at(&m, &doc, at);
        assert!(code.is_none());
        assert_eq!(
            problems,
            [problem(
                &format!("{at}/c"),
                &format!("entry {at}: `code` is {kind}, not a code")
            )]
        );
    }
    // Computed by an expression, the same.
    let m = test_mapping(json!({"fields": {"code": {"expr": "{a: 1}"}}}));
    let (_, problems) = read_at(&m, &doc, "/0");
    assert_eq!(
        problems,
        [problem("/0", "entry /0: `code` is an object, not a code")]
    );
}

#[test]
fn a_category_is_declared_or_derived_and_an_id() {
    let m = test_mapping(json!({"fields": {"category": {"pointer": "/fault"}}}));
    let doc = json!([{"code": "a", "message": "m", "fault": true}]);
    let (code, problems) = read_at(&m, &doc, "/0");
    assert_eq!(code.unwrap().category, None);
    assert_eq!(
        problems,
        [problem(
            "/0/fault",
            "entry /0: `category` `true` is not a category `catalog.categories` declares (declare it, set `derive_categories`, or map the vendor's values with `expr`)"
        )]
    );
    // Mapped by an expression to declared ids, it is fine.
    let m = test_mapping(json!({
        "catalog": {"categories": [{"id": "client"}, {"id": "server"}]},
        "fields": {"category": {"expr": "if .fault then \"client\" else \"server\" end"}},
    }));
    let (code, problems) = read_at(&m, &doc, "/0");
    assert_eq!(problems, []);
    assert_eq!(code.unwrap().category.as_deref(), Some("client"));
    // Derived, it must be an id.
    let m = test_mapping(json!({
        "derive_categories": {},
        "fields": {"category": {"pointer": "/group"}},
    }));
    let doc = json!([{"code": "a", "message": "m", "group": "Access Control"}]);
    let (_, problems) = read_at(&m, &doc, "/0");
    assert_eq!(
        problems,
        [problem(
            "/0/group",
            "entry /0: `category` cannot be derived: category id `Access Control` contains whitespace (make a slug with `expr`, e.g. `.name | ascii_downcase | gsub(\"[^a-z0-9]+\"; \"-\")`)"
        )]
    );
}

#[test]
fn an_overlay_message_fills_one_the_vendor_leaves_empty() {
    let m = test_mapping(json!({
        "fields": {"message": {"pointer": "/doc", "markup": "html"}},
        "overlay": {"a": {"message": "From the overlay"}},
    }));
    let doc = json!([{"code": "a", "doc": "<p/>"}, {"code": "b", "doc": "<p></p>"}]);
    let (code, problems) = read_at(&m, &doc, "/0");
    assert_eq!(problems, []);
    assert_eq!(code.unwrap().message, "From the overlay");
    let (code, problems) = read_at(&m, &doc, "/1");
    assert!(code.is_none());
    assert_eq!(
        problems,
        [problem("/1/doc", "entry /1: `message` is missing or empty")]
    );
}

#[test]
fn a_relative_pointer_is_located_where_it_reads() {
    let m = test_mapping(json!({"fields": {"status": {"pointer": "1/status"}}}));
    let doc = json!({"g": {"status": "teapot", "errors": [{"code": "a", "message": "m"}]}});
    // `1` is the array holding the entry: it has no `status`.
    let (code, problems) = read_at(&m, &doc, "/g/errors/0");
    assert_eq!(problems, []);
    assert_eq!(code.unwrap().status, None);
    let m = test_mapping(json!({"fields": {"status": {"pointer": "2/status"}}}));
    let (_, problems) = read_at(&m, &doc, "/g/errors/0");
    assert_eq!(
        problems,
        [problem(
            "/g/status",
            "entry /g/errors/0: `status` `teapot` is not an HTTP status"
        )]
    );
    let m = test_mapping(json!({"fields": {"status": {"pointer": "4/status"}}}));
    let (_, problems) = read_at(&m, &doc, "/g/errors/0");
    assert_eq!(
        problems,
        [problem(
            "/g/errors/0",
            "entry /g/errors/0: `status` `4/status` climbs 4 levels, above the document (the entry is at `/g/errors/0`)"
        )]
    );
}
