//! Comparisons off the loop: long articles in the background, the deep tier refining in place, and the messages that go with them.

use super::*;

/// Long articles are compared off the loop: `c` asks for it, the status says so, the keys keep
/// working, and the pane opens when the result arrives.
#[test]
fn long_articles_are_compared_in_the_background() {
    let paragraph =
        "The harbour board met on Monday to discuss the ferry timetable and the cost of repairs. ";
    let long = |title: &str, n: usize| {
        parallax::article::Article::new(
            format!("{title}.md").into(),
            title.into(),
            (0..n)
                .map(|k| format!("{paragraph}Item {k} was noted."))
                .collect::<Vec<_>>()
                .join("\n\n"),
        )
    };
    let loaded = parallax::library::Loaded {
        articles: vec![long("Left", 1600), long("Right", 1500)],
        issues: Vec::new(),
    };
    let mut app = app_with(loaded, Config::builtin(), 120, 30);
    let effects = press(&mut app, &["m", "j", "c"]);
    let Some(Effect::Compare {
        left,
        right,
        tier: Tier::Fast,
        at_once: false,
    }) = effects.last().cloned()
    else {
        panic!("expected a background comparison, got {effects:?}");
    };
    assert!(app.compare().is_none());
    assert!(screen(&app).contains("comparing two long articles"));
    // Still responsive: another c only says to wait.
    assert!(press(&mut app, &["c"]).is_empty());
    assert!(screen(&app).contains("still comparing"));

    let comparison = parallax::compare::compare(
        &app.articles()[left],
        &app.articles()[right],
        &Default::default(),
    );
    let refine = app.update(Action::Compared {
        pair: (left, right),
        tier: Tier::Fast,
        comparison: Box::new(comparison),
    });
    assert!(app.compare().is_some());
    assert_eq!(
        refine,
        Some(Effect::Compare {
            left,
            right,
            tier: Tier::Deep,
            at_once: false,
        })
    );
}

#[test]
fn the_deep_tier_refines_the_open_pane_in_place_and_says_so() {
    let mut app = sample_app(160, 40);
    select(&mut app, "Tessaly council approves 12-kilometre");
    press(&mut app, &["m"]);
    select(&mut app, "After years of wrangling, Tessaly finally");
    let effects = press(&mut app, &["c"]);
    let Some(Effect::Compare {
        left,
        right,
        tier: Tier::Deep,
        ..
    }) = effects.last().cloned()
    else {
        panic!("expected the deep tier to be asked for, got {effects:?}");
    };
    assert!(screen(&app).contains("refining…"));
    press(&mut app, &["n"]);
    let cursor = app.compare().unwrap().cursor;
    let options = parallax::compare::Options {
        tier: Tier::Deep,
        ..Default::default()
    };
    let deep = parallax::compare::compare(&app.articles()[left], &app.articles()[right], &options);
    assert_eq!(deep.summary.meaning.tier, Tier::Deep);
    app.update(Action::Compared {
        pair: (left, right),
        tier: Tier::Deep,
        comparison: Box::new(deep.clone()),
    });
    let pane = app.compare().unwrap();
    assert_eq!(pane.comparison, deep);
    assert_eq!(pane.cursor, cursor, "the cursor stays on its passage");
    assert!(screen(&app).contains("refined with the deep model"));

    // A refinement that arrives after the pane was left changes nothing.
    press(&mut app, &["Esc"]);
    app.update(Action::Compared {
        pair: (left, right),
        tier: Tier::Deep,
        comparison: Box::new(deep),
    });
    assert!(app.compare().is_none());
}

#[test]
fn reports_of_other_events_say_they_share_little_and_reports_of_one_event_say_so() {
    let mut app = sample_app(160, 40);
    select(&mut app, "Tessaly council approves 12-kilometre");
    press(&mut app, &["m"]);
    select(&mut app, "Mayor opens Ashgrove's first new school");
    press(&mut app, &["c"]);
    let shown = screen(&app);
    assert!(
        shown.contains("Share little (") && shown.contains("only sure links"),
        "{shown}"
    );
    let shown = screen(&wire_vs_review(160, 40));
    assert!(shown.contains("Same event ·"), "{shown}");
    assert!(!shown.contains("Share little"), "{shown}");
}

#[test]
fn a_message_goes_with_the_comparison_that_gave_it_and_old_ones_give_way_to_the_keys() {
    let mut app = wire_vs_review(100, 30);
    press(&mut app, &["s"]);
    assert_eq!(app.status(), Some("sides swapped"));
    press(&mut app, &["Esc"]);
    assert_eq!(
        app.status(),
        None,
        "leaving the comparison ends its message"
    );

    // A long message is shown whole when given; after the next key the hints come back.
    select(&mut app, "Crane collapses at Port of Valmora");
    press(&mut app, &["m"]);
    let last_row = |app: &App| screen(app).lines().last().unwrap_or("").to_string();
    assert!(last_row(&app).contains("marked \"Crane collapses at Port of Valmora"));
    assert!(!last_row(&app).contains("? help"), "{}", last_row(&app));
    press(&mut app, &["j"]);
    let row = last_row(&app);
    assert!(
        row.starts_with("marked \"Crane") && row.contains("? help · q quit"),
        "{row}"
    );
}
