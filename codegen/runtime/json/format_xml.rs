//! The error body is XML: how a body is read into, and written from, the value the layout's
//! paths address (see `xml_read` and `xml_write`), and [`ApiError::from_xml`] and [`ApiError::to_xml`].

use super::{ApiError, ParseError, ParseErrorKind};
use serde_json::Value;

/// `body` as the value its XML document stands for. Without the `xml` feature nothing can
/// read XML: a [`ParseErrorKind::NotXml`] says so.
pub(super) fn parse_body(body: &[u8]) -> Result<Value, ParseError> {
    #[cfg(feature = "xml")]
    let value = super::xml_read::parse(body);
    #[cfg(not(feature = "xml"))]
    let value = Err("reading an XML body needs the `xml` feature".to_owned());
    value.map_err(|e| ParseError::new(ParseErrorKind::NotXml(e), body))
}

/// `value` as the body's bytes: an XML document.
pub(super) fn write_body(value: &Value) -> Vec<u8> {
    super::xml_write::write(value).into_bytes()
}

/// The body as it travels for the value the layout's pointers address: the same value.
pub(super) fn to_wire(value: Value, _error: &ApiError) -> Value {
    value
}

/// The value the layout's pointers address for the body as it was read: the same value.
pub(super) fn from_wire(value: Value) -> Value {
    value
}

/// What the body carries beside the layout's parts: nothing.
pub(super) fn read_parts(_item: &Value, _error: &mut ApiError) {}

impl ApiError {
    /// Parses an XML error body (the `xml` feature); a body that lists errors gives its first.
    ///
    /// A body that is not XML, or lacks the code, is a [`ParseError`] that keeps the raw text.
    /// A code this crate does not know is kept, never an error.
    #[cfg(feature = "xml")]
    pub fn from_xml(body: &[u8]) -> Result<ApiError, ParseError> {
        let value = parse_body(body)?;
        let mut all =
            super::body::read_all(&value, false).map_err(|kind| ParseError::new(kind, body))?;
        Ok(all.swap_remove(0))
    }

    /// The XML body the API sends for this error, as documented: every part the layout names,
    /// with this error's values.
    pub fn to_xml(&self) -> Vec<u8> {
        write_body(&self.to_json_value())
    }
}
