use crate::article::Article;
use crate::library::{SortKey, matches_filter, sorted_indices};

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

    /// Cycles the sort order, keeping the same article selected.
    pub fn cycle_sort(&mut self, articles: &[Article]) {
        self.sort = self.sort.next();
        self.order = sorted_indices(articles, self.sort);
        self.refilter(articles, false);
    }

    /// Takes in a library that gained or changed articles, keeping sort, filter and selection.
    pub fn reload(&mut self, articles: &[Article]) {
        self.order = sorted_indices(articles, self.sort);
        self.refilter(articles, false);
    }

    /// Re-applies the filter after it changed. When the filter only grew (more letters typed),
    /// only the rows already visible are searched again.
    pub fn set_filter(&mut self, articles: &[Article], filter: String) {
        let narrowed = filter.starts_with(&self.filter) && !self.filter.is_empty();
        self.filter = filter;
        self.refilter(articles, narrowed);
    }

    fn refilter(&mut self, articles: &[Article], narrowed: bool) {
        let keep = self.selected_article();
        let query = self.filter.to_lowercase();
        let source = if narrowed { &self.visible } else { &self.order };
        self.visible = source
            .iter()
            .copied()
            .filter(|&i| matches_filter(&articles[i], &query))
            .collect();
        self.selected = keep
            .and_then(|k| self.visible.iter().position(|&i| i == k))
            .unwrap_or(0);
        self.offset = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arts() -> Vec<Article> {
        ["Alpha port", "Beta tram", "Gamma port"]
            .iter()
            .map(|t| Article::new(t.into(), t.to_string(), String::new()))
            .collect()
    }

    #[test]
    fn filtering_keeps_the_selected_article_when_it_still_matches() {
        let a = arts();
        let mut list = ListPane::new(&a);
        list.select(2);
        let chosen = list.selected_article();
        list.set_filter(&a, "port".into());
        assert_eq!(list.visible.len(), 2);
        assert_eq!(list.selected_article(), chosen);
        list.set_filter(&a, "porte".into());
        assert!(list.visible.is_empty());
        assert_eq!(list.selected_article(), None);
        list.set_filter(&a, String::new());
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
