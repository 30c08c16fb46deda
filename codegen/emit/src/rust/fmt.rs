//! Text written as rustfmt lays it out, for the large items of `codes.rs` that are written
//! without a syntax tree: arrays and attribute argument lists.

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
