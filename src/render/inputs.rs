//! Tracked dependencies: what the page of a meeting, an entity, a topic or
//! an action reads of the graph, as one fingerprint made of the versions
//! ([`Versions`]) of the nodes it reads, without building its data.
//!
//! A page of a node shows the node in full and, of other nodes, either
//! what every link shows (title, path, date, kind, whether a stub: the
//! site's shown digest, part of every fingerprint) or more. The "more" is
//! listed here, kind by kind, as the nodes whose versions the page reads:
//! a change anywhere else leaves the page's fingerprint as it was, and the
//! page is not even prepared. The other pages (lists of the whole site,
//! free pages) are fingerprinted from their data, as before.
//! docs/architecture.md ("Tracked dependencies") says how this is checked.

use super::pages;
use crate::graph::{
    ActionId, Backlink, DecisionId, EntityId, Id, MeetingId, SeriesId, Site, Target, TopicId,
    Versions, ids,
};
use crate::hash::Hash;
use crate::page::Page;
use crate::page::list::ranges;

/// What every page's fingerprint starts from (the site's shown digest),
/// and digests of every version of a kind, for the pages that list the
/// whole site.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Whole {
    shown: u64,
    meetings: u64,
    entities: u64,
    topics: u64,
    actions: u64,
    decisions: u64,
}

impl Whole {
    /// The site's shown digest.
    pub(crate) fn shown(&self) -> u64 {
        self.shown
    }

    pub(crate) fn of(versions: &Versions, shown: u64) -> Whole {
        let all = |list: &[u64]| {
            let mut h = Hash::default();
            h.write_u64(list.len() as u64);
            for &v in list {
                h.write_u64(v);
            }
            h.0
        };
        Whole {
            shown,
            meetings: all(versions.listed.as_slice()),
            entities: all(versions.entities_shape.as_slice()),
            topics: all(versions.topics_shape.as_slice()),
            actions: all(versions.actions.as_slice()),
            decisions: all(versions.decisions.as_slice()),
        }
    }
}

/// The fingerprint of what `page` reads, if its kind is tracked.
pub(crate) fn fingerprint(
    site: &Site,
    versions: &Versions,
    whole: Whole,
    page: Page,
) -> Option<u64> {
    let mut r = Reads {
        site,
        versions,
        h: Hash::default(),
    };
    r.h.write_u64(whole.shown);
    // Pages that list the whole site: what lists show of each node of
    // the kinds they list.
    let lists: &[u64] = match page {
        Page::Home => &[whole.meetings, whole.topics, whole.actions, whole.decisions],
        Page::Entities => &[whole.entities],
        Page::Topics => &[whole.topics],
        Page::Map => &[whole.entities, whole.topics],
        Page::Actions | Page::ActionsPrint => &[whole.actions],
        Page::Decisions => &[whole.decisions],
        Page::Changes => &[whole.meetings, whole.actions, whole.decisions],
        _ => &[],
    };
    if !lists.is_empty() {
        r.h.write_u64(page_tag(page));
        for &digest in lists {
            r.h.write_u64(digest);
        }
        return Some(r.h.0);
    }
    match page {
        Page::Year(y) => r.year_page(y),
        Page::Meetings => r.meetings_index(),
        Page::Series(s) => r.series_page(s),
        Page::Meeting(i) => r.meeting_page(i),
        Page::Entity(i) => r.entity_page(i),
        Page::Topic(i) => r.topic_page(i),
        Page::Action(i) => {
            r.h.write_u64(4);
            r.h.write_u64(versions.actions[i]);
        }
        _ => return None,
    }
    Some(r.h.0)
}

/// A number for each kind of page listing the whole site.
fn page_tag(page: Page) -> u64 {
    match page {
        Page::Home => 10,
        Page::Entities => 11,
        Page::Topics => 12,
        Page::Actions => 13,
        Page::ActionsPrint => 14,
        Page::Decisions => 15,
        Page::Map => 16,
        Page::Changes => 17,
        _ => 0,
    }
}

/// The versions a page reads, mixed as they are read.
struct Reads<'s> {
    site: &'s Site,
    versions: &'s Versions,
    h: Hash,
}

impl<'s> Reads<'s> {
    fn meeting(&mut self, i: MeetingId) {
        self.h.write_u64(self.versions.meetings[i]);
    }

    fn entity(&mut self, i: EntityId) {
        self.h.write_u64(self.versions.entities[i]);
    }

    fn topic(&mut self, i: TopicId) {
        self.h.write_u64(self.versions.topics[i]);
    }

    fn action(&mut self, i: ActionId) {
        self.h.write_u64(self.versions.actions[i]);
    }

    fn decision(&mut self, i: DecisionId) {
        self.h.write_u64(self.versions.decisions[i]);
    }

    fn series(&mut self, i: SeriesId) {
        self.h.write_u64(self.versions.series[i]);
    }

    fn target(&mut self, t: Target) {
        self.h.write_u64(self.versions.of_target(t));
    }

    fn ties(&mut self, i: EntityId) {
        self.h.write_u64(self.versions.ties[i]);
    }

    /// An action as a page lists it, and the owners whose ties a
    /// relationship map weighs.
    fn action_with_owners(&mut self, a: ActionId) {
        self.action(a);
        for &o in &self.site.actions[a].owners {
            self.ties(o);
        }
    }

    /// A page whose passages name the page being made: the passages are in
    /// the backlink (its digest is in the named page's version); a
    /// meeting's headings and what lists show of it are read.
    fn passages_from(&mut self, from: Target) {
        match from {
            Target::Meeting(m) => self.h.write_u64(self.versions.drawn[m]),
            other => self.target(other),
        }
    }

    /// Which pages are an entity's or a topic's ancestors, as its page
    /// lists them ([`pages::ancestors`]), by their slugs.
    fn ancestors<I: Id>(&mut self, list: &[I], slug: impl Fn(I) -> &'s str) {
        self.h.write_u64(list.len() as u64);
        for &p in list {
            self.h.write_delimited(slug(p).as_bytes());
        }
    }

    /// A meeting a timeline or an attendance table draws: its decisions
    /// and its series.
    fn meeting_drawn(&mut self, m: MeetingId) {
        let meeting = &self.site.meetings[m];
        self.h.write_u64(self.versions.drawn[m]);
        for &d in &meeting.decisions {
            self.decision(d);
        }
        if let Some(s) = meeting.series {
            self.series(s);
        }
    }

    /// How many meetings, actions and decisions each year has: every list
    /// of years shows them.
    fn years(&mut self) {
        for (year, range) in ranges(self.site) {
            self.h.write_u64(year as u64);
            let all = &self.site.meetings[range];
            self.h.write_u64(all.len() as u64);
            self.h
                .write_u64(all.iter().map(|m| m.actions.len()).sum::<usize>() as u64);
            self.h
                .write_u64(all.iter().map(|m| m.decisions.len()).sum::<usize>() as u64);
        }
    }

    /// A year's page: what lists show of its meetings, and the years.
    fn year_page(&mut self, year: i16) {
        self.h.write_u64(5);
        self.h.write_u64(year as u64);
        for (y, range) in ranges(self.site) {
            if y == year {
                for m in range.map(MeetingId::new) {
                    self.h.write_u64(self.versions.listed[m]);
                }
            }
        }
        self.years();
    }

    /// The index of years: the years, what lists show of the latest
    /// year's meetings, and every series.
    fn meetings_index(&mut self) {
        self.h.write_u64(6);
        if let Some((_, range)) = ranges(self.site).pop() {
            for m in range.map(MeetingId::new) {
                self.h.write_u64(self.versions.listed[m]);
            }
        }
        self.years();
        for s in ids(&self.site.series) {
            self.series(s);
        }
    }

    /// A series' page: its meetings as drawn, their actions and decisions.
    fn series_page(&mut self, s: SeriesId) {
        self.h.write_u64(7);
        self.series(s);
        for &m in &self.site.series[s].meetings {
            self.h.write_u64(self.versions.drawn[m]);
            let meeting = &self.site.meetings[m];
            for &a in &meeting.actions {
                self.action(a);
            }
            for &d in &meeting.decisions {
                self.decision(d);
            }
        }
    }

    /// The meeting's page: its actions and the actions it updates in full,
    /// its decisions, its series (its size and the meeting's place in it).
    fn meeting_page(&mut self, i: MeetingId) {
        self.h.write_u64(1);
        let m = &self.site.meetings[i];
        self.meeting(i);
        for &a in &m.actions {
            self.action(a);
        }
        for a in m.updates.iter().filter_map(|u| u.action) {
            self.action(a);
        }
        for &d in &m.decisions {
            self.decision(d);
        }
        if let Some(s) = m.series {
            self.series(s);
        }
    }

    /// What the pages of entities and topics read alike: their meetings
    /// as drawn, their actions with their owners' ties, the pages whose
    /// passages name them, and the ties of the entities on their
    /// relationship map.
    fn node_page(
        &mut self,
        meetings: &[MeetingId],
        actions: &[ActionId],
        backlinks: &[Backlink],
        tied: &[(EntityId, usize)],
    ) {
        for &m in meetings {
            self.meeting_drawn(m);
        }
        for &a in actions {
            self.action_with_owners(a);
        }
        for b in backlinks {
            self.passages_from(b.from);
        }
        for &(e, _) in tied {
            self.ties(e);
        }
    }

    /// The entity's page: its ancestors' names, and what [`Self::node_page`]
    /// reads, the entities it is related to on its map.
    fn entity_page(&mut self, i: EntityId) {
        self.h.write_u64(2);
        let site = self.site;
        let e = &site.entities[i];
        self.entity(i);
        let up = pages::ancestors(|k| site.entities[k].parent, i, site.entities.len());
        self.ancestors(&up, |k| site.entities[k].slug.as_str());
        self.node_page(&e.meetings, &e.actions, &e.backlinks, &e.related);
    }

    /// The topic's page: its ancestors' names, its decisions, and what
    /// [`Self::node_page`] reads, the entities most involved on its map
    /// (the other topics of its meetings are in the meetings as drawn).
    fn topic_page(&mut self, i: TopicId) {
        self.h.write_u64(3);
        let site = self.site;
        let t = &site.topics[i];
        self.topic(i);
        let up = pages::ancestors(|k| site.topics[k].parent, i, site.topics.len());
        self.ancestors(&up, |k| site.topics[k].slug.as_str());
        for &d in &t.decisions {
            self.decision(d);
        }
        self.node_page(&t.meetings, &t.actions, &t.backlinks, &t.entities);
    }
}
