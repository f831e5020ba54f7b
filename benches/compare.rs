//! The comparison engine on generated reports: a paraphrase of 8 KB (target under 2 ms),
//! 200 KB (under 100 ms), 2 MB (under 2 s), and the growth across 20 KB, 200 KB and 2 MB; and
//! on the hand-written labelled stories. `compare_deep` is the deep tier on the same kinds of
//! pair: 8 KB (target under 1.5 s for the whole process), and the labelled stories.

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use parallax::compare::{Options, Side, Tier, compare_sides};

fn side(name: &str, body: &str) -> Side {
    Side {
        path: name.into(),
        title: name.into(),
        source: String::new(),
        body: body.into(),
    }
}

fn engine(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("compare");
    for (label, bytes, samples) in [
        ("8KB", 8_000, 100),
        ("20KB", 20_000, 50),
        ("200KB", 200_000, 20),
        ("2MB", 2_000_000, 10),
    ] {
        let (a, b) = corpus::report_pair(11, bytes);
        let (left, right) = (side("a", &a), side("b", &b));
        group.sample_size(samples);
        group.throughput(Throughput::Bytes((a.len() + b.len()) as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(label),
            &(left, right),
            |bench, (l, r)| {
                // A real comparison: most sentences of the rewrite must be aligned. Checked
                // here, so that only the selected sizes pay for it.
                let check = compare_sides(l.clone(), r.clone(), &options);
                assert!(
                    check.summary.right_carried > 0.5,
                    "{label}: {:?}",
                    check.summary
                );
                bench.iter(|| compare_sides(l.clone(), r.clone(), &options))
            },
        );
    }
    group.finish();
}

/// Hand-written prose rather than generated text: the wire reports of the four labelled stories
/// against their loose paraphrases (about 6 KB a side). Real sentences share fewer words than
/// generated ones, so the word diffs inside groups cost more per byte.
fn labelled(c: &mut Criterion) {
    use parallax::article::{Format, parse_article};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let body = |path: &str| {
        let path = root.join(path);
        let text = std::fs::read_to_string(&path).unwrap();
        let format = Format::from_path(&path).unwrap();
        parse_article(&path, &text, format).unwrap().0.body
    };
    let join = |paths: &[&str]| {
        paths
            .iter()
            .map(|p| body(p))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let a = join(&[
        "sample-articles/tessaly-tram-wire.md",
        "sample-articles/valmora-crane-wire.md",
        "tests/fixtures/articles/corvell-outage-wire.md",
        "tests/fixtures/articles/sennet-fire-wire.md",
    ]);
    let b = join(&[
        "sample-articles/tessaly-tram-review.md",
        "sample-articles/valmora-crane-ledger.md",
        "tests/fixtures/articles/corvell-outage-herald.md",
        "tests/fixtures/articles/sennet-fire-observer.md",
    ]);
    let options = Options::default();
    let (left, right) = (side("a", &a), side("b", &b));
    let mut group = c.benchmark_group("compare_labelled");
    group.throughput(Throughput::Bytes((a.len() + b.len()) as u64));
    group.bench_function(
        format!("{}KB+{}KB", a.len() / 1000, b.len() / 1000),
        |bench| bench.iter(|| compare_sides(left.clone(), right.clone(), &options)),
    );
    group.finish();
}

/// The deep tier: every sentence of a candidate pair embedded by the contextual model.
fn deep(c: &mut Criterion) {
    let options = Options {
        tier: Tier::Deep,
        ..Options::default()
    };
    let mut group = c.benchmark_group("compare_deep");
    for (label, bytes) in [("8KB", 8_000), ("20KB", 20_000)] {
        let (a, b) = corpus::report_pair(11, bytes);
        let (left, right) = (side("a", &a), side("b", &b));
        let check = compare_sides(left.clone(), right.clone(), &options);
        assert_eq!(check.summary.meaning.tier, Tier::Deep, "{label}");
        group.sample_size(10);
        group.throughput(Throughput::Bytes((a.len() + b.len()) as u64));
        group.bench_function(label, |bench| {
            bench.iter(|| compare_sides(left.clone(), right.clone(), &options))
        });
    }
    group.finish();
}

criterion_group!(benches, engine, labelled, deep);
criterion_main!(benches);
