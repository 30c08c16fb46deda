//! Catalog text made safe where it lands: markdown pages, markdown table cells and rustdoc.
//!
//! Catalog prose is CommonMark, written by people or copied from vendors. Three things in it
//! would change meaning when rendered: raw HTML (`<Dial>` would become a tag), `|` inside a
//! table cell (it would split the cell), and, in rustdoc only, `[...]` (read as an intra-doc
//! link), bare URLs (a lint) and unlabelled code blocks (compiled as doctests). Code spans and
//! fenced blocks are left as they are: there the text is already shown verbatim.

mod inline;
mod rustdoc;

pub use inline::{inline, inline_plain, inline_terminal};
pub use rustdoc::{plain_rustdoc, rustdoc, rustdoc_item};

/// Whether the character at byte `i` of `s` is backslash-escaped (an odd number of
/// backslashes before it).
fn escaped_at(s: &str, i: usize) -> bool {
    s.as_bytes()[..i]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count()
        % 2
        == 1
}

/// `p` with every character that `replace` maps replaced. A backslash escape of such a
/// character is replaced whole (the replacement shows the character literally already, and a
/// backslash kept before it would show); other escapes are kept as they are.
fn replace_chars(p: &str, replace: impl Fn(char) -> Option<&'static str>) -> String {
    let mut out = String::with_capacity(p.len());
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && next.is_ascii_punctuation()
        {
            chars.next();
            match replace(next) {
                Some(r) => out.push_str(r),
                None => {
                    out.push('\\');
                    out.push(next);
                }
            }
            continue;
        }
        match replace(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    out
}

/// Pieces of `s`, each either inside a code span / fenced block (`true`) or plain text. A
/// backslash-escaped backtick (`` \` ``) opens no span, as in CommonMark.
pub fn pieces(s: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if bytes[i] != b'`' || escaped_at(s, i) {
            i += 1;
            continue;
        }
        let run_end = i + bytes[i..].iter().take_while(|&&b| b == b'`').count();
        let fence = &s[i..run_end];
        // The span closes at the next run of exactly the same length.
        let mut j = run_end;
        let mut close = None;
        while let Some(k) = s[j..].find(fence) {
            let at = j + k;
            let end = at + fence.len();
            let longer =
                bytes.get(end) == Some(&b'`') || (at > 0 && bytes[at - 1] == b'`' && at != run_end);
            if !longer {
                close = Some(end);
                break;
            }
            j = end + s[end..].bytes().take_while(|&b| b == b'`').count();
        }
        match close {
            Some(end) => {
                if start < i {
                    out.push((false, &s[start..i]));
                }
                out.push((true, &s[i..end]));
                start = end;
                i = end;
            }
            None => i = run_end,
        }
    }
    if start < s.len() {
        out.push((false, &s[start..]));
    }
    out
}

/// Line endings made LF and characters that no renderer shows dropped (NUL).
pub fn normalize(s: &str) -> String {
    if !s.contains('\r') && !s.contains('\0') {
        return s.to_owned();
    }
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\0', "\u{FFFD}")
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Escapes text that is not markdown but must stay literal (an HTML attribute, a heading).
pub fn html_attr(s: &str) -> String {
    escape_html(s).replace('"', "&quot;")
}

/// A piece of markdown: prose, or a fenced code block (``` or ~~~) kept line by line.
enum Block<'a> {
    Prose(Vec<&'a str>),
    Fence {
        open: &'a str,
        body: Vec<&'a str>,
        close: Option<&'a str>,
    },
}

/// A code block's lines as written, closed with the fence it opened with where the source
/// left it open.
fn fence_lines(open: &str, body: &[&str], close: Option<&str>) -> Vec<String> {
    let close = close.map_or_else(
        || {
            open.trim_start()
                .chars()
                .take_while(|c| *c == '`' || *c == '~')
                .collect()
        },
        str::to_owned,
    );
    std::iter::once(open.to_owned())
        .chain(body.iter().map(|l| l.to_string()))
        .chain(std::iter::once(close))
        .collect()
}

/// The fence a line opens (its character and length), if it opens one.
fn fence_of(line: &str) -> Option<(char, usize)> {
    let t = line.trim_start();
    let c = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = t.chars().take_while(|x| *x == c).count();
    // A backtick fence's info string cannot hold backticks (else it is inline code).
    (n >= 3 && !(c == '`' && t[n..].contains('`'))).then_some((c, n))
}

fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut prose = Vec::new();
    let mut lines = text.split('\n');
    while let Some(line) = lines.next() {
        let Some((c, n)) = fence_of(line) else {
            prose.push(line);
            continue;
        };
        if !prose.is_empty() {
            out.push(Block::Prose(std::mem::take(&mut prose)));
        }
        let mut body = Vec::new();
        let mut close = None;
        for inner in lines.by_ref() {
            let t = inner.trim();
            if t.len() >= n && t.chars().all(|x| x == c) {
                close = Some(inner);
                break;
            }
            body.push(inner);
        }
        out.push(Block::Fence {
            open: line,
            body,
            close,
        });
    }
    if !prose.is_empty() {
        out.push(Block::Prose(prose));
    }
    out
}

/// `body` in a code fence (tagged `lang`) longer than any run of backticks inside it, so
/// nothing in it can close the fence.
pub fn fenced(lang: &str, body: &str) -> String {
    let longest = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}{lang}\n{body}\n{fence}\n")
}

/// Markdown prose for a page: raw HTML neutralised, everything else kept.
pub fn markdown(s: &str) -> String {
    let text = normalize(s);
    let mut out: Vec<String> = Vec::new();
    for block in blocks(&text) {
        match block {
            Block::Prose(lines) => out.push(
                pieces(&lines.join("\n"))
                    .into_iter()
                    .map(|(code, p)| {
                        if code {
                            p.to_owned()
                        } else {
                            replace_chars(p, |c| (c == '<').then_some("&lt;"))
                        }
                    })
                    .collect(),
            ),
            Block::Fence { open, body, close } => {
                out.extend(fence_lines(open, &body, close));
            }
        }
    }
    out.join("\n")
}

/// How catalog prose is fitted into a page: the lowest heading level it may use, and the
/// site that root-relative links (`/docs/x`, as vendors write them) belong to.
#[derive(Debug, Clone, Copy)]
pub struct Fit<'a> {
    /// Headings in the text are demoted (keeping their relative levels) so that the highest
    /// becomes this level; none goes beyond 6.
    pub top_heading: usize,
    /// Scheme and host (`https://www.twilio.com`) that root-relative links are made absolute
    /// against; without it, such links become text.
    pub site: Option<&'a str>,
}

/// Markdown prose for a page section, as [`markdown`], and fitted into the page: headings
/// demoted below the section's own, HTML `<a href>` links and markdown links kept as links
/// only when they are `http(s):` or `mailto:` (root-relative ones made absolute against
/// [`Fit::site`]); any other link keeps its text and shows its target in parentheses, so
/// nothing a vendor wrote is lost and nothing points into this site by accident.
pub fn page_markdown(s: &str, fit: Fit<'_>) -> String {
    let text = normalize(s);
    // Demote headings outside fenced blocks.
    let mut lines: Vec<String> = Vec::new();
    let blocks = blocks(&text);
    let top = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Prose(lines) => lines.iter().filter_map(|l| heading_level(l)).min(),
            Block::Fence { .. } => None,
        })
        .min();
    let shift = top.map_or(0, |t| fit.top_heading.saturating_sub(t));
    for block in blocks {
        match block {
            Block::Prose(prose) => {
                let mut joined = Vec::new();
                for line in prose {
                    joined.push(match heading_level(line) {
                        Some(level) => {
                            let rest = line.trim_start().trim_start_matches('#');
                            format!("{}{rest}", "#".repeat((level + shift).min(6)))
                        }
                        None => link_definition(line, fit.site).unwrap_or_else(|| line.to_owned()),
                    });
                }
                let prose = joined.join("\n");
                lines.push(
                    pieces(&prose)
                        .into_iter()
                        .map(|(code, p)| {
                            if code {
                                p.to_owned()
                            } else {
                                md_links(&html_links(p, fit.site), fit.site)
                            }
                        })
                        .collect(),
                );
            }
            Block::Fence { open, body, close } => {
                lines.extend(fence_lines(open, &body, close));
            }
        }
    }
    lines.join("\n")
}

/// The level of an ATX heading line (`## Title`), if it is one.
fn heading_level(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let t = &line[indent..];
    let n = t.bytes().take_while(|&b| b == b'#').count();
    let after = t[n..].chars().next();
    (indent <= 3 && (1..=6).contains(&n) && after.is_none_or(|c| c == ' ' || c == '\t'))
        .then_some(n)
}

/// Where a link target may point: `Some(url)` to keep it as a link, `None` to show it as text.
fn link_target(dest: &str, site: Option<&str>) -> Option<String> {
    let dest = dest.trim();
    let lower = dest.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
    {
        return Some(dest.to_owned());
    }
    match (dest.strip_prefix('/'), site) {
        (Some(rest), Some(site)) if !rest.starts_with('/') => {
            Some(format!("{}/{rest}", site.trim_end_matches('/')))
        }
        _ => None,
    }
}

/// A reference-style link definition (`[id]: /docs/x`) with its target fitted, or `None` when
/// the line is not one.
fn link_definition(line: &str, site: Option<&str>) -> Option<String> {
    let t = line.trim_start();
    if !t.starts_with('[') || line.len() - t.len() > 3 {
        return None;
    }
    let close = t.find("]:")?;
    let rest = t[close + 2..].trim_start();
    let (dest, tail) = rest.split_at(rest.find(char::is_whitespace).unwrap_or(rest.len()));
    if dest.is_empty() {
        return None;
    }
    let indent = &line[..line.len() - t.len()];
    Some(match link_target(dest, site) {
        Some(url) => format!("{indent}{}]: {url}{tail}", &t[..close]),
        // A definition nothing may link to is kept as text.
        None => format!("{indent}\\{}\\]: {dest}{tail}", &t[..close]),
    })
}

/// `<a href="…">text</a>` (any case, other attributes ignored) as a markdown link; then
/// every other `<` neutralised, except in `<https://…>` autolinks.
fn html_links(p: &str, site: Option<&str>) -> String {
    rewrite_html(p, site, false)
}

/// As [`html_links`], for plain text: `<a href="…">text</a>` as a markdown link for
/// [`inline::unlinked`] to print as `text (target)`, an autolink `<https://…>` as its
/// address, and every other `<` left as it is (plain text has nothing to neutralise).
fn html_links_plain(p: &str) -> String {
    rewrite_html(p, None, true)
}

/// [`html_links`] (`plain` false) or [`html_links_plain`].
fn rewrite_html(p: &str, site: Option<&str>, plain: bool) -> String {
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some((link, used)) = html_link(tail, site) {
            out.push_str(&link);
            rest = &tail[used..];
            continue;
        }
        if let Some(end) = tail.find('>') {
            let inner = &tail[1..end];
            if link_target(inner, None).is_some() && !inner.contains(char::is_whitespace) {
                out.push_str(if plain { inner } else { &tail[..=end] });
                rest = &tail[end + 1..];
                continue;
            }
        }
        if plain {
            out.push('<');
        } else {
            // `\<` is a `<` already: its backslash would show before `&lt;`.
            if out.ends_with('\\') && !escaped_at(&out, out.len() - 1) {
                out.pop();
            }
            out.push_str("&lt;");
        }
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}

/// One `<a …href="x"…>text</a>` at the start of `s`: the markdown for it and the bytes used.
fn html_link(s: &str, site: Option<&str>) -> Option<(String, usize)> {
    let lower = s.to_ascii_lowercase();
    if !lower.starts_with("<a ") && !lower.starts_with("<a\n") {
        return None;
    }
    let open_end = lower.find('>')?;
    let close = lower[open_end..].find("</a>")? + open_end;
    let attrs = &s[3..open_end];
    let href_at = attrs.to_ascii_lowercase().find("href=")? + 5;
    let value = &attrs[href_at..];
    let dest = match value.chars().next()? {
        q @ ('"' | '\'') => value[1..].split(q).next()?,
        _ => value.split(char::is_whitespace).next()?,
    };
    let label = &s[open_end + 1..close];
    if label.contains('<') {
        return None;
    }
    let text = label.replace('[', "\\[").replace(']', "\\]");
    let md = match link_target(dest, site) {
        Some(url) => format!("[{text}]({})", url.replace(' ', "%20").replace(')', "%29")),
        None => format!("{text} ({})", dest.replace('<', "&lt;")),
    };
    Some((md, close + 4))
}

/// Markdown inline links `[text](dest)` whose target may not stay a link become
/// `text (dest)`; root-relative targets are made absolute.
fn md_links(p: &str, site: Option<&str>) -> String {
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    while let Some(at) = rest.find("](") {
        let head = &rest[..at];
        let Some(close) = rest[at + 2..].find(')') else {
            break;
        };
        let dest_full = &rest[at + 2..at + 2 + close];
        let (dest, title) = match dest_full.trim().split_once(char::is_whitespace) {
            Some((d, t)) => (d, Some(t)),
            None => (dest_full.trim(), None),
        };
        // The label opens at the matching `[` before.
        let mut depth = 0usize;
        let open = head.char_indices().rev().find_map(|(i, c)| match c {
            ']' => {
                depth += 1;
                None
            }
            '[' if depth == 0 => Some(i),
            '[' => {
                depth -= 1;
                None
            }
            _ => None,
        });
        let Some(open) = open else {
            out.push_str(&rest[..at + 2]);
            rest = &rest[at + 2..];
            continue;
        };
        let label = &head[open + 1..];
        out.push_str(&head[..open]);
        match link_target(dest, site) {
            Some(url) => {
                out.push_str(&format!("[{label}]({url}"));
                if let Some(t) = title {
                    out.push(' ');
                    out.push_str(t);
                }
                out.push(')');
            }
            None => out.push_str(&format!("{label} ({dest})")),
        }
        rest = &rest[at + 2 + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Plain text shown literally in markdown or rustdoc (titles, messages): one line, with
/// markdown's own punctuation escaped, so nothing in it can open a code block, a link or a
/// tag.
pub fn plain(s: &str) -> String {
    let mut out = String::new();
    for c in normalize(s).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Markdown prose inside a table cell: one line, pipes escaped (also in code spans, as GFM
/// requires).
pub fn cell(s: &str) -> String {
    markdown(s).replace('\n', " ").replace('|', "\\|")
}

/// A code span that shows `s` verbatim, whatever backticks it contains.
pub fn code_span(s: &str) -> String {
    let s = normalize(s).replace('\n', " ");
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// How many spaces a line starts with.
pub fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether a line opens a list item (`- x`, `* x`, `+ x`, `1. x`, `1) x`).
pub fn list_marker(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    if indent > 3 {
        return None;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if matches!(t.as_bytes().first(), Some(b'-' | b'*' | b'+')) {
        1
    } else if (1..=9).contains(&digits) && matches!(t.as_bytes().get(digits), Some(b'.' | b')')) {
        digits + 1
    } else {
        return None;
    };
    let rest = &t[marker..];
    let space = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    (space > 0 || rest.is_empty()).then_some(indent + marker + space)
}

/// Unicode characters that change the visible direction of text. rustc denies them in
/// comments and literals (they can make code read differently from how it compiles).
const BIDI_CONTROLS: &[char] = &[
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}',
];

/// Spells direction-changing characters as `\u{…}` escapes, so generated comments show them
/// instead of obeying them.
pub fn escape_bidi(s: &str) -> String {
    if !s.contains(BIDI_CONTROLS) {
        return s.to_owned();
    }
    s.chars()
        .map(|c| {
            if BIDI_CONTROLS.contains(&c) {
                format!("\\u{{{:04x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Percent-encodes `s` for a URL path, query or fragment: everything but ASCII letters,
/// digits and `-._~` (RFC 3986 unreserved characters).
pub fn url_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; invalid escapes and invalid UTF-8 are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(Ok(b)) = s.get(i + 1..i + 3).map(|hex| u8::from_str_radix(hex, 16))
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_outside_code_is_escaped() {
        assert_eq!(
            markdown("use <Dial> or `<Dial>`"),
            "use &lt;Dial> or `<Dial>`"
        );
    }

    #[test]
    fn cells_keep_tables_intact() {
        assert_eq!(cell("a | b\nc `x|y`"), "a \\| b c `x\\|y`");
    }

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("plain"), "`plain`");
    }

    #[test]
    fn rustdoc_is_inert() {
        assert_eq!(
            rustdoc("See [x] at https://example.com/a. Use <T>."),
            "See \\[x\\] at <https://example.com/a>. Use &lt;T&gt;."
        );
        assert_eq!(
            rustdoc("```\nfn main() {}\n```"),
            "```text\nfn main() {}\n```"
        );
        assert_eq!(rustdoc("    indented"), "indented");
        // Inside a list, indentation places a line in its item: kept, up to the item's text.
        assert_eq!(
            rustdoc("- a\n  - b\n        - c\n\n          more\ntext\n    not code"),
            "- a\n  - b\n    - c\n\n      more\ntext\nnot code"
        );
        assert_eq!(rustdoc("`[not a link]`"), "`[not a link]`");
        // Links to web addresses stay links; any other stays inert text.
        assert_eq!(
            rustdoc(
                "[docs](https://x.example/a_b) [<T>](http://y.example) [x](/rel) ![i](https://i.example/p.png) \\[e](https://e.example)"
            ),
            "[docs](https://x.example/a_b) [&lt;T&gt;](http://y.example) \\[x\\](/rel) !\\[i\\](<https://i.example/p.png>) \\[e\\](<https://e.example>)"
        );
    }

    #[test]
    fn fenced_blocks_are_verbatim_on_pages() {
        assert_eq!(
            markdown("a <b>\n~~~\n<c>\n~~~\nd <e>"),
            "a &lt;b>\n~~~\n<c>\n~~~\nd &lt;e>"
        );
        assert_eq!(markdown("```\n<open>"), "```\n<open>\n```");
    }

    #[test]
    fn unclosed_backticks_are_text() {
        assert_eq!(markdown("a ` <b>"), "a ` &lt;b>");
    }

    #[test]
    fn url_components_round_trip() {
        assert_eq!(url_component("api_key-missing.v1~"), "api_key-missing.v1~");
        assert_eq!(url_component("a&b\"c#d é"), "a%26b%22c%23d%20%C3%A9");
        assert_eq!(percent_decode(&url_component("a&b\"c#d é")), "a&b\"c#d é");
        assert_eq!(percent_decode("100%"), "100%");
    }

    #[test]
    fn direction_controls_are_spelled_out() {
        assert_eq!(escape_bidi("a\u{202E}b"), "a\\u{202e}b");
        assert_eq!(escape_bidi("plain"), "plain");
    }

    #[test]
    fn page_text_fits_the_page() {
        let fit = Fit {
            top_heading: 4,
            site: Some("https://vendor.example"),
        };
        assert_eq!(
            page_markdown("## Error - 1\n### Title\n\nbody", fit),
            "#### Error - 1\n##### Title\n\nbody"
        );
        assert_eq!(
            page_markdown("# a\n## b\n### c\n#### d", fit),
            "#### a\n##### b\n###### c\n###### d"
        );
        assert_eq!(
            page_markdown(
                "see <a href=\"/help\">us</a> or <A HREF='https://x.example/'>x</A>",
                fit
            ),
            "see [us](https://vendor.example/help) or [x](https://x.example/)"
        );
        assert_eq!(
            page_markdown(
                "[a](/docs/x#y) [b]( https://b.example ) [c](#local) [d](javascript:alert(1))",
                fit
            ),
            "[a](https://vendor.example/docs/x#y) [b](https://b.example) c (#local) d (javascript:alert(1))"
        );
        assert_eq!(
            page_markdown(
                "[a](/docs/x)",
                Fit {
                    top_heading: 4,
                    site: None
                }
            ),
            "a (/docs/x)"
        );
        assert_eq!(
            page_markdown(
                "[id]: /docs/x\n<https://ok.example> <Dial> `<a href=\"/x\">`",
                fit
            ),
            "[id]: https://vendor.example/docs/x\n<https://ok.example> &lt;Dial> `<a href=\"/x\">`"
        );
        assert_eq!(
            page_markdown("```\n## not a heading\n```", fit),
            "```\n## not a heading\n```"
        );
        assert_eq!(page_markdown("#hashtag", fit), "#hashtag");
    }

    #[test]
    fn item_docs_have_no_headings() {
        assert_eq!(
            rustdoc_item(
                "## Error - 11750\n\n### Too large ###\n\nbody #1\n#\n```\n# not a heading\n```"
            ),
            "**Error - 11750**\n\n**Too large**\n\nbody #1\n```text\n# not a heading\n```"
        );
        assert_eq!(rustdoc_item("# C# #"), "**C#**");
    }

    #[test]
    fn escapes_written_by_the_vendor_are_kept_once() {
        // An escaped backtick opens no code span: what follows is prose, escaped as prose.
        assert_eq!(
            markdown("a \\`<b>\\` and `<c>`"),
            "a \\`&lt;b>\\` and `<c>`"
        );
        assert_eq!(
            rustdoc("a \\`<b>\\` and `<c>`"),
            "a \\`&lt;b&gt;\\` and `<c>`"
        );
        // An escaped `<`, `&` or bracket is not escaped twice.
        assert_eq!(markdown("\\<T> \\\\<U>"), "&lt;T> \\\\&lt;U>");
        assert_eq!(rustdoc("\\[x\\] \\& \\<y\\>"), "\\[x\\] &amp; &lt;y&gt;");
        let fit = Fit {
            top_heading: 4,
            site: None,
        };
        assert_eq!(page_markdown("\\<T>", fit), "&lt;T>");
        // Other escapes stay as written.
        assert_eq!(rustdoc("\\*not emphasis\\*"), "\\*not emphasis\\*");
    }

    #[test]
    fn plain_text_is_literal() {
        assert_eq!(plain("*a* | <b>"), "\\*a\\* \\| &lt;b&gt;");
    }

    #[test]
    fn a_message_in_rustdoc_keeps_its_inline_markdown() {
        assert_eq!(
            plain_rustdoc("See *Limits* (https://x.example/a_b?c=1&d).\nhttp://y.example"),
            "See *Limits* (<https://x.example/a_b?c=1&d>). <http://y.example>"
        );
        // A code span is shown as code, not as escaped backticks.
        assert_eq!(
            plain_rustdoc("The `Buffer` of [x] <T> & [docs](https://d.example/a)"),
            "The `Buffer` of \\[x\\] &lt;T&gt; &amp; [docs](https://d.example/a)"
        );
    }
}
