//! Pairing sentences of two articles: candidates from an inverted index, then a best-first
//! assignment that lets a sentence split into two or two merge into one, in any order.

use std::collections::HashMap;

use super::doc::{Doc, Norms, Weights, containment, similarity, union};
use super::token::TokenKind;

/// Tunable thresholds of the aligner.
#[derive(Debug, Clone, Copy)]
pub struct AlignParams {
    /// A pair of free sentences this similar (after the context boost) starts a group.
    pub accept: f32,
    /// A sentence joins an existing group at this similarity to one of its sentences...
    pub join: f32,
    /// ...when this share of its weight is carried by the group's other side.
    pub join_containment: f32,
    /// How much an aligned neighbour pair (i-1, j-1) or (i+1, j+1) adds to a pair's score.
    pub context: f32,
}

impl Default for AlignParams {
    fn default() -> Self {
        AlignParams {
            accept: 0.30,
            join: 0.18,
            join_containment: 0.30,
            context: 0.5,
        }
    }
}

/// Sentences of each side that go together.
#[derive(Debug, Clone, PartialEq)]
pub struct Aligned {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
}

/// A scored candidate pair.
#[derive(Debug, Clone, Copy)]
struct Pair {
    left: usize,
    right: usize,
    score: f32,
}

/// Below this, a pair is not even a candidate.
const FLOOR: f32 = 0.08;

/// Candidate pairs: sentences that share at least one term that is not too common. Terms in more
/// than `cap` sentences of the left side are skipped when looking up (they still count in the
/// score), which keeps long texts near-linear.
fn candidates(left: &Doc, right: &Doc, weights: &Weights, norms: [&[Norms]; 2]) -> Vec<Pair> {
    let n_left = left.sentences.len();
    let mut postings: HashMap<u32, Vec<u32>> = HashMap::new();
    for (i, terms) in left.terms.iter().enumerate() {
        for &t in terms {
            postings.entry(t).or_default().push(i as u32);
        }
    }
    let cap = if n_left > 2000 { 64 } else { usize::MAX };
    let mut seen = vec![u32::MAX; n_left];
    let mut touched = Vec::new();
    let mut pairs = Vec::new();
    for (j, terms) in right.terms.iter().enumerate() {
        touched.clear();
        for t in terms {
            if let Some(list) = postings.get(t).filter(|l| l.len() <= cap) {
                for &i in list {
                    if seen[i as usize] != j as u32 {
                        seen[i as usize] = j as u32;
                        touched.push(i as usize);
                    }
                }
            }
        }
        for &i in &touched {
            let score = similarity(&left.terms[i], norms[0][i], terms, norms[1][j], weights);
            if score >= FLOOR {
                pairs.push(Pair {
                    left: i,
                    right: j,
                    score,
                });
            }
        }
    }
    pairs
}

/// Aligns the sentences of two documents.
pub fn align(left: &Doc, right: &Doc, weights: &Weights, params: AlignParams) -> Vec<Aligned> {
    let left_norms: Vec<Norms> = left.terms.iter().map(|t| Norms::of(t, weights)).collect();
    let right_norms: Vec<Norms> = right.terms.iter().map(|t| Norms::of(t, weights)).collect();
    let pairs = candidates(left, right, weights, [&left_norms, &right_norms]);
    let raw: HashMap<(usize, usize), f32> =
        pairs.iter().map(|p| ((p.left, p.right), p.score)).collect();

    // Context: a pair whose neighbours also pair up is more likely right (paraphrases keep runs
    // of sentences together even when they move paragraphs).
    let neighbour = |i: usize, j: usize| -> f32 {
        let before = if i > 0 && j > 0 {
            raw.get(&(i - 1, j - 1)).copied().unwrap_or(0.0)
        } else {
            0.0
        };
        let after = raw.get(&(i + 1, j + 1)).copied().unwrap_or(0.0);
        before.max(after)
    };
    let mut ranked: Vec<(f32, Pair)> = pairs
        .iter()
        .map(|p| {
            (
                (p.score + params.context * neighbour(p.left, p.right) * p.score.min(0.5) * 2.0)
                    .min(1.0),
                *p,
            )
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.left.cmp(&b.1.left))
            .then(a.1.right.cmp(&b.1.right))
    });
    // The join pass walks pairs by their own score.
    let mut by_score = ranked.clone();
    by_score.sort_by(|a, b| {
        b.1.score
            .total_cmp(&a.1.score)
            .then(a.1.left.cmp(&b.1.left))
            .then(a.1.right.cmp(&b.1.right))
    });

    let mut group_of_left = vec![usize::MAX; left.sentences.len()];
    let mut group_of_right = vec![usize::MAX; right.sentences.len()];
    let mut groups: Vec<Aligned> = Vec::new();
    let pair_up = |i: usize,
                   j: usize,
                   gl: &mut Vec<usize>,
                   gr: &mut Vec<usize>,
                   groups: &mut Vec<Aligned>| {
        gl[i] = groups.len();
        gr[j] = groups.len();
        groups.push(Aligned {
            left: vec![i],
            right: vec![j],
        });
    };

    // 1. Verbatim anchors: sentences copied word for word pair up in order, whatever they hold.
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for j in (0..right.sentences.len()).rev() {
        by_text.entry(right.text(j)).or_default().push(j);
    }
    for i in 0..left.sentences.len() {
        if let Some(j) = by_text.get_mut(left.text(i)).and_then(Vec::pop) {
            pair_up(i, j, &mut group_of_left, &mut group_of_right, &mut groups);
        }
    }

    // 2. The best one-to-one pairs, best first.
    for (boosted, p) in &ranked {
        if *boosted >= params.accept
            && group_of_left[p.left] == usize::MAX
            && group_of_right[p.right] == usize::MAX
        {
            pair_up(
                p.left,
                p.right,
                &mut group_of_left,
                &mut group_of_right,
                &mut groups,
            );
        }
    }

    // 3. Splits, merges and joins: a sentence left over joins the group that carries it.
    for (_, p) in by_score {
        if p.score < params.join {
            break;
        }
        let (gl, gr) = (group_of_left[p.left], group_of_right[p.right]);
        match (gl == usize::MAX, gr == usize::MAX) {
            // The left sentence is taken: may this right sentence join its group (a split)?
            (false, true) => {
                let g = &groups[gl];
                let other = union(g.left.iter().map(|&i| left.terms[i].as_slice()));
                if containment(&right.terms[p.right], &other, weights) >= params.join_containment {
                    group_of_right[p.right] = gl;
                    groups[gl].right.push(p.right);
                }
            }
            // The right sentence is taken: may this left sentence join its group (a merge)?
            (true, false) => {
                let g = &groups[gr];
                let other = union(g.right.iter().map(|&j| right.terms[j].as_slice()));
                if containment(&left.terms[p.left], &other, weights) >= params.join_containment {
                    group_of_left[p.left] = gr;
                    groups[gr].left.push(p.left);
                }
            }
            // Both are taken by different groups: merge them when the pair counts the same thing.
            (false, false) if gl != gr => {
                let fits = groups[gl].left.len() + groups[gr].left.len() <= MAX_MERGED
                    && groups[gl].right.len() + groups[gr].right.len() <= MAX_MERGED;
                let lu = quantity_units(left, p.left);
                let same_quantity = quantity_units(right, p.right)
                    .iter()
                    .any(|u| lu.binary_search(u).is_ok());
                if fits && same_quantity {
                    let moved = std::mem::replace(
                        &mut groups[gr],
                        Aligned {
                            left: Vec::new(),
                            right: Vec::new(),
                        },
                    );
                    for &i in &moved.left {
                        group_of_left[i] = gl;
                    }
                    for &j in &moved.right {
                        group_of_right[j] = gl;
                    }
                    groups[gl].left.extend(moved.left);
                    groups[gl].right.extend(moved.right);
                }
            }
            _ => {}
        }
    }
    groups.retain(|g| !g.left.is_empty());
    for g in &mut groups {
        g.left.sort_unstable();
        g.right.sort_unstable();
    }
    groups
}

/// The largest group a merge may make, per side.
const MAX_MERGED: usize = 3;

/// What the numbers of a sentence count: the first content word after each number ("48 hours"
/// gives "hour", "410 million crowns" gives "crown"). Two sentences counting the same thing make
/// the same kind of claim, whatever the value (a different value is a conflict to show).
fn quantity_units(doc: &Doc, k: usize) -> Vec<u32> {
    let tokens = doc.sentence_tokens(k);
    let mut units = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Number {
            continue;
        }
        let unit = tokens[i + 1..].iter().take(3).find(|n| {
            n.kind == TokenKind::Content
                && !matches!(
                    &doc.body[n.range.clone()],
                    "million" | "billion" | "thousand"
                )
        });
        units.extend(unit.map(|u| u.term));
    }
    units.sort_unstable();
    units.dedup();
    units
}
