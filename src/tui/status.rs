//! The one-line status bar: what is going on, and the most useful keys for where you are.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::{App, Focus};
use crate::config::{Command, Context};
use crate::tui::text::truncate;

/// The fewest columns a message is cut to so that the key hints fit beside it.
const MESSAGE_MIN_WIDTH: usize = 24;

/// Draws the status bar: a message or prompt on the left, key hints on the right.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, Style::new().reversed());
    let left = if let Some(path) = app.export_prompt() {
        format!("export to: {path}▏")
    } else if let Some(query) = app.search_prompt() {
        format!("search: {query}▏")
    } else if app.list.editing {
        match app.list.filter_problems().first() {
            // The rest of the query applies; this term waits to be fixed.
            Some(problem) => format!("/{}▏  left out: {problem}", app.list.filter),
            None => format!("/{}▏", app.list.filter),
        }
    } else if !app.pending.is_empty() {
        let keys: Vec<String> = app.pending.iter().map(ToString::to_string).collect();
        format!("{} … (waiting for the next key)", keys.join(" "))
    } else {
        app.status.clone().unwrap_or_default()
    };
    let hints = hints(app);
    let width = usize::from(area.width);
    let hints_w = hints.width();
    // A message just given is shown whole; once the user has moved on, the keys come back
    // into view and an old message is cut to make room for them (unless that would leave it
    // too little to be read).
    let (left, hints) = if left.width() + hints_w + 2 <= width {
        (left, hints)
    } else if !app.status_fresh && width >= hints_w + 2 + MESSAGE_MIN_WIDTH {
        (truncate(&left, width - hints_w - 2), hints)
    } else {
        (truncate(&left, width), String::new())
    };
    let pad = width.saturating_sub(left.width() + hints.width());
    Line::from(vec![
        Span::raw(left).bold(),
        Span::raw(" ".repeat(pad)),
        Span::raw(hints),
    ])
    .render(area, buf);
}

/// Key hints built from the live keymap for the current context.
fn hints(app: &App) -> String {
    let (context, wanted): (Context, &[(Command, &str)]) =
        if let Some(crate::tui::Overlay::Conflicts { .. }) = app.overlay {
            (
                Context::Compare,
                &[(Command::Details, "go to"), (Command::Back, "close")],
            )
        } else if app.overlay.is_some() {
            (Context::Reader, &[(Command::Back, "close")])
        } else if app.export_prompt().is_some() {
            return "Enter write · Esc cancel ".into();
        } else if app.list.editing {
            return "Enter keep · Esc clear ".into();
        } else if app.search_prompt().is_some() {
            return "Enter keep · Esc end search ".into();
        } else if app.compare.as_ref().is_some_and(|p| p.search.is_some()) {
            (
                Context::Compare,
                &[
                    (Command::NextDivergence, "next match"),
                    (Command::PrevDivergence, "previous"),
                    (Command::Search, "new search"),
                    (Command::Details, "details"),
                    (Command::Back, "end search"),
                ],
            )
        } else if app.compare.is_some() {
            (
                Context::Compare,
                &[
                    (Command::NextDivergence, "divergence"),
                    (Command::NextConflict, "conflict"),
                    (Command::Conflicts, "all conflicts"),
                    (Command::Search, "search"),
                    (Command::Details, "details"),
                    (Command::SwapSides, "swap"),
                    (Command::ToggleUnified, "columns"),
                    (Command::Export, "export"),
                    (Command::Back, "back"),
                ],
            )
        } else {
            match app.focus {
                Focus::List => (
                    Context::List,
                    &[
                        (Command::Open, "open"),
                        (Command::Filter, "filter"),
                        (Command::CycleSort, "sort"),
                        (Command::Help, "help"),
                        (Command::Quit, "quit"),
                    ],
                ),
                Focus::Reader if app.reader.search.is_some() => (
                    Context::Reader,
                    &[
                        (Command::NextMatch, "next match"),
                        (Command::PrevMatch, "previous"),
                        (Command::Back, "end search"),
                        (Command::Help, "help"),
                    ],
                ),
                Focus::Reader => (
                    Context::Reader,
                    &[
                        (Command::Back, "list"),
                        (Command::Search, "search"),
                        (Command::Help, "help"),
                        (Command::Quit, "quit"),
                    ],
                ),
            }
        };
    let mut parts: Vec<String> = wanted
        .iter()
        .filter_map(|(cmd, label)| {
            app.keymap
                .hint(context, *cmd)
                .map(|k| format!("{k} {label}"))
        })
        .collect();
    parts.push(String::new());
    parts.join(" · ").trim_end_matches(" · ").to_string() + " "
}
