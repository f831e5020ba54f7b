//! The cleaning rules, each on invented text.

use super::*;

fn cleaned(body: &str) -> String {
    clean_body(body, "").0
}

#[test]
fn drops_lines_of_digits_and_punctuation() {
    let (out, r) = clean_body("First line.\n0\n1\n* * *\n—\nSecond line.", "");
    assert_eq!(out, "First line.\nSecond line.");
    assert_eq!(r.noise_lines, 4);
}

#[test]
fn drops_the_size_an_advertisement_slot_left_behind() {
    let (out, r) = clean_body("970x125\nFirst line.\n300 × 250 px\n4x4 drivers\n12x", "");
    assert_eq!(out, "First line.\n4x4 drivers\n12x");
    assert_eq!(r.noise_lines, 2);
}

#[test]
fn keeps_lines_with_numbers_inside_sentences() {
    assert_eq!(
        cleaned("It cost 40 million.\n2026 was a year."),
        "It cost 40 million.\n2026 was a year."
    );
}

#[test]
fn removes_empty_image_and_link_markup() {
    let (out, r) = clean_body(
        "![](photo.jpg)\nText [](http://x) here.\n<img src=\"a.png\" />\n![A caption](b.jpg)",
        "",
    );
    assert_eq!(out, "Text  here.\n![A caption](b.jpg)");
    assert_eq!(r.empty_markup, 3);
}

#[test]
fn undoubles_a_headline_pasted_twice() {
    let (out, r) = clean_body(
        "Bridge Reopens After RepairsBridge Reopens After Repairs\nBody.",
        "",
    );
    assert_eq!(out, "Bridge Reopens After Repairs\nBody.");
    assert_eq!(r.doubled_lines, 1);
}

#[test]
fn a_body_line_saying_a_sentence_twice_is_kept_whole() {
    for line in [
        "The council voted. The council voted.",
        "The council voted.The council voted.",
        "Harbour fire out Harbour fire out",
        "Is it over?Is it over?",
    ] {
        let (out, r) = clean_body(line, "");
        assert_eq!(out, line);
        assert_eq!(r.doubled_lines, 0);
    }
}

#[test]
fn does_not_undouble_short_or_single_word_echoes() {
    assert_eq!(cleaned("NoNo"), "NoNo");
    assert_eq!(cleaned("bonbonbonbon"), "bonbonbonbon");
}

#[test]
fn removes_title_repeated_as_first_body_line() {
    let (out, r) = clean_body("\nThe Title, Again\n\nBody text.", "The title again");
    assert_eq!(out, "Body text.");
    assert!(r.repeated_title);
}

#[test]
fn collapses_blank_runs_into_one_paragraph_break() {
    assert_eq!(cleaned("\n\nA\n\n\n\n\nB\n\n"), "A\n\nB");
}

#[test]
fn drops_trailing_comment_and_share_widgets_only_at_the_end() {
    let (out, r) = clean_body(
        "No comments is what he said.\n\nShare this article\n\nNo comments\n0 Comments\nShare on Facebook Twitter",
        "",
    );
    assert_eq!(out, "No comments is what he said.");
    // Share buttons go wherever they stand (see drops_share_buttons_anywhere).
    assert_eq!((r.footer_lines, r.navigation_lines), (2, 2));
}

#[test]
fn drops_navigation_breadcrumbs_but_not_sentences_with_slashes() {
    let (out, r) = clean_body(
        "Home > Local > Transport\nNews | Ports | Shipping\nThe 9/11 report, and/or the 24/7 desk.",
        "",
    );
    assert_eq!(out, "The 9/11 report, and/or the 24/7 desk.");
    assert_eq!(r.navigation_lines, 2);
}

#[test]
fn drops_links_to_other_stories_but_not_sentences_that_start_alike() {
    let (out, r) = clean_body(
        "Related: Nurses vote on new contract\nThe vote was close.\nREAD MORE: Port reopens\nSee also: the council said it would decide later.",
        "",
    );
    assert_eq!(
        out,
        "The vote was close.\nSee also: the council said it would decide later."
    );
    assert_eq!(r.navigation_lines, 2);
}

#[test]
fn drops_advertisement_markers_anywhere() {
    let (out, r) = clean_body(
        "The vote was close.\nADVERTISEMENT\nStory continues below advertisement\nThe mayor spoke.\nAdvertisement revenue fell by half.",
        "",
    );
    assert_eq!(
        out,
        "The vote was close.\nThe mayor spoke.\nAdvertisement revenue fell by half."
    );
    assert_eq!(r.navigation_lines, 2);
}

#[test]
fn drops_share_buttons_anywhere() {
    assert_eq!(
        cleaned(
            "Title line\nShare this @harbourwire.example\nThe vote was close.\nShare on Facebook\nShare this story with a friend, the mayor said.\nShare prices fell."
        ),
        "Title line\nThe vote was close.\nShare this story with a friend, the mayor said.\nShare prices fell."
    );
}

#[test]
fn breadcrumbs_and_lone_section_labels_are_not_headlines() {
    assert_eq!(top_line("World"), TopLine::Label);
    assert_eq!(top_line("Harbour strike |"), TopLine::Chrome);
    assert_eq!(top_line("Home › Ports › Shipping"), TopLine::Chrome);
    assert_eq!(
        top_line("Home » Velm Port Talks: Crane Crews Back a Deal"),
        TopLine::Headline("Velm Port Talks: Crane Crews Back a Deal")
    );
    assert_eq!(
        top_line("News / Valmora / Port crews vote to end the strike"),
        TopLine::Headline("Port crews vote to end the strike")
    );
    assert_eq!(
        top_line("Crane crews vote to end the strike"),
        TopLine::Text
    );
    assert_eq!(
        top_line("Sales rose 3.2% in 2025/26, the board said."),
        TopLine::Text
    );
}

#[test]
fn section_labels_above_the_text_are_dropped() {
    let (body, report) = clean_body(
        "World\n\nPort strike |\n\nCrane crews in Velm voted to end the strike.\n\nWorld",
        "",
    );
    assert_eq!(
        body,
        "Crane crews in Velm voted to end the strike.\n\nWorld"
    );
    assert_eq!(report.navigation_lines, 2);
}

#[test]
fn a_clean_body_reports_no_change() {
    let (out, r) = clean_body("A sentence.\n\nAnother one.", "Title");
    assert_eq!(out, "A sentence.\n\nAnother one.");
    assert!(!r.changed());
}
