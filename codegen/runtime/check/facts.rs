//! The stub catalog's facts, as the emitter writes them into a generated crate's `src/facts.rs`:
//! integer codes, every code with a status, a documentation URL and a category, and a body that
//! lists errors.

/// Whether the catalog's codes are integers, written as numbers in JSON.
#[cfg(feature = "serde")]
pub(crate) const INTEGER_CODES: bool = true;

/// The documented HTTP status of `code`.
#[cfg(feature = "json")]
pub(crate) fn status(code: crate::ErrorCode) -> Option<u16> {
    Some(code.http_status())
}

/// The documentation URL of `code`.
#[cfg(feature = "json")]
pub(crate) fn doc_url(code: crate::ErrorCode) -> Option<&'static str> {
    Some(code.doc_url())
}

/// The category id of `code`.
#[cfg(feature = "json")]
pub(crate) fn category(code: crate::ErrorCode) -> Option<&'static str> {
    Some(code.category().as_str())
}

#[cfg(feature = "http")]
impl crate::ErrorCode {
    /// The documented HTTP status as an [`http::StatusCode`].
    pub fn status_code(self) -> http::StatusCode {
        http::StatusCode::from_u16(self.http_status())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The codes documented with this status ([`ErrorCode::from_status`]).
    ///
    /// [`ErrorCode::from_status`]: crate::ErrorCode::from_status
    pub fn from_status_code(status: http::StatusCode) -> &'static [crate::ErrorCode] {
        crate::ErrorCode::from_status(status.as_u16())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for crate::Category {
    /// Serializes the category as its catalog `id`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The fixes the catalog documents for `code`, one a line; empty where it documents none.
#[cfg(feature = "miette")]
pub(crate) fn fixes(code: crate::ErrorCode) -> &'static str {
    match code {
        crate::ErrorCode::BadRequest => "Send a name.\nCheck the body is JSON.",
        crate::ErrorCode::TooMany => "Wait for `Retry-After`.",
        crate::ErrorCode::Invalid => "",
    }
}

/// The rustdoc of `ApiError`, with a documented example body.
#[cfg(feature = "json")]
macro_rules! api_error_doc {
    () => {
        "One error of the API, as its response body carries it.

A documented example body, read:

```
use errcat_runtime_check::ApiError;

let body = r#\"{\"errors\":[{\"code\":7,\"status\":400,\"message\":\"Bad request\"}]}\"#;
let errors = ApiError::from_json_list(body.as_bytes()).unwrap();
let error = &errors[0];
assert_eq!(error.code().as_str(), \"7\");
```"
    };
}

#[cfg(feature = "json")]
pub(crate) use api_error_doc;

/// Where each part of an error sits in the body, from the catalog's `envelope.layout`.
#[cfg(feature = "json")]
pub(crate) mod layout {
    /// The list of errors.
    pub(crate) const ERRORS: Option<&str> = Some("/errors");
    /// The code: where it is written, and the first place it is read from.
    pub(crate) const CODE: Option<&str> = Some("/code");
    /// Further places the code is read from, in order, where the body lacks `CODE`.
    pub(crate) const CODE_ALSO: &[&str] = &["/error_code"];
    /// The response header that carries the code, and wins over the body.
    pub(crate) const CODE_HEADER: Option<&str> = None;
    /// The code read is the text after the last of these.
    pub(crate) const CODE_AFTER_LAST: Option<&str> = None;
    /// The code read is the text before the first of these.
    pub(crate) const CODE_BEFORE_FIRST: Option<&str> = None;
    /// The response header that carries the message.
    pub(crate) const MESSAGE_HEADER: Option<&str> = None;
    /// Whether the body is XML, its places paths of element names.
    pub(crate) const XML: bool = false;
    /// The HTTP status, where it is the code that tells errors apart.
    pub(crate) const STATUS_AS_CODE: Option<&str> = None;
    /// The HTTP status.
    pub(crate) const STATUS: Option<&str> = Some("/status");
    /// The message of this occurrence.
    pub(crate) const MESSAGE: Option<&str> = Some("/message");
    /// The catalog message of the code.
    pub(crate) const TITLE: Option<&str> = Some("/title");
    /// The documentation URL.
    pub(crate) const DOC_URL: Option<&str> = Some("/links/about");
    /// The category id.
    pub(crate) const CATEGORY: Option<&str> = Some("/type");
    /// The parameter the error is about.
    pub(crate) const PARAM: Option<&str> = Some("/source/parameter");
    /// The details.
    pub(crate) const DETAILS: Option<&str> = Some("/meta");
    /// With `DETAILS` `""`: the error's members that other parts name.
    pub(crate) const PLACED: &[&str] = &[];
    /// The identifier of the occurrence.
    pub(crate) const ID: Option<&str> = Some("/id");
    /// The request id, in the body.
    pub(crate) const REQUEST_ID: Option<&str> = Some("/request_id");
    /// The request id, as a response header.
    pub(crate) const REQUEST_ID_HEADER: Option<&str> = Some("X-Request-Id");
    /// Members every error has, with their values.
    pub(crate) const CONSTANTS: &[(&str, &str)] = &[("/kind", "api_error")];
    /// Where field errors sit in the details.
    pub(crate) const FIELD_ERRORS: Option<crate::json::FieldErrorsAt> =
        Some(("/fields", false, "/name", Some("/reason"), Some("/code")));
    /// The media type of the error body.
    pub(crate) const CONTENT_TYPE: &str = "application/json";

    /// The JSON Schema of the error body (`openapi.json`'s `ErrorBody`).
    #[cfg(feature = "schemars")]
    pub(crate) const BODY_SCHEMA: &str = r##"{"type":"object","required":["errors"],"properties":{"errors":{"type":"array","items":{"type":"object","required":["code"],"properties":{"code":{"$ref":"#/components/schemas/ErrorCode"},"status":{"type":["integer","string"]},"message":{"type":["string","number"]}}},"minItems":1},"request_id":{"type":["string","number"]}}}"##;

    /// Where in [`BODY_SCHEMA`] the code's schema goes.
    #[cfg(feature = "schemars")]
    pub(crate) const CODE_SCHEMA_AT: Option<&str> =
        Some("/properties/errors/items/properties/code");
}
