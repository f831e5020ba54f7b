//! Turning a comparison into text for people: a plain report, Markdown, or two columns.
