//! Catalog markdown made inert for rustdoc: brackets escaped (no intra-doc links), bare URLs
//! made autolinks, code blocks marked `text` (no doctests), no indented code blocks.

use super::{
    Block, blocks, fence_lines, heading_level, list_marker, normalize, pieces, replace_chars,
};

/// Prose lines with indentation removed, except where it places a line inside a list item
/// (a nested list, an item's continuation): there it is kept up to the item's content column,
/// never beyond, so no line can become an indented code block (a doctest, in rustdoc).
fn unindented(lines: &[&str]) -> Vec<String> {
    let mut open: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let body = line.trim_start();
        if body.is_empty() {
            out.push(String::new());
            continue;
        }
        let indent = line.len() - body.len();
        while open.last().is_some_and(|&column| indent < column) {
            open.pop();
        }
        let keep = indent.min(open.last().copied().unwrap_or(0));
        out.push(format!("{}{body}", " ".repeat(keep)));
        if let Some(marker) = list_marker(body) {
            open.push(keep + marker);
        }
    }
    out
}

/// Markdown for rustdoc: as [`markdown`](super::markdown), plus brackets escaped, bare URLs made autolinks,
/// code blocks marked `text` (whatever their language, so none is compiled as a doctest or
/// has attributes rustdoc rejects), and indentation removed from prose so nothing becomes an
/// indented code block.
pub fn rustdoc(s: &str) -> String {
    let text = normalize(s);
    let mut out: Vec<String> = Vec::new();
    for block in blocks(&text) {
        match block {
            Block::Prose(lines) => {
                let joined = unindented(&lines).join("\n");
                out.push(
                    pieces(&joined)
                        .into_iter()
                        .map(|(code, p)| if code { p.to_owned() } else { rustdoc_prose(p) })
                        .collect(),
                );
            }
            Block::Fence { body, .. } => {
                let longest = body
                    .iter()
                    .flat_map(|l| l.split(|c| c != '`'))
                    .map(str::len)
                    .max()
                    .unwrap_or(0);
                let fence = "`".repeat(longest.max(2) + 1);
                out.push(format!("{fence}text"));
                out.extend(body.iter().map(|l| l.to_string()));
                out.push(fence);
            }
        }
    }
    out.join("\n")
}

/// Markdown for the rustdoc of an item that sits inside a page of its own (an enum
/// variant), as [`rustdoc`], with headings made bold paragraphs: a vendor's `## Title` would
/// otherwise add a section to the enum's page, above the variants that follow.
pub fn rustdoc_item(s: &str) -> String {
    let text = normalize(s);
    let mut out: Vec<String> = Vec::new();
    for block in blocks(&text) {
        match block {
            Block::Prose(lines) => {
                for line in lines {
                    if heading_level(line).is_none() {
                        out.push(line.to_owned());
                        continue;
                    }
                    let title = line.trim().trim_start_matches('#').trim();
                    // A closing sequence (`## Title ##`) is not part of the title.
                    let title = match title.trim_end_matches('#') {
                        t if t.is_empty() || t.ends_with([' ', '\t']) => t.trim_end(),
                        _ => title,
                    };
                    if !title.is_empty() {
                        out.push(format!("**{title}**"));
                    }
                }
            }
            Block::Fence { open, body, close } => out.extend(fence_lines(open, &body, close)),
        }
    }
    rustdoc(&out.join("\n"))
}

/// Prose for rustdoc: inline links to web addresses (`[docs](https://…)`) kept as links,
/// everything else made inert (see [`inert`]).
fn rustdoc_prose(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    while let Some((start, label, dest, end)) = next_web_link(rest) {
        out.push_str(&inert(&rest[..start]));
        out.push_str(&format!("[{}]({dest})", inert(label)));
        rest = &rest[end..];
    }
    out.push_str(&inert(rest));
    out
}

/// The first inline link in `p` whose target is an `http(s):` or `mailto:` address, with no
/// brackets in its label and no title: (its start, label, target, its end). Images and
/// escaped brackets are not links.
fn next_web_link(p: &str) -> Option<(usize, &str, &str, usize)> {
    let mut from = 0;
    while let Some(mid) = p[from..].find("](").map(|m| from + m) {
        from = mid + 2;
        let Some(open) = p[..mid].rfind('[') else {
            continue;
        };
        let label = &p[open + 1..mid];
        let Some(close) = p[mid + 2..].find(')').map(|c| mid + 2 + c) else {
            continue;
        };
        let dest = &p[mid + 2..close];
        let lower = dest.to_ascii_lowercase();
        let web = ["https://", "http://", "mailto:"]
            .iter()
            .any(|s| lower.starts_with(s) && lower.len() > s.len());
        let plain_label = !label.contains([']', '\n']) && !label.trim().is_empty();
        let escaped = p[..open].ends_with('\\') || p[..open].ends_with('!');
        if web
            && plain_label
            && !escaped
            && !dest.contains(|c: char| c.is_whitespace() || matches!(c, '(' | '<' | '>'))
        {
            return Some((open, label, dest, close + 1));
        }
    }
    None
}

/// Prose made inert for rustdoc: `&`, `<`, `>` as entities, brackets escaped (no intra-doc
/// link), bare URLs as autolinks.
fn inert(p: &str) -> String {
    let escape = |t: &str| {
        replace_chars(t, |c| match c {
            '&' => Some("&amp;"),
            '<' => Some("&lt;"),
            '>' => Some("&gt;"),
            '[' => Some("\\["),
            ']' => Some("\\]"),
            _ => None,
        })
    };
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    while let Some(at) = find_url(rest) {
        out.push_str(&escape(&rest[..at]));
        let url_len = rest[at..]
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | '"' | '\'' | '<' | '>' | '\\'))
            .unwrap_or(rest.len() - at);
        let mut url = &rest[at..at + url_len];
        while url.ends_with(['.', ',', ';', ':', '!', '?']) {
            url = &url[..url.len() - 1];
        }
        out.push('<');
        out.push_str(url);
        out.push('>');
        rest = &rest[at + url.len()..];
    }
    out.push_str(&escape(rest));
    out
}

fn find_url(s: &str) -> Option<usize> {
    match (s.find("https://"), s.find("http://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// One line of catalog text (a message, a note) for rustdoc: inline markdown, as the page
/// shows it. Code spans, emphasis and links to web addresses are kept; the rest is made inert
/// as in [`rustdoc`] (brackets escaped, `<` and `&` as entities, each `http(s)://` address an
/// autolink, which the `bare_urls` lint asks for). Line breaks become spaces, so nothing in
/// it can start a block.
pub fn plain_rustdoc(s: &str) -> String {
    let one = normalize(s).replace('\n', " ");
    pieces(&one)
        .into_iter()
        .map(|(code, p)| if code { p.to_owned() } else { rustdoc_prose(p) })
        .collect()
}
