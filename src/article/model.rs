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
}

impl Format {
    /// The format for a file name, or `None` when Parallax does not read that kind of file.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Txt),
            "md" | "markdown" => Some(Format::Md),
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
    let mut count = 0usize;
    // 1 while the current word has a letter or digit.
    let mut has = 0u8;
    for &b in text.as_bytes() {
        let class = BYTE_CLASS[usize::from(b)];
        let ws = class & WHITESPACE;
        count += usize::from(ws & has);
        has = (has | (class >> 1)) & (ws ^ 1);
    }
    count + usize::from(has)
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
    }

    #[test]
    fn format_from_extension_ignores_case() {
        assert_eq!(Format::from_path("a/B.TXT".as_ref()), Some(Format::Txt));
        assert_eq!(Format::from_path("x.md".as_ref()), Some(Format::Md));
        assert_eq!(Format::from_path("x.pdf".as_ref()), None);
        assert_eq!(Format::from_path("noext".as_ref()), None);
    }
}
