//! Sorting and filtering the library for the list pane, without copying articles.

use crate::article::Article;

/// The orders the list can show, cycled by a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Newest first; undated articles last.
    #[default]
    Date,
    /// By outlet, then newest first.
    Source,
    /// Alphabetically by title.
    Title,
}

impl SortKey {
    /// The next order in the cycle.
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Date => SortKey::Source,
            SortKey::Source => SortKey::Title,
            SortKey::Title => SortKey::Date,
        }
    }

    /// A short label for the status bar and list title.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Source => "source",
            SortKey::Title => "title",
        }
    }
}

/// Indices of `articles` in the given order; ties keep load order, so the result is stable.
pub fn sorted_indices(articles: &[Article], key: SortKey) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..articles.len()).collect();
    let date_desc =
        |i: usize| std::cmp::Reverse(articles[i].published.map_or(i64::MIN, |p| p.sort_key));
    match key {
        SortKey::Date => idx.sort_by_key(|&i| date_desc(i)),
        SortKey::Source => {
            idx.sort_by_cached_key(|&i| (articles[i].source.to_lowercase(), date_desc(i)))
        }
        SortKey::Title => idx.sort_by_cached_key(|&i| articles[i].title.to_lowercase()),
    }
    idx
}

/// Case-insensitive match of a query over title, source and body. `query_lower` must already
/// be lower-cased; an empty query matches everything.
pub fn matches_filter(article: &Article, query_lower: &str) -> bool {
    if query_lower.is_empty() {
        return true;
    }
    [&article.title, &article.source, &article.body]
        .into_iter()
        .any(|field| contains_ignore_case(field, query_lower))
}

/// Substring search that ignores case without allocating for ASCII queries.
fn contains_ignore_case(haystack: &str, needle_lower: &str) -> bool {
    if !needle_lower.is_ascii() {
        return haystack.to_lowercase().contains(needle_lower);
    }
    let (h, n) = (haystack.as_bytes(), needle_lower.as_bytes());
    if n.len() > h.len() {
        return false;
    }
    let first = n[0];
    let first_upper = first.to_ascii_uppercase();
    (0..=h.len() - n.len())
        .filter(|&i| h[i] == first || h[i] == first_upper)
        .any(|i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Published;

    fn art(title: &str, source: &str, date: Option<&str>, body: &str) -> Article {
        let mut a = Article::new(title.into(), title.into(), body.into());
        a.source = source.into();
        a.published = date.map(|d| Published::parse(d).unwrap());
        a
    }

    #[test]
    fn sorts_by_date_newest_first_with_undated_last() {
        let arts = [
            art("a", "X", Some("2026-01-01"), ""),
            art("b", "Y", None, ""),
            art("c", "Z", Some("2026-02-01"), ""),
        ];
        assert_eq!(sorted_indices(&arts, SortKey::Date), [2, 0, 1]);
    }

    #[test]
    fn sorts_by_source_then_title() {
        let arts = [
            art("b", "zeta", None, ""),
            art("a", "Alpha", None, ""),
            art("C", "beta", None, ""),
        ];
        assert_eq!(sorted_indices(&arts, SortKey::Source), [1, 2, 0]);
        assert_eq!(sorted_indices(&arts, SortKey::Title), [1, 0, 2]);
    }

    #[test]
    fn filter_ignores_case_and_searches_body() {
        let a = art(
            "Port Closed",
            "Harbour Wire",
            None,
            "The mayor, Ines Varga, spoke.",
        );
        assert!(matches_filter(&a, "port"));
        assert!(matches_filter(&a, "harbour"));
        assert!(matches_filter(&a, "ines varga"));
        assert!(!matches_filter(&a, "storm"));
        assert!(matches_filter(&a, ""));
    }

    #[test]
    fn filter_handles_non_ascii_queries() {
        let a = art("Über Straße", "", None, "");
        assert!(matches_filter(&a, "über"));
        assert!(matches_filter(&a, "straße"));
    }
}
