//! Changing the user's config file in place: new `[[feeds]]` tables are appended with
//! toml_edit, so every comment, blank line and setting the user wrote stays as it was.

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value, value};

/// A feed to subscribe to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewFeed<'a> {
    pub url: &'a str,
    pub name: Option<&'a str>,
    pub tags: &'a [String],
}

/// The file's new text, and which of the feeds it gained and which it already had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedsAdded<'a> {
    pub text: String,
    pub added: Vec<NewFeed<'a>>,
    pub already: Vec<NewFeed<'a>>,
}

/// What a config file says when it is made by an import.
const NEW_FILE_HEADER: &str = "# Parallax config. `parallax config default` prints every setting \
with what it does.\n";

/// Appends a `[[feeds]]` table for each feed whose URL the config (or an earlier feed of the
/// list) does not have yet. `text` is the config file's text, empty when there is none.
pub fn add_feeds<'a>(text: &str, feeds: &[NewFeed<'a>]) -> Result<FeedsAdded<'a>, String> {
    let new_file = text.trim().is_empty();
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    if doc.get("feeds").is_none() {
        doc["feeds"] = Item::ArrayOfTables(ArrayOfTables::new());
    }
    let mut known: std::collections::HashSet<String> = urls(&doc["feeds"])?.into_iter().collect();
    let (mut added, mut already) = (Vec::new(), Vec::new());
    for feed in feeds {
        if !known.insert(feed.url.to_string()) {
            already.push(*feed);
            continue;
        }
        added.push(*feed);
        match &mut doc["feeds"] {
            Item::ArrayOfTables(tables) => tables.push(table(feed)),
            Item::Value(Value::Array(array)) => array.push(inline_table(feed)),
            _ => unreachable!("checked by urls()"),
        }
    }
    let text = if new_file {
        format!("{NEW_FILE_HEADER}\n{doc}")
    } else {
        doc.to_string()
    };
    Ok(FeedsAdded {
        text,
        added,
        already,
    })
}

/// The URLs of the feeds the file lists, or why `feeds` is not a list of tables.
fn urls(feeds: &Item) -> Result<Vec<String>, String> {
    let url_of = |t: Option<&dyn toml_edit::TableLike>| {
        t.and_then(|t| t.get("url"))
            .and_then(Item::as_str)
            .map(|u| u.trim().to_string())
    };
    match feeds {
        Item::ArrayOfTables(tables) => Ok(tables
            .iter()
            .filter_map(|t| url_of(Some(t as &dyn toml_edit::TableLike)))
            .collect()),
        Item::Value(Value::Array(array)) if array.iter().all(Value::is_inline_table) => Ok(array
            .iter()
            .filter_map(|v| url_of(v.as_inline_table().map(|t| t as &dyn toml_edit::TableLike)))
            .collect()),
        _ => Err("`feeds` in the config is not a list of [[feeds]] tables".into()),
    }
}

fn table(feed: &NewFeed) -> Table {
    let mut t = Table::new();
    t["url"] = value(feed.url);
    if let Some(name) = feed.name {
        t["name"] = value(name);
    }
    if !feed.tags.is_empty() {
        t["tags"] = value(feed.tags.iter().map(String::as_str).collect::<Array>());
    }
    t
}

fn inline_table(feed: &NewFeed) -> InlineTable {
    let mut t = InlineTable::new();
    t.insert("url", feed.url.into());
    if let Some(name) = feed.name {
        t.insert("name", name.into());
    }
    if !feed.tags.is_empty() {
        t.insert(
            "tags",
            Value::Array(feed.tags.iter().map(String::as_str).collect()),
        );
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    const USER: &str = "# my reader\n\
        library = [\"~/news\"]   # where my files are\n\
        \n\
        [[feeds]]\n\
        # the wire, first thing\n\
        url = \"https://wire.example/rss\"\n\
        name = \"Wire\"\n\
        \n\
        [theme]\n\
        conflict = \"red\" # loud\n";

    fn feed<'a>(url: &'a str, name: Option<&'a str>, tags: &'a [String]) -> NewFeed<'a> {
        NewFeed { url, name, tags }
    }

    #[test]
    fn comments_and_settings_are_kept_and_known_feeds_skipped() {
        let tags = vec!["Harbour towns".to_string(), "Valmora".to_string()];
        let result = add_feeds(
            USER,
            &[
                feed("https://wire.example/rss", Some("Wire again"), &[]),
                feed(
                    "https://courier.example/feed",
                    Some("Courier \"daily\""),
                    &tags,
                ),
                feed("https://courier.example/feed", None, &[]),
            ],
        )
        .unwrap();
        for kept in [
            "# my reader",
            "library = [\"~/news\"]   # where my files are",
            "# the wire, first thing",
            "conflict = \"red\" # loud",
        ] {
            assert!(
                result.text.contains(kept),
                "lost {kept:?}:\n{}",
                result.text
            );
        }
        assert_eq!(result.added.len(), 1);
        assert_eq!(result.already.len(), 2);
        let parsed: toml::Table = result.text.parse().unwrap();
        let feeds = parsed["feeds"].as_array().unwrap();
        assert_eq!(feeds.len(), 2);
        assert_eq!(feeds[1]["name"].as_str(), Some("Courier \"daily\""));
        assert_eq!(feeds[1]["tags"].as_array().unwrap().len(), 2);
        assert_eq!(parsed["theme"]["conflict"].as_str(), Some("red"));
    }

    #[test]
    fn a_missing_file_becomes_a_short_valid_config() {
        let result = add_feeds("", &[feed("https://a.example/f", None, &[])]).unwrap();
        assert!(
            result.text.starts_with("# Parallax config."),
            "{}",
            result.text
        );
        let parsed: toml::Table = result.text.parse().unwrap();
        assert_eq!(
            parsed["feeds"][0]["url"].as_str(),
            Some("https://a.example/f")
        );
    }

    #[test]
    fn an_inline_list_of_feeds_grows_inline_and_other_shapes_are_refused() {
        let result = add_feeds(
            "feeds = [{ url = \"https://a.example/f\" }]\n",
            &[feed("https://b.example/f", Some("B"), &[])],
        )
        .unwrap();
        let parsed: toml::Table = result.text.parse().unwrap();
        assert_eq!(parsed["feeds"].as_array().unwrap().len(), 2);
        assert!(
            add_feeds("feeds = 3\n", &[])
                .unwrap_err()
                .contains("not a list")
        );
        assert!(add_feeds("feeds = [\n", &[]).is_err());
    }
}
