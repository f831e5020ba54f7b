//! A guard against hostile HTML: how deeply a document nests its elements, found by a quick
//! scan before any parser sees it. HTML parsers and readability scoring slow down with the
//! square of the depth (a page of 16,000 nested `<div>`s takes minutes), while real pages
//! nest a few dozen levels.

/// Deeper than this, a page or fragment is refused rather than parsed.
pub const MAX_DEPTH: usize = 512;

/// Elements whose end tag may be left out (the parser closes them itself), and void elements:
/// neither can build depth, so the scan does not count them.
const NOT_COUNTED: &[&str] = &[
    "area", "base", "body", "br", "col", "colgroup", "dd", "dt", "embed", "head", "hr", "html",
    "img", "input", "li", "link", "meta", "option", "optgroup", "p", "param", "rb", "rp", "rt",
    "source", "tbody", "td", "tfoot", "th", "thead", "tr", "track", "wbr",
];

/// The deepest nesting of counted elements, stopping early once past `limit`. Script, style
/// and comment contents are skipped, so a `<` in code does not count as a tag.
pub fn nesting_depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        i += offset + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find(bytes, i, b"-->");
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let end = start
            + bytes[start..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - start);
        if end == start {
            continue;
        }
        let name = &html[start..end];
        let counted = !NOT_COUNTED.iter().any(|n| n.eq_ignore_ascii_case(name));
        let tag_end = find(bytes, end, b">");
        if closing {
            if counted {
                depth = depth.saturating_sub(1);
            }
        } else if name.eq_ignore_ascii_case("script") || name.eq_ignore_ascii_case("style") {
            i = find_ci(html, tag_end, &format!("</{name}"));
            continue;
        } else if counted && !html[..tag_end].ends_with("/>") {
            depth += 1;
            deepest = deepest.max(depth);
            if deepest > limit {
                return deepest;
            }
        }
        i = tag_end;
    }
    deepest
}

/// The position after the next `needle` from `from`, or the end.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    bytes[from.min(bytes.len())..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map_or(bytes.len(), |p| from + p + needle.len())
}

/// Like `find`, ignoring ASCII case.
fn find_ci(text: &str, from: usize, needle: &str) -> usize {
    let bytes = text.as_bytes();
    bytes[from.min(bytes.len())..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
        .map_or(bytes.len(), |p| from + p + needle.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_real_nesting_and_ignores_what_cannot_nest() {
        assert_eq!(
            nesting_depth("<div><div><span>x</span></div></div>", 100),
            3
        );
        // Unclosed paragraphs and list items, void elements, self-closing tags: no depth.
        let flat = "<p>a<p>b<ul><li>c<li>d</ul><br><img src=x><svg/>".repeat(1000);
        assert_eq!(nesting_depth(&flat, 100), 1);
        // A `<` inside a script or a comment is not a tag.
        let code = "<script>for (i=0;i<n;i++) { if (a<b) x(); }</script><!-- <div><div> -->";
        assert_eq!(nesting_depth(&code.repeat(500), 100), 0);
    }

    #[test]
    fn a_hostile_page_is_found_out_quickly() {
        let deep = format!("{}x{}", "<div>".repeat(200_000), "</div>".repeat(200_000));
        assert!(nesting_depth(&deep, MAX_DEPTH) > MAX_DEPTH);
    }
}
