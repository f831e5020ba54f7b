use super::{Mark, counts_line, folded_piece, fragments, heading, label, percent, verdict_line};
use crate::compare::Comparison;

/// The comparison as Markdown: a summary table, the conflicts, then every group with changed
/// words in bold and words only one side has in bold italics. The same text is printed by `parallax compare --format markdown` and
/// written by the comparison pane's export.
pub fn markdown(c: &Comparison) -> String {
    let s = &c.summary;
    let mut out = format!(
        "# Comparison\n\n- **Left:** {}\n- **Right:** {}\n\n",
        escape(&heading(&c.left)),
        escape(&heading(&c.right))
    );
    out.push_str("| | left | right |\n|---|---|---|\n");
    out.push_str(&format!(
        "| words | {} | {} |\n",
        s.left_words, s.right_words
    ));
    out.push_str(&format!(
        "| carried by the other | {} | {} |\n\n",
        percent(s.left_carried),
        percent(s.right_carried)
    ));
    out.push_str(&format!(
        "{}\n\n{}\n",
        escape(&verdict_line(c)),
        counts_line(c)
    ));
    if !c.conflicts.is_empty() {
        out.push_str("\n## Conflicts\n\n");
        for x in &c.conflicts {
            out.push_str(&format!("- group {}: {}\n", x.group + 1, escape(&x.reason)));
        }
    }
    let unique_quotes = [
        ("left", &c.quotes_only_left, &c.left.body),
        ("right", &c.quotes_only_right, &c.right.body),
    ];
    if unique_quotes.iter().any(|(_, q, _)| !q.is_empty()) {
        out.push_str("\n## Quotations only one report carries\n\n");
        for (side, quotes, body) in unique_quotes {
            for q in quotes.iter() {
                let who = q
                    .speaker
                    .as_deref()
                    .map(|s| format!(" ({})", escape(s)))
                    .unwrap_or_default();
                let (_, words, _) = folded_piece(&body[q.span[0]..q.span[1]]);
                out.push_str(&format!("- only {side}{who}: \"{}\"\n", escape(&words)));
            }
        }
    }
    out.push_str(
        "\n## Passages\n\nIn aligned passages, words the other report gives differently are in \
         **bold**; words only that report has are in _**bold italics**_.\n",
    );
    for (i, g) in c.groups.iter().enumerate() {
        let (name, _) = label(g);
        let moved = if g.moved { ", moved" } else { "" };
        let score = if g.kind.is_aligned() {
            format!(" ({:.2})", g.score)
        } else {
            String::new()
        };
        out.push_str(&format!("\n### {}. {name}{score}{moved}\n\n", i + 1));
        for (side, body, is_left) in [
            ("Left", &c.left.body, true),
            ("Right", &c.right.body, false),
        ] {
            let pieces = fragments(body, g, is_left);
            if pieces.is_empty() {
                continue;
            }
            let mut line = String::new();
            for (text, mark) in pieces {
                let (lead, folded, trail) = folded_piece(text);
                if folded.is_empty() {
                    line.push(' ');
                    continue;
                }
                match mark {
                    Mark::Changed => {
                        line.push_str(&format!("{lead}**{}**{trail}", escape(&folded)))
                    }
                    Mark::Added => {
                        line.push_str(&format!("{lead}_**{}**_{trail}", escape(&folded)))
                    }
                    _ => line.push_str(&format!("{lead}{}{trail}", escape(&folded))),
                }
            }
            out.push_str(&format!(
                "> **{side}:** {}\n>\n",
                line.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
        }
        for x in c.conflicts.iter().filter(|x| x.group == i) {
            out.push_str(&format!("> ⚠ {}\n>\n", escape(&x.reason)));
        }
        while out.ends_with(">\n") {
            out.truncate(out.len() - 2);
        }
    }
    out
}

/// Escapes characters Markdown would read as markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '\\'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
