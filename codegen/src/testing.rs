//! For errcat's own tests and benchmarks, not a public API: synthetic catalogs of any size
//! (`n` codes shaped like real ones: snake_case codes, statuses, categories, a doc-URL
//! template, a description of the requested length), and the internal steps tests check one
//! by one.

use errcat_catalog::format::{Catalog, Category, Code, CodeType};

pub use crate::plan::catalog_files;
pub use errcat_catalog::format::CodeValue;
pub use errcat_catalog::ident::variant_name;
pub use errcat_catalog::load::catalog as parse_catalog;
pub use errcat_catalog::text::percent_decode;
pub use errcat_evolve::diff::{changes, highest};

/// A valid catalog named `name` with `n` codes, each with a description of about
/// `description_len` bytes.
pub fn catalog(name: &str, n: usize, description_len: usize) -> Catalog {
    const STATUSES: [u16; 8] = [400, 401, 403, 404, 409, 422, 429, 500];
    const AREAS: [&str; 6] = ["auth", "billing", "storage", "query", "network", "model"];
    let categories = AREAS
        .iter()
        .map(|a| Category {
            id: format!("{a}_error"),
            title: None,
            description: Some(format!("Errors of the {a} service.")),
            sdk_class: None,
        })
        .collect();
    let sentence = "The request could not be completed because a precondition failed. ";
    let description: String = sentence.chars().cycle().take(description_len).collect();
    let codes = (0..n)
        .map(|i| {
            let area = AREAS[i % AREAS.len()];
            Code {
                code: CodeValue::String(format!("{area}_failure_{i}")),
                name: None,
                title: None,
                status: Some(STATUSES[i % STATUSES.len()]),
                category: Some(format!("{area}_error")),
                message: format!("The {area} operation number {i} failed"),
                description: (description_len > 0).then(|| description.clone()),
                when: Some(format!("When operation {i} of the {area} service fails")),
                causes: Vec::new(),
                fixes: vec![
                    format!("Retry operation {i} later"),
                    "Contact support".to_owned(),
                ],
                action: None,
                cases: Vec::new(),
                examples: Vec::new(),
                headers: Vec::new(),
                retryable: Some(i % 3 == 0),
                sdk_class: None,
                doc_url: None,
                deprecated: None,
                retired: None,
                reused: None,
                aliases: Vec::new(),
                notes: Vec::new(),
                args: Vec::new(),
            }
        })
        .collect();
    Catalog {
        schema: Some("./schema.json".to_owned()),
        format: 1,
        name: name.to_owned(),
        version: None,
        title: format!("Synthetic API ({n} codes)"),
        description: Some("A generated catalog for measurements.".to_owned()),
        source: None,
        doc_url: Some("https://errors.example.com/reference#{code}".to_owned()),
        reference_url: None,
        code_type: CodeType::String,
        envelope: None,
        categories,
        code_sets: Vec::new(),
        operations: Vec::new(),
        internal_error: None,
        codes,
        locales: None,
        notes: Vec::new(),
        package: None,
    }
}

/// The catalog as pretty JSON, as it would sit in `catalog/`.
pub fn json(catalog: &Catalog) -> String {
    let mut text = serde_json::to_string_pretty(catalog).expect(errcat_catalog::diag::OWN_JSON);
    text.push('\n');
    text
}
