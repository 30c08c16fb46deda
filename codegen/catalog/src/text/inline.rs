//! One line of catalog text (a message) read as inline markdown: code spans, emphasis and
//! links. Pages and rustdoc show them as such; `Display` and a terminal show plain text.

use super::{escaped_at, html_links, html_links_plain, md_links, normalize, pieces};

/// A one-line message for a page, in a paragraph or a table cell: code spans, emphasis and
/// links kept (a link to anything but a web address shown as `text (target)`), raw HTML
/// neutralised, line breaks made spaces.
pub fn inline(s: &str) -> String {
    let one = normalize(s).replace('\n', " ");
    pieces(&one)
        .into_iter()
        .map(|(code, p)| {
            if code {
                p.to_owned()
            } else {
                md_links(&html_links(p, None), None)
            }
        })
        .collect()
}

/// Inline markdown as plain text, as `Display` prints a message: a code span as its
/// content, emphasis without its markers, a link (markdown, HTML `<a href>` or an autolink)
/// as `text (target)` or its address, a backslash escape as the character it escapes. Line
/// breaks become spaces; any other HTML is text.
pub fn inline_plain(s: &str) -> String {
    unmarked(s, false)
}

/// As [`inline_plain`], with code spans kept in their backticks, as `rustc --explain` shows
/// code in a terminal.
pub fn inline_terminal(s: &str) -> String {
    unmarked(s, true)
}

/// A piece of inline text once escapes and code spans are read.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A character of prose that may be markup (`*`, `_`).
    Char(char),
    /// A character that was backslash-escaped: always literal.
    Lit(char),
    /// A code span, as shown.
    Code(String),
}

impl Tok {
    /// The character this token counts as when deciding whether a delimiter run flanks:
    /// a code span is like a letter.
    fn class(&self) -> char {
        match self {
            Tok::Char(c) | Tok::Lit(c) => *c,
            Tok::Code(_) => 'a',
        }
    }
}

fn unmarked(s: &str, keep_code: bool) -> String {
    let one = normalize(s).replace('\n', " ");
    let mut toks = Vec::new();
    for (code, p) in pieces(&one) {
        if code {
            toks.push(Tok::Code(if keep_code {
                p.to_owned()
            } else {
                span_content(p)
            }));
            continue;
        }
        let p = unlinked(&html_links_plain(p));
        let mut chars = p.chars().peekable();
        while let Some(c) = chars.next() {
            match chars.peek() {
                Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                    toks.push(Tok::Lit(next));
                    chars.next();
                }
                _ => toks.push(Tok::Char(c)),
            }
        }
    }
    let keep = emphasis_kept(&toks);
    let mut out = String::with_capacity(one.len());
    for (tok, keep) in toks.iter().zip(keep) {
        if !keep {
            continue;
        }
        match tok {
            Tok::Char(c) | Tok::Lit(c) => out.push(*c),
            Tok::Code(code) => out.push_str(code),
        }
    }
    out
}

/// The text a code span shows: without its backtick fences and, where both ends have one,
/// the space that pads them.
fn span_content(span: &str) -> String {
    let fence = span.bytes().take_while(|&b| b == b'`').count();
    let inner = &span[fence..span.len() - fence];
    let padded = inner.len() >= 2
        && inner.starts_with(' ')
        && inner.ends_with(' ')
        && !inner.trim().is_empty();
    if padded {
        inner[1..inner.len() - 1].to_owned()
    } else {
        inner.to_owned()
    }
}

/// Which tokens stay once emphasis markers are dropped: `*` and `_` delimiter runs that open
/// and close emphasis (CommonMark's flanking rules, runs paired with the nearest opener of
/// the same character) are dropped; any other `*` or `_` (`2 * 3`, `snake_case`) is text.
fn emphasis_kept(toks: &[Tok]) -> Vec<bool> {
    let mut keep = vec![true; toks.len()];
    // Openers: (character, start, length left).
    let mut openers: Vec<(char, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Tok::Char(c @ ('*' | '_')) = toks[i] else {
            i += 1;
            continue;
        };
        let len = toks[i..].iter().take_while(|t| **t == Tok::Char(c)).count();
        let before = i.checked_sub(1).map_or(' ', |b| toks[b].class());
        let after = toks.get(i + len).map_or(' ', Tok::class);
        let left = !after.is_whitespace()
            && (!is_punct(after) || before.is_whitespace() || is_punct(before));
        let right = !before.is_whitespace()
            && (!is_punct(before) || after.is_whitespace() || is_punct(after));
        let (opens, closes) = if c == '*' {
            (left, right)
        } else {
            (
                left && (!right || is_punct(before)),
                right && (!left || is_punct(after)),
            )
        };
        let mut left_over = len;
        if closes && let Some(at) = openers.iter().rposition(|o| o.0 == c) {
            let (_, start, open_len) = openers[at];
            let used = open_len.min(len);
            // The markers nearest the text: the end of the opener, the start of the closer.
            keep[start + open_len - used..start + open_len].fill(false);
            keep[i..i + used].fill(false);
            openers.truncate(at);
            if open_len > used {
                openers.push((c, start, open_len - used));
            }
            left_over = len - used;
        }
        if opens && left_over > 0 {
            openers.push((c, i + len - left_over, left_over));
        }
        i += len;
    }
    keep
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace())
}

/// `[label](target)` as `label (target)`.
pub(super) fn unlinked(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    while let Some(mid) = rest.find("](") {
        let open = link_open(&rest[..mid]);
        let close = rest[mid + 2..].find(')').map(|c| mid + 2 + c);
        let (Some(open), Some(close)) = (open, close) else {
            out.push_str(&rest[..mid + 2]);
            rest = &rest[mid + 2..];
            continue;
        };
        out.push_str(&rest[..open]);
        out.push_str(&format!(
            "{} ({})",
            &rest[open + 1..mid],
            rest[mid + 2..close].trim()
        ));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Where the `[` that opens a link text ending at the end of `head` is: brackets escaped
/// with a backslash are text, and balanced ones inside the text are part of it.
fn link_open(head: &str) -> Option<usize> {
    let bytes = head.as_bytes();
    let escaped = |i: usize| escaped_at(head, i);
    if escaped(bytes.len()) {
        return None; // `\](`: the bracket is text
    }
    let mut depth = 0usize;
    for i in (0..bytes.len()).rev() {
        match bytes[i] {
            b']' if !escaped(i) => depth += 1,
            b'[' if !escaped(i) => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return Some(i),
            },
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_on_a_page_keeps_its_inline_markdown() {
        assert_eq!(
            inline("The `<Buffer>` is *full*, see [limits](https://x.example/l) or [here](/rel)"),
            "The `<Buffer>` is *full*, see [limits](https://x.example/l) or here (/rel)"
        );
        assert_eq!(inline("a <b> c\nd"), "a &lt;b> c d");
    }

    #[test]
    fn a_message_as_plain_text_loses_its_markers() {
        assert_eq!(
            inline_plain(
                "The `Buffer` is *full* or __very__ _full_, see [limits](https://x.example/l)"
            ),
            "The Buffer is full or very full, see limits (https://x.example/l)"
        );
        // Not emphasis: text as written.
        assert_eq!(
            inline_plain("2 * 3 * 4, snake_case_name, a*b, ** x **, *open"),
            "2 * 3 * 4, snake_case_name, a*b, ** x **, *open"
        );
        assert_eq!(
            inline_plain("\\*not\\* it\\'s `` a`b `` and ` padded `"),
            "*not* it's a`b and padded"
        );
        assert_eq!(inline_plain("***both*** and *`code`*"), "both and code");
        assert_eq!(
            inline_terminal("Set *`x`* to [two](https://t.example)"),
            "Set `x` to two (https://t.example)"
        );
    }

    #[test]
    fn html_in_a_message_as_plain_text() {
        assert_eq!(
            inline_plain(
                r#"See <a class="x" href="https://h.example/a">the [guide]</a> or <https://h.example/b>."#
            ),
            "See the [guide] (https://h.example/a) or https://h.example/b."
        );
        // Other markup is text, as a page shows it (neutralised there, not interpreted).
        assert_eq!(inline_plain("a <b> c & d < e"), "a <b> c & d < e");
        assert_eq!(inline_plain("<a href=\"/rel\">here</a>"), "here (/rel)");
        assert_eq!(
            inline_plain("a \\[b\\](c) [d [e] f](g)"),
            "a [b](c) d [e] f (g)"
        );
    }
}
