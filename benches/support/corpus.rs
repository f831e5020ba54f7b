//! Generated article corpora for the benches: invented text, deterministic, any size.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

const WORDS: &[&str] = &[
    "harbour",
    "council",
    "minister",
    "crane",
    "tram",
    "budget",
    "report",
    "officials",
    "said",
    "the",
    "a",
    "of",
    "to",
    "in",
    "on",
    "and",
    "was",
    "were",
    "after",
    "before",
    "inspectors",
    "workers",
    "residents",
    "district",
    "million",
    "crowns",
    "vote",
    "line",
    "station",
    "union",
    "letter",
    "investigation",
    "spring",
    "terminal",
    "engineers",
    "mayor",
    "opposition",
    "grant",
    "passengers",
    "delays",
    "weather",
    "river",
    "bridge",
    "school",
    "hospital",
    "analysts",
];

/// A tiny deterministic generator, so every run benches the same text.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// A sentence of 8 to 24 invented words.
pub fn sentence(rng: &mut Lcg) -> String {
    let n = 8 + rng.below(17) as usize;
    let mut s = String::new();
    for i in 0..n {
        let w = WORDS[rng.below(WORDS.len() as u64) as usize];
        if i == 0 {
            let mut c = w.chars();
            s.extend(c.next().map(|f| f.to_ascii_uppercase()));
            s.push_str(c.as_str());
        } else {
            s.push(' ');
            s.push_str(w);
        }
        if rng.below(12) == 0 {
            s.push_str(&format!(" {}", rng.below(5000)));
        }
    }
    s.push('.');
    s
}

/// A body of about `bytes` bytes in paragraphs of three to six sentences.
pub fn body(rng: &mut Lcg, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 200);
    while out.len() < bytes {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        for i in 0..3 + rng.below(4) {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&sentence(rng));
        }
    }
    out
}

/// Writes `count` articles of 3 to 8 KB (half .md with front matter, half .txt) into `dir`,
/// spread over 100 subfolders; returns the total bytes written.
pub fn write_library(dir: &Path, count: usize) -> usize {
    let mut rng = Lcg::new(7);
    let mut total = 0;
    for i in 0..count {
        let sub = dir.join(format!("feed{:03}", i % 100));
        std::fs::create_dir_all(&sub).unwrap();
        let size = 3000 + rng.below(5000) as usize;
        let text = if i % 2 == 0 {
            format!(
                "+++\ntitle = \"Article {i}\"\nsource = \"Outlet {}\"\npublished = 2026-{:02}-{:02}\n+++\n\n{}\n",
                i % 37,
                1 + i % 12,
                1 + i % 28,
                body(&mut rng, size)
            )
        } else {
            format!("Article {i}\n\n{}\n", body(&mut rng, size))
        };
        total += text.len();
        let ext = if i % 2 == 0 { "md" } else { "txt" };
        std::fs::write(sub.join(format!("a{i:05}.{ext}")), text).unwrap();
    }
    total
}

/// A folder holding the 10,000-article library, generated once and kept under target/.
pub fn library_10k() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus/library-10k");
    let marker = dir.join(".complete");
    if !marker.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let bytes = write_library(&dir, 10_000);
        std::fs::write(&marker, bytes.to_string()).unwrap();
    }
    dir
}
