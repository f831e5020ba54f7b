use std::path::PathBuf;

use super::Published;

/// The file formats Parallax reads, chosen by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text: the first non-empty line is the title.
    Txt,
    /// Markdown with optional TOML front matter between `+++` lines.
    Md,
    /// A saved web page: the article is extracted from it.
    Html,
    /// An RSS, Atom or JSON feed: one article per entry.
    Feed,
}

impl Format {
    /// The format for a file name, or `None` when Parallax does not read that kind of file.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Txt),
            "md" | "markdown" => Some(Format::Md),
            "html" | "htm" => Some(Format::Html),
            "xml" | "rss" | "atom" | "json" => Some(Format::Feed),
            _ => None,
        }
    }
}

/// One report as the reader sees it: metadata plus a cleaned, terminal-safe body.
///
/// Every string field has been through [`super::sanitize`], so it can be drawn as is.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Article {
    /// Where the article came from: a file path, or `sample:NAME` for the built-in samples.
    pub path: PathBuf,
    pub title: String,
    /// The outlet that published it.
    pub source: String,
    pub author: String,
    pub url: String,
    pub published: Option<Published>,
    pub tags: Vec<String>,
    /// Paragraphs separated by one blank line; no control characters.
    pub body: String,
    /// Words in the body, counted once at load so the list never recounts.
    pub word_count: usize,
}

impl Article {
    /// Builds an article and counts its words.
    pub fn new(path: PathBuf, title: String, body: String) -> Article {
        let word_count = count_words(&body);
        Article {
            path,
            title,
            source: String::new(),
            author: String::new(),
            url: String::new(),
            published: None,
            tags: Vec::new(),
            body,
            word_count,
        }
    }

    /// The paragraphs of the body, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.split("\n\n").filter(|p| !p.trim().is_empty())
    }
}

/// Counts words: runs of non-space characters holding at least one letter or digit, so a lone
/// dash or bullet is not a word.
///
/// This runs over every article at load, so it looks at bytes, not characters, without
/// branching: ASCII is classified exactly; a UTF-8 lead byte counts as a letter, except 0xC2
/// (Latin-1 punctuation such as « » ·) and 0xE2 (general punctuation: dashes, curly quotes,
/// ellipsis, bullets); continuation bytes count as neither. Words are split at ASCII white space
/// only (a no-break space joins two words), which is how prose is written.
pub fn count_words(text: &str) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    // A word starts where a non-space byte follows a space (or the start of the text). Eight
    // bytes at a time: after sanitising, the only bytes below 0x21 are space, tab and newline,
    // so "below 0x21" is the space test, done on a whole u64 at once. Each start is then checked:
    // most begin with a letter; one that begins with punctuation is a word only if a letter or
    // digit follows before the next space.
    let mut count = 0;
    let mut prev_space = true;
    let mut base = 0;
    let starts_word = |at: usize| -> bool {
        if BYTE_CLASS[usize::from(bytes[at])] == LETTER {
            return true;
        }
        bytes[at..]
            .iter()
            .take_while(|&&c| c > 0x20)
            .any(|&c| BYTE_CLASS[usize::from(c)] == LETTER)
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // High bit set in each byte below 0x21.
        let space = !((x | HIGH).wrapping_sub(ONES * 0x21)) & !x & HIGH;
        let carry = if prev_space { 0x80 } else { 0 };
        let mut starts = !space & HIGH & ((space << 8) | carry);
        while starts != 0 {
            let k = (starts.trailing_zeros() / 8) as usize;
            count += usize::from(starts_word(base + k));
            starts &= starts - 1;
        }
        prev_space = space >> 63 != 0;
        base += 8;
    }
    for (k, &b) in chunks.remainder().iter().enumerate() {
        let space = b < 0x21;
        if !space && prev_space {
            count += usize::from(starts_word(base + k));
        }
        prev_space = space;
    }
    count
}

const WHITESPACE: u8 = 1;
const LETTER: u8 = 2;

/// The class of each byte for [`count_words`].
const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = if b.is_ascii_whitespace() {
            WHITESPACE
        } else if b.is_ascii_alphanumeric() || (b >= 0xc3 && b != 0xe2) {
            LETTER
        } else {
            0
        };
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_not_punctuation() {
        assert_eq!(count_words("Hello, world — it is 2026."), 5);
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("  one,  two -- 3 "), 3);
        assert_eq!(count_words("naïve café, ok"), 3);
        assert_eq!(count_words("Okafor — chief «executive» 日本"), 4);
        // Every alignment of words against the eight-byte chunks.
        for pad in 0..9 {
            let text = format!("{}one two\tthree\n-- four5 (six) !", " ".repeat(pad));
            assert_eq!(count_words(&text), 5, "{text:?}");
        }
    }

    #[test]
    fn format_from_extension_ignores_case() {
        assert_eq!(Format::from_path("a/B.TXT".as_ref()), Some(Format::Txt));
        assert_eq!(Format::from_path("x.md".as_ref()), Some(Format::Md));
        assert_eq!(Format::from_path("x.pdf".as_ref()), None);
        assert_eq!(Format::from_path("noext".as_ref()), None);
    }
}
