//! Invariants of the comparison engine, on generated text (proptest).

use parallax::compare::{Comparison, Kind, Options, Side, Tier, compare_sides};
use proptest::prelude::*;

fn side(name: &str, body: String) -> Side {
    Side {
        path: name.into(),
        title: name.into(),
        source: String::new(),
        body,
    }
}

fn run(a: &str, b: &str) -> Comparison {
    run_with(a, b, Tier::Fast)
}

fn run_with(a: &str, b: &str, tier: Tier) -> Comparison {
    compare_sides(
        side("a", a.to_string()),
        side("b", b.to_string()),
        &with(tier),
    )
}

fn with(tier: Tier) -> Options {
    Options {
        tier,
        ..Options::default()
    }
}

/// Every group's ranges on one side, sorted, must tile `[0, len)` exactly.
fn assert_tiles(body: &str, spans: Vec<[usize; 2]>) {
    let mut spans = spans;
    spans.sort();
    let mut at = 0;
    for s in &spans {
        assert_eq!(
            s[0], at,
            "gap or overlap at {at} in {spans:?} over {body:?}"
        );
        assert!(s[1] > s[0] && s[1] <= body.len());
        assert!(body.is_char_boundary(s[0]) && body.is_char_boundary(s[1]));
        at = s[1];
    }
    assert_eq!(
        at,
        body.len(),
        "ranges stop at {at} of {} in {body:?}",
        body.len()
    );
}

fn check_invariants(a: &str, b: &str) {
    check_invariants_with(a, b, Tier::Fast);
}

fn check_invariants_with(a: &str, b: &str, tier: Tier) {
    let c = run_with(a, b, tier);
    assert_tiles(a, c.groups.iter().flat_map(|g| g.left.clone()).collect());
    assert_tiles(b, c.groups.iter().flat_map(|g| g.right.clone()).collect());
    for g in &c.groups {
        assert!((0.0..=1.0).contains(&g.score));
        assert_eq!(
            g.kind.is_aligned(),
            !g.left.is_empty() && !g.right.is_empty()
        );
        // Diff operations stay inside their group.
        for op in &g.ops {
            if let Some(l) = op.left {
                assert!(
                    g.left.iter().any(|s| s[0] <= l[0] && l[1] <= s[1]),
                    "{op:?} outside {:?}",
                    g.left
                );
            }
            if let Some(r) = op.right {
                assert!(
                    g.right.iter().any(|s| s[0] <= r[0] && r[1] <= s[1]),
                    "{op:?} outside {:?}",
                    g.right
                );
            }
        }
    }
    // A conflict is shown with a group that holds one of its two spans: the aligned passage
    // it stands in, or for two figures of one quantity far apart, the passage of one of them.
    for conflict in &c.conflicts {
        let g = &c.groups[conflict.group];
        let holds = |spans: &[[usize; 2]], s: [usize; 2]| {
            spans.iter().any(|x| x[0] <= s[0] && s[1] <= x[1])
        };
        assert!(
            holds(&g.left, conflict.left) || holds(&g.right, conflict.right),
            "{conflict:?} shown with {g:?}"
        );
    }
    // Deterministic, and the mirror of the other order.
    assert_eq!(run_with(a, b, tier), c);
    let swapped = compare_sides(
        side("b", b.to_string()),
        side("a", a.to_string()),
        &with(tier),
    );
    assert_eq!(swapped, c.clone().mirrored());
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
