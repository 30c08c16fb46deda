//! The error body is JSON: how a body is read into, and written from, the value the layout's
//! pointers address.

use super::ParseError;
use serde_json::Value;

/// `body` as a JSON value.
pub(super) fn parse_body(body: &[u8]) -> Result<Value, ParseError> {
    ParseError::json(body)
}

/// `value` as the body's bytes.
#[cfg(feature = "http")]
pub(super) fn write_body(value: &Value) -> Vec<u8> {
    value.to_string().into_bytes()
}
