//! Reading an [`ApiError`] from a [`reqwest::Response`] (the `reqwest` feature).

use super::{ApiError, ParseError, ParseErrorKind};

impl ApiError {
    /// Reads an error response: its status, headers (request id, rate limits) and body, as
    /// [`ApiError::from_response`] does. A body that cannot be read is a [`ParseError`] of kind
    /// [`ParseErrorKind::Unreadable`].
    pub async fn from_reqwest(response: reqwest::Response) -> Result<ApiError, ParseError> {
        let status = response.status().as_u16();
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .filter_map(|(name, value)| {
                Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned()))
            })
            .collect();
        let body = response
            .bytes()
            .await
            .map_err(|e| ParseError::new(ParseErrorKind::Unreadable(e.to_string()), b""))?;
        Self::from_response(status, headers, &body)
    }
}
