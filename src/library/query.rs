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

/// Substring search that ignores case without allocating for ASCII queries. It looks for the
/// needle's rarest letter (both cases at once, with memchr's vector search) and tests the
/// needle around each place found, so a word that is absent costs a fast scan, not a test at
/// every byte.
pub(super) fn contains_ignore_case(haystack: &str, needle_lower: &str) -> bool {
    if !needle_lower.is_ascii() {
        return haystack.to_lowercase().contains(needle_lower);
    }
    let (h, n) = (haystack.as_bytes(), needle_lower.as_bytes());
    if n.is_empty() {
        return true;
    }
    if n.len() > h.len() {
        return false;
    }
    let (at, &rare) = n
        .iter()
        .enumerate()
        .max_by_key(|&(_, &b)| rarity(b))
        .unwrap_or((0, &n[0]));
    let last_start = h.len() - n.len();
    memchr::memchr2_iter(rare, rare.to_ascii_uppercase(), h)
        .filter_map(|found| found.checked_sub(at))
        .take_while(|&start| start <= last_start)
        .any(|start| h[start..start + n.len()].eq_ignore_ascii_case(n))
}

/// How rare a byte is in English text: letters by their frequency (e, t, a … most common),
/// anything else (digits, punctuation) rarer than any letter, and a space the most common.
fn rarity(byte: u8) -> u8 {
    const BY_FREQUENCY: &[u8; 26] = b"etaoinshrdlcumwfgypbvkjxqz";
    match byte {
        b' ' => 0,
        b'a'..=b'z' => BY_FREQUENCY
            .iter()
            .position(|&c| c == byte)
            .map_or(0, |k| k as u8 + 1),
        _ => 100,
    }
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
    fn search_ignores_case_wherever_the_rare_letter_stands() {
        let text = "The mayor, Ines Varga, spoke at the Quay.";
        for (needle, found) in [
            ("ines varga", true),
            ("quay.", true),
            ("the q", true),
            ("mayor, ines", true),
            ("zebra", false),
            ("the mayor, ines varga, spoke at the quay. ", false),
            ("", true),
        ] {
            assert_eq!(contains_ignore_case(text, needle), found, "{needle:?}");
            assert_eq!(found, text.to_lowercase().contains(needle), "{needle:?}");
        }
        // The rare letter first and last in the text, and repeated close together.
        assert!(contains_ignore_case("zz", "zz"));
        assert!(contains_ignore_case("xxq", "xq"));
        assert!(!contains_ignore_case("q", "aq"));
    }

    #[test]
    fn search_handles_non_ascii_queries() {
        assert!(contains_ignore_case("Über Straße", "über"));
        assert!(contains_ignore_case("Über Straße", "straße"));
    }
}
