//! What a mapping made, for its author (`gen --explain NAME`): how many entries the vendor
//! files have where `entries.at` points, how many the filter kept, and for each code each
//! field's value with the place in the vendor file it was read from.

use std::fmt::Write as _;

use serde_json::Value;

use super::entries::located;
use super::{Document, Entry, Mapping, Problems, Source, source};
use crate::catalog::Catalog;

/// A value shown longer than this is cut, so one field stays one line.
const WIDTH: usize = 72;

impl Mapping {
    /// The preview of this mapping over `documents`, as text; the problems when the mapping
    /// does not read (the same as generation reports).
    ///
    /// `lines` gives, for each document read from a line-oriented file, the line number of each
    /// of its entries, so places in it are shown as lines.
    pub fn preview(
        &self,
        documents: &[Document<'_>],
        lines: &[Option<Vec<usize>>],
    ) -> Result<String, Problems> {
        let (catalog, origins) = self.apply_with_release(documents, Ok(None))?;
        let mut unfiltered = self.clone();
        unfiltered.entries.filter = None;
        let seen = unfiltered.entries(documents).map_or(0, |e| e.len());
        let entries = self.entries(documents).unwrap_or_default();
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
        let sources = self.sources();
        for (code, origin) in catalog.codes.iter().zip(origins) {
            let wire = code.code.wire();
            let entry = entries.iter().find(|e| &e.location() == origin);
            let _ = writeln!(
                out,
                "\n{wire}  ({})",
                match entry {
                    Some(entry) => places.name(entry.file, &entry.pointer),
                    None => "retired: from the last release".to_owned(),
                }
            );
            let value = serde_json::to_value(code).unwrap_or_default();
            let overlay = self.overlay.get(&wire);
            let overlaid = overlay
                .and_then(|o| serde_json::to_value(o).ok())
                .unwrap_or_default();
            let Value::Object(members) = &value else {
                continue;
            };
            for (field, shown) in members {
                let from = if overlaid.get(field).is_some() {
                    "overlay".to_owned()
                } else if let Some(s) = sources.iter().find(|(f, _)| f == field).map(|(_, s)| s)
                    && let Some(entry) = entry
                {
                    origin_of(s, entry, places)
                } else if field == "deprecated"
                    && let (Some(d), Some(entry)) = (&self.fields.deprecated, entry)
                {
                    origin_of(&d.flag, entry, places)
                } else {
                    "mapping".to_owned()
                };
                let _ = writeln!(out, "  {field:<12} {:<40}  {from}", one_line(shown));
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
}

/// Where `source` read its value in `entry`.
fn origin_of(source: &Source, entry: &Entry<'_>, places: &Places<'_, '_>) -> String {
    let place = |p: &str| places.name(entry.file, &absolute(entry, p));
    let key = || format!("{} (member key)", places.name(entry.file, &entry.pointer));
    if source.key {
        return key();
    }
    if let Some(p) = &source.pointer {
        return place(p);
    }
    if let Some(t) = &source.template {
        let read: Vec<String> = source::placeholders(t)
            .map(|p| if p == "key" { key() } else { place(p) })
            .collect();
        return format!("template over {}", read.join(", "));
    }
    format!(
        "expression over {}",
        places.name(entry.file, &entry.pointer)
    )
}

/// A pointer of a source made absolute in the entry's document: a JSON pointer is under the
/// entry; a relative one climbs from it.
fn absolute(entry: &Entry<'_>, pointer: &str) -> String {
    if pointer.is_empty() || pointer.starts_with('/') {
        return format!("{}{pointer}", entry.pointer);
    }
    let Some((up, rest)) = super::relative(pointer) else {
        return format!("{}{pointer}", entry.pointer);
    };
    let segments: Vec<&str> = entry.pointer.split('/').skip(1).collect();
    let depth = segments.len().saturating_sub(up);
    let base: String = segments[..depth].iter().map(|s| format!("/{s}")).collect();
    if rest == "#" {
        format!("{base} (its key)")
    } else {
        format!("{base}{rest}")
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
  title        A (a)                                     template over /classes/0/errors/0/message, /classes/0/errors/0/code
  status       400                                       /classes/0/errors/0/status
  message      A                                         /classes/0/errors/0/message

b  (/classes/1/errors/0)
  code         b                                         /classes/1/errors/0/code
  title        B (b)                                     template over /classes/1/errors/0/message, /classes/1/errors/0/code
  status       503                                       /classes/1/errors/0/status
  message      B                                         /classes/1/errors/0/message
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
