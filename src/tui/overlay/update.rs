//! What a window over the panes does with a command.

use super::super::Overlay;
use crate::config::Command;
use crate::tui::reply::Reply;
use crate::tui::scroll::{Step, step};

impl Overlay {
    /// A command while this window has the keyboard: movement scrolls it (`height` rows show
    /// of `total`); help and the log switch to each other; anything else closes it.
    pub fn update(self, command: Command, height: usize, total: usize) -> Reply {
        if let Overlay::Conflicts { selected, scroll } = self {
            return conflicts_update(command, selected, scroll, height, total);
        }
        let (Overlay::Help { scroll }
        | Overlay::Log { scroll }
        | Overlay::Details { scroll, .. }
        | Overlay::Conflicts { scroll, .. }) = self;
        let max = total.saturating_sub(height);
        let scroll = match step(command, height as isize) {
            Some(Step::By(rows)) => scroll.saturating_add_signed(rows),
            Some(Step::Top) => 0,
            Some(Step::Bottom) => max,
            None => match command {
                Command::Help if matches!(self, Overlay::Log { .. }) => {
                    return Reply::Open(Overlay::Help { scroll: 0 });
                }
                Command::ShowLog if matches!(self, Overlay::Help { .. }) => {
                    return Reply::Open(Overlay::Log { scroll: 0 });
                }
                _ => return Reply::CloseOverlay,
            },
        }
        .min(max);
        Reply::Open(match self {
            Overlay::Help { .. } => Overlay::Help { scroll },
            Overlay::Log { .. } => Overlay::Log { scroll },
            Overlay::Details { group, .. } => Overlay::Details { group, scroll },
            Overlay::Conflicts { selected, .. } => Overlay::Conflicts { selected, scroll },
        })
    }
}

/// The conflict list: movement moves the selection (the window follows it), Enter goes to the
/// selected conflict's passage, anything else closes the list.
fn conflicts_update(
    command: Command,
    selected: usize,
    scroll: usize,
    height: usize,
    total: usize,
) -> Reply {
    let last = total.saturating_sub(1);
    let selected = match step(command, height as isize) {
        Some(Step::By(rows)) => selected.saturating_add_signed(rows).min(last),
        Some(Step::Top) => 0,
        Some(Step::Bottom) => last,
        None if command == Command::Details => return Reply::GoToConflict(selected),
        None => return Reply::CloseOverlay,
    };
    let height = height.max(1);
    let scroll = scroll.clamp((selected + 1).saturating_sub(height), selected);
    Reply::Open(Overlay::Conflicts { selected, scroll })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(selected: usize, scroll: usize) -> Overlay {
        Overlay::Conflicts { selected, scroll }
    }

    #[test]
    fn the_conflict_list_moves_its_selection_and_follows_it() {
        // Ten conflicts, four rows of them showing.
        let down = list(3, 0).update(Command::Down, 4, 10);
        assert_eq!(down, Reply::Open(list(4, 1)));
        assert_eq!(
            list(9, 6).update(Command::Down, 4, 10),
            Reply::Open(list(9, 6))
        );
        assert_eq!(
            list(5, 4).update(Command::Top, 4, 10),
            Reply::Open(list(0, 0))
        );
        assert_eq!(
            list(2, 0).update(Command::Details, 4, 10),
            Reply::GoToConflict(2)
        );
        assert_eq!(list(2, 0).update(Command::Back, 4, 10), Reply::CloseOverlay);
    }
}
