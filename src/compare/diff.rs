//! The word-level diff inside an aligned group.
//!
//! `similar` diffs the interned, normalised words (so "Port's" meets "port", "three" meets "3",
//! but synonyms stay apart: "postponed" against "cancelled" is a change to show),
//! and the resulting operations are mapped back to byte ranges of the original text. Islands of
//! two or three shared stop words between changes are folded into the change, so a rewritten
//! phrase reads as one change rather than confetti.

use std::ops::Range;
use std::time::Instant;

use similar::algorithms::{DiffHook, patience};

use super::model::{Op, OpTag, Span};
use super::params::DIFF_SMALL;
use super::token::{Token, TokenKind};

/// One side of a group: its tokens in order, each with the sentence it belongs to.
pub struct SideTokens<'t> {
    pub tokens: Vec<&'t Token>,
    pub sentence: Vec<usize>,
}

/// The diff of a group: operations, how many tokens are shared, and whether the deadline cut it.
pub struct WordDiff {
    pub ops: Vec<Op>,
    pub equal_tokens: usize,
    pub cut_by_deadline: bool,
}

/// Diffs two sides word by word, giving up on refinement at `deadline`.
pub fn word_diff(left: &SideTokens, right: &SideTokens, deadline: Option<Instant>) -> WordDiff {
    let lt: Vec<u32> = left.tokens.iter().map(|t| t.word).collect();
    let rt: Vec<u32> = right.tokens.iter().map(|t| t.word).collect();
    // A small group's diff is cheap whatever happens (Myers is at most O(N x M) here), so it
    // needs no deadline, and skips the clock reads that checking one costs.
    let deadline = if lt.len() * rt.len() <= DIFF_SMALL {
        None
    } else {
        deadline
    };
    // A word only one side has can never be shared, so only the words both sides have are
    // diffed, and the runs found are mapped back to the whole sequences. In a paraphrase most
    // words are one side's own: the diff gets much shorter, and Myers (inside Patience) costs
    // the product of length and differences. The words unique to both sides, which Patience
    // anchors on, are the same either way.
    let (kl, kr) = shared_positions(&lt, &rt);
    let fl: Vec<u32> = kl.iter().map(|&i| lt[i]).collect();
    let fr: Vec<u32> = kr.iter().map(|&j| rt[j]).collect();
    let mut filtered = Runs::default();
    // The hook only records runs: `similar`'s own capture would wrap it in two more layers
    // (replace and compact) whose work the folding below redoes anyway.
    let _ = patience::diff_deadline(&mut filtered, &fl, 0..fl.len(), &fr, 0..fr.len(), deadline);
    let cut_by_deadline = deadline.is_some_and(|d| Instant::now() >= d);
    let mut runs = Runs::default();
    let (mut ol, mut or) = (0, 0);
    for (equal, l, r) in filtered.0 {
        if !equal {
            continue;
        }
        for (a, b) in kl[l].iter().zip(&kr[r]) {
            runs.push(false, ol..*a, or..*b);
            runs.push(true, *a..a + 1, *b..b + 1);
            (ol, or) = (a + 1, b + 1);
        }
    }
    runs.push(false, ol..lt.len(), or..rt.len());
    let mut runs = runs.0;
    let n = runs.len();
    for k in 1..n.saturating_sub(1) {
        let (equal, l, _) = &runs[k];
        let island = *equal
            && l.len() <= 3
            && left.tokens[l.clone()]
                .iter()
                .all(|t| t.kind == TokenKind::Stop)
            && !runs[k - 1].0
            && !runs[k + 1].0;
        if island {
            runs[k].0 = false;
        }
    }
    let mut merged: Vec<(bool, Range<usize>, Range<usize>)> = Vec::new();
    for (equal, l, r) in runs {
        match merged.last_mut() {
            Some((false, ml, mr)) if !equal => {
                ml.end = l.end.max(ml.end);
                mr.end = r.end.max(mr.end);
            }
            _ => merged.push((equal, l, r)),
        }
    }

    let mut ops = Vec::new();
    let mut equal_tokens = 0;
    for (equal, l, r) in merged {
        if equal {
            equal_tokens += l.len();
            // Both runs have the same length; split where either side jumps a sentence gap.
            let mut start = 0;
            for k in 1..=l.len() {
                let breaks = k == l.len()
                    || gap_between(left, l.start + k - 1, l.start + k)
                    || gap_between(right, r.start + k - 1, r.start + k);
                if breaks {
                    ops.push(Op {
                        tag: OpTag::Equal,
                        left: Some(span(left, l.start + start..l.start + k)),
                        right: Some(span(right, r.start + start..r.start + k)),
                    });
                    start = k;
                }
            }
            continue;
        }
        let lp = pieces(left, l);
        let rp = pieces(right, r);
        let first_tag = match (lp.is_empty(), rp.is_empty()) {
            (false, false) => OpTag::Replace,
            (false, true) => OpTag::Delete,
            (true, false) => OpTag::Insert,
            (true, true) => continue,
        };
        ops.push(Op {
            tag: first_tag,
            left: lp.first().copied(),
            right: rp.first().copied(),
        });
        ops.extend(lp.iter().skip(1).map(|&s| Op {
            tag: OpTag::Delete,
            left: Some(s),
            right: None,
        }));
        ops.extend(rp.iter().skip(1).map(|&s| Op {
            tag: OpTag::Insert,
            left: None,
            right: Some(s),
        }));
    }
    WordDiff {
        ops,
        equal_tokens,
        cut_by_deadline,
    }
}

/// The positions in each sequence of the words the other sequence also has.
fn shared_positions(lt: &[u32], rt: &[u32]) -> (Vec<usize>, Vec<usize>) {
    let sorted = |t: &[u32]| {
        let mut v = t.to_vec();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (sl, sr) = (sorted(lt), sorted(rt));
    let keep = |t: &[u32], other: &[u32]| -> Vec<usize> {
        (0..t.len())
            .filter(|&i| other.binary_search(&t[i]).is_ok())
            .collect()
    };
    (keep(lt, &sr), keep(rt, &sl))
}

/// The runs a diff reports, in order: (equal?, left tokens, right tokens), each as long as
/// it can be.
#[derive(Default)]
struct Runs(Vec<(bool, Range<usize>, Range<usize>)>);

impl Runs {
    fn push(&mut self, equal: bool, l: Range<usize>, r: Range<usize>) {
        if l.is_empty() && r.is_empty() {
            return;
        }
        // Neighbouring runs of one kind are one run (the algorithm may report a run in pieces).
        if let Some((last_equal, ll, lr)) = self.0.last_mut()
            && *last_equal == equal
            && ll.end == l.start
            && lr.end == r.start
        {
            ll.end = l.end;
            lr.end = r.end;
            return;
        }
        self.0.push((equal, l, r));
    }
}

impl DiffHook for Runs {
    type Error = std::convert::Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Self::Error> {
        self.push(true, old..old + len, new..new + len);
        Ok(())
    }

    fn delete(&mut self, old: usize, old_len: usize, new: usize) -> Result<(), Self::Error> {
        self.push(false, old..old + old_len, new..new);
        Ok(())
    }

    fn insert(&mut self, old: usize, new: usize, new_len: usize) -> Result<(), Self::Error> {
        self.push(false, old..old, new..new + new_len);
        Ok(())
    }

    fn replace(
        &mut self,
        old: usize,
        old_len: usize,
        new: usize,
        new_len: usize,
    ) -> Result<(), Self::Error> {
        self.push(false, old..old + old_len, new..new + new_len);
        Ok(())
    }
}

/// A coarse diff for when time has run out: everything on each side changed.
pub fn coarse_diff(left: &SideTokens, right: &SideTokens) -> WordDiff {
    let lp = pieces(left, 0..left.tokens.len());
    let rp = pieces(right, 0..right.tokens.len());
    let mut ops = Vec::new();
    if let (Some(&l), Some(&r)) = (lp.first(), rp.first()) {
        ops.push(Op {
            tag: OpTag::Replace,
            left: Some(l),
            right: Some(r),
        });
    }
    let skip_l = usize::from(!rp.is_empty());
    let skip_r = usize::from(!lp.is_empty());
    ops.extend(lp.iter().skip(skip_l).map(|&s| Op {
        tag: OpTag::Delete,
        left: Some(s),
        right: None,
    }));
    ops.extend(rp.iter().skip(skip_r).map(|&s| Op {
        tag: OpTag::Insert,
        left: None,
        right: Some(s),
    }));
    WordDiff {
        ops,
        equal_tokens: 0,
        cut_by_deadline: true,
    }
}

/// True when tokens `a` and `b` (consecutive in the group) lie in sentences that are not next
/// to each other in the article, so no single range may join them.
fn gap_between(side: &SideTokens, a: usize, b: usize) -> bool {
    side.sentence[b] > side.sentence[a] + 1
}

/// The byte span from the first to the last token of a run.
fn span(side: &SideTokens, run: Range<usize>) -> Span {
    [
        side.tokens[run.start].range.start,
        side.tokens[run.end - 1].range.end,
    ]
}

/// A run of tokens as byte spans, split at sentence gaps.
fn pieces(side: &SideTokens, run: Range<usize>) -> Vec<Span> {
    let mut out = Vec::new();
    if run.is_empty() {
        return out;
    }
    let mut start = run.start;
    for k in run.start + 1..run.end {
        if gap_between(side, k - 1, k) {
            out.push(span(side, start..k));
            start = k;
        }
    }
    out.push(span(side, start..run.end));
    out
}
