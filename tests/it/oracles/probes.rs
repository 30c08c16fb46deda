//! Unknown codes, against every crate: another case, non-ASCII look-alikes, spaces and
//! invisible characters, leading zeros, signs and very long codes. A spelling the catalog
//! does not document is unknown to `from_code`, and every unknown path (`FromStr`'s error,
//! `Code::Unknown`/`UnknownCode::as_str`, serde, `ApiError::from_json` and back through
//! `to_json`) keeps it byte for byte. A spelling the catalog does document (a code or an
//! alias, in whatever case the catalog writes it) is that code.

use serde_json::{Map, Value, json};

use super::{CrateView, Oracle, Wire, crates, oracle};

/// Swaps the case of every ASCII letter.
fn swap_case(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}

/// The first letter in the other case, the rest kept.
fn first_letter_flipped(s: &str) -> String {
    let mut done = false;
    s.chars()
        .map(|c| {
            if !done && c.is_ascii_alphabetic() {
                done = true;
                swap_case(&c.to_string()).chars().next().unwrap()
            } else {
                c
            }
        })
        .collect()
}

/// Non-ASCII look-alikes: fullwidth forms, the Kelvin sign for `K`/`k`, dotted capital I for
/// `i`, dotless i for `I`, and a combining accent.
fn look_alikes(s: &str) -> Vec<String> {
    let fullwidth: String = s
        .chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap(),
            c => c,
        })
        .collect();
    let kelvin = s.replace(['K', 'k'], "\u{212A}");
    let dotted = s.replace('i', "\u{130}").replace('I', "\u{131}");
    vec![
        fullwidth,
        kelvin,
        dotted,
        format!("{s}\u{301}"),
        format!("{s}é"),
        format!("é{s}"),
    ]
}

/// Spaces, other whitespace, invisible and control characters around and inside `s`.
fn spaced(s: &str) -> Vec<String> {
    let mid = (0..=s.len() / 2)
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0);
    let (a, b) = s.split_at(mid);
    vec![
        format!(" {s}"),
        format!("{s} "),
        format!(" {s} "),
        format!("{a} {b}"),
        format!("{s}\t"),
        format!("\n{s}"),
        format!("{s}\r\n"),
        format!("{s}\u{a0}"),
        format!("\u{feff}{s}"),
        format!("{s}\u{200b}"),
        format!("{s}\0"),
        format!("{a}\u{7f}{b}"),
    ]
}

/// Leading zeros, signs and number spellings of a code that starts with a digit.
fn numeric(s: &str) -> Vec<String> {
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return Vec::new();
    }
    let mut out = vec![
        format!("0{s}"),
        format!("00{s}"),
        format!("+{s}"),
        format!("-{s}"),
        format!("{s}.0"),
        format!("{s}e0"),
        format!("0x{s}"),
    ];
    let stripped = s.trim_start_matches('0');
    if stripped.len() < s.len() {
        out.push(stripped.to_owned());
    }
    out
}

/// Near misses: one character short, one too many.
fn near(s: &str) -> Vec<String> {
    let mut out = vec![format!("{s}{}", s.chars().last().unwrap_or('x'))];
    let mut chars = s.chars();
    chars.next_back();
    out.push(chars.as_str().to_owned());
    out
}

/// Probes made from one documented code, and the cheaper ones only for most codes.
fn probes_for(wire: &str, expensive: bool) -> Vec<String> {
    let mut out = vec![
        swap_case(wire),
        wire.to_ascii_uppercase(),
        wire.to_ascii_lowercase(),
        first_letter_flipped(wire),
    ];
    out.extend(numeric(wire));
    out.extend(near(wire));
    if expensive {
        out.extend(look_alikes(wire));
        out.extend(spaced(wire));
        out.push(wire.repeat(10_000 / wire.len().max(1) + 1));
        out.push(format!("{wire}{}", "x".repeat(1 << 20)));
        out.push(format!("{}{wire}", "é".repeat(5_000)));
    }
    out
}

/// Probes no catalog is likely to hold.
fn general_probes() -> Vec<String> {
    vec![
        String::new(),
        " ".to_owned(),
        "zz_future_code".to_owned(),
        "ZZ_FUTURE_CODE".to_owned(),
        "Zz_Future_Code".to_owned(),
        "café".to_owned(),
        "cafe\u{301}".to_owned(),
        "ÄPI_KEY_MİSSİNG".to_owned(),
        "🔥".to_owned(),
        "\u{202e}edoc".to_owned(),
        "\"quoted\"".to_owned(),
        "back\\slash".to_owned(),
        "0".to_owned(),
        "00".to_owned(),
        "-1".to_owned(),
        "99999999999999999999999".to_owned(),
        "a".repeat(1 << 16),
        "Ω".repeat(1 << 15),
    ]
}

/// `value` with `v` written at the JSON pointer `p` (objects made on the way).
fn put(value: &mut Value, p: &str, v: Value) {
    if p.is_empty() {
        *value = v;
        return;
    }
    let mut at = value;
    let parts: Vec<String> = p[1..]
        .split('/')
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    for (i, part) in parts.iter().enumerate() {
        if !at.is_object() {
            *at = Value::Object(Map::new());
        }
        let members = at.as_object_mut().unwrap();
        if i + 1 == parts.len() {
            members.insert(part.clone(), v);
            return;
        }
        at = members.entry(part.clone()).or_insert(Value::Null);
    }
}

/// An error body carrying `code` where the catalog's layout says the code is.
fn body_with_code(layout: &Value, code: &str) -> Vec<u8> {
    let preset = layout["preset"].as_str();
    assert!(
        preset.is_none_or(|p| p == "problem+json"),
        "the probes do not know layout preset {preset:?}: teach them"
    );
    let pointer = layout["code"]
        .as_str()
        .or(preset.map(|_| "/code"))
        .expect("a layout whose body carries the code");
    let mut item = json!({});
    put(&mut item, pointer, Value::from(code));
    if let Some(constants) = layout["constants"].as_object() {
        for (p, v) in constants {
            put(&mut item, p, v.clone());
        }
    }
    let body = match layout["errors"].as_str() {
        Some(list) => {
            let mut body = json!({});
            put(&mut body, list, json!([item]));
            body
        }
        None => item,
    };
    serde_json::to_vec(&body).unwrap()
}

fn short(s: &str) -> String {
    if s.len() <= 60 {
        format!("{s:?}")
    } else {
        let cut = (0..=60).rev().find(|&i| s.is_char_boundary(i)).unwrap();
        format!("{:?}… ({} bytes)", &s[..cut], s.len())
    }
}

/// Checks one probe against one crate; `true` when it is unknown to the catalog.
fn probe(
    view: &CrateView,
    oracle: &Oracle,
    known: &std::collections::BTreeMap<&str, usize>,
    p: &str,
) -> bool {
    let name = view.catalog;
    let shown = short(p);
    if let Some(&i) = known.get(p) {
        // The catalog documents this spelling: it is that code, whatever its case.
        assert_eq!((view.from_code)(p), Some(i), "{name}: from_code({shown})");
        return false;
    }
    assert_eq!(
        (view.from_code)(p),
        None,
        "{name}: from_code({shown}) knows a code the catalog does not document"
    );
    match (view.parse)(p) {
        Ok(i) => panic!("{name}: {shown}.parse() is {}", view.codes[i].wire),
        // The error does not keep the text (`Code` does, below): it says what failed.
        Err(message) => assert!(
            message.starts_with("unknown ") && message.ends_with(" error code"),
            "{name}: the parse error of {shown} reads {}",
            short(&message)
        ),
    }
    let unknown = Wire::Unknown(p.to_owned());
    assert_eq!(
        (view.code_parse)(p),
        unknown,
        "{name}: Code::parse({shown})"
    );
    if let Some(serde) = view.code_serde {
        let (read, again) = serde(p);
        assert_eq!(read, unknown, "{name}: Code deserialized from {shown}");
        assert_eq!(
            again, unknown,
            "{name}: Code serialized then deserialized from {shown}"
        );
    }
    if let (Some(from_json), Some(layout)) = (view.from_json, &oracle.layout) {
        let body = body_with_code(layout, p);
        match from_json(&body) {
            Ok((read, again)) => {
                assert_eq!(
                    read, unknown,
                    "{name}: ApiError::from_json with code {shown}"
                );
                assert_eq!(
                    again, unknown,
                    "{name}: ApiError::to_json then from_json with code {shown}"
                );
            }
            Err(e) => panic!("{name}: ApiError::from_json with code {shown} failed: {e}"),
        }
    }
    true
}

#[test]
fn unknown_codes_are_unknown_and_kept_byte_for_byte() {
    let mut total = 0;
    for view in crates() {
        let oracle = oracle(view.catalog);
        let known = oracle.spellings();
        let n = oracle.codes.len();
        let mut probes = general_probes();
        for (i, code) in oracle.codes.iter().enumerate() {
            // Every code gets the cheap probes; the first, the last and every 97th the rest.
            let expensive = i == 0 || i + 1 == n || i % 97 == 0;
            for spelling in std::iter::once(&code.wire).chain(&code.aliases) {
                probes.extend(probes_for(spelling, expensive));
            }
        }
        let unknown = probes
            .iter()
            .filter(|p| probe(&view, &oracle, &known, p))
            .count();
        assert!(
            unknown > n,
            "{}: only {unknown} probes were unknown",
            view.catalog
        );
        if view.from_json.is_some() {
            assert!(
                oracle.layout.is_some(),
                "{}: a crate with from_json and no layout",
                view.catalog
            );
        }
        total += unknown;
    }
    eprintln!("{total} unknown-code probes");
}

/// A documented code in another case is not that code (no catalog here documents another
/// case as an alias): spelled out for one catalog, on top of the probes above.
#[test]
fn another_case_is_another_code() {
    let view = crates()
        .into_iter()
        .find(|v| v.catalog == "dataxid")
        .unwrap();
    for code in &view.codes {
        let upper = code.wire.to_ascii_uppercase();
        assert_ne!(upper, code.wire);
        assert_eq!((view.from_code)(&upper), None, "{upper}");
        assert_eq!((view.code_parse)(&upper), Wire::Unknown(upper.clone()));
    }
}
