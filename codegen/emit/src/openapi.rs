//! `openapi.json`: an OpenAPI 3.1 components document per catalog, for a server team to merge
//! into its own API description. It holds the codes (`ErrorCode`, each with its description),
//! the error body the catalog documents (`ErrorBody`, from its `envelope.layout`) and an
//! `Error` response with the documented example bodies. The same body schema is what a
//! generated crate's `ApiError` gives as its `schemars::JsonSchema`.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::{Map, Value, json};

use crate::Context;
use errcat_catalog::format::{BodyFormat, CodeType, Layout, LayoutPreset};
use errcat_catalog::model::Model;
use errcat_catalog::text;

/// Where `openapi.json` keeps the codes' schema.
const CODE_REF: &str = "#/components/schemas/ErrorCode";

/// The JSON Schema of the codes: `oneOf` a `const` per code, in catalog order (a number where
/// the catalog's codes are integers), each with the code's description. Serialised as it is
/// read, one code at a time: a large catalog is never held as a `serde_json::Value`.
struct CodeSchema<'a>(&'a Model);

impl Serialize for CodeSchema<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// One code's `const` and description.
        #[derive(Serialize)]
        struct One {
            #[serde(rename = "const")]
            value: Value,
            #[serde(skip_serializing_if = "String::is_empty")]
            description: String,
        }
        /// The codes, one at a time.
        struct OneOf<'a>(&'a Model);
        impl Serialize for OneOf<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let model = self.0;
                let integer = model.catalog.code_type == CodeType::Integer;
                serializer.collect_seq(model.codes.iter().map(|c| {
                    let e = &c.entry();
                    let value = match c.wire.parse::<i64>() {
                        Ok(n) if integer && n.to_string() == c.wire => Value::from(n),
                        _ => Value::from(c.wire.as_str()),
                    };
                    let description = text::normalize(
                        e.description
                            .as_deref()
                            .or(e.when.as_deref())
                            .unwrap_or(&e.message),
                    );
                    One { value, description }
                }))
            }
        }
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("oneOf", &OneOf(self.0))?;
        map.end()
    }
}

/// The JSON Schema of the error body `layout` documents, the code as a `$ref` to
/// `#/components/schemas/ErrorCode`; and where in it that `$ref` sits (a JSON pointer), when the body carries the
/// code.
pub fn body_schema(model: &Model, layout: &Layout) -> (Value, Option<String>) {
    if model.google_rpc() {
        return google_rpc_schema(model, layout);
    }
    let mut item = object();
    let mut code_at = None;
    if let Some(code) = &layout.code {
        // One place, and no header that may carry the code instead: the body always has it.
        let required = code.all().len() == 1 && layout.code_header.is_none();
        for (i, p) in code.all().iter().enumerate() {
            if model.by_status() {
                place(
                    &mut item,
                    p,
                    json!({ "type": ["integer", "string"] }),
                    required,
                );
            } else if layout.code_clean.is_some() {
                // The API may send the code qualified (`namespace#Code`): not an `ErrorCode`.
                let schema = json!({
                    "type": ["string", "number"],
                    "description": "The code, possibly qualified; `code_clean` of the catalog's layout says how it is cut out."
                });
                place(&mut item, p, schema, required);
            } else if i == 0 {
                code_at = Some(place(&mut item, p, json!({ "$ref": CODE_REF }), required));
            } else {
                // Read, possibly qualified: a string cleaned into a code.
                place(&mut item, p, json!({ "type": ["string", "number"] }), false);
            }
        }
    }
    if let Some(p) = layout.status.as_deref() {
        place(
            &mut item,
            p,
            json!({ "type": ["integer", "string"] }),
            false,
        );
    }
    let texts = [
        &layout.message,
        &layout.title,
        &layout.doc_url,
        &layout.category,
        &layout.param,
        &layout.id,
    ];
    for p in texts.into_iter().flatten() {
        place(&mut item, p, json!({ "type": ["string", "number"] }), false);
    }
    if let Some(p) = layout.details.as_deref() {
        place(&mut item, p, json!({}), false);
    }
    for (p, v) in &layout.constants {
        place(&mut item, p, json!({ "const": v }), false);
    }
    let (mut body, item_at) = match layout.errors.as_deref() {
        Some(p) => {
            let mut body = object();
            let list = json!({ "type": "array", "items": item, "minItems": 1 });
            let at = place(&mut body, p, list, true);
            (body, format!("{at}/items"))
        }
        None => (item, String::new()),
    };
    if let Some(p) = layout.request_id.as_deref() {
        place(&mut body, p, json!({ "type": ["string", "number"] }), false);
    }
    (body, code_at.map(|at| format!("{item_at}{at}")))
}

/// The schema of a `google.rpc.Status` body (the `google-rpc` preset): the code is the
/// `reason` of the `ErrorInfo` that `details` contains, its metadata string values.
fn google_rpc_schema(model: &Model, layout: &Layout) -> (Value, Option<String>) {
    use errcat_catalog::format::google_rpc::TYPE;
    let mut statuses: Vec<&str> = model.codes.iter().map(|c| model.grpc_status(c)).collect();
    statuses.sort_unstable();
    statuses.dedup();
    let info = json!({
        "type": "object",
        "required": ["@type", "reason", "domain"],
        "properties": {
            "@type": { "const": format!("{TYPE}ErrorInfo") },
            "reason": { "$ref": CODE_REF },
            "domain": { "const": layout.domain.as_deref().unwrap_or_default() },
            "metadata": { "type": "object", "additionalProperties": { "type": "string" } }
        }
    });
    let detail = json!({
        "type": "object",
        "required": ["@type"],
        "properties": { "@type": { "type": "string" } }
    });
    let body = json!({
        "type": "object",
        "required": ["error"],
        "properties": { "error": {
            "type": "object",
            "required": ["code", "message", "status", "details"],
            "properties": {
                "code": { "type": "integer" },
                "message": { "type": "string" },
                "status": { "enum": statuses },
                "details": { "type": "array", "items": detail, "contains": info }
            }
        }}
    });
    let at = "/properties/error/properties/details/contains/properties/reason";
    (body, Some(at.to_owned()))
}

/// The media type of the error body.
pub fn content_type(layout: &Layout) -> &'static str {
    if layout.format == BodyFormat::Xml {
        "application/xml"
    } else if layout.preset == Some(LayoutPreset::ProblemJson) {
        "application/problem+json"
    } else {
        "application/json"
    }
}

/// `openapi.json` for `model`, `marker` the `@generated` line.
pub fn openapi_json(model: &Model, cx: &Context) -> String {
    let marker = &cx.generated_line(&model.source_path);
    /// The document, members in the order they are written.
    #[derive(Serialize)]
    struct Document<'a> {
        openapi: &'static str,
        #[serde(rename = "x-generated")]
        generated: &'a str,
        info: Value,
        components: Components<'a>,
    }
    #[derive(Serialize)]
    struct Components<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        responses: Option<Value>,
        schemas: Schemas<'a>,
    }
    #[derive(Serialize)]
    struct Schemas<'a> {
        #[serde(rename = "ErrorCode")]
        error_code: CodeSchema<'a>,
        #[serde(rename = "ErrorBody", skip_serializing_if = "Option::is_none")]
        error_body: Option<Value>,
    }
    let mut schemas = Schemas {
        error_code: CodeSchema(model),
        error_body: None,
    };
    let mut responses = None;
    if let Some(layout) = model.layout() {
        schemas.error_body = Some(body_schema(model, &layout).0);
        let mut all = Map::new();
        all.insert(
            "Error".to_owned(),
            response(
                model,
                &layout,
                true,
                &|_| true,
                &format!(
                    "An error of the {}, in its documented body.",
                    model.catalog.title
                ),
            ),
        );
        // Each operation: the same body, with the examples of the codes it can return.
        let internal = model.catalog.internal_error.as_ref().map(|c| c.wire());
        for op in &model.catalog.operations {
            let codes: Vec<String> = op
                .codes
                .iter()
                .map(|c| c.wire())
                .chain(internal.clone())
                .collect();
            let listed: Vec<String> = codes.iter().map(|c| format!("`{c}`")).collect();
            all.insert(
                errcat_catalog::ident::operation_type(&op.name),
                response(
                    model,
                    &layout,
                    false,
                    &|c| codes.contains(&c.wire),
                    &format!(
                        "The errors of operation `{}`: {}.",
                        op.name,
                        listed.join(", ")
                    ),
                ),
            );
        }
        responses = Some(Value::Object(all));
    }
    let doc = Document {
        openapi: "3.1.0",
        generated: marker,
        info: json!({
            "title": format!("{} errors", model.catalog.title),
            "version": model.version,
        }),
        components: Components { responses, schemas },
    };
    let mut out = serde_json::to_string_pretty(&doc).expect(errcat_catalog::diag::OWN_JSON);
    out.push('\n');
    out
}

/// A response in the documented body: its description, the request id header, and the
/// examples of the codes `codes` keeps (with the envelope's own, where `envelope`).
fn response(
    model: &Model,
    layout: &Layout,
    envelope_examples: bool,
    codes: &dyn Fn(&errcat_catalog::model::CodeModel) -> bool,
    description: &str,
) -> Value {
    let mut examples = Map::new();
    let envelope = model
        .catalog
        .envelope
        .as_ref()
        .filter(|_| envelope_examples);
    let documented = envelope.into_iter().flat_map(|e| &e.examples);
    for (i, example) in documented.enumerate() {
        examples.insert(format!("envelope-{}", i + 1), example_object(example));
    }
    for c in model.codes.iter().filter(|c| codes(c)) {
        let many = c.entry().examples.len() > 1;
        for (i, example) in c.entry().examples.iter().enumerate() {
            let key = if many {
                format!("{}-{}", c.wire, i + 1)
            } else {
                c.wire.clone()
            };
            examples.insert(key, example_object(example));
        }
    }
    let mut media = Map::new();
    media.insert(
        "schema".to_owned(),
        json!({ "$ref": "#/components/schemas/ErrorBody" }),
    );
    if !examples.is_empty() {
        media.insert("examples".to_owned(), Value::Object(examples));
    }
    let mut response = Map::new();
    response.insert("description".to_owned(), description.into());
    if let Some(name) = &layout.request_id_header {
        let header = json!({
            "description": "The id of the request.",
            "schema": { "type": "string" }
        });
        response.insert("headers".to_owned(), json!({ name.as_str(): header }));
    }
    let mut content = Map::new();
    content.insert(content_type(layout).to_owned(), Value::Object(media));
    response.insert("content".to_owned(), Value::Object(content));
    Value::Object(response)
}

fn example_object(example: &errcat_catalog::format::Example) -> Value {
    let mut out = Map::new();
    if let Some(title) = &example.title {
        out.insert("summary".to_owned(), title.as_str().into());
    }
    out.insert("value".to_owned(), example.body.clone());
    Value::Object(out)
}

fn object() -> Value {
    json!({ "type": "object" })
}

/// Puts `schema` at the member `pointer` names (objects on the way), required on the way when
/// `required`; gives where it sits in `root` as a JSON pointer.
fn place(root: &mut Value, pointer: &str, schema: Value, required: bool) -> String {
    let tokens: Vec<String> = errcat_catalog::json_pointer::segments(pointer).collect();
    let mut at = root;
    let mut path = String::new();
    for (i, token) in tokens.iter().enumerate() {
        if at.get("type").is_none() {
            at["type"] = "object".into();
        }
        if required {
            let list = at
                .as_object_mut()
                .map(|o| o.entry("required").or_insert_with(|| json!([])));
            if let Some(Value::Array(list)) = list
                && !list.iter().any(|t| t == token.as_str())
            {
                list.push(token.as_str().into());
            }
        }
        let escaped = errcat_catalog::json_pointer::escape(token);
        path.push_str(&format!("/properties/{escaped}"));
        let properties = at
            .as_object_mut()
            .map(|o| o.entry("properties").or_insert_with(|| json!({})));
        let Some(Value::Object(properties)) = properties else {
            return path;
        };
        let last = i + 1 == tokens.len();
        let slot = properties.entry(token.clone()).or_insert_with(object);
        if last {
            *slot = schema.clone();
        }
        at = slot;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_members_are_placed_and_required() {
        let mut item = object();
        let at = place(&mut item, "/error/code", json!({ "$ref": CODE_REF }), true);
        place(
            &mut item,
            "/error/message",
            json!({ "type": "string" }),
            false,
        );
        assert_eq!(at, "/properties/error/properties/code");
        assert_eq!(
            item,
            json!({
                "type": "object",
                "required": ["error"],
                "properties": { "error": {
                    "type": "object",
                    "required": ["code"],
                    "properties": {
                        "code": { "$ref": CODE_REF },
                        "message": { "type": "string" }
                    }
                }}
            })
        );
        assert_eq!(item.pointer(&at), Some(&json!({ "$ref": CODE_REF })));
    }
}
