use super::{counts_line, folded, heading, label, percent, verdict_line};
use crate::compare::Comparison;

/// A plain report: summary, then each group with both passages and its conflicts.
pub fn text(c: &Comparison) -> String {
    let mut out = String::new();
    let s = &c.summary;
    out.push_str(&format!(
        "LEFT:  {}\nRIGHT: {}\n\n",
        heading(&c.left),
        heading(&c.right)
    ));
    out.push_str(&format!(
        "{}\nThe right carries {} of the left ({} words); the left carries {} of the right ({} words).\n{}\n",
        verdict_line(c),
        percent(s.left_carried),
        s.left_words,
        percent(s.right_carried),
        s.right_words,
        counts_line(c)
    ));
    if s.diff_deadline_hits > 0 {
        out.push_str(&format!(
            "Word diff cut short by the deadline in {} groups.\n",
            s.diff_deadline_hits
        ));
    }
    for (i, g) in c.groups.iter().enumerate() {
        let (name, symbol) = label(g);
        let moved = if g.moved { ", moved" } else { "" };
        let score = if g.kind.is_aligned() {
            format!(" {:.2}", g.score)
        } else {
            String::new()
        };
        out.push_str(&format!("\n{symbol} [{}] {name}{score}{moved}\n", i + 1));
        for span in &g.left {
            out.push_str(&format!("  L: {}\n", folded(&c.left.body, *span)));
        }
        for span in &g.right {
            out.push_str(&format!("  R: {}\n", folded(&c.right.body, *span)));
        }
        for x in c.conflicts.iter().filter(|x| x.group == i) {
            out.push_str(&format!("  ! {}\n", x.reason));
        }
    }
    for (side, quotes, body) in [
        ("left", &c.quotes_only_left, &c.left.body),
        ("right", &c.quotes_only_right, &c.right.body),
    ] {
        if !quotes.is_empty() {
            out.push_str(&format!("\nQuotations only the {side} carries:\n"));
            for q in quotes {
                let who = q
                    .speaker
                    .as_deref()
                    .map(|s| format!(" ({s})"))
                    .unwrap_or_default();
                out.push_str(&format!("  \"{}\"{who}\n", folded(body, q.span)));
            }
        }
    }
    out
}
