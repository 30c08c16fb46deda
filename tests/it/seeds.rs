//! The seed catalogs against the vendor pages they come from (`../shared/seeds/`, beside the
//! checkout): every code of a page is in its catalog, and every status, code and example
//! value of a catalog is on its page, so nothing is lost and nothing is invented.
//!
//! The pages are not part of this repository. When they are absent, the tests fail under CI
//! (`CI` set) and are skipped with a printed line elsewhere.

use std::collections::BTreeSet;
use std::fs;

use errcat_codegen::Catalog;

fn seed(file: &str) -> Option<String> {
    let path = errcat_tests::root().join("../shared/seeds").join(file);
    let path = errcat_tests::outside_data(path, "seed check")?;
    Some(fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn catalog(name: &str) -> Catalog {
    let text =
        fs::read_to_string(errcat_tests::root().join("catalog").join(name)).expect("catalog");
    errcat_codegen::testing::parse_catalog(&text).unwrap_or_else(|d| panic!("{name}: {d:?}"))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text without whitespace, code-fence lines and backticks: the seed pages are extracted
/// text, where markup and line breaks are lost.
fn compact(s: &str) -> String {
    s.lines()
        .filter(|l| !l.trim_start().starts_with("```"))
        .flat_map(|l| l.chars())
        .filter(|c| !c.is_whitespace() && *c != '`')
        .collect()
}

/// Every string and number inside a JSON value.
fn leaves(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Number(n) => out.push(n.to_string()),
        serde_json::Value::Array(a) => a.iter().for_each(|v| leaves(v, out)),
        serde_json::Value::Object(o) => o.values().for_each(|v| leaves(v, out)),
        _ => {}
    }
}

/// Codes, statuses and example values of `catalog` all appear on the page.
fn nothing_invented(catalog: &Catalog, page: &str) {
    let compact_page = compact(page);
    let page = squash(page);
    for code in &catalog.codes {
        let wire = code.code.wire();
        assert!(
            page.contains(&wire),
            "{}: code {wire} is not on the page",
            catalog.name
        );
        if let Some(status) = code.status {
            assert!(
                page.contains(&status.to_string()),
                "{}: status {status} of {wire} is not on the page",
                catalog.name
            );
        }
        let bodies = code
            .examples
            .iter()
            .chain(catalog.envelope.iter().flat_map(|e| &e.examples));
        for example in bodies {
            let mut values = Vec::new();
            leaves(&example.body, &mut values);
            for v in values {
                assert!(
                    page.contains(&squash(&v)),
                    "{}: example value {v:?} of {wire} is not on the page",
                    catalog.name
                );
            }
        }
        for text in code.causes.iter().chain(&code.fixes) {
            let probe: String = compact(text).chars().take(40).collect();
            assert!(
                compact_page.contains(&probe),
                "{}: {wire}: {probe:?} is not on the page",
                catalog.name
            );
        }
    }
}

fn codes_of(catalog: &Catalog) -> BTreeSet<String> {
    catalog.codes.iter().map(|c| c.code.wire()).collect()
}

fn check(seed_file: &str, catalog_file: &str, page_codes: impl Fn(&str) -> BTreeSet<String>) {
    let Some(page) = seed(seed_file) else { return };
    let catalog = catalog(catalog_file);
    nothing_invented(&catalog, &page);
    assert_eq!(
        codes_of(&catalog),
        page_codes(&page),
        "{catalog_file}: codes differ from {seed_file}"
    );
}

fn lines_after<'a>(page: &'a str, marker: &str) -> impl Iterator<Item = &'a str> {
    page.split_once(marker)
        .map(|(_, rest)| rest)
        .unwrap_or("")
        .lines()
}

#[test]
fn dataxid() {
    check("dataxid-error-codes.txt", "dataxid.json", |page| {
        let lines: Vec<&str> = page.lines().collect();
        lines
            .windows(2)
            .filter(|w| {
                w[1].starts_with("| HTTP Status")
                    && w[0].chars().all(|c| c.is_ascii_lowercase() || c == '_')
            })
            .map(|w| w[0].to_owned())
            .collect()
    });
}

#[test]
fn records_api() {
    check("records-api-errors.txt", "records-api.json", |page| {
        page.lines()
            .filter(|l| l.starts_with("| 4") || l.starts_with("| 5"))
            .filter_map(|l| l.split('|').nth(2).map(|c| c.trim().to_owned()))
            .collect()
    });
}

#[test]
fn dreamfactory() {
    check(
        "dreamfactory-error-codes.txt",
        "dreamfactory.json",
        |page| {
            page.lines()
                .filter_map(|l| l.strip_prefix("Exception Class: "))
                .map(|c| c.trim().to_owned())
                .collect()
        },
    );
}

#[test]
fn datocms_cda() {
    check(
        "datocms-error-codes-thread.txt",
        "datocms-cda.json",
        |page| {
            lines_after(page, "Content Delivery API Error Codes & Meanings")
                .filter_map(|l| l.strip_prefix("## "))
                .filter_map(|l| l.split_whitespace().next())
                .map(str::to_owned)
                .collect()
        },
    );
}

#[test]
fn datocms_cma() {
    check(
        "datocms-error-codes-thread.txt",
        "datocms-cma.json",
        |page| {
            // The CMA codes are the SCREAMING_SNAKE words of the thread before the CDA list, except
            // the nested `details.code` of the example (the thread says it is not parsed yet).
            let cma = page
                .split("Content Delivery API Error Codes & Meanings")
                .next()
                .unwrap_or("");
            cma.split(|c: char| !(c.is_ascii_uppercase() || c == '_'))
                .filter(|w| {
                    w.len() > 3 && w.contains('_') && !w.starts_with('_') && !w.ends_with('_')
                })
                .filter(|w| *w != "VALIDATION_UNIQUENESS")
                .map(str::to_owned)
                .collect()
        },
    );
}

#[test]
fn datamaker() {
    check("datamaker-common-errors.txt", "datamaker.json", |page| {
        let mut codes = BTreeSet::new();
        for line in page.lines() {
            // HTTP-level errors are headed by their status ("401 Unauthorized on every call").
            if let Some(status) = line
                .get(..3)
                .filter(|s| s.starts_with('4') && s.chars().all(|c| c.is_ascii_digit()))
            {
                codes.insert(status.to_owned());
            }
            // Domain errors are headed "Area: code" or "Area: code: detail".
            for area in ["Generation: ", "Connection: ", "Scenario: "] {
                if let Some(rest) = line.strip_prefix(area) {
                    codes.insert(rest.split(':').next().unwrap_or_default().trim().to_owned());
                }
            }
        }
        codes
    });
}

#[test]
fn absent_data_fails_under_ci_and_is_skipped_elsewhere() {
    let absent = errcat_tests::root().join("../shared/seeds/no-such-page.txt");
    assert_eq!(
        errcat_tests::outside_data_under(absent.clone(), "probe", false),
        None
    );
    let under_ci =
        std::panic::catch_unwind(|| errcat_tests::outside_data_under(absent, "probe", true));
    assert!(under_ci.is_err(), "absent data passed under CI");
}
