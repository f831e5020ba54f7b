//! People named in a passage with their titles, and titles that differ between the sides.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::{Facts, Passage, span_of};
use crate::compare::lexicon::{MONTHS, WEEKDAYS};
use crate::compare::model::{Conflict, ConflictKind, Span};
use crate::compare::token::{ROLE_MODIFIERS, Token, TokenKind};

#[derive(Debug)]
pub struct Person {
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

pub(super) fn role_conflicts(group: usize, l: &Facts, r: &Facts, out: &mut Vec<Conflict>) {
    let modifiers = |p: &Person| -> BTreeSet<String> {
        p.roles
            .iter()
            .filter(|w| ROLE_MODIFIERS.contains(&w.as_str()))
            .cloned()
            .collect()
    };
    let core = |p: &Person| -> BTreeSet<String> {
        p.roles
            .iter()
            .filter(|w| !ROLE_MODIFIERS.contains(&w.as_str()))
            .cloned()
            .collect()
    };
    let differs = |a: &Person, b: &Person| {
        modifiers(a) != modifiers(b)
            || (!core(a).is_empty() && !core(b).is_empty() && core(a).is_disjoint(&core(b)))
    };
    for a in l.people.iter().filter(|p| !p.roles.is_empty()) {
        let titled = |p: &&Person| p.surname == a.surname && !p.roles.is_empty();
        // Any mention on the other side with the same title means they agree.
        if r.people.iter().filter(titled).any(|b| !differs(a, b)) {
            continue;
        }
        let Some(b) = r.people.iter().find(titled) else {
            continue;
        };
        if differs(a, b)
            && !out
                .iter()
                .any(|c| c.kind == ConflictKind::Role && c.subject.ends_with(&a.name))
        {
            out.push(Conflict::new(
                ConflictKind::Role,
                group,
                a.span,
                b.span,
                format!("title of {}", a.name),
                a.text.clone(),
                b.text.clone(),
            ));
        }
    }
}
