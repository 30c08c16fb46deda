//! What an [`ApiError`] holds.

use crate::Code;
use serde_json::Value;

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
            body: None,
        }
    }
}
