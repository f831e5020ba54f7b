//! The comparison engine on generated reports: a paraphrase of 8 KB (target under 2 ms),
//! 200 KB (under 100 ms), 2 MB (under 2 s), and the growth across 20 KB, 200 KB and 2 MB.

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use parallax::compare::{Options, Side, compare_sides};

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

criterion_group!(benches, engine);
criterion_main!(benches);
