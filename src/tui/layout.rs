//! Where each pane goes for a terminal size. `update` and `view` both use it, so scrolling and
//! drawing always agree on how many rows a pane has.

use ratatui::layout::Rect;

use super::Focus;

/// Below this width only the focused pane is shown.
pub const TWO_PANE_MIN_WIDTH: u16 = 90;

/// The screen split into panes; a pane that does not fit is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The comparison pane, when one is open: everything above the status bar.
    pub compare: Rect,
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub status: Option<Rect>,
}

/// Splits the terminal area: list and reader side by side above a one-line status bar.
pub fn panes(area: Rect, focus: Focus) -> Panes {
    let status = (area.height >= 1).then(|| Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    });
    let body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    if body.height == 0 || body.width == 0 {
        return Panes {
            compare: body,
            list: None,
            reader: None,
            status,
        };
    }
    if body.width >= TWO_PANE_MIN_WIDTH {
        let list_width = (body.width * 2 / 5).clamp(36, 80);
        let list = Rect {
            width: list_width,
            ..body
        };
        let reader = Rect {
            x: body.x + list_width,
            width: body.width - list_width,
            ..body
        };
        Panes {
            compare: body,
            list: Some(list),
            reader: Some(reader),
            status,
        }
    } else {
        match focus {
            Focus::List => Panes {
                compare: body,
                list: Some(body),
                reader: None,
                status,
            },
            Focus::Reader => Panes {
                compare: body,
                list: None,
                reader: Some(body),
                status,
            },
        }
    }
}

/// The inside of a bordered pane.
pub fn inner(rect: Rect) -> Rect {
    Rect {
        x: rect.x.saturating_add(1),
        y: rect.y.saturating_add(1),
        width: rect.width.saturating_sub(2),
        height: rect.height.saturating_sub(2),
    }
}

/// The text area of the reading pane: inside the border, with a one-column margin each side.
pub fn reader_text(rect: Rect) -> Rect {
    let i = inner(rect);
    if i.width > 20 {
        Rect {
            x: i.x + 1,
            width: i.width - 2,
            ..i
        }
    } else {
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_show_both_panes_and_narrow_ones_the_focused_pane() {
        let p = panes(Rect::new(0, 0, 200, 60), Focus::List);
        assert!(p.list.is_some() && p.reader.is_some());
        let p = panes(Rect::new(0, 0, 60, 20), Focus::Reader);
        assert!(p.list.is_none() && p.reader.is_some());
    }

    #[test]
    fn tiny_screens_do_not_underflow() {
        for (w, h) in [(0, 0), (1, 1), (2, 1), (1, 2), (3, 3)] {
            let p = panes(Rect::new(0, 0, w, h), Focus::List);
            if let Some(r) = p.list {
                let _ = inner(r);
            }
        }
    }
}
