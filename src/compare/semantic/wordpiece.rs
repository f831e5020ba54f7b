//! BERT's uncased tokenizer, as all-MiniLM-L6-v2 was trained with it: lower-case, accents
//! stripped, punctuation split off, then each word cut into the longest vocabulary pieces from
//! its start ("unscrewing" → "un", "##sc", "##rew", "##ing").

use crate::compare::word_map::WordMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A word longer than this is one unknown piece, as in BERT.
const MAX_WORD_CHARS: usize = 100;

/// The vocabulary: each piece's row in the vector table.
pub struct Vocabulary {
    /// `vocab.txt`: the pieces one a line; a piece's row is its line number.
    text: &'static str,
    /// `vocab-index.bin`: an open-addressing hash table of the pieces, made by the script that
    /// makes the table (FNV-1a hash, linear probing; a slot is the piece's row and where its
    /// text is in `vocab.txt`), so a look-up costs about one hash and one comparison, and
    /// nothing is built or read at start-up.
    index: &'static [u8],
    /// `vocab-prefixes.bin`: a bit per FNV-1a hash, set for every prefix of every piece. An
    /// unset bit means no piece begins so: a word's longer prefixes need no look-up.
    prefixes: &'static [u8],
    unknown: u32,
}

/// The row of an empty slot of the index.
const EMPTY: u32 = u32::MAX;
/// Bytes of a slot: the row, then the text's offset (low 24 bits) and length (high 8).
const SLOT: usize = 8;

/// 32-bit FNV-1a, as the script computes it.
fn fnv1a(bytes: &[u8]) -> u32 {
    fnv1a_on(FNV_START, bytes)
}

const FNV_START: u32 = 0x811C_9DC5;

/// FNV-1a of what `hash` is the hash of, followed by `bytes`.
fn fnv1a_on(hash: u32, bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(hash, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

impl Vocabulary {
    /// The vocabulary of `vocab.txt` (one piece a line), its index and its prefix filter.
    pub fn new(text: &'static str, index: &'static [u8], prefixes: &'static [u8]) -> Vocabulary {
        let mut v = Vocabulary {
            text,
            index,
            prefixes,
            unknown: 0,
        };
        v.unknown = v.id("[UNK]").unwrap_or(0);
        v
    }

    /// Whether the index is whole and finds every piece at its own row, and the prefix filter
    /// lets every piece through whole.
    #[cfg(test)]
    pub fn index_is_consistent(&self) -> bool {
        let whole = |piece: &str| match piece.strip_prefix("##") {
            Some(rest) if !rest.is_empty() => {
                self.longest_possible(&format!("x{rest}"), 1) == 1 + rest.len()
            }
            _ => self.longest_possible(piece, 0) == piece.len(),
        };
        self.slots().is_power_of_two()
            && self.slots() > self.len()
            && (self.text.lines().enumerate())
                .all(|(k, piece)| self.id(piece) == Some(k as u32) && whole(piece))
    }

    /// Whether some piece may begin with the text whose FNV-1a hash is `hash`.
    fn may_begin_a_piece(&self, hash: u32) -> bool {
        let bits = self.prefixes.len() * 8;
        if !bits.is_power_of_two() {
            return true;
        }
        let bit = hash as usize & (bits - 1);
        self.prefixes[bit / 8] & (1 << (bit % 8)) != 0
    }

    /// The end of the longest prefix of `word[start..]` (after "##" unless `start` is 0) that
    /// some piece may begin with: no piece is longer.
    fn longest_possible(&self, word: &str, start: usize) -> usize {
        let mut hash = if start > 0 {
            fnv1a_on(FNV_START, b"##")
        } else {
            FNV_START
        };
        let mut end = start;
        for c in word[start..].chars() {
            hash = fnv1a_on(hash, c.encode_utf8(&mut [0u8; 4]).as_bytes());
            if !self.may_begin_a_piece(hash) {
                break;
            }
            end += c.len_utf8();
        }
        end
    }

    fn slots(&self) -> usize {
        self.index.len() / SLOT
    }

    fn word_at(&self, at: usize) -> u32 {
        let bytes = self.index.get(at..at + 4).and_then(|b| b.try_into().ok());
        bytes.map_or(EMPTY, u32::from_le_bytes)
    }

    fn id(&self, piece: &str) -> Option<u32> {
        let mask = self.slots().checked_sub(1)?;
        let mut slot = fnv1a(piece.as_bytes()) as usize & mask;
        for _ in 0..self.slots() {
            let row = self.word_at(slot * SLOT);
            if row == EMPTY {
                return None;
            }
            let place = self.word_at(slot * SLOT + 4) as usize;
            let (offset, len) = (place & 0x00FF_FFFF, place >> 24);
            if len == piece.len()
                && self.text.as_bytes().get(offset..offset + len) == Some(piece.as_bytes())
            {
                return Some(row);
            }
            slot = (slot + 1) & mask;
        }
        None
    }

    /// How many pieces it holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.text.lines().count()
    }

    /// Appends the piece ids of `text` to `out` as the model reads them: each punctuation mark
    /// is a piece of its own.
    pub fn model_pieces(&self, text: &str, out: &mut Vec<u32>) {
        self.split(text, true, out, &mut |word, out| self.word(word, out));
    }

    /// Looks a piece up by its text.
    pub fn piece(&self, piece: &str) -> Option<u32> {
        self.id(piece)
    }

    /// A splitter that leaves out punctuation and remembers the words it has cut.
    pub fn splitter(&self) -> Splitter<'_> {
        Splitter {
            vocabulary: self,
            known: WordMap::default(),
            store: Vec::new(),
        }
    }

    /// Cuts `text` into lower-case words (and, with `punctuation`, its marks), handing each to
    /// `cut`.
    fn split(
        &self,
        text: &str,
        punctuation: bool,
        out: &mut Vec<u32>,
        cut: &mut dyn FnMut(&str, &mut Vec<u32>),
    ) {
        let mut word = String::new();
        let mut push = |c: char, word: &mut String, out: &mut Vec<u32>| {
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else {
                if !word.is_empty() {
                    cut(word, out);
                    word.clear();
                }
                if punctuation && !c.is_whitespace() {
                    cut(c.encode_utf8(&mut [0u8; 4]), out);
                }
            }
        };
        // Most text is ASCII, which has no accents to strip, and whose letters and digits
        // lower-case a byte at a time.
        if text.is_ascii() {
            for &b in text.as_bytes() {
                if b.is_ascii_alphanumeric() {
                    word.push(char::from(b.to_ascii_lowercase()));
                } else {
                    push(char::from(b), &mut word, out);
                }
            }
        } else {
            for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
                push(c, &mut word, out);
            }
        }
        if !word.is_empty() {
            cut(&word, out);
        }
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
            let mut end = self.longest_possible(word, start);
            let found = loop {
                if end == start {
                    break None;
                }
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

/// Cuts the sentences of a comparison into pieces, leaving out punctuation, which carries no
/// meaning for the static vectors. It remembers the pieces of each word it has cut: prose
/// repeats its words, and a word the vocabulary lacks costs a look-up for each shorter prefix
/// tried.
pub struct Splitter<'v> {
    vocabulary: &'v Vocabulary,
    /// Each word cut so far, and where its pieces are in `store`.
    known: WordMap<'static, (u32, u32)>,
    store: Vec<u32>,
}

impl Splitter<'_> {
    /// Appends the piece ids of `text` to `out`.
    pub fn pieces(&mut self, text: &str, out: &mut Vec<u32>) {
        let Splitter {
            vocabulary,
            known,
            store,
        } = self;
        vocabulary.split(text, false, out, &mut |word, out| {
            let (from, to) = match known.get(word) {
                Some(range) => range,
                None => {
                    let from = store.len() as u32;
                    vocabulary.word(word, store);
                    let range = (from, store.len() as u32);
                    known.insert(word.to_string().into(), range);
                    range
                }
            };
            out.extend_from_slice(&store[from as usize..to as usize]);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small vocabulary with its index, built as the script builds it.
    fn vocab() -> Vocabulary {
        const TEXT: &str = "##ing\n##rew\n##s\n##sc\n[PAD]\n[UNK]\ncafe\nmill\nthe\nun\n";
        let slots = 16;
        let mut index = vec![[EMPTY, 0]; slots];
        let mut offset = 0;
        for (row, piece) in TEXT.lines().enumerate() {
            let mut at = fnv1a(piece.as_bytes()) as usize & (slots - 1);
            while index[at][0] != EMPTY {
                at = (at + 1) & (slots - 1);
            }
            index[at] = [row as u32, offset | (piece.len() as u32) << 24];
            offset += piece.len() as u32 + 1;
        }
        let bytes: Vec<u8> = index
            .iter()
            .flatten()
            .flat_map(|s| s.to_le_bytes())
            .collect();
        let mut prefixes = vec![0u8; 32];
        for piece in TEXT.lines() {
            for (at, c) in piece.char_indices() {
                let bit = fnv1a(&piece.as_bytes()[..at + c.len_utf8()]) as usize % 256;
                prefixes[bit / 8] |= 1 << (bit % 8);
            }
        }
        Vocabulary::new(
            TEXT,
            Box::leak(bytes.into_boxed_slice()),
            Box::leak(prefixes.into_boxed_slice()),
        )
    }

    fn pieces(text: &str) -> Vec<u32> {
        let vocab = vocab();
        let mut out = Vec::new();
        vocab.splitter().pieces(text, &mut out);
        let mut again = Vec::new();
        let mut splitter = vocab.splitter();
        splitter.pieces(text, &mut Vec::new());
        splitter.pieces(text, &mut again);
        assert_eq!(out, again, "a remembered word is cut as a new one");
        out
    }

    #[test]
    fn the_small_vocabulary_is_consistent() {
        assert!(vocab().index_is_consistent());
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
