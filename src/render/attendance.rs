//! Attendance as templates see it: a series page's ranking and matrix, and
//! an entity page's attendance by series.
//!
//! The counting is [`crate::views::ranking`]'s and the matrix
//! [`crate::views::matrix`]'s; this module turns their indices into refs
//! and decides what a cell says. A series' ranking is worked out once per
//! page and feeds the matrix its roles and totals. `docs/templates.md`
//! documents every field.

use serde::Serialize;

use super::knowledge::{SeriesLink, series_link};
use crate::graph::{EntityId, SeriesId, Site};
use crate::model::front::EntityKind;
use crate::page::{Ctx, EntityRef, MeetingRef};
use crate::views::matrix;
use crate::views::ranking::{self, Tally};

/// How much of a series an entity attended.
#[derive(Serialize)]
pub(crate) struct TallyView<'a> {
    /// Meetings attended or chaired.
    pub attended: usize,
    pub chaired: usize,
    /// Meetings of the series from its first one on.
    pub since: usize,
    /// `attended` of `since`, in whole percent.
    pub share: usize,
    /// The first and last meetings it attended.
    pub first: MeetingRef<'a>,
    pub last: MeetingRef<'a>,
}

fn tally<'a>(ctx: &Ctx<'a>, t: &Tally) -> TallyView<'a> {
    TallyView {
        attended: t.attended,
        chaired: t.chaired,
        since: t.since,
        share: t.share(),
        first: ctx.meeting(t.first),
        last: ctx.meeting(t.last),
    }
}

/// An entity in a series' ranking.
#[derive(Serialize)]
pub(crate) struct RankView<'a> {
    pub rank: usize,
    pub entity: EntityRef<'a>,
    /// Its usual role at the series' meetings.
    pub role: Option<&'a str>,
    #[serde(flatten)]
    pub tally: TallyView<'a>,
}

/// The attendance matrix.
#[derive(Serialize)]
pub(crate) struct Attendance<'a> {
    /// Columns, oldest first.
    pub meetings: Vec<MeetingRef<'a>>,
    /// Earlier meetings of the series, not shown as columns.
    pub earlier: usize,
    /// Rows by kind.
    pub groups: Vec<AttendanceGroup<'a>>,
}

#[derive(Serialize)]
pub(crate) struct AttendanceGroup<'a> {
    pub kind: &'static str,
    pub label: &'a str,
    pub rows: Vec<AttendanceRow<'a>>,
}

#[derive(Serialize)]
pub(crate) struct AttendanceRow<'a> {
    pub entity: EntityRef<'a>,
    /// Its usual role at the series' meetings.
    pub role: Option<&'a str>,
    pub cells: Vec<CellView<'a>>,
    /// Meetings of the whole series attended (or chaired), and chaired.
    pub attended: usize,
    pub chaired: usize,
}

#[derive(Serialize)]
pub(crate) struct CellView<'a> {
    /// `absent`, `present` or `chair`.
    pub kind: &'static str,
    /// The role it was listed with there, when that is not its usual role.
    pub role: Option<&'a str>,
}

/// The ranking and the matrix of series `s`.
pub(crate) fn of_series<'a>(ctx: &Ctx<'a>, s: SeriesId) -> (Vec<RankView<'a>>, Attendance<'a>) {
    let site: &'a Site = ctx.site;
    let strings: &'a crate::i18n::Strings = ctx.strings;
    let members = ranking::of_series(site, s);
    let m = matrix::of_series(site, s, &members);
    let ranking = members
        .iter()
        .map(|m| RankView {
            rank: m.rank,
            entity: ctx.entity(m.entity),
            role: m.role,
            tally: tally(ctx, &m.tally),
        })
        .collect();
    let mut groups: Vec<AttendanceGroup<'a>> = Vec::new();
    for row in m.rows {
        let kind: EntityKind = site.entities[row.entity].kind;
        if groups.last().is_none_or(|g| g.kind != kind.as_str()) {
            groups.push(AttendanceGroup {
                kind: kind.as_str(),
                label: strings.kinds(kind),
                rows: Vec::new(),
            });
        }
        let other = |r: Option<&'a str>| r.filter(|r| Some(*r) != row.role);
        let cells = row
            .cells
            .iter()
            .map(|c| match *c {
                matrix::Cell::Absent => CellView {
                    kind: "absent",
                    role: None,
                },
                matrix::Cell::Present(r) => CellView {
                    kind: "present",
                    role: other(r),
                },
                matrix::Cell::Chair(r) => CellView {
                    kind: "chair",
                    role: other(r),
                },
            })
            .collect();
        if let Some(g) = groups.last_mut() {
            g.rows.push(AttendanceRow {
                entity: ctx.entity(row.entity),
                role: row.role,
                cells,
                attended: row.attended,
                chaired: row.chaired,
            });
        }
    }
    let matrix = Attendance {
        meetings: m.meetings.iter().map(|&i| ctx.meeting(i)).collect(),
        earlier: m.earlier,
        groups,
    };
    (ranking, matrix)
}

/// An entity's attendance of one series.
#[derive(Serialize)]
pub(crate) struct SeriesAttendance<'a> {
    pub series: SeriesLink<'a>,
    #[serde(flatten)]
    pub tally: TallyView<'a>,
}

/// How much of each series entity `e` attended, most first.
pub(crate) fn of_entity<'a>(ctx: &Ctx<'a>, e: EntityId) -> Vec<SeriesAttendance<'a>> {
    ranking::of_entity(ctx.site, e)
        .iter()
        .map(|t| SeriesAttendance {
            series: series_link(ctx, t.series),
            tally: tally(ctx, &t.tally),
        })
        .collect()
}
