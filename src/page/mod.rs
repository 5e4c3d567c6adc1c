//! The page context: what the renderer, the search index and the exports
//! all read of one build (the site, its configuration, paths and links, the
//! views many pages share), and the list of the site's [pages](list).
//!
//! What templates receive: small serialisable views of the graph.
//!
//! Views borrow from the [`Site`]; only paths are computed here, in the form
//! the configuration asks for (directory links, or `index.html` links when
//! the site must open from the file system). `docs/templates.md` documents
//! every field.

pub(crate) mod list;

pub(crate) use list::Page;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde::Serialize;

use crate::config::Config;
use crate::graph::{
    Action, ActionId, Backlink, DecisionId, EntityId, MeetingId, PerId, PerTarget, Place, Site,
    SiteLinks, Target, TopicId,
};
use crate::markdown::{Heading, ItemMark, Style, block_anchor, escape_html_into, to_html};
use crate::model::date::{DateNames, Named, PartialDate};
use crate::model::front::Status;
use crate::model::lang::Language;

/// How paths and links are written.
#[derive(Debug, Clone)]
pub struct Urls {
    /// The base URL, ending in `/`.
    pub base_url: String,
    /// Its path (`/minutes/`).
    pub base_path: String,
    /// Whether links are relative and name `index.html`.
    pub relative: bool,
}

impl Urls {
    /// From the configuration.
    pub fn new(config: &Config) -> Urls {
        Urls {
            base_url: config.base_url.url.clone(),
            base_path: config.base_url.path.clone(),
            relative: config.relative_urls,
        }
    }

    /// A page's path as links write it: `entities/desa/`, or
    /// `entities/desa/index.html` for relative links. `dir` is the directory form.
    pub fn path(&self, dir: &str) -> String {
        if self.relative && (dir.is_empty() || dir.ends_with('/')) {
            format!("{dir}index.html")
        } else {
            dir.to_owned()
        }
    }

    /// The prefix of every link on the page at `dir`.
    pub fn root(&self, dir: &str) -> String {
        if self.relative {
            "../".repeat(dir.matches('/').count())
        } else {
            self.base_path.clone()
        }
    }

    /// The absolute URL of the page at `dir`.
    pub fn permalink(&self, dir: &str) -> String {
        format!("{}{dir}", self.base_url)
    }
}

/// The things every view is made from.
#[derive(Clone)]
pub struct Ctx<'a> {
    pub site: &'a Site,
    pub config: &'a Config,
    pub urls: &'a Urls,
    pub links: SiteLinks<'a>,
    pub paths: &'a Paths,
    pub values: &'a Values,
    /// The strings of the site's language.
    pub strings: &'a crate::i18n::Strings,
    /// The prefix of links on the page being made ([`Urls::root`]), for
    /// the HTML that views write themselves ([`Inline`]).
    pub root: Arc<str>,
}

impl<'a> Ctx<'a> {
    /// The same, for the page at `dir`.
    pub fn on_page(&self, dir: &str) -> Ctx<'a> {
        Ctx {
            root: self.urls.root(dir).into(),
            ..self.clone()
        }
    }
}

/// The language the site is written in: `language:` of `quorum.yaml`.
pub(crate) fn site_language(config: &Config) -> &str {
    config.language.tag()
}

/// The `lang` and `dir` attributes a text in `language` needs on a page of
/// the site: none for the site's own language, `dir` only when the text's
/// direction is not the site's.
pub(crate) fn text_language<'l>(
    config: &Config,
    language: Option<&'l Language>,
) -> (Option<&'l str>, Option<&'static str>) {
    let site = site_language(config);
    let Some(lang) = language.filter(|l| !l.as_str().eq_ignore_ascii_case(site)) else {
        return (None, None);
    };
    let dir = match (lang.is_rtl(), config.language.is_rtl()) {
        (true, false) => Some("rtl"),
        (false, true) => Some("ltr"),
        _ => None,
    };
    (Some(lang.as_str()), dir)
}

/// The path of every page of the graph, worked out once per render (pages
/// link to each other tens of thousands of times).
#[derive(Debug, Default)]
pub struct Paths(PerTarget<String>);

impl Paths {
    /// The paths of `site`'s pages, as links write them.
    pub fn new(site: &Site, urls: &Urls) -> Paths {
        Paths(PerTarget::new(site, |t| urls.path(&site.path(t))))
    }

    /// The path of a page.
    pub fn get(&self, t: Target) -> &str {
        self.0.get(t)
    }
}

/// An entity in a list or a link.
pub(crate) type EntityRef<'a> = Shared<'a, EntityFields<'a>>;

/// What templates see of an entity in a list or a link.
#[derive(Debug, Serialize)]
pub struct EntityFields<'a> {
    pub name: &'a str,
    pub display: &'a str,
    pub slug: &'a str,
    pub path: &'a str,
    pub kind: &'static str,
    pub stub: bool,
}

/// A topic in a list or a link.
pub(crate) type TopicRef<'a> = Shared<'a, TopicFields<'a>>;

/// What templates see of a topic in a list or a link.
#[derive(Debug, Serialize)]
pub struct TopicFields<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub path: &'a str,
    pub stub: bool,
}

/// A meeting in a list or a link.
pub(crate) type MeetingRef<'a> = Shared<'a, MeetingFields<'a>>;

/// What templates see of a meeting in a list or a link.
#[derive(Debug, Serialize)]
pub struct MeetingFields<'a> {
    pub title: &'a str,
    pub slug: &'a str,
    pub path: &'a str,
    pub date: DateRef<'a>,
}

/// A view shown on many pages (a link to a meeting, an entity, a topic):
/// turned into a template value once per render, on first use, and shared
/// by every page that shows it. For a fingerprint it stands for the page
/// it shows: what it shows of that page is in [`shown_digest`], part of
/// every page's fingerprint.
#[derive(Debug)]
pub struct Shared<'a, T> {
    fields: T,
    target: Target,
    value: Option<&'a OnceLock<tera::Value>>,
}

impl<T> std::ops::Deref for Shared<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.fields
    }
}

impl<T: Serialize> Serialize for Shared<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if fingerprinting(&s) {
            // A struct, as the fields are: a view may be flattened into another.
            use serde::ser::SerializeStruct;
            let mut s = s.serialize_struct("Shared", 2)?;
            s.serialize_field("kind", Site::kind_word(self.target))?;
            s.serialize_field("index", &self.target.index())?;
            return s.end();
        }
        match self.value {
            Some(slot) => slot
                .get_or_init(|| tera::Value::from_serializable(&self.fields))
                .serialize(s),
            None => self.fields.serialize(s),
        }
    }
}

/// The template values of the views shared between pages, filled as pages
/// ask for them. The default shares only what every page shows alike
/// (`site`, `today`, `nav`).
#[derive(Debug, Default)]
pub struct Values {
    meetings: PerId<MeetingId, OnceLock<tera::Value>>,
    entities: PerId<EntityId, OnceLock<tera::Value>>,
    topics: PerId<TopicId, OnceLock<tera::Value>>,
    /// The HTML of each action's and decision's text, where links are the
    /// same on every page (see [`Inline`]).
    actions: PerId<ActionId, OnceLock<String>>,
    decisions: PerId<DecisionId, OnceLock<String>>,
    dates: Option<Mutex<HashMap<PartialDate, tera::Value>>>,
    /// The names dates are shown by: the site's language's (English when
    /// none are given).
    names: Option<Arc<DateNames>>,
    /// The values of `site` and `today`.
    pub site: OnceLock<tera::Value>,
    pub today: OnceLock<tera::Value>,
    /// The entries of the navigation (title, path from the site root, kind), and
    /// its value by which entries are current.
    pub nav: OnceLock<Vec<(String, String, &'static str)>>,
    navs: Mutex<HashMap<Vec<bool>, tera::Value>>,
}

impl Values {
    /// Empty slots for every meeting, entity and topic of `site`, and for
    /// dates, shown by `names`.
    pub fn new(site: &Site, names: Arc<DateNames>) -> Values {
        Values {
            meetings: slots(site.meetings.len()),
            entities: slots(site.entities.len()),
            topics: slots(site.topics.len()),
            actions: (0..site.actions.len()).map(|_| OnceLock::new()).collect(),
            decisions: (0..site.decisions.len()).map(|_| OnceLock::new()).collect(),
            dates: Some(Mutex::default()),
            names: Some(names),
            ..Values::default()
        }
    }

    /// The `nav` value with the entries `current` marks as current, made
    /// by `make` the first time.
    pub fn nav_value(&self, current: Vec<bool>, make: impl FnOnce() -> tera::Value) -> tera::Value {
        self.navs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .entry(current)
            .or_insert_with(make)
            .clone()
    }
}

fn slots<I>(n: usize) -> PerId<I, OnceLock<tera::Value>> {
    (0..n).map(|_| OnceLock::new()).collect()
}

/// A date in a view shared between pages. Dates repeat (many actions fall
/// due on the same day), so each date's template value is made once per
/// render, like a [`Shared`] view's.
#[derive(Debug, Clone, Copy)]
pub struct DateRef<'a> {
    date: PartialDate,
    values: &'a Values,
}

impl std::ops::Deref for DateRef<'_> {
    type Target = PartialDate;
    fn deref(&self) -> &PartialDate {
        &self.date
    }
}

impl DateRef<'_> {
    /// The date with the names of the values it is shown in.
    fn named(&self) -> Named<'_> {
        match &self.values.names {
            Some(names) => Named(self.date, names),
            None => Named(self.date, crate::model::date::english()),
        }
    }
}

impl Serialize for DateRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let dates = match &self.values.dates {
            Some(dates) if !fingerprinting(&s) => dates,
            _ => return self.named().serialize(s),
        };
        let value = dates
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .entry(self.date)
            .or_insert_with(|| tera::Value::from_serializable(&self.named()))
            .clone();
        value.serialize(s)
    }
}

/// A meeting with what a listing shows of it.
#[derive(Debug, Serialize)]
pub struct MeetingSummary<'a> {
    #[serde(flatten)]
    pub meeting: MeetingRef<'a>,
    pub series: Option<&'a str>,
    pub location: Option<&'a str>,
    pub summary: &'a str,
    pub topics: Vec<TopicRef<'a>>,
    pub actions: usize,
    pub decisions: usize,
}

/// One step of an action's history.
#[derive(Debug, Serialize)]
pub struct ChangeView<'a> {
    pub meeting: MeetingRef<'a>,
    pub status: Option<&'static str>,
    pub status_label: Option<&'a str>,
    pub note: Option<&'a str>,
    pub due: Option<DateRef<'a>>,
}

/// What templates see of an action item. Unlike a [`Shared`] view, it is
/// made for each page that shows it: actions are many, each is shown on few
/// pages, and their values are large (held for the whole render, they took
/// more memory than anything else at 100,000 meetings).
#[derive(Debug, Serialize)]
pub struct ActionView<'a> {
    pub id: &'a str,
    pub slug: &'a str,
    pub path: &'a str,
    pub number: usize,
    /// What is to be done, as plain text.
    pub text: &'a str,
    /// The same as HTML: its Markdown, links and mentions.
    pub html: Inline<'a>,
    pub owners: Vec<EntityRef<'a>>,
    pub topics: Vec<TopicRef<'a>>,
    pub meeting: MeetingRef<'a>,
    pub status: &'static str,
    pub status_label: &'a str,
    pub due: Option<DateRef<'a>>,
    pub overdue: bool,
    pub initial_status: &'static str,
    pub initial_status_label: &'a str,
    pub initial_due: Option<DateRef<'a>>,
    pub history: Vec<ChangeView<'a>>,
}

/// What templates see of a decision. Made for each page that shows it, like
/// an [`ActionView`].
#[derive(Debug, Serialize)]
pub struct DecisionView<'a> {
    pub number: usize,
    /// What was decided, as plain text.
    pub text: &'a str,
    /// The same as HTML: its Markdown, links and mentions.
    pub html: Inline<'a>,
    pub meeting: MeetingRef<'a>,
    pub topics: Vec<TopicRef<'a>>,
    /// The decision's own anchor on its meeting page.
    pub anchor: String,
}

/// Every passage that mentions a page: the newest first, then all of them
/// by year, then those on pages other than meetings. The passages are
/// written as HTML by [`MentionsHtml`]: an entity may be named in thousands.
#[derive(Debug, Serialize)]
pub struct Mentions<'a> {
    /// Passages in all.
    pub count: usize,
    /// Meetings with passages.
    pub meetings: usize,
    /// The latest passages in meetings ([`LATEST_MENTIONS`]): what the
    /// first screen shows.
    pub latest: MentionsHtml<'a>,
    /// Every passage in a meeting, by year, newest first.
    pub years: Vec<MentionYear<'a>>,
    /// Passages elsewhere: descriptions of entities and topics, free pages.
    pub elsewhere: MentionsHtml<'a>,
    /// Pages elsewhere with passages.
    pub elsewhere_pages: usize,
}

/// The meetings of one year that mention a page, newest first.
#[derive(Debug, Serialize)]
pub struct MentionYear<'a> {
    pub year: i16,
    /// Passages of the year.
    pub count: usize,
    /// Meetings of the year with passages.
    pub meetings: usize,
    pub html: MentionsHtml<'a>,
}

/// How many passages the first screen of a page shows of its mentions.
pub(crate) const LATEST_MENTIONS: usize = 5;

/// Passages that mention a page, as HTML: an `<ol class="q-mention-groups">`
/// with a `<li class="q-mention-group">` for each page they are on (a `<p>`
/// with its title linked, its date, how many passages), and in it an
/// `<ol class="q-mentions">` of the passages: each a `<li>` with the
/// passage in a `<blockquote>`, the mention in `<mark>`, and a link to its
/// own place. Written only when its page is rendered, and lean: an entity
/// may be named in thousands of passages. For a fingerprint it stands for
/// what it shows.
pub struct MentionsHtml<'a> {
    list: &'a [Backlink],
    /// At most this many passages.
    limit: usize,
    site: &'a Site,
    paths: &'a Paths,
    root: Arc<str>,
    strings: &'a crate::i18n::Strings,
}

impl std::fmt::Debug for MentionsHtml<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MentionsHtml")
            .field("pages", &self.list.len())
            .field("limit", &self.limit)
            .finish()
    }
}

impl MentionsHtml<'_> {
    /// The HTML (empty when there is no passage), or why the passages'
    /// texts could not be read.
    pub fn html(&self) -> std::io::Result<String> {
        // Passages take some hundreds of bytes each: room for them at once.
        let passages: usize = self.list.iter().map(Backlink::len).sum();
        let mut out = String::with_capacity(passages.min(self.limit).saturating_mul(512));
        let mut left = self.limit;
        for b in self.list {
            if left == 0 {
                break;
            }
            if out.is_empty() {
                out.push_str("<ol class=\"q-mention-groups\">\n");
            }
            left -= self.group(&mut out, b, left)?;
        }
        if !out.is_empty() {
            out.push_str("</ol>\n");
        }
        Ok(out)
    }

    /// Writes the passages of `b`, at most `limit`; returns how many.
    fn group(&self, out: &mut String, b: &Backlink, limit: usize) -> std::io::Result<usize> {
        use std::fmt::Write;
        let site = self.site;
        let root = &*self.root;
        let path = self.paths.get(b.from);
        out.push_str("<li class=\"q-mention-group\"><p><a href=\"");
        escape_html_into(out, root);
        escape_html_into(out, path);
        out.push_str("\">");
        escape_html_into(out, site.title(b.from));
        out.push_str("</a>");
        if let Target::Meeting(m) = b.from {
            let date = site.meetings[m].date;
            let _ = write!(
                out,
                " · <time datetime=\"{}\">{}</time>",
                date.iso(),
                date.display(self.strings.dates())
            );
        }
        if b.len() > 1 {
            let _ = write!(out, " <span class=\"q-count\">{}</span>", b.len());
        }
        out.push_str("</p>\n<ol class=\"q-mentions\">\n");
        let headings = site.headings(b.from);
        let read = b.read()?;
        let mut written = 0;
        for p in read.passages().take(limit) {
            let heading = p.section.and_then(|s| headings.get(s as usize));
            let (section, title) = heading.map_or(("", ""), |h| (&*h.id, &*h.text));
            let title = match p.place {
                Place::Action(_) => self.strings.get(LABELS.actions),
                Place::Decision(_) => self.strings.get(LABELS.decisions),
                Place::Heading | Place::Block(_) => title,
            };
            let (text, marks) = crate::graph::passages::window(p.text, &p.marks);
            out.push_str("<li><blockquote>");
            marked_into(out, &text, &marks);
            out.push_str("</blockquote><a href=\"");
            escape_html_into(out, root);
            escape_html_into(out, path);
            let _ = match p.place {
                Place::Heading if section.is_empty() => Ok(()),
                Place::Heading => write!(out, "#{}", crate::markdown::escape_html(section)),
                Place::Block(n) => write!(out, "#{}", block_anchor(n)),
                Place::Action(n) => write!(out, "#q-action-{n}"),
                Place::Decision(n) => write!(out, "#q-decision-{n}"),
            };
            out.push_str("\">");
            if title.is_empty() {
                escape_html_into(out, self.strings.get(LABELS.passage));
            } else {
                out.push_str("§ ");
                escape_html_into(out, title);
            }
            out.push_str("</a></li>\n");
            written += 1;
        }
        out.push_str("</ol>\n</li>\n");
        Ok(written)
    }
}

impl Serialize for MentionsHtml<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if fingerprinting(&s) {
            let shown: Vec<(&str, usize, u64)> = self
                .list
                .iter()
                .map(|b| (Site::kind_word(b.from), b.from.index(), b.digest()))
                .collect();
            return (shown, self.limit, &*self.root).serialize(s);
        }
        let html = self.html().map_err(|e| {
            serde::ser::Error::custom(format!(
                "cannot read the passages of the minutes again from their temporary file: {e}"
            ))
        })?;
        s.serialize_str(&html)
    }
}

/// The strings (their ids in the translation files) the passages' links are
/// written with where a passage has no section of its own.
struct Labels {
    actions: &'static str,
    decisions: &'static str,
    passage: &'static str,
}

const LABELS: Labels = Labels {
    actions: "actions_decided",
    decisions: "decisions",
    passage: "in_context",
};

/// A page and a count: related entities, topics of an entity, and so on.
#[derive(Debug, Serialize)]
pub(crate) struct Counted<T> {
    pub item: T,
    pub count: usize,
}

/// A navigation entry.
#[derive(Debug, Serialize)]
pub(crate) struct NavItem {
    pub title: String,
    pub path: String,
    pub current: bool,
    /// `section` (an index of the site) or `page` (a free page).
    pub kind: &'static str,
}

impl<'a> Ctx<'a> {
    /// The path of a page of the graph, as links write it.
    pub fn path(&self, t: Target) -> &'a str {
        self.paths.get(t)
    }

    pub fn entity(&self, i: EntityId) -> EntityRef<'a> {
        let e = &self.site.entities[i];
        Shared {
            fields: EntityFields {
                name: &e.name,
                display: e.display_name(),
                slug: e.slug.as_str(),
                path: self.path(Target::Entity(i)),
                kind: e.kind.as_str(),
                stub: e.doc.is_stub(),
            },
            target: Target::Entity(i),
            value: self.values.entities.get(i),
        }
    }

    pub fn entities(&self, list: &[EntityId]) -> Vec<EntityRef<'a>> {
        list.iter().map(|&i| self.entity(i)).collect()
    }

    pub fn topic(&self, i: TopicId) -> TopicRef<'a> {
        let t = &self.site.topics[i];
        Shared {
            fields: TopicFields {
                name: &t.name,
                slug: t.slug.as_str(),
                path: self.path(Target::Topic(i)),
                stub: t.doc.is_stub(),
            },
            target: Target::Topic(i),
            value: self.values.topics.get(i),
        }
    }

    pub fn topics(&self, list: &[TopicId]) -> Vec<TopicRef<'a>> {
        list.iter().map(|&i| self.topic(i)).collect()
    }

    /// A date, its template value shared.
    pub fn date(&self, date: PartialDate) -> DateRef<'a> {
        DateRef {
            date,
            values: self.values,
        }
    }

    pub fn meeting(&self, i: MeetingId) -> MeetingRef<'a> {
        let m = &self.site.meetings[i];
        Shared {
            fields: MeetingFields {
                title: &m.doc.front.title,
                slug: m.slug.as_str(),
                path: self.path(Target::Meeting(i)),
                date: self.date(m.date),
            },
            target: Target::Meeting(i),
            value: self.values.meetings.get(i),
        }
    }

    pub fn meeting_summary(&self, i: MeetingId) -> MeetingSummary<'a> {
        let m = &self.site.meetings[i];
        MeetingSummary {
            meeting: self.meeting(i),
            series: m.series.map(|s| self.site.series[s].name.as_str()),
            location: m.doc.front.location.as_deref(),
            summary: m.summary(),
            topics: self.topics(&m.topics),
            actions: m.actions.len(),
            decisions: m.decisions.len(),
        }
    }

    pub fn action(&self, i: ActionId) -> ActionView<'a> {
        let a: &'a Action = &self.site.actions[i];
        ActionView {
            id: &a.id,
            slug: a.slug.as_str(),
            path: self.path(Target::Action(i)),
            number: a.number,
            text: &a.text,
            html: self.inline(
                &a.source,
                Target::Meeting(a.meeting),
                self.values.actions.get(i),
            ),
            owners: self.entities(&a.owners),
            topics: self.topics(&a.topics),
            meeting: self.meeting(a.meeting),
            status: a.status.as_str(),
            status_label: self.strings.status(a.status),
            due: a.due.map(|d| self.date(d)),
            overdue: a.overdue,
            initial_status: a.initial.as_str(),
            initial_status_label: self.strings.status(a.initial),
            initial_due: a.initial_due.map(|d| self.date(d)),
            history: a
                .history
                .iter()
                .map(|c| ChangeView {
                    meeting: self.meeting(c.meeting),
                    status: c.status.map(Status::as_str),
                    status_label: c.status.map(|s| self.strings.status(s)),
                    note: c.note.as_deref(),
                    due: c.due.map(|d| self.date(d)),
                })
                .collect(),
        }
    }

    /// A short Markdown text of the page `this` (an action's, a decision's),
    /// made HTML for the page being made. Where links are written the same
    /// on every page, the HTML is made once, into `shared`.
    pub fn inline(
        &self,
        source: &'a str,
        this: Target,
        shared: Option<&'a OnceLock<String>>,
    ) -> Inline<'a> {
        Inline {
            source,
            this,
            root: self.root.clone(),
            site: self.site,
            urls: self.urls,
            links: self.links,
            shared: shared.filter(|_| !self.urls.relative),
        }
    }

    pub fn actions(&self, list: &[ActionId]) -> Vec<ActionView<'a>> {
        list.iter().map(|&i| self.action(i)).collect()
    }

    pub fn decision(&self, i: DecisionId) -> DecisionView<'a> {
        let d = &self.site.decisions[i];
        let meeting = self.meeting(d.meeting);
        DecisionView {
            number: d.number,
            text: &d.text,
            html: self.inline(
                &d.source,
                Target::Meeting(d.meeting),
                self.values.decisions.get(i),
            ),
            anchor: format!("{}#q-decision-{}", meeting.path, d.number),
            meeting,
            topics: self.topics(&d.topics),
        }
    }

    pub fn decisions(&self, list: &[DecisionId]) -> Vec<DecisionView<'a>> {
        list.iter().map(|&i| self.decision(i)).collect()
    }

    /// The mentions of a page: `list` is its backlinks, as the graph
    /// sorts them (meetings newest first, then other pages).
    pub fn mentions(&self, list: &'a [Backlink]) -> Mentions<'a> {
        let split = list
            .iter()
            .position(|b| !matches!(b.from, Target::Meeting(_)))
            .unwrap_or(list.len());
        let (meetings, elsewhere) = list.split_at(split);
        let year = |b: &Backlink| match b.from {
            Target::Meeting(m) => self.site.meetings[m].date.year(),
            _ => 0,
        };
        let years = meetings
            .chunk_by(|a, b| year(a) == year(b))
            .map(|run| MentionYear {
                year: year(&run[0]),
                count: run.iter().map(Backlink::len).sum(),
                meetings: run.len(),
                html: self.mentions_html(run, usize::MAX),
            })
            .collect();
        Mentions {
            count: list.iter().map(Backlink::len).sum(),
            meetings: meetings.len(),
            latest: self.mentions_html(meetings, LATEST_MENTIONS),
            years,
            elsewhere: self.mentions_html(elsewhere, usize::MAX),
            elsewhere_pages: elsewhere.len(),
        }
    }

    fn mentions_html(&self, list: &'a [Backlink], limit: usize) -> MentionsHtml<'a> {
        MentionsHtml {
            list,
            limit,
            site: self.site,
            paths: self.paths,
            root: self.root.clone(),
            strings: self.strings,
        }
    }
}

/// A digest of everything the views shared between pages ([`Shared`])
/// show: the path and title of every page ([`Site::links_digest`]), each
/// meeting's date, each entity's display name and kind, and which entities
/// and topics are stubs.
pub(crate) fn shown_digest(site: &Site) -> u64 {
    let mut h = crate::hash::Hash::default();
    h.write_u64(site.links_digest());
    for m in &site.meetings {
        h.write(m.date.iso().as_bytes());
    }
    for e in &site.entities {
        h.write(e.display_name().as_bytes());
        h.write(e.kind.as_str().as_bytes());
        h.write_u64(u64::from(e.doc.is_stub()));
    }
    for t in &site.topics {
        h.write_u64(u64::from(t.doc.is_stub()));
    }
    h.0
}

/// Appends HTML of `text` to `out`, the byte ranges `marks` wrapped in `<mark>`.
pub(crate) fn marked_into(out: &mut String, text: &str, marks: &[std::ops::Range<usize>]) {
    let fits = |r: &std::ops::Range<usize>| {
        r.start < r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    // Most passages name a page once.
    if let [one] = marks {
        if fits(one) {
            escape_html_into(out, &text[..one.start]);
            out.push_str("<mark>");
            escape_html_into(out, &text[one.clone()]);
            out.push_str("</mark>");
            escape_html_into(out, &text[one.end..]);
        } else {
            escape_html_into(out, text);
        }
        return;
    }
    let mut marks: Vec<_> = marks
        .iter()
        .filter(|r| r.start < r.end && r.end <= text.len())
        .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .cloned()
        .collect();
    marks.sort_by_key(|r| r.start);
    let mut pos = 0;
    for r in marks {
        if r.start < pos {
            continue;
        }
        escape_html_into(out, &text[pos..r.start]);
        out.push_str("<mark>");
        escape_html_into(out, &text[r.clone()]);
        out.push_str("</mark>");
        pos = r.end;
    }
    escape_html_into(out, &text[pos..]);
}

/// Whether `s` hashes a page's context for its fingerprint rather than
/// handing it to a template: a [`Body`] then stands for its inputs instead
/// of being rendered. The fingerprinter ([`crate::hash::Fingerprinter`])
/// says so by being the one serialiser that is not human-readable.
fn fingerprinting<S: serde::Serializer>(s: &S) -> bool {
    !s.is_human_readable()
}

/// A Markdown body of a page, rendered to HTML only when the page is
/// rendered. A page whose fingerprint is unchanged is not rendered, and its
/// body is never turned into HTML: for the fingerprint, a body stands for
/// what its HTML is made from — its text, the page it is on and the page
/// folder links are written from. The rest (every name, alias, path and
/// title links can lead to) is in [`Site::links_digest`], part of every page's
/// fingerprint.
pub(crate) struct Body<'a> {
    source: Option<BodySource<'a>>,
}

struct BodySource<'a> {
    site: &'a Site,
    config: &'a Config,
    urls: &'a Urls,
    links: SiteLinks<'a>,
    text: Cow<'a, str>,
    headings: &'a [Heading],
    this: Target,
    dir: String,
    /// The marks of the actions and decisions written in the body.
    items: Vec<ItemMark>,
}

impl<'a> Body<'a> {
    /// The body `text` (with its `headings`) of `this`, on the page at `dir`.
    pub(crate) fn new(
        ctx: &Ctx<'a>,
        text: Cow<'a, str>,
        headings: &'a [Heading],
        this: Target,
        dir: &str,
    ) -> Body<'a> {
        Body {
            source: Some(BodySource {
                site: ctx.site,
                config: ctx.config,
                urls: ctx.urls,
                links: ctx.links,
                text,
                headings,
                this,
                dir: dir.to_owned(),
                items: item_marks(ctx, this, dir),
            }),
        }
    }

    /// No body: the empty string.
    pub(crate) fn none() -> Body<'a> {
        Body { source: None }
    }

    /// The HTML.
    pub(crate) fn html(&self) -> String {
        let Some(b) = &self.source else {
            return String::new();
        };
        let root = b.urls.root(&b.dir);
        let style = Style {
            root: &root,
            base_path: &b.urls.base_path,
            relative: b.urls.relative,
            autolink: b.site.autolink,
            raw_html: b.config.raw_html,
            this: Some(b.this),
            roll_call: &b.site.roll_call,
            anchors: true,
            items: &b.items,
            patterns: &b.site.link_patterns,
        };
        to_html(
            &b.text,
            b.headings,
            &b.links,
            style,
            b.site.searched.get(&b.this).map(Arc::as_ref),
        )
    }
}

impl Serialize for Body<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if fingerprinting(&s) {
            let inputs = self.source.as_ref().map(|b| {
                (
                    &*b.text,
                    crate::graph::Site::kind_word(b.this),
                    b.this.index(),
                    &b.dir,
                    b.items
                        .iter()
                        .map(|m| (m.ordinal, &*m.href, &*m.label, &*m.class))
                        .collect::<Vec<_>>(),
                )
            });
            return inputs.serialize(s);
        }
        s.serialize_str(&self.html())
    }
}

/// How the page at `dir` marks the actions and decisions written in the
/// minutes of `this`: a link to each action's page with its status, and to
/// each decision in the meeting's list.
fn item_marks(ctx: &Ctx<'_>, this: Target, dir: &str) -> Vec<ItemMark> {
    let Target::Meeting(m) = this else {
        return Vec::new();
    };
    let site = ctx.site;
    let meeting = &site.meetings[m];
    let root = ctx.urls.root(dir);
    let actions = meeting.actions.iter().filter_map(|&a| {
        let action = &site.actions[a];
        let status = if action.overdue {
            "overdue"
        } else {
            action.status.as_str()
        };
        let strings = ctx.strings;
        let shown = strings.status(action.status);
        let label = if action.overdue {
            format!(
                "{} · {shown} · {}",
                strings.get("action"),
                strings.get("overdue")
            )
        } else {
            format!("{} · {shown}", strings.get("action"))
        };
        Some(ItemMark {
            ordinal: action.inline?,
            href: format!("{root}{}", ctx.path(Target::Action(a))),
            label,
            class: format!("q-item q-badge q-badge--{status}"),
        })
    });
    let decisions = meeting.decisions.iter().filter_map(|&d| {
        let decision = &site.decisions[d];
        Some(ItemMark {
            ordinal: decision.inline?,
            href: format!("#q-decision-{}", decision.number),
            label: ctx.strings.get("decision").into(),
            class: "q-item q-badge q-badge--decision".into(),
        })
    });
    actions.chain(decisions).collect()
}

/// A short Markdown text (an action's, a decision's) shown within a page:
/// links, emphasis, code and mentions as in a body, HTML written in it
/// escaped, and no paragraph around a text of one. Made HTML only when its
/// page is rendered; for a fingerprint it stands for what it is made from.
pub struct Inline<'a> {
    source: &'a str,
    this: Target,
    root: Arc<str>,
    site: &'a Site,
    urls: &'a Urls,
    links: SiteLinks<'a>,
    /// Where the HTML is kept for every page that shows it.
    shared: Option<&'a OnceLock<String>>,
}

impl std::fmt::Debug for Inline<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Inline").field(&self.source).finish()
    }
}

impl Inline<'_> {
    /// The HTML.
    pub fn html(&self) -> String {
        let text = self.source.trim();
        // Most texts are plain words: no Markdown to read, no name to link.
        let plain = !text.contains([
            '*', '_', '`', '[', ']', '<', '>', '\\', '&', '!', '~', '|', '#', '\n',
        ]) && crate::markdown::autolink::find(text).is_empty()
            && !text.starts_with(|c: char| c.is_ascii_digit() || "-+=".contains(c))
            && self
                .site
                .mentions
                .as_ref()
                .is_none_or(|m| m.find(text).is_empty())
            && self.site.link_patterns.find(text).is_empty();
        if plain {
            return crate::markdown::escape_html(text);
        }
        let style = Style {
            root: &self.root,
            base_path: &self.urls.base_path,
            relative: self.urls.relative,
            autolink: self.site.autolink,
            raw_html: crate::markdown::RawHtml::Escape,
            this: Some(self.this),
            roll_call: &self.site.roll_call,
            anchors: false,
            items: &[],
            patterns: &self.site.link_patterns,
        };
        let html = to_html(self.source, &[], &self.links, style, None);
        let html = html.trim_end();
        match html
            .strip_prefix("<p>")
            .and_then(|h| h.strip_suffix("</p>"))
        {
            Some(one) if !one.contains("<p>") => one.to_owned(),
            _ => html.to_owned(),
        }
    }
}

impl Serialize for Inline<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if fingerprinting(&s) {
            let inputs = (
                self.source,
                Site::kind_word(self.this),
                self.this.index(),
                &*self.root,
            );
            return inputs.serialize(s);
        }
        match self.shared {
            Some(slot) => s.serialize_str(slot.get_or_init(|| self.html())),
            None => s.serialize_str(&self.html()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, marks: &[std::ops::Range<usize>]) -> String {
        let mut out = String::new();
        marked_into(&mut out, text, marks);
        out
    }

    #[test]
    fn marks_are_escaped_and_wrapped() {
        assert_eq!(
            marked("A <b> & DESA.", std::slice::from_ref(&(8..12))),
            "A &lt;b&gt; &amp; <mark>DESA</mark>."
        );
        assert_eq!(
            marked("DESA", &[(0..4), (1..3), (0..10)]),
            "<mark>DESA</mark>"
        );
    }

    #[test]
    fn relative_urls_climb_to_the_root_and_name_index_files() {
        let u = Urls {
            base_url: "https://x.example/m/".into(),
            base_path: "/m/".into(),
            relative: true,
        };
        assert_eq!(u.root("entities/desa/"), "../../");
        assert_eq!(u.root(""), "");
        assert_eq!(u.path("entities/desa/"), "entities/desa/index.html");
        assert_eq!(u.path(""), "index.html");
        assert_eq!(
            u.permalink("entities/desa/"),
            "https://x.example/m/entities/desa/"
        );
        let a = Urls {
            relative: false,
            ..u
        };
        assert_eq!(
            (a.root("entities/desa/"), a.path("")),
            ("/m/".into(), "".into())
        );
    }
}
