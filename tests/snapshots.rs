//! Whole-screen snapshots on ratatui's TestBackend, plus style checks the text cannot show.

mod common;

use common::{app_with, press, sample_app};
use parallax::config::Config;
use parallax::library::{IssueKind, LoadIssue, Loaded, load_samples};
use parallax::tui::{App, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.area().width, app.area().height)).unwrap();
    terminal.draw(|f| view::draw(app, f)).unwrap();
    terminal
}

#[test]
fn list_and_reader() {
    let mut app = sample_app(120, 30);
    press(&mut app, &["j", "j", "j"]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn reading_an_article_in_a_narrow_window() {
    let mut app = sample_app(60, 20);
    press(&mut app, &["G", "Enter", "j"]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn help_overlay_lists_the_live_keys() {
    let mut app = sample_app(100, 45);
    press(&mut app, &["?"]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn filter_prompt_while_typing() {
    let mut app = sample_app(120, 16);
    press(&mut app, &["/", "o", "k", "a", "f", "o", "r"]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn load_log_after_problems() {
    let mut loaded = load_samples();
    loaded.issues = vec![
        LoadIssue {
            path: "news/photo.md".into(),
            kind: IssueKind::Skipped,
            reason: "binary file (contains NUL bytes)".into(),
        },
        LoadIssue {
            path: "news/latin1.txt".into(),
            kind: IssueKind::Repaired,
            reason:
                "not valid UTF-8 (first bad byte at offset 12); decoded with replacement characters"
                    .into(),
        },
        LoadIssue {
            path: "news/scraped.txt".into(),
            kind: IssueKind::Cleaned,
            reason: "2 noise lines, 1 footer lines".into(),
        },
    ];
    let mut app = app_with(loaded, Config::builtin(), 100, 14);
    let before = draw(&app);
    insta::assert_snapshot!("load_log_status_bar", before.backend());
    press(&mut app, &["L"]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn an_empty_library_says_so() {
    let app = app_with(Loaded::default(), Config::builtin(), 100, 8);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn selection_is_reversed_when_focused_and_unread_titles_are_bold() {
    let mut app = sample_app(120, 20);
    let t = draw(&app);
    let buf = t.backend().buffer();
    // Row 1 is the first article (selected, focused list): reversed across the row.
    assert!(buf[(5, 1)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(5, 2)].modifier.contains(Modifier::REVERSED));
    assert!(
        buf[(5, 2)].modifier.contains(Modifier::BOLD),
        "unread titles are bold"
    );
    press(&mut app, &["Enter"]);
    let t = draw(&app);
    let buf = t.backend().buffer();
    assert!(
        !buf[(5, 1)].modifier.contains(Modifier::REVERSED),
        "unfocused list underlines instead"
    );
    assert!(buf[(5, 1)].modifier.contains(Modifier::UNDERLINED));
    assert!(
        !buf[(5, 1)].modifier.contains(Modifier::BOLD),
        "read titles are plain"
    );
}
