//! The data of the knowledge views' pages — a series with its attendance
//! (`/series/<slug>/`; the attendance itself is [`super::attendance`]'s),
//! the site map (`/map/`), what changed (`/changes/`), the printable action
//! register (`/actions/print/`) — and the pictures of entity and topic
//! pages.
//!
//! The pictures themselves are drawn by [`crate::views`]; this module only
//! gives them links in the form the page needs (`root` included) and turns
//! the views' indices into the refs templates know. `docs/templates.md`
//! documents every field. Nothing here may compute a view twice for one
//! page, or walk the whole site for a page that is about one thing.

use serde::Serialize;

use super::attendance::{self, Attendance, RankView};
use super::pages::{ActionGroups, Year};
use crate::graph::{ActionId, EntityId, MeetingId, SeriesId, Site, Target, TopicId, ids};
use crate::model::front::Status;
pub(crate) use crate::page::list::{print_dir, series_dir};
use crate::page::{
    ActionView, Counted, Ctx, DateRef, DecisionView, EntityRef, MeetingRef, TopicRef,
};
use crate::views::{self, Picture, Swatch, changes, neighbours, sparkline, timeline};

/// Links from the page at `dir` to pages of the graph, for views.
pub(crate) fn linker<'c>(ctx: &'c Ctx<'_>, dir: &str) -> impl Fn(Target) -> String + 'c {
    let root = ctx.urls.root(dir);
    move |t| format!("{root}{}", ctx.path(t))
}

/// The activity timeline and relationship map of an entity or topic page.
#[derive(Serialize)]
pub(crate) struct Pictures {
    /// *HTML*: the timeline (SVG), empty when there is none.
    pub activity: String,
    /// *HTML*: the timeline drawn for a phone.
    pub activity_small: String,
    /// The kinds of mark on the timeline.
    pub activity_key: Vec<Swatch>,
    /// *HTML*: the map (SVG), empty when there is none.
    pub map: String,
    /// *HTML*: the map drawn for a phone.
    pub map_small: String,
    /// The kinds of node on the map.
    pub map_key: Vec<Swatch>,
}

impl Pictures {
    fn of(activity: Picture, map: Picture) -> Pictures {
        Pictures {
            activity: activity.wide,
            activity_small: activity.small,
            activity_key: activity.key,
            map: map.wide,
            map_small: map.small,
            map_key: map.key,
        }
    }
}

/// The activity timeline and relationship map of an entity page.
pub(crate) fn entity_pictures(ctx: &Ctx<'_>, e: EntityId, dir: &str) -> Pictures {
    let href = linker(ctx, dir);
    Pictures::of(
        timeline::of_entity(ctx.site, e, &href, ctx.strings),
        neighbours::of_entity(ctx.site, e, &href, ctx.strings),
    )
}

/// The activity timeline and relationship map of a topic page.
pub(crate) fn topic_pictures(ctx: &Ctx<'_>, t: TopicId, dir: &str) -> Pictures {
    let href = linker(ctx, dir);
    Pictures::of(
        timeline::of_topic(ctx.site, t, &href, ctx.strings),
        neighbours::of_topic(ctx.site, t, &href, ctx.strings),
    )
}

/// Sparklines of meetings for rows of one listing, on the site's span.
pub(crate) struct Sparklines<'s> {
    site: &'s Site,
    strings: &'s crate::i18n::Strings,
    span: Option<sparkline::Span>,
}

impl<'s> Sparklines<'s> {
    pub(crate) fn new(site: &'s Site, strings: &'s crate::i18n::Strings) -> Sparklines<'s> {
        Sparklines {
            site,
            strings,
            span: sparkline::Span::of(site),
        }
    }

    /// The sparkline of `meetings` (*HTML*; empty on a site without meetings).
    pub(crate) fn of(&self, meetings: &[MeetingId]) -> String {
        self.span
            .map(|span| sparkline::draw(self.site, meetings, span, self.strings))
            .unwrap_or_default()
    }
}

/// A series in a list: the meetings index, a meeting's header.
#[derive(Debug, Serialize)]
pub(crate) struct SeriesLink<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub path: String,
    pub meetings: usize,
    pub first: Option<DateRef<'a>>,
    pub last: Option<DateRef<'a>>,
}

pub(crate) fn series_link<'a>(ctx: &Ctx<'a>, s: SeriesId) -> SeriesLink<'a> {
    let site: &'a Site = ctx.site;
    let series = &site.series[s];
    SeriesLink {
        name: &series.name,
        slug: series.slug.as_str(),
        path: ctx.urls.path(&series_dir(site, s)),
        meetings: series.meetings.len(),
        first: series
            .meetings
            .first()
            .map(|&m| ctx.date(site.meetings[m].date)),
        last: series
            .meetings
            .last()
            .map(|&m| ctx.date(site.meetings[m].date)),
    }
}

/// Every series, by name.
pub(crate) fn series_list<'a>(ctx: &Ctx<'a>) -> Vec<SeriesLink<'a>> {
    ids(&ctx.site.series).map(|s| series_link(ctx, s)).collect()
}

/// `series` (series.html).
#[derive(Serialize)]
pub(crate) struct SeriesPage<'a> {
    #[serde(flatten)]
    pub series: SeriesLink<'a>,
    /// Its meetings by year, newest first.
    pub years: Vec<Year<MeetingRef<'a>>>,
    /// Everyone who came, most meetings first.
    pub ranking: Vec<RankView<'a>>,
    /// Who came to its latest meetings.
    pub attendance: Attendance<'a>,
    /// Pending actions decided at its meetings, newest first.
    pub overdue: Vec<ActionView<'a>>,
    pub open: Vec<ActionView<'a>>,
    /// Its decisions, newest first.
    pub decisions: Vec<DecisionView<'a>>,
}

pub(crate) fn series_page<'a>(ctx: &Ctx<'a>, s: SeriesId) -> SeriesPage<'a> {
    let site: &'a Site = ctx.site;
    let list = &site.series[s].meetings;
    let mut years: Vec<Year<MeetingRef<'a>>> = Vec::new();
    for &m in list.iter().rev() {
        let year = site.meetings[m].date.year();
        if years.last().is_none_or(|y| y.year != year) {
            years.push(Year {
                year,
                items: Vec::new(),
            });
        }
        if let Some(y) = years.last_mut() {
            y.items.push(ctx.meeting(m));
        }
    }
    let (mut overdue, mut open, mut decisions) = (Vec::new(), Vec::new(), Vec::new());
    for &m in list.iter().rev() {
        for &a in site.meetings[m].actions.iter().rev() {
            let action = &site.actions[a];
            if action.overdue {
                overdue.push(ctx.action(a));
            } else if action.status.is_pending() {
                open.push(ctx.action(a));
            }
        }
        decisions.extend(
            site.meetings[m]
                .decisions
                .iter()
                .rev()
                .map(|&d| ctx.decision(d)),
        );
    }
    let (ranking, attendance) = attendance::of_series(ctx, s);
    SeriesPage {
        series: series_link(ctx, s),
        years,
        ranking,
        attendance,
        overdue,
        open,
        decisions,
    }
}

/// `map` (map.html).
#[derive(Serialize)]
pub(crate) struct MapPage<'a> {
    /// *HTML*: the map, an SVG.
    pub svg: String,
    /// *HTML*: the map drawn for a phone.
    pub svg_small: String,
    /// The kinds of node on the map.
    pub key: Vec<Swatch>,
    /// What it shows, most meetings first, as lists.
    pub topics: Vec<Counted<TopicRef<'a>>>,
    pub entities: Vec<Counted<EntityRef<'a>>>,
}

pub(crate) fn map_page<'a>(ctx: &Ctx<'a>, dir: &str) -> MapPage<'a> {
    let site = ctx.site;
    let (topics, entities) = neighbours::main_pages(site);
    let picture = neighbours::of_site(site, &linker(ctx, dir), ctx.strings);
    MapPage {
        svg: picture.wide,
        svg_small: picture.small,
        key: picture.key,
        topics: topics
            .iter()
            .map(|&t| Counted {
                item: ctx.topic(t),
                count: site.topics[t].meetings.len(),
            })
            .collect(),
        entities: entities
            .iter()
            .map(|&e| Counted {
                item: ctx.entity(e),
                count: site.entities[e].meetings.len(),
            })
            .collect(),
    }
}

/// `changes` (changes.html).
#[derive(Serialize)]
pub(crate) struct ChangesPage<'a> {
    /// The latest meetings, newest first.
    pub meetings: Vec<MeetingChanges<'a>>,
    /// Meetings of the site not listed (older).
    pub older: usize,
}

#[derive(Serialize)]
pub(crate) struct MeetingChanges<'a> {
    pub meeting: MeetingRef<'a>,
    pub series: Option<SeriesLink<'a>>,
    pub actions: Vec<ActionView<'a>>,
    pub updates: Vec<StatusChange<'a>>,
    pub decisions: Vec<DecisionView<'a>>,
}

#[derive(Serialize)]
pub(crate) struct StatusChange<'a> {
    pub action: Option<ActionView<'a>>,
    pub written: &'a str,
    pub from: Option<&'static str>,
    pub from_label: Option<&'static str>,
    pub to: Option<&'static str>,
    pub to_label: Option<&'static str>,
    pub note: Option<&'a str>,
    pub due: Option<DateRef<'a>>,
    pub due_before: Option<DateRef<'a>>,
}

pub(crate) fn changes_page<'a>(ctx: &Ctx<'a>) -> ChangesPage<'a> {
    let site: &'a Site = ctx.site;
    let list = changes::recent(site, changes::MEETINGS);
    let older = site.meetings.len() - list.len();
    let label = |s: Option<Status>| s.map(Status::label);
    let meetings = list
        .into_iter()
        .map(|c| {
            let m = &site.meetings[c.meeting];
            MeetingChanges {
                meeting: ctx.meeting(c.meeting),
                series: m.series.map(|s| series_link(ctx, s)),
                actions: ctx.actions(c.actions),
                decisions: ctx.decisions(c.decisions),
                updates: c
                    .updates
                    .iter()
                    .map(|u| {
                        let update = &m.updates[u.update];
                        StatusChange {
                            action: u.action.map(|a| ctx.action(a)),
                            written: &update.written,
                            from: u.from.map(Status::as_str),
                            from_label: label(u.from),
                            to: u.to.map(Status::as_str),
                            to_label: label(u.to),
                            note: update.note.as_deref(),
                            due: update.due.map(|d| ctx.date(d)),
                            due_before: u.due_before.map(|d| ctx.date(d)),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    ChangesPage { meetings, older }
}

/// `register` (actions-print.html).
#[derive(Serialize)]
pub(crate) struct PrintRegister<'a> {
    /// Every owner, by name, with its actions by state.
    pub owners: Vec<PrintOwner<'a>>,
    /// Actions without an owner, by state.
    pub unowned: ActionGroups<'a>,
    pub total: usize,
}

#[derive(Serialize)]
pub(crate) struct PrintOwner<'a> {
    pub owner: EntityRef<'a>,
    pub actions: ActionGroups<'a>,
    pub count: usize,
}

pub(crate) fn print_register<'a>(ctx: &Ctx<'a>) -> PrintRegister<'a> {
    let site = ctx.site;
    let mut owners: Vec<EntityId> = ids(&site.entities)
        .filter(|&e| !site.entities[e].actions.is_empty())
        .collect();
    owners.sort_by_cached_key(|&e| (site.entities[e].name.to_lowercase(), e));
    let unowned: Vec<ActionId> = ids(&site.actions)
        .filter(|&a| site.actions[a].owners.is_empty())
        .collect();
    PrintRegister {
        owners: owners
            .into_iter()
            .map(|e| PrintOwner {
                owner: ctx.entity(e),
                actions: groups(ctx, &site.entities[e].actions),
                count: site.entities[e].actions.len(),
            })
            .collect(),
        unowned: groups(ctx, &unowned),
        total: site.actions.len(),
    }
}

/// Actions by state, newest first (as the register shows them).
fn groups<'a>(ctx: &Ctx<'a>, list: &[ActionId]) -> ActionGroups<'a> {
    let mut g = ActionGroups::default();
    for &a in list.iter().rev() {
        let bucket = match views::tone(ctx.site, a) {
            "overdue" => &mut g.overdue,
            "open" | "in-progress" => &mut g.open,
            "done" => &mut g.done,
            _ => &mut g.dropped,
        };
        bucket.push(ctx.action(a));
    }
    g
}
