//! The error body the catalog documents (its `envelope.layout`), read and written.

use super::format::{from_wire, parse_body, read_parts, to_wire};
use super::pointer::{put, text};
use super::{ApiError, ParseError, ParseErrorKind};
use crate::facts::layout;
use crate::{Code, RateLimit};
use serde_json::{Map, Value};

impl ApiError {
    /// Parses an error body; a body that lists errors gives its first.
    ///
    /// A body that is not JSON, or lacks the code, is a [`ParseError`] that keeps the raw text.
    /// A code this crate does not know is kept, never an error.
    pub fn from_json(body: &[u8]) -> Result<ApiError, ParseError> {
        let value = from_wire(ParseError::json(body)?);
        let mut all = read_all(&value, false).map_err(|kind| ParseError::new(kind, body))?;
        Ok(all.swap_remove(0))
    }

    /// Parses a whole response: status, headers and body, the body in the format the catalog
    /// documents (JSON, or XML with the `xml` feature). The status fills in what the body
    /// leaves out; the code and message headers, where the catalog names them, are read (the
    /// code header wins over the body), and so are the request id and rate-limit headers.
    pub fn from_response<I, K, V>(
        status: u16,
        headers: I,
        body: &[u8],
    ) -> Result<ApiError, ParseError>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let headers: Vec<(String, String)> = headers
            .into_iter()
            .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned()))
            .collect();
        let header = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        let header_code = layout::CODE_HEADER
            .and_then(header)
            .map(clean_code)
            .filter(|code| !code.is_empty());
        let carries_code = layout::CODE.is_some() || layout::STATUS_AS_CODE.is_some();
        let parsed = parse_body(body).and_then(|value| {
            let code_in_header = header_code.is_some();
            let mut all =
                read_all(&value, code_in_header).map_err(|kind| ParseError::new(kind, body))?;
            Ok(all.swap_remove(0))
        });
        let mut error = match parsed {
            Ok(error) => error,
            // A body without a code says nothing the status and headers do not: keep going.
            Err(_) if !carries_code || header_code.is_some() => Self::empty(),
            Err(e) => return Err(e),
        };
        match (header_code, layout::CODE_HEADER) {
            (Some(code), _) => error.code = Code::parse(code),
            (None, Some(name)) if layout::CODE.is_none() => {
                return Err(ParseError::new(ParseErrorKind::MissingHeader(name), body));
            }
            _ => {}
        }
        if error.message.is_none() {
            error.message = layout::MESSAGE_HEADER.and_then(header).map(str::to_owned);
        }
        error.status = error.status.or(Some(status));
        if let (None, Some(name)) = (&error.request_id, layout::REQUEST_ID_HEADER) {
            error.request_id = header(name).map(str::to_owned);
        }
        // The headers win over what the body says (`google-rpc`: its localized message's
        // language and its retry delay), which fills in where they are silent.
        if let Some(language) = header("Content-Language") {
            error.language = Some(language.to_owned());
        }
        let pairs = headers.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        let mut rate_limit = RateLimit::from_headers(pairs);
        if let (Some(limit), Some(body)) = (&mut rate_limit, error.rate_limit) {
            limit.retry_after = limit.retry_after.or(body.retry_after);
        }
        error.rate_limit = rate_limit.or(error.rate_limit);
        Ok(error)
    }

    /// The body the API sends for this error, as documented: every part the layout names, with
    /// this error's values.
    pub fn to_json(&self) -> Vec<u8> {
        self.to_json_value().to_string().into_bytes()
    }

    /// [`ApiError::to_json`] as a JSON value.
    pub fn to_json_value(&self) -> Value {
        let item = self.item();
        let mut body = match layout::ERRORS {
            Some(p) => {
                let mut body = Value::Object(Map::new());
                put(&mut body, p, Value::Array(vec![item]));
                body
            }
            None => item,
        };
        if let (Some(p), Some(id)) = (layout::REQUEST_ID, &self.request_id) {
            put(&mut body, p, Value::from(id.as_str()));
        }
        to_wire(body, self)
    }

    /// The headers a server sends with the body: content type, the code and message where the
    /// catalog puts them in headers, request id and rate limits.
    pub fn response_headers(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("Content-Type", layout::CONTENT_TYPE.to_owned())];
        if let Some(name) = layout::CODE_HEADER.filter(|_| !self.code.as_str().is_empty()) {
            out.push((name, self.code.as_str().to_owned()));
        }
        if let (Some(name), Some(message)) = (layout::MESSAGE_HEADER, &self.message) {
            out.push((name, message.clone()));
        }
        if let (Some(name), Some(id)) = (layout::REQUEST_ID_HEADER, &self.request_id) {
            out.push((name, id.clone()));
        }
        if let Some(limit) = &self.rate_limit {
            out.extend(limit.to_headers());
        }
        if let Some(language) = &self.language {
            out.push(("Content-Language", language.clone()));
            out.push(("Vary", "Accept-Language".to_owned()));
        }
        out
    }

    /// This error as one item of the body.
    pub(super) fn item(&self) -> Value {
        let mut item = Value::Object(Map::new());
        for (p, v) in layout::CONSTANTS {
            put(&mut item, p, Value::from(*v));
        }
        if let (Some(p), Some(code)) = (layout::CODE, self.code_member()) {
            put(&mut item, p, code);
        }
        if let (Some(p), Some(status)) = (layout::STATUS_AS_CODE, self.status()) {
            put(&mut item, p, Value::from(status));
        }
        let parts = [
            (layout::ID, &self.id),
            (layout::MESSAGE, &self.message),
            (layout::DOC_URL, &self.doc_url),
            (layout::CATEGORY, &self.category),
            (layout::PARAM, &self.param),
        ];
        for (p, value) in parts {
            if let (Some(p), Some(value)) = (p, value) {
                put(&mut item, p, Value::from(value.as_str()));
            }
        }
        if let (Some(p), Some(status)) = (layout::STATUS, self.status()) {
            put(&mut item, p, Value::from(status));
        }
        if let (Some(p), Some(title)) = (layout::TITLE, self.title()) {
            put(&mut item, p, Value::from(title));
        }
        match (layout::DETAILS, &self.details) {
            // The error's own members (RFC 9457 extension members): beside the parts, never
            // over one; details that are not an object are the member `details`.
            (Some(""), Some(Value::Object(members))) => {
                if let Value::Object(map) = &mut item {
                    for (name, value) in members {
                        map.entry(name.clone()).or_insert_with(|| value.clone());
                    }
                }
            }
            (Some(""), Some(other)) => put(&mut item, "/details", other.clone()),
            (Some(p), Some(details)) => put(&mut item, p, details.clone()),
            _ => {}
        }
        item
    }
}

#[cfg(feature = "http")]
impl ApiError {
    /// Parses an [`http::Response`]: status, headers and body.
    pub fn from_http_response<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<ApiError, ParseError> {
        let headers = response
            .headers()
            .iter()
            .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)));
        Self::from_response(
            response.status().as_u16(),
            headers,
            response.body().as_ref(),
        )
    }

    /// The response a server sends for this error: its status (500 when it has none),
    /// [`ApiError::response_headers`] and the body in the format the catalog documents.
    pub fn to_http_response(&self) -> http::Response<Vec<u8>> {
        let status = self
            .status()
            .and_then(|s| http::StatusCode::from_u16(s).ok())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = http::Response::new(super::format::write_body(&self.to_json_value()));
        *response.status_mut() = status;
        for (name, value) in self.response_headers() {
            if let Ok(value) = http::HeaderValue::from_str(&value) {
                response.headers_mut().append(name, value);
            }
        }
        response
    }
}

/// Every error of a body, each with the body's request id and the body itself. With
/// `code_in_header`, an error without a code in the body is no error: the header carries it.
pub(super) fn read_all(
    body: &Value,
    code_in_header: bool,
) -> Result<Vec<ApiError>, ParseErrorKind> {
    let items = items(body)?;
    if items.is_empty() {
        return Err(ParseErrorKind::Empty);
    }
    let request_id = layout::REQUEST_ID.and_then(|p| text(body, p));
    items
        .into_iter()
        .map(|item| {
            let mut error = read_item(item, code_in_header)?;
            error.request_id = request_id.clone();
            error.body = Some(body.clone());
            Ok(error)
        })
        .collect()
}

/// The errors of a body: the listed ones, or the body itself.
fn items(body: &Value) -> Result<Vec<&Value>, ParseErrorKind> {
    let Some(p) = layout::ERRORS else {
        return Ok(vec![body]);
    };
    match body.pointer(p) {
        Some(Value::Array(items)) => Ok(items.iter().collect()),
        // An XML element that appears once is one error.
        Some(item @ Value::Object(_)) if layout::XML => Ok(vec![item]),
        Some(_) => Err(wrong(p, "an array")),
        None => Err(ParseErrorKind::Missing(p)),
    }
}

fn wrong(pointer: &'static str, expected_type: &'static str) -> ParseErrorKind {
    ParseErrorKind::WrongType {
        at: pointer,
        expected: expected_type,
    }
}

fn read_item(item: &Value, code_in_header: bool) -> Result<ApiError, ParseErrorKind> {
    if !item.is_object() {
        return Err(wrong(layout::ERRORS.unwrap_or_default(), "an object"));
    }
    let mut error = ApiError::empty();
    let status = layout::STATUS.and_then(|p| item.pointer(p));
    error.status = status.and_then(as_u16);
    if let Some(first) = layout::CODE {
        // The first place the body has wins.
        let found = core::iter::once(first)
            .chain(layout::CODE_ALSO.iter().copied())
            .find_map(|p| item.pointer(p).map(|value| (p, value)));
        match found {
            Some((_, Value::String(s))) => error.code = Code::parse(clean_code(s)),
            Some((_, Value::Number(n))) => error.code = Code::parse(&n.to_string()),
            Some((p, _)) => return Err(wrong(p, "a string or a number")),
            None if code_in_header => {}
            None => return Err(ParseErrorKind::Missing(first)),
        }
    }
    if let Some(p) = layout::STATUS_AS_CODE {
        let value = item.pointer(p).ok_or(ParseErrorKind::Missing(p))?;
        let status = as_u16(value).ok_or(wrong(p, "an HTTP status"))?;
        error.status = Some(status);
    }
    let part = |p: Option<&str>| p.and_then(|p| text(item, p));
    error.message = part(layout::MESSAGE);
    error.doc_url = part(layout::DOC_URL);
    error.category = part(layout::CATEGORY);
    error.param = part(layout::PARAM);
    error.id = part(layout::ID);
    error.details = match layout::DETAILS {
        // The members no other part names, if any.
        Some("") => {
            let members: Map<String, Value> = item
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(name, _)| !layout::PLACED.contains(&name.as_str()))
                .map(|(name, value)| (name.clone(), value.clone()))
                .collect();
            (!members.is_empty()).then_some(Value::Object(members))
        }
        p => p
            .and_then(|p| item.pointer(p))
            .filter(|v| !v.is_null())
            .cloned(),
    };
    read_parts(item, &mut error);
    Ok(error)
}

/// The code cut out of the text that carries it, as the catalog's `code_clean` says: the text
/// after the last `CODE_AFTER_LAST`, then before the first `CODE_BEFORE_FIRST`, trimmed. Without
/// a cleanup, the text as it is, byte for byte.
pub(super) fn clean_code(text: &str) -> &str {
    if layout::CODE_AFTER_LAST.is_none() && layout::CODE_BEFORE_FIRST.is_none() {
        return text;
    }
    let mut out = text;
    if let Some(i) = layout::CODE_AFTER_LAST.and_then(|sep| out.rfind(sep).map(|i| i + sep.len())) {
        out = &out[i..];
    }
    if let Some(i) = layout::CODE_BEFORE_FIRST.and_then(|sep| out.find(sep)) {
        out = &out[..i];
    }
    out.trim()
}

fn as_u16(value: &Value) -> Option<u16> {
    match value {
        Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}
