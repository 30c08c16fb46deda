//! A line-oriented vendor file (`lines` in a mapping), read as a JSON array of one object per
//! entry line.

use serde_json::Value;

use super::Lines;

impl Lines {
    /// The entries of `text`, and the byte range of each entry's line.
    pub fn read(&self, text: &str) -> (Value, Vec<std::ops::Range<usize>>) {
        let mut entries = Vec::new();
        let mut ranges = Vec::new();
        let mut section: Option<String> = None;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let range = offset..offset + line.trim_end().len();
            offset += line.len();
            let line = line.trim_end();
            if line.trim().is_empty()
                || self.comment.as_deref().is_some_and(|c| line.starts_with(c))
            {
                continue;
            }
            if let Some(rest) = self.section.as_deref().and_then(|p| line.strip_prefix(p)) {
                section = Some(rest.trim().to_owned());
                continue;
            }
            let mut entry = serde_json::Map::new();
            let mut rest = line.trim_start();
            for (i, column) in self.columns.iter().enumerate() {
                if rest.is_empty() {
                    break;
                }
                let value = if i + 1 == self.columns.len() {
                    std::mem::take(&mut rest)
                } else {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    let (head, tail) = rest.split_at(end);
                    rest = tail.trim_start();
                    head
                };
                entry.insert(column.clone(), Value::String(value.trim().to_owned()));
            }
            if let Some(s) = &section {
                entry.insert("section".to_owned(), Value::String(s.clone()));
            }
            entries.push(Value::Object(entry));
            ranges.push(range);
        }
        (Value::Array(entries), ranges)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn lines(json: Value) -> Lines {
        serde_json::from_value(json).expect("lines")
    }

    #[test]
    fn entry_lines_become_objects_with_their_sections() {
        let l = lines(
            json!({"comment": "#", "section": "Section:", "columns": ["code", "kind", "message"]}),
        );
        let text = "# a comment\nSection: Class 00 — OK\n00000  S  successful completion\n\n01000 W   warning with   spaces  \r\nSection: Class 02\n02000\n";
        let (value, ranges) = l.read(text);
        assert_eq!(
            value,
            json!([
                {"code": "00000", "kind": "S", "message": "successful completion", "section": "Class 00 — OK"},
                {"code": "01000", "kind": "W", "message": "warning with   spaces", "section": "Class 00 — OK"},
                {"code": "02000", "section": "Class 02"},
            ])
        );
        let shown: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            shown,
            [
                "00000  S  successful completion",
                "01000 W   warning with   spaces",
                "02000"
            ]
        );
    }

    #[test]
    fn without_comment_or_section_markers_every_line_is_an_entry() {
        let l = lines(json!({"columns": ["code", "rest"]}));
        let (value, ranges) = l.read("# not a comment\nSection: x");
        assert_eq!(
            value,
            json!([
                {"code": "#", "rest": "not a comment"},
                {"code": "Section:", "rest": "x"},
            ])
        );
        assert_eq!(ranges, [0..15, 16..26]);
    }
}
