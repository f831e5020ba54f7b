//! What start-up decides for the app, handed to [`super::App::new`] whole.

use std::path::PathBuf;

use ratatui::layout::Rect;

use crate::config::{Keymap, Theme};
use crate::library::{LoadIssue, ReadState};

#[derive(Debug, Clone)]
pub struct Startup {
    pub read: ReadState,
    pub keymap: Keymap,
    pub theme: Theme,
    /// The terminal's size (the loop sends the real one before the first frame).
    pub area: Rect,
    /// Problems found before the app starts (a damaged state file): the first goes to the
    /// status bar, all to the load log.
    pub warnings: Vec<LoadIssue>,
    /// Whether colour may be used: false under NO_COLOR, and then style and symbols carry
    /// the meaning.
    pub colour: bool,
    /// Whether the terminal shows OSC 8 links: the reader's URL is then one.
    pub hyperlinks: bool,
    /// How many feeds the config subscribes to (`r` has nothing to do without one).
    pub feeds: usize,
    /// The built-in samples stand in for an empty library; the first fetched articles
    /// replace them.
    pub showing_samples: bool,
    /// The data folder, where exports are proposed to go.
    pub data_dir: Option<PathBuf>,
    /// The first status message, when start-up has one (the first-run hint); otherwise the
    /// load summary.
    pub message: Option<String>,
}

impl Startup {
    /// Defaults around a keymap: colour, no feeds, no data folder, an empty terminal area.
    pub fn new(keymap: Keymap) -> Startup {
        Startup {
            read: ReadState::default(),
            keymap,
            theme: Theme::default(),
            area: Rect::default(),
            warnings: Vec::new(),
            colour: true,
            hyperlinks: false,
            feeds: 0,
            showing_samples: false,
            data_dir: None,
            message: None,
        }
    }
}
