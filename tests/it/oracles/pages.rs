//! The reference pages against the compiled crates: every page in `generated/docs/` is read
//! as a reader sees it (quick-reference table and one section per code) and compared with the
//! accessors of the crate generated from the same catalog, code by code. The page parser is
//! [`parse_page`]: strict, so a page whose shape it does not recognise fails the test rather
//! than passing with nothing compared. Adapt it (and only it) when the page layout changes.

use std::fs;

use errcat_tests::unescape_html;

use super::{CrateView, crates, markdown_plain};

/// A row of the quick-reference table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub code: String,
    /// The link target, percent-decoded.
    pub href: String,
    pub status: Option<u16>,
    pub category: Option<String>,
    pub summary: String,
}

/// The section of one code.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub anchor: String,
    pub code: String,
    pub deprecated: bool,
    pub message: String,
    /// The `HTTP status` fact: `None` where there is none (a registry that is not an HTTP
    /// API's), `Some(None)` for "not documented".
    pub status: Option<Option<u16>>,
    pub category: Option<String>,
    pub doc_url: Option<String>,
}

/// A reference page, as far as these tests read it.
#[derive(Debug)]
pub struct Page {
    pub table: Vec<TableRow>,
    pub sections: Vec<Section>,
}

/// Reads a page: the table after `## Quick reference` and the sections after `## Codes`, each
/// `<a id="…"></a>`, `### <code span>[ — title][ (deprecated)]`, `**message**` and a list of
/// facts (`HTTP status`, `Category`, `Documentation`). Anything else in that shape is an error.
pub fn parse_page(text: &str) -> Result<Page, String> {
    let lines: Vec<&str> = text.lines().collect();
    let find = |from: usize, line: &str| -> Result<usize, String> {
        (from..lines.len())
            .find(|&i| lines[i] == line)
            .ok_or_else(|| format!("no line `{line}` after line {}", from + 1))
    };

    // The quick-reference table.
    let quick = find(0, "## Quick reference")?;
    let expect = |i: usize, want: &str| -> Result<(), String> {
        match lines.get(i) {
            Some(l) if *l == want => Ok(()),
            other => Err(format!(
                "line {}: expected `{want}`, found {other:?}",
                i + 1
            )),
        }
    };
    expect(quick + 1, "")?;
    // `| Code | [HTTP |] [Category |] Summary |`: a column the catalog has no value for is
    // left out.
    let header = lines.get(quick + 2).copied().unwrap_or_default();
    let columns = split_cells(header).map_err(|e| format!("line {}: {e}", quick + 3))?;
    let known = ["Code", "HTTP", "Category", "Summary"];
    let mut expected: Vec<&str> = known.to_vec();
    expected.retain(|c| columns.iter().any(|have| have == c));
    if columns.first().map(String::as_str) != Some("Code")
        || columns.last().map(String::as_str) != Some("Summary")
        || columns != expected
    {
        return Err(format!(
            "line {}: the quick reference's columns are {columns:?}, not a subset of {known:?} in order",
            quick + 3
        ));
    }
    expect(quick + 3, &format!("|{}", "---|".repeat(columns.len())))?;
    let mut table = Vec::new();
    let mut i = quick + 4;
    while let Some(line) = lines.get(i).filter(|l| !l.is_empty()) {
        table.push(table_row(line, &columns).map_err(|e| format!("line {}: {e}: {line}", i + 1))?);
        i += 1;
    }

    // The sections: each from its anchor to the next (page-level notes after the last
    // section are read as part of it, after its facts, and ignored).
    let codes = find(i, "## Codes")?;
    let mut starts = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for (j, line) in lines.iter().enumerate().skip(codes + 1) {
        // Code blocks (also those opened inside a list item) may hold anything.
        let t = line.trim_start();
        let t = t
            .strip_prefix("- ")
            .or_else(|| t.strip_prefix("* "))
            .map_or(t, str::trim_start);
        let run = |c: char| t.chars().take_while(|x| *x == c).count();
        if let Some((c, n)) = fence {
            if run(c) >= n && t.chars().all(|x| x == c) {
                fence = None;
            }
            continue;
        }
        if let Some(c) = ['`', '~'].into_iter().find(|&c| run(c) >= 3) {
            fence = Some((c, run(c)));
            continue;
        }
        // A section opens with its anchor, a blank line and its heading.
        if line.starts_with("<a id=\"")
            && lines.get(j + 1) == Some(&"")
            && lines.get(j + 2).is_some_and(|l| l.starts_with("### "))
        {
            starts.push(j);
        }
    }
    if fence.is_some() {
        return Err("a code block is never closed".to_owned());
    }
    let mut sections = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let stop = starts.get(k + 1).copied().unwrap_or(lines.len());
        sections.push(
            section(&lines[start..stop])
                .map_err(|e| format!("section at line {}: {e}", start + 1))?,
        );
    }
    Ok(Page { table, sections })
}

/// `| [code](#href) | status | category | summary |`, with the page's `columns`.
fn table_row(line: &str, columns: &[String]) -> Result<TableRow, String> {
    let cells = split_cells(line)?;
    if cells.len() != columns.len() {
        return Err(format!("{} cells, not {}", cells.len(), columns.len()));
    }
    let cell = |name: &str| {
        columns
            .iter()
            .position(|c| c == name)
            .map_or("", |i| cells[i].as_str())
    };
    let (code, category, summary) = (cell("Code"), cell("Category"), cell("Summary"));
    let status = match cell("HTTP") {
        "" => "—",
        s => s,
    };
    let link = code
        .strip_prefix('[')
        .and_then(|c| c.strip_suffix(')'))
        .ok_or("the code cell is not a link")?;
    let (span, href) = link
        .rsplit_once("](#")
        .ok_or("the code cell is not a fragment link")?;
    Ok(TableRow {
        code: code_span(&span.replace("\\|", "|"))?,
        href: percent_decode(href),
        status: status_cell(status)?,
        category: match category {
            "" => None,
            c => Some(code_span(&c.replace("\\|", "|"))?),
        },
        summary: markdown_plain(summary),
    })
}

/// The cells of a table row, trimmed, split at every `|` that is not escaped.
fn split_cells(line: &str) -> Result<Vec<String>, String> {
    let inner = line
        .strip_prefix('|')
        .and_then(|l| l.strip_suffix('|'))
        .ok_or("not a table row")?;
    let mut cells = vec![String::new()];
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let cell = cells.last_mut().unwrap();
                cell.push('\\');
                cell.extend(chars.next());
            }
            '|' => cells.push(String::new()),
            c => cells.last_mut().unwrap().push(c),
        }
    }
    Ok(cells.into_iter().map(|c| c.trim().to_owned()).collect())
}

fn status_cell(s: &str) -> Result<Option<u16>, String> {
    match s {
        "—" => Ok(None),
        s => s
            .parse()
            .map(Some)
            .map_err(|_| format!("`{s}` is not a status")),
    }
}

/// One code's section: from its anchor line to the next anchor.
fn section(lines: &[&str]) -> Result<Section, String> {
    let anchor = lines[0]
        .strip_prefix("<a id=\"")
        .and_then(|l| l.strip_suffix("\"></a>"))
        .ok_or("not an anchor line")?;
    if lines.get(1) != Some(&"") {
        return Err("no blank line after the anchor".to_owned());
    }
    let heading = lines
        .get(2)
        .and_then(|l| l.strip_prefix("### "))
        .ok_or("no `### ` heading after the anchor")?;
    let (code, rest) = leading_code_span(heading)?;
    if lines.get(3) != Some(&"") {
        return Err("no blank line after the heading".to_owned());
    }
    let message = lines
        .get(4)
        .and_then(|l| l.strip_prefix("**"))
        .and_then(|l| l.strip_suffix("**"))
        .ok_or("no `**message**` line after the heading")?;
    if lines.get(5) != Some(&"") {
        return Err("no blank line after the message".to_owned());
    }
    let (mut status, mut category, mut doc_url) = (None, None, None);
    for fact in lines[6..].iter().take_while(|l| !l.is_empty()) {
        let fact = fact.strip_prefix("- ").ok_or("the facts are not a list")?;
        if let Some(s) = fact.strip_prefix("HTTP status: ") {
            status = Some(match s {
                "not documented" => None,
                s => Some(s.parse::<u16>().map_err(|_| format!("status `{s}`"))?),
            });
        } else if let Some(c) = fact.strip_prefix("Category: ") {
            category = Some(code_span(c)?);
        } else if let Some(u) = fact.strip_prefix("Documentation: ") {
            let url = u
                .strip_prefix('<')
                .and_then(|u| u.strip_suffix('>'))
                .ok_or("the documentation link is not an autolink")?;
            doc_url = Some(url.to_owned());
        }
    }
    Ok(Section {
        anchor: unescape_html(anchor),
        code,
        // A retired code is deprecated too.
        deprecated: rest.ends_with(" (deprecated)") || rest.ends_with(" (retired)"),
        message: markdown_plain(message),
        status,
        category,
        doc_url,
    })
}

/// The text of a whole code span.
fn code_span(s: &str) -> Result<String, String> {
    match leading_code_span(s)? {
        (text, "") => Ok(text),
        (_, rest) => Err(format!("text after the code span: {rest:?}")),
    }
}

/// A code span at the start of `s` (CommonMark: a run of n backticks closed by the next run
/// of exactly n; one space stripped from both ends if both are spaces), and what follows it.
fn leading_code_span(s: &str) -> Result<(String, &str), String> {
    let n = s.bytes().take_while(|&b| b == b'`').count();
    if n == 0 {
        return Err(format!("not a code span: {s:?}"));
    }
    let fence = &s[..n];
    let mut from = n;
    loop {
        let at = from
            + s[from..]
                .find(fence)
                .ok_or_else(|| format!("unclosed code span: {s:?}"))?;
        let run = s[at..].bytes().take_while(|&b| b == b'`').count();
        if run == n {
            let inner = &s[n..at];
            let inner = match inner.strip_prefix(' ').and_then(|i| i.strip_suffix(' ')) {
                Some(stripped) if !inner.trim().is_empty() => stripped,
                _ => inner,
            };
            return Ok((inner.to_owned(), &s[at + n..]));
        }
        from = at + run;
    }
}

/// `%XX` decoded (bytes, then UTF-8).
pub fn percent_decode(s: &str) -> String {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let hex = s
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).expect("a fragment decodes to UTF-8")
}

/// The pages that hold a catalog's codes: its page, or for a catalog split across pages,
/// every part page (not the changelog).
fn code_pages(name: &str) -> Vec<(String, String)> {
    let mut pages = errcat_tests::catalog_pages(&format!("{name}.md"));
    if pages[0].1.lines().any(|l| l == "## Quick reference") {
        pages.truncate(1);
    } else {
        pages.retain(|(file, _)| {
            file.starts_with(&format!("{name}/")) && !file.ends_with("/changelog.md")
        });
        assert!(
            !pages.is_empty(),
            "{name}.md has no quick reference and no part pages"
        );
    }
    pages
}

fn check(view: &CrateView) -> usize {
    let name = view.catalog;
    let (mut rows, mut sections) = (Vec::new(), Vec::new());
    for (file, text) in code_pages(name) {
        let page = parse_page(&text)
            .unwrap_or_else(|e| panic!("{file}: the page's shape is not recognised: {e}"));
        rows.extend(page.table.into_iter().map(|r| (file.clone(), r)));
        sections.extend(page.sections.into_iter().map(|s| (file.clone(), s)));
    }
    assert_eq!(rows.len(), view.codes.len(), "{name}: quick-reference rows");
    assert_eq!(sections.len(), view.codes.len(), "{name}: code sections");
    let mut compared = 0;
    for code in &view.codes {
        let wire = code.wire;
        let at = format!("{name}, code {wire}");
        let (file, row) = rows
            .iter()
            .find(|(_, r)| r.code == wire)
            .unwrap_or_else(|| panic!("{at}: no quick-reference row"));
        let section = sections
            .iter()
            .find(|(f, s)| f == file && s.code == wire)
            .map(|(_, s)| s)
            .unwrap_or_else(|| panic!("{at}: no section on {file}, beside its row"));
        assert_eq!(row.status, code.status, "{at}: quick-reference HTTP status");
        assert_eq!(
            row.category.as_deref(),
            code.category,
            "{at}: quick-reference category"
        );
        assert_eq!(row.summary, code.message, "{at}: quick-reference summary");
        assert_eq!(
            row.href, section.anchor,
            "{at}: the quick-reference link misses the section"
        );

        assert_eq!(section.code, wire, "{at}: section heading");
        assert_eq!(
            section.status,
            view.status_api.then_some(code.status),
            "{at}: section HTTP status (a line exactly where the crate has the status API)"
        );
        assert_eq!(
            section.category.as_deref(),
            code.category,
            "{at}: section category"
        );
        assert_eq!(section.message, code.message, "{at}: section message");
        assert_eq!(
            section.deprecated, code.deprecated,
            "{at}: section deprecation"
        );
        let shown_url = code
            .doc_url
            .map(|u| u.replace('>', "%3E").replace(' ', "%20"));
        assert_eq!(
            section.doc_url, shown_url,
            "{at}: section documentation link"
        );
        // The anchor is the code, or the fragment of the code's documentation URL.
        let fragment = code
            .doc_url
            .and_then(|u| u.split_once('#'))
            .map(|(_, f)| percent_decode(f));
        assert!(
            section.anchor == wire || fragment.as_deref() == Some(section.anchor.as_str()),
            "{at}: anchor `{}` is neither the code nor its URL's fragment {fragment:?}",
            section.anchor
        );
        compared += 1;
    }
    compared
}

/// Every page, code by code, against its crate.
#[test]
fn pages_agree_with_crates() {
    for view in crates() {
        let compared = check(&view);
        assert_eq!(
            compared,
            view.codes.len(),
            "{}: codes compared",
            view.catalog
        );
    }
}

#[test]
fn the_page_parser_reads_what_the_emitter_writes_for_awkward_text() {
    // The edge fixture: backticks, pipes, markup and a deprecated code.
    let model = errcat_tests::edge_model();
    let page = errcat_codegen::Generator::new()
        .command("test")
        .page(&model);
    let page = parse_page(&page).unwrap_or_else(|e| panic!("{e}\n{page}"));
    let codes: Vec<&str> = page.sections.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ["type", "self", "404", "0100C", "old_code"]);
    // The quick reference is sorted by code; its rows are found by code.
    let row = |code: &str| page.table.iter().find(|r| r.code == code).unwrap();
    let mut sorted: Vec<&str> = page.table.iter().map(|r| r.code.as_str()).collect();
    sorted.sort();
    assert_eq!(
        page.table
            .iter()
            .map(|r| r.code.as_str())
            .collect::<Vec<_>>(),
        sorted
    );
    assert_eq!(row("404").summary, "Not found <Dial>");
    assert_eq!(page.sections[2].message, "Not found <Dial>");
    assert_eq!(
        page.sections[0].message,
        "A message with {} and {0} and */ and #[attr]"
    );
    assert_eq!(page.sections[3].status, Some(None));
    assert_eq!(row("0100C").status, None);
    assert!(page.sections[4].deprecated);
    assert_eq!(row("self").category.as_deref(), Some("client"));
}

#[test]
fn the_page_parser_fails_loudly_on_an_unknown_shape() {
    let text = fs::read_to_string(errcat_tests::root().join("generated/docs/dataxid.md")).unwrap();
    for broken in [
        text.replace("## Quick reference", "## Summary table"),
        text.replace(
            "| Code | HTTP | Category | Summary |",
            "| Code | Status | Summary |",
        ),
        text.replace("- HTTP status: 4", "- HTTP status: x4"),
        text.replace("\n**", "\n__"),
        text.replace("### `", "### "),
    ] {
        assert!(
            parse_page(&broken).is_err(),
            "a changed page was read without complaint"
        );
    }
}
