//! The runtime sources a catalog with an XML error body gets (`json/format_xml.rs`,
//! `json/xml_tree.rs`), compiled against the stub catalog as a crate of their own, with the
//! code read from a header, from alternative elements and cleaned.

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

/// The body S3 sends.
const S3: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>42</Code>
  <Message>Please reduce your request rate &amp; retry.</Message>
  <RequestId>4442587FB7D0A2F9</RequestId>
</Error>"#;

/// The body the AWS query protocol sends.
const QUERY: &str = r#"<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <Error>
    <Type>Sender</Type>
    <Code>1001</Code>
    <Message>The request was <![CDATA[<invalid>]]>.</Message>
  </Error>
  <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
</ErrorResponse>"#;

#[test]
fn an_error_element_alone_is_read() {
    let error = ApiError::from_xml(S3.as_bytes()).unwrap();
    assert_eq!(error.code(), &Code::Known(ErrorCode::TooMany));
    assert_eq!(
        error.message(),
        Some("Please reduce your request rate & retry.")
    );
    assert_eq!(error.request_id(), Some("4442587FB7D0A2F9"));
}

#[test]
fn an_error_inside_an_error_response_is_read_through_the_alternative_path() {
    let error = ApiError::from_xml(QUERY.as_bytes()).unwrap();
    assert_eq!(error.code(), &Code::Known(ErrorCode::Invalid));
    // The message path is `/Error/Message`, which this shape does not have.
    assert_eq!(error.message(), None);
}

#[test]
fn a_qualified_code_is_cleaned() {
    let body = b"<Error><__Type>com.example.v1#7</__Type></Error>";
    let error = ApiError::from_xml(body).unwrap();
    assert_eq!(error.code(), &Code::Known(ErrorCode::BadRequest));
}

#[test]
fn the_code_header_wins_over_the_body_and_is_cleaned() {
    let headers = [
        ("X-Amzn-ErrorType", "7:http://internal.example.com/"),
        ("x-amz-request-id", "from-header"),
    ];
    let error = ApiError::from_response(400, headers, S3.as_bytes()).unwrap();
    assert_eq!(error.code(), &Code::Known(ErrorCode::BadRequest));
    assert_eq!(error.request_id(), Some("4442587FB7D0A2F9"));
    assert_eq!(error.status(), Some(400));
}

#[test]
fn a_body_without_a_code_reads_the_headers() {
    // A HEAD response has no body: S3 sends the code and message in headers.
    let headers = [
        ("x-amzn-ErrorType", "42"),
        ("x-amz-error-message", "slow down"),
    ];
    let error = ApiError::from_response(503, headers, b"").unwrap();
    assert_eq!(error.code(), &Code::Known(ErrorCode::TooMany));
    assert_eq!(error.message(), Some("slow down"));
    let no_header: [(&str, &str); 0] = [];
    let e = ApiError::from_response(503, no_header, b"<html>").unwrap_err();
    assert!(matches!(e.kind(), ParseErrorKind::NotXml(_)), "{e}");
    assert_eq!(e.raw(), "<html>");
}

#[test]
fn written_errors_read_back_through_body_and_headers() {
    for &code in ErrorCode::ALL {
        let error = ApiError::new(code)
            .with_message("a <tagged> & quoted \"message\"")
            .with_request_id("req_1");
        let body = error.to_xml();
        let read = ApiError::from_xml(&body).unwrap();
        assert_eq!(read.code(), error.code());
        assert_eq!(read.message(), error.message());
        assert_eq!(read.request_id(), Some("req_1"));
        let headers = error.response_headers();
        assert!(headers.contains(&("x-amzn-ErrorType", code.as_str().to_owned())));
        assert!(headers.contains(&("Content-Type", "application/xml".to_owned())));
        let via_headers = ApiError::from_response(400, headers, b"").unwrap();
        assert_eq!(via_headers.code(), error.code());
        assert_eq!(via_headers.message(), error.message());
    }
}

#[test]
fn documents_that_are_not_one_xml_element_are_errors_that_keep_the_text() {
    for body in [
        "",
        "{\"Error\": 1}",
        "<Error>",
        "<a/><b/>",
        "<Error>&bogus;</Error>",
        "text",
    ] {
        let e = ApiError::from_xml(body.as_bytes()).unwrap_err();
        assert!(matches!(e.kind(), ParseErrorKind::NotXml(_)), "{body}: {e}");
        assert_eq!(e.raw(), body);
    }
    let no_code = ApiError::from_xml(b"<Error><Message>m</Message></Error>").unwrap_err();
    assert_eq!(no_code.kind(), &ParseErrorKind::Missing("/Error/Code"));
}
