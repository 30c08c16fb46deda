//! `json` as a crate told apart by status, without a body layout or rate limits, has it.

#[path = "../../json/accessors.rs"]
mod accessors;
#[path = "../../json/by_status.rs"]
mod by_status;
#[path = "../../json/error.rs"]
mod error;
#[path = "../../json/field_errors.rs"]
mod field_errors;
#[path = "../../json/parse_error.rs"]
mod parse_error;
#[path = "../../json/pointer.rs"]
mod pointer;
#[path = "../../json/problem.rs"]
mod problem;

pub use error::ApiError;
pub(crate) use field_errors::FieldErrorsAt;
pub use parse_error::{ParseError, ParseErrorKind};
pub use problem::Problem;
