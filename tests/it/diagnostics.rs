//! The hostile corpus, `tests/corpus/`: every catalog in `reject/` fails with exactly the
//! report in its snapshot (`tests/snapshots/diagnostics__*.snap`); every catalog in
//! `accept/` generates a crate that builds, passes its tests, and is clippy- and
//! rustdoc-clean with warnings denied.

use std::fs;

use std::path::Path;

use errcat_codegen::Generator;

fn report_for(name: &str) -> String {
    let shown = format!("tests/corpus/reject/{name}");
    let plan = Generator::new()
        .root(errcat_tests::root())
        .standalone(Path::new(&shown), Path::new("out"));
    match plan {
        // What `gen --check` fails on: a version lower than the changes since the last
        // release (recorded in `reject/releases/`) need.
        Ok(plan) if !plan.gate().is_empty() => plan.gate().to_string(),
        Ok(_) => panic!("{shown} was accepted"),
        Err(report) => report.to_string(),
    }
}

fn corpus(kind: &str) -> Vec<String> {
    let dir = errcat_tests::root().join("tests/corpus").join(kind);
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("corpus folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

#[test]
fn every_rejected_catalog_has_its_report() {
    let names = corpus("reject");
    assert!(names.len() >= 50, "the corpus shrank to {}", names.len());
    for name in names {
        let report = report_for(&name);
        let last = report.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("error: ") && last.ends_with(" found"),
            "{report}"
        );
        assert!(
            report.matches("\nerror: ").count() + usize::from(report.starts_with("error: ")) >= 2,
            "no diagnostic above the summary:\n{report}"
        );
        snapshot!(name.trim_end_matches(".json"), report);
    }
}

#[test]
fn all_problems_are_reported_in_one_run_sorted_by_position() {
    let report = report_for("semantic.json");
    assert!(report.contains("12 problems found"), "{report}");
    let lines: Vec<usize> = report
        .lines()
        .filter_map(|l| {
            l.trim_start()
                .strip_prefix("┌─ tests/corpus/reject/semantic.json:")
        })
        .map(|rest| {
            rest.split(':')
                .next()
                .unwrap_or_default()
                .parse()
                .expect("line number")
        })
        .collect();
    assert_eq!(lines.len(), 12);
    assert!(
        lines.windows(2).all(|w| w[0] <= w[1]),
        "not sorted: {lines:?}"
    );
}

#[test]
fn accepted_catalogs_build_test_and_lint_with_warnings_denied() {
    let project = errcat_tests::scratch_workspace();
    let root = project.path();
    for name in corpus("accept") {
        fs::copy(
            errcat_tests::root().join("tests/corpus/accept").join(&name),
            root.join("catalog").join(&name),
        )
        .unwrap();
    }
    let (code, _, err) = errcat_tests::xtask(root, &["gen"]);
    assert_eq!(code, 0, "an accepted catalog was rejected:\n{err}");
    errcat_tests::build_test_lint_document(&root.join("Cargo.toml"));
}
