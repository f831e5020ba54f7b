//! The sample library, embedded in the binary so `parallax` works from any folder on first run.

use std::path::PathBuf;

use super::{IssueKind, LoadIssue, Loaded};
use crate::article::{Format, parse_article};

/// Every file in `sample-articles/`, by name, with its text. A test checks the list is complete.
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "brandt-union-vote.txt",
        include_str!("../../sample-articles/brandt-union-vote.txt"),
    ),
    (
        "halloran-budget-speech.txt",
        include_str!("../../sample-articles/halloran-budget-speech.txt"),
    ),
    (
        "okafor-logistics-forum.md",
        include_str!("../../sample-articles/okafor-logistics-forum.md"),
    ),
    (
        "tessaly-tram-blog.md",
        include_str!("../../sample-articles/tessaly-tram-blog.md"),
    ),
    (
        "tessaly-tram-daily.md",
        include_str!("../../sample-articles/tessaly-tram-daily.md"),
    ),
    (
        "tessaly-tram-review.md",
        include_str!("../../sample-articles/tessaly-tram-review.md"),
    ),
    (
        "tessaly-tram-scraped.txt",
        include_str!("../../sample-articles/tessaly-tram-scraped.txt"),
    ),
    (
        "tessaly-tram-wire.md",
        include_str!("../../sample-articles/tessaly-tram-wire.md"),
    ),
    (
        "valmora-crane-blog.md",
        include_str!("../../sample-articles/valmora-crane-blog.md"),
    ),
    (
        "valmora-crane-courier.md",
        include_str!("../../sample-articles/valmora-crane-courier.md"),
    ),
    (
        "valmora-crane-ledger.md",
        include_str!("../../sample-articles/valmora-crane-ledger.md"),
    ),
    (
        "valmora-crane-scraped.txt",
        include_str!("../../sample-articles/valmora-crane-scraped.txt"),
    ),
    (
        "valmora-crane-wire.md",
        include_str!("../../sample-articles/valmora-crane-wire.md"),
    ),
    (
        "varga-school-opening.md",
        include_str!("../../sample-articles/varga-school-opening.md"),
    ),
];

/// Parses the embedded samples; their paths read `sample:NAME`.
pub fn load_samples() -> Loaded {
    let mut loaded = Loaded::default();
    for (name, text) in SAMPLES {
        let path = PathBuf::from(format!("sample:{name}"));
        let format = Format::from_path(name.as_ref()).unwrap_or(Format::Txt);
        match parse_article(&path, text, format) {
            Ok((article, _)) => loaded.articles.push(article),
            Err(e) => loaded.issues.push(LoadIssue {
                path,
                kind: IssueKind::Skipped,
                reason: e.to_string(),
            }),
        }
    }
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_file_is_embedded_and_loads() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-articles");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        on_disk.sort();
        let embedded: Vec<String> = SAMPLES.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(
            embedded, on_disk,
            "update SAMPLES in src/library/samples.rs"
        );
        let loaded = load_samples();
        assert_eq!(loaded.articles.len(), SAMPLES.len());
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    }
}
