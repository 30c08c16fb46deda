//! Rust identifiers from catalog strings.
//!
//! Codes are split into words at every character that is not an ASCII letter or digit, then
//! joined in UpperCamelCase with heck (`api_key_missing` → `ApiKeyMissing`,
//! `INVALID_X_VISUAL_EDITING_HEADER` → `InvalidXVisualEditingHeader`). What is left is made a
//! legal, unsurprising identifier: a leading digit gets an `E` (`404` → `E404`, `0100C` →
//! `E0100c`), a code with no ASCII letter or digit at all is spelled in hex (`X` + UTF-8 bytes),
//! and the one keyword UpperCamelCase can produce, `Self`, gets a trailing `_`.

use heck::ToUpperCamelCase;

/// Rust keywords (strict and reserved, all editions).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

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
    fn given_names() {
        assert!(is_valid_variant("Unauthorized"));
        assert!(!is_valid_variant("unauthorized"));
        assert!(!is_valid_variant("Self"));
        assert!(!is_valid_variant("Not Found"));
        assert!(!is_valid_variant("ALL"));
    }
}
