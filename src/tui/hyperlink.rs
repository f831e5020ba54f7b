//! Clickable links (OSC 8) for the reading pane's URL, on terminals known to support them.
//!
//! The link's target is the article's URL, http(s) only and percent-encoded, so nothing from
//! an article can end the escape sequence early or smuggle another one in; the text shown is
//! what the pane already drew (sanitised). Elsewhere the URL stays plain text, and `o` opens
//! it either way.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;

use crate::source::is_web_url;

/// Set to 1 or 0 to turn links on or off whatever the terminal seems to be.
pub const HYPERLINKS_ENV: &str = "PARALLAX_HYPERLINKS";

/// The URL as a link target: http(s) only, every byte outside the URL characters
/// percent-encoded (controls, spaces, non-ASCII), so it cannot end the escape sequence.
pub fn link_target(url: &str) -> Option<String> {
    if !is_web_url(url) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for &b in url.as_bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Some(out)
}

/// Turns the cells of `row` (one screen row) into a link to `target`: the first cell carries
/// the whole row's text inside the OSC 8 sequence and says how wide it is, the rest are left
/// to it.
pub fn link_row(buf: &mut Buffer, row: Rect, target: &str) {
    let Some(width) = std::num::NonZeroU16::new(row.width) else {
        return;
    };
    let text: String = (row.x..row.right())
        .map(|x| buf[(x, row.y)].symbol().to_string())
        .collect();
    let first = &mut buf[(row.x, row.y)];
    first.set_symbol(&format!("\x1b]8;;{target}\x1b\\{text}\x1b]8;;\x1b\\"));
    first.set_diff_option(CellDiffOption::ForcedWidth(width));
    for x in row.x + 1..row.right() {
        buf[(x, row.y)].set_diff_option(CellDiffOption::Skip);
    }
}

/// Whether the terminal, as its environment describes it, shows OSC 8 links.
/// `var` reads an environment variable.
pub fn terminal_supports(var: impl Fn(&str) -> Option<String>) -> bool {
    match var(HYPERLINKS_ENV).as_deref().map(str::trim) {
        Some("1") => return true,
        Some("0") => return false,
        _ => {}
    }
    let term = var("TERM").unwrap_or_default();
    // Inside tmux or screen the outer terminal is unknown, and a dumb one shows escapes.
    if term == "dumb" || term.starts_with("screen") || var("TMUX").is_some() {
        return false;
    }
    let program = var("TERM_PROGRAM").unwrap_or_default();
    let number = |name: &str| var(name).and_then(|v| v.trim().parse::<u32>().ok());
    [
        "iTerm.app",
        "WezTerm",
        "vscode",
        "ghostty",
        "Hyper",
        "rio",
        "WarpTerminal",
    ]
    .contains(&program.as_str())
        || [
            "xterm-kitty",
            "xterm-ghostty",
            "wezterm",
            "alacritty",
            "foot",
            "foot-extra",
        ]
        .contains(&term.as_str())
        || var("KITTY_WINDOW_ID").is_some()
        || var("WT_SESSION").is_some()
        || var("ALACRITTY_WINDOW_ID").is_some()
        || number("VTE_VERSION").is_some_and(|v| v >= 5000)
        || number("KONSOLE_VERSION").is_some_and(|v| v >= 201200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_become_targets_and_nothing_can_end_the_sequence() {
        assert_eq!(
            link_target("https://ledger.example/a b/ü?x=1&y=%20").as_deref(),
            Some("https://ledger.example/a%20b/%C3%BC?x=1&y=%20")
        );
        let hostile = link_target("https://e.example/\x1b\\\x07\x1b]8;;evil").unwrap();
        assert!(!hostile.bytes().any(|b| b.is_ascii_control()), "{hostile}");
        assert!(hostile.contains("%1B%5C%07%1B]8;;evil"), "{hostile}");
        assert_eq!(link_target("javascript:alert(1)"), None);
        assert_eq!(link_target("file:///etc/passwd"), None);
    }

    #[test]
    fn a_linked_row_keeps_its_text_and_width() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(2, 0, "https://x", ratatui::style::Style::new());
        link_row(&mut buf, Rect::new(2, 0, 9, 1), "https://x");
        let first = &buf[(2, 0)];
        assert_eq!(
            first.symbol(),
            "\x1b]8;;https://x\x1b\\https://x\x1b]8;;\x1b\\"
        );
        assert_eq!(
            first.diff_option,
            CellDiffOption::ForcedWidth(9.try_into().unwrap())
        );
        assert!((3..11).all(|x| buf[(x, 0)].diff_option == CellDiffOption::Skip));
        assert_eq!(buf[(11, 0)].diff_option, CellDiffOption::None);
    }

    #[test]
    fn support_is_read_from_the_environment_and_can_be_forced() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert!(terminal_supports(env(&[("TERM_PROGRAM", "WezTerm")])));
        assert!(terminal_supports(env(&[("VTE_VERSION", "7600")])));
        assert!(!terminal_supports(env(&[("VTE_VERSION", "4800")])));
        assert!(!terminal_supports(env(&[("TERM", "xterm-256color")])));
        assert!(!terminal_supports(env(&[
            ("TERM_PROGRAM", "WezTerm"),
            ("TMUX", "/tmp/tmux-0/default,1,0")
        ])));
        assert!(terminal_supports(env(&[
            ("TMUX", "x"),
            (HYPERLINKS_ENV, "1")
        ])));
        assert!(!terminal_supports(env(&[
            ("KITTY_WINDOW_ID", "1"),
            (HYPERLINKS_ENV, "0")
        ])));
    }
}
