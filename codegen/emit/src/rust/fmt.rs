//! Text written as rustfmt lays it out, for the large items of `codes.rs` that are written
//! without a syntax tree: literals, arrays, attribute argument lists and methods. Shared by
//! `codes` and `category`, which write `codes.rs` between them.

use std::fmt::Write as _;

use crate::{write_doc, write_str_literal};

/// rustfmt's `max_width`.
const MAX_WIDTH: usize = 100;
/// rustfmt's `array_width`: the most an array's items may take on one line.
const ARRAY_WIDTH: usize = 60;
/// rustfmt's `fn_call_width`, which tuples follow too.
const CALL_WIDTH: usize = 60;
/// rustfmt's `attr_fn_like_width`: the most an attribute's arguments may take on one line.
const ATTRIBUTE_WIDTH: usize = 70;
/// rustfmt's `short_array_element_width_threshold`.
const SHORT_ITEM: usize = 10;

fn width(s: &str) -> usize {
    s.chars().count()
}

/// Variant docs are catalog prose, often a vendor's: valid markdown that need not follow
/// clippy's style for hand-written docs (a list item's continuation lines, for one).
pub(super) const DOC_LINTS: &str = "#[allow(clippy::doc_lazy_continuation)]";

/// A string literal.
pub(super) fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_str_literal(&mut out, s);
    out
}

/// A string literal as the item of an array whose items start at column `indent`: when
/// the line (with its comma) would pass [`MAX_WIDTH`], continued on the next lines with a
/// `\` at a space (the escape drops the line break and the next line's indentation, so
/// the string is the same). A space is only broken before a character that is not white
/// space, which the escape would drop too.
pub(super) fn wrapped_lit(s: &str, indent: usize) -> String {
    let whole = lit(s);
    if indent + width(&whole) < MAX_WIDTH {
        return whole;
    }
    let chars: Vec<char> = whole.chars().collect();
    let mut out = String::with_capacity(whole.len() + 64);
    let mut start = 0;
    // Room for a line's text and its `\`; the last line's comma counts as the `\` does.
    let room = MAX_WIDTH - indent - 1;
    while chars.len() - start > room {
        let breakable = |&i: &usize| chars[i] == ' ' && !chars[i + 1].is_whitespace();
        let fits = (start + 1..(start + room).min(chars.len() - 1))
            .rev()
            .find(breakable);
        let Some(at) = fits.or_else(|| (start + room..chars.len() - 1).find(breakable)) else {
            break;
        };
        if start > 0 {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
        }
        out.extend(&chars[start..=at]);
        out.push('\\');
        start = at + 1;
    }
    if start > 0 {
        out.push('\n');
        out.push_str(&" ".repeat(indent));
    }
    out.extend(&chars[start..]);
    out
}

/// `Some(x)` or `None`, spelled out as generated code spells them.
pub(super) fn option(value: Option<String>) -> String {
    match value {
        Some(v) => format!("::core::option::Option::Some({v})"),
        None => "::core::option::Option::None".to_owned(),
    }
}

/// errcat's own prose (never a catalog's) wrapped to fit `///` comments at `indent`
/// within [`MAX_WIDTH`]: each line broken at spaces, but not before a word that would
/// start a markdown list, quote or heading at a line's start.
pub(super) fn wrap_prose(text: &str, indent: usize) -> String {
    let room = MAX_WIDTH - indent - "/// ".len();
    let starts_block = |word: &str| {
        word.starts_with(['-', '+', '*', '#', '>'])
            || word
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with(['.', ')'])
    };
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut used = 0;
        for (j, word) in line.split(' ').enumerate() {
            if j > 0 {
                if used + 1 + width(word) > room && !starts_block(word) && !word.is_empty() {
                    out.push('\n');
                    used = 0;
                } else {
                    out.push(' ');
                    used += 1;
                }
            }
            out.push_str(word);
            used += width(word);
        }
    }
    out
}

/// Writes `{doc}pub const fn {signature} {\n{body}\n}` at one level of indentation, after a
/// blank line.
pub(super) fn method(out: &mut String, doc: &str, signature: &str, body: &str) {
    out.push('\n');
    write_doc(out, "    ", &wrap_prose(doc, 4));
    let _ = writeln!(out, "    {signature} {{");
    for line in body.lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "        {line}");
        }
    }
    out.push_str("    }\n");
}

/// Writes `{indent}{head}[items]{tail}` and a newline: on one line when it fits; else one
/// item a line, or as many a line as fit when every item is a short literal.
pub(super) fn array(out: &mut String, indent: &str, head: &str, items: &[String], tail: &str) {
    let content: usize =
        items.iter().map(|i| width(i)).sum::<usize>() + 2 * items.len().saturating_sub(1);
    let line = width(indent) + width(head) + 2 + content + width(tail);
    let inner = format!("{indent}    ");
    out.push_str(indent);
    // Too long for one line but short enough for the next: rustfmt breaks after the `=`.
    let (lhs, rhs) = head.rsplit_once("= ").unwrap_or((head, ""));
    let next_line = width(&inner) + width(rhs) + 2 + content + width(tail);
    if !items.is_empty() && content <= ARRAY_WIDTH && line > MAX_WIDTH && next_line <= MAX_WIDTH {
        out.push_str(lhs.trim_end());
        out.push_str(" =\n");
        out.push_str(&inner);
        out.push_str(rhs);
    } else {
        out.push_str(head);
    }
    if items.is_empty() || (content <= ARRAY_WIDTH && (line <= MAX_WIDTH || next_line <= MAX_WIDTH))
    {
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(item);
        }
        out.push(']');
        out.push_str(tail);
        out.push('\n');
        return;
    }
    out.push_str("[\n");
    let short = items
        .iter()
        .all(|i| width(i) <= SHORT_ITEM && is_literal(i));
    if short {
        let room = MAX_WIDTH - width(&inner);
        let mut used = 0;
        for item in items {
            let w = width(item);
            if used > 0 && used + 1 + w + 1 > room {
                out.push('\n');
                used = 0;
            }
            if used == 0 {
                out.push_str(&inner);
            } else {
                out.push(' ');
                used += 1;
            }
            out.push_str(item);
            out.push(',');
            used += w + 1;
        }
        out.push('\n');
    } else {
        for item in items {
            // A tuple of literals longer than a call may be: one element a line.
            match item.strip_prefix('(').and_then(|i| i.strip_suffix(')')) {
                Some(elements)
                    if width(elements) > CALL_WIDTH
                        || width(&inner) + width(item) + 1 > MAX_WIDTH =>
                {
                    out.push_str(&inner);
                    out.push_str("(\n");
                    for element in elements.split(", ") {
                        out.push_str(&inner);
                        out.push_str("    ");
                        out.push_str(element);
                        out.push_str(",\n");
                    }
                    out.push_str(&inner);
                    out.push_str("),\n");
                }
                _ => {
                    out.push_str(&inner);
                    out.push_str(item);
                    out.push_str(",\n");
                }
            }
        }
    }
    out.push_str(indent);
    out.push(']');
    out.push_str(tail);
    out.push('\n');
}

/// A literal or a path: what rustfmt packs several to a line when short.
fn is_literal(item: &str) -> bool {
    !item.contains(['(', '[', '{', ' '])
}

/// Writes `{indent}#[name(args)]` and a newline, the arguments one a line when the attribute
/// does not fit on one.
pub(super) fn attribute(out: &mut String, indent: &str, name: &str, args: &[String]) {
    let content = args.iter().map(|a| width(a)).sum::<usize>() + 2 * args.len().saturating_sub(1);
    let one_line = width(indent) + width(name) + 5 + content;
    out.push_str(indent);
    out.push_str("#[");
    out.push_str(name);
    out.push('(');
    if one_line <= MAX_WIDTH && content <= ATTRIBUTE_WIDTH {
        out.push_str(&args.join(", "));
    } else {
        out.push('\n');
        for (i, arg) in args.iter().enumerate() {
            out.push_str(indent);
            out.push_str("    ");
            out.push_str(arg);
            if i + 1 < args.len() {
                out.push(',');
            }
            out.push('\n');
        }
        out.push_str(indent);
    }
    out.push_str(")]\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_literals_are_packed_to_the_width() {
        let items: Vec<String> = (0..30)
            .map(|i| if i % 3 == 0 { "true" } else { "false" }.to_owned())
            .collect();
        let mut out = String::new();
        array(&mut out, "    ", "static A: [bool; 30] = ", &items, ";");
        assert!(out.lines().all(|l| l.len() <= MAX_WIDTH), "{out}");
        assert_eq!(out.lines().count(), 5, "{out}");
        let mut one = String::new();
        array(&mut one, "", "static B: [bool; 2] = ", &items[..2], ";");
        assert_eq!(one, "static B: [bool; 2] = [true, false];\n");
    }

    /// A literal as the compiler reads it: each `\` at a line's end drops the line break
    /// and the white space after it.
    fn read_back(wrapped: &str) -> String {
        let mut read = String::new();
        let mut lines = wrapped.split('\n');
        read.push_str(lines.next().unwrap_or_default());
        for line in lines {
            assert!(read.ends_with('\\'), "{wrapped}");
            read.pop();
            read.push_str(line.trim_start());
        }
        read
    }

    #[test]
    fn long_literals_are_continued_at_spaces_within_the_width() {
        let text = "word ".repeat(40) + "end";
        let wrapped = wrapped_lit(&text, 8);
        assert!(wrapped.lines().count() > 2, "{wrapped}");
        for line in wrapped.lines().skip(1) {
            assert!(
                line.starts_with("        ") && line.len() <= MAX_WIDTH,
                "{line}"
            );
        }
        assert!(
            wrapped
                .lines()
                .next()
                .is_some_and(|l| 8 + l.len() <= MAX_WIDTH)
        );
        assert_eq!(read_back(&wrapped), lit(&text));
        assert_eq!(wrapped_lit("short", 8), "\"short\"");
    }

    #[test]
    fn literals_are_not_broken_before_white_space_nor_without_a_space() {
        // Broken at the first of two spaces, the second would be dropped.
        let spaced = format!("{}  {}", "a".repeat(60), "b".repeat(60));
        let wrapped = wrapped_lit(&spaced, 8);
        assert_eq!(wrapped.lines().count(), 2, "{wrapped}");
        assert_eq!(read_back(&wrapped), lit(&spaced));
        let solid = "x".repeat(200);
        assert_eq!(wrapped_lit(&solid, 8), lit(&solid));
    }

    #[test]
    fn prose_is_wrapped_at_spaces_but_never_into_a_list() {
        let text = format!(
            "{} - not a list, 1. nor this.\nKept.",
            "word ".repeat(17).trim_end()
        );
        let wrapped = wrap_prose(&text, 4);
        assert!(
            wrapped.lines().all(|l| 8 + l.len() <= MAX_WIDTH),
            "{wrapped}"
        );
        assert!(wrapped.lines().count() > 2, "{wrapped}");
        for line in wrapped.lines() {
            assert!(
                !line.starts_with('-') && !line.starts_with("1."),
                "{wrapped}"
            );
        }
        assert_eq!(wrapped.replace('\n', " "), text.replace('\n', " "));
        assert!(wrapped.ends_with("\nKept."), "{wrapped}");
        assert_eq!(wrap_prose("Short.\n\nTwo.", 4), "Short.\n\nTwo.");
    }

    #[test]
    fn long_items_take_a_line_each() {
        let items: Vec<String> = (0..3)
            .map(|i| format!("\"a_rather_long_code_{i}\""))
            .collect();
        let mut out = String::new();
        array(&mut out, "", "static A: [&str; 3] = ", &items, ";");
        assert_eq!(out.lines().count(), 5, "{out}");
    }
}
