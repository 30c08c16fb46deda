//! The stub catalog's facts for an API whose error body is AIP-193's `google.rpc.Status` (the
//! `google-rpc` preset): the layout addresses the flat view `format_google_rpc` reads and writes.

include!("../stub_facts.rs");

pub(crate) mod layout {
    use crate::json::{MetadataArgs, MetadataKind};

    pub(crate) const ERRORS: Option<&str> = None;
    pub(crate) const CODE: Option<&str> = Some("/error/reason");
    pub(crate) const CODE_ALSO: &[&str] = &[];
    pub(crate) const CODE_HEADER: Option<&str> = None;
    pub(crate) const CODE_AFTER_LAST: Option<&str> = None;
    pub(crate) const CODE_BEFORE_FIRST: Option<&str> = None;
    pub(crate) const MESSAGE_HEADER: Option<&str> = None;
    pub(crate) const XML: bool = false;
    pub(crate) const STATUS_AS_CODE: Option<&str> = None;
    pub(crate) const STATUS: Option<&str> = Some("/error/code");
    pub(crate) const MESSAGE: Option<&str> = Some("/error/message");
    pub(crate) const TITLE: Option<&str> = None;
    pub(crate) const DOC_URL: Option<&str> = Some("/error/help");
    pub(crate) const CATEGORY: Option<&str> = None;
    pub(crate) const PARAM: Option<&str> = None;
    pub(crate) const DETAILS: Option<&str> = Some("/error/metadata");
    /// With `DETAILS` `""`: the error's members that other parts name.
    pub(crate) const PLACED: &[&str] = &[];
    pub(crate) const ID: Option<&str> = None;
    pub(crate) const REQUEST_ID: Option<&str> = None;
    pub(crate) const REQUEST_ID_HEADER: Option<&str> = Some("X-Request-ID");
    pub(crate) const CONSTANTS: &[(&str, &str)] = &[("/error/domain", "stub.example.com")];
    pub(crate) const FIELD_ERRORS: Option<crate::json::FieldErrorsAt> = None;
    pub(crate) const CONTENT_TYPE: &str = "application/json";
    /// Each code's gRPC status name.
    pub(crate) const GRPC_STATUS: &[(&str, &str)] = &[
        ("7", "INVALID_ARGUMENT"),
        ("42", "RESOURCE_EXHAUSTED"),
        ("1001", "FAILED_PRECONDITION"),
    ];
    /// Each code's arguments: catalog name, metadata key, type.
    pub(crate) const METADATA: &[(&str, MetadataArgs)] = &[(
        "1001",
        &[
            ("max_len", "maxLen", MetadataKind::Integer),
            ("field", "field", MetadataKind::Text),
            ("strict", "strict", MetadataKind::Bool),
            ("ratio", "ratio", MetadataKind::Number),
        ],
    )];
}
