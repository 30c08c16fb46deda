//! Localized messages (`locales`), from the translation files to the wire: the shop catalog
//! (`catalog/shop.json`, translated into `de`, `pt` and `pt-BR` in `catalog/locales/shop/`)
//! used through its crate as a server and a client would, and `gen --check` naming every
//! stale or missing translation. (`Accept-Language` tables are the runtime's own tests,
//! `codegen/runtime/check/negotiate_tests.rs`; each refused translation is in
//! `tests/corpus/reject/locales-*.json` with its report.)

use std::fs;
use std::path::Path;

use errcat_tests::{root, xtask};
use shop_errors::args::{InvalidField, OutOfStock, OutOfStockArgs, ValidationCode};
use shop_errors::operations::{CreateOrderError, GetOrderError};
use shop_errors::{ApiError, ErrorCode, Locale};

#[test]
fn each_message_follows_its_fallback_chain() {
    assert_eq!(
        Locale::ALL,
        [Locale::En, Locale::De, Locale::Pt, Locale::PtBr]
    );
    assert_eq!(Locale::SOURCE, Locale::En);
    assert_eq!(Locale::default(), Locale::En);
    assert_eq!(Locale::parse("PT-br"), Some(Locale::PtBr));
    assert_eq!(Locale::parse("fr"), None);
    assert_eq!(Locale::PtBr.fallback(), Some(Locale::Pt));
    assert_eq!(Locale::Pt.fallback(), Some(Locale::En));
    assert_eq!(Locale::En.fallback(), None);
    assert_eq!(Locale::PtBr.to_string(), "pt-BR");

    // pt-BR's own translation; a message it lacks is pt's, and says so.
    assert_eq!(
        ErrorCode::RateLimited.localized(Locale::PtBr),
        ("Muitas requisições", Locale::PtBr)
    );
    assert_eq!(
        ErrorCode::PaymentDeclined.localized(Locale::PtBr),
        ("O pagamento foi recusado", Locale::Pt)
    );
    assert_eq!(
        ErrorCode::RateLimited.message_in(Locale::De),
        "Zu viele Anfragen"
    );
    assert_eq!(
        ErrorCode::RateLimited.message_in(Locale::En),
        ErrorCode::RateLimited.message()
    );

    // A template is rendered in each language with the same arguments.
    let error = OutOfStock::new("sku-1", 2, "wh-7");
    assert_eq!(error.message(), "Only 2 of sku-1 are in stock");
    assert_eq!(
        error.message_in(Locale::De),
        "Von sku-1 sind nur 2 auf Lager"
    );
    assert_eq!(
        error.message_in(Locale::Pt),
        "Só há 2 unidades de sku-1 em stock"
    );
    assert_eq!(
        error.localized(Locale::PtBr),
        (
            "Só há 2 unidades de sku-1 em estoque".to_owned(),
            Locale::PtBr
        )
    );
    let invalid = InvalidField::new("/items/0", ValidationCode::Required);
    assert_eq!(
        invalid.localized(Locale::PtBr),
        ("O campo /items/0 é inválido".to_owned(), Locale::Pt)
    );

    // Inner codes: pt-BR's own, then pt's; an unknown code has no message in any language.
    assert_eq!(
        ValidationCode::Required.message_in(Locale::PtBr),
        Some("O campo está faltando")
    );
    assert_eq!(
        ValidationCode::TooLong.message_in(Locale::PtBr),
        Some("O valor é mais longo do que o permitido")
    );
    assert_eq!(
        ValidationCode::TooLong.message_in(Locale::En),
        ValidationCode::TooLong.message()
    );
    assert_eq!(ValidationCode::parse("ODD").message_in(Locale::De), None);
}

#[test]
fn an_operation_answers_in_a_language_and_names_it() {
    let api = CreateOrderError::from(OutOfStock::new("sku-1", 0, "wh-7")).api_error_in(Locale::De);
    assert_eq!(api.message(), Some("Von sku-1 sind nur 0 auf Lager"));
    assert_eq!(api.language(), Some("de"));
    let headers = api.response_headers();
    assert!(
        headers.contains(&("Content-Language", "de".to_owned())),
        "{headers:?}"
    );
    assert!(
        headers.contains(&("Vary", "Accept-Language".to_owned())),
        "{headers:?}"
    );
    assert!(!String::from_utf8_lossy(&api.to_json()).contains("wh-7"));

    // The internal error, in the language its fallback reaches, with nothing of the cause.
    let unexpected = GetOrderError::unexpected("disk on fire").api_error_in(Locale::PtBr);
    assert_eq!(unexpected.code().known(), Some(ErrorCode::Internal));
    assert_eq!(
        unexpected.message(),
        Some("A requisição falhou do nosso lado")
    );
    assert_eq!(unexpected.language(), Some("pt-BR"));
    let fallen = ApiError::new_in(ErrorCode::PaymentDeclined, Locale::PtBr);
    assert_eq!(fallen.language(), Some("pt"));

    // Without a language, a response names none.
    let plain = ApiError::from(CreateOrderError::RateLimited);
    assert_eq!(plain.language(), None);
    assert!(
        !plain
            .response_headers()
            .iter()
            .any(|(name, _)| *name == "Content-Language")
    );
}

/// An axum app whose handler takes the `Locale` extractor answers each request in the
/// language it asks for; a reqwest client reads the message, its language and the arguments
/// back, and renders the same message from the arguments alone.
#[test]
fn a_server_answers_in_the_language_the_request_asks_for() {
    async fn order(locale: Locale) -> Result<(), ApiError> {
        let error = CreateOrderError::from(OutOfStock::new("sku-1", 2, "wh-7"));
        Err(error.api_error_in(locale))
    }
    let app = axum::Router::new().route("/order", axum::routing::post(order));
    crate::loopback::with_app(app, |base, client| async move {
        let cases = [
            (
                Some("pt-BR"),
                "pt-BR",
                "Só há 2 unidades de sku-1 em estoque",
            ),
            (
                Some("pt-PT, de;q=0.5"),
                "pt",
                "Só há 2 unidades de sku-1 em stock",
            ),
            (Some("fr, de;q=0.1"), "de", "Von sku-1 sind nur 2 auf Lager"),
            (Some("de;q=0, *"), "en", "Only 2 of sku-1 are in stock"),
            (Some("fr"), "en", "Only 2 of sku-1 are in stock"),
            (None, "en", "Only 2 of sku-1 are in stock"),
        ];
        for (asked, language, message) in cases {
            let mut request = client.post(format!("{base}/order"));
            if let Some(asked) = asked {
                request = request.header("Accept-Language", asked);
            }
            let response = crate::loopback::send(request).await;
            assert_eq!(response.status(), 409);
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            };
            assert_eq!(
                header("content-language").as_deref(),
                Some(language),
                "{asked:?}"
            );
            assert_eq!(
                header("vary").as_deref(),
                Some("Accept-Language"),
                "{asked:?}"
            );
            let read = ApiError::from_reqwest(response)
                .await
                .expect("an error body");
            assert_eq!(read.message(), Some(message), "{asked:?}");
            assert_eq!(read.language(), Some(language));
            let args: OutOfStockArgs = read.args().expect("its arguments");
            let locale = Locale::parse(language).expect("a language of the crate");
            assert_eq!(args.message_in(locale), message);
            assert!(
                !read
                    .body()
                    .map(|b| b.to_string())
                    .unwrap_or_default()
                    .contains("wh-7")
            );
        }
    });
}

#[test]
fn the_page_shows_every_language_and_falls_back_visibly() {
    let page = errcat_tests::page("shop.md");
    for row in [
        "| `pt-BR` | Só há {$available} unidades de {$sku} em estoque |",
        "| `pt-BR` | O pagamento foi recusado (from `pt`) |",
        "| `de` | Zu viele Anfragen |",
        "| `pt-BR` | `pt` |",
        "| `TOO_LONG` | Der Wert ist länger als erlaubt | O valor é mais longo do que o permitido | O valor é mais longo do que o permitido (from `pt`) |",
    ] {
        assert!(page.contains(row), "{row} not in:\n{page}");
    }
}

/// Copies the shop catalog and its translations into a scratch project.
fn shop_project() -> tempfile::TempDir {
    let project = errcat_tests::scratch_project(&["shop.json"]);
    let from = root().join("catalog/locales/shop");
    let to = project.path().join("catalog/locales/shop");
    fs::create_dir_all(&to).unwrap();
    for entry in fs::read_dir(&from).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
    project
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from} in {}",
        path.display()
    );
    fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn gen_check_names_every_stale_or_missing_translation() {
    let project = shop_project();
    let dir = project.path();
    let (code, _, err) = xtask(dir, &["gen"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = xtask(dir, &["gen", "--check"]);
    assert_eq!(code, 0, "{err}");

    // The source of a translated message changes, and a code is added.
    let catalog = dir.join("catalog/shop.json");
    edit(
        &catalog,
        "\"The payment was declined\"",
        "\"The payment was refused\"",
    );
    edit(
        &catalog,
        r#"      "description": "Wait before sending another request."
    }"#,
        r#"      "description": "Wait before sending another request."
    },
    {"code": "CLOSED", "status": 503, "message": "The shop is closed"}"#,
    );
    let (code, _, err) = xtask(dir, &["gen", "--check"]);
    assert_eq!(code, 1, "{err}");
    // Stale where translated (de and pt; pt-BR has no entry of its own), missing where a
    // chain starts (de and pt, not pt-BR, which falls back on pt).
    for (file, problem) in [
        (
            "catalog/locales/shop/de.json",
            "the translation of `PAYMENT_DECLINED` is stale",
        ),
        (
            "catalog/locales/shop/pt.json",
            "the translation of `PAYMENT_DECLINED` is stale",
        ),
        (
            "catalog/locales/shop/de.json",
            "`CLOSED` has no translation",
        ),
        (
            "catalog/locales/shop/pt.json",
            "`CLOSED` has no translation",
        ),
    ] {
        let found = err
            .split("\nerror: ")
            .any(|d| d.contains(problem) && d.contains(file));
        assert!(found, "{problem} in {file} not reported:\n{err}");
    }
    assert!(!err.contains("pt-BR.json"), "{err}");
    assert!(
        err.contains("\"source_hash\": \"") || err.contains("`source_hash` to \""),
        "{err}"
    );
    assert_eq!(err.matches("has no translation").count(), 2, "{err}");
    assert_eq!(err.matches("is stale").count(), 2, "{err}");

    // `gen` writes all the same, and a stale translation is not used: the message falls back.
    let (code, _, err) = xtask(dir, &["gen"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("is stale"), "{err}");
    let locale_rs = fs::read_to_string(dir.join("generated/shop/src/locale.rs")).unwrap();
    assert!(
        !locale_rs.contains("Die Zahlung wurde abgelehnt"),
        "{locale_rs}"
    );
    assert!(locale_rs.contains("Zu viele Anfragen"), "{locale_rs}");

    // Translated again, with the hash the report gave: clean.
    let hash = errcat_codegen::format::locales::source_hash("The payment was refused");
    for (file, message) in [
        ("de", "Die Zahlung wurde verweigert"),
        ("pt", "O pagamento foi negado"),
    ] {
        let path = dir.join(format!("catalog/locales/shop/{file}.json"));
        let mut value: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        value["codes"]["PAYMENT_DECLINED"] =
            serde_json::json!({"message": message, "source_hash": hash});
        value["codes"]["CLOSED"] = serde_json::json!({
            "message": "zu", "source_hash": errcat_codegen::format::locales::source_hash("The shop is closed")
        });
        fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    }
    let (code, _, err) = xtask(dir, &["gen"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = xtask(dir, &["gen", "--check"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn the_build_script_module_refuses_a_catalog_with_translations() {
    let project = errcat_tests::scratch_project(&[]);
    let path = project.path().join("catalog/plain.json");
    fs::write(
        &path,
        r#"{"format": 1, "name": "plain", "title": "Plain", "codes": [{"code": "a", "message": "A"}],
           "locales": {"source": "en", "translations": ["de"]}}"#,
    )
    .unwrap();
    fs::create_dir_all(project.path().join("catalog/locales/plain")).unwrap();
    fs::write(
        project.path().join("catalog/locales/plain/de.json"),
        format!(
            r#"{{"format": 1, "locale": "de", "codes": {{"a": {{"message": "Ä", "source_hash": "{}"}}}}}}"#,
            errcat_codegen::format::locales::source_hash("A")
        ),
    )
    .unwrap();
    let text = errcat_codegen::Generator::new()
        .module(&path)
        .expect_err("refused")
        .to_string();
    assert!(
        text.contains("catalog `plain` has translations (`locales`)"),
        "{text}"
    );
    // The same catalog generates a crate.
    errcat_codegen::Generator::new()
        .load(&path)
        .expect("a valid catalog");
}

#[test]
fn explain_shows_the_message_in_each_language() {
    let mut generator = errcat_codegen::Generator::new();
    generator.root(root());
    let entries = generator
        .explain("PAYMENT_DECLINED")
        .unwrap_or_else(|r| panic!("{r}"));
    let entry = &entries[0];
    assert!(
        entry.contains(
            "In other languages (written in en):\n  - de: Die Zahlung wurde abgelehnt\n  \
             - pt: O pagamento foi recusado\n  - pt-BR: O pagamento foi recusado (from pt)\n"
        ),
        "{entry}"
    );
    let hash = errcat_codegen::format::locales::source_hash("The payment was declined");
    assert!(
        entry.contains(&format!("\n  source_hash of this message: {hash}\n")),
        "{entry}"
    );
}

#[cfg(unix)]
#[test]
fn a_translation_that_links_out_of_the_catalog_folder_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("de.json"), r#"{"SECRET": "s3cr3t"}"#).unwrap();
    let project = shop_project();
    let de = project.path().join("catalog/locales/shop/de.json");
    fs::remove_file(&de).unwrap();
    std::os::unix::fs::symlink(outside.path().join("de.json"), &de).unwrap();
    let (code, _, err) = xtask(project.path(), &["gen"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("`locales/shop/de.json` is a symbolic link")
            && err.contains("at /locales/translations/0"),
        "{err}"
    );
    assert!(!err.contains("s3cr3t"), "{err}");
    assert!(
        !project.path().join("generated").exists(),
        "nothing is written"
    );
}

#[test]
fn a_mappings_messages_are_translated_as_a_catalogs_are() {
    // The vendor file stays as shipped; the translations sit beside the mapping.
    let project = errcat_tests::scratch_project(&[]);
    let dir = project.path();
    fs::create_dir_all(dir.join("catalog/vendor")).unwrap();
    fs::create_dir_all(dir.join("catalog/locales/lib")).unwrap();
    fs::write(
        dir.join("catalog/vendor/lib.json"),
        r#"{"E_READ": "Reading failed", "E_WRITE": "Writing failed"}"#,
    )
    .unwrap();
    fs::write(
        dir.join("catalog/lib.json"),
        r#"{"mapping": 1, "vendor_file": "vendor/lib.json", "entries": {"kind": "object"},
            "catalog": {"name": "lib", "title": "Lib", "locales": {"source": "en", "translations": ["de"]}},
            "fields": {"code": {"key": true}, "message": {"pointer": ""}}}"#,
    )
    .unwrap();
    let hash = errcat_codegen::format::locales::source_hash;
    let de = |read: &str| {
        format!(
            r#"{{"format": 1, "locale": "de", "codes": {{
                "E_READ": {{"message": "Lesen fehlgeschlagen", "source_hash": "{}"}},
                "E_WRITE": {{"message": "Schreiben fehlgeschlagen", "source_hash": "{}"}}}}}}"#,
            hash(read),
            hash("Writing failed")
        )
    };
    fs::write(
        dir.join("catalog/locales/lib/de.json"),
        de("Reading failed"),
    )
    .unwrap();
    let (code, _, err) = xtask(dir, &["gen", "--check"]);
    assert_eq!(code, 1, "nothing generated yet: {err}");
    let (code, _, err) = xtask(dir, &["gen"]);
    assert_eq!(code, 0, "{err}");
    let locale_rs = fs::read_to_string(dir.join("generated/lib/src/locale.rs")).unwrap();
    assert!(locale_rs.contains("Lesen fehlgeschlagen"), "{locale_rs}");
    let (code, _, err) = xtask(dir, &["gen", "--check"]);
    assert_eq!(code, 0, "{err}");

    // A translation made from another message than the vendor's is stale, named in its file.
    fs::write(
        dir.join("catalog/locales/lib/de.json"),
        de("Reading went wrong"),
    )
    .unwrap();
    let (code, _, err) = xtask(dir, &["gen", "--check"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("the translation of `E_READ` is stale")
            && err.contains("catalog/locales/lib/de.json"),
        "{err}"
    );
}
