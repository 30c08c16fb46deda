//! One test per row of README's classification table: each edits a small catalog and
//! checks the kind and class of what the diff reports.

use serde_json::{Value, json};

use super::*;

fn base() -> Value {
    json!({
        "format": 1,
        "name": "shop",
        "version": "1.0.0",
        "title": "Shop API",
        "doc_url": "https://docs.example.com/errors#{code}",
        "envelope": {
            "description": "Errors are JSON.",
            "layout": {"code": "/error/code", "message": "/error/message"}
        },
        "categories": [
            {"id": "auth", "description": "Authentication"},
            {"id": "limits"}
        ],
        "codes": [
            {"code": "key_missing", "status": 401, "category": "auth", "message": "Missing key",
             "aliases": ["no_key"], "fixes": ["Send a key"]},
            {"code": "rate_limited", "status": 429, "category": "limits", "message": "Slow down",
             "retryable": true},
            {"code": "gone", "status": 410, "category": "auth", "message": "Gone"}
        ]
    })
}

fn catalog(v: Value) -> Catalog {
    serde_json::from_value(v).expect("a catalog")
}

/// `changes` as (kind, class) pairs.
fn kinds(changes: Vec<Change>) -> Vec<(String, Class)> {
    changes.into_iter().map(|c| (c.kind, c.class)).collect()
}

/// The changes made by `edit`, as (kind, class) pairs.
fn after(edit: impl FnOnce(&mut Value)) -> Vec<(String, Class)> {
    let mut new = base();
    edit(&mut new);
    kinds(changes(&catalog(base()), &catalog(new)))
}

/// Asserts that `got` has a change of `kind` and `class`, and none of kind `not`.
fn has_without(got: &[(String, Class)], kind: &str, class: Class, not: &str) {
    assert!(got.contains(&(kind.to_owned(), class)), "{got:?}");
    assert!(!got.iter().any(|(k, _)| k == not), "{got:?}");
}

fn only(edit: impl FnOnce(&mut Value), kind: &str, class: Class) {
    let got = after(edit);
    assert_eq!(got, vec![(kind.to_owned(), class)]);
}

fn code(v: &mut Value, i: usize) -> &mut Value {
    &mut v["codes"][i]
}

#[test]
fn nothing_changed_is_no_change() {
    assert!(after(|_| {}).is_empty());
    // The version itself is not a change.
    assert!(after(|v| v["version"] = json!("9.9.9")).is_empty());
}

#[test]
fn breaking_a_code_deleted() {
    only(
        |v| {
            v["codes"].as_array_mut().unwrap().remove(2);
        },
        "code-removed",
        Class::Breaking,
    );
}

#[test]
fn breaking_a_wire_spelling_changed() {
    only(
        |v| {
            code(v, 2)["code"] = json!("GONE");
            code(v, 2)["name"] = json!("Gone");
        },
        "code-respelled",
        Class::Breaking,
    );
}

#[test]
fn breaking_a_variant_renamed() {
    only(
        |v| code(v, 2)["name"] = json!("NoLongerThere"),
        "code-renamed",
        Class::Breaking,
    );
}

#[test]
fn breaking_a_twin_that_renames_a_variant() {
    // `GONE` differs from `gone` only in case: both keep their case (`Egone`, `GONE`), so the
    // old code's variant `Gone` is renamed, and the new code is added under its own name.
    let changes = after(|v| {
        v["codes"]
            .as_array_mut()
            .expect("codes")
            .push(json!({"code": "GONE", "status": 410, "message": "Gone, loudly"}));
    });
    assert!(
        changes.contains(&("code-renamed".to_owned(), Class::Breaking)),
        "{changes:?}"
    );
    let mut new = base();
    new["codes"]
        .as_array_mut()
        .expect("codes")
        .push(json!({"code": "GONE", "status": 410, "message": "Gone, loudly"}));
    let texts: Vec<String> = changes_between(&catalog(base()), &catalog(new));
    assert!(
        texts
            .iter()
            .any(|t| t.contains("`ErrorCode::Egone` (was `ErrorCode::Gone`)")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("`GONE` (`ErrorCode::GONE`)")),
        "{texts:?}"
    );
}

/// The text of every change from `old` to `new`.
fn changes_between(old: &Catalog, new: &Catalog) -> Vec<String> {
    changes(old, new).into_iter().map(|c| c.text).collect()
}

#[test]
fn breaking_an_alias_removed() {
    only(
        |v| code(v, 0)["aliases"] = json!([]),
        "alias-removed",
        Class::Breaking,
    );
}

#[test]
fn breaking_a_retired_code_reused() {
    let mut old = base();
    code(&mut old, 2)["retired"] = json!({"since": "1.1.0", "note": "No longer sent"});
    let mut new = base();
    code(&mut new, 2)["message"] = json!("Archived");
    code(&mut new, 2)["reused"] = json!({"since": "2.0.0", "note": "Now means archived"});
    let got = changes(&catalog(old), &catalog(new));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].kind.as_str(), got[0].class),
        ("code-reused", Class::Breaking)
    );
}

#[test]
fn breaking_a_category_removed() {
    let got = after(|v| {
        v["categories"].as_array_mut().unwrap().remove(1);
        code(v, 1)["category"] = json!("auth");
    });
    assert!(
        got.contains(&("category-removed".to_owned(), Class::Breaking)),
        "{got:?}"
    );
    assert!(
        got.contains(&("category-changed".to_owned(), Class::Behavioural)),
        "{got:?}"
    );
}

#[test]
fn breaking_an_accessor_type_changed_by_a_code_without_status() {
    let got = after(|v| {
        v["codes"]
            .as_array_mut()
            .unwrap()
            .push(json!({"code": "odd", "category": "auth", "message": "Odd"}));
    });
    assert_eq!(
        got,
        vec![
            ("accessor-type-changed".to_owned(), Class::Breaking),
            ("code-added".to_owned(), Class::Additive)
        ]
    );
}

/// `base()` as a registry that is not an HTTP API's: no error body and no status.
fn without_http(v: &mut Value) {
    v.as_object_mut().unwrap().remove("envelope");
    for code in v["codes"].as_array_mut().unwrap() {
        code.as_object_mut().unwrap().remove("status");
    }
}

#[test]
fn additive_the_status_api_of_a_registry_that_documents_its_first_status() {
    let old = {
        let mut v = base();
        without_http(&mut v);
        v
    };
    let mut new = old.clone();
    new["codes"][0]["status"] = json!(401);
    // No accessor was there to change.
    let got = kinds(changes(&catalog(old), &catalog(new)));
    has_without(
        &got,
        "status-accessors-added",
        Class::Additive,
        "accessor-type-changed",
    );
}

#[test]
fn breaking_the_status_api_removed_with_the_last_status_and_body() {
    let got = after(without_http);
    has_without(
        &got,
        "status-accessors-removed",
        Class::Breaking,
        "accessor-type-changed",
    );
}

#[test]
fn breaking_a_record_from_before_registries_lost_the_status_api() {
    // A release record that does not say whether its crate had the status API was written
    // when every crate had it: the same registry generated now has none, which is breaking.
    let mut registry = base();
    without_http(&mut registry);
    let made = |status_api| Made {
        status_api,
        plain_messages: true,
    };
    let got = kinds(changes_since(
        &catalog(registry.clone()),
        made(true),
        &catalog(registry.clone()),
    ));
    assert_eq!(
        got,
        [("status-accessors-removed".to_owned(), Class::Breaking)]
    );
    assert!(changes_since(&catalog(registry.clone()), made(false), &catalog(registry)).is_empty());
}

#[test]
fn docs_a_record_from_before_messages_were_read_as_markdown() {
    // A crate released when `message()` returned the markdown as written shows a message
    // with inline markdown differently now: a documentation change, one for the catalog.
    let mut v = base();
    v["codes"][0]["message"] = json!("The `key` is *missing*");
    let before = Made {
        status_api: true,
        plain_messages: false,
    };
    let got = changes_since(&catalog(v.clone()), before, &catalog(v.clone()));
    assert_eq!(
        kinds(got.clone()),
        [("messages-plain".to_owned(), Class::Docs)]
    );
    assert!(got[0].text.contains("the message of `"), "{}", got[0].text);
    // Made by this errcat, or with no markdown in any message: nothing to report.
    let now = Made::now(&catalog(v.clone()));
    assert!(changes_since(&catalog(v.clone()), now, &catalog(v)).is_empty());
    assert!(changes_since(&catalog(base()), before, &catalog(base())).is_empty());
}

#[test]
fn breaking_an_accessor_type_changed_by_a_code_without_category() {
    let got = after(|v| {
        v["codes"]
            .as_array_mut()
            .unwrap()
            .push(json!({"code": "odd", "status": 400, "message": "Odd"}));
    });
    assert!(
        got.contains(&("accessor-type-changed".to_owned(), Class::Breaking)),
        "{got:?}"
    );
}

#[test]
fn breaking_the_doc_url_accessor_becomes_optional() {
    let got = after(|v| {
        v.as_object_mut().unwrap().remove("doc_url");
    });
    assert_eq!(
        got,
        vec![
            ("accessor-type-changed".to_owned(), Class::Breaking),
            ("catalog-docs".to_owned(), Class::Docs)
        ]
    );
}

#[test]
fn breaking_the_code_type_changed() {
    let got = after(|v| v["code_type"] = json!("http-status"));
    assert!(
        got.contains(&("code-type-changed".to_owned(), Class::Breaking)),
        "{got:?}"
    );
}

#[test]
fn breaking_an_envelope_part_moved_or_removed() {
    only(
        |v| v["envelope"]["layout"]["code"] = json!("/code"),
        "layout-part-changed",
        Class::Breaking,
    );
    only(
        |v| {
            v["envelope"]["layout"]
                .as_object_mut()
                .unwrap()
                .remove("message");
        },
        "layout-part-removed",
        Class::Breaking,
    );
    only(
        |v| {
            v["envelope"].as_object_mut().unwrap().remove("layout");
        },
        "layout-removed",
        Class::Breaking,
    );
}

#[test]
fn a_layout_change_outside_its_pointers_is_never_silent() {
    // status_only is a statement about the body: recorded as a part.
    only(
        |v| v["envelope"]["layout"]["status_only"] = json!(true),
        "layout-part-added",
        Class::Additive,
    );
    // A preset stands for the parts it fills in.
    let got = after(|v| v["envelope"]["layout"]["preset"] = json!("problem+json"));
    assert!(
        got.iter().any(|(kind, _)| kind.starts_with("layout-part-")),
        "{got:?}"
    );
}

#[test]
fn google_rpc_another_body_a_domain_or_a_grpc_status_name_is_breaking() {
    let between = |old_layout: Value, new_layout: Value| {
        let (mut old, mut new) = (base(), base());
        old["envelope"]["layout"] = old_layout;
        new["envelope"]["layout"] = new_layout;
        kinds(changes(&catalog(old), &catalog(new)))
    };
    let rpc = json!({"preset": "google-rpc", "domain": "shop.example.com"});
    let breaking = vec![("layout-part-changed".to_owned(), Class::Breaking)];
    // The flat places the preset fills in, written out, are still another body on the wire.
    let flat = json!({
        "code": "/error/reason", "status": "/error/code", "message": "/error/message",
        "doc_url": "/error/help", "details": "/error/metadata",
        "constants": {"/error/domain": "shop.example.com"}
    });
    assert_eq!(between(flat, rpc.clone()), breaking);
    let mut domain = rpc.clone();
    domain["domain"] = json!("books.example.com");
    assert_eq!(between(rpc.clone(), domain), breaking);
    // A code's gRPC status named, where it had the default: another `error.status`.
    let mut named = rpc.clone();
    named["grpc_status"] = json!({"E2": "FAILED_PRECONDITION"});
    assert_eq!(between(rpc.clone(), named), breaking);
    let removed = between(
        rpc,
        json!({"code": "/error/reason", "message": "/error/message"}),
    );
    assert!(
        removed.contains(&("layout-part-removed".to_owned(), Class::Breaking)),
        "{removed:?}"
    );
}

#[test]
fn breaking_rate_limits_removed_with_the_envelope() {
    let got = after(|v| {
        v.as_object_mut().unwrap().remove("envelope");
    });
    assert!(
        got.contains(&("rate-limit-removed".to_owned(), Class::Breaking)),
        "{got:?}"
    );
    assert!(
        got.contains(&("layout-removed".to_owned(), Class::Breaking)),
        "{got:?}"
    );
}

#[test]
fn behavioural_a_status_changed() {
    only(
        |v| code(v, 2)["status"] = json!(404),
        "status-changed",
        Class::Behavioural,
    );
}

#[test]
fn behavioural_a_category_changed() {
    only(
        |v| code(v, 2)["category"] = json!("limits"),
        "category-changed",
        Class::Behavioural,
    );
}

#[test]
fn behavioural_a_retryable_flag_changed() {
    only(
        |v| code(v, 1)["retryable"] = json!(false),
        "retryable-changed",
        Class::Behavioural,
    );
    // `false` and unsaid both mean `is_retryable() == false`: only the docs change.
    only(
        |v| code(v, 2)["retryable"] = json!(false),
        "code-docs",
        Class::Docs,
    );
}

#[test]
fn behavioural_a_deprecation_changed() {
    only(
        |v| code(v, 2)["deprecated"] = json!({"note": "Use key_missing"}),
        "code-deprecated",
        Class::Behavioural,
    );
    let mut old = base();
    code(&mut old, 2)["deprecated"] = json!({"note": "Use key_missing"});
    let got = changes(&catalog(old), &catalog(base()));
    assert_eq!(
        (got[0].kind.as_str(), got[0].class),
        ("code-undeprecated", Class::Behavioural)
    );
}

#[test]
fn behavioural_a_code_retired() {
    only(
        |v| code(v, 2)["retired"] = json!({"since": "1.1.0", "note": "No longer sent"}),
        "code-retired",
        Class::Behavioural,
    );
}

#[test]
fn breaking_codes_renumbered() {
    only(
        |v| v["codes"].as_array_mut().unwrap().swap(0, 2),
        "codes-renumbered",
        Class::Breaking,
    );
    only(
        |v| v["categories"].as_array_mut().unwrap().swap(0, 1),
        "categories-renumbered",
        Class::Breaking,
    );
    // A code added before others moves them: additive, and breaking for their numbers.
    let got = after(|v| {
        v["codes"].as_array_mut().unwrap().insert(
            0,
            json!({"code": "first", "status": 400, "category": "auth", "message": "First"}),
        );
    });
    assert_eq!(
        got,
        vec![
            ("code-added".to_owned(), Class::Additive),
            ("codes-renumbered".to_owned(), Class::Breaking)
        ]
    );
    // Removing the last code moves none.
    only(
        |v| {
            v["codes"].as_array_mut().unwrap().pop();
        },
        "code-removed",
        Class::Breaking,
    );
}

#[test]
fn additive_a_code_added() {
    only(
        |v| {
            v["codes"].as_array_mut().unwrap().push(
                json!({"code": "new_one", "status": 400, "category": "auth", "message": "New"}),
            );
        },
        "code-added",
        Class::Additive,
    );
}

#[test]
fn additive_an_alias_added() {
    only(
        |v| code(v, 2)["aliases"] = json!(["gone_old"]),
        "alias-added",
        Class::Additive,
    );
}

#[test]
fn additive_a_category_added() {
    only(
        |v| {
            v["categories"]
                .as_array_mut()
                .unwrap()
                .push(json!({"id": "billing"}))
        },
        "category-added",
        Class::Additive,
    );
}

#[test]
fn additive_an_envelope_part_added() {
    only(
        |v| v["envelope"]["layout"]["param"] = json!("/error/param"),
        "layout-part-added",
        Class::Additive,
    );
}

#[test]
fn docs_only_message_description_causes_fixes_examples() {
    for (field, value) in [
        ("message", json!("Key missing")),
        ("description", json!("Longer text")),
        ("when", json!("Always")),
        ("causes", json!(["No header"])),
        ("fixes", json!(["Send the header"])),
        ("examples", json!([{"body": {"error": {"code": "gone"}}}])),
        ("title", json!("Gone away")),
        ("doc_url", json!("https://elsewhere.example.com/gone")),
        ("notes", json!(["A note"])),
    ] {
        let got = after(|v| code(v, 2)[field] = value.clone());
        assert_eq!(got, vec![("code-docs".to_owned(), Class::Docs)], "{field}");
    }
}

#[test]
fn docs_only_catalog_and_category_prose() {
    only(|v| v["title"] = json!("Shop"), "catalog-docs", Class::Docs);
    only(
        |v| v["envelope"]["description"] = json!("Errors are JSON objects."),
        "catalog-docs",
        Class::Docs,
    );
    only(
        |v| v["categories"][0]["description"] = json!("Auth"),
        "category-docs",
        Class::Docs,
    );
}

#[test]
fn sections_follow_keep_a_changelog() {
    let section = |kind: &str| Change::new(Class::Docs, kind, None, String::new()).section();
    assert_eq!(section("code-added"), "Added");
    assert_eq!(section("code-removed"), "Removed");
    assert_eq!(section("code-retired"), "Deprecated");
    assert_eq!(section("status-changed"), "Changed");
}

// What each error carries (arguments, inner codes, operations, languages), in a file of its
// own.
mod carries;
