use ratatui::style::Stylize;
use ratatui::text::{Line, Span};

use crate::config::{Context, Keymap};
use crate::tui::text::fit;

/// The help text, generated from the live keymap so remapped keys show as they are.
pub fn help_lines(keymap: &Keymap) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for context in Context::ALL {
        if context.commands().is_empty() {
            continue;
        }
        let title = match context {
            Context::Global => "Everywhere",
            Context::List => "Article list",
            Context::Reader => "Reading pane",
            Context::Compare => "Comparison",
        };
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(
            Line::from(format!("{title}  [keys.{}]", context.name()))
                .bold()
                .underlined(),
        );
        for &command in context.commands() {
            let keys = keymap.keys_for(context, command);
            let keys = if keys.is_empty() {
                "(unbound)".to_string()
            } else {
                keys.iter()
                    .map(|k| k.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::raw(fit(&keys, 26)).cyan(),
                Span::raw(" "),
                Span::raw(command.description(context)),
                Span::raw(format!("  ({})", command.name())).dim(),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(
        Line::from("While filtering: type to search, Enter keeps the filter, Esc clears it.")
            .italic(),
    );
    lines.push(
        Line::from(
            "Filter terms (all must hold): words, \"a phrase\", source:NAME, tag:NAME, unread, \
             read, since:2d, since:2026-11-01, before:1w, and -term for not.",
        )
        .italic(),
    );
    lines.push(Line::from("Mouse: the wheel scrolls the pane under it; a click selects.").italic());
    lines.push(
        Line::from(
            "In a comparison: bold words in the changed colour are given differently by the \
             other report; bold words in the tint of unique passages only this report has.",
        )
        .italic(),
    );
    lines.push(
        Line::from(
            "In a comparison: ▶◀ beside the gutter mark the current passage; the columns at both \
             edges are a map of the whole comparison (! conflict, < > one side only), the part \
             in view reversed.",
        )
        .italic(),
    );
    lines
}
