//! Backlinks: every mention and wiki-link in every body, kept with its
//! paragraph and section, attached to the page it names.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;

use super::passages::{Gather, Store};
use super::{Backlink, EntityId, Place, Site, SiteLinks, Target, TopicId};
use crate::diagnostic::Diagnostic;
use crate::hash::{FastMap, FastSet};
use crate::markdown::{Heading, ItemMark, Searched, Style, walk};
use crate::model::{EntityDoc, FreePageDoc, MeetingDoc, TopicDoc};

/// The walks of the bodies of an earlier resolve, kept to be taken again
/// for a body that did not change (`serve` keeps them between rebuilds).
#[derive(Debug, Default)]
pub struct Walks {
    /// What every walk depended on beyond its body (see [`walk_digest`]).
    digest: u64,
    /// Each body walked, as the document it was in, and what its walk found.
    bodies: FastMap<Target, (Source, Arc<Scanned>)>,
}

/// The document a body was in. Held, it cannot be freed, so no other
/// document can take its place in memory and pass for it.
#[derive(Debug, Clone)]
enum Source {
    Meeting(Arc<MeetingDoc>),
    Entity(Arc<EntityDoc>),
    Topic(Arc<TopicDoc>),
    FreePage(Arc<FreePageDoc>),
}

impl Source {
    fn of(site: &Site, t: Target) -> Option<Source> {
        Some(match t {
            Target::Meeting(i) => Source::Meeting(site.meetings[i].doc.clone()),
            Target::Entity(i) => Source::Entity(site.entities[i].doc.file().cloned()?),
            Target::Topic(i) => Source::Topic(site.topics[i].doc.file().cloned()?),
            Target::FreePage(i) => Source::FreePage(site.free_pages[i].doc.clone()),
            Target::Action(_) => return None,
        })
    }

    /// Whether both are the very same document (not two equal ones).
    fn same(&self, other: &Source) -> bool {
        match (self, other) {
            (Source::Meeting(a), Source::Meeting(b)) => Arc::ptr_eq(a, b),
            (Source::Entity(a), Source::Entity(b)) => Arc::ptr_eq(a, b),
            (Source::Topic(a), Source::Topic(b)) => Arc::ptr_eq(a, b),
            (Source::FreePage(a), Source::FreePage(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// A body's walk: the page it is the body of, its document, what it found.
type Walked = (Target, Option<Source>, Result<Arc<Scanned>, Diagnostic>);

/// What a body's walk depends on beyond its own text and headings: what
/// links resolve to ([`Site::links_digest`]) and the names mentions are
/// found by, with the entity each leads to.
fn walk_digest(site: &Site) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    site.links_digest().hash(&mut h);
    for e in &site.entities {
        (&e.name, &e.short, &e.aliases).hash(&mut h);
        e.doc.file().map(|d| &d.front.not_mentions).hash(&mut h);
    }
    h.finish()
}

/// Walks every body in parallel and attaches the backlinks it finds. Entities
/// and topics a meeting's minutes refer to are added to the meeting. A body
/// that cannot be read is reported. With `walks`, a body walked before (the
/// same document, the same names and pages around it) is not walked again,
/// and `walks` is left holding this resolve's walks.
pub(super) fn collect(site: &mut Site, walks: Option<&mut Walks>) -> Vec<Diagnostic> {
    // Every page with a file of its own: meetings, entities and topics
    // that are not stubs, free pages.
    let sources: Vec<Target> = site
        .targets()
        .filter(|&t| site.outline(t).is_some())
        .collect();
    let links = SiteLinks::new(site, false);
    let digest = walks.as_ref().map(|_| walk_digest(site));
    // A build keeps the passages' texts in a file; `serve` keeps them with
    // the walks. Without a temporary folder to write to, they stay in memory.
    let store = match walks {
        Some(_) => None,
        None => Store::new().ok().map(Arc::new),
    };
    let earlier = walks
        .as_deref()
        .filter(|w| Some(w.digest) == digest)
        .map(|w| &w.bodies);
    // Split down to single bodies: their lengths vary a great deal.
    let scanned: Vec<Walked> = sources
        .par_iter()
        .with_max_len(1)
        .map(|&from| {
            let source = digest.and_then(|_| Source::of(site, from));
            let known = earlier
                .and_then(|e| e.get(&from))
                .filter(|(was, _)| source.as_ref().is_some_and(|s| s.same(was)))
                .map(|(_, scanned)| Ok(scanned.clone()));
            let scanned =
                known.unwrap_or_else(|| scan(site, &links, from, store.as_ref()).map(Arc::new));
            (from, source, scanned)
        })
        .collect();
    let mut unread = Vec::new();
    let mut kept = FastMap::default();
    kept.reserve(scanned.len());
    site.searched.reserve(scanned.len());
    for (from, source, scanned) in scanned {
        let scanned = match scanned {
            Ok(scanned) => scanned,
            Err(d) => {
                // A temporary file that cannot be written fails every body alike: say it once.
                if !unread.contains(&d) {
                    unread.push(d);
                }
                continue;
            }
        };
        site.searched.insert(from, scanned.searched.clone());
        if let Target::Meeting(m) = from {
            refer(&mut site.meetings[m], &scanned.backlinks);
        }
        for (to, backlink) in &scanned.backlinks {
            let (to, backlink) = (*to, backlink.clone());
            match to {
                Target::Entity(e) => site.entities[e].backlinks.push(backlink),
                Target::Topic(t) => site.topics[t].backlinks.push(backlink),
                _ => {}
            }
        }
        if let Some(source) = source {
            kept.insert(from, (source, scanned));
        }
    }
    if let (Some(walks), Some(digest)) = (walks, digest) {
        *walks = Walks {
            digest,
            bodies: kept,
        };
    }
    let order = |site: &Site, b: &Backlink| match b.from {
        Target::Meeting(m) => (0, Reverse(Some((site.meetings[m].date, m))), String::new()),
        other => (1, Reverse(None), site.title(other).to_owned()),
    };
    let keys: Vec<Vec<_>> = site
        .entities
        .par_iter()
        .map(|e| e.backlinks.iter().map(|b| order(site, b)).collect())
        .collect();
    site.entities
        .par_iter_mut()
        .zip(keys)
        .for_each(|(e, k)| sort_by_keys(&mut e.backlinks, k));
    let keys: Vec<Vec<_>> = site
        .topics
        .par_iter()
        .map(|t| t.backlinks.iter().map(|b| order(site, b)).collect())
        .collect();
    site.topics
        .par_iter_mut()
        .zip(keys)
        .for_each(|(t, k)| sort_by_keys(&mut t.backlinks, k));
    unread
}

/// Adds the entities and topics a meeting's minutes name to those it lists.
fn refer(meeting: &mut super::Meeting, named: &[(Target, Backlink)]) {
    let mut entities: FastSet<EntityId> = meeting.entities.iter().copied().collect();
    let mut topics: FastSet<TopicId> = meeting.topics.iter().copied().collect();
    for (to, _) in named {
        match *to {
            Target::Entity(e) if entities.insert(e) => meeting.entities.push(e),
            Target::Topic(t) if topics.insert(t) => meeting.topics.push(t),
            _ => {}
        }
    }
}

/// Stable sort of `items` by precomputed keys. The list is complete by then:
/// it gives back the room it grew into.
fn sort_by_keys<T, K: Ord>(items: &mut Vec<T>, keys: Vec<K>) {
    let mut paired: Vec<(K, T)> = keys.into_iter().zip(items.drain(..)).collect();
    paired.sort_by(|a, b| a.0.cmp(&b.0));
    items.extend(paired.into_iter().map(|(_, t)| t));
    items.shrink_to_fit();
}

fn body_of(site: &Site, t: Target) -> Result<Cow<'_, str>, Diagnostic> {
    site.body(t)
}

/// What the walk of one body found.
#[derive(Debug)]
struct Scanned {
    /// The backlinks it holds: the page each names, and the passages.
    backlinks: Vec<(Target, Backlink)>,
    /// The mentions in its texts, for the page's own walk.
    searched: Arc<Searched>,
}

/// The backlinks one body holds, one per page named, and the mentions found
/// in its texts. A meeting's actions and decisions are read too, after its
/// minutes. Names in a roll-call are attendance: they are not kept.
fn scan(
    site: &Site,
    links: &SiteLinks<'_>,
    from: Target,
    store: Option<&Arc<Store>>,
) -> Result<Scanned, Diagnostic> {
    let body = body_of(site, from)?;
    let headings = site.headings(from);
    // The blocks of actions and decisions written in the minutes: their
    // passages are those of the actions and decisions, read below.
    let marks: Vec<ItemMark> = match from {
        Target::Meeting(m) => {
            let meeting = &site.meetings[m];
            let actions = meeting
                .actions
                .iter()
                .filter_map(|&a| site.actions[a].inline);
            let decisions = meeting
                .decisions
                .iter()
                .filter_map(|&d| site.decisions[d].inline);
            actions
                .chain(decisions)
                .map(|ordinal| ItemMark {
                    ordinal,
                    href: String::new(),
                    label: String::new(),
                    class: String::new(),
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let style = Style {
        root: "",
        base_path: "/",
        relative: false,
        autolink: site.autolink,
        raw_html: crate::markdown::RawHtml::Allow,
        this: Some(from),
        roll_call: &site.roll_call,
        anchors: false,
        items: &marks,
        patterns: &site.link_patterns,
    };
    let mut gather = Gather::default();
    let searched = found(&body, headings, links, style, None, &mut gather);
    if let Target::Meeting(m) = from {
        let meeting = &site.meetings[m];
        let actions = meeting.actions.iter().map(|&a| {
            let a = &site.actions[a];
            (&a.source, Place::Action(a.number as u32))
        });
        let decisions = meeting.decisions.iter().map(|&d| {
            let d = &site.decisions[d];
            (&d.source, Place::Decision(d.number as u32))
        });
        for (text, place) in actions.chain(decisions) {
            found(text, &[], links, style, Some(place), &mut gather);
        }
    }
    let backlinks = gather.finish(from, store).map_err(|e| {
        let folder = std::env::temp_dir();
        Diagnostic::error(
            folder.clone(),
            format!("cannot keep the passages of the minutes in a temporary file: {e}"),
        )
        .help(format!(
            "make room in {}, or name another folder in TMPDIR",
            folder.display()
        ))
    })?;
    Ok(Scanned {
        backlinks,
        searched: Arc::new(searched),
    })
}

/// Walks `text` and gathers its passages outside roll-calls that name a
/// page: all at `place` when given (a text shown whole, an action's), or
/// else each at its own block or heading. Returns what the walk searched.
fn found(
    text: &str,
    headings: &[Heading],
    links: &SiteLinks<'_>,
    style: Style<'_, Target>,
    place: Option<Place>,
    gather: &mut Gather,
) -> Searched {
    let walked = walk(text, headings, links, style, false);
    // The passage number of each block, and of each heading, once added.
    let mut blocks: HashMap<usize, u32> = HashMap::new();
    let mut titles: HashMap<usize, u32> = HashMap::new();
    for r in &walked.references {
        let section = r.section.filter(|&s| s < headings.len());
        let passage = match r.block {
            Some(b) => {
                let block = &walked.blocks[b];
                let item =
                    place.is_none() && style.items.iter().any(|m| m.ordinal == block.ordinal);
                if block.roll_call || item {
                    continue;
                }
                let place = place.unwrap_or(Place::Block(block.ordinal));
                *blocks
                    .entry(b)
                    .or_insert_with(|| gather.passage(place, section, &block.text))
            }
            None => {
                let Some(s) = section.filter(|&s| !headings[s].roll_call) else {
                    continue;
                };
                *titles
                    .entry(s)
                    .or_insert_with(|| gather.passage(Place::Heading, section, &headings[s].text))
            }
        };
        let range = r.block.map(|_| r.range.clone());
        gather.names(r.key, passage, range);
    }
    walked.searched
}
