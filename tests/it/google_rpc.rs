//! The `google-rpc` preset end to end, with `catalog/bookshelf.json`: the body a server writes
//! is AIP-193's `google.rpc.Status` exactly, a client reads it back typed, and a localized
//! answer keeps the English `message` beside a `LocalizedMessage`.

use bookshelf_errors::args::{BookNotFound, BookNotFoundArgs, QuotaExceeded, QuotaExceededArgs};
use bookshelf_errors::{ApiError, ErrorCode, Locale, RateLimit, RetryAfter};
use serde_json::json;

#[test]
fn a_server_writes_google_rpc_status_and_a_client_reads_it_back_typed() {
    let error = BookNotFound::new("fiction", 42).api_error_in(Locale::Fr);
    let expected = json!({"error": {
        "code": 404,
        "message": "No book 42 on shelf fiction",
        "status": "NOT_FOUND",
        "details": [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "BOOK_NOT_FOUND",
             "domain": "bookshelf.example.com",
             "metadata": {"shelf": "fiction", "bookId": "42"}},
            {"@type": "type.googleapis.com/google.rpc.LocalizedMessage", "locale": "fr",
             "message": "Aucun livre 42 sur l'étagère fiction"},
            {"@type": "type.googleapis.com/google.rpc.Help", "links": [
                {"description": "Documentation of this error",
                 "url": "https://bookshelf.example.com/errors#BOOK_NOT_FOUND"}]}
        ]
    }});
    assert_eq!(error.to_json_value(), expected);
    let read = ApiError::from_json(&error.to_json()).expect("the body reads");
    assert_eq!(read.code().known(), Some(ErrorCode::BookNotFound));
    assert_eq!(read.message(), Some("No book 42 on shelf fiction"));
    assert_eq!(
        read.localized_message(),
        Some("Aucun livre 42 sur l'étagère fiction")
    );
    assert_eq!(read.language(), Some("fr"));
    let args: BookNotFoundArgs = read.args().expect("its arguments");
    assert_eq!(args, BookNotFound::new("fiction", 42).args());
    assert_eq!(
        args.message_in(Locale::Fr),
        "Aucun livre 42 sur l'étagère fiction"
    );
}

#[test]
fn the_retry_delay_travels_in_retry_info_and_the_header() {
    let limit = RateLimit {
        retry_after: Some(RetryAfter::Seconds(30)),
        ..RateLimit::default()
    };
    let error = ApiError::from(QuotaExceeded::new(60).with_usage(0.75)).with_rate_limit(limit);
    let body = error.to_json_value();
    assert_eq!(body["error"]["status"], "RESOURCE_EXHAUSTED");
    assert_eq!(
        body["error"]["details"][0]["metadata"],
        json!({"limit": "60", "usage": "0.75"})
    );
    assert_eq!(
        body["error"]["details"][2],
        json!({"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "30s"})
    );
    // A client that reads the body alone still learns how long to wait.
    let read = ApiError::from_json(&error.to_json()).expect("the body reads");
    assert_eq!(
        read.rate_limit().and_then(|l| l.retry_after),
        Some(RetryAfter::Seconds(30))
    );
    let args: QuotaExceededArgs = read.args().expect("its arguments");
    assert_eq!(args, QuotaExceeded::new(60).with_usage(0.75).args());
}

#[test]
fn metadata_that_does_not_read_as_its_type_is_an_error_when_reading_the_arguments() {
    let body = json!({"error": {"code": 404, "message": "m", "status": "NOT_FOUND", "details": [
        {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "BOOK_NOT_FOUND",
         "domain": "bookshelf.example.com", "metadata": {"shelf": "fiction", "bookId": "forty"}}
    ]}});
    let read = ApiError::from_json(body.to_string().as_bytes()).expect("the body reads");
    assert_eq!(
        read.details(),
        Some(&json!({"shelf": "fiction", "book_id": "forty"}))
    );
    let err = read
        .args::<BookNotFoundArgs>()
        .expect_err("`forty` is no integer");
    assert!(err.to_string().contains("\"forty\", expected i64"), "{err}");
}

#[test]
fn an_axum_server_answers_in_the_asked_language_beside_english() {
    async fn book(locale: Locale) -> Result<(), ApiError> {
        Err(BookNotFound::new("fiction", 7).api_error_in(locale))
    }
    let app = axum::Router::new().route("/book", axum::routing::get(book));
    crate::loopback::with_app(app, |base, client| async move {
        let cases = [
            (
                Some("fr-CA, en;q=0.5"),
                "fr",
                "Aucun livre 7 sur l'étagère fiction",
            ),
            (Some("de"), "en", "No book 7 on shelf fiction"),
            (None, "en", "No book 7 on shelf fiction"),
        ];
        for (asked, language, localized) in cases {
            let mut request = client.get(format!("{base}/book"));
            if let Some(asked) = asked {
                request = request.header("Accept-Language", asked);
            }
            let response = crate::loopback::send(request).await;
            assert_eq!(response.status(), 404);
            let read = ApiError::from_reqwest(response)
                .await
                .expect("an error body");
            assert_eq!(
                read.message(),
                Some("No book 7 on shelf fiction"),
                "{asked:?}"
            );
            assert_eq!(read.localized_message(), Some(localized), "{asked:?}");
            assert_eq!(read.language(), Some(language), "{asked:?}");
            assert_eq!(read.code().known(), Some(ErrorCode::BookNotFound));
        }
    });
}
