//! Diagnostics: every problem found in a run, located by file and byte range (or JSON
//! pointer), rendered together with codespan-reporting.

use std::fmt;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Rendered, Label};
use codespan_reporting::term;

mod excerpt;

use excerpt::Excerpt;

/// One problem in one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Index of the file in the [`Report`]'s source list.
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
}

impl Diagnostic {
    /// A problem at a JSON pointer; the byte range is resolved later from the source.
    pub(crate) fn at(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: 0,
            range: None,
            pointer: Some(pointer.into()),
            message: message.into(),
            related: Vec::new(),
            hint: None,
        }
    }

    /// Adds another location, given by JSON pointer, with what it is.
    pub(crate) fn related(
        mut self,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        self.related.push(Related {
            pointer: Some(pointer.into()),
            range: None,
            message: message.into(),
        });
        self
    }

    /// Adds what to do about it.
    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
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
#[derive(Debug, Default)]
pub struct Report {
    sources: Vec<Source>,
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Registers a source and returns its index for [`Diagnostic::file`].
    pub(crate) fn add_source(&mut self, name: impl Into<String>, text: impl Into<String>) -> usize {
        self.sources.push(Source {
            name: name.into(),
            text: text.into(),
        });
        self.sources.len() - 1
    }

    /// Records problems of the source `file`.
    pub(crate) fn extend(
        &mut self,
        file: usize,
        diagnostics: impl IntoIterator<Item = Diagnostic>,
    ) {
        self.diagnostics
            .extend(diagnostics.into_iter().map(|d| Diagnostic { file, ..d }));
    }

    /// Records a problem that is about no file in particular (an output path, say).
    pub(crate) fn push_global(&mut self, message: impl Into<String>) {
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
            }],
        );
    }

    /// A report of one failed read or write (`e` says which file).
    pub(crate) fn io(e: std::io::Error) -> Report {
        let mut report = Report::default();
        report.push_global(e.to_string());
        report
    }

    /// Moves the problems of `other` (and the sources they point into) into this report.
    pub(crate) fn append(&mut self, other: Report) {
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
        let config = term::Config::default();
        for d in self.diagnostics() {
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
                        Label::secondary((), shown.next().unwrap_or_default())
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
            let text =
                term::emit_into_string(&config, &excerpt, &rendered).map_err(|_| fmt::Error)?;
            f.write_str(&text)?;
        }
        Ok(())
    }
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
