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

/// The rows that minimap cell `y` of `height` stands for, out of `total`. When every row fits,
/// cell `y` is row `y`, so a mark always stands beside the passage it describes; otherwise each
/// cell summarises an equal share of the rows.
pub fn map_rows(y: usize, total: usize, height: usize) -> std::ops::Range<usize> {
    if total <= height {
        return y.min(total)..(y + 1).min(total);
    }
    let from = y * total / height;
    from..((y + 1) * total / height).max(from + 1).min(total)
}

/// Summarises rows into `height` cells, the most telling kind among a cell's own rows winning.
fn minimap(c: &Comparison, rows: &[Row], conflicted: &[bool], height: usize) -> Vec<MapCell> {
    let cell = |row: &Row| match row.group {
        None => MapCell::Empty,
        Some(g) if conflicted[g] => MapCell::Conflict,
        Some(g) => match c.groups[g].kind {
            Kind::OnlyLeft | Kind::OnlyRight => MapCell::Unique,
            Kind::Copy => MapCell::Shared,
            _ if row
                .left
                .iter()
                .chain(&row.right)
                .any(|(_, m)| matches!(m, Mark::Changed | Mark::Added)) =>
            {
                MapCell::Changed
            }
            _ => MapCell::Shared,
        },
    };
    (0..height)
        .map(|y| {
            rows[map_rows(y, rows.len(), height)]
                .iter()
                .map(cell)
                .max()
                .unwrap_or(MapCell::Empty)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{Options, Side as Article, compare_sides};

    fn comparison(left: &str, right: &str) -> Comparison {
        let side = |name: &str, body: &str| Article {
            path: name.into(),
            title: name.into(),
            source: String::new(),
            body: body.into(),
        };
        compare_sides(side("a", left), side("b", right), &Options::default())
    }

    const SHARED: &str = "The Harrowgate ferry left the quay at nine with forty passengers aboard.";
    const ONLY: &str =
        "Tickets for the winter timetable go on sale at the harbour office next week.";

    #[test]
    fn when_every_row_fits_each_mark_stands_beside_its_own_row() {
        let c = comparison(&format!("{SHARED}\n\n{ONLY}"), SHARED);
        let layout = CompareLayout::new(&c, 120, 40, false);
        assert!(layout.rows.len() < 40);
        for (y, row) in layout.rows.iter().enumerate() {
            let expected = match row.group.map(|g| c.groups[g].kind) {
                None => MapCell::Empty,
                Some(Kind::OnlyLeft | Kind::OnlyRight) => MapCell::Unique,
                Some(_) => MapCell::Shared,
            };
            assert_eq!(layout.map[y], expected, "row {y}: {row:?}");
        }
        assert!(
            layout.map[layout.rows.len()..]
                .iter()
                .all(|m| *m == MapCell::Empty)
        );
    }

    #[test]
    fn a_cell_takes_its_mark_only_from_the_rows_it_stands_for() {
        let body = (0..30)
            .map(|n| format!("{SHARED} Item {n}."))
            .collect::<Vec<_>>()
            .join("\n\n");
        let c = comparison(&format!("{body}\n\n{ONLY}"), &body);
        let layout = CompareLayout::new(&c, 120, 10, false);
        assert!(layout.rows.len() > 10);
        let last = layout.map.len() - 1;
        assert_eq!(layout.map[last], MapCell::Unique);
        assert!(layout.map[..last / 2].iter().all(|m| *m == MapCell::Shared));
    }

    #[test]
    fn map_rows_cover_every_row_once_in_order() {
        for (total, height) in [(0, 5), (3, 5), (5, 5), (17, 5), (100, 7)] {
            let ranges: Vec<_> = (0..height).map(|y| map_rows(y, total, height)).collect();
            let covered: Vec<usize> = ranges.iter().cloned().flatten().collect();
            let mut unique = covered.clone();
            unique.dedup();
            assert_eq!(
                unique,
                (0..total).collect::<Vec<_>>(),
                "{total} in {height}"
            );
        }
    }
}
