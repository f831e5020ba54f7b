//! Both articles prepared for matching: sentences, tokens, and term weights over the pair.

use std::borrow::Cow;

use super::lexicon::{PHRASAL_PARTICLES, PHRASAL_VERBS};
use super::library::LibraryTerms;
use super::params::LIBRARY_MIN_ARTICLES;
use super::segment::{Sentence, sentences};
use super::token::{Token, TokenKind, Vocab, term_of, tokenize};

/// One article ready for comparison.
pub struct Doc<'a> {
    pub body: &'a str,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// `tokens[token_start[k]..token_start[k + 1]]` are sentence k's tokens.
    pub token_start: Vec<usize>,
    /// Per sentence: its distinct content terms (numbers included), sorted.
    pub terms: Vec<Vec<u32>>,
    /// How many sentences at the start are the article's headline (0 when it has none): a
    /// headline is a passage of its own, never joined with the body's sentences.
    pub headline: usize,
}

impl<'a> Doc<'a> {
    /// Segments and tokenises a body.
    pub fn new(body: &'a str, vocab: &mut Vocab<'a>) -> Doc<'a> {
        Doc::with_sentences(body, sentences(body), vocab)
    }

    /// Tokenises a body already cut into sentences (by [`sentences`]).
    pub fn with_sentences(
        body: &'a str,
        sentences: Vec<Sentence>,
        vocab: &mut Vocab<'a>,
    ) -> Doc<'a> {
        let mut tokens = Vec::with_capacity(body.len() / 5);
        let mut token_start = Vec::with_capacity(sentences.len() + 1);
        let mut terms = Vec::with_capacity(sentences.len());
        for s in &sentences {
            token_start.push(tokens.len());
            let from = tokens.len();
            tokenize(body, s.text.clone(), vocab, &mut tokens);
            let mut t: Vec<u32> = tokens[from..]
                .iter()
                .filter(|t| t.kind != TokenKind::Stop)
                .map(|t| t.term)
                .collect();
            // Saying which day something happened is itself a signal, even when the days differ
            // (that difference is a conflict to report, not a reason to miss the pair), and "over
            // the weekend" names a day as well.
            if tokens[from..]
                .iter()
                .any(|t| is_day_name(&body[t.range.clone()]))
            {
                t.push(vocab.intern("<weekday>"));
            }
            // "came down" says "collapsed", "called off" says "cancelled".
            for pair in tokens[from..].windows(2) {
                let (verb, particle) = (&body[pair[0].range.clone()], &body[pair[1].range.clone()]);
                if let Some(word) = phrasal_verb(verb, particle) {
                    t.push(term_of(word, vocab));
                }
            }
            t.sort_unstable();
            t.dedup();
            terms.push(t);
        }
        token_start.push(tokens.len());
        Doc {
            body,
            sentences,
            tokens,
            token_start,
            terms,
            headline: 0,
        }
    }

    /// Marks the sentences that start in the first `bytes` of the text as the headline.
    pub fn with_headline(mut self, bytes: usize) -> Self {
        self.headline = self
            .sentences
            .iter()
            .take_while(|s| s.text.start < bytes)
            .count();
        self
    }

    /// Whether sentence `k` is part of the headline.
    pub fn in_headline(&self, k: usize) -> bool {
        k < self.headline
    }

    /// Whether sentence `k` belongs to the same part of the article (headline or body) as all of
    /// `members`: only such a sentence may join their group.
    pub fn same_part(&self, k: usize, members: &[usize]) -> bool {
        members
            .iter()
            .all(|&m| self.in_headline(m) == self.in_headline(k))
    }

    /// The tokens of sentence `k`.
    pub fn sentence_tokens(&self, k: usize) -> &[Token] {
        &self.tokens[self.token_start[k]..self.token_start[k + 1]]
    }

    /// The text of sentence `k`.
    pub fn text(&self, k: usize) -> &'a str {
        &self.body[self.sentences[k].text.clone()]
    }
}

/// The one word a phrasal verb means, when it is one news rewrites swap for it.
fn phrasal_verb(verb: &str, particle: &str) -> Option<&'static str> {
    if verb.len() > 8
        || !PHRASAL_PARTICLES
            .iter()
            .any(|p| particle.eq_ignore_ascii_case(p))
    {
        return None;
    }
    PHRASAL_VERBS
        .iter()
        .find(|(forms, p, _)| {
            particle.eq_ignore_ascii_case(p) && forms.iter().any(|f| verb.eq_ignore_ascii_case(f))
        })
        .map(|&(_, _, word)| word)
}

/// A weekday, or "weekend".
fn is_day_name(word: &str) -> bool {
    // Every weekday is 6 to 9 letters ending in "day": most words are turned away by that.
    let bytes = word.as_bytes();
    (6..=9).contains(&bytes.len())
        && (bytes[bytes.len() - 3..].eq_ignore_ascii_case(b"day")
            && super::lexicon::WEEKDAYS
                .iter()
                .any(|d| word.eq_ignore_ascii_case(d))
            || word.eq_ignore_ascii_case("weekend"))
}

/// How much each term counts as evidence, learnt from the two articles.
pub struct Weights {
    /// Inverse sentence frequency over both articles: a word in every sentence says little.
    pub idf: Vec<f32>,
    /// Terms that name someone or something, or give a title: shared names alone do not make
    /// two sentences say the same thing.
    pub is_name: Vec<bool>,
}

impl Weights {
    /// Computes weights over the body sentences of both documents, discounted by the library's
    /// word frequencies when there is a library.
    pub fn new(docs: [&Doc; 2], vocab: &Vocab, library: Option<&LibraryTerms>) -> Weights {
        let n_terms = vocab.len();
        let mut df = vec![0u32; n_terms];
        let mut capital = vec![0u32; n_terms];
        let mut lower = vec![0u32; n_terms];
        let mut role = vec![false; n_terms];
        // Which sides hold each term (bit 0 left, bit 1 right).
        let mut sides = vec![0u8; n_terms];
        let mut n_sentences = 0usize;
        // The body's sentences only: a headline repeats the lead's words, and its Title Case
        // would make every word of it look like a name.
        for (side, doc) in docs.into_iter().enumerate() {
            n_sentences += doc.sentences.len() - doc.headline;
            for terms in &doc.terms[doc.headline..] {
                for &t in terms {
                    df[t as usize] += 1;
                    sides[t as usize] |= 1 << side;
                }
            }
            for tok in &doc.tokens[doc.token_start[doc.headline]..] {
                let t = tok.term as usize;
                role[t] |= tok.role;
                if tok.capitalised {
                    capital[t] += 1;
                } else if doc.body[tok.range.clone()].starts_with(char::is_lowercase) {
                    lower[t] += 1;
                }
            }
        }
        let n = n_sentences.max(1) as f32;
        let mut idf: Vec<f32> = df
            .iter()
            .map(|&d| (1.0 + n / d.max(1) as f32).ln())
            .collect();
        let is_name: Vec<bool> = (0..n_terms)
            .map(|t| role[t] || capital[t] > lower[t])
            .collect();
        if let Some(library) = library.filter(|l| l.articles() >= LIBRARY_MIN_ARTICLES) {
            let words: Vec<(Cow<str>, u32)> = vocab.words().collect();
            // How much of the library is about this story: the share of articles holding the
            // most widespread name both reports mention. Only words more common than that are
            // common in news at large; in a library that is mostly this story, its own words
            // must keep their weight.
            let story = words
                .iter()
                .filter(|&&(_, id)| {
                    let t = id as usize;
                    is_name[t] && !role[t] && sides[t] == 0b11
                })
                .map(|(word, _)| library.share(word))
                .fold(0.0, f32::max);
            for (word, id) in words {
                idf[id as usize] *= library.factor(&word, story);
            }
        }
        Weights { idf, is_name }
    }

    /// The weight of a term.
    pub fn w(&self, term: u32) -> f32 {
        self.idf[term as usize]
    }
}

/// Squared weights of a set of sorted terms: all of them, and those that are not names.
#[derive(Debug, Clone, Copy, Default)]
pub struct Norms {
    pub all: f32,
    pub topic: f32,
}

impl Norms {
    /// The squared norms of a term set.
    pub fn of(terms: &[u32], weights: &Weights) -> Norms {
        let mut n = Norms::default();
        for &t in terms {
            let w2 = weights.w(t).powi(2);
            n.all += w2;
            if !weights.is_name[t as usize] {
                n.topic += w2;
            }
        }
        n
    }
}

/// How alike two term sets are, 0 to 1: the mean of the cosine over all terms and the cosine
/// over terms that are not names, so that sharing only "Mayor Ines Varga" is not sharing a claim.
pub fn similarity(a: &[u32], na: Norms, b: &[u32], nb: Norms, weights: &Weights) -> f32 {
    let (mut all, mut topic) = (0.0f32, 0.0f32);
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let w2 = weights.w(a[i]).powi(2);
                all += w2;
                if !weights.is_name[a[i] as usize] {
                    topic += w2;
                }
                i += 1;
                j += 1;
            }
        }
    }
    let cos = |shared: f32, x: f32, y: f32| {
        if x > 0.0 && y > 0.0 {
            shared / (x * y).sqrt()
        } else {
            0.0
        }
    };
    0.5 * cos(all, na.all, nb.all) + 0.5 * cos(topic, na.topic, nb.topic)
}

/// The share of `part`'s weight that `whole` also has (how much of `part` it carries).
pub fn containment(part: &[u32], whole: &[u32], weights: &Weights) -> f32 {
    let total: f32 = part.iter().map(|&t| weights.w(t).powi(2)).sum();
    if total == 0.0 {
        return 0.0;
    }
    let shared: f32 = part
        .iter()
        .filter(|t| whole.binary_search(t).is_ok())
        .map(|&t| weights.w(t).powi(2))
        .sum();
    shared / total
}

/// The sorted union of several term sets.
pub fn union<'t>(sets: impl IntoIterator<Item = &'t [u32]>) -> Vec<u32> {
    let mut all: Vec<u32> = sets.into_iter().flatten().copied().collect();
    all.sort_unstable();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrasal_verb_matches_the_word_it_means() {
        let body = "One of the cranes came down. A crane collapsed. The talks were called off. \
                    The match was cancelled. He came down the stairs.";
        let mut vocab = Vocab::default();
        let doc = Doc::new(body, &mut vocab);
        let collapse = term_of("collapsed", &mut vocab);
        let cancel = term_of("cancelled", &mut vocab);
        assert!(doc.terms[0].contains(&collapse));
        assert!(doc.terms[1].contains(&collapse));
        assert!(doc.terms[2].contains(&cancel));
        assert!(doc.terms[3].contains(&cancel));
        // Only the verb with its particle: "came" alone says nothing of the kind.
        assert!(!doc.terms[2].contains(&collapse));
    }
}
