//! One frame of list plus reader at 200x60 (target: under 1 ms whatever the article length).

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::article::Article;
use parallax::compare::Tier;
use parallax::config::Config;
use parallax::library::{Loaded, load_samples};
use parallax::tui::{Action, App, Effect, Startup, compute, view};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn app_over(articles: Vec<Article>) -> App {
    let loaded = Loaded {
        articles,
        issues: Vec::new(),
    };
    App::new(
        loaded,
        Startup {
            area: Rect::new(0, 0, 200, 60),
            ..Startup::new(Config::builtin().keymap)
        },
    )
}

fn render(c: &mut Criterion) {
    let area = Rect::new(0, 0, 200, 60);
    let mut group = c.benchmark_group("frame_200x60");

    let samples = app_over(load_samples().articles);
    group.bench_function("samples", |b| {
        let mut buf = Buffer::empty(area);
        b.iter(|| {
            buf.reset();
            view::render(&samples, area, &mut buf);
        })
    });

    // 10,000 articles, the selected one 5 MB long, scrolled to its middle.
    let mut rng = corpus::Lcg::new(3);
    let mut articles: Vec<Article> = (0..10_000)
        .map(|i| {
            Article::new(
                format!("a{i}").into(),
                format!("Article {i}"),
                corpus::body(&mut rng, 400),
            )
        })
        .collect();
    articles[0] = Article::new(
        "huge".into(),
        "A very long article".into(),
        corpus::body(&mut rng, 5 << 20),
    );
    let mut huge = app_over(articles);
    huge.update(Action::Key(parallax::config::Key::char('l')));
    // Far into the article: the frame still draws only what shows.
    huge.update(Action::Key(parallax::config::Key::char('G')));
    assert!(huge.reader().scroll > 0);
    group.bench_function("10k_list_5mb_article", |b| {
        let mut buf = Buffer::empty(area);
        b.iter(|| {
            buf.reset();
            view::render(&huge, area, &mut buf);
        })
    });

    group.finish();
}

/// Two generated reports of about `bytes` each, as articles.
fn pair(bytes: usize) -> Vec<Article> {
    let (a, b) = corpus::report_pair(5, bytes);
    vec![
        Article::new("a.txt".into(), "Left".into(), a),
        Article::new("b.txt".into(), "Right".into(), b),
    ]
}

fn compare_pane(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare_pane");
    // One frame of an open comparison of two 200 KB articles (target: under 1 ms).
    let mut app = app_over(pair(200_000));
    for key in ["m", "j", "c"] {
        let mut next = app.update(Action::Key(parallax::config::Key::parse(key).unwrap()));
        // The 200 KB pair is compared in the background: done here as the loop would.
        while let Some(effect) = next.take() {
            if matches!(
                effect,
                Effect::Compare {
                    tier: Tier::Fast,
                    ..
                }
            ) {
                next = compute(&app, &effect).and_then(|action| app.update(action));
            }
        }
    }
    assert!(app.compare().is_some());
    for _ in 0..40 {
        app.update(Action::Key(parallax::config::Key::char('n')));
    }
    let area = Rect::new(0, 0, 200, 60);
    group.bench_function("frame_200x60_200kb", |b| {
        let mut buf = Buffer::empty(area);
        b.iter(|| {
            buf.reset();
            view::render(&app, area, &mut buf);
        })
    });
    // Opening a comparison of two 8 KB articles: engine and layout (target: under 20 ms).
    let articles = pair(8_000);
    group.bench_function("open_8kb", |b| {
        b.iter(|| {
            let comparison =
                parallax::compare::compare(&articles[0], &articles[1], &Default::default());
            let mut pane = parallax::tui::ComparePane::new(comparison, (0, 1));
            pane.ensure_layout(198, 53);
            pane
        })
    });
    group.finish();
}

criterion_group!(benches, render, compare_pane);
criterion_main!(benches);
