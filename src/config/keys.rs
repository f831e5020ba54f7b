//! Key names as written in the config file ("Ctrl-d", "Shift-Tab", "g g"), independent of any
//! terminal library. The TUI translates terminal events into [`Key`] values.

use std::fmt;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    /// A printable character, as typed (so "G" is Shift+g).
    Char(char),
    Enter,
    Esc,
    Tab,
    /// Shift+Tab.
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    /// F1 to F24.
    F(u8),
}

/// One key press with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
    /// Only for keys whose character does not already say it (Shift-Up, not "G").
    pub shift: bool,
}

impl Key {
    /// A key with no modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    /// A printable character with no modifiers.
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// Brings equivalent spellings to one form: shift is carried by the character itself, and
    /// Shift+Tab is BackTab. Ctrl with a letter is always lower case.
    pub fn normalized(mut self) -> Key {
        match self.code {
            KeyCode::Char(c) => {
                self.shift = false;
                if self.ctrl && c.is_ascii_alphabetic() {
                    self.code = KeyCode::Char(c.to_ascii_lowercase());
                }
            }
            KeyCode::Tab if self.shift => {
                self.code = KeyCode::BackTab;
                self.shift = false;
            }
            KeyCode::BackTab => self.shift = false,
            _ => {}
        }
        self
    }

    /// Parses one key name such as `j`, `G`, `Ctrl-d`, `Alt-Enter`, `F5`, `PageDown`, `Space`.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut key = Key::plain(KeyCode::Esc);
        let mut rest = text;
        while let Some((modifier, after)) = rest.split_once('-') {
            if after.is_empty() {
                break; // "-" itself, or "Ctrl--"
            }
            match modifier.to_ascii_lowercase().as_str() {
                "ctrl" | "c" => key.ctrl = true,
                "alt" | "a" | "meta" | "m" => key.alt = true,
                "shift" | "s" => key.shift = true,
                _ => break,
            }
            rest = after;
        }
        key.code = parse_code(rest).ok_or_else(|| format!("unknown key name `{text}`"))?;
        if key.shift
            && let KeyCode::Char(c) = key.code
        {
            key.code = KeyCode::Char(c.to_uppercase().next().unwrap_or(c));
        }
        Ok(key.normalized())
    }
}

fn parse_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.clone().next()) {
        return (!c.is_control() && c != ' ').then_some(KeyCode::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdown" | "pgdn" => KeyCode::PageDown,
        "space" => KeyCode::Char(' '),
        "minus" => KeyCode::Char('-'),
        _ => {
            let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
            if (1..=24).contains(&n) {
                KeyCode::F(n)
            } else {
                return None;
            }
        }
    })
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        if self.shift {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char('-') => f.write_str("Minus"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One or more keys pressed in turn, written space-separated in the config ("g g").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeySeq(pub Vec<Key>);

impl KeySeq {
    /// Parses a space-separated sequence of key names (at most two keys).
    pub fn parse(text: &str) -> Result<KeySeq, String> {
        let keys = text
            .split_whitespace()
            .map(Key::parse)
            .collect::<Result<Vec<_>, _>>()?;
        match keys.len() {
            0 => Err("empty key name".into()),
            1 | 2 => Ok(KeySeq(keys)),
            _ => Err(format!("`{text}`: sequences are at most two keys long")),
        }
    }

    /// True when `self` is a strict prefix of `other`.
    pub fn is_prefix_of(&self, other: &KeySeq) -> bool {
        self.0.len() < other.0.len() && other.0.starts_with(&self.0)
    }
}

impl fmt::Display for KeySeq {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, k) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{k}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_and_named_keys() {
        assert_eq!(Key::parse("j").unwrap(), Key::char('j'));
        assert_eq!(Key::parse("G").unwrap(), Key::char('G'));
        assert_eq!(Key::parse("Enter").unwrap(), Key::plain(KeyCode::Enter));
        assert_eq!(
            Key::parse("pagedown").unwrap(),
            Key::plain(KeyCode::PageDown)
        );
        assert_eq!(Key::parse("Space").unwrap(), Key::char(' '));
        assert_eq!(Key::parse("F1").unwrap(), Key::plain(KeyCode::F(1)));
        assert_eq!(Key::parse("-").unwrap(), Key::char('-'));
    }

    #[test]
    fn parses_modifiers_and_normalises_them() {
        let ctrl_d = Key {
            ctrl: true,
            ..Key::char('d')
        };
        assert_eq!(Key::parse("Ctrl-d").unwrap(), ctrl_d);
        assert_eq!(Key::parse("ctrl-D").unwrap(), ctrl_d);
        assert_eq!(
            Key::parse("Shift-Tab").unwrap(),
            Key::plain(KeyCode::BackTab)
        );
        assert_eq!(Key::parse("Shift-g").unwrap(), Key::char('G'));
        assert_eq!(
            Key::parse("Alt-Enter").unwrap(),
            Key {
                alt: true,
                ..Key::plain(KeyCode::Enter)
            }
        );
    }

    #[test]
    fn rejects_unknown_names() {
        assert!(Key::parse("Hyper-x").is_err());
        assert!(Key::parse("F99").is_err());
        assert!(Key::parse("PgSideways").is_err());
        assert!(KeySeq::parse("").is_err());
        assert!(KeySeq::parse("g g g").is_err());
    }

    #[test]
    fn display_round_trips() {
        for name in [
            "j",
            "G",
            "Ctrl-d",
            "Shift-Tab",
            "F12",
            "PageDown",
            "Space",
            "g g",
            "Alt-Enter",
            "Shift-Up",
        ] {
            let seq = KeySeq::parse(name).unwrap();
            assert_eq!(KeySeq::parse(&seq.to_string()).unwrap(), seq, "{name}");
        }
        assert_eq!(KeySeq::parse("Ctrl-D").unwrap().to_string(), "Ctrl-d");
    }

    #[test]
    fn prefixes_are_detected() {
        let g = KeySeq::parse("g").unwrap();
        let gg = KeySeq::parse("g g").unwrap();
        assert!(g.is_prefix_of(&gg));
        assert!(!gg.is_prefix_of(&g));
        assert!(!g.is_prefix_of(&g));
    }
}
