//! parallax compare: the JSON fields, two columns, Markdown and text, missing files, feed entries.

use super::*;

#[test]
fn compare_json_holds_the_documented_fields() {
    let out = parallax(&[
        "compare",
        "sample:tessaly-tram-wire.md",
        "sample:tessaly-tram-review.md",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "left",
        "right",
        "groups",
        "conflicts",
        "summary",
        "quotes_only_left",
        "quotes_only_right",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let body = v["left"]["body"].as_str().unwrap();
    let group = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["kind"] == "paraphrase")
        .expect("an aligned group");
    assert!(group["kind"].is_string() && group["score"].is_number() && group["ops"].is_array());
    // Ranges index the body given in the same output.
    let span = &group["left"][0];
    let (a, b) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert!(a < b && b <= body.len());
    let reasons: Vec<&str> = v["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["reason"].as_str().unwrap())
        .collect();
    assert!(
        reasons.contains(&"year: \"2027\" vs \"2028\""),
        "{reasons:?}"
    );
    // Deterministic.
    let again = parallax(&[
        "compare",
        "sample:tessaly-tram-wire.md",
        "sample:tessaly-tram-review.md",
        "--format",
        "json",
    ]);
    assert_eq!(out.stdout, again.stdout);
}

/// Two samples of one event, side by side, with this `--width`.
fn side_by_side_at(width: &str) -> Output {
    parallax(&[
        "compare",
        "sample:valmora-crane-wire.md",
        "sample:valmora-crane-courier.md",
        "--format",
        "side-by-side",
        "--width",
        width,
    ])
}

#[test]
fn compare_side_by_side_is_plain_when_not_a_terminal() {
    let out = side_by_side_at("100");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'), "no colour codes into a pipe");
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 100),
        "fits the width"
    );
    assert!(text.contains("= copy"), "{text}");
    assert!(
        text.contains("«") && text.contains("»"),
        "without colour, changed words are marked: {text}"
    );
    let title = text.lines().next().unwrap_or("");
    assert!(
        title.contains("…"),
        "a title cut to its column says so: {title}"
    );
}

#[test]
fn compare_side_by_side_takes_columns_from_the_environment_and_bounds_the_width() {
    let run = |width: Option<&str>, columns: &str| {
        let mut args = vec![
            "compare",
            "sample:valmora-crane-wire.md",
            "sample:valmora-crane-courier.md",
            "--format",
            "side-by-side",
        ];
        if let Some(w) = width {
            args.extend(["--width", w]);
        }
        let out = parallax_with(&args, &[("COLUMNS", columns)]);
        let text = String::from_utf8(out.stdout).unwrap();
        text.lines()
            .map(unicode_width::UnicodeWidthStr::width)
            .max()
            .unwrap_or(0)
    };
    assert!(run(None, "70") <= 70);
    assert!(run(None, "70") > 60, "uses the room it has");
    assert!(run(Some("90"), "70") > 80, "--width wins over $COLUMNS");
    assert!(
        run(None, "5") >= 38,
        "a tiny $COLUMNS is widened to two columns' worth"
    );
    assert!(run(None, "100000") <= 1000, "a huge $COLUMNS is bounded");
    // An explicit --width outside 40..=1000 is refused with a message, never obeyed.
    for width in ["5", "1001", "18446744073709551615", "wide"] {
        let out = side_by_side_at(width);
        assert_eq!(out.status.code(), Some(2), "--width {width}");
        assert!(out.stdout.is_empty());
        assert!(
            stderr(&out).contains(
                "for '--width <WIDTH>': the width is a number of columns from 40 to 1000"
            ),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn compare_markdown_and_text_name_both_articles() {
    for format in ["markdown", "text"] {
        let out = parallax(&[
            "compare",
            "sample:valmora-crane-wire.md",
            "sample:valmora-crane-ledger.md",
            "--format",
            format,
        ]);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("Coastline Press Agency") && text.contains("Northern Ledger"),
            "{format}"
        );
        assert!(
            text.contains("\"48 hours\" vs \"72 hours\""),
            "{format}: {text}"
        );
    }
}

#[test]
fn compare_refuses_missing_files_with_status_2() {
    let out = parallax(&["compare", "no/such/file.md", "sample:tessaly-tram-wire.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "parallax: cannot compare: no/such/file.md: not found\n"
    );
    let out = parallax(&[
        "compare",
        "sample:nothing.md",
        "sample:tessaly-tram-wire.md",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no built-in sample"));
}

/// Every feed entry the list shows can be compared by the name the list gives it; a feed
/// named without an entry says which names it has.
#[test]
fn compare_takes_feed_entries_by_the_names_the_list_gives() {
    let feed = "tests/fixtures/web/harbour-gazette.rss";
    let listed = String::from_utf8(parallax(&["list", feed]).stdout).unwrap();
    assert!(listed.contains(&format!("{feed}#2")), "{listed}");
    let (first, second) = (format!("{feed}#1"), format!("{feed}#2"));
    let out = parallax(&["compare", &first, &second, "--format", "text"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Ferry service to Lindholm suspended")
            && text.contains("Council delays vote on harbour parking fees"),
        "{text}"
    );

    let out = parallax(&["compare", feed, &second]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!(
            "holds 3 articles; name one as {feed}#1 to {feed}#3"
        )),
        "{}",
        stderr(&out)
    );
    let out = parallax(&["compare", &format!("{feed}#9"), &second]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no entry 9"), "{}", stderr(&out));
}

#[test]
fn markdown_lists_the_quotations_only_one_report_carries() {
    let out = parallax(&[
        "compare",
        "sample:tessaly-tram-wire.md",
        "sample:tessaly-tram-review.md",
        "--format",
        "markdown",
        "--fast",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("## Quotations only one report carries"),
        "{text}"
    );
    assert!(
        text.contains(
            "- only left (Ines Varga): \"the biggest investment in this city's streets in a \
             generation.\""
        ),
        "{text}"
    );
}

#[test]
fn compare_takes_the_size_limit_from_a_config_file_and_stops_at_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let report = "Ferry\n\nA ferry ran aground off Port Amsel on Friday, the coastguard said.\n";
    let (left, right) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&left, report).unwrap();
    std::fs::write(&right, report.replace("Friday", "Monday")).unwrap();
    let (left, right) = (left.to_str().unwrap(), right.to_str().unwrap());
    let compare = |config: &str| {
        parallax(&[
            "--config", config, "compare", left, right, "--format", "json", "--fast",
        ])
    };

    let small = dir.path().join("small.toml");
    std::fs::write(&small, "max_file_size = 20\n").unwrap();
    let out = compare(small.to_str().unwrap());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("a.txt"), "{}", stderr(&out));

    let out = compare("tests/fixtures/config/unknown-action.toml");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("parallax: the config file has 1 problem:"),
        "{}",
        stderr(&out)
    );

    // With no config file at all, the built-in limit stands.
    let out = parallax(&["compare", left, right, "--format", "json", "--fast"]);
    assert!(out.status.success(), "{}", stderr(&out));
}
