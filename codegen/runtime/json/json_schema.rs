//! [`schemars::JsonSchema`] for [`ApiError`] (the `schemars` feature): the error body the
//! catalog documents, with the code as [`crate::ErrorCode`]'s schema.

use super::ApiError;
use crate::facts::layout::{BODY_SCHEMA, CODE_SCHEMA_AT};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

impl JsonSchema for ApiError {
    fn schema_name() -> Cow<'static, str> {
        "ApiError".into()
    }

    fn schema_id() -> Cow<'static, str> {
        concat!(module_path!(), "::ApiError").into()
    }

    /// The body as the catalog's `envelope.layout` places each part (the same schema as the
    /// crate's `openapi.json`).
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut body: serde_json::Value =
            serde_json::from_str(BODY_SCHEMA).expect("errcat writes the body schema as JSON");
        if let Some(at) = CODE_SCHEMA_AT.and_then(|p| body.pointer_mut(p)) {
            *at = generator.subschema_for::<crate::ErrorCode>().to_value();
        }
        match body {
            serde_json::Value::Object(map) => Schema::from(map),
            _ => Schema::default(),
        }
    }
}
