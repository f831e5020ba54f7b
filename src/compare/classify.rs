//! What kind of group each aligned pair makes, and the summary of a comparison.

use super::diff::{SideTokens, WordDiff};
use super::doc::{self, Weights};
use super::model::{Group, Kind, KindCounts, Span, Summary, Verdict};
use crate::article::count_words;

/// Copy, edited, paraphrase or partial, from the word diff and the content each side carries.
pub(super) fn classify(
    lt: &SideTokens,
    rt: &SideTokens,
    wd: &WordDiff,
    l_terms: &[u32],
    r_terms: &[u32],
    weights: &Weights,
) -> Kind {
    let same = lt.tokens.len() == rt.tokens.len()
        && lt
            .tokens
            .iter()
            .zip(&rt.tokens)
            .all(|(a, b)| a.word == b.word);
    if same {
        return Kind::Copy;
    }
    let total = lt.tokens.len() + rt.tokens.len();
    let ratio = if total == 0 {
        0.0
    } else {
        2.0 * wd.equal_tokens as f32 / total as f32
    };
    if ratio >= 0.6 {
        return Kind::Edited;
    }
    let carried_l = doc::containment(l_terms, r_terms, weights);
    let carried_r = doc::containment(r_terms, l_terms, weights);
    if carried_l.min(carried_r) >= 0.4 {
        Kind::Paraphrase
    } else {
        Kind::Partial
    }
}

pub(super) fn summarise(
    left: &str,
    right: &str,
    groups: &[Group],
    conflicts: usize,
    diff_deadline_hits: usize,
) -> Summary {
    let words = |body: &str, spans: &[Span]| {
        spans
            .iter()
            .map(|s| count_words(&body[s[0]..s[1]]))
            .sum::<usize>()
    };
    let (mut left_carried, mut right_carried) = (0, 0);
    let mut counts = KindCounts::default();
    let mut moved = 0;
    for g in groups {
        counts.add(g.kind);
        if g.kind.is_aligned() {
            left_carried += words(left, &g.left);
            right_carried += words(right, &g.right);
            moved += usize::from(g.moved);
        }
    }
    let (lw, rw) = (count_words(left), count_words(right));
    let share = |part: usize, whole: usize| {
        if whole == 0 {
            0.0
        } else {
            ((part as f32 / whole as f32) * 1000.0).round() / 1000.0
        }
    };
    Summary {
        left_words: lw,
        right_words: rw,
        left_carried: share(left_carried, lw),
        right_carried: share(right_carried, rw),
        counts,
        conflicts,
        moved,
        diff_deadline_hits,
        verdict: Verdict::default(),
        meaning: Default::default(),
    }
}
