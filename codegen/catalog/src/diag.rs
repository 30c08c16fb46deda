//! Diagnostics: every problem found in a run, located by file and byte range (or JSON
//! pointer), rendered together with codespan-reporting.
//!
//! Errors take three shapes, one per reach:
//!
//! - **A problem in a file** is a [`Diagnostic`]: a message located by JSON pointer and/or
//!   byte range, with related places and a hint.
//! - **The problems of one file, before it is bound to its text**, are [`Diagnostics`]: what
//!   load, mapping, check and model return (`Result<T, Diagnostics>`) or gather into. A stage
//!   that reads more than one file tags each diagnostic with the file it is in
//!   ([`Diagnostic::file`]: [`THIS_FILE`] for the file the stage was given, other indices as
//!   that stage documents, e.g. the mapping engine's vendor files).
//! - **Across files, and at every stage boundary the planner calls**, a [`Report`]:
//!   `Result<T, Report>`. Binding gives diagnostics their source ([`Report::bind`]); a caller
//!   that goes on after a failure, so that one run shows the problems of every catalog,
//!   gathers reports with [`Report::append`].
//!
//! A private helper may return a bare message that its one caller locates at once, and the
//! mapping engine's value readers (`mapping/source.rs`, `expr.rs`, `markup.rs`, `clean.rs`)
//! return a fragment ("is missing") that the field reading them prefixes with the entry and
//! field and locates at once; no `Result<_, String>` leaves the stage it is made in.
//!
//! Data errcat produced itself (its own serialisations, tables it built) does not fail
//! quietly: a bug in errcat is a panic that says so ([`OWN_JSON`] for serialisations), never
//! an empty file or a default value.

use std::fmt;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Rendered, Label};
use codespan_reporting::term;

mod excerpt;

use excerpt::Excerpt;

/// One problem in one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in. Before the diagnostic is bound to a [`Report`], which of the
    /// files a stage read (0, the file the stage was given, unless the stage says otherwise);
    /// after, the index in the report's source list.
    pub file: usize,
    /// Byte range in the file, when known.
    pub range: Option<Range<usize>>,
    /// JSON pointer of the value involved, when the problem is about a value.
    pub pointer: Option<String>,
    /// What is wrong, naming the code involved where there is one.
    pub message: String,
    /// Further locations, e.g. the other entry of a collision.
    pub related: Vec<Related>,
    /// What to do about it.
    pub hint: Option<String>,
    /// What a one-line listing of this problem adds after its place, where the problem is one
    /// of many of its kind (see [`Report`]'s rendering): the value to write, say.
    pub brief: Option<String>,
}

impl Diagnostic {
    /// A problem at a JSON pointer; the byte range is resolved later from the source.
    pub fn at(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: 0,
            range: None,
            pointer: Some(pointer.into()),
            message: message.into(),
            related: Vec::new(),
            hint: None,
            brief: None,
        }
    }

    /// Adds another location, given by JSON pointer, with what it is.
    pub fn related(mut self, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        self.related.push(Related {
            pointer: Some(pointer.into()),
            range: None,
            message: message.into(),
        });
        self
    }

    /// Adds what to do about it.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Sets what a one-line listing of this problem adds after its place.
    pub fn brief(mut self, brief: impl Into<String>) -> Self {
        self.brief = Some(brief.into());
        self
    }

    /// Tags the problem as being in file `file` of the stage that found it.
    pub fn in_file(mut self, file: usize) -> Self {
        self.file = file;
        self
    }
}

/// What a failure to serialise errcat's own data to JSON is: a bug in errcat.
pub const OWN_JSON: &str = "errcat data serialises to JSON; a failure is a bug in errcat";

/// The file a stage was given, as [`Diagnostic::file`] names it before binding.
pub const THIS_FILE: usize = 0;

/// The problems of one file (or of the files one stage read, told apart by
/// [`Diagnostic::file`]), not yet bound to their source text: see the module documentation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// No problem yet.
    pub fn new() -> Self {
        Diagnostics(Vec::new())
    }

    /// `Ok(value)` when no problem was found, else the problems.
    pub fn or_ok<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// Tags every problem as being in file `file` of the stage that found them.
    pub fn in_file(mut self, file: usize) -> Self {
        for d in &mut self.0 {
            d.file = file;
        }
        self
    }

    /// Takes out the problems tagged as being in file `file`, in order.
    pub fn take_file(&mut self, file: usize) -> Diagnostics {
        let (taken, kept) = std::mem::take(&mut self.0)
            .into_iter()
            .partition(|d| d.file == file);
        self.0 = kept;
        Diagnostics(taken)
    }
}

impl std::ops::Deref for Diagnostics {
    type Target = Vec<Diagnostic>;
    fn deref(&self) -> &Vec<Diagnostic> {
        &self.0
    }
}

impl std::ops::DerefMut for Diagnostics {
    fn deref_mut(&mut self) -> &mut Vec<Diagnostic> {
        &mut self.0
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(list: Vec<Diagnostic>) -> Self {
        Diagnostics(list)
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        self.0.extend(iter);
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a> IntoIterator for &'a mut Diagnostics {
    type Item = &'a mut Diagnostic;
    type IntoIter = std::slice::IterMut<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter_mut()
    }
}

/// A secondary location of a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// JSON pointer of the place, resolved to `range` by the loader.
    pub pointer: Option<String>,
    /// Byte range of the place.
    pub range: Option<Range<usize>>,
    /// What is there.
    pub message: String,
}

/// An input file as shown in messages.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path as the user knows it (relative to the workspace root where possible).
    pub name: String,
    /// Full text.
    pub text: String,
}

/// All problems of one run, with the sources they point into.
#[derive(Debug, Default, Clone)]
pub struct Report {
    sources: Vec<Source>,
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Registers a source and returns its index for [`Diagnostic::file`].
    pub fn add_source(&mut self, name: impl Into<String>, text: impl Into<String>) -> usize {
        self.sources.push(Source {
            name: name.into(),
            text: text.into(),
        });
        self.sources.len() - 1
    }

    /// Records problems of the source `file`.
    pub fn extend(&mut self, file: usize, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics
            .extend(diagnostics.into_iter().map(|d| Diagnostic { file, ..d }));
    }

    /// A report of the problems of one file, `name` with text `text`.
    pub fn bind(
        name: impl Into<String>,
        text: impl Into<String>,
        diagnostics: impl IntoIterator<Item = Diagnostic>,
    ) -> Report {
        let mut report = Report::default();
        let file = report.add_source(name, text);
        report.extend(file, diagnostics);
        report
    }

    /// A report of one problem that is about no file in particular.
    pub fn global(message: impl Into<String>) -> Report {
        let mut report = Report::default();
        report.push_global(message);
        report
    }

    /// Records a problem that is about no file in particular (an output path, say).
    pub fn push_global(&mut self, message: impl Into<String>) {
        let file = self.add_source("<errcat>", "");
        self.extend(
            file,
            [Diagnostic {
                file,
                range: None,
                pointer: None,
                message: message.into(),
                related: Vec::new(),
                hint: None,
                brief: None,
            }],
        );
    }

    /// A report of one failed read or write (`e` says which file).
    pub fn io(e: std::io::Error) -> Report {
        Report::global(e.to_string())
    }

    /// Moves the problems of `other` (and the sources they point into) into this report.
    pub fn append(&mut self, other: Report) {
        let offset = self.sources.len();
        self.sources.extend(other.sources);
        self.diagnostics
            .extend(other.diagnostics.into_iter().map(|d| Diagnostic {
                file: d.file + offset,
                ..d
            }));
    }

    /// Whether no problem was recorded.
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// Number of problems.
    pub fn len(&self) -> usize {
        self.diagnostics.len()
    }

    /// The problems, sorted by file and position.
    pub fn diagnostics(&self) -> Vec<&Diagnostic> {
        let mut all: Vec<&Diagnostic> = self.diagnostics.iter().collect();
        all.sort_by_key(|d| (d.file, d.range.as_ref().map(|r| r.start), d.message.clone()));
        all
    }
}

impl Report {
    /// The problems rendered as warnings (for a run that goes on), without a summary line.
    pub fn warnings(&self) -> String {
        let mut out = String::new();
        let _ = self.render(&mut out, Rendered::warning);
        out
    }

    fn render(&self, f: &mut dyn fmt::Write, severity: fn() -> Rendered<()>) -> fmt::Result {
        use std::collections::HashMap;
        let config = term::Config::default();
        let all = self.diagnostics();
        // Problems of one kind (one file, one message but for the names and numbers in it,
        // one hint), beyond the first few, are counted after the last one shown in full and
        // listed a line each.
        let kinds: Vec<Option<(usize, String, Option<&str>)>> = all
            .iter()
            .map(|d| {
                d.range
                    .as_ref()
                    .map(|_| (d.file, kind_of(&d.message), d.hint.as_deref()))
            })
            .collect();
        let mut members: HashMap<&(usize, String, Option<&str>), Vec<usize>> = HashMap::new();
        for (i, kind) in kinds.iter().enumerate() {
            if let Some(kind) = kind {
                members.entry(kind).or_default().push(i);
            }
        }
        for (i, d) in all.iter().enumerate() {
            let group = kinds[i].as_ref().map_or(&[][..], |k| &members[k][..]);
            let place = group.iter().position(|&j| j == i);
            if place.is_some_and(|p| p >= SHOWN_IN_FULL) {
                continue;
            }
            self.render_one(f, &config, d, severity)?;
            if place == Some(SHOWN_IN_FULL - 1) && group.len() > SHOWN_IN_FULL {
                let rest: Vec<&Diagnostic> =
                    group[SHOWN_IN_FULL..].iter().map(|&j| all[j]).collect();
                self.render_rest(f, &rest)?;
            }
        }
        Ok(())
    }

    /// One problem in full, with a window of its file around each place.
    fn render_one(
        &self,
        f: &mut dyn fmt::Write,
        config: &term::Config,
        d: &Diagnostic,
        severity: fn() -> Rendered<()>,
    ) -> fmt::Result {
        let source = &self.sources[d.file];
        // Every label of a diagnostic is in its file: cut that file to the lines (and
        // the parts of lines) the labels are on, so a report stays a few lines long.
        let mut ranges: Vec<Range<usize>> = d.range.iter().cloned().collect();
        ranges.extend(d.related.iter().filter_map(|r| r.range.clone()));
        let (excerpt, shown) = Excerpt::new(&source.name, &source.text, &ranges);
        let mut shown = shown.into_iter();
        let mut rendered = severity().with_message(&d.message);
        let mut notes = Vec::new();
        match d.range.as_ref().and_then(|_| shown.next()) {
            Some(range) => {
                let label = d
                    .pointer
                    .as_deref()
                    .filter(|p| !p.is_empty())
                    .map(|p| format!("at {p}"));
                rendered = rendered.with_labels(vec![
                    Label::primary((), range).with_message(label.unwrap_or_default()),
                ]);
            }
            None => match &d.pointer {
                Some(p) if !p.is_empty() => notes.push(format!("in {} at {p}", source.name)),
                _ if source.name != "<errcat>" => notes.push(format!("in {}", source.name)),
                _ => {}
            },
        }
        for related in &d.related {
            match (&related.range, &related.pointer) {
                (Some(_), _) => rendered.labels.push(
                    Label::secondary(
                        (),
                        shown
                            .next()
                            .expect("errcat bug: the excerpt shows fewer places than it was given"),
                    )
                    .with_message(&related.message),
                ),
                (None, Some(p)) => {
                    notes.push(format!("{} at {}", related.message, show_pointer(p)))
                }
                (None, None) => notes.push(related.message.clone()),
            }
        }
        if let Some(hint) = &d.hint {
            notes.push(format!("help: {hint}"));
        }
        rendered = rendered.with_notes(notes);
        let text = term::emit_into_string(config, &excerpt, &rendered).map_err(|_| fmt::Error)?;
        f.write_str(&text)
    }

    /// Problems of the kind just shown, beyond the first few: counted, then one line each with
    /// the place (`file:line:column`) and the JSON pointer. Each has a range, in one file.
    fn render_rest(&self, f: &mut dyn fmt::Write, rest: &[&Diagnostic]) -> fmt::Result {
        let source = &self.sources[rest[0].file];
        let offsets: Vec<usize> = rest
            .iter()
            .map(|d| d.range.as_ref().map_or(0, |r| r.start))
            .collect();
        let places = line_columns(&source.text, &offsets);
        writeln!(f, "… and {} more like this, at:", rest.len())?;
        for (d, (line, column)) in rest.iter().zip(places) {
            write!(f, "  {}:{line}:{column}", source.name)?;
            if let Some(p) = d.pointer.as_deref().filter(|p| !p.is_empty()) {
                write!(f, " at {p}")?;
            }
            match &d.brief {
                Some(brief) => writeln!(f, ": {brief}")?,
                None => writeln!(f)?,
            }
        }
        writeln!(f)
    }
}

/// Problems of one kind shown in full before the rest of that kind are counted and listed a
/// line each.
const SHOWN_IN_FULL: usize = 3;

/// The kind of a problem, from its message: the message with what is quoted in backticks or
/// parentheses and every number left out, so `code `a` is defined twice` and `code `b` is
/// defined twice` are one kind.
fn kind_of(message: &str) -> String {
    let mut kind = String::with_capacity(message.len());
    let mut chars = message.chars();
    while let Some(c) = chars.next() {
        match c {
            '`' => {
                kind.push_str("`…`");
                chars.by_ref().find(|&c| c == '`');
            }
            '(' => {
                kind.push_str("(…)");
                chars.by_ref().find(|&c| c == ')');
            }
            c if c.is_ascii_digit() => {
                if !kind.ends_with('#') {
                    kind.push('#');
                }
            }
            c => kind.push(c),
        }
    }
    kind
}

/// The 1-based line and column (in characters, as codespan counts them) of each of `offsets`
/// (sorted) in `text`, in one pass over the text.
fn line_columns(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut at, mut line, mut column) = (0, 1, 1);
    offsets
        .iter()
        .map(|&offset| {
            let offset = offset.min(bytes.len());
            for &b in &bytes[at.min(offset)..offset] {
                if b == b'\n' {
                    (line, column) = (line + 1, 1);
                } else if b & 0xC0 != 0x80 {
                    column += 1;
                }
            }
            at = at.max(offset);
            (line, column)
        })
        .collect()
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.render(f, Rendered::error)?;
        let n = self.len();
        write!(
            f,
            "error: {n} problem{} found",
            if n == 1 { "" } else { "s" }
        )
    }
}

/// Shows a JSON pointer, `/` for the document root.
fn show_pointer(pointer: &str) -> &str {
    if pointer.is_empty() { "/" } else { pointer }
}

impl std::error::Error for Report {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_of_several_files_are_told_apart_by_their_tag() {
        let mut problems = Diagnostics::new();
        problems.push(Diagnostic::at("/a", "in the file"));
        problems.extend(Diagnostics::from(Diagnostic::at("/b", "elsewhere")).in_file(1));
        problems.push(Diagnostic::at("/c", "in the file too"));
        let other = problems.take_file(1);
        let pointers = |d: &Diagnostics| -> Vec<String> {
            d.iter().filter_map(|d| d.pointer.clone()).collect()
        };
        assert_eq!(pointers(&other), ["/b"]);
        assert_eq!(pointers(&problems), ["/a", "/c"]);
        assert_eq!(problems.clone().or_ok(()), Err(problems));
        assert_eq!(Diagnostics::new().or_ok(7), Ok(7));
    }

    #[test]
    fn problems_of_one_kind_differ_only_in_what_they_quote_and_count() {
        assert_eq!(
            kind_of("code `a` is defined twice"),
            kind_of("code `b-c` is defined twice")
        );
        assert_eq!(
            kind_of("code `pаy` (p\\u{430}y) looks like `pay` (pay)"),
            kind_of("code `x` (x) looks like `y` (y)")
        );
        assert_eq!(
            kind_of("status 600 outside 100–599"),
            "status # outside #–#"
        );
        assert_ne!(
            kind_of("code `a` is defined twice"),
            kind_of("code `a` is empty")
        );
    }

    #[test]
    fn places_are_counted_in_lines_and_characters() {
        let text = "ab\nçd\n\nxyz";
        let offsets = [0, 1, 3, 5, 6, 8, 10];
        assert_eq!(
            line_columns(text, &offsets),
            [(1, 1), (1, 2), (2, 1), (2, 2), (2, 3), (4, 1), (4, 3)]
        );
    }

    #[test]
    fn problems_beyond_the_first_few_of_a_kind_are_listed_a_line_each() {
        let text = "x".repeat(100);
        let problems = (0..5).map(|i| Diagnostic {
            range: Some(i * 10..i * 10 + 1),
            brief: (i == 4).then(|| "write `x`".to_owned()),
            ..Diagnostic::at(format!("/codes/{i}"), format!("code `{i}` is bad"))
        });
        let mut report = Report::bind("f.json", text, problems);
        report.append(Report::global("another kind"));
        let shown = report.to_string();
        assert_eq!(shown.matches("is bad").count(), SHOWN_IN_FULL, "{shown}");
        assert!(
            shown.contains(
                "… and 2 more like this, at:\n  f.json:1:31 at /codes/3\n  f.json:1:41 at /codes/4: write `x`\n"
            ),
            "{shown}"
        );
        assert!(shown.contains("error: another kind"), "{shown}");
        assert!(shown.ends_with("error: 6 problems found"), "{shown}");
    }

    #[test]
    fn appended_reports_keep_each_problem_in_its_own_file() {
        let mut report = Report::bind("a.json", "{}", [Diagnostic::at("/x", "first")]);
        report.append(Report::global("no file"));
        report.append(Report::bind(
            "b.json",
            "[]",
            [Diagnostic::at("/y", "second")],
        ));
        let files: Vec<(&str, &str)> = report
            .diagnostics()
            .into_iter()
            .map(|d| (report.sources[d.file].name.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(
            files,
            [
                ("a.json", "first"),
                ("<errcat>", "no file"),
                ("b.json", "second")
            ]
        );
        assert_eq!(report.len(), 3);
    }
}
