//! Finding things in a comparison: conflicts one by one, the current passage, quotations only one report carries, search.

use super::*;

#[test]
fn conflict_keys_step_through_conflicts_and_the_list_goes_to_one() {
    let mut app = wire_vs_review(160, 40);
    let pane = app.compare().unwrap();
    let conflict_groups: Vec<usize> = pane.comparison.conflicts.iter().map(|c| c.group).collect();
    assert!(conflict_groups.len() >= 3, "{conflict_groups:?}");
    let mut distinct = conflict_groups.clone();
    distinct.dedup();

    // c moves to each passage with a conflict in turn, C back.
    press(&mut app, &["g"]);
    let mut seen = Vec::new();
    for _ in 0..distinct.len() {
        press(&mut app, &["c"]);
        seen.push(app.compare().unwrap().cursor);
    }
    let mut expected: Vec<usize> = distinct.iter().copied().filter(|&g| g > 0).collect();
    expected.sort();
    expected.dedup();
    assert_eq!(seen[..expected.len()], expected[..]);
    press(&mut app, &["c"]);
    assert_eq!(app.status(), Some("no further conflict"));
    press(&mut app, &["C"]);
    assert_eq!(app.compare().unwrap().cursor, expected[expected.len() - 2]);

    // ! lists them all with both versions; Enter on the second goes to its passage.
    press(&mut app, &["!"]);
    assert_eq!(
        app.overlay(),
        Some(Overlay::Conflicts {
            selected: 0,
            scroll: 0
        })
    );
    let first = &app.compare().unwrap().comparison.conflicts[0];
    assert!(screen(&app).contains(&format!("▶ 1. {}", first.reason)));
    press(&mut app, &["j", "Enter"]);
    assert_eq!(app.overlay(), None);
    assert_eq!(app.compare().unwrap().cursor, conflict_groups[1]);
}

#[test]
fn the_current_passage_is_marked_in_plain_text() {
    let mut app = wire_vs_review(140, 40);
    press(&mut app, &["n"]);
    let pane = app.compare().unwrap();
    let first_row = pane.layout().group_rows[pane.cursor] - pane.scroll;
    // Body rows start below the border and the four header rows.
    let text = screen(&app);
    let row = text.lines().nth(first_row + 5).unwrap_or("");
    assert!(row.contains("▶") && row.contains("◀"), "{row}");
    // Below the border and the header (whose legend explains the marks).
    let marked = text.lines().skip(5).filter(|l| l.contains('▶')).count();
    let group_rows =
        pane.layout().group_rows[pane.cursor + 1] - 1 - pane.layout().group_rows[pane.cursor];
    assert_eq!(
        marked, group_rows,
        "every row of the current passage, and only those"
    );
    // The help explains the marks and the map at the edges.
    press(&mut app, &["?", "G"]);
    assert!(
        screen(&app).contains("▶◀ beside the gutter mark the current"),
        "{}",
        screen(&app)
    );
}

#[test]
fn quotations_only_one_report_carries_are_listed_and_in_their_passage_details() {
    let mut app = wire_vs_review(160, 40);
    press(&mut app, &["!"]);
    let text = screen(&app);
    assert!(
        text.contains("Quotations only the left carries:")
            && text.contains("\"the biggest investment in this city's streets in a generation.\""),
        "{text}"
    );
    press(&mut app, &["Esc"]);
    // The passage holding it shows it in its details.
    let pane = app.compare().unwrap();
    let quote = pane.comparison.quotes_only_left[0].span;
    let group = pane
        .comparison
        .groups
        .iter()
        .position(|g| g.left.iter().any(|s| s[0] <= quote[0] && quote[1] <= s[1]))
        .unwrap();
    // Walk to it: `]` stops at every shared passage, `n` at every divergence.
    let key = if pane.is_shared(group) { "]" } else { "n" };
    press(&mut app, &["g"]);
    for _ in 0..app.compare().unwrap().comparison.groups.len() {
        if app.compare().unwrap().cursor == group {
            break;
        }
        press(&mut app, &[key]);
    }
    assert_eq!(app.compare().unwrap().cursor, group);
    press(&mut app, &["Enter"]);
    assert!(
        screen(&app).contains("Quoted only by the left:"),
        "{}",
        screen(&app)
    );
}

#[test]
fn while_searching_a_comparison_n_goes_from_match_to_match_and_esc_ends_it() {
    let mut app = wire_vs_review(160, 40);
    press(&mut app, &["/", "c", "r", "o", "w", "n", "s", "Enter"]);
    let status = app.status().unwrap().to_string();
    let total: usize = status.rsplit(" of ").next().unwrap().parse().unwrap();
    assert!(
        status.starts_with("\"crowns\": 1 of ") && total >= 2,
        "{status}"
    );
    // Both reports' text is searched: the wire's 410 and the review's 400 million crowns.
    let search = app.compare().unwrap().search.clone().unwrap();
    assert!(search.matches().iter().any(|m| m.column == 0));
    assert!(search.matches().iter().any(|m| m.column == 1));
    press(&mut app, &["n"]);
    assert_eq!(
        app.status(),
        Some(format!("\"crowns\": 2 of {total}").as_str())
    );
    // The cursor follows the match to its passage.
    let pane = app.compare().unwrap();
    let row = pane.search.as_ref().unwrap().current().unwrap().line;
    assert_eq!(pane.layout().rows[row].group, Some(pane.cursor));
    // The matches are drawn reversed.
    let t = draw(&app);
    let reversed = t
        .backend()
        .buffer()
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED) && "crowns".contains(c.symbol()))
        .count();
    assert!(reversed >= "crowns".len(), "{reversed}");
    // Esc ends the search; n is the next divergence again, and Esc then closes the pane.
    press(&mut app, &["Esc"]);
    assert_eq!(app.status(), Some("search ended"));
    assert!(app.compare().is_some());
    let before = app.compare().unwrap().cursor;
    press(&mut app, &["n"]);
    let pane = app.compare().unwrap();
    assert!(pane.search.is_none());
    assert!(pane.cursor > before && pane.is_divergence(pane.cursor));
    press(&mut app, &["Esc"]);
    assert!(app.compare().is_none());
}
