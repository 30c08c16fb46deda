//! A body that lists errors, read and written whole.

use super::body::read_all;
use super::pointer::put;
use super::{ApiError, ParseError};
use crate::facts::layout;
use serde_json::{Map, Value};

impl ApiError {
    /// Parses a body that lists errors into all of them, in order.
    pub fn from_json_list(body: &[u8]) -> Result<Vec<ApiError>, ParseError> {
        let value = ParseError::json(body)?;
        read_all(&value, false).map_err(|kind| ParseError::new(kind, body))
    }

    /// The body listing `errors`, as the API writes it.
    pub fn list_to_json(errors: &[ApiError]) -> Vec<u8> {
        let items = errors.iter().map(ApiError::item).collect();
        let mut body = Value::Object(Map::new());
        let at = layout::ERRORS.unwrap_or_default();
        put(&mut body, at, Value::Array(items));
        let first_id = errors.first().and_then(|e| e.request_id.as_deref());
        if let (Some(p), Some(id)) = (layout::REQUEST_ID, first_id) {
            put(&mut body, p, Value::from(id));
        }
        body.to_string().into_bytes()
    }
}
