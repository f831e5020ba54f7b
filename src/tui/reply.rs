//! What a pane's `update` asks of the app. Each pane owns its state; the app owns what lies
//! between the panes: the status bar, the windows over them, the prompt, which pane is open.

use super::Overlay;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Nothing more to do.
    Done,
    /// Say this in the status bar.
    Status(String),
    /// Open this window over the panes (or, from a window, another one).
    Open(Overlay),
    /// Close the window that has the keyboard.
    CloseOverlay,
    /// Close the comparison pane.
    CloseComparison,
    /// Ask where to export the comparison.
    Export,
    /// Close the window and move the comparison's cursor to its conflict number `n`.
    GoToConflict(usize),
}
