//! Localized messages: the languages a catalog declares (`locales`) and the translation files
//! beside it, one per language.

use std::collections::BTreeMap;

#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The languages of a catalog's messages: the one it is written in, and its translations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Locales {
    /// The language the catalog's own messages are in, as a BCP 47 tag in its usual case
    /// (`en`, `pt-BR`, `zh-Hant`). A client that asks for no language it has gets this one.
    pub source: String,
    /// The translations, each a file `locales/<catalog name>/<tag>.json` beside the catalog
    /// (see README). A message a translation lacks falls back along the tag: `pt-BR` to `pt`
    /// (when declared), then to `source`.
    pub translations: Vec<String>,
}

/// A translation file: the messages of one language, by code.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// Ignored by errcat (an editor's schema).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version of this file. Only `1` exists.
    pub format: u32,
    /// The language, as the catalog's `locales.translations` names it (and the file name).
    pub locale: String,
    /// The translated messages of the catalog's codes, by code as the wire spells it.
    #[serde(default)]
    pub codes: BTreeMap<String, Translated>,
    /// The translated messages of inner codes, by set name and then code.
    #[serde(default)]
    pub code_sets: BTreeMap<String, BTreeMap<String, Translated>>,
}

/// One translated message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translated {
    /// The message in this language. For a code with `args`, a template with exactly the
    /// placeholders of the source message, in any order.
    pub message: String,
    /// [`source_hash`] of the source message this was translated from. When the source
    /// changes, the translation is stale: it is not used, and `gen --check` names it.
    pub source_hash: String,
}

/// The fingerprint a translation records of its source message: FNV-1a (64 bits) of its
/// UTF-8 bytes, as 16 lowercase hex digits. It only tells an edited source from the one
/// translated, so a short, dependency-free hash is enough.
pub fn source_hash(message: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in message.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Whether `tag` is a language tag as a catalog writes it: a language of 2 or 3 lowercase
/// letters, then optionally a script (`Hant`), then optionally a region (`BR`, `419`).
/// Other BCP 47 subtags (variants, extensions) are not used for error messages.
pub fn is_locale_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let mut rest: Vec<&str> = parts.collect();
    let script = |s: &str| {
        s.len() == 4
            && s.starts_with(|c: char| c.is_ascii_uppercase())
            && s[1..].bytes().all(|b| b.is_ascii_lowercase())
    };
    let region = |s: &str| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()))
            || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
    };
    if rest.first().is_some_and(|s| script(s)) {
        rest.remove(0);
    }
    if rest.first().is_some_and(|s| region(s)) {
        rest.remove(0);
    }
    rest.is_empty()
}

/// The tag `tag` falls back to by dropping its last subtag (`pt-BR` → `pt`), if any.
pub fn parent_tag(tag: &str) -> Option<&str> {
    tag.rfind('-').map(|i| &tag[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_source_hash_is_fnv_1a() {
        // FNV-1a's published test vectors.
        assert_eq!(source_hash(""), "cbf29ce484222325");
        assert_eq!(source_hash("a"), "af63dc4c8601ec8c");
        assert_eq!(source_hash("foobar"), "85944171f73967e8");
    }

    #[test]
    fn locale_tags_are_language_script_region() {
        for good in ["en", "pt-BR", "zh-Hant", "zh-Hant-TW", "es-419", "gsw"] {
            assert!(is_locale_tag(good), "{good}");
        }
        for bad in [
            "",
            "e",
            "EN",
            "pt-br",
            "pt_BR",
            "en-",
            "english",
            "zh-hant",
            "de-DE-1996",
        ] {
            assert!(!is_locale_tag(bad), "{bad}");
        }
        assert_eq!(parent_tag("zh-Hant-TW"), Some("zh-Hant"));
        assert_eq!(parent_tag("pt"), None);
    }
}
