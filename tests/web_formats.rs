//! Saved web pages and feed files as a user drops them into a library folder.

use std::path::{Path, PathBuf};

use parallax::article::Article;
use parallax::library::{IssueKind, LoadOptions, load_paths};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/web")
        .join(name)
}

fn load(name: &str) -> Vec<Article> {
    load_paths(&[fixture(name)], &LoadOptions::default()).articles
}

fn is_terminal_safe(text: &str) -> bool {
    !text.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c)
    })
}

#[test]
fn a_saved_page_gives_its_article_without_navigation_ads_comments_or_scripts() {
    let articles = load("harbour-gazette-page.html");
    assert_eq!(articles.len(), 1);
    let a = &articles[0];
    assert_eq!(
        a.title,
        "Ferry service to Lindholm suspended after hull crack"
    );
    assert_eq!(a.source, "The Harbour Gazette");
    assert_eq!(a.author, "Petra Valdez");
    assert_eq!(
        a.url,
        "https://gazette.example/news/lindholm-ferry-suspended"
    );
    let published = a.published.expect("published date from the page");
    assert_eq!(
        (published.year, published.month, published.day),
        (2026, 10, 14)
    );
    assert!(
        a.body
            .starts_with("The island ferry between Port Aster and Lindholm")
    );
    assert!(
        a.body.contains("\n\nAround 1,200 passengers"),
        "paragraphs kept apart"
    );
    for junk in [
        "BUY ONE BOAT",
        "TRACKING SCRIPT",
        "First! This ferry",
        "Cookie settings",
        "Weather",
        "By Petra Valdez",
    ] {
        assert!(!a.body.contains(junk), "{junk:?} leaked into the body");
    }
}

#[test]
fn an_rss_file_gives_one_article_per_item_with_its_metadata() {
    let articles = load("harbour-gazette.rss");
    let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Ferry service to Lindholm suspended after hull crack",
            "Council delays vote on harbour parking fees",
            "Lighthouse open day draws record crowd"
        ]
    );
    let first = &articles[0];
    assert_eq!(first.source, "The Harbour Gazette");
    assert_eq!(
        first.url,
        "https://gazette.example/news/lindholm-ferry-suspended"
    );
    assert_eq!(first.tags, ["Transport"]);
    assert!(
        first.body.contains("MV Solvei.\n\nAround 1,200"),
        "{}",
        first.body
    );
    assert!(!first.body.contains("alert"), "scripts stay out");
    // An escaped HTML summary is decoded to text, not shown as markup.
    assert_eq!(
        articles[1].body,
        "The vote on new parking fees at the harbour has been moved to November."
    );
    assert!(
        first
            .path
            .to_string_lossy()
            .ends_with("harbour-gazette.rss#1")
    );
}

#[test]
fn atom_and_json_feeds_load_and_hostile_text_never_reaches_the_terminal() {
    let atom = load("quayside-hostile.atom");
    let json = load("island-notes.json");
    assert_eq!(atom.len(), 1);
    assert_eq!(json.len(), 1);
    assert_eq!(atom[0].title, "Dredging work starts Monday");
    assert_eq!(json[0].title, "Ferry off for ten days");
    for a in atom.iter().chain(&json) {
        for field in [&a.title, &a.body, &a.source, &a.url, &a.author] {
            assert!(is_terminal_safe(field), "unsafe text in {field:?}");
        }
    }
}

#[test]
fn a_broken_feed_is_skipped_with_its_name_and_the_rest_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("broken.xml"),
        "<rss><channel><item><title>Half",
    )
    .unwrap();
    std::fs::copy(fixture("harbour-gazette.rss"), dir.path().join("good.rss")).unwrap();
    let loaded = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default());
    assert_eq!(loaded.articles.len(), 3);
    let skipped: Vec<_> = loaded
        .issues
        .iter()
        .filter(|i| i.kind == IssueKind::Skipped)
        .collect();
    assert_eq!(skipped.len(), 1, "{:?}", loaded.issues);
    assert!(skipped[0].path.ends_with("broken.xml"));
    assert!(skipped[0].reason.contains("feed"), "{}", skipped[0].reason);
}

#[test]
fn a_feed_in_another_encoding_is_decoded_as_it_declares() {
    let dir = tempfile::tempdir().unwrap();
    let mut xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Le Quai</title><item><title>Caf".to_vec();
    xml.push(0xE9); // "é" in Latin-1
    xml.extend_from_slice(b" du port ferm</title><description>Travaux d'\xE9t\xE9.</description></item></channel></rss>");
    std::fs::write(dir.path().join("quai.rss"), xml).unwrap();
    let loaded = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default());
    assert_eq!(loaded.articles.len(), 1, "{:?}", loaded.issues);
    assert_eq!(loaded.articles[0].title, "Café du port ferm");
    assert_eq!(loaded.articles[0].body, "Travaux d'été.");
    assert!(loaded.issues.iter().all(|i| i.kind != IssueKind::Repaired));
}

/// Markup nested thousands deep would keep an HTML parser busy for minutes: such a page, or
/// such a feed entry, is refused at once with the reason, and the rest still loads.
#[test]
fn hostile_deep_nesting_is_refused_quickly_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
    std::fs::write(
        dir.path().join("deep.html"),
        format!("<html><body>{deep}</body></html>"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("deep.rss"),
        format!(
            "<rss version=\"2.0\"><channel><title>D</title><item><title>Deep</title><description><![CDATA[{deep}]]></description></item><item><title>Fine</title><description>Plain words.</description></item></channel></rss>"
        ),
    )
    .unwrap();
    std::fs::copy(
        fixture("harbour-gazette-page.html"),
        dir.path().join("page.html"),
    )
    .unwrap();
    let loaded = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default());
    let titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.contains(&"Fine"));
    let refused: Vec<_> = loaded
        .issues
        .iter()
        .filter(|i| i.reason.contains("nested more than"))
        .collect();
    assert_eq!(refused.len(), 2, "{:?}", loaded.issues);
}
