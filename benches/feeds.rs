//! Parsing a feed of 10,000 items into articles (target: under 1 s).

#[path = "support/corpus.rs"]
mod corpus;

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parallax::article::parse_feed;

/// An RSS feed of `items` invented reports, each with a paragraph or two of HTML.
fn big_feed(items: usize) -> String {
    let (text, _) = corpus::report_pair(5, items * 400);
    let sentences: Vec<&str> = text.split(". ").filter(|s| !s.is_empty()).collect();
    let mut xml = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bench Wire</title>",
    );
    for k in 0..items {
        let a = sentences[k % sentences.len()];
        let b = sentences[(k * 7 + 3) % sentences.len()];
        xml.push_str(&format!(
            "<item><title>Report {k}</title><guid>bench-{k}</guid><link>https://wire.example/{k}</link><pubDate>Wed, 14 Oct 2026 08:15:00 +0200</pubDate><description><![CDATA[<p>{a}.</p><p>{b}.</p>]]></description></item>"
        ));
    }
    xml.push_str("</channel></rss>");
    xml
}

fn feeds(c: &mut Criterion) {
    let xml = big_feed(10_000);
    let mut group = c.benchmark_group("feed");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(xml.len() as u64));
    group.bench_function("parse 10k items", |b| {
        b.iter(|| {
            let feed = parse_feed(Path::new("bench.rss"), xml.as_bytes()).unwrap();
            assert_eq!(feed.items.len(), 10_000);
            feed
        })
    });
    group.finish();
}

criterion_group!(benches, feeds);
criterion_main!(benches);
