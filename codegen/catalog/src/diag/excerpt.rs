//! The few lines of a source that one diagnostic shows, cut to a window around each label.
//!
//! A vendor file may be a single line of hundreds of megabytes. codespan-reporting prints
//! every line a label touches in full, and a caret line as long as the label; here each label
//! over more than a few short lines is cut to its first line and at most [`MAX_LABEL`] bytes,
//! a label on one line longer than [`WINDOW`] to [`MAX_LABEL`] bytes, and each label gets its
//! own window of about
//! [`WINDOW`] bytes of its line, the label included: two labels far apart on one line are two
//! windows with `…` between them, not the whole stretch between. Where a line is cut, `…`
//! marks it. Line and column numbers stay those of the real file. Building an excerpt is
//! linear in the size of the file.

use std::ops::Range;

use codespan_reporting::files::{Error, Files};

/// Bytes of a line shown around one label, the label included (the label's context is what
/// it leaves, split between both sides).
const WINDOW: usize = 120;
/// Bytes of a label kept when it is cut.
const MAX_LABEL: usize = 80;
/// A label over at most this many bytes and fewer than [`MAX_LINES`] line breaks is shown
/// whole (on one line, up to [`WINDOW`] bytes); a longer one is cut to its first line.
const MAX_SPAN: usize = 400;
const MAX_LINES: usize = 8;
/// A line is cut only where that leaves out more than this many bytes.
const SLACK: usize = 16;
const CUT: &str = "…";

/// The parts of one line that labels cover, as byte offsets in the file: (start, end).
type Pieces = Vec<(usize, usize)>;

/// One shown line: where it sits in the excerpt and in the real file.
struct Line {
    /// Range in the excerpt's text, without the newline.
    shown: Range<usize>,
    /// Real line number (1-based).
    number: usize,
    /// The shown pieces of the line, in order, with `…` before, between and after them where
    /// the line is cut.
    segments: Vec<Segment>,
}

/// A piece of a real line, shown.
struct Segment {
    /// Offset in the excerpt's text of the first shown byte.
    shown: usize,
    /// The bytes of the real file shown.
    real: Range<usize>,
    /// Characters of the real line before `real.start`.
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
        // of it the label covers.
        let mut cut = Vec::new();
        let mut needs: Vec<(Range<usize>, usize, usize)> = Vec::new();
        for r in ranges {
            let start = floor_boundary(source, r.start.min(source.len()));
            let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end =
                |from: usize| source[from..].find('\n').map_or(source.len(), |i| from + i);
            let mut end = ceil_boundary(source, r.end.clamp(start, source.len()));
            // A short label may span a few lines; a long one is cut to its first line, and a
            // label on one line to `MAX_LABEL` bytes.
            if end - start > MAX_SPAN || source[start..end].matches('\n').count() >= MAX_LINES {
                end = ceil_boundary(source, end.min(line_end(start)).min(start + MAX_LABEL));
            } else if end - start > WINDOW && end <= line_end(start) {
                end = ceil_boundary(source, start + MAX_LABEL);
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
        needs.sort_by_key(|(bounds, lo, _)| (bounds.start, *lo));
        let mut shown_lines: Vec<(Range<usize>, Pieces)> = Vec::new();
        for (bounds, lo, hi) in needs {
            match shown_lines.last_mut() {
                Some((last, pieces)) if *last == bounds => pieces.push((lo, hi)),
                _ => shown_lines.push((bounds, vec![(lo, hi)])),
            }
        }

        // Line numbers counted incrementally, so the whole file is scanned at most once.
        let (mut counted_to, mut number) = (0, 1);
        let mut numbered: Vec<(Range<usize>, usize, Pieces)> = Vec::new();
        for (bounds, pieces) in shown_lines {
            number += source.as_bytes()[counted_to..bounds.start]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            counted_to = bounds.start;
            // A single line between two shown ones is shown too (as codespan does), so
            // that a `·` always stands for two or more lines left out.
            if let Some((before, n, _)) = numbered.last()
                && number == n + 2
            {
                let between = before.end + 1..bounds.start - 1;
                let at = between.start;
                numbered.push((between, n + 1, vec![(at, at)]));
            }
            numbered.push((bounds, number, pieces));
        }

        let mut text = String::new();
        let mut lines = Vec::new();
        for (bounds, number, pieces) in numbered {
            let windows = windows(source, &bounds, &pieces);
            let begin = text.len();
            let mut segments = Vec::with_capacity(windows.len());
            // Columns are counted from the last segment on, so a line is read once.
            let (mut counted, mut columns) = (bounds.start, 0);
            for w in windows {
                if w.start > counted {
                    text.push_str(CUT);
                }
                columns += source[counted..w.start].chars().count();
                segments.push(Segment {
                    shown: text.len(),
                    real: w.clone(),
                    columns_before: columns,
                });
                text.push_str(&source[w.clone()]);
                columns += source[w.clone()].chars().count();
                counted = w.end;
            }
            if counted < bounds.end {
                text.push_str(CUT);
            }
            lines.push(Line {
                shown: begin..text.len(),
                number,
                segments,
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

    /// The excerpt offset of real offset `real` (which lies in a shown segment).
    fn to_shown(&self, real: usize) -> usize {
        let segments = self.lines.iter().flat_map(|l| &l.segments);
        let segment = segments
            .clone()
            .find(|s| s.real.start <= real && real <= s.real.end)
            .or_else(|| segments.rev().find(|s| s.real.start <= real))
            .unwrap_or(&self.lines[0].segments[0]);
        segment.shown + (real.min(segment.real.end) - segment.real.start)
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

/// The windows of a line (`bounds`) that show the label pieces `pieces` (sorted): each piece
/// with context on both sides, up to [`WINDOW`] bytes in all, widened to the line's start or
/// end where a cut would leave out no more than [`SLACK`] bytes, and merged where they meet.
fn windows(source: &str, bounds: &Range<usize>, pieces: &[(usize, usize)]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for &(lo, hi) in pieces {
        let context = WINDOW.saturating_sub(hi - lo) / 2;
        let mut from = floor_boundary(source, lo.saturating_sub(context).max(bounds.start));
        if from - bounds.start <= SLACK {
            from = bounds.start;
        }
        let mut to = ceil_boundary(source, (hi + context).min(bounds.end));
        if bounds.end - to <= SLACK {
            to = bounds.end;
        }
        match out.last_mut() {
            Some(last) if from <= last.end + SLACK => last.end = last.end.max(to),
            _ => out.push(from..to),
        }
    }
    out
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
        let segment = line
            .segments
            .iter()
            .rev()
            .find(|s| s.shown <= byte_index)
            .or(line.segments.first());
        Ok(segment.map_or(1, |s| {
            let from = s.shown.min(byte_index);
            let to = byte_index.min(s.shown + s.real.len());
            s.columns_before + self.text[from..to].chars().count() + 1
        }))
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
        assert!(e.text.len() < WINDOW + 20, "{}", e.text);
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
    fn labels_far_apart_on_one_line_get_a_window_each() {
        let source = format!(
            "{}A{}B{}",
            "a".repeat(5_000),
            "b".repeat(100_000),
            "c".repeat(5_000)
        );
        let (a, b) = (source.find('A').unwrap(), source.find('B').unwrap());
        let (e, mapped) = Excerpt::new("f", &source, &[b..b + 1, a..a + 1]);
        assert!(e.text.len() <= 2 * WINDOW + 3 * CUT.len() + 1, "{}", e.text);
        assert_eq!(e.text.matches(CUT).count(), 3, "{}", e.text);
        assert_eq!(&e.text[mapped[0].clone()], "B");
        assert_eq!(&e.text[mapped[1].clone()], "A");
        assert_eq!(location(&e, mapped[0].start), (1, b + 1));
        assert_eq!(location(&e, mapped[1].start), (1, a + 1));
    }

    #[test]
    fn a_long_label_on_one_line_is_cut() {
        let source = format!("[\"{}\"]", "x".repeat(300));
        let (e, mapped) = Excerpt::new("f", &source, &[1..source.len() - 1]);
        assert_eq!(mapped[0].len(), MAX_LABEL);
        assert!(e.text.len() <= WINDOW + 2 * CUT.len() + 1, "{}", e.text);
        assert_eq!(location(&e, mapped[0].start), (1, 2));
    }

    #[test]
    fn labels_close_together_share_one_window() {
        let source = format!("{}A{}B{}", "a".repeat(500), "b".repeat(30), "c".repeat(500));
        let (a, b) = (source.find('A').unwrap(), source.find('B').unwrap());
        let (e, mapped) = Excerpt::new("f", &source, &[a..a + 1, b..b + 1]);
        assert_eq!(e.text.matches(CUT).count(), 2, "{}", e.text);
        assert_eq!(location(&e, mapped[1].start), (1, b + 1));
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
