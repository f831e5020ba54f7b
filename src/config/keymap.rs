//! Which key sequence runs which command in which context.

use std::collections::BTreeMap;

use super::{Command, Context, Key, KeySeq};

/// The bindings in force, defaults merged with the user's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: BTreeMap<Context, Vec<(KeySeq, Command)>>,
}

/// The result of looking up the keys pressed so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    /// The keys complete a binding.
    Command(Command),
    /// The keys start a longer binding: wait for the next key.
    Pending,
    /// Nothing is bound to these keys.
    Unbound,
}

impl Keymap {
    /// Builds a keymap from bindings already validated by the config loader.
    pub(crate) fn new(bindings: BTreeMap<Context, Vec<(KeySeq, Command)>>) -> Keymap {
        Keymap { bindings }
    }

    /// Looks up the keys pressed so far: the focused context first, then the global one.
    pub fn lookup(&self, context: Context, pressed: &[Key]) -> Lookup {
        let mut contexts = vec![context];
        if context != Context::Global {
            contexts.push(Context::Global);
        }
        for ctx in contexts {
            let bindings = self.bindings(ctx);
            if let Some((_, cmd)) = bindings.iter().find(|(seq, _)| seq.0 == pressed) {
                return Lookup::Command(*cmd);
            }
            if bindings
                .iter()
                .any(|(seq, _)| seq.0.len() > pressed.len() && seq.0.starts_with(pressed))
            {
                return Lookup::Pending;
            }
        }
        Lookup::Unbound
    }

    /// The bindings of one context, in config order.
    pub fn bindings(&self, context: Context) -> &[(KeySeq, Command)] {
        self.bindings.get(&context).map_or(&[], Vec::as_slice)
    }

    /// The key sequences that run a command in a context (for hints and help).
    pub fn keys_for(&self, context: Context, command: Command) -> Vec<&KeySeq> {
        self.bindings(context)
            .iter()
            .filter(|(_, c)| *c == command)
            .map(|(k, _)| k)
            .collect()
    }

    /// The first key for a command, looking in the context and then in global; for hints.
    pub fn hint(&self, context: Context, command: Command) -> Option<String> {
        [context, Context::Global]
            .into_iter()
            .find_map(|ctx| self.keys_for(ctx, command).first().map(|k| k.to_string()))
    }
}
