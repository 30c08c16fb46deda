//! `src/codes.rs`: the `ErrorCode` enum, its one `impl`, its trait impls, `Category` and the
//! per-code tables, written directly as text (no syntax tree: a 100,000-code catalog makes
//! tens of megabytes of it), laid out as rustfmt would.

use std::fmt::Write as _;

use super::fmt::{array, attribute};
use super::{category, phf};
use crate::{write_doc, write_str_literal};
use errcat_catalog::model::{CodeModel, Model};
use errcat_catalog::text;

/// Spellings up to this many bytes are compared through their four words only; the lookup
/// compares longer ones in full (see `runtime/phf_hash.rs`).
const WORDS_SPELL: usize = 32;

/// A string literal.
pub(super) fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_str_literal(&mut out, s);
    out
}

/// `Some(x)` or `None`, spelled out as generated code spells them.
pub(super) fn option(value: Option<String>) -> String {
    match value {
        Some(v) => format!("::core::option::Option::Some({v})"),
        None => "::core::option::Option::None".to_owned(),
    }
}

/// One per-code value of `ErrorCode`: a constant when every code has the same, else a table.
pub(super) struct Column {
    /// Name of the table in `error_code_tables`.
    pub table: &'static str,
    /// Type of one value, as a table element.
    pub ty: String,
    /// The value of each code, as Rust.
    pub values: Vec<String>,
}

impl Column {
    pub fn uniform(&self) -> Option<&str> {
        let first = self.values.first()?;
        self.values[1..]
            .iter()
            .all(|v| v == first)
            .then_some(first.as_str())
    }

    /// The body of the accessor: the constant, or a read of the table.
    pub fn body(&self) -> String {
        match self.uniform() {
            Some(v) => v.to_owned(),
            None => format!("error_code_tables::{}[self as usize]", self.table),
        }
    }

    /// The column as its table will be written, its values dropped: a large catalog's
    /// columns are kept as a few long texts, not as a string per code each.
    pub fn done(self) -> Table {
        let uniform = self.uniform().is_some();
        let mut text = String::new();
        if !uniform {
            let head = format!(
                "pub(super) static {}: [{}; {}] = ",
                self.table,
                self.ty,
                self.values.len()
            );
            text.push('\n');
            array(&mut text, "    ", &head, &self.values, ";");
        }
        Table {
            name: self.table,
            uniform,
            text,
        }
    }
}

/// A [`Column`]'s table, written (empty for a constant column).
pub(super) struct Table {
    /// Name of the table in `error_code_tables`.
    name: &'static str,
    /// Whether the column is a constant (and has no table).
    uniform: bool,
    /// The table as Rust.
    text: String,
}

/// Writes `{doc}pub const fn {signature} {\n{body}\n}` at one level of indentation, after a
/// blank line.
pub(super) fn method(out: &mut String, doc: &str, signature: &str, body: &str) {
    out.push('\n');
    write_doc(out, "    ", doc);
    let _ = writeln!(out, "    {signature} {{");
    for line in body.lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "        {line}");
        }
    }
    out.push_str("    }\n");
}

fn variant_doc(model: &Model, code: &CodeModel) -> String {
    let e = &code.entry();
    let mut doc = format!(
        "{} — {}",
        text::code_span(&code.wire),
        text::plain_rustdoc(&e.message)
    );
    for part in [&e.description, &e.when].into_iter().flatten() {
        doc.push_str("\n\n");
        doc.push_str(&text::rustdoc_item(part));
    }
    let mut facts = Vec::new();
    if let Some(status) = e.status {
        facts.push(format!("HTTP status: `{status}`."));
    }
    if let Some(i) = code.category {
        facts.push(format!(
            "Category: [`Category::{}`].",
            model.categories[i].variant
        ));
    }
    if e.retryable == Some(true) {
        facts.push("Retryable.".to_owned());
    }
    if !facts.is_empty() {
        doc.push_str("\n\n");
        doc.push_str(&facts.join(" "));
    }
    if let Some(url) = &code.doc_url {
        let _ = write!(doc, "\n\nDocumentation: <{url}>");
    }
    let history = super::versions(code);
    if !history.is_empty() {
        doc.push_str("\n\n");
        doc.push_str(&history.join(" "));
    }
    doc
}

fn deprecated_args(code: &CodeModel) -> Option<Vec<String>> {
    let e = &code.entry();
    match (&e.retired, &e.deprecated) {
        (Some(r), _) => Some(vec![
            format!("since = {}", lit(&r.since)),
            format!(
                "note = {}",
                lit(&format!("retired: {}", text::normalize(&r.note)))
            ),
        ]),
        (None, Some(d)) => {
            let note = format!("note = {}", lit(&text::normalize(&d.note)));
            Some(match &code.deprecated_in {
                Some(since) => vec![format!("since = {}", lit(since)), note],
                None => vec![note],
            })
        }
        (None, None) => None,
    }
}

/// Variant docs are catalog prose, often a vendor's: valid markdown that need not follow
/// clippy's style for hand-written docs (a list item's continuation lines, for one).
pub(super) const DOC_LINTS: &str = "#[allow(clippy::doc_lazy_continuation)]";

fn write_enum(out: &mut String, model: &Model) {
    let code_type_doc = if model.code_is_status() {
        " This API sends only the HTTP status on the wire; each variant is named by the documented identifier in \
         [`ErrorCode::as_str`], and [`ErrorCode::from_status`] maps a status back to the codes it may mean."
    } else {
        ""
    };
    write_doc(
        out,
        "",
        &format!(
            "An error code of the {}.\n\nOne variant per documented code, in catalog order. The enum is \
             `#[non_exhaustive]`: codes the API adds later do not break a `match`, and parsing a code this crate \
             does not know yet is an `Err`, never a panic.{code_type_doc}",
            text::plain(&model.catalog.title)
        ),
    );
    let repr = if model.codes.len() <= usize::from(u16::MAX) + 1 {
        "u16"
    } else {
        "u32"
    };
    let _ = write!(
        out,
        "#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n#[non_exhaustive]\n#[repr({repr})]\n{DOC_LINTS}\npub enum ErrorCode {{\n"
    );
    // No explicit discriminants: they are 0..N in declaration order all the same (the tables
    // are indexed by them), and rustc checks a constant holding values of an enum with
    // explicit ones by searching its variants, which costs seconds at 10,000 codes.
    for (i, c) in model.codes.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        write_doc(out, "    ", &variant_doc(model, c));
        if let Some(args) = deprecated_args(c) {
            attribute(out, "    ", "deprecated", &args);
        }
        let _ = writeln!(out, "    {},", c.variant);
    }
    out.push_str("}\n");
}

/// Writes the whole of `codes.rs` (without its header line).
/// `src/codes.rs` after `header` (its `@generated` line, or nothing).
pub(super) fn codes_rs(header: &str, model: &Model) -> String {
    let n = model.codes.len();
    let mut out = String::with_capacity(header.len() + n * 1024 + 8192);
    out.push_str(header);
    write_enum(&mut out, model);

    let mut tables: Vec<Table> = Vec::new();
    let strings = |f: &dyn Fn(&CodeModel) -> String| -> Vec<String> {
        model.codes.iter().map(|c| lit(&f(c))).collect()
    };
    let index_ty = if n <= usize::from(u16::MAX) + 1 {
        "u16"
    } else {
        "u32"
    };

    out.push_str("\n#[allow(deprecated)]\nimpl ErrorCode {\n");
    write_doc(&mut out, "    ", "Every code, in catalog order.");
    let all: Vec<String> = model
        .codes
        .iter()
        .map(|c| format!("ErrorCode::{}", c.variant))
        .collect();
    array(
        &mut out,
        "    ",
        "pub const ALL: &'static [ErrorCode] = &",
        &all,
        ";",
    );

    let codes = Column {
        table: "CODES",
        ty: "&str".into(),
        values: strings(&|c| c.wire.clone()),
    };
    method(
        &mut out,
        "The code exactly as the catalog spells it: the wire code (for a catalog whose wire\n\
         carries only the HTTP status, the documented identifier of the entry).",
        "pub const fn as_str(self) -> &'static str",
        &codes.body(),
    );
    tables.push(codes.done());

    method(
        &mut out,
        "The code for a wire string (documented aliases included), or `None` for a code\n\
         this crate does not know.",
        "pub fn from_code(code: &str) -> ::core::option::Option<Self>",
        "error_code_tables::find(code).map(|index| Self::ALL[index])",
    );

    const ALL_HAVE_STATUS: &str = "errcat bug: all_have_status() but a code has no status";
    let (status, status_ty, status_doc) = if model.all_have_status() {
        (
            Column {
                table: "STATUS",
                ty: "u16".into(),
                values: model
                    .codes
                    .iter()
                    .map(|c| c.entry().status.expect(ALL_HAVE_STATUS).to_string())
                    .collect(),
            },
            "u16",
            "The documented HTTP status of this code.",
        )
    } else {
        (
            Column {
                table: "STATUS",
                ty: "::core::option::Option<u16>".into(),
                values: model
                    .codes
                    .iter()
                    .map(|c| option(c.entry().status.map(|s| s.to_string())))
                    .collect(),
            },
            "::core::option::Option<u16>",
            "The documented HTTP status of this code, or `None` where the API documents none.",
        )
    };
    method(
        &mut out,
        status_doc,
        &format!("pub const fn http_status(self) -> {status_ty}"),
        &status.body(),
    );
    tables.push(status.done());

    let (from_status_body, by_status) = from_status(model, index_ty);
    let from_status_doc = if model.code_is_status() {
        "The codes a response with this HTTP status may mean, in catalog order. This API sends only the status, so \
         several codes can share it; an empty slice for statuses the catalog does not document."
    } else {
        "The codes documented with this HTTP status, in catalog order; an empty slice when there are none."
    };
    method(
        &mut out,
        from_status_doc,
        "pub const fn from_status(status: u16) -> &'static [ErrorCode]",
        &from_status_body,
    );

    let (urls, url_ty, url_doc) = if model.all_have_doc_url() {
        (
            Column {
                table: "DOC_URLS",
                ty: "&str".into(),
                values: strings(&|c| {
                    c.doc_url
                        .clone()
                        .expect("errcat bug: all_have_doc_url() but a code has no doc URL")
                }),
            },
            "&'static str",
            "The documentation URL of this code.",
        )
    } else {
        (
            Column {
                table: "DOC_URLS",
                ty: "::core::option::Option<&str>".into(),
                values: model
                    .codes
                    .iter()
                    .map(|c| option(c.doc_url.as_deref().map(lit)))
                    .collect(),
            },
            "::core::option::Option<&'static str>",
            "The documentation URL of this code, or `None` where the catalog gives none.",
        )
    };
    method(
        &mut out,
        url_doc,
        &format!("pub const fn doc_url(self) -> {url_ty}"),
        &urls.body(),
    );
    tables.push(urls.done());

    let reference_doc = match &model.reference_base {
        Some(base) => format!(
            "This code's section in the published error reference (built by `cargo xtask docs`), under <{base}>."
        ),
        None => "This code's section in the error reference built by `cargo xtask docs`: its page \
                 and anchor, relative to the site's root (no `reference_url` is set)."
            .to_owned(),
    };
    let references = Column {
        table: "REFERENCE_URLS",
        ty: "&str".into(),
        values: strings(&|c| model.reference_url(c)),
    };
    method(
        &mut out,
        &reference_doc,
        "pub const fn reference_url(self) -> &'static str",
        &references.body(),
    );
    tables.push(references.done());

    let messages = Column {
        table: "MESSAGES",
        ty: "&str".into(),
        values: strings(&|c| text::normalize(&c.entry().message)),
    };
    method(
        &mut out,
        "The short human message of this code.",
        "pub const fn message(self) -> &'static str",
        &messages.body(),
    );
    tables.push(messages.done());

    let descriptions = Column {
        table: "DESCRIPTIONS",
        ty: "&str".into(),
        values: strings(&|c| {
            let e = &c.entry();
            text::normalize(
                e.description
                    .as_deref()
                    .or(e.when.as_deref())
                    .unwrap_or(&e.message),
            )
        }),
    };
    method(
        &mut out,
        "The long description of this code as markdown: the catalog's `description`, else\n\
         its `when`, else the message.",
        "pub const fn description(self) -> &'static str",
        &descriptions.body(),
    );
    tables.push(descriptions.done());

    let flag = |table, f: &dyn Fn(&CodeModel) -> bool| Column {
        table,
        ty: "bool".into(),
        values: model.codes.iter().map(|c| f(c).to_string()).collect(),
    };
    let retryable = flag("RETRYABLE", &|c| c.entry().retryable == Some(true));
    method(
        &mut out,
        "Whether the API documents that retrying the same request can succeed.",
        "pub const fn is_retryable(self) -> bool",
        &retryable.body(),
    );
    tables.push(retryable.done());
    let deprecated = flag("DEPRECATED", &|c| {
        c.entry().deprecated.is_some() || c.entry().retired.is_some()
    });
    method(
        &mut out,
        "Whether the code is deprecated (retired codes are too).",
        "pub const fn is_deprecated(self) -> bool",
        &deprecated.body(),
    );
    tables.push(deprecated.done());
    let retired = flag("RETIRED", &|c| c.entry().retired.is_some());
    method(
        &mut out,
        "Whether the API no longer sends this code: it is kept so that code naming it\n\
         still compiles and old responses still parse.",
        "pub const fn is_retired(self) -> bool",
        &retired.body(),
    );
    tables.push(retired.done());

    if let Some(column) = category::write_method(&mut out, model) {
        tables.push(column.done());
    }
    out.push_str("}\n");

    write_trait_impls(&mut out, model);
    category::write_enum(&mut out, model);

    out.push_str(
        "\n/// Per-code data, indexed by the `ErrorCode` discriminant.\nmod error_code_tables {\n",
    );
    if tables
        .iter()
        .any(|t| t.name == category::TABLE && !t.uniform)
    {
        out.push_str("    use super::Category;\n\n");
    }
    write_lookup(&mut out, model, index_ty);
    for table in &tables {
        out.push_str(&table.text);
    }
    // Always a table, even for one code: `Debug` reads it.
    let names: Vec<String> = model.codes.iter().map(|c| lit(&c.variant)).collect();
    out.push('\n');
    array(
        &mut out,
        "    ",
        &format!("pub(super) static NAMES: [&str; {n}] = "),
        &names,
        ";",
    );
    out.push_str(&by_status);
    out.push_str("}\n");
    out
}

/// The body of `from_status`, and the table it reads (empty when no code has a status).
fn from_status(model: &Model, index_ty: &str) -> (String, String) {
    // Codes by status, as indexes into `ALL`: the slices `from_status` returns are cut from
    // one table filled at compile time, so no variant is named again (each mention of a
    // variant of a large enum costs rustc time and memory).
    let mut by_status: std::collections::BTreeMap<u16, Vec<usize>> = Default::default();
    for (i, c) in model.codes.iter().enumerate() {
        if let Some(s) = c.entry().status {
            by_status.entry(s).or_default().push(i);
        }
    }
    if by_status.is_empty() {
        return ("let _ = status;\n&[]".to_owned(), String::new());
    }
    let mut body = String::from("let (start, len) = match status {\n");
    let mut start = 0;
    for (s, ids) in &by_status {
        let _ = writeln!(body, "    {s} => ({start}, {}),", ids.len());
        start += ids.len();
    }
    body.push_str("    _ => (0, 0),\n};\nlet (_, from) = error_code_tables::BY_STATUS.split_at(start);\nfrom.split_at(len).0");
    let order: Vec<String> = by_status
        .values()
        .flatten()
        .map(|i| i.to_string())
        .collect();
    let mut table = String::new();
    table.push_str(
        "\n    /// The codes that have a status, ordered by status, then catalog order.\n",
    );
    let _ = writeln!(
        table,
        "    pub(super) static BY_STATUS: [super::ErrorCode; {start}] = {{"
    );
    array(
        &mut table,
        "        ",
        &format!("let order: [{index_ty}; {start}] = "),
        &order,
        ";",
    );
    let _ = write!(
        table,
        "        let mut out = [super::ErrorCode::ALL[0]; {start}];\n        let mut i = 0;\n        \
         while i < order.len() {{\n            out[i] = super::ErrorCode::ALL[order[i] as usize];\n            \
         i += 1;\n        }}\n        out\n    }};\n"
    );
    (body, table)
}

fn write_trait_impls(out: &mut String, model: &Model) {
    let unknown = format!("unknown {} error code", model.catalog.title);
    let _ = write!(
        out,
        r#"
/// Prints the code and its message: `code: message`.
impl ::core::fmt::Display for ErrorCode {{
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
        ::core::write!(f, "{{}}: {{}}", self.as_str(), self.message())
    }}
}}

/// Parses a wire code, as [`ErrorCode::from_code`] does.
impl ::core::str::FromStr for ErrorCode {{
    type Err = ParseErrorCodeError;

    fn from_str(code: &str) -> ::core::result::Result<Self, ParseErrorCodeError> {{
        Self::from_code(code).ok_or(ParseErrorCodeError(()))
    }}
}}

/// Prints the variant name, as `#[derive(Debug)]` would.
impl ::core::fmt::Debug for ErrorCode {{
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
        // From a table: a derived `match` over thousands of variants is slow to compile.
        f.write_str(error_code_tables::NAMES[*self as usize])
    }}
}}

impl ::core::convert::From<ErrorCode> for &'static str {{
    fn from(code: ErrorCode) -> &'static str {{
        code.as_str()
    }}
}}

/// The error of parsing a code this crate does not know.
///
/// It does not keep the text, so a failed parse costs no allocation. To keep an unknown
/// code, read it as a `Code` (`Code::parse`), whose `Unknown` holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseErrorCodeError(());

impl ::core::fmt::Display for ParseErrorCodeError {{
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
        f.write_str({unknown})
    }}
}}

impl ::std::error::Error for ParseErrorCodeError {{}}
"#,
        unknown = lit(&unknown),
    );
}

/// The perfect hash `from_code` reads: the hash, `find`, and its two tables.
fn write_lookup(out: &mut String, model: &Model, index_ty: &str) {
    let spellings: Vec<(&str, usize)> = model
        .codes
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            std::iter::once(c.wire.as_str())
                .chain(c.entry().aliases.iter().map(String::as_str))
                .map(move |s| (s, i))
        })
        .collect();
    let keys: Vec<&str> = spellings.iter().map(|&(s, _)| s).collect();
    let table = phf::build(&keys);
    let long = keys.iter().any(|k| k.len() > WORDS_SPELL);

    let _ = writeln!(out, "    const SEED: u64 = {:#018x};\n", table.seed);
    for line in include_str!("../../../runtime/phf_hash.rs").lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "    {line}");
        }
    }
    let confirm = if long {
        format!("same && (code.len() <= {WORDS_SPELL} || SPELLINGS[slot] == code)")
    } else {
        "same".to_owned()
    };
    let _ = write!(
        out,
        "
    /// The index in `ALL` of the code spelled `code`, if any.
    pub(super) fn find(code: &str) -> ::core::option::Option<usize> {{
        let words = words(code.as_bytes());
        let h = hash(words, code.len(), SEED);
        let slot = slot(h, &DISPLACEMENTS, KEYS.len())?;
        let (low, high, len, index) = KEYS[slot];
        let same = len as usize == code.len() && (low, high) == pairs(words);
        if {confirm} {{
            ::core::option::Option::Some(index as usize)
        }} else {{
            ::core::option::Option::None
        }}
    }}
"
    );
    let displacements: Vec<String> = table
        .displacements
        .iter()
        .map(|(a, b, filter)| format!("({a}, {b}, {filter:#x})"))
        .collect();
    out.push_str(
        "\n    /// Per bucket of the perfect hash: its displacements and its keys' filter bits.\n",
    );
    array(
        out,
        "    ",
        &format!(
            "static DISPLACEMENTS: [(u32, u32, u64); {}] = ",
            displacements.len()
        ),
        &displacements,
        ";",
    );
    let rows: Vec<String> = table
        .slots
        .iter()
        .map(|&k| {
            let (spelling, index) = spellings[k];
            let (low, high) = phf::key_pairs(spelling);
            format!("({low:#x}, {high:#x}, {}, {index})", spelling.len())
        })
        .collect();
    out.push_str(
        "\n    /// Every spelling (codes and aliases) at its slot: its four words (as two pairs), its\n    \
         /// length in bytes and the index of its code.\n",
    );
    array(
        out,
        "    ",
        &format!(
            "static KEYS: [(u128, u128, u32, {index_ty}); {}] = ",
            rows.len()
        ),
        &rows,
        ";",
    );
    if long {
        let spelled: Vec<String> = table
            .slots
            .iter()
            .map(|&k| match spellings[k].0 {
                long if long.len() > WORDS_SPELL => lit(long),
                _ => "\"\"".to_owned(),
            })
            .collect();
        out.push_str(
            "\n    /// The spellings longer than four words at their slot (the others are empty).\n",
        );
        array(
            out,
            "    ",
            &format!("static SPELLINGS: [&str; {}] = ", spelled.len()),
            &spelled,
            ";",
        );
    }
}
