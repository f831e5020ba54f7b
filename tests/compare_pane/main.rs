//! The comparison pane: opening it from the list, navigating, and what it draws.

#[path = "../common/mod.rs"]
mod common;

mod background;
mod finding;

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

#[test]
fn conflict_list_snapshot() {
    let mut app = wire_vs_review(120, 30);
    press(&mut app, &["!", "j"]);
    insta::assert_snapshot!(screen(&app));
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
