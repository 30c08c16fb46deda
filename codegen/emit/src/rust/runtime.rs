//! The runtime files of a generated crate: the sources under `codegen/runtime/`, copied verbatim
//! (they are compiled and tested in the workspace by `errcat-runtime-check`), the ones a catalog
//! uses chosen here, plus `src/json.rs`, which names them.

use errcat_catalog::model::Model;

/// A runtime source: where it goes in a generated crate, its module name and its text.
struct Source {
    path: &'static str,
    module: &'static str,
    text: &'static str,
    /// The feature the module is compiled with, for the modules of an integration.
    feature: Option<&'static str>,
}

/// `source!("json/", "body")`: `codegen/runtime/json/body.rs`, which goes to `src/json/body.rs`.
macro_rules! source {
    ($dir:literal, $module:literal) => {
        Source {
            path: concat!("src/", $dir, $module, ".rs"),
            module: $module,
            text: include_str!(concat!("../../../runtime/", $dir, $module, ".rs")),
            feature: None,
        }
    };
    ($dir:literal, $module:literal, $feature:literal) => {
        Source {
            feature: Some($feature),
            ..source!($dir, $module)
        }
    };
}

/// Where a runtime source's unit tests start: they are its last item.
const UNIT_TESTS: &str = "\n#[cfg(test)]\nmod tests {";

impl Source {
    /// The text a crate gets: the source without its unit tests, which test the runtime
    /// itself (`errcat-runtime-check` runs them once). A crate's own tests (`tests/`) check
    /// its catalog's codes; copied unit tests would only compile the whole crate once more
    /// in test mode, for each crate and each feature set.
    fn shipped(&self) -> String {
        match self.text.find(UNIT_TESTS) {
            Some(at) => format!("{}\n", self.text[..at].trim_end()),
            None => self.text.to_owned(),
        }
    }
}

const WIRE: Source = source!("", "wire");
/// What every `args` module has (only a crate whose codes have `args`).
const ARGS_BASE: Source = Source {
    path: "src/args/base.rs",
    module: "base",
    ..source!("", "args_base")
};
/// How `locale` chooses a language (only a crate whose catalog has translations).
const NEGOTIATE: Source = Source {
    path: "src/locale/negotiate.rs",
    module: "negotiate",
    ..source!("", "negotiate")
};
const FEATURES: Source = source!("", "features");
const RETRY: Source = source!("", "retry");
const ACCESSORS: Source = source!("json/", "accessors");
const BODY: Source = source!("json/", "body");
const BY_CODE: Source = source!("json/", "by_code");
const BY_STATUS: Source = source!("json/", "by_status");
const ERROR: Source = source!("json/", "error");
const ERROR_WITH_RATE_LIMIT: Source = source!("json/", "error_with_rate_limit");
const FIELD_ERRORS: Source = source!("json/", "field_errors");
const FORMAT_JSON: Source = Source {
    path: "src/json/format.rs",
    module: "format",
    ..source!("json/", "format_json")
};
const FORMAT_XML: Source = Source {
    path: "src/json/format.rs",
    module: "format",
    ..source!("json/", "format_xml")
};
const FORMAT_GOOGLE_RPC: Source = Source {
    path: "src/json/format.rs",
    module: "format",
    ..source!("json/", "format_google_rpc")
};
const XML_READ: Source = source!("json/", "xml_read", "xml");
const XML_WRITE: Source = source!("json/", "xml_write");
const LIST: Source = source!("json/", "list");
const PARSE_ERROR: Source = source!("json/", "parse_error");
const POINTER: Source = source!("json/", "pointer");
const PROBLEM: Source = source!("json/", "problem");
const DIAGNOSTIC: Source = source!("json/", "diagnostic", "miette");
const FROM_REQWEST: Source = source!("json/", "from_reqwest", "reqwest");
const INTO_RESPONSE: Source = source!("json/", "into_response", "axum");
const JSON_SCHEMA: Source = source!("json/", "json_schema", "schemars");

/// The runtime files `model`'s crate gets, as (path in the crate, text without the header line),
/// in a fixed order: `src/wire.rs`, `src/features.rs`, `src/json.rs` and the modules of `json`,
/// then `src/retry.rs` for an HTTP API.
pub(super) fn files(model: &Model) -> Vec<(&'static str, String)> {
    let json = json_modules(model);
    let mut out = vec![
        (WIRE.path, WIRE.shipped()),
        (FEATURES.path, FEATURES.shipped()),
        ("src/json.rs", json_rs(model, &json)),
    ];
    out.extend(json.iter().map(|s| (s.path, s.shipped())));
    if model.is_http_api() {
        out.push((RETRY.path, RETRY.shipped()));
    }
    if super::args::has_args(model) {
        out.push((ARGS_BASE.path, ARGS_BASE.shipped()));
    }
    if model.source_locale().is_some() {
        out.push((NEGOTIATE.path, NEGOTIATE.shipped()));
    }
    out
}

/// The modules of `json` for `model`, in name order. Reading and writing bodies exist only
/// where the catalog documents the body's layout (which makes it an HTTP API), a list body's
/// functions only where it lists errors; the rate-limit headers only for an HTTP API; the by-status
/// API where errors are told apart by status. Then the integrations: `miette` for every crate,
/// `axum`, `reqwest` and `schemars` where the body's layout is documented (they write, read and
/// describe that body). A body's format (`format`: JSON, or XML read with the `xml` feature)
/// is one module, `format`, from one of two sources.
fn json_modules(model: &Model) -> Vec<&'static Source> {
    let layout = model.layout();
    let mut out = vec![&ACCESSORS];
    if layout.is_some() {
        assert!(
            model.is_http_api(),
            "a catalog with an error body layout is an HTTP API; this is a bug in errcat"
        );
        out.push(&BODY);
        if model.body_is_xml() {
            out.extend([&FORMAT_XML, &XML_READ, &XML_WRITE]);
        } else if model.google_rpc() {
            out.push(&FORMAT_GOOGLE_RPC);
        } else {
            out.push(&FORMAT_JSON);
        }
    }
    out.push(if model.by_status() {
        &BY_STATUS
    } else {
        &BY_CODE
    });
    out.push(if model.is_http_api() {
        &ERROR_WITH_RATE_LIMIT
    } else {
        &ERROR
    });
    out.push(&FIELD_ERRORS);
    if layout.as_ref().is_some_and(|l| l.errors.is_some()) {
        out.push(&LIST);
    }
    out.extend([&PARSE_ERROR, &POINTER, &PROBLEM]);
    out.push(&DIAGNOSTIC);
    if layout.is_some() {
        out.extend([&FROM_REQWEST, &INTO_RESPONSE, &JSON_SCHEMA]);
    }
    out.sort_by_key(|s| s.module);
    out
}

/// Whether `model`'s crate implements the `axum`, `reqwest` and body `schemars` integrations:
/// only a documented body layout says what to write, read and describe.
pub fn has_body_integrations(model: &Model) -> bool {
    model.layout().is_some()
}

/// `src/json.rs`: the module's docs, its modules and what it exports.
fn json_rs(model: &Model, modules: &[&Source]) -> String {
    let source = &model.source_path;
    let about = match model.layout() {
        Some(_) if model.body_is_xml() => format!(
            "The API's error body is XML. [`ApiError::from_response`] (and, with the `xml` feature,\n\
             //! `ApiError::from_xml`) reads the error body that `{source}` documents (its\n\
             //! `envelope.layout`), and [`ApiError::to_xml`] writes the same body, so a client and a server\n\
             //! built on this crate agree by construction. `from_json` and `to_json` read and write the\n\
             //! same facts as JSON, one member per element."
        ),
        Some(_) => format!(
            "[`ApiError::from_json`] reads the error body that `{source}` documents (its\n\
             //! `envelope.layout`), and [`ApiError::to_json`] writes the same body, so a client and a server\n\
             //! built on this crate agree by construction."
        ),
        None => format!(
            "`{source}` does not document the layout of the API's error body, so [`ApiError`] is not\n\
             //! read from or written to it; it converts to and from RFC 9457 problem documents."
        ),
    };
    let mut out = format!("//! Typed error responses (the `json` feature).\n//!\n//! {about}\n\n");
    for module in modules {
        if let Some(feature) = module.feature {
            out.push_str(&format!("#[cfg(feature = \"{feature}\")]\n"));
        }
        out.push_str(&format!("mod {};\n", module.module));
    }
    let error = if model.is_http_api() {
        "error_with_rate_limit"
    } else {
        "error"
    };
    // In rustfmt's order: `format` sorts between `field_errors` and `parse_error`.
    let metadata = if model.google_rpc() {
        "pub(crate) use format::{MetadataArgs, MetadataKind};\n"
    } else {
        ""
    };
    out.push_str(&format!(
        "\npub use {error}::ApiError;\n\
         pub use field_errors::FieldError;\n\
         pub(crate) use field_errors::FieldErrorsAt;\n\
         {metadata}\
         pub use parse_error::{{ParseError, ParseErrorKind}};\n\
         pub use problem::Problem;\n"
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_runtime_source_ships_without_its_unit_tests_and_nothing_else_is_cut() {
        for source in [WIRE, RETRY, ARGS_BASE, FEATURES, NEGOTIATE, BODY, ERROR] {
            let shipped = source.shipped();
            assert!(!shipped.contains("#[cfg(test)]"), "{}", source.path);
            let cut = &source.text[shipped.len()..];
            // What was cut is the tests module alone: its attribute, its opening line and its
            // closing brace are its only lines at the left margin.
            let top: Vec<&str> = cut
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with(char::is_whitespace))
                .collect();
            assert!(
                top.is_empty() || top == ["#[cfg(test)]", "mod tests {", "}"],
                "{}: {top:?}",
                source.path
            );
        }
        assert!(WIRE.text.contains(UNIT_TESTS) && RETRY.text.contains(UNIT_TESTS));
    }
}
