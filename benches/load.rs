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

criterion_group!(benches, load, pick, library_terms, filter);
criterion_main!(benches);
