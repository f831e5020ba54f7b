//! Fetching feeds from a local HTTP server the test starts itself: what lands in the library
//! folder, and how each kind of bad response is reported without stopping the others.

#[path = "common/server.rs"]
mod server;

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use parallax::fetch::{Client, ClientOptions, DEFAULT_MAX_ITEMS_PER_FEED, FeedSource, fetch_all};
use parallax::library::{LoadOptions, load_paths};
use server::{Reply, Request, Server};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/web")
            .join(name),
    )
    .unwrap()
}

fn gzip(text: &str) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(text.as_bytes()).unwrap();
    enc.finish().unwrap()
}

/// A feed of its own for a route, so items never collide across routes.
fn small_feed(name: &str, items: &[(&str, &str)]) -> String {
    let mut xml =
        format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{name}</title>");
    for (guid, title) in items {
        xml.push_str(&format!(
            "<item><title>{title}</title><guid>{guid}</guid><link>https://{name}.example/{guid}</link><description>&lt;p&gt;{title}, in full.&lt;/p&gt;</description></item>"
        ));
    }
    xml.push_str("</channel></rss>");
    xml
}

fn start() -> Server {
    let gazette = fixture("harbour-gazette.rss");
    let hostile = fixture("quayside-hostile.atom");
    let moved = small_feed("moved", &[("m1", "Moved feed item")]);
    let zipped = small_feed("zipped", &[("z1", "Compressed feed item")]);
    Server::start(vec![
        (
            "/gazette.rss",
            Box::new(move |r: &Request| {
                if r.headers.get("if-none-match").map(String::as_str) == Some("\"v1\"") {
                    Reply::status(304)
                } else {
                    Reply::ok(gazette.clone()).header("ETag", "\"v1\"")
                }
            }),
        ),
        (
            "/slow.rss",
            Box::new(|_: &Request| Reply {
                delay_ms: 3000,
                ..Reply::ok("<rss/>")
            }),
        ),
        ("/fail.rss", Box::new(|_: &Request| Reply::status(500))),
        (
            "/huge.rss",
            Box::new(|_: &Request| Reply::ok(vec![b'x'; 3 * 1024 * 1024])),
        ),
        (
            "/malformed.rss",
            Box::new(|_: &Request| Reply::ok("<rss><channel><item><title>broken")),
        ),
        (
            "/redirect.rss",
            Box::new(|_: &Request| Reply::status(302).header("Location", "/moved.rss")),
        ),
        (
            "/moved.rss",
            Box::new(move |_: &Request| Reply::ok(moved.clone())),
        ),
        (
            "/loop.rss",
            Box::new(|_: &Request| Reply::status(302).header("Location", "/loop.rss")),
        ),
        (
            "/gzip.rss",
            Box::new(move |r: &Request| {
                let accepts = r
                    .headers
                    .get("accept-encoding")
                    .is_some_and(|a| a.contains("gzip"));
                assert!(accepts, "the client should ask for gzip");
                Reply::ok(gzip(&zipped)).header("Content-Encoding", "gzip")
            }),
        ),
        (
            "/hostile.atom",
            Box::new(move |_: &Request| Reply::ok(hostile.clone())),
        ),
    ])
}

fn source(server: &Server, path: &str) -> FeedSource {
    FeedSource {
        url: server.url(path),
        name: Some(path.trim_start_matches('/').to_string()),
        tags: vec!["subscribed".into()],
        max_items: DEFAULT_MAX_ITEMS_PER_FEED,
    }
}

fn client() -> Client {
    Client::new(&ClientOptions {
        timeout: Duration::from_millis(1500),
        max_body: 1024 * 1024,
        proxy_from_env: false,
        ..ClientOptions::default()
    })
}

#[test]
fn every_feed_is_fetched_and_each_failure_is_named_without_stopping_the_others() {
    let server = start();
    let data = tempfile::tempdir().unwrap();
    let library = data.path().join("library");
    let state = data.path().join("fetch-state.json");
    let routes = [
        "/gazette.rss",
        "/slow.rss",
        "/fail.rss",
        "/huge.rss",
        "/malformed.rss",
        "/redirect.rss",
        "/loop.rss",
        "/gzip.rss",
        "/hostile.atom",
    ];
    let feeds: Vec<FeedSource> = routes.iter().map(|r| source(&server, r)).collect();
    let seen = std::sync::Mutex::new(Vec::new());
    let report = fetch_all(&feeds, &library, &state, &client(), false, &|p| {
        seen.lock().unwrap().push(p.clone())
    });

    let outcome = |name: &str| {
        report
            .outcomes
            .iter()
            .find(|o| o.feed == name)
            .unwrap_or_else(|| panic!("no outcome for {name}"))
            .result
            .clone()
    };
    assert_eq!(outcome("gazette.rss").unwrap().new.len(), 3);
    assert_eq!(
        outcome("redirect.rss").unwrap().new.len(),
        1,
        "redirect followed"
    );
    assert_eq!(outcome("gzip.rss").unwrap().new.len(), 1, "gzip decoded");
    assert_eq!(outcome("hostile.atom").unwrap().new.len(), 1);
    let error = |name: &str| outcome(name).unwrap_err();
    assert!(
        error("slow.rss").contains("timed out"),
        "{}",
        error("slow.rss")
    );
    assert!(error("fail.rss").contains("500"), "{}", error("fail.rss"));
    assert!(
        error("huge.rss").contains("larger than"),
        "{}",
        error("huge.rss")
    );
    assert!(
        error("malformed.rss").contains("feed"),
        "{}",
        error("malformed.rss")
    );
    assert!(
        error("loop.rss").contains("redirect"),
        "{}",
        error("loop.rss")
    );

    // Progress came feed by feed and ended with the totals.
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.len(), routes.len());
    let last = seen.iter().max_by_key(|p| p.done).unwrap();
    assert_eq!((last.done, last.total), (9, 9));
    assert_eq!((last.new_articles, last.failures), (6, 5));

    // What landed is a library like any other: loadable, tagged, safe, no temporary files.
    let loaded = load_paths(std::slice::from_ref(&library), &LoadOptions::default());
    assert_eq!(loaded.articles.len(), 6, "{:?}", loaded.issues);
    for a in &loaded.articles {
        assert!(a.tags.iter().any(|t| t == "subscribed"), "{:?}", a.tags);
        for field in [&a.title, &a.body, &a.source] {
            assert!(
                !field.chars().any(|c| c.is_control() && c != '\n'),
                "{field:?}"
            );
        }
    }
    let dredging = loaded
        .articles
        .iter()
        .find(|a| a.title.starts_with("Dredging"))
        .unwrap();
    assert_eq!(dredging.title, "Dredging work starts Monday");
    let names: Vec<String> = std::fs::read_dir(&library)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.ends_with(".md") && !n.starts_with('.')),
        "{names:?}"
    );
}

#[test]
fn a_second_fetch_asks_conditionally_and_stores_no_duplicates() {
    let server = start();
    let data = tempfile::tempdir().unwrap();
    let library = data.path().join("library");
    let state = data.path().join("fetch-state.json");
    let feeds = vec![
        source(&server, "/gazette.rss"),
        source(&server, "/redirect.rss"),
    ];
    let first = fetch_all(&feeds, &library, &state, &client(), false, &|_| {});
    assert_eq!(first.new_paths().count(), 4);

    let second = fetch_all(&feeds, &library, &state, &client(), false, &|_| {});
    let gazette = second.outcomes[0].result.clone().unwrap();
    assert!(
        gazette.unchanged,
        "the ETag came back and the server said 304"
    );
    assert_eq!(server.hits("/gazette.rss"), 2);
    // The moved feed has no validators, so it is fetched whole again: its item is known.
    assert_eq!(second.new_paths().count(), 0);
    assert_eq!(std::fs::read_dir(&library).unwrap().count(), 4);
}

/// A gzip bomb: a few kilobytes on the wire, many times the cap once decoded. The cap counts
/// decoded bytes, so the fetch fails and says why, while a compressed feed under the cap (the
/// same feed without the padding) is read.
#[test]
fn a_compressed_response_is_capped_by_its_decoded_size() {
    let client = client(); // 1 MiB cap
    let padding = " ".repeat(8 * 1024 * 1024);
    let bomb = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bomb</title>{padding}</channel></rss>"
    );
    let bomb = gzip(&bomb);
    assert!(bomb.len() < 64 * 1024, "{} bytes on the wire", bomb.len());
    let fine = gzip(&small_feed("fine", &[("f1", "A compressed item")]));
    let server = Server::start(vec![
        (
            "/bomb.rss",
            Box::new(move |_: &Request| Reply::ok(bomb.clone()).header("Content-Encoding", "gzip")),
        ),
        (
            "/fine.rss",
            Box::new(move |_: &Request| Reply::ok(fine.clone()).header("Content-Encoding", "gzip")),
        ),
    ]);
    let data = tempfile::tempdir().unwrap();
    let feeds = [source(&server, "/bomb.rss"), source(&server, "/fine.rss")];
    let report = fetch_all(
        &feeds,
        &data.path().join("library"),
        &data.path().join("state.json"),
        &client,
        false,
        &|_| {},
    );
    let error = report.outcomes[0].result.clone().unwrap_err();
    assert!(
        error.contains("larger than the 1 MiB limit (after decompression)"),
        "{error}"
    );
    assert_eq!(report.outcomes[1].result.clone().unwrap().new.len(), 1);
}

/// Two feeds carrying the same 2,000 items (same guids; half with the same title, so the same
/// file name, half with each feed's own title and body), fetched at once: each item is stored
/// once, whole, by one of them; the counts say so; nothing is left half-written. Ten rounds,
/// each into an empty library.
#[test]
fn two_feeds_with_the_same_items_store_each_once_and_whole() {
    let items = |feed: &str| -> Vec<(String, String)> {
        (0..2000)
            .map(|k| {
                let title = if k % 2 == 0 {
                    format!("Shared item {k}")
                } else {
                    format!("{feed} item {k}")
                };
                (format!("shared-{k}"), title)
            })
            .collect()
    };
    let feed_xml = |feed: &str| {
        let items = items(feed);
        let refs: Vec<(&str, &str)> = items
            .iter()
            .map(|(g, t)| (g.as_str(), t.as_str()))
            .collect();
        small_feed(feed, &refs)
    };
    let (one, two) = (feed_xml("Northern"), feed_xml("Southern"));
    let server = Server::start(vec![
        (
            "/one.rss",
            Box::new(move |_: &Request| Reply::ok(one.clone())),
        ),
        (
            "/two.rss",
            Box::new(move |_: &Request| Reply::ok(two.clone())),
        ),
    ]);
    let client = Client::new(&ClientOptions {
        proxy_from_env: false,
        ..ClientOptions::default()
    });
    let feeds = ["/one.rss", "/two.rss"].map(|path| FeedSource {
        max_items: 2000,
        ..source(&server, path)
    });
    for round in 0..10 {
        let data = tempfile::tempdir().unwrap();
        let library = data.path().join("library");
        // What a fetch killed between writing and renaming leaves behind.
        std::fs::create_dir_all(&library).unwrap();
        let leftover = library.join(".shared-item-0-1a2b3c4d.md.tmp-999999-0");
        std::fs::write(&leftover, "+++\ntitle = \"half").unwrap();
        let long_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
        let file = std::fs::File::options()
            .write(true)
            .open(&leftover)
            .unwrap();
        file.set_modified(long_ago).unwrap();
        let report = fetch_all(
            &feeds,
            &library,
            &data.path().join("state.json"),
            &client,
            false,
            &|_| {},
        );
        let results: Vec<_> = report
            .outcomes
            .iter()
            .map(|o| o.result.clone().unwrap())
            .collect();
        for r in &results {
            assert!(
                r.problems.is_empty(),
                "round {round}: {:?}",
                &r.problems[..3.min(r.problems.len())]
            );
        }
        assert_eq!(report.not_stored(), 0);
        assert_eq!(report.stale_removed, [leftover]);
        assert_eq!(report.new_paths().count(), 2000, "round {round}");
        let loaded = load_paths(std::slice::from_ref(&library), &LoadOptions::default());
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        assert_eq!(loaded.articles.len(), 2000, "round {round}");
        let mut guids = std::collections::HashSet::new();
        for a in &loaded.articles {
            // Title, body and link all come from one feed: no file mixes two writes.
            assert!(a.body.starts_with(&a.title), "{} / {}", a.title, a.body);
            let feed = a.title.split(' ').next().unwrap().to_lowercase();
            if feed != "shared" {
                let link = format!("https://{feed}.example/");
                assert!(a.url.contains(&link), "{}", a.url);
            }
            let guid = a.url.rsplit('/').next().unwrap().to_string();
            assert!(guids.insert(guid), "stored twice: {}", a.url);
        }
        let names: Vec<String> = std::fs::read_dir(&library)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.starts_with('.')),
            "a temporary was left"
        );
    }
}

/// A feed with more items than its cap: only the first ones (the newest, in feed order) are
/// stored, and the outcome says the cap applied.
#[test]
fn a_feed_over_its_item_cap_stores_the_first_items_and_says_so() {
    let items: Vec<(String, String)> = (0..30)
        .map(|k| (format!("long-{k}"), format!("Long feed item {k}")))
        .collect();
    let refs: Vec<(&str, &str)> = items
        .iter()
        .map(|(g, t)| (g.as_str(), t.as_str()))
        .collect();
    let xml = small_feed("long", &refs);
    let server = Server::start(vec![(
        "/long.rss",
        Box::new(move |_: &Request| Reply::ok(xml.clone())),
    )]);
    let data = tempfile::tempdir().unwrap();
    let feed = FeedSource {
        max_items: 10,
        ..source(&server, "/long.rss")
    };
    let report = fetch_all(
        &[feed],
        &data.path().join("library"),
        &data.path().join("state.json"),
        &client(),
        false,
        &|_| {},
    );
    let result = report.outcomes[0].result.clone().unwrap();
    assert_eq!(result.new.len(), 10);
    assert_eq!(
        result.problems,
        ["the feed has 30 items; only its first 10 were read (max_items_per_feed)"]
    );
    let loaded = load_paths(&[data.path().join("library")], &LoadOptions::default());
    let mut titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    titles.sort();
    assert!(titles.contains(&"Long feed item 0") && titles.contains(&"Long feed item 9"));
    assert!(!titles.contains(&"Long feed item 10"), "{titles:?}");
}

#[test]
fn summary_only_items_get_the_full_page_when_asked() {
    let page = fixture("harbour-gazette-page.html");
    let placeholder = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let feed_text = placeholder.clone();
    let server = Server::start(vec![
        (
            "/summaries.rss",
            Box::new(move |_: &Request| Reply::ok(feed_text.lock().unwrap().clone())),
        ),
        (
            "/ferry.html",
            Box::new(move |_: &Request| Reply::ok(page.clone())),
        ),
    ]);
    *placeholder.lock().unwrap() = format!(
        "<rss version=\"2.0\"><channel><title>Gazette</title><item><title>Ferry suspended</title><guid>f1</guid><link>{}</link><description>Short summary only.</description></item></channel></rss>",
        server.url("/ferry.html")
    );
    let data = tempfile::tempdir().unwrap();
    let library = data.path().join("library");
    let report = fetch_all(
        &[FeedSource {
            url: server.url("/summaries.rss"),
            name: None,
            tags: Vec::new(),
            max_items: DEFAULT_MAX_ITEMS_PER_FEED,
        }],
        &library,
        &data.path().join("state.json"),
        &client(),
        true,
        &|_| {},
    );
    assert_eq!(report.new_paths().count(), 1, "{:?}", report.outcomes);
    let loaded = load_paths(&[library], &LoadOptions::default());
    let a = &loaded.articles[0];
    assert!(a.body.contains("Harbour master Ilse Brennan"), "{}", a.body);
    assert!(!a.body.contains("Short summary only"));
}

/// `parallax fetch` as cron runs it: the config names the feeds, the articles land in the data
/// folder, each feed gets a line, and a failure makes the exit status 1. `parallax list` with
/// no PATH then shows what was fetched.
#[test]
fn the_fetch_command_stores_reports_and_lists() {
    let server = start();
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[[feeds]]\nurl = \"{}\"\nname = \"Gazette\"\n\n[[feeds]]\nurl = \"{}\"\nname = \"Broken\"\n",
            server.url("/gazette.rss"),
            server.url("/fail.rss")
        ),
    )
    .unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(args)
            .arg("--config")
            .arg(&config)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env_remove("HTTP_PROXY")
            .env_remove("HTTPS_PROXY")
            .env_remove("http_proxy")
            .env_remove("https_proxy")
            .env_remove("ALL_PROXY")
            .output()
            .unwrap()
    };
    let out = run(&["fetch"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("Gazette: 3 new"), "{stdout}");
    assert!(stdout.contains("Broken: failed: HTTP 500"), "{stdout}");
    assert!(stdout.contains("1 of 2 feeds failed"), "{stdout}");

    // The log file has the failure with its reason, in plain text, where `config path` says.
    let log_path = home.path().join("data/parallax/parallax.log");
    let log = std::fs::read_to_string(&log_path).unwrap();
    let failed: Vec<&str> = log.lines().filter(|l| l.contains("feed failed")).collect();
    assert_eq!(failed.len(), 1, "{log}");
    assert!(
        failed[0].contains("WARN") && failed[0].contains("Broken"),
        "{log}"
    );
    assert!(
        failed[0].contains("HTTP 500") && failed[0].contains("/fail.rss"),
        "{log}"
    );
    assert!(log.contains("fetch done") && !log.contains('\x1b'), "{log}");
    let paths = String::from_utf8(run(&["config", "path"]).stdout).unwrap();
    assert!(
        paths.contains(&format!("log: {}", log_path.display())),
        "{paths}"
    );

    let out = run(&["list"]);
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        listing.contains("Lighthouse open day draws record crowd"),
        "{listing}"
    );
    assert!(
        !listing.contains("Valmora"),
        "the samples stand in only for an empty library"
    );

    let again = run(&["fetch"]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("Gazette: unchanged"));
}
