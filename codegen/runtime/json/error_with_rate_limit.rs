//! What an [`ApiError`] holds, rate-limit headers included.

use crate::{Code, RateLimit};
use serde_json::Value;
use std::time::{Duration, SystemTime};

#[doc = crate::facts::api_error_doc!()]
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    pub(super) code: Code,
    pub(super) status: Option<u16>,
    pub(super) message: Option<String>,
    pub(super) doc_url: Option<String>,
    pub(super) category: Option<String>,
    pub(super) param: Option<String>,
    pub(super) details: Option<Value>,
    pub(super) id: Option<String>,
    pub(super) request_id: Option<String>,
    pub(super) language: Option<String>,
    /// The message in `language` beside the English one, where the body has a place for it.
    pub(super) localized_message: Option<String>,
    pub(super) rate_limit: Option<RateLimit>,
    pub(super) body: Option<Value>,
}

impl ApiError {
    /// An error with nothing set: an empty code, no status, no message.
    pub(super) fn empty() -> Self {
        ApiError {
            code: Code::parse(""),
            status: None,
            message: None,
            doc_url: None,
            category: None,
            param: None,
            details: None,
            id: None,
            request_id: None,
            language: None,
            localized_message: None,
            rate_limit: None,
            body: None,
        }
    }

    /// The rate-limit headers of the response, when it was read with them.
    pub fn rate_limit(&self) -> Option<&RateLimit> {
        self.rate_limit.as_ref()
    }

    /// Sets the rate-limit headers a server sends with this error.
    pub fn with_rate_limit(mut self, rate_limit: RateLimit) -> Self {
        self.rate_limit = Some(rate_limit);
        self
    }

    /// How long to wait from `now` before retrying, as the response's rate-limit headers say
    /// ([`RateLimit::delay`]); `None` when they do not say. The headers are the server's own
    /// advice, so they decide even where the catalog does not call the code retryable.
    pub fn retry_delay(&self, now: SystemTime) -> Option<Duration> {
        self.rate_limit.as_ref()?.delay(now)
    }
}
