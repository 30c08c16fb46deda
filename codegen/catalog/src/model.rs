//! The model: a validated catalog with everything the emitters need resolved once — Rust
//! names, doc URLs, anchors, category links — so the emitters only render.

use std::collections::HashMap;
use std::sync::Arc;

use heck::ToSnakeCase;

use crate::check::{self, CODE_PLACEHOLDER};
use crate::diag::{Diagnostic, Diagnostics};
use crate::format::{self, Catalog, CodeType};
use crate::{ident, text};

mod pages;

/// A catalog ready to emit.
#[derive(Debug, Clone)]
pub struct Model {
    /// The catalog as written, shared with the plan that reports on it.
    pub catalog: Arc<Catalog>,
    /// Path of the catalog file as the regenerate command names it, e.g. `catalog/dataxid.json`.
    pub source_path: String,
    /// Package name of the generated crate, e.g. `dataxid-errors`.
    pub crate_name: String,
    /// Library name of the generated crate, e.g. `dataxid_errors`.
    pub lib_name: String,
    /// The codes, in catalog order.
    pub codes: Vec<CodeModel>,
    /// The categories, in catalog order.
    pub categories: Vec<CategoryModel>,
    /// Where the reference site is published (`http(s)://…/`): the catalog's `reference_url`,
    /// else the workspace's; `None` makes reference URLs relative to the site's root.
    pub reference_base: Option<String>,
    /// The crate's version: the catalog's, or `0.1.0` when it states none.
    pub version: String,
    /// Link from the reference page to the crate's `CHANGELOG.md`, when there is one.
    pub changelog: Option<String>,
    /// Warnings about the catalog, rendered (look-alike codes): `gen` prints them and goes on.
    pub warnings: Vec<String>,
    /// The files the model was read from: the catalog file, and a mapping's vendor file.
    pub inputs: Vec<std::path::PathBuf>,
    /// The languages the messages are translated into, in the order `locales.translations`
    /// lists them (empty without `locales`), read from the translation files.
    pub locales: Vec<LocaleModel>,
    /// Stale and missing translations: `gen` prints them, `gen --check` fails on them.
    pub gaps: crate::Report,
}

/// One language of a catalog's messages, other than its source language.
#[derive(Debug, Clone)]
pub struct LocaleModel {
    /// Its tag, as the catalog declares it (`pt-BR`).
    pub tag: String,
    /// Its `Locale` variant (`PtBr`).
    pub variant: String,
    /// The language its missing messages fall back on: an index into [`Model::locales`], or
    /// `None` for the catalog's source language.
    pub fallback: Option<usize>,
    /// The usable translated message of each code, by index in the catalog's codes.
    pub(crate) codes: HashMap<usize, String>,
    /// The usable translated message of each inner code, by index of its set in the
    /// catalog's code sets and of the code in its set.
    pub(crate) inner: HashMap<(usize, usize), String>,
}

impl Model {
    /// The message of code `index` in language `locale` (an index into [`Model::locales`]),
    /// following the fallback chain: the message, and the language it is in (`None`: the
    /// catalog's own).
    pub fn message_in(&self, index: usize, locale: usize) -> (&str, Option<usize>) {
        self.along_chain(locale, |l| l.codes.get(&index))
            .unwrap_or((&self.catalog.codes[index].message, None))
    }

    /// The message of inner code `code` of set `set` in language `locale`, as
    /// [`message_in`](Self::message_in) finds it.
    pub fn inner_message_in(
        &self,
        set: usize,
        code: usize,
        locale: usize,
    ) -> (&str, Option<usize>) {
        self.along_chain(locale, |l| l.inner.get(&(set, code)))
            .unwrap_or((&self.catalog.code_sets[set].codes[code].message, None))
    }

    /// The first translation `find` gives along `locale`'s fallback chain, with the language
    /// it is in; `None` when the chain reaches the source language without one.
    fn along_chain<'m>(
        &'m self,
        locale: usize,
        find: impl Fn(&'m LocaleModel) -> Option<&'m String>,
    ) -> Option<(&'m str, Option<usize>)> {
        let mut at = Some(locale);
        while let Some(l) = at {
            if let Some(m) = find(&self.locales[l]) {
                return Some((m, Some(l)));
            }
            at = self.locales[l].fallback;
        }
        None
    }

    /// The tag of language `used` as [`message_in`](Self::message_in) gives it (`None`: the
    /// catalog's own).
    pub fn locale_tag(&self, used: Option<usize>) -> &str {
        match used {
            Some(l) => &self.locales[l].tag,
            None => self.source_locale().unwrap_or_default(),
        }
    }

    /// The catalog's source language, when it declares `locales`.
    pub fn source_locale(&self) -> Option<&str> {
        self.catalog.locales.as_ref().map(|l| l.source.as_str())
    }
}

/// One code with its resolved names.
#[derive(Debug, Clone)]
pub struct CodeModel {
    /// The catalog the entry is in (shared by every code of the model, not copied).
    catalog: Arc<Catalog>,
    /// Index of the entry in the catalog's codes.
    index: usize,
    /// The code as the wire spells it.
    pub wire: String,
    /// Rust variant name.
    pub variant: String,
    /// Documentation URL from the catalog's template.
    pub doc_url: Option<String>,
    /// Anchor of this code's section on the reference page: the fragment of `doc_url` when it
    /// has one, else the wire code.
    pub anchor: String,
    /// Index into [`Model::categories`].
    pub category: Option<usize>,
    /// The release that added this code, when the catalog has release records.
    pub added_in: Option<String>,
    /// The release that deprecated this code, when it is deprecated and the catalog has
    /// release records.
    pub deprecated_in: Option<String>,
    /// The block of a split reference this code's section is on (see `pages`).
    block: String,
}

impl CodeModel {
    /// The catalog entry.
    pub fn entry(&self) -> &format::Code {
        &self.catalog.codes[self.index]
    }

    /// The index of the entry in the catalog's codes.
    pub fn index(&self) -> usize {
        self.index
    }
}

impl Model {
    /// The catalog's name (which names its crate, folder and page).
    pub fn name(&self) -> &str {
        &self.catalog.name
    }

    /// Package name of the generated crate, e.g. `dataxid-errors`.
    pub fn crate_name(&self) -> &str {
        &self.crate_name
    }

    /// The crate's version.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The codes, in catalog order.
    pub fn codes(&self) -> &[CodeModel] {
        &self.codes
    }
}

impl CodeModel {
    /// The code as the wire spells it.
    pub fn wire(&self) -> &str {
        &self.wire
    }

    /// Its `ErrorCode` variant name.
    pub fn variant(&self) -> &str {
        &self.variant
    }

    /// Its documentation URL, from the catalog's template.
    pub fn doc_url(&self) -> Option<&str> {
        self.doc_url.as_deref()
    }
}

/// One category with its resolved name.
#[derive(Debug, Clone)]
pub struct CategoryModel {
    /// The catalog entry.
    pub entry: format::Category,
    /// Rust variant name.
    pub variant: String,
}

impl Model {
    /// Validates `catalog` and resolves it. `source_path` is how generated files name it.
    pub fn build(mut catalog: Catalog, source_path: &str) -> Result<Model, Diagnostics> {
        let mut problems = check::check(&catalog);
        if let Some(problem) = catalog
            .reference_url
            .as_deref()
            .and_then(reference_url_problem)
        {
            problems.push(
                Diagnostic::at("/reference_url", format!("`reference_url` {problem}"))
                    .hint("e.g. \"https://errors.example.com/\""),
            );
        }
        tidy(&mut catalog);

        let categories: Vec<CategoryModel> = catalog
            .categories
            .iter()
            .map(|c| CategoryModel {
                entry: c.clone(),
                variant: ident::variant_name(&c.id),
            })
            .collect();
        check_collisions(
            categories.iter().map(|c| c.variant.as_str()),
            "categories",
            "id",
            "category",
            &catalog
                .categories
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>(),
            &[],
            &mut problems,
        );

        let catalog = Arc::new(catalog);
        let category_index: HashMap<&str, usize> = catalog
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let wires: Vec<String> = catalog.codes.iter().map(|c| c.code.wire()).collect();
        let mut variants = catalog.variant_names().into_iter();
        let mut codes: Vec<CodeModel> = catalog
            .codes
            .iter()
            .enumerate()
            .map(|(index, entry)| {
                let wire = entry.code.wire();
                let variant = variants
                    .next()
                    .expect("errcat bug: one variant name per code");
                let from_template = catalog
                    .doc_url
                    .as_ref()
                    .map(|t| t.replace(CODE_PLACEHOLDER, &text::url_component(&wire)));
                // The page anchor is the fragment of a URL into this reference (the template's);
                // an explicit URL points elsewhere, so its section is anchored by the code.
                let anchor = from_template
                    .as_deref()
                    .and_then(|u| u.split_once('#'))
                    .map(|(_, fragment)| text::percent_decode(fragment))
                    .filter(|f| !f.is_empty())
                    .unwrap_or_else(|| wire.clone());
                let doc_url = entry.doc_url.clone().or(from_template);
                let category = entry
                    .category
                    .as_deref()
                    .and_then(|c| category_index.get(c).copied());
                CodeModel {
                    catalog: Arc::clone(&catalog),
                    index,
                    wire,
                    variant,
                    doc_url,
                    anchor,
                    category,
                    added_in: None,
                    deprecated_in: None,
                    block: String::new(),
                }
            })
            .collect();
        let values: Vec<&format::CodeValue> = catalog.codes.iter().map(|c| &c.code).collect();
        for (code, block) in codes.iter_mut().zip(pages::blocks(&values)) {
            code.block = block;
        }
        // Whether each code has its case-kept name (`Some(true)`), its plain name, or a given
        // one (`None`).
        let kept: Vec<Option<bool>> = codes
            .iter()
            .map(|c| {
                c.entry()
                    .name
                    .is_none()
                    .then(|| c.variant != ident::variant_name(&c.wire))
            })
            .collect();
        check_collisions(
            codes.iter().map(|c| c.variant.as_str()),
            "codes",
            "code",
            "code",
            &wires,
            &kept,
            &mut problems,
        );

        if !problems.is_empty() {
            return Err(problems);
        }
        // `payments` gives `payments-errors`; a name that already says so is kept.
        let crate_name = if catalog.name.ends_with("-errors") {
            catalog.name.clone()
        } else {
            format!("{}-errors", catalog.name)
        };
        let lib_name = crate_name.to_snake_case();
        let reference_base = catalog.reference_url.clone();
        let version = catalog
            .version
            .clone()
            .unwrap_or_else(|| crate::format::Version::DEFAULT.to_string());
        Ok(Model {
            reference_base,
            version,
            changelog: None,
            warnings: Vec::new(),
            inputs: Vec::new(),
            locales: Vec::new(),
            gaps: crate::Report::default(),
            catalog,
            source_path: source_path.to_owned(),
            crate_name,
            lib_name,
            codes,
            categories,
        })
    }

    /// Whether every code documents an HTTP status (then `http_status()` returns `u16`).
    pub fn all_have_status(&self) -> bool {
        self.codes.iter().all(|c| c.entry().status.is_some())
    }

    /// Whether every code has a documentation URL (then `doc_url()` returns `&str`).
    pub fn all_have_doc_url(&self) -> bool {
        self.codes.iter().all(|c| c.doc_url.is_some())
    }

    /// Whether every code has a category (then `category()` returns `Category`).
    pub fn all_have_category(&self) -> bool {
        self.codes.iter().all(|c| c.category.is_some())
    }

    /// Whether the reference splits this catalog over several pages (see [`PAGE_SPLIT`]).
    pub fn is_split(&self) -> bool {
        self.codes.len() > PAGE_SPLIT
    }

    /// The reference page holding `code`'s section, relative to the docs folder and without
    /// extension: `twilio`, or for a split catalog `twilio/21000-21999` (integer codes: one page
    /// per thousand) or `name/a` (string codes: one page per first letter or digit, `other`
    /// for the rest, and a block of more than [`PAGE_SPLIT`] codes split by their next
    /// character, `name/err_a`; see `model/pages.rs`). A code's page does not depend on the
    /// order of the codes, and stays put when codes are added or removed unless its block
    /// outgrows a page.
    pub fn page_of(&self, code: &CodeModel) -> String {
        let name = &self.catalog.name;
        if !self.is_split() {
            return name.clone();
        }
        format!("{name}/{}", code.block)
    }

    /// The pages of this catalog's codes in page order, each with its codes sorted by code
    /// (integers by value, strings by their bytes).
    pub fn pages(&self) -> Vec<(String, Vec<&CodeModel>)> {
        let mut codes: Vec<&CodeModel> = self.codes.iter().collect();
        codes.sort_by(|a, b| code_order(a, b));
        let mut pages: Vec<(String, Vec<&CodeModel>)> = Vec::new();
        for code in codes {
            let page = self.page_of(code);
            match pages.iter_mut().find(|(p, _)| *p == page) {
                Some((_, list)) => list.push(code),
                None => pages.push((page, vec![code])),
            }
        }
        pages
    }

    /// This code's section in the published reference: [`Model::reference_base`] (if any),
    /// the page's HTML path and the anchor.
    pub fn reference_url(&self, code: &CodeModel) -> String {
        format!(
            "{}{}.html#{}",
            self.reference_base.as_deref().unwrap_or_default(),
            self.page_of(code),
            text::url_component(&code.anchor)
        )
    }

    /// Doc URLs that point into the published reference (they start with
    /// [`Model::reference_base`]) must name the code's own page and anchor, or they would
    /// lead nowhere once the site is built. `None` if they all do (or none points there),
    /// else a sentence naming the first that does not and how many there are.
    pub fn doc_url_problem(&self) -> Option<String> {
        let base = self.reference_base.as_deref()?;
        let same = |a: &str, b: &str| {
            let (pa, fa) = a.split_once('#').unwrap_or((a, ""));
            let (pb, fb) = b.split_once('#').unwrap_or((b, ""));
            pa == pb && text::percent_decode(fa) == text::percent_decode(fb)
        };
        let wrong: Vec<(&CodeModel, String)> = self
            .codes
            .iter()
            .filter_map(|c| {
                let doc = c.doc_url.as_deref()?;
                doc.starts_with(base)
                    .then(|| self.reference_url(c))
                    .filter(|r| !same(doc, r))
                    .map(|r| (c, r))
            })
            .collect();
        let (first, right) = wrong.first()?;
        Some(format!(
            "{}: the `doc_url` of code `{}` ({}) points into the reference at `{base}` but not at the code's section, which is {right}{}; point `doc_url` at the vendor's documentation, or leave it out and use `reference_url()`",
            self.source_path,
            first.wire,
            first.doc_url.as_deref().unwrap_or_default(),
            if wrong.len() > 1 {
                format!(" ({} codes in all)", wrong.len())
            } else {
                String::new()
            }
        ))
    }

    /// Whether the wire carries the HTTP status instead of a code.
    pub fn code_is_status(&self) -> bool {
        self.catalog.code_type == CodeType::HttpStatus
    }

    /// The catalog's resolved error body layout, if it declares one.
    pub fn layout(&self) -> Option<format::Layout> {
        self.catalog
            .envelope
            .as_ref()
            .and_then(|e| e.layout.as_ref())
            .map(format::Layout::resolved)
    }

    /// Whether errors of this API are told apart by HTTP status rather than by a code in the
    /// body: the wire carries only the status, or the documented body has no code.
    pub fn by_status(&self) -> bool {
        self.code_is_status() || self.layout().is_some_and(|l| !l.reads_code())
    }

    /// Whether the documented error body is XML (`envelope.layout.format`).
    pub fn body_is_xml(&self) -> bool {
        self.layout()
            .is_some_and(|l| l.format == format::BodyFormat::Xml)
    }

    /// Whether the error body is AIP-193's `google.rpc.Status` (the `google-rpc` preset).
    pub fn google_rpc(&self) -> bool {
        self.layout()
            .is_some_and(|l| l.preset == Some(format::LayoutPreset::GoogleRpc))
    }

    /// With the `google-rpc` preset: the gRPC status name `code`'s errors carry (the checks
    /// give every code of such a catalog one).
    pub fn grpc_status(&self, code: &CodeModel) -> &'static str {
        let layout = self
            .catalog
            .envelope
            .as_ref()
            .and_then(|e| e.layout.as_ref());
        layout
            .and_then(|l| format::google_rpc::status_name(l, code.wire(), code.entry().status))
            .expect("errcat bug: the checks give every code of a google-rpc catalog a gRPC status")
    }

    /// Whether the crate has the HTTP status API and pages give each code's status (see
    /// [`format::Catalog::has_status_api`]).
    pub fn has_status_api(&self) -> bool {
        self.catalog.has_status_api()
    }

    /// Whether the catalog describes an HTTP API: it documents an error body or response
    /// headers.
    pub fn is_http_api(&self) -> bool {
        self.catalog.envelope.is_some() || self.codes.iter().any(|c| !c.entry().headers.is_empty())
    }

    /// A code no entry of the catalog spells, for tests.
    pub fn unknown_code(&self) -> String {
        let mut unknown = String::from("zz_future_code");
        while self
            .codes
            .iter()
            .any(|c| c.wire == unknown || c.entry().aliases.contains(&unknown))
        {
            unknown.push('_');
        }
        unknown
    }
}

/// A catalog with more codes than this is published as one page per block of codes (see
/// [`Model::page_of`]), so that no page grows too big to read or to load.
pub const PAGE_SPLIT: usize = 300;

/// Codes in reference order: integers by value, strings by their bytes.
pub fn code_order(a: &CodeModel, b: &CodeModel) -> std::cmp::Ordering {
    use format::CodeValue::{Integer, String as Str};
    match (&a.entry().code, &b.entry().code) {
        (Integer(x), Integer(y)) => x.cmp(y),
        (Str(x), Str(y)) => x.cmp(y),
        (Integer(_), Str(_)) => std::cmp::Ordering::Less,
        (Str(_), Integer(_)) => std::cmp::Ordering::Greater,
    }
}

/// Checks a reference site URL (the catalog's or the workspace's): `None` if it is usable,
/// else what is wrong with it.
pub fn reference_url_problem(url: &str) -> Option<&'static str> {
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        Some("must be an absolute `https://` or `http://` URL")
    } else if !url.ends_with('/') {
        Some("must end with `/` (the site's root folder)")
    } else if url.contains(['#', '?']) || url.contains(char::is_whitespace) {
        Some("must not hold `#`, `?` or whitespace")
    } else {
        None
    }
}

/// Blank optional text says nothing: it is dropped, so no emitter renders an empty heading,
/// cell or bullet.
fn tidy(catalog: &mut Catalog) {
    fn opt(s: &mut Option<String>) {
        if s.as_deref().is_some_and(|v| v.trim().is_empty()) {
            *s = None;
        }
    }
    fn list(v: &mut Vec<String>) {
        v.retain(|s| !s.trim().is_empty());
    }
    // The editor's schema is no part of the catalog errcat resolves and writes.
    catalog.schema = None;
    // The codes are kept for the whole run: without the room their list grew into.
    catalog.codes.shrink_to_fit();
    opt(&mut catalog.description);
    opt(&mut catalog.source);
    if let Some(e) = &mut catalog.envelope {
        opt(&mut e.description);
    }
    for c in &mut catalog.categories {
        opt(&mut c.title);
        opt(&mut c.description);
        opt(&mut c.sdk_class);
    }
    for c in &mut catalog.codes {
        for field in [
            &mut c.title,
            &mut c.description,
            &mut c.when,
            &mut c.action,
            &mut c.sdk_class,
        ] {
            opt(field);
        }
        list(&mut c.causes);
        list(&mut c.fixes);
        list(&mut c.notes);
    }
}

/// Two entries whose Rust names collide: one problem naming both. For codes, `kept[i]` tells
/// whether entry `i` has its case-kept name (see `ident`), or `None` a name given in the
/// catalog: when neither name is given and one is case-kept, even that did not separate them.
fn check_collisions<'a>(
    names: impl Iterator<Item = &'a str>,
    list: &str,
    field: &str,
    what: &str,
    spellings: &[String],
    kept: &[Option<bool>],
    problems: &mut Diagnostics,
) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, name) in names.enumerate() {
        if let Some(&j) = first.get(name) {
            if spellings[i] == spellings[j] {
                continue; // a duplicate, already reported by validation
            }
            problems.push(
                Diagnostic::at(
                    format!("/{list}/{i}/{field}"),
                    format!(
                        "{what}s `{}` and `{}` both become the Rust name `{name}`{}",
                        spellings[j],
                        spellings[i],
                        if let (Some(Some(a)), Some(Some(b))) = (kept.get(i), kept.get(j))
                            && (*a || *b)
                        {
                            ", even with the case of their letters kept"
                        } else {
                            ""
                        }
                    ),
                )
                .related(
                    format!("/{list}/{j}/{field}"),
                    format!("`{}` is here", spellings[j]),
                )
                .hint(if list == "codes" {
                    "give one of them a distinct `name`"
                } else {
                    "rename one of the categories"
                }),
            );
        } else {
            first.insert(name, i);
        }
    }
}
