//! `json` as a crate whose catalog has the `google-rpc` preset has it.

#[path = "../../json/accessors.rs"]
mod accessors;
#[path = "../../json/body.rs"]
mod body;
#[path = "../../json/by_code.rs"]
mod by_code;
#[path = "../../json/error_with_rate_limit.rs"]
mod error_with_rate_limit;
#[path = "../../json/field_errors.rs"]
mod field_errors;
#[path = "../../json/format_google_rpc.rs"]
mod format;
#[path = "../../json/parse_error.rs"]
mod parse_error;
#[path = "../../json/pointer.rs"]
mod pointer;
#[path = "../../json/problem.rs"]
mod problem;

pub use error_with_rate_limit::ApiError;
pub(crate) use field_errors::FieldErrorsAt;
pub(crate) use format::{MetadataArgs, MetadataKind};
pub use parse_error::{ParseError, ParseErrorKind};
#[allow(unused_imports)]
pub use problem::Problem;
