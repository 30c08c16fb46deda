//! Property test: whatever a server (or a proxy in front of it) sends, the generated parsers
//! never panic. Any body either parses or is a `ParseError` that keeps the text; a parsed
//! error written back with `to_json` reads as the same code.
//!
//! `ERRCAT_FUZZ_CASES` sets the number of cases (default 256).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

fn cases() -> u32 {
    std::env::var("ERRCAT_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

/// JSON values of any shape, with the members the seed envelopes use among random ones.
fn json_strategy() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        any::<u64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        prop::sample::select(vec![
            "rate_limit_exceeded",
            "NOT_FOUND",
            "INVALID_FIELD",
            "429",
            "409"
        ])
        .prop_map(Value::from),
    ];
    let key = prop::sample::select(vec![
        "error",
        "code",
        "message",
        "data",
        "attributes",
        "details",
        "context",
        "request_id",
        "doc_url",
        "param",
        "type",
        "id",
        "status",
        "field",
        "x",
    ]);
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..5).prop_map(|members| Value::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect()
            )),
        ]
    })
}

/// Parses `body` with one crate; on success, checks the error survives `to_json`.
macro_rules! check_crate {
    ($krate:ident, $body:expr, $code:expr) => {{
        match $krate::ApiError::from_json($body) {
            Ok(error) => {
                let again = $krate::ApiError::from_json(&error.to_json())
                    .map_err(|e| TestCaseError::fail(format!("{}: {e}", stringify!($krate))))?;
                prop_assert_eq!($code(&again), $code(&error));
                let _ = error.to_problem();
                let _ = error.to_string();
            }
            Err(e) => prop_assert_eq!(e.raw(), String::from_utf8_lossy($body)),
        }
    }};
}

fn check(body: &[u8]) -> Result<(), TestCaseError> {
    check_crate!(dataxid_errors, body, |e: &dataxid_errors::ApiError| e
        .code()
        .clone());
    check_crate!(
        records_api_errors,
        body,
        |e: &records_api_errors::ApiError| e.code().clone()
    );
    check_crate!(
        datocms_cma_errors,
        body,
        |e: &datocms_cma_errors::ApiError| e.code().clone()
    );
    check_crate!(
        dreamfactory_errors,
        body,
        |e: &dreamfactory_errors::ApiError| e.status()
    );
    check_crate!(datamaker_errors, body, |e: &datamaker_errors::ApiError| e
        .request_id()
        .map(str::to_owned));
    check_crate!(
        aws_lambda_errors,
        body,
        |e: &aws_lambda_errors::ApiError| e.code().clone()
    );
    check_xml(body)?;
    let _ = dataxid_errors::Problem::from_json(body);
    Ok(())
}

/// Parses `body` as the XML of the S3 and RDS crates; on success, checks the error survives
/// `to_xml`.
fn check_xml(body: &[u8]) -> Result<(), TestCaseError> {
    macro_rules! xml_crate {
        ($krate:ident) => {
            match $krate::ApiError::from_xml(body) {
                Ok(error) => {
                    let again = $krate::ApiError::from_xml(&error.to_xml())
                        .map_err(|e| TestCaseError::fail(format!("{}: {e}", stringify!($krate))))?;
                    prop_assert_eq!(again.code(), error.code());
                    prop_assert_eq!(again.message(), error.message());
                }
                Err(e) => prop_assert_eq!(e.raw(), String::from_utf8_lossy(body)),
            }
        };
    }
    xml_crate!(aws_s3_errors);
    xml_crate!(aws_rds_errors);
    Ok(())
}

/// XML documents of any shape, with the elements the S3 and RDS bodies use among random ones,
/// text with markup characters, entities, CDATA, comments and stray tags.
fn xml_strategy() -> impl Strategy<Value = String> {
    let name = prop::sample::select(vec![
        "Error",
        "ErrorResponse",
        "Code",
        "Message",
        "RequestId",
        "Type",
        "x",
        "a:Code",
    ]);
    let leaf = prop_oneof![
        ".{0,12}".prop_map(|t| t.replace('<', "&lt;").replace('&', "&amp;")),
        ".{0,12}",
        Just("&amp;&#65;&#x42;&bogus;".to_owned()),
        Just("<![CDATA[<x>&]]>".to_owned()),
        Just("<!-- c -->".to_owned()),
        Just("NoSuchKey".to_owned()),
    ];
    leaf.prop_recursive(4, 32, 4, move |inner| {
        (name.clone(), prop::collection::vec(inner, 0..4))
            .prop_map(|(name, children)| format!("<{name}>{}</{name}>", children.concat()))
    })
}

#[test]
fn any_xml_body_parses_or_is_an_error_that_keeps_the_text() {
    let mut runner = TestRunner::new(Config::with_cases(cases()));
    runner
        .run(&xml_strategy(), |xml| check_xml(xml.as_bytes()))
        .unwrap();
    runner
        .run(&prop::collection::vec(any::<u8>(), 0..64), |bytes| {
            check_xml(&bytes)
        })
        .unwrap();
}

#[test]
fn any_body_parses_or_is_an_error_that_keeps_the_text() {
    let mut runner = TestRunner::new(Config::with_cases(cases()));
    runner
        .run(&json_strategy(), |value| {
            check(value.to_string().as_bytes())
        })
        .unwrap();
    runner
        .run(&prop::collection::vec(any::<u8>(), 0..64), |bytes| {
            check(&bytes)
        })
        .unwrap();
}
