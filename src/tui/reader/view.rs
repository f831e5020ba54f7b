use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::{LineKind, ReaderPane};
use crate::tui::layout::{inner, reader_text};

/// Draws the visible slice of the laid-out article; nothing else is touched. With
/// `hyperlinks`, the URL is a link the terminal lets one click.
pub fn render(pane: &ReaderPane, focused: bool, hyperlinks: bool, area: Rect, buf: &mut Buffer) {
    let height = usize::from(inner(area).height);
    let total = pane.lines().len();
    let position = if total <= height || total == 0 {
        "all".to_string()
    } else {
        format!("{}%", (pane.scroll + height).min(total) * 100 / total)
    };
    let block = Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .title(Line::from(" Reading ").bold())
        .title(Line::from(format!(" {position} ")).right_aligned());
    block.render(area, buf);
    let area = reader_text(area);
    if area.width == 0 || area.height == 0 {
        return;
    }
    if pane.article.is_none() {
        Paragraph::new("Select an article in the list.")
            .italic()
            .render(area, buf);
        return;
    }
    // Lines are wrapped already (and cached): write them straight into the buffer rather than
    // through Paragraph, which would re-flow and truncate every frame.
    let rows = (area.y..area.bottom()).zip(pane.lines().iter().enumerate().skip(pane.scroll));
    for (y, (n, line)) in rows {
        let style = match line.kind {
            LineKind::Title => Style::new().bold(),
            LineKind::Meta => Style::new().dim(),
            LineKind::Link => Style::new().dim().underlined(),
            LineKind::Blank | LineKind::Body => Style::new(),
        };
        let width = usize::from(area.width);
        let (end, _) = buf.set_stringn(area.x, y, &line.text, width, style);
        if let Some(search) = &pane.search {
            search.paint(n, 0, &line.text, area.x, y, width, buf);
        }
        if let (true, LineKind::Link, Some(target)) = (hyperlinks, line.kind, pane.link()) {
            let row = Rect::new(area.x, y, end.saturating_sub(area.x), 1);
            crate::tui::hyperlink::link_row(buf, row, target);
        }
    }
}
