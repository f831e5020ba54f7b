//! Entering and leaving the terminal, so it is restored on quit, on error and on panic.

use std::io::{self, stdout};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::{cursor::Show, execute};

/// Switches to raw mode and the alternate screen with mouse reporting, and makes any panic
/// restore the terminal before its message is printed.
pub fn enter() -> io::Result<DefaultTerminal> {
    // ratatui installs a hook that restores raw mode and the screen; ours runs first and turns
    // mouse reporting off, which ratatui does not know we turned on.
    let terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, Show);
        previous(info);
    }));
    if let Err(e) = execute!(stdout(), EnableMouseCapture) {
        leave();
        return Err(e);
    }
    Ok(terminal)
}

/// Restores the terminal: mouse off, cursor shown, raw mode off, main screen back.
pub fn leave() {
    let _ = execute!(stdout(), DisableMouseCapture, Show);
    ratatui::restore();
}

/// The width of the terminal, in columns, when there is one.
pub fn width() -> Option<usize> {
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
}
