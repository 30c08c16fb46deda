//! An API whose errors are told apart by the code they carry.

use super::ApiError;
use crate::facts::INTEGER_CODES;
use crate::{Code, ErrorCode};
use core::fmt;
use serde_json::Value;

impl ApiError {
    /// An error of `code`, with, for a known code, its documented status, message,
    /// documentation URL and category.
    pub fn new(code: impl Into<Code>) -> Self {
        let code = code.into();
        let known = code.known();
        let mut error = ApiError::empty();
        error.code = code;
        match known {
            Some(known) => error.documented(known),
            None => error,
        }
    }

    /// The code: a known [`ErrorCode`] or the unknown wire value, kept.
    pub fn code(&self) -> &Code {
        &self.code
    }

    /// Whether retrying the same request can succeed, as the catalog says for a known code.
    /// `false` for unknown codes and where the catalog does not say.
    pub fn is_retryable(&self) -> bool {
        self.code.known().is_some_and(ErrorCode::is_retryable)
    }

    /// The catalog message of the code, as the title of its kind of error.
    pub(super) fn title(&self) -> Option<&'static str> {
        self.code.known().map(ErrorCode::message)
    }

    /// The code as a body or a problem document writes it: a number where the catalog's codes
    /// are integers and it reads back as the same text (`007` stays a string).
    pub(super) fn code_member(&self) -> Option<Value> {
        let wire = self.code.as_str();
        Some(match wire.parse::<i64>() {
            Ok(n) if INTEGER_CODES && n.to_string() == wire => Value::from(n),
            _ => Value::from(wire),
        })
    }

    /// The code a problem document's `code` member names; empty where it has none.
    pub(super) fn code_from_member(member: Option<&Value>) -> Code {
        match member {
            Some(Value::String(s)) => Code::parse(s),
            Some(Value::Number(n)) => Code::parse(&n.to_string()),
            _ => Code::parse(""),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.message() {
            Some(message) => write!(f, "{}: {message}", self.code),
            None => write!(f, "{}", self.code),
        }
    }
}
