//! The movement commands every scrolling pane shares.

use crate::config::Command;

/// Where a movement command goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// This many rows down (up when negative).
    By(isize),
    Top,
    Bottom,
}

/// The step of a movement command, for a pane whose page moves `page` rows; `None` for any
/// other command.
pub fn step(command: Command, page: isize) -> Option<Step> {
    Some(match command {
        Command::Down => Step::By(1),
        Command::Up => Step::By(-1),
        Command::PageDown => Step::By(page),
        Command::PageUp => Step::By(-page),
        Command::Top => Step::Top,
        Command::Bottom => Step::Bottom,
        _ => return None,
    })
}

/// A page of a pane of `height` rows: all but two, so that a line of context stays.
pub fn page_of(height: usize) -> isize {
    height.saturating_sub(2).max(1) as isize
}
