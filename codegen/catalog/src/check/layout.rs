//! Checks of an envelope's `layout` against the rules of JSON pointers and against the
//! catalog's own examples: every documented example body must read back as the code it is
//! filed under, so a wrong pointer is caught at generation time, not by a client in production.

use serde_json::Value;

use crate::diag::{Diagnostic, Diagnostics};
use crate::format::{BodyFormat, Catalog, CodeType, Layout, LayoutPreset, Pointers};

/// The XML reader of the generated crates, which reads a catalog's XML example bodies here.
#[cfg(feature = "xml")]
#[path = "../../../runtime/json/xml_read.rs"]
mod xml_read;

/// Problems with `catalog.envelope.layout`, if it has one.
pub fn check(catalog: &Catalog) -> Diagnostics {
    let mut out = Diagnostics::new();
    let Some(layout) = catalog.envelope.as_ref().and_then(|e| e.layout.as_ref()) else {
        return out;
    };
    let xml = layout.format == BodyFormat::Xml;
    for (name, pointer) in layout.pointers() {
        if let Some(problem) = pointer_problem(pointer) {
            out.push(
                Diagnostic::at(
                    format!("/envelope/layout/{name}"),
                    format!("`{pointer}` is not a JSON pointer: {problem}"),
                )
                .hint(
                    "write an RFC 6901 pointer such as `/error/code` (`~0` for `~`, `~1` for `/`)",
                ),
            );
        }
    }
    if xml {
        out.extend(xml_paths(layout));
    }
    out.extend(code_sources(catalog, layout));
    out.extend(overlaps(layout));
    out.extend(super::google_rpc::check(catalog, layout));
    if layout.errors.as_deref() == Some("") {
        out.push(
            Diagnostic::at(
                "/envelope/layout/errors",
                "the list of errors cannot be the whole body",
            )
            .hint("point at the array inside the body, e.g. `/data`"),
        );
    }
    if xml && layout.details.as_deref() == Some("") {
        out.push(
            Diagnostic::at(
                "/envelope/layout/details",
                "details as the error's own members (`\"\"`) are for JSON bodies",
            )
            .hint("point at the element that holds the details"),
        );
    }
    for key in layout.constants.keys() {
        if let Some(problem) = pointer_problem(key).or(key.is_empty().then_some("it is empty")) {
            out.push(
                Diagnostic::at(
                    "/envelope/layout/constants",
                    format!("constant `{key}` is not a JSON pointer: {problem}"),
                )
                .hint("name each constant by the pointer it is written at, e.g. `/type`"),
            );
        }
    }
    if let Some(f) = &layout.field_errors {
        let inside = layout.details.as_deref().is_some_and(|d| {
            f.at.strip_prefix(d)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        });
        if !inside {
            out.push(
                Diagnostic::at(
                    "/envelope/layout/field_errors/at",
                    format!("field errors at `{}` are not inside `details`", f.at),
                )
                .hint("field errors are read from, and written into, the details: set `details` to the same pointer or a parent of it"),
            );
        }
    }
    let headers = [
        (
            "request_id_header",
            &layout.request_id_header,
            "X-Request-ID",
        ),
        ("code_header", &layout.code_header, "x-amzn-ErrorType"),
        (
            "message_header",
            &layout.message_header,
            "x-amz-error-message",
        ),
    ];
    for (key, header, example) in headers {
        if let Some(header) = header
            && (header.is_empty() || !header.bytes().all(is_header_byte))
        {
            out.push(
                Diagnostic::at(
                    format!("/envelope/layout/{key}"),
                    format!("`{header}` is not an HTTP header name"),
                )
                .hint(format!("use letters, digits and `-`, e.g. `{example}`")),
            );
        }
    }
    out.extend(ambiguous(catalog, layout));
    if !out.is_empty() {
        return out;
    }
    let layout = layout.resolved();
    #[cfg(not(feature = "xml"))]
    if layout.format == BodyFormat::Xml && catalog.codes.iter().any(|c| !c.examples.is_empty()) {
        out.push(
            Diagnostic::at(
                "/envelope/layout/format",
                "this catalog's error body is XML, and checking its example bodies needs the `xml` feature of errcat-codegen",
            )
            .hint("depend on `errcat-codegen` with `features = [\"xml\"]`"),
        );
        return out;
    }
    let google_rpc = layout.preset == Some(LayoutPreset::GoogleRpc);
    for (i, code) in catalog.codes.iter().enumerate() {
        for (j, example) in code.examples.iter().enumerate() {
            let wire = match catalog.code_type {
                CodeType::HttpStatus => match code.status.or(example.status) {
                    Some(status) => status.to_string(),
                    None => continue,
                },
                _ => code.code.wire(),
            };
            let body = match example_body(&layout, &example.body) {
                Ok(body) => body,
                Err(problem) => {
                    out.push(
                        Diagnostic::at(
                            format!("/codes/{i}/examples/{j}/body"),
                            format!("this example of `{}` is not an XML body: {problem}", code.code.wire()),
                        )
                        .hint("with `envelope.layout.format: xml`, write each example body as a JSON string holding the XML document"),
                    );
                    continue;
                }
            };
            let found = match example_codes(&layout, &body) {
                Ok(found) => found,
                // The google-rpc preset's pointers address its flat view: name the wire place.
                Err(_) if google_rpc => {
                    out.push(
                        Diagnostic::at(
                            format!("/codes/{i}/examples/{j}/body"),
                            format!("this example of `{}` has no `ErrorInfo` with a `reason` in `/error/details`, where `google.rpc.Status` carries the code", code.code.wire()),
                        )
                        .hint("add `{\"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\", \"reason\": …, \"domain\": …}` to the example's `error.details`"),
                    );
                    continue;
                }
                Err(missing) => {
                    out.push(
                        Diagnostic::at(
                            format!("/codes/{i}/examples/{j}/body"),
                            format!("this example of `{}` has no `{missing}`, where the envelope layout reads the code", code.code.wire()),
                        )
                        .hint("fix the pointer in `envelope.layout`, or the example body"),
                    );
                    continue;
                }
            };
            if let Some(found) = found.into_iter().find(|found| *found != wire) {
                out.push(
                    Diagnostic::at(
                        format!("/codes/{i}/examples/{j}/body"),
                        format!(
                            "this example of `{}` reads as code `{found}` through the envelope layout",
                            code.code.wire()
                        ),
                    )
                    .hint(if google_rpc {
                        format!("file the example under `{found}`, or fix its `ErrorInfo.reason` (expected `{wire}`)")
                    } else {
                        format!("file the example under `{found}`, or fix `envelope.layout.code` (expected `{wire}`)")
                    }),
                );
            }
            out.extend(example_constants(
                &layout,
                &body,
                &format!("/codes/{i}/examples/{j}/body"),
            ));
        }
    }
    out
}

/// An example whose errors have another value where the layout writes a constant (the
/// `google-rpc` preset's domain among them) documents a body the crate never writes.
fn example_constants(layout: &Layout, body: &Value, at: &str) -> Diagnostics {
    let mut out = Diagnostics::new();
    let items: Vec<&Value> = match &layout.errors {
        Some(list) => body
            .pointer(list)
            .and_then(Value::as_array)
            .map(|items| items.iter().collect())
            .unwrap_or_default(),
        None => vec![body],
    };
    for (p, constant) in &layout.constants {
        let other = items
            .iter()
            .filter_map(|item| item.pointer(p))
            .find(|v| v.as_str() != Some(constant.as_str()));
        if let Some(other) = other {
            let place = if layout.preset == Some(LayoutPreset::GoogleRpc) && p == "/error/domain" {
                "`ErrorInfo.domain`".to_owned()
            } else {
                format!("`{p}`")
            };
            out.push(
                Diagnostic::at(at, format!("this example has {other} at {place}, where every error carries `{constant}`"))
                    .hint("fix the example, or the layout's value"),
            );
        }
    }
    out
}

/// An example body as the value the layout's places address: the JSON itself, or for an XML
/// body, the XML document the example's string holds, read as the generated crates read it.
fn example_body(layout: &Layout, body: &Value) -> Result<Value, String> {
    match (layout.format, body) {
        (BodyFormat::Json, _) if layout.preset == Some(LayoutPreset::GoogleRpc) => {
            Ok(crate::format::google_rpc::from_wire(body))
        }
        (BodyFormat::Json, _) => Ok(body.clone()),
        #[cfg(feature = "xml")]
        (BodyFormat::Xml, Value::String(xml)) => xml_read::parse(xml.as_bytes()),
        #[cfg(not(feature = "xml"))]
        (BodyFormat::Xml, Value::String(_)) => {
            Err("reading an XML example body needs the `xml` feature of errcat-codegen".to_owned())
        }
        (BodyFormat::Xml, _) => Err("it is not a string".to_owned()),
    }
}

/// The codes an example body carries at the layout's code pointers (one per listed error; the
/// first pointer present wins), as wire text, cleaned as `code_clean` says: empty when the body
/// is not where the layout reads the code, `Err(pointer)` when the body lacks what the layout
/// reads. A body without a code is fine where a header may carry it.
fn example_codes<'a>(layout: &'a Layout, body: &'a Value) -> Result<Vec<String>, &'a str> {
    let items: Vec<&Value> = match &layout.errors {
        Some(list) => match body.pointer(list) {
            Some(Value::Array(items)) if !items.is_empty() => items.iter().collect(),
            Some(item @ Value::Object(_)) if layout.format == BodyFormat::Xml => vec![item],
            _ => return Err(list.as_str()),
        },
        None => vec![body],
    };
    let Some(code) = &layout.code else {
        return Ok(Vec::new());
    };
    let clean = layout.code_clean.clone().unwrap_or_default();
    let mut out = Vec::new();
    for item in items {
        let found = code.all().iter().find_map(|p| item.pointer(p));
        match found {
            Some(Value::String(s)) => out.push(clean.apply(s).to_owned()),
            Some(Value::Number(n)) => out.push(n.to_string()),
            None if layout.code_header.is_some() => {}
            _ => return Err(code.first().unwrap_or_default()),
        }
    }
    Ok(out)
}

/// Problems with where the layout reads the code from: an empty list of pointers, a cleanup
/// with nothing to clean or that cuts nothing, and, for an API told apart by status, a code
/// header, alternatives or a cleanup it would never use.
fn code_sources(catalog: &Catalog, layout: &Layout) -> Diagnostics {
    let mut out = Diagnostics::new();
    if matches!(&layout.code, Some(Pointers::Many(list)) if list.is_empty()) {
        out.push(
            Diagnostic::at(
                "/envelope/layout/code",
                "the list of code pointers is empty",
            )
            .hint("give at least one pointer, or leave `code` out if the body has no code"),
        );
    }
    if let Some(clean) = &layout.code_clean {
        let cuts = [&clean.after_last, &clean.before_first]
            .into_iter()
            .any(|s| s.as_deref().is_some_and(|s| !s.is_empty()));
        if !cuts {
            out.push(
                Diagnostic::at("/envelope/layout/code_clean", "`code_clean` cuts nothing")
                    .hint("set `after_last` or `before_first` to a non-empty text, e.g. `\"#\"`, or remove `code_clean`"),
            );
        }
        if !layout.resolved().reads_code() {
            out.push(
                Diagnostic::at(
                    "/envelope/layout/code_clean",
                    "`code_clean` would be ignored: the layout reads no code",
                )
                .hint("add `code` or `code_header`, or remove `code_clean`"),
            );
        }
    }
    if catalog.code_type == CodeType::HttpStatus {
        let several = layout.code.as_ref().is_some_and(|c| c.all().len() > 1);
        let unused = [
            ("code_header", layout.code_header.is_some()),
            ("code_clean", layout.code_clean.is_some()),
            ("code", several),
        ];
        for (key, set) in unused {
            if set {
                out.push(
                    Diagnostic::at(
                        format!("/envelope/layout/{key}"),
                        format!("`{key}` would be ignored: with `code_type: http-status` the body's `code` member holds the status, at one pointer"),
                    )
                    .hint("remove it, or change `code_type` if the API sends a code"),
                );
            }
        }
    }
    out
}

/// Problems with the places of an XML layout: each must be a path of XML element names from
/// one root element that every place shares, and no JSON-only preset.
fn xml_paths(layout: &Layout) -> Diagnostics {
    let mut out = Diagnostics::new();
    if layout.preset == Some(LayoutPreset::ProblemJson) {
        out.push(
            Diagnostic::at(
                "/envelope/layout/preset",
                "`problem+json` is a JSON body, but the layout says `format: xml`",
            )
            .hint("remove `preset`, or `format`"),
        );
    }
    let layout = layout.resolved();
    let mut places: Vec<(String, &str)> = layout
        .pointers()
        .into_iter()
        .filter(|(name, _)| !name.starts_with("field_errors"))
        .collect();
    places.extend(
        layout
            .constants
            .keys()
            .map(|k| ("constants".to_owned(), k.as_str())),
    );
    let mut root: Option<(String, &str)> = None;
    for (name, place) in places {
        let tokens: Vec<&str> = place.split('/').skip(1).collect();
        if let Some(bad) = tokens.iter().find(|t| !is_xml_name(t)) {
            out.push(
                Diagnostic::at(
                    format!("/envelope/layout/{name}"),
                    format!(
                        "`{place}` is not a path of XML elements: `{bad}` is not an element name"
                    ),
                )
                .hint("write the element names from the root, e.g. `/Error/Code`"),
            );
            continue;
        }
        let Some(first) = tokens.first().copied() else {
            continue;
        };
        // An alternative code path may read another shape of the body, with its own root.
        if name.starts_with("code/") && name != "code/0" {
            continue;
        }
        match &root {
            None => root = Some((name, first)),
            Some((root_name, root)) if *root != first => out.push(
                Diagnostic::at(
                    format!("/envelope/layout/{name}"),
                    format!("`{place}` starts at element `{first}`, but `{root_name}` starts at `{root}`"),
                )
                .hint("an XML document has one root element: start every path with it (only the second and later `code` paths may read another shape)"),
            ),
            Some(_) => {}
        }
    }
    out
}

/// Whether `s` is an XML element name without a namespace prefix (ASCII letters, digits, `_`,
/// `-` and `.`, not starting with a digit, `-` or `.`).
fn is_xml_name(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// Parts that would be written over one another: two pointers where one is the other or lies
/// inside it. The parts of an error (and the constants) are checked together; with a list
/// body, `errors` and `request_id` are checked against each other, since both are read from
/// the root. Field errors are inside the details by design and are not checked here.
fn overlaps(layout: &Layout) -> Diagnostics {
    let layout = layout.resolved();
    // Only the first code pointer is written; the others are only read.
    let mut item: Vec<(String, &str)> = layout
        .pointers()
        .into_iter()
        .filter(|(name, _)| !name.starts_with("field_errors") && name != "errors")
        .filter(|(name, _)| layout.errors.is_none() || name != "request_id")
        .filter(|(name, _)| !name.starts_with("code/") || name == "code/0")
        // Details that are the error's own members are written beside the parts, never over.
        .filter(|(name, p)| !(name == "details" && p.is_empty()))
        .collect();
    item.extend(layout.constants.keys().map(|k| {
        (
            format!("constants/{}", crate::json_pointer::escape(k)),
            k.as_str(),
        )
    }));
    let mut root: Vec<(String, &str)> = Vec::new();
    if let (Some(errors), Some(request_id)) = (&layout.errors, &layout.request_id) {
        root.push(("errors".to_owned(), errors.as_str()));
        root.push(("request_id".to_owned(), request_id.as_str()));
    }
    let mut out = Diagnostics::new();
    for group in [item, root] {
        for (i, (a_name, a)) in group.iter().enumerate() {
            for (b_name, b) in &group[i + 1..] {
                if contains(a, b) || contains(b, a) {
                    out.push(
                        Diagnostic::at(
                            format!("/envelope/layout/{b_name}"),
                            format!("`{b_name}` at `{b}` overlaps `{a_name}` at `{a}`"),
                        )
                        .hint(
                            "give each part its own member: writing one would overwrite the other",
                        ),
                    );
                }
            }
        }
    }
    out
}

/// Whether pointer `inner` is `outer` or lies inside it.
fn contains(outer: &str, inner: &str) -> bool {
    inner
        .strip_prefix(outer)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Why `p` is not an RFC 6901 pointer naming object members, if it is not.
pub fn pointer_problem(p: &str) -> Option<&'static str> {
    if p.is_empty() {
        return None;
    }
    if !p.starts_with('/') {
        return Some("it must start with `/`");
    }
    let mut chars = p.chars();
    while let Some(c) = chars.next() {
        if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
            return Some("`~` must be followed by `0` or `1`");
        }
    }
    let index = |t: &str| t == "-" || (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()));
    if p[1..].split('/').any(index) {
        return Some(
            "array positions are not supported; name object members only (`errors` points at a list)",
        );
    }
    None
}

fn is_header_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// A layout that reads no code (in the body or a header) tells errors apart by status alone:
/// a status documented for several codes cannot say which one came. That is refused, unless
/// the layout says `status_only` (the API really sends nothing more); and `status_only` with a
/// code to read is refused too, as it would say something untrue.
fn ambiguous(catalog: &Catalog, layout: &Layout) -> Diagnostics {
    let reads_code = layout.resolved().reads_code();
    if reads_code {
        return if layout.status_only {
            Diagnostics::from(
                Diagnostic::at(
                    "/envelope/layout/status_only",
                    "`status_only` says the response carries no code, but the layout reads one",
                )
                .hint(
                    "remove `status_only`, or `code` and `code_header` if the response has no code",
                ),
            )
        } else {
            Diagnostics::new()
        };
    }
    if layout.status_only || catalog.code_type == CodeType::HttpStatus {
        return Diagnostics::new();
    }
    let mut by_status: std::collections::BTreeMap<u16, Vec<String>> = Default::default();
    for code in &catalog.codes {
        if let Some(status) = code.status {
            by_status.entry(status).or_default().push(code.code.wire());
        }
    }
    by_status
        .into_iter()
        .filter(|(_, codes)| codes.len() > 1)
        .map(|(status, codes)| {
            Diagnostic::at(
                "/envelope/layout",
                format!(
                    "the layout reads no code (neither `code` in the body nor `code_header`), so a {status} response cannot tell apart the {} codes documented with it ({})",
                    codes.len(),
                    codes.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
                ),
            )
            .hint("add where the code is (`code` in the body, or `code_header`), or set `\"status_only\": true` if the API sends nothing more: such a response then reads as all of them")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers() {
        assert_eq!(pointer_problem(""), None);
        assert_eq!(pointer_problem("/a/b~0~1"), None);
        assert!(pointer_problem("a").is_some());
        assert!(pointer_problem("/a~2").is_some());
        assert!(pointer_problem("/a~").is_some());
        assert!(pointer_problem("/errors/0/code").is_some());
        assert!(pointer_problem("/errors/-").is_some());
        assert_eq!(pointer_problem("/e0/x1"), None);
    }

    #[test]
    fn overlapping_parts_are_refused() {
        let layout = Layout {
            code: Some(Pointers::from("/error/code")),
            details: Some("/error".into()),
            message: Some("/error/message".into()),
            ..Layout::default()
        };
        let found: Vec<String> = overlaps(&layout).into_iter().map(|d| d.message).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        let apart = Layout {
            code: Some(Pointers::from("/error/code")),
            details: Some("/error/codes".into()),
            ..Layout::default()
        };
        assert!(overlaps(&apart).is_empty());
    }
}
