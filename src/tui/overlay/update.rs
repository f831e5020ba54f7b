//! What a window over the panes does with a command.

use super::super::Overlay;
use crate::config::Command;
use crate::tui::reply::Reply;

impl Overlay {
    /// A command while this window has the keyboard: movement scrolls it (`height` rows show
    /// of `total`); help and the log switch to each other; anything else closes it.
    pub fn update(self, command: Command, height: usize, total: usize) -> Reply {
        let (Overlay::Help { scroll } | Overlay::Log { scroll } | Overlay::Details { scroll, .. }) =
            self;
        let max = total.saturating_sub(height);
        let scroll = match command {
            Command::Down => scroll + 1,
            Command::Up => scroll.saturating_sub(1),
            Command::PageDown => scroll + height,
            Command::PageUp => scroll.saturating_sub(height),
            Command::Top => 0,
            Command::Bottom => max,
            Command::Help if matches!(self, Overlay::Log { .. }) => {
                return Reply::Open(Overlay::Help { scroll: 0 });
            }
            Command::ShowLog if matches!(self, Overlay::Help { .. }) => {
                return Reply::Open(Overlay::Log { scroll: 0 });
            }
            _ => return Reply::CloseOverlay,
        }
        .min(max);
        Reply::Open(match self {
            Overlay::Help { .. } => Overlay::Help { scroll },
            Overlay::Log { .. } => Overlay::Log { scroll },
            Overlay::Details { group, .. } => Overlay::Details { group, scroll },
        })
    }
}
