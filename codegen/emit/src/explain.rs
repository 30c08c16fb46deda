//! One code's entry as text for a terminal, for `explain CODE` (as `rustc --explain` does):
//! what the engineer who found the code in a log needs, from the catalog.

use errcat_catalog::model::{CodeModel, Model};
use errcat_catalog::text::{escape_bidi, inline_plain, inline_terminal, list_marker};

/// Whether the code `wire` is `code` as given, by its spelling or one of its aliases.
pub fn matches(code: &CodeModel, given: &str) -> bool {
    code.wire == given || code.entry().aliases.iter().any(|a| a == given)
}

/// The entry of `code` (of `model`), as plain text lines for a terminal.
pub fn entry(model: &Model, code: &CodeModel) -> String {
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    let status = code
        .entry()
        .status
        .map(|s| format!(" (HTTP {s})"))
        .unwrap_or_default();
    line(&format!(
        "{}: {}{status}",
        shown(&model.catalog.title),
        shown(&code.wire)
    ));
    line(&format!(
        "from {} · `{}::ErrorCode::{}`",
        shown(&model.source_path),
        model.lib_name,
        code.variant
    ));
    if let Some(i) = code.category {
        line(&format!(
            "category: {}",
            shown(&model.categories[i].entry.id)
        ));
    }
    if let Some(deprecated) = &code.entry().deprecated {
        line(&format!("deprecated: {}", shown(&deprecated.note)));
    }
    if let Some(retired) = &code.entry().retired {
        line(&format!(
            "retired since {}: {}",
            shown(&retired.since),
            shown(&retired.note)
        ));
    }
    line("");
    // The message as plain text: code spans, emphasis and links read, as a log line shows
    // it. Control characters are escaped first, so no markup can hide or join them.
    let message = inline_plain(&shown(&code.entry().message));
    line(&message);
    let description = code
        .entry()
        .description
        .as_deref()
        .map(|d| without_paragraph(d, &code.entry().message));
    for (title, text) in [
        ("", description.as_deref()),
        ("When it occurs", code.entry().when.as_deref()),
        ("What to do", code.entry().action.as_deref()),
    ] {
        if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
            line("");
            if !title.is_empty() {
                line(&format!("{title}:"));
            }
            line(&terminal(&shown(text.trim_end())));
        }
    }
    // What each error carries: name, type, and who may see it.
    if !code.entry().args.is_empty() {
        line("");
        line("Arguments:");
        for arg in &code.entry().args {
            let ty = arg.type_words(str::to_owned, |set| format!("set {set}"));
            let optional = if arg.optional { ", optional" } else { "" };
            let what = arg
                .description
                .as_deref()
                .map(|d| format!(": {}", inline_plain(&shown(d))))
                .unwrap_or_default();
            line(&format!(
                "  - {} ({}{optional}, {}){what}",
                shown(&arg.name),
                shown(&ty),
                arg.visibility.name()
            ));
        }
    }
    // The message in each language the catalog is translated into, and where one falls back.
    if let Some(source) = model.source_locale() {
        line("");
        line(&format!(
            "In other languages (written in {}):",
            shown(source)
        ));
        for (l, locale) in model.locales.iter().enumerate() {
            let (message, used) = model.message_in(code.index(), l);
            let from = if used == Some(l) {
                String::new()
            } else {
                format!(" (from {})", model.locale_tag(used))
            };
            line(&format!(
                "  - {}: {}{}",
                locale.tag,
                inline_plain(&shown(message)),
                shown(&from)
            ));
        }
        // What a translation records of the message it was made from (`source_hash`).
        line(&format!(
            "  source_hash of this message: {}",
            errcat_catalog::format::locales::source_hash(&code.entry().message)
        ));
    }
    for (title, items) in [
        ("Causes", &code.entry().causes),
        ("Fixes", &code.entry().fixes),
    ] {
        if items.is_empty() {
            continue;
        }
        line("");
        line(&format!("{title}:"));
        for item in items {
            let rendered = terminal(&shown(item.trim_end()));
            let mut lines = rendered.lines().collect::<Vec<_>>();
            if lines.is_empty() {
                lines.push("");
            }
            if lines[0].starts_with("- ") || list_marker(lines[0]).is_some() {
                // An item that is itself a list: its own bullets, one level in.
                for l in lines {
                    line(format!("  {l}").trim_end());
                }
                continue;
            }
            line(&format!("  - {}", lines[0]));
            for rest in &lines[1..] {
                line(format!("    {rest}").trim_end());
            }
        }
    }
    line("");
    if let Some(url) = &code.doc_url {
        line(&format!("documentation: {}", shown(url)));
    }
    line(&format!("reference: {}", shown(&model.reference_url(code))));
    out
}

/// `text` without the paragraphs that only repeat `message` (the message is often the
/// description's first paragraph, or all of it).
fn without_paragraph(text: &str, message: &str) -> String {
    let key = |s: &str| {
        inline_plain(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches('.')
            .to_owned()
    };
    let message = key(message);
    text.replace("\r\n", "\n")
        .split("\n\n")
        .filter(|p| key(p) != message)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Catalog markdown as text for a terminal: headings without their `#`, one `-` bullet per
/// list item (nested lists keep their indentation, numbered ones their numbers), code blocks
/// indented without their fences, and inline markup read as [`inline_terminal`] does
/// (emphasis without its markers, a link as `text (target)`, code spans in backticks).
fn terminal(text: &str) -> String {
    let mut out = Vec::new();
    let mut fence: Option<String> = None;
    for raw in text.replace("\r\n", "\n").split('\n') {
        let t = raw.trim_start();
        if let Some(open) = &fence {
            if t.starts_with(open.as_str()) && t.trim_end().chars().all(|c| c == '`' || c == '~') {
                fence = None;
            } else {
                out.push(format!("    {raw}"));
            }
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(t.chars().take_while(|&c| c == '`' || c == '~').collect());
            continue;
        }
        let indent = &raw[..raw.len() - t.len()];
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) {
            let title = t[hashes..].trim().trim_end_matches('#').trim_end();
            out.push(inline_terminal(title));
            continue;
        }
        if let Some(at) = list_marker(t)
            && matches!(t.as_bytes().first(), Some(b'-' | b'*' | b'+'))
        {
            out.push(format!("{indent}- {}", inline_terminal(&t[at..])));
            continue;
        }
        out.push(
            format!("{indent}{}", inline_terminal(t))
                .trim_end()
                .to_owned(),
        );
    }
    out.join("\n")
}

/// Catalog text made safe to print on a terminal: control characters (an escape sequence
/// could rewrite the screen) and bidirectional controls (which reorder what is shown) are
/// written as `\u{…}` escapes; line breaks and tabs stay.
fn shown(s: &str) -> String {
    let escaped: String = s
        .chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                format!("\\u{{{:04x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect();
    escape_bidi(&escaped)
}

#[cfg(test)]
mod tests {
    #[test]
    fn terminal_controls_are_escaped() {
        assert_eq!(super::shown("a\u{1b}[2Jb\n\tc"), "a\\u{001b}[2Jb\n\tc");
        assert_eq!(super::shown("x\u{202e}y"), "x\\u{202e}y");
    }

    #[test]
    fn markdown_reads_as_text_on_a_terminal() {
        assert_eq!(
            super::terminal(
                "## Why\n\nSee [the *limits*](https://x.example/l) and **do** `a_b`.\n\n* one\n  + two\n1. first\n```json\n{\"a\": 1}\n```"
            ),
            "Why\n\nSee the limits (https://x.example/l) and do `a_b`.\n\n- one\n  - two\n1. first\n    {\"a\": 1}"
        );
    }

    #[test]
    fn a_paragraph_that_repeats_the_message_is_left_out() {
        assert_eq!(
            super::without_paragraph("The `x` is *full*.", "The x is full"),
            ""
        );
        assert_eq!(
            super::without_paragraph("Too many.\n\nWait a minute.", "Too many"),
            "Wait a minute."
        );
        assert_eq!(super::without_paragraph("Other.", "Too many"), "Other.");
    }
}
