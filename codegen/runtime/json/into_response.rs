//! [`axum_core::response::IntoResponse`] for [`ApiError`] (the `axum` feature): axum's
//! `IntoResponse`, so a handler can return `Result<T, ApiError>`.

use super::ApiError;
use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};

impl IntoResponse for ApiError {
    /// [`ApiError::to_http_response`]: the status (the documented one unless set), the content
    /// type, request id and rate-limit headers (`Retry-After` among them), and the body in the
    /// API's own envelope.
    fn into_response(self) -> Response {
        let (parts, body) = self.to_http_response().into_parts();
        Response::from_parts(parts, Body::from(body))
    }
}
