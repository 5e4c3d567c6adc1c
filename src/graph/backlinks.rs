//! Backlinks: every mention and wiki-link in every body, kept with its
//! paragraph and section, attached to the page it names.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::{Backlink, Place, Site, SiteLinks, Target};
use crate::diagnostic::Diagnostic;
use crate::markdown::{Heading, Searched, Style, walk};
use crate::model::{EntityDoc, MeetingDoc, PageDoc, TopicDoc};

/// The walks of the bodies of an earlier resolve, kept to be taken again
/// for a body that did not change (`serve` keeps them between rebuilds).
#[derive(Debug, Default)]
pub struct Walks {
    /// What every walk depended on beyond its body (see [`walk_digest`]).
    digest: u64,
    /// Each body walked, as the document it was in, and what its walk found.
    bodies: HashMap<Target, (Source, Arc<Scanned>)>,
}

/// The document a body was in. Held, it cannot be freed, so no other
/// document can take its place in memory and pass for it.
#[derive(Debug, Clone)]
enum Source {
    Meeting(Arc<MeetingDoc>),
    Entity(Arc<EntityDoc>),
    Topic(Arc<TopicDoc>),
    Page(Arc<PageDoc>),
}

impl Source {
    fn of(site: &Site, t: Target) -> Option<Source> {
        Some(match t {
            Target::Meeting(i) => Source::Meeting(site.meetings[i].doc.clone()),
            Target::Entity(i) => Source::Entity(site.entities[i].doc.clone()?),
            Target::Topic(i) => Source::Topic(site.topics[i].doc.clone()?),
            Target::Page(i) => Source::Page(site.pages[i].doc.clone()),
            Target::Action(_) => return None,
        })
    }

    /// Whether both are the very same document (not two equal ones).
    fn same(&self, other: &Source) -> bool {
        match (self, other) {
            (Source::Meeting(a), Source::Meeting(b)) => Arc::ptr_eq(a, b),
            (Source::Entity(a), Source::Entity(b)) => Arc::ptr_eq(a, b),
            (Source::Topic(a), Source::Topic(b)) => Arc::ptr_eq(a, b),
            (Source::Page(a), Source::Page(b)) => Arc::ptr_eq(a, b),
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
        e.doc.as_ref().map(|d| &d.front.not_mentions).hash(&mut h);
    }
    h.finish()
}

/// Walks every body in parallel and attaches the backlinks it finds. Entities
/// and topics a meeting's minutes refer to are added to the meeting. A body
/// that cannot be read is reported. With `walks`, a body walked before (the
/// same document, the same names and pages around it) is not walked again,
/// and `walks` is left holding this resolve's walks.
pub fn collect(site: &mut Site, walks: Option<&mut Walks>) -> Vec<Diagnostic> {
    let mut sources: Vec<Target> = (0..site.meetings.len()).map(Target::Meeting).collect();
    sources.extend(
        (0..site.entities.len())
            .filter(|&i| site.entities[i].doc.is_some())
            .map(Target::Entity),
    );
    sources.extend(
        (0..site.topics.len())
            .filter(|&i| site.topics[i].doc.is_some())
            .map(Target::Topic),
    );
    sources.extend((0..site.pages.len()).map(Target::Page));
    let links = SiteLinks::new(site, false);
    let digest = walks.as_ref().map(|_| walk_digest(site));
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
            let scanned = known.unwrap_or_else(|| scan(site, &links, from).map(Arc::new));
            (from, source, scanned)
        })
        .collect();
    let mut unread = Vec::new();
    let mut kept = HashMap::new();
    for (from, source, scanned) in scanned {
        let scanned = match scanned {
            Ok(scanned) => scanned,
            Err(d) => {
                unread.push(d);
                continue;
            }
        };
        site.searched.insert(from, scanned.searched.clone());
        for (to, backlink) in &scanned.backlinks {
            let (to, backlink) = (*to, backlink.clone());
            if let Target::Meeting(m) = from {
                let meeting = &mut site.meetings[m];
                match to {
                    Target::Entity(e) if !meeting.entities.contains(&e) => meeting.entities.push(e),
                    Target::Topic(t) if !meeting.topics.contains(&t) => meeting.topics.push(t),
                    _ => {}
                }
            }
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
        .iter()
        .map(|e| e.backlinks.iter().map(|b| order(site, b)).collect())
        .collect();
    for (e, k) in site.entities.iter_mut().zip(keys) {
        sort_by_keys(&mut e.backlinks, k);
    }
    let keys: Vec<Vec<_>> = site
        .topics
        .iter()
        .map(|t| t.backlinks.iter().map(|b| order(site, b)).collect())
        .collect();
    for (t, k) in site.topics.iter_mut().zip(keys) {
        sort_by_keys(&mut t.backlinks, k);
    }
    unread
}

/// The most of a paragraph a mention shows, in bytes: a long paragraph is cut
/// to a window around the first mention (the link leads to the whole).
const CONTEXT: usize = 480;

/// A backlink as it is found, before it is cut to its window.
struct Found {
    section: Option<usize>,
    place: Place,
    text: Arc<str>,
    marks: Vec<Range<usize>>,
}

/// The backlink from `from`: a long paragraph is cut to a window around its
/// first mark, at word boundaries, with `…` where text was left out.
fn window(from: Target, mut b: Found) -> Backlink {
    let text = &*b.text;
    if text.len() > CONTEXT {
        cut(&mut b);
    }
    Backlink {
        from,
        section: b.section.and_then(|s| u32::try_from(s).ok()),
        place: b.place,
        text: b.text,
        marks: b.marks.into_boxed_slice(),
    }
}

/// Cuts `b`'s paragraph to its window, and moves its marks with it.
fn cut(b: &mut Found) {
    let text = &*b.text;
    let first = b.marks.first().map_or(0, |m| m.start);
    let boundary = |mut i: usize, back: bool| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        let found = if back {
            text[..i].rfind(' ').map(|j| j + 1)
        } else {
            text[i..].find(' ').map(|j| i + j + 1)
        };
        found.unwrap_or(i)
    };
    let start = if first > CONTEXT / 3 {
        boundary(first - CONTEXT / 3, false).min(first)
    } else {
        0
    };
    let end = boundary(start + CONTEXT, true)
        .max(first + 1)
        .min(text.len());
    let end = if text.is_char_boundary(end) {
        end
    } else {
        text.len()
    };
    let (lead, tail) = (
        if start > 0 { "…" } else { "" },
        if end < text.len() { "…" } else { "" },
    );
    let cut = format!("{lead}{}{tail}", &text[start..end]);
    let shift = lead.len();
    b.marks = b
        .marks
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| m.start - start + shift..m.end - start + shift)
        .collect();
    b.text = Arc::from(cut);
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
    match t {
        Target::Meeting(i) => site.meetings[i].doc.body(),
        Target::Entity(i) => site.entities[i]
            .doc
            .as_ref()
            .expect("sources have documents")
            .body(),
        Target::Topic(i) => site.topics[i]
            .doc
            .as_ref()
            .expect("sources have documents")
            .body(),
        Target::Page(i) => site.pages[i].doc.body(),
        Target::Action(_) => Ok(Cow::Borrowed("")),
    }
}

/// What the walk of one body found.
#[derive(Debug)]
struct Scanned {
    /// The backlinks it holds: the page each names, and the paragraph.
    backlinks: Vec<(Target, Backlink)>,
    /// The mentions in its texts, for the page's own walk.
    searched: Searched,
}

/// The backlinks one body holds, one per (page named, paragraph), and the
/// mentions found in its texts. A meeting's actions and decisions are read
/// too, after its minutes. Names in a roll-call are attendance: they are
/// not kept.
fn scan(site: &Site, links: &SiteLinks<'_>, from: Target) -> Result<Scanned, Diagnostic> {
    let body = body_of(site, from)?;
    let headings = site.headings(from);
    let style = Style {
        root: "",
        base_path: "/",
        relative: false,
        autolink: site.autolink,
        raw_html: crate::markdown::RawHtml::Allow,
        this: Some(from),
        roll_call: &site.roll_call,
        anchors: false,
    };
    let mut backlinks = Vec::new();
    let searched = found(
        &body,
        headings,
        links,
        style,
        |_, ordinal| ordinal.map_or(Place::Heading, Place::Block),
        from,
        &mut backlinks,
    );
    if let Target::Meeting(m) = from {
        let meeting = &site.meetings[m];
        let texts = meeting
            .actions
            .iter()
            .map(|&a| {
                (
                    &site.actions[a].source,
                    Place::Action(site.actions[a].number as u32),
                )
            })
            .chain(meeting.decisions.iter().map(|&d| {
                let d = &site.decisions[d];
                (&d.source, Place::Decision(d.number as u32))
            }));
        for (text, place) in texts {
            found(text, &[], links, style, |_, _| place, from, &mut backlinks);
        }
    }
    Ok(Scanned {
        backlinks,
        searched,
    })
}

/// Walks `text` and adds to `out` a backlink for each (page named, block)
/// outside roll-calls, placed by `place` (given the block's section and
/// number). Returns what the walk searched.
fn found(
    text: &str,
    headings: &[Heading],
    links: &SiteLinks<'_>,
    style: Style<'_, Target>,
    place: impl Fn(Option<usize>, Option<u32>) -> Place,
    from: Target,
    out: &mut Vec<(Target, Backlink)>,
) -> Searched {
    let walked = walk(text, headings, links, style, false);
    let texts: Vec<Arc<str>> = walked
        .blocks
        .iter()
        .map(|b| Arc::from(b.text.as_str()))
        .collect();
    // (page, block or heading) -> backlink; BTreeMap keeps document order per page stable.
    let mut grouped: BTreeMap<(usize, Target), Found> = BTreeMap::new();
    let mut order: BTreeMap<(Target, Option<usize>, Option<usize>), usize> = BTreeMap::new();
    for r in &walked.references {
        let block = r.block.map(|b| &walked.blocks[b]);
        if block.is_some_and(|b| b.roll_call)
            || (block.is_none()
                && r.section
                    .is_some_and(|s| headings.get(s).is_some_and(|h| h.roll_call)))
        {
            continue;
        }
        let slot = order.len();
        let pos = *order.entry((r.key, r.block, r.section)).or_insert(slot);
        let section = r.section.filter(|&s| s < headings.len());
        let entry = grouped.entry((pos, r.key)).or_insert_with(|| Found {
            section,
            place: place(section, block.map(|b| b.ordinal)),
            text: match r.block {
                Some(b) => texts[b].clone(),
                None => Arc::from(section.map_or("", |s| headings[s].text.as_str())),
            },
            marks: Vec::new(),
        });
        if r.block.is_some() && !entry.marks.contains(&r.range) {
            entry.marks.push(r.range.clone());
        }
    }
    out.extend(
        grouped
            .into_iter()
            .map(|((_, to), b)| (to, window(from, b))),
    );
    walked.searched
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backlink(text: &str, marks: Vec<Range<usize>>) -> Backlink {
        let found = Found {
            section: None,
            place: Place::Block(1),
            text: Arc::from(text),
            marks,
        };
        window(Target::Meeting(0), found)
    }

    #[test]
    fn short_paragraphs_are_kept_whole() {
        let b = backlink("DESA spoke.", std::iter::once(0..4).collect());
        assert_eq!(&*b.text, "DESA spoke.");
    }

    #[test]
    fn long_paragraphs_are_cut_around_the_mention() {
        let text = format!(
            "{} DESA spoke. {}",
            "word ".repeat(200),
            "more ".repeat(200)
        );
        let at = text.find("DESA").unwrap();
        let b = backlink(&text, std::iter::once(at..at + 4).collect());
        assert!(b.text.len() <= CONTEXT + 8, "{}", b.text.len());
        assert!(b.text.starts_with('…') && b.text.ends_with('…'));
        let m = b.marks[0].clone();
        assert_eq!(&b.text[m], "DESA");
    }
}
