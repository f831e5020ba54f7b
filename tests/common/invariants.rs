//! The invariants every comparison keeps, whatever the two texts: each side's ranges tile its
//! body, scores are in [0, 1], diff operations and conflicts stay inside their groups, and the
//! result is deterministic and the exact mirror of the other order. Shared by the property
//! tests and the fuzz targets (`fuzz/entries.rs`).
#![allow(dead_code)]

use parallax::compare::{Comparison, Options, Side, Tier, compare_sides};

pub fn side(name: &str, body: String) -> Side {
    Side {
        path: name.into(),
        title: name.into(),
        source: String::new(),
        body,
    }
}

pub fn with(tier: Tier) -> Options {
    Options {
        tier,
        ..Options::default()
    }
}

pub fn run_with(a: &str, b: &str, tier: Tier) -> Comparison {
    compare_sides(
        side("a", a.to_string()),
        side("b", b.to_string()),
        &with(tier),
    )
}

/// Every group's ranges on one side, sorted, must tile `[0, len)` exactly.
pub fn assert_tiles(body: &str, spans: Vec<[usize; 2]>) {
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

pub fn check_invariants_with(a: &str, b: &str, tier: Tier) {
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
