//! `src/codes.rs`: the `ErrorCode` enum, its one `impl`, its trait impls, `Category` and the
//! per-code tables, written directly as text (no syntax tree: a 100,000-code catalog makes
//! tens of megabytes of it), laid out as rustfmt would. Each function writes one item.

use std::fmt::Write as _;

use super::category;
use super::fmt::{DOC_LINTS, array, attribute, lit, method, option, wrap_prose};
use super::lookup::write_lookup;
use super::table::{Affix, Column, Table, index_ty};
use crate::write_doc;
use errcat_catalog::model::{CodeModel, Model};
use errcat_catalog::text;

/// Name of the table of wire codes, from which `by_code!` builds the rule columns.
const CODES: &str = "CODES";

/// `src/codes.rs` after `header` (its `@generated` line, or nothing).
pub(super) fn codes_rs(header: &str, model: &Model) -> String {
    let mut out = String::with_capacity(header.len() + model.codes.len() * 1024 + 8192);
    out.push_str(header);
    write_enum(&mut out, model);
    let (tables, by_status) = write_impl(&mut out, model);
    let names = names_rule(model);
    write_trait_impls(&mut out, model, names.as_ref());
    category::write_enum(&mut out, model);
    write_tables(&mut out, model, &tables, &by_status, names.is_none());
    out
}

/// The wire codes, in catalog order.
fn wires(model: &Model) -> Vec<&str> {
    model.codes.iter().map(|c| c.wire.as_str()).collect()
}

/// `ErrorCode`, one variant per code.
fn write_enum(out: &mut String, model: &Model) {
    let code_type_doc = if model.code_is_status() {
        " This API sends only the HTTP status on the wire; each variant is named by the documented identifier in \
         [`ErrorCode::as_str`], and [`ErrorCode::from_status`] maps a status back to the codes it may mean."
    } else {
        ""
    };
    let prose = format!(
        "One variant per documented code, in catalog order. The enum is `#[non_exhaustive]`: codes \
         the API adds later do not break a `match`, and parsing a code this crate does not know yet \
         is an `Err`, never a panic.{code_type_doc}"
    );
    // The title is the catalog's, not wrapped: only the prose after it is errcat's.
    let title = text::plain(&model.catalog.title);
    let shared = Shared::of(model);
    let doc = format!(
        "An error code of the {title}.\n\n{}{}",
        wrap_prose(&prose, 0),
        shared.doc()
    );
    write_doc(out, "", &doc);
    // The discriminants are indexes into `ALL`.
    let repr = index_ty(model.codes.len());
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
        write_variant(out, model, c, &shared);
    }
    out.push_str("}\n");
}

/// What every variant's docs would say alike, said once in the enum's docs instead.
struct Shared {
    /// The doc URL rule, when every code's URL is its code inside the same text.
    doc_url: Option<Affix>,
    /// The version history of every code, when they all have the same.
    history: Option<Vec<String>>,
}

impl Shared {
    fn of(model: &Model) -> Shared {
        // One code's URL is no rule (its column is a constant).
        let urls: Vec<&str> = model
            .codes
            .iter()
            .filter_map(|c| c.doc_url.as_deref())
            .collect();
        let doc_url = (model.codes.len() > 1 && model.all_have_doc_url())
            .then(|| Affix::find(&wires(model), &urls))
            .flatten();
        let mut histories = model.codes.iter().map(super::versions);
        let first = histories.next().filter(|h| !h.is_empty());
        let history = first.filter(|first| histories.all(|h| h == *first));
        Shared { doc_url, history }
    }

    /// The enum's paragraphs for what the variants share (empty for nothing).
    fn doc(&self) -> String {
        let mut doc = String::new();
        if let Some(rule) = &self.doc_url {
            let template = text::code_span(&format!("{}{{code}}{}", rule.before, rule.after));
            let sentence = format!(
                "Each code's documentation is at {template}, the code in place of `{{code}}` \
                 ([`ErrorCode::doc_url`])."
            );
            doc.push_str("\n\n");
            doc.push_str(&wrap_prose(&sentence, 0));
        }
        if let Some(history) = &self.history {
            doc.push_str("\n\nFor every code: ");
            doc.push_str(&history.join(" "));
        }
        doc
    }
}

/// One variant of `ErrorCode`: its docs, `#[deprecated]` if it is, and its name.
fn write_variant(out: &mut String, model: &Model, code: &CodeModel, shared: &Shared) {
    write_doc(out, "    ", &variant_doc(model, code, shared));
    if let Some(args) = deprecated_args(code) {
        attribute(out, "    ", "deprecated", &args);
    }
    let _ = writeln!(out, "    {},", code.variant);
}

/// A variant's docs: its message, description, facts, and (unless the enum's docs say it
/// for every code) its documentation URL and history.
fn variant_doc(model: &Model, code: &CodeModel, shared: &Shared) -> String {
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
    if let Some(url) = code.doc_url.as_ref().filter(|_| shared.doc_url.is_none()) {
        let _ = write!(doc, "\n\nDocumentation: <{url}>");
    }
    let history = super::versions(code);
    if !history.is_empty() && shared.history.is_none() {
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

/// Writes `impl ErrorCode` and returns the tables its methods read, in the order they are
/// written in `error_code_tables`, and `BY_STATUS` (written last).
fn write_impl(out: &mut String, model: &Model) -> (Vec<Table>, Table) {
    out.push_str("\n#[allow(deprecated)]\nimpl ErrorCode {\n");
    write_all(out);
    let mut tables = vec![write_as_str(out, model)];
    write_from_code(out);
    // A registry that is not an HTTP API's has no status to give (see `Catalog::has_status_api`).
    let by_status = if model.has_status_api() {
        tables.push(write_http_status(out, model));
        write_from_status(out, model)
    } else {
        Table::written("BY_STATUS", String::new())
    };
    tables.push(write_doc_url(out, model));
    tables.push(write_reference_url(out, model));
    tables.push(write_message(out, model));
    tables.push(write_description(out, model));
    tables.extend(write_flags(out, model));
    tables.extend(category::write_method(out, model).map(Column::done));
    out.push_str("}\n");
    (tables, by_status)
}

/// `ErrorCode::ALL`, which is the array `every::ALL` of `error_code_tables`.
fn write_all(out: &mut String) {
    write_doc(out, "    ", "Every code, in catalog order.");
    out.push_str("    pub const ALL: &'static [ErrorCode] = &error_code_tables::every::ALL;\n");
}

/// The array of every variant behind `ErrorCode::ALL`, in a module of its own that imports
/// the variants by a glob: each is named by its bare name, which packs many to a line where a
/// path takes a line each (a twelfth of Twilio's `codes.rs`). Nothing else is in the
/// module, so no item shadows a variant, and a glob import shadows the prelude. Not
/// `Self::Variant`: rustc resolves that path by searching the variants, which takes
/// quadratic time (seconds at 10,000 codes); a glob import or a full path is looked up.
fn write_every(out: &mut String, model: &Model) {
    let all: Vec<String> = model.codes.iter().map(|c| c.variant.clone()).collect();
    out.push_str(
        "\n    /// Every code, in catalog order (`ErrorCode::ALL`).\n    pub(super) mod every {\n        \
         use super::super::ErrorCode::*;\n\n        #[allow(deprecated)]\n",
    );
    let head = format!(
        "pub(in super::super) const ALL: [super::super::ErrorCode; {}] = ",
        all.len()
    );
    array(out, "        ", &head, &all, ";");
    out.push_str("    }\n");
}

/// `ErrorCode::as_str`, reading `CODES`.
fn write_as_str(out: &mut String, model: &Model) -> Table {
    // Not `Column::texts`: the codes are what rules are found over, not a rule themselves.
    let codes = Column::new(CODES, "&str", wires(model).into_iter().map(lit).collect());
    let doc = if model.code_is_status() {
        "The code exactly as the catalog spells it: the documented identifier of the entry (the\n\
         wire carries only the HTTP status)."
    } else {
        "The code exactly as the catalog spells it: the wire code."
    };
    method(
        out,
        doc,
        "pub const fn as_str(self) -> &'static str",
        &codes.body(),
    );
    codes.done()
}

/// `ErrorCode::from_code`, reading the perfect hash.
fn write_from_code(out: &mut String) {
    method(
        out,
        "The code for a wire string (documented aliases included), or `None` for a code\n\
         this crate does not know.",
        "pub fn from_code(code: &str) -> ::core::option::Option<Self>",
        "error_code_tables::find(code).map(|index| Self::ALL[index])",
    );
}

/// `ErrorCode::http_status`: a `u16` when every code has a status, else an `Option`.
fn write_http_status(out: &mut String, model: &Model) -> Table {
    let statuses = model.codes.iter().map(|c| c.entry().status);
    let (status, ty, doc) = if model.all_have_status() {
        const ALL_HAVE_STATUS: &str = "errcat bug: all_have_status() but a code has no status";
        let values = statuses
            .map(|s| s.expect(ALL_HAVE_STATUS).to_string())
            .collect();
        (
            Column::new("STATUS", "u16", values),
            "u16",
            "The documented HTTP status of this code.",
        )
    } else {
        let values = statuses.map(|s| option(s.map(|s| s.to_string()))).collect();
        (
            Column::new("STATUS", "::core::option::Option<u16>", values),
            "::core::option::Option<u16>",
            "The documented HTTP status of this code, or `None` where the API documents none.",
        )
    };
    method(
        out,
        doc,
        &format!("pub const fn http_status(self) -> {ty}"),
        &status.body(),
    );
    status.done()
}

/// `ErrorCode::from_status`, and the `BY_STATUS` table it reads.
fn write_from_status(out: &mut String, model: &Model) -> Table {
    let (body, table) = from_status(model, index_ty(model.codes.len()));
    let doc = if model.code_is_status() {
        "The codes a response with this HTTP status may mean, in catalog order. This API sends only the status, so \
         several codes can share it; an empty slice for statuses the catalog does not document."
    } else {
        "The codes documented with this HTTP status, in catalog order; an empty slice when there are none."
    };
    method(
        out,
        doc,
        "pub const fn from_status(status: u16) -> &'static [ErrorCode]",
        &body,
    );
    Table::written("BY_STATUS", table)
}

/// `ErrorCode::doc_url`: a `&'static str` when every code has one, else an `Option`.
fn write_doc_url(out: &mut String, model: &Model) -> Table {
    let (urls, ty, doc) = if model.all_have_doc_url() {
        const ALL_HAVE_URL: &str = "errcat bug: all_have_doc_url() but a code has no doc URL";
        let urls: Vec<String> = model
            .codes
            .iter()
            .map(|c| c.doc_url.clone().expect(ALL_HAVE_URL))
            .collect();
        (
            Column::texts("DOC_URLS", &wires(model), &urls),
            "&'static str",
            "The documentation URL of this code.",
        )
    } else {
        let values = model
            .codes
            .iter()
            .map(|c| option(c.doc_url.as_deref().map(lit)))
            .collect();
        (
            Column::new("DOC_URLS", "::core::option::Option<&str>", values),
            "::core::option::Option<&'static str>",
            "The documentation URL of this code, or `None` where the catalog gives none.",
        )
    };
    method(
        out,
        doc,
        &format!("pub const fn doc_url(self) -> {ty}"),
        &urls.body(),
    );
    urls.done()
}

/// `ErrorCode::reference_url`.
fn write_reference_url(out: &mut String, model: &Model) -> Table {
    let doc = match &model.reference_base {
        Some(base) => format!(
            "This code's section in the published error reference (built by `cargo xtask docs`), under <{base}>."
        ),
        None => "This code's section in the error reference built by `cargo xtask docs`: its page \
                 and anchor, relative to the site's root (no `reference_url` is set)."
            .to_owned(),
    };
    let urls: Vec<String> = model.codes.iter().map(|c| model.reference_url(c)).collect();
    let references = Column::texts("REFERENCE_URLS", &wires(model), &urls);
    method(
        out,
        &doc,
        "pub const fn reference_url(self) -> &'static str",
        &references.body(),
    );
    references.done()
}

/// Each code's message, as `message()` and `Display` show it: plain text, its inline
/// markdown read (rustdoc and the pages show the markdown).
fn messages(model: &Model) -> Vec<String> {
    model
        .codes
        .iter()
        .map(|c| text::inline_plain(&c.entry().message))
        .collect()
}

/// `ErrorCode::message`.
fn write_message(out: &mut String, model: &Model) -> Table {
    let messages = Column::texts("MESSAGES", &wires(model), &messages(model));
    method(
        out,
        "The short human message of this code, as plain text: a code span shows as its \
         content, emphasis without its markers, a link as `text (address)`.",
        "pub const fn message(self) -> &'static str",
        &messages.body(),
    );
    messages.done()
}

/// `ErrorCode::description`. A description that is its code's message is not written
/// again: the table holds `""` for it (when no description is empty), or there is no table
/// when every description is the message.
fn write_description(out: &mut String, model: &Model) -> Table {
    const DOC: &str = "The long description of this code as markdown: the catalog's `description`, else\n\
                       its `when`, else the message.";
    const SIGNATURE: &str = "pub const fn description(self) -> &'static str";
    let messages = messages(model);
    let descriptions: Vec<String> = model
        .codes
        .iter()
        .map(|c| {
            let e = &c.entry();
            let text = e.description.as_deref().or(e.when.as_deref());
            text::normalize(text.unwrap_or(&e.message))
        })
        .collect();
    if descriptions == messages {
        method(out, DOC, SIGNATURE, "self.message()");
        return Table::none("DESCRIPTIONS");
    }
    let same = |(d, m): (&String, &String)| d == m;
    let shared = descriptions.iter().zip(&messages).any(same);
    let sentinel = shared && descriptions.iter().all(|d| !d.is_empty());
    if !sentinel {
        let column = Column::texts("DESCRIPTIONS", &wires(model), &descriptions);
        method(out, DOC, SIGNATURE, &column.body());
        return column.done();
    }
    let own: Vec<String> = descriptions
        .iter()
        .zip(&messages)
        .map(|(d, m)| if d == m { String::new() } else { d.clone() })
        .collect();
    let mut column = Column::texts("DESCRIPTIONS", &wires(model), &own);
    column.doc = Some("Each code's description, or `\"\"` where it is the code's message.");
    let body = format!(
        "let description = {};\nif description.is_empty() {{\n    self.message()\n}} else {{\n    description\n}}",
        column.body()
    );
    method(out, DOC, SIGNATURE, &body);
    column.done()
}

/// `ErrorCode::is_retryable`, `is_deprecated` and `is_retired`.
fn write_flags(out: &mut String, model: &Model) -> [Table; 3] {
    let flag = |out: &mut String, table, doc, name, f: &dyn Fn(&CodeModel) -> bool| {
        let values = model.codes.iter().map(|c| f(c).to_string()).collect();
        let column = Column::new(table, "bool", values);
        let signature = format!("pub const fn {name}(self) -> bool");
        method(out, doc, &signature, &column.body());
        column.done()
    };
    [
        flag(
            out,
            "RETRYABLE",
            "Whether the API documents that retrying the same request can succeed.",
            "is_retryable",
            &|c| c.entry().retryable == Some(true),
        ),
        flag(
            out,
            "DEPRECATED",
            "Whether the code is deprecated (retired codes are too).",
            "is_deprecated",
            &|c| c.entry().deprecated.is_some() || c.entry().retired.is_some(),
        ),
        flag(
            out,
            "RETIRED",
            "Whether the API no longer sends this code: it is kept so that code naming it\n\
             still compiles and old responses still parse.",
            "is_retired",
            &|c| c.entry().retired.is_some(),
        ),
    ]
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
    let order: Vec<usize> = by_status.values().flatten().copied().collect();
    (body, by_status_table(&order, index_ty))
}

/// `BY_STATUS`: the codes of `order` (indexes into `ALL`), filled in at compile time.
fn by_status_table(order: &[usize], index_ty: &str) -> String {
    let n = order.len();
    let order: Vec<String> = order.iter().map(usize::to_string).collect();
    let mut table = String::new();
    table.push_str(
        "\n    /// The codes that have a status, ordered by status, then catalog order.\n",
    );
    let _ = writeln!(
        table,
        "    pub(super) static BY_STATUS: [super::ErrorCode; {n}] = {{"
    );
    array(
        &mut table,
        "        ",
        &format!("let order: [{index_ty}; {n}] = "),
        &order,
        ";",
    );
    let _ = write!(
        table,
        "        let mut out = [super::ErrorCode::ALL[0]; {n}];\n        let mut i = 0;\n        \
         while i < order.len() {{\n            out[i] = super::ErrorCode::ALL[order[i] as usize];\n            \
         i += 1;\n        }}\n        out\n    }};\n"
    );
    table
}

/// The text around each code in its variant's name, when every name is its code inside the
/// same text (then `Debug` spells the name from the code and there is no `NAMES` table).
fn names_rule(model: &Model) -> Option<Affix> {
    let variants: Vec<&str> = model.codes.iter().map(|c| c.variant.as_str()).collect();
    Affix::find(&wires(model), &variants)
}

/// The body of `Debug::fmt`: the variant name, spelled from the code by `names`, else read
/// from `NAMES`.
fn debug_body(names: Option<&Affix>) -> String {
    // Either way no `match`: a derived one over thousands of variants is slow to compile.
    let Some(names) = names else {
        return "// From a table: a derived `match` over thousands of variants is slow to compile.\n\
                f.write_str(error_code_tables::NAMES[*self as usize])"
            .to_owned();
    };
    let mut parts = Vec::new();
    if !names.before.is_empty() {
        parts.push(lit(&names.before));
    }
    parts.push("self.as_str()".to_owned());
    if !names.after.is_empty() {
        parts.push(lit(&names.after));
    }
    let calls: Vec<String> = parts.iter().map(|p| format!("f.write_str({p})")).collect();
    format!(
        "// Every variant's name is its code with the same text around it.\n{}",
        calls.join("?;\n")
    )
}

fn write_trait_impls(out: &mut String, model: &Model, names: Option<&Affix>) {
    let unknown = format!("unknown {} error code", model.catalog.title);
    let debug: String = debug_body(names)
        .lines()
        .map(|l| format!("        {l}\n"))
        .collect();
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
{debug}    }}
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

/// `mod error_code_tables`: the lookup, then the tables in order (`NAMES` unless `Debug`
/// spells names by a rule).
fn write_tables(out: &mut String, model: &Model, tables: &[Table], by_status: &Table, names: bool) {
    out.push_str(
        "\n/// Per-code data, indexed by the `ErrorCode` discriminant.\nmod error_code_tables {\n",
    );
    write_lookup(out, model);
    let rules: Vec<&str> = tables.iter().filter_map(|t| t.rule.as_deref()).collect();
    for table in tables {
        if table.name == CODES && !rules.is_empty() {
            write_by_code(out, model, &rules);
        } else {
            out.push_str(&table.text);
        }
    }
    if names {
        write_names(out, model);
    }
    out.push_str(&by_status.text);
    write_every(out, model);
    out.push_str("}\n");
}

/// `CODES` and the rule columns, written by a macro from one list of the codes (`rules`:
/// each column's static in the macro, see `Column::done`).
fn write_by_code(out: &mut String, model: &Model, rules: &[&str]) {
    let n = model.codes.len();
    out.push_str(
        "\n    /// `CODES`, and the tables whose every value is its code inside the same text.\n    \
         macro_rules! by_code {\n        ($($code:literal),* $(,)?) => {\n",
    );
    let _ = writeln!(
        out,
        "            pub(super) static {CODES}: [&str; {n}] = [$($code),*];"
    );
    for rule in rules {
        out.push_str(rule);
    }
    out.push_str("        };\n    }\n\n");
    let codes: Vec<String> = wires(model).into_iter().map(lit).collect();
    array(out, "    ", "by_code!", &codes, ";");
}

/// `NAMES`, the variant names `Debug` prints. Always a table when written, even for one
/// code.
fn write_names(out: &mut String, model: &Model) {
    let names: Vec<String> = model.codes.iter().map(|c| lit(&c.variant)).collect();
    out.push('\n');
    array(
        out,
        "    ",
        &format!("pub(super) static NAMES: [&str; {}] = ", names.len()),
        &names,
        ";",
    );
}
