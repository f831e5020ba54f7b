//! Pairing sentences of two articles: candidates from an inverted index, then a best-first
//! assignment that lets a sentence split into two or two merge into one, in any order.

use rustc_hash::{FxHashMap, FxHashSet};

use super::candidates::{Pair, candidates};
use super::cores::Cores;
use super::decision::{Candidate, Evidence};
use super::doc::{Doc, Norms, Weights, containment, similarity, union};
use super::model::{Meaning, Relation, Tier, Verdict};
use super::params::{
    DECISION_ACCEPT, DECISION_CONFIDENT, DECISION_WEAK, DEEP_NEIGHBOURS, JOIN, JOIN_CONTAINMENT,
    LONG_TEXT, MAX_MERGED, RELATED_SUBJECT, SAME_EVENT_PAIRS, SAME_EVENT_SUBJECT,
};
use super::semantic::SentenceVectors;
use super::semantic::deep::DeepVectors;
use super::token::TokenKind;

/// Thresholds of the aligner's joins, which a caller may change (the defaults are in
/// [`super::params`]).
#[derive(Debug, Clone, Copy)]
pub struct AlignParams {
    /// A sentence joins an existing group at this lexical similarity to one of its sentences...
    pub join: f32,
    /// ...when this share of its weight is carried by the group's other side.
    pub join_containment: f32,
}

impl Default for AlignParams {
    fn default() -> Self {
        AlignParams {
            join: JOIN,
            join_containment: JOIN_CONTAINMENT,
        }
    }
}

/// Sentences of each side that go together.
#[derive(Debug, Clone, PartialEq)]
pub struct Aligned {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
}

/// Whether a candidate pair may be made, given the groups of the left and right sentences so
/// far.
type Fits<'f> = dyn Fn(&Pair, &[usize], &[usize]) -> bool + 'f;

/// Every candidate pair of two documents, as the aligner sees them: found by their words and,
/// in the deep tier, by their meaning; with their similarities, and the deep tier's vectors
/// when `tier` asks for them and it could run.
pub(super) fn candidate_pairs(
    left: &Doc,
    right: &Doc,
    weights: &Weights,
    meaning: &SentenceVectors,
    tier: Tier,
) -> (Vec<Pair>, Vec<Candidate>, Option<DeepVectors>, Meaning) {
    let left_norms: Vec<Norms> = left.terms.iter().map(|t| Norms::of(t, weights)).collect();
    let right_norms: Vec<Norms> = right.terms.iter().map(|t| Norms::of(t, weights)).collect();
    let norms = [left_norms.as_slice(), right_norms.as_slice()];
    let pairs = candidates(left, right, weights, norms);
    let (deep, used) =
        DeepVectors::for_tier(left, right, pairs.iter().map(|p| (p.left, p.right)), tier);
    let pairs = match &deep {
        Some(vectors) => with_deep_neighbours(left, right, weights, norms, vectors, pairs),
        None => pairs,
    };
    let listed = measured(&pairs, meaning, Cores::of(left, right));
    (pairs, listed, deep, used)
}

/// Adds to the candidates found by their words, in short texts, each embedded body sentence's
/// nearest sentences of the other side by the deep model's meaning: a rewrite that shares no
/// rare word with its source ("the departure of its chairman" against "the resignation of
/// Chairman Paul Bulcke") is never proposed by the inverted index. Only sentences the deep tier
/// has already embedded are compared, so this costs no model time; the decision then weighs
/// these pairs like any other (its `meaning_only` measurement tells them apart).
fn with_deep_neighbours(
    left: &Doc,
    right: &Doc,
    weights: &Weights,
    norms: [&[Norms]; 2],
    deep: &DeepVectors,
    mut pairs: Vec<Pair>,
) -> Vec<Pair> {
    let (n, m) = (left.sentences.len(), right.sentences.len());
    if DEEP_NEIGHBOURS == 0 || n.max(m) > LONG_TEXT {
        return pairs;
    }
    let lefts: Vec<usize> = (left.headline..n).filter(|&i| deep.has_left(i)).collect();
    let rights: Vec<usize> = (right.headline..m).filter(|&j| deep.has_right(j)).collect();
    // Every cosine once: row `a` holds left sentence `lefts[a]` against each of `rights`.
    let cosines: Vec<f32> = lefts
        .iter()
        .flat_map(|&i| rights.iter().map(move |&j| deep.cosine(i, j)))
        .collect();
    let at = |a: usize, b: usize| cosines[a * rights.len() + b];
    let nearest = |others: &[usize], cosine: &dyn Fn(usize) -> f32| -> Vec<usize> {
        let mut best: Vec<(f32, usize)> = (0..others.len()).map(|k| (cosine(k), k)).collect();
        best.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        best.iter()
            .take(DEEP_NEIGHBOURS)
            .map(|&(_, k)| others[k])
            .collect()
    };
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (b, &j) in rights.iter().enumerate() {
        found.extend(nearest(&lefts, &|a| at(a, b)).into_iter().map(|i| (i, j)));
    }
    for (a, &i) in lefts.iter().enumerate() {
        found.extend(nearest(&rights, &|b| at(a, b)).into_iter().map(|j| (i, j)));
    }
    let mut known: FxHashSet<(usize, usize)> = pairs.iter().map(|p| (p.left, p.right)).collect();
    for (i, j) in found {
        if known.insert((i, j)) {
            let (a, b) = (&left.terms[i], &right.terms[j]);
            pairs.push(Pair {
                left: i,
                right: j,
                score: similarity(a, norms[0][i], b, norms[1][j], weights),
            });
        }
    }
    pairs
}

/// The pairs with their meaning measured, on both cores for long texts.
fn measured(pairs: &[Pair], meaning: &SentenceVectors, cores: Cores) -> Vec<Candidate> {
    cores.map(pairs, |(_, p)| Candidate {
        left: p.left,
        right: p.right,
        lexical: p.score,
        meaning: meaning.cosine(p.left, p.right),
    })
}

/// Aligns the sentences of two documents.
pub fn align(
    left: &Doc,
    right: &Doc,
    weights: &Weights,
    meaning: &SentenceVectors,
    params: AlignParams,
    tier: Tier,
) -> (Vec<Aligned>, Verdict, Meaning) {
    let (pairs, listed, deep, used) = candidate_pairs(left, right, weights, meaning, tier);
    let short = left.sentences.len().max(right.sentences.len()) <= LONG_TEXT;
    let subject = topic_cosine(left, right, weights);
    let cores = Cores::of(left, right);
    let evidence = Evidence::new(left, right, weights, deep.as_ref(), subject, &listed);
    // Each pair ranked by the probability the decision gives it.
    let mut ranked: Vec<(f32, Pair)> =
        cores.map(&listed, |(k, c)| (evidence.probability(c), pairs[k]));
    cores.sort_by(&mut ranked, |a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.left.cmp(&b.1.left))
            .then(a.1.right.cmp(&b.1.right))
    });
    // The join pass walks pairs by their own score.
    let mut by_score = ranked.clone();
    cores.sort_by(&mut by_score, |a, b| {
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
    let mut by_text: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for j in (0..right.sentences.len()).rev() {
        by_text.entry(right.text(j)).or_default().push(j);
    }
    for i in 0..left.sentences.len() {
        if let Some(j) = by_text.get_mut(left.text(i)).and_then(Vec::pop) {
            pair_up(i, j, &mut group_of_left, &mut group_of_right, &mut groups);
        }
    }

    // 2. The pairs the decision is confident of, best first, one to one: every likely pair
    // between two reports of one event, only the sure ones otherwise.
    let confident_pairs = ranked
        .iter()
        .filter(|(p, _)| *p >= DECISION_CONFIDENT)
        .count();
    let relation = if subject >= SAME_EVENT_SUBJECT || confident_pairs >= SAME_EVENT_PAIRS {
        Relation::SameEvent
    } else if subject >= RELATED_SUBJECT || confident_pairs > 0 {
        Relation::Related
    } else {
        Relation::Unrelated
    };
    let accept = match relation {
        Relation::SameEvent => DECISION_ACCEPT,
        _ => DECISION_CONFIDENT,
    };

    // 2a. Two reports of one event tell it in their headlines: the two headlines are one
    // passage, whatever words they use (every labelled pair of reports of one event, real and
    // invented, links them). They never pair with a body sentence.
    let (hl, hr) = (left.headline, right.headline);
    let headlines_free = (0..hl).all(|i| group_of_left[i] == usize::MAX)
        && (0..hr).all(|j| group_of_right[j] == usize::MAX);
    if relation == Relation::SameEvent && hl > 0 && hr > 0 && headlines_free {
        group_of_left[..hl].fill(groups.len());
        group_of_right[..hr].fill(groups.len());
        groups.push(Aligned {
            left: (0..hl).collect(),
            right: (0..hr).collect(),
        });
    }

    // Pairs sentences both still free, best first, down to `min`, when `fits` agrees (it is
    // given the groups of the left and right sentences so far).
    let mut pair_free = |min: f32, fits: &Fits| -> usize {
        let before = groups.len();
        for (boosted, p) in &ranked {
            if *boosted < min {
                break;
            }
            if group_of_left[p.left] == usize::MAX
                && group_of_right[p.right] == usize::MAX
                && fits(p, &group_of_left, &group_of_right)
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
        groups.len() - before
    };
    pair_free(accept, &|_, _, _| true);

    // 2b. Between reports of one event, weaker pairs of sentences both still free, when they
    // share two or more words that are not names (one shared word, or only names, is too
    // little evidence at this level); then one shared word is enough next to a pair already
    // aligned, since rewrites keep runs of sentences together. In long texts a chance overlap
    // of everyday words is common, so only the decision's pairs count there.
    if relation == Relation::SameEvent && short {
        let shared =
            |p: &Pair| shared_topic_terms(&left.terms[p.left], &right.terms[p.right], weights);
        pair_free(DECISION_WEAK, &|p, _, _| shared(p) >= 2);
        pair_free(DECISION_WEAK, &|p, gl, gr| {
            let (i, j) = (p.left, p.right);
            let together = |a: usize, b: usize| gl[a] != usize::MAX && gl[a] == gr[b];
            let neighbour = (i > 0 && j > 0 && together(i - 1, j - 1))
                || (i + 1 < gl.len() && j + 1 < gr.len() && together(i + 1, j + 1));
            neighbour && shared(p) >= 1
        });
    }

    let left_units: Vec<Vec<u32>> = (0..left.sentences.len())
        .map(|k| quantity_units(left, k))
        .collect();
    let right_units: Vec<Vec<u32>> = (0..right.sentences.len())
        .map(|k| quantity_units(right, k))
        .collect();

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
                if right.same_part(p.right, &g.right)
                    && containment(&right.terms[p.right], &other, weights)
                        >= params.join_containment
                {
                    group_of_right[p.right] = gl;
                    groups[gl].right.push(p.right);
                }
            }
            // The right sentence is taken: may this left sentence join its group (a merge)?
            (true, false) => {
                let g = &groups[gr];
                let other = union(g.right.iter().map(|&j| right.terms[j].as_slice()));
                if left.same_part(p.left, &g.left)
                    && containment(&left.terms[p.left], &other, weights) >= params.join_containment
                {
                    group_of_left[p.left] = gr;
                    groups[gr].left.push(p.left);
                }
            }
            // Both are taken by different groups: merge them when the pair counts the same thing.
            (false, false) if gl != gr => {
                let (a, b) = (&groups[gl], &groups[gr]);
                let fits = a.left.len() + b.left.len() <= MAX_MERGED
                    && a.right.len() + b.right.len() <= MAX_MERGED
                    && left.same_part(a.left[0], &b.left)
                    && right.same_part(a.right[0], &b.right);
                let lu = &left_units[p.left];
                let same_quantity = right_units[p.right]
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

    // 4. A sentence still free whose neighbour in the same paragraph is aligned joins that
    // group when the group's other side shares two of its words that are not names: a rewrite
    // often folds two sentences of a paragraph into one ("It is the second outage. In 2023 a
    // power cut..." → "a similar breakdown in 2023, when a power failure...").
    if short {
        join_paragraph_neighbours(
            left,
            right,
            weights,
            &mut groups,
            &mut group_of_left,
            |g| &g.right,
            |g| &mut g.left,
        );
        join_paragraph_neighbours(
            right,
            left,
            weights,
            &mut groups,
            &mut group_of_right,
            |g| &g.left,
            |g| &mut g.right,
        );
    }

    groups.retain(|g| !g.left.is_empty());
    for g in &mut groups {
        g.left.sort_unstable();
        g.right.sort_unstable();
    }
    let verdict = Verdict {
        relation,
        subject: (subject * 1000.0).round() / 1000.0,
        confident_pairs,
    };
    (groups, verdict, used)
}

/// Step 4 of [`align`] for the sentences of `doc`: each free sentence next to an aligned one
/// in its paragraph joins that sentence's group when the group's side in `other` shares at
/// least two of its words that are not names.
fn join_paragraph_neighbours(
    doc: &Doc,
    other: &Doc,
    weights: &Weights,
    groups: &mut [Aligned],
    group_of: &mut [usize],
    other_side: impl Fn(&Aligned) -> &Vec<usize>,
    own_side: impl Fn(&mut Aligned) -> &mut Vec<usize>,
) {
    let n = doc.sentences.len();
    for k in 0..n {
        if group_of[k] != usize::MAX {
            continue;
        }
        let paragraph = doc.sentences[k].paragraph;
        let neighbours = [k.checked_sub(1), (k + 1 < n).then_some(k + 1)];
        let best = neighbours
            .into_iter()
            .flatten()
            .filter(|&m| doc.sentences[m].paragraph == paragraph && group_of[m] != usize::MAX)
            .filter(|&m| doc.in_headline(m) == doc.in_headline(k))
            .map(|m| {
                let g = group_of[m];
                let theirs = union(
                    other_side(&groups[g])
                        .iter()
                        .map(|&x| other.terms[x].as_slice()),
                );
                (shared_topic_terms(&doc.terms[k], &theirs, weights), g)
            })
            .max_by_key(|&(shared, g)| (shared, std::cmp::Reverse(g)));
        if let Some((shared, g)) = best
            && shared >= 2
            && own_side(&mut groups[g]).len() < MAX_MERGED
        {
            group_of[k] = g;
            own_side(&mut groups[g]).push(k);
        }
    }
}

/// How alike two whole documents are in what they talk about: the cosine of their weighted
/// counts of terms that are not names.
pub fn topic_cosine(left: &Doc, right: &Doc, weights: &Weights) -> f32 {
    let n = weights.idf.len();
    let count = |doc: &Doc| {
        let mut v = vec![0f32; n];
        for &t in doc.terms.iter().flatten() {
            if !weights.is_name[t as usize] {
                v[t as usize] += weights.w(t);
            }
        }
        v
    };
    let (a, b) = (count(left), count(right));
    let dot: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum();
    let nb: f32 = b.iter().map(|x| x * x).sum();
    if na > 0.0 && nb > 0.0 {
        dot / (na * nb).sqrt()
    } else {
        0.0
    }
}

/// How many terms two sorted term sets share that are not names.
fn shared_topic_terms(a: &[u32], b: &[u32], weights: &Weights) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += usize::from(!weights.is_name[a[i] as usize]);
                i += 1;
                j += 1;
            }
        }
    }
    n
}

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
