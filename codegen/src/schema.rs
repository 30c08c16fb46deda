//! `catalog/schema.json`, generated from the catalog types with schemars.

use crate::catalog::Catalog;
use crate::emit::rust::generated_line;

/// The JSON Schema of the catalog format, as written to `catalog/schema.json`.
pub fn catalog_schema(command: &str) -> String {
    let mut schema = schemars::schema_for!(Catalog);
    schema.insert(
        "$comment".to_owned(),
        generated_line(command, "codegen/src/catalog.rs").into(),
    );
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}
