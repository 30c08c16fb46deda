//! Validation: every rule the types cannot express, all problems reported at once.
//!
//! Each problem names the JSON pointer of the entry involved; the loader turns pointers into
//! line:column.

mod args;
mod code_sets;
mod google_rpc;
pub mod layout;
mod locales;
mod operations;
mod package;
mod twins;
mod versions;

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::diag::{Diagnostic, Diagnostics};
use crate::format::{Catalog, CodeType, CodeValue};

/// The only placeholder a doc-URL template may use.
pub const CODE_PLACEHOLDER: &str = "{code}";

/// Checks a parsed catalog. An empty result means the catalog is valid.
pub fn check(catalog: &Catalog) -> Diagnostics {
    let mut out = Diagnostics::new();
    if catalog.format != 1 {
        out.push(
            Diagnostic::at(
                "/format",
                format!("unsupported format version {}", catalog.format),
            )
            .hint("this errcat reads format 1"),
        );
    }
    if RESERVED_NAMES.contains(&catalog.name.as_str()) {
        out.push(
            Diagnostic::at("/name", format!("the catalog name `{}` is reserved", catalog.name)).hint(
                "cargo builds into `target/` folders and git ignores them, so the crate would never be \
                 committed; choose another name",
            ),
        );
    } else if !is_valid_name(&catalog.name) {
        out.push(
            Diagnostic::at("/name", format!("invalid catalog name `{}`", catalog.name)).hint(
                "use lowercase ASCII letters, digits and single `-`, starting with a letter (at most 64 characters, \
                 not `docs` nor a device name such as `con`); the name becomes a crate and a folder",
            ),
        );
    }
    versions::check_catalog(catalog, &mut out);
    if let Some(package) = &catalog.package {
        package::check(package, &mut out);
    }
    if catalog.title.trim().is_empty() {
        out.push(Diagnostic::at("/title", "the title is empty").hint("give the API's human name"));
    }
    if let Some(template) = &catalog.doc_url {
        check_template(template, &mut out);
    }
    if catalog.codes.is_empty() {
        out.push(
            Diagnostic::at("/codes", "the catalog has no codes")
                .hint("add at least one entry to `codes`"),
        );
    }

    twins::check(catalog, &mut out);
    code_sets::check(catalog, &mut out);
    operations::check(catalog, &mut out);
    locales::check(catalog, &mut out);
    args::check(catalog, &mut out);
    out.extend(crate::check::layout::check(catalog));
    if let Some(envelope) = &catalog.envelope {
        for (i, field) in envelope.fields.iter().enumerate() {
            required(
                &field.name,
                &format!("/envelope/fields/{i}/name"),
                "envelope field name",
                &mut out,
            );
        }
    }
    for (i, note) in catalog.notes.iter().enumerate() {
        required(
            &note.title,
            &format!("/notes/{i}/title"),
            "note title",
            &mut out,
        );
    }

    let mut categories: HashMap<&str, usize> = HashMap::new();
    for (i, category) in catalog.categories.iter().enumerate() {
        let at = format!("/categories/{i}/id");
        if let Some(problem) = blank_or_spaced(&category.id) {
            out.push(Diagnostic::at(
                &at,
                format!("category id `{}` {problem}", category.id),
            ));
        }
        if let Some(first) = categories.insert(category.id.as_str(), i) {
            out.push(
                Diagnostic::at(&at, format!("duplicate category `{}`", category.id))
                    .related(format!("/categories/{first}/id"), "first defined here")
                    .hint("each category id appears once"),
            );
        }
    }

    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    for (i, code) in catalog.codes.iter().enumerate() {
        let at = format!("/codes/{i}");
        let wire = code.code.wire();
        match (&code.code, catalog.code_type) {
            (CodeValue::Integer(_), CodeType::String | CodeType::HttpStatus) => out.push(
                Diagnostic::at(
                    format!("{at}/code"),
                    format!("code {wire} is a number, but `code_type` is not `integer`"),
                )
                .hint("write the code as a string, or set `\"code_type\": \"integer\"`"),
            ),
            (CodeValue::String(_), CodeType::Integer) => out.push(
                Diagnostic::at(
                    format!("{at}/code"),
                    format!("code `{wire}` is a string, but `code_type` is `integer`"),
                )
                .hint("write the code as a JSON number"),
            ),
            _ => {}
        }
        if let Some(problem) = blank_or_spaced(&wire) {
            out.push(
                Diagnostic::at(format!("{at}/code"), format!("code `{wire}` {problem}"))
                    .hint("write the code exactly as the API sends it: one non-empty token"),
            );
        }
        let mut spellings = vec![(wire.clone(), format!("{at}/code"))];
        for (j, alias) in code.aliases.iter().enumerate() {
            let alias_at = format!("{at}/aliases/{j}");
            if let Some(problem) = blank_or_spaced(alias) {
                out.push(Diagnostic::at(
                    &alias_at,
                    format!("alias `{alias}` of code `{wire}` {problem}"),
                ));
            }
            spellings.push((alias.clone(), alias_at));
        }
        for (spelling, place) in spellings {
            // Spellings equal after NFC normalisation look the same on every page and in
            // every log: one code, not two.
            let key: String = spelling.nfc().collect();
            match seen.get(&key) {
                Some((first, first_place)) if *first == spelling => out.push(
                    Diagnostic::at(&place, format!("code `{spelling}` is defined twice"))
                        .related(first_place.clone(), "first defined here")
                        .hint("each code or alias appears once; merge the entries or give distinct situations as `cases`"),
                ),
                Some((first, first_place)) => out.push(
                    Diagnostic::at(
                        &place,
                        format!(
                            "code `{spelling}` ({}) looks the same as `{first}` ({}): they differ only in Unicode normalisation",
                            escaped(&spelling),
                            escaped(first)
                        ),
                    )
                    .related(first_place.clone(), "the other spelling")
                    .hint("write both the same way, as the API sends it (NFC is the usual form), or merge the entries"),
                ),
                None => {
                    seen.insert(key, (spelling, place));
                }
            }
        }
        if let Some(status) = code.status {
            check_status(status, &format!("{at}/status"), &wire, &mut out);
        } else if catalog.code_type == CodeType::HttpStatus {
            out.push(
                Diagnostic::at(
                    &at,
                    format!("code `{wire}` has no `status`, but `code_type` is `http-status`"),
                )
                .hint("with `http-status` the wire carries only the status: every entry needs one"),
            );
        }
        if let Some(category) = &code.category
            && !categories.contains_key(category.as_str())
        {
            let known: Vec<&str> = catalog.categories.iter().map(|c| c.id.as_str()).collect();
            out.push(
                Diagnostic::at(
                    format!("{at}/category"),
                    format!("code `{wire}` names unknown category `{category}`"),
                )
                .hint(if known.is_empty() {
                    "declare it in `categories`".to_owned()
                } else {
                    format!(
                        "declare it in `categories`, or use one of: {}",
                        known.join(", ")
                    )
                }),
            );
        }
        if code.message.trim().is_empty() || code.message.contains(['\n', '\r']) {
            out.push(
                Diagnostic::at(
                    format!("{at}/message"),
                    format!("code `{wire}` needs a one-line `message`"),
                )
                .hint("a short plain-text summary; put longer text in `description`"),
            );
        }
        if let Some(name) = &code.name
            && !crate::ident::is_valid_variant(name)
        {
            out.push(
                Diagnostic::at(
                    format!("{at}/name"),
                    format!("`{name}` is not a usable Rust variant name"),
                )
                .hint(
                    "use an UpperCamelCase ASCII identifier that is not a keyword, e.g. `NotFound`",
                ),
            );
        }
        for (j, case) in code.cases.iter().enumerate() {
            required(
                &case.title,
                &format!("{at}/cases/{j}/title"),
                "case title",
                &mut out,
            );
        }
        for (j, header) in code.headers.iter().enumerate() {
            required(
                &header.name,
                &format!("{at}/headers/{j}/name"),
                "header name",
                &mut out,
            );
        }
        for (j, example) in code.examples.iter().enumerate() {
            if let Some(status) = example.status {
                check_status(
                    status,
                    &format!("{at}/examples/{j}/status"),
                    &wire,
                    &mut out,
                );
            }
        }
    }
    out
}

fn required(value: &str, at: &str, what: &str, out: &mut Diagnostics) {
    if value.trim().is_empty() {
        out.push(
            Diagnostic::at(at, format!("the {what} is empty"))
                .hint(format!("give the {what}, or remove the entry")),
        );
    }
}

fn check_status(status: u16, at: &str, wire: &str, out: &mut Diagnostics) {
    if !(100..=599).contains(&status) {
        out.push(
            Diagnostic::at(
                at,
                format!("code `{wire}` has HTTP status {status}, outside 100–599"),
            )
            .hint("use the documented status, or leave `status` out if none is documented"),
        );
    }
}

fn check_template(template: &str, out: &mut Diagnostics) {
    let mut rest = template;
    let mut has_code = false;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            out.push(
                Diagnostic::at("/doc_url", "unclosed `{` in the doc-URL template")
                    .hint("write `{code}`"),
            );
            return;
        };
        let placeholder = &rest[open..open + close + 1];
        if placeholder == CODE_PLACEHOLDER {
            has_code = true;
        } else {
            out.push(
                Diagnostic::at(
                    "/doc_url",
                    format!("unknown placeholder `{placeholder}` in the doc-URL template"),
                )
                .hint("the only placeholder is `{code}`"),
            );
        }
        rest = &rest[open + close + 1..];
    }
    if !has_code {
        out.push(
            Diagnostic::at(
                "/doc_url",
                "the doc-URL template has no `{code}` placeholder",
            )
            .hint("every code would get the same URL: add `{code}` where the code goes"),
        );
    }
}

/// Names that cargo or git treat specially wherever they appear as a folder.
const RESERVED_NAMES: &[&str] = &["target"];

/// File names Windows reserves in every folder, whatever the extension.
const WINDOWS_DEVICES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Catalog names become crate names and folders: keep them boring, so no name can steer a
/// write outside `generated/` (`../x`, `/x`) or hit a reserved device name (`con`).
pub fn is_valid_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    // `docs` is the folder of the reference pages, beside the crates.
    name != "docs"
        && !RESERVED_NAMES.contains(&name)
        && !WINDOWS_DEVICES.contains(&name)
        && !bytes.is_empty()
        && bytes.len() <= 64
        && bytes[0].is_ascii_lowercase()
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
        && !name.ends_with('-')
        && !name.contains("--")
}

/// Codes and aliases that different text makes look alike (the same UTS #39 confusable
/// skeleton, as `paypal` and `pаypal` with a Cyrillic `а`): warnings, since an API may
/// really send both, but a reader of a page or a log cannot tell them apart. Only pairs where
/// at least one spelling has a character outside ASCII are warned about: that is the
/// homoglyph a mistyped or hostile entry brings in, while ASCII letters and digits that fonts
/// draw alike (`Al` and `A1`, `AO` and `A0`) are everyday codes of registries that use them
/// all, and a catalog of those would drown in warnings. Spellings equal after NFC are errors
/// ([`check`]) and not repeated here.
/// Needs the `confusables` feature (the Unicode confusables table).
#[cfg(feature = "confusables")]
pub fn look_alikes(catalog: &Catalog) -> Diagnostics {
    // The first spelling of each skeleton, as (code index, alias index or `None`).
    let mut seen: HashMap<String, (String, usize, Option<usize>)> = HashMap::new();
    let mut out = Diagnostics::new();
    let place = |i: usize, alias: Option<usize>| match alias {
        None => format!("/codes/{i}/code"),
        Some(j) => format!("/codes/{i}/aliases/{j}"),
    };
    let skeletons = Skeletons::new();
    for (i, code) in catalog.codes.iter().enumerate() {
        let spellings = std::iter::once((code.code.wire(), None)).chain(
            code.aliases
                .iter()
                .enumerate()
                .map(|(j, a)| (a.clone(), Some(j))),
        );
        for (spelling, alias) in spellings {
            let key = skeletons.of(&spelling);
            match seen.get(&key) {
                Some((first, first_i, first_alias))
                    if !(first.is_ascii() && spelling.is_ascii())
                        && first.nfc().collect::<String>()
                            != spelling.nfc().collect::<String>() =>
                {
                    out.push(
                        Diagnostic::at(
                            place(i, alias),
                            format!(
                                "code `{spelling}` ({}) looks like `{first}` ({}): Unicode counts them as confusable",
                                escaped(&spelling),
                                escaped(first)
                            ),
                        )
                        .related(place(*first_i, *first_alias), "the look-alike")
                        .hint("if the API does send both, keep them; otherwise fix the one that was mistyped"),
                    );
                }
                Some(_) => {}
                None => {
                    seen.insert(key, (spelling, i, alias));
                }
            }
        }
    }
    out
}

/// UTS #39 skeletons, with the skeleton of each ASCII character computed once: most codes
/// are ASCII, and their skeleton is then the characters' skeletons joined.
#[cfg(feature = "confusables")]
struct Skeletons {
    /// The skeleton of each ASCII character, by its byte.
    ascii: Vec<String>,
}

#[cfg(feature = "confusables")]
impl Skeletons {
    fn new() -> Self {
        use unicode_security::confusable_detection::skeleton;
        Skeletons {
            ascii: (0..128u8)
                .map(|b| skeleton(&char::from(b).to_string()).collect())
                .collect(),
        }
    }

    fn of(&self, s: &str) -> String {
        use unicode_security::confusable_detection::skeleton;
        // Joining is exact while every piece is ASCII (NFD leaves ASCII as it is).
        if s.is_ascii() && s.bytes().all(|b| self.ascii[usize::from(b)].is_ascii()) {
            return s
                .bytes()
                .map(|b| self.ascii[usize::from(b)].as_str())
                .collect();
        }
        skeleton(s).collect()
    }
}

/// `s` with every non-ASCII character written as `\u{..}`, so spellings that render alike
/// can be told apart in a message.
fn escaped(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                c.escape_unicode().to_string()
            }
        })
        .collect()
}

fn blank_or_spaced(s: &str) -> Option<&'static str> {
    if s.is_empty() {
        Some("is empty")
    } else if s.chars().any(char::is_whitespace) {
        Some("contains whitespace")
    } else if s.chars().any(char::is_control) {
        Some("contains a control character")
    } else {
        None
    }
}

#[cfg(all(test, feature = "confusables"))]
mod tests {
    use unicode_security::confusable_detection::skeleton;

    #[test]
    fn skeletons_agree_with_unicode_security() {
        let skeletons = super::Skeletons::new();
        let all_ascii: String = (0..128u8).map(char::from).collect();
        let samples = [
            "rn_x",
            "m_x",
            "paypal",
            "pаypal",
            "l0O1I|",
            "auth_failure_0",
            "42P01",
            "query.request.rejected.3",
            "",
            &all_ascii,
            "café",
            "cafe\u{301}",
            "ＡＢＣ",
        ];
        for s in samples {
            let expected: String = skeleton(s).collect();
            assert_eq!(skeletons.of(s), expected, "skeleton of {s:?}");
        }
    }
}
