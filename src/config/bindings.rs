//! The `[keys.*]` tables of a config file: each action's key list checked where it is written,
//! then the user's bindings merged over the defaults, action by action.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::error::did_you_mean;
use super::file::{Source, error_at};
use super::{Command, ConfigError, Context, KeySeq, Keymap};

/// The key tables as read: context name -> action name -> its keys.
pub(super) type KeyTables = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<KeyList>>>;

/// The keys of one action: a list of key names, each with its place in the file.
pub(super) struct KeyList(Vec<Spanned<String>>);

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = KeyList;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of key names, such as [\"j\", \"Down\"]")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = seq.next_element::<Spanned<String>>()? {
                    keys.push(k);
                }
                Ok(KeyList(keys))
            }
        }
        d.deserialize_seq(Visitor)
    }
}

/// One binding as written in a file: context, command, keys, and where the keys stand.
pub(super) struct Written {
    context: Context,
    command: Command,
    keys: Vec<(KeySeq, Range<usize>)>,
}

/// Checks names and keys in one file and collects its valid bindings and every problem.
pub(super) fn bindings_of(
    tables: &KeyTables,
    text: &Source,
    path: &Path,
) -> (Vec<Written>, Vec<ConfigError>) {
    let mut errors = Vec::new();
    let mut written = Vec::new();
    for (ctx_name, table) in tables {
        let Some(context) = Context::from_name(ctx_name.get_ref()) else {
            let names = Context::ALL.map(Context::name);
            errors.push(error_at(
                path,
                text,
                Some(ctx_name.span()),
                format!(
                    "unknown key table [keys.{}]{}; the tables are {}",
                    ctx_name.get_ref(),
                    did_you_mean(ctx_name.get_ref(), names),
                    names.map(|n| format!("[keys.{n}]")).join(", ")
                ),
            ));
            continue;
        };
        // Which action already claimed each key in this table of this file.
        let mut seen: BTreeMap<KeySeq, Command> = BTreeMap::new();
        for (action, keys) in table {
            let allowed = context.commands();
            let Some(command) =
                Command::from_name(action.get_ref()).filter(|c| allowed.contains(c))
            else {
                let hint = did_you_mean(action.get_ref(), allowed.iter().map(|c| c.name()));
                let elsewhere = Command::from_name(action.get_ref())
                    .map(|_| " (it belongs in another table)".to_string())
                    .unwrap_or_default();
                errors.push(error_at(
                    path,
                    text,
                    Some(action.span()),
                    format!(
                        "unknown action `{}` in [keys.{context}]{hint}{elsewhere}",
                        action.get_ref()
                    ),
                ));
                continue;
            };
            let mut entry = Written {
                context,
                command,
                keys: Vec::new(),
            };
            for key in &keys.get_ref().0 {
                match KeySeq::parse(key.get_ref()) {
                    Ok(seq) => {
                        if let Some(other) = seen.get(&seq).filter(|c| **c != command) {
                            errors.push(error_at(path, text, Some(key.span()), format!(
                                "`{seq}` is bound to both `{other}` and `{command}` in [keys.{context}]"
                            )));
                            continue;
                        }
                        seen.insert(seq.clone(), command);
                        if !entry.keys.iter().any(|(s, _)| *s == seq) {
                            entry.keys.push((seq, key.span()));
                        }
                    }
                    Err(e) => errors.push(error_at(path, text, Some(key.span()), format!(
                        "{e} in [keys.{context}] {}; use names like \"j\", \"Ctrl-d\", \"PageDown\", \"F1\", \"g g\"",
                        command
                    ))),
                }
            }
            written.push(entry);
        }
    }
    (written, errors)
}

/// A binding after merging, with where the user's file wrote it (None for a default).
type MergedBinding = (Command, KeySeq, Option<Range<usize>>);

/// Merges the user's bindings over the defaults, action by action, then checks for sequences
/// that can never complete because a shorter one is bound.
pub(super) fn merge(
    defaults: Vec<Written>,
    user: Vec<Written>,
    text: &Source,
    path: &Path,
) -> Result<Keymap, Vec<ConfigError>> {
    // (context, command) -> keys with the place they were written in the user's file, if there.
    let mut merged: BTreeMap<Context, Vec<MergedBinding>> = BTreeMap::new();
    for d in defaults {
        let list = merged.entry(d.context).or_default();
        list.extend(d.keys.into_iter().map(|(k, _)| (d.command, k, None)));
    }
    for u in user {
        let list = merged.entry(u.context).or_default();
        list.retain(|(c, k, _)| *c != u.command && !u.keys.iter().any(|(uk, _)| uk == k));
        list.extend(
            u.keys
                .into_iter()
                .map(|(k, span)| (u.command, k, Some(span))),
        );
    }

    let mut errors = Vec::new();
    let empty = Vec::new();
    let global = merged.get(&Context::Global).unwrap_or(&empty);
    for (context, list) in &merged {
        let others: Vec<_> = if *context == Context::Global {
            list.iter().collect()
        } else {
            list.iter().chain(global.iter()).collect()
        };
        for (cmd, short, short_span) in list {
            for (long_cmd, long, long_span) in &others {
                if short.is_prefix_of(long) {
                    let span = short_span.clone().or_else(|| long_span.clone());
                    errors.push(error_at(path, text, span, format!(
                        "`{short}` ({cmd}) in [keys.{context}] shadows `{long}` ({long_cmd}): the longer sequence could never be typed"
                    )));
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Keymap::new(
        merged
            .into_iter()
            .map(|(ctx, list)| (ctx, list.into_iter().map(|(c, k, _)| (k, c)).collect()))
            .collect(),
    ))
}
