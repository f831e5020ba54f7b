//! The engine's tests across its stages, and a diagnostic that prints a pair's scores.

use super::*;

#[test]
fn long_texts_full_of_common_words_still_align_sentence_by_sentence() {
    // 800 sentences, each with the same everyday words and a few of its own: long enough
    // that the most common words are not looked up, so pairs must be found through the
    // rarer ones.
    let names = [
        "ash", "birch", "cedar", "elm", "fir", "hazel", "larch", "maple", "oak",
    ];
    let sentence = |k: usize, verb: &str| {
        format!(
            "The harbour council {verb} report {k} on the {} quay and the {} berth.",
            names[k % 9],
            names[(k / 9) % 9]
        )
    };
    let left: Vec<String> = (0..800).map(|k| sentence(k, "published")).collect();
    let right: Vec<String> = (0..800).map(|k| sentence(k, "released")).collect();
    let c = sides(&left.join(" "), &right.join(" "));
    assert!(
        c.summary.right_carried > 0.95,
        "only {:.2} of the right text aligned",
        c.summary.right_carried
    );
}

#[test]
fn the_deep_tier_proposes_pairs_that_share_no_word() {
    // The chairman sentences share no word, so the inverted index never proposes them; each
    // shares words with another sentence, so the deep tier embeds both, and their meaning
    // makes them neighbours.
    let left = "The harbour board approved its budget on Monday. \
        Its chairman departed sooner than anyone had anticipated.";
    let right = "On Monday the harbour board approved the budget. \
        The head of the harbour board resigned before his term ended. \
        Nobody anticipated the budget vote.";
    let mut vocab = Vocab::default();
    let (ld, rd) = (Doc::new(left, &mut vocab), Doc::new(right, &mut vocab));
    let weights = Weights::new([&ld, &rd], &vocab, None);
    let meaning = semantic::SentenceVectors::of_pair(&ld, &rd, Cores::of(&ld, &rd));
    let proposed = |tier| {
        let (_, listed, _, _) = align::candidate_pairs(&ld, &rd, &weights, &meaning, tier);
        listed.iter().map(|c| (c.left, c.right)).collect::<Vec<_>>()
    };
    let (fast, deep) = (proposed(Tier::Fast), proposed(Tier::Deep));
    assert!(!fast.contains(&(1, 1)), "{fast:?}");
    assert!(deep.contains(&(1, 1)), "{deep:?}");
}

fn sides(a: &str, b: &str) -> Comparison {
    compare_texts(a, b)
}

#[test]
fn a_speaker_named_in_full_on_one_side_is_the_same_speaker() {
    let quote = "\"We will rebuild the schedule by Thursday,\"";
    let c = sides(
        &format!("{quote} Lense said."),
        &format!("{quote} director Halvard Lense said."),
    );
    assert!(
        !c.conflicts
            .iter()
            .any(|x| x.kind == ConflictKind::Attribution),
        "{:?}",
        c.conflicts
    );
    let c = sides(
        &format!("{quote} Halvard Lense said."),
        &format!("{quote} commissioner Mirela Toft said."),
    );
    assert!(
        c.conflicts
            .iter()
            .any(|x| x.kind == ConflictKind::Attribution && x.right_says == "Mirela Toft"),
        "{:?}",
        c.conflicts
    );
}

#[test]
fn quoting_part_of_a_statement_is_not_a_misquote() {
    let whole = "\"There is no sign of an attack. This was our own update, and we own the mistake,\" Lense said.";
    let part = "\"This was our own update, and we own the mistake,\" Lense said.";
    let changed = "\"This was our own update, and we regret the mistake,\" Lense said.";
    let quote_conflicts = |c: &Comparison| {
        c.conflicts
            .iter()
            .filter(|x| x.kind == ConflictKind::Quote)
            .count()
    };
    assert_eq!(quote_conflicts(&sides(whole, part)), 0);
    assert_eq!(quote_conflicts(&sides(whole, changed)), 1);
}

#[test]
fn synonyms_align_but_still_show_as_changed_words() {
    let a = "The hospital postponed 340 operations on Monday after the computer outage.";
    let b = "The hospital cancelled 340 operations on Monday after the computer breakdown.";
    let c = sides(a, b);
    let g = c
        .groups
        .iter()
        .find(|g| g.kind.is_aligned())
        .expect("the sentences align");
    assert_ne!(g.kind, Kind::Copy);
    let changed: Vec<&str> = g
        .ops
        .iter()
        .filter(|op| op.tag != OpTag::Equal)
        .filter_map(|op| op.left.map(|s| &c.left.body[s[0]..s[1]]))
        .collect();
    assert!(
        changed.iter().any(|w| w.contains("postponed")),
        "{changed:?}"
    );
    assert!(changed.iter().any(|w| w.contains("outage")), "{changed:?}");
}

#[test]
fn numbers_and_dates_written_differently_agree_and_changed_ones_conflict() {
    let left = "The port handled 2.4 million containers in 2025, officials said.\n\n\
        The company cut 1.5m jobs last year, the union said.\n\n\
        About 40% of the staff walked out on Tuesday.\n\n\
        The minister resigned on 3 March after the vote.";
    let same = "Officials said the port handled 2,400,000 containers in 2025.\n\n\
        The union said the company cut 1,500,000 jobs last year.\n\n\
        About 40 per cent of the staff walked out on Tuesday.\n\n\
        The minister resigned on March 3 after the vote.";
    let c = sides(left, same);
    assert_eq!(c.summary.right_carried, 1.0);
    assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);

    let changed = same
        .replace("2,400,000", "2,600,000")
        .replace("1,500,000", "1,700,000")
        .replace("40 per cent", "45 per cent")
        .replace("March 3", "March 4");
    let c = sides(left, &changed);
    let says: Vec<(&str, &str)> = c
        .conflicts
        .iter()
        .map(|x| (x.left_says.as_str(), x.right_says.as_str()))
        .collect();
    for expected in [
        ("2.4 million containers", "2,600,000 containers"),
        ("1.5m jobs last", "1,700,000 jobs last"),
        ("40%", "45"),
        ("3 March", "March 4"),
    ] {
        assert!(says.contains(&expected), "{expected:?} not in {says:?}");
    }
}

mod diagnostics {
    use super::*;

    /// Prints every candidate pair's raw score for a pair of samples or files, named in PAIR
    /// as "a,b" (run with --ignored --nocapture).
    #[test]
    #[ignore]
    fn print_scores() {
        let pair =
            std::env::var("PAIR").unwrap_or("tessaly-tram-wire.md,tessaly-tram-review.md".into());
        let (a, b) = pair.split_once(',').unwrap();
        let load = |n: &str| {
            if let Ok(text) = std::fs::read_to_string(n) {
                let path = std::path::Path::new(n);
                let format = crate::article::Format::from_path(path).unwrap();
                return crate::article::parse_article(path, &text, format)
                    .unwrap()
                    .0;
            }
            crate::library::load_samples()
                .articles
                .into_iter()
                .find(|x| x.path.to_string_lossy().ends_with(n))
                .unwrap()
        };
        let (a, b) = (load(a), load(b));
        let mut vocab = Vocab::default();
        let ld = Doc::new(&a.body, &mut vocab);
        let rd = Doc::new(&b.body, &mut vocab);
        let w = Weights::new([&ld, &rd], &vocab, None);
        for i in 0..ld.sentences.len() {
            for j in 0..rd.sentences.len() {
                let (ni, nj) = (
                    doc::Norms::of(&ld.terms[i], &w),
                    doc::Norms::of(&rd.terms[j], &w),
                );
                let s = doc::similarity(&ld.terms[i], ni, &rd.terms[j], nj, &w);
                if s > 0.1 {
                    let shared: Vec<String> = ld.terms[i]
                        .iter()
                        .filter(|t| rd.terms[j].contains(t))
                        .map(|&t| vocab.word(t))
                        .collect();
                    println!(
                        "{i:2} {j:2} {s:.3} {:?} ~ {:?} {shared:?}",
                        &ld.text(i)[..ld.text(i).len().min(40)],
                        &rd.text(j)[..rd.text(j).len().min(40)]
                    );
                }
            }
        }
    }
}
