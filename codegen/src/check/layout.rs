//! Checks of an envelope's `layout` against the rules of JSON pointers and against the
//! catalog's own examples: every documented example body must read back as the code it is
//! filed under, so a wrong pointer is caught at generation time, not by a client in production.

use serde_json::Value;

use crate::catalog::{Catalog, CodeType, Layout};
use crate::diag::Diagnostic;

/// Problems with `catalog.envelope.layout`, if it has one.
pub fn check(catalog: &Catalog) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(layout) = catalog.envelope.as_ref().and_then(|e| e.layout.as_ref()) else {
        return out;
    };
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
    out.extend(overlaps(layout));
    if layout.errors.as_deref() == Some("") {
        out.push(
            Diagnostic::at(
                "/envelope/layout/errors",
                "the list of errors cannot be the whole body",
            )
            .hint("point at the array inside the body, e.g. `/data`"),
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
    if let Some(header) = &layout.request_id_header
        && (header.is_empty() || !header.bytes().all(is_header_byte))
    {
        out.push(
            Diagnostic::at(
                "/envelope/layout/request_id_header",
                format!("`{header}` is not an HTTP header name"),
            )
            .hint("use letters, digits and `-`, e.g. `X-Request-ID`"),
        );
    }
    out.extend(ambiguous(catalog, layout));
    if !out.is_empty() {
        return out;
    }
    let layout = layout.resolved();
    for (i, code) in catalog.codes.iter().enumerate() {
        for (j, example) in code.examples.iter().enumerate() {
            let wire = match catalog.code_type {
                CodeType::HttpStatus => match code.status.or(example.status) {
                    Some(status) => status.to_string(),
                    None => continue,
                },
                _ => code.code.wire(),
            };
            let found = match example_codes(&layout, &example.body) {
                Ok(found) => found,
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
                    .hint(format!(
                        "file the example under `{found}`, or fix `envelope.layout.code` (expected `{wire}`)"
                    )),
                );
            }
        }
    }
    out
}

/// The codes an example body carries at the layout's code pointer (one per listed error), as
/// wire text: empty when the layout reads no code, `Err(pointer)` when the body lacks what the
/// layout reads.
fn example_codes<'a>(layout: &'a Layout, body: &Value) -> Result<Vec<String>, &'a str> {
    let items: Vec<&Value> = match &layout.errors {
        Some(list) => body
            .pointer(list)
            .and_then(Value::as_array)
            .filter(|items| !items.is_empty())
            .ok_or(list.as_str())?
            .iter()
            .collect(),
        None => vec![body],
    };
    let Some(pointer) = layout.code.as_deref() else {
        return Ok(Vec::new());
    };
    items
        .into_iter()
        .map(|item| match item.pointer(pointer) {
            Some(Value::String(s)) => Ok(s.clone()),
            Some(Value::Number(n)) => Ok(n.to_string()),
            _ => Err(pointer),
        })
        .collect()
}

/// Parts that would be written over one another: two pointers where one is the other or lies
/// inside it. The parts of an error (and the constants) are checked together; with a list
/// body, `errors` and `request_id` are checked against each other, since both are read from
/// the root. Field errors are inside the details by design and are not checked here.
fn overlaps(layout: &Layout) -> Vec<Diagnostic> {
    let layout = layout.resolved();
    let mut item: Vec<(String, &str)> = layout
        .pointers()
        .into_iter()
        .filter(|(name, _)| !name.starts_with("field_errors") && *name != "errors")
        .filter(|(name, _)| layout.errors.is_none() || *name != "request_id")
        .map(|(name, p)| (name.to_owned(), p))
        .collect();
    item.extend(layout.constants.keys().map(|k| {
        (
            format!("constants/{}", k.replace('~', "~0").replace('/', "~1")),
            k.as_str(),
        )
    }));
    let mut root: Vec<(String, &str)> = Vec::new();
    if let (Some(errors), Some(request_id)) = (&layout.errors, &layout.request_id) {
        root.push(("errors".to_owned(), errors.as_str()));
        root.push(("request_id".to_owned(), request_id.as_str()));
    }
    let mut out = Vec::new();
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

/// A layout that reads no code tells errors apart by status alone: a status documented for
/// several codes cannot say which one came. That is refused, unless the layout says
/// `status_only` (the API really sends nothing more); and `status_only` with a code to read is
/// refused too, as it would say something untrue.
fn ambiguous(catalog: &Catalog, layout: &Layout) -> Vec<Diagnostic> {
    let reads_code = layout.resolved().code.is_some();
    if reads_code {
        return if layout.status_only {
            vec![
                Diagnostic::at(
                    "/envelope/layout/status_only",
                    "`status_only` says the body carries no code, but the layout reads one",
                )
                .hint("remove `status_only`, or the `code` pointer if the body has no code"),
            ]
        } else {
            Vec::new()
        };
    }
    if layout.status_only || catalog.code_type == CodeType::HttpStatus {
        return Vec::new();
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
                    "the layout reads no code, so a {status} response cannot tell apart the {} codes documented with it ({})",
                    codes.len(),
                    codes.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
                ),
            )
            .hint("add the pointer to the code (`code`), or set `\"status_only\": true` if the API sends nothing more: such a response then reads as all of them")
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
            code: Some("/error/code".into()),
            details: Some("/error".into()),
            message: Some("/error/message".into()),
            ..Layout::default()
        };
        let found: Vec<String> = overlaps(&layout).into_iter().map(|d| d.message).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        let apart = Layout {
            code: Some("/error/code".into()),
            details: Some("/error/codes".into()),
            ..Layout::default()
        };
        assert!(overlaps(&apart).is_empty());
    }
}
