//! The headline as a passage of its own: the comparison reads it before the body, pairs the two
//! headlines of reports of one event with each other ([`super::align`]) and with no body
//! sentence, and checks their figures against each other ([`super::facts`]).

use super::model::Side;
use crate::article::{Article, UNTITLED};

/// The text a comparison reads: the headline, as the first paragraph, then the body. Headlines
/// carry the claims most readers see first ("3 dead" against "11 killed"), so they are compared
/// like any passage; an article without a title of its own is compared by its body alone.
pub fn compared_text(a: &Article) -> String {
    let title = a.title.trim();
    if title.is_empty() || title == UNTITLED {
        return a.body.clone();
    }
    let mut text = String::with_capacity(title.len() + 2 + a.body.len());
    text.push_str(title);
    if !a.body.is_empty() {
        text.push_str("\n\n");
        text.push_str(&a.body);
    }
    text
}

/// How many bytes at the start of a side's text are its headline: its title, when the text
/// starts with it as a paragraph of its own ([`compared_text`]).
pub(super) fn headline_bytes(side: &Side) -> usize {
    let title = side.title.as_str();
    match side.body.strip_prefix(title) {
        Some(rest) if !title.is_empty() && (rest.is_empty() || rest.starts_with("\n\n")) => {
            title.len()
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{ConflictKind, Kind, Options, compare, compare_sides, conflicts_of};

    fn article(title: &str, body: &str) -> Article {
        Article::new("report.txt".into(), title.to_string(), body.to_string())
    }

    const WIRE_BODY: &str = "A ferry capsized off Port Amsel on Friday, leaving at least three \
        people dead and 11 injured, the coastguard said.\n\n\
        The vessel had 40 passengers aboard when it turned over near the harbour wall.\n\n\
        Divers searched the wreck through the night, officials said.";
    const LATER_BODY: &str = "A ferry overturned near Port Amsel on Friday, killing at least \
        three people and injuring 11, according to the coastguard.\n\n\
        The boat was carrying 40 passengers when it turned over close to the harbour wall.\n\n\
        Rescue divers worked through the night at the wreck, officials said.";

    #[test]
    fn the_headline_is_read_first_and_an_untitled_article_by_its_body_alone() {
        let a = article("Ferry capsizes off Port Amsel", "Three died.");
        assert_eq!(
            compared_text(&a),
            "Ferry capsizes off Port Amsel\n\nThree died."
        );
        assert_eq!(
            compared_text(&article(UNTITLED, "Three died.")),
            "Three died."
        );
    }

    #[test]
    fn the_two_headlines_pair_whatever_words_they_use() {
        // Not one word in common, yet both announce the same capsizing.
        let c = compare(
            &article("Ferry capsizes off Port Amsel", WIRE_BODY),
            &article("Three dead as boat overturns in harbour", LATER_BODY),
            &Options::default(),
        );
        let first = &c.groups[0];
        assert_ne!(first.kind, Kind::OnlyLeft, "{:?}", c.groups);
        let text = |body: &str, spans: &[[usize; 2]]| -> String {
            spans.iter().map(|s| &body[s[0]..s[1]]).collect()
        };
        assert_eq!(
            text(&c.left.body, &first.left).trim(),
            "Ferry capsizes off Port Amsel"
        );
        assert_eq!(
            text(&c.right.body, &first.right).trim(),
            "Three dead as boat overturns in harbour"
        );
    }

    #[test]
    fn a_headline_never_pairs_with_the_other_reports_body() {
        // The right report has no headline of its own: the left headline, which repeats the
        // lead, stays unique instead of taking the lead's place.
        let left = article("Ferry capsizes off Port Amsel, three dead", WIRE_BODY);
        let mut right = article(UNTITLED, LATER_BODY);
        right.title = String::new();
        let c = compare(&left, &right, &Options::default());
        let headline = &c.groups[0];
        assert_eq!(headline.kind, Kind::OnlyLeft, "{:?}", c.groups);
        assert!(c.left.body[headline.left[0][0]..headline.left[0][1]].starts_with("Ferry"));
    }

    #[test]
    fn headline_figures_are_checked_against_the_other_headline() {
        let side = |title: &str, body: &str| Side {
            path: String::new(),
            title: title.to_string(),
            source: String::new(),
            body: compared_text(&article(title, body)),
        };
        let c = compare_sides(
            side("Ferry capsizes off Port Amsel, at least 3 dead", WIRE_BODY),
            side(
                "At least 7 killed as ferry capsizes off Port Amsel",
                LATER_BODY,
            ),
            &Options::default(),
        );
        let numbers = conflicts_of(&c, ConflictKind::Number);
        assert!(
            numbers
                .iter()
                .any(|(l, r)| l.contains('3') && r.contains('7')),
            "{numbers:?}"
        );
        // The bodies agree on three dead: the headline's 7 is not set against them.
        assert!(
            !numbers.iter().any(|(l, _)| l.contains("three")),
            "{numbers:?}"
        );
    }
}
