//! A real HTTP round trip on loopback: a small server answers with error responses built from
//! the generated crates (`ApiError::to_http_response`), and a real HTTP client reads them back
//! (`ApiError::from_http_response`), status and headers included. Both sides share only the
//! generated crate, which is the point: they agree because the catalog says the same to both.
//!
//! The server serves a fixed number of requests and stops; every wait is bounded, so a broken
//! side fails the test instead of hanging it.

use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use dataxid_errors::{Code, RateLimit, RetryAfter};

/// The client and server example of README.md.
mod readme_example;

/// What the server answers on each path.
fn respond(path: &str) -> http::Response<Vec<u8>> {
    match path {
        "/dataxid/rate-limited" => {
            dataxid_errors::ApiError::new(dataxid_errors::ErrorCode::RateLimitExceeded)
                .with_message("Rate limit exceeded. Retry after 12 seconds.")
                .with_request_id("req_abc123")
                .with_rate_limit(RateLimit {
                    retry_after: Some(RetryAfter::Seconds(12)),
                    limit: Some(60),
                    remaining: Some(0),
                    reset: Some(1_708_425_060),
                })
                .to_http_response()
        }
        "/dataxid/future" => dataxid_errors::ApiError::new(Code::parse("model_quarantined"))
            .with_status(409)
            .with_message("a code from a later API version")
            .to_http_response(),
        "/records/validation" => {
            records_api_errors::ApiError::new(records_api_errors::ErrorCode::ValidationError)
                .with_message("Validation failed: 2 error(s)")
                .with_field_error("email", "must be a valid email address")
                .with_field_error("age", "must be at least 0")
                .to_http_response()
        }
        "/datocms/invalid-field" => {
            let error =
                datocms_cma_errors::ApiError::new(datocms_cma_errors::ErrorCode::InvalidField)
                    .with_id("ce9dcb")
                    .with_details(serde_json::json!({
                        "field": "api_key",
                        "code": "VALIDATION_UNIQUENESS",
                        "record_type": "ItemType"
                    }));
            let mut response = error.to_http_response();
            // Two errors in one body, as the list envelope allows.
            let second = error.clone().with_id("ce9dcc");
            *response.body_mut() = datocms_cma_errors::ApiError::list_to_json(&[error, second]);
            response
        }
        "/dreamfactory/conflict" => dreamfactory_errors::ApiError::new(
            dreamfactory_errors::ErrorCode::ConflictResourceException,
        )
        .with_message("Duplicate entry 'a@example.com' for key 'email'")
        .to_http_response(),
        "/readme" => readme_example::too_many_requests("req_readme"),
        "/datamaker/limited" => {
            datamaker_errors::ApiError::new(datamaker_errors::ErrorCode::TooManyRequests)
                .with_request_id("dm-42")
                .with_rate_limit(datamaker_errors::RateLimit {
                    retry_after: Some(datamaker_errors::RetryAfter::Seconds(37)),
                    remaining: Some(0),
                    reset: Some(1_714_049_400),
                    ..Default::default()
                })
                .to_http_response()
        }
        _ => {
            let mut response = http::Response::new(b"<html>502 Bad Gateway</html>".to_vec());
            *response.status_mut() = http::StatusCode::BAD_GATEWAY;
            response
        }
    }
}

/// Serves `count` requests on 127.0.0.1, then stops; returns the base URL.
fn serve(count: usize) -> (String, thread::JoinHandle<()>) {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = server.server_addr().to_ip().expect("an IP address").port();
    let handle = thread::spawn(move || {
        for _ in 0..count {
            let Ok(Some(request)) = server.recv_timeout(Duration::from_secs(20)) else {
                return;
            };
            let response = respond(request.url());
            let mut reply = tiny_http::Response::from_data(response.body().clone())
                .with_status_code(response.status().as_u16());
            for (name, value) in response.headers() {
                let header = tiny_http::Header::from_bytes(name.as_str(), value.as_bytes())
                    .expect("a valid header");
                reply.add_header(header);
            }
            request.respond(reply).expect("the reply is sent");
        }
    });
    (format!("http://127.0.0.1:{port}"), handle)
}

/// A real HTTP client that hands back error responses instead of failing on them, and gives
/// up after 20 s.
fn client() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}

/// GETs `url` with a real client and hands back the whole response, whatever its status.
fn get(agent: &ureq::Agent, url: &str) -> http::Response<Vec<u8>> {
    let mut response = agent.get(url).call().expect("the server answers");
    let body = response.body_mut().read_to_vec().expect("the body is read");
    let (parts, _) = response.into_parts();
    http::Response::from_parts(parts, body)
}

#[test]
fn errors_cross_a_real_http_connection_and_come_back_typed() {
    let paths = [
        "/dataxid/rate-limited",
        "/dataxid/future",
        "/records/validation",
        "/datocms/invalid-field",
        "/dreamfactory/conflict",
        "/datamaker/limited",
        "/gateway",
    ];
    let (base, server) = serve(paths.len());
    let agent = client();
    let url = |path: &str| format!("{base}{path}");

    // A rate-limited request: typed code, retry advice from the headers, request id.
    let response = get(&agent, &url("/dataxid/rate-limited"));
    assert_eq!(
        response.headers()["content-type"].to_str().ok(),
        Some("application/json")
    );
    let error = dataxid_errors::ApiError::from_http_response(&response).unwrap();
    assert_eq!(
        error.code(),
        &Code::Known(dataxid_errors::ErrorCode::RateLimitExceeded)
    );
    assert_eq!(error.status(), Some(429));
    assert_eq!(error.request_id(), Some("req_abc123"));
    assert_eq!(error.category(), Some("rate_limit_error"));
    assert!(error.is_retryable());
    let now = UNIX_EPOCH + Duration::from_secs(1_708_425_000);
    assert_eq!(error.retry_delay(now), Some(Duration::from_secs(12)));
    let limit = error.rate_limit().copied().unwrap();
    assert_eq!((limit.limit, limit.remaining), (Some(60), Some(0)));
    assert_eq!(
        error.to_string(),
        "rate_limit_exceeded: Rate limit exceeded. Retry after 12 seconds."
    );

    // A code this crate does not know: kept verbatim, with the status the server sent.
    let response = get(&agent, &url("/dataxid/future"));
    let error = dataxid_errors::ApiError::from_http_response(&response).unwrap();
    assert_eq!(error.code().as_str(), "model_quarantined");
    assert_eq!(error.code().known(), None);
    assert_eq!(error.status(), Some(409));
    assert!(!error.is_retryable());

    // Field errors, written by the server in the documented shape and read back.
    let response = get(&agent, &url("/records/validation"));
    let error = records_api_errors::ApiError::from_http_response(&response).unwrap();
    let fields: Vec<(String, Option<String>)> = error
        .field_errors()
        .into_iter()
        .map(|f| (f.field, f.message))
        .collect();
    assert_eq!(
        fields,
        [
            ("email".into(), Some("must be a valid email address".into())),
            ("age".into(), Some("must be at least 0".into())),
        ]
    );
    assert_eq!(error.status(), Some(422));

    // A JSON:API list of errors.
    let response = get(&agent, &url("/datocms/invalid-field"));
    let errors = datocms_cma_errors::ApiError::from_json_list(response.body()).unwrap();
    let ids: Vec<_> = errors.iter().map(|e| e.id().unwrap_or_default()).collect();
    assert_eq!(ids, ["ce9dcb", "ce9dcc"]);
    assert_eq!(errors[0].field_errors()[0].field, "api_key");
    assert_eq!(
        errors[0].field_errors()[0].code.as_deref(),
        Some("VALIDATION_UNIQUENESS")
    );

    // The code is the status: the classes it may mean.
    let response = get(&agent, &url("/dreamfactory/conflict"));
    let error = dreamfactory_errors::ApiError::from_http_response(&response).unwrap();
    assert_eq!(error.status(), Some(409));
    assert_eq!(
        error.classes(),
        [dreamfactory_errors::ErrorCode::ConflictResourceException]
    );

    // DataMaker documents only the request id: the header carries it.
    let response = get(&agent, &url("/datamaker/limited"));
    assert_eq!(
        response.headers()["x-request-id"].to_str().ok(),
        Some("dm-42")
    );
    let error = datamaker_errors::ApiError::from_http_response(&response).unwrap();
    assert_eq!(error.request_id(), Some("dm-42"));
    assert_eq!(
        error.classes(),
        [datamaker_errors::ErrorCode::TooManyRequests]
    );
    assert!(error.is_retryable());
    let delay = error.retry_delay(SystemTime::now());
    assert_eq!(delay, Some(Duration::from_secs(37)));

    // A proxy's HTML page is not an API error: a typed parse error that keeps the text.
    let response = get(&agent, &url("/gateway"));
    let error = dataxid_errors::ApiError::from_http_response(&response).unwrap_err();
    assert_eq!(error.raw(), "<html>502 Bad Gateway</html>");
    assert!(matches!(
        error.kind(),
        dataxid_errors::ParseErrorKind::NotJson(_)
    ));

    server.join().expect("the server thread ends cleanly");
}

#[test]
fn the_readme_example_is_this_code_and_works() {
    let readme = std::fs::read_to_string(errcat_tests::root().join("README.md")).unwrap();
    let example =
        std::fs::read_to_string(errcat_tests::root().join("tests/it/http/readme_example.rs"))
            .unwrap();
    assert!(
        readme.contains(&example),
        "README.md's client and server example differs from tests/it/http/readme_example.rs"
    );
    // The README's server answers over a real connection, and its client reads the reply.
    let (base, server) = serve(1);
    let agent = client();
    let response = get(&agent, &format!("{base}/readme"));
    server.join().expect("the server thread ends cleanly");
    assert_eq!(response.status(), 429);
    let wait = readme_example::retry_after(&response);
    assert_eq!(wait, Some(Duration::from_secs(12)));
    let html = http::Response::new(b"<html></html>".to_vec());
    assert_eq!(readme_example::retry_after(&html), None);
}
