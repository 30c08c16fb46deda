//! The integrations of the generated crates behind their features, each used for real:
//!
//! - `axum` and `reqwest`: an axum app on loopback answers every code of a catalog as an error
//!   (`IntoResponse for ApiError`), and a reqwest client reads each back with the generated
//!   parser (`ApiError::from_reqwest`): code, status, body, request id and rate-limit headers.
//!   This runs for every catalog that documents its error body (`envelope.layout`): dataxid,
//!   records-api, datocms-cma, dreamfactory, twilio and datamaker. The others (datocms-cda,
//!   datocms-cda-site-api-errors, http-status-codes, pg-error-codes, postgres) document no
//!   body, so there is nothing of theirs to serve or read; their crates accept the features and
//!   add nothing.
//! - `miette`: the rendered report of an error, snapshotted.
//! - `schemars` and `openapi.json`: every documented example body validates against the body
//!   schema `gen` writes, and the crates' `JsonSchema` gives the same schemas.

use std::fmt::Display;
use std::future::Future;
use std::sync::Arc;

use axum::response::IntoResponse;
use serde_json::{Value, json};

/// Serves `sent[i]` at `/errors/{i}` from an axum app on 127.0.0.1 and reads every one back
/// over HTTP with `read`, in order. Every wait is bounded.
fn exchange<E, P, F, Fut>(sent: Vec<E>, read: F) -> Vec<Result<E, String>>
where
    E: IntoResponse + Clone + Send + Sync + 'static,
    P: Display,
    F: Fn(reqwest::Response) -> Fut,
    Fut: Future<Output = Result<E, P>>,
{
    let n = sent.len();
    let errors = Arc::new(sent);
    let handler = move |axum::extract::Path(i): axum::extract::Path<usize>| {
        let error = errors[i].clone();
        async move { Err::<(), E>(error) }
    };
    let app = axum::Router::new().route("/errors/{i}", axum::routing::get(handler));
    crate::loopback::with_app(app, |base, client| async move {
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let response = crate::loopback::send(client.get(format!("{base}/errors/{i}"))).await;
            out.push(read(response).await.map_err(|e| e.to_string()));
        }
        out
    })
}

/// Every code of `$krate` served and read back. `$same` says whether the read error is the
/// sent code. An API that tells errors apart by status alone (`by_status`) is only served the
/// codes it documents a status for: the others never reach the wire, and a status it does not
/// document cannot say which they are.
macro_rules! round_trip {
    ($krate:ident, $same:expr, by_status: $by_status:literal, request_id: $carried:literal) => {{
        use $krate::{ApiError, ErrorCode, RateLimit, RetryAfter};
        let codes: Vec<ErrorCode> = ErrorCode::ALL
            .iter()
            .copied()
            .filter(|&code| !$by_status || ApiError::new(code).status().is_some())
            .collect();
        let sent: Vec<ApiError> = codes
            .iter()
            .enumerate()
            .map(|(i, &code)| {
                let error = ApiError::new(code)
                    .with_request_id(format!("req_{i}"))
                    .with_rate_limit(RateLimit {
                        retry_after: Some(RetryAfter::Seconds(i as u64 % 60 + 1)),
                        limit: Some(100),
                        remaining: Some(0),
                        reset: None,
                    });
                // A code without a documented status goes out as 500 (`to_http_response`).
                match error.status() {
                    Some(_) => error,
                    None => error.with_status(500),
                }
            })
            .collect();
        let read = exchange(sent.clone(), ApiError::from_reqwest);
        assert_eq!(read.len(), codes.len());
        for ((sent, read), &code) in sent.iter().zip(read).zip(&codes) {
            let read = read.unwrap_or_else(|e| panic!("{code:?}: {e}"));
            let same: fn(&ApiError, ErrorCode) -> bool = $same;
            assert!(same(&read, code), "{code:?} read back as {read:?}");
            assert_eq!(read.status(), sent.status(), "{code:?}");
            assert_eq!(read.rate_limit(), sent.rate_limit(), "{code:?}");
            // The request id comes back where the layout carries it (body or header); elsewhere
            // the API has no place for it.
            let expected = if $carried { sent.request_id() } else { None };
            assert_eq!(read.request_id(), expected, "{code:?}");
            assert_eq!(read.to_json_value(), sent.to_json_value(), "{code:?}");
        }
        codes.len()
    }};
}

#[test]
fn axum_serves_every_code_and_reqwest_reads_it_back() {
    let counts = [
        round_trip!(dataxid_errors, |e, c| e.code().known() == Some(c), by_status: false, request_id: true),
        round_trip!(records_api_errors, |e, c| e.code().known() == Some(c), by_status: false, request_id: false),
        round_trip!(datocms_cma_errors, |e, c| e.code().known() == Some(c), by_status: false, request_id: false),
        round_trip!(twilio_errors, |e, c| e.code().known() == Some(c), by_status: false, request_id: false),
        round_trip!(dreamfactory_errors, |e, c| e.classes().contains(&c), by_status: true, request_id: false),
        round_trip!(datamaker_errors, |e, c| e.classes().contains(&c), by_status: true, request_id: true),
    ];
    assert!(counts.iter().all(|&n| n > 0), "{counts:?}");
}

#[test]
fn a_miette_report_shows_the_code_the_fixes_and_the_url() {
    use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};
    let error = dataxid_errors::ApiError::new(dataxid_errors::ErrorCode::RateLimitExceeded)
        .with_message("Rate limit exceeded. Retry after 12 seconds.")
        .with_request_id("req_abc123");
    assert_eq!(
        Diagnostic::code(&error).map(|c| c.to_string()).as_deref(),
        Some("rate_limit_exceeded")
    );
    let mut report = String::new();
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(80)
        .with_links(false)
        .render_report(&mut report, &error)
        .expect("the report renders");
    snapshot!("dataxid_rate_limit_exceeded", report);

    // A code the catalog documents no fix for has no help line; one from a later version of
    // the API has its wire code and nothing the catalog would say.
    let unknown = dataxid_errors::ApiError::new(dataxid_errors::Code::parse("model_quarantined"));
    assert_eq!(
        Diagnostic::code(&unknown).map(|c| c.to_string()).as_deref(),
        Some("model_quarantined")
    );
    assert!(unknown.help().is_none() && unknown.url().is_none());
}

/// Each catalog's `openapi.json` and the body schema in it, ready to validate against.
fn openapi(name: &str) -> (Value, Option<jsonschema::Validator>) {
    let path = errcat_tests::root().join(format!("generated/{name}/openapi.json"));
    let text = std::fs::read_to_string(&path).expect("openapi.json");
    let doc: Value = serde_json::from_str(&text).expect("openapi.json is JSON");
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(
        doc["x-generated"]
            .as_str()
            .unwrap_or_default()
            .starts_with("@generated")
    );
    let body = doc["components"]["schemas"].get("ErrorBody").map(|_| {
        // The document itself is the root, so its `#/components/...` references resolve.
        let mut root = doc.clone();
        root["$ref"] = json!("#/components/schemas/ErrorBody");
        jsonschema::draft202012::new(&root).expect("the body schema compiles")
    });
    (doc, body)
}

#[test]
fn every_documented_example_validates_against_the_openapi_body_schema() {
    let mut validated = 0;
    let mut catalogs = Vec::new();
    for entry in std::fs::read_dir(errcat_tests::root().join("generated")).expect("generated/") {
        let dir = entry.expect("an entry").path();
        if !dir.join("openapi.json").exists() {
            continue;
        }
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let (doc, body) = openapi(&name);
        let codes = doc["components"]["schemas"]["ErrorCode"]["oneOf"].as_array();
        let catalog: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join("catalog.json")).expect("catalog.json"),
        )
        .expect("catalog.json is JSON");
        assert_eq!(
            codes.map(Vec::len),
            catalog["codes"].as_array().map(Vec::len),
            "{name}: every code is in the ErrorCode schema"
        );
        let Some(body) = body else {
            assert!(doc["components"].get("responses").is_none(), "{name}");
            continue;
        };
        catalogs.push(name.clone());
        let content = doc["components"]["responses"]["Error"]["content"]
            .as_object()
            .expect("the Error response has content");
        for (media_type, media) in content {
            // An XML example is the document, as a string: `tests/it/examples.rs` reads each
            // through its crate.
            if media_type == "application/xml" {
                continue;
            }
            let examples = media["examples"].as_object().into_iter().flatten();
            for (key, example) in examples {
                let value = &example["value"];
                let errors: Vec<String> = body.iter_errors(value).map(|e| e.to_string()).collect();
                assert!(
                    errors.is_empty(),
                    "{name} example {key}: {errors:?}\n{value}"
                );
                validated += 1;
            }
        }
        // The schema is not vacuous: a body without its code, or with a code the catalog does
        // not have, is refused.
        let example = content.values().find_map(|m| {
            m["examples"]
                .as_object()?
                .values()
                .next()
                .map(|e| e["value"].clone())
        });
        if let (Some(example), Some(at)) = (example, code_pointer(&name)) {
            let mut unknown = example.clone();
            *unknown.pointer_mut(at).expect("the code") = json!("zz_not_a_code");
            assert!(
                !body.is_valid(&unknown),
                "{name}: an unknown code validates"
            );
        }
    }
    catalogs.sort();
    let documented = [
        "aws-lambda",
        "aws-rds",
        "aws-s3",
        "bookshelf",
        "datamaker",
        "dataxid",
        "datocms-cma",
        "dreamfactory",
        "records-api",
        "shop",
    ];
    assert_eq!(catalogs, [&documented[..], &["twilio"]].concat());
    assert!(validated > 20, "only {validated} examples validated");
}

/// Where the code sits in the first documented example of a catalog that carries one.
fn code_pointer(name: &str) -> Option<&'static str> {
    match name {
        "dataxid" => Some("/error/code"),
        "records-api" | "shop" => Some("/error/code"),
        "bookshelf" => Some("/error/details/0/reason"),
        "twilio" => Some("/code"),
        _ => None,
    }
}

/// `$krate`'s `JsonSchema`s: the codes as `openapi.json` lists them, the body as it describes it.
macro_rules! same_schemas {
    ($krate:ident, $name:literal) => {{
        let (doc, _) = openapi($name);
        let schemas = &doc["components"]["schemas"];
        let code = serde_json::to_value(schemars::schema_for!($krate::ErrorCode)).unwrap();
        assert_eq!(code["oneOf"], schemas["ErrorCode"]["oneOf"], $name);
        let body = serde_json::to_value(schemars::schema_for!($krate::ApiError)).unwrap();
        let mut expected = schemas["ErrorBody"].clone();
        let text = expected
            .to_string()
            .replace("#/components/schemas/", "#/$defs/");
        expected = serde_json::from_str(&text).unwrap();
        let mut body_only = body.clone();
        let defs = body_only.as_object_mut().unwrap();
        defs.remove("$schema");
        defs.remove("title");
        // The code's schema is a definition of its own, where the body carries the code (an API
        // that tells errors apart by status alone carries none).
        match defs.remove("$defs") {
            Some(defs) => assert_eq!(defs["ErrorCode"]["oneOf"], schemas["ErrorCode"]["oneOf"]),
            None => assert!(!text.contains("#/$defs/ErrorCode"), $name),
        }
        assert_eq!(body_only, expected, $name);
    }};
}

#[test]
fn the_crates_json_schemas_are_the_openapi_schemas() {
    same_schemas!(dataxid_errors, "dataxid");
    same_schemas!(bookshelf_errors, "bookshelf");
    same_schemas!(records_api_errors, "records-api");
    same_schemas!(datocms_cma_errors, "datocms-cma");
    same_schemas!(twilio_errors, "twilio");
    same_schemas!(dreamfactory_errors, "dreamfactory");
    same_schemas!(datamaker_errors, "datamaker");
    let code = serde_json::to_value(schemars::schema_for!(postgres_errors::ErrorCode)).unwrap();
    let (doc, body) = openapi("postgres");
    assert!(body.is_none(), "postgres documents no body");
    assert_eq!(
        code["oneOf"],
        doc["components"]["schemas"]["ErrorCode"]["oneOf"]
    );
}
