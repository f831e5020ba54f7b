//! Word frequencies across the reader's library.
//!
//! Inside one pair, a word's weight comes from how few sentences of the two reports hold it. A
//! word that turns up in most articles of a library ("officials", "year", "people") still says
//! little about which sentences of two reports go together, even when the pair happens to use
//! it once each: the library's document frequencies discount such words. Words in a smaller
//! share of the library keep their full weight, so an event's own words ("crane", "council")
//! are never discounted by a library full of other stories.

use rustc_hash::FxHashMap;

use super::params::{LIBRARY_COMMON_SHARE, LIBRARY_MIN_ARTICLES, LIBRARY_READ};
use super::token::{TokenKind, Vocab, tokenize};

/// How many of the library's articles hold each normalised word.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LibraryTerms {
    articles: usize,
    df: FxHashMap<Box<str>, u32>,
}

impl LibraryTerms {
    /// Counts, for each normalised word, the articles holding it. Uses both cores when there
    /// are many articles.
    pub fn new(bodies: &[&str]) -> LibraryTerms {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4)
            .min(bodies.len().div_ceil(500).max(1));
        let chunk = bodies.len().div_ceil(threads).max(1);
        let parts: Vec<FxHashMap<Box<str>, u32>> = std::thread::scope(|s| {
            let handles: Vec<_> = bodies
                .chunks(chunk)
                .map(|part| s.spawn(move || count(part)))
                .collect();
            handles
                .into_iter()
                // A worker's panic is a bug: re-raise it rather than lose its part.
                .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        });
        let mut parts = parts.into_iter();
        let mut df = parts.next().unwrap_or_default();
        for part in parts {
            for (word, n) in part {
                *df.entry(word).or_default() += n;
            }
        }
        LibraryTerms {
            articles: bodies.len(),
            df,
        }
    }

    /// The part of a body that is counted (its opening), so a caller copying bodies to count
    /// them on another thread copies only that.
    pub fn opening(body: &str) -> &str {
        &body[..body.floor_char_boundary(LIBRARY_READ.min(body.len()))]
    }

    /// How many articles were counted.
    pub fn articles(&self) -> usize {
        self.articles
    }

    /// How many words were seen.
    pub fn words(&self) -> usize {
        self.df.len()
    }

    /// The share of the articles holding a normalised word, 0 to 1.
    pub fn share(&self, word: &str) -> f32 {
        match self.df.get(word) {
            Some(&df) if self.articles > 0 => df as f32 / self.articles as f32,
            _ => 0.0,
        }
    }

    /// The factor, in (0, 1], that a normalised word's weight is multiplied by: 1 for words in
    /// at most a fifth of the articles, or in no larger a share than `story` (how much of the
    /// library is about the story being compared), or in a library too small to tell; less the
    /// more articles hold it (0.61 at half of them, 0.39 in all, with `story` under a fifth).
    pub fn factor(&self, word: &str, story: f32) -> f32 {
        if self.articles < LIBRARY_MIN_ARTICLES {
            return 1.0;
        }
        let common = LIBRARY_COMMON_SHARE.max(story);
        let share = self.share(word);
        if share <= common {
            1.0
        } else {
            ((1.0 + 1.0 / share).ln() / (1.0 + 1.0 / common).ln()).min(1.0)
        }
    }
}

/// Document frequencies of the content words of some bodies.
fn count(bodies: &[&str]) -> FxHashMap<Box<str>, u32> {
    // Sized for some 65,000 word forms: a library's vocabulary, not its bytes.
    let mut vocab = Vocab::for_text_bytes(1 << 20);
    let mut df: Vec<u32> = Vec::new();
    let mut tokens = Vec::new();
    let mut seen: Vec<u32> = Vec::new();
    for &body in bodies {
        let opening = LibraryTerms::opening(body);
        tokens.clear();
        // Only which words occur counts here, so the opening need not be split into sentences.
        tokenize(opening, 0..opening.len(), &mut vocab, &mut tokens);
        seen.clear();
        seen.extend(
            tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Content)
                .map(|t| t.term),
        );
        seen.sort_unstable();
        seen.dedup();
        for &t in &seen {
            if df.len() <= t as usize {
                df.resize(t as usize + 1, 0);
            }
            df[t as usize] += 1;
        }
    }
    vocab
        .words()
        .filter_map(|(word, id)| {
            let n = df.get(id as usize).copied().unwrap_or(0);
            (n > 0).then(|| (Box::from(word), n))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library(common: usize, total: usize) -> LibraryTerms {
        let bodies: Vec<String> = (0..total)
            .map(|k| {
                let extra = if k < common {
                    " Officials said so."
                } else {
                    ""
                };
                format!("Story {k} is about the harbour crane number {k}.{extra}")
            })
            .collect();
        let refs: Vec<&str> = bodies.iter().map(String::as_str).collect();
        LibraryTerms::new(&refs)
    }

    #[test]
    fn words_in_most_articles_are_discounted_and_rare_ones_are_not() {
        let lib = library(60, 80);
        assert_eq!(lib.articles(), 80);
        // "official" is in 60 of 80 articles, "story" in all: both weigh less.
        let official = lib.factor("official", 0.0);
        assert!(official < 0.7, "{official}");
        assert!(lib.factor("story", 0.0) < official);
        // A word no article holds, or one in a few, keeps its weight.
        assert_eq!(lib.factor("tram", 0.0), 1.0);
        let few = library(10, 80);
        assert_eq!(few.factor("official", 0.0), 1.0);
    }

    #[test]
    fn in_a_library_mostly_about_the_story_its_words_keep_their_weight() {
        // "official" is in 60 of 80 articles; when the story's own names are in 70 of them,
        // the library is about this story and "official" is not news at large.
        let lib = library(60, 80);
        assert_eq!(lib.factor("official", 70.0 / 80.0), 1.0);
        assert!(lib.factor("story", 70.0 / 80.0) < 1.0);
    }

    #[test]
    fn a_pair_compared_with_a_library_weighs_its_common_words_less() {
        use crate::compare::doc::{Doc, Weights};
        let (a, b) = (
            "Officials said the Valmora ferry sank. Sailors were hurt.",
            "The Valmora ferry sank, officials said. Nobody died.",
        );
        let lib = library(60, 80);
        let mut vocab = Vocab::default();
        let (da, db) = (Doc::new(a, &mut vocab), Doc::new(b, &mut vocab));
        let alone = Weights::new([&da, &db], &vocab, None);
        let with = Weights::new([&da, &db], &vocab, Some(&lib));
        let id = |w: &str| vocab.words().find(|(x, _)| x == w).unwrap().1;
        assert!(with.w(id("official")) < alone.w(id("official")));
        // The library's articles are about a harbour crane, not a ferry.
        assert_eq!(with.w(id("ferry")), alone.w(id("ferry")));
    }

    #[test]
    fn a_small_library_changes_nothing() {
        let lib = library(40, 40);
        assert_eq!(lib.factor("official", 0.0), 1.0);
        assert_eq!(lib.factor("story", 0.0), 1.0);
    }

    #[test]
    fn counts_each_article_once_whatever_the_repetitions() {
        let lib = LibraryTerms::new(&["Crane crane cranes.", "A crane.", "A tram."]);
        assert_eq!(lib.df.get("cran").copied(), Some(2));
        assert_eq!(lib.df.get("tram").copied(), Some(1));
    }
}
