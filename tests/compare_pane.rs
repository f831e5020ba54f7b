//! The comparison pane: opening it from the list, navigating, and what it draws.

mod common;

use common::{app_starting, app_with, press, sample_app, screen, selected_title};
use parallax::compare::Tier;
use parallax::config::Config;
use parallax::library::load_samples;
use parallax::tui::{Action, App, Effect, Overlay, Startup, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use std::path::Path;

/// Selects the article whose title starts with `title`.
fn select(app: &mut App, title: &str) {
    press(app, &["Home"]);
    for _ in 0..app.articles().len() {
        if selected_title(app).starts_with(title) {
            return;
        }
        press(app, &["j"]);
    }
    panic!("no article {title}");
}

/// Wire (marked, left) against the paraphrase (selected, right).
fn wire_vs_review(width: u16, height: u16) -> App {
    wire_vs_review_in(sample_app(width, height))
}

/// The same comparison opened in an app started otherwise.
fn wire_vs_review_in(mut app: App) -> App {
    select(&mut app, "Tessaly council approves 12-kilometre");
    press(&mut app, &["m"]);
    select(&mut app, "After years of wrangling");
    press(&mut app, &["c"]);
    app
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.area().width, app.area().height)).unwrap();
    t.draw(|f| view::draw(app, f)).unwrap();
    t
}

#[test]
fn mark_then_compare_opens_the_pair_with_the_marked_article_on_the_left() {
    let app = wire_vs_review(160, 40);
    let pane = app.compare().expect("the comparison is open");
    assert_eq!(
        pane.comparison.left.title,
        "Tessaly council approves 12-kilometre tram extension"
    );
    assert!(
        pane.comparison
            .right
            .title
            .starts_with("After years of wrangling")
    );
    let shown = screen(&app);
    assert!(
        shown.contains("L: Tessaly council approves 12-kilometre tram extension (Meridian Wire)"),
        "{shown}"
    );
    assert!(shown.contains("R: After years of wrangling"), "{shown}");
    assert!(
        shown.contains("! number: \"410 million crowns\" vs \"400 million crowns\"")
            || shown.contains('!')
    );
}

#[test]
fn the_mark_is_visible_and_toggles() {
    let mut app = sample_app(160, 30);
    press(&mut app, &["m"]);
    assert!(screen(&app).contains("◆ "), "{}", screen(&app));
    press(&mut app, &["Space"]);
    assert_eq!(app.marked(), None);
    assert!(!screen(&app).contains("◆ "));
}

#[test]
fn compare_without_a_mark_picks_the_most_similar_article_and_says_so() {
    let mut app = sample_app(160, 40);
    select(&mut app, "Crane collapses at Port of Valmora");
    press(&mut app, &["c"]);
    let pane = app.compare().unwrap();
    assert!(
        pane.comparison.right.path.contains("valmora-crane"),
        "{}",
        pane.comparison.right.path
    );
    assert!(
        app.status()
            .unwrap_or("")
            .starts_with("refining… · compared with the most similar article: ")
    );
}

#[test]
fn navigation_moves_the_cursor_between_divergences_and_shared_passages() {
    let mut app = wire_vs_review(160, 20);
    let height = app.compare_height();
    let pane = app.compare().unwrap();
    let divergences: Vec<usize> = (0..pane.comparison.groups.len())
        .filter(|&g| pane.is_divergence(g))
        .collect();
    let shared: Vec<usize> = (0..pane.comparison.groups.len())
        .filter(|&g| pane.is_shared(g))
        .collect();
    assert!(divergences.len() >= 3 && shared.len() >= 3);
    assert_eq!(pane.cursor, 0);
    let first = divergences.iter().copied().find(|&g| g > 0).unwrap();
    press(&mut app, &["n"]);
    assert_eq!(app.compare().unwrap().cursor, first);
    press(&mut app, &["n"]);
    let second = divergences.iter().copied().find(|&g| g > first).unwrap();
    let pane = app.compare().unwrap();
    assert_eq!(pane.cursor, second);
    // The cursor's group is on screen.
    let start = pane.layout().group_rows[second];
    assert!(start >= pane.scroll && start < pane.scroll + height);
    press(&mut app, &["N"]);
    assert_eq!(app.compare().unwrap().cursor, first);
    press(&mut app, &["]"]);
    let next_shared = shared.iter().copied().find(|&g| g > first).unwrap();
    assert_eq!(app.compare().unwrap().cursor, next_shared);
    press(&mut app, &["g"]);
    assert_eq!(app.compare().unwrap().scroll, 0);
    press(&mut app, &["["]);
    assert!(app.status().unwrap().contains("no earlier shared passage"));
    press(&mut app, &["G", "j"]);
    let pane = app.compare().unwrap();
    assert_eq!(
        pane.scroll,
        pane.layout().rows.len() - height,
        "stops at the end"
    );
    let cursor_start = pane.layout().group_rows[pane.cursor];
    assert!(
        cursor_start + 1 >= pane.scroll,
        "scrolling keeps the cursor in view"
    );
}

#[test]
fn swap_mirrors_the_comparison_and_esc_returns_with_selection_and_mark_kept() {
    let mut app = wire_vs_review(160, 40);
    let before = selected_title(&app).to_string();
    press(&mut app, &["s"]);
    let pane = app.compare().unwrap();
    assert!(
        pane.comparison
            .left
            .title
            .starts_with("After years of wrangling")
    );
    assert!(screen(&app).contains("L: After years of wrangling"));
    press(&mut app, &["Esc"]);
    assert!(app.compare().is_none());
    assert_eq!(selected_title(&app), before);
    assert!(app.marked().is_some());
}

#[test]
fn details_show_the_word_diff_and_conflicts_of_the_passage_at_the_top() {
    let mut app = wire_vs_review(160, 40);
    // Move to a passage with a conflict, then open its details.
    for _ in 0..20 {
        let pane = app.compare().unwrap();
        let g = pane.current_group().unwrap();
        if pane.comparison.conflicts.iter().any(|c| c.group == g) {
            break;
        }
        press(&mut app, &["n"]);
    }
    press(&mut app, &["Enter"]);
    assert!(matches!(app.overlay(), Some(Overlay::Details { .. })));
    let shown = screen(&app);
    assert!(
        shown.contains("Passage details") && shown.contains("Conflicts:") && shown.contains('«'),
        "{shown}"
    );
    press(&mut app, &["Esc"]);
    assert!(app.overlay().is_none() && app.compare().is_some());
}

#[test]
fn export_proposes_a_file_accepts_another_path_and_reports_where() {
    let mut app = wire_vs_review(160, 40);
    // 2026-12-01 17:30 UTC, as the loop would give it.
    let now = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_796_146_200);
    app.update(Action::Now(now));
    assert!(press(&mut app, &["e"]).is_empty(), "e opens a prompt first");
    let proposed = app.export_prompt().unwrap().to_string();
    assert!(
        proposed.ends_with("compare-tessaly-tram-wire-vs-tessaly-tram-review-2026-12-01T1730.md"),
        "{proposed}"
    );
    assert!(screen(&app).contains("export to: "));
    // Enter writes where proposed.
    let effects = press(&mut app, &["Enter"]);
    let Some(Effect::Export { path, markdown }) = effects.first() else {
        panic!("{effects:?}")
    };
    assert_eq!(path.display().to_string(), proposed);
    assert!(markdown.starts_with("# Comparison") && markdown.contains("## Conflicts"));
    app.update(Action::Exported(Ok(path.clone())));
    assert!(screen(&app).contains(&format!("exported to {}", path.display())));
    // A path typed instead.
    press(&mut app, &["e", "Ctrl-u", "o", "u", "t", ".", "m", "d"]);
    let effects = press(&mut app, &["Enter"]);
    assert!(
        matches!(effects.first(), Some(Effect::Export { path, .. }) if path.as_os_str() == "out.md")
    );
    // Esc cancels; keys typed into the prompt do not act on the pane.
    press(&mut app, &["e", "s", "Esc"]);
    assert!(app.export_prompt().is_none());
    assert!(
        app.compare()
            .as_ref()
            .unwrap()
            .comparison
            .left
            .title
            .starts_with("Tessaly council"),
        "s was typed, not a swap"
    );
}

#[test]
fn narrow_windows_and_x_use_one_column() {
    let mut app = wire_vs_review(90, 30);
    assert!(app.compare().unwrap().layout().unified);
    assert!(screen(&app).contains("one column"));
    app.update(Action::Resize {
        width: 160,
        height: 30,
    });
    assert!(!app.compare().unwrap().layout().unified);
    press(&mut app, &["x"]);
    assert!(app.compare().unwrap().layout().unified);
    assert_eq!(app.status(), Some("one column"));
    // At exactly the width the README names, two columns fit.
    press(&mut app, &["x"]);
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    assert!(!app.compare().unwrap().layout().unified);
    app.update(Action::Resize {
        width: 99,
        height: 30,
    });
    assert!(app.compare().unwrap().layout().unified);
    press(&mut app, &["x"]);
    assert_eq!(
        app.status(),
        Some("one column: two need a window of 100 columns or more")
    );
    for (w, h) in [(1, 1), (5, 3), (20, 6), (99, 10), (100, 10), (250, 80)] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        let _ = screen(&app);
        press(&mut app, &["n", "G", "j", "x", "s"]);
    }
}

#[test]
fn compare_keys_are_remappable_and_listed_in_help() {
    let config = Config::parse(
        "[keys.compare]\nnext_divergence = [\"d\"]\n",
        Path::new("c.toml"),
    )
    .unwrap();
    let mut app = app_with(load_samples(), config, 160, 60);
    press(&mut app, &["c", "?"]);
    let shown = screen(&app);
    assert!(shown.contains("Comparison  [keys.compare]"), "{shown}");
    let line = shown
        .lines()
        .find(|l| l.contains("next divergence"))
        .unwrap();
    assert!(line.contains("║  d  "), "{line}");
}

#[test]
fn wide_pane_snapshot() {
    let app = wire_vs_review(140, 34);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn narrow_unified_pane_snapshot() {
    let app = wire_vs_review(80, 30);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn changed_words_are_coloured_and_without_colour_still_stand_out() {
    let find_changed = |app: &App| {
        let t = draw(app);
        let buf = t.backend().buffer().clone();
        let area = buf.area;
        (0..area.height)
            .flat_map(|y| (0..area.width).map(move |x| (x, y)))
            .map(|(x, y)| buf[(x, y)].clone())
            .filter(|c| c.symbol() != " ")
            .collect::<Vec<_>>()
    };
    let started =
        |startup: Startup| wire_vs_review_in(app_starting(load_samples(), startup, 140, 34));
    let keymap = || Config::builtin().keymap;
    let app = started(Startup::new(keymap()));
    let cells = find_changed(&app);
    assert!(
        cells
            .iter()
            .any(|c| c.fg == Color::LightRed && c.modifier.contains(Modifier::BOLD)),
        "left changes in red"
    );
    assert!(
        cells.iter().any(|c| c.fg == Color::LightGreen),
        "right changes in green"
    );
    assert!(
        cells
            .iter()
            .any(|c| c.symbol() == "!" && c.fg == Color::Red),
        "conflict gutter"
    );

    // A theme changes the colours.
    let theme = parallax::config::Theme {
        changed_left: parallax::config::ThemeColor::Rgb(1, 2, 3),
        ..Default::default()
    };
    let themed = started(Startup {
        theme,
        ..Startup::new(keymap())
    });
    assert!(
        find_changed(&themed)
            .iter()
            .any(|c| c.fg == Color::Rgb(1, 2, 3))
    );

    let app = started(Startup {
        colour: false,
        ..Startup::new(keymap())
    });
    let cells = find_changed(&app);
    assert!(
        cells.iter().all(|c| c.fg == Color::Reset),
        "NO_COLOR: no colours at all"
    );
    assert!(
        cells
            .iter()
            .any(|c| c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED)),
        "changes bold and underlined"
    );
    assert!(
        cells
            .iter()
            .any(|c| c.symbol() == "!" && c.modifier.contains(Modifier::REVERSED)),
        "conflicts reversed"
    );
}

/// The pane as text with every cell that is bold and underlined (how changed words stand out
/// without colour) wrapped in ⟦ ⟧, and every bold italic one (words only that side has) in ⟪ ⟫,
/// so a text snapshot shows the NO_COLOR rendering.
fn emphasis_text(app: &App) -> String {
    let t = draw(app);
    let buf = t.backend().buffer();
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut inside: Option<char> = None;
        for x in 0..area.width {
            let cell = &buf[(x, y)];
            let marked = if cell
                .modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED)
            {
                Some('⟧')
            } else if cell.modifier.contains(Modifier::BOLD | Modifier::ITALIC) {
                Some('⟫')
            } else {
                None
            };
            if marked != inside {
                out.extend(inside);
                if let Some(close) = marked {
                    out.push(if close == '⟧' { '⟦' } else { '⟪' });
                }
                inside = marked;
            }
            assert_eq!(cell.fg, Color::Reset, "NO_COLOR draws no colour");
            out.push_str(cell.symbol());
        }
        out.extend(inside);
        out = out.trim_end().to_string();
        out.push('\n');
    }
    out
}

#[test]
fn no_color_pane_snapshot() {
    let startup = Startup {
        colour: false,
        ..Startup::new(Config::builtin().keymap)
    };
    let app = wire_vs_review_in(app_starting(load_samples(), startup, 120, 30));
    insta::assert_snapshot!(emphasis_text(&app));
}

/// Long articles are compared off the loop: `c` asks for it, the status says so, the keys keep
/// working, and the pane opens when the result arrives.
#[test]
fn long_articles_are_compared_in_the_background() {
    let paragraph =
        "The harbour board met on Monday to discuss the ferry timetable and the cost of repairs. ";
    let long = |title: &str, n: usize| {
        parallax::article::Article::new(
            format!("{title}.md").into(),
            title.into(),
            (0..n)
                .map(|k| format!("{paragraph}Item {k} was noted."))
                .collect::<Vec<_>>()
                .join("\n\n"),
        )
    };
    let loaded = parallax::library::Loaded {
        articles: vec![long("Left", 1600), long("Right", 1500)],
        issues: Vec::new(),
    };
    let mut app = app_with(loaded, Config::builtin(), 120, 30);
    let effects = press(&mut app, &["m", "j", "c"]);
    let Some(Effect::Compare {
        left,
        right,
        tier: Tier::Fast,
        at_once: false,
    }) = effects.last().cloned()
    else {
        panic!("expected a background comparison, got {effects:?}");
    };
    assert!(app.compare().is_none());
    assert!(screen(&app).contains("comparing two long articles"));
    // Still responsive: another c only says to wait.
    assert!(press(&mut app, &["c"]).is_empty());
    assert!(screen(&app).contains("still comparing"));

    let comparison = parallax::compare::compare(
        &app.articles()[left],
        &app.articles()[right],
        &Default::default(),
    );
    let refine = app.update(Action::Compared {
        pair: (left, right),
        tier: Tier::Fast,
        comparison: Box::new(comparison),
    });
    assert!(app.compare().is_some());
    assert_eq!(
        refine,
        Some(Effect::Compare {
            left,
            right,
            tier: Tier::Deep,
            at_once: false,
        })
    );
}

#[test]
fn the_deep_tier_refines_the_open_pane_in_place_and_says_so() {
    let mut app = sample_app(160, 40);
    select(&mut app, "Tessaly council approves 12-kilometre");
    press(&mut app, &["m"]);
    select(&mut app, "After years of wrangling, Tessaly finally");
    let effects = press(&mut app, &["c"]);
    let Some(Effect::Compare {
        left,
        right,
        tier: Tier::Deep,
        ..
    }) = effects.last().cloned()
    else {
        panic!("expected the deep tier to be asked for, got {effects:?}");
    };
    assert!(screen(&app).contains("refining…"));
    press(&mut app, &["n"]);
    let cursor = app.compare().unwrap().cursor;
    let options = parallax::compare::Options {
        tier: Tier::Deep,
        ..Default::default()
    };
    let deep = parallax::compare::compare(&app.articles()[left], &app.articles()[right], &options);
    assert_eq!(deep.summary.meaning.tier, Tier::Deep);
    app.update(Action::Compared {
        pair: (left, right),
        tier: Tier::Deep,
        comparison: Box::new(deep.clone()),
    });
    let pane = app.compare().unwrap();
    assert_eq!(pane.comparison, deep);
    assert_eq!(pane.cursor, cursor, "the cursor stays on its passage");
    assert!(screen(&app).contains("refined with the deep model"));

    // A refinement that arrives after the pane was left changes nothing.
    press(&mut app, &["Esc"]);
    app.update(Action::Compared {
        pair: (left, right),
        tier: Tier::Deep,
        comparison: Box::new(deep),
    });
    assert!(app.compare().is_none());
}

#[test]
fn reports_of_other_events_say_they_share_little_and_reports_of_one_event_say_so() {
    let mut app = sample_app(160, 40);
    select(&mut app, "Tessaly council approves 12-kilometre");
    press(&mut app, &["m"]);
    select(&mut app, "Mayor opens Ashgrove's first new school");
    press(&mut app, &["c"]);
    let shown = screen(&app);
    assert!(
        shown.contains("Share little (") && shown.contains("only sure links"),
        "{shown}"
    );
    let shown = screen(&wire_vs_review(160, 40));
    assert!(shown.contains("Same event ·"), "{shown}");
    assert!(!shown.contains("Share little"), "{shown}");
}

#[test]
fn a_message_goes_with_the_comparison_that_gave_it_and_old_ones_give_way_to_the_keys() {
    let mut app = wire_vs_review(100, 30);
    press(&mut app, &["s"]);
    assert_eq!(app.status(), Some("sides swapped"));
    press(&mut app, &["Esc"]);
    assert_eq!(
        app.status(),
        None,
        "leaving the comparison ends its message"
    );

    // A long message is shown whole when given; after the next key the hints come back.
    select(&mut app, "Crane collapses at Port of Valmora");
    press(&mut app, &["m"]);
    let last_row = |app: &App| screen(app).lines().last().unwrap_or("").to_string();
    assert!(last_row(&app).contains("marked \"Crane collapses at Port of Valmora"));
    assert!(!last_row(&app).contains("? help"), "{}", last_row(&app));
    press(&mut app, &["j"]);
    let row = last_row(&app);
    assert!(
        row.starts_with("marked \"Crane") && row.contains("? help · q quit"),
        "{row}"
    );
}

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
fn conflict_list_snapshot() {
    let mut app = wire_vs_review(120, 30);
    press(&mut app, &["!", "j"]);
    insta::assert_snapshot!(screen(&app));
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

#[test]
fn search_highlight_snapshot() {
    let mut app = wire_vs_review(120, 30);
    press(
        &mut app,
        &["/", "a", "s", "h", "g", "r", "o", "v", "e", "Enter", "n"],
    );
    // The screen, with the cells drawn reversed inside the columns (the matches) between ⟪ ⟫.
    let t = draw(&app);
    let buffer = t.backend().buffer();
    let area = buffer.area;
    let mut text = String::new();
    for y in 0..area.height {
        let mut open = false;
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            let inside = y >= 5 && y + 2 < area.height && x >= 2 && x + 2 < area.width;
            let marked = inside && cell.modifier.contains(Modifier::REVERSED);
            if marked != open {
                text.push(if marked { '⟪' } else { '⟫' });
                open = marked;
            }
            text.push_str(cell.symbol());
        }
        if open {
            text.push('⟫');
        }
        text.push('\n');
    }
    insta::assert_snapshot!(text);
}
