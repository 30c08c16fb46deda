//! Text normalisation of a source's value: line endings, `after`, `before` and `markup`.

use super::{Markup, Source, markup};

impl Source {
    /// Whether any text cleaning is asked for.
    pub(super) fn cleans(&self) -> bool {
        self.after.is_some() || self.before.is_some() || self.markup != Markup::Markdown
    }
}

/// Text normalisation of a source: CRLF → LF, `after`, `before`, HTML to markdown (relative
/// links made absolute against `links_base`, see [`markup`]), trimmed. An error says why the
/// HTML cannot be markdown.
pub(super) fn clean(
    raw: &str,
    source: &Source,
    links_base: Option<&str>,
) -> Result<String, String> {
    let mut s = raw.replace("\r\n", "\n").replace('\r', "\n");
    if let Some(marker) = &source.after
        && let Some((_, rest)) = s.split_once(marker.as_str())
    {
        s = rest.to_owned();
    }
    if let Some(marker) = &source.before
        && let Some((head, _)) = s.split_once(marker.as_str())
    {
        s = head.to_owned();
    }
    if source.markup == Markup::Html {
        s = markup::to_markdown(&s, links_base)?;
    }
    Ok(s.trim().to_owned())
}

/// Text on one line, as a message must be: its lines trimmed and joined by one space, blank
/// ones dropped (a message from HTML may hold paragraphs or a list). A message is shown as
/// plain text, so markdown in it reads as it would show: a link (`[Limits](https://…)`)
/// becomes its text and its target in parentheses, and a backslash escape (`my\_var`, as
/// HTML converts `my_var`) the character it escapes.
pub(super) fn one_line(s: &str) -> String {
    let joined = s
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    errcat_catalog::text::pieces(&joined)
        .into_iter()
        .map(|(code, p)| {
            if code {
                p.to_owned()
            } else {
                unescaped(&unlinked(p))
            }
        })
        .collect()
}

/// Backslash escapes of ASCII punctuation (`\*`, `\_`) as the character alone.
fn unescaped(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// `[label](target)` as `label (target)`.
fn unlinked(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    while let Some(mid) = rest.find("](") {
        let open = rest[..mid]
            .rfind('[')
            .filter(|&o| !rest[o + 1..mid].contains(']'));
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
            &rest[mid + 2..close]
        ));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(raw: &str, source: &Source) -> String {
        clean(raw, source, None).expect("clean text")
    }

    fn source(after: Option<&str>, before: Option<&str>, markup: Markup) -> Source {
        Source {
            after: after.map(str::to_owned),
            before: before.map(str::to_owned),
            markup,
            ..Source::default()
        }
    }

    #[test]
    fn line_endings_become_lf_and_the_text_is_trimmed() {
        let plain = Source::default();
        assert!(!plain.cleans());
        assert_eq!(cleaned("  a\r\nb\rc\n  ", &plain), "a\nb\nc");
    }

    #[test]
    fn after_keeps_the_text_after_the_first_marker() {
        let s = source(Some("@ "), None, Markup::Markdown);
        assert!(s.cleans());
        assert_eq!(
            cleaned("Official Documentation @ https://x.test/a @ b", &s),
            "https://x.test/a @ b"
        );
        // Without the marker, the text is kept whole.
        assert_eq!(cleaned(" no marker ", &s), "no marker");
    }

    #[test]
    fn before_keeps_the_text_before_the_first_marker() {
        let s = source(None, Some(". "), Markup::Markdown);
        assert_eq!(
            cleaned("First sentence. Second. Third", &s),
            "First sentence"
        );
        assert_eq!(cleaned("One sentence.", &s), "One sentence.");
    }

    #[test]
    fn after_applies_before_before() {
        let s = source(Some(": "), Some(" ("), Markup::Markdown);
        assert_eq!(cleaned("Error: Not found (see docs)", &s), "Not found");
    }

    #[test]
    fn html_becomes_markdown_with_its_links_made_absolute() {
        let s = source(None, None, Markup::Html);
        assert!(s.cleans());
        assert_eq!(
            cleaned(
                "<p>Use <code>&lt;id&gt;</code> &amp; &quot;x&quot;&nbsp;or &#39;y&#39;</p>",
                &s
            ),
            "Use `<id>` & \"x\"\u{a0}or 'y'"
        );
        // `&amp;` is decoded once, so an escaped entity stays an entity.
        assert_eq!(cleaned("&amp;lt;", &s), "&lt;");
        // `after` and `before` cut the HTML before it is converted.
        let cut = source(Some("<hr>"), None, Markup::Html);
        assert_eq!(
            cleaned(
                "<p>a</p><hr><p>see <a href='https://x.example/'>b</a></p>",
                &cut
            ),
            "see [b](https://x.example/)"
        );
        assert_eq!(
            clean("<a href='x.html'>b</a>", &s, Some("https://h.example/d/")),
            Ok("[b](https://h.example/d/x.html)".to_owned())
        );
        assert_eq!(
            clean("<a href='x.html'>b</a>", &s, None),
            Err("links to `x.html`, a relative address, and the mapping has no `links_base` to make it absolute".to_owned())
        );
    }

    #[test]
    fn a_message_from_html_reads_well_on_one_line() {
        let s = source(None, None, Markup::Html);
        let html = "<p>The <code>Foo</code> limit was exceeded.</p><ul><li><p>one</p></li><li><p>two</p></li></ul>";
        assert_eq!(
            one_line(&cleaned(html, &s)),
            "The `Foo` limit was exceeded. - one - two"
        );
        assert_eq!(
            one_line(&cleaned(
                "<p>Set <i>my_var</i> to 2 * x, not <code>a_b</code></p>",
                &s
            )),
            "Set *my_var* to 2 * x, not `a_b`"
        );
        assert_eq!(one_line("It\\'s \\\\ `\\_`"), "It's \\ `\\_`");
        assert_eq!(one_line("a\n  b  \r\n\nc"), "a b c");
        assert_eq!(
            one_line("See [Limits](https://x.example/l) or [a] `[b](c)` ](d) [e]"),
            "See Limits (https://x.example/l) or [a] `[b](c)` ](d) [e]"
        );
    }

    #[test]
    fn markdown_is_kept_as_it_is() {
        let s = Source::default();
        assert_eq!(cleaned("<b>*bold*</b> &amp;", &s), "<b>*bold*</b> &amp;");
    }
}
