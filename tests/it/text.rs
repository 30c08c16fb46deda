//! Vendor text reads well: a synthetic corpus, built here, of vendor HTML whose first
//! sentence holds abbreviations and line breaks (read with `first_sentence`), and of one-line
//! messages with code spans, emphasis and links, shown as markdown on pages and in rustdoc.
//! Each case has what it must give, and the rejected ones what they must not.

use std::fs;

use errcat_tests::{scratch_project, snapshot_tree, xtask};
use serde_json::{Value, json};

/// Vendor entries documented in HTML, each with its expected first sentence.
const SENTENCES: &[(&str, &str, &str)] = &[
    (
        "AbbreviationInside",
        "<p>A <code>Value</code> (i.e. one that is set) is missing. Set it first.</p>",
        "A `Value` (i.e. one that is set) is missing",
    ),
    (
        "ExampleBeforeACapital",
        "<p>Use a tag, e.g. <code>Dial</code> or Say, in the body. Then retry.</p>",
        "Use a tag, e.g. `Dial` or Say, in the body",
    ),
    (
        "BreakEndsASentence",
        "<p>The bucket is not empty.\nDelete its objects first. Then retry.</p>",
        "The bucket is not empty",
    ),
    (
        "BreakInsideASentence",
        "<p>The request exceeded\n      the quota, etc. and was\n denied. Wait.</p>",
        "The request exceeded the quota, etc. and was denied",
    ),
    (
        "CodeSpanWithAFullStop",
        "<p>Call <code>client.Close()</code> first. See <a href=\"https://x.example/a.B\">the guide</a>.</p>",
        "Call `client.Close()` first",
    ),
    (
        "OneSentenceParagraphs",
        "<p>Too many requests</p><p>Slow down.</p>",
        "Too many requests",
    ),
];

fn vendor_file() -> String {
    let shapes: serde_json::Map<String, Value> = SENTENCES
        .iter()
        .map(|(code, html, _)| {
            (
                (*code).to_owned(),
                json!({"exception": true, "documentation": html}),
            )
        })
        .collect();
    serde_json::to_string_pretty(&json!({ "shapes": shapes })).unwrap()
}

fn mapping(fields: Value) -> String {
    serde_json::to_string_pretty(&json!({
        "mapping": 1,
        "vendor_file": "vendor/service.json",
        "entries": {"at": "/shapes", "kind": "object"},
        "catalog": {"name": "service", "title": "Service"},
        "fields": fields,
    }))
    .unwrap()
}

fn mapped_project(mapping: &str) -> tempfile::TempDir {
    let dir = scratch_project(&[]);
    let catalog = dir.path().join("catalog");
    fs::create_dir_all(catalog.join("vendor")).unwrap();
    fs::write(catalog.join("vendor/service.json"), vendor_file()).unwrap();
    fs::write(catalog.join("service.json"), mapping).unwrap();
    dir
}

#[test]
fn first_sentence_reads_abbreviations_and_line_breaks_in_html() {
    let project = mapped_project(&mapping(json!({
        "code": {"key": true},
        "message": {"pointer": "/documentation", "markup": "html", "first_sentence": true},
        "description": {"pointer": "/documentation", "markup": "html"}
    })));
    let (code, out, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 0, "{out}{err}");
    let resolved: Value = serde_json::from_str(
        &fs::read_to_string(project.path().join("generated/service/catalog.json")).unwrap(),
    )
    .unwrap();
    let messages: Vec<(&str, &str)> = resolved["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["code"].as_str().unwrap(), c["message"].as_str().unwrap()))
        .collect();
    let expected: Vec<(&str, &str)> = SENTENCES.iter().map(|(c, _, m)| (*c, *m)).collect();
    assert_eq!(messages, expected);

    // The code spans of the message are code in rustdoc's first line, not escaped backticks.
    let codes_rs =
        fs::read_to_string(project.path().join("generated/service/src/codes.rs")).unwrap();
    assert!(
        codes_rs
            .contains("/// `AbbreviationInside` — A `Value` (i.e. one that is set) is missing\n"),
        "{codes_rs}"
    );
    assert!(!codes_rs.contains("\\`"), "{codes_rs}");
}

#[test]
fn first_sentence_on_a_flag_is_rejected_and_writes_nothing() {
    let project = mapped_project(&mapping(json!({
        "code": {"key": true},
        "message": {"pointer": "/documentation", "markup": "html"},
        "retryable": {"pointer": "/exception", "first_sentence": true}
    })));
    let before = snapshot_tree(project.path());
    let (code, out, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains(
            "`retryable` reads true or false, which `after`, `before`, `markup` and `first_sentence` cannot clean"
        ),
        "{err}"
    );
    assert_eq!(snapshot_tree(project.path()), before);
}

/// A native catalog with one code per message.
fn native_project(messages: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = scratch_project(&[]);
    let codes: Vec<Value> = messages
        .iter()
        .map(|(code, message)| json!({"code": code, "message": message}))
        .collect();
    let catalog = json!({"format": 1, "name": "texts", "title": "Texts", "codes": codes});
    fs::write(
        dir.path().join("catalog/texts.json"),
        serde_json::to_string_pretty(&catalog).unwrap(),
    )
    .unwrap();
    dir
}

#[test]
fn a_message_keeps_its_code_spans_emphasis_and_links_on_pages_and_in_rustdoc() {
    let message =
        "The `Buffer<T>` is *full*; see [limits](https://x.example/l) or 2 * 3 snake_case";
    let project = native_project(&[("buffer_full", message)]);
    let (code, out, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 0, "{out}{err}");

    let page = fs::read_to_string(project.path().join("generated/docs/texts.md")).unwrap();
    for shown in [
        // The quick reference.
        "| The `Buffer<T>` is *full*; see [limits](https://x.example/l) or 2 * 3 snake_case |",
        // The code's own section.
        "**The `Buffer<T>` is *full*; see [limits](https://x.example/l) or 2 * 3 snake_case**",
    ] {
        assert!(
            page.contains(shown),
            "{shown:?} is not on the page:\n{page}"
        );
    }
    assert!(!page.contains("\\`"), "{page}");

    let codes_rs = fs::read_to_string(project.path().join("generated/texts/src/codes.rs")).unwrap();
    assert!(
        codes_rs.contains(
            "/// `buffer_full` — The `Buffer<T>` is *full*; see [limits](https://x.example/l) or 2 * 3 snake_case\n"
        ),
        "{codes_rs}"
    );
    let (code, _, err) = xtask(project.path(), &["gen", "--check"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn markup_a_message_must_not_carry_stays_inert() {
    let message = "Use [x](javascript:alert(1)) or <script>y</script> with `<b>`";
    let project = native_project(&[("unsafe_text", message)]);
    let (code, out, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 0, "{out}{err}");
    let page = fs::read_to_string(project.path().join("generated/docs/texts.md")).unwrap();
    // No link to anything but a web address, no tag outside a code span.
    let shown = "Use x (javascript:alert(1)) or &lt;script>y&lt;/script> with `<b>`";
    assert!(page.contains(&format!("**{shown}**")), "{page}");
    assert!(page.contains(&format!("| {shown} |")), "{page}");
    assert!(!page.contains("](javascript"), "{page}");
    let codes_rs = fs::read_to_string(project.path().join("generated/texts/src/codes.rs")).unwrap();
    assert!(
        codes_rs.contains(
            "/// `unsafe_text` — Use \\[x\\](javascript:alert(1)) or &lt;script&gt;y&lt;/script&gt; with `<b>`\n"
        ),
        "{codes_rs}"
    );
}
