//! The candidate search: which sentence pairs of two documents are worth scoring, found
//! through an inverted index of the left side, with their lexical similarity.

use rayon::prelude::*;

use super::cores::Cores;
use super::doc::{Doc, Norms, Weights};
use super::params::{
    CANDIDATE_BATCH, COMMON_TERM_CAP, EXACT_SCORED, FLOOR, LONG_TEXT, PER_SENTENCE,
};

/// A scored candidate pair.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pair {
    pub left: usize,
    pub right: usize,
    pub score: f32,
}

/// Candidate pairs with their similarity, found through an inverted index of the left side:
/// only sentences sharing a term are ever scored. Weights are summed along the posting lists,
/// which gives the exact similarity without merging term lists pair by pair. Terms in more than
/// `cap` left sentences are not looked up in long texts, from about 50 KB (which keeps them
/// near-linear: summing a term's list costs as many steps as sentences hold it, on both sides);
/// the best pairs found through rarer terms then get their exact score by looking those common
/// terms up in the left sentence.
pub(super) fn candidates(
    left: &Doc,
    right: &Doc,
    weights: &Weights,
    norms: [&[Norms]; 2],
) -> Vec<Pair> {
    let n_left = left.sentences.len();
    let search = Search {
        left,
        weights,
        postings: Postings::new(&left.terms, weights.idf.len()),
        cap: if n_left > LONG_TEXT {
            COMMON_TERM_CAP
        } else {
            usize::MAX
        },
        norms: norms[0],
        right_headline: right.headline,
    };
    // Each right sentence on its own, on both cores for long texts, each worker with its own
    // scratch; the pairs keep the right sentences' order.
    if !Cores::of(left, right).parallel() {
        let mut scratch = Scratch::new(n_left);
        return (right.terms.iter().enumerate())
            .flat_map(|(j, terms)| search.pairs_of(j, terms, norms[1][j], &mut scratch))
            .collect();
    }
    let per_sentence: Vec<Vec<Pair>> = right
        .terms
        .par_iter()
        .enumerate()
        .with_min_len(CANDIDATE_BATCH)
        .map_init(
            || Scratch::new(n_left),
            |scratch, (j, terms)| search.pairs_of(j, terms, norms[1][j], scratch),
        )
        .collect();
    per_sentence.concat()
}

/// What [`candidates`] looks right sentences up in.
struct Search<'s, 'a> {
    left: &'s Doc<'a>,
    weights: &'s Weights,
    postings: Postings,
    /// Terms in more left sentences than this are not looked up.
    cap: usize,
    norms: &'s [Norms],
    /// How many sentences of the right side are its headline.
    right_headline: usize,
}

/// One worker's buffers for [`Search::pairs_of`], cleared after each sentence.
struct Scratch {
    /// Shared weight with each left sentence, over all terms and over topic terms only.
    all: Vec<f32>,
    topic: Vec<f32>,
    /// The left sentences with some shared weight.
    touched: Vec<usize>,
    skipped: Vec<u32>,
    partial: Vec<(usize, f32, f32)>,
    floors: Vec<f32>,
}

impl Scratch {
    fn new(n_left: usize) -> Scratch {
        Scratch {
            all: vec![0f32; n_left],
            topic: vec![0f32; n_left],
            touched: Vec::with_capacity(n_left),
            skipped: Vec::new(),
            partial: Vec::new(),
            floors: Vec::new(),
        }
    }
}

impl Search<'_, '_> {
    /// The best pairs of right sentence `j`, whose terms are `terms`.
    fn pairs_of(&self, j: usize, terms: &[u32], nr: Norms, scratch: &mut Scratch) -> Vec<Pair> {
        let (left, weights, cap) = (self.left, self.weights, self.cap);
        let Scratch {
            all,
            topic,
            touched,
            skipped,
            partial,
            floors,
        } = scratch;
        let mut mine: Vec<Pair> = Vec::new();
        // Headlines are not candidates: between reports of one event they pair with each other
        // (`align`), and with no body sentence.
        if j < self.right_headline {
            return mine;
        }
        let cos = |shared: f32, x: f32, y: f32| {
            if x > 0.0 && y > 0.0 {
                (shared / (x * y).sqrt()).min(1.0)
            } else {
                0.0
            }
        };
        // This sentence's terms too common to look up, and their weight: what a pair's shared
        // weight can still grow by.
        let (mut skipped_all, mut skipped_topic) = (0f32, 0f32);
        skipped.clear();
        for &t in terms {
            let list = self.postings.of(t);
            let w2 = weights.w(t).powi(2);
            let is_topic = !weights.is_name[t as usize];
            if list.len() > cap {
                skipped.push(t);
                skipped_all += w2;
                if is_topic {
                    skipped_topic += w2;
                }
                continue;
            }
            for &i in list {
                let i = i as usize;
                if left.in_headline(i) {
                    continue;
                }
                if all[i] == 0.0 {
                    touched.push(i);
                }
                all[i] += w2;
                if is_topic {
                    topic[i] += w2;
                }
            }
        }
        let nl = self.norms;
        let score_of = |i: usize, shared_all: f32, shared_topic: f32| {
            0.5 * cos(shared_all, nl[i].all, nr.all)
                + 0.5 * cos(shared_topic, nl[i].topic, nr.topic)
        };
        if skipped.is_empty() {
            for &i in touched.iter() {
                let score = score_of(i, all[i], topic[i]);
                if score >= FLOOR {
                    mine.push(Pair {
                        left: i,
                        right: j,
                        score,
                    });
                }
            }
        } else {
            // The score without the skipped terms is a floor, and with all of them shared a
            // ceiling. Only the best few pairs are kept, and they all score at least the
            // few-th best floor: a pair whose ceiling is below that is not worth the exact
            // score, which checks each skipped term in the left sentence.
            partial.clear();
            partial.extend(touched.iter().map(|&i| {
                let bound = score_of(i, all[i] + skipped_all, topic[i] + skipped_topic);
                (i, score_of(i, all[i], topic[i]), bound)
            }));
            let mut least = FLOOR;
            if partial.len() > PER_SENTENCE {
                floors.clear();
                floors.extend(partial.iter().map(|p| p.1));
                let (_, kth, _) =
                    floors.select_nth_unstable_by(PER_SENTENCE - 1, |a, b| b.total_cmp(a));
                least = least.max(*kth);
            }
            // In a long text the common words are many, and so are the pairs whose ceiling
            // clears that bar: only those best on the rarer words are scored exactly (the
            // common words weigh little, so the best pairs are among them).
            if partial.len() > EXACT_SCORED {
                partial.select_nth_unstable_by(EXACT_SCORED - 1, |a, b| {
                    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
                });
                partial.truncate(EXACT_SCORED);
            }
            for &(i, _, bound) in partial.iter() {
                if bound < least {
                    continue;
                }
                let (mut shared_all, mut shared_topic) = (all[i], topic[i]);
                for &t in skipped.iter() {
                    if left.terms[i].binary_search(&t).is_ok() {
                        let w2 = weights.w(t).powi(2);
                        shared_all += w2;
                        if !weights.is_name[t as usize] {
                            shared_topic += w2;
                        }
                    }
                }
                let score = score_of(i, shared_all, shared_topic);
                if score >= FLOOR {
                    mine.push(Pair {
                        left: i,
                        right: j,
                        score,
                    });
                }
            }
        }
        for &i in touched.iter() {
            all[i] = 0.0;
            topic[i] = 0.0;
        }
        touched.clear();
        if mine.len() > PER_SENTENCE {
            mine.select_nth_unstable_by(PER_SENTENCE - 1, |a, b| {
                b.score.total_cmp(&a.score).then(a.left.cmp(&b.left))
            });
            mine.truncate(PER_SENTENCE);
        }
        mine
    }
}

/// For each term, the left sentences holding it, all in one buffer (a term's list is a slice
/// of it), so building the index costs two allocations rather than one per term.
struct Postings {
    start: Vec<u32>,
    sentences: Vec<u32>,
}

impl Postings {
    fn new(terms: &[Vec<u32>], n_terms: usize) -> Postings {
        let mut start = vec![0u32; n_terms + 1];
        for &t in terms.iter().flatten() {
            start[t as usize + 1] += 1;
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        let mut fill = start.clone();
        let mut sentences = vec![0u32; start[n_terms] as usize];
        for (i, ts) in terms.iter().enumerate() {
            for &t in ts {
                sentences[fill[t as usize] as usize] = i as u32;
                fill[t as usize] += 1;
            }
        }
        Postings { start, sentences }
    }

    /// The left sentences holding term `t`, in order.
    fn of(&self, t: u32) -> &[u32] {
        &self.sentences[self.start[t as usize] as usize..self.start[t as usize + 1] as usize]
    }
}
