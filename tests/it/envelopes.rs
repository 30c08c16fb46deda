//! Envelopes as real APIs send them (`envelope.layout`): the code in a response header, under
//! alternative member names with a qualified spelling to clean, and in XML bodies of both
//! shapes AWS sends; read by the crates generated from the AWS Lambda, S3 and RDS service
//! descriptions (`catalog/aws-*.json`). And a layout that
//! cannot tell codes apart, refused at its place unless it says `status_only`.

use std::fs;

use errcat_tests::{scratch_project, snapshot_tree, xtask};

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body.as_bytes().to_vec()).unwrap()
}

#[test]
fn a_qualified_type_member_reads_as_the_bare_exception() {
    use aws_lambda_errors::{ApiError, ErrorCode};
    let body = r#"{"__type":"com.amazonaws.lambda.v20150331#ResourceNotFoundException",
        "Type":"User","Message":"Function not found: arn:aws:lambda:us-west-2:123456789012:function:nope"}"#;
    let error = ApiError::from_http_response(&response(404, &[], body)).unwrap();
    assert_eq!(
        error.code().known(),
        Some(ErrorCode::ResourceNotFoundException)
    );
    assert_eq!(
        error.message(),
        Some("Function not found: arn:aws:lambda:us-west-2:123456789012:function:nope")
    );
    // The other member name, read where `code` is absent; `__type` where both are not.
    let other = ApiError::from_json(br#"{"code":"TooManyRequestsException"}"#).unwrap();
    assert_eq!(
        other.code().known(),
        Some(ErrorCode::TooManyRequestsException)
    );
    // Neither member: an error that keeps the body, naming the first place.
    let none = ApiError::from_json(br#"{"Message":"m"}"#).unwrap_err();
    assert_eq!(
        none.kind(),
        &aws_lambda_errors::ParseErrorKind::Missing("/code")
    );
    assert_eq!(none.raw(), r#"{"Message":"m"}"#);
}

#[test]
fn the_code_header_wins_over_the_body_and_is_cut_before_the_colon() {
    use aws_lambda_errors::{ApiError, ErrorCode};
    let header = "InvalidParameterValueException:http://internal.amazon.com/coral/com.amazon.coral.validate/";
    let body = r#"{"__type":"com.amazonaws.lambda.v20150331#ResourceNotFoundException"}"#;
    let headers = [("X-Amzn-ErrorType", header), ("x-amzn-RequestId", "RID1")];
    let error = ApiError::from_http_response(&response(400, &headers, body)).unwrap();
    assert_eq!(
        error.code().known(),
        Some(ErrorCode::InvalidParameterValueException)
    );
    assert_eq!(error.request_id(), Some("RID1"));
    // A body that is not JSON at all still reads through the header.
    let error = ApiError::from_http_response(&response(400, &headers, "<html>")).unwrap();
    assert_eq!(
        error.code().known(),
        Some(ErrorCode::InvalidParameterValueException)
    );
    // Without the header, a body that is not JSON is an error that keeps the text.
    let e = ApiError::from_http_response(&response(400, &[], "<html>")).unwrap_err();
    assert_eq!(e.raw(), "<html>");
}

#[test]
fn a_lambda_error_written_by_a_server_reads_back_through_http() {
    use aws_lambda_errors::{ApiError, ErrorCode};
    for &code in ErrorCode::ALL {
        let sent = ApiError::new(code).with_message("this occurrence");
        let response = sent.to_http_response();
        let header = response.headers()["x-amzn-ErrorType"].to_str().unwrap();
        assert_eq!(header, code.as_str());
        let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(body["code"], code.as_str());
        let read = ApiError::from_http_response(&response).unwrap();
        assert_eq!(read.code(), sent.code());
        assert_eq!(read.message(), Some("this occurrence"));
        assert_eq!(read.status(), Some(code.http_status()));
    }
}

#[test]
fn an_s3_error_element_reads_and_round_trips_as_xml() {
    use aws_s3_errors::{ApiError, ErrorCode, ParseErrorKind};
    let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>NoSuchKey</Code>
  <Message>The resource you requested does not exist</Message>
  <Resource>/mybucket/myfoto.jpg</Resource>
  <RequestId>4442587FB7D0A2F9</RequestId>
</Error>"#;
    let error = ApiError::from_http_response(&response(404, &[], body)).unwrap();
    assert_eq!(error.code().known(), Some(ErrorCode::NoSuchKey));
    assert_eq!(
        error.message(),
        Some("The resource you requested does not exist")
    );
    assert_eq!(error.request_id(), Some("4442587FB7D0A2F9"));

    let sent = ApiError::new(ErrorCode::NoSuchBucket)
        .with_message("Please <check> the name & retry")
        .with_request_id("R2");
    let response = sent.to_http_response();
    assert_eq!(response.headers()["content-type"], "application/xml");
    let text = String::from_utf8(response.body().clone()).unwrap();
    assert_eq!(
        text,
        "<Error><Code>NoSuchBucket</Code><Message>Please &lt;check&gt; the name &amp; retry</Message>\
         <RequestId>R2</RequestId></Error>"
    );
    let read = ApiError::from_http_response(&response).unwrap();
    assert_eq!(read.code(), sent.code());
    assert_eq!(read.message(), sent.message());
    assert_eq!(read.request_id(), Some("R2"));

    let e = ApiError::from_xml(b"{\"Error\": {}}").unwrap_err();
    assert!(matches!(e.kind(), ParseErrorKind::NotXml(_)), "{e}");
    let e = ApiError::from_xml(b"<Error><Message>m</Message></Error>").unwrap_err();
    assert_eq!(e.kind(), &ParseErrorKind::Missing("/Error/Code"));
}

#[test]
fn an_rds_error_response_reads_its_code_category_and_request_id() {
    use aws_rds_errors::{ApiError, ErrorCode};
    let body = r#"<ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
  <Error>
    <Type>Sender</Type>
    <Code>DBInstanceNotFound</Code>
    <Message>DBInstance nope not found.</Message>
  </Error>
  <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
</ErrorResponse>"#;
    let error = ApiError::from_http_response(&response(404, &[], body)).unwrap();
    assert_eq!(error.code().known(), Some(ErrorCode::DbInstanceNotFound));
    assert_eq!(error.category(), Some("Sender"));
    assert_eq!(error.message(), Some("DBInstance nope not found."));
    assert_eq!(
        error.request_id(),
        Some("7a62c49f-347e-4fc4-9331-6e8eEXAMPLE")
    );
    let written = String::from_utf8(ApiError::new(ErrorCode::DbInstanceNotFound).to_xml()).unwrap();
    assert!(
        written.starts_with("<ErrorResponse><Error><Code>DBInstanceNotFound</Code>"),
        "{written}"
    );
    assert!(written.contains("<Type>Sender</Type>"), "{written}");
}

/// A catalog whose codes share a status, with `layout` as given.
fn statuses_catalog(layout: &str) -> String {
    format!(
        r#"{{
  "format": 1,
  "name": "statuses",
  "title": "Statuses",
  "envelope": {{
    "description": "Errors.",
    "layout": {layout}
  }},
  "codes": [
    {{ "code": "ValidationException", "message": "Validation failed", "status": 400 }},
    {{ "code": "ThrottlingException", "message": "Throttled", "status": 400 }}
  ]
}}
"#
    )
}

#[test]
fn a_layout_with_no_code_anywhere_is_refused_at_its_place() {
    let project = scratch_project(&[]);
    let path = project.path().join("catalog/statuses.json");
    fs::write(
        &path,
        statuses_catalog(r#"{ "message_header": "x-amzn-ErrorMessage" }"#),
    )
    .unwrap();
    let before = snapshot_tree(project.path());
    let (code, out, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 1, "accepted:\n{out}{err}");
    assert_eq!(snapshot_tree(project.path()), before, "a refused run wrote");
    // File and line, the pointer, what is wrong and what to do.
    assert!(err.contains("catalog/statuses.json:7:15"), "{err}");
    assert!(err.contains("at /envelope/layout"), "{err}");
    assert!(
        err.contains("a 400 response cannot tell apart the 2 codes documented with it (`ValidationException`, `ThrottlingException`)"),
        "{err}"
    );
    assert!(err.contains("help: add where the code is"), "{err}");
}

#[test]
fn a_code_header_or_an_explicit_status_only_makes_the_layout_unambiguous() {
    for layout in [
        r#"{ "code_header": "x-amzn-ErrorType", "code_clean": { "before_first": ":" } }"#,
        r#"{ "message_header": "x-amzn-ErrorMessage", "status_only": true }"#,
    ] {
        let project = scratch_project(&[]);
        fs::write(
            project.path().join("catalog/statuses.json"),
            statuses_catalog(layout),
        )
        .unwrap();
        let (code, out, err) = xtask(project.path(), &["gen"]);
        assert_eq!(code, 0, "{layout}:\n{out}{err}");
        let facts =
            fs::read_to_string(project.path().join("generated/statuses/src/facts.rs")).unwrap();
        let header = layout.contains("code_header");
        assert_eq!(
            facts.contains(r#"CODE_HEADER: Option<&str> = Some("x-amzn-ErrorType")"#),
            header,
            "{facts}"
        );
        // Told apart by code (a header), or by status (`classes()`).
        let codes =
            fs::read_to_string(project.path().join("generated/statuses/src/json.rs")).unwrap();
        assert_eq!(codes.contains("mod by_code;"), header, "{codes}");
        assert_eq!(codes.contains("mod by_status;"), !header, "{codes}");
    }
}

#[test]
fn an_xml_layout_gives_the_crate_an_xml_feature_and_a_json_one_does_not() {
    let manifest = |name: &str| {
        fs::read_to_string(
            errcat_tests::root()
                .join("generated")
                .join(name)
                .join("Cargo.toml"),
        )
        .unwrap()
    };
    for xml in ["aws-s3", "aws-rds"] {
        let toml = manifest(xml);
        assert!(
            toml.contains("\nxml = [\"json\", \"dep:quick-xml\"]\n"),
            "{toml}"
        );
        assert!(
            toml.contains("\naxum = [\"http\", \"xml\", \"dep:axum-core\"]\n"),
            "{toml}"
        );
        assert!(toml.contains("default = []"), "{toml}");
    }
    for json in ["aws-lambda", "dataxid"] {
        let toml = manifest(json);
        assert!(!toml.contains("xml"), "{toml}");
    }
}
