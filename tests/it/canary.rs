//! The canary: no `internal` or `secret` argument of an error leaves the server, and every
//! public one reaches the client exactly.
//!
//! Every code that declares arguments, in every catalog of `catalog/`, is raised as its server
//! error (`args::X`) with each `internal` and `secret` argument set to a marker of its own
//! (`CANARY-INTERNAL-<catalog>-<code>-<argument>`, `CANARY-SECRET-…`) and every optional one
//! set. Each is served by one axum app on 127.0.0.1, as its `ApiError` and, for the codes an
//! operation returns, as that operation's error enum (`operations::CreateOrderError`, …), and
//! read back with reqwest and `ApiError::from_reqwest`. Then:
//!
//! - no marker is in a response header or body, in the body `to_json` writes, in the rendered
//!   text of the error (`Display`, `message()`, gathered by [`rendered_texts`]) or of its
//!   `ApiError` and operation enum, nor anywhere in the `ApiError` (its `Debug`);
//! - no secret marker is in any `Debug` output (where the secret shows as `<redacted>`) or in
//!   `log_fields()`, which holds every public argument and every internal one, with its marker;
//! - the public arguments come back exactly: `ApiError::args::<XArgs>()` on the client equals
//!   `x.args()` on the server, and the error read back writes the body the server wrote (which
//!   is all there is to compare for records-api, whose public arguments travel in the message
//!   alone: its `details` hold field errors);
//! - hostile public values (quotes, backslashes, placeholders such as `{$card_token}`, control
//!   characters, non-ASCII, long text, the markers' prefixes) do all of the above: many
//!   through `to_json`/`from_json` as a property test, some through HTTP;
//! - a guard reads which codes declare arguments (and which operations return them) with
//!   errcat's own loader, mappings resolved, and fails naming each one the canary does not
//!   raise, or raises with other arguments than the catalog declares: a catalog that gains
//!   arguments fails here until it is covered.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{Debug, Display};
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::response::{IntoResponse, Response};
use errcat_codegen::Generator;
use errcat_codegen::format::Visibility;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};
use serde_json::Value;

/// How many hostile errors go through `to_json`/`from_json`, and how many through HTTP.
const BODY_CASES: u32 = 1024;
const HTTP_CASES: u32 = 128;

// ---------------------------------------------------------------------------------------------
// The arguments given, and the markers.
// ---------------------------------------------------------------------------------------------

/// The arguments an error was raised with, recorded as they are passed to its constructor: a
/// public one by name (and its value, as `Debug` shows it), an internal or secret one as its
/// marker.
#[derive(Clone, Debug)]
struct Fill {
    catalog: &'static str,
    code: &'static str,
    /// Every argument given, by its catalog name, with its visibility.
    args: Vec<(&'static str, Visibility)>,
    /// The values of the public ones, as `Debug` shows them.
    public_values: Vec<String>,
}

impl Fill {
    fn new(catalog: &'static str, code: &'static str) -> Fill {
        Fill {
            catalog,
            code,
            args: Vec::new(),
            public_values: Vec::new(),
        }
    }

    /// A public argument: `value`, as given.
    fn public<T: Debug>(&mut self, name: &'static str, value: T) -> T {
        self.args.push((name, Visibility::Public));
        self.public_values.push(format!("{value:?}"));
        value
    }

    /// An internal argument: its marker.
    fn internal(&mut self, name: &'static str) -> String {
        self.args.push((name, Visibility::Internal));
        self.marker(name, Visibility::Internal)
    }

    /// A secret argument: its marker.
    fn secret(&mut self, name: &'static str) -> String {
        self.args.push((name, Visibility::Secret));
        self.marker(name, Visibility::Secret)
    }

    /// The marker of argument `name`: unique to the catalog, the code and the argument, and
    /// of characters that no JSON writer or header escapes, so it is found as written.
    fn marker(&self, name: &str, visibility: Visibility) -> String {
        let kind = visibility.name().to_ascii_uppercase();
        format!("CANARY-{kind}-{}-{}-{name}", self.catalog, self.code)
    }

    /// The internal and secret arguments, with their markers.
    fn hidden(&self) -> Vec<(&'static str, Visibility, String)> {
        self.args
            .iter()
            .filter(|(_, visibility)| !visibility.is_public())
            .map(|&(name, visibility)| (name, visibility, self.marker(name, visibility)))
            .collect()
    }

    /// Whether a public value happens to hold a marker (a hostile value may): then finding
    /// the marker proves nothing.
    fn public_values_hold_a_marker(&self) -> bool {
        let hidden = self.hidden();
        self.public_values
            .iter()
            .any(|value| hidden.iter().any(|(_, _, marker)| value.contains(marker)))
    }
}

// ---------------------------------------------------------------------------------------------
// What every generated crate gives a server error and its `ApiError`.
// ---------------------------------------------------------------------------------------------

/// A crate's `ApiError`, as the canary reads and writes it.
trait WireError: Clone + Debug + Display + PartialEq + IntoResponse + 'static {
    /// `to_json()`.
    fn body_bytes(&self) -> Vec<u8>;
    /// `to_json_value()`.
    fn body_value(&self) -> Value;
    /// `from_json(body)`.
    fn read_json(body: &[u8]) -> Result<Self, String>;
    /// `from_reqwest(response)`.
    async fn read_response(response: reqwest::Response) -> Result<Self, String>;
}

/// A code's server error (`args::X` of a generated crate), as the canary raises it.
trait ServerError: Clone + Debug + Display + Send + Sync + 'static {
    /// The crate's `ApiError`.
    type Api: WireError;
    /// Its public arguments, `XArgs`.
    type Args: Clone + Debug + PartialEq + 'static;
    /// `message()`: the catalog's template, rendered.
    fn rendered_message(&self) -> String;
    /// `log_fields()`.
    fn fields_for_logs(&self) -> Vec<(&'static str, String)>;
    /// `args()`: the public arguments.
    fn public_args(&self) -> Self::Args;
    /// `ApiError::from(self)`.
    fn to_api(&self) -> Self::Api;
    /// `api.args::<XArgs>()`: the public arguments, as a client reads them; `None` where the
    /// body has no place for them but the message (records-api, whose `details` hold field
    /// errors), so the crate has no `ApiError::args`.
    fn read_args(api: &Self::Api) -> Option<Result<Self::Args, String>>;
    /// Each text the error gives in another language, by where it is seen: `message_in`,
    /// and the `ApiError` of `api_error_in` (its `Display`, body and headers), in every
    /// language of a crate with translations; nothing for one without.
    fn localized_texts(&self) -> Vec<(String, String)>;
}

/// [`ServerError::localized_texts`] of `$error`, an error of `$krate`.
macro_rules! localized_texts {
    (shop_errors, $error:ident) => {
        localized_texts!(@translated shop_errors, $error)
    };
    (bookshelf_errors, $error:ident) => {
        localized_texts!(@translated bookshelf_errors, $error)
    };
    (@translated $krate:ident, $error:ident) => {
        $krate::Locale::ALL
            .iter()
            .flat_map(|&l| {
                let api = $error.clone().api_error_in(l);
                [
                    (
                        format!("message_in({l}) of the error"),
                        $error.message_in(l),
                    ),
                    (
                        format!("message_in({l}) of its public arguments"),
                        $error.args().message_in(l),
                    ),
                    (format!("Display of its ApiError in {l}"), api.to_string()),
                    (
                        format!("body of its ApiError in {l}"),
                        String::from_utf8_lossy(&api.to_json()).into_owned(),
                    ),
                    (
                        format!("headers of its ApiError in {l}"),
                        format!("{:?}", api.response_headers()),
                    ),
                ]
            })
            .collect()
    };
    ($krate:ident, $error:ident) => {{
        let _ = $error;
        Vec::new()
    }};
}

macro_rules! wire_error {
    ($krate:ident) => {
        impl WireError for $krate::ApiError {
            fn body_bytes(&self) -> Vec<u8> {
                self.to_json()
            }
            fn body_value(&self) -> Value {
                self.to_json_value()
            }
            fn read_json(body: &[u8]) -> Result<Self, String> {
                Self::from_json(body).map_err(|e| e.to_string())
            }
            async fn read_response(response: reqwest::Response) -> Result<Self, String> {
                Self::from_reqwest(response)
                    .await
                    .map_err(|e| e.to_string())
            }
        }
    };
}

macro_rules! server_error {
    ($krate:ident :: $error:ident, $args:ident) => {
        server_error!($krate::$error, $args, |api| Some(
            api.args().map_err(|e| e.to_string())
        ));
    };
    ($krate:ident :: $error:ident, $args:ident, in the message only) => {
        server_error!($krate::$error, $args, |_api| None);
    };
    ($krate:ident :: $error:ident, $args:ident, |$api:ident| $read:expr) => {
        impl ServerError for $krate::args::$error {
            type Api = $krate::ApiError;
            type Args = $krate::args::$args;
            fn rendered_message(&self) -> String {
                self.message()
            }
            fn fields_for_logs(&self) -> Vec<(&'static str, String)> {
                self.log_fields()
            }
            fn public_args(&self) -> Self::Args {
                self.args()
            }
            fn to_api(&self) -> Self::Api {
                self.clone().into()
            }
            fn read_args($api: &Self::Api) -> Option<Result<Self::Args, String>> {
                $read
            }
            fn localized_texts(&self) -> Vec<(String, String)> {
                localized_texts!($krate, self)
            }
        }
    };
}

wire_error!(shop_errors);
wire_error!(bookshelf_errors);
wire_error!(datocms_cma_errors);
wire_error!(records_api_errors);
wire_error!(dreamfactory_errors);
server_error!(shop_errors::Internal, InternalArgs);
server_error!(shop_errors::InvalidField, InvalidFieldArgs);
server_error!(shop_errors::OutOfStock, OutOfStockArgs);
server_error!(shop_errors::PaymentDeclined, PaymentDeclinedArgs);
server_error!(shop_errors::NotFound, NotFoundArgs);
server_error!(bookshelf_errors::BookNotFound, BookNotFoundArgs);
server_error!(bookshelf_errors::ShelfFull, ShelfFullArgs);
server_error!(bookshelf_errors::InvalidTitle, InvalidTitleArgs);
server_error!(bookshelf_errors::BookExists, BookExistsArgs);
server_error!(bookshelf_errors::PermissionDenied, PermissionDeniedArgs);
server_error!(bookshelf_errors::QuotaExceeded, QuotaExceededArgs);
server_error!(datocms_cma_errors::InvalidField, InvalidFieldArgs);
server_error!(
    records_api_errors::ForeignKeyViolation,
    ForeignKeyViolationArgs,
    in the message only
);
server_error!(
    dreamfactory_errors::BadRequestException,
    BadRequestExceptionArgs
);
server_error!(dreamfactory_errors::BatchException, BatchExceptionArgs);

// ---------------------------------------------------------------------------------------------
// The checks. Each pushes what it finds to `problems`, so one run reports every leak.
// ---------------------------------------------------------------------------------------------

/// The texts a person reads of a server error, by where they are shown: its `Display` and
/// `message()`, and the `Display` of the `ApiError` it becomes (its message). Every check of
/// rendered text reads them from here, so a new rendering (a message in another locale) is
/// checked everywhere once it is added here.
fn rendered_texts<E: ServerError>(error: &E) -> Vec<(String, String)> {
    let api = error.to_api();
    vec![
        ("Display of the error".to_owned(), error.to_string()),
        (
            "message() of the error".to_owned(),
            error.rendered_message(),
        ),
        ("Display of its ApiError".to_owned(), api.to_string()),
    ]
    .into_iter()
    .chain(error.localized_texts())
    .collect()
}

/// `text`, cut to a length a failure message can show.
fn shown(text: &str) -> String {
    const LIMIT: usize = 300;
    if text.chars().count() <= LIMIT {
        format!("{text:?}")
    } else {
        let head: String = text.chars().take(LIMIT).collect();
        format!("{head:?}…")
    }
}

/// Reports each marker of `fill` of the given visibilities that `text` (seen at `place`) holds.
fn check_hides(
    problems: &mut Vec<String>,
    place: &str,
    text: &str,
    fill: &Fill,
    visibilities: &[Visibility],
) {
    for (name, visibility, marker) in fill.hidden() {
        if visibilities.contains(&visibility) && text.contains(&marker) {
            problems.push(format!(
                "{place} shows {} argument `{name}`: {}",
                visibility.name(),
                shown(text)
            ));
        }
    }
}

/// What leaves the server or is shown to a person (a body, a header, an `ApiError`, a
/// `Display`, a message) holds no internal or secret argument.
fn check_sent(problems: &mut Vec<String>, place: &str, text: &str, fill: &Fill) {
    check_hides(
        problems,
        place,
        text,
        fill,
        &[Visibility::Internal, Visibility::Secret],
    );
}

/// A `Debug` output shows no secret argument; an internal one may be there.
fn check_debug(problems: &mut Vec<String>, place: &str, text: &str, fill: &Fill) {
    check_hides(problems, place, text, fill, &[Visibility::Secret]);
}

/// `log_fields()` names every public and internal argument given, each internal one with its
/// value, and no secret one.
fn check_log_fields(problems: &mut Vec<String>, fields: &[(&'static str, String)], fill: &Fill) {
    check_debug(problems, "log_fields()", &format!("{fields:?}"), fill);
    for &(name, visibility) in &fill.args {
        let logged = fields.iter().find(|(field, _)| *field == name);
        match (visibility, logged) {
            (Visibility::Secret, Some(_)) => {
                problems.push(format!("log_fields() names secret argument `{name}`"));
            }
            (Visibility::Internal, Some((_, value)))
                if *value == fill.marker(name, Visibility::Internal) => {}
            (Visibility::Internal, _) => problems.push(format!(
                "log_fields() lacks internal argument `{name}` or changes it: {}",
                shown(&format!("{fields:?}"))
            )),
            (Visibility::Public, None) => {
                problems.push(format!("log_fields() lacks public argument `{name}`"));
            }
            _ => {}
        }
    }
}

/// An error as a client read it (`how`), against what the server raised: the same public
/// arguments, the same body, and no marker.
fn check_read_back<E: ServerError>(
    problems: &mut Vec<String>,
    how: &str,
    read: &E::Api,
    expected_args: &E::Args,
    expected_body: &Value,
    fill: &Fill,
) {
    match E::read_args(read) {
        // The public arguments are in the message: the body below compares it.
        None => {}
        Some(Ok(args)) if args == *expected_args => {}
        Some(Ok(args)) => problems.push(format!(
            "the public arguments read back with {how} are {}, not {}",
            shown(&format!("{args:?}")),
            shown(&format!("{expected_args:?}"))
        )),
        Some(Err(why)) => problems.push(format!(
            "the public arguments do not read back with {how}: {why}"
        )),
    }
    let body = read.body_value();
    if body != *expected_body {
        problems.push(format!(
            "the error read back with {how} writes {}, not the server's {}",
            shown(&body.to_string()),
            shown(&expected_body.to_string())
        ));
    }
    let place = format!("Display of the error read back with {how}");
    check_sent(problems, &place, &read.to_string(), fill);
    let place = format!("Debug of the error read back with {how}");
    check_sent(problems, &place, &format!("{read:?}"), fill);
}

/// Everything the server side shows of `error` and its `ApiError`, and its body read back with
/// `from_json`; `shown_also` and `debugged_also` are the `Display` and `Debug` of the operation
/// enum that carries it, if any.
fn server_problems<E: ServerError>(
    error: &E,
    fill: &Fill,
    shown_also: &[(String, String)],
    debugged_also: &[(String, String)],
) -> Vec<String> {
    let mut problems = Vec::new();
    for (place, text) in rendered_texts(error).iter().chain(shown_also) {
        check_sent(&mut problems, place, text, fill);
    }

    let debug = format!("{error:?}");
    check_debug(&mut problems, "Debug of the error", &debug, fill);
    for (place, text) in debugged_also {
        check_debug(&mut problems, place, text, fill);
    }
    let secrets = fill
        .args
        .iter()
        .filter(|(_, visibility)| *visibility == Visibility::Secret)
        .count();
    let redacted = debug.matches("<redacted>").count();
    if redacted < secrets {
        problems.push(format!(
            "Debug of the error shows <redacted> {redacted} time(s) for {secrets} secret \
             argument(s): {}",
            shown(&debug)
        ));
    }
    check_log_fields(&mut problems, &error.fields_for_logs(), fill);

    let api = error.to_api();
    check_sent(
        &mut problems,
        "Debug of its ApiError",
        &format!("{api:?}"),
        fill,
    );
    let body = api.body_bytes();
    check_sent(
        &mut problems,
        "the body to_json writes",
        &String::from_utf8_lossy(&body),
        fill,
    );
    match E::Api::read_json(&body) {
        Ok(read) => check_read_back::<E>(
            &mut problems,
            "from_json",
            &read,
            &error.public_args(),
            &api.body_value(),
            fill,
        ),
        Err(why) => problems.push(format!("its body does not read back with from_json: {why}")),
    }
    problems
}

// ---------------------------------------------------------------------------------------------
// A case: one error, what the server shows of it, how to answer it and how to read it back.
// ---------------------------------------------------------------------------------------------

/// Answers one request with the case's error.
type Responder = Arc<dyn Fn() -> Response + Send + Sync>;
/// Reads a response back as the case's crate does, and says what is wrong with it.
type ReadBack = Box<dyn Fn(reqwest::Response) -> Pin<Box<dyn Future<Output = Vec<String>>>>>;

/// One error the canary raises: the arguments it was given, what the server side showed of it,
/// how to answer a request with it and how to read the answer back.
struct Case {
    fill: Fill,
    /// The operation whose error enum carries the error, if it is served as one.
    operation: Option<&'static str>,
    /// Whether it is the operation's `Unexpected` error.
    unexpected: bool,
    /// What the checks found on the server side.
    problems: Vec<String>,
    respond: Responder,
    read_back: ReadBack,
}

impl Case {
    /// What the guard and the failures call the case: `shop OUT_OF_STOCK`, `shop OUT_OF_STOCK
    /// via create_order`, `shop INTERNAL via create_order (unexpected)`.
    fn label(&self) -> String {
        let mut label = format!("{} {}", self.fill.catalog, self.fill.code);
        if let Some(operation) = self.operation {
            label.push_str(&format!(" via {operation}"));
        }
        if self.unexpected {
            label.push_str(" (unexpected)");
        }
        label
    }

    /// The error, served as its `ApiError`.
    fn api<E: ServerError>((fill, error): (Fill, E)) -> Case {
        let served = error.clone();
        let respond: Responder = Arc::new(move || served.to_api().into_response());
        Case::new(fill, error, None, &[], &[], respond)
    }

    /// The error, served as the error enum `O` of `operation`.
    fn operation<O, E>(operation: &'static str, (fill, error): (Fill, E)) -> Case
    where
        E: ServerError,
        O: From<E> + Debug + Display + IntoResponse,
        E::Api: From<O>,
    {
        let carried = O::from(error.clone());
        let shown_also = [(
            format!("Display of its {operation} error"),
            carried.to_string(),
        )];
        let debugged_also = [(
            format!("Debug of its {operation} error"),
            format!("{carried:?}"),
        )];
        let served = error.clone();
        let respond: Responder = Arc::new(move || O::from(served.clone()).into_response());
        let mut case = Case::new(
            fill,
            error.clone(),
            Some(operation),
            &shown_also,
            &debugged_also,
            respond,
        );
        if E::Api::from(carried) != error.to_api() {
            case.problems.push(format!(
                "its {operation} error answers otherwise than the error itself"
            ));
        }
        case
    }

    /// The error, answered by `respond`: the server side checked now, the answer read back
    /// as `E`'s crate reads it.
    fn new<E: ServerError>(
        fill: Fill,
        error: E,
        operation: Option<&'static str>,
        shown_also: &[(String, String)],
        debugged_also: &[(String, String)],
        respond: Responder,
    ) -> Case {
        let problems = server_problems(&error, &fill, shown_also, debugged_also);
        let expected_args = error.public_args();
        let expected_body = error.to_api().body_value();
        let reader_fill = fill.clone();
        let read_back: ReadBack = Box::new(move |response| {
            let (args, body, fill) = (
                expected_args.clone(),
                expected_body.clone(),
                reader_fill.clone(),
            );
            Box::pin(async move {
                let mut problems = Vec::new();
                match E::Api::read_response(response).await {
                    Ok(read) => check_read_back::<E>(
                        &mut problems,
                        "from_reqwest",
                        &read,
                        &args,
                        &body,
                        &fill,
                    ),
                    Err(why) => problems.push(format!(
                        "the response does not read back with from_reqwest: {why}"
                    )),
                }
                problems
            })
        });
        Case {
            fill,
            operation,
            unexpected: false,
            problems,
            respond,
            read_back,
        }
    }

    /// The shop's operation `operation` failing with something unexpected, whose cause holds
    /// a marker: answered as `INTERNAL`, with nothing of the cause. `raise` makes the
    /// operation's error from the cause.
    fn unexpected<O>(operation: &'static str, raise: fn(std::io::Error) -> O) -> Case
    where
        O: Debug + Display + IntoResponse + 'static,
        shop_errors::ApiError: From<O>,
    {
        let mut fill = Fill::new("shop", shop_errors::ErrorCode::Internal.as_str());
        let cause = fill.secret("cause");
        let error = raise(std::io::Error::other(cause.clone()));
        let mut problems = Vec::new();
        let place = format!("Display of its {operation} error");
        check_sent(&mut problems, &place, &error.to_string(), &fill);
        let place = format!("Debug of its {operation} error");
        check_debug(&mut problems, &place, &format!("{error:?}"), &fill);
        let api = shop_errors::ApiError::from(error);
        check_sent(
            &mut problems,
            "Debug of its ApiError",
            &format!("{api:?}"),
            &fill,
        );
        let expected = shop_errors::ApiError::new(shop_errors::ErrorCode::Internal);
        if api != expected {
            problems.push(format!(
                "it answers {}, not the bare internal error",
                shown(&format!("{api:?}"))
            ));
        }
        let respond: Responder =
            Arc::new(move || raise(std::io::Error::other(cause.clone())).into_response());
        let reader_fill = fill.clone();
        let read_back: ReadBack = Box::new(move |response| {
            let (expected, fill) = (expected.clone(), reader_fill.clone());
            Box::pin(async move {
                let mut problems = Vec::new();
                match shop_errors::ApiError::from_reqwest(response).await {
                    Ok(read) => {
                        if read.to_json_value() != expected.to_json_value() {
                            problems.push(format!(
                                "it reads back as {}, not the bare internal error",
                                shown(&read.to_json_value().to_string())
                            ));
                        }
                        let place = "Debug of the error read back with from_reqwest";
                        check_sent(&mut problems, place, &format!("{read:?}"), &fill);
                    }
                    Err(why) => problems.push(format!(
                        "the response does not read back with from_reqwest: {why}"
                    )),
                }
                problems
            })
        });
        Case {
            fill,
            operation: Some(operation),
            unexpected: true,
            problems,
            respond,
            read_back,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The errors: one constructor per code with arguments, taking its public values.
// ---------------------------------------------------------------------------------------------

fn shop_internal(incident: Option<&str>) -> (Fill, shop_errors::args::Internal) {
    use shop_errors::args::Internal;
    let mut fill = Fill::new("shop", Internal::CODE.as_str());
    let mut error = Internal::new();
    if let Some(incident) = incident {
        error = error.with_incident(fill.public("incident", incident));
    }
    (fill, error)
}

fn shop_invalid_field(field: &str, reason: &str) -> (Fill, shop_errors::args::InvalidField) {
    use shop_errors::args::{InvalidField, ValidationCode};
    let mut fill = Fill::new("shop", InvalidField::CODE.as_str());
    let error = InvalidField::new(
        fill.public("field", field),
        fill.public("reason", ValidationCode::parse(reason)),
    );
    (fill, error)
}

fn shop_out_of_stock(sku: &str, available: i64) -> (Fill, shop_errors::args::OutOfStock) {
    use shop_errors::args::OutOfStock;
    let mut fill = Fill::new("shop", OutOfStock::CODE.as_str());
    let error = OutOfStock::new(
        fill.public("sku", sku),
        fill.public("available", available),
        fill.internal("warehouse"),
    );
    (fill, error)
}

fn shop_payment_declined(retryable: Option<bool>) -> (Fill, shop_errors::args::PaymentDeclined) {
    use shop_errors::args::PaymentDeclined;
    let mut fill = Fill::new("shop", PaymentDeclined::CODE.as_str());
    let mut error =
        PaymentDeclined::new(fill.internal("processor_code"), fill.secret("card_token"));
    if let Some(retryable) = retryable {
        error = error.with_retryable(fill.public("retryable", retryable));
    }
    (fill, error)
}

fn shop_not_found(item: bool, id: &str) -> (Fill, shop_errors::args::NotFound) {
    use shop_errors::args::{NotFound, NotFoundResource};
    let mut fill = Fill::new("shop", NotFound::CODE.as_str());
    let resource = if item {
        NotFoundResource::Item
    } else {
        NotFoundResource::Order
    };
    let error = NotFound::new(fill.public("resource", resource), fill.public("id", id));
    (fill, error)
}

fn bookshelf_book_not_found(
    shelf: &str,
    book_id: i64,
) -> (Fill, bookshelf_errors::args::BookNotFound) {
    use bookshelf_errors::args::BookNotFound;
    let mut fill = Fill::new("bookshelf", BookNotFound::CODE.as_str());
    let error = BookNotFound::new(fill.public("shelf", shelf), fill.public("book_id", book_id));
    (fill, error)
}

fn bookshelf_shelf_full(shelf: &str, capacity: i64) -> (Fill, bookshelf_errors::args::ShelfFull) {
    use bookshelf_errors::args::ShelfFull;
    let mut fill = Fill::new("bookshelf", ShelfFull::CODE.as_str());
    let error = ShelfFull::new(
        fill.public("shelf", shelf),
        fill.public("capacity", capacity),
        fill.internal("owner_email"),
    );
    (fill, error)
}

fn bookshelf_invalid_title(
    too_long: bool,
    max_length: Option<i64>,
    trimmed: Option<bool>,
) -> (Fill, bookshelf_errors::args::InvalidTitle) {
    use bookshelf_errors::args::{InvalidTitle, InvalidTitleProblem};
    let mut fill = Fill::new("bookshelf", InvalidTitle::CODE.as_str());
    let problem = if too_long {
        InvalidTitleProblem::TooLong
    } else {
        InvalidTitleProblem::Empty
    };
    let mut error = InvalidTitle::new(fill.public("problem", problem));
    if let Some(max_length) = max_length {
        error = error.with_max_length(fill.public("max_length", max_length));
    }
    if let Some(trimmed) = trimmed {
        error = error.with_trimmed(fill.public("trimmed", trimmed));
    }
    (fill, error)
}

fn bookshelf_book_exists(isbn: &str) -> (Fill, bookshelf_errors::args::BookExists) {
    use bookshelf_errors::args::BookExists;
    let mut fill = Fill::new("bookshelf", BookExists::CODE.as_str());
    let error = BookExists::new(fill.public("isbn", isbn));
    (fill, error)
}

fn bookshelf_permission_denied(shelf: &str) -> (Fill, bookshelf_errors::args::PermissionDenied) {
    use bookshelf_errors::args::PermissionDenied;
    let mut fill = Fill::new("bookshelf", PermissionDenied::CODE.as_str());
    let error = PermissionDenied::new(fill.public("shelf", shelf), fill.secret("access_token"));
    (fill, error)
}

fn bookshelf_quota_exceeded(
    limit: i64,
    usage: Option<f64>,
) -> (Fill, bookshelf_errors::args::QuotaExceeded) {
    use bookshelf_errors::args::QuotaExceeded;
    let mut fill = Fill::new("bookshelf", QuotaExceeded::CODE.as_str());
    let mut error = QuotaExceeded::new(fill.public("limit", limit));
    if let Some(usage) = usage {
        error = error.with_usage(fill.public("usage", usage));
    }
    (fill, error)
}

fn datocms_invalid_field(
    field: &str,
    code: &str,
    record_type: Option<&str>,
) -> (Fill, datocms_cma_errors::args::InvalidField) {
    use datocms_cma_errors::args::{InvalidField, ValidationCode};
    let mut fill = Fill::new("datocms-cma", InvalidField::CODE.as_str());
    let mut error = InvalidField::new(
        fill.public("field", field),
        fill.public("code", ValidationCode::parse(code)),
    );
    if let Some(record_type) = record_type {
        error = error.with_record_type(fill.public("record_type", record_type));
    }
    (fill, error)
}

fn records_foreign_key_violation(
    column: &str,
    value: &str,
    table: &str,
) -> (Fill, records_api_errors::args::ForeignKeyViolation) {
    use records_api_errors::args::ForeignKeyViolation;
    let mut fill = Fill::new("records-api", ForeignKeyViolation::CODE.as_str());
    let error = ForeignKeyViolation::new(
        fill.public("column", column),
        fill.public("value", value),
        fill.public("table", table),
    );
    (fill, error)
}

fn dreamfactory_bad_request(
    field: Option<&str>,
    error_text: Option<&str>,
) -> (Fill, dreamfactory_errors::args::BadRequestException) {
    use dreamfactory_errors::args::BadRequestException;
    let mut fill = Fill::new("dreamfactory", BadRequestException::CODE.as_str());
    let mut error = BadRequestException::new();
    if let Some(field) = field {
        error = error.with_field(fill.public("field", field));
    }
    if let Some(text) = error_text {
        error = error.with_error(fill.public("error", text));
    }
    (fill, error)
}

fn dreamfactory_batch(
    items: &[(i64, String)],
) -> (Fill, dreamfactory_errors::args::BatchException) {
    use dreamfactory_errors::args::{BatchException, BatchExceptionErrorsItem};
    let mut fill = Fill::new("dreamfactory", BatchException::CODE.as_str());
    let items: Vec<BatchExceptionErrorsItem> = items
        .iter()
        .map(|(index, message)| BatchExceptionErrorsItem::new(*index, message.clone()))
        .collect();
    let error = BatchException::new(fill.public("errors", items));
    (fill, error)
}

/// Every code with arguments, every optional argument set; the shop's also as the errors of
/// the operations that return them, and each operation's unexpected error.
fn cases() -> Vec<Case> {
    use shop_errors::operations::{CreateOrderError, GetOrderError};
    vec![
        Case::api(shop_internal(Some("inc-7f3a"))),
        Case::api(shop_invalid_field("/items/0/quantity", "REQUIRED")),
        Case::api(shop_out_of_stock("sku-1", 2)),
        Case::api(shop_payment_declined(Some(false))),
        Case::api(shop_not_found(false, "ord-42")),
        Case::operation::<CreateOrderError, _>(
            "create_order",
            shop_invalid_field("/items/1/sku", "NOT_UNIQUE"),
        ),
        Case::operation::<CreateOrderError, _>("create_order", shop_out_of_stock("sku-2", 0)),
        Case::operation::<CreateOrderError, _>("create_order", shop_payment_declined(Some(true))),
        Case::operation::<GetOrderError, _>("get_order", shop_not_found(true, "item-7")),
        Case::unexpected("create_order", CreateOrderError::unexpected),
        Case::unexpected("get_order", GetOrderError::unexpected),
        Case::api(bookshelf_book_not_found("fiction", 42)),
        Case::api(bookshelf_shelf_full("fiction", 100)),
        Case::api(bookshelf_invalid_title(true, Some(200), Some(true))),
        Case::api(bookshelf_book_exists("978-0-13-468599-1")),
        Case::api(bookshelf_permission_denied("fiction")),
        Case::api(bookshelf_quota_exceeded(60, Some(0.75))),
        Case::api(datocms_invalid_field(
            "api_key",
            "VALIDATION_UNIQUENESS",
            Some("ItemType"),
        )),
        Case::api(records_foreign_key_violation(
            "customer_id",
            "999",
            "customers",
        )),
        Case::api(dreamfactory_bad_request(
            Some("email"),
            Some("Invalid email format"),
        )),
        Case::api(dreamfactory_batch(&[
            (0, "Duplicate key value".to_owned()),
            (2, "Foreign key violation".to_owned()),
        ])),
    ]
}

// ---------------------------------------------------------------------------------------------
// Hostile public values.
// ---------------------------------------------------------------------------------------------

/// One code's error with hostile public values (an optional argument may be unset).
#[derive(Clone, Debug)]
enum Hostile {
    ShopInternal(Option<String>),
    ShopInvalidField(String, String),
    ShopOutOfStock(String, i64),
    ShopPaymentDeclined(Option<bool>),
    ShopNotFound(bool, String),
    BookshelfBookNotFound(String, i64),
    BookshelfShelfFull(String, i64),
    BookshelfInvalidTitle(bool, Option<i64>, Option<bool>),
    BookshelfBookExists(String),
    BookshelfPermissionDenied(String),
    BookshelfQuotaExceeded(i64, Option<f64>),
    DatocmsInvalidField(String, String, Option<String>),
    RecordsForeignKeyViolation(String, String, String),
    DreamfactoryBadRequest(Option<String>, Option<String>),
    DreamfactoryBatch(Vec<(i64, String)>),
}

impl Hostile {
    fn case(&self) -> Case {
        match self {
            Hostile::ShopInternal(incident) => Case::api(shop_internal(incident.as_deref())),
            Hostile::ShopInvalidField(field, reason) => {
                Case::api(shop_invalid_field(field, reason))
            }
            Hostile::ShopOutOfStock(sku, available) => {
                Case::api(shop_out_of_stock(sku, *available))
            }
            Hostile::ShopPaymentDeclined(retryable) => Case::api(shop_payment_declined(*retryable)),
            Hostile::ShopNotFound(item, id) => Case::api(shop_not_found(*item, id)),
            Hostile::BookshelfBookNotFound(shelf, id) => {
                Case::api(bookshelf_book_not_found(shelf, *id))
            }
            Hostile::BookshelfShelfFull(shelf, capacity) => {
                Case::api(bookshelf_shelf_full(shelf, *capacity))
            }
            Hostile::BookshelfInvalidTitle(too_long, max, trimmed) => {
                Case::api(bookshelf_invalid_title(*too_long, *max, *trimmed))
            }
            Hostile::BookshelfBookExists(isbn) => Case::api(bookshelf_book_exists(isbn)),
            Hostile::BookshelfPermissionDenied(shelf) => {
                Case::api(bookshelf_permission_denied(shelf))
            }
            Hostile::BookshelfQuotaExceeded(limit, usage) => {
                Case::api(bookshelf_quota_exceeded(*limit, *usage))
            }
            Hostile::DatocmsInvalidField(field, code, record_type) => {
                Case::api(datocms_invalid_field(field, code, record_type.as_deref()))
            }
            Hostile::RecordsForeignKeyViolation(column, value, table) => {
                Case::api(records_foreign_key_violation(column, value, table))
            }
            Hostile::DreamfactoryBadRequest(field, error) => {
                Case::api(dreamfactory_bad_request(field.as_deref(), error.as_deref()))
            }
            Hostile::DreamfactoryBatch(items) => Case::api(dreamfactory_batch(items)),
        }
    }
}

/// Text made of troublemakers: JSON's and Rust's escapes, the template's placeholders (naming
/// the internal and secret arguments), control characters, non-ASCII, the markers' prefixes,
/// inner codes, plain words and any Unicode, sometimes thousands of characters long.
fn hostile_text() -> impl Strategy<Value = String> {
    let tricky = prop::sample::select(vec![
        "",
        " ",
        "\"",
        "'",
        "\\",
        "\\\"",
        "\\u0000",
        "{",
        "}",
        "{$",
        "{$sku}",
        "{$id}",
        "{$warehouse}",
        "{$processor_code}",
        "{$card_token}",
        "{$owner_email}",
        "{$access_token}",
        "\\{$card_token\\}",
        "{{$card_token}}",
        "{0}",
        "%s",
        "\n",
        "\r\n",
        "\t",
        "\0",
        "\u{1b}[2J",
        "\u{7f}",
        "\u{85}",
        "\u{2028}",
        "\u{feff}",
        "\u{202e}",
        "\u{fffd}",
        "é",
        "漢字",
        "🦀",
        "\u{10ffff}",
        "</script>",
        "&amp;",
        "<redacted>",
        "CANARY-",
        "CANARY-INTERNAL-",
        "CANARY-SECRET-",
        "CANARY-INTERNAL-shop-OUT_OF_STOCK-",
        "CANARY-SECRET-shop-PAYMENT_DECLINED-card_",
        "REQUIRED",
        "NOT_UNIQUE",
        "VALIDATION_UNIQUENESS",
    ]);
    let long = (
        prop::sample::select(vec!["x", "\"", "\\", "{$card_token}", "é", "\n"]),
        1_000usize..4_000,
    )
        .prop_map(|(piece, n)| piece.repeat(n));
    let piece = prop_oneof![
        10 => tricky.prop_map(str::to_owned),
        4 => "[a-zA-Z0-9_-]{1,8}",
        3 => "[\\x00-\\x1f\\x7f]{1,4}",
        3 => any::<String>(),
        1 => long,
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

fn hostile() -> impl Strategy<Value = Hostile> {
    let text = hostile_text;
    let maybe = || prop::option::of(hostile_text());
    prop_oneof![
        maybe().prop_map(Hostile::ShopInternal),
        (text(), text()).prop_map(|(field, reason)| Hostile::ShopInvalidField(field, reason)),
        (text(), any::<i64>()).prop_map(|(sku, n)| Hostile::ShopOutOfStock(sku, n)),
        prop::option::of(any::<bool>()).prop_map(Hostile::ShopPaymentDeclined),
        (any::<bool>(), text()).prop_map(|(item, id)| Hostile::ShopNotFound(item, id)),
        (text(), any::<i64>()).prop_map(|(shelf, id)| Hostile::BookshelfBookNotFound(shelf, id)),
        (text(), any::<i64>()).prop_map(|(shelf, n)| Hostile::BookshelfShelfFull(shelf, n)),
        (any::<bool>(), any::<Option<i64>>(), any::<Option<bool>>())
            .prop_map(|(long, max, trimmed)| Hostile::BookshelfInvalidTitle(long, max, trimmed)),
        text().prop_map(Hostile::BookshelfBookExists),
        text().prop_map(Hostile::BookshelfPermissionDenied),
        // Any finite number: metadata carries its shortest text, which reads back exactly.
        (
            any::<i64>(),
            prop::option::of(prop::num::f64::NORMAL | prop::num::f64::ZERO)
        )
            .prop_map(|(limit, usage)| Hostile::BookshelfQuotaExceeded(limit, usage)),
        (text(), text(), maybe())
            .prop_map(|(field, code, record)| Hostile::DatocmsInvalidField(field, code, record)),
        (text(), text(), text()).prop_map(|(column, value, table)| {
            Hostile::RecordsForeignKeyViolation(column, value, table)
        }),
        (maybe(), maybe()).prop_map(|(field, error)| Hostile::DreamfactoryBadRequest(field, error)),
        prop::collection::vec((any::<i64>(), text()), 0..4).prop_map(Hostile::DreamfactoryBatch),
    ]
}

/// A property-test runner from a fixed seed, so a run is the same everywhere, that writes no
/// regression file.
fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        rng_seed: RngSeed::Fixed(0x00ca_4a21),
        failure_persistence: None,
        ..Config::with_cases(cases)
    })
}

// ---------------------------------------------------------------------------------------------
// One axum app on loopback and one reqwest client, on one tokio runtime.
// ---------------------------------------------------------------------------------------------

struct Loopback {
    runtime: tokio::runtime::Runtime,
    addr: SocketAddr,
    client: reqwest::Client,
    /// What `/errors/{i}` answers with: the `i`th case served.
    responders: Arc<Mutex<Vec<Responder>>>,
}

impl Loopback {
    fn start() -> Loopback {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let responders: Arc<Mutex<Vec<Responder>>> = Arc::default();
        let served = Arc::clone(&responders);
        let addr = runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("a loopback port");
            let addr = listener.local_addr().expect("its address");
            let handler = move |axum::extract::Path(i): axum::extract::Path<usize>| {
                let respond = Arc::clone(&served.lock().expect("the responders")[i]);
                async move { respond() }
            };
            let app = axum::Router::new().route("/errors/{i}", axum::routing::get(handler));
            tokio::spawn(async move { axum::serve(listener, app).await });
            addr
        });
        let client = reqwest::Client::builder()
            .no_proxy()
            .build()
            .expect("a client");
        Loopback {
            runtime,
            addr,
            client,
            responders,
        }
    }

    /// Serves `case` and fetches it twice: once to read every header and the body as sent,
    /// once to read it as a client does (`from_reqwest`). What is wrong with either.
    fn exchange(&self, case: &Case) -> Vec<String> {
        let index = {
            let mut responders = self.responders.lock().expect("the responders");
            responders.push(Arc::clone(&case.respond));
            responders.len() - 1
        };
        let url = format!("http://{}/errors/{index}", self.addr);
        self.runtime.block_on(async {
            let mut problems = Vec::new();
            let sent = self.get(&url).await;
            for (name, value) in sent.headers() {
                let text = format!("{name}: {}", String::from_utf8_lossy(value.as_bytes()));
                check_sent(&mut problems, &format!("header {name}"), &text, &case.fill);
            }
            let body = tokio::time::timeout(Duration::from_secs(10), sent.bytes())
                .await
                .expect("the body arrives in time")
                .expect("a body");
            let body = String::from_utf8_lossy(&body);
            check_sent(&mut problems, "the response body", &body, &case.fill);
            problems.extend((case.read_back)(self.get(&url).await).await);
            problems
        })
    }

    async fn get(&self, url: &str) -> reqwest::Response {
        tokio::time::timeout(Duration::from_secs(10), self.client.get(url).send())
            .await
            .expect("the server answers in time")
            .expect("an HTTP response")
    }
}

// ---------------------------------------------------------------------------------------------
// The tests.
// ---------------------------------------------------------------------------------------------

#[test]
fn no_internal_or_secret_argument_leaves_the_server() {
    let loopback = Loopback::start();
    let mut problems = Vec::new();
    for case in cases() {
        let found = case
            .problems
            .iter()
            .cloned()
            .chain(loopback.exchange(&case));
        problems.extend(found.map(|problem| format!("{}: {problem}", case.label())));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // Hostile public values, through the same server.
    runner(HTTP_CASES)
        .run(&hostile(), |hostile| {
            let case = hostile.case();
            prop_assume!(!case.fill.public_values_hold_a_marker());
            let found: Vec<String> = case
                .problems
                .iter()
                .cloned()
                .chain(loopback.exchange(&case))
                .collect();
            prop_assert!(found.is_empty(), "{}: {}", case.label(), found.join("\n"));
            Ok(())
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
}

#[test]
fn hostile_public_arguments_round_trip_exactly_and_hide_the_rest() {
    runner(BODY_CASES)
        .run(&hostile(), |hostile| {
            let case = hostile.case();
            prop_assume!(!case.fill.public_values_hold_a_marker());
            prop_assert!(
                case.problems.is_empty(),
                "{}: {}",
                case.label(),
                case.problems.join("\n")
            );
            Ok(())
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
}

/// The arguments the catalogs declare, by case label as [`Case::label`] writes it: each code
/// with arguments, each such code as the error of each operation that returns it, and each
/// operation's unexpected error (its internal error, with the canary's `cause`). Read with
/// errcat's own loader, so a mapping's arguments are its overlay's.
fn declared() -> BTreeMap<String, BTreeSet<String>> {
    let plan = Generator::new()
        .root(errcat_tests::root())
        .plan()
        .unwrap_or_else(|report| panic!("the catalogs do not load:\n{report}"));
    let mut declared = BTreeMap::new();
    for catalog in plan.catalogs() {
        let resolved = catalog.resolved();
        let mut with_args = BTreeMap::new();
        for code in &resolved.codes {
            if code.args.is_empty() {
                continue;
            }
            let args: BTreeSet<String> = code
                .args
                .iter()
                .map(|arg| format!("{} ({})", arg.name, arg.visibility.name()))
                .collect();
            with_args.insert(code.code.wire(), args);
        }
        for (code, args) in &with_args {
            declared.insert(format!("{} {code}", catalog.name()), args.clone());
        }
        for operation in &resolved.operations {
            for code in &operation.codes {
                if let Some(args) = with_args.get(&code.wire()) {
                    let label =
                        format!("{} {} via {}", catalog.name(), code.wire(), operation.name);
                    declared.insert(label, args.clone());
                }
            }
            if let Some(internal) = &resolved.internal_error {
                let label = format!(
                    "{} {} via {} (unexpected)",
                    catalog.name(),
                    internal.wire(),
                    operation.name
                );
                declared.insert(label, BTreeSet::from(["cause (secret)".to_owned()]));
            }
        }
    }
    declared
}

#[test]
fn the_canary_covers_every_code_with_arguments() {
    let declared = declared();
    let covered: BTreeMap<String, BTreeSet<String>> = cases()
        .iter()
        .map(|case| {
            let args = case
                .fill
                .args
                .iter()
                .map(|(name, visibility)| format!("{name} ({})", visibility.name()))
                .collect();
            (case.label(), args)
        })
        .collect();
    let mut problems = Vec::new();
    for (label, args) in &declared {
        match covered.get(label) {
            None => problems.push(format!(
                "not raised: {label}, with {}",
                Vec::from_iter(args.iter().cloned()).join(", ")
            )),
            Some(given) if given != args => problems.push(format!(
                "{label}: the catalog declares {}, the canary gives {}",
                Vec::from_iter(args.iter().cloned()).join(", "),
                Vec::from_iter(given.iter().cloned()).join(", ")
            )),
            Some(_) => {}
        }
    }
    for label in covered
        .keys()
        .filter(|label| !declared.contains_key(*label))
    {
        problems.push(format!("raised, but no catalog declares it so: {label}"));
    }
    assert!(
        problems.is_empty(),
        "the canary must raise every code that declares arguments, with each argument set \
         (every internal and secret one to its marker):\n{}",
        problems.join("\n")
    );
}
