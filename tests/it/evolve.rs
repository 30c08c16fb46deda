//! Catalogs that evolve: the version gate, retired and reused codes, `cargo xtask release`
//! and the generated changelog, in scratch projects as a user runs them.

use std::fs;
use std::path::Path;

use errcat_tests::{root, scratch_project, snapshot_tree, xtask};
use serde_json::{Value, json};

fn read(project: &Path, path: &str) -> String {
    fs::read_to_string(project.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read_json(project: &Path, path: &str) -> Value {
    serde_json::from_str(&read(project, path)).unwrap()
}

fn write_json(project: &Path, path: &str, value: &Value) {
    let mut text = serde_json::to_string_pretty(value).unwrap();
    text.push('\n');
    fs::write(project.join(path), text).unwrap();
}

/// Runs `cargo xtask ARGS` and asserts its exit status.
fn run(project: &Path, args: &[&str], status: u8) -> (String, String) {
    let (code, out, err) = xtask(project, args);
    assert_eq!(code, status, "{args:?}\nstdout:\n{out}\nstderr:\n{err}");
    (out, err)
}

/// A scratch project with the workspace's `dataxid` catalog and its release record, generated.
fn dataxid_project() -> tempfile::TempDir {
    let project = scratch_project(&["dataxid.json"]);
    fs::create_dir_all(project.path().join("catalog/releases")).unwrap();
    fs::copy(
        root().join("catalog/releases/dataxid.json"),
        project.path().join("catalog/releases/dataxid.json"),
    )
    .unwrap();
    run(project.path(), &["gen"], 0);
    run(project.path(), &["gen", "--check"], 0);
    project
}

fn edit_code(project: &Path, wire: &str, edit: impl FnOnce(&mut serde_json::Map<String, Value>)) {
    let mut catalog = read_json(project, "catalog/dataxid.json");
    let code = catalog["codes"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["code"] == json!(wire))
        .unwrap_or_else(|| panic!("no code {wire}"));
    edit(code.as_object_mut().unwrap());
    write_json(project, "catalog/dataxid.json", &catalog);
}

fn set_version(project: &Path, file: &str, version: &str) {
    let mut catalog = read_json(project, file);
    if catalog.get("mapping").is_some() {
        catalog["catalog"]["version"] = json!(version);
    } else {
        catalog["version"] = json!(version);
    }
    write_json(project, file, &catalog);
}

#[test]
fn removing_a_code_fails_the_check_until_the_version_says_so() {
    let project = dataxid_project();
    let p = project.path();
    let mut catalog = read_json(p, "catalog/dataxid.json");
    catalog["codes"]
        .as_array_mut()
        .unwrap()
        .retain(|c| c["code"] != json!("api_key_invalid"));
    write_json(p, "catalog/dataxid.json", &catalog);

    let (out, err) = run(p, &["gen", "--check"], 1);
    assert!(
        err.contains("error: catalog `dataxid` is version 0.1.0, but its changes since release 0.1.0 need at least 0.2.0"),
        "{err}"
    );
    assert!(err.contains("┌─ catalog/dataxid.json:5:14"), "{err}");
    assert!(err.contains("at /version"), "{err}");
    assert!(
        err.contains("breaking, removed: `api_key_invalid` (`ErrorCode::ApiKeyInvalid`)"),
        "{err}"
    );
    // Deleting it moved the codes after it too; retiring it in place would move none.
    assert!(
        err.contains("breaking, changed: 8 codes moved in catalog order"),
        "{err}"
    );
    assert!(
        err.contains("retire `api_key_invalid` instead of deleting it (keep the entry and add \"retired\": {\"since\": \"0.1.1\", \"note\": \"…\"}) and set `version` to \"0.1.1\""),
        "{err}"
    );
    assert!(
        out.contains("dataxid: `api_key_invalid` gone since release 0.1.0: retire it"),
        "{out}"
    );

    // `gen` writes all the same, and says the same as a warning.
    let (_, err) = run(p, &["gen"], 0);
    assert!(
        err.contains("warning: catalog `dataxid` is version 0.1.0, but its changes"),
        "{err}"
    );
    let changelog = read(p, "generated/dataxid/CHANGELOG.md");
    assert!(
        changelog.contains("need at least 0.2.0 (raise the version before releasing)"),
        "{changelog}"
    );
    run(p, &["gen", "--check"], 1);

    set_version(p, "catalog/dataxid.json", "0.2.0");
    run(p, &["gen"], 0);
    run(p, &["gen", "--check"], 0);
    let changelog = read(p, "generated/dataxid/CHANGELOG.md");
    assert!(
        changelog.contains(
            "### Removed\n\n- *breaking*: `api_key_invalid` (`ErrorCode::ApiKeyInvalid`), which meant: HTTP 401, Invalid API key\n"
        ),
        "{changelog}"
    );
    assert!(
        read(p, "generated/dataxid/Cargo.toml").contains("\nversion = \"0.2.0\"\n"),
        "the crate does not take the catalog's version"
    );
}

#[test]
fn retiring_instead_of_removing_is_a_compatible_release() {
    let project = dataxid_project();
    let p = project.path();
    edit_code(p, "api_key_invalid", |c| {
        c.insert(
            "retired".into(),
            json!({"since": "0.1.1", "note": "The API now answers `api_key_missing`"}),
        );
    });
    // Retired in a version the catalog is not at yet: located, and nothing written.
    let before = snapshot_tree(p);
    let (_, err) = run(p, &["gen"], 1);
    assert!(
        err.contains(
            "code `api_key_invalid` is retired since 0.1.1, after the catalog's version 0.1.0"
        ),
        "{err}"
    );
    assert!(err.contains("at /codes/1/retired/since"), "{err}");
    assert_eq!(snapshot_tree(p), before);

    set_version(p, "catalog/dataxid.json", "0.1.1");
    run(p, &["gen"], 0);
    run(p, &["gen", "--check"], 0);
    let changelog = read(p, "generated/dataxid/CHANGELOG.md");
    assert!(
        changelog.contains("### Deprecated\n\n- *behavioural*: `api_key_invalid` (`ErrorCode::ApiKeyInvalid`) is retired in 0.1.1"),
        "{changelog}"
    );
    let codes = read(p, "generated/dataxid/src/codes.rs");
    assert!(
        codes.contains(
            "#[deprecated(\n        since = \"0.1.1\",\n        note = \"retired: The API now answers `api_key_missing`\"\n    )]\n    ApiKeyInvalid,"
        ),
        "{codes}"
    );
    assert!(codes.contains(
        "static RETIRED: [bool; 10] = [\n        false, true, false, false, false, false, false, false, false, false,\n    ];"
    ));
    let page = read(p, "generated/docs/dataxid.md");
    assert!(page.contains("### `api_key_invalid` (retired)"), "{page}");
    assert!(
        page.contains("- Retired in 0.1.1: The API now answers"),
        "{page}"
    );
    assert!(page.contains("- Added in 0.1.0."), "{page}");
    assert!(
        page.contains("[changelog](dataxid/changelog.md)"),
        "the page does not link its changelog"
    );
    // The page it links is the crate's changelog, inside the reference.
    assert_eq!(
        read(p, "generated/docs/dataxid/changelog.md"),
        read(p, "generated/dataxid/CHANGELOG.md")
    );
}

#[test]
fn release_checks_the_version_and_records_what_changed() {
    let project = dataxid_project();
    let p = project.path();
    // Nothing changed: nothing to release.
    let (_, err) = run(p, &["release", "dataxid", "--date", "2027-01-02"], 1);
    assert!(err.contains("0.1.0 is already released"), "{err}");

    edit_code(p, "quota_exceeded", |c| {
        c.insert("status".into(), json!(403));
    });
    edit_code(p, "internal_error", |c| {
        c.insert("message".into(), json!("Something went wrong on our side"));
    });
    let (_, err) = run(p, &["release", "dataxid", "--date", "2027-01-02"], 1);
    assert!(err.contains("raise `version`"), "{err}");
    let (_, err) = run(p, &["release", "dataxid", "--date", "2 January"], 1);
    assert!(err.contains("is not a date"), "{err}");

    set_version(p, "catalog/dataxid.json", "0.1.1");
    let (out, _) = run(p, &["release", "dataxid", "--date", "2027-01-02"], 0);
    assert!(
        out.contains("dataxid: released 0.1.1 (2027-01-02; 2 change(s) since the release before)"),
        "{out}"
    );
    let record = read_json(p, "catalog/releases/dataxid.json");
    assert_eq!(record["releases"].as_array().unwrap().len(), 2);
    assert_eq!(record["releases"][1]["version"], json!("0.1.1"));
    assert_eq!(record["catalog"]["codes"][7]["status"], json!(403));
    // Releasing regenerated: the Unreleased section is closed, and all is up to date.
    run(p, &["gen", "--check"], 0);
    let changelog = read(p, "generated/dataxid/CHANGELOG.md");
    assert!(
        changelog.contains("## [Unreleased]\n\nNo changes since 0.1.1.\n\n## [0.1.1] - 2027-01-02\n\n### Changed\n\n- *behavioural*: `quota_exceeded`: HTTP status 403 (was 402)\n- *docs only*: `internal_error`: message changed\n"),
        "{changelog}"
    );
    assert!(changelog.contains("## [0.1.0] - "), "{changelog}");
    // The same release again is refused; the record is unchanged.
    let before = read(p, "catalog/releases/dataxid.json");
    run(p, &["release", "dataxid", "--date", "2027-01-03"], 1);
    assert_eq!(read(p, "catalog/releases/dataxid.json"), before);
}

#[test]
fn a_retired_code_cannot_come_back_with_another_meaning_unless_the_catalog_says_so() {
    let project = dataxid_project();
    let p = project.path();
    edit_code(p, "model_not_ready", |c| {
        c.insert(
            "retired".into(),
            json!({"since": "0.1.1", "note": "Models are ready at once now"}),
        );
    });
    set_version(p, "catalog/dataxid.json", "0.1.1");
    run(p, &["release", "dataxid", "--date", "2027-01-02"], 0);

    edit_code(p, "model_not_ready", |c| {
        c.remove("retired");
        c.insert("message".into(), json!("The model is being retrained"));
    });
    let (_, err) = run(p, &["gen"], 1);
    assert!(
        err.contains("code `model_not_ready` meant “Model not in correct state” until it was retired in 0.1.1, and is back with another meaning"),
        "{err}"
    );
    assert!(err.contains("at /codes/4/code"), "{err}");

    // Stated, at a version too low for a breaking change: the gate asks for 0.2.0.
    edit_code(p, "model_not_ready", |c| {
        c.insert(
            "reused".into(),
            json!({"since": "0.1.2", "note": "Meant a model still training until 0.1.1"}),
        );
    });
    set_version(p, "catalog/dataxid.json", "0.1.2");
    let (_, err) = run(p, &["gen", "--check"], 1);
    assert!(err.contains("need at least 0.2.0"), "{err}");
    assert!(
        err.contains("breaking, changed: `model_not_ready` (`ErrorCode::ModelNotReady`) is in use again with another meaning"),
        "{err}"
    );
    edit_code(p, "model_not_ready", |c| {
        c.insert(
            "reused".into(),
            json!({"since": "0.2.0", "note": "Meant a model still training until 0.1.1"}),
        );
    });
    set_version(p, "catalog/dataxid.json", "0.2.0");
    run(p, &["gen"], 0);
    run(p, &["gen", "--check"], 0);
    let page = read(p, "generated/docs/dataxid.md");
    assert!(
        page.contains("- Reused in 0.2.0: Meant a model still training until 0.1.1."),
        "{page}"
    );
}

const VENDOR_V1: &str = r#"{"A1": "Alpha failed", "B2": "Beta failed", "C3": "Gamma failed"}"#;
const VENDOR_V2: &str =
    r#"{"A1": "Alpha failed", "B2": "Beta failed", "D4": "Delta failed", "E5": "Epsilon failed"}"#;

fn vendor_mapping(extra: Value) -> Value {
    let mut mapping = json!({
        "mapping": 1,
        "vendor_file": "vendor/abc.json",
        "entries": {"kind": "object"},
        "catalog": {"name": "abc", "version": "1.0.0", "title": "ABC API"},
        "fields": {"code": {"key": true}, "message": {"pointer": ""}}
    });
    if let (Value::Object(m), Value::Object(e)) = (&mut mapping, extra) {
        m.extend(e);
    }
    mapping
}

#[test]
fn a_vendor_update_that_adds_two_codes_and_drops_one() {
    let project = scratch_project(&[]);
    let p = project.path();
    fs::create_dir_all(p.join("catalog/vendor")).unwrap();
    fs::write(p.join("catalog/vendor/abc.json"), VENDOR_V1).unwrap();
    write_json(p, "catalog/abc.json", &vendor_mapping(json!({})));
    run(p, &["gen"], 0);
    let (out, _) = run(p, &["release", "abc", "--date", "2027-01-02"], 0);
    assert!(
        out.contains("abc: released 1.0.0 (2027-01-02; first release, 3 codes)"),
        "{out}"
    );
    run(p, &["gen", "--check"], 0);

    fs::write(p.join("catalog/vendor/abc.json"), VENDOR_V2).unwrap();
    let (out, err) = run(p, &["gen"], 0);
    assert!(
        out.contains("abc: codes 2 added (D4, E5), 1 removed (C3)"),
        "{out}"
    );
    assert!(
        out.contains("abc: since release 1.0.0: 1 breaking, 2 additive change(s); they need 2.0.0, the catalog says 1.0.0 (too low)"),
        "{out}"
    );
    assert!(
        out.contains("abc: `C3` gone since release 1.0.0: retire it (`retired`, a compatible change) or accept a breaking release (version 2.0.0)"),
        "{out}"
    );
    assert!(err.contains("at /catalog/version"), "{err}");
    assert!(
        err.contains("in the mapping, \"retired\": {\"C3\": {\"since\": \"1.1.0\""),
        "{err}"
    );
    let changelog = read(p, "generated/abc/CHANGELOG.md");
    for line in [
        "### Added\n\n- *additive*: `D4` (`ErrorCode::D4`): Delta failed\n- *additive*: `E5` (`ErrorCode::E5`): Epsilon failed\n",
        "### Removed\n\n- *breaking*: `C3` (`ErrorCode::C3`), which meant: Gamma failed\n",
    ] {
        assert!(changelog.contains(line), "{changelog}");
    }
    let (_, err) = run(p, &["gen", "--check"], 1);
    assert!(err.contains("need at least 2.0.0"), "{err}");

    // The other choice: retire the dropped code; the crate keeps it, deprecated.
    write_json(
        p,
        "catalog/abc.json",
        &vendor_mapping(json!({
            "retired": {"C3": {"since": "1.1.0", "note": "Gone from the vendor's list"}}
        })),
    );
    set_version(p, "catalog/abc.json", "1.1.0");
    let (out, _) = run(p, &["gen"], 0);
    assert!(out.contains("abc: 5 codes from catalog/abc.json"), "{out}");
    assert!(
        out.contains("abc: since release 1.0.0: 1 behavioural, 2 additive change(s); they need 1.1.0, the catalog says 1.1.0\n"),
        "{out}"
    );
    // The retired code is back where the release had it, so no code moves.
    let resolved = read_json(p, "generated/abc/catalog.json");
    let order: Vec<&str> = resolved["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["A1", "B2", "C3", "D4", "E5"]);
    run(p, &["gen", "--check"], 0);
    let codes = read(p, "generated/abc/src/codes.rs");
    assert!(codes.contains("#[deprecated(since = \"1.1.0\", note = \"retired: Gone from the vendor's list\")]\n    C3,"), "{codes}");

    // A retired code the vendor file has again is reported, not silently merged.
    fs::write(
        p.join("catalog/vendor/abc.json"),
        r#"{"A1": "Alpha failed", "B2": "Beta failed", "C3": "Gamma is back", "D4": "Delta failed", "E5": "Epsilon failed"}"#,
    )
    .unwrap();
    let (_, err) = run(p, &["gen"], 1);
    assert!(
        err.contains("code `C3` is listed as retired, but the vendor file has it again"),
        "{err}"
    );
    assert!(err.contains("at /retired/C3"), "{err}");
}

/// An upstream registry in name order, as released: four codes.
const REGISTRY_V1: &str = r#"{
  "AccessDenied": "Access denied",
  "Conflict": "Conflict",
  "NotFound": "Not found",
  "Throttling": "Slow down"
}"#;

/// Its next version: five codes inserted among the released ones, in name order.
const REGISTRY_V2: &str = r#"{
  "AbortedRequest": "Aborted",
  "AccessDenied": "Access denied",
  "BadRequest": "Bad request",
  "Conflict": "Conflict",
  "InvalidParameter": "Invalid parameter",
  "LimitExceeded": "Limit exceeded",
  "NotFound": "Not found",
  "Throttling": "Slow down"
}"#;

/// The variants of `ErrorCode::ALL` in a generated `codes.rs`, in order.
fn all_order(codes_rs: &str) -> Vec<String> {
    // `ErrorCode::ALL` is the array of bare variants in `error_code_tables::every`.
    let start = codes_rs
        .find("mod every {")
        .expect("the table of every code");
    let block = &codes_rs[start..];
    let block = &block[block.find("const ALL").expect("ALL")..];
    let block = &block[block.find('=').expect("ALL's value")..];
    let block = &block[block.find('[').expect("ALL's array") + 1..];
    let block = &block[..block.find("];").expect("end of ALL")];
    block
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A scratch project with the mapping `abc` over `REGISTRY_V1`, released as 1.0.0.
fn released_registry() -> tempfile::TempDir {
    let project = scratch_project(&[]);
    let p = project.path();
    fs::create_dir_all(p.join("catalog/vendor")).unwrap();
    fs::write(p.join("catalog/vendor/abc.json"), REGISTRY_V1).unwrap();
    write_json(p, "catalog/abc.json", &vendor_mapping(json!({})));
    run(p, &["gen"], 0);
    run(p, &["release", "abc", "--date", "2027-01-02"], 0);
    run(p, &["gen", "--check"], 0);
    project
}

#[test]
fn a_vendor_update_that_inserts_codes_mid_file_is_additive() {
    let project = released_registry();
    let p = project.path();
    let released = ["AccessDenied", "Conflict", "NotFound", "Throttling"];
    assert_eq!(all_order(&read(p, "generated/abc/src/codes.rs")), released);

    fs::write(p.join("catalog/vendor/abc.json"), REGISTRY_V2).unwrap();
    let (out, _) = run(p, &["gen"], 0);
    assert!(
        out.contains("abc: since release 1.0.0: 4 additive change(s); they need 1.1.0, the catalog says 1.0.0 (too low)"),
        "{out}"
    );
    // The released codes keep their place (and `ErrorCode` numbers); the new ones follow,
    // in the vendor file's order.
    let expected = [
        "AccessDenied",
        "Conflict",
        "NotFound",
        "Throttling",
        "AbortedRequest",
        "BadRequest",
        "InvalidParameter",
        "LimitExceeded",
    ];
    assert_eq!(all_order(&read(p, "generated/abc/src/codes.rs")), expected);
    let resolved = read_json(p, "generated/abc/catalog.json");
    let order: Vec<&str> = resolved["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(order, expected);
    let changelog = read(p, "generated/abc/CHANGELOG.md");
    assert!(!changelog.contains("*breaking*"), "{changelog}");
    let (_, err) = run(p, &["gen", "--check"], 1);
    assert!(err.contains("need at least 1.1.0"), "{err}");

    set_version(p, "catalog/abc.json", "1.1.0");
    run(p, &["gen"], 0);
    run(p, &["gen", "--check"], 0);
    run(p, &["release", "abc", "--date", "2027-02-03"], 0);

    // The next update inserts one more code: the order released in 1.1.0 is kept in turn.
    let mut v3: serde_json::Map<String, Value> = serde_json::from_str(REGISTRY_V2).unwrap();
    v3.insert(
        "ConcurrentModification".to_owned(),
        json!("Concurrent change"),
    );
    let mut v3: Vec<(String, Value)> = v3.into_iter().collect();
    v3.sort_by(|a, b| a.0.cmp(&b.0));
    let v3: serde_json::Map<String, Value> = v3.into_iter().collect();
    write_json(p, "catalog/vendor/abc.json", &Value::Object(v3));
    set_version(p, "catalog/abc.json", "1.2.0");
    let (out, _) = run(p, &["gen"], 0);
    assert!(
        out.contains("abc: since release 1.1.0: 1 additive change(s); they need 1.2.0, the catalog says 1.2.0\n"),
        "{out}"
    );
    let mut expected = expected.to_vec();
    expected.push("ConcurrentModification");
    assert_eq!(all_order(&read(p, "generated/abc/src/codes.rs")), expected);
    run(p, &["gen", "--check"], 0);
}

/// A native catalog's order is its author's: a code inserted mid-list moves the codes after
/// it, and the gate says so (append new codes to keep the change additive).
#[test]
fn a_native_catalog_that_inserts_a_code_mid_list_moves_codes() {
    let project = dataxid_project();
    let p = project.path();
    let mut catalog = read_json(p, "catalog/dataxid.json");
    let first = catalog["codes"][0].clone();
    catalog["codes"].as_array_mut().unwrap().insert(
        1,
        json!({"code": "zz_inserted", "status": 400, "message": "Inserted", "category": first["category"]}),
    );
    write_json(p, "catalog/dataxid.json", &catalog);
    let (out, _) = run(p, &["gen"], 0);
    assert!(out.contains("breaking"), "{out}");
    let resolved = read_json(p, "generated/dataxid/catalog.json");
    assert_eq!(resolved["codes"][1]["code"], json!("zz_inserted"));
    let changelog = read(p, "generated/dataxid/CHANGELOG.md");
    assert!(changelog.contains("moved in catalog order"), "{changelog}");
}

#[test]
fn a_catalog_without_releases_has_a_changelog_and_no_gate() {
    let project = scratch_project(&["records-api.json"]);
    let p = project.path();
    run(p, &["gen"], 0);
    run(p, &["gen", "--check"], 0);
    let changelog = read(p, "generated/records-api/CHANGELOG.md");
    assert!(changelog.starts_with("<!-- @generated by `cargo xtask gen`"));
    assert!(
        changelog.contains(
            "Not released yet. `cargo xtask release records-api` records the first release"
        ),
        "{changelog}"
    );
    assert!(!read(p, "generated/docs/records-api.md").contains("Added in"));
}

#[test]
fn a_broken_release_record_is_located() {
    let project = dataxid_project();
    let p = project.path();
    let mut record = read_json(p, "catalog/releases/dataxid.json");
    record["releases"][0]["version"] = json!("0.1");
    write_json(p, "catalog/releases/dataxid.json", &record);
    let (_, err) = run(p, &["gen"], 1);
    assert!(err.contains("catalog/releases/dataxid.json:6:"), "{err}");
    assert!(err.contains("`0.1` is not a version"), "{err}");
}

#[test]
fn every_workspace_crate_has_its_catalog_version_and_a_changelog_from_its_releases() {
    let plan = errcat_codegen::Generator::new()
        .root(root())
        .plan()
        .expect("the workspace's catalogs load");
    assert!(plan.catalogs().len() >= 11);
    for c in plan.catalogs() {
        let version = c
            .resolved()
            .version
            .as_deref()
            .expect("every catalog states its version");
        let cargo = read(&root(), &format!("generated/{}/Cargo.toml", c.name()));
        assert!(
            cargo.contains(&format!("\nversion = \"{version}\"\n")),
            "{}: the crate is not at {version}",
            c.name()
        );
        let record = read_json(&root(), &format!("catalog/releases/{}.json", c.name()));
        let changelog = read(&root(), &format!("generated/{}/CHANGELOG.md", c.name()));
        for release in record["releases"].as_array().unwrap() {
            let heading = format!(
                "## [{}] - {}",
                release["version"].as_str().unwrap(),
                release["date"].as_str().unwrap()
            );
            assert!(changelog.contains(&heading), "{}: no {heading}", c.name());
        }
        let evolution = c.evolution().expect("compared with its release");
        assert!(
            !evolution.under_versioned(),
            "{}: the version gate fails",
            c.name()
        );
    }
}

/// What cargo-semver-checks says `after` needs over `before` (two standalone crates):
/// `major`, `minor` or `none`.
fn semver_checks(before: &Path, after: &Path) -> &'static str {
    let output = errcat_tests::nested_cargo(&[
        "semver-checks",
        "check-release",
        "--all-features",
        "--manifest-path",
        after.join("Cargo.toml").to_str().unwrap(),
        "--baseline-root",
        before.to_str().unwrap(),
    ])
    .output()
    .expect("cargo semver-checks runs");
    let text = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    if text.contains("requires new major version") {
        "major"
    } else if text.contains("requires new minor version") {
        "minor"
    } else if text.contains("no semver update required") {
        "none"
    } else {
        panic!("cargo semver-checks said nothing this test understands:\n{text}")
    }
}

/// Checks the classification against Rust's own rules where the tool can see them (it
/// checks the API, not the wire: a respelled code or an envelope part it cannot notice). Runs
/// when `cargo semver-checks` is installed (`cargo install cargo-semver-checks --locked`);
/// each case builds two crates' rustdoc, about 10 seconds.
#[test]
fn cargo_semver_checks_agrees_with_the_classification() {
    let installed = errcat_tests::nested_cargo(&["semver-checks", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        eprintln!("cargo-semver-checks is not installed: skipped");
        return;
    }
    let base = json!({
        "format": 1, "name": "shop", "version": "1.0.0", "title": "Shop API",
        "doc_url": "https://docs.example.com/errors#{code}",
        "categories": [{"id": "auth"}, {"id": "limits"}],
        "codes": [
            {"code": "key_missing", "status": 401, "category": "auth", "message": "Missing key"},
            {"code": "rate_limited", "status": 429, "category": "limits", "message": "Slow down"},
            {"code": "gone", "status": 410, "category": "auth", "message": "Gone"}
        ]
    });
    let new_code = json!({"code": "new_one", "status": 400, "category": "auth", "message": "New"});
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "code removed",
            Box::new(|v| {
                v["codes"].as_array_mut().unwrap().pop();
            }),
            "major",
        ),
        (
            "code added before others",
            Box::new(move |v| {
                v["codes"]
                    .as_array_mut()
                    .unwrap()
                    .insert(0, new_code.clone())
            }),
            "major",
        ),
        (
            "code retired",
            Box::new(|v| v["codes"][2]["retired"] = json!({"since": "1.0.0", "note": "Gone"})),
            "minor",
        ),
        (
            "code added last",
            Box::new(|v| {
                v["codes"].as_array_mut().unwrap().push(
                    json!({"code": "last", "status": 400, "category": "auth", "message": "Last"}),
                );
            }),
            "none",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let generate = |name: &str, catalog: &Value| {
        let file = dir.path().join(format!("{name}.json"));
        fs::write(&file, serde_json::to_string_pretty(catalog).unwrap()).unwrap();
        let out = dir.path().join(name);
        run(
            &root(),
            &[
                "gen",
                "--catalog",
                file.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ],
            0,
        );
        out
    };
    let before = generate("before", &base);
    for (i, (what, edit, tool)) in cases.iter().enumerate() {
        let mut after = base.clone();
        edit(&mut after);
        let class = errcat_codegen::testing::highest(&errcat_codegen::testing::changes(
            &serde_json::from_value(base.clone()).unwrap(),
            &serde_json::from_value(after.clone()).unwrap(),
        ));
        let ours = match class {
            Some(errcat_codegen::Class::Breaking) => "major",
            Some(errcat_codegen::Class::Behavioural) => "minor",
            Some(_) => "minor or none",
            None => "none",
        };
        let theirs = semver_checks(&before, &generate(&format!("after{i}"), &after));
        assert_eq!(theirs, *tool, "{what}: cargo-semver-checks");
        assert!(
            ours.contains(theirs),
            "{what}: errcat says {ours}, cargo-semver-checks {theirs}"
        );
    }
}

/// A vendor update that inserts codes mid-file, generated standalone before and after: the
/// tool finds no change that needs a major version, as errcat classifies it (additive).
/// Runs when `cargo semver-checks` is installed.
#[test]
fn cargo_semver_checks_agrees_a_vendor_update_inserting_codes_is_compatible() {
    let installed = errcat_tests::nested_cargo(&["semver-checks", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        eprintln!("cargo-semver-checks is not installed: skipped");
        return;
    }
    let project = released_registry();
    let p = project.path();
    let out = tempfile::tempdir().unwrap();
    let mapping = p.join("catalog/abc.json");
    let generate = |name: &str| {
        let dir = out.path().join(name);
        run(
            &root(),
            &[
                "gen",
                "--catalog",
                mapping.to_str().unwrap(),
                "--out",
                dir.to_str().unwrap(),
            ],
            0,
        );
        dir
    };
    let before = generate("before");
    fs::write(p.join("catalog/vendor/abc.json"), REGISTRY_V2).unwrap();
    set_version(p, "catalog/abc.json", "1.1.0");
    let after = generate("after");
    assert_eq!(
        all_order(&read(&after, "src/codes.rs"))[..4],
        ["AccessDenied", "Conflict", "NotFound", "Throttling"]
    );
    let theirs = semver_checks(&before, &after);
    assert!(
        theirs == "none" || theirs == "minor",
        "cargo-semver-checks: {theirs}"
    );
}

#[test]
fn a_release_records_whether_the_crate_has_the_status_api() {
    // A library's registry: no status, body or headers, so its crate has no status API.
    let project = scratch_project(&[]);
    let p = project.path();
    let catalog = json!({"format": 1, "name": "lib", "version": "0.1.0", "title": "Lib",
        "codes": [{"code": "a", "message": "A"}]});
    fs::write(p.join("catalog/lib.json"), catalog.to_string()).unwrap();
    run(p, &["release", "lib", "--date", "2027-01-02"], 0);
    let mut record = read_json(p, "catalog/releases/lib.json");
    assert_eq!(record["status_api"], json!(false));
    run(p, &["gen", "--check"], 0);

    // A record written before registries lost the status API does not say; its crate had it,
    // so the same catalog generated now is a breaking change.
    record.as_object_mut().unwrap().remove("status_api");
    write_json(p, "catalog/releases/lib.json", &record);
    let (_, err) = run(p, &["gen", "--check"], 1);
    assert!(err.contains("need at least 0.2.0"), "{err}");
    assert!(
        err.contains("`ErrorCode::http_status()`, `from_status()`"),
        "{err}"
    );
}

#[test]
fn a_release_records_that_messages_are_plain_text() {
    // A message with inline markdown: `message()` shows it as plain text.
    let project = scratch_project(&[]);
    let p = project.path();
    let catalog = json!({"format": 1, "name": "lib", "version": "0.1.0", "title": "Lib",
        "codes": [{"code": "a", "message": "The `key` is *missing*"}, {"code": "b", "message": "B"}]});
    fs::write(p.join("catalog/lib.json"), catalog.to_string()).unwrap();
    run(p, &["release", "lib", "--date", "2027-01-02"], 0);
    let mut record = read_json(p, "catalog/releases/lib.json");
    assert_eq!(record["plain_messages"], json!(true));
    run(p, &["gen", "--check"], 0);
    let codes = fs::read_to_string(p.join("generated/lib/src/codes.rs")).unwrap();
    assert!(codes.contains("\"The key is missing\""), "{codes}");

    // A record from before says nothing: its crate's `message()` returned the markdown, so
    // the same catalog now changes what one message shows, a documentation change.
    record.as_object_mut().unwrap().remove("plain_messages");
    write_json(p, "catalog/releases/lib.json", &record);
    let (_, err) = run(p, &["gen", "--check"], 1);
    assert!(err.contains("need at least 0.1.1"), "{err}");
    assert!(
        err.contains("`message()` and `Display` show the message of `a` as plain text"),
        "{err}"
    );
}
