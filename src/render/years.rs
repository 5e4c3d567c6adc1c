//! The meetings by year: `/meetings/` is an index of the years with the
//! latest year's meetings, and `/meetings/<year>/` lists one year's
//! meetings, a row each.
//!
//! A site of 400 meetings made `/meetings/` a hundred thousand pixels tall
//! when it listed them all; a year is a page a reader can scroll. Meetings
//! are in date order, so a year's meetings are found by a binary search:
//! no page here walks the whole site. A meeting's slug is never four digits
//! alone (the parse stage refuses it), so a year's page never takes a
//! meeting's address.

use std::ops::Range;

use serde::Serialize;

use crate::graph::{Id, MeetingId, Site};
pub(crate) use crate::page::list::{dir, ranges};
use crate::page::{Ctx, MeetingSummary};
use crate::views::sparkline;

/// The meetings of `year`.
fn range(site: &Site, year: i16) -> Range<usize> {
    let meetings = &site.meetings;
    meetings.partition_point(|m| m.date.year() < year)
        ..meetings.partition_point(|m| m.date.year() <= year)
}

/// A year of meetings, as a link to its page.
#[derive(Debug, Serialize)]
pub(crate) struct YearLink {
    pub year: i16,
    /// Its page.
    pub path: String,
    /// How many meetings, and how many actions and decisions they made.
    pub meetings: usize,
    pub actions: usize,
    pub decisions: usize,
}

/// A row of the index of years.
#[derive(Debug, Serialize)]
pub(crate) struct YearRow {
    #[serde(flatten)]
    pub link: YearLink,
    /// *HTML (SVG)*: its meetings per month.
    pub activity: String,
}

/// A year and its meetings, newest first.
#[derive(Debug, Serialize)]
pub(crate) struct YearMeetings<'a> {
    #[serde(flatten)]
    pub link: YearLink,
    pub items: Vec<MeetingSummary<'a>>,
}

/// `index` (meetings.html).
#[derive(Serialize)]
pub(crate) struct MeetingsIndex<'a> {
    /// Every year with meetings, newest first.
    pub years: Vec<YearRow>,
    /// The latest year's meetings; none on a site without meetings.
    pub latest: Option<YearMeetings<'a>>,
    /// Meetings in all.
    pub total: usize,
}

/// `year` (meetings-year.html).
#[derive(Serialize)]
pub(crate) struct YearPage<'a> {
    #[serde(flatten)]
    pub meetings: YearMeetings<'a>,
    /// *HTML (SVG)*: its meetings per month.
    pub activity: String,
    /// The years before and after it that have meetings.
    pub prev: Option<YearLink>,
    pub next: Option<YearLink>,
    /// Every year with meetings, newest first.
    pub years: Vec<YearLink>,
}

fn link(ctx: &Ctx<'_>, year: i16, meetings: Range<usize>) -> YearLink {
    let all = &ctx.site.meetings[meetings];
    YearLink {
        year,
        path: ctx.urls.path(&dir(year)),
        meetings: all.len(),
        actions: all.iter().map(|m| m.actions.len()).sum(),
        decisions: all.iter().map(|m| m.decisions.len()).sum(),
    }
}

fn activity(ctx: &Ctx<'_>, year: i16, meetings: Range<usize>) -> String {
    let list: Vec<MeetingId> = meetings.map(MeetingId::new).collect();
    sparkline::draw(ctx.site, &list, sparkline::Span::year(year), ctx.strings)
}

fn year_meetings<'a>(ctx: &Ctx<'a>, year: i16, meetings: Range<usize>) -> YearMeetings<'a> {
    YearMeetings {
        link: link(ctx, year, meetings.clone()),
        items: meetings
            .rev()
            .map(|i| ctx.meeting_summary(MeetingId::new(i)))
            .collect(),
    }
}

/// The data of `/meetings/`.
pub(crate) fn index<'a>(ctx: &Ctx<'a>) -> MeetingsIndex<'a> {
    let site = ctx.site;
    let all = ranges(site);
    MeetingsIndex {
        years: all
            .iter()
            .rev()
            .map(|(year, r)| YearRow {
                link: link(ctx, *year, r.clone()),
                activity: activity(ctx, *year, r.clone()),
            })
            .collect(),
        latest: all.last().map(|(y, r)| year_meetings(ctx, *y, r.clone())),
        total: site.meetings.len(),
    }
}

/// The data of `/meetings/<year>/`.
pub(crate) fn page<'a>(ctx: &Ctx<'a>, year: i16) -> YearPage<'a> {
    let site = ctx.site;
    let all = ranges(site);
    let here = all.partition_point(|(y, _)| *y < year);
    let around = |i: Option<usize>| {
        i.and_then(|i| all.get(i))
            .map(|(y, r)| link(ctx, *y, r.clone()))
    };
    let meetings = range(site, year);
    YearPage {
        activity: activity(ctx, year, meetings.clone()),
        meetings: year_meetings(ctx, year, meetings),
        prev: around(here.checked_sub(1)),
        next: around(Some(here + 1)),
        years: all
            .iter()
            .rev()
            .map(|(y, r)| link(ctx, *y, r.clone()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::tests::site;

    #[test]
    fn years_are_the_runs_of_meetings_in_date_order() {
        let s = site(&[
            ("meetings/a.md", "---\ntitle: A\ndate: 2019-01-05\n---\n"),
            ("meetings/b.md", "---\ntitle: B\ndate: 2019-06\n---\n"),
            ("meetings/c.md", "---\ntitle: C\ndate: 2022-03-01\n---\n"),
        ]);
        assert_eq!(ranges(&s), [(2019, 0..2), (2022, 2..3)]);
        assert_eq!(range(&s, 2019), 0..2);
        assert_eq!(range(&s, 2020), 2..2);
        assert_eq!(range(&s, 2022), 2..3);
        assert_eq!(dir(2019), "meetings/2019/");
        assert!(ranges(&site(&[])).is_empty());
    }
}
