use unicode_width::UnicodeWidthStr;

use super::{
    Mark, StyledLine, counts_line, folded_piece, fragments, heading, label, percent, verdict_line,
    wrap_fragments,
};
use crate::compare::Comparison;

/// Two columns, the left article beside the right, groups facing each other. With `colour`,
/// changed words are highlighted and unique passages tinted; without it, the gutter symbols
/// (= ≈ ~ + < > !) carry the meaning, changed words are marked «like this» and words only one
/// side has {+like this+}.
pub fn side_by_side(c: &Comparison, width: usize, colour: bool) -> String {
    let width = width.max(20);
    let col = (width - 3) / 2;
    let mut out = String::new();
    let s = &c.summary;
    let pair = |l: &str, r: &str| {
        format!("{} | {}", cell(l, col), cell(r, col))
            .trim_end()
            .to_string()
            + "\n"
    };
    out.push_str(&pair(&heading(&c.left), &heading(&c.right)));
    out.push_str(&pair(
        &format!("{} carried by the right", percent(s.left_carried)),
        &format!("{} carried by the left", percent(s.right_carried)),
    ));
    for text in [verdict_line(c), counts_line(c)] {
        for line in wrap_fragments(&[(&text, Mark::Shared)], width) {
            out.push_str(&line.into_iter().map(|(t, _)| t).collect::<String>());
            out.push('\n');
        }
    }
    out.push_str(&format!("{}\n", "─".repeat(width)));
    for (i, g) in c.groups.iter().enumerate() {
        let (name, symbol) = label(g);
        let conflicts: Vec<_> = c.conflicts.iter().filter(|x| x.group == i).collect();
        let gutter = if conflicts.is_empty() { symbol } else { '!' };
        let moved = if g.moved { " (moved)" } else { "" };
        let title = format!("{gutter} {name}{moved}");
        out.push_str(&paint(&title, if colour { "\x1b[1m" } else { "" }, colour));
        out.push('\n');
        let side = |body: &str, is_left: bool| {
            let pieces = fragments(body, g, is_left);
            if colour {
                return wrap_fragments(&pieces, col);
            }
            let marked: Vec<(String, Mark)> = pieces.into_iter().map(marked).collect();
            let refs: Vec<(&str, Mark)> = marked.iter().map(|(t, m)| (t.as_str(), *m)).collect();
            wrap_fragments(&refs, col)
        };
        let (left, right) = (side(&c.left.body, true), side(&c.right.body, false));
        for row in 0..left.len().max(right.len()) {
            let l = left
                .get(row)
                .map(|l| render(l, col, colour, true))
                .unwrap_or_else(|| " ".repeat(col));
            let r = right
                .get(row)
                .map(|r| render(r, col, colour, false))
                .unwrap_or_default();
            out.push_str(format!("{l} {gutter} {r}").trim_end());
            out.push('\n');
        }
        for x in conflicts {
            for (n, line) in wrap_fragments(&[(&x.reason, Mark::Shared)], width - 4)
                .into_iter()
                .enumerate()
            {
                let text: String = line.into_iter().map(|(t, _)| t).collect();
                let lead = if n == 0 { "  ! " } else { "    " };
                out.push_str(&paint(&format!("{lead}{text}"), "\x1b[1;31m", colour));
                out.push('\n');
            }
        }
    }
    out
}

/// For output without colour: changed words «like this», words only this side has
/// {+like this+}.
fn marked((text, mark): (&str, Mark)) -> (String, Mark) {
    let (open, close) = match mark {
        Mark::Changed => ("«", "»"),
        Mark::Added => ("{+", "+}"),
        Mark::Shared | Mark::Unique => return (text.to_string(), mark),
    };
    let (lead, words, trail) = folded_piece(text);
    if words.is_empty() {
        (text.to_string(), mark)
    } else {
        (format!("{lead}{open}{words}{close}{trail}"), mark)
    }
}

/// Text padded to exactly `width` columns, or cut to it with an ellipsis.
fn cell(text: &str, width: usize) -> String {
    if text.width() <= width {
        return format!("{text}{}", " ".repeat(width - text.width()));
    }
    let mut t = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        t.push(ch);
    }
    let t = t.trim_end().to_string() + "…";
    let used = t.width();
    t + &" ".repeat(width.saturating_sub(used))
}

/// A wrapped line padded to the column, with SGR codes when colour is on.
fn render(line: &StyledLine, width: usize, colour: bool, left: bool) -> String {
    let mut out = String::new();
    let mut used = 0;
    for (text, mark) in line {
        used += text.width();
        let code = match mark {
            Mark::Shared => "",
            Mark::Changed if left => "\x1b[1;31m",
            Mark::Changed => "\x1b[1;32m",
            Mark::Added => "\x1b[1;36m",
            Mark::Unique => "\x1b[2;36m",
        };
        out.push_str(&paint(text, code, colour && !code.is_empty()));
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

fn paint(text: &str, code: &str, on: bool) -> String {
    if on && !code.is_empty() {
        format!("{code}{text}\x1b[0m")
    } else {
        text.to_string()
    }
}
