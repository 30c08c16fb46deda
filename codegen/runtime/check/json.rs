//! The `json` module as a generated crate with a list body and codes told apart by code has it.

#[path = "../json/accessors.rs"]
mod accessors;
#[path = "../json/body.rs"]
mod body;
#[path = "../json/by_code.rs"]
mod by_code;
#[cfg(feature = "miette")]
#[path = "../json/diagnostic.rs"]
mod diagnostic;
#[path = "../json/error_with_rate_limit.rs"]
mod error_with_rate_limit;
#[path = "../json/field_errors.rs"]
mod field_errors;
#[path = "../json/format_json.rs"]
mod format;
#[cfg(feature = "reqwest")]
#[path = "../json/from_reqwest.rs"]
mod from_reqwest;
#[cfg(feature = "axum")]
#[path = "../json/into_response.rs"]
mod into_response;
#[cfg(feature = "schemars")]
#[path = "../json/json_schema.rs"]
mod json_schema;
#[path = "../json/list.rs"]
mod list;
#[path = "../json/parse_error.rs"]
mod parse_error;
#[path = "../json/pointer.rs"]
mod pointer;
#[path = "../json/problem.rs"]
mod problem;

pub use error_with_rate_limit::ApiError;
pub use field_errors::FieldError;
pub(crate) use field_errors::FieldErrorsAt;
pub use parse_error::{ParseError, ParseErrorKind};
pub use problem::Problem;
