//! Reading order: which sentences each group holds, the runs only one side has, and which
//! aligned groups stand out of the order the others keep.

use super::doc::Doc;
use super::model::Group;

/// A group being built: sentence indices on each side.
pub(super) struct Draft {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    pub aligned: bool,
    /// Where it goes in reading order.
    pub position: f64,
}

/// The group each sentence of one side belongs to.
pub(super) fn sentence_owners(
    n: usize,
    drafts: &[Draft],
    side: impl Fn(&Draft) -> &Vec<usize>,
) -> Vec<usize> {
    let mut owner = vec![0; n];
    for (g, d) in drafts.iter().enumerate() {
        for &k in side(d) {
            owner[k] = g;
        }
    }
    owner
}

/// Runs of consecutive unaligned sentences within one paragraph.
pub(super) fn unique_runs(doc: &Doc, owner: &[usize]) -> Vec<Vec<usize>> {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for (k, _) in owner.iter().enumerate().filter(|(_, o)| **o == usize::MAX) {
        match runs.last_mut() {
            Some(run)
                if *run.last().unwrap_or(&usize::MAX) + 1 == k
                    && doc.sentences[k - 1].paragraph == doc.sentences[k].paragraph =>
            {
                run.push(k)
            }
            _ => runs.push(vec![k]),
        }
    }
    runs
}

/// Marks aligned groups that stand out of the order the others keep (outside the longest run of
/// groups whose right positions increase with their left positions).
pub(super) fn mark_moved(groups: &mut [Group], drafts: &[Draft]) {
    let aligned: Vec<usize> = (0..drafts.len()).filter(|&g| drafts[g].aligned).collect();
    let keys: Vec<usize> = aligned.iter().map(|&g| drafts[g].right[0]).collect();
    let keep = longest_increasing(&keys);
    for (pos, &g) in aligned.iter().enumerate() {
        groups[g].moved = !keep[pos];
    }
}

/// Which elements belong to one longest strictly increasing subsequence (patience sorting).
pub(super) fn longest_increasing(keys: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new(); // index into keys of the smallest tail per length
    let mut prev = vec![usize::MAX; keys.len()];
    for (i, &k) in keys.iter().enumerate() {
        let pos = tails.partition_point(|&t| keys[t] < k);
        if pos > 0 {
            prev[i] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut keep = vec![false; keys.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = (prev[i] != usize::MAX).then_some(prev[i]);
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_keeps_the_ordered_majority() {
        assert_eq!(
            longest_increasing(&[0, 1, 5, 2, 3]),
            [true, true, false, true, true]
        );
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
    }
}
