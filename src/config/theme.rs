//! Colours of the comparison pane, from the `[theme]` table. Meaning never rests on colour
//! alone (symbols and bold carry it too), so a theme only changes how things look.

use std::fmt;

/// A colour as written in the config: a name, `#rrggbb`, or a 256-colour index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeColor {
    /// One of the 16 standard terminal colours, by index (0 black ... 15 white).
    Named(u8),
    Rgb(u8, u8, u8),
    Indexed(u8),
}

const NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

impl ThemeColor {
    /// Parses "red", "light-green", "#ff8800" or "208".
    pub fn parse(text: &str) -> Result<ThemeColor, String> {
        let t = text
            .trim()
            .to_ascii_lowercase()
            .replace(['-', '_', ' '], "");
        let t = if t == "grey" {
            "gray".to_string()
        } else {
            t.replace("grey", "gray")
        };
        if let Some(i) = NAMES.iter().position(|n| *n == t) {
            return Ok(ThemeColor::Named(i as u8));
        }
        if let Some(hex) = t.strip_prefix('#')
            && hex.len() == 6
            && let Ok(v) = u32::from_str_radix(hex, 16)
        {
            return Ok(ThemeColor::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
        }
        if let Ok(i) = t.parse::<u8>() {
            return Ok(ThemeColor::Indexed(i));
        }
        Err(format!(
            "unknown colour `{text}`: use a name such as \"lightred\", \"#rrggbb\" or 0-255"
        ))
    }
}

impl fmt::Display for ThemeColor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThemeColor::Named(i) => f.write_str(NAMES[usize::from(*i)]),
            ThemeColor::Rgb(r, g, b) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
            ThemeColor::Indexed(i) => write!(f, "{i}"),
        }
    }
}

/// The comparison pane's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Words of the left article that the right one changed or lacks.
    pub changed_left: ThemeColor,
    /// Words of the right article that the left one changed or lacks.
    pub changed_right: ThemeColor,
    /// Passages only the left article has.
    pub unique_left: ThemeColor,
    /// Passages only the right article has.
    pub unique_right: ThemeColor,
    /// Conflict marks.
    pub conflict: ThemeColor,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            changed_left: ThemeColor::Named(9),
            changed_right: ThemeColor::Named(10),
            unique_left: ThemeColor::Named(6),
            unique_right: ThemeColor::Named(12),
            conflict: ThemeColor::Named(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_hex_and_indices() {
        assert_eq!(ThemeColor::parse("LightRed").unwrap(), ThemeColor::Named(9));
        assert_eq!(
            ThemeColor::parse("light-green").unwrap(),
            ThemeColor::Named(10)
        );
        assert_eq!(ThemeColor::parse("grey").unwrap(), ThemeColor::Named(7));
        assert_eq!(
            ThemeColor::parse("#ff8800").unwrap(),
            ThemeColor::Rgb(255, 136, 0)
        );
        assert_eq!(ThemeColor::parse("208").unwrap(), ThemeColor::Indexed(208));
        assert!(ThemeColor::parse("mauve").is_err());
        assert!(ThemeColor::parse("#12345").is_err());
        for c in ["red", "#0a0b0c", "17"] {
            assert_eq!(ThemeColor::parse(c).unwrap().to_string(), c);
        }
    }
}
