//! The `google-rpc` layout preset: AIP-193's `google.rpc.Status` as JSON.
//!
//! ```json
//! {"error": {"code": 404, "message": "…", "status": "NOT_FOUND", "details": [
//!   {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "BOOK_NOT_FOUND",
//!    "domain": "bookshelf.example.com", "metadata": {"bookId": "42"}}, …]}}
//! ```
//!
//! The code is `ErrorInfo.reason`, the public arguments its `metadata` (lowerCamel keys,
//! string values), `error.code` the HTTP status and `error.status` the gRPC status name; the
//! documentation URL travels in `Help`, a localized message in `LocalizedMessage` and the
//! retry delay in `RetryInfo`. The layout's pointers address a flat view of the body, one
//! member per part under `error` ([`from_wire`]), which the generated crates read and write
//! the same way (`runtime/json/format_google_rpc.rs`).

use heck::ToLowerCamelCase;
use serde_json::{Map, Value};

use super::catalog::Layout;

/// What every detail's `@type` starts with.
pub const TYPE: &str = "type.googleapis.com/google.rpc.";

/// The gRPC status names (`google.rpc.Code`) an error may have, each with the HTTP status
/// `google/rpc/code.proto` maps it to.
pub const STATUSES: &[(&str, u16)] = &[
    ("CANCELLED", 499),
    ("UNKNOWN", 500),
    ("INVALID_ARGUMENT", 400),
    ("DEADLINE_EXCEEDED", 504),
    ("NOT_FOUND", 404),
    ("ALREADY_EXISTS", 409),
    ("PERMISSION_DENIED", 403),
    ("UNAUTHENTICATED", 401),
    ("RESOURCE_EXHAUSTED", 429),
    ("FAILED_PRECONDITION", 400),
    ("ABORTED", 409),
    ("OUT_OF_RANGE", 400),
    ("UNIMPLEMENTED", 501),
    ("INTERNAL", 500),
    ("UNAVAILABLE", 503),
    ("DATA_LOSS", 500),
];

/// The gRPC status name of an HTTP status when the layout's `grpc_status` does not name one:
/// the only one there is, or for 400, 409 and 500, which several share, `INVALID_ARGUMENT`,
/// `ABORTED` and `INTERNAL`.
pub fn default_status(http: u16) -> Option<&'static str> {
    match http {
        400 => Some("INVALID_ARGUMENT"),
        409 => Some("ABORTED"),
        500 => Some("INTERNAL"),
        _ => {
            let mut names = STATUSES.iter().filter(|(_, s)| *s == http);
            match (names.next(), names.next()) {
                (Some((name, _)), None) => Some(name),
                _ => None,
            }
        }
    }
}

/// The gRPC status name of the code `wire` with the HTTP status `http`: the layout's
/// `grpc_status` for it (`None` when that is no gRPC status name), else the default.
pub fn status_name(layout: &Layout, wire: &str, http: Option<u16>) -> Option<&'static str> {
    match layout.grpc_status.get(wire) {
        Some(name) => STATUSES.iter().map(|(n, _)| *n).find(|n| n == name),
        None => http.and_then(default_status),
    }
}

/// An argument's `metadata` key: its name in lowerCamelCase (`record_type` → `recordType`).
pub fn metadata_key(name: &str) -> String {
    name.to_lower_camel_case()
}

/// The flat view of a `google.rpc.Status` body, as the layout's places address it: the first
/// `ErrorInfo`'s `reason`, `domain` and `metadata`, and the first `Help` link's URL as `help`,
/// moved into `error`. The other details are left out (no check reads them); the rest of the
/// body stays as it is.
pub fn from_wire(body: &Value) -> Value {
    let mut flat = body.clone();
    let Some(error) = flat.get_mut("error").and_then(Value::as_object_mut) else {
        return flat;
    };
    let Some(Value::Array(details)) = error.remove("details") else {
        return flat;
    };
    let first = |kind: &str| {
        details
            .iter()
            .find(|d| d.get("@type").and_then(Value::as_str) == Some(&format!("{TYPE}{kind}")))
    };
    let mut moved = Map::new();
    if let Some(info) = first("ErrorInfo") {
        for key in ["reason", "domain", "metadata"] {
            if let Some(value) = info.get(key) {
                moved.insert(key.to_owned(), value.clone());
            }
        }
    }
    if let Some(url) = first("Help").and_then(|h| h.pointer("/links/0/url")) {
        moved.insert("help".to_owned(), url.clone());
    }
    error.extend(moved);
    flat
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_http_status_of_one_grpc_status_has_it_and_shared_ones_have_a_default() {
        assert_eq!(default_status(404), Some("NOT_FOUND"));
        assert_eq!(default_status(429), Some("RESOURCE_EXHAUSTED"));
        assert_eq!(default_status(400), Some("INVALID_ARGUMENT"));
        assert_eq!(default_status(409), Some("ABORTED"));
        assert_eq!(default_status(500), Some("INTERNAL"));
        assert_eq!(default_status(402), None);
        assert_eq!(default_status(422), None);
        for (name, http) in STATUSES {
            let default = default_status(*http).unwrap();
            let shared = STATUSES.iter().filter(|(_, s)| s == http).count() > 1;
            assert!(shared || default == *name, "{name}");
        }
    }

    #[test]
    fn metadata_keys_are_lower_camel_case() {
        assert_eq!(metadata_key("record_type"), "recordType");
        assert_eq!(metadata_key("retryAfter"), "retryAfter");
        assert_eq!(metadata_key("id"), "id");
    }

    #[test]
    fn the_flat_view_moves_the_first_error_info_and_help_link() {
        let body = serde_json::json!({"error": {"code": 404, "details": [
            {"@type": "type.googleapis.com/google.rpc.Help", "links": [{"url": "https://x"}]},
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "A", "domain": "d"},
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "B"}
        ]}});
        let flat = from_wire(&body);
        assert_eq!(
            flat,
            serde_json::json!({"error": {"code": 404, "reason": "A", "domain": "d", "help": "https://x"}})
        );
    }
}
