use unicode_width::UnicodeWidthStr;

use super::Mark;

/// A wrapped line: pieces of text with their marks.
pub type StyledLine = Vec<(String, Mark)>;

/// Wraps marked text to `width` columns, keeping each word's mark. White space is folded, a
/// blank line (two newlines) starts a new paragraph, and a word wider than the line is broken.
pub fn wrap_fragments(fragments: &[(&str, Mark)], width: usize) -> Vec<StyledLine> {
    let width = width.max(1);
    let mut lines: Vec<StyledLine> = Vec::new();
    let mut line: StyledLine = Vec::new();
    let mut used = 0;
    let mut pending_space = false;
    let flush = |line: &mut StyledLine, used: &mut usize, lines: &mut Vec<StyledLine>| {
        lines.push(std::mem::take(line));
        *used = 0;
    };
    for (text, mark) in fragments {
        let mut rest = *text;
        while !rest.is_empty() {
            // White space: remember a space (or a paragraph break) before the next word.
            let ws = rest.len() - rest.trim_start().len();
            if ws > 0 {
                if rest[..ws].matches('\n').count() >= 2 && !line.is_empty() {
                    flush(&mut line, &mut used, &mut lines);
                    lines.push(Vec::new());
                    pending_space = false;
                } else {
                    pending_space = !line.is_empty();
                }
                rest = &rest[ws..];
                continue;
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let mut word = &rest[..end];
            rest = &rest[end..];
            loop {
                let w = word.width();
                let space = usize::from(pending_space);
                if used + space + w <= width {
                    if pending_space {
                        // A space inside a run of one mark keeps it; between marks it is plain.
                        let space_mark = line
                            .last()
                            .map_or(*mark, |l| if l.1 == *mark { *mark } else { Mark::Shared });
                        push(&mut line, " ", space_mark);
                    }
                    push(&mut line, word, *mark);
                    used += space + w;
                    pending_space = false;
                    break;
                }
                if used > 0 {
                    flush(&mut line, &mut used, &mut lines);
                    pending_space = false;
                    continue;
                }
                // Wider than a whole line: break it.
                let mut cut = 0;
                let mut cols = 0;
                for (i, c) in word.char_indices() {
                    let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    if cols + cw > width && i > 0 {
                        break;
                    }
                    cols += cw;
                    cut = i + c.len_utf8();
                }
                push(&mut line, &word[..cut], *mark);
                flush(&mut line, &mut used, &mut lines);
                word = &word[cut..];
                if word.is_empty() {
                    break;
                }
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

fn push(line: &mut StyledLine, text: &str, mark: Mark) {
    match line.last_mut() {
        Some((t, m)) if *m == mark => t.push_str(text),
        _ => line.push((text.to_string(), mark)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[StyledLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|(t, _)| t.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_words_and_keeps_marks() {
        let lines = wrap_fragments(
            &[
                ("one two ", Mark::Shared),
                ("three", Mark::Changed),
                (" four", Mark::Shared),
            ],
            9,
        );
        assert_eq!(plain(&lines), ["one two", "three", "four"]);
        assert_eq!(lines[1], vec![("three".to_string(), Mark::Changed)]);
    }

    #[test]
    fn breaks_words_wider_than_a_line_and_keeps_paragraphs() {
        let lines = wrap_fragments(&[("abcdefghij\n\nnext", Mark::Unique)], 4);
        assert_eq!(plain(&lines), ["abcd", "efgh", "ij", "", "next"]);
        assert!(lines.iter().flatten().all(|(t, _)| t.width() <= 4));
    }

    #[test]
    fn tiny_widths_do_not_loop() {
        let lines = wrap_fragments(&[("日本語 text", Mark::Shared)], 1);
        assert!(!lines.is_empty());
    }
}
