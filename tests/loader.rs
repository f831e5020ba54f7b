//! Loading a library full of bad and hostile files: every good file loads, every bad one is
//! reported with its path and reason, and nothing that could act on a terminal survives.

use std::fs;
use std::path::{Path, PathBuf};

use parallax::library::{IssueKind, LoadOptions, Loaded, load_paths};

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

fn issue_for<'a>(loaded: &'a Loaded, name: &str, kind: IssueKind) -> &'a str {
    loaded
        .issues
        .iter()
        .find(|i| i.kind == kind && i.path.file_name().is_some_and(|n| n == name))
        .map(|i| i.reason.as_str())
        .unwrap_or_else(|| panic!("no {kind:?} issue for {name}: {:#?}", loaded.issues))
}

/// Every character an article may show: no C0 but newline and tab, no DEL, no C1, no bidi.
fn assert_terminal_safe(text: &str) {
    for c in text.chars() {
        let bad = (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        assert!(!bad, "unsafe character U+{:04X} in {text:?}", c as u32);
    }
}

#[test]
fn a_library_of_bad_files_loads_every_good_one_and_reports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "good.md",
        "+++\ntitle = \"Good\"\nsource = \"Wire\"\n+++\nA fine report.\n",
    );
    write(
        d,
        "nested/deeper/deep.txt",
        "Deep Title\n\nFound by walking folders.\n",
    );
    write(d, "binary.txt", b"PNG\x00\x01\x02 not text");
    write(
        d,
        "latin1.txt",
        b"Caf\xe9 Opens\n\nThe caf\xe9 opened on Monday.\n",
    );
    write(d, "empty.txt", "   \n\n");
    write(d, "huge.txt", "Huge\n\n".to_string() + &"word ".repeat(400));
    write(d, "photo.png", b"\x89PNG\x00");
    write(d, ".hidden.md", "Hidden\n\nshould not load");
    std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("dangling.txt")).unwrap();

    let missing = d.join("not-there.md");
    let loaded = load_paths(
        &[d.to_path_buf(), missing],
        &LoadOptions {
            max_file_size: 1024,
        },
    );

    let mut titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    titles.sort();
    assert_eq!(
        titles,
        ["Caf\u{fffd} Opens", "Deep Title", "Good"],
        "bad bytes become U+FFFD, the rest is kept"
    );

    assert!(issue_for(&loaded, "binary.txt", IssueKind::Skipped).contains("binary"));
    assert!(issue_for(&loaded, "empty.txt", IssueKind::Skipped).contains("empty"));
    assert!(issue_for(&loaded, "huge.txt", IssueKind::Skipped).contains("too large"));
    assert!(issue_for(&loaded, "dangling.txt", IssueKind::Skipped).contains("not found"));
    assert!(issue_for(&loaded, "not-there.md", IssueKind::Skipped).contains("not found"));
    assert!(issue_for(&loaded, "latin1.txt", IssueKind::Repaired).contains("not valid UTF-8"));
    assert!(
        loaded.issues.iter().all(|i| !i.path.ends_with("photo.png")),
        "unrelated files are quietly passed over"
    );
    let latin = loaded
        .articles
        .iter()
        .find(|a| a.title.starts_with("Caf"))
        .unwrap();
    assert_eq!(latin.body, "The caf\u{fffd} opened on Monday.");
}

#[test]
fn hostile_text_cannot_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Each fixture tries one trick: retitle the window, clear the screen, move the cursor,
    // overwrite with carriage returns, hide text with reverse bidi, 8-bit C1 CSI, DEL, BEL.
    let fixtures: &[(&str, &str)] = &[
        (
            "osc-title.txt",
            "Title\x1b]0;you have been owned\x07\n\nBody\x1b]2;again\x1b\\ text.",
        ),
        (
            "clear-screen.txt",
            "Clear\n\n\x1b[2J\x1b[HBody \x1b[31mred\x1b[0m text.",
        ),
        (
            "cursor.txt",
            "Cursor\n\nLine\x1b[10A\x1b[5Cup \x1b7saved\x1b8 text.",
        ),
        (
            "overwrite.txt",
            "Overwrite\n\nThe minister resigned\rThe minister stayed.",
        ),
        (
            "bidi.txt",
            "Bidi \u{202e}desrever\u{202c}\n\nAmount: \u{2067}100\u{2069} crowns \u{202d}x\u{202c}.",
        ),
        (
            "c1.txt",
            "C1 \u{9b}31m\n\nBody\u{9d}0;evil\u{9c} text\u{85}.",
        ),
        (
            "controls.txt",
            "Controls\x07\x08\n\nBody\x7f with \x00 nothing\x1b.",
        ),
        (
            "front.md",
            "+++\ntitle = \"Front \\u001b[5mblink\"\nsource = \"Evil \\u202e Wire\"\n+++\nBody.",
        ),
    ];
    for (name, text) in fixtures {
        write(d, name, text);
    }
    let loaded = load_paths(&[d.to_path_buf()], &LoadOptions::default());
    // The NUL fixture is skipped as binary; every other one loads.
    assert_eq!(
        loaded.articles.len(),
        fixtures.len() - 1,
        "{:#?}",
        loaded.issues
    );
    for a in &loaded.articles {
        for text in [&a.title, &a.body, &a.source, &a.author, &a.url] {
            assert_terminal_safe(text);
        }
    }
    let by_title = |t: &str| {
        loaded
            .articles
            .iter()
            .find(|a| a.title.starts_with(t))
            .unwrap()
    };
    assert_eq!(by_title("Title").body, "Body text.");
    assert_eq!(by_title("Clear").body, "Body red text.");
    assert_eq!(
        by_title("Overwrite").body,
        "The minister resigned\nThe minister stayed."
    );
    assert_eq!(by_title("Bidi").title, "Bidi desrever");
    assert_eq!(by_title("Front").title, "Front blink");
    assert!(
        loaded
            .issues
            .iter()
            .any(|i| i.kind == IssueKind::Repaired && i.reason.contains("control or escape"))
    );
}

#[test]
fn scraped_junk_is_cleaned_and_logged() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Flood Warning IssuedFlood Warning Issued\n\nHome > Weather > Alerts\n\n![](hero.jpg)\n0\n1\n\nFlood Warning Issued\n\nRiver levels rose overnight.\n\n\n\nResidents were told to stay away.\n\nShare this article\nNo comments\n";
    write(dir.path(), "scraped.txt", text);
    let loaded = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default());
    let a = &loaded.articles[0];
    assert_eq!(a.title, "Flood Warning Issued");
    assert_eq!(
        a.body,
        "River levels rose overnight.\n\nResidents were told to stay away."
    );
    let log = issue_for(&loaded, "scraped.txt", IssueKind::Cleaned);
    assert!(
        log.contains("2 noise lines") && log.contains("footer"),
        "{log}"
    );
}

#[test]
fn order_is_stable_across_loads() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..50 {
        write(
            dir.path(),
            &format!("a{i:02}.txt"),
            format!("Title {i}\n\nBody {i}."),
        );
    }
    let opts = LoadOptions::default();
    let a: Vec<_> = load_paths(&[dir.path().to_path_buf()], &opts)
        .articles
        .into_iter()
        .map(|a| a.title)
        .collect();
    let b: Vec<_> = load_paths(&[dir.path().to_path_buf()], &opts)
        .articles
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert_eq!(a, b);
    assert_eq!(a[0], "Title 0");
    assert_eq!(a.len(), 50);
}

#[test]
fn fifos_and_devices_are_skipped_with_a_reason_and_never_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", "A Title\n\nA body.");
    let fifo = dir.path().join("pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).unwrap();
    // Opening the FIFO would wait for a writer forever, and /dev/zero never ends: the load
    // runs on a thread, so a regression fails here instead of hanging the suite.
    let (tx, rx) = std::sync::mpsc::channel();
    let folder = dir.path().to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(load_paths(&[folder], &LoadOptions::default()));
    });
    let loaded = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("loading finished");
    assert_eq!(loaded.articles.len(), 1);
    for name in ["pipe.md", "zero.txt"] {
        assert!(
            issue_for(&loaded, name, IssueKind::Skipped).contains("not a regular file"),
            "{name}"
        );
    }
}
