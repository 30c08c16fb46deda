//! Vendor text written in HTML (`markup: html`), end to end: a service description whose
//! errors are documented in HTML, read through a mapping with `links_base`, gives reference
//! pages and doc comments with its links, code spans and lists, and no raw HTML.

use std::fs;
use std::path::Path;

use errcat_tests::{snapshot_tree, xtask};
use serde_json::{Value, json};

/// Shapes as a service description has them: errors flagged `exception`, documented in HTML.
const SHAPES: &str = r##"{
  "shapes": {
    "LimitExceededException": {
      "type": "structure",
      "exception": true,
      "error": {"httpStatusCode": 400},
      "documentation": "<p>The request was denied because the <code>Foo</code> limit was exceeded. See <a href=\"https://docs.aws.amazon.com/x.html\">Limits</a>.</p><ul><li><p>one</p></li><li><p>two <a href=\"quotas.html#per-account\">per account</a></p><ul><li><p>nested &lt;b&gt;</p></li></ul></li></ul>"
    },
    "Name": {"type": "string", "documentation": "<p>Not an error.</p>"},
    "ThrottlingException": {
      "type": "structure",
      "exception": true,
      "error": {"httpStatusCode": 429},
      "documentation": "<p>Slow down: set <code>&lt;MaxRetries&gt;</code> or `retry_mode`.</p><p/><Dial>Unknown tag</Dial><h2>Vendor heading</h2><p>After it.</p>"
    }
  }
}
"##;

fn mapping(links_base: Option<&str>) -> String {
    let mut m = json!({
        "mapping": 1,
        "vendor_file": "vendor/service.json",
        "entries": {
            "at": "/shapes",
            "kind": "object",
            "filter": {"pointer": "/exception", "equals": true}
        },
        "catalog": {"name": "service", "title": "Service"},
        "fields": {
            "code": {"key": true},
            "message": {"pointer": "/documentation", "markup": "html", "before": "</p>"},
            "status": {"pointer": "/error/httpStatusCode"},
            "description": {"pointer": "/documentation", "markup": "html"}
        }
    });
    if let Some(base) = links_base {
        m["links_base"] = json!(base);
    }
    serde_json::to_string_pretty(&m).unwrap()
}

fn project(mapping: &str) -> tempfile::TempDir {
    let dir = errcat_tests::scratch_project(&[]);
    let catalog = dir.path().join("catalog");
    fs::create_dir_all(catalog.join("vendor")).unwrap();
    fs::write(catalog.join("vendor/service.json"), SHAPES).unwrap();
    fs::write(catalog.join("service.json"), mapping).unwrap();
    dir
}

/// The lines of `markdown` that hold a tag outside code spans and fenced blocks, other than
/// the anchors the page template writes and `<https://…>` autolinks.
fn raw_tags(markdown: &str) -> Vec<String> {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced || line.starts_with("<a id=\"") || line.starts_with("<!-- ") {
            continue;
        }
        // Text outside code spans: every other piece between backticks.
        let prose: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let tagged = prose.match_indices('<').any(|(at, _)| {
            let rest = &prose[at + 1..];
            rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
                && !rest.starts_with("https://")
                && !rest.starts_with("http://")
        });
        if tagged {
            out.push(line.to_owned());
        }
    }
    out
}

#[test]
fn html_documentation_becomes_pages_and_docs_with_links_and_no_tags() {
    let project = project(&mapping(Some(
        "https://docs.aws.amazon.com/service/latest/",
    )));
    let (code, out, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 0, "{out}{err}");

    let resolved: Value = serde_json::from_str(
        &fs::read_to_string(project.path().join("generated/service/catalog.json")).unwrap(),
    )
    .unwrap();
    let codes = resolved["codes"].as_array().unwrap();
    assert_eq!(codes.len(), 2, "only the shapes flagged as exceptions");
    assert_eq!(
        codes[0]["message"],
        // A message is plain text: a link shows its text and its target.
        json!(
            "The request was denied because the `Foo` limit was exceeded. See Limits (https://docs.aws.amazon.com/x.html)."
        )
    );
    assert_eq!(
        codes[0]["description"],
        json!(
            "The request was denied because the `Foo` limit was exceeded. See [Limits](https://docs.aws.amazon.com/x.html).\n\n- one\n- two [per account](https://docs.aws.amazon.com/service/latest/quotas.html#per-account)\n  - nested <b>"
        )
    );
    assert_eq!(
        codes[1]["description"],
        json!(
            "Slow down: set `<MaxRetries>` or `retry_mode`.\n\nUnknown tag\n\n## Vendor heading\n\nAfter it."
        )
    );

    let page = fs::read_to_string(project.path().join("generated/docs/service.md")).unwrap();
    assert_eq!(raw_tags(&page), Vec::<String>::new(), "{page}");
    for kept in [
        "See [Limits](https://docs.aws.amazon.com/x.html).\n\n- one\n- two [per account](https://docs.aws.amazon.com/service/latest/quotas.html#per-account)\n  - nested &lt;b>\n",
        // The vendor's heading sits below the code's own `###` heading and its `####` parts.
        "Unknown tag\n\n##### Vendor heading\n\nAfter it.",
    ] {
        assert!(page.contains(kept), "{kept:?} is not on the page:\n{page}");
    }

    let codes_rs =
        fs::read_to_string(project.path().join("generated/service/src/codes.rs")).unwrap();
    for kept in [
        "/// Slow down: set `<MaxRetries>` or `retry_mode`.\n",
        // A URL in the summary is an autolink (rustdoc's `bare_urls` lint).
        "exceeded. See Limits (<https://docs.aws.amazon.com/x.html>).\n",
        "/// **Vendor heading**\n",
        "/// - two [per account](https://docs.aws.amazon.com/service/latest/quotas.html#per-account)\n",
        "///   - nested &lt;b&gt;\n",
    ] {
        assert!(
            codes_rs.contains(kept),
            "{kept:?} is not in codes.rs:\n{codes_rs}"
        );
    }
    assert!(
        !codes_rs.contains("<p>") && !codes_rs.contains("<Dial>"),
        "{codes_rs}"
    );
    let (code, _, err) = xtask(project.path(), &["gen", "--check"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_relative_link_without_links_base_is_located_and_writes_nothing() {
    let project = project(&mapping(None));
    let before = snapshot_tree(project.path());
    let (code, out, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(snapshot_tree(project.path()), before);
    assert!(
        err.contains("links to `quotas.html#per-account`, a relative address, and the mapping has no `links_base` to make it absolute"),
        "{err}"
    );
    // At the entry's documentation, in the vendor file.
    assert!(err.contains("catalog/vendor/service.json:7:"), "{err}");
    assert_has_no_path(project.path(), "generated/service");
}

#[test]
fn a_links_base_that_is_no_web_address_is_located_in_the_mapping() {
    let project = project(&mapping(Some("docs/latest/")));
    let (code, _, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("`links_base` is `docs/latest/`, which is not an absolute http(s) address"),
        "{err}"
    );
    assert!(err.contains("catalog/service.json:"), "{err}");
}

fn assert_has_no_path(root: &Path, path: &str) {
    assert!(!root.join(path).exists(), "{path} was written");
}
