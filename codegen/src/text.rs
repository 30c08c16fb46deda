//! Catalog text made safe where it lands: markdown pages, markdown table cells and rustdoc.
//!
//! Catalog prose is CommonMark, written by people or copied from vendors. Three things in it
//! would change meaning when rendered: raw HTML (`<Dial>` would become a tag), `|` inside a
//! table cell (it would split the cell), and, in rustdoc only, `[...]` (read as an intra-doc
//! link), bare URLs (a lint) and unlabelled code blocks (compiled as doctests). Code spans and
//! fenced blocks are left as they are: there the text is already shown verbatim.

/// Pieces of `s`, each either inside a code span / fenced block (`true`) or plain text.
fn pieces(s: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if bytes[i] != b'`' {
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
                            p.replace('<', "&lt;")
                        }
                    })
                    .collect(),
            ),
            Block::Fence { open, body, close } => {
                out.push(open.to_owned());
                out.extend(body.iter().map(|l| l.to_string()));
                out.push(close.map_or_else(
                    || {
                        open.trim_start()
                            .chars()
                            .take_while(|c| *c == '`' || *c == '~')
                            .collect()
                    },
                    str::to_owned,
                ));
            }
        }
    }
    out.join("\n")
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

/// Markdown for rustdoc: as [`markdown`], plus brackets escaped, bare URLs made autolinks,
/// code blocks marked `text` (whatever their language, so none is compiled as a doctest or
/// has attributes rustdoc rejects), and indentation removed from prose so nothing becomes an
/// indented code block.
pub fn rustdoc(s: &str) -> String {
    let text = normalize(s);
    let mut out: Vec<String> = Vec::new();
    for block in blocks(&text) {
        match block {
            Block::Prose(lines) => {
                let joined = lines
                    .iter()
                    .map(|l| l.trim_start())
                    .collect::<Vec<_>>()
                    .join("\n");
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

fn rustdoc_prose(p: &str) -> String {
    let p = escape_html(p).replace('[', "\\[").replace(']', "\\]");
    let mut out = String::with_capacity(p.len());
    let mut rest = p.as_str();
    while let Some(at) = find_url(rest) {
        out.push_str(&rest[..at]);
        let url_len = rest[at..]
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | '"' | '\'' | '&' | '\\'))
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
    out.push_str(rest);
    out
}

fn find_url(s: &str) -> Option<usize> {
    match (s.find("https://"), s.find("http://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
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
        assert_eq!(rustdoc("`[not a link]`"), "`[not a link]`");
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
    fn plain_text_is_literal() {
        assert_eq!(plain("*a* | <b>"), "\\*a\\* \\| &lt;b&gt;");
    }
}
