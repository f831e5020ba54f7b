use super::layout::{BORDER_COLUMNS, CompareLayout, UNIFIED_BELOW};
use crate::compare::report::StyledLine;
use crate::compare::{Comparison, Kind};
use crate::tui::search::Search;

/// An open comparison: the result, where the view is, and its cached layout.
#[derive(Debug, Clone)]
pub struct ComparePane {
    pub comparison: Comparison,
    /// Library indices of the two articles, in the order shown.
    pub articles: (usize, usize),
    /// First row shown.
    pub scroll: usize,
    /// The current group: what n/N and ]/[ move, what Enter details.
    pub cursor: usize,
    /// The user asked for one column (it is also used below 100 columns).
    pub unified: bool,
    layout: CompareLayout,
    layout_key: Option<(u16, u16, bool)>,
    /// The search in both reports' text, while there is one (`/`).
    pub search: Option<Search>,
}

impl ComparePane {
    /// Opens a comparison at the top.
    pub fn new(comparison: Comparison, articles: (usize, usize)) -> ComparePane {
        ComparePane {
            comparison,
            articles,
            scroll: 0,
            cursor: 0,
            unified: false,
            layout: CompareLayout::default(),
            layout_key: None,
            search: None,
        }
    }

    /// Puts a refined comparison of the same pair in place of this one: the layout is made
    /// anew, the view stays where it was and the cursor on the passage nearest its place.
    pub fn replace(&mut self, comparison: Comparison) {
        let groups = comparison.groups.len();
        self.comparison = comparison;
        self.cursor = self.cursor.min(groups.saturating_sub(1));
        self.layout_key = None;
    }

    /// Lays the comparison out for a body of `width` x `height` unless that layout is cached.
    pub fn ensure_layout(&mut self, width: u16, height: u16) {
        let unified = self.unified || too_narrow_for_two(width);
        let key = (width, height, unified);
        if self.layout_key != Some(key) {
            self.layout = CompareLayout::new(&self.comparison, width, height, unified);
            self.layout_key = Some(key);
            if let Some(query) = self.search.as_ref().map(|s| s.query().to_string()) {
                self.search_for(&query);
            }
        }
        self.scroll = self.scroll.min(self.max_scroll(usize::from(height)));
    }

    /// Whether the window is too narrow for two columns, whatever the user asks.
    pub fn too_narrow(&self) -> bool {
        self.layout_key
            .is_some_and(|(width, _, _)| too_narrow_for_two(width))
    }

    /// The current layout.
    pub fn layout(&self) -> &CompareLayout {
        &self.layout
    }

    /// Scrolls by `delta` rows in a view of `height`; the cursor stays on screen.
    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll(height));
        self.keep_cursor_visible(height);
    }

    /// Scrolls to the last page.
    pub fn scroll_to_end(&mut self, height: usize) {
        self.scroll = self.max_scroll(height);
        self.keep_cursor_visible(height);
    }

    /// Scrolls to the top, the cursor on the first group.
    pub fn scroll_to_top(&mut self) {
        self.scroll = 0;
        self.cursor = 0;
    }

    /// Rows of group `g`.
    fn rows_of(&self, g: usize) -> std::ops::Range<usize> {
        let starts = &self.layout.group_rows;
        let start = starts.get(g).copied().unwrap_or(0);
        let end = starts
            .get(g + 1)
            .map_or(self.layout.rows.len(), |&n| n.saturating_sub(1));
        start..end.max(start + 1)
    }

    /// Moves the cursor to a group on screen if it has scrolled out of view.
    fn keep_cursor_visible(&mut self, height: usize) {
        let view = self.scroll..self.scroll + height.max(1);
        let rows = self.rows_of(self.cursor);
        if rows.end <= view.start || rows.start >= view.end {
            let starts = &self.layout.group_rows;
            self.cursor = (0..starts.len())
                .find(|&g| self.rows_of(g).end > view.start)
                .unwrap_or(self.cursor);
        }
    }

    fn max_scroll(&self, height: usize) -> usize {
        self.layout.rows.len().saturating_sub(height.max(1))
    }

    /// The current group, if the comparison has any.
    pub fn current_group(&self) -> Option<usize> {
        (self.cursor < self.comparison.groups.len()).then_some(self.cursor)
    }

    /// Moves the cursor to the next (or previous) group that satisfies `wanted`, scrolling only
    /// as far as needed to show it; returns false when there is none.
    pub fn jump(&mut self, forward: bool, height: usize, wanted: impl Fn(usize) -> bool) -> bool {
        let n = self.comparison.groups.len();
        let target = if forward {
            (self.cursor + 1..n).find(|&g| wanted(g))
        } else {
            (0..self.cursor.min(n)).rev().find(|&g| wanted(g))
        };
        let Some(g) = target else { return false };
        self.go_to(g, height);
        true
    }

    /// Puts the cursor on group `g`, scrolling only as far as needed to show it.
    pub fn go_to(&mut self, g: usize, height: usize) {
        if g >= self.comparison.groups.len() {
            return;
        }
        self.cursor = g;
        let rows = self.rows_of(g);
        if rows.start < self.scroll || rows.end > self.scroll + height.max(1) {
            self.scroll = rows.start.min(self.max_scroll(height));
        }
    }

    /// Whether group `g` is a divergence: unique to one side, or in conflict.
    pub fn is_divergence(&self, g: usize) -> bool {
        !self.comparison.groups[g].kind.is_aligned()
            || self.comparison.conflicts.iter().any(|c| c.group == g)
    }

    /// Whether the reports disagree on a fact in group `g`.
    pub fn has_conflict(&self, g: usize) -> bool {
        self.comparison.conflicts.iter().any(|c| c.group == g)
    }

    /// Whether group `g` pairs passages of both sides.
    pub fn is_shared(&self, g: usize) -> bool {
        self.comparison.groups[g].kind.is_aligned()
            && self.comparison.groups[g].kind != Kind::OnlyLeft
    }

    /// Searches both reports' text for `query` (ignoring case), row by row as laid out, from
    /// the top row on screen; an empty query ends the search.
    pub fn search_for(&mut self, query: &str) {
        let text = |line: &StyledLine| -> String { line.iter().map(|(t, _)| t.as_str()).collect() };
        let rows: Vec<(usize, usize, String)> = self
            .layout
            .rows
            .iter()
            .enumerate()
            .flat_map(|(n, row)| [(n, 0, text(&row.left)), (n, 1, text(&row.right))])
            .collect();
        self.search = (!query.is_empty()).then(|| {
            Search::new(
                query,
                rows.iter().map(|(n, c, t)| (*n, *c, t.as_str())),
                self.scroll,
            )
        });
    }

    /// Moves to the next (or previous) match.
    pub fn step_search(&mut self, forward: bool, height: usize) {
        if let Some(search) = self.search.as_mut() {
            search.step(forward);
        }
        self.reveal_match(height);
    }

    /// Scrolls the current match into view and puts the cursor on its passage.
    pub fn reveal_match(&mut self, height: usize) {
        let Some(search) = &self.search else { return };
        self.scroll = search.scroll_to_show(self.scroll, height, self.max_scroll(height));
        let row = search.current().map(|m| m.line);
        if let Some(g) = row
            .and_then(|r| self.layout.rows.get(r))
            .and_then(|r| r.group)
        {
            self.cursor = g;
        }
    }

    /// Shows the sides the other way round.
    pub fn swap(&mut self) {
        self.comparison = self.comparison.clone().mirrored();
        self.articles = (self.articles.1, self.articles.0);
        self.layout_key = None;
        self.scroll = 0;
        self.cursor = 0;
    }
}

/// Whether a body `width` columns wide is in a terminal too narrow for two columns.
fn too_narrow_for_two(width: u16) -> bool {
    width.saturating_add(BORDER_COLUMNS) < UNIFIED_BELOW
}
