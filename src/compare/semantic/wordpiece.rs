//! BERT's uncased tokenizer, as all-MiniLM-L6-v2 was trained with it: lower-case, accents
//! stripped, punctuation split off, then each word cut into the longest vocabulary pieces from
//! its start ("unscrewing" → "un", "##sc", "##rew", "##ing").

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A word longer than this is one unknown piece, as in BERT.
const MAX_WORD_CHARS: usize = 100;

/// The vocabulary: each piece's row in the vector table.
pub struct Vocabulary {
    /// The pieces, as `vocab.txt` lists them: a piece's id is its line number.
    pieces: Vec<&'static str>,
    /// `vocab-index.bin`: an open-addressing hash table of the pieces, made by the script that
    /// makes the table (u32 row numbers by FNV-1a hash, linear probing), so a look-up costs
    /// about one hash and nothing needs building at start-up but the list of lines.
    index: &'static [u8],
    unknown: u32,
}

/// An empty slot of the index.
const EMPTY: u32 = u32::MAX;

/// 32-bit FNV-1a, as the script computes it.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811C_9DC5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

impl Vocabulary {
    /// Reads `vocab.txt` (one piece a line) and its index.
    pub fn parse(text: &'static str, index: &'static [u8]) -> Vocabulary {
        let mut v = Vocabulary {
            pieces: text.lines().collect(),
            index,
            unknown: 0,
        };
        v.unknown = v.id("[UNK]").unwrap_or(0);
        v
    }

    /// Whether the index is whole and finds every piece at its own row.
    #[cfg(test)]
    pub fn index_is_consistent(&self) -> bool {
        self.slots() > self.pieces.len()
            && self.slots().is_power_of_two()
            && (0..self.pieces.len()).all(|k| self.id(self.pieces[k]) == Some(k as u32))
    }

    fn slots(&self) -> usize {
        self.index.len() / 4
    }

    fn id(&self, piece: &str) -> Option<u32> {
        let mask = self.slots().checked_sub(1)?;
        let mut at = fnv1a(piece.as_bytes()) as usize & mask;
        for _ in 0..self.slots() {
            let slot = u32::from_le_bytes(self.index[at * 4..at * 4 + 4].try_into().ok()?);
            if slot == EMPTY {
                return None;
            }
            if self.pieces.get(slot as usize) == Some(&piece) {
                return Some(slot);
            }
            at = (at + 1) & mask;
        }
        None
    }

    /// How many pieces it holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.pieces.len()
    }

    /// Appends the piece ids of `text` to `out`, leaving out punctuation, which carries no
    /// meaning for the static vectors.
    pub fn pieces(&self, text: &str, out: &mut Vec<u32>) {
        self.split(text, false, out);
    }

    /// Appends the piece ids of `text` to `out` as the model reads them: each punctuation mark
    /// is a piece of its own.
    pub fn model_pieces(&self, text: &str, out: &mut Vec<u32>) {
        self.split(text, true, out);
    }

    /// Looks a piece up by its text.
    pub fn piece(&self, piece: &str) -> Option<u32> {
        self.id(piece)
    }

    fn split(&self, text: &str, punctuation: bool, out: &mut Vec<u32>) {
        let mut word = String::new();
        let push = |c: char, word: &mut String, out: &mut Vec<u32>| {
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else {
                self.word(word, out);
                word.clear();
                if punctuation && !c.is_whitespace() {
                    self.word(c.encode_utf8(&mut [0u8; 4]), out);
                }
            }
        };
        // Most text is ASCII, which has no accents to strip.
        if text.is_ascii() {
            for c in text.chars() {
                push(c, &mut word, out);
            }
        } else {
            for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
                push(c, &mut word, out);
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
                if let Some(id) = self.id(&piece) {
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

    /// A small vocabulary with its index, built as the script builds it.
    fn vocab() -> Vocabulary {
        const TEXT: &str = "##ing\n##rew\n##s\n##sc\n[PAD]\n[UNK]\ncafe\nmill\nthe\nun\n";
        let slots = 16;
        let mut index = vec![EMPTY; slots];
        for (row, piece) in TEXT.lines().enumerate() {
            let mut at = fnv1a(piece.as_bytes()) as usize & (slots - 1);
            while index[at] != EMPTY {
                at = (at + 1) & (slots - 1);
            }
            index[at] = row as u32;
        }
        let bytes: Vec<u8> = index.iter().flat_map(|s| s.to_le_bytes()).collect();
        Vocabulary::parse(TEXT, Box::leak(bytes.into_boxed_slice()))
    }

    fn pieces(text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        vocab().pieces(text, &mut out);
        out
    }

    #[test]
    fn words_are_cut_into_the_longest_pieces_from_their_start() {
        assert_eq!(pieces("Unscrewing"), [9, 3, 1, 0]);
        assert_eq!(pieces("the mills"), [8, 7, 2]);
    }

    #[test]
    fn accents_and_punctuation_are_dropped_and_unknown_words_are_one_piece() {
        assert_eq!(pieces("Café, the!"), [6, 8]);
        assert_eq!(pieces("zzz the"), [5, 8]);
    }
}
