//! The name index: every name, alias and slug of every page, per kind.
//!
//! Refs are matched exactly after trimming and case-folding. The index also
//! knows which file claimed each name first, so a collision can name both.

use std::borrow::Cow;

use crate::hash::FastMap;

use super::Target;

/// The kinds a ref can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RefKind {
    Entity,
    Topic,
    Meeting,
    Action,
}

impl RefKind {
    /// All kinds, in the order a bare wiki-link tries them.
    pub const ALL: [RefKind; 4] = [
        RefKind::Entity,
        RefKind::Topic,
        RefKind::Meeting,
        RefKind::Action,
    ];

    /// The word used in messages and in `[[kind:ref]]`.
    pub fn word(self) -> &'static str {
        match self {
            RefKind::Entity => "entity",
            RefKind::Topic => "topic",
            RefKind::Meeting => "meeting",
            RefKind::Action => "action",
        }
    }

    /// The plural, for messages.
    pub fn plural(self) -> &'static str {
        match self {
            RefKind::Entity => "entities",
            RefKind::Topic => "topics",
            RefKind::Meeting => "meetings",
            RefKind::Action => "actions",
        }
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// The key a name is looked up by.
pub(crate) fn fold(name: &str) -> String {
    name.trim().to_lowercase()
}

/// [`fold`], without a copy when the name, trimmed, is folded already (no
/// capital, nothing beyond ASCII).
pub(crate) fn folded(name: &str) -> Cow<'_, str> {
    let trimmed = name.trim();
    if trimmed
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(trimmed.to_lowercase())
    }
}

/// Calls `f` with `name` [`fold`]ed: a short ASCII name is folded on the
/// stack, with nothing to allocate (refs are looked up by the hundred
/// thousand on every resolve).
pub(crate) fn with_folded<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    const ROOM: usize = 96;
    let trimmed = name.trim();
    if trimmed.len() <= ROOM && trimmed.is_ascii() {
        let mut room = [0u8; ROOM];
        let bytes = &mut room[..trimmed.len()];
        bytes.copy_from_slice(trimmed.as_bytes());
        // Lower-casing ASCII is what `to_lowercase` does to it.
        bytes.make_ascii_lowercase();
        if let Ok(folded) = std::str::from_utf8(bytes) {
            return f(folded);
        }
    }
    f(&fold(name))
}

/// Names to targets, one table per kind.
#[derive(Debug, Default, Clone)]
pub struct Index {
    tables: [FastMap<String, Vec<Target>>; 4],
}

impl Index {
    /// Adds `name` for `target`. Returns the other targets already known by
    /// that name (a collision), if any.
    pub fn insert(&mut self, kind: RefKind, name: &str, target: Target) -> Vec<Target> {
        let key = folded(name);
        if key.is_empty() {
            return Vec::new();
        }
        let table = &mut self.tables[kind.slot()];
        let Some(entry) = table.get_mut(key.as_ref()) else {
            table.insert(key.into_owned(), vec![target]);
            return Vec::new();
        };
        if entry.contains(&target) {
            return Vec::new();
        }
        let others = entry.clone();
        entry.push(target);
        others
    }

    /// Every target of `kind` called `name`.
    pub fn get(&self, kind: RefKind, name: &str) -> &[Target] {
        with_folded(name, |folded| self.get_folded(kind, folded))
    }

    /// Every target of `kind` whose name, [`fold`]ed, is `folded`.
    pub fn get_folded(&self, kind: RefKind, folded: &str) -> &[Target] {
        self.tables[kind.slot()]
            .get(folded)
            .map_or(&[], Vec::as_slice)
    }

    /// Every name known for `kind`.
    pub fn names(&self, kind: RefKind) -> impl Iterator<Item = &str> {
        self.tables[kind.slot()].keys().map(String::as_str)
    }

    /// Every name known for `kind`, [`fold`]ed, with the targets it names.
    pub fn entries(&self, kind: RefKind) -> impl Iterator<Item = (&str, &[Target])> {
        self.tables[kind.slot()]
            .iter()
            .map(|(name, targets)| (name.as_str(), targets.as_slice()))
    }
}

/// How a wiki-link target reads: an optional `kind:` and a name.
pub(crate) fn split_kind(target: &str) -> (Option<RefKind>, &str) {
    let t = target.trim();
    for kind in RefKind::ALL {
        if let Some(rest) = t
            .strip_prefix(kind.word())
            .and_then(|r| r.strip_prefix(':'))
        {
            return (Some(kind), rest.trim());
        }
    }
    (None, t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EntityId, Id};

    #[test]
    fn lookups_ignore_case_and_surrounding_space() {
        let mut ix = Index::default();
        assert!(
            ix.insert(RefKind::Entity, "DESA", Target::Entity(EntityId::new(0)))
                .is_empty()
        );
        assert_eq!(
            ix.get(RefKind::Entity, "  desa "),
            [Target::Entity(EntityId::new(0))]
        );
        assert!(ix.get(RefKind::Topic, "desa").is_empty());
    }

    #[test]
    fn a_second_owner_of_a_name_is_reported() {
        let mut ix = Index::default();
        ix.insert(RefKind::Entity, "UN", Target::Entity(EntityId::new(0)));
        assert!(
            ix.insert(RefKind::Entity, "un", Target::Entity(EntityId::new(0)))
                .is_empty()
        );
        assert_eq!(
            ix.insert(RefKind::Entity, "Un", Target::Entity(EntityId::new(1))),
            [Target::Entity(EntityId::new(0))]
        );
    }

    #[test]
    fn folded_names_are_folds() {
        let long = "A Name Longer Than The Room On The Stack ".repeat(4);
        for name in ["desa", " DESA ", "Ünïcode Name", "a-b_c 1", "", "  ", &long] {
            assert_eq!(folded(name), fold(name), "{name:?}");
            assert_eq!(with_folded(name, str::to_owned), fold(name), "{name:?}");
        }
    }

    #[test]
    fn kind_prefixes_are_split_off() {
        assert_eq!(
            split_kind("topic: UN reform"),
            (Some(RefKind::Topic), "UN reform")
        );
        assert_eq!(split_kind("DESA"), (None, "DESA"));
        assert_eq!(split_kind("entityX"), (None, "entityX"));
    }
}
