//! The per-code values of `ErrorCode` (its columns) and how each is written: a constant when
//! every code has the same value, a rule when every value is the code with the same text
//! before and after it, else a table in `error_code_tables`.

use super::fmt::{array, lit, wrapped_lit};

/// Column where the items of a table start (in `error_code_tables`, inside an array).
const ITEM_INDENT: usize = 8;

/// The text every value of a column has around its code: `value = before + code + after`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Affix {
    /// The text before the code.
    pub before: String,
    /// The text after the code.
    pub after: String,
}

impl Affix {
    /// The affix that every value has around its code, `values[i]` around `codes[i]`, if
    /// there is one. When the first code occurs more than once in the first value, the
    /// earliest occurrence that fits every value is taken (so the answer is deterministic).
    /// `None` when any value does not fit: a column that mostly follows a rule is a table.
    pub fn find(codes: &[&str], values: &[&str]) -> Option<Affix> {
        if codes.len() != values.len() {
            return None;
        }
        let (&code, &value) = codes.first().zip(values.first())?;
        value
            .match_indices(code)
            .map(|(at, _)| Affix {
                before: value[..at].to_owned(),
                after: value[at + code.len()..].to_owned(),
            })
            .find(|affix| codes.iter().zip(values).all(|(c, v)| affix.fits(c, v)))
    }

    /// Whether `value` is `code` with this affix around it.
    pub fn fits(&self, code: &str, value: &str) -> bool {
        value.len() == self.before.len() + code.len() + self.after.len()
            && value.starts_with(&self.before)
            && value.ends_with(&self.after)
            && &value[self.before.len()..value.len() - self.after.len()] == code
    }

    /// The value of `code` under this rule.
    #[cfg(test)]
    pub fn apply(&self, code: &str) -> String {
        format!("{}{code}{}", self.before, self.after)
    }

    /// The rule as Rust for `by_code!` (see [`Table::rule`]): the value of the code
    /// `$code`, a string literal, as one literal.
    fn concat(&self) -> Vec<String> {
        let mut parts = Vec::with_capacity(3);
        if !self.before.is_empty() {
            parts.push(lit(&self.before));
        }
        parts.push("$code".to_owned());
        if !self.after.is_empty() {
            parts.push(lit(&self.after));
        }
        parts
    }
}

/// Type of an index into `ALL` for `n` codes.
pub(super) fn index_ty(n: usize) -> &'static str {
    if n <= usize::from(u16::MAX) + 1 {
        "u16"
    } else {
        "u32"
    }
}

/// One per-code value of `ErrorCode`: a constant when every code has the same, a rule over
/// the code when there is one, else a table.
pub(super) struct Column {
    /// Name of the table in `error_code_tables`.
    pub table: &'static str,
    /// Type of one value, as a table element.
    pub ty: String,
    /// The value of each code, as Rust.
    pub values: Vec<String>,
    /// The rule every value follows, when the column is a text each code's value of which
    /// is the code inside the same text.
    pub rule: Option<Affix>,
    /// What the table holds, when its type does not say it all.
    pub doc: Option<&'static str>,
}

impl Column {
    /// A column of any type: a constant or a table.
    pub fn new(table: &'static str, ty: impl Into<String>, values: Vec<String>) -> Column {
        Column {
            table,
            ty: ty.into(),
            values,
            rule: None,
            doc: None,
        }
    }

    /// A column of `&'static str`: `texts[i]` for the code spelled `codes[i]`. It is a rule
    /// when every text is its code inside the same text (and not all texts are the same).
    pub fn texts(table: &'static str, codes: &[&str], texts: &[String]) -> Column {
        let values: Vec<String> = texts.iter().map(|t| wrapped_lit(t, ITEM_INDENT)).collect();
        let mut column = Column::new(table, "&str", values);
        if column.uniform().is_none() {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            column.rule = Affix::find(codes, &texts);
        }
        column
    }

    /// The one value of every code, if they all have the same.
    pub fn uniform(&self) -> Option<&str> {
        let first = self.values.first()?;
        self.values[1..]
            .iter()
            .all(|v| v == first)
            .then_some(first.as_str())
    }

    /// The body of the accessor: the constant, or a read of the table.
    pub fn body(&self) -> String {
        match self.uniform() {
            Some(v) => v.to_owned(),
            None => format!("error_code_tables::{}[self as usize]", self.table),
        }
    }

    /// The column as its table will be written, its values dropped: a large catalog's
    /// columns are kept as a few long texts, not as a string per code each.
    pub fn done(self) -> Table {
        let uniform = self.uniform().is_some();
        let n = self.values.len();
        let head = format!("pub(super) static {}: [{}; {n}] = ", self.table, self.ty);
        let mut table = Table::none(self.table);
        if uniform {
            return table;
        }
        if let Some(rule) = &self.rule {
            table.rule = Some(rule_static(&head, rule));
        } else {
            table.text.push('\n');
            if let Some(doc) = self.doc {
                table.text.push_str("    /// ");
                table.text.push_str(doc);
                table.text.push('\n');
            }
            array(&mut table.text, "    ", &head, &self.values, ";");
        }
        table
    }
}

/// The static of a rule column inside `by_code!`'s expansion (12 columns in): each value
/// built from its code by `concat!` at compile time, so the accessor still returns a
/// `&'static str` while the source holds the rule once.
fn rule_static(head: &str, rule: &Affix) -> String {
    const INDENT: &str = "            ";
    let parts = rule.concat();
    let one_line = format!("[$(concat!({})),*];", parts.join(", "));
    let mut out = format!("{INDENT}{}\n", head.trim_end());
    if INDENT.len() + 4 + one_line.chars().count() <= 100 {
        out.push_str(&format!("{INDENT}    {one_line}\n"));
    } else {
        out.push_str(&format!("{INDENT}    [$(concat!(\n"));
        for part in parts {
            out.push_str(&format!("{INDENT}        {part},\n"));
        }
        out.push_str(&format!("{INDENT}    )),*];\n"));
    }
    out
}

/// A [`Column`]'s table, written (empty for a constant column).
pub(super) struct Table {
    /// Name of the table in `error_code_tables`.
    pub name: &'static str,
    /// The table as Rust (empty for a constant or a rule).
    pub text: String,
    /// For a rule, its static as `by_code!` writes it.
    pub rule: Option<String>,
}

impl Table {
    /// No table: the accessor does without one.
    pub fn none(name: &'static str) -> Table {
        Table {
            name,
            text: String::new(),
            rule: None,
        }
    }

    /// A table written by its own writer (empty for none).
    pub fn written(name: &'static str, text: String) -> Table {
        Table {
            name,
            text,
            rule: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_with_the_code_filled_in_is_a_rule() {
        let codes = ["10001", "20002", "30003"];
        let urls = codes.map(|c| format!("https://example.com/errors/{c}.html"));
        let urls: Vec<&str> = urls.iter().map(String::as_str).collect();
        let rule = Affix::find(&codes, &urls).expect("a rule");
        assert_eq!(rule.before, "https://example.com/errors/");
        assert_eq!(rule.after, ".html");
        assert_eq!(rule.apply("40004"), "https://example.com/errors/40004.html");
        let names = ["E10001", "E20002", "E30003"];
        let rule = Affix::find(&codes, &names).expect("a rule");
        assert_eq!((rule.before.as_str(), rule.after.as_str()), ("E", ""));
    }

    #[test]
    fn texts_that_do_not_hold_their_code_are_no_rule() {
        let codes = ["10001", "20002"];
        assert_eq!(Affix::find(&codes, &["Not found", "Gone"]), None);
        // The same text around a different code.
        assert_eq!(Affix::find(&codes, &["/e/10001", "/e/20003"]), None);
        assert_eq!(Affix::find(&codes, &["/e/10001"]), None);
        assert_eq!(Affix::find(&[], &[]), None);
    }

    #[test]
    fn a_column_that_mostly_follows_a_rule_is_a_table() {
        let codes = ["a", "b", "c", "d"];
        let mixed = ["/a", "/b", "/c", "/elsewhere/d"];
        assert_eq!(Affix::find(&codes, &mixed), None);
        let texts: Vec<String> = mixed.iter().map(|s| s.to_string()).collect();
        let table = Column::texts("DOC_URLS", &codes, &texts).done();
        assert!(table.rule.is_none());
        assert!(table.text.contains("\"/elsewhere/d\""), "{}", table.text);
    }

    #[test]
    fn the_occurrence_of_the_code_that_fits_every_value_is_taken() {
        // `1` occurs twice in the first value; only the second fits the others.
        let codes = ["1", "2"];
        let rule = Affix::find(&codes, &["v1/1", "v1/2"]).expect("a rule");
        assert_eq!((rule.before.as_str(), rule.after.as_str()), ("v1/", ""));
    }

    #[test]
    fn a_rule_column_is_written_as_concat_and_a_table_column_as_values() {
        let codes = ["10001", "20002"];
        let urls = [
            "https://e.com/10001".to_owned(),
            "https://e.com/20002".to_owned(),
        ];
        let table = Column::texts("DOC_URLS", &codes, &urls).done();
        assert_eq!(table.text, "");
        assert_eq!(
            table.rule.as_deref(),
            Some(
                "            pub(super) static DOC_URLS: [&str; 2] =\n                \
                 [$(concat!(\"https://e.com/\", $code)),*];\n"
            )
        );
        // The same value for every code is a constant, not a rule.
        let same = ["https://e.com/".to_owned(), "https://e.com/".to_owned()];
        let column = Column::texts("DOC_URLS", &codes, &same);
        assert_eq!(column.body(), "\"https://e.com/\"");
        assert!(column.done().rule.is_none());
    }
}
