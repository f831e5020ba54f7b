//! Whether a candidate pair of sentences carries the same claim, decided from several kinds of
//! evidence at once rather than from one similarity and one threshold.
//!
//! Each pair the inverted index proposes gets a vector of [`FEATURES`] measurements (below);
//! a logistic model, trained on hand-labelled pairs (`train_decision.py` beside this file,
//! weights in [`super::params`]), turns it into the probability that a careful reader would link
//! the two. The aligner accepts pairs best first while that probability is high enough.

use rustc_hash::FxHashMap;

use super::clauses::Clauses;
use super::doc::{Doc, Norms, Weights};
use super::params::{
    DECISION_BIAS, DECISION_BIAS_FAST, DECISION_WEIGHTS, DECISION_WEIGHTS_FAST, FLOOR,
};
use super::semantic::deep::DeepVectors;
use super::token::TokenKind;

/// How many measurements describe a pair.
pub const FEATURES: usize = 15;

/// Names of the measurements, in order, for the trainer's report and the dump.
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "lexical",
    "meaning",
    "lexical_margin",
    "meaning_margin",
    "neighbour",
    "shared_numbers",
    "shared_names",
    "shared_words",
    "length_ratio",
    "subject",
    "both_headings",
    "one_heading",
    "deep",
    "clause",
    "meaning_only",
];

/// A candidate pair: left sentence, right sentence, and their two similarities.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub left: usize,
    pub right: usize,
    pub lexical: f32,
    /// The cosine of the two sentences' meaning vectors, measured once: on long texts the
    /// vectors do not fit in the cache, and reading a left one costs more than the cosine.
    pub meaning: f32,
}

/// What every pair's measurements need from the two documents.
pub struct Evidence<'e> {
    left: &'e Doc<'e>,
    right: &'e Doc<'e>,
    weights: &'e Weights,
    /// The deep tier's vectors, when it ran: the decision then uses the weights trained with
    /// its measurement.
    deep: Option<&'e DeepVectors>,
    raw: FxHashMap<(usize, usize), f32>,
    /// Per sentence, the best and second-best lexical and meaning scores among its candidates.
    best_left: Vec<Best>,
    best_right: Vec<Best>,
    numbers_left: Vec<Vec<u64>>,
    numbers_right: Vec<Vec<u64>>,
    heading_left: Vec<bool>,
    heading_right: Vec<bool>,
    /// The clauses of each sentence some candidate names (empty for the others).
    clauses_left: Vec<Clauses>,
    clauses_right: Vec<Clauses>,
    subject: f32,
}

/// The two best values seen, for margins.
#[derive(Debug, Clone, Copy)]
struct Best {
    lexical: [f32; 2],
    meaning: [f32; 2],
}

impl Default for Best {
    fn default() -> Self {
        Best {
            lexical: [0.0; 2],
            meaning: [-1.0; 2],
        }
    }
}

fn push(top: &mut [f32; 2], x: f32) {
    if x > top[0] {
        top[1] = top[0];
        top[0] = x;
    } else if x > top[1] {
        top[1] = x;
    }
}

/// The best value other than `x` itself, given the two best.
fn other(top: [f32; 2], x: f32) -> f32 {
    if x >= top[0] { top[1] } else { top[0] }
}

impl<'e> Evidence<'e> {
    pub fn new(
        left: &'e Doc<'e>,
        right: &'e Doc<'e>,
        weights: &'e Weights,
        deep: Option<&'e DeepVectors>,
        subject: f32,
        candidates: &[Candidate],
    ) -> Evidence<'e> {
        let mut best_left = vec![Best::default(); left.sentences.len()];
        let mut best_right = vec![Best::default(); right.sentences.len()];
        for c in candidates {
            let m = c.meaning;
            push(&mut best_left[c.left].lexical, c.lexical);
            push(&mut best_left[c.left].meaning, m);
            push(&mut best_right[c.right].lexical, c.lexical);
            push(&mut best_right[c.right].meaning, m);
        }
        let numbers = |doc: &Doc| -> Vec<Vec<u64>> {
            (0..doc.sentences.len())
                .map(|k| {
                    let mut v: Vec<u64> = doc
                        .sentence_tokens(k)
                        .iter()
                        .filter(|t| t.kind == TokenKind::Number)
                        .filter_map(|t| t.value.map(f64::to_bits))
                        .collect();
                    v.sort_unstable();
                    v.dedup();
                    v
                })
                .collect()
        };
        let mut clauses_left = vec![Clauses::default(); left.sentences.len()];
        let mut clauses_right = vec![Clauses::default(); right.sentences.len()];
        let (mut seen_left, mut seen_right) = (
            vec![false; left.sentences.len()],
            vec![false; right.sentences.len()],
        );
        for c in candidates {
            if !std::mem::replace(&mut seen_left[c.left], true) {
                clauses_left[c.left] = Clauses::of(left, c.left, weights);
            }
            if !std::mem::replace(&mut seen_right[c.right], true) {
                clauses_right[c.right] = Clauses::of(right, c.right, weights);
            }
        }
        let headings = |doc: &Doc| {
            (0..doc.sentences.len())
                .map(|k| is_heading(doc, k))
                .collect()
        };
        Evidence {
            left,
            right,
            weights,
            deep,
            raw: candidates
                .iter()
                .map(|c| ((c.left, c.right), c.lexical))
                .collect(),
            best_left,
            best_right,
            numbers_left: numbers(left),
            numbers_right: numbers(right),
            heading_left: headings(left),
            heading_right: headings(right),
            clauses_left,
            clauses_right,
            subject,
        }
    }

    /// The lexical similarity of a candidate pair, 0 when it is not one.
    pub fn lexical(&self, i: usize, j: usize) -> f32 {
        self.raw.get(&(i, j)).copied().unwrap_or(0.0)
    }

    /// The measurements of one candidate pair.
    pub fn features(&self, c: &Candidate) -> [f32; FEATURES] {
        let (i, j) = (c.left, c.right);
        let m = c.meaning;
        let (bl, br) = (self.best_left[i], self.best_right[j]);
        let lexical_margin =
            c.lexical - other(bl.lexical, c.lexical).max(other(br.lexical, c.lexical));
        let meaning_margin = m - other(bl.meaning, m).max(other(br.meaning, m));
        let neighbour = if i > 0 && j > 0 {
            self.lexical(i - 1, j - 1)
        } else {
            0.0
        }
        .max(self.lexical(i + 1, j + 1));
        let (lt, rt) = (&self.left.terms[i], &self.right.terms[j]);
        let (names, words) = shared_terms(lt, rt, self.weights);
        let numbers = sorted_shared(&self.numbers_left[i], &self.numbers_right[j]);
        let length_ratio = if lt.is_empty() || rt.is_empty() {
            0.0
        } else {
            lt.len().min(rt.len()) as f32 / lt.len().max(rt.len()) as f32
        };
        let (hl, hr) = (self.heading_left[i], self.heading_right[j]);
        let (nl, nr) = (Norms::of(lt, self.weights), Norms::of(rt, self.weights));
        let clause = self.clauses_left[i]
            .best((lt, nl), &self.clauses_right[j], (rt, nr), self.weights)
            .max(c.lexical);
        [
            c.lexical,
            m,
            lexical_margin,
            meaning_margin,
            neighbour,
            numbers.min(3) as f32 / 3.0,
            names.min(3) as f32 / 3.0,
            words.min(5) as f32 / 5.0,
            length_ratio,
            self.subject,
            f32::from(hl && hr),
            f32::from(hl != hr),
            self.deep.map_or(0.0, |d| d.cosine(i, j)),
            clause,
            // The inverted index proposes every pair of a short text from the floor up, so a
            // pair below it was proposed by the deep tier's meaning alone.
            f32::from(c.lexical < FLOOR),
        ]
    }

    /// The probability that a candidate pair carries the same claim.
    pub fn probability(&self, c: &Candidate) -> f32 {
        let (weights, bias) = match self.deep {
            Some(_) => (DECISION_WEIGHTS, DECISION_BIAS),
            None => (DECISION_WEIGHTS_FAST, DECISION_BIAS_FAST),
        };
        probability(&self.features(c), &weights, bias)
    }
}

/// The probability that a pair with these measurements carries the same claim, by the
/// logistic model with these weights.
fn probability(features: &[f32; FEATURES], weights: &[f32; FEATURES], bias: f32) -> f32 {
    let z: f32 = bias
        + features
            .iter()
            .zip(weights)
            .map(|(x, w)| x * w)
            .sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// A headline, sub-heading or one-line label: short, and not ended as a sentence is.
pub fn is_heading(doc: &Doc, k: usize) -> bool {
    let text = doc.text(k).trim_end();
    let ended = text.ends_with(['.', '!', '?', '"', '”', '’', '\'', '…', ')']);
    !ended && text.split_whitespace().count() <= 14
}

/// How many shared terms are names, and how many are not.
fn shared_terms(a: &[u32], b: &[u32], weights: &Weights) -> (usize, usize) {
    let (mut i, mut j, mut names, mut words) = (0, 0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if weights.is_name[a[i] as usize] {
                    names += 1;
                } else {
                    words += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    (names, words)
}

fn sorted_shared(a: &[u64], b: &[u64]) -> usize {
    a.iter().filter(|x| b.binary_search(x).is_ok()).count()
}
