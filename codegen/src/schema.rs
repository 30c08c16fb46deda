//! `catalog/schema.json`, generated with schemars from the types of the two kinds of file
//! `catalog/` holds: native catalogs ([`Catalog`]) and vendor mappings ([`Mapping`]).

use schemars::JsonSchema;
use serde::Serialize;

use errcat_catalog::format::Catalog;
use errcat_emit::Context;
use errcat_mapping::format::Mapping;

/// A file in `catalog/`: a native catalog, or a mapping of a vendor's file (it has `mapping`).
#[derive(Serialize, JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // Only its schema is used.
enum CatalogFile {
    Catalog(Box<Catalog>),
    Mapping(Box<Mapping>),
}

/// The JSON Schema of catalog files, as written to `catalog/schema.json`.
pub fn catalog_schema(cx: &Context) -> String {
    let schema = schemars::schema_for!(CatalogFile);
    let mut out = serde_json::Map::new();
    // The marker goes first, where errcat looks for it before replacing a file.
    out.insert(
        "$comment".to_owned(),
        cx.generated_line("codegen/catalog/src/format/catalog.rs")
            .into(),
    );
    if let serde_json::Value::Object(fields) = schema.to_value() {
        out.extend(fields);
    }
    let mut text = serde_json::to_string_pretty(&serde_json::Value::Object(out))
        .expect(errcat_catalog::diag::OWN_JSON);
    text.push('\n');
    text
}
