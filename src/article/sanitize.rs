//! Making untrusted text safe to draw in a terminal.
//!
//! Article files come from scrapers and feeds. A byte such as ESC can move the cursor, recolour the
//! screen, retitle the window (OSC) or hide text; bidirectional overrides can reorder what a reader
//! sees. Everything that could do so is removed here, once, at load.

use std::borrow::Cow;
use std::iter::Peekable;

/// Removes every escape sequence and control character that could act on a terminal.
///
/// - ANSI/VT sequences (CSI `ESC [`, OSC `ESC ]`, DCS/SOS/PM/APC strings, two-byte `ESC x`) and
///   their 8-bit C1 forms are removed whole, parameters included.
/// - Every other C0 control except newline and tab, DEL and every C1 control is removed.
/// - `\r\n` and lone `\r` become `\n`, so a carriage return cannot overwrite a line.
/// - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed,
///   so text is shown in the order it is stored.
/// - Invisible format characters whose width terminals disagree on, which shifts every cell after
///   them on the line, are removed: zero-width space and joiner (U+200B, U+200D; an emoji
///   sequence they join shows as its parts), word joiner and invisible operators
///   (U+2060–U+2064), the byte-order mark and zero-width no-break space (U+FEFF), the soft hyphen
///   (U+00AD) and the Mongolian vowel separator (U+180E). The zero-width non-joiner (U+200C),
///   which Persian spelling needs and every terminal draws as nothing, stays.
///
/// Returns the safe text and how many characters were dropped.
pub fn sanitize(input: &str) -> (Cow<'_, str>, usize) {
    // Most text has nothing to remove and is not copied at all. Every character that needs
    // attention starts with a byte that `first_suspect` finds quickly; a suspect that turns out
    // harmless (an em dash, a curly quote) costs nothing, and the copy starts at the first real
    // change.
    let bytes = input.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // input[..copied] is already in `out`
    let mut removed = 0;
    let mut pos = 0;
    while let Some(offset) = first_suspect(&bytes[pos..]) {
        let at = pos + offset;
        let mut chars = input[at..]
            .char_indices()
            .map(|(i, c)| (i + at, c))
            .peekable();
        let Some((_, c)) = chars.next() else { break };
        // What replaces the character (and the sequence it starts), if anything changes.
        let replacement: Option<&str> = match c {
            '\n' | '\t' => None,
            '\r' => Some(if chars.peek().map(|&(_, n)| n) == Some('\n') {
                ""
            } else {
                "\n"
            }),
            '\u{1b}' => {
                removed += 1 + skip_escape(&mut chars);
                Some("")
            }
            '\u{9b}' => {
                removed += 1 + skip_csi(&mut chars);
                Some("")
            }
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => {
                removed += 1 + skip_string(&mut chars);
                Some("")
            }
            c if needs_attention(c) => {
                removed += 1;
                Some("")
            }
            _ => None,
        };
        let next = chars.peek().map_or(input.len(), |&(j, _)| j);
        if let Some(text) = replacement {
            let o = out.get_or_insert_with(|| String::with_capacity(input.len()));
            o.push_str(&input[copied..at]);
            o.push_str(text);
            copied = next;
        }
        pos = next;
    }
    match out {
        None => (Cow::Borrowed(input), 0),
        Some(mut o) => {
            o.push_str(&input[copied..]);
            (Cow::Owned(o), removed)
        }
    }
}

/// The first byte that may start something to remove: a C0 control other than newline and
/// tab, DEL, or the lead byte of a C1 control or soft hyphen (0xC2), of a bidi control or
/// zero-width character (0xE2), of U+180E (0xE1) or of U+FEFF (0xEF). Eight bytes are
/// tested at a time; only words holding a byte below 0x20 or above 0x7E are looked at closely.
fn first_suspect(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let suspect = |b: u8| {
        (b < 0x20 && b != b'\n' && b != b'\t')
            || b == 0x7f
            || matches!(b, 0xc2 | 0xe1 | 0xe2 | 0xef)
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        let above_tilde = (x.wrapping_add(ONES) | x) & HIGH;
        if (below_space | above_tilde) != 0
            && let Some(i) = chunk.iter().position(|&b| suspect(b))
        {
            return Some(offset + i);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| suspect(b))
        .map(|i| offset + i)
}

/// Sanitises text that must stay on one line (titles, sources): newlines and tabs become spaces
/// and runs of white space collapse.
pub fn sanitize_line(input: &str) -> String {
    let (safe, _) = sanitize(input);
    safe.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn needs_attention(c: char) -> bool {
    matches!(c,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{00ad}' | '\u{180e}' | '\u{200b}' | '\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// Skips what follows an ESC; returns how many characters it consumed.
fn skip_escape<I: Iterator<Item = (usize, char)>>(chars: &mut Peekable<I>) -> usize {
    match chars.peek().map(|&(_, c)| c) {
        Some('[') => {
            chars.next();
            1 + skip_csi(chars)
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            1 + skip_string(chars)
        }
        // Two-character escapes (ESC 7, ESC c, ESC ( B...): drop the ESC, its intermediates and
        // the final byte, but never a newline.
        Some(c) if (' '..='~').contains(&c) => {
            let mut n = 0;
            while let Some(&(_, c)) = chars.peek() {
                if (' '..='/').contains(&c) {
                    chars.next();
                    n += 1;
                } else {
                    break;
                }
            }
            if chars.peek().is_some_and(|&(_, c)| ('0'..='~').contains(&c)) {
                chars.next();
                n += 1;
            }
            n
        }
        _ => 0,
    }
}

/// Skips CSI parameters, intermediates and the final byte. A character outside the grammar ends
/// the sequence without being consumed, so malformed input cannot swallow real text.
fn skip_csi<I: Iterator<Item = (usize, char)>>(chars: &mut Peekable<I>) -> usize {
    let mut n = 0;
    while let Some(&(_, c)) = chars.peek() {
        match c {
            '0'..='?' | ' '..='/' => {
                chars.next();
                n += 1;
            }
            '@'..='~' => {
                chars.next();
                return n + 1;
            }
            _ => return n,
        }
    }
    n
}

/// Skips the body of an OSC/DCS-style string up to BEL or ST (`ESC \` or U+009C). An unterminated
/// string stops at the end of its line so the rest of the article survives.
fn skip_string<I: Iterator<Item = (usize, char)>>(chars: &mut Peekable<I>) -> usize {
    let mut n = 0;
    while let Some(&(_, c)) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return n + 1;
            }
            '\u{1b}' => {
                chars.next();
                n += 1;
                if chars.peek().is_some_and(|&(_, c)| c == '\\') {
                    chars.next();
                    n += 1;
                }
                return n;
            }
            '\n' => return n,
            _ => {
                chars.next();
                n += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        sanitize(s).0.into_owned()
    }

    #[test]
    fn plain_text_is_untouched() {
        let text = "Plain text, with tabs\tand\nnewlines — and ünïcödé.";
        assert_eq!(sanitize(text), (Cow::Borrowed(text), 0));
        assert!(
            matches!(sanitize(text).0, Cow::Borrowed(_)),
            "clean text is not copied"
        );
    }

    #[test]
    fn removes_csi_colour_and_cursor_moves() {
        assert_eq!(clean("a\x1b[31mred\x1b[0m b"), "ared b");
        assert_eq!(clean("x\x1b[2J\x1b[H\x1b[?1049hy"), "xy");
    }

    #[test]
    fn removes_osc_title_change_with_either_terminator() {
        assert_eq!(clean("a\x1b]0;pwned\x07b"), "ab");
        assert_eq!(
            clean("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b"),
            "alinkb"
        );
    }

    #[test]
    fn unterminated_osc_stops_at_line_end() {
        assert_eq!(clean("a\x1b]0;title\nnext line"), "a\nnext line");
    }

    #[test]
    fn removes_c1_controls_and_their_sequences() {
        assert_eq!(clean("a\u{9b}31mb"), "ab");
        assert_eq!(clean("a\u{9d}0;t\u{9c}b"), "ab");
        assert_eq!(clean("a\u{85}b\u{7f}c"), "abc");
    }

    #[test]
    fn carriage_returns_cannot_overwrite() {
        assert_eq!(clean("one\r\ntwo\rthree"), "one\ntwo\nthree");
    }

    #[test]
    fn removes_other_c0_controls_but_keeps_tab_and_newline() {
        assert_eq!(clean("a\x00b\x07c\x08d\te\nf"), "abcd\te\nf");
    }

    #[test]
    fn neutralises_bidi_overrides() {
        assert_eq!(
            clean("abc\u{202e}fed\u{202c} \u{2067}x\u{2069}"),
            "abcfed x"
        );
    }

    #[test]
    fn invisible_characters_that_shift_terminal_cells_are_removed() {
        assert_eq!(
            clean("\u{feff}zero\u{200b}width, co\u{00ad}op, 👩\u{200d}🚒 joined\u{2060}."),
            "zerowidth, coop, 👩🚒 joined."
        );
        // Persian needs its non-joiner, which no terminal gives a cell.
        assert_eq!(clean("می\u{200c}خواهم"), "می\u{200c}خواهم");
    }

    #[test]
    fn two_character_escapes_are_removed_without_eating_newlines() {
        assert_eq!(clean("a\x1bcb\x1b(Bc"), "abc");
        assert_eq!(clean("a\x1b\nb"), "a\nb");
    }

    #[test]
    fn the_fast_scan_finds_suspects_at_every_offset() {
        for len in 0..20 {
            for at in 0..len {
                for bad in ["\x1b", "\r", "\u{85}", "\u{202e}", "\x7f"] {
                    let mut s = "a".repeat(len);
                    s.replace_range(at..at + 1, bad);
                    assert_eq!(first_suspect(s.as_bytes()), Some(at), "{s:?}");
                }
                let safe = format!("{}\n\té{}", "b".repeat(at), "c".repeat(len - at));
                assert_eq!(first_suspect(safe.as_bytes()), None, "{safe:?}");
            }
        }
    }

    #[test]
    fn counts_what_it_removed() {
        assert_eq!(sanitize("\x1b[1mX").1, 4);
    }

    #[test]
    fn line_variant_collapses_white_space() {
        assert_eq!(
            sanitize_line("  A\ttitle\n on\x1b[5m two "),
            "A title on two"
        );
    }
}
