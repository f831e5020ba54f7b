//! People named in a passage with their titles, and titles that differ between the sides.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::{Facts, Passage, span_of};
use crate::compare::lexicon::ROLE_MODIFIERS;
use crate::compare::lexicon::{
    GENERAL_TITLES, GOVERNMENT_NOUNS, MONTHS, TITLE_ABBREVIATIONS, WEEKDAYS,
};
use crate::compare::model::{Conflict, ConflictKind, Span};
use crate::compare::token::{Token, TokenKind};

#[derive(Debug, Clone)]
pub struct Person {
    /// The sentence it stands in.
    sentence: usize,
    surname: String,
    name: String,
    roles: BTreeSet<String>,
    span: Span,
    text: String,
}

/// People named in a passage with the titles given to them there.
pub(super) fn people(p: &Passage, tokens: &[(usize, &Token)], lower: &[Cow<str>]) -> Vec<Person> {
    let body = p.doc.body;
    let is_name_word = |k: usize| {
        let raw = &body[tokens[k].1.range.clone()];
        raw.starts_with(char::is_uppercase)
            && raw.chars().count() > 1
            && tokens[k].1.kind == TokenKind::Content
            && !tokens[k].1.role
            && !WEEKDAYS.contains(&lower[k].as_ref())
            && !MONTHS.contains(&lower[k].as_ref())
    };
    // Punctuation between two tokens ends a title phrase.
    let separated = |a: usize, b: usize| {
        tokens[a].0 != tokens[b].0
            || body[tokens[a].1.range.end..tokens[b].1.range.start]
                .contains([',', ';', '(', ')', '"', '“', '”', ':'])
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if !is_name_word(k) {
            k += 1;
            continue;
        }
        let start = k;
        while k + 1 < tokens.len() && is_name_word(k + 1) && !separated(k, k + 1) {
            k += 1;
        }
        let end = k;
        k += 1;
        if end == start {
            continue; // a single capitalised word: too weak to be sure it is a person
        }
        // Titles before the name ("Former port authority chief executive Dana Okafor")...
        let mut roles = BTreeSet::new();
        let mut first = start;
        let mut b = start;
        while b > 0 && start - b < 6 && !separated(b - 1, b) {
            b -= 1;
            let t = tokens[b].1;
            if t.kind == TokenKind::Stop {
                break;
            }
            if t.role {
                roles.insert(lower[b].to_string());
                first = b;
            }
        }
        // ...and in an apposition after it ("Dana Okafor, chief executive of ...").
        let mut last = end;
        if end + 1 < tokens.len()
            && tokens[end + 1].0 == tokens[end].0
            && body[tokens[end].1.range.end..tokens[end + 1].1.range.start].trim() == ","
        {
            let mut a = end + 1;
            while a < tokens.len() && a <= end + 8 && (a == end + 1 || !separated(a - 1, a)) {
                if tokens[a].1.role {
                    roles.insert(lower[a].to_string());
                    last = a;
                }
                a += 1;
            }
        }
        let name = (start..=end)
            .map(|i| &body[tokens[i].1.range.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        let span = span_of(tokens[first].1, tokens[last].1);
        out.push(Person {
            sentence: tokens[start].0,
            surname: lower[end].to_string(),
            name,
            roles,
            span,
            text: body[span[0]..span[1]]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        });
    }
    out
}

/// Who governs, named by a name before "administration" or "government".
#[derive(Debug, Clone)]
pub struct Government {
    sentence: usize,
    name: String,
    span: Span,
    text: String,
}

/// "the Biden administration", "the Starmer government" in a passage.
pub(super) fn governments(
    p: &Passage,
    tokens: &[(usize, &Token)],
    lower: &[Cow<str>],
) -> Vec<Government> {
    let body = p.doc.body;
    let mut out = Vec::new();
    for k in 1..tokens.len() {
        let (sentence, noun) = tokens[k];
        let named = tokens[k - 1];
        let raw = &body[named.1.range.clone()];
        let noun_word = without_possessive(&lower[k]);
        if !GOVERNMENT_NOUNS.contains(&noun_word)
            || named.0 != sentence
            || !raw.starts_with(char::is_uppercase)
            || named.1.kind != TokenKind::Content
            || !body[named.1.range.end..noun.range.start].trim().is_empty()
        {
            continue;
        }
        let span = span_of(named.1, noun);
        out.push(Government {
            sentence,
            name: raw.to_string(),
            span,
            text: body[span[0]..span[1]].to_string(),
        });
    }
    out
}

/// A word without its possessive endings ("administration's" -> "administration"), as
/// `trim_end_matches("'s")` then `("’s")` would give it, without setting up a substring
/// search for every word of an article.
fn without_possessive(word: &str) -> &str {
    let mut w = word;
    while let Some(rest) = w.strip_suffix("'s") {
        w = rest;
    }
    while let Some(rest) = w.strip_suffix("’s") {
        w = rest;
    }
    w
}

/// Who governs, when each article names one and they differ: "the Biden administration" in one,
/// "the Trump administration" in the other. Articles that name several are left alone (a
/// report may well recall an earlier government).
pub(super) fn government_conflicts(
    l: &Facts,
    r: &Facts,
    groups: &super::SentenceGroups,
    out: &mut Vec<Conflict>,
) {
    fn only(g: &[Government]) -> Option<&Government> {
        let first = g.first()?;
        g.iter().all(|x| x.name == first.name).then_some(first)
    }
    if let (Some(a), Some(b)) = (only(&l.governments), only(&r.governments))
        && a.name != b.name
    {
        out.push(Conflict::new(
            ConflictKind::Role,
            groups.of_pair(a.sentence, b.sentence),
            a.span,
            b.span,
            "who governs".into(),
            a.text.clone(),
            b.text.clone(),
        ));
    }
}

/// Pairs of mentions of one person (by surname) that give different titles, one per person:
/// a mention whose title no titled mention on the other side shares, with the first titled one
/// there.
fn differing_titles<'p>(l: &'p [Person], r: &'p [Person]) -> Vec<(&'p Person, &'p Person)> {
    let modifiers = |p: &Person| -> BTreeSet<String> {
        p.roles
            .iter()
            .filter(|w| ROLE_MODIFIERS.contains(&w.as_str()))
            .cloned()
            .collect()
    };
    // The title's own words, with short forms written out ("CEO" is "chief executive"), less
    // the general ones, which contradict nothing.
    let specific = |p: &Person| -> BTreeSet<String> {
        let mut words = BTreeSet::new();
        for w in p
            .roles
            .iter()
            .filter(|w| !ROLE_MODIFIERS.contains(&w.as_str()))
        {
            match TITLE_ABBREVIATIONS.iter().find(|(short, _)| short == w) {
                Some((_, long)) => words.extend(long.iter().map(|l| l.to_string())),
                None => {
                    words.insert(w.clone());
                }
            }
        }
        words.retain(|w| !GENERAL_TITLES.contains(&w.as_str()));
        words
    };
    let differs = |a: &Person, b: &Person| {
        let (sa, sb) = (specific(a), specific(b));
        modifiers(a) != modifiers(b) || (!sa.is_empty() && !sb.is_empty() && sa.is_disjoint(&sb))
    };
    let mut out: Vec<(&Person, &Person)> = Vec::new();
    for a in l.iter().filter(|p| !p.roles.is_empty()) {
        let titled = |p: &&Person| p.surname == a.surname && !p.roles.is_empty();
        // Any mention on the other side with the same title means they agree.
        if r.iter().filter(titled).any(|b| !differs(a, b)) {
            continue;
        }
        let Some(b) = r.iter().find(titled) else {
            continue;
        };
        if differs(a, b) && !out.iter().any(|(x, _)| x.name == a.name) {
            out.push((a, b));
        }
    }
    out
}

fn role_conflict(group: usize, a: &Person, b: &Person) -> Conflict {
    Conflict::new(
        ConflictKind::Role,
        group,
        a.span,
        b.span,
        format!("title of {}", a.name),
        a.text.clone(),
        b.text.clone(),
    )
}

/// Titles that differ inside one aligned passage.
pub(super) fn role_conflicts(group: usize, l: &Facts, r: &Facts, out: &mut Vec<Conflict>) {
    for (a, b) in differing_titles(&l.people, &r.people) {
        out.push(role_conflict(group, a, b));
    }
}

/// Titles that differ anywhere in the two articles ("Prime Minister Sir Keir" in one,
/// "the opposition leader, Sir Keir Starmer" paragraphs later in the other), for people whose
/// titles no passage check has set against each other already.
pub(super) fn article_role_conflicts(
    l: &Facts,
    r: &Facts,
    groups: &super::SentenceGroups,
    out: &mut Vec<Conflict>,
) {
    for (a, b) in differing_titles(&l.people, &r.people) {
        let reported = out.iter().any(|c| {
            c.kind == ConflictKind::Role && (c.subject.ends_with(&a.name) || c.left == a.span)
        });
        if !reported {
            out.push(role_conflict(groups.of_pair(a.sentence, b.sentence), a, b));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::compare::{Comparison, ConflictKind, compare_texts as compare, conflicts_of};

    #[test]
    fn possessive_endings_go_as_trim_end_matches_takes_them() {
        for w in [
            "administration's",
            "government’s",
            "cabinet",
            "s",
            "'s",
            "x's's",
            "boss",
        ] {
            let trimmed = w.trim_end_matches("'s").trim_end_matches("’s");
            assert_eq!(super::without_possessive(w), trimmed, "{w}");
        }
    }

    fn roles(c: &Comparison) -> Vec<(&str, &str)> {
        conflicts_of(c, ConflictKind::Role)
    }

    const LEFT: &str = "Ministers from Orsk and Velm met in Brask on Monday to settle the river \
        treaty.\n\nThe talks ran late into the night, officials said.\n\nPrime Minister Ada \
        Marrow welcomed the deal.";

    #[test]
    fn a_title_given_paragraphs_apart_is_checked_across_the_articles() {
        let right = "Opposition leader Ada Marrow welcomed the deal.\n\nMinisters from Orsk and \
            Velm met in Brask on Monday to settle the river treaty.\n\nThe talks ran late into \
            the night, officials said.";
        let c = compare(LEFT, right);
        let found = roles(&c);
        assert!(
            found
                .iter()
                .any(|(l, r)| l.contains("Prime Minister") && r.contains("Opposition leader")),
            "{found:?}"
        );
    }

    #[test]
    fn a_short_form_or_a_general_title_is_no_conflict() {
        let a = "Chief executive Ines Dorr said the mill in Velm would close in June.";
        let b = "CEO Ines Dorr said the mill in Velm would close in June.";
        assert!(roles(&compare(a, b)).is_empty());
        let a = "President Tomas Hale said the mill in Velm would close in June.";
        let b = "Leader Tomas Hale said the mill in Velm would close in June.";
        assert!(roles(&compare(a, b)).is_empty());
    }

    #[test]
    fn two_articles_naming_different_governments_conflict() {
        let a = "The Halvard administration approved the Velm dam on Monday, officials said.\n\n\
            Work will start in spring.";
        let b = "Work will start in spring.\n\nThe Lense administration approved the Velm dam \
            on Monday, officials said.";
        let c = compare(a, b);
        assert!(
            roles(&c).contains(&("Halvard administration", "Lense administration")),
            "{:?}",
            c.conflicts
        );
        // Naming both is no conflict.
        let both = "The Lense administration kept the Halvard administration's plan.";
        assert!(roles(&compare(a, both)).is_empty());
    }
}
