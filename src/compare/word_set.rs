//! A lexicon list looked up by a word as the text writes it, ignoring ASCII case, with one hash
//! instead of one comparison per listed word. The fact checks ask "is this a reporting verb?" of
//! every word of both documents; a scan of the 50 verbs for each was 4% of a 2 MB comparison.

use rustc_hash::FxHashSet;

/// The words of a list, lower-cased once.
pub struct WordSet {
    words: FxHashSet<String>,
    /// The longest listed word, in bytes: a longer word is not looked up.
    longest: usize,
}

/// Words up to this many bytes are lower-cased on the stack to be looked up.
const BUFFER: usize = 32;

impl WordSet {
    pub fn new(list: &[&str]) -> WordSet {
        WordSet {
            words: list.iter().map(|w| w.to_ascii_lowercase()).collect(),
            longest: list.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    /// Whether `word` is listed, as `str::eq_ignore_ascii_case` would find it.
    pub fn contains(&self, word: &str) -> bool {
        if word.len() > self.longest {
            return false;
        }
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.words.contains(word);
        }
        if word.len() > BUFFER {
            return self.words.contains(&word.to_ascii_lowercase());
        }
        let mut buffer = [0u8; BUFFER];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // Lower-casing ASCII letters keeps UTF-8 valid.
        std::str::from_utf8(lower).is_ok_and(|w| self.words.contains(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_a_listed_word_in_any_ascii_case_and_nothing_else() {
        let set = WordSet::new(&["said", "Told"]);
        for found in ["said", "SAID", "Said", "told", "TOLD"] {
            assert!(set.contains(found), "{found}");
        }
        for missed in ["sai", "saidx", "", "says", "s\u{e1}id"] {
            assert!(!set.contains(missed), "{missed}");
        }
    }

    proptest! {
        #[test]
        fn agrees_with_a_scan_ignoring_ascii_case(word in "[a-zA-Zéü]{0,40}") {
            let list = ["said", "told", "Mayor", "über", "explained"];
            let set = WordSet::new(&list);
            prop_assert_eq!(
                set.contains(&word),
                list.iter().any(|w| word.eq_ignore_ascii_case(w))
            );
        }
    }
}
