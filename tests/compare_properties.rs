//! Invariants of the comparison engine, on generated text (proptest).

use parallax::compare::{Comparison, Kind, Tier};
use proptest::prelude::*;

#[path = "common/invariants.rs"]
mod invariants;

use invariants::{check_invariants_with, run_with};

fn run(a: &str, b: &str) -> Comparison {
    run_with(a, b, Tier::Fast)
}

fn check_invariants(a: &str, b: &str) {
    check_invariants_with(a, b, Tier::Fast);
}

/// Text that looks like news: sentences with names, numbers, quotes and abbreviations.
fn newsy() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("the"),
        Just("crane"),
        Just("Port"),
        Just("Valmora"),
        Just("said"),
        Just("Mr."),
        Just("U.S."),
        Just("three"),
        Just("48"),
        Just("hours"),
        Just("former"),
        Just("mayor"),
        Just("Ines"),
        Just("Varga"),
        Just("\"We"),
        Just("warned\""),
        Just("7-4"),
        Just("Tuesday"),
        Just("2027"),
        Just("3.5"),
        Just("—"),
        Just("“quote”"),
        Just("a.m."),
        Just("and"),
        Just("workers"),
        Just("injured"),
        Just("über"),
        Just("日本"),
    ];
    let sentence = (
        proptest::collection::vec(word, 1..12),
        prop_oneof![Just("."), Just("!"), Just("?"), Just("")],
    )
        .prop_map(|(w, end)| format!("{}{end}", w.join(" ")));
    let paragraph = proptest::collection::vec(sentence, 1..5).prop_map(|s| s.join(" "));
    proptest::collection::vec(paragraph, 0..6).prop_map(|p| p.join("\n\n"))
}

proptest! {
    // The deep tier runs the model on every candidate sentence: fewer cases.
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn the_deep_tier_keeps_the_invariants_on_any_unicode(a in "\\PC{0,200}", b in "(\\PC|\\s){0,200}") {
        check_invariants_with(&a, &b, Tier::Deep);
    }

    #[test]
    fn the_deep_tier_keeps_the_invariants_on_news_like_text(a in newsy(), b in newsy()) {
        check_invariants_with(&a, &b, Tier::Deep);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_never_panics_and_keeps_the_invariants(a in "\\PC{0,200}", b in "(\\PC|\\s){0,200}") {
        check_invariants(&a, &b);
    }

    #[test]
    fn news_like_text_keeps_the_invariants(a in newsy(), b in newsy()) {
        check_invariants(&a, &b);
    }

    #[test]
    fn a_text_against_itself_is_all_copy(a in newsy()) {
        let c = run(&a, &a);
        prop_assert!(c.groups.iter().all(|g| g.kind == Kind::Copy || a.trim().is_empty()), "{:?}", c.groups);
        prop_assert!(c.conflicts.is_empty());
    }

    #[test]
    fn an_empty_side_makes_everything_unique(a in newsy()) {
        let c = run(&a, "");
        prop_assert!(c.groups.iter().all(|g| g.kind == Kind::OnlyLeft));
        let c = run("", &a);
        prop_assert!(c.groups.iter().all(|g| g.kind == Kind::OnlyRight));
    }
}

#[test]
fn a_rebuilt_text_equals_the_original() {
    let a = "First sentence here. Second one!\n\n\"A quote,\" she said. Done";
    let b = "Second one! First sentence here.";
    let c = run(a, b);
    let mut spans: Vec<[usize; 2]> = c.groups.iter().flat_map(|g| g.left.clone()).collect();
    spans.sort();
    let rebuilt: String = spans.iter().map(|s| &a[s[0]..s[1]]).collect();
    assert_eq!(rebuilt, a);
    assert!(
        c.groups.iter().any(|g| g.moved),
        "the reordered pair is marked as moved"
    );
}
