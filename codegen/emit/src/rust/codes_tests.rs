//! Tests of `codes.rs` as `codes` writes it: which columns are rules, constants or tables,
//! and what the enum's docs say once for every variant.

use serde_json::{Value, json};

use super::codes::codes_rs;
use errcat_catalog::model::Model;

/// The model of a catalog of `n` codes (`auth_failure_0`, `billing_failure_1`, …, each with a
/// message, a `when` and a doc URL from the catalog's template), after `edit` of its JSON.
fn model(n: usize, edit: impl FnOnce(&mut Value)) -> Model {
    const AREAS: [&str; 3] = ["auth", "billing", "storage"];
    let codes: Vec<Value> = (0..n)
        .map(|i| {
            let area = AREAS[i % AREAS.len()];
            json!({
                "code": format!("{area}_failure_{i}"),
                "message": format!("The {area} operation number {i} failed"),
                "when": format!("When operation {i} of the {area} service fails"),
            })
        })
        .collect();
    let mut catalog = json!({
        "format": 1,
        "name": "synthetic",
        "title": "Synthetic API",
        "doc_url": "https://errors.example.com/reference#{code}",
        "code_type": "string",
        "codes": codes,
    });
    edit(&mut catalog);
    let catalog = errcat_catalog::load::catalog(&catalog.to_string()).expect("a valid catalog");
    Model::build(catalog, "catalog/synthetic.json").expect("a valid model")
}

/// `codes.rs` for a catalog of `n` codes, after `edit` of its JSON.
fn codes(n: usize, edit: impl FnOnce(&mut Value)) -> String {
    codes_rs("", &model(n, edit))
}

/// Removes the `when` of each code of the catalog `c` but the first `keep`.
fn drop_when(c: &mut Value, keep: usize) {
    if let Some(codes) = c["codes"].as_array_mut() {
        for code in codes.iter_mut().skip(keep) {
            code.as_object_mut().map(|o| o.remove("when"));
        }
    }
}

#[test]
fn doc_urls_from_a_template_are_a_rule_said_once() {
    let out = codes(3, |_| {});
    assert!(out.contains("[$(concat!(\"https://errors.example.com/reference#\", $code)),*];"));
    assert!(!out.contains("\"https://errors.example.com/reference#auth_failure_0\""));
    assert!(
        out.contains("`https://errors.example.com/reference#{code}`"),
        "{out}"
    );
    assert!(!out.contains("Documentation: <"), "{out}");
}

#[test]
fn doc_urls_that_break_the_template_stay_a_table_and_in_each_variant() {
    let out = codes(3, |c| {
        c["codes"][1]["doc_url"] = json!("https://elsewhere.example/x")
    });
    assert!(
        !out.contains("concat!(\"https://errors.example.com"),
        "{out}"
    );
    assert!(out.contains("pub(super) static DOC_URLS: [&str; 3] = ["));
    assert!(out.contains("\"https://elsewhere.example/x\""));
    assert_eq!(out.matches("/// Documentation: <").count(), 3, "{out}");
}

#[test]
fn descriptions_that_are_the_message_are_not_written_again() {
    // Without `description` or `when`, every description is the message.
    let out = codes(3, |c| drop_when(c, 0));
    assert!(!out.contains("static DESCRIPTIONS"), "{out}");
    assert!(out.contains(
        "pub const fn description(self) -> &'static str {\n        self.message()\n    }"
    ));
    // One of three keeps its own: `""` stands for the message in the others.
    let out = codes(3, |c| drop_when(c, 1));
    let table = out.split("static DESCRIPTIONS").nth(1).expect("a table");
    assert!(table.contains("\"When operation 0 of the auth service fails\""));
    assert_eq!(
        table.split("];").next().map(|t| t.matches("\"\"").count()),
        Some(2)
    );
    assert!(out.contains("if description.is_empty() {\n            self.message()"));
}

#[test]
fn variant_names_that_are_no_rule_over_the_code_are_a_table() {
    // `auth_failure_0` is named `AuthFailure0`: no text around the code makes the name.
    let out = codes(3, |_| {});
    assert!(out.contains("static NAMES: [&str; 3]"), "{out}");
    assert!(out.contains("f.write_str(error_code_tables::NAMES[*self as usize])"));
}

#[test]
fn a_shared_history_is_said_once_and_a_differing_one_per_variant() {
    let mut model = model(3, |_| {});
    for code in &mut model.codes {
        code.added_in = Some("0.3.0".into());
    }
    let out = codes_rs("", &model);
    let (enum_doc, variants) = out.split_once("pub enum ErrorCode").expect("the enum");
    assert!(
        enum_doc.contains("/// For every code: Added in 0.3.0."),
        "{out}"
    );
    assert!(!variants.contains("Added in"), "{out}");
    model.codes[2].added_in = Some("0.4.0".into());
    let out = codes_rs("", &model);
    let (enum_doc, variants) = out.split_once("pub enum ErrorCode").expect("the enum");
    assert!(!enum_doc.contains("For every code"), "{out}");
    assert_eq!(variants.matches("/// Added in 0.3.0.").count(), 2, "{out}");
    assert_eq!(variants.matches("/// Added in 0.4.0.").count(), 1, "{out}");
}

#[test]
fn all_names_the_variants_through_a_glob_import_not_self() {
    let out = codes(3, |_| {});
    assert!(out.contains("pub const ALL: &'static [ErrorCode] = &error_code_tables::every::ALL;"));
    let every = out
        .split("pub(super) mod every {")
        .nth(1)
        .expect("the module");
    assert!(every.contains("use super::super::ErrorCode::*;"), "{every}");
    assert!(
        every.contains("[AuthFailure0, BillingFailure1, StorageFailure2];"),
        "{every}"
    );
    // rustc resolves `Self::Variant` by a search of the variants: quadratic in all.
    assert!(!out.contains("Self::AuthFailure0"), "{out}");
}

#[test]
fn the_hash_is_copied_without_the_notes_for_errcat() {
    let out = codes(2, |_| {});
    assert!(out.contains("const K0: u64"));
    assert!(!out.contains("errcat includes this file"));
    assert!(!out.contains("::core::option::Option::Some(index as usize)"));
}
