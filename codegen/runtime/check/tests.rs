//! The runtime's behaviour on the stub catalog: bodies read and written, unknown codes kept,
//! problem documents, serde and HTTP.

use crate::{
    ApiError, Code, ErrorCode, FieldError, ParseErrorKind, Problem, RateLimit, RetryAfter,
};
use serde_json::{Value, json};
use std::time::{Duration, UNIX_EPOCH};

const BODY: &str = r#"{
  "errors": [
    {"kind": "api_error", "code": 7, "status": "400", "message": "name is empty",
     "title": "Bad request", "type": "client", "source": {"parameter": "name"}, "id": "e1",
     "meta": {"fields": [{"name": "name", "reason": "empty", "code": "E_EMPTY"}]}},
    {"kind": "api_error", "code": "9999", "message": "from a later version"}
  ],
  "request_id": "req_1"
}"#;

#[test]
fn a_list_body_reads_every_error_with_its_parts() {
    let errors = ApiError::from_json_list(BODY.as_bytes()).unwrap();
    assert_eq!(errors.len(), 2);
    let first = &errors[0];
    assert_eq!(first.code(), &Code::Known(ErrorCode::BadRequest));
    assert_eq!(first.status(), Some(400));
    assert_eq!(first.message(), Some("name is empty"));
    assert_eq!(first.category(), Some("client"));
    assert_eq!(first.param(), Some("name"));
    assert_eq!(first.id(), Some("e1"));
    assert_eq!(first.request_id(), Some("req_1"));
    assert_eq!(
        first.field_errors(),
        [FieldError {
            field: "name".to_owned(),
            message: Some("empty".to_owned()),
            code: Some("E_EMPTY".to_owned()),
        }]
    );
    assert!(!first.is_retryable());
    let body: Value = serde_json::from_str(BODY).unwrap();
    assert_eq!(first.body(), Some(&body));

    // The first error alone, and a code this crate does not know, kept with its text.
    assert_eq!(ApiError::from_json(BODY.as_bytes()).unwrap(), errors[0]);
    let unknown = &errors[1];
    assert_eq!(unknown.code().as_str(), "9999");
    assert_eq!(unknown.code().known(), None);
    assert_eq!(unknown.status(), None);
    assert_eq!(unknown.to_string(), "9999: from a later version");
}

#[test]
fn an_error_is_written_as_the_layout_says_and_reads_back() {
    let error = ApiError::new(ErrorCode::TooMany)
        .with_request_id("req_2")
        .with_param("limit")
        .with_id("e2")
        .with_field_error("limit", "too high")
        .with_field_error("page", "missing");
    let written: Value = serde_json::from_slice(&error.to_json()).unwrap();
    let expected = json!({
        "errors": [{
            "kind": "api_error",
            "code": 42,
            "status": 429,
            "message": "Too many requests",
            "title": "Too many requests",
            "links": {"about": "https://example.com/errors/42"},
            "type": "limit",
            "source": {"parameter": "limit"},
            "id": "e2",
            "meta": {"fields": [{"name": "limit", "reason": "too high"}, {"name": "page", "reason": "missing"}]},
        }],
        "request_id": "req_2",
    });
    assert_eq!(written, expected);
    let read = ApiError::from_json(&error.to_json()).unwrap();
    assert_eq!(read.to_json(), error.to_json());
    assert_eq!(read.field_errors().len(), 2);
    assert!(read.is_retryable());

    let both = ApiError::list_to_json(&[error.clone(), ApiError::new(ErrorCode::Invalid)]);
    let read = ApiError::from_json_list(&both).unwrap();
    assert_eq!(read[1].code().known(), Some(ErrorCode::Invalid));
    assert_eq!(read[0].request_id(), Some("req_2"));
}

#[test]
fn integer_codes_are_numbers_only_where_they_read_back_the_same() {
    let written = ApiError::new(Code::parse("007")).to_json_value();
    assert_eq!(written["errors"][0]["code"], json!("007"));
    let written = ApiError::new(ErrorCode::BadRequest).to_json_value();
    assert_eq!(written["errors"][0]["code"], json!(7));

    assert_eq!(
        serde_json::to_value(ErrorCode::Invalid).unwrap(),
        json!(1001)
    );
    assert_eq!(
        serde_json::to_value(Code::parse("+7")).unwrap(),
        json!("+7")
    );
    let read: ErrorCode = serde_json::from_value(json!(42)).unwrap();
    assert_eq!(read, ErrorCode::TooMany);
    let read: ErrorCode = serde_json::from_value(json!("07_alias")).unwrap();
    assert_eq!(read, ErrorCode::BadRequest);
    let kept: Code = serde_json::from_value(json!(-5)).unwrap();
    assert_eq!(kept.as_str(), "-5");
    let refused = serde_json::from_value::<ErrorCode>(json!(5)).unwrap_err();
    assert!(
        refused.to_string().contains("a code of this catalog"),
        "{refused}"
    );
    let refused = serde_json::from_value::<Code>(json!(true)).unwrap_err();
    assert!(
        refused.to_string().contains("as a string or an integer"),
        "{refused}"
    );
}

#[test]
fn bodies_that_are_not_the_envelope_are_errors_that_keep_the_text() {
    let e = ApiError::from_json(b"<html>502</html>").unwrap_err();
    assert!(matches!(e.kind(), ParseErrorKind::NotJson(_)), "{e}");
    assert_eq!(e.raw(), "<html>502</html>");
    let cases: [(&str, ParseErrorKind); 5] = [
        ("{}", ParseErrorKind::Missing("/errors")),
        (
            r#"{"errors": {}}"#,
            ParseErrorKind::WrongType {
                at: "/errors",
                expected: "an array",
            },
        ),
        (r#"{"errors": []}"#, ParseErrorKind::Empty),
        (
            r#"{"errors": [1]}"#,
            ParseErrorKind::WrongType {
                at: "/errors",
                expected: "an object",
            },
        ),
        (
            r#"{"errors": [{"code": []}]}"#,
            ParseErrorKind::WrongType {
                at: "/code",
                expected: "a string or a number",
            },
        ),
    ];
    for (body, kind) in cases {
        let e = ApiError::from_json(body.as_bytes()).unwrap_err();
        assert_eq!(e.kind(), &kind, "{body}");
        assert!(e.to_string().contains("error body"), "{e}");
    }
    let missing = ApiError::from_json(br#"{"errors": [{"message": "no code"}]}"#).unwrap_err();
    assert_eq!(missing.kind(), &ParseErrorKind::Missing("/code"));
}

#[test]
fn a_response_fills_in_status_request_id_and_rate_limit() {
    let body = br#"{"errors": [{"code": 42}]}"#;
    let headers = [("x-request-id", "req_9"), ("Retry-After", "30")];
    let error = ApiError::from_response(503, headers, body).unwrap();
    assert_eq!(error.status(), Some(503));
    assert_eq!(error.request_id(), Some("req_9"));
    let expected = RateLimit {
        retry_after: Some(RetryAfter::Seconds(30)),
        ..RateLimit::default()
    };
    assert_eq!(error.rate_limit(), Some(&expected));
    assert_eq!(error.retry_delay(UNIX_EPOCH), Some(Duration::from_secs(30)));
    let sent = error.response_headers();
    assert!(sent.contains(&("Content-Type", "application/json".to_owned())));
    assert!(sent.contains(&("X-Request-Id", "req_9".to_owned())));
    assert!(sent.contains(&("Retry-After", "30".to_owned())));

    // The body carries the code, so a body without one is an error, whatever the status.
    assert!(ApiError::from_response(502, [("a", "b")], b"<html>").is_err());
}

#[test]
fn errors_convert_to_problem_documents_and_back() {
    for &code in ErrorCode::ALL {
        let error = ApiError::new(code)
            .with_message("this occurrence")
            .with_request_id("req_1")
            .with_details(json!({"fields": []}));
        let problem = error.to_problem();
        assert_eq!(problem.title.as_deref(), Some(code.message()));
        assert_eq!(problem.type_uri.as_deref(), Some(code.doc_url()));
        assert_eq!(problem.status, Some(code.http_status()));
        assert_eq!(
            problem.extensions["code"],
            json!(code.as_str().parse::<i64>().unwrap())
        );
        let parsed = Problem::from_json(&problem.to_json()).unwrap();
        assert_eq!(parsed, problem);
        let back = ApiError::from_problem(&parsed);
        assert_eq!(back.code(), error.code());
        assert_eq!(back.status(), error.status());
        assert_eq!(back.message(), Some("this occurrence"));
        assert_eq!(back.request_id(), Some("req_1"));
        assert_eq!(back.category(), error.category());
        assert_eq!(back.details(), error.details());
        assert_eq!(Problem::from(code).title.as_deref(), Some(code.message()));
    }
    let not_an_object = Problem::from_json(b"[1]").unwrap_err();
    assert_eq!(
        not_an_object.kind(),
        &ParseErrorKind::WrongType {
            at: "",
            expected: "an object"
        }
    );
    let lenient = Problem::from_json(br#"{"title": 5, "status": 70000, "x": 1}"#).unwrap();
    assert_eq!((lenient.title, lenient.status), (None, None));
    assert_eq!(lenient.extensions["x"], json!(1));
}

#[test]
fn http_responses_round_trip() {
    let error = ApiError::new(ErrorCode::Invalid).with_request_id("req_3");
    let response = error.to_http_response();
    assert_eq!(response.status(), http::StatusCode::BAD_REQUEST);
    assert_eq!(response.headers()["x-request-id"], "req_3");
    let read = ApiError::from_http_response(&response).unwrap();
    assert_eq!(read.code(), error.code());
    assert_eq!(read.request_id(), Some("req_3"));
    assert_eq!(
        ErrorCode::TooMany.status_code(),
        http::StatusCode::TOO_MANY_REQUESTS
    );
    let listed = ErrorCode::from_status_code(http::StatusCode::BAD_REQUEST);
    assert_eq!(listed, [ErrorCode::BadRequest, ErrorCode::Invalid]);
}

#[cfg(feature = "miette")]
#[test]
fn a_diagnostic_has_the_wire_code_the_documented_fixes_and_the_url() {
    use miette::Diagnostic;
    let error = ApiError::new(ErrorCode::BadRequest);
    assert_eq!(
        Diagnostic::code(&error).map(|c| c.to_string()).as_deref(),
        Some("7")
    );
    assert_eq!(error.severity(), Some(miette::Severity::Error));
    let help = Diagnostic::help(&error).map(|h| h.to_string());
    assert_eq!(
        help.as_deref(),
        Some("Send a name.\nCheck the body is JSON.")
    );
    let url = error.url().map(|u| u.to_string());
    assert_eq!(url.as_deref(), Some("https://example.com/errors/7"));
    // A code with no documented fix has no help; an unknown code, no help and no URL.
    assert!(Diagnostic::help(&ApiError::new(ErrorCode::Invalid)).is_none());
    let unknown = ApiError::from_json(br#"{"errors": [{"code": 9999}]}"#).unwrap();
    assert_eq!(
        Diagnostic::code(&unknown).map(|c| c.to_string()).as_deref(),
        Some("9999")
    );
    assert!(Diagnostic::help(&unknown).is_none() && unknown.url().is_none());
}

#[cfg(feature = "axum")]
#[test]
fn an_axum_response_is_the_documented_http_response() {
    use axum_core::response::IntoResponse;
    let limit = RateLimit {
        retry_after: Some(RetryAfter::Seconds(30)),
        limit: Some(100),
        remaining: Some(0),
        reset: None,
    };
    let error = ApiError::new(ErrorCode::TooMany)
        .with_request_id("req_9")
        .with_rate_limit(limit);
    let expected = error.to_http_response();
    let response = error.into_response();
    assert_eq!(response.status(), http::StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers(), expected.headers());
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(response.headers()["x-ratelimit-remaining"], "0");
    assert_eq!(response.headers()["x-request-id"], "req_9");
    assert_eq!(response.headers()["content-type"], "application/json");
}

#[cfg(feature = "schemars")]
#[test]
fn the_schemas_list_every_code_and_place_it_in_the_body() {
    let codes = serde_json::to_value(schemars::schema_for!(ErrorCode)).unwrap();
    let one_of: Vec<_> = codes["oneOf"].as_array().unwrap().iter().collect();
    assert_eq!(one_of.len(), ErrorCode::ALL.len());
    assert_eq!(
        one_of[1],
        &json!({"const": 42, "description": "Too many requests in the window."})
    );
    let body = serde_json::to_value(schemars::schema_for!(ApiError)).unwrap();
    let code = &body["properties"]["errors"]["items"]["properties"]["code"];
    assert_eq!(code, &json!({"$ref": "#/$defs/ErrorCode"}));
    assert_eq!(body["$defs"]["ErrorCode"]["oneOf"], codes["oneOf"]);
    assert_eq!(body["required"], json!(["errors"]));
}

#[test]
fn the_code_is_read_from_the_first_place_the_body_has() {
    let both = ApiError::from_json(br#"{"errors": [{"code": 42, "error_code": 7}]}"#).unwrap();
    assert_eq!(both.code(), &Code::Known(ErrorCode::TooMany));
    let second = ApiError::from_json(br#"{"errors": [{"error_code": 7}]}"#).unwrap();
    assert_eq!(second.code(), &Code::Known(ErrorCode::BadRequest));
    // Written back at the first place only.
    let written: Value = serde_json::from_slice(&second.to_json()).unwrap();
    assert_eq!(written["errors"][0]["code"], json!(7));
    assert_eq!(written["errors"][0].get("error_code"), None);
    let neither = ApiError::from_json(br#"{"errors": [{"message": "m"}]}"#).unwrap_err();
    assert_eq!(neither.kind(), &ParseErrorKind::Missing("/code"));
}
