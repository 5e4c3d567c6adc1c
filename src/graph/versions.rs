//! A version of every node of the graph: one number per meeting, entity,
//! topic, action, decision, series and free page that changes whenever
//! anything the graph holds about the node changes — its file's text, and
//! every list and value resolving worked out for it. Nodes are named in a
//! version by their slugs and ids, never by their positions, so a version
//! is comparable from one resolve to the next even as nodes come, go or
//! move. `serve` tells from them which pages read something that changed
//! (see `render::inputs` and docs/architecture.md, "Tracked dependencies").

use std::hash::Hash as _;

use rayon::prelude::*;

use super::{
    Action, ActionId, Decision, DecisionId, Entity, EntityId, FreePage, FreePageId, Id, Meeting,
    MeetingId, PerId, Series, SeriesId, Site, Target, Topic, TopicId,
};
use crate::hash::Hash;

/// The version of every node of a site, by position.
#[derive(Debug, Default)]
pub struct Versions {
    /// Everything about each meeting: its file's text, and what resolving
    /// worked out for it.
    pub meetings: PerId<MeetingId, u64>,
    /// What lists of meetings show of each beyond a link: what is drawn
    /// of it, and its summary.
    pub listed: PerId<MeetingId, u64>,
    /// What timelines, attendance tables and passages show of each meeting
    /// beyond a link: what resolving worked out for it, its title and its
    /// headings, not its minutes' text.
    pub drawn: PerId<MeetingId, u64>,
    /// What a relationship map weighs of each entity: its ties to other
    /// entities and to topics.
    pub ties: PerId<EntityId, u64>,
    /// The shape of each entity: all of its version but its own text and
    /// the texts of the passages that name it (which pages name it, and
    /// how often, are in). Lists of entities, the map and the graph
    /// export read this.
    pub entities_shape: PerId<EntityId, u64>,
    /// The shape of each topic, as of an entity.
    pub topics_shape: PerId<TopicId, u64>,
    /// What each entity says of itself: its file (front matter and text),
    /// none of what other pages say of it. The search index reads this.
    pub entities_own: PerId<EntityId, u64>,
    /// What each topic says of itself, as of an entity.
    pub topics_own: PerId<TopicId, u64>,
    pub entities: PerId<EntityId, u64>,
    pub topics: PerId<TopicId, u64>,
    pub actions: PerId<ActionId, u64>,
    pub decisions: PerId<DecisionId, u64>,
    pub series: PerId<SeriesId, u64>,
    pub free_pages: PerId<FreePageId, u64>,
}

impl Versions {
    /// The versions of every node of `site`.
    pub fn of(site: &Site) -> Versions {
        let digest = |slug: &str| crate::hash::digest(slug.as_bytes());
        let v = Names {
            site,
            meetings: site
                .meetings
                .par_iter()
                .map(|m| digest(m.slug.as_str()))
                .collect(),
            entities: site
                .entities
                .iter()
                .map(|e| digest(e.slug.as_str()))
                .collect(),
            topics: site
                .topics
                .iter()
                .map(|t| digest(t.slug.as_str()))
                .collect(),
            actions: site.actions.par_iter().map(|a| digest(&a.id)).collect(),
        };
        let (entities, entities_shape): (Vec<_>, Vec<_>) =
            site.entities.par_iter().map(|e| v.entity(e)).unzip();
        let (topics, topics_shape): (Vec<_>, Vec<_>) =
            site.topics.par_iter().map(|t| v.topic(t)).unzip();
        let (meetings, (listed, drawn)): (Vec<_>, (Vec<_>, Vec<_>)) = site
            .meetings
            .par_iter()
            .map(|m| {
                let (whole, listed, drawn) = v.meeting(m);
                (whole, (listed, drawn))
            })
            .unzip();
        Versions {
            meetings: meetings.into(),
            listed: listed.into(),
            drawn: drawn.into(),
            ties: site.entities.iter().map(|e| v.ties(e)).collect(),

            entities_own: site
                .entities
                .iter()
                .map(|e| v.own(e.doc.file().map(|d| (d.digest(), d.path()))))
                .collect(),
            topics_own: site
                .topics
                .iter()
                .map(|t| v.own(t.doc.file().map(|d| (d.digest(), d.path()))))
                .collect(),
            entities: entities.into(),
            entities_shape: entities_shape.into(),
            topics: topics.into(),
            topics_shape: topics_shape.into(),
            actions: site.actions.par_iter().map(|a| v.action(a)).collect(),
            decisions: site.decisions.iter().map(|d| v.decision(d)).collect(),
            series: site.series.iter().map(|s| v.series(s)).collect(),
            free_pages: site.free_pages.iter().map(|p| v.free_page(p)).collect(),
        }
    }

    /// The version of the page of `t`.
    pub fn of_target(&self, t: Target) -> u64 {
        match t {
            Target::Meeting(i) => self.meetings[i],
            Target::Entity(i) => self.entities[i],
            Target::Topic(i) => self.topics[i],
            Target::Action(i) => self.actions[i],
            Target::FreePage(i) => self.free_pages[i],
        }
    }
}

/// Hashes nodes, naming the nodes they point at by slug or id: by a digest
/// of it, worked out once for each node (a busy entity names thousands).
struct Names<'s> {
    site: &'s Site,
    meetings: PerId<MeetingId, u64>,
    entities: PerId<EntityId, u64>,
    topics: PerId<TopicId, u64>,
    actions: PerId<ActionId, u64>,
}

impl Names<'_> {
    fn meeting_ref(&self, h: &mut Hash, i: MeetingId) {
        h.write_u64(self.meetings[i]);
    }

    fn entity_ref(&self, h: &mut Hash, i: EntityId) {
        h.write_u64(self.entities[i]);
    }

    fn topic_ref(&self, h: &mut Hash, i: TopicId) {
        h.write_u64(self.topics[i]);
    }

    fn action_ref(&self, h: &mut Hash, i: ActionId) {
        h.write_u64(self.actions[i]);
    }

    fn decision_ref(&self, h: &mut Hash, i: DecisionId) {
        let d = &self.site.decisions[i];
        self.meeting_ref(h, d.meeting);
        h.write_u64(d.number as u64);
    }

    fn target(&self, h: &mut Hash, t: Target) {
        match t {
            Target::Meeting(i) => {
                h.write_u64(1);
                self.meeting_ref(h, i);
            }
            Target::Entity(i) => {
                h.write_u64(2);
                self.entity_ref(h, i);
            }
            Target::Topic(i) => {
                h.write_u64(3);
                self.topic_ref(h, i);
            }
            Target::Action(i) => {
                h.write_u64(4);
                self.action_ref(h, i);
            }
            Target::FreePage(i) => {
                h.write_u64(5);
                h.write_delimited(self.site.free_pages[i].slug.as_str().as_bytes());
            }
        }
    }

    fn list<I: Id>(&self, h: &mut Hash, list: &[I], each: impl Fn(&Self, &mut Hash, I)) {
        h.write_u64(list.len() as u64);
        for &i in list {
            each(self, h, i);
        }
    }

    fn counted<I: Id>(
        &self,
        h: &mut Hash,
        list: &[(I, usize)],
        each: impl Fn(&Self, &mut Hash, I),
    ) {
        h.write_u64(list.len() as u64);
        for &(i, n) in list {
            each(self, h, i);
            h.write_u64(n as u64);
        }
    }

    /// A meeting's version, what lists show of it and what is drawn of it.
    fn meeting(&self, m: &Meeting) -> (u64, u64, u64) {
        let mut h = Hash::default();
        h.write_delimited(m.doc.path().as_os_str().as_encoded_bytes());
        h.write_delimited(m.slug.as_str().as_bytes());
        let front = &m.doc.front;
        front.title.hash(&mut h);
        front.location.hash(&mut h);
        front.draft.hash(&mut h);
        h.write_u64(m.doc.outline.headings.len() as u64);
        for heading in &m.doc.outline.headings {
            heading.text.hash(&mut h);
            heading.level.hash(&mut h);
        }
        h.write_u64(m.documents.len() as u64);
        for d in &m.documents {
            d.title.hash(&mut h);
            d.url.hash(&mut h);
        }
        m.date.hash(&mut h);
        match m.series {
            Some(s) => h.write_delimited(self.site.series[s].slug.as_str().as_bytes()),
            None => h.write_u64(0),
        }
        match m.chair {
            Some(c) => self.entity_ref(&mut h, c),
            None => h.write_u64(0),
        }
        h.write_u64(m.attendees.len() as u64);
        for a in &m.attendees {
            self.entity_ref(&mut h, a.entity);
            a.role.hash(&mut h);
        }
        self.list(&mut h, &m.entities, Self::entity_ref);
        self.list(&mut h, &m.topics, Self::topic_ref);
        self.list(&mut h, &m.actions, Self::action_ref);
        self.list(&mut h, &m.decisions, Self::decision_ref);
        h.write_u64(m.updates.len() as u64);
        for u in &m.updates {
            match u.action {
                Some(a) => self.action_ref(&mut h, a),
                None => h.write_u64(0),
            }
            u.written.hash(&mut h);
            u.status.hash(&mut h);
            u.note.hash(&mut h);
            u.due.hash(&mut h);
        }
        for neighbour in [m.prev, m.next] {
            match neighbour {
                Some(n) => self.meeting_ref(&mut h, n),
                None => h.write_u64(0),
            }
        }
        self.site.history.changed(m.doc.path()).hash(&mut h);
        let drawn = h.0;
        m.summary().hash(&mut h);
        let listed = h.0;
        h.write_u64(m.doc.digest());
        (h.0, listed, drawn)
    }

    /// What a page of a file says of itself: the file's text (a stub's
    /// is nothing), the rest being made from the name, in the shown digest.
    fn own(&self, doc: Option<(u64, &std::path::Path)>) -> u64 {
        let mut h = Hash::default();
        match doc {
            Some((digest, path)) => {
                h.write_u64(digest);
                h.write_delimited(path.as_os_str().as_encoded_bytes());
            }
            None => h.write_u64(0),
        }
        h.0
    }

    fn ties(&self, e: &Entity) -> u64 {
        let mut h = Hash::default();
        self.counted(&mut h, &e.related, Self::entity_ref);
        self.counted(&mut h, &e.topics, Self::topic_ref);
        h.0
    }

    /// An entity's version and its shape.
    fn entity(&self, e: &Entity) -> (u64, u64) {
        let mut h = Hash::default();
        if let Some(d) = e.doc.file() {
            h.write_delimited(d.path().as_os_str().as_encoded_bytes());
        }
        h.write_delimited(e.slug.as_str().as_bytes());
        e.name.hash(&mut h);
        e.short.hash(&mut h);
        e.kind.hash(&mut h);
        e.aliases.hash(&mut h);
        e.title.hash(&mut h);
        e.url.hash(&mut h);
        for one in [e.parent, e.affiliation] {
            match one {
                Some(p) => self.entity_ref(&mut h, p),
                None => h.write_u64(0),
            }
        }
        self.list(&mut h, &e.children, Self::entity_ref);
        self.list(&mut h, &e.members, Self::entity_ref);
        h.write_u64(e.attended.len() as u64);
        for (m, role) in &e.attended {
            self.meeting_ref(&mut h, *m);
            role.hash(&mut h);
        }
        self.list(&mut h, &e.chaired, Self::meeting_ref);
        self.list(&mut h, &e.meetings, Self::meeting_ref);
        self.list(&mut h, &e.actions, Self::action_ref);
        self.counted(&mut h, &e.related, Self::entity_ref);
        self.counted(&mut h, &e.topics, Self::topic_ref);
        self.with_texts(h, e.doc.file().map(|d| d.digest()), &e.backlinks)
    }

    /// The version and the shape of an entity or a topic whose shape is
    /// mixed in `h`: its backlinks are added to both, the texts of their
    /// passages and the node's own text to the version only.
    fn with_texts(
        &self,
        mut h: Hash,
        text: Option<u64>,
        backlinks: &[super::Backlink],
    ) -> (u64, u64) {
        h.write_u64(backlinks.len() as u64);
        for b in backlinks {
            self.target(&mut h, b.from);
            h.write_u64(b.len() as u64);
        }
        let shape = h.0;
        h.write_u64(text.unwrap_or(0));
        for b in backlinks {
            h.write_u64(b.digest());
        }
        (h.0, shape)
    }

    /// A topic's version and its shape.
    fn topic(&self, t: &Topic) -> (u64, u64) {
        let mut h = Hash::default();
        if let Some(d) = t.doc.file() {
            h.write_delimited(d.path().as_os_str().as_encoded_bytes());
        }
        h.write_delimited(t.slug.as_str().as_bytes());
        t.name.hash(&mut h);
        t.aliases.hash(&mut h);
        match t.parent {
            Some(p) => self.topic_ref(&mut h, p),
            None => h.write_u64(0),
        }
        self.list(&mut h, &t.children, Self::topic_ref);
        self.list(&mut h, &t.meetings, Self::meeting_ref);
        self.list(&mut h, &t.actions, Self::action_ref);
        self.list(&mut h, &t.decisions, Self::decision_ref);
        self.counted(&mut h, &t.entities, Self::entity_ref);
        self.with_texts(h, t.doc.file().map(|d| d.digest()), &t.backlinks)
    }

    fn action(&self, a: &Action) -> u64 {
        let mut h = Hash::default();
        a.id.hash(&mut h);
        h.write_delimited(a.slug.as_str().as_bytes());
        self.meeting_ref(&mut h, a.meeting);
        h.write_u64(a.number as u64);
        self.list(&mut h, &a.owners, Self::entity_ref);
        a.text.hash(&mut h);
        a.source.hash(&mut h);
        self.list(&mut h, &a.topics, Self::topic_ref);
        a.initial.hash(&mut h);
        a.initial_due.hash(&mut h);
        h.write_u64(a.history.len() as u64);
        for c in &a.history {
            self.meeting_ref(&mut h, c.meeting);
            c.status.hash(&mut h);
            c.note.hash(&mut h);
            c.due.hash(&mut h);
        }
        a.status.hash(&mut h);
        a.due.hash(&mut h);
        a.overdue.hash(&mut h);
        a.inline.hash(&mut h);
        h.0
    }

    fn decision(&self, d: &Decision) -> u64 {
        let mut h = Hash::default();
        self.meeting_ref(&mut h, d.meeting);
        h.write_u64(d.number as u64);
        d.text.hash(&mut h);
        d.source.hash(&mut h);
        self.list(&mut h, &d.topics, Self::topic_ref);
        d.inline.hash(&mut h);
        h.0
    }

    fn series(&self, s: &Series) -> u64 {
        let mut h = Hash::default();
        h.write_delimited(s.slug.as_str().as_bytes());
        s.name.hash(&mut h);
        self.list(&mut h, &s.meetings, Self::meeting_ref);
        h.0
    }

    fn free_page(&self, p: &FreePage) -> u64 {
        let mut h = Hash::default();
        h.write_u64(p.doc.digest());
        h.write_delimited(p.doc.path().as_os_str().as_encoded_bytes());
        h.write_delimited(p.slug.as_str().as_bytes());
        h.0
    }
}

/// Texts a render made (the calendar's entries, the link previews' cards),
/// kept for the next render by a fingerprint of what each read.
pub(crate) type Made = crate::hash::FastMap<u64, std::sync::Arc<str>>;

/// Texts made in an earlier render, found again by what they read, and
/// those of this render as they are made (for `serve`; a build has no
/// earlier render and keeps nothing).
pub(crate) struct Reuse<'e> {
    /// The earlier render's texts, with the versions of this render's
    /// graph and its shown digest.
    earlier: Option<(&'e Made, &'e Versions, u64)>,
    now: std::sync::Mutex<Made>,
}

impl<'e> Reuse<'e> {
    pub(crate) fn new(earlier: Option<(&'e Made, &'e Versions, u64)>) -> Reuse<'e> {
        Reuse {
            earlier,
            now: std::sync::Mutex::default(),
        }
    }

    /// The fingerprint of what `key` reads, with the shown digest.
    fn key(&self, key: impl FnOnce(&Versions, &mut Hash)) -> Option<(&'e Made, u64)> {
        let (made, versions, shown) = self.earlier?;
        let mut h = Hash::default();
        h.write_u64(shown);
        key(versions, &mut h);
        Some((made, h.0))
    }

    /// Keeps `text`, made from what `fingerprint` stands for, for the next render.
    fn keep(&self, fingerprint: u64, text: std::sync::Arc<str>) {
        self.now
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(fingerprint, text);
    }

    /// The text whose reads `key` gives a fingerprint of: as the earlier
    /// render made it, or as `make` makes it now.
    pub(crate) fn text(
        &self,
        key: impl FnOnce(&Versions, &mut Hash),
        make: impl FnOnce() -> String,
    ) -> std::sync::Arc<str> {
        let Some((made, fingerprint)) = self.key(key) else {
            return make().into();
        };
        let text = made
            .get(&fingerprint)
            .cloned()
            .unwrap_or_else(|| make().into());
        self.keep(fingerprint, text.clone());
        text
    }

    /// [`Reuse::text`], appended to `out`; with no earlier render, `make`
    /// writes into `out` itself.
    pub(crate) fn append(
        &self,
        out: &mut String,
        key: impl FnOnce(&Versions, &mut Hash),
        make: impl FnOnce(&mut String),
    ) {
        if self.earlier.is_none() {
            return make(out);
        }
        out.push_str(&self.text(key, || {
            let mut text = String::new();
            make(&mut text);
            text
        }));
    }

    /// The texts of this render.
    pub(crate) fn into_made(self) -> Made {
        self.now.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}
