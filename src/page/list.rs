//! The pages of a site (docs/urls.md): which there are, where each is
//! written, its template, kind and title. The renderer renders this list
//! and the sitemap lists it, so the two can never disagree.

use std::ops::Range;

use super::Ctx;
use crate::graph::{
    ActionId, EntityId, FreePageId, MeetingId, RefKind, SeriesId, Site, Target, TopicId, ids,
};
use crate::i18n::Arg;

/// One page of output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Page {
    Home,
    Meetings,
    /// `/meetings/<year>/`: the meetings of a year.
    Year(i16),
    Meeting(MeetingId),
    Entities,
    Entity(EntityId),
    Topics,
    Topic(TopicId),
    Actions,
    Action(ActionId),
    Decisions,
    Search,
    Free(FreePageId),
    NotFound,
    /// `/series/<slug>/`: a series, its attendance, actions and decisions.
    Series(SeriesId),
    /// `/map/`: the main entities and topics and how they are linked.
    Map,
    /// `/changes/`: what the latest meetings changed.
    Changes,
    /// `/actions/print/`: the action register by owner, for print.
    ActionsPrint,
}

impl Page {
    /// Every page of the site.
    pub(crate) fn all(ctx: &Ctx<'_>) -> Vec<Page> {
        let s = ctx.site;
        let mut pages = vec![
            Page::Home,
            Page::Meetings,
            Page::Entities,
            Page::Topics,
            Page::Actions,
            Page::Decisions,
            Page::Search,
            Page::NotFound,
        ];
        pages.extend(ranges(s).into_iter().map(|(y, _)| Page::Year(y)));
        pages.extend(ids(&s.meetings).map(Page::Meeting));
        pages.extend(ids(&s.entities).map(Page::Entity));
        pages.extend(ids(&s.topics).map(Page::Topic));
        pages.extend(ids(&s.actions).map(Page::Action));
        pages.extend(ids(&s.free_pages).map(Page::Free));
        pages.extend([Page::Map, Page::Changes, Page::ActionsPrint]);
        pages.extend(ids(&s.series).map(Page::Series));
        pages
    }

    /// Whether the page lists a whole kind of the site's pages at once (all
    /// meetings, all actions, a series' meetings), so that its template
    /// values grow with the site.
    pub(crate) fn lists_site(self) -> bool {
        !matches!(
            self,
            Page::Meeting(_)
                | Page::Entity(_)
                | Page::Topic(_)
                | Page::Action(_)
                | Page::Free(_)
                | Page::Home
                | Page::Search
                | Page::NotFound
        )
    }

    /// The page's directory from the site root (`meetings/x/`); `404.html` for the not-found page.
    pub(crate) fn dir(self, ctx: &Ctx<'_>) -> String {
        match self {
            Page::Home => String::new(),
            Page::Meetings => "meetings/".into(),
            Page::Year(y) => dir(y),
            Page::Entities => "entities/".into(),
            Page::Topics => "topics/".into(),
            Page::Actions => "actions/".into(),
            Page::Decisions => "decisions/".into(),
            Page::Search => "search/".into(),
            Page::NotFound => "404.html".into(),
            Page::Meeting(i) => ctx.site.path(Target::Meeting(i)),
            Page::Entity(i) => ctx.site.path(Target::Entity(i)),
            Page::Topic(i) => ctx.site.path(Target::Topic(i)),
            Page::Action(i) => ctx.site.path(Target::Action(i)),
            Page::Free(i) => ctx.site.path(Target::FreePage(i)),
            Page::Series(i) => series_dir(ctx.site, i),
            Page::Map => "map/".into(),
            Page::Changes => "changes/".into(),
            Page::ActionsPrint => print_dir(ctx.site),
        }
    }

    /// The file the page is written to, relative to the output folder.
    pub(crate) fn file(self, ctx: &Ctx<'_>) -> String {
        let dir = self.dir(ctx);
        if dir.ends_with(".html") {
            dir
        } else {
            format!("{dir}index.html")
        }
    }

    /// The template that renders it.
    pub(crate) fn template(self) -> &'static str {
        match self {
            Page::Home => "index.html",
            Page::Meetings => "meetings.html",
            Page::Year(_) => "meetings-year.html",
            Page::Meeting(_) => "meeting.html",
            Page::Entities => "entities.html",
            Page::Entity(_) => "entity.html",
            Page::Topics => "topics.html",
            Page::Topic(_) => "topic.html",
            Page::Actions => "actions.html",
            Page::Action(_) => "action.html",
            Page::Decisions => "decisions.html",
            Page::Search => "search.html",
            Page::Free(_) => "page.html",
            Page::NotFound => "404.html",
            Page::Series(_) => "series.html",
            Page::Map => "map.html",
            Page::Changes => "changes.html",
            Page::ActionsPrint => "actions-print.html",
        }
    }

    /// `kind` as templates see it.
    pub(crate) fn kind(self) -> &'static str {
        match self {
            Page::Home => "home",
            Page::Meetings => "meetings",
            Page::Year(_) => "meetings-year",
            Page::Meeting(_) => "meeting",
            Page::Entities => "entities",
            Page::Entity(_) => "entity",
            Page::Topics => "topics",
            Page::Topic(_) => "topic",
            Page::Actions => "actions",
            Page::Action(_) => "action",
            Page::Decisions => "decisions",
            Page::Search => "search",
            Page::Free(_) => "page",
            Page::NotFound => "404",
            Page::Series(_) => "series",
            Page::Map => "map",
            Page::Changes => "changes",
            Page::ActionsPrint => "actions-print",
        }
    }

    /// The content file the page is made from, relative to the site's
    /// folder: meetings, free pages, and entities and topics that have a
    /// file (not stubs).
    pub(crate) fn source<'a>(self, ctx: &Ctx<'a>) -> Option<&'a std::path::Path> {
        let s = ctx.site;
        match self {
            Page::Meeting(i) => Some(&s.meetings[i].doc.source.path),
            Page::Entity(i) => s.entities[i].doc.file().map(|d| d.source.path.as_path()),
            Page::Topic(i) => s.topics[i].doc.file().map(|d| d.source.path.as_path()),
            Page::Free(i) => Some(&s.free_pages[i].doc.source.path),
            _ => None,
        }
    }

    /// The page's title.
    pub(crate) fn title(self, ctx: &Ctx<'_>) -> String {
        let t = ctx.strings;
        match self {
            Page::Home => ctx.config.title.clone(),
            Page::Meetings => t.get("meetings").into(),
            Page::Year(y) => t.format("meetings_in_year", &[("year", Arg::Text(&y.to_string()))]),
            Page::Entities => t.get("entities").into(),
            Page::Topics => t.get("topics").into(),
            Page::Actions => t.get("actions").into(),
            Page::Decisions => t.get("decisions").into(),
            Page::Search => t.get("search").into(),
            Page::NotFound => t.get("page_not_found").into(),
            Page::Meeting(i) => ctx.site.meetings[i].doc.front.title.clone(),
            Page::Entity(i) => ctx.site.entities[i].name.clone(),
            Page::Topic(i) => ctx.site.topics[i].name.clone(),
            Page::Action(i) => action_title(&ctx.site.actions[i], t.get("action")),
            Page::Free(i) => ctx.site.free_pages[i].doc.front.title.clone(),
            Page::Series(i) => ctx.site.series[i].name.clone(),
            Page::Map => t.get("map").into(),
            Page::Changes => t.get("what_changed").into(),
            Page::ActionsPrint => t.get("register_by_owner").into(),
        }
    }
}

/// How long an action's text may be in its page's title.
const ACTION_TITLE: usize = 80;

/// An action's page title: its text, cut short, then its id (as an issue
/// is "Title · #123").
fn action_title(a: &crate::graph::Action, action: &str) -> String {
    let text = a.text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return format!("{action} {}", a.id);
    }
    format!(
        "{} · {action} {}",
        crate::markdown::truncate_words(&text, ACTION_TITLE),
        a.id
    )
}

/// The directory of the page of `year`'s meetings.
pub(crate) fn dir(year: i16) -> String {
    format!("meetings/{year:04}/")
}

/// The years that have meetings, oldest first, each with the range of its
/// meetings (indices into the site's meetings, which are in date order).
pub(crate) fn ranges(site: &Site) -> Vec<(i16, Range<usize>)> {
    let meetings = &site.meetings;
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(m) = meetings.get(start) {
        let year = m.date.year();
        let end = start + meetings[start..].partition_point(|m| m.date.year() <= year);
        out.push((year, start..end));
        start = end;
    }
    out
}

/// The directory of a series' page.
pub(crate) fn series_dir(site: &Site, s: SeriesId) -> String {
    format!("series/{}/", site.series[s].slug)
}

/// The directory of the printable register: `actions/print/`, unless an
/// action's own page has that path (an action with the id `print`); then
/// `actions/print-2/`, and so on.
pub(crate) fn print_dir(site: &Site) -> String {
    // Every action is indexed by its slug (refs may name it so): one lookup.
    let taken = |name: &str| {
        site.index
            .get(RefKind::Action, name)
            .iter()
            .any(|t| matches!(t, Target::Action(a) if site.actions[*a].slug.as_str() == name))
    };
    let mut name = String::from("print");
    let mut n = 2;
    while taken(&name) {
        name = format!("print-{n}");
        n += 1;
    }
    format!("actions/{name}/")
}
