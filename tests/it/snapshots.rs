//! Snapshots of what the emitters write for a small, awkward catalog
//! (`tests/fixtures/edge.json`); review changes with `cargo insta review`.

use errcat_codegen::{CrateFiles, Generator, Model};

#[test]
fn edge_crate() {
    let model = errcat_tests::edge_model();
    let files = Generator::new().crate_files(&model, false);
    snapshot!("edge_codes_rs", files.codes_rs());
    snapshot!("edge_lib_rs", files.lib_rs());
    snapshot!("edge_cargo_toml", files.cargo_toml());
}

#[test]
fn edge_page() {
    let model = errcat_tests::edge_model();
    snapshot!("edge_page", Generator::new().page(&model));
}

#[test]
fn emitted_code_parses_and_names_are_hygienic() {
    let model = errcat_tests::edge_model();
    let files = Generator::new().crate_files(&model, false);
    let parsed = syn::parse_file(files.codes_rs()).expect("codes.rs parses");
    assert!(
        parsed.attrs.is_empty(),
        "codes.rs must have no inner attributes so it can be include!d"
    );
    let variants: Vec<&str> = model.codes().map(|c| c.variant()).collect();
    assert_eq!(variants, ["Type", "Self_", "E404", "E0100c", "OldCode"]);
    assert!(
        files
            .codes_rs()
            .contains("#[deprecated(note = \"use \\\"type\\\" instead\")]")
    );
    assert!(!files.codes_rs().contains("\0"));
}

/// The edge fixture with `patch` merged over its top-level members, as a model.
fn edge_variant(patch: serde_json::Value) -> Model {
    let text = std::fs::read_to_string(errcat_tests::fixture("edge.json")).expect("edge.json");
    let mut catalog: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    for (key, value) in patch.as_object().expect("an object") {
        catalog[key] = value.clone();
    }
    let text = serde_json::to_string_pretty(&catalog).unwrap();
    Generator::new()
        .load_str("tests/fixtures/edge.json", &text)
        .unwrap_or_else(|report| panic!("the edge variant does not load:\n{report}"))
}

/// Checks that `files` has exactly the modules `expected` (so a new runtime file is noticed
/// and gets a snapshot), and snapshots those named in `pinned` (and, with `tests`, the codes
/// test and its data), each named `<prefix>_<path>`.
fn snapshot_runtime(
    prefix: &str,
    files: &CrateFiles,
    expected: &[&str],
    pinned: &[&str],
    tests: bool,
) {
    let paths: Vec<&str> = files.modules().iter().map(|(p, _)| *p).collect();
    assert_eq!(
        paths, expected,
        "the emitter writes other files: add their snapshots here"
    );
    let name = |path: &str| format!("{prefix}_{}", path.replace(['/', '.'], "_"));
    if tests {
        snapshot!(name("tests/codes.rs"), files.tests_rs());
        snapshot!(name("tests/data/catalog.in"), files.tests_data());
    }
    for (path, text) in files.modules() {
        if pinned.contains(path) {
            snapshot!(name(path), text);
        }
    }
}

/// The files of a crate without a documented error body. The runtime sources copied (without
/// their unit tests: `wire.rs`, `features.rs`, `retry.rs`, `json/*`) are tested in
/// `errcat-runtime-check`; the
/// snapshots pin what is emitted per catalog: `facts.rs`, `json.rs` and the tests.
const WITHOUT_BODY: &[&str] = &[
    "src/facts.rs",
    "src/wire.rs",
    "src/features.rs",
    "src/json.rs",
    "src/json/accessors.rs",
    "src/json/by_code.rs",
    "src/json/diagnostic.rs",
    "src/json/error.rs",
    "src/json/field_errors.rs",
    "src/json/parse_error.rs",
    "src/json/pointer.rs",
    "src/json/problem.rs",
    "tests/examples.rs",
    "tests/data/examples.in",
];

/// The files of a crate with a documented object body (see [`files_with`] for the others).
const WITH_BODY: &[&str] = &[
    "src/facts.rs",
    "src/wire.rs",
    "src/features.rs",
    "src/json.rs",
    "src/json/accessors.rs",
    "src/json/body.rs",
    "src/json/by_code.rs",
    "src/json/diagnostic.rs",
    "src/json/error_with_rate_limit.rs",
    "src/json/field_errors.rs",
    "src/json/format.rs",
    "src/json/from_reqwest.rs",
    "src/json/into_response.rs",
    "src/json/json_schema.rs",
    "src/json/parse_error.rs",
    "src/json/pointer.rs",
    "src/json/problem.rs",
    "src/retry.rs",
    "tests/examples.rs",
    "tests/data/examples.in",
];

/// What the emitter writes per catalog, as opposed to the runtime sources it copies.
const EMITTED: &[&str] = &[
    "src/facts.rs",
    "src/json.rs",
    "tests/examples.rs",
    "tests/data/examples.in",
];

/// [`WITH_BODY`] with `from` replaced by `to`, or with `to` added after `from` when `keep`.
fn files_with(from: &str, to: &'static str, keep: bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    for &path in WITH_BODY {
        if path != from || keep {
            out.push(path);
        }
        if path == from {
            out.push(to);
        }
    }
    out
}

/// The runtime files of the edge crate: `wire.rs` (codes read from the wire, unknown ones
/// kept), `features.rs` (serde, http, schemars), `json.rs` without a documented body (with
/// miette's `Diagnostic`), and the tests.
#[test]
fn edge_runtime_files() {
    let model = errcat_tests::edge_model();
    let files = Generator::new().crate_files(&model, false);
    snapshot_runtime("edge", &files, WITHOUT_BODY, EMITTED, true);
}

/// With a documented error body: `json.rs` reads and writes an object body with every part
/// the layout can name, and `retry.rs` parses the rate-limit headers; the axum, reqwest and
/// schemars integrations come with the body.
#[test]
fn edge_runtime_files_with_an_object_body() {
    let model = edge_variant(serde_json::json!({
        "envelope": {
            "description": "An object with an `error` member.",
            "layout": {
                "code": "/error/code",
                "message": "/error/message",
                "doc_url": "/error/doc_url",
                "category": "/error/type",
                "param": "/error/param",
                "details": "/error/details",
                "id": "/error/id",
                "request_id": "/request_id",
                "request_id_header": "X-Request-ID",
                "field_errors": { "at": "/error/details", "field": "/field", "message": "/message" }
            }
        }
    }));
    let files = Generator::new().crate_files(&model, false);
    snapshot_runtime("edge_object_body", &files, WITH_BODY, EMITTED, false);
}

/// A JSON:API-like list body with constants, and integer codes (written as numbers only
/// where they read back as the same text).
#[test]
fn edge_runtime_files_with_a_list_body_and_integer_codes() {
    let model = edge_variant(serde_json::json!({
        "code_type": "integer",
        "envelope": {
            "layout": {
                "errors": "/errors",
                "code": "/code",
                "status": "/status",
                "title": "/title",
                "constants": { "/type": "api_error" }
            }
        },
        "codes": [
            { "code": 7, "status": 400, "category": "client", "message": "Seven" },
            { "code": -1, "status": 500, "category": "type", "message": "Minus one", "retryable": true }
        ]
    }));
    let files = Generator::new().crate_files(&model, false);
    let expected = files_with("src/json/json_schema.rs", "src/json/list.rs", true);
    snapshot_runtime("edge_list_body", &files, &expected, EMITTED, false);
}

/// An API whose body carries only the HTTP status: errors are told apart by status.
#[test]
fn edge_runtime_files_told_apart_by_status() {
    let model = edge_variant(serde_json::json!({
        "code_type": "http-status",
        "envelope": { "layout": { "code": "/error/code", "message": "/error/message" } },
        "codes": [
            { "code": "BadRequest", "status": 400, "category": "client", "message": "Bad request" },
            { "code": "Invalid", "status": 400, "category": "client", "message": "Invalid" },
            { "code": "Teapot", "status": 418, "category": "type", "message": "I'm a teapot" }
        ]
    }));
    let files = Generator::new().crate_files(&model, false);
    let expected = files_with("src/json/by_code.rs", "src/json/by_status.rs", false);
    snapshot_runtime("edge_by_status", &files, &expected, EMITTED, false);
}

/// An XML body of the AWS query protocol's shape, the code also under another path of S3's
/// shape and in a header, cleaned: the XML reader (behind `xml`) and writer come with it, and
/// the tests read every code from each place (`tests/data/places.in`).
#[test]
fn edge_runtime_files_with_an_xml_body_and_a_code_header() {
    let text = std::fs::read_to_string(errcat_tests::fixture("edge.json")).expect("edge.json");
    let edge: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let mut codes = edge["codes"].clone();
    // The documented example as the XML document it is, its code qualified.
    codes[0]["examples"][0]["body"] = serde_json::Value::from(
        "<ErrorResponse><Error><Code>example.v1#type</Code><Message>```</Message></Error></ErrorResponse>",
    );
    let model = edge_variant(serde_json::json!({
        "codes": codes,
        "envelope": {
            "layout": {
                "format": "xml",
                "code": ["/ErrorResponse/Error/Code", "/Error/Code"],
                "code_header": "x-amzn-ErrorType",
                "code_clean": { "after_last": "#", "before_first": ":" },
                "message": "/ErrorResponse/Error/Message",
                "message_header": "x-amzn-ErrorMessage",
                "request_id": "/ErrorResponse/RequestId"
            }
        }
    }));
    let files = Generator::new().crate_files(&model, false);
    let mut expected = files_with("src/json/problem.rs", "src/json/xml_read.rs", true);
    let at = expected
        .iter()
        .position(|p| *p == "src/json/xml_read.rs")
        .unwrap_or_default();
    expected.insert(at + 1, "src/json/xml_write.rs");
    expected.push("tests/data/places.in");
    let mut pinned = EMITTED.to_vec();
    pinned.push("tests/data/places.in");
    snapshot_runtime("edge_xml_body", &files, &expected, &pinned, false);
}
