//! A body that is not the documented error body.

use core::fmt;

/// A response body that is not the documented error body. The raw text is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    kind: ParseErrorKind,
    raw: String,
}

/// What is wrong with an error body.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The body is not JSON; the JSON parser's message.
    NotJson(String),
    /// The body is not XML, or cannot be read as XML; the reason.
    NotXml(String),
    /// The header that carries the code is missing (its name).
    MissingHeader(&'static str),
    /// A part the body always has is missing (its JSON pointer).
    Missing(&'static str),
    /// A part has the wrong JSON type.
    WrongType {
        /// Its JSON pointer.
        at: &'static str,
        /// What it should be.
        expected: &'static str,
    },
    /// The body lists no error.
    Empty,
    /// The body could not be read from the connection; the transport's message.
    Unreadable(String),
}

impl ParseError {
    pub(super) fn new(kind: ParseErrorKind, raw: &[u8]) -> Self {
        ParseError {
            kind,
            raw: String::from_utf8_lossy(raw).into_owned(),
        }
    }

    /// `body` as JSON, or the error that it is not.
    pub(super) fn json(body: &[u8]) -> Result<serde_json::Value, ParseError> {
        serde_json::from_slice(body)
            .map_err(|e| ParseError::new(ParseErrorKind::NotJson(e.to_string()), body))
    }

    /// What is wrong.
    pub fn kind(&self) -> &ParseErrorKind {
        &self.kind
    }

    /// The body as received (invalid UTF-8 replaced).
    pub fn raw(&self) -> &str {
        &self.raw
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ParseErrorKind::NotJson(e) => write!(f, "the error body is not JSON ({e})"),
            ParseErrorKind::NotXml(e) => write!(f, "the error body is not XML ({e})"),
            ParseErrorKind::MissingHeader(h) => {
                write!(
                    f,
                    "the error response has no `{h}` header (nor a code in its error body)"
                )
            }
            ParseErrorKind::Missing(p) => write!(f, "the error body has no `{p}`"),
            ParseErrorKind::WrongType { at, expected } => {
                write!(f, "`{at}` in the error body is not {expected}")
            }
            ParseErrorKind::Empty => f.write_str("the error body lists no error"),
            ParseErrorKind::Unreadable(e) => write!(f, "the error body could not be read ({e})"),
        }
    }
}

impl std::error::Error for ParseError {}
