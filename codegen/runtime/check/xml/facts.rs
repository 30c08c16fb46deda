//! The stub catalog's facts for an API with an XML error body in either of the shapes AWS
//! sends (`<Error>` alone, as S3 does, or inside `<ErrorResponse>`, as the query protocol
//! does), the code also in a header and in a namespaced `__Type` element, cleaned.

include!("../stub_facts.rs");

pub(crate) mod layout {
    pub(crate) const ERRORS: Option<&str> = None;
    pub(crate) const CODE: Option<&str> = Some("/Error/Code");
    pub(crate) const CODE_ALSO: &[&str] = &["/ErrorResponse/Error/Code", "/Error/__Type"];
    pub(crate) const CODE_HEADER: Option<&str> = Some("x-amzn-ErrorType");
    pub(crate) const CODE_AFTER_LAST: Option<&str> = Some("#");
    pub(crate) const CODE_BEFORE_FIRST: Option<&str> = Some(":");
    pub(crate) const MESSAGE_HEADER: Option<&str> = Some("x-amz-error-message");
    pub(crate) const XML: bool = true;
    pub(crate) const STATUS_AS_CODE: Option<&str> = None;
    pub(crate) const STATUS: Option<&str> = None;
    pub(crate) const MESSAGE: Option<&str> = Some("/Error/Message");
    pub(crate) const TITLE: Option<&str> = None;
    pub(crate) const DOC_URL: Option<&str> = None;
    pub(crate) const CATEGORY: Option<&str> = None;
    pub(crate) const PARAM: Option<&str> = None;
    pub(crate) const DETAILS: Option<&str> = None;
    /// With `DETAILS` `""`: the error's members that other parts name.
    pub(crate) const PLACED: &[&str] = &[];
    pub(crate) const ID: Option<&str> = None;
    pub(crate) const REQUEST_ID: Option<&str> = Some("/Error/RequestId");
    pub(crate) const REQUEST_ID_HEADER: Option<&str> = Some("x-amz-request-id");
    pub(crate) const CONSTANTS: &[(&str, &str)] = &[];
    pub(crate) const FIELD_ERRORS: Option<crate::json::FieldErrorsAt> = None;
    pub(crate) const CONTENT_TYPE: &str = "application/xml";
}
