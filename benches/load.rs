//! Loading a library: 10,000 generated articles of 3-8 KB (target: under 300 ms).

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

criterion_group!(benches, load, pick, library_terms);
criterion_main!(benches);
