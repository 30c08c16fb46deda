//! The docs emitter: markdown reference pages rendered with askama templates from
//! `codegen/templates/`, laid out for mdBook (`generated/book.toml`, `docs/SUMMARY.md`).
//!
//! All catalog text is escaped here (see [`crate::text`]) before it reaches a template, so the
//! templates only arrange it.

use askama::Template;

use crate::catalog::{Example, Header};
use crate::emit::rust::generated_line;
use crate::model::{CodeModel, Model};
use crate::text;

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
    codes: Vec<CodeView>,
    notes: Vec<NoteView>,
}

struct CodeView {
    code: String,
    anchor_id: String,
    anchor_href: String,
    status: String,
    category: String,
    summary: String,
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
}

/// File name of a catalog's page inside the docs folder.
pub fn page_name(model: &Model) -> String {
    format!("{}.md", model.catalog.name)
}

/// The reference page of `model`.
pub fn page(model: &Model, command: &str) -> String {
    let c = &model.catalog;
    let page = Page {
        generated: generated_line(command, &model.source_path),
        title: format!("{} errors", text::plain(&c.title)),
        description: c.description.as_deref().map(text::markdown),
        source: c.source.as_deref().map(|s| {
            if s.starts_with("https://") || s.starts_with("http://") {
                format!("<{}>", s.replace('>', "%3E").replace(' ', "%20"))
            } else {
                text::markdown(s)
            }
        }),
        crate_name: model.crate_name.clone(),
        lib_name: model.lib_name.clone(),
        source_path: model.source_path.clone(),
        version: model.version.clone(),
        changelog: model.changelog.clone(),
        code_is_status: model.code_is_status(),
        envelope: c.envelope.as_ref().map(|e| {
            let mut out = String::new();
            if let Some(d) = &e.description {
                out.push_str(&format!("\n{}\n", text::markdown(d)));
            }
            if !e.fields.is_empty() {
                out.push_str("\n| Field | Type | Description |\n|---|---|---|\n");
                for f in &e.fields {
                    let ty = f.ty.as_deref().map(text::cell).unwrap_or_default();
                    out.push_str(&format!(
                        "| {} | {ty} | {} |\n",
                        cell_code(&f.name),
                        text::cell(&f.description)
                    ));
                }
            }
            if let Some(layout) = &e.layout {
                out.push_str(&layout_section(model, layout));
            }
            out.push_str(&examples(&e.examples, "###"));
            out.trim_end().to_owned()
        }),
        categories: categories(model),
        codes: model
            .codes
            .iter()
            .map(|code| code_view(model, code))
            .collect(),
        notes: c
            .notes
            .iter()
            .map(|n| NoteView {
                title: text::plain(&n.title),
                body: text::markdown(n.body.trim_end()),
            })
            .collect(),
    };
    render(&page)
}

/// The index page listing every catalog, and mdBook's summary.
pub fn index(models: &[Model], command: &str) -> (String, String) {
    let entries: Vec<IndexEntry> = models
        .iter()
        .map(|m| IndexEntry {
            title: text::cell(&m.catalog.title),
            page: page_name(m),
            count: m.codes.len(),
            crate_name: m.crate_name.clone(),
        })
        .collect();
    let generated = generated_line(command, "catalog/");
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

/// mdBook's configuration, so `mdbook build generated` publishes the pages as they are.
pub fn book_toml(command: &str) -> String {
    format!(
        "# {}\n[book]\ntitle = \"Error reference\"\nsrc = \"docs\"\n",
        generated_line(command, "catalog/")
    )
}

fn render(t: &impl Template) -> String {
    match t.render() {
        Ok(s) => {
            let mut s = s.trim_end().to_owned();
            s.push('\n');
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

fn cell_code(s: &str) -> String {
    text::code_span(s).replace('|', "\\|")
}

fn code_view(model: &Model, code: &CodeModel) -> CodeView {
    let e = &code.entry;
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

    let mut body = format!("**{}**\n\n", text::plain(&e.message));
    let mut facts = Vec::new();
    facts.push(format!(
        "HTTP status: {}",
        e.status
            .map_or_else(|| "not documented".to_owned(), |s| s.to_string())
    ));
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
            text::markdown(&d.note).replace('\n', " ")
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
    facts.extend(crate::emit::rust::versions(code));
    for f in facts {
        body.push_str(&format!("- {f}\n"));
    }
    if let Some(d) = &e.description {
        body.push_str(&format!("\n{}\n", text::markdown(d)));
    }
    if let Some(w) = &e.when {
        body.push_str(&format!("\n**When:** {}\n", text::markdown(w)));
    }
    if let Some(a) = &e.action {
        body.push_str(&format!("\n**Action:** {}\n", text::markdown(a)));
    }
    if !e.cases.is_empty() {
        body.push_str("\n#### Cases\n");
        for case in &e.cases {
            body.push_str(&format!(
                "\n**{}**\n\n{}\n",
                text::plain(&case.title),
                text::markdown(&case.description)
            ));
        }
    }
    if !e.causes.is_empty() {
        body.push_str(&format!("\n#### Causes\n\n{}", bullets(&e.causes)));
    }
    if !e.fixes.is_empty() {
        body.push_str(&format!("\n#### How to fix\n\n{}", bullets(&e.fixes)));
    }
    body.push_str(&examples(&e.examples, "####"));
    if !e.headers.is_empty() {
        body.push_str(&format!(
            "\n#### Response headers\n\n{}",
            headers(&e.headers)
        ));
    }
    if !e.notes.is_empty() {
        body.push_str("\n#### Notes\n");
        for n in &e.notes {
            body.push_str(&format!("\n{}\n", text::markdown(n)));
        }
    }

    CodeView {
        code: cell_code(&code.wire),
        anchor_id: text::html_attr(&code.anchor),
        anchor_href: href(&code.anchor),
        status: e
            .status
            .map(|s| s.to_string())
            .unwrap_or_else(|| "—".to_owned()),
        category: category.map(|c| cell_code(&c.id)).unwrap_or_default(),
        summary: text::plain(&e.message),
        heading,
        body: body.trim_end().to_owned(),
    }
}

/// A fragment link to `anchor`, percent-encoding what a URL fragment cannot hold.
fn href(anchor: &str) -> String {
    text::url_component(anchor)
}

fn bullets(items: &[String]) -> String {
    items
        .iter()
        .map(|item| {
            format!(
                "- {}\n",
                text::markdown(item.trim_end()).replace('\n', "\n  ")
            )
        })
        .collect()
}

fn headers(list: &[Header]) -> String {
    let mut out = String::from("| Header | Example | Description |\n|---|---|---|\n");
    for h in list {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            cell_code(&h.name),
            h.example.as_deref().map(cell_code).unwrap_or_default(),
            h.description.as_deref().map(text::cell).unwrap_or_default(),
        ));
    }
    out
}

/// Where the generated `ApiError` reads each part of the body, and how to call it.
fn layout_section(model: &Model, layout: &crate::catalog::Layout) -> String {
    let layout = layout.resolved();
    let mut out = String::from("\n### Reading it in Rust\n\n");
    out.push_str(&format!(
        "With the `json` feature, `{}::ApiError` reads and writes this body{}.\n\n",
        model.lib_name,
        match &layout.errors {
            Some(p) => format!(
                ", a list of errors at {}; the pointers below but the request id's are inside each error",
                cell_code(p)
            ),
            None => String::new(),
        }
    ));
    out.push_str("| Part | JSON pointer |\n|---|---|\n");
    let code_part = if model.code_is_status() {
        "HTTP status (the code)"
    } else {
        "code"
    };
    let parts = [
        (code_part, &layout.code),
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
    out
}

fn examples(list: &[Example], level: &str) -> String {
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
        out.push_str(&fenced("json", &json(&ex.body)));
        if let Some(d) = &ex.description {
            out.push_str(&format!("\n{}\n", text::markdown(d)));
        }
    }
    out
}

/// Pretty JSON as documented (key order kept).
pub fn json(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn fenced(lang: &str, body: &str) -> String {
    let longest = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}{lang}\n{body}\n{fence}\n")
}
