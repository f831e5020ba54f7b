//! Words for matching. What is compared is a normalised form (case, quotes, possessives, number
//! words, light stemming); what is shown is always the original text, found again through each
//! token's byte range.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::ops::Range;

use super::lexicon::{NUMBER_WORDS, ROLE_WORDS, STOP_WORDS, SYNONYMS};
use super::word_map::WordMap;

/// What a word is, for weighting and for fact checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A function word ("the", "said"): kept for diffs, ignored for similarity.
    Stop,
    /// A number, written in digits or words.
    Number,
    /// Any other word.
    Content,
}

/// A word of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Where the word stands in the body.
    pub range: Range<usize>,
    /// The normalised form used for matching, interned: synonyms share one ("outage" and
    /// "breakdown").
    pub term: u32,
    /// The normalised word before synonyms are merged: what the word diff, copies and quotes
    /// compare, so that "postponed" against "cancelled" still shows as a change.
    pub word: u32,
    pub kind: TokenKind,
    /// Written with a capital letter and not first in its sentence: part of a name.
    pub capitalised: bool,
    /// For numbers, the value.
    pub value: Option<f64>,
    /// A title or role word ("mayor", "chief", "former"): evidence about a person, not a claim.
    pub role: bool,
}

/// Interns normalised words so comparing two words is comparing two integers, and remembers
/// how each raw form normalises: prose repeats its words, so each form is lower-cased, stemmed
/// and looked up once. Raw forms are borrowed from the bodies being compared, so remembering
/// one costs no copy.
#[derive(Debug, Default)]
pub struct Vocab<'a> {
    /// Kept in a [`WordMap`], which holds a short word inside the table: interning one costs no
    /// allocation of its own.
    ids: WordMap<'static, u32>,
    forms: WordMap<'a, Normalised>,
}

/// What a raw word form normalises to.
#[derive(Debug, Clone, Copy)]
struct Normalised {
    term: u32,
    word: u32,
    kind: TokenKind,
    value: Option<f64>,
    role: bool,
}

impl Vocab<'_> {
    /// An empty vocabulary sized for texts of `bytes` in all, so that it seldom grows and
    /// rehashes while the words come in: about one new form per 16 bytes of a short text, but
    /// a vocabulary grows as the square root of a long one (Heaps' law: two 2 MB reports hold
    /// about 25,000 forms, not 250,000, and sizing for those cost 20 MB).
    pub fn for_text_bytes(bytes: usize) -> Self {
        let heaps = (bytes as f64).sqrt() as usize * 16;
        let forms = (bytes / 16).min(heaps).clamp(64, 1 << 20);
        Vocab {
            ids: WordMap::with_capacity(forms),
            forms: WordMap::with_capacity(forms),
        }
    }

    /// The id of a normalised word, adding it when new.
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert_copy(word, id);
        id
    }

    /// The normalised word for an id.
    #[cfg(test)]
    pub fn word(&self, id: u32) -> String {
        (self.ids.iter())
            .find(|&(_, i)| i == id)
            .map_or(String::new(), |(w, _)| w.into_owned())
    }

    /// Every normalised word with its id.
    pub fn words(&self) -> impl Iterator<Item = (Cow<'_, str>, u32)> {
        self.ids.iter()
    }

    /// How many distinct words there are.
    pub fn len(&self) -> usize {
        self.ids.len()
    }
}

/// Splits a sentence (at `range` in `body`) into tokens.
pub fn tokenize<'a>(
    body: &'a str,
    range: Range<usize>,
    vocab: &mut Vocab<'a>,
    out: &mut Vec<Token>,
) {
    let text = &body[range.clone()];
    let mut first = true;
    let mut iter = text.char_indices().peekable();
    let mut scratch = String::new();
    while let Some((start, c)) = iter.next() {
        if c == '%' {
            let term = vocab.intern("percent");
            out.push(Token {
                range: range.start + start..range.start + start + 1,
                term,
                word: term,
                kind: TokenKind::Content,
                capitalised: false,
                value: None,
                role: false,
            });
            continue;
        }
        if !c.is_alphanumeric() {
            continue;
        }
        // A word: letters and digits, with inner apostrophes, and inner "," or "." between digits.
        let mut end = start + c.len_utf8();
        while let Some(&(i, n)) = iter.peek() {
            let joins = n.is_alphanumeric()
                || (matches!(n, '\'' | '’')
                    && text[i + n.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic))
                || (matches!(n, ',' | '.')
                    && text[..i].ends_with(|p: char| p.is_ascii_digit())
                    && text[i + 1..]
                        .chars()
                        .next()
                        .is_some_and(|d| d.is_ascii_digit()));
            if !joins {
                break;
            }
            end = i + n.len_utf8();
            iter.next();
        }
        let raw = &text[start..end];
        let capitalised = !first && raw.chars().next().is_some_and(char::is_uppercase);
        first = false;
        let n = match vocab.forms.get(raw) {
            Some(n) => n,
            None => {
                scratch.clear();
                let (kind, value, synonym) = normalise(raw, &mut scratch);
                let role = kind == TokenKind::Content && is_role_word(raw);
                let word = vocab.intern(&scratch);
                let n = Normalised {
                    term: synonym.map_or(word, |head| vocab.intern(&head)),
                    word,
                    kind,
                    value,
                    role,
                };
                vocab.forms.insert(Cow::Borrowed(raw), n);
                n
            }
        };
        out.push(Token {
            range: range.start + start..range.start + end,
            term: n.term,
            word: n.word,
            kind: n.kind,
            capitalised,
            value: n.value,
            role: n.role,
        });
    }
}

/// The term a plain word matches as (normalised, stemmed, its synonym group's head).
pub fn term_of(word: &str, vocab: &mut Vocab) -> u32 {
    let mut out = String::new();
    match normalise(word, &mut out) {
        (_, _, Some(head)) => vocab.intern(&head),
        _ => vocab.intern(&out),
    }
}

/// Titles and roles, and the words that modify them.
pub fn is_role_word(raw: &str) -> bool {
    // The list is ASCII, so a word with any other letter is not on it; comparing without
    // lower-casing first saves an allocation per new word form.
    raw.is_ascii()
        && ROLE_WORDS
            .binary_search_by(|w| w.bytes().cmp(raw.bytes().map(|b| b.to_ascii_lowercase())))
            .is_ok()
}

/// Writes the normalised form of a raw word into `out` and says what kind of word it is, its
/// value for a number, and the term it matches as when that is another word (the head of its
/// synonym group, or the plain word of a negated participle).
fn normalise(raw: &str, out: &mut String) -> (TokenKind, Option<f64>, Option<Cow<'static, str>>) {
    if raw.starts_with(|c: char| c.is_ascii_digit()) {
        let digits: String = raw.chars().filter(|&c| c != ',').collect();
        if let Ok(v) = digits.parse::<f64>() {
            out.push_str(&digits);
            return (TokenKind::Number, Some(v), None);
        }
        // Money and counts in headline style: "5bn", "1.5m", "2tn", "30k".
        let lower = digits.to_ascii_lowercase();
        for (suffix, times) in [
            ("bn", 1e9),
            ("tn", 1e12),
            ("mn", 1e6),
            ("m", 1e6),
            ("k", 1e3),
        ] {
            if let Some(v) = lower
                .strip_suffix(suffix)
                .and_then(|n| n.parse::<f64>().ok())
            {
                let value = v * times;
                out.push_str(&format!("{value}"));
                return (TokenKind::Number, Some(value), None);
            }
        }
    }
    for c in raw.chars() {
        match c {
            '’' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    // Possessives and contractions' tails: "port's" → "port", "workers'" → "workers".
    if let Some(stripped) = out.strip_suffix("'s") {
        out.truncate(stripped.len());
    }
    if let Some(value) = number_word(out) {
        out.clear();
        out.push_str(&format!("{value}"));
        return (TokenKind::Number, Some(value), None);
    }
    if STOP_WORDS.binary_search(&out.as_str()).is_ok() {
        return (TokenKind::Stop, None, None);
    }
    // A negated participle matches its word ("went unanswered" / "nobody answered"); the
    // word itself stays as written, so the diff shows the change. A word that only looks
    // negated ("understated") gets a term no other word has, and still meets itself.
    let negated = out.len() >= 8 && out.starts_with("un") && out.ends_with("ed");
    stem(out);
    if negated {
        let mut plain = out[2..].to_string();
        stem(&mut plain);
        let term = canonical(&plain).map_or(Cow::Owned(plain), Cow::Borrowed);
        return (TokenKind::Content, None, Some(term));
    }
    (TokenKind::Content, None, canonical(out).map(Cow::Borrowed))
}

/// The value of a number written as a word, from "zero" to "twenty" and the tens.
fn number_word(word: &str) -> Option<f64> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, v)| v)
}

/// A light suffix stripper: enough to meet "cranes"/"crane", "injured"/"injure",
/// "lifting"/"lift", "cities"/"city", without a dictionary.
pub fn stem(word: &mut String) {
    if word.len() <= 3 || !word.is_ascii() {
        return;
    }
    let strip = |w: &mut String, n: usize| w.truncate(w.len() - n);
    if word.ends_with("ies") && word.len() > 4 {
        strip(word, 3);
        word.push('y');
    } else if word.ends_with("sses")
        || word.ends_with("shes")
        || word.ends_with("ches")
        || word.ends_with("xes")
    {
        strip(word, 2);
    } else if word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        strip(word, 1);
    }
    if word.len() > 5 && word.ends_with("ing") {
        strip(word, 3);
    } else if (word.len() > 4 && word.ends_with("ed")) || (word.len() > 5 && word.ends_with("ly")) {
        strip(word, 2);
    }
    // A doubled final consonant after stripping ("stopped" → "stopp" → "stop").
    let bytes = word.as_bytes();
    if bytes.len() > 3
        && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
        && !b"aeiouls".contains(&bytes[bytes.len() - 1])
    {
        word.pop();
    }
    if word.len() > 3 && word.ends_with('e') {
        word.pop();
    }
}

/// The canonical stem for a stemmed word, if it belongs to a synonym group.
fn canonical(stemmed: &str) -> Option<&'static str> {
    static MAP: std::sync::OnceLock<HashMap<String, &'static str>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::default();
        for group in SYNONYMS {
            let mut head = group[0].to_string();
            stem(&mut head);
            let head: &'static str = Box::leak(head.into_boxed_str());
            for word in *group {
                let mut w = word.to_string();
                stem(&mut w);
                map.insert(w, head);
            }
        }
        map
    })
    .get(stemmed)
    .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut vocab = Vocab::default();
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut vocab, &mut out);
        out.iter().map(|t| vocab.word(t.term).to_string()).collect()
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [STOP_WORDS, ROLE_WORDS] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            assert_eq!(sorted, list);
        }
    }

    #[test]
    fn normalises_case_quotes_possessives_and_numbers() {
        assert_eq!(words("The Port’s cranes"), ["the", "port", "cran"]);
        assert_eq!(
            words("40,000 workers, 3.5 tonnes"),
            ["40000", "worker", "3.5", "tonn"]
        );
        assert_eq!(words("voted votes vote"), ["vot", "vot", "vot"]);
        assert_eq!(
            words("three injured; 3 injured"),
            ["3", "injur", "3", "injur"]
        );
        assert_eq!(
            words("a 31-year-old crane"),
            ["a", "31", "year", "old", "cran"]
        );
        assert_eq!(
            words("40 percent or 40%"),
            ["40", "percent", "or", "40", "percent"]
        );
    }

    #[test]
    fn stems_meet_across_inflections() {
        for (a, b) in [
            ("cranes", "crane"),
            ("injured", "injure"),
            ("lifting", "lift"),
            ("cities", "city"),
            ("stopped", "stop"),
            ("collapsed", "collapse"),
        ] {
            assert_eq!(words(a), words(b), "{a} / {b}");
        }
    }

    #[test]
    fn synonyms_meet() {
        assert_eq!(
            words("construction is due to start"),
            words("building is due to begin")
        );
        assert_eq!(
            words("operations were suspended"),
            words("operations were halted")
        );
        assert_ne!(words("crane"), words("tram"));
    }

    #[test]
    fn a_negated_participle_matches_its_word_but_still_differs_from_it() {
        let text = "the letter went unanswered and nobody answered it, united";
        let mut vocab = Vocab::default();
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut vocab, &mut out);
        let find = |w: &str| out.iter().find(|t| &text[t.range.clone()] == w).unwrap();
        let (negated, plain) = (find("unanswered"), find("answered"));
        assert_eq!(negated.term, plain.term);
        assert_ne!(negated.word, plain.word);
        assert_eq!(vocab.word(find("united").term), "unit");
    }

    #[test]
    fn no_word_belongs_to_two_synonym_groups() {
        // After stemming, a word in two groups would silently join whichever came last.
        let mut seen = std::collections::HashMap::new();
        for (g, group) in SYNONYMS.iter().enumerate() {
            for word in *group {
                let mut w = word.to_string();
                stem(&mut w);
                if let Some(other) = seen.insert(w.clone(), g) {
                    assert_eq!(other, g, "{word:?} ({w}) is in two groups");
                }
            }
        }
    }

    #[test]
    fn capitalised_words_inside_a_sentence_are_marked() {
        let text = "Yesterday Dana Okafor spoke";
        let mut vocab = Vocab::default();
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut vocab, &mut out);
        let caps: Vec<bool> = out.iter().map(|t| t.capitalised).collect();
        assert_eq!(caps, [false, true, true, false]);
    }

    #[test]
    fn ranges_point_at_the_original_words() {
        let text = "Okafor’s “quote” — 48 hours.";
        let mut vocab = Vocab::default();
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut vocab, &mut out);
        let raw: Vec<&str> = out.iter().map(|t| &text[t.range.clone()]).collect();
        assert_eq!(raw, ["Okafor’s", "quote", "48", "hours"]);
    }
}
