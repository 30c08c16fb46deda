//! The reference pages agree with the generated crates: every `doc_url()` fragment is an
//! anchor of its page, every in-page link resolves, and the index lists every page.

use std::collections::BTreeSet;
use std::fs;

use errcat_codegen::testing::percent_decode;

use errcat_tests::{MaybeUrl, catalog_pages, page, unescape_html};

/// Every `<a id="…"></a>` anchor of a page; panics on a duplicate.
fn anchors(page: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for part in page.split("<a id=\"").skip(1) {
        let id = unescape_html(part.split('"').next().unwrap_or_default());
        assert!(ids.insert(id.clone()), "anchor `{id}` appears twice");
    }
    ids
}

/// The resolved `catalog.json` beside the crate of `page`.
fn resolved(page: &str) -> serde_json::Value {
    let name = page.trim_end_matches(".md");
    let path = errcat_tests::root()
        .join("generated")
        .join(name)
        .join("catalog.json");
    serde_json::from_str(&fs::read_to_string(path).expect("catalog.json")).expect("JSON")
}

/// The catalog's doc-URL template.
fn template(page: &str) -> Option<String> {
    resolved(page)["doc_url"].as_str().map(str::to_owned)
}

/// The anchors of the catalog's inner code sets' sections.
fn set_anchors(page: &str) -> BTreeSet<String> {
    let catalog = resolved(page);
    let sets = catalog["code_sets"].as_array().cloned().unwrap_or_default();
    sets.iter()
        .map(|s| format!("inner-codes-{}", s["name"].as_str().expect("a name")))
        .collect()
}

macro_rules! doc_urls_land_on_anchors {
    ($($test:ident: $krate:ident => $page:literal),* $(,)?) => {$(
        #[test]
        fn $test() {
            let pages = catalog_pages($page);
            let mut ids = BTreeSet::new();
            for (name, page) in &pages {
                for id in anchors(page) {
                    assert!(ids.insert(id.clone()), "anchor `{id}` appears twice ({name})");
                }
            }
            // A URL made from the template points into this reference: its fragment is the
            // anchor. A section without such a URL is anchored by its code.
            let prefix = template($page).and_then(|t| t.split_once("{code}").map(|(p, _)| p.to_owned()));
            for &code in $krate::ErrorCode::ALL {
                let into_reference = code.doc_url().url().filter(|u| prefix.as_deref().is_some_and(|p| u.starts_with(p)));
                let anchor = match into_reference.and_then(|u| u.split_once('#')) {
                    Some((_, fragment)) => percent_decode(fragment),
                    None => code.as_str().to_owned(),
                };
                assert!(ids.contains(&anchor), "{}: no anchor `{anchor}` in {}", code.as_str(), $page);
            }
            // Besides, one anchor per inner code set's section.
            let sets = set_anchors($page);
            assert!(sets.is_subset(&ids), "{}: the inner code sets' anchors {sets:?}", $page);
            assert_eq!(ids.len(), $krate::ErrorCode::ALL.len() + sets.len(), "one anchor per code in {}", $page);
            for (name, page) in &pages {
                let own = anchors(page);
                for link in page.split("](#").skip(1) {
                    let target = percent_decode(link.split(')').next().unwrap_or_default());
                    assert!(own.contains(&target), "link to #{target} has no anchor in {name}");
                }
            }
        }
    )*};
}

doc_urls_land_on_anchors! {
    datamaker_anchors: datamaker_errors => "datamaker.md",
    dataxid_anchors: dataxid_errors => "dataxid.md",
    datocms_cda_anchors: datocms_cda_errors => "datocms-cda.md",
    datocms_cma_anchors: datocms_cma_errors => "datocms-cma.md",
    dreamfactory_anchors: dreamfactory_errors => "dreamfactory.md",
    records_api_anchors: records_api_errors => "records-api.md",
    twilio_anchors: twilio_errors => "twilio.md",
    postgres_anchors: postgres_errors => "postgres.md",
    pg_error_codes_anchors: pg_error_codes_errors => "pg-error-codes.md",
    http_status_codes_anchors: http_status_codes_errors => "http-status-codes.md",
    datocms_cda_site_anchors: datocms_cda_site_api_errors => "datocms-cda-site-api-errors.md",
}

#[test]
fn index_and_summary_list_every_catalog_page() {
    let root = errcat_tests::root();
    let index = page("README.md");
    let summary = page("SUMMARY.md");
    for catalog in errcat_codegen::testing::catalog_files(&root).expect("catalog/ lists") {
        let stem = catalog
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let link = format!("]({stem}.md)");
        assert!(index.contains(&link), "README.md does not link {stem}.md");
        assert!(
            summary.contains(&link),
            "SUMMARY.md does not link {stem}.md"
        );
        assert!(
            root.join("generated/docs")
                .join(format!("{stem}.md"))
                .is_file()
        );
    }
    let book = fs::read_to_string(root.join("generated/book.toml")).expect("book.toml");
    assert!(book.contains("src = \"docs\""));
}

#[test]
fn catalog_text_cannot_inject_html() {
    let model = errcat_tests::edge_model();
    let page: String = errcat_codegen::Generator::new()
        .command("test")
        .pages(&model)
        .into_iter()
        .map(|(_, content)| content)
        .collect();
    assert!(
        !page.contains("<script>"),
        "raw HTML from the catalog reached the page"
    );
    assert!(page.contains("&lt;script>"));
    assert!(page.contains("Not found &lt;Dial>"));
    // Table rows keep their column count even with `|` in the text.
    let header = page
        .lines()
        .find(|l| l.starts_with("| Code |"))
        .expect("a quick reference");
    for row in page.lines().filter(|l| l.starts_with("| [")) {
        let cells = row.replace("\\|", "").matches('|').count();
        assert_eq!(
            cells,
            header.matches('|').count(),
            "broken table row: {row}"
        );
    }
}
