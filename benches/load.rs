//! Loading a library: 10,000 generated articles of 3-8 KB (target: under 300 ms); and what is
//! done with one that size: picking a similar article, counting words, filtering the list.

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::library::{LoadOptions, load_paths};

fn load(c: &mut Criterion) {
    let dir = corpus::library_10k();
    let options = LoadOptions::default();
    let loaded = load_paths(std::slice::from_ref(&dir), &options);
    assert_eq!(loaded.articles.len(), 10_000, "{:?}", loaded.issues.first());
    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    group.bench_function("10k_articles_3_8kb", |b| {
        b.iter(|| {
            load_paths(std::slice::from_ref(&dir), &options)
                .articles
                .len()
        })
    });
    group.finish();
}

/// Picking the most similar article for `c` with nothing marked (target: under 100 ms for
/// 10,000 articles): building the fingerprints, and one pick.
fn pick(c: &mut Criterion) {
    use parallax::library::Fingerprints;
    let dir = corpus::library_10k();
    let articles = load_paths(std::slice::from_ref(&dir), &LoadOptions::default()).articles;
    let mut group = c.benchmark_group("most_similar");
    group.sample_size(20);
    group.bench_function("fingerprint_10k", |b| {
        b.iter(|| Fingerprints::new(&articles))
    });
    let fp = Fingerprints::new(&articles);
    group.bench_function("pick_among_10k", |b| b.iter(|| fp.most_similar(4_321)));
    group.finish();
}

/// Counting the library's word frequencies, which comparisons in the reader use; it runs on a
/// background thread, so the reader never waits for it.
fn library_terms(c: &mut Criterion) {
    use parallax::compare::LibraryTerms;
    let dir = corpus::library_10k();
    let articles = load_paths(std::slice::from_ref(&dir), &LoadOptions::default()).articles;
    let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
    let mut group = c.benchmark_group("library_terms");
    group.sample_size(10);
    group.bench_function("count_10k", |b| {
        b.iter(|| LibraryTerms::new(&bodies).words())
    });
    group.finish();
}

/// The list filter over 10,000 articles, as typed at `/` (target: one frame, under 16 ms).
/// A word no article holds is the slowest: every title, source and body is read to the end.
fn filter(c: &mut Criterion) {
    use parallax::library::Query;
    let dir = corpus::library_10k();
    let articles = load_paths(std::slice::from_ref(&dir), &LoadOptions::default()).articles;
    let now = 1_796_083_200; // 2026-12-01
    let mut group = c.benchmark_group("filter");
    group.sample_size(20);
    // What the list does besides: count the unread rows it keeps (a read-mark look-up each).
    let mut read = parallax::library::ReadState::default();
    for a in articles.iter().step_by(3) {
        read.set_read(a, true);
    }
    group.bench_function("unread_query_and_count_10k", |b| {
        let query = Query::parse("unread", now);
        b.iter(|| {
            let kept: Vec<&parallax::article::Article> = articles
                .iter()
                .filter(|a| query.matches(a, |a| read.is_read(a)))
                .collect();
            kept.iter().filter(|a| !read.is_read(a)).count()
        })
    });
    for (label, text) in [
        ("absent_word_10k", "zzqx"),
        ("two_words_10k", "kaka roro"),
        ("terms_10k", "source:outlet since:30w -kaka \"mi ro\""),
    ] {
        let query = Query::parse(text, now);
        assert!(query.problems().is_empty(), "{label}");
        group.bench_function(label, |b| {
            b.iter(|| {
                articles
                    .iter()
                    .filter(|a| query.matches(a, |_| false))
                    .count()
            })
        });
    }
    group.finish();
}

/// The same through the app, as typed: at the list's filter prompt over 10,000 articles, a
/// letter no article holds (every body read to the end, then the unread rows counted) and
/// Backspace (all rows back, counted again). One iteration is those two keystrokes.
fn filter_keystrokes(c: &mut Criterion) {
    use parallax::config::{Config, Key, KeyCode};
    use parallax::tui::{Action, App, Startup};
    let dir = corpus::library_10k();
    let loaded = load_paths(std::slice::from_ref(&dir), &LoadOptions::default());
    let mut app = App::new(
        loaded,
        Startup {
            area: ratatui::layout::Rect::new(0, 0, 200, 60),
            ..Startup::new(Config::builtin().keymap)
        },
    );
    app.update(Action::Key(Key::char('/')));
    let mut group = c.benchmark_group("filter");
    group.sample_size(20);
    group.bench_function("app_letter_and_backspace_10k", |b| {
        b.iter(|| {
            app.update(Action::Key(Key::char('z')));
            assert!(app.list().visible.is_empty());
            app.update(Action::Key(Key::plain(KeyCode::Backspace)));
            app.list().visible.len()
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    load,
    pick,
    library_terms,
    filter,
    filter_keystrokes
);
criterion_main!(benches);
