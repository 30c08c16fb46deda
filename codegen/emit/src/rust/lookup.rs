//! The lookup `ErrorCode::from_code` reads, in `error_code_tables`: the hash (copied from
//! `runtime/phf_hash.rs`), `find`, and the tables of the perfect hash `phf` builds.

use std::fmt::Write as _;

use super::fmt::{array, lit};
use super::phf;
use super::table::index_ty;
use errcat_catalog::model::Model;

/// Spellings up to this many bytes are compared through their four words only; the lookup
/// compares longer ones in full (see `runtime/phf_hash.rs`).
const WORDS_SPELL: usize = 32;

/// The perfect hash `from_code` reads: the hash, `find`, and its tables.
pub(super) fn write_lookup(out: &mut String, model: &Model) {
    let spellings: Vec<(&str, usize)> = model
        .codes
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            std::iter::once(c.wire.as_str())
                .chain(c.entry().aliases.iter().map(String::as_str))
                .map(move |s| (s, i))
        })
        .collect();
    let keys: Vec<&str> = spellings.iter().map(|&(s, _)| s).collect();
    let table = phf::build(&keys);
    let long = keys.iter().any(|k| k.len() > WORDS_SPELL);
    let _ = writeln!(out, "    const SEED: u64 = {:#018x};\n", table.seed);
    write_hash(out);
    write_find(out, long);
    write_displacements(out, &table);
    write_keys(out, &table, &spellings, index_ty(model.codes.len()));
    if long {
        write_spellings(out, &table, &spellings);
    }
}

/// The hash, copied from `runtime/phf_hash.rs` (which errcat includes to build the tables,
/// so both sides hash alike). The file's opening `//` comments are notes for errcat's
/// maintainers and are not copied.
fn write_hash(out: &mut String) {
    let source = include_str!("../../../runtime/phf_hash.rs");
    let lines = source
        .lines()
        .skip_while(|l| l.starts_with("//") && !l.starts_with("///"))
        .skip_while(|l| l.is_empty());
    for line in lines {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "    {line}");
        }
    }
}

/// `find`: the index of a spelling's code. `long`: whether some spelling is longer than
/// its four words, and so is confirmed against `SPELLINGS`.
fn write_find(out: &mut String, long: bool) {
    let confirm = if long {
        format!("same && (code.len() <= {WORDS_SPELL} || SPELLINGS[slot] == code)")
    } else {
        "same".to_owned()
    };
    // rustfmt's `single_line_if_else_max_width`.
    let one_line = format!("if {confirm} {{ Some(index as usize) }} else {{ None }}");
    let result = if one_line.len() <= 50 {
        one_line
    } else {
        format!(
            "if {confirm} {{\n            Some(index as usize)\n        }} else {{\n            None\n        }}"
        )
    };
    let _ = write!(
        out,
        "
    /// The index in `ALL` of the code spelled `code`, if any.
    pub(super) fn find(code: &str) -> Option<usize> {{
        let words = words(code.as_bytes());
        let h = hash(words, code.len(), SEED);
        let slot = slot(h, &DISPLACEMENTS, KEYS.len())?;
        let (low, high, len, index) = KEYS[slot];
        let same = len as usize == code.len() && (low, high) == pairs(words);
        {result}
    }}
"
    );
}

/// `DISPLACEMENTS`, per bucket of the perfect hash.
fn write_displacements(out: &mut String, table: &phf::Phf) {
    let displacements: Vec<String> = table
        .displacements
        .iter()
        .map(|(a, b, filter)| format!("({a}, {b}, {filter:#x})"))
        .collect();
    out.push_str(
        "\n    /// Per bucket of the perfect hash: its displacements and its keys' filter bits.\n",
    );
    let head = format!(
        "static DISPLACEMENTS: [(u32, u32, u64); {}] = ",
        displacements.len()
    );
    array(out, "    ", &head, &displacements, ";");
}

/// `KEYS`, every spelling at its slot.
fn write_keys(out: &mut String, table: &phf::Phf, spellings: &[(&str, usize)], index_ty: &str) {
    let rows: Vec<String> = table
        .slots
        .iter()
        .map(|&k| {
            let (spelling, index) = spellings[k];
            let (low, high) = phf::key_pairs(spelling);
            format!("({low:#x}, {high:#x}, {}, {index})", spelling.len())
        })
        .collect();
    out.push_str(
        "\n    /// Every spelling (codes and aliases) at its slot: its four words (as two pairs), its\n    \
         /// length in bytes and the index of its code.\n",
    );
    let head = format!(
        "static KEYS: [(u128, u128, u32, {index_ty}); {}] = ",
        rows.len()
    );
    array(out, "    ", &head, &rows, ";");
}

/// `SPELLINGS`, the spellings `find` compares in full.
fn write_spellings(out: &mut String, table: &phf::Phf, spellings: &[(&str, usize)]) {
    let spelled: Vec<String> = table
        .slots
        .iter()
        .map(|&k| match spellings[k].0 {
            long if long.len() > WORDS_SPELL => lit(long),
            _ => "\"\"".to_owned(),
        })
        .collect();
    out.push_str(
        "\n    /// The spellings longer than four words at their slot (the others are empty).\n",
    );
    let head = format!("static SPELLINGS: [&str; {}] = ", spelled.len());
    array(out, "    ", &head, &spelled, ";");
}
