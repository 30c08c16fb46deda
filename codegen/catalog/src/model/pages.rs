//! Which page of a split reference each code is on: its block.
//!
//! Integer codes are blocked by thousand (`21000-21999`). String codes are blocked by prefix:
//! first by their first letter or digit (`a`; `other` for any other first character), and a
//! block that would hold more than [`PAGE_SPLIT`] codes is split by the next character, again
//! and again, so a prefix most codes share (`ERR_…`, or the `-` of negative numbers written as
//! strings) does not make one page of almost all of them: Node.js-style codes land on `err_a`,
//! `err_b`, …, and `-1001` on `other_1`. In a block's name letters are folded to lowercase,
//! other ASCII characters are `_` and a character outside ASCII is `u` and its hex number, so a
//! block is a file name on any system. Codes are split by their characters, not by these names:
//! two blocks that happen to share a name are one page, which is still where both find their
//! codes.
//!
//! A code's block depends on the code and on how many codes share its prefixes, not on their
//! order: it moves only when a block it is in outgrows a page and is split.

use std::collections::BTreeMap;

use super::PAGE_SPLIT;
use crate::format::CodeValue;

/// The block of each of `codes`, in their order.
pub(super) fn blocks(codes: &[&CodeValue]) -> Vec<String> {
    let mut out = vec![String::new(); codes.len()];
    let mut strings: Vec<(usize, Vec<char>)> = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        match code {
            CodeValue::Integer(n) => {
                let start = n.div_euclid(1000) * 1000;
                out[i] = format!("{start}-{}", start + 999);
            }
            CodeValue::String(s) => strings.push((i, s.chars().collect())),
        }
    }
    split(strings, 0, &mut out);
    out
}

/// Gives each of `codes`, which share their first `depth` characters (ASCII case aside), its
/// block: the prefix one character longer, split further while a block holds more than a
/// page. A code with no character at `depth` keeps the `depth`-character prefix. At the first
/// character, every one that is not a letter or digit is one block, `other`.
fn split(codes: Vec<(usize, Vec<char>)>, depth: usize, out: &mut [String]) {
    let mut groups: BTreeMap<Option<char>, Vec<(usize, Vec<char>)>> = BTreeMap::new();
    for code in codes {
        let key = code.1.get(depth).map(|&c| match c {
            _ if depth == 0 && !c.is_ascii_alphanumeric() => '_',
            _ => c.to_ascii_lowercase(),
        });
        groups.entry(key).or_default().push(code);
    }
    for (key, group) in groups {
        // Codes that end at `depth` keep the prefix they have; the others take one more
        // character, and more while their block is too big. Codes that differ only in ASCII
        // case cannot be told apart by a block, so splitting stops at the longest.
        let longest = group.iter().map(|(_, c)| c.len()).max().unwrap_or(0);
        let len = match key {
            None => depth,
            Some(_) if group.len() > PAGE_SPLIT && depth + 1 < longest => {
                split(group, depth + 1, out);
                continue;
            }
            Some(_) => depth + 1,
        };
        for (i, chars) in group {
            out[i] = name(&chars[..len]);
        }
    }
}

/// The name of the block of the codes that start with `prefix`.
fn name(prefix: &[char]) -> String {
    let Some((first, rest)) = prefix.split_first() else {
        return String::new();
    };
    let mut out = if first.is_ascii_alphanumeric() {
        first.to_ascii_lowercase().to_string()
    } else if rest.is_empty() {
        return "other".to_owned();
    } else {
        "other_".to_owned()
    };
    for c in rest {
        match c {
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => out.push('_'),
            c => out.push_str(&format!("u{:x}", u32::from(*c))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(codes: &[String]) -> Vec<String> {
        let values: Vec<CodeValue> = codes.iter().cloned().map(CodeValue::String).collect();
        blocks(&values.iter().collect::<Vec<_>>())
    }

    fn sizes(blocks: &[String]) -> std::collections::BTreeMap<&str, usize> {
        let mut out = std::collections::BTreeMap::new();
        for b in blocks {
            *out.entry(b.as_str()).or_default() += 1;
        }
        out
    }

    #[test]
    fn integers_are_blocked_by_thousand() {
        let values = [CodeValue::Integer(21_005), CodeValue::Integer(-3)];
        assert_eq!(
            blocks(&values.iter().collect::<Vec<_>>()),
            ["21000-21999", "-1000--1"]
        );
    }

    #[test]
    fn small_string_blocks_are_first_characters() {
        let codes: Vec<String> = ["Alpha", "alpha2", "9lives", "-dash", "éclair"]
            .map(str::to_owned)
            .to_vec();
        assert_eq!(strings(&codes), ["a", "a", "9", "other", "other"]);
    }

    #[test]
    fn a_prefix_nearly_every_code_shares_is_split_into_pages() {
        // 900 Node.js-style codes, all `ERR_`, over 26 letters, and a few others.
        let mut codes: Vec<String> = (0..900)
            .map(|i| format!("ERR_{}{i}", (b'A' + (i % 26) as u8) as char))
            .collect();
        codes.extend(["EACCES", "ENOENT", "ABORT"].map(str::to_owned));
        let blocks = strings(&codes);
        let sizes = sizes(&blocks);
        assert!(sizes.values().all(|&n| n <= PAGE_SPLIT), "{sizes:?}");
        assert_eq!(sizes["err_a"], 35);
        assert_eq!(sizes["ea"], 1, "EACCES is split off with the e block");
        assert_eq!(sizes["a"], 1);
        assert_eq!(sizes.len(), 26 + 3, "{sizes:?}");
        // The blocks do not depend on the order of the codes.
        let mut reversed = codes.clone();
        reversed.reverse();
        let mut again = strings(&reversed);
        again.reverse();
        assert_eq!(again, blocks);
    }

    #[test]
    fn codes_that_do_not_start_with_a_letter_or_digit_are_split_too() {
        // Negative numbers as strings, and codes outside ASCII: 400 of each.
        let mut codes: Vec<String> = (1..=400).map(|i| format!("-{i}")).collect();
        codes.extend((0..400).map(|i| format!("错误{}{i}", ['一', '二'][i % 2])));
        let blocks = strings(&codes);
        let sizes = sizes(&blocks);
        assert!(sizes.values().all(|&n| n <= PAGE_SPLIT), "{sizes:?}");
        assert_eq!(blocks[0], "other_1", "-1");
        assert_eq!(blocks[399], "other_4", "-400");
        assert_eq!(blocks[400], "other_u8befu4e00", "错误一0");
        assert_eq!(sizes["other_u8befu4e8c"], 200, "错误二…");
    }

    #[test]
    fn a_code_that_ends_at_a_split_prefix_keeps_it() {
        let mut codes: Vec<String> = (0..400).map(|i| format!("ab{i:03}")).collect();
        codes.push("a".to_owned());
        let blocks = strings(&codes);
        assert_eq!(blocks.last().map(String::as_str), Some("a"));
        assert!(sizes(&blocks).values().all(|&n| n <= PAGE_SPLIT));
    }
}
