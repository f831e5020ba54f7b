//! The app's update driven by key sequences, as a user would type them.

mod common;

use common::{app_with, press, sample_app, screen, selected_title};
use parallax::config::Config;
use parallax::library::load_samples;
use parallax::tui::{Action, Effect, Focus, Overlay};
use std::path::Path;

#[test]
fn moving_through_the_list_changes_what_the_reader_shows() {
    let mut app = sample_app(160, 40);
    let first = selected_title(&app).to_string();
    press(&mut app, &["j", "j"]);
    let third = selected_title(&app).to_string();
    assert_ne!(first, third);
    assert!(
        screen(&app).contains(&third),
        "the reader shows the selection"
    );
    press(&mut app, &["k", "k", "k"]);
    assert_eq!(selected_title(&app), first, "stops at the top");
    press(&mut app, &["G"]);
    assert_eq!(app.list().selected, app.articles().len() - 1);
    press(&mut app, &["Home"]);
    assert_eq!(app.list().selected, 0);
}

#[test]
fn enter_opens_marks_read_and_asks_to_save() {
    let mut app = sample_app(160, 40);
    let effects = press(&mut app, &["Enter"]);
    assert_eq!(effects, [Effect::SaveReadState]);
    assert_eq!(app.focus(), Focus::Reader);
    let index = app.list().selected_article().unwrap();
    assert!(app.read().is_read(&app.articles()[index]));
    // Opening again changes nothing, so nothing needs saving.
    press(&mut app, &["Esc"]);
    assert_eq!(app.focus(), Focus::List);
    assert!(press(&mut app, &["Enter"]).is_empty());
    // u toggles the mark back.
    press(&mut app, &["Esc", "u"]);
    assert!(!app.read().is_read(&app.articles()[index]));
}

#[test]
fn filter_narrows_as_you_type_and_escape_clears() {
    let mut app = sample_app(160, 40);
    let all = app.list().visible.len();
    press(&mut app, &["/", "c", "r", "a", "n", "e"]);
    assert!(app.list().editing);
    let crane = app.list().visible.len();
    assert!(crane > 0 && crane < all);
    for &i in &app.list().visible {
        let a = &app.articles()[i];
        let hay = format!("{} {} {}", a.title, a.source, a.body).to_lowercase();
        assert!(hay.contains("crane"), "{}", a.title);
    }
    assert!(
        screen(&app).contains("/crane"),
        "the prompt shows the query"
    );
    press(
        &mut app,
        &[
            "Backspace",
            "Backspace",
            "Backspace",
            "Backspace",
            "Backspace",
        ],
    );
    assert!(app.list().visible.len() >= crane);
    press(&mut app, &["Esc"]);
    assert!(!app.list().editing);
    assert_eq!(app.list().visible.len(), all);
}

#[test]
fn enter_keeps_the_filter_and_esc_in_the_list_clears_it() {
    let mut app = sample_app(160, 40);
    press(&mut app, &["/", "T", "E", "S", "S", "A", "L", "Y", "Enter"]);
    assert!(!app.list().editing);
    let kept = app.list().visible.len();
    assert!(kept < app.articles().len());
    press(&mut app, &["j"]);
    assert_eq!(app.list().visible.len(), kept, "j moves, it is not typed");
    press(&mut app, &["Esc"]);
    assert_eq!(app.list().visible.len(), app.articles().len());
}

#[test]
fn sort_cycles_and_keeps_the_selected_article() {
    let mut app = sample_app(160, 40);
    press(&mut app, &["j", "j"]);
    let chosen = selected_title(&app).to_string();
    press(&mut app, &["s"]);
    assert_eq!(app.list().sort.label(), "source");
    assert_eq!(selected_title(&app), chosen);
    press(&mut app, &["s"]);
    let titles: Vec<String> = app
        .list()
        .visible
        .iter()
        .map(|&i| app.articles()[i].title.to_lowercase())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
}

#[test]
fn tab_and_h_l_move_focus_and_reader_scrolls() {
    let mut app = sample_app(100, 12);
    press(&mut app, &["Tab"]);
    assert_eq!(app.focus(), Focus::Reader);
    press(&mut app, &["j", "j"]);
    assert_eq!(app.reader().scroll, 2);
    press(
        &mut app,
        &[
            "PageDown", "PageDown", "PageDown", "PageDown", "PageDown", "PageDown",
        ],
    );
    let bottom = app.reader().scroll;
    press(&mut app, &["j"]);
    assert_eq!(app.reader().scroll, bottom, "scrolling stops at the end");
    press(&mut app, &["g"]);
    assert_eq!(app.reader().scroll, 0);
    press(&mut app, &["h"]);
    assert_eq!(app.focus(), Focus::List);
    press(&mut app, &["l"]);
    assert_eq!(app.focus(), Focus::Reader);
}

#[test]
fn help_and_log_open_scroll_and_close() {
    let mut app = sample_app(120, 20);
    press(&mut app, &["?"]);
    assert_eq!(app.overlay(), Some(Overlay::Help { scroll: 0 }));
    press(&mut app, &["j"]);
    assert_eq!(app.overlay(), Some(Overlay::Help { scroll: 1 }));
    press(&mut app, &["Esc"]);
    assert_eq!(app.overlay(), None);
    press(&mut app, &["L"]);
    assert!(matches!(app.overlay(), Some(Overlay::Log { .. })));
    assert!(screen(&app).contains("Every file loaded cleanly"));
    press(&mut app, &["q"]);
    assert!(app.should_quit());
}

#[test]
fn remapped_keys_work_and_show_in_help() {
    let config = Config::parse(
        "[keys.list]\ndown = [\"n\"]\ntop = [\"g g\"]\n",
        Path::new("c.toml"),
    )
    .unwrap();
    let mut app = app_with(load_samples(), config, 160, 50);
    press(&mut app, &["n", "n"]);
    assert_eq!(app.list().selected, 2);
    press(&mut app, &["j"]);
    assert_eq!(app.list().selected, 2, "j is no longer bound");
    press(&mut app, &["g"]);
    assert_eq!(app.pending().len(), 1);
    assert!(screen(&app).contains("g … (waiting for the next key)"));
    press(&mut app, &["g"]);
    assert_eq!(app.list().selected, 0);
    assert!(app.pending().is_empty());
    press(&mut app, &["?"]);
    let shown = screen(&app);
    let line = shown
        .lines()
        .find(|l| l.contains("select the next article"))
        .expect("help lists down");
    assert!(line.contains("║  n  "), "{line}");
    assert!(
        shown.contains("║  g g  "),
        "the user list replaces the default keys: {shown}"
    );
}

#[test]
fn a_broken_sequence_falls_back_to_its_last_key() {
    let config = Config::parse("[keys.list]\ntop = [\"g g\"]\n", Path::new("c.toml")).unwrap();
    let mut app = app_with(load_samples(), config, 160, 50);
    press(&mut app, &["g", "j"]);
    assert_eq!(app.list().selected, 1);
    assert!(app.pending().is_empty());
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_it_and_click_selects() {
    let mut app = sample_app(160, 12);
    app.update(Action::Scroll {
        column: 5,
        row: 3,
        down: true,
    });
    assert_eq!(app.list().selected, 3);
    app.update(Action::Scroll {
        column: 120,
        row: 3,
        down: true,
    });
    assert_eq!(app.reader().scroll, 3);
    app.update(Action::Click { column: 5, row: 2 });
    assert_eq!(app.list().selected, app.list().offset + 1);
}

#[test]
fn resizing_to_tiny_sizes_never_panics() {
    let mut app = sample_app(160, 40);
    press(&mut app, &["Enter", "G"]);
    for (w, h) in [
        (1, 1),
        (0, 0),
        (2, 3),
        (10, 2),
        (89, 5),
        (90, 5),
        (300, 100),
        (1, 40),
        (40, 1),
    ] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        let _ = screen(&app);
        press(&mut app, &["j", "k", "PageDown", "?", "j", "Esc", "Tab"]);
        let _ = screen(&app);
    }
}

#[test]
fn narrow_windows_show_the_focused_pane_only() {
    let mut app = sample_app(70, 20);
    assert!(screen(&app).contains("Library"));
    assert!(!screen(&app).contains("Reading"));
    press(&mut app, &["Enter"]);
    assert!(screen(&app).contains("Reading"));
    assert!(!screen(&app).contains("Library"));
}

#[test]
fn slash_in_the_reader_searches_and_n_steps_through_the_matches() {
    let mut app = sample_app(120, 40);
    // The review of the tram vote says "tram" three times (title, path, a quotation).
    press(&mut app, &["Home"]);
    while !selected_title(&app).starts_with("After years of wrangling") {
        press(&mut app, &["j"]);
    }
    press(&mut app, &["Enter", "/", "T", "R", "A", "M"]);
    assert_eq!(app.status(), Some("\"TRAM\": 1 of 3"), "case is ignored");
    assert!(screen(&app).contains("search: TRAM▏"));
    press(&mut app, &["Enter"]);
    assert_eq!(app.status(), Some("\"TRAM\": 1 of 3"));
    press(&mut app, &["n", "n"]);
    assert_eq!(app.status(), Some("\"TRAM\": 3 of 3"));
    press(&mut app, &["n"]);
    assert_eq!(app.status(), Some("\"TRAM\": 1 of 3"), "wraps around");
    press(&mut app, &["N"]);
    assert_eq!(app.status(), Some("\"TRAM\": 3 of 3"));
    // The current match is on screen, where the reader scrolled to.
    let current = app
        .reader()
        .search
        .as_ref()
        .unwrap()
        .current()
        .unwrap()
        .line;
    assert!(current >= app.reader().scroll);
    // Esc ends the search first, then goes back to the list.
    press(&mut app, &["Esc"]);
    assert_eq!(app.status(), Some("search ended"));
    assert!(app.reader().search.is_none());
    assert_eq!(app.focus(), Focus::Reader);
    press(&mut app, &["Esc"]);
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn a_search_nothing_matches_says_so_and_esc_at_the_prompt_ends_it() {
    let mut app = sample_app(120, 40);
    press(&mut app, &["Enter", "/", "z", "q", "x"]);
    assert_eq!(app.status(), Some("no match for \"zqx\""));
    press(&mut app, &["Esc"]);
    assert_eq!(app.status(), Some("search ended"));
    assert!(app.reader().search.is_none());
    // The prompt is closed: keys are commands again.
    press(&mut app, &["n"]);
    assert_eq!(app.status(), Some("no search: / searches this article"));
}

/// Types text at a prompt, one key per character.
fn type_text(app: &mut parallax::tui::App, text: &str) {
    let keys: Vec<String> = text
        .chars()
        .map(|c| {
            if c == ' ' {
                "Space".into()
            } else {
                c.to_string()
            }
        })
        .collect();
    press(app, &keys.iter().map(String::as_str).collect::<Vec<_>>());
}

#[test]
fn the_filter_takes_query_terms_and_says_which_one_it_left_out() {
    let mut app = sample_app(160, 40);
    let all = app.articles().len();
    // Two weeks after the tram stories (2026-05-12 to 14): only later articles are recent.
    let may_28 = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_779_926_400);
    app.update(Action::Now(may_28));
    let titles = |app: &parallax::tui::App| -> Vec<String> {
        app.list()
            .visible
            .iter()
            .map(|&i| app.articles()[i].source.clone())
            .collect()
    };
    press(&mut app, &["/"]);
    type_text(&mut app, "source:daily");
    assert_eq!(titles(&app), ["Tessaly Daily"; 2], "both of its reports");
    type_text(&mut app, " -school");
    assert_eq!(app.list().visible.len(), 1, "{:?}", titles(&app));
    press(&mut app, &["Esc", "/"]);
    type_text(&mut app, "since:3w");
    let recent = app.list().visible.len();
    assert!(recent > 0 && recent < all, "{recent} of {all}");
    for &i in &app.list().visible {
        let p = app.articles()[i].published.unwrap();
        assert!((p.year, p.month) >= (2026, 5), "{p:?}");
    }
    // A broken term is named in the status bar; the rest of the query still applies.
    type_text(&mut app, " colour:red");
    assert_eq!(app.list().visible.len(), recent);
    let screen = screen(&app);
    assert!(
        screen.contains("left out: column 10: `colour:` is not a term"),
        "{screen}"
    );
    press(&mut app, &["Enter"]);
    assert!(screen_has(&app, "(1 term left out)"));
}

#[test]
fn unread_and_read_follow_the_marks_made_in_the_reader() {
    let mut app = sample_app(160, 40);
    let all = app.articles().len();
    press(&mut app, &["Enter", "Esc"]);
    let opened = app.list().selected_article().unwrap();
    press(&mut app, &["/"]);
    type_text(&mut app, "unread");
    press(&mut app, &["Enter"]);
    assert_eq!(app.list().visible.len(), all - 1);
    assert!(!app.list().visible.contains(&opened));
    press(&mut app, &["Esc", "/"]);
    type_text(&mut app, "read");
    assert_eq!(app.list().visible, [opened]);
}

fn screen_has(app: &parallax::tui::App, text: &str) -> bool {
    screen(app).contains(text)
}

#[test]
fn mark_all_read_marks_only_the_filtered_rows_and_undo_gives_them_back() {
    let mut app = sample_app(160, 40);
    let all = app.articles().len();
    assert!(screen(&app).contains(&format!("Library {all} unread of {all}")));
    press(&mut app, &["/"]);
    type_text(&mut app, "source:daily");
    press(&mut app, &["Enter"]);
    let shown = app.list().visible.clone();
    assert_eq!(shown.len(), 2);
    let effects = press(&mut app, &["A"]);
    assert_eq!(effects, [Effect::SaveReadState]);
    assert!(
        shown
            .iter()
            .all(|&i| app.read().is_read(&app.articles()[i]))
    );
    let unread_elsewhere = (0..all).filter(|&i| !app.read().is_read(&app.articles()[i]));
    assert_eq!(
        unread_elsewhere.count(),
        all - 2,
        "rows the filter hides stay unread"
    );
    let text = screen(&app);
    assert!(text.contains("2 articles marked read (U undoes)"), "{text}");
    assert!(text.contains("2 of 14 · 0 unread"), "{text}");
    // Nothing left to mark: nothing to save.
    assert!(press(&mut app, &["A"]).is_empty());
    assert_eq!(press(&mut app, &["U"]), [Effect::SaveReadState]);
    assert!(
        shown
            .iter()
            .all(|&i| !app.read().is_read(&app.articles()[i]))
    );
    assert!(screen(&app).contains("2 articles unread again"));
    assert!(press(&mut app, &["U"]).is_empty());
    assert!(screen(&app).contains("no mark-all-read to undo"));
}

#[test]
fn undo_gives_back_only_what_mark_all_read_changed() {
    let mut app = sample_app(160, 40);
    press(&mut app, &["Enter", "Esc"]);
    let opened = app.list().selected_article().unwrap();
    press(&mut app, &["A", "U"]);
    assert!(
        app.read().is_read(&app.articles()[opened]),
        "read before, read after"
    );
    let unread = (0..app.articles().len()).filter(|&i| !app.read().is_read(&app.articles()[i]));
    assert_eq!(unread.count(), app.articles().len() - 1);
}

/// The reading pane's URL is an OSC 8 link when the terminal shows them, and plain text
/// otherwise; either way the row reads the same.
#[test]
fn the_url_is_a_link_only_where_the_terminal_shows_links() {
    use parallax::tui::Startup;
    let render = |hyperlinks: bool| {
        let startup = Startup {
            hyperlinks,
            ..Startup::new(Config::builtin().keymap)
        };
        let mut app = common::app_starting(load_samples(), startup, 160, 30);
        // The Ledger's report has a URL.
        while !app.articles()[app.list().selected_article().unwrap()]
            .url
            .starts_with("https://northern-ledger")
        {
            press(&mut app, &["j"]);
        }
        let area = app.area();
        let mut buf = ratatui::buffer::Buffer::empty(area);
        parallax::tui::view::render(&app, area, &mut buf);
        (screen(&app), buf)
    };
    let (plain_text, plain) = render(false);
    assert!(plain.content().iter().all(|c| !c.symbol().contains('\x1b')));
    let (linked_text, linked) = render(true);
    let links: Vec<&str> = linked
        .content()
        .iter()
        .map(|c| c.symbol())
        .filter(|s| s.starts_with("\x1b]8;;"))
        .collect();
    assert_eq!(links.len(), 1, "one row holds the URL");
    assert!(
        links[0].starts_with("\x1b]8;;https://northern-ledger.example/")
            && links[0].ends_with("\x1b]8;;\x1b\\"),
        "{:?}",
        links[0]
    );
    let url = "https://northern-ledger.example/2026/03/05/valmora-crane";
    let shown = links[0].split("\x1b\\").nth(1).unwrap();
    assert_eq!(
        shown.trim_end_matches("\x1b]8;;"),
        url,
        "the link shows the URL"
    );
    assert!(plain_text.contains(url));
    assert_eq!(linked_text.lines().count(), plain_text.lines().count());
}
