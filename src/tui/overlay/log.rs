use ratatui::style::Stylize;
use ratatui::text::Line;

use crate::library::{IssueKind, LoadIssue};

/// The load log: every skipped, repaired or cleaned file with its reason. Only the lines in
/// `range` are built, so a log of thousands of entries costs nothing to draw.
pub fn log_lines(issues: &[LoadIssue], skip: usize, take: usize) -> Vec<Line<'static>> {
    if issues.is_empty() {
        return vec![Line::from("Every file loaded cleanly.").italic()];
    }
    issues
        .iter()
        .skip(skip)
        .take(take)
        .map(|issue| {
            let line = Line::from(issue.to_string());
            match issue.kind {
                IssueKind::Skipped => line.red(),
                IssueKind::Repaired => line.yellow(),
                IssueKind::Cleaned => line.dim(),
            }
        })
        .collect()
}
