//! Where each field of each code came from, for a preview of what a mapping made: the vendor
//! pointers a field read, the expression that computed it, the overlay, or the last release.
//! Built only when asked, from the catalog the mapping made and the entry of each code.

use std::fmt;

use serde_json::Value;

use super::fields::{FIELDS, Read};
use super::{Mapping, Source, source};
use errcat_catalog::format::{Catalog, Code};

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Read at these places in the vendor file (absolute JSON pointers; a template reads one
    /// per placeholder).
    Vendor(Vec<String>),
    /// The member key of the entry at this pointer.
    Key(String),
    /// Computed by the field's expression over the entry at this pointer.
    Expression(String),
    /// Given by the mapping's overlay.
    Overlay,
    /// Read from the last release (a retired code).
    Release,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Vendor(pointers) => {
                let list: Vec<String> = pointers.iter().map(|p| format!("`{p}`")).collect();
                f.write_str(&list.join(", "))
            }
            Origin::Key(at) => write!(f, "key of `{at}`"),
            Origin::Expression(at) => write!(f, "expression over `{at}`"),
            Origin::Overlay => f.write_str("overlay"),
            Origin::Release => f.write_str("last release"),
        }
    }
}

/// One field of a code and where its value came from (a list the overlay adds to has two
/// origins).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldOrigin {
    /// The field, as `fields` and the catalog name it.
    pub field: &'static str,
    /// Where its value came from.
    pub from: Vec<Origin>,
}

/// The fields of one code with their origins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeOrigin {
    /// The code as the wire spells it.
    pub code: String,
    /// The vendor entry it was read from (empty for a retired code).
    pub entry: String,
    /// Each field the code has, in the order of the field table.
    pub fields: Vec<FieldOrigin>,
}

impl Mapping {
    /// For each code of `catalog` (as [`Mapping::apply_with_release`] made it, with the vendor
    /// entry of each code in `origins`), each field it has and where the value came from. A
    /// code made from several merged entries names the first.
    pub fn explain(&self, catalog: &Catalog, origins: &[String]) -> Vec<CodeOrigin> {
        catalog
            .codes
            .iter()
            .zip(origins)
            .map(|(code, entry)| self.explain_code(code, entry))
            .collect()
    }

    fn explain_code(&self, code: &Code, entry: &str) -> CodeOrigin {
        let wire = code.code.wire();
        let present = serde_json::to_value(code).expect(errcat_catalog::diag::OWN_JSON);
        let overlay = self
            .overlay
            .get(&wire)
            .map(|o| serde_json::to_value(o).expect(errcat_catalog::diag::OWN_JSON))
            .unwrap_or(Value::Null);
        let mut fields = Vec::new();
        for spec in FIELDS {
            if present.get(spec.name).is_none() {
                continue;
            }
            let mut from = Vec::new();
            if entry.is_empty() {
                from.push(Origin::Release);
            } else if let Some(source) = self.field_source(spec) {
                from.extend(origin(source, entry));
            }
            if spec.name == "deprecated"
                && !entry.is_empty()
                && let Some(d) = &self.fields.deprecated
            {
                from.extend(origin(&d.flag, entry));
                from.extend(origin(&d.note, entry));
            }
            if overlay.get(spec.name).is_some() {
                // A scalar the overlay gives replaces the vendor's; a list adds to it.
                if !matches!(spec.read, Read::List(..)) {
                    from.clear();
                }
                from.push(Origin::Overlay);
            }
            fields.push(FieldOrigin {
                field: spec.name,
                from,
            });
        }
        CodeOrigin {
            code: wire,
            entry: entry.to_owned(),
            fields,
        }
    }

    /// The source of a field row, when the mapping gives one (`deprecated` has two).
    fn field_source(&self, spec: &super::fields::FieldSpec) -> Option<&Source> {
        let f = &self.fields;
        match spec.read {
            Read::Code => Some(&f.code),
            Read::Message => Some(&f.message),
            Read::Category => f.category.as_ref(),
            Read::Text(source, _)
            | Read::Name(source, _)
            | Read::Status(source, _)
            | Read::List(source, _)
            | Read::Flag(source, _) => source(f),
            Read::Deprecated | Read::OverlayOnly => None,
        }
    }
}

/// Where `source` reads for the entry at `entry`.
fn origin(source: &Source, entry: &str) -> Option<Origin> {
    if source.key {
        return Some(Origin::Key(entry.to_owned()));
    }
    if source.expr.is_some() {
        return Some(Origin::Expression(entry.to_owned()));
    }
    if let Some(p) = &source.pointer {
        return Some(Origin::Vendor(vec![source::location_at(p, entry)]));
    }
    let template = source.template.as_deref()?;
    let mut read = Vec::new();
    for p in source::placeholders(template) {
        if p == "key" {
            read.push(entry.to_owned());
        } else {
            read.push(source::location_at(p, entry));
        }
    }
    Some(Origin::Vendor(read))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::test_mapping;
    use super::*;

    #[test]
    fn each_field_names_where_it_came_from() {
        let m = test_mapping(json!({
            "entries": {"at": "/groups/0/errors", "kind": "object"},
            "fields": {
                "code": {"key": true},
                "title": {"pointer": "2/name"},
                "description": {"template": "{/message} ({key}, {2#})"},
                "status": {"expr": ".http // 400"},
                "causes": {"pointer": "/cause"},
            },
            "overlay": {"b": {"title": "Bee", "causes": ["more"]}},
        }));
        let vendor = json!({"groups": [{"name": "G", "errors": {
            "a": {"message": "A", "cause": "x"},
            "b": {"message": "B", "cause": "y", "http": 404},
        }}]});
        let (catalog, origins) = m.apply(&vendor).expect("a catalog");
        let got = m.explain(&catalog, &origins);
        let lines: Vec<String> = got
            .iter()
            .flat_map(|c| {
                c.fields.iter().map(move |f| {
                    let from: Vec<String> = f.from.iter().map(ToString::to_string).collect();
                    format!("{} {}: {}", c.code, f.field, from.join(" + "))
                })
            })
            .collect();
        assert_eq!(
            lines,
            [
                "a code: key of `/groups/0/errors/a`",
                "a message: `/groups/0/errors/a/message`",
                "a title: `/groups/0/name`",
                "a status: expression over `/groups/0/errors/a`",
                "a description: `/groups/0/errors/a/message`, `/groups/0/errors/a`, `/groups/0`",
                "a causes: `/groups/0/errors/a/cause`",
                "b code: key of `/groups/0/errors/b`",
                "b message: `/groups/0/errors/b/message`",
                "b title: overlay",
                "b status: expression over `/groups/0/errors/b`",
                "b description: `/groups/0/errors/b/message`, `/groups/0/errors/b`, `/groups/0`",
                "b causes: `/groups/0/errors/b/cause` + overlay",
            ]
        );
        assert_eq!(catalog.codes[0].title.as_deref(), Some("G"));
        assert_eq!(catalog.codes[0].description.as_deref(), Some("A (a, 0)"));
        assert_eq!(catalog.codes[1].status, Some(404));
        assert_eq!(catalog.codes[0].status, Some(400));
    }

    #[test]
    fn a_retired_code_comes_from_the_last_release() {
        let m = test_mapping(json!({}));
        let catalog: Catalog = serde_json::from_value(json!({
            "format": 1, "name": "t", "title": "T",
            "codes": [{"code": "gone", "message": "Gone"}],
        }))
        .unwrap();
        let got = m.explain(&catalog, &[String::new()]);
        assert_eq!(got[0].entry, "");
        assert_eq!(
            got[0]
                .fields
                .iter()
                .map(|f| (f.field, f.from.clone()))
                .collect::<Vec<_>>(),
            [
                ("code", vec![Origin::Release]),
                ("message", vec![Origin::Release])
            ]
        );
    }
}
