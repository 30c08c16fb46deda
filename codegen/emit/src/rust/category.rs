//! The `Category` enum of catalogs that declare categories, and `ErrorCode::category`.

use std::fmt::Write as _;

use super::fmt::{DOC_LINTS, array, lit, method, option};
use super::table::{Column, index_ty};
use crate::write_doc;
use errcat_catalog::model::{CategoryModel, Model};
use errcat_catalog::text;

/// Name of the per-code category table.
const TABLE: &str = "CATEGORIES";

/// Writes `ErrorCode::category` (inside `impl ErrorCode`) and returns its column: each
/// code's category as its index in `Category::ALL` (a small number, where a path would take a
/// line per code), `Category::ALL.len()` for none.
pub(super) fn write_method(out: &mut String, model: &Model) -> Option<Column> {
    if model.categories.is_empty() {
        return None;
    }
    let none = model.categories.len();
    let indexes: Vec<usize> = model
        .codes
        .iter()
        .map(|c| c.category.unwrap_or(none))
        .collect();
    let ty = match u8::try_from(none) {
        Ok(_) => "u8",
        // `none` itself must fit.
        Err(_) => index_ty(none + 1),
    };
    let mut column = Column::new(TABLE, ty, indexes.iter().map(usize::to_string).collect());
    let all = model.all_have_category();
    column.doc = Some(if all {
        "Each code's category, as its index in `Category::ALL`."
    } else {
        "Each code's category, as its index in `Category::ALL`; `Category::ALL.len()` for none."
    });
    let (ty, doc, body) = category_body(model, &indexes, column.uniform().is_some());
    method(
        out,
        doc,
        &format!("pub const fn category(self) -> {ty}"),
        &body,
    );
    Some(column)
}

/// The return type, doc and body of `ErrorCode::category`, whose codes' categories are
/// `indexes` into `Category::ALL` (`uniform`: all the same).
fn category_body(
    model: &Model,
    indexes: &[usize],
    uniform: bool,
) -> (&'static str, &'static str, String) {
    let none = model.categories.len();
    let variant = |i: usize| format!("Category::{}", model.categories[i].variant);
    let read = format!("error_code_tables::{TABLE}[self as usize] as usize");
    if model.all_have_category() {
        let body = if uniform {
            variant(indexes[0])
        } else {
            format!("Category::ALL[{read}]")
        };
        return ("Category", "The category of this code.", body);
    }
    let body = if uniform {
        option((indexes[0] < none).then(|| variant(indexes[0])))
    } else {
        format!(
            "let index = {read};\nif index < Category::ALL.len() {{\n    \
             ::core::option::Option::Some(Category::ALL[index])\n}} else {{\n    \
             ::core::option::Option::None\n}}"
        )
    };
    (
        "::core::option::Option<Category>",
        "The category of this code, or `None` where the catalog gives none.",
        body,
    )
}

/// Writes the `Category` enum, its `impl` and `Display`.
pub(super) fn write_enum(out: &mut String, model: &Model) {
    if model.categories.is_empty() {
        return;
    }
    out.push('\n');
    write_doc(
        out,
        "",
        &format!(
            "A category of {} error codes.",
            text::plain(&model.catalog.title)
        ),
    );
    let _ = write!(
        out,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\n#[non_exhaustive]\n{DOC_LINTS}\npub enum Category {{\n"
    );
    for (i, c) in model.categories.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        write_doc(out, "    ", &variant_doc(c));
        let _ = writeln!(out, "    {},", c.variant);
    }
    out.push_str("}\n");
    write_impl(out, model);
    out.push_str(
        "
/// Prints the category id as the API spells it.
impl ::core::fmt::Display for Category {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str(self.as_str())
    }
}
",
    );
}

/// The docs of a category's variant.
fn variant_doc(c: &CategoryModel) -> String {
    let mut doc = text::code_span(&c.entry.id);
    if let Some(t) = &c.entry.title {
        let _ = write!(doc, " — {}", text::plain(t));
    }
    if let Some(d) = &c.entry.description {
        let _ = write!(doc, "\n\n{}", text::rustdoc(d));
    }
    if let Some(class) = &c.entry.sdk_class {
        let _ = write!(doc, "\n\nSDK exception: {}.", text::code_span(class));
    }
    doc
}

/// `impl Category`: `ALL`, `as_str` and `description`.
fn write_impl(out: &mut String, model: &Model) {
    out.push_str("\nimpl Category {\n");
    write_doc(out, "    ", "Every category, in catalog order.");
    let all: Vec<String> = model
        .categories
        .iter()
        .map(|c| format!("Category::{}", c.variant))
        .collect();
    array(
        out,
        "    ",
        "pub const ALL: &'static [Category] = &",
        &all,
        ";",
    );

    let mut as_str = String::from("match self {\n");
    let mut description = as_str.clone();
    for c in &model.categories {
        let _ = writeln!(
            as_str,
            "    Category::{} => {},",
            c.variant,
            lit(&c.entry.id)
        );
        let value = option(
            c.entry
                .description
                .as_deref()
                .map(|d| lit(&text::normalize(d))),
        );
        arm(
            &mut description,
            &format!("Category::{}", c.variant),
            &value,
        );
    }
    as_str.push('}');
    description.push('}');
    method(
        out,
        "The category id exactly as the API spells it.",
        "pub const fn as_str(self) -> &'static str",
        &as_str,
    );
    method(
        out,
        "What errors of this category mean, where documented.",
        "pub const fn description(self) -> ::core::option::Option<&'static str>",
        &description,
    );
    out.push_str("}\n");
}

/// A `match` arm at 12 columns (inside a method), as rustfmt lays it out: on one line when
/// it fits, else the value in a block, else the call's argument on a line of its own.
fn arm(out: &mut String, pattern: &str, value: &str) {
    const INDENT: usize = 12;
    let width = value.chars().count();
    // The arm, ` => `, the value and a comma.
    let arm = INDENT + pattern.len() + 4 + width + 1;
    if arm <= 100 {
        let _ = writeln!(out, "    {pattern} => {value},");
    } else if INDENT + 4 + width <= 100 {
        let _ = writeln!(out, "    {pattern} => {{\n        {value}\n    }}");
    } else if let Some(open) = value.find('(') {
        let (call, arg) = value.split_at(open + 1);
        let arg = &arg[..arg.len() - 1];
        let _ = writeln!(out, "    {pattern} => {call}\n        {arg},\n    ),");
    } else {
        let _ = writeln!(out, "    {pattern} => {{\n        {value}\n    }}");
    }
}
