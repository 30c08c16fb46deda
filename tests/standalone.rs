//! Generated crates outside this workspace: `gen --catalog FILE --out DIR` builds, tests,
//! documents and lints on its own with warnings denied, and another crate can depend on a
//! generated crate by path (or `include!` its module).

use std::fs;

use errcat_tests::{fixture, nested_cargo, root, run_ok, xtask};

#[test]
fn standalone_crate_builds_tests_and_lints_with_warnings_denied() {
    let out = tempfile::tempdir().expect("temporary folder");
    let dir = out.path().join("edge");
    let catalog = fixture("edge.json");
    let (code, stdout, err) = xtask(
        &root(),
        &[
            "gen",
            "--catalog",
            catalog.to_str().unwrap(),
            "--out",
            dir.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("edge: 5 codes"), "{stdout}");
    for file in [
        "Cargo.toml",
        "src/lib.rs",
        "src/codes.rs",
        "tests/codes.rs",
        "tests/data/catalog.in",
        "docs/edge.md",
        "CHANGELOG.md",
    ] {
        assert!(dir.join(file).is_file(), "{file} missing");
    }
    errcat_tests::build_test_lint_document(&dir.join("Cargo.toml"));

    let (code, _, err) = xtask(
        &root(),
        &[
            "gen",
            "--check",
            "--catalog",
            catalog.to_str().unwrap(),
            "--out",
            dir.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "a fresh standalone crate is stale: {err}");
}

#[test]
fn a_crate_outside_the_workspace_uses_generated_crates() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let generated = root().join("generated");
    let manifest = format!(
        "[package]\nname = \"consumer\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[dependencies]\n\
         dataxid-errors = {{ path = {:?} }}\ndreamfactory-errors = {{ path = {:?} }}\n\n[workspace]\n",
        generated.join("dataxid"),
        generated.join("dreamfactory"),
    );
    fs::write(dir.path().join("Cargo.toml"), manifest).unwrap();
    fs::create_dir_all(dir.path().join("src")).unwrap();
    let main = format!(
        r#"
use dataxid_errors::ErrorCode;

/// The same module again, `include!`d into a module of this crate.
mod included {{
    include!({:?});
}}

fn main() {{
    for &code in ErrorCode::ALL {{
        let parsed: ErrorCode = code.as_str().parse().expect("round trip");
        assert_eq!(parsed, code);
        println!("{{}} {{}} {{}} | {{code}}", code.as_str(), code.http_status(), code.doc_url());
    }}
    let unknown = "zz_future_code".parse::<ErrorCode>().unwrap_err();
    println!("unknown: {{}}", unknown.code());
    let classes = dreamfactory_errors::ErrorCode::from_status(400);
    println!("400 may mean {{}} codes", classes.len());
    println!("included: {{}}", included::ErrorCode::ALL.len());
}}
"#,
        generated.join("dataxid/src/codes.rs")
    );
    fs::write(dir.path().join("src/main.rs"), main).unwrap();
    let manifest = dir.path().join("Cargo.toml");
    let stdout = run_ok(nested_cargo(&[
        "run",
        "--quiet",
        "--manifest-path",
        manifest.to_str().unwrap(),
    ]));
    assert!(
        stdout.contains(
            "rate_limit_exceeded 429 https://docs.dataxid.com/docs/errors#rate_limit_exceeded | rate_limit_exceeded: Too many requests"
        ),
        "{stdout}"
    );
    assert_eq!(stdout.lines().filter(|l| l.contains(" | ")).count(), 10);
    assert!(stdout.contains("unknown: zz_future_code"), "{stdout}");
    assert!(stdout.contains("400 may mean 3 codes"), "{stdout}");
    assert!(stdout.contains("included: 10"), "{stdout}");
}

#[test]
fn seed_crates_build_test_and_document_with_warnings_denied() {
    let mut args = vec!["test", "--quiet", "--no-run", "--manifest-path"];
    let manifest = root().join("Cargo.toml");
    args.push(manifest.to_str().unwrap());
    let catalogs = errcat_codegen::plan::catalog_files(&root()).expect("catalogs");
    let packages: Vec<String> = catalogs
        .iter()
        .map(|c| {
            format!(
                "{}-errors",
                c.file_stem().unwrap_or_default().to_string_lossy()
            )
        })
        .collect();
    for p in &packages {
        args.extend(["-p", p.as_str()]);
    }
    run_ok(nested_cargo(&args));
    args[0] = "doc";
    args[2] = "--no-deps";
    run_ok(nested_cargo(&args));
}
