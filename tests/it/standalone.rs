//! Generated crates outside this workspace: `gen --catalog FILE --out DIR` builds, tests,
//! documents and lints on its own with warnings denied, and another crate can depend on a
//! generated crate by path (or `include!` its module).

use std::fs;

use errcat_tests::{fixture, linting, nested_cargo, root, run_ok, xtask};

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
    // `gen --check` below sees that the lockfile is not one of its files.
    errcat_tests::copy_lockfile(&dir);
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
    assert!("zz_future_code".parse::<ErrorCode>().is_err());
    let unknown = dataxid_errors::Code::parse("zz_future_code");
    println!("unknown: {{}}", unknown.as_str());
    let classes = dreamfactory_errors::ErrorCode::from_status(400);
    println!("400 may mean {{}} codes", classes.len());
    println!("included: {{}}", included::ErrorCode::ALL.len());
}}
"#,
        generated.join("dataxid/src/codes.rs")
    );
    fs::write(dir.path().join("src/main.rs"), main).unwrap();
    let manifest = dir.path().join("Cargo.toml");
    errcat_tests::copy_lockfile(dir.path());
    errcat_tests::settle_lockfile(&manifest);
    let stdout = run_ok(nested_cargo(&[
        "run",
        "--quiet",
        "--locked",
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

/// A generated crate's tests are one binary (`autotests = false`): each file of its `tests/`
/// must then be that binary's root or one of its modules, or it would silently never run.
#[test]
fn every_test_file_of_a_generated_crate_is_in_its_test_binary() {
    for entry in fs::read_dir(root().join("generated")).expect("generated/") {
        let dir = entry.expect("entry").path();
        let Ok(manifest) = fs::read_to_string(dir.join("Cargo.toml")) else {
            continue;
        };
        assert!(
            manifest.contains("\nautotests = false\n"),
            "{}",
            dir.display()
        );
        assert!(
            manifest.contains("[[test]]\nname = \"codes\"\npath = \"tests/codes.rs\"\n"),
            "{}",
            dir.display()
        );
        let root_test = fs::read_to_string(dir.join("tests/codes.rs")).expect("tests/codes.rs");
        let mut files = 0;
        for file in fs::read_dir(dir.join("tests")).expect("tests/") {
            let path = file.expect("entry").path();
            let stem = path.file_stem().unwrap_or_default().to_string_lossy();
            if path.extension().is_none_or(|e| e != "rs") || stem == "codes" {
                continue;
            }
            files += 1;
            assert!(
                root_test.contains(&format!("\nmod {stem};\n")),
                "{} is not a module of tests/codes.rs",
                path.display()
            );
        }
        assert_eq!(files, 1, "{}: tests/examples.rs", dir.display());
    }
}

/// The seed crates, on the workspace's committed lockfile: their tests run (not only
/// compile) and their docs build, with warnings denied. The two test builds are compiled by
/// clippy's driver, so they are also the crates' lints without features and with every
/// feature: `.ci/features` builds only the sets between.
#[test]
fn seed_crates_build_test_and_document_with_warnings_denied() {
    let manifest = root().join("Cargo.toml");
    let mut args = vec![
        "test",
        "--quiet",
        "--locked",
        "--manifest-path",
        manifest.to_str().unwrap(),
    ];
    let catalogs = errcat_codegen::testing::catalog_files(&root()).expect("catalogs");
    let packages: Vec<String> = catalogs
        .iter()
        .map(|c| {
            // The package name, as the generated manifest gives it.
            let stem = c.file_stem().unwrap_or_default().to_string_lossy();
            let manifest = root().join("generated").join(&*stem).join("Cargo.toml");
            let text = std::fs::read_to_string(manifest).expect("generated manifest");
            let line = text
                .lines()
                .find(|l| l.starts_with("name = "))
                .expect("name");
            line.trim_start_matches("name = ")
                .trim_matches('"')
                .to_owned()
        })
        .collect();
    for p in &packages {
        args.extend(["-p", p.as_str()]);
    }
    // Without features, then with all (the examples tests read bodies with `json`). Each
    // run prints a `test result` line per test target: `tests/codes.rs` (with
    // `tests/examples.rs` as a module) and the doctests (the library has no unit tests:
    // `test = false`), so every crate's tests ran.
    for features in [None, Some("--all-features")] {
        let mut run = args.clone();
        run.extend(features);
        let output = run_ok(linting(nested_cargo(&run)));
        let results = output
            .lines()
            .filter(|l| l.starts_with("test result: ok."))
            .count();
        assert!(
            results >= packages.len() * 2,
            "expected the tests of {} crates to run ({features:?}):\n{output}",
            packages.len()
        );
    }
    let mut doc = args.clone();
    doc[0] = "doc";
    doc.insert(2, "--no-deps");
    run_ok(nested_cargo(&doc));
}
