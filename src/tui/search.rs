//! Searching the laid-out text of a pane: every case-insensitive match of a query, line by line,
//! and which one is current. The reading pane and the comparison share it.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthStr;

/// One match: which laid-out line (and which column of it, for the comparison's two), and the
/// byte range of the matched text in that line's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub line: usize,
    pub column: usize,
    pub range: Range<usize>,
}

/// A query and where it matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    query: String,
    matches: Vec<Match>,
    current: usize,
}

impl Search {
    /// Finds `query` in `lines` (line number, column, text), in their order. The current match
    /// is the first one at or after line `from`, so a search starts where the reader is.
    pub fn new<'t>(
        query: &str,
        lines: impl IntoIterator<Item = (usize, usize, &'t str)>,
        from: usize,
    ) -> Search {
        let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
        let mut matches = Vec::new();
        if !needle.is_empty() {
            for (line, column, text) in lines {
                matches.extend(find(text, &needle).map(|range| Match {
                    line,
                    column,
                    range,
                }));
            }
        }
        let current = matches.iter().position(|m| m.line >= from).unwrap_or(0);
        Search {
            query: query.to_string(),
            matches,
            current,
        }
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn matches(&self) -> &[Match] {
        &self.matches
    }

    /// The current match, when there is one.
    pub fn current(&self) -> Option<&Match> {
        self.matches.get(self.current)
    }

    /// Whether `m` is the current match.
    pub fn is_current(&self, m: &Match) -> bool {
        self.current() == Some(m)
    }

    /// The matches in laid-out line `line`.
    pub fn in_line(&self, line: usize) -> &[Match] {
        let from = self.matches.partition_point(|m| m.line < line);
        let to = self.matches.partition_point(|m| m.line <= line);
        &self.matches[from..to]
    }

    /// Marks the matches in column `column` of line `line`, whose `text` was drawn from `x` on
    /// row `y` in at most `width` cells: reversed, and the current one bold and underlined as
    /// well, so that they show without colour.
    #[allow(clippy::too_many_arguments)]
    pub fn paint(
        &self,
        line: usize,
        column: usize,
        text: &str,
        x: u16,
        y: u16,
        width: usize,
        buf: &mut Buffer,
    ) {
        for m in self.in_line(line).iter().filter(|m| m.column == column) {
            let (Some(before), Some(found)) =
                (text.get(..m.range.start), text.get(m.range.clone()))
            else {
                continue;
            };
            let start = before.width();
            let end = (start + found.width().max(1)).min(width);
            if start >= end {
                continue;
            }
            let mut style = Style::new().add_modifier(Modifier::REVERSED);
            if self.is_current(m) {
                style = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
            }
            let area = Rect::new(x + start as u16, y, (end - start) as u16, 1);
            buf.set_style(area.intersection(buf.area), style);
        }
    }

    /// The first line to show so that the current match is on screen in a view of `height`
    /// lines now starting at `scroll`: unchanged when it is, else with the match a quarter of
    /// the way down (never past `max_scroll`).
    pub fn scroll_to_show(&self, scroll: usize, height: usize, max_scroll: usize) -> usize {
        match self.current().map(|m| m.line) {
            Some(line) if line < scroll || line >= scroll + height.max(1) => {
                line.saturating_sub(height / 4).min(max_scroll)
            }
            _ => scroll,
        }
    }

    /// Moves to the next match (or the previous one), wrapping around at the ends.
    pub fn step(&mut self, forward: bool) {
        let n = self.matches.len();
        if n > 0 {
            self.current = if forward {
                (self.current + 1) % n
            } else {
                (self.current + n - 1) % n
            };
        }
    }

    /// What the status bar says: "3 of 12" for "ferry", or that nothing matched.
    pub fn status(&self) -> String {
        if self.matches.is_empty() {
            format!("no match for \"{}\"", self.query)
        } else {
            format!(
                "\"{}\": {} of {}",
                self.query,
                self.current + 1,
                self.matches.len()
            )
        }
    }
}

/// Every place `needle` (lowercased characters) matches `text`, ignoring case, as byte ranges of
/// `text`; matches do not overlap.
fn find<'a>(text: &'a str, needle: &'a [char]) -> impl Iterator<Item = Range<usize>> + 'a {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < chars.len() {
            let start = at;
            at += 1;
            if let Some(end) = match_at(&chars, start, needle) {
                at = end;
                let byte_end = chars.get(end).map_or(text.len(), |&(b, _)| b);
                return Some(chars[start].0..byte_end);
            }
        }
        None
    })
}

/// Where a match of `needle` starting at character `start` ends (a character index), if it does.
/// A character whose lowercase is several ("İ") must match all of them.
fn match_at(chars: &[(usize, char)], start: usize, needle: &[char]) -> Option<usize> {
    let mut wanted = needle.iter().peekable();
    let mut k = start;
    while wanted.peek().is_some() {
        let &(_, c) = chars.get(k)?;
        for lower in c.to_lowercase() {
            if wanted.next() != Some(&lower) {
                return None;
            }
        }
        k += 1;
    }
    Some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(query: &str, lines: &[&str], from: usize) -> Search {
        Search::new(
            query,
            lines.iter().enumerate().map(|(i, t)| (i, 0, *t)),
            from,
        )
    }

    #[test]
    fn matches_ignore_case_and_count_every_occurrence() {
        let s = search("ferry", &["The Ferry sank.", "no", "ferry after FERRY"], 0);
        let found: Vec<(usize, &str)> = s
            .matches()
            .iter()
            .map(|m| {
                let line = ["The Ferry sank.", "no", "ferry after FERRY"][m.line];
                (m.line, &line[m.range.clone()])
            })
            .collect();
        assert_eq!(found, [(0, "Ferry"), (2, "ferry"), (2, "FERRY")]);
        assert_eq!(s.status(), "\"ferry\": 1 of 3");
    }

    #[test]
    fn next_and_previous_wrap_around() {
        let mut s = search("a", &["a", "a", "a"], 0);
        s.step(false);
        assert_eq!(s.current().map(|m| m.line), Some(2));
        s.step(true);
        assert_eq!(s.current().map(|m| m.line), Some(0));
        s.step(true);
        assert_eq!(s.status(), "\"a\": 2 of 3");
    }

    #[test]
    fn the_first_match_is_the_one_at_or_after_where_the_reader_is() {
        let s = search("x", &["x", "", "x", "x"], 1);
        assert_eq!(s.current().map(|m| m.line), Some(2));
        // Past the last match, the search starts again from the top.
        assert_eq!(
            search("x", &["x", ""], 1).current().map(|m| m.line),
            Some(0)
        );
    }

    #[test]
    fn non_ascii_text_is_matched_by_characters() {
        let line = "Zürich: ÜBER die Brücke";
        let s = search("über", &[line], 0);
        let m = s.current().unwrap();
        assert_eq!(&line[m.range.clone()], "ÜBER");
        assert!(search("zz", &[line], 0).current().is_none());
        assert_eq!(search("zz", &[line], 0).status(), "no match for \"zz\"");
    }
}
