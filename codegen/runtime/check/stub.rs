//! A three-code catalog in the shape `codes.rs` has: what the runtime sources call.

/// A code of the stub catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorCode {
    /// `7`: a bad request.
    BadRequest,
    /// `42`: too many requests; retryable.
    TooMany,
    /// `1001`: another bad request.
    Invalid,
}

/// A category of stub codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// `client`.
    Client,
    /// `limit`.
    Limit,
}

impl Category {
    /// The category id.
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Client => "client",
            Category::Limit => "limit",
        }
    }
}

impl ErrorCode {
    /// Every code, in catalog order.
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::BadRequest,
        ErrorCode::TooMany,
        ErrorCode::Invalid,
    ];

    /// The code of a wire spelling or alias.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "7" | "07_alias" => Some(ErrorCode::BadRequest),
            "42" => Some(ErrorCode::TooMany),
            "1001" => Some(ErrorCode::Invalid),
            _ => None,
        }
    }

    /// The wire spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadRequest => "7",
            ErrorCode::TooMany => "42",
            ErrorCode::Invalid => "1001",
        }
    }

    /// The documented HTTP status.
    pub const fn http_status(self) -> u16 {
        match self {
            ErrorCode::BadRequest | ErrorCode::Invalid => 400,
            ErrorCode::TooMany => 429,
        }
    }

    /// The codes documented with `status`.
    pub fn from_status(status: u16) -> &'static [ErrorCode] {
        match status {
            400 => &[ErrorCode::BadRequest, ErrorCode::Invalid],
            429 => &[ErrorCode::TooMany],
            _ => &[],
        }
    }

    /// The documentation URL.
    pub const fn doc_url(self) -> &'static str {
        match self {
            ErrorCode::BadRequest => "https://example.com/errors/7",
            ErrorCode::TooMany => "https://example.com/errors/42",
            ErrorCode::Invalid => "https://example.com/errors/1001",
        }
    }

    /// The message.
    pub const fn message(self) -> &'static str {
        match self {
            ErrorCode::BadRequest => "Bad request",
            ErrorCode::TooMany => "Too many requests",
            ErrorCode::Invalid => "Invalid",
        }
    }

    /// The long description.
    pub const fn description(self) -> &'static str {
        match self {
            ErrorCode::BadRequest => "The request is malformed.",
            ErrorCode::TooMany => "Too many requests in the window.",
            ErrorCode::Invalid => "A value is invalid.",
        }
    }

    /// Whether retrying can succeed.
    pub const fn is_retryable(self) -> bool {
        matches!(self, ErrorCode::TooMany)
    }

    /// The category.
    pub const fn category(self) -> Category {
        match self {
            ErrorCode::BadRequest | ErrorCode::Invalid => Category::Client,
            ErrorCode::TooMany => Category::Limit,
        }
    }
}
