//! `src/facts.rs`: what the catalog says that the shared runtime files read. Everything in a
//! generated crate beyond `codes.rs` that varies from one catalog to the next is here, as
//! constants and a few small items; the rest is copied verbatim (see `runtime`).

use proc_macro2::Literal;

use super::fmt::array;
use super::fmt::lit;
use errcat_catalog::format::{BodyFormat, CodeType, Layout};
use errcat_catalog::model::Model;
use errcat_catalog::text;

/// The text of `src/facts.rs`, without its header line.
pub(super) fn facts_rs(model: &Model) -> String {
    let mut out = String::from(
        "//! What this crate's catalog says, read by the modules every generated crate shares: how its\n\
         //! codes are written, what they document, and where each part of an error sits in the API's\n\
         //! error body.\n",
    );
    let integer = model.catalog.code_type == CodeType::Integer;
    item(
        &mut out,
        &format!(
            "/// Whether the catalog's codes are integers, written as numbers in JSON.\n\
             #[cfg(feature = \"serde\")]\n\
             pub(crate) const INTEGER_CODES: bool = {integer};\n"
        ),
    );
    let status_api = model.has_status_api();
    let (status, status_code) = if !status_api {
        ("None", "")
    } else if model.all_have_status() {
        (
            "Some(code.http_status())",
            "    /// The documented HTTP status as an [`http::StatusCode`].\n    \
             pub fn status_code(self) -> http::StatusCode {\n        \
             http::StatusCode::from_u16(self.http_status())\n            \
             .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)\n    }\n",
        )
    } else {
        (
            "code.http_status()",
            "    /// The documented HTTP status as an [`http::StatusCode`], or `None` where the API\n    \
             /// documents none.\n    \
             pub fn status_code(self) -> Option<http::StatusCode> {\n        \
             http::StatusCode::from_u16(self.http_status()?).ok()\n    }\n",
        )
    };
    let doc_url = if model.all_have_doc_url() {
        "Some(code.doc_url())"
    } else {
        "code.doc_url()"
    };
    let (code_param, category) = if model.categories.is_empty() {
        ("_code", "None")
    } else if model.all_have_category() {
        ("code", "Some(code.category().as_str())")
    } else {
        ("code", "code.category().map(crate::Category::as_str)")
    };
    for (doc, name, param, ty, body) in [
        (
            "The documented HTTP status of `code`.",
            "status",
            if status_api { "code" } else { "_code" },
            "u16",
            status,
        ),
        (
            "The documentation URL of `code`.",
            "doc_url",
            "code",
            "&'static str",
            doc_url,
        ),
        (
            "The category id of `code`.",
            "category",
            code_param,
            "&'static str",
            category,
        ),
    ] {
        item(
            &mut out,
            &format!(
                "/// {doc}\n#[cfg(feature = \"json\")]\n\
                 pub(crate) fn {name}({param}: crate::ErrorCode) -> Option<{ty}> {{\n    {body}\n}}\n"
            ),
        );
    }
    if status_api {
        item(
            &mut out,
            &format!(
                "#[cfg(feature = \"http\")]\nimpl crate::ErrorCode {{\n{status_code}\n    \
                 /// The codes documented with this status ([`ErrorCode::from_status`]).\n    \
                 ///\n    \
                 /// [`ErrorCode::from_status`]: crate::ErrorCode::from_status\n    \
                 pub fn from_status_code(status: http::StatusCode) -> &'static [crate::ErrorCode] {{\n        \
                 crate::ErrorCode::from_status(status.as_u16())\n    }}\n}}\n"
            ),
        );
    }
    if !model.categories.is_empty() {
        item(
            &mut out,
            "#[cfg(feature = \"serde\")]\n\
             impl serde::Serialize for crate::Category {\n    \
             /// Serializes the category as its catalog `id`.\n    \
             fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {\n        \
             serializer.serialize_str(self.as_str())\n    }\n}\n",
        );
    }
    item(&mut out, &fixes_fn(model));
    let layout = model.layout();
    item(
        &mut out,
        &format!(
            "/// The rustdoc of `ApiError`.\n\
             #[cfg(feature = \"json\")]\n\
             macro_rules! api_error_doc {{\n    () => {{\n        {}\n    }};\n}}\n",
            raw_string(&text::escape_bidi(&api_error_doc(
                model,
                layout.as_ref(),
                model.by_status()
            )))
        ),
    );
    item(
        &mut out,
        "#[cfg(feature = \"json\")]\npub(crate) use api_error_doc;\n",
    );
    item(&mut out, &layout_module(model, layout.as_ref()));
    out
}

/// Appends `text` to `out` after a blank line.
fn item(out: &mut String, text: &str) {
    out.push('\n');
    out.push_str(text);
}

/// `s` as a Rust string literal: raw, with as many `#` as it needs, when it spans lines.
fn raw_string(s: &str) -> String {
    if !s.contains('\n') {
        return Literal::string(s).to_string();
    }
    let mut hashes = String::from("#");
    while s.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{s}\"{hashes}")
}

fn opt(p: Option<&str>) -> String {
    match p {
        Some(s) => format!("Some({})", Literal::string(s)),
        None => "None".to_owned(),
    }
}

/// `mod layout`: where each part of an error sits in the body. Without a documented body, only
/// where field errors sit (nowhere), which the shared `ApiError` reads.
fn layout_module(model: &Model, layout: Option<&Layout>) -> String {
    let default = Layout::default();
    let l = layout.unwrap_or(&default);
    let field_errors = match (&l.field_errors, l.details.as_deref()) {
        (Some(f), Some(d)) => format!(
            "Some(({}, {}, {}, {}, {}))",
            Literal::string(f.at.strip_prefix(d).unwrap_or_default()),
            f.single,
            Literal::string(&f.field),
            opt(f.message.as_deref()),
            opt(f.code.as_deref()),
        ),
        _ => "None".to_owned(),
    };
    let mut consts = vec![(
        "Where field errors sit in the details.",
        "FIELD_ERRORS",
        "Option<crate::json::FieldErrorsAt>",
        field_errors,
    )];
    if layout.is_some() {
        let by_status = model.by_status();
        let code = l.code_pointer();
        let code_also: Vec<String> = l
            .code
            .iter()
            .flat_map(|c| c.all().iter().skip(1))
            .map(|p| Literal::string(p).to_string())
            .collect();
        let clean = l.code_clean.clone().unwrap_or_default();
        let constants: Vec<String> = l
            .constants
            .iter()
            .map(|(k, v)| format!("({}, {})", Literal::string(k), Literal::string(v)))
            .collect();
        let content_type = super::super::openapi::content_type(l);
        let ptr = |doc, name, value: Option<&str>| (doc, name, "Option<&str>", opt(value));
        consts.splice(
            0..0,
            [
                ptr(
                    "The list of errors, in a body that lists them.",
                    "ERRORS",
                    l.errors.as_deref(),
                ),
                ptr(
                    "The code: where it is written, and the first place it is read from.",
                    "CODE",
                    code.filter(|_| !by_status),
                ),
                (
                    "Further places the code is read from, in order, where the body lacks `CODE`.",
                    "CODE_ALSO",
                    "&[&str]",
                    format!("&[{}]", code_also.join(", ")),
                ),
                ptr(
                    "The response header that carries the code, and wins over the body.",
                    "CODE_HEADER",
                    l.code_header.as_deref(),
                ),
                ptr(
                    "The code read is the text after the last of these.",
                    "CODE_AFTER_LAST",
                    clean.after_last.as_deref().filter(|s| !s.is_empty()),
                ),
                ptr(
                    "The code read is the text before the first of these.",
                    "CODE_BEFORE_FIRST",
                    clean.before_first.as_deref().filter(|s| !s.is_empty()),
                ),
                ptr(
                    "The response header that carries the message.",
                    "MESSAGE_HEADER",
                    l.message_header.as_deref(),
                ),
                (
                    "Whether the body is XML, its places paths of element names.",
                    "XML",
                    "bool",
                    (l.format == BodyFormat::Xml).to_string(),
                ),
                ptr(
                    "The HTTP status, where it is what the body carries in place of a code.",
                    "STATUS_AS_CODE",
                    code.filter(|_| by_status),
                ),
                ptr("The HTTP status.", "STATUS", l.status.as_deref()),
                ptr(
                    "The message of this occurrence.",
                    "MESSAGE",
                    l.message.as_deref(),
                ),
                ptr(
                    "The catalog message of the code.",
                    "TITLE",
                    l.title.as_deref(),
                ),
                ptr("The documentation URL.", "DOC_URL", l.doc_url.as_deref()),
                ptr("The category id.", "CATEGORY", l.category.as_deref()),
                ptr(
                    "The parameter the error is about.",
                    "PARAM",
                    l.param.as_deref(),
                ),
                ptr("The details.", "DETAILS", l.details.as_deref()),
                ptr("The identifier of the occurrence.", "ID", l.id.as_deref()),
                ptr(
                    "The request id, in the body.",
                    "REQUEST_ID",
                    l.request_id.as_deref(),
                ),
                ptr(
                    "The request id, as a response header.",
                    "REQUEST_ID_HEADER",
                    l.request_id_header.as_deref(),
                ),
                (
                    "Members every error has, with their values.",
                    "CONSTANTS",
                    "&[(&str, &str)]",
                    format!("&[{}]", constants.join(", ")),
                ),
            ],
        );
        let placed: Vec<String> = l
            .placed_members()
            .iter()
            .map(|m| Literal::string(m).to_string())
            .collect();
        consts.push((
            "With `DETAILS` `\"\"`: the error's members that other parts name; the rest are details.",
            "PLACED",
            "&[&str]",
            format!("&[{}]", placed.join(", ")),
        ));
        consts.push((
            "The media type of the error body.",
            "CONTENT_TYPE",
            "&str",
            Literal::string(content_type).to_string(),
        ));
    }
    let mut out = String::from(
        "/// Where each part of an error sits in the body, from the catalog's `envelope.layout`.\n\
         #[cfg(feature = \"json\")]\npub(crate) mod layout {\n",
    );
    if model.google_rpc() {
        out.push_str("    use crate::json::{MetadataArgs, MetadataKind};\n\n");
    }
    for (i, (doc, name, ty, value)) in consts.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = format!("    pub(crate) const {name}: {ty} = {value};");
        let line = if line.len() > 100 {
            format!("    pub(crate) const {name}: {ty} =\n        {value};")
        } else {
            line
        };
        out.push_str(&format!("    /// {doc}\n{line}\n"));
    }
    if model.google_rpc() {
        out.push_str(&google_rpc_tables(model));
    }
    if let Some(l) = layout {
        let (schema, code_at) = super::super::openapi::body_schema(model, l);
        let schema = raw_string(
            &serde_json::to_string_pretty(&schema).expect(errcat_catalog::diag::OWN_JSON),
        );
        let code_at = format!(
            "    pub(crate) const CODE_SCHEMA_AT: Option<&str> = {};",
            opt(code_at.as_deref())
        );
        let code_at = match code_at.split_once("= ") {
            Some((head, value)) if code_at.len() > 100 => format!("{head}=\n        {value}"),
            _ => code_at,
        };
        out.push_str(&format!(
            "\n    /// The JSON Schema of the error body (`openapi.json`'s `ErrorBody`).\n    \
             #[cfg(feature = \"schemars\")]\n    \
             pub(crate) const BODY_SCHEMA: &str = {schema};\n\n    \
             /// Where in [`BODY_SCHEMA`] the code's schema goes.\n    \
             #[cfg(feature = \"schemars\")]\n{code_at}\n"
        ));
    }
    out.push_str("}\n");
    out
}

/// `fixes(code)`: the fixes the catalog documents for each code, one a line (for `miette`'s
/// help); a table in catalog order, written as text in rustfmt's layout (it grows with the
/// catalog, so it is not built as a syntax tree).
fn fixes_fn(model: &Model) -> String {
    let mut out = String::from(
        "/// The fixes the catalog documents for `code`, one a line; empty where it documents none.\n\
         #[cfg(feature = \"miette\")]\n",
    );
    if model.codes.iter().all(|c| c.entry().fixes.is_empty()) {
        out.push_str(
            "pub(crate) fn fixes(_code: crate::ErrorCode) -> &'static str {\n    \"\"\n}\n",
        );
        return out;
    }
    out.push_str(
        "pub(crate) fn fixes(code: crate::ErrorCode) -> &'static str {\n    \
         FIXES[code as usize]\n}\n\
         #[cfg(feature = \"miette\")]\n",
    );
    let fixes: Vec<String> = model
        .codes
        .iter()
        .map(|c| lit(&text::normalize(&c.entry().fixes.join("\n"))))
        .collect();
    let head = format!("static FIXES: [&str; {}] = ", fixes.len());
    array(&mut out, "", &head, &fixes, ";");
    out
}

/// The rustdoc of `ApiError`, with a runnable example from the catalog's first documented
/// example body when it has one.
fn api_error_doc(model: &Model, layout: Option<&Layout>, by_status: bool) -> String {
    let mut doc = String::from("One error of the API, as its response body carries it.");
    let Some(layout) = layout else {
        return doc;
    };
    let envelope = model.catalog.envelope.iter().flat_map(|e| &e.examples);
    let first = model
        .codes
        .iter()
        .flat_map(|c| c.entry().examples.iter().map(move |e| (c, e)))
        .next();
    let (body, check) = match first {
        Some((code, example)) => {
            let check = if by_status {
                format!(
                    "assert!(error.classes().iter().any(|c| c.as_str() == {:?}));",
                    code.wire
                )
            } else {
                format!("assert_eq!(error.code().as_str(), {:?});", code.wire)
            };
            (example_text(model, &example.body), check)
        }
        None => match envelope.clone().next() {
            Some(example) => (example_text(model, &example.body), String::new()),
            None => return doc,
        },
    };
    let mut hashes = String::from("#");
    while body.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    let read = if model.body_is_xml() {
        "let error = ApiError::from_xml(body.as_bytes()).unwrap();"
    } else if layout.errors.is_some() {
        "let errors = ApiError::from_json_list(body.as_bytes()).unwrap();\nlet error = &errors[0];"
    } else {
        "let error = ApiError::from_json(body.as_bytes()).unwrap();"
    };
    // Reading XML needs the `xml` feature: the example runs with it.
    let (open, close) = if model.body_is_xml() {
        ("# #[cfg(feature = \"xml\")]\n# {\n", "\n# }")
    } else {
        ("", "")
    };
    doc.push_str(&format!(
        "\n\nA documented example body, read:\n\n```\n{open}use {}::ApiError;\n\nlet body = r{hashes}\"{body}\"{hashes};\n{read}\n{check}{close}\n```",
        model.lib_name
    ));
    doc
}

/// An example body as the API sends it: the JSON, or the XML document a string holds where the
/// body is XML.
fn example_text(model: &Model, body: &serde_json::Value) -> String {
    match body {
        serde_json::Value::String(document) if model.body_is_xml() => document.clone(),
        body => body.to_string(),
    }
}

/// For the `google-rpc` preset: each code's gRPC status name, and each code's public
/// arguments with their metadata keys and how their text reads back (one entry a line, in
/// catalog order; rustfmt would join short tables, so it leaves them as written).
fn google_rpc_tables(model: &Model) -> String {
    use errcat_catalog::format::ArgType;
    use errcat_catalog::format::google_rpc::metadata_key;
    let mut out = String::from(
        "\n    /// Each code's gRPC status name.\n    \
         #[rustfmt::skip]\n    \
         pub(crate) const GRPC_STATUS: &[(&str, &str)] = &[\n",
    );
    for code in &model.codes {
        let name = model.grpc_status(code);
        out.push_str(&format!(
            "        ({}, {}),\n",
            Literal::string(code.wire()),
            Literal::string(name)
        ));
    }
    out.push_str(
        "    ];\n\n    \
         /// Each code's public arguments: catalog name, metadata key, how the text reads back.\n    \
         #[rustfmt::skip]\n    \
         pub(crate) const METADATA: &[(&str, MetadataArgs)] = &[\n",
    );
    for code in &model.codes {
        let public: Vec<_> = code
            .entry()
            .args
            .iter()
            .filter(|a| a.visibility.is_public())
            .collect();
        if public.is_empty() {
            continue;
        }
        out.push_str(&format!("        ({}, &[\n", Literal::string(code.wire())));
        for arg in public {
            let kind = match arg.ty {
                ArgType::Integer => "Integer",
                ArgType::Number => "Number",
                ArgType::Bool => "Bool",
                ArgType::String | ArgType::Enum | ArgType::Code => "Text",
                ArgType::List | ArgType::Object => unreachable!(
                    "errcat bug: the checks refuse a public list (or object) argument with google-rpc"
                ),
            };
            out.push_str(&format!(
                "            ({}, {}, MetadataKind::{kind}),\n",
                Literal::string(&arg.name),
                Literal::string(&metadata_key(&arg.name))
            ));
        }
        out.push_str("        ]),\n");
    }
    out.push_str("    ];\n");
    out
}
