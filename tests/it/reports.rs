//! Reports stay small whatever the input: each place gets its own window of its line, even
//! when two places of one problem are far apart on one line; many problems of one kind are
//! shown in full for the first few, then counted and listed a line each; and look-alike
//! warnings are only about spellings with a character outside ASCII. The inputs are built
//! here, in a scratch project (`catalog/NAME.json`).

use std::fs;

use errcat_codegen::Generator;

/// The report on a project whose only catalog is `catalog/NAME.json` holding `text`: the
/// errors when it is refused, else its warnings.
fn report(name: &str, text: &str) -> String {
    let project = errcat_tests::scratch_project(&[]);
    fs::write(project.path().join(format!("catalog/{name}.json")), text).unwrap();
    let mut generator = Generator::new();
    generator.root(project.path());
    match generator.plan() {
        Err(report) => report.to_string(),
        Ok(plan) => plan.catalogs()[0].warnings().concat(),
    }
}

/// A one-line catalog named `name` of the codes `codes`, each an entry with a message
/// `filler` bytes long.
fn one_line(name: &str, codes: &[String], filler: usize) -> String {
    let message = "m".repeat(filler);
    let entries: Vec<String> = codes
        .iter()
        .map(|c| format!(r#"{{"code":"{c}","message":"{message}"}}"#))
        .collect();
    format!(
        r#"{{"format":1,"name":"{name}","title":"T","codes":[{}]}}"#,
        entries.join(",")
    )
}

#[test]
fn two_places_far_apart_on_one_line_get_a_window_each() {
    // `dup` at the start and again at the end of a 200 KB line.
    let mut codes = vec!["dup".to_owned()];
    codes.extend((0..2_000).map(|i| format!("c{i}")));
    codes.push("dup".to_owned());
    let report = report("wide", &one_line("wide", &codes, 80));
    assert!(report.len() < 1_500, "{} bytes:\n{report}", report.len());
    // Two windows of about 120 columns, the margin and three `…`.
    assert!(
        report.lines().all(|l| l.chars().count() < 260),
        "a line is too long:\n{report}"
    );
    snapshot!("two_places_far_apart_on_one_line", report);
}

#[test]
fn many_problems_of_one_kind_are_counted_then_listed_a_line_each() {
    let codes: Vec<String> = (0..10)
        .flat_map(|i| [format!("c{i}"), format!("c{i}")])
        .chain(["bad code".to_owned()])
        .collect();
    let text = one_line("many", &codes, 4).replace("},{", "},\n{");
    let report = report("many", &text);
    assert_eq!(report.matches("is defined twice").count(), 3, "{report}");
    assert!(report.contains("… and 7 more like this, at:"), "{report}");
    assert!(report.contains("error: 11 problems found"), "{report}");
    snapshot!("many_problems_of_one_kind", report);
}

#[test]
fn a_megabyte_on_one_line_with_a_thousand_problems_reports_in_64_kb() {
    // 1,000 codes defined twice: once in the first half of the line, once in the second, so
    // the two places of every problem are half a megabyte apart.
    let first: Vec<String> = (0..1_000).map(|i| format!("code_{i:04}")).collect();
    let mut codes = first.clone();
    codes.extend(first);
    let text = one_line("huge", &codes, 480);
    assert!(
        (1_000_000..1_100_000).contains(&text.len()) && !text.contains('\n'),
        "{} bytes",
        text.len()
    );
    let report = report("huge", &text);
    assert!(
        report.len() <= 64 * 1024,
        "{} bytes of report:\n{}",
        report.len(),
        &report[..4_000]
    );
    assert!(report.contains("error: 1000 problems found"), "{report}");
    assert!(report.contains("… and 997 more like this, at:"), "{report}");
    // The last problem is listed at its real column, with its pointer.
    let last = text.rfind("code_0999").unwrap() - 1;
    assert!(
        report.contains(&format!(
            "  catalog/huge.json:1:{} at /codes/1999/code\n",
            last + 1
        )),
        "{report}"
    );
}

#[test]
fn only_look_alikes_with_a_character_outside_ascii_are_warned_about() {
    // Base-62 style codes that fonts draw alike, and one Cyrillic `а`.
    let codes: Vec<String> = ["Al", "A1", "AI", "AO", "A0", "paypal", "p\u{430}ypal"]
        .map(String::from)
        .to_vec();
    let text = one_line("alike", &codes, 4).replace("},{", "},\n{");
    let warnings = report("alike", &text);
    assert_eq!(warnings.matches("warning: ").count(), 1, "{warnings}");
    snapshot!("look_alikes_outside_ascii", warnings);
}

#[test]
fn a_hundred_look_alike_warnings_on_one_line_stay_small() {
    // Each code with a Cyrillic twin, the twins far from their originals.
    let latin: Vec<String> = (0..100).map(|i| format!("pay{i:03}")).collect();
    let mut codes = latin.clone();
    codes.extend((0..400).map(|i| format!("filler{i}")));
    codes.extend(latin.iter().map(|c| c.replace('a', "\u{430}")));
    let warnings = report("twins", &one_line("twins", &codes, 200));
    assert_eq!(warnings.matches("looks like").count(), 3, "{warnings}");
    assert!(
        warnings.contains("… and 97 more like this, at:"),
        "{warnings}"
    );
    assert!(warnings.len() < 12 * 1024, "{} bytes", warnings.len());
}
