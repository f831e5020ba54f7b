//! What the comparison pane does with a command.

use super::ComparePane;
use super::layout::UNIFIED_BELOW;
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
            // While a search is on, n and N go from match to match, and Esc ends it.
            Command::NextDivergence | Command::PrevDivergence if self.search.is_some() => {
                self.step_search(command == Command::NextDivergence, height);
                let status = self.search.as_ref().map(|s| s.status());
                return Reply::Status(status.unwrap_or_default());
            }
            Command::Back if self.search.is_some() => {
                self.search = None;
                return Reply::Status("search ended".into());
            }
            Command::NextDivergence
            | Command::PrevDivergence
            | Command::NextShared
            | Command::PrevShared
            | Command::NextConflict
            | Command::PrevConflict => return self.jump_to(command, height),
            Command::Conflicts if self.comparison.conflicts.is_empty() => {
                return Reply::Status("no conflicts found between these reports".into());
            }
            Command::Conflicts => {
                return Reply::Open(Overlay::Conflicts {
                    selected: 0,
                    scroll: 0,
                });
            }
            Command::SwapSides => {
                self.swap();
                return Reply::Status("sides swapped".into());
            }
            Command::ToggleUnified => {
                self.unified = !self.unified;
                return Reply::Status(if self.too_narrow() {
                    format!("one column: two need a window of {UNIFIED_BELOW} columns or more")
                } else if self.unified {
                    "one column".into()
                } else {
                    "two columns".into()
                });
            }
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

    /// Moves the cursor to the next or previous divergence, shared passage or conflict.
    fn jump_to(&mut self, command: Command, height: usize) -> Reply {
        let forward = matches!(
            command,
            Command::NextDivergence | Command::NextShared | Command::NextConflict
        );
        let (what, wanted): (&str, Vec<bool>) = match command {
            Command::NextDivergence | Command::PrevDivergence => (
                "divergence",
                (0..self.comparison.groups.len())
                    .map(|g| self.is_divergence(g))
                    .collect(),
            ),
            Command::NextShared | Command::PrevShared => (
                "shared passage",
                (0..self.comparison.groups.len())
                    .map(|g| self.is_shared(g))
                    .collect(),
            ),
            _ => (
                "conflict",
                (0..self.comparison.groups.len())
                    .map(|g| self.has_conflict(g))
                    .collect(),
            ),
        };
        // Which groups qualify is worked out first: `jump` needs the pane mutably.
        if self.jump(forward, height, |g| wanted[g]) {
            return Reply::Done;
        }
        let direction = if forward { "further" } else { "earlier" };
        Reply::Status(format!("no {direction} {what}"))
    }

    /// Moves the cursor to the passage of conflict number `n`.
    pub fn go_to_conflict(&mut self, n: usize, height: usize) {
        if let Some(group) = self.comparison.conflicts.get(n).map(|c| c.group) {
            self.go_to(group, height);
        }
    }
}
