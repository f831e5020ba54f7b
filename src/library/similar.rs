//! Finding the article most like another across the whole library, cheaply.
//!
//! A full comparison against every article would take seconds on a large library. Instead each
//! article gets a fingerprint once (hashes of the distinctive words of its title and opening), and
//! the pick is the best IDF-weighted overlap of fingerprints: a few milliseconds for 10,000
//! articles.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

use crate::article::Article;

/// How much of each body the fingerprint reads: the title and opening carry what an event is.
const READ: usize = 2000;

/// Fingerprints of every article, and how many articles share each word.
#[derive(Debug, Default)]
pub struct Fingerprints {
    sets: Vec<Vec<u64>>,
    idf: FxHashMap<u64, f32>,
}

impl Fingerprints {
    /// Fingerprints a library.
    pub fn new(articles: &[Article]) -> Fingerprints {
        // Both cores: fingerprinting 10,000 articles is the only costly step.
        let sets: Vec<Vec<u64>> = articles.par_iter().map(fingerprint).collect();
        let mut df: FxHashMap<u64, u32> = FxHashMap::default();
        for set in &sets {
            for h in set {
                *df.entry(*h).or_default() += 1;
            }
        }
        let n = sets.len().max(1) as f32;
        let idf = df
            .into_iter()
            .map(|(h, d)| (h, (1.0 + n / d as f32).ln()))
            .collect();
        Fingerprints { sets, idf }
    }

    /// The other article most like article `index`, with its similarity (0 to 1), if any shares
    /// anything with it.
    pub fn most_similar(&self, index: usize) -> Option<(usize, f32)> {
        let mine = self.sets.get(index)?;
        let w = |h: &u64| self.idf.get(h).copied().unwrap_or(0.0);
        let total: f32 = mine.iter().map(w).sum();
        let mut best: Option<(usize, f32)> = None;
        for (j, theirs) in self.sets.iter().enumerate() {
            if j == index {
                continue;
            }
            let (mut a, mut b, mut shared) = (0, 0, 0.0f32);
            while a < mine.len() && b < theirs.len() {
                match mine[a].cmp(&theirs[b]) {
                    std::cmp::Ordering::Less => a += 1,
                    std::cmp::Ordering::Greater => b += 1,
                    std::cmp::Ordering::Equal => {
                        shared += w(&mine[a]);
                        a += 1;
                        b += 1;
                    }
                }
            }
            if shared == 0.0 {
                continue;
            }
            let union = total + theirs.iter().map(w).sum::<f32>() - shared;
            let score = if union > 0.0 { shared / union } else { 0.0 };
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((j, score));
            }
        }
        best
    }
}

/// Hashes of the lower-cased words of four letters or more in the title and opening.
fn fingerprint(article: &Article) -> Vec<u64> {
    let end = article
        .body
        .floor_char_boundary(READ.min(article.body.len()));
    let mut set = Vec::with_capacity(256);
    let mut buf = [0u8; 32];
    for text in [article.title.as_str(), &article.body[..end]] {
        // Words are runs of ASCII letters and digits or non-ASCII bytes, found byte by byte.
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let is_word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
            if !is_word(bytes[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && is_word(bytes[i]) {
                i += 1;
            }
            let word = &bytes[start..i];
            if word.len() < 4 {
                continue;
            }
            let mut h = FxHasher::default();
            if word.is_ascii() && word.len() <= buf.len() {
                // The common case: lower-case into a stack buffer and hash it in one go.
                let lower = &mut buf[..word.len()];
                lower.copy_from_slice(word);
                lower.make_ascii_lowercase();
                h.write(lower);
            } else {
                // Both ends are ASCII boundaries, so this is whole characters.
                let word = std::str::from_utf8(word).unwrap_or_default();
                if word.chars().count() < 4 {
                    continue;
                }
                h.write(word.to_lowercase().as_bytes());
            }
            set.push(h.finish());
        }
    }
    set.sort_unstable();
    set.dedup();
    set
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::load_samples;

    #[test]
    fn picks_another_report_of_the_same_event() {
        let articles = load_samples().articles;
        let fp = Fingerprints::new(&articles);
        for (i, a) in articles.iter().enumerate() {
            let name = a.path.to_string_lossy();
            let event = if name.contains("valmora-crane") {
                "valmora-crane"
            } else if name.contains("tessaly-tram") {
                "tessaly-tram"
            } else {
                continue;
            };
            let (j, score) = fp.most_similar(i).unwrap();
            assert!(
                articles[j].path.to_string_lossy().contains(event),
                "{name} picked {:?}",
                articles[j].path
            );
            assert!(score > 0.0);
        }
    }
}
