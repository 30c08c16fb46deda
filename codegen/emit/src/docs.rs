//! The docs emitter: markdown reference pages rendered with askama templates from
//! `codegen/templates/`, laid out for mdBook (`generated/book.toml`, `docs/SUMMARY.md`).
//!
//! All catalog text is escaped here (see [`errcat_catalog::text`]) before it reaches a template, so the
//! templates only arrange it.

mod args;
mod google_rpc;

use askama::Template;

use crate::Context;
use errcat_catalog::format::{Example, Header};
use errcat_catalog::model::{CodeModel, Model};
use errcat_catalog::text;

/// The reference page of one catalog.
#[derive(Template)]
#[template(path = "page.md")]
struct Page {
    generated: String,
    title: String,
    description: Option<String>,
    source: Option<String>,
    crate_name: String,
    lib_name: String,
    source_path: String,
    version: String,
    changelog: Option<String>,
    code_is_status: bool,
    envelope: Option<String>,
    categories: Option<String>,
    /// For a split catalog, its pages; else empty.
    parts: Vec<PartEntry>,
    quick_reference: String,
    codes: Vec<CodeView>,
    notes: Vec<NoteView>,
}

/// One page of a split catalog: a block of codes.
#[derive(Template)]
#[template(path = "part.md")]
struct Part {
    generated: String,
    title: String,
    catalog_title: String,
    catalog_page: String,
    quick_reference: String,
    codes: Vec<CodeView>,
}

struct PartEntry {
    label: String,
    link: String,
    count: usize,
    first: String,
    last: String,
}

struct CodeView {
    anchor_id: String,
    heading: String,
    body: String,
}

struct NoteView {
    title: String,
    body: String,
}

/// The index of all pages (`README.md`) and mdBook's `SUMMARY.md`.
#[derive(Template)]
#[template(path = "index.md")]
struct Index<'a> {
    generated: String,
    entries: &'a [IndexEntry],
}

#[derive(Template)]
#[template(path = "SUMMARY.md")]
struct Summary<'a> {
    generated: String,
    entries: &'a [IndexEntry],
}

struct IndexEntry {
    title: String,
    page: String,
    count: usize,
    crate_name: String,
    /// The pages of a split catalog: (label, file).
    parts: Vec<(String, String)>,
    /// The changelog page, where the catalog has one.
    changelog: Option<String>,
}

/// The catalog's changelog as a page of the reference, inside the docs folder (in the
/// catalog's own folder, beside the parts of a split catalog).
pub fn changelog_page(model: &Model) -> String {
    format!("{}/changelog.md", model.catalog.name)
}

/// File name of a catalog's (first) page inside the docs folder.
pub fn page_name(model: &Model) -> String {
    format!("{}.md", model.catalog.name)
}

/// Scheme and host of the vendor's site, from the doc-URL template or the source: what
/// root-relative links in vendor text are relative to.
fn vendor_site(model: &Model) -> Option<String> {
    let c = &model.catalog;
    [c.doc_url.as_deref(), c.source.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|url| {
            let lower = url.to_ascii_lowercase();
            let scheme = ["https://", "http://"]
                .into_iter()
                .find(|p| lower.starts_with(p))?;
            let host = url[scheme.len()..]
                .split(['/', '?', '#', ' '])
                .next()
                .filter(|h| !h.is_empty())?;
            Some(format!("{}{host}", &url[..scheme.len()]))
        })
}

/// Catalog prose for a page, fitted below headings of `level`.
fn prose(model: &Model, s: &str, level: usize) -> String {
    let site = vendor_site(model);
    text::page_markdown(
        s,
        text::Fit {
            top_heading: level + 1,
            site: site.as_deref(),
        },
    )
}

/// A catalog's `source` for a page: a URL at its start becomes a link, the rest stays text
/// (`https://x/y.json (snapshot of May 2023)`).
fn source_line(model: &Model, s: &str) -> String {
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        let end = s.find(char::is_whitespace).unwrap_or(s.len());
        let (url, rest) = s.split_at(end);
        format!(
            "<{}>{}",
            url.replace('>', "%3E"),
            text::markdown(rest).replace('\n', " ")
        )
    } else {
        prose(model, s, 1).replace('\n', " ")
    }
}

/// The reference pages of `model`, as (path inside the docs folder, content): one page, or
/// for a catalog with more than [`errcat_catalog::model::PAGE_SPLIT`] codes an overview page and one
/// page per block of codes.
pub fn pages(model: &Model, cx: &Context) -> Vec<(String, String)> {
    pages_in_share(model, cx, 0, 1)
}

/// The pages of [`pages`] whose place in its list is `share` modulo `shares`: a large
/// catalog's pages are made by several jobs at once.
pub fn pages_in_share(
    model: &Model,
    cx: &Context,
    share: usize,
    shares: usize,
) -> Vec<(String, String)> {
    let generated = cx.generated_line(&model.source_path);
    let pages = model.pages();
    // Place 0 is the overview; a split catalog's pages follow it.
    let mine = |place: usize| place % shares == share;
    let mut out = Vec::new();
    let (parts, quick_reference, codes) = if model.is_split() {
        let parts = pages
            .iter()
            .map(|(page, codes)| PartEntry {
                label: part_label(page, codes),
                link: format!("{page}.md"),
                count: codes.len(),
                first: cell_code(&codes[0].wire),
                last: cell_code(&codes[codes.len() - 1].wire),
            })
            .collect();
        for (place, (page, codes)) in pages.iter().enumerate() {
            if !mine(place + 1) {
                continue;
            }
            let part = Part {
                generated: generated.clone(),
                title: format!(
                    "{} errors: {}",
                    text::plain(&model.catalog.title),
                    part_label(page, codes)
                ),
                catalog_title: text::plain(&model.catalog.title),
                catalog_page: format!("../{}", page_name(model)),
                quick_reference: quick_reference(model, codes),
                codes: codes.iter().map(|c| code_view(model, c)).collect(),
            };
            out.push((format!("{page}.md"), render(&part)));
        }
        (parts, String::new(), Vec::new())
    } else if mine(0) {
        let codes: Vec<&CodeModel> = pages.iter().flat_map(|(_, c)| c.iter().copied()).collect();
        (
            Vec::new(),
            quick_reference(model, &codes),
            // Sections in catalog order; the quick reference is sorted by code.
            model.codes.iter().map(|c| code_view(model, c)).collect(),
        )
    } else {
        return out;
    };
    if mine(0) {
        out.insert(
            0,
            (
                page_name(model),
                overview(model, &generated, parts, quick_reference, codes),
            ),
        );
    }
    out
}

/// The text of every page of `model`, joined: its one reference page unless the catalog is
/// split (see [`pages`]).
pub fn page(model: &Model, cx: &Context) -> String {
    pages(model, cx)
        .into_iter()
        .map(|(_, content)| content)
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a page of a split catalog is called: "codes 21000–21999", "codes starting with `a`",
/// "other codes", or for a block split further (`err_a`, whose name folds case and
/// punctuation) the first and last of its `codes`, which are sorted.
fn part_label(page: &str, codes: &[&CodeModel]) -> String {
    let block = page.rsplit('/').next().unwrap_or(page);
    match block.split_once('-') {
        Some((a, b)) if !a.is_empty() => format!("codes {a}–{b}"),
        _ if block == "other" => "other codes".to_owned(),
        _ if block.chars().count() == 1 => {
            format!("codes starting with {}", text::code_span(block))
        }
        _ => match codes {
            [one] => format!("code {}", text::code_span(&one.wire)),
            [first, .., last] => format!(
                "codes {} to {}",
                text::code_span(&first.wire),
                text::code_span(&last.wire)
            ),
            [] => format!("codes of block {}", text::code_span(block)),
        },
    }
}

/// The quick-reference table of `codes` (sorted by code), with the HTTP and category columns
/// only where the catalog documents any.
fn quick_reference(model: &Model, codes: &[&CodeModel]) -> String {
    let status = model.codes.iter().any(|c| c.entry().status.is_some());
    let category = model.codes.iter().any(|c| c.category.is_some());
    let mut out = String::from("| Code |");
    let mut rule = String::from("|---|");
    if status {
        out.push_str(" HTTP |");
        rule.push_str("---|");
    }
    if category {
        out.push_str(" Category |");
        rule.push_str("---|");
    }
    out.push_str(&format!(" Summary |\n{rule}---|\n"));
    for c in codes {
        out.push_str(&format!(
            "| [{}](#{}) |",
            cell_code(&c.wire),
            href(&c.anchor)
        ));
        if status {
            let s = c
                .entry()
                .status
                .map_or_else(|| "—".to_owned(), |s| s.to_string());
            out.push_str(&format!(" {s} |"));
        }
        if category {
            let cat = c.category.map(|i| cell_code(&model.categories[i].entry.id));
            out.push_str(&format!(" {} |", cat.unwrap_or_default()));
        }
        out.push_str(&format!(
            " {} |\n",
            text::inline(&c.entry().message).replace('|', "\\|")
        ));
    }
    out.trim_end().to_owned()
}

/// The catalog's main page: everything but the codes, which follow on it or on its parts.
fn overview(
    model: &Model,
    generated: &str,
    parts: Vec<PartEntry>,
    quick_reference: String,
    codes: Vec<CodeView>,
) -> String {
    let c = &model.catalog;
    let page = Page {
        generated: generated.to_owned(),
        title: format!("{} errors", text::plain(&c.title)),
        description: c.description.as_deref().map(|d| prose(model, d, 1)),
        source: c.source.as_deref().map(|s| source_line(model, s)),
        crate_name: model.crate_name.clone(),
        lib_name: model.lib_name.clone(),
        source_path: model.source_path.clone(),
        version: model.version.clone(),
        changelog: model.changelog.clone(),
        code_is_status: model.code_is_status(),
        envelope: c.envelope.as_ref().map(|e| {
            let mut out = String::new();
            if let Some(d) = &e.description {
                out.push_str(&format!("\n{}\n", prose(model, d, 2)));
            }
            if !e.fields.is_empty() {
                let typed = e.fields.iter().any(|f| f.ty.is_some());
                out.push_str(if typed {
                    "\n| Field | Type | Description |\n|---|---|---|\n"
                } else {
                    "\n| Field | Description |\n|---|---|\n"
                });
                for f in &e.fields {
                    out.push_str(&format!("| {} |", cell_code(&f.name)));
                    if typed {
                        let ty = f.ty.as_deref().map(text::cell).unwrap_or_default();
                        out.push_str(&format!(" {ty} |"));
                    }
                    out.push_str(&format!(" {} |\n", text::cell(&f.description)));
                }
            }
            if let Some(layout) = &e.layout {
                out.push_str(&layout_section(model, layout));
            }
            out.push_str(&examples(model, &e.examples, "###"));
            out.trim_end().to_owned()
        }),
        categories: categories(model),
        parts,
        quick_reference,
        codes,
        // The operations, then each inner code set, are sections of their own, before the
        // page's notes.
        notes: args::languages(model)
            .into_iter()
            .chain(args::operations(model, |d| prose(model, d, 2)))
            .chain(c.code_sets.iter().map(|s| NoteView {
                title: format!("Inner codes: {}", text::plain(&s.title)),
                body: args::code_set(model, s, |d| prose(model, d, 2)),
            }))
            .chain(c.notes.iter().map(|n| NoteView {
                title: text::plain(&n.title),
                body: prose(model, n.body.trim_end(), 2),
            }))
            .collect(),
    };
    render(&page)
}

/// The index page listing every catalog, and mdBook's summary.
pub fn index(models: &[Model], cx: &Context) -> (String, String) {
    let entries: Vec<IndexEntry> = models
        .iter()
        .map(|m| IndexEntry {
            title: text::cell(&m.catalog.title),
            page: page_name(m),
            count: m.codes.len(),
            crate_name: m.crate_name.clone(),
            parts: if m.is_split() {
                m.pages()
                    .iter()
                    .map(|(page, codes)| (part_label(page, codes), format!("{page}.md")))
                    .collect()
            } else {
                Vec::new()
            },
            changelog: m.changelog.as_ref().map(|_| changelog_page(m)),
        })
        .collect();
    let generated = cx.generated_line("catalog/");
    (
        render(&Index {
            generated: generated.clone(),
            entries: &entries,
        }),
        render(&Summary {
            generated,
            entries: &entries,
        }),
    )
}

/// mdBook's configuration of the reference site (`cargo xtask docs` builds it; `mdbook build
/// generated` reads it too). The per-page heading list in the sidebar is off: a page's quick
/// reference already links every code, and hundreds of codes would make the sidebar too long.
/// The print page (every page in one) is off too: it would hold every catalog at once.
pub fn book_toml(cx: &Context) -> String {
    format!(
        "# {}\n[book]\ntitle = \"Error reference\"\nsrc = \"docs\"\n\n[output.html]\nsidebar-header-nav = false\n\n[output.html.print]\nenable = false\n",
        cx.generated_line("catalog/")
    )
}

fn render(t: &impl Template) -> String {
    match t.render() {
        Ok(mut s) => {
            s.truncate(s.trim_end().len());
            s.push('\n');
            // A page is held until the run ends: it keeps its bytes, not the room it grew
            // into.
            s.shrink_to_fit();
            s
        }
        Err(e) => panic!("a docs template failed to render ({e}); this is a bug in errcat"),
    }
}

/// The categories table, or `None` when the catalog has no categories.
fn categories(model: &Model) -> Option<String> {
    let list = &model.catalog.categories;
    if list.is_empty() {
        return None;
    }
    let sdk_column = list.iter().any(|c| c.sdk_class.is_some());
    let mut out = String::from("| Category | Description |");
    out.push_str(if sdk_column {
        " SDK exception |\n|---|---|---|\n"
    } else {
        "\n|---|---|\n"
    });
    for c in list {
        let description: Vec<String> = [c.title.as_deref(), c.description.as_deref()]
            .into_iter()
            .flatten()
            .map(text::cell)
            .collect();
        out.push_str(&format!(
            "| {} | {} |",
            cell_code(&c.id),
            description.join(": ")
        ));
        if sdk_column {
            out.push_str(&format!(
                " {} |",
                c.sdk_class.as_deref().map(cell_code).unwrap_or_default()
            ));
        }
        out.push('\n');
    }
    Some(out.trim_end().to_owned())
}

pub(crate) fn cell_code(s: &str) -> String {
    text::code_span(s).replace('|', "\\|")
}

fn code_view(model: &Model, code: &CodeModel) -> CodeView {
    let e = &code.entry();
    let category = code.category.map(|i| &model.categories[i].entry);
    let mut heading = text::code_span(&code.wire);
    if let Some(t) = &e.title {
        heading.push_str(&format!(" — {}", text::plain(t)));
    }
    if e.retired.is_some() {
        heading.push_str(" (retired)");
    } else if e.deprecated.is_some() {
        heading.push_str(" (deprecated)");
    }

    let mut body = format!("**{}**\n\n", text::inline(&e.message));
    let mut facts = Vec::new();
    // A registry that is not an HTTP API's has no status to leave undocumented.
    if model.has_status_api() {
        facts.push(format!(
            "HTTP status: {}",
            e.status
                .map_or_else(|| "not documented".to_owned(), |s| s.to_string())
        ));
    }
    if let Some(cat) = category {
        facts.push(format!("Category: {}", text::code_span(&cat.id)));
    }
    let sdk = e
        .sdk_class
        .as_deref()
        .or(category.and_then(|c| c.sdk_class.as_deref()));
    if let Some(class) = sdk {
        let label = if model.code_is_status() {
            "Exception class"
        } else {
            "SDK exception"
        };
        facts.push(format!("{label}: {}", text::code_span(class)));
    }
    if e.retryable == Some(true) {
        facts.push("Retryable: yes".to_owned());
    }
    if let Some(d) = &e.deprecated {
        facts.push(format!(
            "Deprecated: {}",
            prose(model, &d.note, 4).replace('\n', " ")
        ));
    }
    if !e.aliases.is_empty() {
        let aliases: Vec<String> = e.aliases.iter().map(|a| text::code_span(a)).collect();
        facts.push(format!("Also sent as: {}", aliases.join(", ")));
    }
    if let Some(url) = &code.doc_url {
        facts.push(format!(
            "Documentation: <{}>",
            url.replace('>', "%3E").replace(' ', "%20")
        ));
    }
    facts.extend(crate::rust::versions(code));
    for f in facts {
        body.push_str(&format!("- {f}\n"));
    }
    // Vendor prose sits below the code's `###` heading and its `####` parts.
    let fit = |s: &str| prose(model, s, 4);
    if let Some(d) = &e.description {
        body.push_str(&format!("\n{}\n", fit(d)));
    }
    if let Some(w) = &e.when {
        body.push_str(&format!("\n**When:** {}\n", fit(w)));
    }
    if let Some(a) = &e.action {
        body.push_str(&format!("\n**Action:** {}\n", fit(a)));
    }
    if !e.cases.is_empty() {
        body.push_str("\n#### Cases\n");
        for case in &e.cases {
            body.push_str(&format!(
                "\n**{}**\n\n{}\n",
                text::plain(&case.title),
                fit(&case.description)
            ));
        }
    }
    if !e.args.is_empty() {
        body.push_str(&format!("\n#### Arguments\n\n{}", args::table(&e.args)));
    }
    if let Some(table) = args::translations(model, code.index()) {
        body.push_str(&format!("\n#### Message in each language\n\n{table}"));
    }
    if !e.causes.is_empty() {
        body.push_str(&format!("\n#### Causes\n\n{}", bullets(model, &e.causes)));
    }
    if !e.fixes.is_empty() {
        body.push_str(&format!(
            "\n#### How to fix\n\n{}",
            bullets(model, &e.fixes)
        ));
    }
    body.push_str(&examples(model, &e.examples, "####"));
    if !e.headers.is_empty() {
        body.push_str(&format!(
            "\n#### Response headers\n\n{}",
            headers(&e.headers)
        ));
    }
    if !e.notes.is_empty() {
        body.push_str("\n#### Notes\n");
        for n in &e.notes {
            body.push_str(&format!("\n{}\n", fit(n)));
        }
    }

    CodeView {
        anchor_id: text::html_attr(&code.anchor),
        heading,
        body: body.trim_end().to_owned(),
    }
}

/// A fragment link to `anchor`, percent-encoding what a URL fragment cannot hold.
fn href(anchor: &str) -> String {
    text::url_component(anchor)
}

/// A bullet list of `items`. An item that is itself a list (vendor text often is) gives its
/// own items, so nothing is wrapped twice; lists nested in it stay nested, at their depth.
fn bullets(model: &Model, items: &[String]) -> String {
    let mut out = String::new();
    for item in items {
        let text = prose(model, item.trim_end(), 4);
        let text = text.trim_start_matches('\n');
        let first = text.lines().next().unwrap_or_default();
        if let Some(content) = text::list_marker(first) {
            let top = text::indent_of(first);
            // Its items keep their text. The lines inside an item (continuations, nested
            // lists) move with it: each open item is (its content column in the vendor's
            // text, its content column here), and a line inside one is aligned to it.
            let mut open: Vec<(usize, usize)> = Vec::new();
            for line in text.lines() {
                let indent = text::indent_of(line);
                if line.trim().is_empty() {
                    out.push('\n');
                    continue;
                }
                if let Some(at) = text::list_marker(line).filter(|_| indent <= top) {
                    out.push_str(&format!("- {}\n", line[at..].trim_end()));
                    open = vec![(at, 2)];
                    continue;
                }
                while open.len() > 1 && open.last().is_some_and(|&(old, _)| indent < old) {
                    open.pop();
                }
                let (_, here) = open.last().copied().unwrap_or((content, 2));
                let body = line.trim_start();
                out.push_str(&format!("{}{body}\n", " ".repeat(here)));
                if let Some(marker) = text::list_marker(body) {
                    open.push((indent + marker, here + marker));
                }
            }
        } else {
            out.push_str(&format!("- {}\n", text.replace('\n', "\n  ")));
        }
    }
    out
}

fn headers(list: &[Header]) -> String {
    let example = list.iter().any(|h| h.example.is_some());
    let description = list.iter().any(|h| h.description.is_some());
    let mut out = String::from("| Header |");
    let mut rule = String::from("|---|");
    for (shown, name) in [(example, " Example |"), (description, " Description |")] {
        if shown {
            out.push_str(name);
            rule.push_str("---|");
        }
    }
    out.push_str(&format!("\n{rule}\n"));
    for h in list {
        out.push_str(&format!("| {} |", cell_code(&h.name)));
        if example {
            let e = h.example.as_deref().map(cell_code).unwrap_or_default();
            out.push_str(&format!(" {e} |"));
        }
        if description {
            let d = h.description.as_deref().map(text::cell).unwrap_or_default();
            out.push_str(&format!(" {d} |"));
        }
        out.push('\n');
    }
    out
}

/// Where the generated `ApiError` reads each part of the body, and how to call it.
fn layout_section(model: &Model, layout: &errcat_catalog::format::Layout) -> String {
    if model.google_rpc() {
        return google_rpc::section(model, layout);
    }
    let layout = layout.resolved();
    let mut out = String::from("\n### Reading it in Rust\n\n");
    out.push_str(&format!(
        "With the `json` feature, `{}::ApiError` reads and writes this body{}.\n\n",
        model.lib_name,
        match &layout.errors {
            Some(p) => format!(
                ", a list of errors at {}. Each pointer below is read inside every error of the list{}",
                cell_code(p),
                if layout.request_id.is_some() {
                    ", except the request id's, which is read from the body's root"
                } else {
                    ""
                }
            ),
            None => String::new(),
        }
    ));
    let xml = layout.format == errcat_catalog::format::BodyFormat::Xml;
    if xml {
        out.push_str(
            "The body is XML: each place below is the path of elements from the document's root, read with the `xml` feature.\n\n",
        );
    }
    out.push_str(if xml {
        "| Part | XML path |\n|---|---|\n"
    } else {
        "| Part | JSON pointer |\n|---|---|\n"
    });
    let code_part = if model.code_is_status() {
        "HTTP status (the code)"
    } else {
        "code"
    };
    if let Some(code) = &layout.code {
        let places: Vec<String> = code.all().iter().map(|p| cell_code(p)).collect();
        let first = if places.len() > 1 {
            " (the first one present)"
        } else {
            ""
        };
        out.push_str(&format!("| {code_part}{first} | {} |\n", places.join(", ")));
    }
    let parts = [
        ("HTTP status", &layout.status),
        ("message", &layout.message),
        ("title (catalog message)", &layout.title),
        ("doc URL", &layout.doc_url),
        ("category", &layout.category),
        ("parameter", &layout.param),
        ("details", &layout.details),
        ("error id", &layout.id),
        ("request id (from the body root)", &layout.request_id),
    ];
    for (part, pointer) in parts {
        if let Some(p) = pointer {
            out.push_str(&format!("| {part} | {} |\n", cell_code(p)));
        }
    }
    if let Some(f) = &layout.field_errors {
        out.push_str(&format!(
            "| field errors | {} (field {}) |\n",
            cell_code(&f.at),
            cell_code(&f.field)
        ));
    }
    if let Some(h) = &layout.request_id_header {
        out.push_str(&format!("| request id header | {} |\n", cell_code(h)));
    }
    if let Some(h) = &layout.code_header {
        out.push_str(&format!(
            "| code header (wins over the body) | {} |\n",
            cell_code(h)
        ));
    }
    if let Some(h) = &layout.message_header {
        out.push_str(&format!("| message header | {} |\n", cell_code(h)));
    }
    if let Some(clean) = &layout.code_clean {
        let mut steps = Vec::new();
        if let Some(sep) = &clean.after_last {
            steps.push(format!("after the last {}", cell_code(sep)));
        }
        if let Some(sep) = &clean.before_first {
            steps.push(format!("before the first {}", cell_code(sep)));
        }
        out.push_str(&format!(
            "\nThe code read is the text {}.\n",
            steps.join(", then ")
        ));
    }
    out
}

fn examples(model: &Model, list: &[Example], level: &str) -> String {
    if list.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n{level} Example{}\n",
        if list.len() == 1 { "" } else { "s" }
    );
    for ex in list {
        out.push('\n');
        let mut label = Vec::new();
        if let Some(t) = &ex.title {
            label.push(format!("**{}**", text::plain(t)));
        }
        if let Some(s) = ex.status {
            label.push(format!("(HTTP {s})"));
        }
        if !label.is_empty() {
            out.push_str(&format!("{}\n\n", label.join(" ")));
        }
        if let Some(intro) = &ex.intro {
            out.push_str(&format!("{}\n\n", prose(model, intro, 4)));
        }
        match &ex.body {
            serde_json::Value::String(xml) if model.body_is_xml() => {
                out.push_str(&text::fenced("xml", xml));
            }
            body => out.push_str(&text::fenced("json", &json(body))),
        }
        if let Some(d) = &ex.description {
            out.push_str(&format!("\n{}\n", prose(model, d, 4)));
        }
    }
    out
}

/// Pretty JSON as documented (key order kept).
pub fn json(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).expect(errcat_catalog::diag::OWN_JSON)
}
