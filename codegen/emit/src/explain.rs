//! One code's entry as text for a terminal, for `explain CODE` (as `rustc --explain` does):
//! what the engineer who found the code in a log needs, from the catalog.

use errcat_catalog::model::{CodeModel, Model};
use errcat_catalog::text::escape_bidi;

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
    line(&shown(&code.entry().message));
    for (title, text) in [
        ("", code.entry().description.as_deref()),
        ("When it occurs", code.entry().when.as_deref()),
        ("What to do", code.entry().action.as_deref()),
    ] {
        if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
            line("");
            if !title.is_empty() {
                line(&format!("{title}:"));
            }
            line(&shown(text.trim_end()));
        }
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
            let mut lines = shown(item.trim_end())
                .lines()
                .map(str::to_owned)
                .collect::<Vec<_>>();
            if lines.is_empty() {
                lines.push(String::new());
            }
            line(&format!("  - {}", lines[0]));
            for rest in &lines[1..] {
                line(&format!("    {rest}"));
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
}
