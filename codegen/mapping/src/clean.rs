//! Text normalisation of a source's value: line endings, `after`, `before`, `markup` and
//! `first_sentence`.

use unicode_segmentation::UnicodeSegmentation;

use super::{Markup, Source, markup};

impl Source {
    /// Whether any text cleaning is asked for.
    pub(super) fn cleans(&self) -> bool {
        self.after.is_some()
            || self.before.is_some()
            || self.markup != Markup::Markdown
            || self.first_sentence
    }
}

/// Text normalisation of a source: CRLF → LF, `after`, `before`, HTML to markdown (relative
/// links made absolute against `links_base`, see [`markup`]), the first sentence (see
/// [`first_sentence`]), trimmed. An error says why the HTML cannot be markdown.
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
    if source.first_sentence {
        s = first_sentence(&s);
    }
    Ok(s.trim().to_owned())
}

/// Abbreviations after which a full stop never ends a sentence: each is followed by what it
/// introduces. (`etc.` can end one, and UAX #29 already runs on past it before a lower-case
/// word: `a, b, etc. and c`.)
const ABBREVIATIONS: &[&str] = &["i.e.", "e.g.", "cf.", "vs.", "viz."];

/// The first sentence of markdown `s`, without its full stop.
///
/// The rule: the first paragraph (up to a blank line) is read with each line break as a
/// space, as markdown shows it, so a break neither hides a sentence end nor makes one. It ends
/// at the first Unicode sentence boundary (UAX #29) that
/// - follows a space (a full stop inside `file.Name` or a URL is none),
/// - is outside a code span, and
/// - does not follow an abbreviation in [`ABBREVIATIONS`] (UAX #29 would end a sentence at
///   `e.g. Foo`).
///
/// One final `.` is dropped, unless it closes an abbreviation (`etc.`) or an ellipsis; `?`
/// and `!` are kept. Text without a sentence end is kept whole (its first paragraph).
pub(super) fn first_sentence(s: &str) -> String {
    let para = s
        .trim_start()
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let code: Vec<(usize, usize)> = errcat_catalog::text::pieces(&para)
        .into_iter()
        .filter(|(code, _)| *code)
        .map(|(_, p)| {
            let start = p.as_ptr() as usize - para.as_ptr() as usize;
            (start, start + p.len())
        })
        .collect();
    let end = para
        .split_sentence_bound_indices()
        .map(|(at, sentence)| at + sentence.len())
        .find(|&end| {
            let head = &para[..end];
            let body = head.trim_end();
            end < para.len()
                && body.len() < head.len()
                && !code.iter().any(|&(a, b)| a < end && end < b)
                && !ends_with_word(body, ABBREVIATIONS)
        })
        .unwrap_or(para.len());
    let sentence = para[..end].trim_end();
    match sentence.strip_suffix('.') {
        Some(rest)
            if !rest.ends_with('.')
                && !ends_with_word(sentence, ABBREVIATIONS)
                && !ends_with_word(sentence, &["etc."]) =>
        {
            rest.to_owned()
        }
        _ => sentence.to_owned(),
    }
}

/// Whether `s` ends with one of `words` as a word of its own (after a space or an opening
/// bracket or quote), in any case.
fn ends_with_word(s: &str, words: &[&str]) -> bool {
    let lower = s.to_lowercase();
    words.iter().any(|a| {
        lower.strip_suffix(a).is_some_and(|before| {
            before.is_empty()
                || before.ends_with(|c: char| c.is_whitespace() || "([{\"'“‘".contains(c))
        })
    })
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
    fn first_sentence_knows_abbreviations_code_and_line_breaks() {
        let s = Source {
            first_sentence: true,
            ..Source::default()
        };
        assert!(s.cleans());
        for (text, first) in [
            (
                "A value (i.e. one that is set). More.",
                "A value (i.e. one that is set)",
            ),
            (
                "Use a tag, e.g. Dial or Say. Then more.",
                "Use a tag, e.g. Dial or Say",
            ),
            (
                "Compare cf. Section 2, vs. Other. Next",
                "Compare cf. Section 2, vs. Other",
            ),
            ("Items a, b, etc. The rest.", "Items a, b, etc."),
            (
                "Items a, b, etc. and more. Next",
                "Items a, b, etc. and more",
            ),
            ("Read `a. B` now. Next", "Read `a. B` now"),
            (
                "Open file.Name or https://x.example/a.B now. Next",
                "Open file.Name or https://x.example/a.B now",
            ),
            ("The first ends here.\nThe second.", "The first ends here"),
            (
                "A value that\nspans lines. Next",
                "A value that spans lines",
            ),
            ("Why? Because.", "Why?"),
            ("Wait... what. Next", "Wait... what"),
            ("One\n\nTwo. Three", "One"),
            ("No sentence end", "No sentence end"),
            ("Ends here.", "Ends here"),
        ] {
            assert_eq!(cleaned(text, &s), first, "{text:?}");
        }
    }

    #[test]
    fn first_sentence_reads_html_as_markdown() {
        let s = Source {
            first_sentence: true,
            markup: Markup::Html,
            ..Source::default()
        };
        for (html, first) in [
            // `"before": ". "` would cut after "i.e".
            (
                "<p>A <code>Value</code> (i.e. one that\n is set) is missing. Set it.</p>",
                "A `Value` (i.e. one that is set) is missing",
            ),
            // A line break inside the paragraph, where `". "` finds nothing.
            (
                "<p>The bucket is not empty.\nDelete its objects first.</p>",
                "The bucket is not empty",
            ),
            // The sentence ends with the paragraph.
            (
                "<p>The quota, e.g.\n<i>100</i>, is reached</p><p>Wait.</p>",
                "The quota, e.g. *100*, is reached",
            ),
        ] {
            assert_eq!(cleaned(html, &s), first, "{html:?}");
        }
    }

    #[test]
    fn markdown_is_kept_as_it_is() {
        let s = Source::default();
        assert_eq!(cleaned("<b>*bold*</b> &amp;", &s), "<b>*bold*</b> &amp;");
    }
}
