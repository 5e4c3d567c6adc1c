//! The resolve stage: the knowledge graph of meetings, entities, topics and
//! actions.
//!
//! It turns parsed documents into a [`Site`] in which every ref points at a
//! page (a stub page when nothing had that name), every action carries its
//! status history, and every entity and topic knows where it is mentioned,
//! with the paragraph around each mention. All problems are collected as
//! diagnostics; nothing here reads files or knows about HTML or templates.

mod actions;
mod backlinks;
pub mod id;
pub(crate) mod index;
mod links;
mod memo;
pub(crate) mod passages;
mod resolve;
mod summary;
mod tally;
mod versions;

use std::sync::Arc;

use jiff::civil::Date;

pub use backlinks::Walks;
pub use id::{
    ActionId, DecisionId, EntityId, FreePageId, Id, MeetingId, Node, PerId, SeriesId, TopicId, ids,
    with_ids,
};
pub use index::{Index, RefKind};
pub use links::SiteLinks;
pub use memo::Memo;
pub use passages::{Backlink, Passage};
pub use resolve::{resolve, resolve_again};
pub use versions::Versions;
pub(crate) use versions::{Made, Reuse};

use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::markdown::{Autolink, LinkPatterns, Mentions, RollCall, Searched};
use crate::model::date::PartialDate;
use crate::model::front::{Document, EntityKind, Status};
use crate::model::slug::Slug;
use crate::model::{EntityDoc, FreePageDoc, MeetingDoc, TopicDoc};

/// A page of the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Meeting(MeetingId),
    Entity(EntityId),
    Topic(TopicId),
    Action(ActionId),
    FreePage(FreePageId),
}

impl Target {
    /// Its position among the pages of its kind.
    pub fn index(self) -> usize {
        match self {
            Target::Meeting(i) => i.index(),
            Target::Entity(i) => i.index(),
            Target::Topic(i) => i.index(),
            Target::Action(i) => i.index(),
            Target::FreePage(i) => i.index(),
        }
    }
}

/// One value for every page of the graph, found by its [`Target`].
#[derive(Debug, Default)]
pub struct PerTarget<T> {
    meetings: Vec<T>,
    entities: Vec<T>,
    topics: Vec<T>,
    actions: Vec<T>,
    free_pages: Vec<T>,
}

impl<T> PerTarget<T> {
    /// `make` of every page of `site`.
    pub fn new(site: &Site, make: impl Fn(Target) -> T) -> PerTarget<T> {
        PerTarget {
            meetings: ids(&site.meetings)
                .map(|i| make(Target::Meeting(i)))
                .collect(),
            entities: ids(&site.entities)
                .map(|i| make(Target::Entity(i)))
                .collect(),
            topics: ids(&site.topics).map(|i| make(Target::Topic(i))).collect(),
            actions: ids(&site.actions)
                .map(|i| make(Target::Action(i)))
                .collect(),
            free_pages: ids(&site.free_pages)
                .map(|i| make(Target::FreePage(i)))
                .collect(),
        }
    }

    /// The value of `t`.
    pub fn get(&self, t: Target) -> &T {
        &self.of_kind(t)[t.index()]
    }

    fn of_kind(&self, t: Target) -> &[T] {
        match t {
            Target::Meeting(_) => &self.meetings,
            Target::Entity(_) => &self.entities,
            Target::Topic(_) => &self.topics,
            Target::Action(_) => &self.actions,
            Target::FreePage(_) => &self.free_pages,
        }
    }
}

/// The resolved site.
#[derive(Debug, Clone)]
pub struct Site {
    /// Meetings, oldest first (by date, then slug).
    pub meetings: Vec<Meeting>,
    /// Entities (stubs included), by slug.
    pub entities: Vec<Entity>,
    /// Topics (stubs included), by slug.
    pub topics: Vec<Topic>,
    /// Actions, in the order of the meetings that decided them.
    pub actions: Vec<Action>,
    /// Free pages, by `order` then title.
    pub free_pages: Vec<FreePage>,
    /// Decisions, in meeting order.
    pub decisions: Vec<Decision>,
    /// Meeting series, by name.
    pub series: Vec<Series>,
    /// Names to pages.
    pub index: Arc<Index>,
    /// Names of entities, for finding mentions.
    pub mentions: Option<Mentions>,
    /// The mentions the walk for backlinks found in each body: the page's
    /// own walk takes them instead of searching again.
    pub(crate) searched: crate::hash::FastMap<Target, Arc<Searched>>,
    /// Which mentions become links.
    pub autolink: Autolink,
    /// The pattern links of `links:`.
    pub link_patterns: LinkPatterns,
    /// What opens a roll-call, whose names are not mentions.
    pub roll_call: RollCall,
    /// What counts as today.
    pub today: Date,
    /// When each meeting's file last changed, from git history: read
    /// beside the content and set once the graph is resolved.
    pub history: Arc<History>,
    /// [`Site::links_digest`], once worked out.
    pub(crate) links_digest: std::sync::OnceLock<u64>,
}

impl Site {
    /// Every page of the graph: meetings, entities, topics, actions, free
    /// pages, each kind in its order.
    pub fn targets(&self) -> impl Iterator<Item = Target> + use<> {
        ids(&self.meetings)
            .map(Target::Meeting)
            .chain(ids(&self.entities).map(Target::Entity))
            .chain(ids(&self.topics).map(Target::Topic))
            .chain(ids(&self.actions).map(Target::Action))
            .chain(ids(&self.free_pages).map(Target::FreePage))
    }

    /// Whether page `t` is a stub entity or topic, made for a name alone.
    pub fn is_stub(&self, t: Target) -> bool {
        match t {
            Target::Entity(i) => self.entities[i].doc.is_stub(),
            Target::Topic(i) => self.topics[i].doc.is_stub(),
            _ => false,
        }
    }

    /// The outline of the file of page `t`: none for a stub or an action,
    /// which have no file of their own.
    pub fn outline(&self, t: Target) -> Option<&crate::markdown::Outline> {
        match t {
            Target::Meeting(i) => Some(&self.meetings[i].doc.outline),
            Target::Entity(i) => self.entities[i].doc.file().map(|d| &d.outline),
            Target::Topic(i) => self.topics[i].doc.file().map(|d| &d.outline),
            Target::FreePage(i) => Some(&self.free_pages[i].doc.outline),
            Target::Action(_) => None,
        }
    }

    /// The Markdown body of the file of page `t`: empty for a stub or an
    /// action, which have no file of their own.
    pub fn body(&self, t: Target) -> Result<std::borrow::Cow<'_, str>, Diagnostic> {
        let none = || Ok(std::borrow::Cow::Borrowed(""));
        match t {
            Target::Meeting(i) => self.meetings[i].doc.body(),
            Target::Entity(i) => self.entities[i].doc.file().map_or_else(none, |d| d.body()),
            Target::Topic(i) => self.topics[i].doc.file().map_or_else(none, |d| d.body()),
            Target::FreePage(i) => self.free_pages[i].doc.body(),
            Target::Action(_) => none(),
        }
    }
}

/// A meeting and everything the graph knows about it.
#[derive(Debug, Clone)]
pub struct Meeting {
    pub doc: Arc<MeetingDoc>,
    pub slug: Slug,
    pub date: PartialDate,
    pub series: Option<SeriesId>,
    pub chair: Option<EntityId>,
    pub attendees: Vec<Attendance>,
    /// Every entity involved: chair, attendees, listed, mentioned, owners; by slug.
    pub entities: Vec<EntityId>,
    pub topics: Vec<TopicId>,
    pub actions: Vec<ActionId>,
    pub decisions: Vec<DecisionId>,
    pub updates: Vec<Update>,
    pub documents: Vec<Document>,
    pub prev: Option<MeetingId>,
    pub next: Option<MeetingId>,
    /// The passage of the minutes chosen as summary (see [`summary`]).
    pub summary: Option<u8>,
}

impl Meeting {
    /// What a listing shows of the meeting: the front matter's `summary`, or
    /// else the first passage of its own words (see [`summary`]).
    pub fn summary(&self) -> &str {
        match &self.doc.front.summary {
            Some(s) if !s.trim().is_empty() => s.trim(),
            _ => self
                .summary
                .and_then(|i| self.doc.outline.passages.get(usize::from(i)))
                .map_or("", |p| p.text.as_str()),
        }
    }
}

/// An entity at a meeting, with its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendance {
    pub entity: EntityId,
    pub role: Option<String>,
}

/// A meeting's update to an earlier action.
#[derive(Debug, Clone)]
pub struct Update {
    /// The action, when the ref was found.
    pub action: Option<ActionId>,
    /// The ref as written.
    pub written: String,
    pub status: Option<Status>,
    pub note: Option<String>,
    pub due: Option<PartialDate>,
}

/// An organisation, body, person or country.
#[derive(Debug, Clone)]
pub struct Entity {
    pub slug: Slug,
    pub name: String,
    pub short: Option<String>,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub parent: Option<EntityId>,
    pub children: Vec<EntityId>,
    pub affiliation: Option<EntityId>,
    /// Persons affiliated with this entity.
    pub members: Vec<EntityId>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Its file, or none for a stub made for an unknown ref.
    pub doc: Written<EntityDoc>,
    /// Meetings attended (meeting, role), oldest first.
    pub attended: Vec<(MeetingId, Option<String>)>,
    /// Meetings chaired, oldest first.
    pub chaired: Vec<MeetingId>,
    /// Every meeting the entity is involved in, oldest first.
    pub meetings: Vec<MeetingId>,
    /// Actions owned.
    pub actions: Vec<ActionId>,
    /// Its mentions in context: the passages of each page that name it,
    /// meetings newest first, then other pages by title.
    pub backlinks: Vec<Backlink>,
    /// Entities most often involved in the same meetings: (entity, meetings shared).
    pub related: Vec<(EntityId, usize)>,
    /// Topics of its meetings: (topic, meetings).
    pub topics: Vec<(TopicId, usize)>,
}

impl Entity {
    /// The name to show: `short` when given.
    pub fn display_name(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
}

/// Where an entity or a topic comes from: its own file, or a stub made for a
/// name that front matter or a wiki-link gave and no file has.
#[derive(Debug, Clone)]
pub enum Written<D> {
    /// A file of `content/entities/` or `content/topics/`.
    File(Arc<D>),
    /// A page made for a name alone: no text of its own.
    Stub,
}

impl<D> Written<D> {
    /// The file, unless it is a stub.
    pub fn file(&self) -> Option<&Arc<D>> {
        match self {
            Written::File(d) => Some(d),
            Written::Stub => None,
        }
    }

    /// The file, to change in place, unless it is a stub.
    pub fn file_mut(&mut self) -> Option<&mut Arc<D>> {
        match self {
            Written::File(d) => Some(d),
            Written::Stub => None,
        }
    }

    pub fn is_stub(&self) -> bool {
        matches!(self, Written::Stub)
    }
}

/// A subject of discussion.
#[derive(Debug, Clone)]
pub struct Topic {
    pub slug: Slug,
    pub name: String,
    pub aliases: Vec<String>,
    pub parent: Option<TopicId>,
    pub children: Vec<TopicId>,
    /// Its file, or none for a stub made for an unknown ref.
    pub doc: Written<TopicDoc>,
    /// Meetings on the topic, oldest first.
    pub meetings: Vec<MeetingId>,
    pub actions: Vec<ActionId>,
    pub decisions: Vec<DecisionId>,
    /// Entities most involved: (entity, meetings).
    pub entities: Vec<(EntityId, usize)>,
    /// Its mentions in context: the passages of each page that name it,
    /// meetings newest first, then other pages by title.
    pub backlinks: Vec<Backlink>,
}

/// An action item, followed across meetings.
#[derive(Debug, Clone)]
pub struct Action {
    /// The id as written, or `<meeting-slug>-<n>`.
    pub id: String,
    pub slug: Slug,
    pub meeting: MeetingId,
    /// 1-based position in its meeting's list.
    pub number: usize,
    pub owners: Vec<EntityId>,
    /// What is to be done, as plain text.
    pub text: String,
    /// The same, as written: inline Markdown.
    pub source: String,
    pub topics: Vec<TopicId>,
    /// Status and due date when decided.
    pub initial: Status,
    pub initial_due: Option<PartialDate>,
    /// Later meetings' updates, oldest first.
    pub history: Vec<Change>,
    /// Status after the last update.
    pub status: Status,
    /// Due date after the last update that changed it.
    pub due: Option<PartialDate>,
    /// Pending and past its due date.
    pub overdue: bool,
    /// Written in the minutes: the number of its paragraph or list item.
    pub inline: Option<u32>,
}

/// One update of an action at a later meeting.
#[derive(Debug, Clone)]
pub struct Change {
    pub meeting: MeetingId,
    pub status: Option<Status>,
    pub note: Option<String>,
    pub due: Option<PartialDate>,
}

/// A decision of a meeting.
#[derive(Debug, Clone)]
pub struct Decision {
    pub meeting: MeetingId,
    /// 1-based position in its meeting's list.
    pub number: usize,
    /// What was decided, as plain text.
    pub text: String,
    /// The same, as written: inline Markdown.
    pub source: String,
    pub topics: Vec<TopicId>,
    /// Written in the minutes: the number of its paragraph or list item.
    pub inline: Option<u32>,
}

/// A free page.
#[derive(Debug, Clone)]
pub struct FreePage {
    pub doc: Arc<FreePageDoc>,
    pub slug: Slug,
}

/// Meetings sharing a `series:`.
#[derive(Debug, Clone)]
pub struct Series {
    pub slug: Slug,
    pub name: String,
    /// Oldest first.
    pub meetings: Vec<MeetingId>,
}

/// Where on its page a mention is, for a link to that very place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// In a heading: its section is the place.
    Heading,
    /// In a paragraph, list item or table cell of the body, by its number
    /// (see [`crate::markdown::Block::ordinal`]).
    Block(u32),
    /// In the text of the meeting's action of this number.
    Action(u32),
    /// In the text of the meeting's decision of this number.
    Decision(u32),
}

/// The result of resolving: the site, or why it cannot be built.
#[derive(Debug)]
pub struct Resolved {
    /// The graph, even when there are errors (for `check`).
    pub site: Site,
    /// Errors and warnings, unsorted.
    pub diagnostics: Vec<Diagnostic>,
}
