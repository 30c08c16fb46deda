//! Property test: random catalogs — random codes, Unicode, huge (50,000-character) and empty strings, random
//! statuses, templates and categories — never make errcat panic. A rejected catalog always
//! gets a diagnostic; an accepted one emits Rust that `syn` parses and a page whose anchors
//! are exactly the fragments of the crate's doc URLs; and a sample of accepted catalogs is
//! compiled with warnings denied.
//!
//! `ERRCAT_FUZZ_CASES` sets the number of cases (default 256, which CI runs). The cases come
//! from a fixed seed, printed by the test, so a run is the same everywhere; set
//! `PROPTEST_RNG_SEED` to another number to explore other cases. A failing case is shrunk and
//! its seed appended to `tests/fuzz.proptest-regressions`, which is committed: every later
//! run replays it first.

use std::collections::BTreeSet;
use std::fs;

use errcat_codegen::Generator;
use errcat_codegen::testing::variant_name;
use errcat_tests::{nested_cargo, run_ok};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, FileFailurePersistence, RngSeed, TestRunner};
use serde_json::{Value, json};

/// Text from a small alphabet of troublemakers, plain letters, and any Unicode.
fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    let tricky = prop::sample::select(vec![
        "",
        " ",
        "\n",
        "\r\n",
        "\0",
        "\"",
        "\\",
        "*/",
        "/*",
        "#[",
        "{}",
        "{0}",
        "{code}",
        "`",
        "```",
        "|",
        "<",
        ">",
        "</a>",
        "<script>",
        "&amp;",
        "[x]",
        "https://e.test/",
        "\u{202e}",
        "é",
        "🔥",
        "_",
        "-",
        "0",
        "self",
        "Self",
        "ALL",
        "Err",
        "type",
    ]);
    let huge =
        prop::sample::select(vec!["x", "ü", "\n", "`", "|"]).prop_map(|c: &str| c.repeat(50_000));
    let piece = prop_oneof![
        150 => tricky.prop_map(str::to_owned),
        1 => huge,
        150 => "[a-zA-Z0-9_]{1,12}".prop_map(|s: String| s),
        50 => any::<String>(),
    ];
    prop::collection::vec(piece, 0..max).prop_map(|parts| parts.concat())
}

fn catalog_strategy() -> impl Strategy<Value = Value> {
    let code = (
        prop_oneof![3 => text_strategy(4).prop_map(Value::from), 1 => any::<i64>().prop_map(Value::from)],
        prop::option::of(prop_oneof![3 => 100u16..600, 1 => any::<u16>()]),
        text_strategy(6),
        prop::option::of(text_strategy(12)),
        prop::option::of(0usize..4),
        prop::collection::vec(text_strategy(3), 0..2),
        any::<bool>(),
    )
        .prop_map(|(code, status, message, description, category, aliases, deprecated)| {
            let mut entry = json!({ "code": code, "message": message });
            if let Some(s) = status {
                entry["status"] = json!(s);
            }
            if let Some(d) = description {
                entry["description"] = json!(d);
            }
            if let Some(c) = category {
                entry["category"] = json!(format!("cat{c}"));
            }
            if !aliases.is_empty() {
                entry["aliases"] = json!(aliases);
            }
            if deprecated {
                entry["deprecated"] = json!({ "note": "gone {soon} \"really\"" });
            }
            entry
        });
    (
        prop_oneof![
            8 => Just("fuzz"),
            1 => prop::sample::select(vec!["fuzz-api", "Bad Name", "", "../up", "con"]),
        ],
        text_strategy(5),
        prop::option::of(prop::sample::select(vec![
            "https://e.test/errors#{code}",
            "https://e.test/errors/{code}",
            "https://e.test/{lang}#{code}",
            "https://e.test/errors",
        ])),
        prop_oneof![6 => Just("string"), 1 => Just("integer"), 1 => Just("http-status")],
        0usize..4,
        prop::collection::vec(code, 0..12),
        prop::bool::weighted(0.85),
    )
        .prop_map(|(name, title, doc_url, code_type, categories, mut codes, coherent)| {
            let title = if coherent { format!("T {title}") } else { title };
            let doc_url = if coherent { doc_url.filter(|u| !u.contains("{lang}")) } else { doc_url };
            if coherent {
                make_coherent(&mut codes, code_type, categories);
            }
            let mut catalog = json!({
                "format": 1,
                "name": name,
                "title": title,
                "code_type": code_type,
                "categories": (0..categories).map(|i| json!({ "id": format!("cat{i}") })).collect::<Vec<_>>(),
                "codes": codes,
            });
            if let Some(url) = doc_url {
                catalog["doc_url"] = json!(url);
            }
            catalog
        })
}

/// Most generated catalogs keep the rules a careful author would (unique one-token codes of
/// the declared type, one-line messages, statuses in range), so emission is exercised with
/// hostile text rather than rejected up front; the rest stay as random as they came.
fn make_coherent(codes: &mut [Value], code_type: &str, categories: usize) {
    let mut seen = BTreeSet::new();
    for (i, entry) in codes.iter_mut().enumerate() {
        let mut code = match &entry["code"] {
            Value::String(s) => s
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>(),
            other => other.to_string(),
        };
        if code.is_empty() || seen.contains(&variant_name(&code)) {
            code = format!("{code}_{i}x");
        }
        seen.insert(variant_name(&code));
        entry["code"] = if code_type == "integer" {
            json!(i as i64 * 7919 - 3)
        } else {
            json!(code)
        };
        if code_type != "integer" && entry.get("deprecated").is_some() && i % 2 == 0 {
            entry["aliases"] = json!([format!("{code}~alias")]);
        }
        let message = entry["message"]
            .as_str()
            .unwrap_or_default()
            .replace(['\n', '\r'], " ");
        entry["message"] = json!(format!("m {message}"));
        let status = entry["status"]
            .as_u64()
            .map(|s| 100 + s % 500)
            .or((code_type == "http-status").then_some(400));
        if let Some(s) = status {
            entry["status"] = json!(s);
        }
        if let Some(c) = entry["category"]
            .as_str()
            .and_then(|c| c.strip_prefix("cat"))
        {
            match c.parse::<usize>() {
                Ok(n) if n < categories => {}
                _ => {
                    entry.as_object_mut().map(|o| o.remove("category"));
                }
            }
        }
        if entry.get("deprecated").is_none() {
            entry.as_object_mut().map(|o| o.remove("aliases"));
        }
    }
}

/// Runs one catalog through the pipeline and checks what came out.
fn check(catalog: &Value) -> Result<bool, TestCaseError> {
    let text = serde_json::to_string_pretty(catalog).expect("serializable");
    let model = match Generator::new().load_str("fuzz.json", &text) {
        Ok(model) => model,
        Err(report) => {
            prop_assert!(!report.is_empty(), "rejected without a diagnostic");
            let shown = report.to_string();
            prop_assert!(
                shown.lines().filter(|l| l.starts_with("error: ")).count() >= 2,
                "no diagnostic above the summary: {shown}"
            );
            return Ok(false);
        }
    };
    let files = Generator::new().crate_files(&model, false);
    for source in [&files.codes_rs(), &files.lib_rs(), &files.tests_rs()] {
        let parsed = syn::parse_file(source);
        prop_assert!(parsed.is_ok(), "{:?}\n{source}", parsed.err());
    }
    let page = Generator::new().page(&model);
    let anchors: BTreeSet<String> = page
        .split("<a id=\"")
        .skip(1)
        .map(|p| {
            let raw = p.split('"').next().unwrap_or_default();
            raw.replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect();
    prop_assert_eq!(
        anchors.len(),
        model.codes().len(),
        "anchors are not one per code"
    );
    for code in model.codes() {
        let expected = match code.doc_url().and_then(|u| u.split_once('#')) {
            Some((_, fragment)) => errcat_codegen::testing::percent_decode(fragment),
            None => code.wire().to_owned(),
        };
        prop_assert!(anchors.contains(&expected), "no anchor {expected:?}");
    }
    Ok(true)
}

fn cases() -> u32 {
    std::env::var("ERRCAT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// The seed of the cases CI runs.
const SEED: u64 = 20_251_130;

/// Where minimal failing cases are kept, as seeds proptest replays before any new case.
const REGRESSIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz.proptest-regressions");

/// The runner's configuration: `PROPTEST_RNG_SEED` if set (proptest reads it into
/// `Config::default()`), else [`SEED`]; failures persisted in [`REGRESSIONS`].
fn config() -> Config {
    let default = Config::default();
    let seed = match default.rng_seed {
        RngSeed::Fixed(seed) => seed,
        RngSeed::Random => SEED,
    };
    Config {
        cases: cases(),
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))),
        ..default
    }
}

#[test]
fn random_catalogs_never_break_errcat() {
    let config = config();
    let seed = config.rng_seed;
    let cases = config.cases;
    eprintln!("fuzz: {cases} cases from seed {seed} (PROPTEST_RNG_SEED={seed} reruns them)");
    let mut runner = TestRunner::new(config);
    let accepted = std::cell::Cell::new(0u32);
    runner
        .run(&catalog_strategy(), |catalog| {
            if check(&catalog)? {
                accepted.set(accepted.get() + 1);
            }
            Ok(())
        })
        .unwrap_or_else(|e| {
            panic!("{e}\n(seed {seed}: rerun with PROPTEST_RNG_SEED={seed}; the case is kept in {REGRESSIONS})")
        });
    eprintln!("{cases} cases, {} accepted", accepted.get());
    assert!(
        accepted.get() > 0,
        "no random catalog was accepted: the generator is too hostile to test emission"
    );
}

#[test]
fn the_regression_file_is_committed_and_read() {
    let text = fs::read_to_string(REGRESSIONS).expect("tests/fuzz.proptest-regressions");
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        assert!(line.starts_with("cc "), "not a proptest seed line: {line}");
    }
}

#[test]
fn a_sample_of_random_catalogs_compiles_with_warnings_denied() {
    let project = errcat_tests::scratch_workspace();
    let root = project.path();
    let mut runner = TestRunner::deterministic();
    let strategy = catalog_strategy();
    let mut written = 0;
    while written < 6 {
        let mut catalog = strategy.new_tree(&mut runner).expect("value").current();
        catalog["name"] = json!(format!("sample{written}"));
        let text = serde_json::to_string_pretty(&catalog).unwrap();
        if Generator::new().load_str("sample.json", &text).is_ok() {
            fs::write(root.join(format!("catalog/sample{written}.json")), text).unwrap();
            written += 1;
        }
    }
    let (code, _, err) = errcat_tests::xtask(root, &["gen"]);
    assert_eq!(code, 0, "{err}");
    let manifest = root.join("Cargo.toml");
    errcat_tests::settle_lockfile(&manifest);
    run_ok(nested_cargo(&[
        "test",
        "--quiet",
        "--locked",
        "--workspace",
        "--manifest-path",
        manifest.to_str().unwrap(),
    ]));
}
