//! The fuzz targets' entry points: each takes arbitrary bytes, runs one parser or the engine on
//! them, and checks what must hold for any input, beyond not panicking. The fuzz targets in
//! `fuzz_targets/` call these under libFuzzer; `tests/fuzz_replay.rs` calls them on every saved
//! corpus and regression input, so a fixed crash stays fixed without a nightly toolchain.
#![allow(dead_code)]

#[path = "../tests/common/invariants.rs"]
mod invariants;

use std::path::Path;

use parallax::article::{Article, Format, parse_article, parse_feed, parse_html_page};
use parallax::compare::{Tier, sentences as split_sentences};
use parallax::config::Config;

/// Article loading: the first byte picks the format (plain text, Markdown with front matter,
/// a saved web page, a feed of any kind feed-rs reads), the rest is the file. Whatever comes
/// out holds no control character but the newline and the tab (which the panes expand).
pub fn article(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(bytes);
    let articles: Vec<Article> = match pick % 4 {
        0 => parse_article(Path::new("fuzz.txt"), &text, Format::Txt)
            .map(|(a, _)| vec![a])
            .unwrap_or_default(),
        1 => parse_article(Path::new("fuzz.md"), &text, Format::Md)
            .map(|(a, _)| vec![a])
            .unwrap_or_default(),
        2 => parse_html_page(
            Path::new("fuzz.html"),
            &text,
            Some("https://fuzz.example/a"),
        )
        .map(|(a, _)| vec![a])
        .unwrap_or_default(),
        _ => parse_feed(Path::new("fuzz.xml"), bytes)
            .map(|feed| feed.items.into_iter().map(|item| item.article).collect())
            .unwrap_or_default(),
    };
    for a in &articles {
        for field in [&a.title, &a.body, &a.source, &a.author, &a.url] {
            assert!(
                !field
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\t'),
                "a control character reached an article: {field:?}"
            );
        }
    }
}

/// Config parsing and keymap checking: any text is a config or a list of located problems.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(problems) = Config::parse(text, Path::new("fuzz.toml")) {
        assert!(!problems.is_empty(), "an error with no problem in it");
        for p in &problems {
            assert!(
                p.line <= text.lines().count().max(1) + 1,
                "{p:?} past the end"
            );
        }
    }
}

/// The sentence splitter: sentences are in order, do not overlap, lie on character
/// boundaries, are trimmed and never empty.
pub fn sentences(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut end = 0;
    let mut paragraph = 0;
    for s in split_sentences(&text) {
        let r = s.text.clone();
        assert!(
            end <= r.start && r.start < r.end && r.end <= text.len(),
            "{r:?} after {end}"
        );
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let t = &text[r.clone()];
        assert_eq!(t, t.trim(), "an untrimmed sentence");
        assert!(s.paragraph >= paragraph, "paragraphs out of order");
        (end, paragraph) = (r.end, s.paragraph);
    }
}

/// The engine on two arbitrary texts (split at the first 0xFF byte, which UTF-8 never holds),
/// fast tier: both bodies are tiled, the result is deterministic and mirrors exactly.
pub fn compare(data: &[u8]) {
    let split = data
        .iter()
        .position(|&b| b == 0xFF)
        .unwrap_or(data.len() / 2);
    let (a, b) = data.split_at(split);
    let b = b.strip_prefix(&[0xFF]).unwrap_or(b);
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    invariants::check_invariants_with(&a, &b, Tier::Fast);
}
