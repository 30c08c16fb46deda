//! The error body is AIP-193's `google.rpc.Status` as JSON (the catalog's `google-rpc` preset):
//!
//! ```json
//! {"error": {"code": 404, "message": "…", "status": "NOT_FOUND", "details": [
//!   {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "…", "domain": "…",
//!    "metadata": {"bookId": "42"}},
//!   {"@type": "type.googleapis.com/google.rpc.LocalizedMessage", "locale": "fr", "message": "…"},
//!   {"@type": "type.googleapis.com/google.rpc.Help", "links": [{"description": "…", "url": "…"}]},
//!   {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "30s"}]}}
//! ```
//!
//! The layout's pointers address a flat view of it, one member per part under `error`:
//! `reason`, `domain`, `metadata` (the arguments by their catalog names, typed) and `help` (the
//! documentation URL); [`to_wire`] and [`from_wire`] turn one into the other. The localized
//! message, its language and the retry delay are the [`ApiError`]'s own (`localized_message`,
//! `language`, `rate_limit`), written by [`to_wire`] and read by [`read_parts`]. Metadata values are strings under
//! lowerCamel keys on the wire: an argument the code declares is written as its text and read
//! back as its type; anything else keeps its key, and a value that is not a string, number or
//! bool travels as its JSON text.

use super::{ApiError, ParseError};
use crate::facts::layout::{GRPC_STATUS, METADATA};
use crate::{RateLimit, RetryAfter};
use serde_json::{Map, Value};

/// A code's public arguments: catalog name, metadata key, how the text reads back.
pub(crate) type MetadataArgs = &'static [(&'static str, &'static str, MetadataKind)];

/// How a declared argument's metadata text reads back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MetadataKind {
    /// A string, an enum value or an inner code: the text itself.
    Text,
    /// `i64`.
    Integer,
    /// `f64`.
    Number,
    /// `true` or `false`.
    Bool,
}

/// What every detail's `@type` starts with.
const TYPE: &str = "type.googleapis.com/google.rpc.";

/// `body` as the flat view the layout's pointers address.
pub(super) fn parse_body(body: &[u8]) -> Result<Value, ParseError> {
    ParseError::json(body).map(from_wire)
}

/// `value` (already the wire body, see [`to_wire`]) as the body's bytes.
#[cfg(feature = "http")]
pub(super) fn write_body(value: &Value) -> Vec<u8> {
    value.to_string().into_bytes()
}

impl ApiError {
    /// The message in the reader's language, where the body carries one beside the
    /// English `message` (`google.rpc.LocalizedMessage`); its language is
    /// [`language`](Self::language).
    pub fn localized_message(&self) -> Option<&str> {
        self.localized_message.as_deref()
    }

    /// Sets the message in the language `tag` (`google.rpc.LocalizedMessage`), keeping the
    /// English `message` as it is, as AIP-193 asks. A crate whose catalog has translations
    /// sets it itself (`Locale`).
    pub fn with_localized_message(
        mut self,
        message: impl Into<String>,
        tag: impl Into<String>,
    ) -> Self {
        self.localized_message = Some(message.into());
        self.language = Some(tag.into());
        self
    }
}

/// What the flat view `item` carries beside the layout's parts: the localized message, its
/// language and the retry delay.
pub(super) fn read_parts(item: &Value, error: &mut ApiError) {
    let text = |key: &str| item.pointer(key).and_then(Value::as_str).map(str::to_owned);
    error.localized_message = text("/error/localized_message");
    error.language = text("/error/locale");
    if let Some(seconds) = item.pointer("/error/retry_delay").and_then(Value::as_u64) {
        error.rate_limit = Some(RateLimit {
            retry_after: Some(RetryAfter::Seconds(seconds)),
            ..RateLimit::default()
        });
    }
}

/// The `google.rpc.Status` body for `api`, whose parts the flat view `flat` holds. A code this
/// crate does not know has the status name `UNKNOWN`; a retry delay given as a date (not in
/// seconds) travels in the `Retry-After` header alone.
pub(super) fn to_wire(flat: Value, api: &ApiError) -> Value {
    let Value::Object(mut root) = flat else {
        return flat;
    };
    let Some(Value::Object(mut error)) = root.remove("error") else {
        return Value::Object(root);
    };
    let reason = take_str(&mut error, "reason");
    if let Some(reason) = &reason {
        let status = GRPC_STATUS
            .iter()
            .find(|(code, _)| code == reason)
            .map_or("UNKNOWN", |(_, name)| name);
        error.insert("status".to_owned(), Value::from(status));
    }
    let mut details = Vec::new();
    let domain = error.remove("domain");
    let metadata = error.remove("metadata");
    if let Some(reason) = reason {
        let mut info = detail("ErrorInfo");
        info.insert("reason".to_owned(), Value::from(reason.as_str()));
        if let Some(domain) = domain {
            info.insert("domain".to_owned(), domain);
        }
        if let Some(Value::Object(args)) = metadata {
            let written = metadata_to_wire(&reason, args);
            if !written.is_empty() {
                info.insert("metadata".to_owned(), Value::Object(written));
            }
        }
        details.push(Value::Object(info));
    }
    if let Some(message) = &api.localized_message {
        let mut localized = detail("LocalizedMessage");
        let locale = api.language.as_deref().unwrap_or_default();
        localized.insert("locale".to_owned(), Value::from(locale));
        localized.insert("message".to_owned(), Value::from(message.as_str()));
        details.push(Value::Object(localized));
    }
    if let Some(url) = error.remove("help") {
        let mut link = Map::new();
        link.insert(
            "description".to_owned(),
            Value::from("Documentation of this error"),
        );
        link.insert("url".to_owned(), url);
        let mut help = detail("Help");
        help.insert("links".to_owned(), Value::Array(vec![Value::Object(link)]));
        details.push(Value::Object(help));
    }
    let retry_after = api.rate_limit.and_then(|limit| limit.retry_after);
    if let Some(RetryAfter::Seconds(seconds)) = retry_after {
        let mut retry = detail("RetryInfo");
        retry.insert("retryDelay".to_owned(), Value::from(format!("{seconds}s")));
        details.push(Value::Object(retry));
    }
    if !details.is_empty() {
        error.insert("details".to_owned(), Value::Array(details));
    }
    root.insert("error".to_owned(), Value::Object(error));
    Value::Object(root)
}

/// The flat view of a `google.rpc.Status` body: the details it knows moved into members of
/// `error` (the first of each type wins), everything else as it is.
pub(super) fn from_wire(wire: Value) -> Value {
    let Value::Object(mut root) = wire else {
        return wire;
    };
    let Some(Value::Object(mut error)) = root.remove("error") else {
        return Value::Object(root);
    };
    let details = match error.remove("details") {
        Some(Value::Array(details)) => details,
        Some(other) => {
            error.insert("details".to_owned(), other);
            Vec::new()
        }
        None => Vec::new(),
    };
    let mut seen = Vec::new();
    for item in &details {
        let Some(kind) = item.get("@type").and_then(Value::as_str) else {
            continue;
        };
        let Some(kind) = kind.strip_prefix(TYPE).filter(|k| !seen.contains(k)) else {
            continue;
        };
        seen.push(kind);
        match kind {
            "ErrorInfo" => {
                copy(item, "reason", &mut error, "reason");
                copy(item, "domain", &mut error, "domain");
                let reason = item.get("reason").and_then(Value::as_str).unwrap_or("");
                if let Some(Value::Object(metadata)) = item.get("metadata") {
                    let args = metadata_from_wire(reason, metadata);
                    error.insert("metadata".to_owned(), Value::Object(args));
                }
            }
            "LocalizedMessage" => {
                copy(item, "locale", &mut error, "locale");
                copy(item, "message", &mut error, "localized_message");
            }
            "Help" => {
                if let Some(url) = item.pointer("/links/0/url") {
                    error.insert("help".to_owned(), url.clone());
                }
            }
            "RetryInfo" => {
                let delay = item.get("retryDelay").and_then(Value::as_str);
                if let Some(seconds) = delay.and_then(parse_duration) {
                    error.insert("retry_delay".to_owned(), Value::from(seconds));
                }
            }
            _ => {}
        }
    }
    root.insert("error".to_owned(), Value::Object(error));
    Value::Object(root)
}

/// A protobuf JSON `Duration` (`"30s"`, `"1.5s"`) in whole seconds, rounded up.
fn parse_duration(text: &str) -> Option<u64> {
    let number = text.strip_suffix('s')?;
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    let up = fraction.bytes().any(|b| b != b'0');
    whole.checked_add(u64::from(up))
}

fn detail(kind: &str) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("@type".to_owned(), Value::from(format!("{TYPE}{kind}")));
    out
}

fn take_str(map: &mut Map<String, Value>, key: &str) -> Option<String> {
    match map.remove(key)? {
        Value::String(s) => Some(s),
        other => Some(other.to_string()),
    }
}

fn copy(from: &Value, key: &str, to: &mut Map<String, Value>, as_key: &str) {
    if let Some(value) = from.get(key) {
        to.insert(as_key.to_owned(), value.clone());
    }
}

/// The arguments `reason` declares: (catalog name, metadata key, type).
fn declared(reason: &str) -> MetadataArgs {
    METADATA
        .iter()
        .find(|(code, _)| *code == reason)
        .map_or(&[], |(_, args)| args)
}

/// Arguments by catalog name as metadata: lowerCamel keys, string values.
fn metadata_to_wire(reason: &str, args: Map<String, Value>) -> Map<String, Value> {
    let declared = declared(reason);
    let mut out = Map::new();
    for (name, value) in args {
        let key = declared
            .iter()
            .find(|(n, _, _)| *n == name)
            .map_or(name.as_str(), |(_, key, _)| key);
        let text = match value {
            Value::Null => continue,
            Value::String(s) => s,
            other => other.to_string(),
        };
        out.insert(key.to_owned(), Value::from(text));
    }
    out
}

/// Metadata as arguments by catalog name: a declared argument's text read back as its type
/// (kept as text when it does not read as one, so that reading the arguments says so).
fn metadata_from_wire(reason: &str, metadata: &Map<String, Value>) -> Map<String, Value> {
    let declared = declared(reason);
    let mut out = Map::new();
    for (key, value) in metadata {
        let Some((name, _, kind)) = declared.iter().find(|(_, k, _)| k == key) else {
            out.insert(key.clone(), value.clone());
            continue;
        };
        let typed = match (kind, value.as_str()) {
            (MetadataKind::Integer, Some(text)) => text.parse::<i64>().ok().map(Value::from),
            (MetadataKind::Number, Some(text)) => text
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map(Value::Number),
            (MetadataKind::Bool, Some("true")) => Some(Value::Bool(true)),
            (MetadataKind::Bool, Some("false")) => Some(Value::Bool(false)),
            _ => None,
        };
        out.insert((*name).to_owned(), typed.unwrap_or_else(|| value.clone()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn durations_read_in_whole_seconds_rounded_up() {
        assert_eq!(parse_duration("30s"), Some(30));
        assert_eq!(parse_duration("1.5s"), Some(2));
        assert_eq!(parse_duration("2.000s"), Some(2));
        assert_eq!(parse_duration("0.001s"), Some(1));
        for bad in ["30", "s", "-1s", "1.s5", "1e3s", ""] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }
}
