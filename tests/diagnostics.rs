//! Bad catalogs: the exact report each one produces (snapshots in `tests/snapshots/`), and
//! the fact that nothing is planned for them.

use std::fs;

use errcat_codegen::plan;

fn report_for(name: &str) -> String {
    let path = errcat_tests::fixture(&format!("bad/{name}"));
    let shown = format!("tests/fixtures/bad/{name}");
    match plan::standalone(&path, &shown, "out") {
        Ok(_) => panic!("{shown} was accepted"),
        Err(report) => report.to_string(),
    }
}

#[test]
fn every_bad_fixture_has_its_report() {
    let dir = errcat_tests::fixture("bad");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("bad fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    assert!(names.len() >= 5);
    for name in names {
        let report = report_for(&name);
        assert!(report.ends_with("nothing was written"), "{report}");
        insta::assert_snapshot!(name.trim_end_matches(".json"), report);
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
                .strip_prefix("┌─ tests/fixtures/bad/semantic.json:")
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
