//! The whole `parallax compare --format json` process against `git diff --no-index
//! --word-diff=porcelain` on the same pair of generated reports, in the same run: the fast tier's
//! (`--fast`) targets are at most 2x git at 8 KB and 5x git at 2 MB; the deep tier (the default)
//! under 1.5 s at 8 KB, and at 2 MB done under 60 s or left to the fast tier by its budget. The
//! generated text is made of invented words that split into several word pieces each, so the
//! "samples" pair (the shipped English samples joined, 8.7 KB against 6.1 KB) shows the deep
//! tier on prose as well. All write to a null sink.

#[path = "support/corpus.rs"]
mod corpus;

use std::path::Path;
use std::process::{Command, Stdio};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn run(program: &str, args: &[&str]) {
    let status = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run");
    // git diff exits 1 when the files differ.
    assert!(status.code().is_some_and(|c| c <= 1), "{program} {status}");
}

fn processes(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let parallax = env!("CARGO_BIN_EXE_parallax");
    let mut group = c.benchmark_group("process");
    for (label, bytes, samples) in [
        ("8KB", 8_000, 30),
        ("2MB", 2_000_000, 10),
        ("samples", 0, 20),
    ] {
        let (a, b) = if bytes == 0 {
            corpus::sample_pair()
        } else {
            corpus::report_pair(11, bytes)
        };
        let (pa, pb) = (
            dir.path().join(format!("a-{label}.txt")),
            dir.path().join(format!("b-{label}.txt")),
        );
        std::fs::write(&pa, format!("A\n\n{a}")).unwrap();
        std::fs::write(&pb, format!("B\n\n{b}")).unwrap();
        let (sa, sb) = (path(&pa), path(&pb));
        group.sample_size(samples);
        group.bench_function(BenchmarkId::new("parallax_fast", label), |bench| {
            bench.iter(|| run(parallax, &["compare", sa, sb, "--format", "json", "--fast"]))
        });
        group.bench_function(BenchmarkId::new("parallax_deep", label), |bench| {
            bench.iter(|| run(parallax, &["compare", sa, sb, "--format", "json"]))
        });
        group.bench_function(BenchmarkId::new("git_word_diff", label), |bench| {
            bench.iter(|| {
                run(
                    "git",
                    &["diff", "--no-index", "--word-diff=porcelain", sa, sb],
                )
            })
        });
    }
    group.finish();
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

criterion_group!(benches, processes);
criterion_main!(benches);
