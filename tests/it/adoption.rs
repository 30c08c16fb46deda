//! errcat in another project, as README's "Using errcat in your project" tells it: a fresh
//! cargo workspace in a temporary folder that depends on this repository by path, with
//!
//! - an xtask that calls `errcat_codegen::Generator` to write `generated/`, and
//! - a crate whose build script writes a native catalog's module into `OUT_DIR`, with
//!   `errcat-codegen` and no feature as its build-dependency, and
//! - the same build script on a mapping, with the `mapping` feature, which tells cargo to rerun
//!   when the mapping or its vendor file changes.
//!
//! (The installed command, `errcat`, is tested in `cli/tests/errcat.rs`, where cargo gives
//! the path of the built binary.)

use std::fs;
use std::path::Path;

use errcat_tests::{copy_lockfile, nested_cargo, root, run_ok, settle_lockfile};

/// A code block of README's, word for word (between the markers of its code block).
fn readme_block(marker: &str) -> String {
    let readme = fs::read_to_string(root().join("README.md")).expect("README.md");
    let start = ["rust", "toml"]
        .iter()
        .map(|lang| format!("<!-- {marker} -->\n```{lang}\n"))
        .find(|start| readme.contains(start.as_str()))
        .unwrap_or_else(|| panic!("README.md has no `{marker}` code block"));
    let at = readme
        .find(&start)
        .unwrap_or_else(|| panic!("README.md has no `{marker}` code block"));
    let rest = &readme[at + start.len()..];
    rest[..rest.find("```").expect("the block ends")].to_owned()
}

/// README's dependency lines (`marker`), with the path of this checkout's `codegen/` and, where
/// given, `features` added.
fn readme_dependency(marker: &str, codegen: &str, features: &str) -> String {
    let block = readme_block(marker).replace("…/errcat/codegen", codegen);
    if features.is_empty() {
        return block;
    }
    assert!(block.contains(" }\n"), "{block}");
    block.replace(" }\n", &format!(", features = [{features}] }}\n"))
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

#[test]
fn a_project_uses_the_library_from_its_xtask_and_its_build_script() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let project = dir.path();
    let codegen = root().join("codegen");
    let codegen = codegen.to_str().expect("UTF-8 path");
    write(
        &project.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"xtask\", \"acme-errors\", \"vendor-errors\"]\n",
    );
    copy_lockfile(project);

    // The xtask: a catalog in catalog/, generated/ written by Generator.
    fs::create_dir_all(project.join("catalog")).expect("catalog/");
    fs::copy(
        root().join("catalog/dataxid.json"),
        project.join("catalog/dataxid.json"),
    )
    .expect("catalog copied");
    write(
        &project.join("xtask/Cargo.toml"),
        &format!(
            "[package]\nname = \"xtask\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
             {}",
            readme_dependency("xtask Cargo.toml", codegen, "")
        ),
    );
    write(
        &project.join("xtask/src/main.rs"),
        &readme_block("xtask main.rs"),
    );

    // The build script on a native catalog, with no feature.
    write(
        &project.join("acme-errors/Cargo.toml"),
        &format!(
            "[package]\nname = \"acme-errors\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n{}",
            readme_dependency("build-dependencies", codegen, "")
        ),
    );
    fs::create_dir_all(project.join("acme-errors/errors")).expect("errors/");
    fs::copy(
        root().join("catalog/dataxid.json"),
        project.join("acme-errors/errors/payments.json"),
    )
    .expect("catalog copied");
    write(
        &project.join("acme-errors/build.rs"),
        &readme_block("build.rs"),
    );
    write(
        &project.join("acme-errors/src/lib.rs"),
        &readme_block("lib.rs"),
    );
    write(
        &project.join("acme-errors/tests/codes.rs"),
        "use acme_errors::ErrorCode;\n\n\
         #[test]\nfn codes_from_the_catalog() {\n    \
         let code: ErrorCode = \"api_key_missing\".parse().unwrap();\n    \
         assert_eq!(code, ErrorCode::ApiKeyMissing);\n    \
         assert!(ErrorCode::from_code(\"zzzzz\").is_none());\n}\n",
    );

    // The same build script on a mapping and its vendor file, with the `mapping` feature.
    let errors = project.join("vendor-errors/errors");
    fs::create_dir_all(errors.join("vendor")).expect("errors/vendor/");
    fs::copy(
        root().join("catalog/pg-error-codes.json"),
        errors.join("pg-error-codes.json"),
    )
    .expect("mapping copied");
    fs::copy(
        root().join("catalog/vendor/pg-error-codes.json"),
        errors.join("vendor/pg-error-codes.json"),
    )
    .expect("vendor file copied");
    write(
        &project.join("vendor-errors/Cargo.toml"),
        &format!(
            "[package]\nname = \"vendor-errors\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n{}",
            readme_dependency("build-dependencies", codegen, "\"mapping\"")
        ),
    );
    write(
        &project.join("vendor-errors/build.rs"),
        &readme_block("build.rs").replace("payments", "pg-error-codes"),
    );
    write(
        &project.join("vendor-errors/src/lib.rs"),
        &readme_block("lib.rs").replace("payments", "pg-error-codes"),
    );
    write(
        &project.join("vendor-errors/tests/codes.rs"),
        "use vendor_errors::ErrorCode;\n\n\
         #[test]\nfn codes_from_the_vendor_file() {\n    \
         let code: ErrorCode = \"23505\".parse().unwrap();\n    \
         assert_eq!(code, ErrorCode::UniqueViolation);\n    \
         assert_eq!(code.as_str(), \"23505\");\n    \
         assert!(ErrorCode::from_code(\"zzzzz\").is_none());\n}\n",
    );

    let manifest = project.join("Cargo.toml");
    settle_lockfile(&manifest);
    let manifest = manifest.to_str().expect("UTF-8 path");
    run_ok(nested_cargo(&[
        "run",
        "--quiet",
        "--locked",
        "--manifest-path",
        manifest,
        "-p",
        "xtask",
    ]));
    let lib = fs::read_to_string(project.join("generated/dataxid/src/lib.rs"))
        .expect("the xtask wrote the crate");
    assert!(
        lib.starts_with("// @generated by `cargo xtask gen` from `catalog/dataxid.json`"),
        "{}",
        lib.lines().next().unwrap_or_default()
    );
    assert!(project.join("generated/docs/dataxid.md").is_file());

    run_ok(nested_cargo(&[
        "test",
        "--quiet",
        "--locked",
        "--manifest-path",
        manifest,
        "-p",
        "acme-errors",
        "-p",
        "vendor-errors",
    ]));
    // The build script asked to be rerun when the mapping or its vendor file changes.
    let vendor = errors
        .join("vendor/pg-error-codes.json")
        .canonicalize()
        .expect("vendor file");
    let vendor_line = format!("cargo::rerun-if-changed={}\n", vendor.display());
    let build = root().join("target/errcat-nested/debug/build");
    let output = fs::read_dir(&build)
        .expect("build outputs")
        .filter_map(|e| fs::read_to_string(e.ok()?.path().join("output")).ok())
        .find(|output| output.contains(&vendor_line))
        .unwrap_or_else(|| panic!("no build script output has {vendor_line:?}"));
    assert!(
        output.contains("cargo::rerun-if-changed=errors/pg-error-codes.json\n"),
        "{output}"
    );
}
