//! Writing the configured feeds as OPML 2.0. A feed's tags are the folders it is nested in, so
//! what `read_opml` made of a file comes back as the same tree.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::source::FeedSource;

/// A folder of the outline tree: its feeds and sub-folders, in the order first seen.
#[derive(Default)]
struct Folder<'f> {
    name: &'f str,
    feeds: Vec<&'f FeedSource>,
    folders: Vec<Folder<'f>>,
}

impl<'f> Folder<'f> {
    fn insert(&mut self, path: &'f [String], feed: &'f FeedSource) {
        match path.split_first() {
            None => self.feeds.push(feed),
            Some((first, rest)) => {
                let at = match self.folders.iter().position(|f| f.name == first.as_str()) {
                    Some(at) => at,
                    None => {
                        self.folders.push(Folder {
                            name: first,
                            ..Folder::default()
                        });
                        self.folders.len() - 1
                    }
                };
                self.folders[at].insert(rest, feed);
            }
        }
    }
}

/// The feeds as an OPML 2.0 document; every attribute is XML-escaped by quick-xml.
pub fn write_opml(feeds: &[FeedSource]) -> String {
    let mut root = Folder::default();
    for feed in feeds {
        root.insert(&feed.tags, feed);
    }
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec cannot fail.
    let _ = write_document(&mut writer, &root);
    let mut text = String::from_utf8(writer.into_inner()).unwrap_or_default();
    text.push('\n');
    text
}

fn write_document(w: &mut Writer<Vec<u8>>, root: &Folder) -> std::io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(
        BytesStart::new("opml").with_attributes([("version", "2.0")]),
    ))?;
    w.write_event(Event::Start(BytesStart::new("head")))?;
    w.create_element("title")
        .write_text_content(BytesText::new("Parallax subscriptions"))?;
    w.write_event(Event::End(BytesEnd::new("head")))?;
    w.write_event(Event::Start(BytesStart::new("body")))?;
    write_folder(w, root)?;
    w.write_event(Event::End(BytesEnd::new("body")))?;
    w.write_event(Event::End(BytesEnd::new("opml")))
}

fn write_folder(w: &mut Writer<Vec<u8>>, folder: &Folder) -> std::io::Result<()> {
    for feed in &folder.feeds {
        let name = feed.name.as_deref().unwrap_or(&feed.url);
        w.create_element("outline")
            .with_attributes([
                ("type", "rss"),
                ("text", name),
                ("title", name),
                ("xmlUrl", feed.url.as_str()),
            ])
            .write_empty()?;
    }
    for sub in &folder.folders {
        w.write_event(Event::Start(
            BytesStart::new("outline").with_attributes([("text", sub.name), ("title", sub.name)]),
        ))?;
        write_folder(w, sub)?;
        w.write_event(Event::End(BytesEnd::new("outline")))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opml::read_opml;

    fn feed(url: &str, name: Option<&str>, tags: &[&str]) -> FeedSource {
        FeedSource {
            url: url.into(),
            name: name.map(Into::into),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            max_items: 10,
        }
    }

    #[test]
    fn names_and_urls_are_escaped_and_read_back_unchanged() {
        let feeds = [
            feed(
                "https://a.example/?x=1&y=<2>",
                Some("A \"quoted\" & <odd> name"),
                &[],
            ),
            feed("https://b.example/feed", None, &["Harbour", "Valmora"]),
            feed("https://c.example/feed", Some("C"), &["Harbour"]),
        ];
        let text = write_opml(&feeds);
        assert!(text.contains("&amp;y=&lt;2&gt;"), "{text}");
        assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        let back = read_opml(&text).unwrap();
        let mut got: Vec<_> = back
            .feeds
            .iter()
            .map(|f| (f.url.clone(), f.tags.clone()))
            .collect();
        got.sort();
        let mut want: Vec<_> = feeds
            .iter()
            .map(|f| (f.url.clone(), f.tags.clone()))
            .collect();
        want.sort();
        assert_eq!(got, want);
        assert_eq!(
            back.feeds
                .iter()
                .find(|f| f.url.starts_with("https://a"))
                .unwrap()
                .name
                .as_deref(),
            Some("A \"quoted\" & <odd> name")
        );
    }
}
