//! Changes to the shape of the generated crate's API: accessors that become optional, the
//! code type, the error body's layout.

use std::collections::BTreeMap;

use super::{Change, Class};
use errcat_catalog::format::{Catalog, CodeType, Layout, LayoutPreset};
use errcat_catalog::text::code_span;

/// The facts of a catalog that decide the shape of the generated crate's API.
#[derive(PartialEq)]
struct Surface {
    /// `None`: no HTTP status API (not an HTTP API's catalog, see `Catalog::has_status_api`);
    /// `Some(true)`: `http_status()` returns an `Option`.
    status_optional: Option<bool>,
    url_optional: bool,
    /// `None`: no `Category`; `Some(true)`: `category()` returns an `Option`.
    category_optional: Option<bool>,
    rate_limit: bool,
    layout: Option<Layout>,
    code_type: CodeType,
}

impl Surface {
    /// The surface of `c`'s crate; `status_api`: whether it has the HTTP status API (for a
    /// catalog as generated now, `c.has_status_api()`).
    fn of(c: &Catalog, status_api: bool) -> Surface {
        Surface {
            status_optional: status_api.then(|| c.codes.iter().any(|x| x.status.is_none())),
            url_optional: c.doc_url.is_none() && c.codes.iter().any(|x| x.doc_url.is_none()),
            category_optional: (!c.categories.is_empty())
                .then(|| c.codes.iter().any(|x| x.category.is_none())),
            rate_limit: c.envelope.is_some() || c.codes.iter().any(|x| !x.headers.is_empty()),
            layout: c
                .envelope
                .as_ref()
                .and_then(|e| e.layout.as_ref())
                .map(Layout::resolved),
            code_type: c.code_type,
        }
    }
}

fn optional(yes: bool, ty: &str) -> String {
    if yes {
        format!("`Option<{ty}>`")
    } else {
        format!("`{ty}`")
    }
}

pub(super) fn surface(old: &Catalog, old_status_api: bool, new: &Catalog, out: &mut Vec<Change>) {
    let (a, b) = (
        Surface::of(old, old_status_api),
        Surface::of(new, new.has_status_api()),
    );
    let mut push = |class, kind: &str, text: String| out.push(Change::new(class, kind, None, text));
    if a.code_type != b.code_type {
        push(
            Class::Breaking,
            "code-type-changed",
            format!(
                "`code_type` is now {} (was {}): codes are read and written differently",
                code_span(&format!("{:?}", b.code_type).to_lowercase()),
                code_span(&format!("{:?}", a.code_type).to_lowercase())
            ),
        );
    }
    match (a.status_optional, b.status_optional) {
        (None, Some(_)) => push(
            Class::Additive,
            "status-accessors-added",
            "`ErrorCode::http_status()`, `from_status()` and the `http` feature, now that the \
             catalog documents an HTTP status, error body or headers"
                .to_owned(),
        ),
        (Some(_), None) => push(
            Class::Breaking,
            "status-accessors-removed",
            "`ErrorCode::http_status()`, `from_status()` and the `http` feature: the catalog \
             documents no HTTP status, error body or headers (it is not an HTTP API's)"
                .to_owned(),
        ),
        (Some(x), Some(y)) if x != y => push(
            Class::Breaking,
            "accessor-type-changed",
            format!(
                "`ErrorCode::http_status()` now returns {} (was {}), as {} code documents a status",
                optional(y, "u16"),
                optional(x, "u16"),
                if y { "not every" } else { "every" }
            ),
        ),
        _ => {}
    }
    if a.url_optional != b.url_optional {
        push(
            Class::Breaking,
            "accessor-type-changed",
            format!(
                "`ErrorCode::doc_url()` now returns {} (was {})",
                optional(b.url_optional, "&'static str"),
                optional(a.url_optional, "&'static str")
            ),
        );
    }
    match (a.category_optional, b.category_optional) {
        (None, Some(_)) => push(
            Class::Additive,
            "category-accessor-added",
            "`Category` and `ErrorCode::category()`".to_owned(),
        ),
        (Some(_), None) => push(
            Class::Breaking,
            "category-accessor-removed",
            "`Category` and `ErrorCode::category()`: the catalog declares no categories any more"
                .to_owned(),
        ),
        (Some(x), Some(y)) if x != y => push(
            Class::Breaking,
            "accessor-type-changed",
            format!(
                "`ErrorCode::category()` now returns {} (was {})",
                optional(y, "Category"),
                optional(x, "Category")
            ),
        ),
        _ => {}
    }
    match (a.rate_limit, b.rate_limit) {
        (false, true) => push(
            Class::Additive,
            "rate-limit-added",
            "`RateLimit` and `RetryAfter`, now that the catalog documents an error body or headers"
                .to_owned(),
        ),
        (true, false) => push(
            Class::Breaking,
            "rate-limit-removed",
            "`RateLimit` and `RetryAfter`: the catalog documents no error body or headers any more"
                .to_owned(),
        ),
        _ => {}
    }
    match (&a.layout, &b.layout) {
        (None, Some(_)) => push(
            Class::Additive,
            "layout-added",
            "`envelope.layout`: `ApiError::from_json`, `to_json` and `from_response` read and write the error body".to_owned(),
        ),
        (Some(_), None) => push(
            Class::Breaking,
            "layout-removed",
            "`envelope.layout`: `ApiError` no longer reads or writes the error body".to_owned(),
        ),
        (Some(x), Some(y)) if x != y => layout_changes(x, y, out),
        _ => {}
    }
}

/// Whether adding the layout setting `key` changes every body (the format) or a code's gRPC
/// status name, rather than adding a part earlier versions leave alone.
fn wire_wide(key: &str) -> bool {
    key == "format" || key.starts_with("grpc_status/")
}

fn layout_changes(old: &Layout, new: &Layout, out: &mut Vec<Change>) {
    // Parts as read and written: a preset stands for the parts it fills in.
    let parts = |l: &Layout| -> BTreeMap<String, String> {
        let l = &l.resolved();
        let mut m: BTreeMap<String, String> = l
            .pointers()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        if l.field_errors.as_ref().is_some_and(|f| f.single) {
            m.insert("field_errors/single".to_owned(), "true".to_owned());
        }
        let headers = [
            ("request_id_header", &l.request_id_header),
            ("code_header", &l.code_header),
            ("message_header", &l.message_header),
        ];
        for (key, header) in headers {
            if let Some(h) = header {
                m.insert(key.to_owned(), h.clone());
            }
        }
        if let Some(clean) = &l.code_clean {
            for (key, cut) in [
                ("after_last", &clean.after_last),
                ("before_first", &clean.before_first),
            ] {
                if let Some(cut) = cut {
                    m.insert(format!("code_clean/{key}"), cut.clone());
                }
            }
        }
        if !l.format.is_json() {
            m.insert("format".to_owned(), "xml".to_owned());
        }
        // `google.rpc.Status` is another body than the flat one its pointers address.
        if l.preset == Some(LayoutPreset::GoogleRpc) {
            m.insert("format".to_owned(), "google-rpc".to_owned());
        }
        for (code, name) in &l.grpc_status {
            m.insert(format!("grpc_status/{code}"), name.clone());
        }
        for (k, v) in &l.constants {
            m.insert(format!("constants{k}"), v.clone());
        }
        if l.status_only {
            m.insert("status_only".to_owned(), "true".to_owned());
        }
        m
    };
    let (a, b) = (parts(old), parts(new));
    if a == b {
        // Only the spelling changed (a preset written out, say): bodies read and write alike.
        out.push(Change::new(
            Class::Docs,
            "layout-restated",
            None,
            "Envelope layout restated; bodies are read and written as before".to_owned(),
        ));
        return;
    }
    for (k, v) in &b {
        match a.get(k) {
            // Another body format, or another gRPC status name on the wire for a code: never
            // something earlier versions read and write alike.
            None if wire_wide(k) => out.push(Change::new(
                Class::Breaking,
                "layout-part-changed",
                None,
                format!("Envelope {} is now {}", code_span(k), code_span(v)),
            )),
            None => out.push(Change::new(
                Class::Additive,
                "layout-part-added",
                None,
                format!("Envelope part {} at {}", code_span(k), code_span(v)),
            )),
            Some(w) if w != v => out.push(Change::new(
                Class::Breaking,
                "layout-part-changed",
                None,
                format!(
                    "Envelope part {} moved to {} (was {}): bodies read by earlier versions no longer match",
                    code_span(k),
                    code_span(v),
                    code_span(w)
                ),
            )),
            _ => {}
        }
    }
    for (k, w) in &a {
        if !b.contains_key(k) {
            out.push(Change::new(
                Class::Breaking,
                "layout-part-removed",
                None,
                format!("Envelope part {} (was at {})", code_span(k), code_span(w)),
            ));
        }
    }
}
