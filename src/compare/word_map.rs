//! A hash map from words to small values that keeps the words of up to 15 bytes (nearly every
//! word of prose) inside the table as one integer. A table whose keys point elsewhere (a boxed
//! `String`, or a slice of the text) reads each key from wherever it lies to compare it, and on
//! long texts those reads missed the cache more often than not: perf put 5% of a 2 MB
//! comparison's samples in that comparison alone.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

/// Words to values: short words by [`short_key`], longer ones by their text (borrowed when the
/// caller can lend it for the map's life, `'a`).
#[derive(Debug)]
pub struct WordMap<'a, V> {
    short: FxHashMap<u128, V>,
    long: FxHashMap<Cow<'a, str>, V>,
}

impl<V> Default for WordMap<'_, V> {
    fn default() -> Self {
        WordMap {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
        }
    }
}

impl<'a, V: Copy> WordMap<'a, V> {
    /// Room for about `words` short words before it grows.
    pub fn with_capacity(words: usize) -> Self {
        WordMap {
            short: FxHashMap::with_capacity_and_hasher(words, Default::default()),
            long: FxHashMap::default(),
        }
    }

    pub fn get(&self, word: &str) -> Option<V> {
        match short_key(word) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(word).copied(),
        }
    }

    /// Remembers `value` for `word`, copying it only when it is too long to be a key.
    pub fn insert_copy(&mut self, word: &str, value: V) {
        match short_key(word) {
            Some(key) => self.short.insert(key, value),
            None => self.long.insert(Cow::Owned(word.to_string()), value),
        };
    }

    /// Remembers `value` for `word`; a long word is kept as given.
    pub fn insert(&mut self, word: Cow<'a, str>, value: V) {
        match short_key(&word) {
            Some(key) => self.short.insert(key, value),
            None => self.long.insert(word, value),
        };
    }
}

impl<V: Copy> WordMap<'_, V> {
    /// Every word with its value, in no order.
    pub fn iter(&self) -> impl Iterator<Item = (Cow<'_, str>, V)> {
        let short = (self.short.iter()).map(|(&key, &v)| (Cow::Owned(word_of(key)), v));
        let long = (self.long.iter()).map(|(word, &v)| (Cow::Borrowed(word.as_ref()), v));
        short.chain(long)
    }

    /// How many words it holds.
    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }
}

/// The word a [`short_key`] was made of.
fn word_of(key: u128) -> String {
    let bytes = key.to_le_bytes();
    let len = usize::from(bytes[15]).min(15);
    String::from_utf8_lossy(&bytes[..len]).into_owned()
}

/// A word of up to 15 bytes as one integer: its bytes, then its length in the last byte.
fn short_key(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    let mut key = [0u8; 16];
    key[..bytes.len()].copy_from_slice(bytes);
    key[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_keys_tell_every_short_word_apart_and_long_ones_have_none() {
        let words = ["", "a", "a\0", "ab", "ba", "fifteen-letters", "café", "é"];
        let keys: Vec<u128> = words.iter().map(|w| short_key(w).unwrap()).collect();
        for (a, ka) in words.iter().zip(&keys) {
            for (b, kb) in words.iter().zip(&keys) {
                assert_eq!(a == b, ka == kb, "{a:?} {b:?}");
            }
        }
        assert_eq!(short_key("sixteen-letters!"), None);
    }

    #[test]
    fn short_and_long_words_are_found_again() {
        let mut map = WordMap::with_capacity(4);
        map.insert("mill".into(), 1);
        map.insert("internationalisation".into(), 2);
        map.insert(Cow::Owned("mill".to_string()), 3);
        assert_eq!(map.get("mill"), Some(3));
        assert_eq!(map.get("internationalisation"), Some(2));
        assert_eq!(map.get("internationalisatio"), None);
        assert_eq!(map.get("mil"), None);
        let mut all: Vec<(String, i32)> = map.iter().map(|(w, v)| (w.into_owned(), v)).collect();
        all.sort();
        assert_eq!(
            all,
            [("internationalisation".into(), 2), ("mill".into(), 3)]
        );
        assert_eq!(map.len(), 2);
    }
}
