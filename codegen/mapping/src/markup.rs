//! Vendor text written in HTML (`markup: html`) as catalog markdown: paragraphs, emphasis,
//! code spans, lists (nested ones too) and links kept; entities decoded; every other tag
//! dropped with its text kept, so no raw HTML is left.
//!
//! The conversion is [htmd]'s, a converter modelled on turndown that builds on html5ever's
//! parser: pure Rust, maintained, Apache-2.0, and deterministic (the same HTML always gives the
//! same text). Of the others, `html2md` is GPL-licensed, `fast_html2md` is still a 0.0
//! release, and `mdka` brings a CSS selector engine (scraper, selectors, cssparser) that this
//! has no use for.
//!
//! Around the conversion:
//!
//! - before it, on the parsed tree: each link's target is made absolute against the mapping's
//!   `links_base` (an absolute target is kept as it is; a relative one without a base is a
//!   problem, reported at the entry: a link to nowhere would be silently wrong); `<script>`,
//!   `<style>` and `<template>` are dropped with their content, an image is its `alt` text, and
//!   a list item that is one paragraph loses the paragraph, so the list stays tight
//!   (`- one`, not items separated by blank lines);
//! - after it, in prose: `\<` loses its backslash (pages and rustdoc neutralise `<`
//!   themselves, and in a message a kept backslash would show; `\>` keeps it, since a `>`
//!   starting a line would open a quote), and backticks the vendor typed in the HTML's
//!   text (`` Specify `true` ``, which the converter escapes to `` \`true\` ``) pair up into
//!   code spans again, as the vendor meant.
//!
//! [htmd]: https://crates.io/crates/htmd

use std::rc::Rc;
use std::sync::LazyLock;

use htmd::HtmlToMarkdown;
use htmd::element_handler::Handlers;
use htmd::options::{BulletListMarker, CodeBlockFence, CodeBlockStyle, HeadingStyle, Options};
use markup5ever_rcdom::{Node, NodeData};

use errcat_catalog::diag::Diagnostic;

/// The converter, built once: its options and the handlers for images and dropped tags.
static CONVERTER: LazyLock<HtmlToMarkdown> = LazyLock::new(|| {
    HtmlToMarkdown::builder()
        .options(Options {
            heading_style: HeadingStyle::Atx,
            code_block_style: CodeBlockStyle::Fenced,
            code_block_fence: CodeBlockFence::Backticks,
            bullet_list_marker: BulletListMarker::Dash,
            ul_bullet_spacing: 1,
            ol_number_spacing: 1,
            ..Options::default()
        })
        .skip_tags(vec!["script", "style", "template", "head"])
        .add_handler(vec!["img"], |_: &dyn Handlers, img: htmd::Element| {
            img.attrs
                .iter()
                .find(|a| &*a.name.local == "alt")
                .map(|a| a.value.to_string().into())
        })
        .build()
});

/// A problem with the mapping's `links_base`: it must be an absolute `http(s)` address.
pub(super) fn check_base(base: Option<&str>) -> Option<Diagnostic> {
    let base = base?;
    let lower = base.to_ascii_lowercase();
    let host = ["https://", "http://"]
        .into_iter()
        .find_map(|scheme| lower.strip_prefix(scheme))
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .filter(|host| !host.is_empty());
    (host.is_none() || base.contains(char::is_whitespace)).then(|| {
        Diagnostic::at(
            "/links_base",
            format!("`links_base` is `{base}`, which is not an absolute http(s) address"),
        )
        .hint("give the address the vendor's documentation pages are at, e.g. `https://docs.example.com/api/`")
    })
}

/// `html` as markdown, links made absolute against `links_base`; an error names the first
/// relative link when there is no base.
pub(super) fn to_markdown(html: &str, links_base: Option<&str>) -> Result<String, String> {
    let tree = CONVERTER
        .html_to_tree(html)
        .map_err(|e| format!("cannot be read as HTML ({e})"))?;
    let mut relative = Vec::new();
    if !prepare(&tree, links_base, &mut relative, 0) {
        return Err(format!(
            "nests elements more than {MAX_DEPTH} deep, which no documentation text does"
        ));
    }
    if let Some(first) = relative.first() {
        let more = match relative.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        return Err(format!(
            "links to `{first}`{more}, a relative address, and the mapping has no `links_base` to make it absolute"
        ));
    }
    Ok(tidy(&CONVERTER.tree_to_markdown(&tree)))
}

/// How deep elements may nest: the conversion recurses once per level.
const MAX_DEPTH: usize = 256;

/// Walks the tree below `node` (at `depth`): link targets fitted (relative ones without a
/// base added to `relative`), list items of one paragraph unwrapped. `false` when the tree is
/// deeper than [`MAX_DEPTH`].
fn prepare(node: &Rc<Node>, base: Option<&str>, relative: &mut Vec<String>, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    if let NodeData::Element { name, attrs, .. } = &node.data {
        match &*name.local {
            "a" => {
                let mut attrs = attrs.borrow_mut();
                let mut drop_href = false;
                for attr in attrs.iter_mut().filter(|a| &*a.name.local == "href") {
                    let href = attr.value.trim();
                    if href.is_empty() {
                        drop_href = true;
                    } else if let Some(url) = absolute(href, base) {
                        attr.value = url.as_str().into();
                    } else {
                        relative.push(href.to_owned());
                    }
                }
                // An empty target links nowhere: the text stays, as for `<a>` without one.
                if drop_href {
                    attrs.retain(|a| &*a.name.local != "href");
                }
            }
            "li" => unwrap_single_paragraph(node),
            _ => {}
        }
    }
    let children: Vec<Rc<Node>> = node.children.borrow().clone();
    children
        .iter()
        .all(|child| prepare(child, base, relative, depth + 1))
}

/// A list item whose content is one `<p>` (and lists nested after it) holds the paragraph's
/// children instead, so the list stays tight.
fn unwrap_single_paragraph(li: &Rc<Node>) {
    let children = li.children.borrow().clone();
    let mut paragraphs = Vec::new();
    for child in children.iter().filter(|c| !is_blank_text(c)) {
        match tag(child) {
            Some("p") => paragraphs.push(child),
            Some("ul" | "ol") => {}
            _ => return,
        }
    }
    let [p] = paragraphs[..] else {
        return;
    };
    let p = Rc::clone(p);
    // Taken out of the paragraph, not copied: dropping a node empties the children of all
    // its descendants (rcdom's `Drop`), which would empty the moved ones too.
    let inner = std::mem::take(&mut *p.children.borrow_mut());
    for child in &inner {
        child.parent.set(Some(Rc::downgrade(li)));
    }
    let mut unwrapped = Vec::with_capacity(children.len() + inner.len());
    for child in children {
        if Rc::ptr_eq(&child, &p) {
            unwrapped.extend(inner.iter().cloned());
        } else {
            unwrapped.push(child);
        }
    }
    *li.children.borrow_mut() = unwrapped;
}

/// The tag name of an element node.
fn tag(node: &Rc<Node>) -> Option<&str> {
    match &node.data {
        NodeData::Element { name, .. } => Some(&name.local),
        _ => None,
    }
}

fn is_blank_text(node: &Rc<Node>) -> bool {
    matches!(&node.data, NodeData::Text { contents } if contents.borrow().trim().is_empty())
}

/// `href` as an absolute URL: kept when it has a scheme (`https:`, `mailto:`), else resolved
/// against `base` as a browser would (RFC 3986, section 5.2); `None` when it is relative and
/// there is no base.
pub(super) fn absolute(href: &str, base: Option<&str>) -> Option<String> {
    if scheme_len(href).is_some() {
        return Some(href.to_owned());
    }
    let base = base?;
    let scheme_end = scheme_len(base)?;
    let scheme = &base[..=scheme_end];
    if let Some(rest) = href.strip_prefix("//") {
        return Some(format!("{scheme}//{rest}"));
    }
    // The base's authority (`//host`), path, and query, without its fragment.
    let base = base.split('#').next().unwrap_or(base);
    let after_scheme = &base[scheme_end + 1..];
    let (authority, path_and_query) = match after_scheme.strip_prefix("//") {
        Some(rest) => {
            let end = rest.find(['/', '?']).unwrap_or(rest.len());
            (format!("//{}", &rest[..end]), &rest[end..])
        }
        None => (String::new(), after_scheme),
    };
    let (base_path, base_query) = match path_and_query.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path_and_query, None),
    };
    let prefix = format!("{scheme}{authority}");
    if href.starts_with('#') {
        let query = base_query.map(|q| format!("?{q}")).unwrap_or_default();
        return Some(format!("{prefix}{base_path}{query}{href}"));
    }
    if href.starts_with('?') {
        return Some(format!("{prefix}{base_path}{href}"));
    }
    let (href_path, tail) = href.split_at(href.find(['?', '#']).unwrap_or(href.len()));
    let merged = if href_path.starts_with('/') {
        href_path.to_owned()
    } else {
        let dir = match base_path.rfind('/') {
            Some(at) => &base_path[..=at],
            None => "/",
        };
        format!("{dir}{href_path}")
    };
    Some(format!("{prefix}{}{tail}", remove_dot_segments(&merged)))
}

/// The index of the `:` ending a URL scheme at the start of `s`, if it has one.
fn scheme_len(s: &str) -> Option<usize> {
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    (chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(colon)
}

/// A path's `.` and `..` segments resolved (RFC 3986, section 5.2.4).
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." | ".." => {
                if *segment == ".." && out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

/// The converter's markdown with the escapes undone that the emitters do themselves or that
/// hide what the vendor meant (see the module documentation). Fenced blocks are kept as they
/// are.
fn tidy(markdown: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut prose: Vec<&str> = Vec::new();
    let mut fence: Option<String> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if let Some(open) = &fence {
            out.push(line.to_owned());
            if trimmed.trim_end() == open {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") {
            if !prose.is_empty() {
                out.push(tidy_prose(&prose.join("\n")));
                prose.clear();
            }
            fence = Some(trimmed.chars().take_while(|c| *c == '`').collect());
            out.push(line.to_owned());
            continue;
        }
        prose.push(line);
    }
    if !prose.is_empty() {
        out.push(tidy_prose(&prose.join("\n")));
    }
    out.join("\n").trim().to_owned()
}

/// Prose from the converter, tidied: see [`tidy`].
fn tidy_prose(s: &str) -> String {
    let pieces = errcat_catalog::text::pieces(s);
    // Escaped backticks outside code spans, paired in order; an odd last one stays escaped.
    let escaped: usize = pieces
        .iter()
        .filter(|(code, _)| !code)
        .map(|(_, p)| p.matches("\\`").count())
        .sum();
    let mut spans_left = escaped / 2;
    let mut out = String::with_capacity(s.len());
    let mut span: Option<String> = None;
    for (code, piece) in pieces {
        if code {
            match &mut span {
                Some(buffer) => buffer.push_str(piece),
                None => out.push_str(piece),
            }
            continue;
        }
        let mut chars = piece.chars().peekable();
        while let Some(c) = chars.next() {
            let escaped = match (c, chars.peek()) {
                ('\\', Some(&next)) if next.is_ascii_punctuation() => Some(next),
                _ => None,
            };
            let Some(next) = escaped else {
                match &mut span {
                    Some(buffer) => buffer.push(c),
                    None => out.push(c),
                }
                continue;
            };
            chars.next();
            match (&mut span, next) {
                (Some(buffer), '`') => {
                    out.push_str(&errcat_catalog::text::code_span(buffer));
                    span = None;
                }
                (None, '`') if spans_left > 0 => {
                    spans_left -= 1;
                    span = Some(String::new());
                }
                // Inside a span, text is literal: the escape is dropped.
                (Some(buffer), other) => buffer.push(other),
                (None, '<') => out.push(next),
                (None, other) => {
                    out.push('\\');
                    out.push(other);
                }
            }
        }
    }
    if let Some(buffer) = span {
        // Unreachable when the escapes pair up; kept as text if they do not.
        out.push_str("\\`");
        out.push_str(&buffer);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ByFile;

    fn md(html: &str) -> String {
        to_markdown(html, Some("https://docs.example.com/api/errors.html")).expect("markdown")
    }

    #[test]
    fn an_aws_documentation_string_keeps_its_code_links_and_list() {
        assert_eq!(
            md(
                "<p>The request was denied because the <code>Foo</code> limit was exceeded. See <a href=\"https://docs.aws.amazon.com/x.html\">Limits</a>.</p><ul><li><p>one</p></li><li><p>two</p></li></ul>"
            ),
            "The request was denied because the `Foo` limit was exceeded. See [Limits](https://docs.aws.amazon.com/x.html).\n\n- one\n- two"
        );
    }

    #[test]
    fn paragraphs_emphasis_and_entities() {
        assert_eq!(
            md(
                "<p>First <b>bold</b> <strong>strong</strong> <i>it</i> <em>em</em>.</p><p>a &lt;b&gt; &amp; &quot;c&quot;&nbsp;d &#39;e&#39;</p>"
            ),
            "First **bold** **strong** *it* *em*.\n\na <b> & \"c\"\u{a0}d 'e'"
        );
    }

    #[test]
    fn nested_lists_keep_their_structure() {
        assert_eq!(
            md("<ul><li>a<ul><li>b<ol><li>c</li><li>d</li></ol></li></ul></li><li>e</li></ul>"),
            "- a\n  - b\n    1. c\n    2. d\n- e"
        );
        assert_eq!(
            md("<ul><li><p>two <a href='https://x.example/'>per account</a></p></li></ul>"),
            "- two [per account](https://x.example/)"
        );
        // A paragraph followed by a nested list stays tight too.
        assert_eq!(
            md("<ul><li><p>a</p><ul><li><p>b</p></li></ul></li><li><p>c</p></li></ul>"),
            "- a\n  - b\n- c"
        );
        // An item of several paragraphs stays a loose item.
        assert_eq!(
            md("<ol><li><p>one</p><p>more</p></li><li><p>two</p></li></ol>"),
            "1. one\n\n   more\n\n2. two"
        );
    }

    #[test]
    fn unknown_tags_are_dropped_and_their_text_kept() {
        assert_eq!(
            md(
                "<p>Use <Dial>x</Dial> <span class='y'>z</span> <note>n</note><script>alert(1)</script><style>p{}</style> <img src='i.png' alt='picture'></p>"
            ),
            "Use x z n picture"
        );
    }

    #[test]
    fn html_nested_too_deep_is_an_error_not_a_crash() {
        let deep = format!("{}x", "<span>".repeat(100_000));
        assert_eq!(
            to_markdown(&deep, None),
            Err("nests elements more than 256 deep, which no documentation text does".to_owned())
        );
        let fine = format!("{}x", "<span>".repeat(250));
        assert_eq!(md(&fine), "x");
    }

    #[test]
    fn empty_html_is_empty() {
        for html in ["<p/>", "<p></p>", "  \n ", "<p> </p>", ""] {
            assert_eq!(md(html), "", "{html:?}");
        }
    }

    #[test]
    fn markdown_punctuation_in_text_stays_literal() {
        assert_eq!(md("<p>&gt; not a quote</p>"), "\\> not a quote");
        assert_eq!(
            md("<p>a * b _c_ [d] # e <code>&lt;T&gt; * x</code></p>"),
            "a \\* b \\_c\\_ \\[d\\] # e `<T> * x`"
        );
    }

    #[test]
    fn backticks_typed_in_the_text_are_code_spans() {
        assert_eq!(
            md("<p>Specify `true` or `my_value` for `&lt;Key&gt;`.</p>"),
            "Specify `true` or `my_value` for `<Key>`."
        );
        // A lone one stays an escaped, literal backtick.
        assert_eq!(md("<p>a ` b `c`</p>"), "a ` b `c\\`");
        // Code from `<code>` is untouched.
        assert_eq!(md("<code>a`b</code>"), "``a`b``");
    }

    #[test]
    fn code_blocks_are_fenced_and_verbatim() {
        assert_eq!(
            md("<p>x</p><pre><code>let a = &lt;b&gt;;\n\\`c\\`\n</code></pre>"),
            "x\n\n```\nlet a = <b>;\n\\`c\\`\n```"
        );
    }

    #[test]
    fn relative_links_are_made_absolute_against_the_base() {
        assert_eq!(
            md(
                "<a href='limits.html'>a</a> <a href='/root'>b</a> <a href='../up/x?q=1#f'>c</a> <a href='#frag'>d</a> <a href='//cdn.example/x'>e</a> <a href='mailto:x@example.com'>f</a>"
            ),
            "[a](https://docs.example.com/api/limits.html) [b](https://docs.example.com/root) [c](https://docs.example.com/up/x?q=1#f) [d](https://docs.example.com/api/errors.html#frag) [e](https://cdn.example/x) [f](mailto:x@example.com)"
        );
        // No target, or an empty one: the text stays.
        assert_eq!(md("<a>a</a> <a href=' '>b</a>"), "a b");
    }

    #[test]
    fn a_relative_link_without_a_base_is_an_error() {
        assert_eq!(
            to_markdown("<a href='x.html'>x</a> <a href='/y'>y</a>", None),
            Err("links to `x.html` (and 1 more), a relative address, and the mapping has no `links_base` to make it absolute".to_owned())
        );
        // Absolute links need no base.
        assert_eq!(
            to_markdown("<a href='https://a.example/'>a</a>", None),
            Ok("[a](https://a.example/)".to_owned())
        );
    }

    #[test]
    fn the_base_must_be_an_absolute_web_address() {
        assert!(check_base(None).is_none());
        assert!(check_base(Some("https://docs.example.com/api/")).is_none());
        assert!(check_base(Some("HTTP://h.example")).is_none());
        for bad in [
            "docs.example.com/api",
            "/api/",
            "https:///x",
            "ftp://h.example/",
            "https://h.example/a b",
        ] {
            let d = check_base(Some(bad)).expect(bad);
            assert_eq!(d.pointer.as_deref(), Some("/links_base"));
            assert_eq!(
                d.message,
                format!("`links_base` is `{bad}`, which is not an absolute http(s) address")
            );
        }
    }

    #[test]
    fn a_mapping_reads_html_text_with_its_links_base() {
        use serde_json::json;
        let vendor = json!([
            {"code": "a", "message": "<p>A <code>x</code></p>", "doc": "<p>See <a href='x.html'>x</a>.</p>"},
        ]);
        let fields = json!({
            "message": {"pointer": "/message", "markup": "html"},
            "description": {"pointer": "/doc", "markup": "html"},
        });
        let m = super::super::test_mapping(json!({"fields": fields.clone()}));
        let p = m.apply(&vendor).expect_err("no base");
        let in_vendor = p.vendor();
        let got: Vec<(Option<&str>, &str)> = in_vendor
            .iter()
            .map(|d| (d.pointer.as_deref(), d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [(
                Some("/0/doc"),
                "entry /0: `description` links to `x.html`, a relative address, and the mapping has no `links_base` to make it absolute"
            )]
        );
        let m = super::super::test_mapping(json!({
            "links_base": "https://docs.example.com/api/errors.html",
            "fields": fields,
        }));
        let (catalog, _) = m.apply(&vendor).expect("a catalog");
        assert_eq!(catalog.codes[0].message, "A `x`");
        assert_eq!(
            catalog.codes[0].description.as_deref(),
            Some("See [x](https://docs.example.com/api/x.html).")
        );
        // A base that is no web address is a problem of the mapping.
        let m = super::super::test_mapping(json!({"links_base": "docs/"}));
        let p = m
            .apply(&json!([{"code": "a", "message": "A"}]))
            .expect_err("bad base");
        assert_eq!(p.mapping()[0].pointer.as_deref(), Some("/links_base"));
    }

    #[test]
    fn dot_segments_resolve() {
        let base = Some("https://h.example/a/b/c");
        let got = |href| absolute(href, base).expect("absolute");
        assert_eq!(got("d"), "https://h.example/a/b/d");
        assert_eq!(got("./d/"), "https://h.example/a/b/d/");
        assert_eq!(got("../../../d"), "https://h.example/d");
        assert_eq!(got(".."), "https://h.example/a/");
        assert_eq!(got("?x"), "https://h.example/a/b/c?x");
        assert_eq!(
            absolute("d", Some("https://h.example")).as_deref(),
            Some("https://h.example/d")
        );
    }
}
