//! A new entity or topic: its file named from its name, beside the others
//! of its kind, unless the site already has a page of that name.
//!
//! A name the minutes already use without a file of its own (a stub) is
//! what this is for: its file is welcome. A name, alias or slug that a
//! file already claims is never given a second one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::template::Value;
use super::{guess, plural};
use crate::diagnostic::Diagnostic;
use crate::graph::Site;
use crate::graph::index::fold;
use crate::model::front::EntityKind;
use crate::model::slug::Slug;

/// What `quorum new entity` or `quorum new topic` was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRequest {
    /// The name, as the minutes write it.
    pub name: String,
    /// For an entity, its kind; by default a guess from its name.
    pub kind: Option<EntityKind>,
}

/// The new entity or topic, worked out.
pub(super) struct Plan {
    pub values: Vec<(&'static str, Value)>,
    /// Relative to the site's root.
    pub path: PathBuf,
    pub notes: Vec<String>,
}

/// A page of the site that an entry may collide with: its name, aliases,
/// slug, file, and how many meetings name it.
struct Known<'s> {
    name: &'s str,
    aliases: &'s [String],
    slug: &'s Slug,
    file: Option<&'s Path>,
    meetings: usize,
}

/// Works out the new entity (`entity` true) or topic on `site`.
pub(super) fn plan(site: &Site, entity: bool, request: &EntryRequest) -> Result<Plan, Diagnostic> {
    let word = if entity { "entity" } else { "topic" };
    let name = request.name.trim();
    let slug = Slug::from_name(name);
    if name.is_empty() || slug.as_str().is_empty() {
        return Err(Diagnostic::error("", format!("the {word}'s name is empty"))
            .help("give a name with letters in it, as the minutes write it"));
    }
    let known: Vec<Known> = if entity {
        site.entities
            .iter()
            .map(|e| Known {
                name: &e.name,
                aliases: &e.aliases,
                slug: &e.slug,
                file: e.doc.file().map(|d| d.path()),
                meetings: e.meetings.len(),
            })
            .collect()
    } else {
        site.topics
            .iter()
            .map(|t| Known {
                name: &t.name,
                aliases: &t.aliases,
                slug: &t.slug,
                file: t.doc.file().map(|d| d.path()),
                meetings: t.meetings.len(),
            })
            .collect()
    };
    let mut notes = Vec::new();
    let kind = entity.then(|| request.kind.unwrap_or_else(|| guess::kind(name)));
    let folder = match kind {
        Some(kind) => entity_folder(site, kind),
        None => Path::new("content").join("topics"),
    };
    let path = folder.join(format!("{slug}.md"));
    if slug.as_str().len() == 4 && slug.as_str().bytes().all(|b| b.is_ascii_digit()) {
        return Err(Diagnostic::error(
            &path,
            format!("the {word}'s slug would be `{slug}`, a year alone"),
        )
        .help("give a name with a word in it, e.g. \"Class of 1999\""));
    }
    refuse_taken(&known, name, &slug, &path, word)?;
    if let Some(stub) = known.iter().find(|k| k.file.is_none() && named(k, name)) {
        notes.push(format!(
            "`{}` is named in {} meeting{} without a page of its own: this is its page",
            stub.name,
            stub.meetings,
            plural(stub.meetings)
        ));
    }
    let mut values = vec![
        ("name", Value::scalar(Some(name))),
        ("slug", Value::plain(slug.as_str())),
    ];
    if let Some(kind) = kind {
        if request.kind.is_none() {
            notes.push(format!(
                "kind: {} is a guess from the name: correct it if it is wrong (or give --kind)",
                kind.as_str()
            ));
        }
        values.push(("kind", Value::plain(kind.as_str())));
    }
    Ok(Plan {
        values,
        path,
        notes,
    })
}

/// An error when a file already claims `name` (as a name or alias) or
/// `slug`, or stands at `path`.
fn refuse_taken(
    known: &[Known],
    name: &str,
    slug: &Slug,
    path: &Path,
    word: &str,
) -> Result<(), Diagnostic> {
    for k in known {
        let Some(file) = k.file else { continue };
        let why = if file == path {
            "this file already exists; it is left as it is".to_owned()
        } else if fold(k.name) == fold(name) {
            format!("the {word} `{}` already has this file", k.name)
        } else if k.aliases.iter().any(|a| fold(a) == fold(name)) {
            format!("`{name}` is already an alias of the {word} `{}`", k.name)
        } else if k.slug == slug {
            format!(
                "the {word} `{}` already has the slug `{slug}`: its page would be the new one's",
                k.name
            )
        } else {
            continue;
        };
        return Err(Diagnostic::error(file, why)
            .help(format!("edit it, or give the new {word} another name")));
    }
    Ok(())
}

/// Whether `k` is called `name`, by its name or an alias.
fn named(k: &Known, name: &str) -> bool {
    fold(k.name) == fold(name) || k.aliases.iter().any(|a| fold(a) == fold(name))
}

/// Where a new entity of `kind` goes: the folder under `content/entities/`
/// that holds most of the site's entities of that kind when the site sorts
/// them into folders (`entities/people/`), else `content/entities/`.
fn entity_folder(site: &Site, kind: EntityKind) -> PathBuf {
    let base = Path::new("content").join("entities");
    let mut counts: BTreeMap<&Path, usize> = BTreeMap::new();
    for e in &site.entities {
        let Some(parent) = e.doc.file().and_then(|d| d.path().parent()) else {
            continue;
        };
        if e.kind == kind && parent.starts_with(&base) {
            *counts.entry(parent).or_default() += 1;
        }
    }
    // The most used; of equals, the first by path (a BTreeMap's order).
    let mut best: Option<(&Path, usize)> = None;
    for (folder, n) in counts {
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((folder, n));
        }
    }
    best.map_or(base, |(f, _)| f.to_path_buf())
}
