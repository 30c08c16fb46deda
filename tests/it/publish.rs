//! A catalog that allows publishing gives a crate `cargo package` accepts, and whose packaged
//! form builds on its own (cargo unpacks the `.crate` and builds it, as crates.io users will).

use std::fs;
use std::path::Path;

use errcat_codegen::Generator;
use errcat_tests::{copy_lockfile, nested_cargo, root, run_ok};

#[test]
fn a_crate_to_publish_packages_and_its_packaged_form_builds() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut catalog: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root().join("catalog/dataxid.json")).expect("catalog"),
    )
    .expect("JSON");
    catalog["package"] = serde_json::json!({
        "publish": true,
        "license": "MIT OR Apache-2.0",
        "repository": "https://github.com/example/dataxid-errors",
        "keywords": ["dataxid", "errors", "api"],
        "categories": ["api-bindings"]
    });
    let catalog_path = dir.path().join("dataxid.json");
    fs::write(&catalog_path, catalog.to_string()).expect("catalog written");
    let out = dir.path().join("crate");
    let plan = Generator::new()
        .standalone(&catalog_path, Path::new("crate"))
        .unwrap_or_else(|report| panic!("{report}"));
    plan.apply(&out).unwrap_or_else(|report| panic!("{report}"));

    let manifest = fs::read_to_string(out.join("Cargo.toml")).expect("Cargo.toml");
    for line in [
        "license = \"MIT OR Apache-2.0\"",
        "readme = \"README.md\"",
        "repository = \"https://github.com/example/dataxid-errors\"",
        "keywords = [\"dataxid\", \"errors\", \"api\"]",
        "categories = [\"api-bindings\"]",
        "[package.metadata.docs.rs]",
        "all-features = true",
    ] {
        assert!(manifest.contains(line), "no `{line}` in:\n{manifest}");
    }
    assert!(!manifest.contains("publish = false"), "{manifest}");
    let readme = fs::read_to_string(out.join("README.md")).expect("README.md");
    assert!(readme.contains("# dataxid-errors"), "{readme}");
    assert!(readme.contains("dataxid-errors = \"0.1.0\""), "{readme}");

    copy_lockfile(&out);
    let manifest_path = out.join("Cargo.toml");
    let listed = run_ok(nested_cargo(&[
        "package",
        "--list",
        "--offline",
        "--allow-dirty",
        "--manifest-path",
        manifest_path.to_str().expect("UTF-8 path"),
    ]));
    for file in ["Cargo.toml", "README.md", "src/lib.rs", "src/codes.rs"] {
        assert!(
            listed.lines().any(|l| l == file),
            "{file} is not packaged:\n{listed}"
        );
    }
    // Packages, then builds the unpacked package on its own (cargo's verification step).
    run_ok(nested_cargo(&[
        "package",
        "--offline",
        "--allow-dirty",
        "--manifest-path",
        manifest_path.to_str().expect("UTF-8 path"),
    ]));
    let packaged = root().join("target/errcat-nested/package/dataxid-errors-0.1.0.crate");
    assert!(packaged.is_file(), "{} is missing", packaged.display());
}
