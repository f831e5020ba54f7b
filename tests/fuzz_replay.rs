//! Every saved fuzz input, replayed through the fuzz targets' own entry points
//! (`fuzz/entries.rs`) on the stable toolchain: the corpora seeded from our fixtures and grown
//! by `cargo fuzz`, and each input that once crashed a target (`fuzz/regressions/TARGET/`).

#[path = "../fuzz/entries.rs"]
mod entries;

use std::path::Path;

/// Runs `entry` on every file of `fuzz/corpus/TARGET` and `fuzz/regressions/TARGET`; returns
/// how many there were.
fn replay(target: &str, entry: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for folder in ["corpus", "regressions"] {
        let Ok(files) = std::fs::read_dir(root.join(folder).join(target)) else {
            continue;
        };
        for file in files {
            let path = file.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| entry(&data));
            assert!(outcome.is_ok(), "{} fails again", path.display());
            count += 1;
        }
    }
    count
}

#[test]
fn article_inputs_replay() {
    assert!(replay("article", entries::article) > 0, "no saved inputs");
}

#[test]
fn config_inputs_replay() {
    assert!(replay("config", entries::config) > 0, "no saved inputs");
}

#[test]
fn sentence_inputs_replay() {
    assert!(
        replay("sentences", entries::sentences) > 0,
        "no saved inputs"
    );
}

#[test]
fn compare_inputs_replay() {
    assert!(replay("compare", entries::compare) > 0, "no saved inputs");
}
