//! Catalogs and vendor files as a careless or hostile contributor could write them: nothing
//! outside the repository reaches the output, names git would hide are refused, written files
//! get the modes a checkout gives, and a report on a huge file stays small.

use std::fs;
use std::path::Path;

use errcat_tests::{root, scratch_project, snapshot_tree, xtask};

/// A scratch project with `catalog/small.json`, a mapping of `vendor_file`, and a vendor
/// file `catalog/vendor/small.json`.
fn mapping_project(vendor_file: &str) -> tempfile::TempDir {
    let project = scratch_project(&[]);
    let mapping = serde_json::json!({
        "mapping": 1,
        "vendor_file": vendor_file,
        "entries": { "kind": "object" },
        "catalog": { "name": "small", "title": "Small" },
        "fields": { "code": { "key": true }, "message": { "pointer": "" } }
    });
    fs::write(
        project.path().join("catalog/small.json"),
        serde_json::to_string_pretty(&mapping).unwrap(),
    )
    .unwrap();
    fs::create_dir_all(project.path().join("catalog/vendor")).unwrap();
    fs::write(
        project.path().join("catalog/vendor/small.json"),
        r#"{ "a": "A" }"#,
    )
    .unwrap();
    project
}

/// Rewrites the mapping `catalog/small.json` of a [`mapping_project`].
fn edit_mapping(project: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = project.join("catalog/small.json");
    let mut mapping: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    edit(&mut mapping);
    fs::write(&path, mapping.to_string()).unwrap();
}

/// Runs `gen`, expects it to fail without changing a file, and returns its report.
fn refused(project: &Path) -> String {
    let before = snapshot_tree(project);
    let (code, out, err) = xtask(project, &["gen"]);
    assert_eq!(code, 1, "accepted:\n{out}{err}");
    assert_eq!(
        snapshot_tree(project),
        before,
        "a refused run changed files"
    );
    err
}

#[test]
fn a_vendor_file_inside_the_catalog_folder_is_read() {
    let project = mapping_project("vendor/../vendor/small.json");
    let (code, out, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[cfg(unix)]
#[test]
fn a_vendor_file_that_links_out_of_the_catalog_folder_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(
        outside.path().join("secret.json"),
        r#"{ "SECRET": "s3cr3t" }"#,
    )
    .unwrap();
    let project = mapping_project("vendor/linked.json");
    std::os::unix::fs::symlink(
        outside.path().join("secret.json"),
        project.path().join("catalog/vendor/linked.json"),
    )
    .unwrap();
    let err = refused(project.path());
    assert!(
        err.contains("`vendor/linked.json` is a symbolic link")
            && err.contains("catalog/small.json:3:"),
        "{err}"
    );
    assert!(!err.contains("s3cr3t"), "{err}");

    // A folder on the way that is a link counts too.
    let project = mapping_project("linked/secret.json");
    std::os::unix::fs::symlink(outside.path(), project.path().join("catalog/linked")).unwrap();
    let err = refused(project.path());
    assert!(
        err.contains("`linked/secret.json` is a symbolic link"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_catalog_that_links_out_of_the_repository_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    fs::copy(
        root().join("catalog/dataxid.json"),
        outside.path().join("dataxid.json"),
    )
    .unwrap();
    let project = scratch_project(&[]);
    std::os::unix::fs::symlink(
        outside.path().join("dataxid.json"),
        project.path().join("catalog/dataxid.json"),
    )
    .unwrap();
    let err = refused(project.path());
    assert!(
        err.contains("catalog/dataxid.json is a symbolic link")
            && err.contains("outside the repository"),
        "{err}"
    );
}

#[test]
fn a_name_the_ignore_rules_hide_is_refused_at_the_name() {
    let project = scratch_project(&["dataxid.json"]);
    fs::write(
        project.path().join(".gitignore"),
        "target/\n/generated/data*\n",
    )
    .unwrap();
    let err = refused(project.path());
    assert!(
        err.contains("the repository's ignore rules hide it (.gitignore: `/generated/data*`)")
            && err.contains("catalog/dataxid.json:4:")
            && err.contains("at /name"),
        "{err}"
    );
    // The same rule in the folder's own .gitignore, and an exception that lets it through.
    fs::write(project.path().join(".gitignore"), "").unwrap();
    fs::create_dir_all(project.path().join("generated")).unwrap();
    fs::write(project.path().join("generated/.gitignore"), "*.md\n").unwrap();
    let err = refused(project.path());
    assert!(err.contains("generated/.gitignore: `*.md`"), "{err}");
    fs::write(project.path().join("generated/.gitignore"), "*.md\n!*.md\n").unwrap();
    let (code, out, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[cfg(unix)]
#[test]
fn written_files_get_the_umask_mode_and_replaced_files_keep_theirs() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let project = scratch_project(&["dataxid.json"]);
    // What a new file gets here, under this process's umask.
    let probe = project.path().join("probe");
    fs::write(&probe, "").unwrap();
    let expected = mode(&probe);
    fs::remove_file(&probe).unwrap();

    assert_eq!(xtask(project.path(), &["gen"]).0, 0);
    let written: Vec<_> = snapshot_tree(&project.path().join("generated"))
        .into_keys()
        .collect();
    assert!(written.len() > 5);
    for path in &written {
        let path = project.path().join("generated").join(path);
        assert_eq!(mode(&path), expected, "{}", path.display());
    }

    let codes = project.path().join("generated/dataxid/src/codes.rs");
    fs::set_permissions(&codes, fs::Permissions::from_mode(0o640)).unwrap();
    let catalog = project.path().join("catalog/dataxid.json");
    let text = fs::read_to_string(&catalog).unwrap();
    fs::write(&catalog, text.replace("Missing API key", "No API key")).unwrap();
    let (code, out, _) = xtask(project.path(), &["gen"]);
    assert!(code == 0 && out.contains("updated"), "{out}");
    assert_eq!(mode(&codes), 0o640, "the replaced file lost its mode");
}

#[test]
fn a_report_on_a_huge_one_line_file_stays_small() {
    // About 20 MB on one line, with a trailing comma near the end.
    let entry = r#"{"code":"c0000000","message":"A message long enough to take some room."},"#;
    let mut text = String::from(r#"{"format":1,"name":"big","title":"Big","codes":["#);
    for i in 0..20_000_000 / entry.len() {
        text.push_str(&entry.replace("0000000", &format!("{i:07}")));
    }
    text.push_str(r#"{"code":"last","message":"M",}]}"#);
    let project = scratch_project(&[]);
    fs::write(project.path().join("catalog/big.json"), &text).unwrap();
    let err = refused(project.path());
    assert!(err.len() < 2_000, "{} bytes of report", err.len());
    let column = text.rfind(",}").unwrap() + 1;
    assert!(
        err.contains(&format!("catalog/big.json:1:{column}")),
        "{err}"
    );
    assert!(err.contains(r#""last","message":"M",}]}"#), "{err}");
}

#[test]
fn a_reserved_name_in_a_mapping_is_reported_at_its_place_in_the_mapping() {
    let project = mapping_project("vendor/small.json");
    let path = project.path().join("catalog/small.json");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace(r#""name": "small""#, r#""name": "target""#),
    )
    .unwrap();
    let err = refused(project.path());
    let line = text
        .lines()
        .position(|l| l.contains(r#""name": "small""#))
        .unwrap()
        + 1;
    assert!(
        err.contains("the catalog name `target` is reserved")
            && err.contains(&format!("catalog/small.json:{line}:"))
            && err.contains("at /catalog/name"),
        "{err}"
    );
}

#[test]
fn a_catalog_named_unlike_its_file_is_refused_at_the_name() {
    let project = mapping_project("vendor/small.json");
    fs::rename(
        project.path().join("catalog/small.json"),
        project.path().join("catalog/other.json"),
    )
    .unwrap();
    let err = refused(project.path());
    assert!(
        err.contains("the catalog is named `small`, but its file is catalog/other.json")
            && err.contains("at /catalog/name")
            && err.contains("rename the file to catalog/small.json"),
        "{err}"
    );
}

#[test]
fn a_code_cleaned_by_after_and_before_is_the_cleaned_text() {
    let project = mapping_project("vendor/small.json");
    fs::write(
        project.path().join("catalog/vendor/small.json"),
        r#"{ "x": "Code: E42 (legacy)", "y": "Code: E43 (legacy)" }"#,
    )
    .unwrap();
    edit_mapping(project.path(), |mapping| {
        mapping["fields"]["code"] =
            serde_json::json!({ "pointer": "", "after": "Code: ", "before": " (" });
    });
    let (code, out, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 0, "{out}{err}");
    let resolved: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(project.path().join("generated/small/catalog.json")).unwrap(),
    )
    .unwrap();
    let codes: Vec<&str> = resolved["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["E42", "E43"]);
}

#[test]
fn a_bad_derived_category_is_reported_where_the_vendor_file_has_it() {
    let project = mapping_project("vendor/small.json");
    fs::write(
        project.path().join("catalog/vendor/small.json"),
        "{\n  \"a\": {\"text\": \"A\", \"class\": \"ok\"},\n  \"b\": {\"text\": \"B\", \"class\": \"Bad Class\"}\n}\n",
    )
    .unwrap();
    edit_mapping(project.path(), |mapping| {
        mapping["fields"]["message"] = serde_json::json!({ "pointer": "/text" });
        mapping["fields"]["category"] = serde_json::json!({ "pointer": "/class" });
        mapping["derive_categories"] = serde_json::json!({});
    });
    let err = refused(project.path());
    assert!(
        err.contains("category id `Bad Class` contains whitespace")
            && err.contains("catalog/vendor/small.json:3:")
            && err.contains("at /b/class"),
        "{err}"
    );
}

#[test]
fn codes_that_only_look_alike_are_a_warning_and_the_run_goes_on() {
    let project = scratch_project(&[]);
    fs::write(
        project.path().join("catalog/lookalike.json"),
        "{\n  \"format\": 1,\n  \"name\": \"lookalike\",\n  \"title\": \"Look-alike\",\n  \"codes\": [\n    { \"code\": \"paypal\", \"message\": \"Latin letters\" },\n    { \"code\": \"p\u{430}ypal\", \"message\": \"A Cyrillic a\" },\n    { \"code\": \"other\", \"message\": \"Unlike any\" }\n  ]\n}\n",
    )
    .unwrap();
    for args in [&["gen"][..], &["gen", "--check"]] {
        let (code, out, err) = xtask(project.path(), args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
        assert!(
            err.contains(
                "warning: code `p\u{430}ypal` (p\\u{430}ypal) looks like `paypal` (paypal)"
            ) && err.contains("catalog/lookalike.json:7:")
                && err.contains("the look-alike"),
            "{args:?}: {err}"
        );
        assert_eq!(err.matches("warning: code").count(), 1, "{err}");
    }
    assert!(
        project
            .path()
            .join("generated/lookalike/src/codes.rs")
            .is_file()
    );
}

#[test]
fn the_overlay_fills_a_message_the_vendor_leaves_empty() {
    let project = mapping_project("vendor/small.json");
    fs::write(
        project.path().join("catalog/vendor/small.json"),
        r#"{ "a": "A", "b": "<p/>" }"#,
    )
    .unwrap();
    edit_mapping(project.path(), |mapping| {
        mapping["fields"]["message"] = serde_json::json!({ "pointer": "", "markup": "html" });
    });
    // Without an overlay, the empty message is an error at the entry.
    let err = refused(project.path());
    assert!(
        err.contains("entry /b: `message` is missing or empty"),
        "{err}"
    );

    edit_mapping(project.path(), |mapping| {
        mapping["overlay"] = serde_json::json!({ "b": { "message": "B, from the overlay" } });
    });
    let (code, out, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 0, "{out}{err}");
    let resolved: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(project.path().join("generated/small/catalog.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(resolved["codes"][1]["message"], "B, from the overlay");
}

#[test]
fn a_layout_without_a_code_is_accepted_once_it_says_status_only() {
    let project = scratch_project(&[]);
    let text = fs::read_to_string(root().join("tests/corpus/reject/layout-ambiguous.json"))
        .unwrap()
        .replace("\"corpus\"", "\"statuses\"");
    let path = project.path().join("catalog/statuses.json");
    fs::write(&path, &text).unwrap();
    let err = refused(project.path());
    assert!(err.contains("cannot tell apart the 2 codes"), "{err}");
    fs::write(
        &path,
        text.replace(
            r#"{ "request_id": "/error/request_id" }"#,
            r#"{ "request_id": "/error/request_id", "status_only": true }"#,
        ),
    )
    .unwrap();
    let (code, out, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 0, "{out}{err}");
}
