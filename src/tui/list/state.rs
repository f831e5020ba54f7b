use crate::article::Article;
use crate::library::{Query, QueryProblem, ReadState, SortKey, sorted_indices};

/// Lists at least this long are filtered on all cores.
const PARALLEL_FROM: usize = 2000;

/// What the list sorts and filters: the articles, their read marks and the time now (for
/// `since:`), as the app holds them.
#[derive(Debug, Clone, Copy)]
pub struct Shelf<'a> {
    pub articles: &'a [Article],
    pub read: &'a ReadState,
    /// Seconds since 1970.
    pub now: i64,
}

/// What the list shows: the library sorted and filtered, and which row is selected.
#[derive(Debug, Clone, Default)]
pub struct ListPane {
    /// Article indices in sort order.
    order: Vec<usize>,
    /// The sorted indices that pass the filter; rows of the list.
    pub visible: Vec<usize>,
    /// Row of the selection in `visible`.
    pub selected: usize,
    /// First row drawn.
    pub offset: usize,
    pub sort: SortKey,
    /// The filter text as typed.
    pub filter: String,
    /// The filter as parsed.
    query: Query,
    /// How many of the rows shown are unread (counted when rows or marks change, not per
    /// frame: a read mark is a look-up by path).
    pub unread: usize,
    /// True while the filter prompt has the keyboard.
    pub editing: bool,
}

impl ListPane {
    /// A list of every article in the default order.
    pub fn new(articles: &[Article]) -> ListPane {
        let order = sorted_indices(articles, SortKey::default());
        ListPane {
            visible: order.clone(),
            order,
            ..ListPane::default()
        }
    }

    /// The article index of the selected row.
    pub fn selected_article(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        if self.visible.is_empty() {
            return;
        }
        let last = self.visible.len() - 1;
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Selects a row, clamped to the list.
    pub fn select(&mut self, row: usize) {
        self.selected = row.min(self.visible.len().saturating_sub(1));
    }

    /// Keeps the selection inside a window of `height` rows.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.visible.len().saturating_sub(height));
    }

    /// The terms of the filter that were left out, and why.
    pub fn filter_problems(&self) -> &[QueryProblem] {
        self.query.problems()
    }

    /// Cycles the sort order, keeping the same article selected.
    pub fn cycle_sort(&mut self, shelf: Shelf) {
        self.sort = self.sort.next();
        self.order = sorted_indices(shelf.articles, self.sort);
        self.refilter(shelf, false);
    }

    /// Takes in a library that gained or changed articles, keeping sort, filter and selection.
    pub fn reload(&mut self, shelf: Shelf) {
        self.order = sorted_indices(shelf.articles, self.sort);
        self.query = Query::parse(&self.filter, shelf.now);
        self.refilter(shelf, false);
    }

    /// Re-applies the filter after it changed. When the new filter can only keep fewer
    /// articles (more letters typed into words), only the rows already visible are tested.
    pub fn set_filter(&mut self, shelf: Shelf, filter: String) {
        let query = Query::parse(&filter, shelf.now);
        let narrowed = query.narrows(&filter, &self.query, &self.filter);
        self.filter = filter;
        self.query = query;
        self.refilter(shelf, narrowed);
    }

    fn refilter(&mut self, shelf: Shelf, narrowed: bool) {
        let keep = self.selected_article();
        let source = if narrowed { &self.visible } else { &self.order };
        let articles = shelf.articles;
        let keeps = |&i: &usize| self.query.matches(&articles[i], |a| shelf.read.is_read(a));
        // A big library is searched on both cores (in order), so a query over 10,000 articles
        // answers within a frame.
        self.visible = if source.len() >= PARALLEL_FROM {
            use rayon::prelude::*;
            source.par_iter().copied().filter(keeps).collect()
        } else {
            source.iter().copied().filter(keeps).collect()
        };
        self.selected = keep
            .and_then(|k| self.visible.iter().position(|&i| i == k))
            .unwrap_or(0);
        self.offset = 0;
        self.count_unread(shelf);
    }

    /// Counts the unread rows again; the app calls it when read marks change.
    pub fn count_unread(&mut self, shelf: Shelf) {
        self.unread = self
            .visible
            .iter()
            .filter(|&&i| !shelf.read.is_read(&shelf.articles[i]))
            .count();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shelf<'a>(articles: &'a [Article], read: &'a ReadState) -> Shelf<'a> {
        Shelf {
            articles,
            read,
            now: 0,
        }
    }

    fn arts() -> Vec<Article> {
        ["Alpha port", "Beta tram", "Gamma port"]
            .iter()
            .map(|t| Article::new(t.into(), t.to_string(), String::new()))
            .collect()
    }

    #[test]
    fn filtering_keeps_the_selected_article_when_it_still_matches() {
        let a = arts();
        let read = ReadState::default();
        let s = shelf(&a, &read);
        let mut list = ListPane::new(&a);
        list.select(2);
        let chosen = list.selected_article();
        list.set_filter(s, "port".into());
        assert_eq!(list.visible.len(), 2);
        assert_eq!(list.selected_article(), chosen);
        list.set_filter(s, "porte".into());
        assert!(list.visible.is_empty());
        assert_eq!(list.selected_article(), None);
        list.set_filter(s, "-porte".into());
        assert_eq!(list.visible.len(), 3, "a negated word keeps the rest");
        list.set_filter(s, "-port".into());
        assert_eq!(list.visible.len(), 1);
        list.set_filter(s, String::new());
        assert_eq!(list.visible.len(), 3);
    }

    #[test]
    fn moves_stop_at_the_ends_and_scroll_follows() {
        let a = arts();
        let mut list = ListPane::new(&a);
        list.move_by(-5);
        assert_eq!(list.selected, 0);
        list.move_by(10);
        assert_eq!(list.selected, 2);
        list.scroll_into_view(2);
        assert_eq!(list.offset, 1);
    }
}
