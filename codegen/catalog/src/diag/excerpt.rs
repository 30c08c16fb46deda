//! The few lines of a source that one diagnostic shows, cut to a window around each label.
//!
//! A vendor file may be a single line of hundreds of megabytes. codespan-reporting prints
//! every line a label touches in full, and a caret line as long as the label; here each label
//! over more than a few short lines is cut to its first line and at most [`MAX_LABEL`] bytes, and each line to [`CONTEXT`] bytes on
//! either side of its labels, marked with `…` where cut. Line and column numbers stay those of
//! the real file. Building an excerpt is linear in the size of the file.

use std::ops::Range;

use codespan_reporting::files::{Error, Files};

/// Bytes of a line kept on either side of its labels.
const CONTEXT: usize = 60;
/// Bytes of a label kept when it is cut to its first line.
const MAX_LABEL: usize = 80;
/// A label over at most this many bytes and fewer than [`MAX_LINES`] line breaks is shown
/// whole; a longer one is cut to its first line.
const MAX_SPAN: usize = 400;
const MAX_LINES: usize = 8;
/// A line is cut only where that leaves out more than this many bytes.
const SLACK: usize = 40;
const CUT: &str = "…";

/// One shown line: where it sits in the excerpt and in the real file.
struct Line {
    /// Range in the excerpt's text, without the newline.
    shown: Range<usize>,
    /// Real line number (1-based).
    number: usize,
    /// Byte offset in the real file that excerpt byte `shown.start + prefix` stands for.
    real_start: usize,
    /// Bytes of the `…` marker at the start (0 when the line is shown from its start).
    prefix: usize,
    /// Characters of the real line before `real_start`.
    columns_before: usize,
}

/// The excerpt of one source for one diagnostic. Implements codespan's [`Files`] with a
/// single file, id `()`.
pub struct Excerpt<'a> {
    name: &'a str,
    text: String,
    lines: Vec<Line>,
}

impl<'a> Excerpt<'a> {
    /// Cuts `source` around `ranges` (byte ranges in `source`); returns the excerpt and each
    /// range mapped into it, in the same order.
    pub fn new(name: &'a str, source: &str, ranges: &[Range<usize>]) -> (Self, Vec<Range<usize>>) {
        // The ranges as shown, and for each line a label touches: its bounds and the part
        // of it the labels cover.
        let mut cut = Vec::new();
        let mut needs: Vec<(Range<usize>, usize, usize)> = Vec::new();
        for r in ranges {
            let start = floor_boundary(source, r.start.min(source.len()));
            let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end =
                |from: usize| source[from..].find('\n').map_or(source.len(), |i| from + i);
            let mut end = ceil_boundary(source, r.end.clamp(start, source.len()));
            // A short label may span a few lines; a long one is cut to its first line.
            if end - start > MAX_SPAN || source[start..end].matches('\n').count() >= MAX_LINES {
                end = ceil_boundary(source, end.min(line_end(start)).min(start + MAX_LABEL));
            }
            let mut from = line_start;
            loop {
                let to = line_end(from);
                needs.push((from..to, start.max(from), end.min(to)));
                if end <= to {
                    break;
                }
                from = to + 1;
            }
            cut.push(start..end);
        }
        needs.sort_by_key(|(bounds, ..)| bounds.start);
        let mut shown_lines: Vec<(Range<usize>, usize, usize)> = Vec::new();
        for (bounds, lo, hi) in needs {
            match shown_lines.last_mut() {
                Some((last, l, h)) if *last == bounds => (*l, *h) = ((*l).min(lo), (*h).max(hi)),
                _ => shown_lines.push((bounds, lo, hi)),
            }
        }

        // Line numbers counted incrementally, so the whole file is scanned at most once.
        let (mut counted_to, mut number) = (0, 1);
        let mut numbered: Vec<(Range<usize>, usize, usize, usize)> = Vec::new();
        for (bounds, lo, hi) in shown_lines {
            number += source.as_bytes()[counted_to..bounds.start]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            counted_to = bounds.start;
            // A single line between two shown ones is shown too (as codespan does), so
            // that a `·` always stands for two or more lines left out.
            if let Some((before, n, ..)) = numbered.last()
                && number == n + 2
            {
                let between = before.end + 1..bounds.start - 1;
                let at = between.start;
                numbered.push((between, n + 1, at, at));
            }
            numbered.push((bounds, number, lo, hi));
        }

        let mut text = String::new();
        let mut lines = Vec::new();
        for (bounds, number, lo, hi) in numbered {
            // Cut only where it saves more than a few words.
            let mut from = floor_boundary(source, lo.saturating_sub(CONTEXT).max(bounds.start));
            if from - bounds.start <= SLACK {
                from = bounds.start;
            }
            let mut to = ceil_boundary(source, (hi + CONTEXT).min(bounds.end));
            if bounds.end - to <= SLACK {
                to = bounds.end;
            }
            let begin = text.len();
            let prefix = if from > bounds.start {
                text.push_str(CUT);
                CUT.len()
            } else {
                0
            };
            text.push_str(&source[from..to]);
            if to < bounds.end {
                text.push_str(CUT);
            }
            lines.push(Line {
                shown: begin..text.len(),
                number,
                real_start: from,
                prefix,
                columns_before: source[bounds.start..from].chars().count(),
            });
            text.push('\n');
        }
        let excerpt = Excerpt { name, text, lines };
        let mapped = cut
            .iter()
            .map(|r| excerpt.to_shown(r.start)..excerpt.to_shown(r.end))
            .collect();
        (excerpt, mapped)
    }

    /// The excerpt offset of real offset `real` (which lies on a shown line).
    fn to_shown(&self, real: usize) -> usize {
        let line = self
            .lines
            .iter()
            .rev()
            .find(|l| l.real_start <= real)
            .unwrap_or(&self.lines[0]);
        line.shown.start + line.prefix + (real - line.real_start)
    }

    /// The shown line of real line index `index` (0-based).
    fn line(&self, index: usize) -> Result<&Line, Error> {
        self.lines
            .iter()
            .find(|l| l.number == index + 1)
            .ok_or(Error::LineTooLarge {
                given: index,
                max: self.lines.last().map_or(0, |l| l.number - 1),
            })
    }
}

impl<'e> Files<'e> for Excerpt<'_> {
    type FileId = ();
    type Name = &'e str;
    type Source = &'e str;

    fn name(&'e self, (): ()) -> Result<&'e str, Error> {
        Ok(self.name)
    }

    fn source(&'e self, (): ()) -> Result<&'e str, Error> {
        Ok(&self.text)
    }

    fn line_index(&'e self, (): (), byte_index: usize) -> Result<usize, Error> {
        // Line indices are the real ones, so codespan marks the lines left out between two
        // shown lines with `·`.
        let line = self
            .lines
            .iter()
            .rev()
            .find(|l| l.shown.start <= byte_index);
        Ok(line.map_or(0, |l| l.number - 1))
    }

    fn line_number(&'e self, (): (), line_index: usize) -> Result<usize, Error> {
        Ok(line_index + 1)
    }

    fn column_number(
        &'e self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let line = self.line(line_index)?;
        let from = (line.shown.start + line.prefix).min(byte_index);
        Ok(line.columns_before + self.text[from..byte_index].chars().count() + 1)
    }

    fn line_range(&'e self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        let line = self.line(line_index)?;
        Ok(line.shown.start..line.shown.end + 1)
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one label is a list of one range
mod tests {
    use super::*;

    fn location(e: &Excerpt<'_>, shown: usize) -> (usize, usize) {
        let l = e.location((), shown).unwrap();
        (l.line_number, l.column_number)
    }

    #[test]
    fn a_long_line_is_cut_around_the_label_and_keeps_real_positions() {
        let source = format!("{{\n{}X{}\n}}", "a".repeat(10_000), "b".repeat(10_000));
        let at = source.find('X').unwrap();
        let (e, mapped) = Excerpt::new("f.json", &source, &[at..at + 1]);
        assert!(e.text.len() < 2 * CONTEXT + 20, "{}", e.text);
        assert_eq!(&e.text[mapped[0].clone()], "X");
        assert_eq!(location(&e, mapped[0].start), (2, 10_001));
        assert!(e.text.starts_with(CUT) && e.text.trim_end().ends_with(CUT));
    }

    #[test]
    fn a_short_label_over_a_few_lines_is_shown_whole() {
        let source = "[\n  {\n    \"a\": 1\n  }\n]\n";
        let (start, end) = (source.find('{').unwrap(), source.find('}').unwrap() + 1);
        let (e, mapped) = Excerpt::new("f.json", source, &[start..end]);
        assert_eq!(e.text, "  {\n    \"a\": 1\n  }\n");
        assert_eq!(&e.text[mapped[0].clone()], "{\n    \"a\": 1\n  }");
        assert_eq!(location(&e, mapped[0].start), (2, 3));
    }

    #[test]
    fn a_label_over_many_lines_is_cut_to_its_first_line() {
        let entry = format!("{{\n{}}}", "    \"a\": 1,\n".repeat(100));
        let source = format!("[\n  {entry}\n]\n");
        let start = source.find('{').unwrap();
        let (e, mapped) = Excerpt::new("f.json", &source, &[start..start + entry.len()]);
        assert_eq!(e.text, "  {\n");
        assert_eq!(&e.text[mapped[0].clone()], "{");
        assert_eq!(location(&e, mapped[0].start), (2, 3));
    }

    #[test]
    fn labels_on_two_lines_show_both_lines_with_their_numbers() {
        let source = "one\ntwo\nthree\nfour\n";
        let (a, b) = (source.find("two").unwrap(), source.find("four").unwrap());
        let (e, mapped) = Excerpt::new("f", source, &[b..b + 4, a..a + 3]);
        // `three`, alone between two shown lines, is shown too.
        assert_eq!(e.text, "two\nthree\nfour\n");
        assert_eq!(location(&e, mapped[0].start), (4, 1));
        assert_eq!(location(&e, mapped[1].start), (2, 1));
    }

    #[test]
    fn cuts_fall_on_character_boundaries() {
        let source = format!("{}é{}", "é".repeat(200), "ü".repeat(200));
        let at = 400;
        let (e, mapped) = Excerpt::new("f", &source, &[at..at + 2]);
        assert_eq!(&e.text[mapped[0].clone()], "é");
        assert_eq!(location(&e, mapped[0].start), (1, 201));
    }
}
