use crate::compare::{Group, Kind, OpTag, Span};

/// How a piece of a passage is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Words the other side has too.
    Shared,
    /// Words changed or added within an aligned group.
    Changed,
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
    // Changed ranges on this side, in order.
    let mut changed: Vec<Span> = group
        .ops
        .iter()
        .filter(|op| op.tag != OpTag::Equal)
        .filter_map(|op| if left { op.left } else { op.right })
        .collect();
    changed.sort();
    let mut out = Vec::new();
    for s in spans {
        let mut at = s[0];
        for c in changed.iter().filter(|c| c[0] >= s[0] && c[1] <= s[1]) {
            if c[0] > at {
                out.push((&body[at..c[0]], Mark::Shared));
            }
            out.push((&body[c[0].max(at)..c[1]], Mark::Changed));
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
