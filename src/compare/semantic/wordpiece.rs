//! BERT's uncased tokenizer, as all-MiniLM-L6-v2 was trained with it: lower-case, accents
//! stripped, punctuation split off, then each word cut into the longest vocabulary pieces from
//! its start ("unscrewing" → "un", "##sc", "##rew", "##ing").

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A word longer than this is one unknown piece, as in BERT.
const MAX_WORD_CHARS: usize = 100;

/// The vocabulary: each piece's row in the vector table.
pub struct Vocabulary {
    ids: FxHashMap<&'static str, u32>,
    unknown: u32,
}

impl Vocabulary {
    /// Reads `vocab.txt`: one piece a line, the line number is the id.
    pub fn parse(text: &'static str) -> Vocabulary {
        let ids: FxHashMap<&'static str, u32> = text
            .lines()
            .enumerate()
            .map(|(k, l)| (l, k as u32))
            .collect();
        let unknown = ids.get("[UNK]").copied().unwrap_or(0);
        Vocabulary { ids, unknown }
    }

    /// How many pieces it holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Appends the piece ids of `text` to `out`, leaving out punctuation, which carries no
    /// meaning for similarity.
    pub fn pieces(&self, text: &str, out: &mut Vec<u32>) {
        let mut word = String::new();
        for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else {
                self.word(&word, out);
                word.clear();
            }
        }
        self.word(&word, out);
    }

    /// Greedy longest-match-first pieces of one lower-case word.
    fn word(&self, word: &str, out: &mut Vec<u32>) {
        if word.is_empty() {
            return;
        }
        if word.chars().count() > MAX_WORD_CHARS {
            out.push(self.unknown);
            return;
        }
        let from = out.len();
        let mut start = 0;
        let mut piece = String::with_capacity(word.len() + 2);
        while start < word.len() {
            let mut end = word.len();
            let found = loop {
                piece.clear();
                if start > 0 {
                    piece.push_str("##");
                }
                piece.push_str(&word[start..end]);
                if let Some(&id) = self.ids.get(piece.as_str()) {
                    break Some(id);
                }
                // Shorten by one character.
                match word[start..end].char_indices().next_back() {
                    Some((last, _)) if last > 0 => end = start + last,
                    _ => break None,
                }
            };
            match found {
                Some(id) => {
                    out.push(id);
                    start = end;
                }
                None => {
                    out.truncate(from);
                    out.push(self.unknown);
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        Vocabulary::parse("[PAD]\n[UNK]\nun\n##sc\n##rew\n##ing\ncafe\nthe\n##s\nmill\n")
    }

    fn pieces(text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        vocab().pieces(text, &mut out);
        out
    }

    #[test]
    fn words_are_cut_into_the_longest_pieces_from_their_start() {
        assert_eq!(pieces("Unscrewing"), [2, 3, 4, 5]);
        assert_eq!(pieces("the mills"), [7, 9, 8]);
    }

    #[test]
    fn accents_and_punctuation_are_dropped_and_unknown_words_are_one_piece() {
        assert_eq!(pieces("Café, the!"), [6, 7]);
        assert_eq!(pieces("zzz the"), [1, 7]);
    }
}
