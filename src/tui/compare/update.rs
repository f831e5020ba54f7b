//! What the comparison pane does with a command.

use super::ComparePane;
use crate::config::Command;
use crate::tui::Overlay;
use crate::tui::reply::Reply;
use crate::tui::scroll::{Step, page_of, step};

impl ComparePane {
    /// A command while the comparison has the keyboard; `height` is its body's rows.
    pub fn update(&mut self, command: Command, height: usize) -> Reply {
        match step(command, page_of(height)) {
            Some(Step::By(rows)) => self.scroll_by(rows, height),
            Some(Step::Top) => self.scroll_to_top(),
            Some(Step::Bottom) => self.scroll_to_end(height),
            None => return self.act(command, height),
        }
        Reply::Done
    }

    /// A command other than movement.
    fn act(&mut self, command: Command, height: usize) -> Reply {
        match command {
            Command::NextDivergence
            | Command::PrevDivergence
            | Command::NextShared
            | Command::PrevShared => return self.jump_to(command, height),
            Command::SwapSides => {
                self.swap();
                return Reply::Status("sides swapped".into());
            }
            Command::ToggleUnified => self.unified = !self.unified,
            Command::Details => {
                if let Some(group) = self.current_group() {
                    return Reply::Open(Overlay::Details { group, scroll: 0 });
                }
            }
            Command::Export => return Reply::Export,
            Command::Back => return Reply::CloseComparison,
            _ => {}
        }
        Reply::Done
    }

    /// Moves the cursor to the next or previous divergence or shared passage.
    fn jump_to(&mut self, command: Command, height: usize) -> Reply {
        let forward = matches!(command, Command::NextDivergence | Command::NextShared);
        let divergence = matches!(command, Command::NextDivergence | Command::PrevDivergence);
        // Which groups qualify, computed first: `jump` needs the pane mutably.
        let wanted: Vec<bool> = (0..self.comparison.groups.len())
            .map(|g| {
                if divergence {
                    self.is_divergence(g)
                } else {
                    self.is_shared(g)
                }
            })
            .collect();
        if self.jump(forward, height, |g| wanted[g]) {
            return Reply::Done;
        }
        let what = if divergence {
            "divergence"
        } else {
            "shared passage"
        };
        let direction = if forward { "further" } else { "earlier" };
        Reply::Status(format!("no {direction} {what}"))
    }
}
