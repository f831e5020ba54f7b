use crate::config::Key;

/// Everything the loop feeds into [`super::App::update`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A key press, resolved through the keymap inside `update` (so sequences and the filter
    /// prompt share one place).
    Key(Key),
    /// The terminal changed size.
    Resize { width: u16, height: u16 },
    /// The mouse wheel turned over a cell.
    Scroll { column: u16, row: u16, down: bool },
    /// A left click on a cell.
    Click { column: u16, row: u16 },
    /// The read marks were written (or not, with the reason).
    StateSaved(Result<(), String>),
    /// A comparison was exported (to this path, or not, with the reason).
    Exported(Result<std::path::PathBuf, String>),
}

/// Work `update` asks the loop to do, so `update` itself stays free of I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the read marks to disk.
    SaveReadState,
    /// Write this Markdown to this file (atomically).
    Export {
        path: std::path::PathBuf,
        markdown: String,
    },
}
