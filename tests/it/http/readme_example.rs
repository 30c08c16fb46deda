use std::time::{Duration, SystemTime};

use dataxid_errors::{ApiError, Code, ErrorCode, RateLimit, RetryAfter};

// Server: the documented body, status and headers, from the catalog.
pub fn too_many_requests(request_id: &str) -> http::Response<Vec<u8>> {
    let limit = RateLimit {
        retry_after: Some(RetryAfter::Seconds(12)),
        ..RateLimit::default()
    };
    ApiError::new(ErrorCode::RateLimitExceeded)
        .with_request_id(request_id)
        .with_rate_limit(limit)
        .to_http_response()
}

// Client: any error response, typed; codes this crate does not know yet are kept.
pub fn retry_after(response: &http::Response<Vec<u8>>) -> Option<Duration> {
    let error = match ApiError::from_http_response(response) {
        Ok(error) => error,
        Err(not_api) => {
            eprintln!("not an API error ({not_api}): {}", not_api.raw());
            return None;
        }
    };
    match error.code() {
        Code::Known(ErrorCode::RateLimitExceeded) => error.retry_delay(SystemTime::now()),
        Code::Known(code) => {
            eprintln!("{error} (see {})", code.doc_url());
            None
        }
        Code::Unknown(code) => {
            eprintln!("new code {}: {error}", code.as_str());
            None
        }
    }
}
