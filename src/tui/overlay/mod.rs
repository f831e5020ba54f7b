//! Windows drawn over the panes: the help, the load log and a passage's details.

mod help;
mod log;
mod update;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

pub use help::help_lines;
pub use log::log_lines;

use super::layout::inner;

/// A window over the panes, with its scroll position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Log {
        scroll: usize,
    },
    /// The details of one group of the open comparison.
    Details {
        group: usize,
        scroll: usize,
    },
    /// Every conflict of the open comparison, one selected.
    Conflicts {
        selected: usize,
        scroll: usize,
    },
}

/// The width of a window over `area`.
fn window_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(100)
}

/// Rows `lines` take once wrapped to the inside of a window over `area`.
pub fn wrapped_rows(lines: &[Line], area: Rect) -> usize {
    let inside = usize::from(window_width(area).saturating_sub(2)).max(1);
    lines
        .iter()
        .map(|l| l.width().div_ceil(inside).max(1))
        .sum()
}

/// Draws a centred window titled `title` with the visible part of `lines`, from `scroll`.
pub fn render_window(
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let width = window_width(area);
    let rows = wrapped_rows(&lines, area);
    let height = area
        .height
        .saturating_sub(2)
        .min(u16::try_from(rows + 2).unwrap_or(u16::MAX));
    let window = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    Clear.render(window, buf);
    Block::bordered()
        .border_type(BorderType::Double)
        .title(Line::from(format!(" {title} ")).bold())
        .title_bottom(Line::from(" Esc closes · j/k scroll ").right_aligned())
        .render(window, buf);
    let body = inner(window);
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(body.height))
        .collect();
    Paragraph::new(visible)
        .wrap(Wrap { trim: false })
        .render(body, buf);
}
