//! Snapshots of what the emitters write for a small, awkward catalog
//! (`tests/fixtures/edge.json`); review changes with `cargo insta review`.

use errcat_codegen::emit::{docs, rust};

#[test]
fn edge_crate() {
    let model = errcat_tests::edge_model();
    let files = rust::emit(&model, "cargo xtask gen", false);
    insta::assert_snapshot!("edge_codes_rs", files.codes_rs);
    insta::assert_snapshot!("edge_lib_rs", files.lib_rs);
    insta::assert_snapshot!("edge_cargo_toml", files.cargo_toml);
}

#[test]
fn edge_page() {
    let model = errcat_tests::edge_model();
    insta::assert_snapshot!("edge_page", docs::page(&model, "cargo xtask gen"));
}

#[test]
fn emitted_code_parses_and_names_are_hygienic() {
    let model = errcat_tests::edge_model();
    let files = rust::emit(&model, "cargo xtask gen", false);
    let parsed = syn::parse_file(&files.codes_rs).expect("codes.rs parses");
    assert!(
        parsed.attrs.is_empty(),
        "codes.rs must have no inner attributes so it can be include!d"
    );
    let variants: Vec<&str> = model.codes.iter().map(|c| c.variant.as_str()).collect();
    assert_eq!(variants, ["Type", "Self_", "E404", "E0100c", "OldCode"]);
    assert!(
        files
            .codes_rs
            .contains("#[deprecated(note = \"use \\\"type\\\" instead\")]")
    );
    assert!(!files.codes_rs.contains("\0"));
}
