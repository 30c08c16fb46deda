//! Variant names of codes that differ only in case (a base-62 registry's `0A` and `0a`) or
//! otherwise share a plain name: each keeps its case, so all are accepted with distinct
//! variants, and what keeping the case cannot separate is a located error. Parsing, `explain`
//! and the pages stay exact about case. The crate of `tests/corpus/accept/case-twins.json`
//! is built and its tests (every code round-trips through `FromStr`) run by
//! `diagnostics::accepted_catalogs_build_test_and_lint_with_warnings_denied`.

use std::fs;

use errcat_codegen::{Generator, Model};

/// A catalog named `twins` with one entry per code, each given `name` when paired with one.
fn catalog(codes: &[(&str, Option<&str>)]) -> String {
    let entries: Vec<serde_json::Value> = codes
        .iter()
        .map(|(code, name)| {
            let mut entry = serde_json::json!({ "code": code, "message": format!("Code {code}") });
            if let Some(name) = name {
                entry["name"] = serde_json::json!(name);
            }
            entry
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({
        "format": 1,
        "name": "twins",
        "title": "Twins",
        "doc_url": "https://errors.example.com/twins.html#{code}",
        "codes": entries,
    }))
    .unwrap()
}

fn load(codes: &[(&str, Option<&str>)]) -> Result<Model, String> {
    Generator::new()
        .load_str("catalog/twins.json", &catalog(codes))
        .map_err(|report| report.to_string())
}

fn variants(model: &Model) -> Vec<(&str, &str)> {
    model.codes().map(|c| (c.wire(), c.variant())).collect()
}

const TWINS: &[(&str, Option<&str>)] = &[
    ("0A", None),
    ("0a", None),
    ("ab", None),
    ("AB", None),
    ("Ab", None),
    ("zz", None),
];

#[test]
fn codes_that_differ_only_in_case_get_distinct_variants() {
    let model = load(TWINS).unwrap_or_else(|report| panic!("refused:\n{report}"));
    assert_eq!(
        variants(&model),
        [
            ("0A", "E0A"),
            ("0a", "E0a"),
            ("ab", "Eab"),
            ("AB", "AB"),
            ("Ab", "Ab"),
            ("zz", "Zz"),
        ]
    );
    let files = Generator::new().crate_files(&model, false);
    let parsed = syn::parse_file(files.codes_rs()).expect("codes.rs parses");
    let enum_variants: Vec<String> = parsed
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Enum(e) if e.ident == "ErrorCode" => {
                Some(e.variants.iter().map(|v| v.ident.to_string()).collect())
            }
            _ => None,
        })
        .expect("enum ErrorCode");
    assert_eq!(enum_variants, ["E0A", "E0a", "Eab", "AB", "Ab", "Zz"]);
    // The data the crate's round-trip test parses every code from, spelled as the wire has it.
    for code in ["\"0A\"", "\"0a\"", "\"ab\"", "\"AB\"", "\"Ab\""] {
        assert!(files.tests_data().contains(code), "{}", files.tests_data());
    }
}

#[test]
fn the_names_do_not_depend_on_catalog_order() {
    let mut reversed = TWINS.to_vec();
    reversed.reverse();
    let forward = load(TWINS).unwrap();
    let backward = load(&reversed).unwrap();
    let mut a = variants(&forward);
    let mut b = variants(&backward);
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn a_given_name_overrides_the_case_kept_one() {
    let model = load(&[
        ("0A", Some("UpperA")),
        ("0a", None),
        ("ab", None),
        ("AB", None),
    ])
    .unwrap_or_else(|report| panic!("refused:\n{report}"));
    // With `0A` named, `0a` shares its plain name with no other code and keeps it; `ab` and
    // `AB` still do, and keep their case.
    assert_eq!(
        variants(&model),
        [("0A", "UpperA"), ("0a", "E0a"), ("ab", "Eab"), ("AB", "AB")]
    );
}

#[test]
fn what_keeping_the_case_cannot_separate_is_a_located_error() {
    let report = load(&[("a-b", None), ("a_b", None), ("AB", None)]).unwrap_err();
    assert!(
        report.contains(
            "error: codes `a-b` and `a_b` both become the Rust name `Eab`, even with the case of their letters kept"
        ) && report.contains("catalog/twins.json:")
            && report.contains("at /codes/1/code")
            && report.contains("`a-b` is here")
            && report.contains("error: 1 problem found"),
        "{report}"
    );
    // A given name that clashes is an error too, not renamed away.
    let report = load(&[("0A", None), ("0a", None), ("0b", Some("E0A"))]).unwrap_err();
    assert!(
        report.contains("error: codes `0A` and `0b` both become the Rust name `E0A`\n"),
        "{report}"
    );
}

#[test]
fn pages_and_explain_are_exact_about_case() {
    let model = load(TWINS).unwrap();
    let page = Generator::new().page(&model);
    for anchor in ["0A", "0a", "ab", "AB", "Ab"] {
        assert_eq!(
            page.matches(&format!("<a id=\"{anchor}\"></a>")).count(),
            1,
            "{anchor}:\n{page}"
        );
    }
    let project = errcat_tests::scratch_project(&[]);
    fs::write(project.path().join("catalog/twins.json"), catalog(TWINS)).unwrap();
    let mut generator = Generator::new();
    generator.root(project.path());
    for (code, variant) in [("0A", "E0A"), ("0a", "E0a"), ("ab", "Eab"), ("AB", "AB")] {
        let entries = generator.explain(code).unwrap_or_else(|r| panic!("{r}"));
        assert_eq!(entries.len(), 1, "{code}: {entries:?}");
        assert!(
            entries[0].starts_with(&format!("Twins: {code}\n"))
                && entries[0].contains(&format!("`twins_errors::ErrorCode::{variant}`")),
            "{code}: {}",
            entries[0]
        );
    }
    let unknown = generator.explain("aB").unwrap_err().to_string();
    assert!(
        unknown.contains(
            "codes are matched exactly: did you mean `ab` (twins), `AB` (twins), `Ab` (twins)?"
        ),
        "{unknown}"
    );
}
