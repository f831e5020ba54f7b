//! What a user can bind a key to, and where.

use std::fmt;

/// The parts of the screen that have their own keys. `Global` keys work everywhere unless the
/// focused pane binds the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    List,
    Reader,
    /// The side-by-side comparison pane.
    Compare,
}

impl Context {
    /// Every context, in the order the help shows them.
    pub const ALL: [Context; 4] = [
        Context::Global,
        Context::List,
        Context::Reader,
        Context::Compare,
    ];

    /// The name used in `[keys.NAME]`.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "list",
            Context::Reader => "reader",
            Context::Compare => "compare",
        }
    }

    /// The context for a `[keys.NAME]` table.
    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The commands that may be bound in this context.
    pub fn commands(self) -> &'static [Command] {
        use Command::*;
        match self {
            Context::Global => &[Quit, Help, ShowLog, FocusNext, FocusPrev, FetchFeeds],
            Context::List => &[
                Down,
                Up,
                PageDown,
                PageUp,
                Top,
                Bottom,
                Open,
                Filter,
                ClearFilter,
                CycleSort,
                ToggleRead,
                MarkAllRead,
                UndoMarkAllRead,
                Mark,
                Compare,
                OpenUrl,
                FullText,
            ],
            Context::Reader => &[
                Down, Up, PageDown, PageUp, Top, Bottom, Back, ToggleRead, OpenUrl, FullText,
                Search, NextMatch, PrevMatch,
            ],
            Context::Compare => &[
                Down,
                Up,
                PageDown,
                PageUp,
                Top,
                Bottom,
                Search,
                NextDivergence,
                PrevDivergence,
                NextShared,
                PrevShared,
                NextConflict,
                PrevConflict,
                Conflicts,
                SwapSides,
                Details,
                ToggleUnified,
                Export,
                Back,
            ],
        }
    }
}

impl fmt::Display for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An action a user can bind a key to in the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Command {
    Quit,
    Help,
    ShowLog,
    FocusNext,
    FocusPrev,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    Open,
    Back,
    Filter,
    ClearFilter,
    CycleSort,
    ToggleRead,
    /// Mark every article the list shows (under its filter) read.
    MarkAllRead,
    /// Give back the read marks of the last MarkAllRead.
    UndoMarkAllRead,
    /// Mark the selected article as the left side of the next comparison.
    Mark,
    /// Compare the marked article (or the most similar one) with the selected one.
    Compare,
    NextDivergence,
    PrevDivergence,
    NextShared,
    PrevShared,
    /// Move to the next passage where the reports disagree on a fact.
    NextConflict,
    PrevConflict,
    /// List every conflict of the comparison.
    Conflicts,
    SwapSides,
    Details,
    ToggleUnified,
    Export,
    /// Fetch every subscribed feed in the background.
    FetchFeeds,
    /// Open the article's URL in the browser.
    OpenUrl,
    /// Replace a summary-only article with the full text of its page.
    FullText,
    /// Search the text of the article or comparison being read.
    Search,
    NextMatch,
    PrevMatch,
}

impl Command {
    /// Every command.
    pub const ALL: [Command; 38] = [
        Command::Quit,
        Command::Help,
        Command::ShowLog,
        Command::FocusNext,
        Command::FocusPrev,
        Command::Down,
        Command::Up,
        Command::PageDown,
        Command::PageUp,
        Command::Top,
        Command::Bottom,
        Command::Open,
        Command::Back,
        Command::Filter,
        Command::ClearFilter,
        Command::CycleSort,
        Command::ToggleRead,
        Command::MarkAllRead,
        Command::UndoMarkAllRead,
        Command::Mark,
        Command::Compare,
        Command::NextDivergence,
        Command::PrevDivergence,
        Command::NextShared,
        Command::PrevShared,
        Command::NextConflict,
        Command::PrevConflict,
        Command::Conflicts,
        Command::SwapSides,
        Command::Details,
        Command::ToggleUnified,
        Command::Export,
        Command::FetchFeeds,
        Command::OpenUrl,
        Command::FullText,
        Command::Search,
        Command::NextMatch,
        Command::PrevMatch,
    ];

    /// The name written in the config file.
    pub fn name(self) -> &'static str {
        match self {
            Command::Quit => "quit",
            Command::Help => "help",
            Command::ShowLog => "show_log",
            Command::FocusNext => "focus_next",
            Command::FocusPrev => "focus_prev",
            Command::Down => "down",
            Command::Up => "up",
            Command::PageDown => "page_down",
            Command::PageUp => "page_up",
            Command::Top => "top",
            Command::Bottom => "bottom",
            Command::Open => "open",
            Command::Back => "back",
            Command::Filter => "filter",
            Command::ClearFilter => "clear_filter",
            Command::CycleSort => "cycle_sort",
            Command::ToggleRead => "toggle_read",
            Command::MarkAllRead => "mark_all_read",
            Command::UndoMarkAllRead => "undo_mark_all_read",
            Command::Mark => "mark",
            Command::Compare => "compare",
            Command::NextDivergence => "next_divergence",
            Command::PrevDivergence => "prev_divergence",
            Command::NextShared => "next_shared",
            Command::PrevShared => "prev_shared",
            Command::NextConflict => "next_conflict",
            Command::PrevConflict => "prev_conflict",
            Command::Conflicts => "conflicts",
            Command::SwapSides => "swap_sides",
            Command::Details => "details",
            Command::ToggleUnified => "toggle_unified",
            Command::Export => "export",
            Command::FetchFeeds => "fetch_feeds",
            Command::OpenUrl => "open_url",
            Command::FullText => "full_text",
            Command::Search => "search",
            Command::NextMatch => "next_match",
            Command::PrevMatch => "prev_match",
        }
    }

    /// What it does, for the help overlay.
    pub fn description(self, context: Context) -> &'static str {
        match (self, context) {
            (Command::Quit, _) => "quit Parallax",
            (Command::Help, _) => "show or hide this help",
            (Command::ShowLog, _) => "show the load log (skipped and repaired files)",
            (Command::FocusNext, _) => "focus the next pane",
            (Command::FocusPrev, _) => "focus the previous pane",
            (Command::Down, Context::Reader | Context::Compare) => "scroll down a line",
            (Command::Up, Context::Reader | Context::Compare) => "scroll up a line",
            (Command::Down, _) => "select the next article",
            (Command::Up, _) => "select the previous article",
            (Command::PageDown, _) => "move down a page",
            (Command::PageUp, _) => "move up a page",
            (Command::Top, _) => "go to the top",
            (Command::Bottom, _) => "go to the bottom",
            (Command::Open, _) => "open the selected article",
            (Command::Back, _) => "back to the list",
            (Command::Mark, _) => "mark as the left side of a comparison",
            (Command::Compare, _) => "compare with the marked (or most similar) article",
            (Command::NextDivergence, _) => {
                "next match while searching, else next divergence (unique passage or conflict)"
            }
            (Command::PrevDivergence, _) => "previous match while searching, else divergence",
            (Command::NextShared, _) => "next shared passage",
            (Command::PrevShared, _) => "previous shared passage",
            (Command::NextConflict, _) => "next conflict (a number, date, title or quote differs)",
            (Command::PrevConflict, _) => "previous conflict",
            (Command::Conflicts, _) => "list every conflict; Enter goes to one",
            (Command::SwapSides, _) => "swap left and right",
            (Command::Details, _) => "details of the current passage",
            (Command::ToggleUnified, _) => "one column or two",
            (Command::Export, _) => "export as Markdown (to the data folder, or a path you type)",
            (Command::Filter, _) => "filter by title, source and text as you type",
            (Command::ClearFilter, _) => "clear the filter",
            (Command::CycleSort, _) => "sort by date, source or title",
            (Command::ToggleRead, _) => "mark read or unread",
            (Command::MarkAllRead, _) => "mark every article in the list (as filtered) read",
            (Command::UndoMarkAllRead, _) => "undo the last mark-all-read",
            (Command::FetchFeeds, _) => "fetch all subscribed feeds (in the background)",
            (Command::OpenUrl, _) => "open the article's web page in the browser",
            (Command::FullText, _) => "fetch the full text of a summary-only article",
            (Command::Search, _) => "search the text (ignoring case); Esc ends the search",
            (Command::NextMatch, _) => "next match of the search",
            (Command::PrevMatch, _) => "previous match of the search",
        }
    }

    /// The command for a config name.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.into_iter().find(|c| c.name() == name)
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_every_command_has_a_context() {
        for c in Command::ALL {
            assert_eq!(Command::from_name(c.name()), Some(c));
            assert!(
                Context::ALL.iter().any(|ctx| ctx.commands().contains(&c)),
                "{c} is bindable nowhere"
            );
        }
        for ctx in Context::ALL {
            assert_eq!(Context::from_name(ctx.name()), Some(ctx));
        }
    }
}
