//! Choosing the language of a response from an `Accept-Language` header.
//!
//! The header (RFC 9110, section 12.5.4) lists language ranges, each with a weight (`q`, 1
//! when left out). They are tried from the highest weight down, in the header's order where
//! weights tie, with RFC 4647's *lookup* (section 3.4): a range matches a language that
//! equals it, ignoring case, and when none does its last subtag is dropped and the shorter
//! range tried (`pt-PT` finds `pt`; lookup never widens `pt` into `pt-BR`). `*` accepts any
//! language: it gives the first one that is not refused. A range with `q=0` refuses the
//! languages it equals or starts, unless a longer range names them (`pt;q=0` refuses `pt`
//! and `pt-BR`, `pt;q=0, pt-BR` only `pt`). A range or weight that
//! is not well-formed is skipped. When nothing matches, the answer is the default.

/// Which of `tags` (the crate's languages, the default first) `header` prefers: an index into
/// `tags`, 0 (the default) when it names none of them.
pub(crate) fn negotiate(header: &str, tags: &[&str]) -> usize {
    let mut ranges: Vec<(&str, u16)> = header
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let range = parts.next()?.trim();
            if !well_formed(range) {
                return None;
            }
            let mut weight = 1000;
            for param in parts {
                let (name, value) = param.split_once('=')?;
                if name.trim().eq_ignore_ascii_case("q") {
                    weight = quality(value.trim())?;
                }
            }
            Some((range, weight))
        })
        .collect();
    // Highest weight first; a stable sort keeps the header's order between equal weights.
    ranges.sort_by_key(|range| core::cmp::Reverse(range.1));
    // The range that speaks for a language is the longest one equal to it or starting it,
    // else `*`: `pt;q=0, pt-BR` refuses `pt` but not `pt-BR`.
    let refused = |tag: &str| {
        let specific = ranges
            .iter()
            .filter(|(range, _)| tag.eq_ignore_ascii_case(range) || starts(tag, range))
            .max_by_key(|(range, _)| range.len());
        let deciding = specific.or_else(|| ranges.iter().find(|(range, _)| *range == "*"));
        deciding.is_some_and(|(_, weight)| *weight == 0)
    };
    for (range, weight) in &ranges {
        if *weight == 0 {
            break;
        }
        if *range == "*" {
            if let Some(i) = tags.iter().position(|t| !refused(t)) {
                return i;
            }
            continue;
        }
        let mut candidate: &str = range;
        loop {
            if let Some(i) = tags
                .iter()
                .position(|t| t.eq_ignore_ascii_case(candidate) && !refused(t))
            {
                return i;
            }
            let Some(cut) = candidate.rfind('-') else {
                break;
            };
            candidate = &candidate[..cut];
            // A single-letter subtag (an extension's singleton) is dropped with what follows.
            if let Some(cut) = candidate.rfind('-').filter(|c| candidate.len() - c == 2) {
                candidate = &candidate[..cut];
            }
        }
    }
    0
}

/// Whether `tag` starts with the range `range` followed by a `-` (ignoring case).
fn starts(tag: &str, range: &str) -> bool {
    tag.len() > range.len()
        && tag.as_bytes()[range.len()] == b'-'
        && tag[..range.len()].eq_ignore_ascii_case(range)
}

/// A language range: `*`, or subtags of 1 to 8 ASCII letters or digits joined by `-`, the
/// first letters only.
fn well_formed(range: &str) -> bool {
    if range == "*" {
        return true;
    }
    let mut subtags = range.split('-');
    let first = subtags.next().unwrap_or_default();
    (1..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A weight (`0`, `0.5`, `1.000`) in thousandths; `None` when it is not one.
fn quality(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}
