//! Which pane has the keyboard.

/// The pane keys go to when no comparison or window is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Reader,
}

impl Focus {
    /// The other pane.
    pub fn other(self) -> Focus {
        match self {
            Focus::List => Focus::Reader,
            Focus::Reader => Focus::List,
        }
    }
}
