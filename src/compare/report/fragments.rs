use crate::compare::{Group, Kind, OpTag, Span};

/// How a piece of a passage is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Words the other side has too.
    Shared,
    /// Words the other side gives differently (the replaced words of an aligned group).
    Changed,
    /// Words only this side has within an aligned group: nothing on the other side faces
    /// them (what one report adds to a passage both carry).
    Added,
    /// A passage only this side has.
    Unique,
}

/// One side of a group as marked pieces of text, in order, covering the group's spans.
pub fn fragments<'b>(body: &'b str, group: &Group, left: bool) -> Vec<(&'b str, Mark)> {
    let spans: &[Span] = if left { &group.left } else { &group.right };
    if !group.kind.is_aligned() || group.kind == Kind::Copy {
        let mark = if group.kind.is_aligned() {
            Mark::Shared
        } else {
            Mark::Unique
        };
        return spans.iter().map(|s| (&body[s[0]..s[1]], mark)).collect();
    }
    // Changed and added ranges on this side, in order.
    let mut changed: Vec<(Span, Mark)> = group
        .ops
        .iter()
        .filter_map(|op| {
            let mark = match op.tag {
                OpTag::Equal => return None,
                OpTag::Replace => Mark::Changed,
                OpTag::Delete | OpTag::Insert => Mark::Added,
            };
            (if left { op.left } else { op.right }).map(|span| (span, mark))
        })
        .collect();
    changed.sort_by_key(|(span, _)| *span);
    let mut out = Vec::new();
    for s in spans {
        let mut at = s[0];
        for (c, mark) in changed.iter().filter(|(c, _)| c[0] >= s[0] && c[1] <= s[1]) {
            if c[0] > at {
                out.push((&body[at..c[0]], Mark::Shared));
            }
            out.push((&body[c[0].max(at)..c[1]], *mark));
            at = c[1].max(at);
        }
        if at < s[1] {
            out.push((&body[at..s[1]], Mark::Shared));
        }
    }
    out
}

/// A fragment's text with white space folded to single spaces, keeping one space at either end
/// where the original had some: (leading space, words, trailing space).
pub fn folded_piece(text: &str) -> (&'static str, String, &'static str) {
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let trail = if text.ends_with(char::is_whitespace) && !words.is_empty() {
        " "
    } else {
        ""
    };
    (lead, words, trail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Op;

    #[test]
    fn words_only_one_side_has_are_told_apart_from_words_given_differently() {
        let left = "The ferry left at nine.";
        let right = "The ferry left at ten from the old quay.";
        let op = |tag, left: Option<Span>, right: Option<Span>| Op { tag, left, right };
        let group = Group {
            kind: Kind::Partial,
            score: 0.5,
            left: vec![[0, left.len()]],
            right: vec![[0, right.len()]],
            ops: vec![
                op(OpTag::Equal, Some([0, 18]), Some([0, 18])),
                op(OpTag::Replace, Some([18, 22]), Some([18, 21])),
                op(OpTag::Insert, None, Some([21, 39])),
            ],
            moved: false,
        };
        assert_eq!(
            fragments(left, &group, true),
            [
                ("The ferry left at ", Mark::Shared),
                ("nine", Mark::Changed),
                (".", Mark::Shared)
            ]
        );
        assert_eq!(
            fragments(right, &group, false),
            [
                ("The ferry left at ", Mark::Shared),
                ("ten", Mark::Changed),
                (" from the old quay", Mark::Added),
                (".", Mark::Shared)
            ]
        );
    }
}
