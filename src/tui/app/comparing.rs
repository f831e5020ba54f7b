//! Opening comparisons: the pair to compare, the fast tier at once or in the background, the
//! deep tier's refinement, and the export prompt.

use super::App;
use crate::compare::{Comparison, Options, Tier, report};
use crate::config::Key;
use crate::library::Fingerprints;
use crate::tui::Effect;
use crate::tui::compare::{ComparePane, proposed_export_path};
use crate::tui::text_input::{Edit, TextInput};

/// Above this many bytes of text in all, a comparison runs in the background (about 0.1 s of
/// work at 200 KB on a slow machine; below it the pane opens at once).
const BACKGROUND_COMPARE_BYTES: usize = 256 * 1024;

impl App {
    /// Settings for comparing two articles of this library.
    pub fn compare_options(&self) -> Options {
        Options {
            library: self.library_terms.clone(),
            ..Options::default()
        }
    }

    /// Opens the comparison of the marked article (left) with the selected one (right), or of
    /// the selected one with the most similar other article.
    pub(super) fn open_comparison(&mut self) -> Option<Effect> {
        if self.comparing.is_some() {
            self.status = Some("still comparing the last pair; one moment".into());
            return None;
        }
        let Some(selected) = self.list.selected_article() else {
            self.status = Some("no article selected".into());
            return None;
        };
        let (left, right, note) = match self.marked {
            Some(m) if m != selected => (m, selected, None),
            Some(_) => {
                self.status =
                    Some("that is the marked article; select another one to compare with".into());
                return None;
            }
            None => {
                let fingerprints = self
                    .fingerprints
                    .get_or_insert_with(|| Fingerprints::new(&self.articles));
                match fingerprints.most_similar(selected) {
                    Some((other, _)) => {
                        let a = &self.articles[other];
                        let source = if a.source.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", a.source)
                        };
                        (
                            selected,
                            other,
                            Some(format!(
                                "compared with the most similar article: {}{source}",
                                a.title
                            )),
                        )
                    }
                    None => {
                        self.status = Some(
                            "no other article shares anything with this one; mark one to compare"
                                .into(),
                        );
                        return None;
                    }
                }
            }
        };
        let bytes = self.articles[left].body.len() + self.articles[right].body.len();
        // Long articles take a noticeable while: they are compared off the loop, so the reader
        // keeps responding; short ones at once, before the next frame.
        let at_once = bytes <= BACKGROUND_COMPARE_BYTES;
        if !at_once {
            self.status = Some(format!(
                "comparing two long articles ({} KB)…",
                bytes / 1024
            ));
        }
        self.comparing = Some(((left, right), note));
        Some(Effect::Compare {
            left,
            right,
            tier: Tier::Fast,
            at_once,
        })
    }

    /// Shows the fast tier's comparison at once and asks for the deep tier's in the background.
    pub(super) fn show_comparison(
        &mut self,
        comparison: Comparison,
        pair: (usize, usize),
        note: Option<String>,
    ) -> Option<Effect> {
        self.compare = Some(ComparePane::new(comparison, pair));
        let note = note
            .unwrap_or_else(|| "the marked article (left) against the selected one (right)".into());
        self.status = Some(format!("refining… · {note}"));
        Some(Effect::Compare {
            left: pair.0,
            right: pair.1,
            tier: Tier::Deep,
            at_once: false,
        })
    }

    /// The deep tier's comparison of a pair: it replaces the pane's in place if the pane still
    /// shows that pair.
    pub(super) fn on_refined(&mut self, pair: (usize, usize), comparison: Comparison) {
        let Some(pane) = self.compare.as_mut().filter(|p| p.articles == pair) else {
            return;
        };
        self.status = Some(match &comparison.summary.meaning.deep_skipped {
            Some(why) => why.clone(),
            None => "refined with the deep model".into(),
        });
        pane.replace(comparison);
    }

    /// Opens the export prompt with a file in the data folder proposed; the user may type any
    /// other path.
    pub(super) fn start_export(&mut self) {
        let Some(pane) = &self.compare else { return };
        let secs = self
            .now
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let path = proposed_export_path(&pane.comparison, self.data_dir.as_deref(), secs);
        self.export_prompt = Some(TextInput::new(path.display().to_string()));
    }

    /// The export prompt owns the keyboard: Enter writes to the path shown, Esc cancels.
    pub(super) fn edit_export(&mut self, key: Key) -> Option<Effect> {
        let input = self.export_prompt.as_mut()?;
        match input.edit(key) {
            Edit::Cancelled => {
                self.export_prompt = None;
                self.status = Some("export cancelled".into());
            }
            Edit::Submitted => {
                let path = std::path::PathBuf::from(input.text().trim());
                self.export_prompt = None;
                if path.as_os_str().is_empty() {
                    self.status = Some("export cancelled: no file name".into());
                    return None;
                }
                let markdown = report::markdown(&self.compare.as_ref()?.comparison);
                return Some(Effect::Export { path, markdown });
            }
            Edit::Edited | Edit::Ignored(_) => {}
        }
        None
    }
}
