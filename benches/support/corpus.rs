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

/// An invented word for rank `r` (lower ranks are drawn more often).
fn invented(r: u64) -> String {
    const SYL: &[&str] = &[
        "ka", "ro", "mi", "te", "lun", "sa", "vor", "el", "din", "pa", "qu", "is", "tor", "an",
        "be", "ul",
    ];
    let mut n = r + 1;
    let mut w = String::new();
    while n > 0 {
        w.push_str(SYL[(n % 16) as usize]);
        n /= 16;
    }
    w
}

/// A sentence of distinct-ish words drawn from a Zipf-like vocabulary of 20,000 words.
pub fn zipf_sentence(rng: &mut Lcg) -> String {
    let n = 10 + rng.below(16) as usize;
    let mut words: Vec<String> = (0..n)
        .map(|_| {
            // Log-uniform ranks, P(rank r) ~ 1/r (Zipf's law): a few very common words and a
            // long tail of rare ones, as in prose. Median rank about 140 of 20,000.
            let u = rng.below(1_000_000) as f64 / 1_000_000.0;
            invented(20_000f64.powf(u) as u64)
        })
        .collect();
    if rng.below(3) == 0 {
        words.push(rng.below(1000).to_string());
    }
    let mut s = words.join(" ");
    if let Some(f) = s.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    s.push('.');
    s
}

/// Two reports of about `bytes` each: the second rewrites the first (paragraphs reordered,
/// words changed, sentences dropped and added), as a paraphrase would.
pub fn report_pair(seed: u64, bytes: usize) -> (String, String) {
    let mut rng = Lcg::new(seed);
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let mut size = 0;
    while size < bytes {
        let p: Vec<String> = (0..2 + rng.below(3))
            .map(|_| zipf_sentence(&mut rng))
            .collect();
        size += p.iter().map(|s| s.len() + 1).sum::<usize>() + 1;
        paragraphs.push(p);
    }
    let left = paragraphs
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut rewritten: Vec<Vec<String>> = Vec::new();
    for p in &paragraphs {
        let mut out = Vec::new();
        for s in p {
            if rng.below(6) == 0 {
                continue; // dropped
            }
            let mut words: Vec<String> = s.split(' ').map(str::to_string).collect();
            for w in &mut words {
                if rng.below(4) == 0 {
                    *w = invented(rng.below(20_000));
                }
            }
            out.push(words.join(" "));
        }
        if rng.below(4) == 0 {
            out.push(zipf_sentence(&mut rng)); // added
        }
        rewritten.push(out);
    }
    // Move about a tenth of the paragraphs.
    for i in 0..rewritten.len() {
        if rng.below(10) == 0 {
            let j = rng.below(rewritten.len() as u64) as usize;
            rewritten.swap(i, j);
        }
    }
    let right = rewritten
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n");
    (left, right)
}

/// A pair of English reports from the shipped samples (invented stories): each original on the
/// left, the other outlets' rewrites of the same stories on the right, joined as one long
/// report each (8.7 KB and 6.1 KB). The deep tier's cost follows the word pieces, and the
/// generated text's invented words split into several pieces each where most English words are
/// one: this pair shows what it costs on prose.
pub fn sample_pair() -> (String, String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles");
    let join = |names: &[&str]| {
        names
            .iter()
            .map(|n| std::fs::read_to_string(dir.join(n)).expect("sample article"))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let left = join(&[
        "tessaly-tram-wire.md",
        "valmora-crane-wire.md",
        "tessaly-tram-daily.md",
        "valmora-crane-courier.md",
        "okafor-logistics-forum.md",
        "brandt-union-vote.txt",
        "halloran-budget-speech.txt",
        "varga-school-opening.md",
    ]);
    let right = join(&[
        "tessaly-tram-review.md",
        "valmora-crane-ledger.md",
        "tessaly-tram-blog.md",
        "valmora-crane-blog.md",
        "tessaly-tram-scraped.txt",
        "valmora-crane-scraped.txt",
    ]);
    (left, right)
}
