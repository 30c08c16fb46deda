//! `negotiate` against tables of `Accept-Language` headers: weights, `*`, `q=0`, region
//! fallback and the default.

use crate::negotiate::negotiate;

/// The languages of a crate: the default first.
const TAGS: &[&str] = &["en", "pt", "pt-BR", "de", "zh-Hant"];

/// Asserts that each header of `table` chooses its language.
fn check(table: &[(&str, &str)]) {
    for &(header, want) in table {
        assert_eq!(TAGS[negotiate(header, TAGS)], want, "{header:?}");
    }
}

#[test]
fn weights_order_the_ranges() {
    let table = [
        ("de", "de"),
        ("de, pt", "de"),
        ("pt, de", "pt"),
        ("de;q=0.5, pt", "pt"),
        ("de;q=0.5, pt;q=0.8", "pt"),
        ("de;q=0.9, pt;q=0.9", "de"),
        ("fr, de;q=0.1", "de"),
        ("de;q=1.000, pt;q=0.999", "de"),
        ("de;Q=0.2, pt;q=0.3", "pt"),
        (" de ;q=0.2 ,  pt ; q=0.3 ", "pt"),
    ];
    check(&table);
}

#[test]
fn a_range_falls_back_to_its_shorter_forms_and_never_widens() {
    let table = [
        ("pt-BR", "pt-BR"),
        ("PT-br", "pt-BR"),
        ("pt-PT", "pt"),
        ("pt-PT, pt-BR", "pt"),
        ("pt-BR-x-private", "pt-BR"),
        ("zh-Hant-TW", "zh-Hant"),
        ("zh-Hans", "en"),
        ("zh", "en"),
        ("de-CH-1996", "de"),
    ];
    check(&table);
}

#[test]
fn a_wildcard_takes_the_first_language_not_refused() {
    let table = [
        ("*", "en"),
        ("fr, *;q=0.5", "en"),
        ("en;q=0, *", "pt"),
        ("en;q=0, pt;q=0, *", "de"),
        ("*, de", "en"),
        ("fr, *;q=0.1, de;q=0.2", "de"),
    ];
    check(&table);
}

#[test]
fn a_zero_weight_refuses_a_language_and_those_under_it() {
    let table = [
        ("pt-BR;q=0, pt", "pt"),
        ("pt;q=0", "en"),
        ("pt;q=0, pt-BR", "pt-BR"),
        ("pt;q=0, pt-BR;q=0, *", "en"),
        ("*;q=0", "en"),
        ("*;q=0, de;q=0.5", "de"),
        ("en, *;q=0", "en"),
        ("de;q=0", "en"),
        ("de;q=0.0", "en"),
        ("de;q=0.000, pt", "pt"),
    ];
    check(&table);
}

#[test]
fn nothing_usable_gives_the_default() {
    let table = [
        ("", "en"),
        ("fr", "en"),
        ("fr;q=0.9, es", "en"),
        ("de;q=2", "en"),
        ("de;q=0.1234", "en"),
        ("de;q=-1", "en"),
        ("de;q=abc, pt;q=0.1", "pt"),
        ("d e, pt;q=0.2", "pt"),
        ("1de, de-;q=0.5", "en"),
        (";;;,,,", "en"),
        ("de;q", "en"),
    ];
    check(&table);
}
