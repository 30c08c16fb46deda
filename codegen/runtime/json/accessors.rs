//! What every [`ApiError`] has: its parts, read and set.

use super::ApiError;
use crate::{ErrorCode, facts};
use serde_json::Value;

impl ApiError {
    /// This error with what the catalog documents for `code`: message, documentation URL and
    /// category.
    pub(super) fn documented(mut self, code: ErrorCode) -> Self {
        self.message = Some(code.message().to_owned());
        self.doc_url = facts::doc_url(code).map(str::to_owned);
        self.category = facts::category(code).map(str::to_owned);
        self
    }

    /// The HTTP status: from the body or response where it carries one, else the documented
    /// status of the code this error was built with or read as.
    pub fn status(&self) -> Option<u16> {
        let documented = self.code.known().and_then(facts::status);
        self.status.or(documented)
    }

    /// The message of this occurrence.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The documentation URL.
    pub fn doc_url(&self) -> Option<&str> {
        self.doc_url.as_deref()
    }

    /// The category (type, class), as the catalog's category `id`.
    pub fn category(&self) -> Option<&str> {
        self.category.as_deref()
    }

    /// The request parameter the error is about.
    pub fn param(&self) -> Option<&str> {
        self.param.as_deref()
    }

    /// The details, as JSON.
    pub fn details(&self) -> Option<&Value> {
        self.details.as_ref()
    }

    /// The identifier of this error occurrence.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The request id, from the body or the response header.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The whole body this error was read from; `None` for an error built here.
    pub fn body(&self) -> Option<&Value> {
        self.body.as_ref()
    }

    /// Sets the HTTP status.
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Sets the message of this occurrence.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Sets the parameter the error is about.
    pub fn with_param(mut self, param: impl Into<String>) -> Self {
        self.param = Some(param.into());
        self
    }

    /// Sets the details.
    pub fn with_details(mut self, details: Value) -> Self {
        self.details = Some(details);
        self
    }

    /// Sets the identifier of this occurrence.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Sets the request id.
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// The language of the message, as a language tag: what a server that localized it set
    /// ([`with_language`](Self::with_language)), or what a response's `Content-Language`
    /// header said.
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// Says which language the message is in (a tag such as `pt-BR`): the response then has
    /// `Content-Language` with it and `Vary: Accept-Language`. A crate whose catalog has
    /// translations sets it itself (`Locale`).
    pub fn with_language(mut self, tag: impl Into<String>) -> Self {
        self.language = Some(tag.into());
        self
    }
}

impl From<ErrorCode> for ApiError {
    fn from(code: ErrorCode) -> Self {
        ApiError::new(code)
    }
}

impl std::error::Error for ApiError {}
