//! Retry advice from rate-limit response headers: `Retry-After` (seconds or an HTTP date) and
//! `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

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
    pub fn from_header_map(headers: &http::HeaderMap) -> Option<Self> {
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
        let headers = [
            ("retry-after", "12"),
            ("X-RateLimit-Remaining", "0"),
            ("X-RateLimit-Reset", "1060"),
        ];
        let limit = RateLimit::from_headers(headers).unwrap();
        assert_eq!(limit.delay(now), Some(Duration::from_secs(12)));
        let limit = RateLimit::from_headers(headers[1..].iter().copied()).unwrap();
        assert_eq!(limit.delay(now), Some(Duration::from_secs(60)));
        let left = RateLimit {
            remaining: Some(3),
            reset: Some(1_060),
            ..RateLimit::default()
        };
        assert_eq!(left.delay(now), None);
        let none = RateLimit::from_headers([("Content-Type", "text/plain")]);
        assert_eq!(none, None);
        let far = [
            ("X-RateLimit-Remaining", "0"),
            ("X-RateLimit-Reset", "18446744073709551615"),
        ];
        let far = RateLimit::from_headers(far).unwrap();
        assert_eq!(far.delay(now), None);
        let parsed = RateLimit::from_headers(limit.to_headers());
        assert_eq!(parsed, Some(limit));
    }
}
