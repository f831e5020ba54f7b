//! The comparison laid out as screen rows: computed once per comparison, width and mode.

use crate::compare::report::{Mark, StyledLine, fragments, label, wrap_fragments};
use crate::compare::{Comparison, Kind};

/// In a terminal narrower than this the pane shows one interleaved column (the README says
/// so: keep them in step).
pub const UNIFIED_BELOW: u16 = 100;

/// Columns the pane's border takes from the terminal's width around the body.
pub const BORDER_COLUMNS: u16 = 2;

/// Which article a unified row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// One screen row of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The group it belongs to; `None` for the blank row between groups.
    pub group: Option<usize>,
    /// Two columns: both sides; unified: `left` only, with `side` saying whose text it is.
    pub left: StyledLine,
    pub right: StyledLine,
    pub side: Side,
    /// The gutter symbol: the group's kind, or `!` for a conflict.
    pub gutter: char,
}

/// What a stretch of the article is, for the minimap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MapCell {
    Empty,
    Shared,
    Changed,
    Unique,
    Conflict,
}

/// All rows, where each group starts, and the minimap for a height.
#[derive(Debug, Clone, Default)]
pub struct CompareLayout {
    pub rows: Vec<Row>,
    /// First row of each group.
    pub group_rows: Vec<usize>,
    /// Width of a text column.
    pub column: usize,
    pub unified: bool,
    /// One cell per screen row of the body, summarising the rows it stands for.
    pub map: Vec<MapCell>,
}

impl CompareLayout {
    /// Lays out a comparison for a body `width` columns wide and `height` rows high.
    pub fn new(c: &Comparison, width: u16, height: u16, unified: bool) -> CompareLayout {
        let width = usize::from(width);
        // Two minimap columns; in two-column mode a three-cell gutter between the columns.
        // One column: minimaps, a side tag and a gutter, each with a space. Two: minimaps and a
        // three-cell gutter between the columns.
        let column = if unified {
            width.saturating_sub(6).max(1)
        } else {
            (width.saturating_sub(5) / 2).max(1)
        };
        let conflicted: Vec<bool> = (0..c.groups.len())
            .map(|g| c.conflicts.iter().any(|x| x.group == g))
            .collect();
        let mut rows = Vec::new();
        let mut group_rows = Vec::with_capacity(c.groups.len());
        for (g, group) in c.groups.iter().enumerate() {
            if g > 0 {
                rows.push(Row {
                    group: None,
                    left: Vec::new(),
                    right: Vec::new(),
                    side: Side::Left,
                    gutter: ' ',
                });
            }
            group_rows.push(rows.len());
            let gutter = if conflicted[g] { '!' } else { label(group).1 };
            let left = wrap_fragments(&fragments(&c.left.body, group, true), column);
            let right = wrap_fragments(&fragments(&c.right.body, group, false), column);
            if unified {
                for (side, lines) in [(Side::Left, left), (Side::Right, right)] {
                    for line in lines {
                        rows.push(Row {
                            group: Some(g),
                            left: line,
                            right: Vec::new(),
                            side,
                            gutter,
                        });
                    }
                }
            } else {
                let n = left.len().max(right.len());
                let (mut l, mut r) = (left.into_iter(), right.into_iter());
                for _ in 0..n {
                    rows.push(Row {
                        group: Some(g),
                        left: l.next().unwrap_or_default(),
                        right: r.next().unwrap_or_default(),
                        side: Side::Left,
                        gutter,
                    });
                }
            }
        }
        let map = minimap(c, &rows, &conflicted, usize::from(height));
        CompareLayout {
            rows,
            group_rows,
            column,
            unified,
            map,
        }
    }
}

/// Summarises rows into `height` cells, the most telling kind winning each cell.
fn minimap(c: &Comparison, rows: &[Row], conflicted: &[bool], height: usize) -> Vec<MapCell> {
    if height == 0 || rows.is_empty() {
        return vec![MapCell::Empty; height];
    }
    (0..height)
        .map(|y| {
            let from = y * rows.len() / height;
            let to = ((y + 1) * rows.len() / height)
                .max(from + 1)
                .min(rows.len());
            rows[from..to]
                .iter()
                .filter_map(|r| r.group)
                .map(|g| {
                    if conflicted[g] {
                        MapCell::Conflict
                    } else {
                        match c.groups[g].kind {
                            Kind::OnlyLeft | Kind::OnlyRight => MapCell::Unique,
                            Kind::Copy => MapCell::Shared,
                            _ if rows[from..to].iter().any(|r| {
                                r.left
                                    .iter()
                                    .chain(&r.right)
                                    .any(|(_, m)| *m == Mark::Changed)
                            }) =>
                            {
                                MapCell::Changed
                            }
                            _ => MapCell::Shared,
                        }
                    }
                })
                .max()
                .unwrap_or(MapCell::Empty)
        })
        .collect()
}
