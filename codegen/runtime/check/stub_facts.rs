// What the stub catalog's facts say of every code, for the test crates whose catalog
// documents statuses and documentation URLs (`xml`, `google_rpc`): included by their `facts.rs`.

#[cfg(feature = "serde")]
pub(crate) const INTEGER_CODES: bool = false;

pub(crate) fn status(code: crate::ErrorCode) -> Option<u16> {
    Some(code.http_status())
}

pub(crate) fn doc_url(code: crate::ErrorCode) -> Option<&'static str> {
    Some(code.doc_url())
}

pub(crate) fn category(code: crate::ErrorCode) -> Option<&'static str> {
    Some(code.category().as_str())
}

macro_rules! api_error_doc {
    () => {
        "One error of the API."
    };
}

pub(crate) use api_error_doc;
