//! The runtime sources errcat copies verbatim into every generated crate (`codegen/runtime/`),
//! compiled and tested here against a stub catalog ([`ErrorCode`], three integer codes) and the
//! facts a generated crate's `src/facts.rs` would hold for it.
//!
//! Not published: the generated crates carry their own copies and depend on nothing.

mod facts;
mod stub;

pub use stub::{Category, ErrorCode};

#[path = "../features.rs"]
mod features;

#[path = "../wire.rs"]
mod wire;
pub use wire::{Code, UnknownCode};

#[path = "../retry.rs"]
mod retry;

// A generated crate's `locale` module chooses a language with it; the stub catalog has no
// translations, so only the tests use it here.
#[allow(dead_code)]
#[path = "../negotiate.rs"]
mod negotiate;
#[cfg(test)]
mod negotiate_tests;

// A generated crate's `args` module uses all of it for its codes' arguments; the stub catalog
// has none, so only the tests use it here.
#[allow(dead_code)]
#[path = "../args_base.rs"]
mod args_base;
pub use retry::{RateLimit, RetryAfter};

#[cfg(feature = "json")]
mod json;
#[cfg(feature = "json")]
pub use json::{ApiError, FieldError, ParseError, ParseErrorKind, Problem};

#[cfg(all(test, feature = "json"))]
mod tests;
