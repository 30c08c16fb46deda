//! Text normalisation of a source's value: line endings, `after`, `before` and `markup`.

use super::{Markup, Source};

impl Source {
    /// Whether any text cleaning is asked for.
    pub(super) fn cleans(&self) -> bool {
        self.after.is_some() || self.before.is_some() || self.markup != Markup::Markdown
    }
}

/// Text normalisation of a source: CRLF → LF, `after`, `before`, HTML to text, trimmed.
pub(super) fn clean(raw: &str, source: &Source) -> String {
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
        s = html_to_text(&s);
    }
    s.trim().to_owned()
}

/// Removes tags and decodes the basic entities.
fn html_to_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(clean("  a\r\nb\rc\n  ", &plain), "a\nb\nc");
    }

    #[test]
    fn after_keeps_the_text_after_the_first_marker() {
        let s = source(Some("@ "), None, Markup::Markdown);
        assert!(s.cleans());
        assert_eq!(
            clean("Official Documentation @ https://x.test/a @ b", &s),
            "https://x.test/a @ b"
        );
        // Without the marker, the text is kept whole.
        assert_eq!(clean(" no marker ", &s), "no marker");
    }

    #[test]
    fn before_keeps_the_text_before_the_first_marker() {
        let s = source(None, Some(". "), Markup::Markdown);
        assert_eq!(clean("First sentence. Second. Third", &s), "First sentence");
        assert_eq!(clean("One sentence.", &s), "One sentence.");
    }

    #[test]
    fn after_applies_before_before() {
        let s = source(Some(": "), Some(" ("), Markup::Markdown);
        assert_eq!(clean("Error: Not found (see docs)", &s), "Not found");
    }

    #[test]
    fn html_loses_its_tags_and_its_entities_are_decoded() {
        let s = source(None, None, Markup::Html);
        assert!(s.cleans());
        assert_eq!(
            clean(
                "<p>Use <code>&lt;id&gt;</code> &amp; &quot;x&quot;&nbsp;or &#39;y&#39;</p>",
                &s
            ),
            "Use <id> & \"x\"\u{a0}or 'y'"
        );
        // `&amp;` is decoded last, so an escaped entity stays an entity.
        assert_eq!(clean("&amp;lt;", &s), "&lt;");
        // A `>` outside a tag is text.
        assert_eq!(clean("a > b", &s), "a > b");
    }

    #[test]
    fn markdown_is_kept_as_it_is() {
        let s = Source::default();
        assert_eq!(clean("<b>*bold*</b> &amp;", &s), "<b>*bold*</b> &amp;");
    }
}
