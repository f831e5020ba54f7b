use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::ListPane;
use crate::article::{Article, sanitize_line};
use crate::library::ReadState;
use crate::tui::layout::inner;
use crate::tui::text::{fit, fit_right};

/// Draws the list: one row per visible article, only the rows that fit.
pub fn render(
    pane: &ListPane,
    articles: &[Article],
    read: &ReadState,
    marked: Option<usize>,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let filter = if pane.filter.is_empty() {
        String::new()
    } else {
        format!(" · filter: {}", pane.filter)
    };
    let count = match pane.filter_problems().len() {
        _ if articles.is_empty() => "0".into(),
        _ if pane.filter.is_empty() => format!("{} unread of {}", pane.unread, articles.len()),
        0 => format!(
            "{} of {} · {} unread",
            pane.visible.len(),
            articles.len(),
            pane.unread
        ),
        // Said before the filter's text, which a narrow list cuts.
        n => format!(
            "{} of {} ({n} term{} left out)",
            pane.visible.len(),
            articles.len(),
            if n == 1 { "" } else { "s" }
        ),
    };
    // What does not fit goes whole, the sort first, then the filter's text (which the status
    // bar and the rows already tell), never a word cut in two.
    let room = usize::from(area.width).saturating_sub(2);
    let sort = format!(" · sort: {}", pane.sort.label());
    let title = [
        format!(" Library {count}{filter}{sort} "),
        format!(" Library {count}{filter} "),
        format!(" Library {count} "),
    ]
    .into_iter()
    .find(|t| t.width() <= room)
    .unwrap_or_else(|| format!(" Library {count} "));
    let block = Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .title(Line::from(title).bold());
    block.render(area, buf);
    let area = inner(area);
    if area.width == 0 || area.height == 0 {
        return;
    }
    if pane.visible.is_empty() {
        let msg = if articles.is_empty() {
            "No articles loaded."
        } else {
            "No article matches the filter."
        };
        Paragraph::new(msg).italic().render(area, buf);
        return;
    }

    let width = usize::from(area.width);
    // Columns: mark(2) title … source date(10) words(7), dropping columns as the pane narrows;
    // the date only when some article shown has one, so the titles get the room.
    let show_meta = width >= 60;
    let show_date = show_meta
        && pane
            .visible
            .iter()
            .any(|&i| articles[i].published.is_some());
    let source_w = if show_meta {
        (width / 5).clamp(8, 22)
    } else {
        0
    };
    let meta_w = if show_meta {
        source_w + if show_date { 1 + 10 } else { 0 } + 7
    } else {
        0
    };
    let title_w = width.saturating_sub(2 + meta_w + usize::from(show_meta));

    let rows = pane
        .visible
        .iter()
        .enumerate()
        .skip(pane.offset)
        .take(usize::from(area.height));
    for (y, (row, &index)) in rows.enumerate() {
        let article = &articles[index];
        let unread = !read.is_read(article);
        let mark = if marked == Some(index) {
            Span::styled("◆ ", Style::new().magenta().bold())
        } else {
            Span::styled(if unread { "● " } else { "  " }, Style::new().cyan())
        };
        let mut spans = vec![
            mark,
            Span::styled(
                fit(&article.title, title_w),
                if unread {
                    Style::new().bold()
                } else {
                    Style::new()
                },
            ),
        ];
        if show_meta {
            let date = article.published.map(|d| d.to_string()).unwrap_or_default();
            spans.push(Span::raw(" "));
            spans.push(source_or_file(article, source_w));
            if show_date {
                spans.push(Span::raw(" "));
                spans.push(Span::styled(fit(&date, 10), Style::new().dim()));
            }
            spans.push(Span::styled(
                fit_right(&article.word_count.to_string(), 7),
                Style::new().dim(),
            ));
        }
        let mut line = Line::from(spans);
        if row == pane.selected {
            let style = if focused {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new().add_modifier(Modifier::UNDERLINED)
            };
            line = line.patch_style(style);
        }
        let row_area = Rect {
            y: area.y + y as u16,
            height: 1,
            ..area
        };
        line.render(row_area, buf);
    }
}

/// The article's source, or its file name (dimmed) when it names none.
fn source_or_file(article: &Article, width: usize) -> Span<'static> {
    if !article.source.is_empty() {
        return Span::styled(
            fit(&article.source, width),
            Style::new().fg(ratatui::style::Color::Yellow),
        );
    }
    let name = article
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Span::styled(fit(&sanitize_line(&name), width), Style::new().dim())
}
