//! The reader's keys for subscriptions: `r` fetches in the background and reports progress,
//! `o` opens a page, `F` asks for the full text; all through `App::update`.

mod common;

use common::{app_starting, press, sample_app, screen, selected_title};
use parallax::article::Article;
use parallax::config::Config;
use parallax::fetch::Progress;
use parallax::library::load_samples;
use parallax::tui::{Action, App, Effect, FetchDone, Startup};

/// The samples, started with `startup` changed by `change`.
fn samples_starting(change: impl FnOnce(&mut Startup)) -> App {
    let mut startup = Startup::new(Config::builtin().keymap);
    change(&mut startup);
    app_starting(load_samples(), startup, 120, 30)
}

/// The samples with the first selected article's web address set to `url`.
fn samples_with_url(url: &str) -> App {
    let i = sample_app(120, 30).list().selected_article().unwrap();
    let mut loaded = load_samples();
    loaded.articles[i].url = url.into();
    app_starting(loaded, Startup::new(Config::builtin().keymap), 120, 30)
}

#[test]
fn r_without_feeds_says_how_to_subscribe() {
    let mut app = sample_app(120, 30);
    assert!(press(&mut app, &["r"]).is_empty());
    assert!(screen(&app).contains("no feeds to fetch: add [[feeds]]"));
}

#[test]
fn r_fetches_in_the_background_shows_progress_and_adds_what_arrived() {
    let mut app = samples_starting(|s| s.feeds = 3);
    assert_eq!(press(&mut app, &["r"]), [Effect::FetchFeeds]);
    assert!(screen(&app).contains("fetching feeds 0/3"));
    // A second r while it runs starts nothing.
    assert!(press(&mut app, &["r"]).is_empty());
    // The reader keeps responding while the fetch runs.
    press(&mut app, &["j"]);
    app.update(Action::FetchProgress(Progress {
        done: 2,
        total: 3,
        new_articles: 1,
        failures: 1,
    }));
    assert!(screen(&app).contains("fetching feeds 2/3 · 1 new · 1 failed"));

    let before = app.articles().len();
    let mut fresh = Article::new(
        "/data/library/ferry.md".into(),
        "Ferry to Lindholm suspended".into(),
        "The island ferry will not sail.".into(),
    );
    fresh.source = "The Harbour Gazette".into();
    app.update(Action::FetchDone(FetchDone {
        articles: vec![fresh],
        issues: Vec::new(),
        feeds: 3,
        failed: 1,
    }));
    assert_eq!(app.articles().len(), before + 1);
    assert!(app.fetching().is_none());
    let text = screen(&app);
    assert!(
        text.contains("fetched 3 feeds: 1 new article; 1 failed"),
        "{text}"
    );
    // The new article is in the list and can be found.
    press(&mut app, &["/"]);
    for c in "Lindholm".chars() {
        press(&mut app, &[&c.to_string()]);
    }
    press(&mut app, &["Enter"]);
    assert_eq!(selected_title(&app), "Ferry to Lindholm suspended");
}

#[test]
fn o_opens_only_web_addresses() {
    let mut app = sample_app(120, 30);
    // The samples have no URL.
    assert!(press(&mut app, &["o"]).is_empty());
    assert!(screen(&app).contains("this article has no web address"));
    let mut app = samples_with_url("javascript:alert(1)");
    assert!(press(&mut app, &["o"]).is_empty());
    let mut app = samples_with_url("https://gazette.example/ferry");
    assert_eq!(
        press(&mut app, &["o"]),
        [Effect::OpenUrl("https://gazette.example/ferry".into())]
    );
}

#[test]
fn f_asks_for_full_text_only_for_stored_articles() {
    let mut app = samples_with_url("https://gazette.example/ferry");
    // A built-in sample is not a stored file.
    assert!(press(&mut app, &["F"]).is_empty());
    assert!(screen(&app).contains("not a Markdown file"));
}

#[test]
fn the_first_fetched_articles_replace_the_samples() {
    let mut app = samples_starting(|s| {
        s.showing_samples = true;
        s.feeds = 1;
    });
    press(&mut app, &["m", "j", "r"]);
    let fresh = Article::new(
        "/data/library/ferry.md".into(),
        "Ferry to Lindholm suspended".into(),
        "The island ferry will not sail.".into(),
    );
    app.update(Action::FetchDone(FetchDone {
        articles: vec![fresh],
        issues: Vec::new(),
        feeds: 1,
        failed: 0,
    }));
    assert_eq!(app.articles().len(), 1);
    assert_eq!(selected_title(&app), "Ferry to Lindholm suspended");
    assert!(
        screen(&app).contains("Library 1 unread of 1 · "),
        "{}",
        screen(&app)
    );
    // The mark pointed into the samples; it is gone, and comparing asks for a new one.
    press(&mut app, &["c"]);
    assert!(app.compare().is_none());
}

#[test]
fn new_articles_are_counted_again_and_only_the_latest_count_is_used() {
    let mut app = sample_app(120, 30);
    let article = |n: u32| {
        Article::new(
            format!("/data/library/item-{n}.md").into(),
            format!("Item {n}"),
            "The island ferry will not sail.".into(),
        )
    };
    let done = |n: u32| {
        Action::FetchDone(FetchDone {
            articles: vec![article(n)],
            issues: Vec::new(),
            feeds: 1,
            failed: 0,
        })
    };
    assert_eq!(app.update(done(1)), Some(Effect::CountLibrary));
    let first = app.library_version();
    assert_eq!(app.update(done(2)), Some(Effect::CountLibrary));
    assert_ne!(app.library_version(), first);
    // A fetch that brought nothing changes nothing to count.
    let nothing = Action::FetchDone(FetchDone {
        feeds: 1,
        ..FetchDone::default()
    });
    assert_eq!(app.update(nothing), None);

    let bodies: Vec<&str> = app.articles().iter().map(|a| a.body.as_str()).collect();
    let terms = std::sync::Arc::new(parallax::compare::LibraryTerms::new(&bodies));
    // A count of the library before the second fetch is out of date.
    app.update(Action::LibraryCounted {
        version: first,
        terms: terms.clone(),
    });
    assert!(app.compare_options().library.is_none());
    app.update(Action::LibraryCounted {
        version: app.library_version(),
        terms: terms.clone(),
    });
    assert_eq!(app.compare_options().library, Some(terms));
}
