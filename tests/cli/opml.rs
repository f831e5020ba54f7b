//! parallax opml import: the config kept as written, broken and hostile lists refused.

use super::*;

#[test]
fn opml_import_keeps_the_config_as_written_and_refuses_what_is_not_http() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let mine = "# my own notes\nmax_items_per_feed = 50  # plenty\n\n[[feeds]]\n\
                url = \"https://meridian-wire.example/all.rss\"\nname = \"Wire\"\n";
    std::fs::write(&config, mine).unwrap();
    let config_arg = config.to_str().unwrap();
    let fixture = "tests/fixtures/opml/subscriptions.opml";
    let out = parallax(&["--config", config_arg, "opml", "import", fixture]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(said.starts_with("3 feeds added to"), "{said}");
    assert!(
        said.contains(
            "= Meridian Wire <https://meridian-wire.example/all.rss> (already subscribed)"
        ),
        "{said}"
    );
    for refused in ["A command", "An exec", "A file"] {
        assert!(
            said.contains(&format!("{refused} refused: only http and https")),
            "{said}"
        );
    }
    let written = std::fs::read_to_string(&config).unwrap();
    assert!(
        written.starts_with(mine),
        "the user's text is kept:\n{written}"
    );
    assert!(
        !written.contains("evil") && !written.contains("passwd"),
        "{written}"
    );

    // The config still loads, with the nested outlines as tags; a second import adds nothing.
    let again = parallax(&["--config", config_arg, "opml", "import", fixture]);
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("0 feeds added"));
    assert_eq!(std::fs::read_to_string(&config).unwrap(), written);

    // Export, and import the export into an empty config: the same feeds, names and tags.
    let exported = parallax(&["--config", config_arg, "opml", "export"]);
    assert!(exported.status.success());
    let text = String::from_utf8(exported.stdout).unwrap();
    assert!(text.contains("rss?section=port&amp;format=rss"), "{text}");
    let opml = dir.path().join("out.opml");
    std::fs::write(&opml, &text).unwrap();
    let fresh = dir.path().join("fresh").join("config.toml");
    let fresh_arg = fresh.to_str().unwrap();
    let out = parallax(&[
        "--config",
        fresh_arg,
        "opml",
        "import",
        opml.to_str().unwrap(),
    ]);
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("4 feeds added"),
        "{}",
        stderr(&out)
    );
    let feeds = |path: &Path| {
        let table: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
        let mut feeds: Vec<String> = table["feeds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| format!("{} {:?} {:?}", f["url"], f.get("name"), f.get("tags")))
            .collect();
        feeds.sort();
        feeds
    };
    assert_eq!(feeds(&fresh), feeds(&config));
    assert!(
        feeds(&config)
            .iter()
            .any(|f| f.contains("Harbour towns") && f.contains("Valmora"))
    );
}

#[test]
fn opml_import_of_a_broken_file_names_its_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "# mine\n").unwrap();
    let broken = dir.path().join("broken.opml");
    std::fs::write(&broken, "<opml>\n<body>\n<outline text=\"a\"></body>\n").unwrap();
    let out = parallax(&[
        "--config",
        config.to_str().unwrap(),
        "opml",
        "import",
        broken.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("broken.opml:3:"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&config).unwrap(), "# mine\n");
}

#[test]
fn opml_import_refuses_a_list_that_would_make_the_config_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "# mine\n").unwrap();
    let mut opml = String::from("<opml><body>\n");
    // About 270 bytes of config a feed: 4,500 of them pass the 1 MiB a config may have.
    let region = "of the northern coast and the islands ".repeat(4);
    for n in 0..4_500 {
        opml.push_str(&format!(
            "<outline text=\"Harbour bulletin {n} {region}\" xmlUrl=\"https://bulletins.example/harbour/{n}/feed.xml\"/>\n"
        ));
    }
    opml.push_str("</body></opml>\n");
    let file = dir.path().join("many.opml");
    std::fs::write(&file, opml).unwrap();
    let out = parallax(&[
        "--config",
        config.to_str().unwrap(),
        "opml",
        "import",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("nothing was imported"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&config).unwrap(), "# mine\n");
}
