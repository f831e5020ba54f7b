//! Frames while `r` fetches 20 feeds from a local server (target: no frame delayed by more than
//! 50 ms). The fetch runs on its own thread, as in the reader; this thread does what the
//! reader's loop does each tick: take the fetch's reports, update the app, draw a frame. The
//! figure reported per iteration is the LONGEST such frame during one whole fetch (20 feeds of
//! 50 new items each, into a library of 10,000 articles), so criterion's mean is the mean of
//! worst frames.

#[path = "support/corpus.rs"]
mod corpus;
#[path = "../tests/common/server.rs"]
#[allow(dead_code)]
mod server;

use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::article::Article;
use parallax::config::Config;
use parallax::fetch::{Client, ClientOptions, DEFAULT_MAX_ITEMS_PER_FEED, FeedSource, fetch_all};
use parallax::library::{LoadOptions, Loaded, load_paths};
use parallax::tui::{Action, App, FetchDone, Startup, view};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use server::{Reply, Request, Route, Server};

const FEEDS: usize = 20;
const ITEMS: usize = 50;

fn feed(n: usize, rng: &mut corpus::Lcg) -> String {
    let mut xml = format!("<rss version=\"2.0\"><channel><title>Feed {n}</title>");
    for k in 0..ITEMS {
        let body = corpus::body(rng, 1500);
        xml.push_str(&format!(
            "<item><title>Feed {n} report {k}</title><guid>f{n}-{k}</guid><link>https://f{n}.example/{k}</link><description><![CDATA[<p>{body}</p>]]></description></item>"
        ));
    }
    xml + "</channel></rss>"
}

fn library() -> Vec<Article> {
    let mut rng = corpus::Lcg::new(9);
    (0..10_000)
        .map(|i| {
            Article::new(
                format!("a{i}").into(),
                format!("Article {i}"),
                corpus::body(&mut rng, 400),
            )
        })
        .collect()
}

fn frames(c: &mut Criterion) {
    let mut rng = corpus::Lcg::new(4);
    let routes: Vec<(&'static str, Route)> = (0..FEEDS)
        .map(|n| {
            let path: &'static str = Box::leak(format!("/feed{n}.rss").into_boxed_str());
            let body = feed(n, &mut rng);
            let route: Route = Box::new(move |_: &Request| Reply::ok(body.clone()));
            (path, route)
        })
        .collect();
    let server = Server::start(routes);
    let feeds: Vec<FeedSource> = (0..FEEDS)
        .map(|n| FeedSource {
            url: server.url(&format!("/feed{n}.rss")),
            name: None,
            tags: Vec::new(),
            max_items: DEFAULT_MAX_ITEMS_PER_FEED,
        })
        .collect();
    let articles = library();
    let area = Rect::new(0, 0, 200, 60);

    let mut group = c.benchmark_group("fetch_20_feeds");
    group.sample_size(10);
    group.bench_function("longest_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut app = App::new(
                    Loaded {
                        articles: articles.clone(),
                        issues: Vec::new(),
                    },
                    Startup {
                        area,
                        feeds: FEEDS,
                        ..Startup::new(Config::builtin().keymap)
                    },
                );
                let data = tempfile::tempdir().unwrap();
                let (tx, rx) = channel();
                let worker = {
                    let feeds = feeds.clone();
                    let dir = data.path().to_path_buf();
                    std::thread::spawn(move || {
                        let client = Client::new(&ClientOptions {
                            proxy_from_env: false,
                            ..ClientOptions::default()
                        });
                        let progress = std::sync::Mutex::new(tx.clone());
                        let report = fetch_all(
                            &feeds,
                            &dir.join("library"),
                            &dir.join("state.json"),
                            &client,
                            false,
                            &|p| {
                                let _ = progress
                                    .lock()
                                    .unwrap()
                                    .send(Action::FetchProgress(p.clone()));
                            },
                        );
                        let new: Vec<_> = report.new_paths().cloned().collect();
                        let loaded = load_paths(&new, &LoadOptions::default());
                        let _ = tx.send(Action::FetchDone(FetchDone {
                            articles: loaded.articles,
                            issues: Vec::new(),
                            feeds: FEEDS,
                            failed: 0,
                        }));
                    })
                };
                let mut buf = Buffer::empty(area);
                let mut longest = Duration::ZERO;
                let mut done = false;
                while !done {
                    // The reader's tick: wait up to 50 ms for something to happen.
                    let Ok(first) = rx.recv_timeout(Duration::from_millis(50)) else {
                        continue;
                    };
                    let start = Instant::now();
                    for action in std::iter::once(first).chain(rx.try_iter()) {
                        done |= matches!(action, Action::FetchDone(_));
                        app.update(action);
                    }
                    buf.reset();
                    view::render(&app, area, &mut buf);
                    longest = longest.max(start.elapsed());
                }
                worker.join().unwrap();
                assert_eq!(app.articles().len(), 10_000 + FEEDS * ITEMS);
                total += longest;
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
