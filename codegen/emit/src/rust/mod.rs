//! The Rust emitter: a [`Model`] to the files of a generated crate.
//!
//! `src/codes.rs`, which grows with the catalog, is written directly as text laid out as
//! rustfmt would (`codes`, `category`, `table`, `fmt`). The small files are built as tokens with
//! `quote`, parsed into a `syn::File` (so a bug there is a parse error at generation time,
//! never a broken crate on disk) and formatted with prettyplease.
//!
//! Layout of a generated crate:
//! - `src/codes.rs`: everything, with no inner attributes and only absolute paths, so it can also
//!   be `include!`d from `OUT_DIR` by a build script into any module;
//! - `src/lib.rs`: crate docs, lint levels and `include!("codes.rs")`;
//! - `tests/codes.rs` and `tests/data/catalog.in`: the catalog's codes checked against the crate;
//!   `tests/examples.rs`, a module of that test (one binary), the documented examples;
//! - `Cargo.toml`: no dependencies by default; each optional feature brings only what it needs
//!   (`serde`, `http`, `quick-xml`, `axum`, …).

#[cfg(feature = "full")]
use proc_macro2::TokenStream;

use crate::Context;
use errcat_catalog::model::{CodeModel, Model};
use errcat_catalog::text;

#[cfg(feature = "full")]
mod args;
#[cfg(feature = "full")]
mod cargo;
mod category;
mod codes;
#[cfg(test)]
mod codes_tests;
#[cfg(feature = "full")]
mod examples;
#[cfg(feature = "full")]
mod facts;
mod fmt;
#[cfg(feature = "full")]
mod lib_rs;
#[cfg(feature = "full")]
mod locale;
mod lookup;
#[cfg(feature = "full")]
mod operations;
mod phf;
#[cfg(feature = "full")]
mod runtime;
mod table;
#[cfg(feature = "full")]
mod tests;

#[cfg(feature = "full")]
use cargo::cargo_toml;
#[cfg(feature = "full")]
use lib_rs::lib_tokens;
#[cfg(feature = "full")]
use tests::{catalog_rows, tests_tokens};

/// Minimum Rust version of generated crates (edition 2024).
pub const GENERATED_RUST_VERSION: &str = "1.85";

/// The files of one generated crate, relative to its folder.
#[derive(Debug, Clone)]
#[cfg(feature = "full")]
pub struct CrateFiles {
    cargo_toml: String,
    lib_rs: String,
    codes_rs: String,
    tests_rs: String,
    tests_data: String,
    modules: Vec<(&'static str, String)>,
}

#[cfg(feature = "full")]
impl CrateFiles {
    /// `Cargo.toml`.
    pub fn cargo_toml(&self) -> &str {
        &self.cargo_toml
    }

    /// `src/lib.rs`.
    pub fn lib_rs(&self) -> &str {
        &self.lib_rs
    }

    /// `src/codes.rs` (empty from [`emit_without_codes`]).
    pub fn codes_rs(&self) -> &str {
        &self.codes_rs
    }

    /// `tests/codes.rs`.
    pub fn tests_rs(&self) -> &str {
        &self.tests_rs
    }

    /// `tests/data/catalog.in`: the catalog's codes, included by `tests/codes.rs`.
    pub fn tests_data(&self) -> &str {
        &self.tests_data
    }

    /// The other modules and tests, as (path relative to the crate, contents), in a fixed
    /// order.
    pub fn modules(&self) -> &[(&'static str, String)] {
        &self.modules
    }

    /// Every file, as (path relative to the crate, contents); `src/codes.rs` only when it was
    /// made.
    pub fn into_files(self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("Cargo.toml", self.cargo_toml),
            ("src/lib.rs", self.lib_rs),
            ("tests/codes.rs", self.tests_rs),
            ("tests/data/catalog.in", self.tests_data),
        ];
        if !self.codes_rs.is_empty() {
            out.push(("src/codes.rs", self.codes_rs));
        }
        out.extend(self.modules);
        out
    }
}

/// Emits the crate for `model`; a standalone context makes `Cargo.toml` a workspace of its
/// own so the crate builds anywhere.
#[cfg(feature = "full")]
pub fn emit(model: &Model, cx: &Context) -> CrateFiles {
    let mut files = emit_without_codes(model, cx);
    files.codes_rs = codes_file(model, cx);
    files
}

/// `src/codes.rs` of the crate for `model`, as `emit` writes it: the file that grows with
/// the catalog, made on its own so a large catalog's crate takes two cores.
pub fn codes_file(model: &Model, cx: &Context) -> String {
    codes::codes_rs(&header(model, cx), model)
}

/// [`emit`] without `src/codes.rs` (left empty): see [`codes_file`].
#[cfg(feature = "full")]
pub fn emit_without_codes(model: &Model, cx: &Context) -> CrateFiles {
    let header = header(model, cx);
    let modules = modules(model)
        .into_iter()
        .map(|(path, text)| (path, format!("{header}{text}")))
        .collect();
    CrateFiles {
        cargo_toml: cargo_toml(model, cx),
        lib_rs: format!("{header}{}", spaced(&format(lib_tokens(model)))),
        codes_rs: String::new(),
        tests_rs: format!("{header}{}", spaced(&format(tests_tokens(model)))),
        tests_data: format!("{header}{}", catalog_rows(model)),
        modules,
    }
}

/// The `@generated` line that starts every Rust file of the crate.
fn header(model: &Model, cx: &Context) -> String {
    format!("// {}\n", cx.generated_line(&model.source_path))
}

/// The modules beyond `codes.rs`, and the examples test, without their header line.
#[cfg(feature = "full")]
fn modules(model: &Model) -> Vec<(&'static str, String)> {
    let (examples_rs, examples_data, places_data) = examples::examples_test(model);
    let mut out = vec![("src/facts.rs", facts::facts_rs(model))];
    out.extend(runtime::files(model));
    if let Some(tokens) = args::args_tokens(model) {
        out.push(("src/args.rs", spaced(&format(tokens))));
    }
    if let Some(tokens) = operations::operations_tokens(model) {
        out.push(("src/operations.rs", spaced(&format(tokens))));
    }
    if let Some(tokens) = locale::locale_tokens(model) {
        out.push(("src/locale.rs", spaced(&format(tokens))));
    }
    out.push(("tests/examples.rs", examples_rs));
    out.push(("tests/data/examples.in", examples_data));
    if let Some(places) = places_data {
        out.push(("tests/data/places.in", places));
    }
    out
}

/// The `include!`-able module alone (for build scripts): `codes.rs` as `emit` writes it.
pub fn module(model: &Model) -> String {
    codes::codes_rs("", model)
}

#[cfg(feature = "full")]
fn format(tokens: TokenStream) -> String {
    let file: syn::File = match syn::parse2(tokens) {
        Ok(file) => file,
        Err(e) => panic!("errcat emitted Rust that does not parse ({e}); this is a bug in errcat"),
    };
    prettyplease::unparse(&file)
}

/// prettyplease's output with a blank line between items, as one writes by hand (rustfmt
/// keeps such lines): after an item that closes at the top level or in an `impl`, and after
/// the top-level `use` and `mod` lines.
#[cfg(feature = "full")]
fn spaced(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 16);
    let mut lines = source.lines().peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        let Some(next) = lines.peek() else { break };
        let code = !line.starts_with("//") && !line.starts_with('#');
        let item_starts = |indent: &str| {
            next.strip_prefix(indent).is_some_and(|rest| {
                [
                    "#[", "///", "pub ", "fn ", "const ", "impl ", "static ", "mod ", "use ",
                ]
                .iter()
                .any(|p| rest.starts_with(p))
            })
        };
        let blank = match line {
            "}" => !next.is_empty(),
            "    }" => item_starts("    "),
            _ => {
                code && line.ends_with(';')
                    && !line.starts_with(' ')
                    && item_starts("")
                    && !(line.starts_with("use ") && next.starts_with("use "))
                    && !(line.starts_with("mod ") || line.starts_with("pub use "))
            }
        };
        if blank {
            out.push('\n');
        }
    }
    out
}

/// "Added in 0.2.0." and, where it applies, "Deprecated in …", "Retired in …: why." and
/// "Reused in …: why.", as plain markdown sentences.
pub fn versions(code: &CodeModel) -> Vec<String> {
    let e = &code.entry();
    let mut out = Vec::new();
    if let Some(v) = &code.added_in {
        out.push(format!("Added in {v}."));
    }
    if let Some(v) = &code.deprecated_in {
        out.push(format!("Deprecated in {v}."));
    }
    if let Some(r) = &e.retired {
        out.push(format!("Retired in {}: {}", r.since, sentence(&r.note)));
    }
    if let Some(r) = &e.reused {
        out.push(format!("Reused in {}: {}", r.since, sentence(&r.note)));
    }
    out
}

/// `s` as plain text ending with a full stop.
fn sentence(s: &str) -> String {
    let mut s = text::plain_rustdoc(s.trim());
    if !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    s
}
