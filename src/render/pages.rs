//! The pages of a site (docs/urls.md) and the data each one's template receives.

use std::collections::BTreeMap;

use serde::Serialize;

use super::attendance::{self, SeriesAttendance};
use super::knowledge;
use super::years;
use crate::diagnostic::Diagnostic;
use crate::graph::{ActionId, DecisionId, EntityId, Id, MeetingId, Target, TopicId, ids};
use crate::markdown::Heading;
use crate::model::date::PartialDate;
use crate::model::front::{Document, EntityKind, Status};
use crate::page::{
    ActionView, Body, Counted, Ctx, DateRef, DecisionView, EntityRef, MeetingRef, MeetingSummary,
    Mentions, TopicRef, text_language,
};

pub(crate) use crate::page::Page;

/// The data of one page, under the names templates use.
pub(crate) enum Data<'a> {
    Home(Home<'a>),
    Meetings(years::MeetingsIndex<'a>),
    Year(Box<years::YearPage<'a>>),
    Meeting(Box<MeetingView<'a>>),
    Entities(Vec<KindGroup<'a>>),
    Entity(Box<EntityView<'a>>),
    Topics(Vec<TreeRow<'a>>),
    Topic(Box<TopicView<'a>>),
    Actions(Register<'a>),
    Action(Box<ActionView<'a>>),
    Decisions(DecisionLog<'a>),
    Search(SearchPage<'a>),
    Free(FreePage<'a>),
    None,
    Series(Box<knowledge::SeriesPage<'a>>),
    Map(knowledge::MapPage<'a>),
    Changes(knowledge::ChangesPage<'a>),
    ActionsPrint(knowledge::PrintRegister<'a>),
}

#[derive(Serialize)]
pub(crate) struct Home<'a> {
    pub recent: Vec<MeetingSummary<'a>>,
    /// The most urgent pending actions ([`HOME_URGENT`] at most).
    pub urgent: Vec<ActionView<'a>>,
    pub topics: Vec<TreeRow<'a>>,
    pub counts: Counts,
}

/// How many pending actions the home page shows; the register has them all.
pub(crate) const HOME_URGENT: usize = 5;

#[derive(Serialize)]
pub(crate) struct Counts {
    pub meetings: usize,
    pub entities: usize,
    pub topics: usize,
    pub actions: usize,
    pub open_actions: usize,
    pub overdue_actions: usize,
    pub decisions: usize,
}

#[derive(Serialize)]
pub(crate) struct Year<T> {
    pub year: i16,
    pub items: Vec<T>,
}

#[derive(Serialize)]
pub(crate) struct AttendeeView<'a> {
    pub entity: EntityRef<'a>,
    pub role: Option<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct UpdateView<'a> {
    pub action: Option<ActionView<'a>>,
    pub written: &'a str,
    pub status: Option<&'static str>,
    pub status_label: Option<&'a str>,
    pub note: Option<&'a str>,
    pub due: Option<DateRef<'a>>,
}

#[derive(Serialize)]
pub(crate) struct SeriesView<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    /// The series' page.
    pub path: String,
    pub meetings: usize,
    pub position: usize,
}

#[derive(Serialize)]
pub(crate) struct MeetingView<'a> {
    #[serde(flatten)]
    pub meeting: MeetingRef<'a>,
    pub series: Option<SeriesView<'a>>,
    pub location: Option<&'a str>,
    pub chair: Option<EntityRef<'a>>,
    pub attendees: Vec<AttendeeView<'a>>,
    pub entities: Vec<EntityRef<'a>>,
    pub topics: Vec<TopicRef<'a>>,
    pub actions: Vec<ActionView<'a>>,
    pub decisions: Vec<DecisionView<'a>>,
    pub updates: Vec<UpdateView<'a>>,
    pub documents: &'a [Document],
    pub draft: bool,
    pub summary: &'a str,
    pub toc: &'a [Heading],
    pub body: Body<'a>,
    /// `lang` of the minutes, when they are not in the site's language.
    pub lang: Option<&'a str>,
    /// `dir` of the minutes, when it is not the site's.
    pub dir: Option<&'static str>,
    pub prev: Option<MeetingRef<'a>>,
    pub next: Option<MeetingRef<'a>>,
    /// When its file last changed, from git history (none outside a
    /// repository, for a file never committed, or with `--no-git`).
    pub changed: Option<DateRef<'a>>,
}

#[derive(Serialize)]
pub(crate) struct KindGroup<'a> {
    pub kind: &'static str,
    pub label: &'a str,
    pub entities: Vec<EntityRow<'a>>,
}

#[derive(Serialize)]
pub(crate) struct EntityRow<'a> {
    #[serde(flatten)]
    pub entity: EntityRef<'a>,
    pub meetings: usize,
    pub actions: usize,
    pub mentions: usize,
    /// *HTML*: a sparkline of its meetings over the site's span.
    pub activity: String,
}

#[derive(Serialize, Default)]
pub(crate) struct ActionGroups<'a> {
    pub overdue: Vec<ActionView<'a>>,
    pub open: Vec<ActionView<'a>>,
    pub done: Vec<ActionView<'a>>,
    pub dropped: Vec<ActionView<'a>>,
}

/// A meeting an entity is involved in, with how.
#[derive(Serialize)]
pub(crate) struct InvolvedIn<'a> {
    #[serde(flatten)]
    pub meeting: MeetingRef<'a>,
    /// It chaired the meeting.
    pub chair: bool,
    /// It attended.
    pub attended: bool,
    /// Its role there, if the minutes give one.
    pub role: Option<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct Attended<'a> {
    pub meeting: MeetingRef<'a>,
    pub role: Option<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct EntityView<'a> {
    #[serde(flatten)]
    pub entity: EntityRef<'a>,
    pub short: Option<&'a str>,
    pub kind_label: &'a str,
    pub aliases: &'a [String],
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub description: Body<'a>,
    pub ancestors: Vec<EntityRef<'a>>,
    pub children: Vec<EntityRef<'a>>,
    pub affiliation: Option<EntityRef<'a>>,
    pub members: Vec<EntityRef<'a>>,
    pub attended: Vec<Attended<'a>>,
    pub chaired: Vec<MeetingRef<'a>>,
    /// Every meeting it is involved in, by year, newest first.
    pub meetings: Vec<Year<InvolvedIn<'a>>>,
    /// How many meetings that is.
    pub meeting_count: usize,
    /// How much of each series it attended, most first.
    pub attendance: Vec<SeriesAttendance<'a>>,
    pub actions: ActionGroups<'a>,
    pub mentions: Mentions<'a>,
    pub related: Vec<Counted<EntityRef<'a>>>,
    pub topics: Vec<Counted<TopicRef<'a>>>,
    /// Its activity timeline and relationship map.
    #[serde(flatten)]
    pub pictures: knowledge::Pictures,
}

#[derive(Serialize)]
pub(crate) struct TreeRow<'a> {
    #[serde(flatten)]
    pub topic: TopicRef<'a>,
    pub depth: usize,
    pub meetings: usize,
    pub actions: usize,
    /// *HTML*: a sparkline of its meetings over the site's span.
    pub activity: String,
}

#[derive(Serialize)]
pub(crate) struct TopicView<'a> {
    #[serde(flatten)]
    pub topic: TopicRef<'a>,
    pub aliases: &'a [String],
    pub description: Body<'a>,
    pub ancestors: Vec<TopicRef<'a>>,
    pub children: Vec<TopicRef<'a>>,
    pub timeline: Vec<Year<MeetingRef<'a>>>,
    pub meetings: usize,
    pub actions: ActionGroups<'a>,
    pub decisions: Vec<DecisionView<'a>>,
    pub entities: Vec<Counted<EntityRef<'a>>>,
    pub mentions: Mentions<'a>,
    /// Its activity timeline and relationship map.
    #[serde(flatten)]
    pub pictures: knowledge::Pictures,
}

/// How many of the finished actions (done, dropped) the register lists; the
/// rest are on their meetings' and owners' pages, in `actions.csv` and in search.
pub(crate) const REGISTER_FINISHED: usize = 100;

#[derive(Serialize)]
pub(crate) struct Register<'a> {
    /// Overdue and open actions, all of them; done and dropped, the most recent.
    #[serde(flatten)]
    pub groups: ActionGroups<'a>,
    /// How many actions each group has in all.
    pub counts: StatusCounts,
    /// Every owner with the number of actions in each group, by name.
    pub owners: Vec<OwnerCounts<'a>>,
    pub total: usize,
}

/// Actions by state.
#[derive(Serialize, Default, Clone, Copy)]
pub(crate) struct StatusCounts {
    pub overdue: usize,
    pub open: usize,
    pub done: usize,
    pub dropped: usize,
    pub total: usize,
}

impl StatusCounts {
    fn add(&mut self, a: &crate::graph::Action) {
        match a.status {
            _ if a.overdue => self.overdue += 1,
            Status::Open | Status::InProgress => self.open += 1,
            Status::Done => self.done += 1,
            Status::Dropped => self.dropped += 1,
        }
        self.total += 1;
    }
}

/// An owner and how many actions it has in each state.
#[derive(Serialize)]
pub(crate) struct OwnerCounts<'a> {
    pub owner: EntityRef<'a>,
    #[serde(flatten)]
    pub counts: StatusCounts,
}

#[derive(Serialize)]
pub(crate) struct TopicDecisions<'a> {
    pub topic: TopicRef<'a>,
    pub decisions: Vec<DecisionView<'a>>,
}

#[derive(Serialize)]
pub(crate) struct DecisionLog<'a> {
    /// How many decisions.
    pub count: usize,
    /// Every decision by the year of its meeting, newest first.
    pub years: Vec<Year<DecisionView<'a>>>,
    pub by_topic: Vec<TopicDecisions<'a>>,
}

#[derive(Serialize)]
pub(crate) struct FreePage<'a> {
    pub title: &'a str,
    pub slug: &'a str,
    pub toc: &'a [Heading],
    pub body: Body<'a>,
}

/// Builds the data of `page`; fails when a body it shows cannot be read again.
pub(crate) fn data<'a>(ctx: &Ctx<'a>, page: Page) -> Result<Data<'a>, Diagnostic> {
    Ok(match page {
        Page::Home => Data::Home(home(ctx)),
        Page::Meetings => Data::Meetings(years::index(ctx)),
        Page::Year(y) => Data::Year(Box::new(years::page(ctx, y))),
        Page::Meeting(i) => Data::Meeting(Box::new(meeting(ctx, i, &page.dir(ctx))?)),
        Page::Entities => Data::Entities(entity_groups(ctx)),
        Page::Entity(i) => Data::Entity(Box::new(entity(ctx, i, &page.dir(ctx))?)),
        Page::Topics => Data::Topics(tree(ctx)),
        Page::Topic(i) => Data::Topic(Box::new(topic(ctx, i, &page.dir(ctx))?)),
        Page::Actions => Data::Actions(register(ctx)),
        Page::Action(i) => Data::Action(Box::new(ctx.action(i))),
        Page::Decisions => Data::Decisions(decision_log(ctx)),
        Page::Search => Data::Search(search_page(ctx)),
        Page::Free(i) => {
            let p = &ctx.site.free_pages[i];
            Data::Free(FreePage {
                title: &p.doc.front.title,
                slug: p.slug.as_str(),
                toc: &p.doc.outline.headings,
                body: Body::new(
                    ctx,
                    p.doc.body()?,
                    &p.doc.outline.headings,
                    Target::FreePage(i),
                    &page.dir(ctx),
                ),
            })
        }
        Page::NotFound => Data::None,
        Page::Series(i) => Data::Series(Box::new(knowledge::series_page(ctx, i))),
        Page::Map => Data::Map(knowledge::map_page(ctx, &page.dir(ctx))),
        Page::Changes => Data::Changes(knowledge::changes_page(ctx)),
        Page::ActionsPrint => Data::ActionsPrint(knowledge::print_register(ctx)),
    })
}

fn home<'a>(ctx: &Ctx<'a>) -> Home<'a> {
    let s = ctx.site;
    let recent = ids(&s.meetings)
        .rev()
        .take(10)
        .map(|i| ctx.meeting_summary(i))
        .collect();
    let pending: Vec<ActionId> = ids(&s.actions)
        .filter(|&i| s.actions[i].status.is_pending())
        .collect();
    let overdue = pending.iter().filter(|&&i| s.actions[i].overdue).count();
    Home {
        counts: Counts {
            meetings: s.meetings.len(),
            entities: s.entities.len(),
            topics: s.topics.len(),
            actions: s.actions.len(),
            open_actions: pending.len(),
            overdue_actions: overdue,
            decisions: s.decisions.len(),
        },
        recent,
        urgent: ctx.actions(&urgent(s, pending)),
        topics: tree(ctx).into_iter().filter(|r| r.depth == 0).collect(),
    }
}

/// The most urgent of the `pending` actions: the overdue, the most recently
/// due first; then those due soonest; then the newest without a due date.
fn urgent(s: &crate::graph::Site, mut pending: Vec<ActionId>) -> Vec<ActionId> {
    use std::cmp::Reverse;
    pending.sort_by_key(|&i| {
        let a = &s.actions[i];
        match a.due {
            Some(due) if a.overdue => (0, Some(Reverse(due)), None, Reverse(i)),
            Some(due) => (1, None, Some(due), Reverse(i)),
            None => (2, None, None, Reverse(i)),
        }
    });
    pending.truncate(HOME_URGENT);
    pending
}

/// Groups items by year, in the order given.
fn by_year<'a, T>(
    ctx: &Ctx<'a>,
    meetings: impl Iterator<Item = MeetingId>,
    view: impl Fn(&Ctx<'a>, MeetingId) -> T,
) -> Vec<Year<T>> {
    let mut years: Vec<Year<T>> = Vec::new();
    for i in meetings {
        let year = ctx.site.meetings[i].date.year();
        if years.last().is_none_or(|y| y.year != year) {
            years.push(Year {
                year,
                items: Vec::new(),
            });
        }
        if let Some(y) = years.last_mut() {
            y.items.push(view(ctx, i));
        }
    }
    years
}

fn meeting<'a>(ctx: &Ctx<'a>, i: MeetingId, dir: &str) -> Result<MeetingView<'a>, Diagnostic> {
    let m = &ctx.site.meetings[i];
    let doc = &m.doc;
    let (lang, text_dir) = text_language(ctx.config, doc.front.language.as_ref());
    Ok(MeetingView {
        meeting: ctx.meeting(i),
        series: m.series.map(|s| {
            let series = &ctx.site.series[s];
            SeriesView {
                name: &series.name,
                slug: series.slug.as_str(),
                path: ctx.urls.path(&knowledge::series_dir(ctx.site, s)),
                meetings: series.meetings.len(),
                // A series' meetings are in meeting order.
                position: series.meetings.binary_search(&i).map_or(0, |p| p + 1),
            }
        }),
        location: doc.front.location.as_deref(),
        chair: m.chair.map(|c| ctx.entity(c)),
        attendees: m
            .attendees
            .iter()
            .map(|a| AttendeeView {
                entity: ctx.entity(a.entity),
                role: a.role.as_deref(),
            })
            .collect(),
        entities: ctx.entities(&m.entities),
        topics: ctx.topics(&m.topics),
        actions: ctx.actions(&m.actions),
        decisions: ctx.decisions(&m.decisions),
        updates: m
            .updates
            .iter()
            .map(|u| UpdateView {
                action: u.action.map(|a| ctx.action(a)),
                written: &u.written,
                status: u.status.map(Status::as_str),
                status_label: u.status.map(|s| ctx.strings.status(s)),
                note: u.note.as_deref(),
                due: u.due.map(|d| ctx.date(d)),
            })
            .collect(),
        documents: &m.documents,
        draft: doc.front.draft,
        summary: m.summary(),
        toc: &doc.outline.headings,
        body: Body::new(
            ctx,
            doc.body()?,
            &doc.outline.headings,
            Target::Meeting(i),
            dir,
        ),
        lang,
        dir: text_dir,
        prev: m.prev.map(|p| ctx.meeting(p)),
        next: m.next.map(|n| ctx.meeting(n)),
        changed: ctx
            .site
            .history
            .changed(&doc.source.path)
            .map(|d| ctx.date(PartialDate::from_date(d))),
    })
}

fn entity_groups<'a>(ctx: &Ctx<'a>) -> Vec<KindGroup<'a>> {
    let s = ctx.site;
    let mut order: Vec<EntityId> = ids(&s.entities).collect();
    order.sort_by_cached_key(|&i| (s.entities[i].name.to_lowercase(), i));
    let sparklines = knowledge::Sparklines::new(s, ctx.strings);
    EntityKind::ALL
        .iter()
        .map(|&kind| KindGroup {
            kind: kind.as_str(),
            label: ctx.strings.kinds(kind),
            entities: order
                .iter()
                .filter(|&&i| s.entities[i].kind == kind)
                .map(|&i| EntityRow {
                    entity: ctx.entity(i),
                    meetings: s.entities[i].meetings.len(),
                    actions: s.entities[i].actions.len(),
                    mentions: s.entities[i].backlinks.iter().map(|b| b.len()).sum(),
                    activity: sparklines.of(&s.entities[i].meetings),
                })
                .collect(),
        })
        .filter(|g: &KindGroup| !g.entities.is_empty())
        .collect()
}

fn action_groups<'a>(ctx: &Ctx<'a>, list: &[ActionId]) -> ActionGroups<'a> {
    let mut g = ActionGroups::default();
    for &a in list.iter().rev() {
        let action = &ctx.site.actions[a];
        let bucket = match action.status {
            _ if action.overdue => &mut g.overdue,
            Status::Open | Status::InProgress => &mut g.open,
            Status::Done => &mut g.done,
            Status::Dropped => &mut g.dropped,
        };
        bucket.push(ctx.action(a));
    }
    g
}

/// The ancestors of `start` by `parents`, the furthest first; a loop is cut
/// where it closes, and at most `limit` are given.
pub(super) fn ancestors<I: Id>(parents: impl Fn(I) -> Option<I>, start: I, limit: usize) -> Vec<I> {
    let mut out = Vec::new();
    let mut cur = parents(start);
    while let Some(p) = cur {
        if out.contains(&p) || out.len() > limit {
            break;
        }
        out.push(p);
        cur = parents(p);
    }
    out.reverse();
    out
}

fn entity<'a>(ctx: &Ctx<'a>, i: EntityId, dir: &str) -> Result<EntityView<'a>, Diagnostic> {
    let s = ctx.site;
    let e = &s.entities[i];
    let description = match e.doc.file() {
        Some(d) => Body::new(ctx, d.body()?, &d.outline.headings, Target::Entity(i), dir),
        None => Body::none(),
    };
    let newest_first =
        |v: &[MeetingId]| v.iter().rev().map(|&m| ctx.meeting(m)).collect::<Vec<_>>();
    let pictures = knowledge::entity_pictures(ctx, i, dir);
    Ok(EntityView {
        entity: ctx.entity(i),
        short: e.short.as_deref(),
        kind_label: ctx.strings.kind(e.kind),
        aliases: &e.aliases,
        title: e.title.as_deref(),
        url: e.url.as_deref(),
        description,
        ancestors: ctx.entities(&ancestors(|k| s.entities[k].parent, i, s.entities.len())),
        children: ctx.entities(&e.children),
        affiliation: e.affiliation.map(|a| ctx.entity(a)),
        members: ctx.entities(&e.members),
        attended: e
            .attended
            .iter()
            .rev()
            .map(|(m, role)| Attended {
                meeting: ctx.meeting(*m),
                role: role.as_deref(),
            })
            .collect(),
        chaired: newest_first(&e.chaired),
        meetings: by_year(ctx, e.meetings.iter().rev().copied(), |ctx, m| {
            // Both lists are in meeting order, as `meetings` is.
            let attendance = e
                .attended
                .binary_search_by_key(&m, |(a, _)| *a)
                .ok()
                .map(|i| &e.attended[i]);
            InvolvedIn {
                meeting: ctx.meeting(m),
                chair: e.chaired.binary_search(&m).is_ok(),
                attended: attendance.is_some(),
                role: attendance.and_then(|(_, r)| r.as_deref()),
            }
        }),
        meeting_count: e.meetings.len(),
        attendance: attendance::of_entity(ctx, i),
        actions: action_groups(ctx, &e.actions),
        mentions: ctx.mentions(&e.backlinks),
        related: e
            .related
            .iter()
            .map(|&(r, n)| Counted {
                item: ctx.entity(r),
                count: n,
            })
            .collect(),
        topics: e
            .topics
            .iter()
            .map(|&(t, n)| Counted {
                item: ctx.topic(t),
                count: n,
            })
            .collect(),
        pictures,
    })
}

/// The topic tree, depth first, children by name.
fn tree<'a>(ctx: &Ctx<'a>) -> Vec<TreeRow<'a>> {
    let s = ctx.site;
    let mut roots: Vec<TopicId> = ids(&s.topics)
        .filter(|&i| s.topics[i].parent.is_none())
        .collect();
    roots.sort_by_cached_key(|&i| s.topics[i].name.to_lowercase());
    let mut rows = Vec::new();
    let sparklines = knowledge::Sparklines::new(s, ctx.strings);
    let mut stack: Vec<(TopicId, usize)> = roots.into_iter().rev().map(|r| (r, 0)).collect();
    while let Some((t, depth)) = stack.pop() {
        rows.push(TreeRow {
            topic: ctx.topic(t),
            depth,
            meetings: s.topics[t].meetings.len(),
            actions: s.topics[t].actions.len(),
            activity: sparklines.of(&s.topics[t].meetings),
        });
        stack.extend(s.topics[t].children.iter().rev().map(|&c| (c, depth + 1)));
    }
    rows
}

fn topic<'a>(ctx: &Ctx<'a>, i: TopicId, dir: &str) -> Result<TopicView<'a>, Diagnostic> {
    let s = ctx.site;
    let t = &s.topics[i];
    let pictures = knowledge::topic_pictures(ctx, i, dir);
    Ok(TopicView {
        topic: ctx.topic(i),
        aliases: &t.aliases,
        description: match t.doc.file() {
            Some(d) => Body::new(ctx, d.body()?, &d.outline.headings, Target::Topic(i), dir),
            None => Body::none(),
        },
        ancestors: ctx.topics(&ancestors(|k| s.topics[k].parent, i, s.topics.len())),
        children: ctx.topics(&t.children),
        timeline: by_year(ctx, t.meetings.iter().rev().copied(), |c, m| c.meeting(m)),
        meetings: t.meetings.len(),
        actions: action_groups(ctx, &t.actions),
        decisions: t.decisions.iter().rev().map(|&d| ctx.decision(d)).collect(),
        entities: t
            .entities
            .iter()
            .map(|&(e, n)| Counted {
                item: ctx.entity(e),
                count: n,
            })
            .collect(),
        mentions: ctx.mentions(&t.backlinks),
        pictures,
    })
}

fn register<'a>(ctx: &Ctx<'a>) -> Register<'a> {
    let s = ctx.site;
    let mut counts = StatusCounts::default();
    let mut by_owner: BTreeMap<(String, EntityId), StatusCounts> = BTreeMap::new();
    for action in &s.actions {
        counts.add(action);
        for &o in &action.owners {
            by_owner
                .entry((s.entities[o].name.to_lowercase(), o))
                .or_default()
                .add(action);
        }
    }
    // Newest first; done and dropped only as far as the register lists them.
    let (mut done, mut dropped) = (0, 0);
    let listed: Vec<ActionId> = ids(&s.actions)
        .rev()
        .filter(|&i| {
            let a = &s.actions[i];
            let n = match a.status {
                Status::Done if !a.overdue => &mut done,
                Status::Dropped if !a.overdue => &mut dropped,
                _ => return true,
            };
            *n += 1;
            *n <= REGISTER_FINISHED
        })
        .collect();
    // action_groups lists newest first from a list in meeting order.
    let listed: Vec<ActionId> = listed.into_iter().rev().collect();
    Register {
        groups: action_groups(ctx, &listed),
        counts,
        owners: by_owner
            .into_iter()
            .map(|((_, o), counts)| OwnerCounts {
                owner: ctx.entity(o),
                counts,
            })
            .collect(),
        total: s.actions.len(),
    }
}

fn decision_log<'a>(ctx: &Ctx<'a>) -> DecisionLog<'a> {
    let s = ctx.site;
    let newest: Vec<DecisionId> = ids(&s.decisions).rev().collect();
    let mut by_topic: BTreeMap<(String, TopicId), Vec<DecisionId>> = BTreeMap::new();
    for &d in &newest {
        for &t in &s.decisions[d].topics {
            by_topic
                .entry((s.topics[t].name.to_lowercase(), t))
                .or_default()
                .push(d);
        }
    }
    let mut years: Vec<Year<DecisionView<'a>>> = Vec::new();
    for &d in &newest {
        let year = s.meetings[s.decisions[d].meeting].date.year();
        if years.last().is_none_or(|y| y.year != year) {
            years.push(Year {
                year,
                items: Vec::new(),
            });
        }
        if let Some(y) = years.last_mut() {
            y.items.push(ctx.decision(d));
        }
    }
    DecisionLog {
        count: newest.len(),
        years,
        by_topic: by_topic
            .into_iter()
            .map(|((_, t), list)| TopicDecisions {
                topic: ctx.topic(t),
                decisions: ctx.decisions(&list),
            })
            .collect(),
    }
}

/// The search page's filters: the values its selects offer.
#[derive(Serialize)]
pub(crate) struct SearchPage<'a> {
    /// Kinds that have documents: `value` (`meeting`, …), `label`, `count`.
    pub kinds: Vec<FilterOption<'a>>,
    /// Years of meetings, newest first.
    pub years: Vec<i16>,
    /// Topics with meetings or actions, by name (`value` is the slug).
    pub topics: Vec<FilterOption<'a>>,
    /// Entities with meetings or actions, by kind then name (`value` is the slug).
    pub entities: Vec<FilterGroup<'a>>,
}

/// An option of a search filter.
#[derive(Serialize)]
pub(crate) struct FilterOption<'a> {
    pub value: &'a str,
    pub label: &'a str,
    /// Meetings and actions (documents, for kinds).
    pub count: usize,
}

/// Options under a heading.
#[derive(Serialize)]
pub(crate) struct FilterGroup<'a> {
    pub label: &'a str,
    pub options: Vec<FilterOption<'a>>,
}

fn search_page<'a>(ctx: &Ctx<'a>) -> SearchPage<'a> {
    let s = ctx.site;
    let kinds = [
        ("meeting", ctx.strings.get("meetings"), s.meetings.len()),
        ("entity", ctx.strings.get("entities"), s.entities.len()),
        ("topic", ctx.strings.get("topics"), s.topics.len()),
        ("action", ctx.strings.get("actions"), s.actions.len()),
        ("page", ctx.strings.get("pages"), s.free_pages.len()),
    ];
    let mut years: Vec<i16> = s.meetings.iter().map(|m| m.date.year()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let mut topics: Vec<FilterOption<'a>> = s
        .topics
        .iter()
        .filter(|t| !t.meetings.is_empty() || !t.actions.is_empty())
        .map(|t| FilterOption {
            value: t.slug.as_str(),
            label: &t.name,
            count: t.meetings.len() + t.actions.len(),
        })
        .collect();
    topics.sort_by_cached_key(|o| (o.label.to_lowercase(), o.value));
    let entities = entity_groups(ctx)
        .into_iter()
        .map(|g| FilterGroup {
            label: g.label,
            options: g
                .entities
                .into_iter()
                .filter(|e| e.meetings + e.actions > 0)
                .map(|e| FilterOption {
                    value: e.entity.slug,
                    label: e.entity.name,
                    count: e.meetings + e.actions,
                })
                .collect(),
        })
        .filter(|g| !g.options.is_empty())
        .collect();
    SearchPage {
        kinds: kinds
            .into_iter()
            .filter(|k| k.2 > 0)
            .map(|(value, label, count)| FilterOption {
                value,
                label,
                count,
            })
            .collect(),
        years,
        topics,
        entities,
    }
}
