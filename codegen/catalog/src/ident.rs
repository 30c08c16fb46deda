//! Rust identifiers from catalog strings.
//!
//! Codes are split into words at every character that is not an ASCII letter or digit, then
//! joined in UpperCamelCase with heck (`api_key_missing` → `ApiKeyMissing`,
//! `INVALID_X_VISUAL_EDITING_HEADER` → `InvalidXVisualEditingHeader`). What is left is made a
//! legal, unsurprising identifier: a leading digit gets an `E` (`404` → `E404`, `0100C` →
//! `E0100c`), a code with no ASCII letter or digit at all is spelled in hex (`X` + UTF-8 bytes),
//! and the one keyword UpperCamelCase can produce, `Self`, gets a trailing `_`. This is a
//! code's *plain name* ([`variant_name`]).
//!
//! Codes that differ only in case (`0A` and `0a` in a base-62 registry, `not_found` and
//! `NOT_FOUND`), or otherwise share a plain name, are told apart by their *case-kept name*
//! ([`case_kept_name`]): the code's ASCII letters and digits exactly as written, other
//! characters dropped, with an `E` in front unless it starts with an uppercase letter
//! (`0A` → `E0A`, `0a` → `E0a`, `AB` → `AB`, `Ab` → `Ab`, `ab` → `Eab`, `NOT_FOUND` →
//! `NOTFOUND`, `not_found` → `Enotfound`), and a trailing `_` when that is a keyword or a
//! generated associated item (`Self` → `Self_`, `ALL` → `ALL_`). [`variant_names`] gives every
//! code of a catalog its plain name, except the codes whose plain name another code shares:
//! each of those takes its case-kept name. A code's `name` in the catalog overrides both.
//!
//! The names depend on the set of codes, not on their order. Adding a code renames no
//! other code unless it shares that code's plain name; then only a code whose case-kept name
//! differs from its plain name is renamed (`not_found`, `0A`; not `Ab`, `0a`, `E404`). Pin a
//! variant with `name` before adding such a twin to keep it.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Rust keywords (strict and reserved, all editions).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// The Rust field name of an argument (`field`, `retryAfter` → `retry_after`): snake_case,
/// with a trailing `_` where that is a keyword (`type` → `type_`).
pub fn field_name(arg: &str) -> String {
    let name = arg.to_snake_case();
    if is_keyword(&name) {
        format!("{name}_")
    } else {
        name
    }
}

/// The enum of inner code set `name` in a crate's `args` module: `validation` →
/// `ValidationCode`.
pub fn code_set_type(name: &str) -> String {
    format!("{}Code", variant_name(name))
}

/// The struct of a code's public arguments in the `args` module: variant `X` → `XArgs`. (The
/// server's error is the variant's name itself.)
pub fn args_type(variant: &str) -> String {
    format!("{variant}Args")
}

/// The enum of argument `arg` (of type `enum`) of the code whose variant is `variant`:
/// `ForeignKeyViolation` and `reason` → `ForeignKeyViolationReason`.
pub fn arg_enum_type(variant: &str, arg: &str) -> String {
    format!("{variant}{}", variant_name(arg))
}

/// The struct of each item of a list-of-objects argument `arg` of the code whose variant is
/// `variant`: `BatchException` and `errors` → `BatchExceptionErrorsItem`.
pub fn arg_item_type(variant: &str, arg: &str) -> String {
    format!("{variant}{}Item", variant_name(arg))
}

/// The error enum of operation `name` in the `operations` module: `create_order` →
/// `CreateOrderError`.
pub fn operation_type(name: &str) -> String {
    format!("{}Error", variant_name(name))
}

/// Whether `s` is a Rust keyword.
pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// The enum variant name for a code or category id.
pub fn variant_name(code: &str) -> String {
    // A negative integer code (`-1`) must not meet its positive twin (`1`).
    if let Some(digits) = code
        .strip_prefix('-')
        .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    {
        return format!("Neg{digits}");
    }
    let words: String = code
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let mut name = words.to_upper_camel_case();
    if name.is_empty() {
        name = code.bytes().fold(String::from("X"), |mut s, b| {
            s.push_str(&format!("{b:02X}"));
            s
        });
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'E');
    }
    if is_keyword(&name) {
        name.push('_');
    }
    name
}

/// The case-kept name of a code: its ASCII letters and digits exactly as written, other
/// characters dropped, `E` in front unless it starts with an uppercase letter, `_` after a
/// keyword or a generated associated item. Codes that differ only in the case of their ASCII
/// letters get different case-kept names. A code with no ASCII letter or digit, or a negative
/// integer, has no case to keep: its case-kept name is its plain name.
pub fn case_kept_name(code: &str) -> String {
    let is_negative_integer = code
        .strip_prefix('-')
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
    let mut name: String = code.chars().filter(char::is_ascii_alphanumeric).collect();
    if is_negative_integer || name.is_empty() {
        return variant_name(code);
    }
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        name.insert(0, 'E');
    }
    if is_keyword(&name) || RESERVED_VARIANTS.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

/// The variant names of a catalog's codes, given as (wire spelling, `name` from the catalog),
/// in the same order: the given `name`, else the plain name ([`variant_name`]), else, for a
/// code whose plain name another code without a `name` shares, its case-kept name
/// ([`case_kept_name`]). The names depend on the set of codes, not on their order. They are
/// not checked for collisions here: two codes may still share a name (a given `name` clashing,
/// or codes that differ in more than case, as `a-b` and `a_b`).
pub fn variant_names(codes: &[(&str, Option<&str>)]) -> Vec<String> {
    use std::collections::{BTreeSet, HashMap};
    let plain: Vec<Option<String>> = codes
        .iter()
        .map(|(wire, given)| given.is_none().then(|| variant_name(wire)))
        .collect();
    // The distinct spellings of each plain name (a code written twice is one spelling: the
    // duplicate is reported by validation).
    let mut spellings: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for ((wire, _), name) in codes.iter().zip(&plain) {
        if let Some(name) = name {
            spellings.entry(name.as_str()).or_default().insert(wire);
        }
    }
    codes
        .iter()
        .zip(&plain)
        .map(|((wire, given), name)| match (given, name) {
            (Some(given), _) => (*given).to_owned(),
            (None, Some(name)) if spellings[name.as_str()].len() > 1 => case_kept_name(wire),
            (None, name) => name.clone().unwrap_or_default(),
        })
        .collect()
}

/// Associated items of the generated enums that a variant must not share a path with
/// (`ErrorCode::ALL` is both a constant and, with such a name, a variant).
const RESERVED_VARIANTS: &[&str] = &["ALL"];

/// Whether `s` is usable as a variant name given in a catalog's `name` field: an ASCII
/// UpperCamelCase identifier that is not a keyword nor a generated associated item.
pub fn is_valid_variant(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !is_keyword(s)
        && !RESERVED_VARIANTS.contains(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(variant_name("api_key_missing"), "ApiKeyMissing");
        assert_eq!(
            variant_name("INVALID_X_VISUAL_EDITING_HEADER"),
            "InvalidXVisualEditingHeader"
        );
        assert_eq!(variant_name("BadRequestException"), "BadRequestException");
        assert_eq!(variant_name("404"), "E404");
        assert_eq!(variant_name("0100C"), "E0100c");
        assert_eq!(variant_name("self"), "Self_");
        assert_eq!(variant_name("type"), "Type");
        assert_eq!(variant_name("été"), "T");
        assert_eq!(variant_name("é"), "XC3A9");
        assert_eq!(variant_name("a-b.c"), "ABC");
        assert_eq!(variant_name("-1"), "Neg1");
        assert_eq!(variant_name("1"), "E1");
        assert_eq!(variant_name("ALL"), "All");
    }

    #[test]
    fn case_kept_names_keep_every_letter_as_written() {
        assert_eq!(case_kept_name("0A"), "E0A");
        assert_eq!(case_kept_name("0a"), "E0a");
        assert_eq!(case_kept_name("AB"), "AB");
        assert_eq!(case_kept_name("Ab"), "Ab");
        assert_eq!(case_kept_name("ab"), "Eab");
        assert_eq!(case_kept_name("NOT_FOUND"), "NOTFOUND");
        assert_eq!(case_kept_name("not_found"), "Enotfound");
        assert_eq!(case_kept_name("Self"), "Self_");
        assert_eq!(case_kept_name("self"), "Eself");
        assert_eq!(case_kept_name("ALL"), "ALL_");
        assert_eq!(case_kept_name("café"), "Ecaf");
        assert_eq!(case_kept_name("é"), "XC3A9");
        assert_eq!(case_kept_name("-1"), "Neg1");
        for name in ["E0A", "Eab", "NOTFOUND", "Self_", "ALL_", "Ecaf"] {
            assert!(is_valid_variant(name), "{name}");
        }
    }

    #[test]
    fn only_codes_that_share_a_plain_name_keep_their_case() {
        let names = |codes: &[(&str, Option<&str>)]| variant_names(codes);
        assert_eq!(
            names(&[("ab", None), ("AB", None), ("Ab", None), ("cd", None)]),
            ["Eab", "AB", "Ab", "Cd"]
        );
        assert_eq!(names(&[("0a", None), ("0A", None)]), ["E0a", "E0A"]);
        // Independent of order.
        assert_eq!(names(&[("0A", None), ("0a", None)]), ["E0A", "E0a"]);
        // A given name overrides, and a code with one does not make another keep its case.
        assert_eq!(
            names(&[("ab", Some("Lower")), ("AB", None)]),
            ["Lower", "Ab"]
        );
        // A code written twice is one spelling: no case is kept for it.
        assert_eq!(names(&[("ab", None), ("ab", None)]), ["Ab", "Ab"]);
        // What keeping the case cannot separate stays a collision, found by the caller.
        assert_eq!(names(&[("a-b", None), ("a_b", None)]), ["Eab", "Eab"]);
    }

    #[test]
    fn adding_a_twin_renames_only_a_code_not_written_as_its_plain_name() {
        for (old, twin) in [("Ab", "ab"), ("0a", "0A"), ("E404", "e404")] {
            let before = variant_names(&[(old, None)]);
            let after = variant_names(&[(old, None), (twin, None)]);
            assert_eq!(before[0], after[0], "{old} renamed by {twin}");
        }
        let before = variant_names(&[("not_found", None)]);
        let after = variant_names(&[("not_found", None), ("NOT_FOUND", None)]);
        assert_eq!(
            (before[0].as_str(), after[0].as_str()),
            ("NotFound", "Enotfound")
        );
    }

    #[test]
    fn given_names() {
        assert!(is_valid_variant("Unauthorized"));
        assert!(!is_valid_variant("unauthorized"));
        assert!(!is_valid_variant("Self"));
        assert!(!is_valid_variant("Not Found"));
        assert!(!is_valid_variant("ALL"));
    }
}
