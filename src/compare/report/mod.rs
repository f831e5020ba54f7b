//! Turning a comparison into text for people: a plain report, Markdown, or two columns.
//! Pure string building; the caller decides where it goes and whether colour is wanted.

mod columns;
mod fragments;
mod markdown;
mod text;
mod wrap;

pub use columns::side_by_side;
pub use fragments::{Mark, folded_piece, fragments};
pub use markdown::markdown;
pub use text::text;
pub use wrap::{StyledLine, wrap_fragments};

use super::{Comparison, Group, Kind, Relation, Tier};

/// A short label and the gutter symbol for a group, so nothing depends on colour alone.
pub fn label(group: &Group) -> (&'static str, char) {
    kind_label(group.kind)
}

/// A kind's short label and gutter symbol.
pub fn kind_label(kind: Kind) -> (&'static str, char) {
    match kind {
        Kind::Copy => ("copy", '='),
        Kind::Edited => ("edited", '≈'),
        Kind::Paraphrase => ("paraphrase", '~'),
        Kind::Partial => ("partial", '+'),
        Kind::OnlyLeft => ("only left", '<'),
        Kind::OnlyRight => ("only right", '>'),
    }
}

/// "72%".
pub fn percent(share: f32) -> String {
    format!("{:.0}%", share * 100.0)
}

/// The counts line: "copy 0 · edited 1 · paraphrase 5 · ...".
pub fn counts_line(c: &Comparison) -> String {
    let s = &c.summary;
    let mut parts: Vec<String> = Kind::ALL
        .iter()
        .map(|k| format!("{} {}", k.name().replace('_', " "), s.counts.get(*k)))
        .collect();
    parts.push(format!("conflicts {}", s.conflicts));
    parts.push(format!("moved {}", s.moved));
    parts.join(" · ")
}

/// The counts line in shorter forms, longest first, for narrow screens: without the kinds that
/// have no passage, then by gutter symbol ("+5 <8 >9 !0 · moved 1").
pub fn counts_shorter(c: &Comparison) -> [String; 2] {
    let s = &c.summary;
    let present: Vec<Kind> = (Kind::ALL.iter().copied())
        .filter(|k| s.counts.get(*k) > 0)
        .collect();
    let mut named: Vec<String> = (present.iter())
        .map(|k| format!("{} {}", kind_label(*k).0, s.counts.get(*k)))
        .collect();
    named.push(format!("conflicts {}", s.conflicts));
    named.push(format!("moved {}", s.moved));
    let symbols: Vec<String> = (present.iter())
        .map(|k| format!("{}{}", kind_label(*k).1, s.counts.get(*k)))
        .chain([format!("!{}", s.conflicts)])
        .collect();
    [
        named.join(" · "),
        format!("{} · moved {}", symbols.join(" "), s.moved),
    ]
}

/// What the verdict says of the two reports, and which tier measured meaning.
pub fn verdict_line(c: &Comparison) -> String {
    let v = c.summary.verdict;
    let meaning = &c.summary.meaning;
    let tier = match (&meaning.deep_skipped, meaning.tier) {
        (Some(why), _) => format!("Meaning: static vectors; {why}."),
        (None, Tier::Deep) => "Meaning: the deep model.".to_string(),
        (None, Tier::Fast) => "Meaning: static vectors (fast tier).".to_string(),
    };
    let verdict = match v.relation {
        Relation::SameEvent => format!(
            "Same event (subject alike {:.2}, {} sure pairs).",
            v.subject, v.confident_pairs
        ),
        Relation::Related => format!(
            "These reports share little: related in subject ({:.2}), {} sure pairs; only sure links are shown.",
            v.subject, v.confident_pairs
        ),
        Relation::Unrelated => format!(
            "These reports share little: they look unrelated (subject alike {:.2}); only sure links are shown.",
            v.subject
        ),
    };
    format!("{verdict} {tier}")
}

/// "Title (Source)" for a side.
pub fn heading(side: &super::Side) -> String {
    if side.source.is_empty() {
        side.title.clone()
    } else {
        format!("{} ({})", side.title, side.source)
    }
}

/// Text of a span with runs of white space folded to one space.
pub fn folded(body: &str, span: [usize; 2]) -> String {
    body[span[0]..span[1]]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
