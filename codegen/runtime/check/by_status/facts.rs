//! The stub catalog's facts for an API told apart by status, with string codes, no
//! documentation URLs and no documented body.

#[cfg(feature = "serde")]
pub(crate) const INTEGER_CODES: bool = false;

pub(crate) fn status(code: crate::ErrorCode) -> Option<u16> {
    Some(code.http_status())
}

pub(crate) fn doc_url(_code: crate::ErrorCode) -> Option<&'static str> {
    None
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

pub(crate) mod layout {
    pub(crate) const FIELD_ERRORS: Option<crate::json::FieldErrorsAt> = None;
}
