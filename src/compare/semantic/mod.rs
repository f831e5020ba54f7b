//! The fast semantic tier: how alike two sentences are in meaning, from static word-piece
//! vectors, so that "would go to China in April" meets "agreed to visit China in April" when
//! they share few words.
//!
//! The vectors come from all-MiniLM-L6-v2 (Apache-2.0): each vocabulary piece run alone through
//! the model, reduced to 256 dimensions and stored as int8 with a scale per row
//! (`make_static_vectors.py` beside this file makes `static-vectors.bin` and copies `vocab.txt`;
//! both are embedded in the binary). A sentence is the weighted mean of its pieces' vectors:
//! a piece weighs a/(a+p), with p its frequency in the two texts being compared, so the words
//! both texts repeat everywhere count little; then the direction all sentences of the pair share
//! is removed, and what is left is compared by cosine.

pub mod deep;
mod table;
mod wordpiece;

use rustc_hash::FxHashMap;

use super::cores::Cores;
use super::doc::Doc;
use super::params::{PIECE_SMOOTHING, POWER_SETTLED, POWER_STEPS, SHARED_DIRECTION_MIN};
use super::segment::Sentence;
use table::{DIMS, Table};
use wordpiece::Splitter;

/// Each sentence of both documents as a unit vector, ready for cosine.
pub struct SentenceVectors {
    left: Vec<[f32; DIMS]>,
    right: Vec<[f32; DIMS]>,
}

/// The word pieces of each sentence of a body, in order (punctuation left out).
fn sentence_pieces(
    body: &str,
    sentences: &[Sentence],
    splitter: &mut Splitter<'static>,
) -> Vec<Vec<u32>> {
    sentences
        .iter()
        .map(|s| {
            let mut out = Vec::new();
            splitter.pieces(&body[s.text.clone()], &mut out);
            out
        })
        .collect()
}

impl SentenceVectors {
    /// Embeds every sentence of the two documents.
    pub fn of_pair(left: &Doc, right: &Doc, cores: Cores) -> SentenceVectors {
        SentenceVectors::of_sentences(
            (left.body, &left.sentences),
            (right.body, &right.sentences),
            cores,
        )
    }

    /// Embeds the sentences of two bodies: it needs only their boundaries, so it can run
    /// while the bodies are tokenised.
    pub fn of_sentences(
        (left, ls): (&str, &[Sentence]),
        (right, rs): (&str, &[Sentence]),
        cores: Cores,
    ) -> SentenceVectors {
        let splitter = || Table::shipped().vocabulary.splitter();
        // On one core, one splitter for both texts: it remembers how it cut each word, and the
        // two reports share most of theirs.
        let (lp, rp) = if cores.parallel() {
            cores.join(
                || sentence_pieces(left, ls, &mut splitter()),
                || sentence_pieces(right, rs, &mut splitter()),
            )
        } else {
            let mut both = splitter();
            (
                sentence_pieces(left, ls, &mut both),
                sentence_pieces(right, rs, &mut both),
            )
        };
        let table = Table::shipped();
        // Counted in a map: the texts use a few thousand of the 30,522 pieces, and a table of
        // them all is 120 KB of fresh memory to fault in.
        let mut count: FxHashMap<u32, u32> = FxHashMap::default();
        let mut total = 0usize;
        for ids in lp.iter().chain(&rp) {
            for &id in ids {
                *count.entry(id).or_default() += 1;
            }
            total += ids.len();
        }
        let weight = |id: u32| {
            let p = count.get(&id).copied().unwrap_or(0) as f32 / total.max(1) as f32;
            PIECE_SMOOTHING / (PIECE_SMOOTHING + p)
        };
        let embed = |ids: &Vec<u32>| {
            let mut v = [0f32; DIMS];
            for &id in ids {
                table.add_row(id, weight(id), &mut v);
            }
            v
        };
        let (mut left, mut right): (Vec<[f32; DIMS]>, Vec<[f32; DIMS]>) = cores.join(
            || lp.iter().map(embed).collect(),
            || rp.iter().map(embed).collect(),
        );
        if left.len() + right.len() >= SHARED_DIRECTION_MIN {
            remove_shared_direction(&mut left, &mut right, cores);
        }
        for v in left.iter_mut().chain(right.iter_mut()) {
            normalise(v);
        }
        SentenceVectors { left, right }
    }

    /// Cosine of left sentence `i` and right sentence `j`, in [-1, 1]; 0 for an empty sentence.
    pub fn cosine(&self, i: usize, j: usize) -> f32 {
        dot(&self.left[i], &self.right[j])
    }
}

/// Lanes of the dot product: separate sums the compiler can keep in vector registers (one
/// running sum must add in order, one number at a time).
const LANES: usize = 8;

fn dot(a: &[f32; DIMS], b: &[f32; DIMS]) -> f32 {
    let mut sums = [0f32; LANES];
    for (x, y) in a.chunks_exact(LANES).zip(b.chunks_exact(LANES)) {
        for k in 0..LANES {
            sums[k] += x[k] * y[k];
        }
    }
    sums.iter().sum()
}

fn normalise(v: &mut [f32; DIMS]) {
    let norm = dot(v, v).sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// Removes from every vector its part along the first principal direction of all of them
/// (found by power iteration): what every sentence of this pair of texts has in common, which
/// says nothing about which sentences match.
fn remove_shared_direction(left: &mut [[f32; DIMS]], right: &mut [[f32; DIMS]], cores: Cores) {
    // Each side's part is summed apart and the two added, so the result is the same whether
    // the sides are summed on two cores or on one.
    let both = |part: &(dyn Fn(&[[f32; DIMS]]) -> [f32; DIMS] + Sync), l: &[_], r: &[_]| {
        let (a, b) = cores.join(|| part(l), || part(r));
        let mut sum = a;
        sum.iter_mut().zip(&b).for_each(|(x, y)| *x += y);
        sum
    };
    let mut u = both(
        &|vs| {
            let mut sum = [0f32; DIMS];
            for v in vs {
                sum.iter_mut().zip(v).for_each(|(a, b)| *a += b);
            }
            sum
        },
        left,
        right,
    );
    normalise(&mut u);
    for _ in 0..POWER_STEPS {
        let step = |vs: &[[f32; DIMS]]| {
            let mut next = [0f32; DIMS];
            for v in vs {
                let along = dot(v, &u);
                next.iter_mut().zip(v).for_each(|(a, b)| *a += along * b);
            }
            next
        };
        let mut next = both(&step, left, right);
        normalise(&mut next);
        let moved = next
            .iter()
            .zip(&u)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f32::max);
        u = next;
        if moved < POWER_SETTLED {
            break;
        }
    }
    let remove = |vs: &mut [[f32; DIMS]]| {
        for v in vs {
            let along = dot(v, &u);
            v.iter_mut().zip(&u).for_each(|(a, b)| *a -= along * b);
        }
    };
    cores.join(|| remove(left), || remove(right));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::token::Vocab;

    fn cosines(left: &str, right: &str) -> Vec<Vec<f32>> {
        let mut vocab = Vocab::default();
        let (l, r) = (Doc::new(left, &mut vocab), Doc::new(right, &mut vocab));
        let v = SentenceVectors::of_pair(&l, &r, Cores::of(&l, &r));
        (0..l.sentences.len())
            .map(|i| (0..r.sentences.len()).map(|j| v.cosine(i, j)).collect())
            .collect()
    }

    #[test]
    fn the_shipped_table_loads_with_its_vocabulary() {
        let table = Table::shipped();
        assert_eq!(table.rows(), 30522);
        assert_eq!(table.vocabulary.len(), table.rows());
        assert!(table.vocabulary.index_is_consistent());
    }

    #[test]
    fn paraphrases_score_above_unrelated_sentences_of_the_same_story() {
        // Invented sentences: each right one rewords one left one with other words.
        let left = "The mayor said she would travel to Orsk in April. \
            Fire crews battled the blaze at the Velm mill through the night. \
            The union rejected the pay offer on Friday.";
        let right = "Firefighters fought the fire at the Velm factory until dawn. \
            Workers' representatives turned down the wage proposal on Friday. \
            The mayor agreed to visit Orsk in April.";
        let c = cosines(left, right);
        for (i, j) in [(0, 2), (1, 0), (2, 1)] {
            let best_other = (0..3)
                .filter(|&k| k != j)
                .map(|k| c[i][k])
                .fold(-1.0, f32::max);
            assert!(
                c[i][j] > best_other,
                "left {i}: its paraphrase scores {:.2}, another sentence {best_other:.2}",
                c[i][j]
            );
        }
    }
}
