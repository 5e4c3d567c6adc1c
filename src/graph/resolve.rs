//! Building the graph: pages from documents, the name index, refs (with stub
//! pages for unknown names), wiki-links, and then the derived views.

use std::collections::HashMap;
use std::sync::Arc;

use super::backlinks::Walks;
use super::index::{RefKind, fold};
use super::memo::{Before, Memo};
use super::{
    Action, ActionId, Attendance, Decision, DecisionId, Entity, EntityId, FreePage, Id, Meeting,
    MeetingId, Resolved, Site, Target, Topic, TopicId, Update, Written, actions, backlinks, ids,
    summary, tally, with_ids,
};
use crate::config::Config;
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::frontmatter::did_you_mean;
use crate::hash::{FastMap, FastSet};
use crate::markdown::Mentions;
use crate::model::front::{Document, Origin};
use crate::model::is_safe_url;
use crate::model::slug::Slug;
use crate::model::{Doc, EntityDoc, FreePageDoc, MeetingDoc, Parsed, TopicDoc};

/// Resolves every ref of the parsed documents into a [`Site`].
pub fn resolve(parsed: Parsed, config: &Config) -> Resolved {
    resolve_again(parsed, config, None)
}

/// [`resolve`], taking again from `memo` what still holds of the last
/// resolve (see [`Memo`]), and leaving there what this one made.
pub fn resolve_again(parsed: Parsed, config: &Config, memo: Option<&mut Memo>) -> Resolved {
    let Some(memo) = memo else {
        let (site, diagnostics) = before_walks(parsed, config);
        return walked(site, diagnostics, None);
    };
    let swaps = memo.before.as_ref().and_then(|b| b.swaps(&parsed));
    memo.taken = swaps.is_some();
    let (before, site) = match (memo.before.take(), swaps) {
        (Some(mut before), Some(swaps)) => {
            before.swap(swaps);
            // Summaries are chosen among the words of the minutes, while
            // the graph is copied.
            let (mut site, chosen) =
                rayon::join(|| before.site.clone(), || summary::chosen(&before.site));
            summary::set(&mut site, &chosen);
            (before, site)
        }
        _ => {
            let mut kept = parsed.clone();
            kept.diagnostics = Vec::new();
            let (site, diagnostics) = before_walks(parsed, config);
            // Worked out once, for this graph and every one taken from it.
            site.links_digest();
            let before = Before {
                parsed: kept,
                site,
                diagnostics,
            };
            let site = before.site.clone();
            (before, site)
        }
    };
    let resolved = walked(site, before.diagnostics.clone(), Some(&mut memo.walks));
    memo.before = Some(before);
    resolved
}

/// The graph from the documents' front matter and outlines: pages, names,
/// refs, stubs and wiki-links, before any body is walked.
fn before_walks(parsed: Parsed, config: &Config) -> (Site, Vec<Diagnostic>) {
    let mut b = Builder {
        site: Site {
            meetings: Vec::new(),
            entities: Vec::new(),
            topics: Vec::new(),
            actions: Vec::new(),
            free_pages: Vec::new(),
            decisions: Vec::new(),
            series: Vec::new(),
            index: Arc::default(),
            mentions: None,
            searched: Default::default(),
            autolink: config.autolink,
            link_patterns: config.link_patterns.clone(),
            roll_call: config.conventions.roll_call.clone(),
            today: config.today,
            history: Default::default(),
            links_digest: Default::default(),
        },
        diagnostics: Vec::new(),
        slugs: Default::default(),
        known: Default::default(),
        suggested: HashMap::new(),
        suffixes: HashMap::new(),
        early_mentions: None,
    };
    let meetings = b.meeting_docs(parsed.meetings, config.drafts);
    b.add_entities(parsed.entities);
    b.add_topics(parsed.topics);
    b.add_pages(parsed.free_pages);
    b.index_meetings(&meetings);
    b.build_meetings(meetings);
    summary::choose(&mut b.site);
    b.link_entities();
    b.link_topics();
    b.resolve_wikilinks();
    b.release_wikilinks();
    b.site.mentions = Mentions::new(mention_names(&b.site));
    (b.site, b.diagnostics)
}

/// The graph completed from its bodies: backlinks, statuses, tallies.
fn walked(mut site: Site, mut diagnostics: Vec<Diagnostic>, walks: Option<&mut Walks>) -> Resolved {
    diagnostics.extend(backlinks::collect(&mut site, walks));
    diagnostics.extend(actions::follow(&mut site));
    tally::tally(&mut site);
    Resolved { site, diagnostics }
}

/// The id of a page a front-matter ref names: entities and topics (a stub
/// when no page has the name) and actions.
trait Refers: Id {
    const KIND: RefKind;
}

impl Refers for EntityId {
    const KIND: RefKind = RefKind::Entity;
}

impl Refers for TopicId {
    const KIND: RefKind = RefKind::Topic;
}

impl Refers for ActionId {
    const KIND: RefKind = RefKind::Action;
}

/// What resolves the refs of a meeting's front matter: the [`Builder`] of a
/// whole graph, which makes stubs for unknown names and reports every
/// problem, or a graph resolved before asked again ([`Again`]).
trait Resolver {
    /// The page of its kind that `raw` names.
    fn one<I: Refers>(&mut self, raw: &str, place: &dyn Fn() -> Diagnostic) -> Option<I>;

    /// Reports the address `url` of `doc`, which is not a web address.
    fn unsafe_url(&mut self, doc: &MeetingDoc, url: &str);

    /// The pages `raws` name, each once, in the order first named.
    fn list<I: Refers>(
        &mut self,
        doc: &MeetingDoc,
        key: &str,
        raws: &[String],
        origin: Option<&Origin>,
    ) -> Vec<I> {
        let mut out = Vec::new();
        let mut seen = FastSet::default();
        for raw in raws {
            if let Some(i) = self.one(raw, &|| placed(doc, origin, key, raw))
                && seen.insert(i)
            {
                out.push(i);
            }
        }
        out
    }
}

impl Resolver for Builder {
    fn one<I: Refers>(&mut self, raw: &str, place: &dyn Fn() -> Diagnostic) -> Option<I> {
        self.resolve_ref(raw, place)
    }

    fn unsafe_url(&mut self, doc: &MeetingDoc, url: &str) {
        Builder::unsafe_url(self, doc, url);
    }
}

/// What a meeting's front matter lists, resolved.
pub(super) struct Listed {
    chair: Option<EntityId>,
    attendees: Vec<Attendance>,
    entities: Vec<EntityId>,
    topics: Vec<TopicId>,
}

/// The chair, attendees, entities and topics of the meeting of `doc`.
fn listed(r: &mut impl Resolver, doc: &MeetingDoc) -> Listed {
    let f = &doc.front;
    let chair = f
        .chair
        .as_ref()
        .and_then(|c| r.one(c, &|| place(doc, "chair", c)));
    let mut attendees: Vec<Attendance> = Vec::new();
    let mut present = FastSet::default();
    for a in &f.attendees {
        if let Some(entity) = r.one(&a.name, &|| place(doc, "attendees", &a.name))
            && present.insert(entity)
        {
            let role = given(a.role.as_deref());
            attendees.push(Attendance { entity, role });
        }
    }
    Listed {
        chair,
        attendees,
        entities: r.list(doc, "entities", &f.entities, None),
        topics: r.list(doc, "topics", &f.topics, None),
    }
}

/// The documents of the meeting of `doc` (an address that is not a web
/// address is reported and not linked) and its updates of earlier actions.
fn later(r: &mut impl Resolver, doc: &MeetingDoc) -> (Vec<Document>, Vec<Update>) {
    let f = &doc.front;
    for url in f.documents.iter().filter_map(|d| d.url.as_deref()) {
        if !is_safe_url(url) {
            r.unsafe_url(doc, url);
        }
    }
    let documents = f
        .documents
        .iter()
        .map(|d| Document {
            title: d.title.clone(),
            url: d.url.clone().filter(|u| is_safe_url(u)),
        })
        .collect();
    let updates = f
        .updates
        .iter()
        .map(|u| Update {
            action: r.one(&u.action, &|| place(doc, "action", &u.action)),
            written: u.action.trim().to_owned(),
            status: u.status,
            note: given(u.note.as_deref()),
            due: u.due,
        })
        .collect();
    (documents, updates)
}

/// A meeting's refs resolved again in a graph resolved before: each must
/// name, as it is written, a page with a file of its own, so that resolving
/// the whole graph would find the same page, make no stub and report
/// nothing; else there is no answer.
struct Again<'s> {
    site: &'s Site,
    clean: bool,
}

impl Resolver for Again<'_> {
    fn one<I: Refers>(&mut self, raw: &str, _: &dyn Fn() -> Diagnostic) -> Option<I> {
        let name = raw.trim();
        let found = (!name.is_empty())
            .then(|| self.site.index.get(I::KIND, name).first().copied())
            .flatten()
            .filter(|&t| !self.site.is_stub(t));
        self.clean &= found.is_some();
        found.map(|t| I::new(t.index()))
    }

    fn unsafe_url(&mut self, _: &MeetingDoc, _: &str) {
        self.clean = false;
    }
}

/// What resolving reads of a meeting's front matter beyond its pages'
/// names, dates and items: its chair, attendees, entities, topics,
/// documents and updates.
pub(super) struct MeetingRefs {
    listed: Listed,
    documents: Vec<Document>,
    updates: Vec<Update>,
}

/// The refs of the meeting of `doc` resolved again in `site`, when each
/// finds a page with a file as it is written (see [`Again`]).
pub(super) fn refs_again(site: &Site, doc: &MeetingDoc) -> Option<MeetingRefs> {
    let mut again = Again { site, clean: true };
    let listed = listed(&mut again, doc);
    let (documents, updates) = later(&mut again, doc);
    again.clean.then_some(MeetingRefs {
        listed,
        documents,
        updates,
    })
}

impl MeetingRefs {
    /// Puts these refs in `meeting`.
    pub(super) fn set(self, meeting: &mut Meeting) {
        meeting.chair = self.listed.chair;
        meeting.attendees = self.listed.attendees;
        meeting.entities = self.listed.entities;
        meeting.topics = self.listed.topics;
        meeting.documents = self.documents;
        meeting.updates = self.updates;
    }
}

/// What mentions are found by: every entity's names, then the phrases that
/// are not mentions of it (a name given twice keeps its first owner, so a
/// phrase that is another entity's name stays that entity's).
fn mention_names(site: &Site) -> Vec<(String, usize)> {
    let mut names: Vec<(String, usize)> = Vec::new();
    for (e, i) in site.entities.iter().zip(0..) {
        names.push((e.name.clone(), i));
        names.extend(e.short.clone().map(|s| (s, i)));
        names.extend(e.aliases.iter().map(|a| (a.clone(), i)));
    }
    for e in &site.entities {
        let phrases = e.doc.file().into_iter().flat_map(|d| &d.front.not_mentions);
        names.extend(phrases.map(|p| (p.clone(), crate::markdown::NOT_A_MENTION)));
    }
    names
}

struct Builder {
    site: Site,
    /// The names of the entities with files, for the owners of actions
    /// written in the minutes (made when one needs them).
    early_mentions: Option<Option<Mentions>>,
    diagnostics: Vec<Diagnostic>,
    /// Slugs taken, per kind.
    slugs: FastMap<RefKind, FastSet<Slug>>,
    /// What "did you mean" looks among: per kind, the names of the pages
    /// that have files, gathered once (every such page is named before the
    /// first ref is resolved; only stubs come after).
    known: [Option<Vec<(String, Target)>>; 4],
    /// The suggestion for each unknown name asked about, by kind and
    /// [`fold`]ed name: a name missing from 300 meetings is looked up once.
    suggested: HashMap<(RefKind, String), Option<String>>,
    /// For each slug stubs were made from, the number the next one tries.
    suffixes: HashMap<(RefKind, Slug), usize>,
}

/// A template diagnostic at the place a value of an action or decision is
/// written: in the front matter, or in the minutes for one written there.
fn placed(doc: &MeetingDoc, origin: Option<&Origin>, key: &str, value: &str) -> Diagnostic {
    match origin {
        Some(o) => doc
            .diagnostic(Severity::Warning, o.at(key), String::new())
            .width(value.trim().chars().count().max(1)),
        None => place(doc, key, value),
    }
}

/// A value written, trimmed; none when nothing is written.
fn given(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// A template diagnostic at the place a value is written in a document.
fn place<F>(doc: &Doc<F>, key: &str, value: &str) -> Diagnostic {
    doc.at_value(Severity::Warning, key, value, String::new())
        .width(value.trim().chars().count())
}

fn with(place: &Diagnostic, severity: Severity, message: String) -> Diagnostic {
    Diagnostic {
        severity,
        message,
        ..place.clone()
    }
}

/// "content/meetings/a.md:12": where a diagnostic points.
fn where_(d: &Diagnostic) -> String {
    match d.line {
        0 => d.path.display().to_string(),
        line => format!("{}:{line}", d.path.display()),
    }
}

/// The id of the `k`th action of a meeting: as written, or
/// `<meeting-slug>-<k + 1>`.
fn action_id(doc: &MeetingDoc, k: usize) -> String {
    match &doc.front.actions[k].id {
        Some(id) if !id.trim().is_empty() => id.trim().to_owned(),
        _ => format!("{}-{}", doc.slug, k + 1),
    }
}

/// Sorts documents by slug and reports two files with the same slug.
fn dedupe_slugs<F>(
    mut docs: Vec<Arc<Doc<F>>>,
    what: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Arc<Doc<F>>> {
    docs.sort_by(|a, b| {
        a.slug
            .cmp(&b.slug)
            .then_with(|| a.source.path.cmp(&b.source.path))
    });
    let mut out: Vec<Arc<Doc<F>>> = Vec::with_capacity(docs.len());
    for doc in docs {
        if let Some(prev) = out.last().filter(|p| p.slug == doc.slug) {
            diagnostics.push(
                Diagnostic::error(
                    doc.path(),
                    format!(
                        "two {what} files have the slug `{}`: {} and {}",
                        doc.slug,
                        prev.path().display(),
                        doc.path().display()
                    ),
                )
                .help("a file's slug is its name without .md, whatever its folder: rename one of them"),
            );
            continue;
        }
        out.push(doc);
    }
    out
}

impl Builder {
    fn unsafe_url<F>(&mut self, doc: &Doc<F>, url: &str) {
        let p = place(doc, "url", url);
        self.diagnostics.push(
            with(
                &p,
                Severity::Warning,
                format!("`{}` is not a web address: it is not linked", url.trim()),
            )
            .help("write an address that starts with https:// or http://"),
        );
    }

    fn take_slug(&mut self, kind: RefKind, slug: &Slug) -> bool {
        self.slugs.entry(kind).or_default().insert(slug.clone())
    }

    /// Adds a name to the index; a name another page already has is an error.
    fn name(
        &mut self,
        kind: RefKind,
        name: &str,
        target: Target,
        place: impl FnOnce() -> Diagnostic,
    ) {
        let others = Arc::make_mut(&mut self.site.index).insert(kind, name, target);
        if let Some(other) = others.first() {
            let d = place();
            let message = format!(
                "the name `{}` is used by two {}: {} and {}",
                name.trim(),
                kind.plural(),
                self.describe(*other),
                self.describe(target)
            );
            self.diagnostics.push(
                with(&d, Severity::Error, message)
                    .help("a name or alias must lead to one page: remove it from one of them"),
            );
        }
    }

    /// "`DESA` (content/entities/desa.md)".
    fn describe(&self, t: Target) -> String {
        let path = match t {
            Target::Entity(i) => self
                .site
                .entities
                .get(i.index())
                .and_then(|e| e.doc.file())
                .map(|d| d.path()),
            Target::Topic(i) => self
                .site
                .topics
                .get(i.index())
                .and_then(|e| e.doc.file())
                .map(|d| d.path()),
            _ => None,
        };
        let title = match t {
            Target::Entity(i) => self.site.entities.get(i.index()).map(|e| e.name.as_str()),
            Target::Topic(i) => self.site.topics.get(i.index()).map(|e| e.name.as_str()),
            _ => None,
        }
        .unwrap_or("?");
        match path {
            Some(p) => format!("`{title}` ({})", p.display()),
            None => format!("`{title}`"),
        }
    }

    fn meeting_docs(&mut self, docs: Vec<Arc<MeetingDoc>>, drafts: bool) -> Vec<Arc<MeetingDoc>> {
        let docs: Vec<Arc<MeetingDoc>> = docs
            .into_iter()
            .filter(|d| drafts || !d.front.draft)
            .collect();
        let mut docs = dedupe_slugs(docs, "meeting", &mut self.diagnostics);
        docs.sort_by(|a, b| (a.front.date, &a.slug).cmp(&(b.front.date, &b.slug)));
        docs
    }

    fn add_entities(&mut self, docs: Vec<Arc<EntityDoc>>) {
        let docs = dedupe_slugs(docs, "entity", &mut self.diagnostics);
        for doc in docs {
            self.take_slug(RefKind::Entity, &doc.slug);
            if let Some(url) = doc.front.url.as_deref().filter(|u| !is_safe_url(u)) {
                self.unsafe_url(&doc, url);
            }
            let f = &doc.front;
            self.site.entities.push(Entity {
                slug: doc.slug.clone(),
                name: f.name.trim().to_owned(),
                short: given(f.short.as_deref()),
                kind: f.kind,
                aliases: f
                    .aliases
                    .iter()
                    .map(|a| a.trim().to_owned())
                    .filter(|a| !a.is_empty())
                    .collect(),
                parent: None,
                children: Vec::new(),
                affiliation: None,
                members: Vec::new(),
                title: f.title.clone(),
                url: f.url.clone().filter(|u| is_safe_url(u)),
                doc: Written::File(doc),
                attended: Vec::new(),
                chaired: Vec::new(),
                meetings: Vec::new(),
                actions: Vec::new(),
                backlinks: Vec::new(),
                related: Vec::new(),
                topics: Vec::new(),
            });
        }
        // Every entity so far comes from a file: stubs are made later.
        for i in ids(&self.site.entities) {
            let e = &self.site.entities[i];
            let Some(doc) = e.doc.file().cloned() else {
                continue;
            };
            let mut names = vec![("name", doc.front.name.clone())];
            names.extend(doc.front.short.clone().map(|s| ("short", s)));
            names.extend(doc.front.aliases.iter().map(|a| ("aliases", a.clone())));
            names.push(("", e.slug.to_string()));
            for (key, n) in names {
                self.name(RefKind::Entity, &n, Target::Entity(i), || {
                    place(&doc, key, &n)
                });
            }
        }
    }

    fn add_topics(&mut self, docs: Vec<Arc<TopicDoc>>) {
        let docs = dedupe_slugs(docs, "topic", &mut self.diagnostics);
        for doc in docs {
            self.take_slug(RefKind::Topic, &doc.slug);
            self.site.topics.push(Topic {
                slug: doc.slug.clone(),
                name: doc.front.name.trim().to_owned(),
                aliases: doc
                    .front
                    .aliases
                    .iter()
                    .map(|a| a.trim().to_owned())
                    .filter(|a| !a.is_empty())
                    .collect(),
                parent: None,
                children: Vec::new(),
                doc: Written::File(doc),
                meetings: Vec::new(),
                actions: Vec::new(),
                decisions: Vec::new(),
                entities: Vec::new(),
                backlinks: Vec::new(),
            });
        }
        // Every topic so far comes from a file: stubs are made later.
        for i in ids(&self.site.topics) {
            let t = &self.site.topics[i];
            let Some(doc) = t.doc.file().cloned() else {
                continue;
            };
            let mut names = vec![("name", doc.front.name.clone())];
            names.extend(doc.front.aliases.iter().map(|a| ("aliases", a.clone())));
            names.push(("", t.slug.to_string()));
            for (key, n) in names {
                self.name(RefKind::Topic, &n, Target::Topic(i), || {
                    place(&doc, key, &n)
                });
            }
        }
    }

    fn add_pages(&mut self, docs: Vec<Arc<FreePageDoc>>) {
        let mut docs = dedupe_slugs(docs, "page", &mut self.diagnostics);
        docs.sort_by(|a, b| {
            (a.front.order.unwrap_or(i64::MAX), &a.front.title, &a.slug).cmp(&(
                b.front.order.unwrap_or(i64::MAX),
                &b.front.title,
                &b.slug,
            ))
        });
        self.site.free_pages = docs
            .into_iter()
            .map(|doc| FreePage {
                slug: doc.slug.clone(),
                doc,
            })
            .collect();
    }

    fn index_meetings(&mut self, docs: &[Arc<MeetingDoc>]) {
        let index = Arc::make_mut(&mut self.site.index);
        for (i, doc) in docs.iter().enumerate() {
            let i = MeetingId::new(i);
            index.insert(RefKind::Meeting, doc.slug.as_str(), Target::Meeting(i));
            index.insert(RefKind::Meeting, &doc.front.title, Target::Meeting(i));
        }
        let mut n = 0;
        // Which meeting's action gave each id first, for the message about a second.
        let mut first: FastMap<Slug, (usize, usize)> = FastMap::default();
        for (i, doc) in docs.iter().enumerate() {
            for (k, a) in doc.front.actions.iter().enumerate() {
                let id = action_id(doc, k);
                let slug = Slug::parse(&id).unwrap_or_else(|| Slug::from_name(&id));
                let p = || placed(doc, a.origin.as_ref(), "id", &id);
                if !self.take_slug(RefKind::Action, &slug) {
                    let here = p();
                    let there = first.get(&slug).map_or_else(
                        || "another action".to_owned(),
                        |&(i, k)| {
                            let d = &docs[i];
                            let id = action_id(d, k);
                            where_(&placed(d, d.front.actions[k].origin.as_ref(), "id", &id))
                        },
                    );
                    self.diagnostics.push(
                        with(
                            &here,
                            Severity::Error,
                            format!(
                                "two actions have the id `{id}`: this one and the one at {there}"
                            ),
                        )
                        .help("an action's id is its address: give one of them another `id:`"),
                    );
                    n += 1;
                    continue;
                }
                first.insert(slug.clone(), (i, k));
                self.name(RefKind::Action, &id, Target::Action(ActionId::new(n)), p);
                if slug.as_str() != fold(&id) {
                    let target = Target::Action(ActionId::new(n));
                    self.name(RefKind::Action, slug.as_str(), target, p);
                }
                n += 1;
            }
        }
    }

    /// Resolves a ref of `kind`; an unknown name gets a stub page (entities and
    /// topics) and a warning.
    fn resolve_ref<I: Refers>(&mut self, raw: &str, place: &dyn Fn() -> Diagnostic) -> Option<I> {
        self.resolve_kind(I::KIND, raw, place)
            .map(|t| I::new(t.index()))
    }

    /// The page of `kind` that `raw` names: a stub entity or topic is made
    /// for an unknown name.
    fn resolve_kind(
        &mut self,
        kind: RefKind,
        raw: &str,
        place: &dyn Fn() -> Diagnostic,
    ) -> Option<Target> {
        let name = raw.trim();
        if name.is_empty() {
            self.diagnostics.push(
                with(
                    &place(),
                    Severity::Error,
                    format!("an empty {} reference", kind.word()),
                )
                .help("write a name, or remove the empty item"),
            );
            return None;
        }
        let found = self.site.index.get(kind, name).first().copied();
        if let Some(t) = found.filter(|t| !self.site.is_stub(*t)) {
            return Some(t);
        }
        let suggestion = self.suggestion(kind, name);
        if matches!(kind, RefKind::Meeting | RefKind::Action) {
            let help = match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("check the {} name or id", kind.word()),
            };
            self.diagnostics.push(
                with(
                    &place(),
                    Severity::Warning,
                    format!("no {} is called `{name}`", kind.word()),
                )
                .kind(diagnostic::Kind::UnknownRef)
                .help(help),
            );
            return None;
        }
        let t = match found {
            Some(t) => t,
            None => self.stub(kind, name),
        };
        let slug = self.site.slug(t).to_owned();
        let folder = if kind == RefKind::Entity {
            "entities"
        } else {
            "topics"
        };
        let mut help = format!("to describe it, create content/{folder}/{slug}.md");
        if let Some(s) = suggestion {
            help = format!("did you mean `{s}`? Otherwise, {help}");
        }
        self.diagnostics.push(
            with(
                &place(),
                Severity::Warning,
                format!(
                    "no {} is called `{name}`: a stub page was made for it",
                    kind.word()
                ),
            )
            .kind(diagnostic::Kind::UnknownRef)
            .help(help),
        );
        Some(t)
    }

    /// The ref to suggest for the unknown `name`: the page whose name, alias
    /// or slug is closest, shown by the name its file gives it (an entity's or
    /// topic's `name`, not the lower-cased alias or slug that matched). A stub
    /// is never suggested: it is only an earlier unknown ref, maybe this very
    /// one. Meetings and actions may not be built yet when their refs are
    /// resolved, so they are suggested by the name that matched.
    fn suggestion(&mut self, kind: RefKind, name: &str) -> Option<String> {
        let key = (kind, fold(name));
        if let Some(known) = self.suggested.get(&key) {
            return known.clone();
        }
        let slot = kind as usize;
        if self.known[slot].is_none() {
            let mut names: Vec<(String, Target)> = self
                .site
                .index
                .entries(kind)
                .filter_map(|(key, targets)| {
                    let real = targets.iter().copied().find(|t| !self.site.is_stub(*t))?;
                    Some((key.to_owned(), real))
                })
                .collect();
            names.sort();
            self.known[slot] = Some(names);
        }
        let candidates = self.known[slot].as_deref().unwrap_or_default();
        let keys: Vec<&str> = candidates.iter().map(|(key, _)| key.as_str()).collect();
        let answer = did_you_mean(name, &keys).and_then(|best| {
            let target = candidates.iter().find(|(key, _)| key == best)?.1;
            Some(match target {
                Target::Entity(i) => self.site.entities[i].name.clone(),
                Target::Topic(i) => self.site.topics[i].name.clone(),
                _ => best.to_owned(),
            })
        });
        self.suggested.insert(key, answer.clone());
        answer
    }

    fn stub(&mut self, kind: RefKind, name: &str) -> Target {
        let base = Slug::from_name(name);
        let mut slug = base.clone();
        // Names that differ only in punctuation ("A.", "A!") share a slug:
        // each goes on from the number the one before it took.
        let mut n = self
            .suffixes
            .get(&(kind, base.clone()))
            .copied()
            .unwrap_or(2);
        while !self.take_slug(kind, &slug) {
            slug = base.with_suffix(n);
            n += 1;
        }
        self.suffixes.insert((kind, base), n);
        let target = match kind {
            RefKind::Entity => {
                self.site.entities.push(Entity {
                    slug: slug.clone(),
                    name: name.to_owned(),
                    short: None,
                    kind: Default::default(),
                    aliases: Vec::new(),
                    parent: None,
                    children: Vec::new(),
                    affiliation: None,
                    members: Vec::new(),
                    title: None,
                    url: None,
                    doc: Written::Stub,
                    attended: Vec::new(),
                    chaired: Vec::new(),
                    meetings: Vec::new(),
                    actions: Vec::new(),
                    backlinks: Vec::new(),
                    related: Vec::new(),
                    topics: Vec::new(),
                });
                Target::Entity(EntityId::new(self.site.entities.len() - 1))
            }
            _ => {
                self.site.topics.push(Topic {
                    slug: slug.clone(),
                    name: name.to_owned(),
                    aliases: Vec::new(),
                    parent: None,
                    children: Vec::new(),
                    doc: Written::Stub,
                    meetings: Vec::new(),
                    actions: Vec::new(),
                    decisions: Vec::new(),
                    entities: Vec::new(),
                    backlinks: Vec::new(),
                });
                Target::Topic(TopicId::new(self.site.topics.len() - 1))
            }
        };
        Arc::make_mut(&mut self.site.index).insert(kind, name, target);
        // Only the name: a stub's slug is made up, and a ref that happens to
        // equal it ("g" for a stub named "g:") must not land on it silently.
        target
    }

    /// The first entity `text` names: by a name or alias, or by a wiki-link.
    fn first_named(&mut self, text: &str) -> Option<EntityId> {
        if self.early_mentions.is_none() {
            self.early_mentions = Some(Mentions::new(mention_names(&self.site)));
        }
        let found = self
            .early_mentions
            .as_ref()
            .and_then(|m| m.as_ref())
            .and_then(|m| m.find(text).into_iter().next());
        let linked = crate::markdown::wikilinks(text).into_iter().find_map(|t| {
            let (kind, name) = super::index::split_kind(&t);
            if kind.is_some_and(|k| k != RefKind::Entity) {
                return None;
            }
            let at = text.find(&format!("[[{t}"))?;
            let e = self
                .site
                .index
                .get(RefKind::Entity, name)
                .first()
                .copied()?;
            Some((at, EntityId::new(e.index())))
        });
        match (found, linked) {
            (Some(m), Some((at, e))) if at < m.range.start => Some(e),
            (Some(m), _) => Some(EntityId::new(m.owner)),
            (None, linked) => linked.map(|(_, e)| e),
        }
    }

    fn build_meetings(&mut self, docs: Vec<Arc<MeetingDoc>>) {
        let actions: usize = docs.iter().map(|d| d.front.actions.len()).sum();
        self.site.actions.reserve_exact(actions);
        let decisions: usize = docs.iter().map(|d| d.front.decisions.len()).sum();
        self.site.decisions.reserve_exact(decisions);
        self.site.meetings.reserve_exact(docs.len());
        for (mi, doc) in docs.into_iter().enumerate() {
            let mi = MeetingId::new(mi);
            let f = &doc.front;
            let listed = listed(self, &doc);
            let mut actions = Vec::new();
            for (k, a) in f.actions.iter().enumerate() {
                let origin = a.origin.as_ref();
                let mut owners = self.list(&doc, "owner", &a.owner.0, origin);
                // An action written in the minutes is owned, unless it says
                // otherwise, by the first entity its text names.
                if owners.is_empty() && origin.is_some() {
                    owners.extend(self.first_named(&a.text));
                }
                let topics = self.list(&doc, "topics", &a.topics, origin);
                if a.text.trim().is_empty() {
                    let p = place(&doc, "text", "");
                    self.diagnostics.push(
                        with(&p, Severity::Error, "an action without text".into())
                            .help("say what is to be done in `text:`"),
                    );
                }
                let id = action_id(&doc, k);
                actions.push(ActionId::new(self.site.actions.len()));
                self.site.actions.push(Action {
                    slug: Slug::parse(&id).unwrap_or_else(|| Slug::from_name(&id)),
                    id,
                    meeting: mi,
                    number: k + 1,
                    owners,
                    text: a
                        .plain
                        .clone()
                        .unwrap_or_else(|| crate::markdown::inline_text(&a.text)),
                    source: a.text.trim().to_owned(),
                    topics,
                    initial: a.status,
                    initial_due: a.due,
                    history: Vec::new(),
                    status: a.status,
                    due: a.due,
                    overdue: false,
                    inline: origin.map(|o| o.ordinal),
                });
            }
            let mut decisions = Vec::new();
            for (k, d) in f.decisions.iter().enumerate() {
                let origin = d.origin.as_ref();
                let topics = self.list(&doc, "topics", &d.topics, origin);
                decisions.push(DecisionId::new(self.site.decisions.len()));
                self.site.decisions.push(Decision {
                    meeting: mi,
                    number: k + 1,
                    text: d
                        .plain
                        .clone()
                        .unwrap_or_else(|| crate::markdown::inline_text(&d.text)),
                    source: d.text.trim().to_owned(),
                    topics,
                    inline: origin.map(|o| o.ordinal),
                });
            }
            let (documents, updates) = later(self, &doc);
            self.site.meetings.push(Meeting {
                slug: doc.slug.clone(),
                date: f.date,
                series: None,
                chair: listed.chair,
                attendees: listed.attendees,
                entities: listed.entities,
                topics: listed.topics,
                actions,
                decisions,
                updates,
                documents,
                prev: None,
                next: None,
                summary: None,
                doc,
            });
        }
    }

    fn link_entities(&mut self) {
        let mut jobs = Vec::new();
        for (i, e) in with_ids(&self.site.entities) {
            let Some(doc) = e.doc.file() else { continue };
            if let Some(p) = &doc.front.parent {
                jobs.push((i, "parent", p.clone(), Arc::clone(doc)));
            }
            if let Some(a) = &doc.front.affiliation {
                jobs.push((i, "affiliation", a.clone(), Arc::clone(doc)));
            }
        }
        for (i, key, raw, doc) in jobs {
            let p = || place(&doc, key, &raw);
            let j = self.resolve_ref(&raw, &p);
            if j == Some(i) {
                self.diagnostics.push(
                    with(
                        &p(),
                        Severity::Error,
                        format!("`{}` cannot be its own parent or affiliation", raw.trim()),
                    )
                    .help("name another entity, or remove the line"),
                );
                continue;
            }
            if key == "parent" {
                self.site.entities[i].parent = j;
            } else {
                self.site.entities[i].affiliation = j;
            }
        }
        let parents: Vec<Option<EntityId>> = self.site.entities.iter().map(|e| e.parent).collect();
        for i in break_cycles(&parents) {
            let e = &self.site.entities[i];
            // Only entities with files have parents.
            let Some(doc) = e.doc.file() else {
                continue;
            };
            let raw = doc.front.parent.clone().unwrap_or_default();
            let p = place(doc, "parent", &raw);
            let chain = self.chain(&parents, i, |s, k| s.entities[k].name.clone());
            self.diagnostics.push(
                with(
                    &p,
                    Severity::Error,
                    format!("the parents of `{}` go round in a circle: {chain}", e.name),
                )
                .help("remove `parent:` from one entity of the circle"),
            );
            self.site.entities[i].parent = None;
        }
    }

    fn link_topics(&mut self) {
        let mut jobs = Vec::new();
        for (i, t) in with_ids(&self.site.topics) {
            let Some(doc) = t.doc.file() else { continue };
            if let Some(p) = &doc.front.parent {
                jobs.push((i, p.clone(), Arc::clone(doc)));
            }
        }
        for (i, raw, doc) in jobs {
            let p = || place(&doc, "parent", &raw);
            let j = self.resolve_ref(&raw, &p);
            if j == Some(i) {
                self.diagnostics.push(
                    with(
                        &p(),
                        Severity::Error,
                        format!("the topic `{}` cannot be its own parent", raw.trim()),
                    )
                    .help("name another topic, or remove the line"),
                );
                continue;
            }
            self.site.topics[i].parent = j;
        }
        let parents: Vec<Option<TopicId>> = self.site.topics.iter().map(|t| t.parent).collect();
        for i in break_cycles(&parents) {
            let t = &self.site.topics[i];
            // Only topics with files have parents.
            let Some(doc) = t.doc.file() else {
                continue;
            };
            let raw = doc.front.parent.clone().unwrap_or_default();
            let p = place(doc, "parent", &raw);
            let chain = self.chain(&parents, i, |s, k| s.topics[k].name.clone());
            self.diagnostics.push(
                with(
                    &p,
                    Severity::Error,
                    format!("the topic `{}` is its own ancestor: {chain}", t.name),
                )
                .help("remove `parent:` from one topic of the circle"),
            );
            self.site.topics[i].parent = None;
        }
    }

    fn chain<I: Id>(
        &self,
        parents: &[Option<I>],
        start: I,
        name: impl Fn(&Site, I) -> String,
    ) -> String {
        let mut names = vec![name(&self.site, start)];
        let mut cur = parents[start.index()];
        while let Some(c) = cur {
            names.push(name(&self.site, c));
            if c == start || names.len() > parents.len() {
                break;
            }
            cur = parents[c.index()];
        }
        names.join(" → ")
    }

    /// Resolves every wiki-link of every body; unknown entity and topic names
    /// get stubs, ambiguous names are errors.
    fn resolve_wikilinks(&mut self) {
        let mut jobs: Vec<(Target, usize)> = Vec::new();
        let mut add = |source: Target, n: usize| jobs.extend((0..n).map(|i| (source, i)));
        for t in self.site.targets() {
            add(t, self.site.outline(t).map_or(0, |o| o.wikilinks.len()));
        }
        // Most links lead to one page that has a file: those are found
        // first, each target once (a site links to the same few names over
        // and over), and only the others looked at in turn. A stub made for
        // one link can give a later link a second meaning, so once a stub
        // is made, every link after it is looked at again.
        let mut known: FastMap<&str, bool> = FastMap::default();
        let plain: Vec<bool> = jobs
            .iter()
            .map(|&(source, n)| {
                let Some(link) = self.wikilink(source, n) else {
                    return true;
                };
                let target = link.target.as_str();
                *known
                    .entry(target)
                    .or_insert_with(|| self.leads_to_one_page(target))
            })
            .collect();
        drop(known);
        let pages = |b: &Builder| (b.site.entities.len(), b.site.topics.len());
        let before = pages(self);
        for ((source, n), plain) in jobs.into_iter().zip(plain) {
            if plain && pages(self) == before {
                continue;
            }
            let Some(link) = self.wikilink(source, n) else {
                continue;
            };
            if self.leads_to_one_page(&link.target) {
                continue;
            }
            let (target, offset) = (link.target.clone(), link.offset);
            let candidates = self.site.candidates(&target);
            // Only a link that leads nowhere, or to several pages, needs its place.
            let p = self.wikilink_place(source, offset, target.chars().count() + 4);
            if candidates.len() > 1 {
                let list: Vec<String> = candidates
                    .iter()
                    .map(|c| format!("[[{}:{}]]", Site::kind_word(*c), self.site.title(*c)))
                    .collect();
                self.diagnostics.push(
                    with(
                        &p,
                        Severity::Error,
                        format!("`[[{}]]` could mean several pages", target.trim()),
                    )
                    .help(format!("say which one: {}", list.join(", "))),
                );
                continue;
            }
            let (kind, name) = super::index::split_kind(&target);
            let kind = kind.unwrap_or(match candidates.first() {
                Some(Target::Topic(_)) => RefKind::Topic,
                _ => RefKind::Entity,
            });
            self.resolve_kind(kind, name, &|| p.clone());
        }
    }

    /// Lets go of the wiki-links of the documents a build has released (see
    /// [`crate::model::Doc::release_wikilinks`]). A document shared with
    /// another owner is left as it is.
    fn release_wikilinks(&mut self) {
        fn release<F>(doc: &mut Arc<crate::model::Doc<F>>) {
            if let Some(doc) = Arc::get_mut(doc) {
                doc.release_wikilinks();
            }
        }
        let site = &mut self.site;
        site.meetings.iter_mut().for_each(|m| release(&mut m.doc));
        site.free_pages.iter_mut().for_each(|p| release(&mut p.doc));
        site.entities
            .iter_mut()
            .filter_map(|e| e.doc.file_mut())
            .for_each(release);
        site.topics
            .iter_mut()
            .filter_map(|t| t.doc.file_mut())
            .for_each(release);
    }

    /// Whether a wiki-link to `target` leads to one page, which has a file.
    fn leads_to_one_page(&self, target: &str) -> bool {
        self.site
            .only_candidate(target)
            .is_some_and(|t| !self.site.is_stub(t))
    }

    /// The `n`th wiki-link of a page (pages without a file have none).
    fn wikilink(&self, source: Target, n: usize) -> Option<&crate::markdown::WikiLink> {
        self.site.outline(source)?.wikilinks.get(n)
    }

    fn wikilink_place(&self, source: Target, offset: usize, width: usize) -> Diagnostic {
        let d = match source {
            Target::Meeting(i) => {
                self.site.meetings[i]
                    .doc
                    .diagnostic(Severity::Warning, offset, String::new())
            }
            Target::Entity(i) => self.site.entities[i]
                .doc
                .file()
                .map(|d| d.diagnostic(Severity::Warning, offset, String::new()))
                .unwrap_or_else(|| Diagnostic::warning("", "")),
            Target::Topic(i) => self.site.topics[i]
                .doc
                .file()
                .map(|d| d.diagnostic(Severity::Warning, offset, String::new()))
                .unwrap_or_else(|| Diagnostic::warning("", "")),
            Target::FreePage(i) => {
                self.site.free_pages[i]
                    .doc
                    .diagnostic(Severity::Warning, offset, String::new())
            }
            Target::Action(_) => Diagnostic::warning("", ""),
        };
        d.width(width)
    }
}

/// Finds parent links that close a circle; returns one member of each circle
/// (the one whose link should be dropped), in index order.
fn break_cycles<I: Id>(parents: &[Option<I>]) -> Vec<I> {
    let mut state = vec![0u8; parents.len()]; // 0 new, 1 on the current path, 2 done
    let mut out = Vec::new();
    for start in (0..parents.len()).map(I::new) {
        let mut path = Vec::new();
        let mut cur = Some(start);
        while let Some(c) = cur {
            match state[c.index()] {
                2 => break,
                1 => {
                    // The circle is the path from c onwards: report its smallest member.
                    let pos = path.iter().position(|&p| p == c).unwrap_or(0);
                    if let Some(&min) = path[pos..].iter().min() {
                        out.push(min);
                    }
                    break;
                }
                _ => {
                    state[c.index()] = 1;
                    path.push(c);
                    cur = parents[c.index()];
                }
            }
        }
        for p in path {
            state[p.index()] = 2;
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::{Config, break_cycles, resolve};
    use crate::graph::index::{RefKind, fold};
    use crate::source::{Kind, SourceFile};
    use std::collections::HashSet;

    fn config() -> Config {
        let dir = std::env::temp_dir();
        let mut c = Config::load(&dir.join("quorum-no-such-site"), &Default::default()).unwrap();
        c.today = jiff::civil::date(2024, 1, 1);
        c
    }

    proptest::proptest! {
        /// Stubs for different names get different pages, whatever the names.
        #[test]
        fn different_names_never_share_a_page(names in proptest::collection::vec("[ -~À-ÿ]{1,12}", 1..6)) {
            let list: Vec<String> = names.iter().map(|n| serde_json::to_string(n).unwrap()).collect();
            let text = format!("---\ntitle: M\ndate: 2024-01-01\nattendees: [{}]\n---\n", list.join(", "));
            let parsed = crate::model::parse(vec![SourceFile { kind: Kind::Meeting, path: "content/meetings/m.md".into(), text }]);
            let resolved = resolve(parsed, &config());
            let site = &resolved.site;
            let slugs: HashSet<_> = site.entities.iter().map(|e| e.slug.clone()).collect();
            proptest::prop_assert_eq!(slugs.len(), site.entities.len());
            for a in &names {
                for b in &names {
                    if a.trim().is_empty() || b.trim().is_empty() {
                        continue;
                    }
                    let ea = site.index.get(RefKind::Entity, a).first().copied();
                    let eb = site.index.get(RefKind::Entity, b).first().copied();
                    proptest::prop_assert_eq!(fold(a) == fold(b), ea == eb, "{:?} / {:?}", a, b);
                }
            }
        }
    }

    fn file(kind: Kind, path: &str, text: &str) -> SourceFile {
        SourceFile {
            kind,
            path: path.into(),
            text: text.into(),
        }
    }

    #[test]
    fn unknown_refs_suggest_a_real_page_by_its_name() {
        let parsed = crate::model::parse(vec![
            file(
                Kind::Entity,
                "content/entities/undp.md",
                "---\nname: United Nations Development Programme\naliases: [UNDP]\n---\n",
            ),
            file(
                Kind::Topic,
                "content/topics/climate.md",
                "---\nname: Climate\n---\n",
            ),
            file(
                Kind::Meeting,
                "content/meetings/a.md",
                "---\ntitle: A\ndate: 2024-01-01\nattendees: [UNDPP, Jane Doe]\ntopics: [Clmate]\n---\n",
            ),
            file(
                Kind::Meeting,
                "content/meetings/b.md",
                "---\ntitle: B\ndate: 2024-02-01\nattendees: [Jane Doe, Jane Do]\n---\n",
            ),
        ]);
        let resolved = resolve(parsed, &config());
        let help = |name: &str| -> Vec<String> {
            let message = format!("is called `{name}`:");
            resolved
                .diagnostics
                .iter()
                .filter(|d| d.message.contains(&message))
                .map(|d| d.help.clone().unwrap_or_default())
                .collect()
        };
        let undp = help("UNDPP");
        assert_eq!(undp.len(), 1);
        assert!(
            undp[0].starts_with("did you mean `United Nations Development Programme`?"),
            "{undp:?}"
        );
        let climate = help("Clmate");
        assert!(
            climate[0].starts_with("did you mean `Climate`?"),
            "{climate:?}"
        );
        // The second `Jane Doe` finds the stub the first one made, and `Jane Do`
        // is close to it: a stub is never offered.
        let jane: Vec<String> = help("Jane Doe")
            .into_iter()
            .chain(help("Jane Do"))
            .collect();
        assert_eq!(jane.len(), 3, "{jane:?}");
        for h in &jane {
            assert!(!h.contains("did you mean"), "{h}");
        }
    }

    #[test]
    fn circles_are_found_once() {
        assert!(break_cycles(&[None, Some(0), Some(1)]).is_empty());
        assert_eq!(break_cycles(&[Some(1), Some(0), Some(0)]), [0]);
        assert_eq!(break_cycles(&[Some(0)]), [0]);
        assert_eq!(break_cycles(&[Some(1), Some(2), Some(1), Some(3)]), [1, 3]);
    }
}
