//! What each error carries (`codes[].args`), used as a server and a client would: the crate of
//! `tests/corpus/accept/args.json` is generated into a scratch workspace beside an `app`
//! crate whose test raises an error on the server side, sends its body, and reads the
//! arguments back on the client side. (That the crate builds, tests and lints with every
//! feature is `diagnostics::accepted_catalogs_…`; each refused catalog is in
//! `tests/corpus/reject/args-*.json` with its report.)

use std::fs;

use errcat_tests::{nested_cargo, run_ok, settle_lockfile};

const APP_TEST: &str = r##"
use args_errors::args::{
    ArgsError, ForeignKeyViolation, ForeignKeyViolationArgs, ForeignKeyViolationReason,
    InvalidField, InvalidFieldArgs, Quota, QuotaArgs, ValidationCode,
};
use args_errors::{ApiError, ErrorCode};

#[test]
fn a_server_error_reaches_the_client_with_its_public_arguments_only() {
    let error = ForeignKeyViolation::new(
        "customer_id",
        "999",
        "customers",
        "SELECT * FROM customers",
        "s3cr3t",
        ForeignKeyViolationReason::Missing,
    )
    .with_retry_after(30);
    // The template rendered as plain text, `\{` read as a brace.
    assert_eq!(
        error.message(),
        "Referenced customer_id '999' does not exist in customers {sic}"
    );
    assert_eq!(
        error.to_string(),
        "FOREIGN_KEY_VIOLATION: Referenced customer_id '999' does not exist in customers {sic}"
    );
    // Debug redacts the secret; logs get the internal argument, never the secret.
    let debug = format!("{error:?}");
    assert!(debug.contains(r#"token: <redacted>"#), "{debug}");
    assert!(!debug.contains("s3cr3t"), "{debug}");
    let logs = error.log_fields();
    assert!(logs.contains(&("query", "SELECT * FROM customers".to_owned())), "{logs:?}");
    assert!(logs.contains(&("retryAfter", "30".to_owned())), "{logs:?}");
    assert!(logs.iter().all(|(name, value)| *name != "token" && value != "s3cr3t"));

    // The server's body: code, status, message, and the public arguments as the details.
    let api: ApiError = error.into();
    assert_eq!(api.status(), Some(400));
    let body: serde_json::Value = serde_json::from_slice(&api.to_json()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"error": {
            "code": "FOREIGN_KEY_VIOLATION",
            "message": "Referenced customer_id '999' does not exist in customers {sic}",
            "details": {
                "column": "customer_id", "value": "999", "table": "customers",
                "retryAfter": 30, "reason": "missing"
            }
        }})
    );

    // The client reads them back as the struct.
    let read = ApiError::from_json(&api.to_json()).unwrap();
    assert_eq!(read.code().known(), Some(ErrorCode::ForeignKeyViolation));
    let args: ForeignKeyViolationArgs = read.args().unwrap();
    assert_eq!(args.column, "customer_id");
    assert_eq!(args.retry_after, Some(30));
    assert_eq!(args.reason, ForeignKeyViolationReason::Missing);
    assert_eq!(args.ids, None);
    assert_eq!(args, ForeignKeyViolation::new("customer_id", "999", "customers", "q", "t",
        ForeignKeyViolationReason::Missing).with_retry_after(30).args());
}

#[test]
fn a_body_that_does_not_hold_the_arguments_is_a_clear_error() {
    let read = |body: &str| ApiError::from_json(body.as_bytes()).unwrap();
    let other = read(r#"{"error": {"code": "NOT_FOUND", "details": {}}}"#);
    assert_eq!(
        other.args::<QuotaArgs>(),
        Err(ArgsError::OtherCode { expected: ErrorCode::Quota, found: "NOT_FOUND".to_owned() })
    );
    let bare = read(r#"{"error": {"code": "QUOTA"}}"#);
    assert_eq!(bare.args::<QuotaArgs>(), Err(ArgsError::NoDetails));
    let wrong = read(r#"{"error": {"code": "QUOTA", "details": {"used": "many"}}}"#);
    let Err(ArgsError::Mismatch(why)) = wrong.args::<QuotaArgs>() else {
        panic!("a mismatch")
    };
    assert!(why.contains("invalid type"), "{why}");
    let unknown_value = read(
        r#"{"error": {"code": "FOREIGN_KEY_VIOLATION", "details": {"column": "c", "value": "v",
            "table": "t", "reason": "archived"}}}"#,
    );
    assert!(matches!(
        unknown_value.args::<ForeignKeyViolationArgs>(),
        Err(ArgsError::Mismatch(_))
    ));
}

#[test]
fn an_inner_code_is_typed_and_an_unknown_one_is_kept() {
    let error = InvalidField::new("api_key", ValidationCode::ValidationUniqueness)
        .with_record_type("ItemType");
    assert_eq!(error.message(), "Field api_key is invalid (VALIDATION_UNIQUENESS)");
    let body: serde_json::Value = serde_json::from_slice(&ApiError::from(error).to_json()).unwrap();
    assert_eq!(
        body["error"]["details"],
        serde_json::json!({"field": "api_key", "code": "VALIDATION_UNIQUENESS", "record_type": "ItemType"})
    );
    let read = |code: &str| {
        let body = format!(
            r#"{{"error": {{"code": "INVALID_FIELD", "details": {{"field": "f", "code": "{code}"}}}}}}"#
        );
        ApiError::from_json(body.as_bytes()).unwrap().args::<InvalidFieldArgs>().unwrap()
    };
    let known = read("VALIDATION_REQUIRED");
    assert_eq!(known.code, ValidationCode::ValidationRequired);
    assert_eq!(known.code.message(), Some("The value is missing"));
    assert_eq!(known.record_type, None);
    let later = read("VALIDATION_FORMAT");
    assert_eq!(later.code, ValidationCode::Unknown("VALIDATION_FORMAT".to_owned()));
    assert_eq!(later.code.as_str(), "VALIDATION_FORMAT");
    assert_eq!(later.code.message(), None);
    assert_eq!(ValidationCode::parse("VALIDATION_UNIQUENESS").message(), Some("The value is already taken"));
}

/// A subscriber that keeps each event's level and fields, as text.
struct Recorder(std::sync::Mutex<Vec<(tracing::Level, Vec<(String, String)>)>>);

struct Fields(Vec<(String, String)>);

impl tracing::field::Visit for Fields {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
}

impl tracing::Subscriber for Recorder {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut fields = Fields(Vec::new());
        event.record(&mut fields);
        self.0.lock().unwrap().push((*event.metadata().level(), fields.0));
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[test]
fn trace_logs_the_internal_arguments_and_never_a_secret() {
    let recorder = std::sync::Arc::new(Recorder(std::sync::Mutex::new(Vec::new())));
    let error = ForeignKeyViolation::new(
        "customer_id", "999", "customers", "SELECT 1", "s3cr3t", ForeignKeyViolationReason::Deleted,
    )
    .with_ids(vec![1, 2]);
    tracing::subscriber::with_default(recorder.clone(), || error.trace());
    let events = recorder.0.lock().unwrap();
    let (level, fields) = &events[0];
    assert_eq!(*level, tracing::Level::WARN);
    let get = |name: &str| fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    assert_eq!(get("code"), Some("FOREIGN_KEY_VIOLATION"));
    assert_eq!(get("arg.query"), Some("SELECT 1"));
    assert_eq!(get("arg.ids"), Some("1, 2"));
    assert_eq!(get("arg.reason"), Some("deleted"));
    assert_eq!(get("arg.retry_after"), None, "an unset optional argument is left out");
    assert_eq!(get("arg.token"), None);
    assert!(fields.iter().all(|(_, v)| !v.contains("s3cr3t")), "{fields:?}");
    assert_eq!(
        get("message"),
        Some("Referenced customer_id '999' does not exist in customers {sic}")
    );
    drop(events);
    // An argument named `code` is not the event's code.
    let inner = InvalidField::new("api_key", ValidationCode::ValidationUniqueness);
    tracing::subscriber::with_default(recorder.clone(), || inner.trace());
    let events = recorder.0.lock().unwrap();
    let (_, fields) = &events[1];
    let get = |name: &str| fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    assert_eq!(get("code"), Some("INVALID_FIELD"));
    assert_eq!(get("arg.code"), Some("VALIDATION_UNIQUENESS"));
    drop(events);
    // A code documented with a 5xx status is the server's fault: an ERROR event.
    let internal = args_errors::args::Internal::default().with_incident("i-1");
    tracing::subscriber::with_default(recorder.clone(), || internal.trace());
    let events = recorder.0.lock().unwrap();
    assert_eq!(events[2].0, tracing::Level::ERROR);
}

#[test]
fn problem_documents_carry_arguments_as_extension_members() {
    use args_problem_errors::args::{OutOfCredit, OutOfCreditArgs};
    let error = OutOfCredit::new(30, vec!["/account/12345".to_owned()], "ledger says so");
    let api = args_problem_errors::ApiError::from(error);
    let body: serde_json::Value = serde_json::from_slice(&api.to_json()).unwrap();
    // RFC 9457's own example, as this crate writes it: the arguments beside the members.
    assert_eq!(
        body,
        serde_json::json!({
            "type": "https://example.com/problems/out-of-credit",
            "title": "You do not have enough credit",
            "status": 403,
            "detail": "You do not have enough credit",
            "code": "out-of-credit",
            "balance": 30,
            "accounts": ["/account/12345"]
        })
    );
    let read = args_problem_errors::ApiError::from_json(&api.to_json()).unwrap();
    assert_eq!(
        read.details(),
        Some(&serde_json::json!({"balance": 30, "accounts": ["/account/12345"]}))
    );
    let args: OutOfCreditArgs = read.args().unwrap();
    assert_eq!(args.balance, 30);
    assert_eq!(args.accounts, ["/account/12345"]);
    // A problem without extension members has no details.
    let bare = args_problem_errors::ApiError::from_json(
        br#"{"type": "https://example.com/problems/out-of-credit", "status": 403, "code": "out-of-credit"}"#,
    )
    .unwrap();
    assert_eq!(bare.details(), None);
}

#[test]
fn an_operation_answers_its_errors_and_hides_an_unexpected_one() {
    use args_errors::operations::{CreateOrderError, GetQuotaError};
    assert_eq!(
        CreateOrderError::CODES,
        [ErrorCode::InvalidField, ErrorCode::ForeignKeyViolation, ErrorCode::NotFound, ErrorCode::Internal]
    );
    assert_eq!(GetQuotaError::CODES, [ErrorCode::Quota, ErrorCode::Internal]);
    // A code's server error converts into the operation's error with `?` or `into`.
    let listed: CreateOrderError = ForeignKeyViolation::new(
        "customer_id", "999", "customers", "q", "t", ForeignKeyViolationReason::Missing,
    )
    .into();
    assert_eq!(listed.code(), ErrorCode::ForeignKeyViolation);
    let api = ApiError::from(listed);
    assert_eq!(api.status(), Some(400));
    assert_eq!(api.args::<ForeignKeyViolationArgs>().unwrap().table, "customers");
    assert_eq!(ApiError::from(CreateOrderError::NotFound).status(), Some(404));
    // Anything else is the internal error, and nothing of the cause reaches the body.
    let cause = std::io::Error::other("disk full at /var/lib/orders");
    let unexpected = CreateOrderError::unexpected(cause);
    assert_eq!(unexpected.code(), ErrorCode::Internal);
    let api = ApiError::from(unexpected);
    let body = String::from_utf8(api.to_json()).unwrap();
    assert_eq!(body, r#"{"error":{"code":"INTERNAL","message":"Something went wrong"}}"#);
    // As an axum response: the documented status and the same body.
    let response = axum_core::response::IntoResponse::into_response(CreateOrderError::unexpected(()));
    assert_eq!(response.status().as_u16(), 500);
}

#[test]
fn lists_and_numbers_render_in_the_message() {
    let quota = Quota::new(3, 2, vec!["a".to_owned(), "b".to_owned()], true, "k");
    assert_eq!(quota.message(), "Over quota: 3 of 2 (a, b)");
    let args: QuotaArgs = ApiError::from(quota).args().unwrap();
    assert_eq!(args.names, ["a", "b"]);
    assert!(args.flag);
}
"##;

#[test]
fn a_server_raises_and_a_client_reads_typed_arguments() {
    let project = errcat_tests::scratch_workspace();
    let root = project.path();
    for name in ["args.json", "args-problem.json"] {
        fs::copy(
            errcat_tests::root().join("tests/corpus/accept").join(name),
            root.join("catalog").join(name),
        )
        .unwrap();
    }
    let (code, _, err) = errcat_tests::xtask(root, &["gen"]);
    assert_eq!(code, 0, "{err}");
    // Each operation is a response of its own in `openapi.json`, naming its codes.
    let openapi: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root.join("generated/args/openapi.json")).unwrap(),
    )
    .unwrap();
    let responses = &openapi["components"]["responses"];
    assert_eq!(
        responses["CreateOrderError"]["description"],
        "The errors of operation `create_order`: `INVALID_FIELD`, `FOREIGN_KEY_VIOLATION`, `NOT_FOUND`, `INTERNAL`."
    );
    assert_eq!(
        responses["GetQuotaError"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ErrorBody"
    );
    fs::write(
        root.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"generated/*\", \"app\"]\nexclude = [\"generated/docs\"]\n",
    )
    .unwrap();
    fs::create_dir_all(root.join("app/src")).unwrap();
    fs::create_dir_all(root.join("app/tests")).unwrap();
    fs::write(
        root.join("app/Cargo.toml"),
        "[package]\nname = \"app\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nargs-errors = { path = \"../generated/args\", features = [\"json\", \"tracing\", \"axum\"] }\n\
         axum-core = { version = \"0.5\", default-features = false }\n\
         args-problem-errors = { path = \"../generated/args-problem\", features = [\"json\"] }\n\
         serde_json = \"1\"\ntracing = { version = \"0.1\", default-features = false, features = [\"std\"] }\n",
    )
    .unwrap();
    fs::write(root.join("app/src/lib.rs"), "").unwrap();
    fs::write(root.join("app/tests/args.rs"), APP_TEST).unwrap();
    let manifest = root.join("Cargo.toml");
    settle_lockfile(&manifest);
    run_ok(nested_cargo(&[
        "test",
        "--quiet",
        "--locked",
        "--manifest-path",
        manifest.to_str().unwrap(),
        "-p",
        "app",
    ]));
}

#[test]
fn the_page_lists_each_codes_arguments() {
    let text =
        fs::read_to_string(errcat_tests::root().join("tests/corpus/accept/args.json")).unwrap();
    let model = errcat_codegen::Generator::new()
        .load_str("tests/corpus/accept/args.json", &text)
        .unwrap_or_else(|report| panic!("{report}"));
    let page = errcat_codegen::Generator::new()
        .command("test")
        .page(&model);
    assert!(
        page.contains(
            "| `retryAfter` | integer | no | public | Example: `30`. |\n\
             | `reason` | one of `missing`, `deleted`, `self` | yes | public |  |\n"
        ),
        "{page}"
    );
    assert!(
        page.contains("| `token` | string | yes | secret |  |\n"),
        "{page}"
    );
    // A code argument links to its set's section, which lists the set's codes.
    assert!(
        page.contains(
            "| `code` | code of [`validation`](#inner-codes-validation) | yes | public | \
             Example: `\"VALIDATION_UNIQUENESS\"`. |\n"
        ),
        "{page}"
    );
    assert!(
        page.contains(
            "## Inner codes: Validation codes\n\n<a id=\"inner-codes-validation\"></a>\n\n\
             Why a field was *refused*.\n\nIn Rust: `args_errors::args::ValidationCode`, which keeps \
             a code it does not list.\n\n| Code | Message |\n|---|---|\n\
             | `VALIDATION_UNIQUENESS` | The value is already `taken` |\n\
             | `VALIDATION_REQUIRED` | The value is missing Send it. |\n"
        ),
        "{page}"
    );
    assert!(
        page.contains(
            "## Operations\n\nThe codes each operation can return. Any other failure is answered as \
             `INTERNAL`, with nothing of its cause. In Rust: one enum per operation in \
             `args_errors::operations`.\n\n| Operation | Codes | Description |\n|---|---|---|\n\
             | `create_order` | `INVALID_FIELD`, `FOREIGN_KEY_VIOLATION`, `NOT_FOUND` | Creates an *order*. |\n\
             | `get_quota` | `QUOTA` |  |\n"
        ),
        "{page}"
    );
}

#[test]
fn the_build_script_module_refuses_a_catalog_with_arguments() {
    // The `include!`-able module has no `args` module: a build script would silently lack
    // what the catalog declares, so it is refused with what to do instead.
    let path = errcat_tests::root().join("tests/corpus/accept/args.json");
    let report = errcat_codegen::Generator::new()
        .module(&path)
        .expect_err("refused");
    let text = report.to_string();
    assert!(
        text.contains("catalog `args` gives code `INTERNAL` arguments (`args`)"),
        "{text}"
    );
    assert!(
        text.contains("generate its crate with `errcat gen`"),
        "{text}"
    );
    // Inner code sets alone make an `args` module too.
    let project = errcat_tests::scratch_project(&[]);
    let sets = project.path().join("catalog/sets.json");
    fs::write(
        &sets,
        r#"{"format": 1, "name": "sets", "title": "Sets", "codes": [{"code": "a", "message": "A"}],
           "code_sets": [{"name": "reason", "title": "Reasons", "codes": [{"code": "R", "message": "R"}]}]}"#,
    )
    .unwrap();
    let text = errcat_codegen::Generator::new()
        .module(&sets)
        .expect_err("refused")
        .to_string();
    assert!(
        text.contains("catalog `sets` declares inner code set `reason`"),
        "{text}"
    );
}

#[test]
fn the_datocms_example_response_reads_as_typed_arguments() {
    // The thread's own example response, from the catalog: the inner code is typed now.
    use datocms_cma_errors::args::{InvalidFieldArgs, ValidationCode};
    let catalog: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(errcat_tests::root().join("catalog/datocms-cma.json")).unwrap(),
    )
    .unwrap();
    let body = &catalog["codes"][0]["examples"][0]["body"];
    let error = datocms_cma_errors::ApiError::from_json(body.to_string().as_bytes()).unwrap();
    let args: InvalidFieldArgs = error.args().unwrap();
    assert_eq!(args.field, "api_key");
    assert_eq!(args.code, ValidationCode::ValidationUniqueness);
    assert_eq!(args.record_type.as_deref(), Some("ItemType"));
    // The field error read from the same object agrees.
    let field_error = &error.field_errors()[0];
    assert_eq!(field_error.field, "api_key");
    assert_eq!(field_error.code.as_deref(), Some(args.code.as_str()));
}

#[test]
fn the_seeds_examples_are_their_arguments() {
    let catalog = |name: &str| -> serde_json::Value {
        let path = errcat_tests::root().join(format!("catalog/{name}.json"));
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
    };
    // Records API: the example's message is the template with the example's values.
    let records = catalog("records-api");
    let fk = records["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "FOREIGN_KEY_VIOLATION")
        .unwrap();
    let error =
        records_api_errors::args::ForeignKeyViolation::new("customer_id", "999", "customers");
    assert_eq!(
        error.message(),
        fk["examples"][0]["body"]["error"]["message"]
            .as_str()
            .unwrap()
    );
    // DreamFactory: the error format's example `context` reads back as the 400's arguments.
    let dreamfactory = catalog("dreamfactory");
    let body = &dreamfactory["envelope"]["examples"][0]["body"];
    assert_eq!(body["error"]["code"], 400, "{body}");
    let read = dreamfactory_errors::ApiError::from_json(body.to_string().as_bytes()).unwrap();
    let args: dreamfactory_errors::args::BadRequestExceptionArgs = read.args().unwrap();
    assert_eq!(args.field.as_deref(), Some("email"));
    assert_eq!(args.error.as_deref(), Some("Invalid email format"));
    // The batch example's `context.errors`, a list of objects, reads back as typed items, and
    // a server that raises the same failures writes the same `context`.
    use dreamfactory_errors::args::{BatchException, BatchExceptionArgs, BatchExceptionErrorsItem};
    let batch = dreamfactory["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "BatchException")
        .unwrap();
    let body = &batch["examples"][0]["body"];
    let read = dreamfactory_errors::ApiError::from_json(body.to_string().as_bytes()).unwrap();
    let args: BatchExceptionArgs = read.args().unwrap();
    let items = vec![
        BatchExceptionErrorsItem::new(0, "Duplicate key value"),
        BatchExceptionErrorsItem::new(2, "Foreign key violation"),
    ];
    assert_eq!(args.errors, items);
    let sent = BatchException::new(items);
    assert_eq!(
        sent.log_fields(),
        [(
            "errors",
            "(index: 0, message: Duplicate key value), (index: 2, message: Foreign key violation)"
                .to_owned()
        )]
    );
    let written = dreamfactory_errors::ApiError::from(sent).to_json_value();
    assert_eq!(
        written["error"]["context"], body["error"]["context"],
        "{written}"
    );
    // A 404 is not a bad request: its status says so.
    let not_found = dreamfactory_errors::ApiError::from_json(
        br#"{"error": {"code": 404, "message": "Not Found", "context": {"field": "id"}}}"#,
    )
    .unwrap();
    assert!(matches!(
        not_found.args::<dreamfactory_errors::args::BadRequestExceptionArgs>(),
        Err(dreamfactory_errors::args::ArgsError::OtherCode { found, .. }) if found == "404"
    ));
}

#[test]
fn explain_lists_a_codes_arguments() {
    let mut generator = errcat_codegen::Generator::new();
    generator.root(errcat_tests::root());
    let entries = generator
        .explain("INVALID_FIELD")
        .unwrap_or_else(|r| panic!("{r}"));
    let entry = &entries[0];
    assert!(
        entry.contains("Arguments:\n  - field (string, public): The field the error is about.",),
        "{entry}"
    );
    assert!(
        entry.contains("\n  - code (code of set validation, public): "),
        "{entry}"
    );
    assert!(
        entry.contains("\n  - record_type (string, optional, public): "),
        "{entry}"
    );
}

#[test]
fn a_mappings_arguments_are_its_overlays_and_their_problems_point_there() {
    // A vendor file rarely says what an error carries: a mapping gives it in its overlay, and
    // a mistake there is reported in the mapping, not in the vendor file.
    let project = errcat_tests::scratch_project(&[]);
    let root = project.path();
    fs::create_dir_all(root.join("catalog/vendor")).unwrap();
    fs::write(
        root.join("catalog/vendor/lib.json"),
        r#"{"E_READ": "Reading failed", "E_WRITE": "Writing failed"}"#,
    )
    .unwrap();
    let mapping = |args: &str| {
        format!(
            r#"{{"mapping": 1, "vendor_file": "vendor/lib.json", "entries": {{"kind": "object"}},
              "catalog": {{"name": "lib", "title": "Lib"}},
              "fields": {{"code": {{"key": true}}, "message": {{"pointer": ""}}}},
              "overlay": {{"E_READ": {{"message": "Reading {{$path}} failed", "args": {args}}}}}}}"#
        )
    };
    fs::write(
        root.join("catalog/lib.json"),
        mapping(r#"[{"name": "path", "type": "string"}]"#),
    )
    .unwrap();
    let (code, _, err) = errcat_tests::xtask(root, &["gen"]);
    assert_eq!(code, 0, "{err}");
    let args = fs::read_to_string(root.join("generated/lib/src/args.rs")).unwrap();
    assert!(args.contains("pub struct ERead {"), "{args}");

    fs::write(
        root.join("catalog/lib.json"),
        mapping(r#"[{"name": "path", "type": "string"}, {"name": "n", "type": "integer", "example": "x"}]"#),
    )
    .unwrap();
    let (code, _, err) = errcat_tests::xtask(root, &["gen"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("┌─ catalog/lib.json:"), "{err}");
    assert!(err.contains("at /overlay/E_READ/args/1"), "{err}");
    assert!(!err.contains("catalog/vendor/lib.json"), "{err}");
}
