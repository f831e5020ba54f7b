//! Removing scraped junk from article bodies.
//!
//! Scraped pages carry debris that is not part of the report: vote counters left as lines of "0"
//! or "1", empty image markup, a headline pasted twice, share widgets. Each rule below is small,
//! named in [`CleanReport`], and tested on its own, so the reader and the comparison engine see the
//! report and nothing else. Rules only ever drop junk; they never rewrite a sentence.

use std::borrow::Cow;

/// How many times each cleaning rule fired on one body; shown in the load log.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CleanReport {
    /// Lines holding only digits or punctuation ("0", "1", "|", "* * *").
    pub noise_lines: usize,
    /// Empty image or link markup removed (`![](a.jpg)`, `[](x)`, `<img src=x>`).
    pub empty_markup: usize,
    /// Lines that were one text pasted twice back to back ("Big NewsBig News").
    pub doubled_lines: usize,
    /// The title repeated as the first line of the body.
    pub repeated_title: bool,
    /// Footer lines such as "No comments" or "Leave a reply".
    pub footer_lines: usize,
    /// Navigation: breadcrumbs ("Home > Local > Transport", "News | Ports | Shipping"), links to
    /// other stories ("Related: ..."), advertisement markers, share buttons.
    pub navigation_lines: usize,
}

impl CleanReport {
    /// True when any rule fired.
    pub fn changed(&self) -> bool {
        *self != CleanReport::default()
    }
}

/// Cleans a sanitised body: drops junk lines, undoubles lines, removes a repeated title and
/// trailing widgets, and keeps paragraphs apart with exactly one blank line.
pub fn clean_body(body: &str, title: &str) -> (String, CleanReport) {
    let mut report = CleanReport::default();
    let mut lines: Vec<Cow<'_, str>> = Vec::new();
    // One scan decides whether any line can hold markup at all (most bodies have none).
    let may_have_markup = body.contains('[') || body.contains('<');
    for raw in body.lines() {
        let (without_markup, removed) = if may_have_markup {
            strip_empty_markup(raw)
        } else {
            (Cow::Borrowed(raw), 0)
        };
        report.empty_markup += removed;
        if without_markup.trim().is_empty() {
            // A blank line separates paragraphs; a line that only held markup just goes.
            if removed == 0 {
                lines.push(Cow::Borrowed(""));
            }
            continue;
        }
        let line = trim_end_cow(without_markup);
        if is_noise_line(&line) {
            report.noise_lines += 1;
            continue;
        }
        if is_navigation_line(&line) {
            report.navigation_lines += 1;
            continue;
        }
        match undouble(&line) {
            Some(half) => {
                report.doubled_lines += 1;
                lines.push(Cow::Owned(half.to_string()));
            }
            None => lines.push(line),
        }
    }

    // Section labels and breadcrumbs above the text are page chrome.
    while let Some(first) = lines.iter().position(|l| !l.is_empty())
        && first < 3
        && top_line(&lines[first]) != TopLine::Text
        && lines[first + 1..].iter().any(|l| !l.is_empty())
    {
        lines.remove(first);
        report.navigation_lines += 1;
    }

    // The first non-blank line repeating the title adds nothing.
    if let Some(first) = lines.iter().position(|l| !l.is_empty())
        && !title.is_empty()
        && same_words(&lines[first], title)
    {
        lines.remove(first);
        report.repeated_title = true;
    }

    // Footers: widgets at the end of the page, possibly separated by blank lines.
    while let Some(last) = lines.iter().rposition(|l| !l.is_empty()) {
        if is_footer_line(&lines[last]) {
            lines.truncate(last);
            report.footer_lines += 1;
        } else {
            break;
        }
    }

    (join_paragraphs(&lines), report)
}

/// Joins lines, collapsing runs of blank lines to one and trimming blank lines at both ends.
fn join_paragraphs(lines: &[Cow<'_, str>]) -> String {
    let mut out = String::new();
    let mut pending_blank = false;
    for line in lines {
        if line.is_empty() {
            pending_blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if pending_blank { "\n\n" } else { "\n" });
        }
        pending_blank = false;
        out.push_str(line);
    }
    out
}

/// Trims trailing white space without copying a borrowed line.
fn trim_end_cow(line: Cow<'_, str>) -> Cow<'_, str> {
    match line {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim_end()),
        Cow::Owned(s) => Cow::Owned(s.trim_end().to_string()),
    }
}

/// A line with no letters at all (counters, separators, stray digits), or only the size an
/// advertisement slot left behind ("970x125", "300 × 250 px").
fn is_noise_line(line: &str) -> bool {
    let size = |t: &str| {
        let t = t.trim().trim_end_matches("px").trim_end();
        let pixels = |n: &str| (2..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
        t.split_once(['x', 'X', '×'])
            .is_some_and(|(w, h)| pixels(w.trim()) && pixels(h.trim()))
    };
    !line.chars().any(char::is_alphabetic) || size(line)
}

/// A breadcrumb or menu: three or more short items joined by `|`, `>`, `›`, `»` or `/`, with
/// no sentence in it ("Home > Local > Transport"); or a link to another story
/// ("Related: Nurses vote on new contract", "READ MORE: ..."), an advertisement marker or a
/// share button.
fn is_navigation_line(line: &str) -> bool {
    if is_story_link(line) || is_ad_marker(line) || is_share_button(line) {
        return true;
    }
    let Some(sep) = ['|', '>', '›', '»', '/']
        .into_iter()
        .find(|c| line.contains(*c))
    else {
        return false;
    };
    let items: Vec<&str> = line.split(sep).map(str::trim).collect();
    items.len() >= 3
        && items.iter().all(|item| {
            !item.is_empty()
                && item.split_whitespace().count() <= 3
                && !item.ends_with(['.', '!', '?', ',', ';', ':'])
                && !item.contains('"')
        })
}

/// What the first lines of a scraped page are before its headline.
#[derive(Debug, PartialEq)]
pub(crate) enum TopLine<'a> {
    /// Not a headline: a section label left hanging on a separator ("Ukraine war |") or a menu.
    Chrome,
    /// One capitalised word ("World"): a section label above a headline, or a one-word title.
    Label,
    /// A breadcrumb ending in the headline ("Home » World » Talks end without a deal"): the
    /// headline.
    Headline(&'a str),
    /// An ordinary line.
    Text,
}

/// Separators of breadcrumbs; " / " counts only with spaces around it (a date or "and/or" is no
/// breadcrumb).
const CRUMB_SEPARATORS: [&str; 4] = ["»", "›", " / ", " > "];

/// Sorts one of the lines above a page's headline.
pub(crate) fn top_line(line: &str) -> TopLine<'_> {
    let line = line.trim();
    if is_navigation_line(line) || is_hanging_label(line) {
        return TopLine::Chrome;
    }
    if is_one_word_label(line) {
        return TopLine::Label;
    }
    for sep in CRUMB_SEPARATORS {
        if !line.contains(sep) {
            continue;
        }
        let items: Vec<&str> = line.split(sep).map(str::trim).collect();
        let (last, crumbs) = items.split_last().unwrap_or((&"", &[]));
        if crumbs
            .iter()
            .all(|c| !c.is_empty() && c.split_whitespace().count() <= 3)
            && last.split_whitespace().count() >= 3
        {
            return TopLine::Headline(last);
        }
    }
    TopLine::Text
}

/// A few words left hanging on a separator: "Ukraine war |", "Markets ›".
fn is_hanging_label(line: &str) -> bool {
    let line = line.trim();
    line.split_whitespace().count() <= 4
        && line.ends_with(['|', '»', '›', '/', '>', ':', '-', '–', '—'])
}

/// One capitalised word of letters: "World", "Politics".
fn is_one_word_label(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() >= 3
        && line.starts_with(char::is_uppercase)
        && line.chars().all(char::is_alphabetic)
}

/// A line pointing at another story: a short headline after "Related:", "Read more:", "See
/// also:" or "Also read:", with no full stop (a sentence that starts so is kept).
fn is_story_link(line: &str) -> bool {
    const LABELS: &[&str] = &["related", "read more", "see also", "also read", "read also"];
    let t = line.trim();
    let Some((label, headline)) = t.split_once(':') else {
        return false;
    };
    t.len() <= 160
        && LABELS.iter().any(|l| label.trim().eq_ignore_ascii_case(l))
        && !headline.trim().is_empty()
        && !headline.trim_end().ends_with(['.', '!', '?', '"', '”'])
}

/// A share button's label ("Share this @harbourwire.example", "Share on Facebook"): at most
/// five words, "Share this", "Share on" or "Share via" first, and no sentence's ending. Page
/// furniture wherever it stands.
fn is_share_button(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let is_one_of = |w: Option<&str>, any: &[&str]| {
        w.is_some_and(|w| any.iter().any(|m| w.eq_ignore_ascii_case(m)))
    };
    is_one_of(words.next(), &["share"])
        && is_one_of(words.next(), &["this", "on", "via"])
        && words.count() <= 3
        && !line.ends_with(['.', '!', '?', '"', '”'])
}

/// A line that only marks where an advertisement was ("Advertisement", "Story continues below
/// advertisement"): page furniture wherever it stands.
fn is_ad_marker(line: &str) -> bool {
    const MARKERS: &[&str] = &[
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "skip advertisement",
        "story continues below advertisement",
        "article continues below advertisement",
        "continue reading below",
        "scroll to continue with content",
    ];
    let t = line.trim().trim_end_matches(['.', ':']);
    t.len() <= 40 && MARKERS.iter().any(|m| t.eq_ignore_ascii_case(m))
}

/// A headline pasted twice with nothing between ("Bridge Reopens After RepairsBridge Reopens
/// After Repairs"), as scrapers glue a heading to its copy: the half that is the line. Only a
/// headline-like half counts (at least two words, at most [`MAX_HEADLINE_WORDS`], no closing
/// full stop, question or exclamation mark): a body line that says a sentence twice, with or
/// without a space ("The council voted. The council voted."), is what the report says and stays.
fn undouble(line: &str) -> Option<&str> {
    let t = line.trim();
    let len = t.len();
    if len < 8 || !len.is_multiple_of(2) || !t.is_char_boundary(len / 2) {
        return None;
    }
    let (a, b) = t.split_at(len / 2);
    let words = a.split_whitespace().count();
    let headline_like = (2..=MAX_HEADLINE_WORDS).contains(&words)
        && !a.ends_with(['.', '!', '?', '…'])
        && !a.ends_with(char::is_whitespace);
    (a == b && headline_like).then_some(a)
}

/// The most words a doubled line's half may have and still be taken for a pasted headline.
const MAX_HEADLINE_WORDS: usize = 20;

/// Compares two lines word by word, ignoring case and punctuation.
fn same_words(a: &str, b: &str) -> bool {
    // Punctuation may differ, but not by this much; spares lower-casing whole paragraphs.
    if a.len() > 2 * b.len() + 16 || b.len() > 2 * a.len() + 16 {
        return false;
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    !wa.is_empty() && wa == wb
}

/// Share widgets, comment counters and similar page furniture, matched on the whole line (a
/// share button's label, "Share this ...", goes wherever it stands: [`is_share_button`]).
fn is_footer_line(line: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    let norm: String = line
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let norm = norm.split_whitespace().collect::<Vec<_>>().join(" ");
    if norm.len() > 60 {
        return false;
    }
    const EXACT: &[&str] = &[
        "no comments",
        "no comments yet",
        "comments",
        "leave a comment",
        "leave a reply",
        "add a comment",
        "be the first to comment",
        "share",
        "share article",
        "tweet",
        "email",
        "print",
        "like",
        "related",
        "related articles",
        "related stories",
        "read more",
        "advertisement",
        "subscribe",
        "subscribe to our newsletter",
        "sign up for our newsletter",
    ];
    if EXACT.contains(&norm.as_str()) {
        return true;
    }
    // "0 comments", "comments 12", "share on facebook twitter email", "share facebook x".
    let words: Vec<&str> = norm.split(' ').collect();
    let widget_word = |w: &&str| {
        matches!(
            *w,
            "share"
                | "on"
                | "facebook"
                | "twitter"
                | "x"
                | "linkedin"
                | "whatsapp"
                | "email"
                | "print"
                | "reddit"
                | "copy"
                | "link"
                | "comments"
                | "comment"
        ) || w.chars().all(|c| c.is_ascii_digit())
    };
    words.len() <= 8
        && words.iter().all(widget_word)
        && words
            .iter()
            .any(|w| *w == "share" || w.starts_with("comment"))
}

/// Removes empty image and link markup from a line and returns how many pieces went.
///
/// Empty means nothing a reader could read: `![](src)`, `![ ](src)`, `[](href)`, an `<img>` tag
/// (images carry no text), `<a ...></a>`. Markup with words in it is kept.
fn strip_empty_markup(line: &str) -> (Cow<'_, str>, usize) {
    if !line.contains("](") && !line.contains('<') {
        return (Cow::Borrowed(line), 0);
    }
    let mut out = String::with_capacity(line.len());
    let mut removed = 0;
    let mut rest = line;
    while !rest.is_empty() {
        if let Some(len) = empty_md_link(rest).or_else(|| html_img_or_empty_anchor(rest)) {
            rest = &rest[len..];
            removed += 1;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if removed == 0 {
        (Cow::Borrowed(line), 0)
    } else {
        (Cow::Owned(out), removed)
    }
}

/// Length of `![...](...)` or `[...](...)` with blank text at the start of `s`.
fn empty_md_link(s: &str) -> Option<usize> {
    let after_bang = s.strip_prefix('!').unwrap_or(s);
    let inner = after_bang.strip_prefix('[')?;
    let close = inner.find(']')?;
    if !inner[..close].trim().is_empty() {
        return None;
    }
    let target = inner[close + 1..].strip_prefix('(')?;
    let end = target.find(')')?;
    if target[..end].contains(char::is_whitespace) && !target[..end].trim().starts_with("http") {
        return None;
    }
    Some(s.len() - target.len() + end + 1)
}

/// Length of an `<img ...>` tag or an `<a ...></a>` with nothing inside, at the start of `s`.
fn html_img_or_empty_anchor(s: &str) -> Option<usize> {
    let lower_prefix: String = s.chars().take(5).collect::<String>().to_ascii_lowercase();
    if lower_prefix.starts_with("<img")
        && s[4..].starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
    {
        return s.find('>').map(|i| i + 1);
    }
    if lower_prefix.starts_with("<a ") || lower_prefix.starts_with("<a>") {
        let open_end = s.find('>')? + 1;
        let rest = &s[open_end..];
        let close = rest.to_ascii_lowercase().find("</a>")?;
        if rest[..close].trim().is_empty() {
            return Some(open_end + close + 4);
        }
    }
    None
}

#[cfg(test)]
mod tests;
