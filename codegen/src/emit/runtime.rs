//! The parts of a generated crate beyond the code table: wire codes that keep unknown values
//! (`src/wire.rs`), rate-limit headers (`src/retry.rs`), the `serde` and `http` features
//! (`src/features.rs`) and the typed error body with its RFC 9457 bridge (`src/json.rs`, the
//! `json` feature).
//!
//! The catalog decides what each crate gets: `ApiError::from_json`/`to_json` only where the
//! catalog declares `envelope.layout`, `RateLimit` only for HTTP APIs (a catalog with an
//! envelope or documented headers). Catalog-specific facts are emitted as constants; the code
//! that uses them is the same in every crate, so it is read and tested once.

use proc_macro2::TokenStream;
use quote::quote;

use crate::catalog::{CodeType, Layout, LayoutPreset};
use crate::model::Model;

/// Response headers `RateLimit` reads.
pub const RATE_LIMIT_HEADERS: [&str; 4] = [
    "Retry-After",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
];

/// The catalog's resolved layout, if it declares one.
pub fn layout(model: &Model) -> Option<Layout> {
    model
        .catalog
        .envelope
        .as_ref()
        .and_then(|e| e.layout.as_ref())
        .map(Layout::resolved)
}

/// Whether errors of this API are told apart by HTTP status rather than by a code in the
/// body: the wire carries only the status, or the documented body has no code.
pub fn by_status(model: &Model) -> bool {
    model.code_is_status() || layout(model).is_some_and(|l| l.code.is_none())
}

/// Whether the catalog describes an HTTP API: it documents an error body or response headers.
pub fn is_http_api(model: &Model) -> bool {
    model.catalog.envelope.is_some() || model.codes.iter().any(|c| !c.entry.headers.is_empty())
}

fn opt(p: Option<&str>) -> TokenStream {
    match p {
        Some(s) => quote!(Some(#s)),
        None => quote!(None),
    }
}

/// `src/wire.rs`: `Code` and `UnknownCode`, with no dependency.
pub fn wire_tokens(model: &Model) -> TokenStream {
    let unknown = unknown_code(model);
    quote! {
        //! Codes as read from the wire: a known [`ErrorCode`] or the unknown spelling, kept.

        use crate::ErrorCode;

        /// A code as the API sent it: one this crate knows, or one it does not know yet.
        ///
        /// An unknown code is kept verbatim in an opaque [`UnknownCode`], so it is never lost
        /// and never a panic. Do not match on its text to handle a code this crate does not
        /// name yet: when a later version names it, it arrives as `Known` and such a branch
        /// silently stops matching. Compare [`Code::as_str`] instead, which gives the same
        /// answer before and after.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            /// A code of this catalog.
            Known(ErrorCode),
            /// A code this crate does not know.
            Unknown(UnknownCode),
        }

        /// The spelling of a code this crate does not know. It can be read but not built or
        /// matched on outside this crate.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct UnknownCode(::std::boxed::Box<str>);

        impl UnknownCode {
            /// The code exactly as the API sent it.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Code {
            /// Reads a wire code: `Known` when [`ErrorCode::from_code`] knows it (aliases
            /// included), else `Unknown` with the text kept.
            pub fn parse(wire: &str) -> Self {
                match ErrorCode::from_code(wire) {
                    Some(code) => Code::Known(code),
                    None => Code::Unknown(UnknownCode(wire.into())),
                }
            }

            /// The code as the wire spells it (for a known code, its catalog spelling).
            pub fn as_str(&self) -> &str {
                match self {
                    Code::Known(code) => code.as_str(),
                    Code::Unknown(unknown) => unknown.as_str(),
                }
            }

            /// The known code, if it is one.
            pub fn known(&self) -> Option<ErrorCode> {
                match self {
                    Code::Known(code) => Some(*code),
                    Code::Unknown(_) => None,
                }
            }
        }

        impl From<ErrorCode> for Code {
            fn from(code: ErrorCode) -> Self {
                Code::Known(code)
            }
        }

        impl ::core::fmt::Display for Code {
            /// Writes the wire code.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for Code {
            type Err = ::core::convert::Infallible;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Code::parse(s))
            }
        }

        #[cfg(test)]
        mod tests {
            use super::*;

            #[test]
            fn unknown_codes_are_kept() {
                let code = Code::parse(#unknown);
                assert_eq!(code.as_str(), #unknown);
                assert_eq!(code.known(), None);
                for &known in ErrorCode::ALL {
                    assert_eq!(Code::parse(known.as_str()), Code::Known(known));
                }
            }
        }
    }
}

/// A code no entry of the catalog spells, for tests.
pub fn unknown_code(model: &Model) -> String {
    let mut unknown = String::from("zz_future_code");
    while model
        .codes
        .iter()
        .any(|c| c.wire == unknown || c.entry.aliases.contains(&unknown))
    {
        unknown.push('_');
    }
    unknown
}

/// `src/retry.rs`: rate-limit headers parsed into a delay, with no dependency.
pub fn retry_tokens(model: &Model) -> TokenStream {
    let documented: Vec<String> = RATE_LIMIT_HEADERS
        .iter()
        .filter(|h| {
            model.codes.iter().any(|c| {
                c.entry
                    .headers
                    .iter()
                    .any(|d| d.name.eq_ignore_ascii_case(h))
            })
        })
        .map(|h| format!("`{h}`"))
        .collect();
    let documented = if documented.is_empty() {
        "The catalog documents none of these headers; they are read when present.".to_owned()
    } else {
        format!("The catalog documents {}.", documented.join(", "))
    };
    let documented = super::rust::inner_doc_attrs(&format!(
        "Retry advice from rate-limit response headers.\n\n{documented}"
    ));
    quote! {
        #documented

        use ::std::time::{Duration, SystemTime, UNIX_EPOCH};

        /// What the rate-limit headers of a response say. Every part is `None` when its header
        /// is absent or does not parse.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct RateLimit {
            /// `Retry-After`: how long to wait before the next request.
            pub retry_after: Option<RetryAfter>,
            /// `X-RateLimit-Limit`: requests allowed per window.
            pub limit: Option<u64>,
            /// `X-RateLimit-Remaining`: requests left in the window.
            pub remaining: Option<u64>,
            /// `X-RateLimit-Reset`: when the window resets, in seconds since the Unix epoch.
            pub reset: Option<u64>,
        }

        /// A `Retry-After` value (RFC 9110, section 10.2.3).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum RetryAfter {
            /// A delay in seconds.
            Seconds(u64),
            /// An HTTP date.
            At(SystemTime),
        }

        impl RetryAfter {
            /// Parses a `Retry-After` value: delay seconds, or an HTTP date in the IMF-fixdate,
            /// RFC 850 or asctime format.
            pub fn parse(value: &str) -> Option<Self> {
                let value = value.trim();
                if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
                    return value.parse().ok().map(RetryAfter::Seconds);
                }
                let secs = parse_http_date(value)?;
                let at = UNIX_EPOCH.checked_add(Duration::from_secs(secs))?;
                Some(RetryAfter::At(at))
            }

            /// How long to wait from `now`; zero for a date already past.
            pub fn delay(&self, now: SystemTime) -> Duration {
                match self {
                    RetryAfter::Seconds(secs) => Duration::from_secs(*secs),
                    RetryAfter::At(at) => at.duration_since(now).unwrap_or_default(),
                }
            }

            /// The header value: seconds, or an IMF-fixdate.
            pub fn to_header_value(&self) -> String {
                match self {
                    RetryAfter::Seconds(secs) => secs.to_string(),
                    RetryAfter::At(at) => {
                        let secs = at.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
                        format_http_date(secs)
                    }
                }
            }
        }

        impl RateLimit {
            /// Reads the rate-limit headers among `headers` (names compared without regard to
            /// case). `None` when none of them is present.
            pub fn from_headers<I, K, V>(headers: I) -> Option<Self>
            where
                I: IntoIterator<Item = (K, V)>,
                K: AsRef<str>,
                V: AsRef<str>,
            {
                let mut out = RateLimit::default();
                let mut seen = false;
                for (name, value) in headers {
                    let (name, value) = (name.as_ref(), value.as_ref().trim());
                    if name.eq_ignore_ascii_case("retry-after") {
                        seen = true;
                        out.retry_after = RetryAfter::parse(value);
                    } else if name.eq_ignore_ascii_case("x-ratelimit-limit") {
                        seen = true;
                        out.limit = value.parse().ok();
                    } else if name.eq_ignore_ascii_case("x-ratelimit-remaining") {
                        seen = true;
                        out.remaining = value.parse().ok();
                    } else if name.eq_ignore_ascii_case("x-ratelimit-reset") {
                        seen = true;
                        out.reset = value.parse().ok();
                    }
                }
                seen.then_some(out)
            }

            /// How long to wait from `now` before retrying: `Retry-After` when present, else
            /// the time until `X-RateLimit-Reset` when no request is left in the window.
            /// `None` when the headers do not say to wait.
            pub fn delay(&self, now: SystemTime) -> Option<Duration> {
                if let Some(retry_after) = self.retry_after {
                    return Some(retry_after.delay(now));
                }
                match (self.remaining, self.reset) {
                    (Some(0), Some(reset)) => {
                        let reset = UNIX_EPOCH.checked_add(Duration::from_secs(reset))?;
                        Some(reset.duration_since(now).unwrap_or_default())
                    }
                    _ => None,
                }
            }

            /// The headers that carry this value, for a server to send.
            pub fn to_headers(&self) -> Vec<(&'static str, String)> {
                let mut out = Vec::new();
                if let Some(r) = &self.retry_after {
                    out.push(("Retry-After", r.to_header_value()));
                }
                if let Some(n) = self.limit {
                    out.push(("X-RateLimit-Limit", n.to_string()));
                }
                if let Some(n) = self.remaining {
                    out.push(("X-RateLimit-Remaining", n.to_string()));
                }
                if let Some(n) = self.reset {
                    out.push(("X-RateLimit-Reset", n.to_string()));
                }
                out
            }
        }

        #[cfg(feature = "http")]
        impl RateLimit {
            /// Reads the rate-limit headers of an [`http::HeaderMap`].
            pub fn from_header_map(headers: &::http::HeaderMap) -> Option<Self> {
                Self::from_headers(
                    headers
                        .iter()
                        .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?))),
                )
            }
        }

        /// Month names, three letters each.
        const MONTHS: &str = "JanFebMarAprMayJunJulAugSepOctNovDec";
        /// Day names from 1970-01-01, a Thursday, three letters each.
        const DAYS: &str = "ThuFriSatSunMonTueWed";

        /// The three-letter name at `index` of `names`.
        fn name(names: &str, index: u64) -> &str {
            let start = index as usize * 3;
            &names[start..start + 3]
        }

        /// Seconds since the Unix epoch of an HTTP date (RFC 9110, section 5.6.7), in any of
        /// its three formats; `None` for anything else, dates before 1970 included.
        fn parse_http_date(s: &str) -> Option<u64> {
            let (_, rest) = s.split_once([' ', ','])?;
            let parts: Vec<&str> = rest
                .split([' ', '-', ','])
                .filter(|p| !p.is_empty())
                .collect();
            let (day, month, year, time) = match parts.as_slice() {
                // IMF-fixdate `06 Nov 1994 08:49:37 GMT`, RFC 850 `06-Nov-94 08:49:37 GMT`
                [day, month, year, time, "GMT"] => (*day, *month, *year, *time),
                // asctime `Nov  6 08:49:37 1994`
                [month, day, time, year] => (*day, *month, *year, *time),
                _ => return None,
            };
            let month = (0..12).find(|&i| name(MONTHS, i) == month)? + 1;
            let day: u64 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
            let mut year: u64 = year.parse().ok()?;
            if year < 100 {
                // RFC 850 two-digit years: from 70 they are 19xx, below 20xx (earlier dates
                // are not representable here anyway).
                year += if year >= 70 { 1900 } else { 2000 };
            }
            let mut hms = time.split(':').map(|p| p.parse::<u64>().ok());
            let (h, m, sec) = (hms.next()??, hms.next()??, hms.next()??);
            if hms.next().is_some() || h > 23 || m > 59 || sec > 60 {
                return None;
            }
            if !(1970..=9999).contains(&year) {
                return None;
            }
            let days = days_from_civil(year, month, day);
            // Rejects days past the end of the month, such as 31 Feb.
            if civil_from_days(days) != (year, month, day) {
                return None;
            }
            Some(days * 86_400 + h * 3600 + m * 60 + sec)
        }

        /// An IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
        fn format_http_date(secs: u64) -> String {
            let days = secs / 86_400;
            let (year, month, day) = civil_from_days(days);
            let rest = secs % 86_400;
            let (h, m, s) = (rest / 3600, rest / 60 % 60, rest % 60);
            let weekday = name(DAYS, days % 7);
            let month = name(MONTHS, month - 1);
            format!("{weekday}, {day:02} {month} {year} {h:02}:{m:02}:{s:02} GMT")
        }

        /// Days since 1970-01-01 of a proleptic Gregorian date from 1970 on.
        fn days_from_civil(year: u64, month: u64, day: u64) -> u64 {
            let y = if month <= 2 { year - 1 } else { year };
            let era = y / 400;
            let yoe = y % 400;
            let mp = (month + 9) % 12;
            let doy = (153 * mp + 2) / 5 + day - 1;
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            era * 146_097 + doe - 719_468
        }

        /// The date of a day count from 1970-01-01.
        fn civil_from_days(days: u64) -> (u64, u64, u64) {
            let z = days + 719_468;
            let era = z / 146_097;
            let doe = z % 146_097;
            let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            let mp = (5 * doy + 2) / 153;
            let day = doy - (153 * mp + 2) / 5 + 1;
            let month = if mp < 10 { mp + 3 } else { mp - 9 };
            let year = era * 400 + yoe + u64::from(month <= 2);
            (year, month, day)
        }

        #[cfg(test)]
        mod tests {
            use super::*;

            #[test]
            fn retry_after_in_seconds_and_dates() {
                assert_eq!(RetryAfter::parse("120"), Some(RetryAfter::Seconds(120)));
                let at = UNIX_EPOCH + Duration::from_secs(784_111_777);
                for date in [
                    "Sun, 06 Nov 1994 08:49:37 GMT",
                    "Sunday, 06-Nov-94 08:49:37 GMT",
                    "Sun Nov  6 08:49:37 1994",
                ] {
                    assert_eq!(RetryAfter::parse(date), Some(RetryAfter::At(at)), "{date}");
                }
                let written = RetryAfter::At(at).to_header_value();
                assert_eq!(written, "Sun, 06 Nov 1994 08:49:37 GMT");
                let bad = [
                    "",
                    "-1",
                    "soon",
                    "Sun, 31 Foo 1994 08:49:37 GMT",
                    "Sun, 06 Nov 1994 25:00:00 GMT",
                    "Thu, 31 Feb 2000 08:49:37 GMT",
                    "Sun, 06 Nov 1969 08:49:37 GMT",
                    "Sun, 06 Nov 300000000000 08:49:37 GMT",
                    "Sun, 06 Nov 18446744073709551615 08:49:37 GMT",
                ];
                for bad in bad {
                    assert_eq!(RetryAfter::parse(bad), None, "{bad}");
                }
            }

            #[test]
            fn dates_round_trip() {
                for secs in [0, 951_782_400, 1_708_425_060, 4_102_444_800] {
                    let at = UNIX_EPOCH + Duration::from_secs(secs);
                    let value = RetryAfter::At(at).to_header_value();
                    let parsed = parse_http_date(&value);
                    assert_eq!(parsed, Some(secs), "{value}");
                }
            }

            #[test]
            fn delay_prefers_retry_after_then_reset() {
                let now = UNIX_EPOCH + Duration::from_secs(1_000);
                let headers = [("retry-after", "12"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1060")];
                let limit = RateLimit::from_headers(headers).unwrap();
                assert_eq!(limit.delay(now), Some(Duration::from_secs(12)));
                let limit = RateLimit::from_headers(headers[1..].iter().copied()).unwrap();
                assert_eq!(limit.delay(now), Some(Duration::from_secs(60)));
                let left = RateLimit { remaining: Some(3), reset: Some(1_060), ..RateLimit::default() };
                assert_eq!(left.delay(now), None);
                let none = RateLimit::from_headers([("Content-Type", "text/plain")]);
                assert_eq!(none, None);
                let far = [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "18446744073709551615")];
                let far = RateLimit::from_headers(far).unwrap();
                assert_eq!(far.delay(now), None);
                let parsed = RateLimit::from_headers(limit.to_headers());
                assert_eq!(parsed, Some(limit));
            }
        }
    }
}

/// `src/features.rs`: the `serde` and `http` implementations for the code types.
pub fn features_tokens(model: &Model) -> TokenStream {
    let integer = model.catalog.code_type == CodeType::Integer;
    let expecting = if integer {
        "an error code, as a string or an integer"
    } else {
        "an error code string"
    };
    let visit_ints = quote! {
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            self.visit_str(&v.to_string())
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            self.visit_str(&v.to_string())
        }
    };
    let visit_ints = integer.then_some(visit_ints);
    // Integer codes may come as numbers, so only self-describing formats can say which; string
    // codes ask for a string, which every format can give.
    let deserialize = if integer {
        quote!(deserialize_any)
    } else {
        quote!(deserialize_str)
    };
    let (serialize_doc, wire_fn) = if integer {
        (
            "Serializes the code as the wire writes it: a number (a code that is not one, such as `007` or `+7`, as a string, so it reads back as sent).",
            quote! {
                fn wire<S: Serializer>(code: &str, serializer: S) -> Result<S::Ok, S::Error> {
                    match code.parse::<i64>() {
                        Ok(n) if n.to_string() == code => serializer.serialize_i64(n),
                        _ => serializer.serialize_str(code),
                    }
                }
            },
        )
    } else {
        (
            "Serializes the code as its wire string.",
            quote! {
                fn wire<S: Serializer>(code: &str, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(code)
                }
            },
        )
    };
    let serialize_doc = super::rust::doc_attrs(serialize_doc);
    let category = (!model.categories.is_empty()).then(|| {
        quote! {
            impl Serialize for crate::Category {
                /// Serializes the category as its catalog `id`.
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }
        }
    });
    let (status_code, status_doc) = if model.all_have_status() {
        (
            quote! {
                pub fn status_code(self) -> ::http::StatusCode {
                    match ::http::StatusCode::from_u16(self.http_status()) {
                        Ok(status) => status,
                        Err(_) => ::http::StatusCode::INTERNAL_SERVER_ERROR,
                    }
                }
            },
            "The documented HTTP status as an [`http::StatusCode`]. Catalog statuses are validated to lie in \
             100..=599, so the fallback to 500 is never taken.",
        )
    } else {
        (
            quote! {
                pub fn status_code(self) -> Option<::http::StatusCode> {
                    let status = self.http_status()?;
                    ::http::StatusCode::from_u16(status).ok()
                }
            },
            "The documented HTTP status as an [`http::StatusCode`], or `None` where the API documents none.",
        )
    };
    let status_doc_attrs = super::rust::doc_attrs(status_doc);
    quote! {
        //! Implementations behind the `serde` and `http` features.

        #[cfg(feature = "serde")]
        mod serde_impls {
            use crate::{Code, ErrorCode};
            use core::fmt;
            use serde::de::{self, Deserialize, Deserializer, Visitor};
            use serde::{Serialize, Serializer};

            impl Serialize for ErrorCode {
                #serialize_doc
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    wire(self.as_str(), serializer)
                }
            }

            impl Serialize for Code {
                #serialize_doc
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    wire(self.as_str(), serializer)
                }
            }

            #wire_fn

            #category

            struct CodeVisitor;

            impl Visitor<'_> for CodeVisitor {
                type Value = Code;

                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str(#expecting)
                }

                fn visit_str<E: de::Error>(self, v: &str) -> Result<Code, E> {
                    Ok(Code::parse(v))
                }

                #visit_ints
            }

            impl<'de> Deserialize<'de> for Code {
                /// Deserializes any code; one this crate does not know is kept as `Unknown`.
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    deserializer.#deserialize(CodeVisitor)
                }
            }

            impl<'de> Deserialize<'de> for ErrorCode {
                /// Deserializes a wire code (aliases included). A code this crate does not know
                /// is an error; deserialize a [`Code`] to keep it instead.
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let unknown = match deserializer.#deserialize(CodeVisitor)? {
                        Code::Known(code) => return Ok(code),
                        Code::Unknown(unknown) => unknown,
                    };
                    let unexpected = de::Unexpected::Str(unknown.as_str());
                    let expected: &str = "a code of this catalog";
                    Err(de::Error::invalid_value(unexpected, &expected))
                }
            }
        }

        #[cfg(feature = "http")]
        mod http_impls {
            use crate::ErrorCode;

            impl ErrorCode {
                #status_doc_attrs
                #status_code

                /// The codes documented with this status ([`ErrorCode::from_status`]).
                pub fn from_status_code(status: ::http::StatusCode) -> &'static [ErrorCode] {
                    ErrorCode::from_status(status.as_u16())
                }
            }
        }
    }
}

/// `src/json.rs` (`json` feature): `ApiError`, its parse error, field errors and the RFC 9457
/// `Problem` bridge.
pub fn json_tokens(model: &Model) -> TokenStream {
    let layout = layout(model);
    let by_status = by_status(model);
    let integer = model.catalog.code_type == CodeType::Integer;
    let http_api = is_http_api(model);
    let l = layout.clone().unwrap_or_default();
    let source = &model.source_path;

    // Catalog facts, as constants the shared code reads.
    let errors = opt(l.errors.as_deref());
    let code_ptr = opt(l.code.as_deref());
    let status_ptr = opt(l.status.as_deref());
    let message = opt(l.message.as_deref());
    let title = opt(l.title.as_deref());
    let doc_url = opt(l.doc_url.as_deref());
    let category = opt(l.category.as_deref());
    let param = opt(l.param.as_deref());
    let details = opt(l.details.as_deref());
    let id = opt(l.id.as_deref());
    let request_id = opt(l.request_id.as_deref());
    let request_id_header = opt(l.request_id_header.as_deref());
    let constants = l.constants.iter().map(|(k, v)| quote!((#k, #v)));
    let field_errors = match (&l.field_errors, l.details.as_deref()) {
        (Some(f), Some(d)) => {
            let at = f.at.strip_prefix(d).unwrap_or_default();
            let field = &f.field;
            let message = opt(f.message.as_deref());
            let code = opt(f.code.as_deref());
            let single = f.single;
            quote!(Some(super::FieldErrorsAt { at: #at, single: #single, field: #field, message: #message, code: #code }))
        }
        _ => quote!(None),
    };
    let content_type = if l.preset == Some(LayoutPreset::ProblemJson) {
        "application/problem+json"
    } else {
        "application/json"
    };

    let known_status_of_built = if model.all_have_status() {
        quote!(self.known.map(ErrorCode::http_status))
    } else {
        quote!(self.known.and_then(ErrorCode::http_status))
    };
    let status_of_known = if model.all_have_status() {
        quote!(self.code.known().map(ErrorCode::http_status))
    } else {
        quote!(self.code.known().and_then(ErrorCode::http_status))
    };
    let known_doc_url = if model.codes.iter().all(|c| c.doc_url.is_some()) {
        quote!(Some(code.doc_url().to_owned()))
    } else {
        quote!(code.doc_url().map(str::to_owned))
    };
    let known_category = if model.categories.is_empty() {
        quote!(None)
    } else if model.all_have_category() {
        quote!(Some(code.category().as_str().to_owned()))
    } else {
        quote!(code.category().map(|c| c.as_str().to_owned()))
    };
    let code_json = if integer {
        quote! {
            // A number only where it reads back as the same text (`007` stays a string).
            match wire.parse::<i64>() {
                Ok(n) if n.to_string() == wire => Value::from(n),
                _ => Value::from(wire),
            }
        }
    } else {
        quote!(Value::from(wire))
    };

    let rate_limit_field = http_api.then(|| {
        quote! {
            rate_limit: Option<crate::RateLimit>,
        }
    });
    let rate_limit_init = http_api.then(|| quote!(rate_limit: None,));
    let rate_limit_methods = http_api.then(|| {
        quote! {
            /// The rate-limit headers of the response, when it was read with them.
            pub fn rate_limit(&self) -> Option<&crate::RateLimit> {
                self.rate_limit.as_ref()
            }

            /// Sets the rate-limit headers a server sends with this error.
            pub fn with_rate_limit(mut self, rate_limit: crate::RateLimit) -> Self {
                self.rate_limit = Some(rate_limit);
                self
            }

            /// How long to wait from `now` before retrying, as the response's rate-limit
            /// headers say ([`crate::RateLimit::delay`]); `None` when they do not say. The
            /// headers are the server's own advice, so they decide even where the catalog does
            /// not call the code retryable.
            pub fn retry_delay(&self, now: SystemTime) -> Option<Duration> {
                self.rate_limit.as_ref()?.delay(now)
            }
        }
    });
    let rate_limit_read = http_api.then(|| {
        quote! {
            let pairs = headers.iter().map(|(k, v)| (k.as_str(), v.as_str()));
            error.rate_limit = crate::RateLimit::from_headers(pairs);
        }
    });
    let rate_limit_write = http_api.then(|| {
        quote! {
            if let Some(limit) = &self.rate_limit {
                out.extend(limit.to_headers());
            }
        }
    });

    // What tells errors apart: the code in the body, or the status.
    let (ident_field, ident_methods, ident_read, ident_write, ident_display, retryable) =
        if by_status {
            (
                quote!(known: Option<ErrorCode>,),
                quote! {
                    /// The HTTP status: from the body or response where it carries one, else the
                    /// documented status of the code this error was built with.
                    pub fn status(&self) -> Option<u16> {
                        let documented = #known_status_of_built;
                        self.status.or(documented)
                    }

                    /// The codes this error may be, in catalog order. For an error built here
                    /// with [`ApiError::new`], that code alone; for one read from a response,
                    /// the codes documented with its status ([`ErrorCode::from_status`]): this
                    /// API tells errors apart by status only, so several codes can share one.
                    pub fn classes(&self) -> &[ErrorCode] {
                        if let Some(code) = &self.known {
                            return ::core::slice::from_ref(code);
                        }
                        match self.status {
                            Some(status) => ErrorCode::from_status(status),
                            None => &[],
                        }
                    }
                },
                quote! {
                    if let Some(p) = layout::CODE {
                        let value = item.pointer(p).ok_or(ParseErrorKind::Missing(p))?;
                        let status = as_u16(value).ok_or(wrong(p, "an HTTP status"))?;
                        error.status = Some(status);
                    }
                },
                quote! {
                    if let (Some(p), Some(status)) = (layout::CODE, self.status()) {
                        put(&mut item, p, Value::from(status));
                    }
                },
                quote! {
                    match (self.status(), self.message()) {
                        (Some(status), Some(message)) => write!(f, "HTTP {status}: {message}"),
                        (Some(status), None) => write!(f, "HTTP {status}"),
                        (None, Some(message)) => f.write_str(message),
                        (None, None) => f.write_str("error"),
                    }
                },
                quote! {
                    /// Whether retrying can succeed: the catalog says so for every code this
                    /// status may be. `false` when it does not say.
                    pub fn is_retryable(&self) -> bool {
                        let classes = self.classes();
                        !classes.is_empty() && classes.iter().all(|c| c.is_retryable())
                    }
                },
            )
        } else {
            (
                quote!(code: Code,),
                quote! {
                    /// The code: a known [`ErrorCode`] or the unknown wire value, kept.
                    pub fn code(&self) -> &Code {
                        &self.code
                    }

                    /// The HTTP status: from the body or response where it carries one, else
                    /// the documented status of a known code.
                    pub fn status(&self) -> Option<u16> {
                        let documented = #status_of_known;
                        self.status.or(documented)
                    }
                },
                quote! {
                    let p = layout::CODE.unwrap_or_default();
                    error.code = match item.pointer(p) {
                        Some(Value::String(s)) => Code::parse(s),
                        Some(Value::Number(n)) => Code::parse(&n.to_string()),
                        Some(_) => return Err(wrong(p, "a string or a number")),
                        None => return Err(ParseErrorKind::Missing(p)),
                    };
                },
                quote! {
                    if let Some(p) = layout::CODE {
                        let wire = self.code.as_str();
                        put(&mut item, p, code_value(wire));
                    }
                },
                quote! {
                    match self.message() {
                        Some(message) => write!(f, "{}: {message}", self.code),
                        None => write!(f, "{}", self.code),
                    }
                },
                quote! {
                    /// Whether retrying the same request can succeed, as the catalog says for a
                    /// known code. `false` for unknown codes and where the catalog does not say.
                    pub fn is_retryable(&self) -> bool {
                        self.code.known().is_some_and(ErrorCode::is_retryable)
                    }
                },
            )
        };

    let new_doc = if by_status {
        "An error of `code`: its documented status, message, documentation URL and category."
    } else {
        "An error of `code`, with, for a known code, its documented status, message, documentation URL and \
         category."
    };
    let new_doc_attrs = super::rust::doc_attrs(new_doc);
    let new_fn = if by_status {
        quote! {
            #new_doc_attrs
            pub fn new(code: ErrorCode) -> Self {
                let mut error = Self::empty();
                error.known = Some(code);
                error.message = Some(code.message().to_owned());
                error.doc_url = #known_doc_url;
                error.category = #known_category;
                error
            }
        }
    } else {
        quote! {
            #new_doc_attrs
            pub fn new(code: impl Into<Code>) -> Self {
                let code = code.into();
                let mut error = Self::empty_with(code.clone());
                if let Code::Known(code) = code {
                    error.message = Some(code.message().to_owned());
                    error.doc_url = #known_doc_url;
                    error.category = #known_category;
                }
                error
            }
        }
    };
    let empty_unknown = layout.is_some().then(|| {
        quote! {
            fn empty() -> Self {
                Self::empty_with(Code::parse(""))
            }
        }
    });
    let empty_fn = if by_status {
        quote! {
            fn empty() -> Self {
                ApiError {
                    known: None, status: None, message: None, doc_url: None, category: None, param: None,
                    details: None, id: None, request_id: None, #rate_limit_init body: None,
                }
            }
        }
    } else {
        quote! {
            fn empty_with(code: Code) -> Self {
                ApiError {
                    code, status: None, message: None, doc_url: None, category: None, param: None,
                    details: None, id: None, request_id: None, #rate_limit_init body: None,
                }
            }

            #empty_unknown
        }
    };

    // Reading and writing bodies exist only where the catalog documents the body's layout.
    let body_io = layout.as_ref().map(|_| {
        let list_fns = l.errors.is_some().then(|| {
            quote! {
                /// Parses a body that lists errors into all of them, in order.
                pub fn from_json_list(body: &[u8]) -> Result<Vec<ApiError>, ParseError> {
                    let value = parse_json(body)?;
                    read_all(&value).map_err(|kind| ParseError::new(kind, body))
                }

                /// The body listing `errors`, as the API writes it.
                pub fn list_to_json(errors: &[ApiError]) -> Vec<u8> {
                    let items = errors.iter().map(ApiError::item).collect();
                    let mut body = Value::Object(Map::new());
                    let at = layout::ERRORS.unwrap_or_default();
                    put(&mut body, at, Value::Array(items));
                    let first_id = errors.first().and_then(|e| e.request_id.as_deref());
                    if let (Some(p), Some(id)) = (layout::REQUEST_ID, first_id) {
                        put(&mut body, p, Value::from(id));
                    }
                    body.to_string().into_bytes()
                }
            }
        });
        let from_json_doc = if l.errors.is_some() {
            "Parses an error body into its first error (see [`ApiError::from_json_list`] for all)."
        } else {
            "Parses an error body."
        };
        let from_json_doc_attrs = super::rust::doc_attrs(from_json_doc);
        quote! {
            #from_json_doc_attrs
            ///
            /// A body that is not JSON, or lacks the code, is a [`ParseError`] that keeps the
            /// raw text. A code this crate does not know is kept, never an error.
            pub fn from_json(body: &[u8]) -> Result<ApiError, ParseError> {
                let value = parse_json(body)?;
                let mut all = read_all(&value).map_err(|kind| ParseError::new(kind, body))?;
                Ok(all.swap_remove(0))
            }

            #list_fns

            /// Parses a whole response: status, headers and body. The status fills in what
            /// the body leaves out, and the request id header and rate-limit headers are read.
            pub fn from_response<I, K, V>(status: u16, headers: I, body: &[u8]) -> Result<ApiError, ParseError>
            where
                I: IntoIterator<Item = (K, V)>,
                K: AsRef<str>,
                V: AsRef<str>,
            {
                let mut error = match Self::from_json(body) {
                    Ok(error) => error,
                    // A body without a code says nothing the status does not: keep going.
                    Err(_) if layout::CODE.is_none() => Self::empty(),
                    Err(e) => return Err(e),
                };
                let headers: Vec<(String, String)> = headers
                    .into_iter()
                    .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned()))
                    .collect();
                error.status = error.status.or(Some(status));
                if let (None, Some(name)) = (&error.request_id, layout::REQUEST_ID_HEADER) {
                    error.request_id = headers
                        .iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case(name))
                        .map(|(_, v)| v.clone());
                }
                #rate_limit_read
                Ok(error)
            }

            /// The body the API sends for this error, as documented: every part the layout
            /// names, with this error's values.
            pub fn to_json(&self) -> Vec<u8> {
                self.to_json_value().to_string().into_bytes()
            }

            /// [`ApiError::to_json`] as a JSON value.
            pub fn to_json_value(&self) -> Value {
                let item = self.item();
                let mut body = match layout::ERRORS {
                    Some(p) => {
                        let mut body = Value::Object(Map::new());
                        put(&mut body, p, Value::Array(vec![item]));
                        body
                    }
                    None => item,
                };
                if let (Some(p), Some(id)) = (layout::REQUEST_ID, &self.request_id) {
                    put(&mut body, p, Value::from(id.as_str()));
                }
                body
            }

            /// The headers a server sends with [`ApiError::to_json`]: content type, request id
            /// and rate limits.
            pub fn response_headers(&self) -> Vec<(&'static str, String)> {
                let mut out = vec![("Content-Type", layout::CONTENT_TYPE.to_owned())];
                if let (Some(name), Some(id)) = (layout::REQUEST_ID_HEADER, &self.request_id) {
                    out.push((name, id.clone()));
                }
                #rate_limit_write
                out
            }

            fn item(&self) -> Value {
                let mut item = Value::Object(Map::new());
                for (p, v) in layout::CONSTANTS {
                    put(&mut item, p, Value::from(*v));
                }
                #ident_write
                let parts = [
                    (layout::ID, &self.id),
                    (layout::MESSAGE, &self.message),
                    (layout::DOC_URL, &self.doc_url),
                    (layout::CATEGORY, &self.category),
                    (layout::PARAM, &self.param),
                ];
                for (p, value) in parts {
                    if let (Some(p), Some(value)) = (p, value) {
                        put(&mut item, p, Value::from(value.as_str()));
                    }
                }
                if let (Some(p), Some(status)) = (layout::STATUS, self.status()) {
                    put(&mut item, p, Value::from(status));
                }
                if let (Some(p), Some(title)) = (layout::TITLE, self.title()) {
                    put(&mut item, p, Value::from(title));
                }
                if let (Some(p), Some(details)) = (layout::DETAILS, &self.details) {
                    put(&mut item, p, details.clone());
                }
                item
            }
        }
    });
    let body_io_http = layout.as_ref().map(|_| {
        quote! {
            #[cfg(feature = "http")]
            impl ApiError {
                /// Parses an [`http::Response`]: status, headers and body.
                pub fn from_http_response<B: AsRef<[u8]>>(response: &::http::Response<B>) -> Result<ApiError, ParseError> {
                    let headers = response
                        .headers()
                        .iter()
                        .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)));
                    Self::from_response(response.status().as_u16(), headers, response.body().as_ref())
                }

                /// The response a server sends for this error: its status (500 when it has
                /// none), [`ApiError::response_headers`] and [`ApiError::to_json`].
                pub fn to_http_response(&self) -> ::http::Response<Vec<u8>> {
                    let status = self
                        .status()
                        .and_then(|s| ::http::StatusCode::from_u16(s).ok())
                        .unwrap_or(::http::StatusCode::INTERNAL_SERVER_ERROR);
                    let mut response = ::http::Response::new(self.to_json());
                    *response.status_mut() = status;
                    for (name, value) in self.response_headers() {
                        if let Ok(value) = ::http::HeaderValue::from_str(&value) {
                            response.headers_mut().append(name, value);
                        }
                    }
                    response
                }
            }
        }
    });
    let read_fns = layout.as_ref().map(|_| {
        quote! {
            fn parse_json(body: &[u8]) -> Result<Value, ParseError> {
                ::serde_json::from_slice(body).map_err(|e| ParseError::new(ParseErrorKind::NotJson(e.to_string()), body))
            }

            fn read_all(body: &Value) -> Result<Vec<ApiError>, ParseErrorKind> {
                let items = items(body)?;
                if items.is_empty() {
                    return Err(ParseErrorKind::Empty);
                }
                let request_id = layout::REQUEST_ID.and_then(|p| text(body, p));
                items
                    .into_iter()
                    .map(|item| {
                        let mut error = read_item(item)?;
                        error.request_id = request_id.clone();
                        error.body = Some(body.clone());
                        Ok(error)
                    })
                    .collect()
            }

            /// The errors of a body: the listed ones, or the body itself.
            fn items(body: &Value) -> Result<Vec<&Value>, ParseErrorKind> {
                let Some(p) = layout::ERRORS else {
                    return Ok(vec![body]);
                };
                match body.pointer(p) {
                    Some(Value::Array(items)) => Ok(items.iter().collect()),
                    Some(_) => Err(wrong(p, "an array")),
                    None => Err(ParseErrorKind::Missing(p)),
                }
            }

            fn wrong(pointer: &'static str, expected_type: &'static str) -> ParseErrorKind {
                ParseErrorKind::WrongType { at: pointer, expected: expected_type }
            }

            fn read_item(item: &Value) -> Result<ApiError, ParseErrorKind> {
                if !item.is_object() {
                    return Err(wrong(layout::ERRORS.unwrap_or_default(), "an object"));
                }
                let mut error = ApiError::empty();
                let status = layout::STATUS.and_then(|p| item.pointer(p));
                error.status = status.and_then(as_u16);
                #ident_read
                let part = |p: Option<&str>| p.and_then(|p| text(item, p));
                error.message = part(layout::MESSAGE);
                error.doc_url = part(layout::DOC_URL);
                error.category = part(layout::CATEGORY);
                error.param = part(layout::PARAM);
                error.id = part(layout::ID);
                error.details = layout::DETAILS.and_then(|p| item.pointer(p)).filter(|v| !v.is_null()).cloned();
                Ok(error)
            }

            fn as_u16(value: &Value) -> Option<u16> {
                match value {
                    Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
                    Value::String(s) => s.parse().ok(),
                    _ => None,
                }
            }
        }
    });

    let title_fn = if by_status {
        quote! {
            fn title(&self) -> Option<&'static str> {
                match self.classes() {
                    [only] => Some(only.message()),
                    _ => None,
                }
            }
        }
    } else {
        quote! {
            fn title(&self) -> Option<&'static str> {
                self.code.known().map(ErrorCode::message)
            }
        }
    };
    let code_value_fn = (!by_status).then(|| {
        quote! {
            /// A wire code as the body writes it.
            fn code_value(wire: &str) -> Value {
                #code_json
            }
        }
    });
    let problem_code_out = if by_status {
        quote! {
            if let Some(code) = self.known {
                members.insert("code".to_owned(), Value::from(code.as_str()));
            }
        }
    } else {
        quote! {
            let wire = self.code.as_str();
            members.insert("code".to_owned(), code_value(wire));
        }
    };
    let problem_code_in = if by_status {
        quote! {
            let mut error = ApiError::empty();
            error.known = match problem.extensions.get("code") {
                Some(Value::String(s)) => ErrorCode::from_code(s),
                _ => None,
            };
        }
    } else {
        quote! {
            let code = match problem.extensions.get("code") {
                Some(Value::String(s)) => Code::parse(s),
                Some(Value::Number(n)) => Code::parse(&n.to_string()),
                _ => Code::parse(""),
            };
            let mut error = ApiError::empty_with(code);
        }
    };
    let problem_doc = if by_status {
        "`type` is the doc URL, `title` the catalog message (when the status means one code), `status`, \
         `detail` the message, `instance` the request id; `param` and `details` are extension members."
    } else {
        "`type` is the doc URL, `title` the catalog message of a known code, `status`, `detail` the message, \
         `instance` the request id; the wire code is the extension member `code`, and `param` and `details` are \
         extension members too."
    };
    let problem_doc_attrs = super::rust::doc_attrs(&format!(
        "This error as an RFC 9457 problem document.\n\n{problem_doc}"
    ));

    let time_imports = http_api.then(|| {
        quote!(
            use std::time::{Duration, SystemTime};
        )
    });
    let imports = if by_status {
        quote!(
            use crate::ErrorCode;
        )
    } else {
        quote!(
            use crate::{Code, ErrorCode};
        )
    };
    let api_error_doc = super::rust::doc_attrs(&api_error_doc(model, layout.as_ref(), by_status));
    let module_doc = format!(
        "Typed error responses (the `json` feature).\n\n{}",
        match &layout {
            Some(_) => format!(
                "[`ApiError::from_json`] reads the error body that `{source}` documents (its `envelope.layout`), \
                 and [`ApiError::to_json`] writes the same body, so a client and a server built on this crate agree \
                 by construction."
            ),
            None => format!(
                "`{source}` does not document the layout of the API's error body, so [`ApiError`] is not read \
                 from or written to it; it converts to and from RFC 9457 problem documents."
            ),
        }
    );

    let module_doc = super::rust::inner_doc_attrs(&module_doc);
    quote! {
        #module_doc

        #imports
        use core::fmt;
        use serde_json::{Map, Value};
        #time_imports

        /// Where each part of an error sits in the body, from the catalog's `envelope.layout`.
        #[allow(dead_code)]
        mod layout {
            pub const ERRORS: Option<&str> = #errors;
            pub const CODE: Option<&str> = #code_ptr;
            pub const STATUS: Option<&str> = #status_ptr;
            pub const MESSAGE: Option<&str> = #message;
            pub const TITLE: Option<&str> = #title;
            pub const DOC_URL: Option<&str> = #doc_url;
            pub const CATEGORY: Option<&str> = #category;
            pub const PARAM: Option<&str> = #param;
            pub const DETAILS: Option<&str> = #details;
            pub const ID: Option<&str> = #id;
            pub const REQUEST_ID: Option<&str> = #request_id;
            pub const REQUEST_ID_HEADER: Option<&str> = #request_id_header;
            pub const CONSTANTS: &[(&str, &str)] = &[#(#constants),*];
            pub const FIELD_ERRORS: Option<super::FieldErrorsAt> = #field_errors;
            pub const CONTENT_TYPE: &str = #content_type;
        }

        /// Where field errors sit inside the details.
        #[allow(dead_code)]
        struct FieldErrorsAt {
            at: &'static str,
            single: bool,
            field: &'static str,
            message: Option<&'static str>,
            code: Option<&'static str>,
        }

        #api_error_doc
        #[derive(Clone, Debug, PartialEq)]
        pub struct ApiError {
            #ident_field
            status: Option<u16>,
            message: Option<String>,
            doc_url: Option<String>,
            category: Option<String>,
            param: Option<String>,
            details: Option<Value>,
            id: Option<String>,
            request_id: Option<String>,
            #rate_limit_field
            body: Option<Value>,
        }

        /// One per-field error inside an error's details.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct FieldError {
            /// The field.
            pub field: String,
            /// What is wrong with it, where the API says.
            pub message: Option<String>,
            /// An inner code, where the API gives one.
            pub code: Option<String>,
        }

        impl ApiError {
            #new_fn

            #empty_fn

            #ident_methods

            /// The message of this occurrence.
            pub fn message(&self) -> Option<&str> {
                self.message.as_deref()
            }

            /// The documentation URL.
            pub fn doc_url(&self) -> Option<&str> {
                self.doc_url.as_deref()
            }

            /// The category (type, class), as the catalog's category `id`.
            pub fn category(&self) -> Option<&str> {
                self.category.as_deref()
            }

            /// The request parameter the error is about.
            pub fn param(&self) -> Option<&str> {
                self.param.as_deref()
            }

            /// The details, as JSON.
            pub fn details(&self) -> Option<&Value> {
                self.details.as_ref()
            }

            /// The per-field errors inside the details, in order; empty where there are none.
            pub fn field_errors(&self) -> Vec<FieldError> {
                let (Some(at), Some(details)) = (layout::FIELD_ERRORS, &self.details) else {
                    return Vec::new();
                };
                let items: Vec<&Value> = match details.pointer(at.at) {
                    Some(Value::Array(items)) => items.iter().collect(),
                    Some(item @ Value::Object(_)) => vec![item],
                    _ => Vec::new(),
                };
                items
                    .into_iter()
                    .filter_map(|item| {
                        Some(FieldError {
                            field: text(item, at.field)?,
                            message: at.message.and_then(|p| text(item, p)),
                            code: at.code.and_then(|p| text(item, p)),
                        })
                    })
                    .collect()
            }

            /// The identifier of this error occurrence.
            pub fn id(&self) -> Option<&str> {
                self.id.as_deref()
            }

            /// The request id, from the body or the response header.
            pub fn request_id(&self) -> Option<&str> {
                self.request_id.as_deref()
            }

            /// The whole body this error was read from; `None` for an error built here.
            pub fn body(&self) -> Option<&Value> {
                self.body.as_ref()
            }

            #retryable

            #rate_limit_methods

            /// Sets the HTTP status.
            pub fn with_status(mut self, status: u16) -> Self {
                self.status = Some(status);
                self
            }

            /// Sets the message of this occurrence.
            pub fn with_message(mut self, message: impl Into<String>) -> Self {
                self.message = Some(message.into());
                self
            }

            /// Sets the parameter the error is about.
            pub fn with_param(mut self, param: impl Into<String>) -> Self {
                self.param = Some(param.into());
                self
            }

            /// Sets the details.
            pub fn with_details(mut self, details: Value) -> Self {
                self.details = Some(details);
                self
            }

            /// Adds a per-field error to the details in the shape the catalog's layout gives:
            /// pushed onto the list of field errors, or, where the API documents one object,
            /// merged into it. `message` is written only where the layout has a member for it.
            /// Nothing is overwritten: where the details already hold something else at that
            /// place, or the API documents no field errors, the error is left as it is.
            pub fn with_field_error(mut self, field: impl Into<String>, message: impl Into<String>) -> Self {
                let Some(at) = layout::FIELD_ERRORS else {
                    return self;
                };
                let mut item = Value::Object(Map::new());
                put(&mut item, at.field, Value::from(field.into()));
                if let Some(p) = at.message {
                    put(&mut item, p, Value::from(message.into()));
                }
                let details = self.details.get_or_insert_with(Value::default);
                match details.pointer_mut(at.at) {
                    Some(Value::Array(list)) if !at.single => list.push(item),
                    Some(Value::Object(object)) if at.single => {
                        if let Value::Object(members) = item {
                            object.extend(members);
                        }
                    }
                    None | Some(Value::Null) if at.single => put(details, at.at, item),
                    None | Some(Value::Null) => put(details, at.at, Value::Array(vec![item])),
                    Some(_) => {}
                }
                self
            }

            /// Sets the identifier of this occurrence.
            pub fn with_id(mut self, id: impl Into<String>) -> Self {
                self.id = Some(id.into());
                self
            }

            /// Sets the request id.
            pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
                self.request_id = Some(request_id.into());
                self
            }

            #title_fn

            #body_io

            #problem_doc_attrs
            pub fn to_problem(&self) -> Problem {
                let mut problem = Problem {
                    type_uri: self.doc_url.clone(),
                    title: self.title().map(str::to_owned),
                    status: self.status(),
                    detail: self.message.clone(),
                    instance: self.request_id.clone(),
                    extensions: Map::new(),
                };
                let members = &mut problem.extensions;
                #problem_code_out
                if let Some(param) = &self.param {
                    members.insert("param".to_owned(), Value::from(param.as_str()));
                }
                if let Some(details) = &self.details {
                    members.insert("details".to_owned(), details.clone());
                }
                if let Some(category) = &self.category {
                    members.insert("category".to_owned(), Value::from(category.as_str()));
                }
                if let Some(id) = &self.id {
                    members.insert("id".to_owned(), Value::from(id.as_str()));
                }
                problem
            }

            /// The error a problem document describes: the inverse of [`ApiError::to_problem`].
            pub fn from_problem(problem: &Problem) -> Self {
                #problem_code_in
                error.status = problem.status;
                error.message = problem.detail.clone().or_else(|| problem.title.clone());
                error.doc_url = problem.type_uri.clone().filter(|t| t != "about:blank");
                error.request_id = problem.instance.clone();
                let text = |name: &str| match problem.extensions.get(name) {
                    Some(Value::String(s)) => Some(s.clone()),
                    _ => None,
                };
                error.param = text("param");
                error.details = problem.extensions.get("details").cloned();
                error.category = text("category");
                error.id = text("id");
                error.body = ::serde_json::from_slice(&problem.to_json()).ok();
                error
            }
        }

        #body_io_http

        impl From<ErrorCode> for ApiError {
            fn from(code: ErrorCode) -> Self {
                ApiError::new(code)
            }
        }

        impl fmt::Display for ApiError {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                #ident_display
            }
        }

        impl ::std::error::Error for ApiError {}

        /// A response body that is not the documented error body. The raw text is kept.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct ParseError {
            kind: ParseErrorKind,
            raw: String,
        }

        /// What is wrong with an error body.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum ParseErrorKind {
            /// The body is not JSON; the JSON parser's message.
            NotJson(String),
            /// A part the body always has is missing (its JSON pointer).
            Missing(&'static str),
            /// A part has the wrong JSON type.
            WrongType {
                /// Its JSON pointer.
                at: &'static str,
                /// What it should be.
                expected: &'static str,
            },
            /// The body lists no error.
            Empty,
        }

        impl ParseError {
            fn new(kind: ParseErrorKind, raw: &[u8]) -> Self {
                ParseError { kind, raw: String::from_utf8_lossy(raw).into_owned() }
            }

            /// What is wrong.
            pub fn kind(&self) -> &ParseErrorKind {
                &self.kind
            }

            /// The body as received (invalid UTF-8 replaced).
            pub fn raw(&self) -> &str {
                &self.raw
            }
        }

        impl fmt::Display for ParseError {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match &self.kind {
                    ParseErrorKind::NotJson(e) => write!(f, "the error body is not JSON ({e})"),
                    ParseErrorKind::Missing(p) => write!(f, "the error body has no `{p}`"),
                    ParseErrorKind::WrongType { at, expected } => {
                        write!(f, "`{at}` in the error body is not {expected}")
                    }
                    ParseErrorKind::Empty => f.write_str("the error body lists no error"),
                }
            }
        }

        impl ::std::error::Error for ParseError {}

        /// An RFC 9457 problem document (`application/problem+json`).
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct Problem {
            /// `type`: a URI for the kind of problem; `about:blank` when absent.
            pub type_uri: Option<String>,
            /// `title`: a short summary of the kind of problem.
            pub title: Option<String>,
            /// `status`: the HTTP status.
            pub status: Option<u16>,
            /// `detail`: an explanation of this occurrence.
            pub detail: Option<String>,
            /// `instance`: a URI reference for this occurrence.
            pub instance: Option<String>,
            /// Extension members.
            pub extensions: Map<String, Value>,
        }

        impl Problem {
            /// The media type of problem documents.
            pub const CONTENT_TYPE: &'static str = "application/problem+json";

            /// Parses a problem document. Members of the wrong type are left out, as RFC 9457
            /// asks.
            pub fn from_json(body: &[u8]) -> Result<Problem, ParseError> {
                let value: Value = ::serde_json::from_slice(body)
                    .map_err(|e| ParseError::new(ParseErrorKind::NotJson(e.to_string()), body))?;
                let Value::Object(mut members) = value else {
                    let kind = ParseErrorKind::WrongType { at: "", expected: "an object" };
                    return Err(ParseError::new(kind, body));
                };
                let mut string = |name: &str| match members.remove(name) {
                    Some(Value::String(s)) => Some(s),
                    _ => None,
                };
                let type_uri = string("type");
                let title = string("title");
                let detail = string("detail");
                let instance = string("instance");
                let status = members.remove("status").and_then(|s| s.as_u64()).and_then(|s| u16::try_from(s).ok());
                Ok(Problem { type_uri, title, status, detail, instance, extensions: members })
            }

            /// The document as JSON.
            pub fn to_json(&self) -> Vec<u8> {
                let mut members = self.extensions.clone();
                let parts = [
                    ("type", &self.type_uri),
                    ("title", &self.title),
                    ("detail", &self.detail),
                    ("instance", &self.instance),
                ];
                for (name, value) in parts {
                    if let Some(value) = value {
                        members.insert(name.to_owned(), Value::from(value.as_str()));
                    }
                }
                if let Some(status) = self.status {
                    members.insert("status".to_owned(), Value::from(status));
                }
                Value::Object(members).to_string().into_bytes()
            }
        }

        impl From<ErrorCode> for Problem {
            fn from(code: ErrorCode) -> Self {
                ApiError::new(code).to_problem()
            }
        }

        #read_fns

        /// A string member, or a number written as text; `None` for anything else.
        #[allow(dead_code)]
        fn text(value: &Value, pointer: &str) -> Option<String> {
            match value.pointer(pointer)? {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            }
        }

        #code_value_fn

        /// Writes `value` at `pointer`, making the objects on the way.
        fn put(root: &mut Value, pointer: &str, value: Value) {
            let mut at = root;
            if !pointer.is_empty() {
                for token in pointer[1..].split('/') {
                    let token = token.replace("~1", "/").replace("~0", "~");
                    if !at.is_object() {
                        *at = Value::Object(Map::new());
                    }
                    let Some(map) = at.as_object_mut() else {
                        return;
                    };
                    at = map.entry(token).or_insert(Value::Null);
                }
            }
            *at = value;
        }
    }
}

/// `tests/examples.rs` and its data `tests/data/examples.in`: every documented example body
/// (the envelope's and each code's) parsed and written back, plus the problem bridge for every
/// code. The test file runs with the `json` feature.
pub fn examples_test(model: &Model) -> (TokenStream, String) {
    let lib = quote::format_ident!("{}", model.lib_name);
    let by_status = by_status(model);
    let layout = layout(model);
    let list = layout.as_ref().is_some_and(|l| l.errors.is_some());
    let unknown = unknown_code(model);

    let mut rows = String::from("[\n");
    let envelope_examples = model.catalog.envelope.iter().flat_map(|e| &e.examples);
    let code_examples = model
        .codes
        .iter()
        .flat_map(|c| c.entry.examples.iter().map(move |e| (Some(c), e)));
    for (code, example) in envelope_examples.map(|e| (None, e)).chain(code_examples) {
        let wire = code.map_or(String::new(), |c| c.wire.clone());
        let status = example
            .status
            .map_or_else(|| "None".to_owned(), |s| format!("Some({s})"));
        rows.push_str(&format!(
            "    ({}, {status}, {}),\n",
            proc_macro2::Literal::string(&wire),
            proc_macro2::Literal::string(&example.body.to_string()),
        ));
    }
    rows.push_str("]\n");

    let check_code = if by_status {
        quote! {
            if !wire.is_empty() {
                let expected = ErrorCode::ALL.iter().find(|c| c.as_str() == wire).copied();
                let classes = error.classes();
                let listed = expected.is_some_and(|c| classes.contains(&c)) || status.is_none() && classes.is_empty();
                assert!(listed, "{wire}: {classes:?} for {body}");
            }
            if let Some(status) = status {
                assert_eq!(error.status(), Some(status), "{body}");
            }
        }
    } else {
        quote! {
            if !wire.is_empty() {
                assert_eq!(error.code().as_str(), wire, "{body}");
                let known = error.code().known().map(ErrorCode::as_str);
                assert_eq!(known, Some(wire), "{body}");
            }
        }
    };
    let written = if list {
        quote!(ApiError::list_to_json(&all))
    } else {
        quote!(error.to_json())
    };
    let read_all =
        list.then(|| quote!(let all = ApiError::from_json_list(body.as_bytes()).unwrap();));
    let example_tests = layout.as_ref().map(|_| {
        let message_check = layout
            .as_ref()
            .and_then(|l| l.message.as_ref())
            .map(|_| quote!(assert_eq!(read.message(), Some("from a later API version"));));
        let unknown_test = (!by_status).then(|| {
            quote! {
                #[test]
                fn unknown_codes_are_kept_through_the_body() {
                    let code = Code::parse(#unknown);
                    let error = ApiError::new(code).with_message("from a later API version");
                    let read = ApiError::from_json(&error.to_json()).unwrap();
                    assert_eq!(read.code().as_str(), #unknown);
                    assert_eq!(read.code().known(), None);
                    #message_check
                }
            }
        });
        quote! {
            #[test]
            fn every_documented_example_reads_as_its_code_and_is_written_back_as_documented() {
                for &(wire, status, body) in EXAMPLES {
                    let error = ApiError::from_json(body.as_bytes()).unwrap();
                    #read_all
                    let _ = status;
                    #check_code
                    let written = #written;
                    let written: Value = serde_json::from_slice(&written).unwrap();
                    let documented: Value = serde_json::from_str(body).unwrap();
                    assert_eq!(written, documented, "{wire}");
                }
            }

            #[test]
            fn every_code_is_written_and_read_back() {
                for &code in ErrorCode::ALL {
                    let error = ApiError::new(code).with_request_id("req_1").with_param("p");
                    let read = ApiError::from_json(&error.to_json()).unwrap();
                    assert_eq!(read.to_json(), error.to_json(), "{code:?}");
                }
            }

            #[test]
            fn bodies_that_are_not_the_envelope_are_errors_that_keep_the_text() {
                let bodies = ["<html>502</html>", "", "[1, 2]", "{\"other\": true}"];
                for body in bodies {
                    if let Err(e) = ApiError::from_json(body.as_bytes()) {
                        assert_eq!(e.raw(), body);
                        let shown = e.to_string();
                        assert!(shown.contains("error body"), "{shown}");
                    }
                }
                let e = ApiError::from_json(b"<html>").unwrap_err();
                assert!(matches!(e.kind(), ParseErrorKind::NotJson(_)), "{e}");
            }

            #unknown_test
        }
    });
    let ident_check = if by_status {
        quote!(assert_eq!(back.classes(), error.classes(), "{code:?}");)
    } else {
        quote!(assert_eq!(back.code(), error.code(), "{code:?}");)
    };
    let crate_import = match &layout {
        None => quote!(use #lib::{ApiError, Code, ErrorCode, Problem};),
        Some(_) => quote!(use #lib::{ApiError, Code, ErrorCode, ParseErrorKind, Problem};),
    };
    let value_import = quote!(
        use serde_json::Value;
    );
    // In the order rustfmt sorts them.
    let imports = if model.lib_name.as_str() < "serde_json" {
        quote!(#crate_import #value_import)
    } else {
        quote!(#value_import #crate_import)
    };
    let title_check = if by_status {
        quote! {
            if error.classes() == [code] {
                assert_eq!(problem.title.as_deref(), Some(code.message()));
            }
        }
    } else {
        quote!(assert_eq!(problem.title.as_deref(), Some(code.message()));)
    };
    let wire_json = if model.catalog.code_type == CodeType::Integer {
        quote!(serde_json::from_str(code.as_str()).unwrap())
    } else {
        quote!(Value::from(code.as_str()))
    };
    let integer_serde = (model.catalog.code_type == CodeType::Integer).then(|| {
        quote! {
            for &code in ErrorCode::ALL {
                let number: Value = code.as_str().parse().unwrap();
                let back: ErrorCode = serde_json::from_value(number).unwrap();
                assert_eq!(back, code);
            }
        }
    });
    let tokens = quote! {
        #![cfg(feature = "json")]
        #![allow(deprecated)]

        #imports

        /// Each documented example: the code it is filed under (empty for the envelope's own
        /// examples), its documented status and its body.
        #[allow(dead_code)]
        const EXAMPLES: &[(&str, Option<u16>, &str)] = &include!("data/examples.in");

        #example_tests

        #[test]
        fn codes_serialize_as_their_wire_string() {
            for &code in ErrorCode::ALL {
                let json = serde_json::to_value(code).unwrap();
                let wire: Value = #wire_json;
                assert_eq!(json, wire);
                let back: ErrorCode = serde_json::from_value(json.clone()).unwrap();
                assert_eq!(back, code);
                let kept: Code = serde_json::from_value(json).unwrap();
                assert_eq!(kept, Code::Known(code));
            }
            let unknown: Code = serde_json::from_value(Value::from(#unknown)).unwrap();
            assert_eq!(unknown.as_str(), #unknown);
            let refused = serde_json::from_value::<ErrorCode>(Value::from(#unknown));
            assert!(refused.is_err());
            #integer_serde
        }

        #[test]
        fn every_code_converts_to_a_problem_document_and_back() {
            for &code in ErrorCode::ALL {
                let error = ApiError::new(code).with_message("this occurrence").with_request_id("req_1");
                let problem = error.to_problem();
                #title_check
                let parsed = Problem::from_json(&problem.to_json()).unwrap();
                assert_eq!(parsed, problem);
                let back = ApiError::from_problem(&parsed);
                #ident_check
                assert_eq!(back.status(), error.status(), "{code:?}");
                assert_eq!(back.message(), Some("this occurrence"));
                assert_eq!(back.request_id(), Some("req_1"));
                assert_eq!(back.doc_url(), error.doc_url());
            }
        }
    };
    (tokens, rows)
}

/// The rustdoc of `ApiError`, with a runnable example from the catalog's first documented
/// example body when it has one.
fn api_error_doc(model: &Model, layout: Option<&Layout>, by_status: bool) -> String {
    let mut doc = String::from("One error of the API, as its response body carries it.");
    let Some(layout) = layout else {
        return doc;
    };
    let envelope = model.catalog.envelope.iter().flat_map(|e| &e.examples);
    let first = model
        .codes
        .iter()
        .flat_map(|c| c.entry.examples.iter().map(move |e| (c, e)))
        .next();
    let (body, check) = match first {
        Some((code, example)) => {
            let check = if by_status {
                format!(
                    "assert!(error.classes().iter().any(|c| c.as_str() == {:?}));",
                    code.wire
                )
            } else {
                format!("assert_eq!(error.code().as_str(), {:?});", code.wire)
            };
            (example.body.to_string(), check)
        }
        None => match envelope.clone().next() {
            Some(example) => (example.body.to_string(), String::new()),
            None => return doc,
        },
    };
    let mut hashes = String::from("#");
    while body.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    let read = if layout.errors.is_some() {
        "let errors = ApiError::from_json_list(body.as_bytes()).unwrap();\nlet error = &errors[0];"
    } else {
        "let error = ApiError::from_json(body.as_bytes()).unwrap();"
    };
    doc.push_str(&format!(
        "\n\nA documented example body, read:\n\n```\nuse {}::ApiError;\n\nlet body = r{hashes}\"{body}\"{hashes};\n{read}\n{check}\n```",
        model.lib_name
    ));
    doc
}
