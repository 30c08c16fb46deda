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
            let found = match example_code(&layout, &example.body) {
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
            if let Some(found) = found
                && found != wire
            {
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

/// The code an example body carries at the layout's code pointer, as wire text: `Ok(None)`
/// when the layout reads no code, `Err(pointer)` when the body lacks what the layout reads.
fn example_code<'a>(layout: &'a Layout, body: &Value) -> Result<Option<String>, &'a str> {
    let item = match &layout.errors {
        Some(list) => body
            .pointer(list)
            .and_then(Value::as_array)
            .and_then(|items| items.first())
            .ok_or(list.as_str())?,
        None => body,
    };
    let Some(pointer) = layout.code.as_deref() else {
        return Ok(None);
    };
    match item.pointer(pointer) {
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        _ => Err(pointer),
    }
}

/// Why `p` is not an RFC 6901 pointer, if it is not.
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
    None
}

fn is_header_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
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
    }
}
