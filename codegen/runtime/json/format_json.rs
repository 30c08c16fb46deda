//! The error body is JSON: how a body is read into, and written from, the value the layout's
//! pointers address.

use super::{ApiError, ParseError};
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

/// The body as it travels for the value the layout's pointers address: the same value.
pub(super) fn to_wire(value: Value, _error: &ApiError) -> Value {
    value
}

/// The value the layout's pointers address for a JSON body as it travels: the same value.
pub(super) fn from_wire(value: Value) -> Value {
    value
}

/// What the body carries beside the layout's parts: nothing.
pub(super) fn read_parts(_item: &Value, _error: &mut ApiError) {}
