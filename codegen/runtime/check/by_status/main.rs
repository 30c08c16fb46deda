//! The runtime sources a catalog told apart by HTTP status gets, without a documented body or
//! rate-limit headers (`json/by_status.rs`, `json/error.rs`), compiled against the stub catalog
//! as a crate of their own: they replace `json/by_code.rs` and `json/error_with_rate_limit.rs`,
//! which the library builds.

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

mod json;

use json::{ApiError, Problem};
use serde_json::json;

#[test]
fn an_error_built_here_is_its_code_alone() {
    let error = ApiError::new(ErrorCode::Invalid).with_message("this occurrence");
    assert_eq!(error.classes(), [ErrorCode::Invalid]);
    assert_eq!(error.status(), Some(400));
    assert_eq!(error.doc_url(), None);
    assert_eq!(error.category(), Some("client"));
    assert_eq!(error.to_string(), "HTTP 400: this occurrence");
    assert!(!error.is_retryable());
    assert!(ApiError::new(ErrorCode::TooMany).is_retryable());
}

#[test]
fn a_status_alone_may_be_several_codes() {
    let problem = Problem {
        status: Some(400),
        detail: Some("bad".to_owned()),
        ..Problem::default()
    };
    let error = ApiError::from_problem(&problem);
    assert_eq!(error.classes(), [ErrorCode::BadRequest, ErrorCode::Invalid]);
    assert!(!error.is_retryable());
    // Two codes share the status, so the problem has no title and names no code.
    let back = error.to_problem();
    assert_eq!(back.title, None);
    assert!(!back.extensions.contains_key("code"));
    assert_eq!(error.to_string(), "HTTP 400: bad");

    let unknown = Problem {
        extensions: json!({"code": "zz_future"}).as_object().unwrap().clone(),
        ..Problem::default()
    };
    let error = ApiError::from_problem(&unknown);
    assert_eq!(error.classes(), []);
    assert_eq!(error.to_string(), "error");
}

#[test]
fn every_code_converts_to_a_problem_document_and_back() {
    for &code in ErrorCode::ALL {
        let error = ApiError::new(code).with_request_id("req_1");
        let problem = error.to_problem();
        assert_eq!(problem.title.as_deref(), Some(code.message()));
        assert_eq!(problem.extensions["code"], json!(code.as_str()));
        let back = ApiError::from_problem(&Problem::from_json(&problem.to_json()).unwrap());
        assert_eq!(back.classes(), [code]);
        assert_eq!(back.status(), Some(code.http_status()));
        assert_eq!(back.request_id(), Some("req_1"));
    }
}

#[test]
fn field_errors_need_a_layout_that_names_them() {
    let error = ApiError::new(ErrorCode::Invalid).with_field_error("name", "empty");
    assert_eq!(error.details(), None);
    assert_eq!(error.field_errors(), []);
}

#[test]
fn string_codes_are_read_from_strings_only() {
    let code: Code = serde_json::from_value(json!("42")).unwrap();
    assert_eq!(code, Code::Known(ErrorCode::TooMany));
    let refused = serde_json::from_value::<Code>(json!(42)).unwrap_err();
    assert!(
        refused.to_string().contains("an error code string"),
        "{refused}"
    );
    assert_eq!(
        serde_json::to_value(ErrorCode::TooMany).unwrap(),
        json!("42")
    );
}
