//! The runtime source a catalog with the `google-rpc` preset gets (`json/format_google_rpc.rs`),
//! compiled against the stub catalog as a crate of its own: AIP-193 `google.rpc.Status` bodies
//! written and read back.

// Only part of the API a generated crate exports is called here, and a test crate exports
// nothing.
#![allow(dead_code)]

#[path = "../stub.rs"]
mod stub;

pub use stub::{Category, ErrorCode};

mod facts;

#[path = "../../features.rs"]
mod features;

#[path = "../../wire.rs"]
mod wire;
pub use wire::Code;

#[path = "../../retry.rs"]
mod retry;
pub use retry::{RateLimit, RetryAfter};

mod json;

use json::{ApiError, ParseErrorKind};
use serde_json::{Value, json};

fn error() -> ApiError {
    ApiError::new(ErrorCode::Invalid)
        .with_details(json!({"max_len": 10, "field": "title", "strict": true, "ratio": 0.5}))
}

#[test]
fn an_error_is_written_as_google_rpc_status() {
    let limit = RateLimit {
        retry_after: Some(RetryAfter::Seconds(30)),
        ..RateLimit::default()
    };
    let body = error()
        .with_localized_message("Titre trop long", "fr")
        .with_rate_limit(limit)
        .to_json_value();
    let expected = json!({"error": {
        "code": 400,
        "message": "Invalid",
        "status": "FAILED_PRECONDITION",
        "details": [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "1001",
             "domain": "stub.example.com",
             "metadata": {"maxLen": "10", "field": "title", "strict": "true", "ratio": "0.5"}},
            {"@type": "type.googleapis.com/google.rpc.LocalizedMessage", "locale": "fr",
             "message": "Titre trop long"},
            {"@type": "type.googleapis.com/google.rpc.Help", "links": [
                {"description": "Documentation of this error",
                 "url": "https://example.com/errors/1001"}]},
            {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "30s"}
        ]
    }});
    assert_eq!(body, expected);
}

#[test]
fn a_google_rpc_body_reads_back_typed() {
    let limit = RateLimit {
        retry_after: Some(RetryAfter::Seconds(30)),
        ..RateLimit::default()
    };
    let written = error()
        .with_localized_message("Titre trop long", "fr")
        .with_rate_limit(limit);
    let read = ApiError::from_json(&written.to_json()).unwrap();
    assert_eq!(read.code(), &Code::Known(ErrorCode::Invalid));
    assert_eq!(read.details(), written.details());
    assert_eq!(read.message(), Some("Invalid"));
    assert_eq!(read.localized_message(), Some("Titre trop long"));
    assert_eq!(read.language(), Some("fr"));
    assert_eq!(read.doc_url(), Some("https://example.com/errors/1001"));
    assert_eq!(read.status(), Some(400));
    assert_eq!(
        read.rate_limit().and_then(|l| l.retry_after),
        Some(RetryAfter::Seconds(30))
    );
}

#[test]
fn metadata_that_does_not_read_as_its_type_stays_text_and_unknown_keys_stay_as_sent() {
    let body = json!({"error": {"code": 400, "message": "m", "details": [
        {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "1001",
         "domain": "other.example.com",
         "metadata": {"maxLen": "ten", "strict": "yes", "zone": "us-east1-a"}},
        {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "7"},
        {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "1.5s"}
    ]}});
    let read = ApiError::from_json(body.to_string().as_bytes()).unwrap();
    // The first `ErrorInfo` wins.
    assert_eq!(read.code(), &Code::Known(ErrorCode::Invalid));
    assert_eq!(
        read.details(),
        Some(&json!({"max_len": "ten", "strict": "yes", "zone": "us-east1-a"}))
    );
    assert_eq!(
        read.rate_limit().and_then(|l| l.retry_after),
        Some(RetryAfter::Seconds(2))
    );
}

#[test]
fn undeclared_details_travel_as_text() {
    let body = ApiError::new(ErrorCode::BadRequest)
        .with_details(json!({"zones": ["a", "b"], "count": 2, "gone": null}))
        .to_json_value();
    assert_eq!(
        body.pointer("/error/details/0/metadata"),
        Some(&json!({"zones": "[\"a\",\"b\"]", "count": "2"}))
    );
    assert_eq!(
        body.pointer("/error/status"),
        Some(&json!("INVALID_ARGUMENT"))
    );
}

#[test]
fn a_body_without_error_info_lacks_the_code() {
    let body = json!({"error": {"code": 404, "message": "m", "status": "NOT_FOUND"}});
    let err = ApiError::from_json(body.to_string().as_bytes()).unwrap_err();
    assert_eq!(err.kind(), &ParseErrorKind::Missing("/error/reason"));
}

#[test]
fn headers_win_over_the_body_which_fills_in() {
    let written = error()
        .with_localized_message("Titre trop long", "fr")
        .with_rate_limit(RateLimit {
            retry_after: Some(RetryAfter::Seconds(30)),
            ..RateLimit::default()
        });
    let body = written.to_json();
    let read = ApiError::from_response(400, [("X-RateLimit-Limit", "100")], &body).unwrap();
    let limit = read.rate_limit().unwrap();
    assert_eq!(
        (limit.limit, limit.retry_after),
        (Some(100), Some(RetryAfter::Seconds(30)))
    );
    assert_eq!(read.language(), Some("fr"));
    let read = ApiError::from_response(400, [("Content-Language", "fr-CA")], &body).unwrap();
    assert_eq!(read.language(), Some("fr-CA"));
    let _: Option<&Value> = read.details();
}
