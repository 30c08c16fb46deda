//! What a mapping made, for its author (`gen --explain NAME`): how many entries the vendor
//! files have where `entries.at` points, how many the filter kept, and for each code each
//! field's value with the place in the vendor file it was read from.

use std::fmt::Write as _;

use serde_json::Value;

use super::entries::located;
use super::explain::Origin;
use super::{Document, Entry, Mapping};
use errcat_catalog::diag::Diagnostics;
use errcat_catalog::format::Catalog;

/// A value shown longer than this is cut, so one field stays one line.
const WIDTH: usize = 72;

impl Mapping {
    /// The preview of this mapping over `documents`, as text; the problems when the mapping
    /// does not read (the same as generation reports, tagged by file as
    /// [`Mapping::apply_with_release`] tags them).
    ///
    /// `lines` gives, for each document read from a line-oriented file, the line number of each
    /// of its entries, so places in it are shown as lines.
    pub fn preview(
        &self,
        documents: &[Document<'_>],
        lines: &[Option<Vec<usize>>],
    ) -> Result<String, Diagnostics> {
        let (catalog, origins) = self.apply_with_release(documents, Ok(None))?;
        let mut unfiltered = self.clone();
        unfiltered.entries.filter = None;
        // `apply_with_release` read the entries already, so they read again.
        let bug = "errcat bug: the entries of a mapping that applied cleanly do not read";
        let seen = unfiltered.entries(documents).expect(bug).len();
        let entries = self.entries(documents).expect(bug);
        let places = Places { documents, lines };
        Ok(self.render(&catalog, &origins, seen, &entries, &places))
    }

    fn render(
        &self,
        catalog: &Catalog,
        origins: &[String],
        seen: usize,
        entries: &[Entry<'_>],
        places: &Places<'_, '_>,
    ) -> String {
        let mut out = String::new();
        let at = if self.entries.at.is_empty() {
            "the whole file"
        } else {
            self.entries.at.as_str()
        };
        let _ = writeln!(
            out,
            "entries: {seen} at `{at}`, {} kept, {} filtered out",
            entries.len(),
            seen - entries.len()
        );
        let from_vendor = origins.iter().filter(|o| !o.is_empty()).count();
        let _ = writeln!(
            out,
            "codes: {} ({} read from entries, {} merged into an earlier entry's code, {} retired from the last release)",
            catalog.codes.len(),
            from_vendor,
            entries.len().saturating_sub(from_vendor),
            catalog.codes.len() - from_vendor,
        );
        if catalog.categories.len() > self.catalog.categories.len() {
            let derived: Vec<&str> = catalog.categories[self.catalog.categories.len()..]
                .iter()
                .map(|c| c.id.as_str())
                .collect();
            let _ = writeln!(out, "derived categories: {}", derived.join(", "));
        }
        for (code, explained) in catalog.codes.iter().zip(self.explain(catalog, origins)) {
            let entry = if explained.entry.is_empty() {
                "retired: from the last release".to_owned()
            } else {
                places.show(&explained.entry)
            };
            let _ = writeln!(out, "\n{}  ({entry})", explained.code);
            let value = serde_json::to_value(code).expect(errcat_catalog::diag::OWN_JSON);
            for field in &explained.fields {
                let from: Vec<String> = field.from.iter().map(|o| places.origin(o)).collect();
                let shown = value.get(field.field).map(one_line).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  {:<12} {shown:<40}  {}",
                    field.field,
                    from.join(" + ")
                );
            }
        }
        out
    }
}

/// How the preview names places in the vendor documents: a JSON pointer (after the file's
/// name and `#` when the mapping reads several files), or in a line-oriented file, its line.
struct Places<'d, 'a> {
    documents: &'d [Document<'a>],
    /// For each document read from a line-oriented file, the line of each entry.
    lines: &'d [Option<Vec<usize>>],
}

impl Places<'_, '_> {
    fn name(&self, file: Option<&str>, pointer: &str) -> String {
        let document = self.documents.iter().position(|d| d.name == file);
        let numbers = document.and_then(|d| self.lines.get(d)?.as_ref());
        let mut parts = pointer.splitn(3, '/').skip(1);
        let line = parts
            .next()
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|i| numbers?.get(i));
        match line {
            Some(line) => {
                let prefix = file.map(|f| format!("{f}: ")).unwrap_or_default();
                let member = parts.next().map(|m| format!(" `{m}`")).unwrap_or_default();
                format!("{prefix}line {line}{member}")
            }
            None => located(file, pointer),
        }
    }

    /// A place as the mapping engine names it (`<file>#<pointer>` for one of several files).
    fn show(&self, place: &str) -> String {
        let file = self.documents.iter().find_map(|d| {
            let name = d.name?;
            let pointer = place.strip_prefix(name)?.strip_prefix('#')?;
            Some((name, pointer))
        });
        match file {
            Some((name, pointer)) => self.name(Some(name), pointer),
            None => self.name(None, place),
        }
    }

    fn origin(&self, origin: &Origin) -> String {
        match origin {
            Origin::Vendor(places) => {
                let shown: Vec<String> = places.iter().map(|p| self.show(p)).collect();
                shown.join(", ")
            }
            Origin::Key(at) => format!("key of {}", self.show(at)),
            Origin::Expression(at) => format!("expression over {}", self.show(at)),
            Origin::Overlay => "overlay".to_owned(),
            Origin::Release => "last release".to_owned(),
        }
    }
}

/// A value on one line: text as it is, anything else as JSON, cut at [`WIDTH`].
fn one_line(value: &Value) -> String {
    let text = match value {
        Value::String(s) => s.replace('\n', "⏎"),
        other => other.to_string(),
    };
    if text.chars().count() <= WIDTH {
        return text;
    }
    let cut: String = text.chars().take(WIDTH - 1).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::{one, test_mapping};

    #[test]
    fn the_preview_counts_entries_and_shows_where_each_field_came_from() {
        let m = test_mapping(json!({
            "entries": {
                "at": "/classes/*/errors",
                "filter": {"pointer": "/internal", "not_equals": true},
            },
            "fields": {
                "status": {"pointer": "/status"},
                "title": {"template": "{/message} ({/code})"},
            },
            "overlay": {"b": {"fixes": ["Retry"]}},
        }));
        let vendor = json!({"classes": [
            {"errors": [
                {"code": "a", "message": "A", "status": 400},
                {"code": "x", "message": "X", "internal": true},
            ]},
            {"errors": [{"code": "b", "message": "B", "status": 503}]},
        ]});
        let text = m.preview(&one(&vendor), &[None]).expect("a preview");
        let want = "\
entries: 3 at `/classes/*/errors`, 2 kept, 1 filtered out
codes: 2 (2 read from entries, 0 merged into an earlier entry's code, 0 retired from the last release)

a  (/classes/0/errors/0)
  code         a                                         /classes/0/errors/0/code
  message      A                                         /classes/0/errors/0/message
  title        A (a)                                     /classes/0/errors/0/message, /classes/0/errors/0/code
  status       400                                       /classes/0/errors/0/status

b  (/classes/1/errors/0)
  code         b                                         /classes/1/errors/0/code
  message      B                                         /classes/1/errors/0/message
  title        B (b)                                     /classes/1/errors/0/message, /classes/1/errors/0/code
  status       503                                       /classes/1/errors/0/status
  fixes        [\"Retry\"]                                 overlay
";
        assert_eq!(text, want);
    }

    #[test]
    fn places_in_a_line_oriented_file_are_its_lines() {
        let (a, b) = (json!([]), json!([]));
        let documents = [
            super::Document {
                name: Some("v/a.txt"),
                value: &a,
            },
            super::Document {
                name: Some("v/b.json"),
                value: &b,
            },
        ];
        let lines = [Some(vec![3, 7]), None];
        let places = super::Places {
            documents: &documents,
            lines: &lines,
        };
        assert_eq!(
            places.name(Some("v/a.txt"), "/1/kind"),
            "v/a.txt: line 7 `kind`"
        );
        assert_eq!(places.name(Some("v/a.txt"), "/0"), "v/a.txt: line 3");
        assert_eq!(places.name(Some("v/a.txt"), "/9/kind"), "v/a.txt#/9/kind");
        assert_eq!(places.name(Some("v/b.json"), "/1/kind"), "v/b.json#/1/kind");
    }
}
