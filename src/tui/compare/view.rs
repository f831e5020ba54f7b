//! Drawing the comparison: header, two aligned columns (or one), gutters and minimaps.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::ComparePane;
use super::layout::{MapCell, Side, map_rows};
use crate::compare::report::{
    Mark, StyledLine, counts_line, counts_shorter, folded_piece, fragments, heading, label, percent,
};
use crate::compare::{Comparison, Kind, Relation};
use crate::config::{Theme, ThemeColor};
use crate::tui::layout::inner;
use crate::tui::text::fit;

/// Rows the header takes above the columns.
pub const HEADER_ROWS: u16 = 4;

/// The body area (below the header, inside the border) for a pane area.
pub fn body_area(area: Rect) -> Rect {
    let i = inner(area);
    Rect {
        y: i.y + HEADER_ROWS.min(i.height),
        height: i.height.saturating_sub(HEADER_ROWS),
        ..i
    }
}

/// Styles of the pane, with or without colour.
struct Styles {
    colour: bool,
    theme: Theme,
}

/// A theme colour as a terminal colour.
fn color(c: ThemeColor) -> Color {
    const NAMED: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match c {
        ThemeColor::Named(i) => NAMED[usize::from(i) % 16],
        ThemeColor::Rgb(r, g, b) => Color::Rgb(r, g, b),
        ThemeColor::Indexed(i) => Color::Indexed(i),
    }
}

impl Styles {
    fn mark(&self, mark: Mark, side: Side) -> Style {
        match (mark, self.colour) {
            (Mark::Shared, _) => Style::new(),
            (Mark::Changed, true) if side == Side::Left => Style::new()
                .fg(color(self.theme.changed_left))
                .add_modifier(Modifier::BOLD),
            (Mark::Changed, true) => Style::new()
                .fg(color(self.theme.changed_right))
                .add_modifier(Modifier::BOLD),
            (Mark::Changed, false) => {
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            }
            // Words only this side has: the tint of its unique passages, in bold.
            (Mark::Added, true) if side == Side::Left => Style::new()
                .fg(color(self.theme.unique_left))
                .add_modifier(Modifier::BOLD),
            (Mark::Added, true) => Style::new()
                .fg(color(self.theme.unique_right))
                .add_modifier(Modifier::BOLD),
            (Mark::Added, false) => Style::new().add_modifier(Modifier::BOLD | Modifier::ITALIC),
            (Mark::Unique, true) if side == Side::Left => {
                Style::new().fg(color(self.theme.unique_left))
            }
            (Mark::Unique, true) => Style::new().fg(color(self.theme.unique_right)),
            (Mark::Unique, false) => Style::new().add_modifier(Modifier::ITALIC),
        }
    }

    fn gutter(&self, symbol: char) -> Style {
        match (symbol, self.colour) {
            ('!', true) => Style::new()
                .fg(color(self.theme.conflict))
                .add_modifier(Modifier::BOLD),
            ('!', false) => Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            _ => Style::new().add_modifier(Modifier::DIM),
        }
    }

    fn map(&self, cell: MapCell) -> (char, Style) {
        let c = self.colour;
        match cell {
            MapCell::Empty => (' ', Style::new()),
            MapCell::Shared => ('│', Style::new().dim()),
            MapCell::Changed => (
                '┃',
                if c {
                    Style::new().fg(Color::Yellow)
                } else {
                    Style::new()
                },
            ),
            MapCell::Unique => (
                '░',
                if c {
                    Style::new().fg(color(self.theme.unique_left))
                } else {
                    Style::new()
                },
            ),
            MapCell::Conflict => (
                '!',
                if c {
                    Style::new().fg(color(self.theme.conflict)).bold()
                } else {
                    Style::new().bold()
                },
            ),
        }
    }
}

/// The header's third line: whether the reports tell one event, then the counts. Reports that
/// share little say so first, in bold, so that a few links are not read as agreement.
fn verdict_and_counts(c: &Comparison, width: usize) -> Line<'static> {
    let [fewer, symbols] = counts_shorter(c);
    // The longest form of the counts that fits beside the verdict, so no count is cut off.
    let fitting = |room: usize| {
        [counts_line(c), fewer, symbols]
            .into_iter()
            .find(|form| form.chars().count() <= room)
    };
    match c.summary.verdict.relation {
        Relation::SameEvent => {
            let counts = fitting(width.saturating_sub("Same event · ".len()));
            let text = counts.map_or_else(|| "Same event".into(), |c| format!("Same event · {c}"));
            Line::from(fit(&text, width)).dim()
        }
        relation => {
            let verdict = format!("Share little ({}) ", relation.describe());
            let room = width.saturating_sub(verdict.chars().count());
            let counts = fitting(room.saturating_sub("· only sure links · ".chars().count()));
            let rest = counts.map_or_else(
                || "· only sure links".to_string(),
                |c| format!("· only sure links · {c}"),
            );
            Line::from(vec![Span::raw(verdict).bold(), Span::raw(rest).dim()])
        }
    }
}

/// Draws the pane. The layout must have been made for this area's body (`ensure_layout`).
pub fn render(pane: &ComparePane, colour: bool, theme: Theme, area: Rect, buf: &mut Buffer) {
    let styles = Styles { colour, theme };
    let c = &pane.comparison;
    let layout = pane.layout();
    let mode = if layout.unified {
        "one column"
    } else {
        "two columns"
    };
    Block::bordered()
        .border_type(BorderType::Thick)
        .title(Line::from(" Compare ").bold())
        .title(Line::from(format!(" {mode} ")).right_aligned())
        .render(area, buf);
    let i = inner(area);
    if i.width == 0 || i.height == 0 {
        return;
    }
    let half = usize::from(i.width) / 2;
    let s = &c.summary;
    let header: [Line; 4] = [
        // Each left half keeps a space at its end, so the halves never run together.
        Line::from(vec![
            Span::raw(fit(
                &format!("L: {}", heading(&c.left)),
                half.saturating_sub(1),
            ))
            .bold(),
            Span::raw(" "),
            Span::raw(fit(
                &format!("R: {}", heading(&c.right)),
                usize::from(i.width) - half,
            ))
            .bold(),
        ]),
        Line::from(vec![
            Span::raw(fit(
                &share("carried by R", s.left_carried, half.saturating_sub(1)),
                half.saturating_sub(1),
            )),
            Span::raw(" "),
            Span::raw(fit(
                &share("carried by L", s.right_carried, usize::from(i.width) - half),
                usize::from(i.width) - half,
            )),
        ]),
        verdict_and_counts(c, usize::from(i.width)),
        Line::from(legend(usize::from(i.width))).dim(),
    ];
    for (k, line) in header.into_iter().enumerate().take(usize::from(i.height)) {
        line.render(
            Rect {
                y: i.y + k as u16,
                height: 1,
                ..i
            },
            buf,
        );
    }

    let body = body_area(area);
    if body.height == 0 || body.width < 4 {
        return;
    }
    let height = usize::from(body.height);
    // Minimaps at both edges, marking where the view is.
    for (y, cell) in layout.map.iter().enumerate().take(height) {
        let (ch, mut style) = styles.map(*cell);
        let shown = map_rows(y, layout.rows.len(), height);
        if !shown.is_empty() && shown.end > pane.scroll && shown.start < pane.scroll + height {
            style = style.add_modifier(Modifier::REVERSED);
        }
        let row = body.y + y as u16;
        buf[(body.x, row)].set_char(ch).set_style(style);
        buf[(body.right() - 1, row)].set_char(ch).set_style(style);
    }
    let col = layout.column;
    let search = pane.search.as_ref();
    let text = |line: &StyledLine| -> String { line.iter().map(|(t, _)| t.as_str()).collect() };
    for (y, row) in layout
        .rows
        .iter()
        .skip(pane.scroll)
        .take(height)
        .enumerate()
    {
        let ry = body.y + y as u16;
        let n = pane.scroll + y;
        let x0 = body.x + 2;
        let current = row.group == Some(pane.cursor);
        if layout.unified {
            let tag = match (row.group, row.side) {
                (None, _) => ' ',
                (Some(_), Side::Left) => 'L',
                (Some(_), Side::Right) => 'R',
            };
            buf.set_string(x0 - 1, ry, format!("{tag}"), Style::new().dim());
            if current {
                buf.set_string(x0, ry, CURSOR_LEFT, Style::new().bold());
            }
            let gutter_x = x0 + 2 + col as u16;
            draw_line(&row.left, row.side, &styles, x0 + 1, ry, col, buf);
            if let Some(search) = search.filter(|s| !s.in_line(n).is_empty()) {
                search.paint(n, 0, &text(&row.left), x0 + 1, ry, col, buf);
            }
            if gutter_x < body.right() - 1 {
                buf.set_string(
                    gutter_x,
                    ry,
                    row.gutter.to_string(),
                    cursor_style(styles.gutter(row.gutter), current),
                );
            }
        } else {
            draw_line(&row.left, Side::Left, &styles, x0 - 1, ry, col, buf);
            if let Some(search) = search.filter(|s| !s.in_line(n).is_empty()) {
                search.paint(n, 0, &text(&row.left), x0 - 1, ry, col, buf);
            }
            let gx = x0 - 1 + col as u16 + 1;
            buf.set_string(
                gx,
                ry,
                row.gutter.to_string(),
                cursor_style(styles.gutter(row.gutter), current),
            );
            // The current passage is marked on both sides of its gutter, so it shows without
            // colour and in a screen capture.
            if current {
                buf.set_string(gx - 1, ry, CURSOR_LEFT, Style::new().bold());
                buf.set_string(gx + 1, ry, CURSOR_RIGHT, Style::new().bold());
            }
            draw_line(&row.right, Side::Right, &styles, gx + 2, ry, col, buf);
            if let Some(search) = search.filter(|s| !s.in_line(n).is_empty()) {
                search.paint(n, 1, &text(&row.right), gx + 2, ry, col, buf);
            }
            // A side with no passage in this group: a dimmed filler so the gap reads as a gap.
            match row.group.map(|g| c.groups[g].kind) {
                Some(Kind::OnlyRight) => buf.set_string(x0 - 1, ry, "···", Style::new().dim()),
                Some(Kind::OnlyLeft) => buf.set_string(gx + 2, ry, "···", Style::new().dim()),
                _ => {}
            }
        }
    }
}

/// The legend of the gutter's symbols: the longest that fits, so it is never cut mid-word.
fn legend(width: usize) -> &'static str {
    const LEGENDS: [&str; 4] = [
        "= copy ≈ edited ~ paraphrase + partial < only left > only right ! conflict · ▶◀ current · edges: map of the whole, view reversed",
        "= copy ≈ edited ~ paraphrase + partial < only left > only right ! conflict · ▶◀ current",
        "= copy ≈ edited ~ paraphrase + partial < left > right ! conflict ▶◀ current",
        "=≈~+<>! kinds (see ?) · ▶◀ current",
    ];
    LEGENDS
        .into_iter()
        .find(|l| l.chars().count() <= width)
        .unwrap_or(LEGENDS[3])
}

/// The marks beside the current passage's gutter.
const CURSOR_LEFT: &str = "▶";
const CURSOR_RIGHT: &str = "◀";

/// The current group's gutter stands out: reversed (and underlined where reversed already
/// means a conflict).
fn cursor_style(style: Style, current: bool) -> Style {
    if !current {
        return style;
    }
    if style.add_modifier.contains(Modifier::REVERSED) {
        style.add_modifier(Modifier::UNDERLINED)
    } else {
        style
            .add_modifier(Modifier::REVERSED | Modifier::BOLD)
            .remove_modifier(Modifier::DIM)
    }
}

fn draw_line(
    line: &StyledLine,
    side: Side,
    styles: &Styles,
    x: u16,
    y: u16,
    width: usize,
    buf: &mut Buffer,
) {
    let mut at = x;
    let mut used = 0;
    for (text, mark) in line {
        if used >= width {
            break;
        }
        let (end, _) = buf.set_stringn(at, y, text, width - used, styles.mark(*mark, side));
        used += usize::from(end - at);
        at = end;
    }
}

/// "carried by R: 72% ███████░░░".
/// "carried by R:  35% ████░░░░░░" in `width` columns: the bar is shortened, then dropped,
/// before the words or the figure are cut.
fn share(what: &str, value: f32, width: usize) -> String {
    let words = format!("{what}: {:>4}", percent(value));
    let bar = match width.saturating_sub(words.chars().count() + 1) {
        0..=3 => return words,
        room => room.min(10),
    };
    let filled = (value * bar as f32).round().clamp(0.0, bar as f32) as usize;
    format!("{words} {}{}", "█".repeat(filled), "░".repeat(bar - filled))
}

/// The conflict list: one line per conflict, what it is about and both versions, the selected
/// one marked (and reversed, so it shows without colour too); then the quotations only one
/// report carries.
pub fn conflict_lines(pane: &ComparePane, selected: usize) -> Vec<Line<'static>> {
    let mut lines = conflict_rows(pane, selected);
    let c = &pane.comparison;
    for (side, quotes, body) in [
        ("left", &c.quotes_only_left, &c.left.body),
        ("right", &c.quotes_only_right, &c.right.body),
    ] {
        if quotes.is_empty() {
            continue;
        }
        lines.push(Line::default());
        lines.push(Line::from(format!("Quotations only the {side} carries:")).underlined());
        lines.extend(quotes.iter().map(|q| quote_line(q, body)));
    }
    lines
}

/// "“We warned them.” (Milo Brandt)".
fn quote_line(q: &crate::compare::Quote, body: &str) -> Line<'static> {
    let (_, words, _) = folded_piece(&body[q.span[0]..q.span[1]]);
    let who = q
        .speaker
        .as_deref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    Line::from(format!("  \"{words}\"{who}"))
}

fn conflict_rows(pane: &ComparePane, selected: usize) -> Vec<Line<'static>> {
    pane.comparison
        .conflicts
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let text = format!(
                "{} {}. {}",
                if n == selected { "▶" } else { " " },
                n + 1,
                c.reason
            );
            if n == selected {
                Line::from(text).reversed()
            } else {
                Line::from(text)
            }
        })
        .collect()
}

/// The details of a group, for the details window: kind, score, both passages with changed
/// words marked «like this», and the conflicts.
pub fn details_lines(pane: &ComparePane, group: usize) -> Vec<Line<'static>> {
    let c = &pane.comparison;
    let g = &c.groups[group];
    let (name, symbol) = label(g);
    let mut lines = vec![
        Line::from(format!(
            "{symbol} {name} · similarity {:.2}{}",
            g.score,
            if g.moved { " · moved" } else { "" }
        ))
        .bold(),
    ];
    for (side, body, is_left) in [
        ("Left", &c.left.body, true),
        ("Right", &c.right.body, false),
    ] {
        let pieces = fragments(body, g, is_left);
        if pieces.is_empty() {
            continue;
        }
        lines.push(Line::default());
        lines.push(Line::from(format!("{side}:")).underlined());
        let spans: Vec<Span> = pieces
            .into_iter()
            .map(|(t, m)| {
                let (lead, inner, trail) = folded_piece(t);
                match m {
                    Mark::Changed => {
                        Span::styled(format!("{lead}«{inner}»{trail}"), Style::new().bold())
                    }
                    Mark::Added if !inner.is_empty() => Span::styled(
                        format!("{lead}{{+{inner}+}}{trail}"),
                        Style::new().bold().italic(),
                    ),
                    _ if inner.is_empty() => Span::raw(lead),
                    _ => Span::raw(format!("{lead}{inner}{trail}")),
                }
            })
            .collect();
        lines.push(Line::from(spans));
    }
    let conflicts: Vec<_> = c.conflicts.iter().filter(|x| x.group == group).collect();
    if !conflicts.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from("Conflicts:").underlined());
        for x in conflicts {
            lines.push(Line::from(format!("! {}", x.reason)).bold());
        }
    }
    // Quotations of this passage the other report does not carry.
    let inside = |spans: &[crate::compare::Span], q: &crate::compare::Quote| {
        spans.iter().any(|s| s[0] <= q.span[0] && q.span[1] <= s[1])
    };
    for (side, quotes, spans, body) in [
        ("left", &c.quotes_only_left, &g.left, &c.left.body),
        ("right", &c.quotes_only_right, &g.right, &c.right.body),
    ] {
        let here: Vec<_> = quotes.iter().filter(|q| inside(spans, q)).collect();
        if here.is_empty() {
            continue;
        }
        lines.push(Line::default());
        lines.push(Line::from(format!("Quoted only by the {side}:")).underlined());
        lines.extend(here.into_iter().map(|q| quote_line(q, body)));
    }
    lines.push(Line::default());
    lines.push(
        Line::from(format!(
            "«» marks words the other side does not have ({} operations in the word diff)",
            g.ops.len()
        ))
        .dim(),
    );
    lines
}
