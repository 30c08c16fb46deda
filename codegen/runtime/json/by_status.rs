//! An API whose errors are told apart by HTTP status only: several codes can share one, so an
//! error read from a response is any of the codes documented with its status.

use super::ApiError;
use crate::{Code, ErrorCode};
use core::fmt;
use serde_json::Value;

impl ApiError {
    /// An error of `code`: its documented status, message, documentation URL and category.
    pub fn new(code: ErrorCode) -> Self {
        let mut error = ApiError::empty();
        error.code = Code::Known(code);
        error.documented(code)
    }

    /// The codes this error may be, in catalog order. For an error built here with
    /// [`ApiError::new`], that code alone; for one read from a response, the codes documented
    /// with its status ([`ErrorCode::from_status`]): this API tells errors apart by status only,
    /// so several codes can share one.
    pub fn classes(&self) -> &[ErrorCode] {
        if let Code::Known(code) = &self.code {
            return core::slice::from_ref(code);
        }
        match self.status {
            Some(status) => ErrorCode::from_status(status),
            None => &[],
        }
    }

    /// Whether retrying can succeed: the catalog says so for every code this status may be.
    /// `false` when it does not say.
    pub fn is_retryable(&self) -> bool {
        let classes = self.classes();
        !classes.is_empty() && classes.iter().all(|c| c.is_retryable())
    }

    /// The catalog message of the code, where the status means one code.
    pub(super) fn title(&self) -> Option<&'static str> {
        match self.classes() {
            [only] => Some(only.message()),
            _ => None,
        }
    }

    /// The code this error was built with, as a problem document writes it.
    pub(super) fn code_member(&self) -> Option<Value> {
        self.code.known().map(|code| Value::from(code.as_str()))
    }

    /// The code a problem document's `code` member names, where it is one of this catalog.
    pub(super) fn code_from_member(member: Option<&Value>) -> Code {
        let known = match member {
            Some(Value::String(s)) => ErrorCode::from_code(s),
            _ => None,
        };
        known.map_or_else(|| Code::parse(""), Code::Known)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.status(), self.message()) {
            (Some(status), Some(message)) => write!(f, "HTTP {status}: {message}"),
            (Some(status), None) => write!(f, "HTTP {status}"),
            (None, Some(message)) => f.write_str(message),
            (None, None) => f.write_str("error"),
        }
    }
}
