//! Drawing the whole screen from the state. Pure: reads the app, writes the buffer.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::layout::panes;
use super::overlay::{help_lines, log_lines, render_window};
use super::{App, Focus, Overlay, compare, list, reader, status};

/// Draws a frame.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    render(app, area, frame.buffer_mut());
}

/// Draws the app into any buffer (the terminal's, or a test's).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let p = panes(area, app.focus);
    if let Some(pane) = &app.compare {
        compare::render(pane, app.colour, app.theme, p.compare, buf);
    } else if let Some(r) = p.list {
        list::render(
            &app.list,
            &app.articles,
            &app.read,
            app.marked,
            app.focus == Focus::List,
            r,
            buf,
        );
    }
    if let Some(r) = p.reader.filter(|_| app.compare.is_none()) {
        reader::render(
            &app.reader,
            app.focus == Focus::Reader,
            app.hyperlinks,
            r,
            buf,
        );
    }
    if let Some(r) = p.status {
        status::render(app, r, buf);
    }
    match app.overlay {
        Some(Overlay::Help { scroll }) => {
            render_window("Keys", help_lines(&app.keymap), scroll, area, buf)
        }
        Some(Overlay::Log { scroll }) => {
            let rows = usize::from(area.height);
            let title = format!("Load log ({} entries)", app.issues.len());
            // Build only what can show, then let the window skip nothing more.
            render_window(&title, log_lines(&app.issues, scroll, rows), 0, area, buf);
        }
        Some(Overlay::Details { group, scroll }) => {
            if let Some(pane) = &app.compare {
                render_window(
                    "Passage details",
                    compare::details_lines(pane, group),
                    scroll,
                    area,
                    buf,
                );
            }
        }
        Some(Overlay::Conflicts { selected, scroll }) => {
            if let Some(pane) = &app.compare {
                let c = &pane.comparison;
                let quotes = c.quotes_only_left.len() + c.quotes_only_right.len();
                let title = format!(
                    "Conflicts ({}) · quotations one side only ({quotes})",
                    c.conflicts.len()
                );
                let lines = compare::conflict_lines(pane, selected);
                render_window(&title, lines, scroll, area, buf);
            }
        }
        None => {}
    }
}
