//! Attendance matrices: who came to the recent meetings of a series.
//!
//! Columns are the series' most recent meetings (at most [`COLUMNS`], oldest
//! first, so a wide series stays a table one can read and print); rows are
//! the entities that chaired or attended any of them, by kind, then by how
//! often they came, then by name. A row carries the entity's usual role and
//! its totals over the whole series from the series' [ranking]; a cell says
//! whether it was there, in the chair or not, and the role it was listed
//! with. The cost is the shown meetings times their attendees.
//!
//! It holds indices and borrowed roles only: the render stage turns them
//! into links and text. It must never depend on anything but the graph.
//!
//! [ranking]: super::ranking

use std::cmp::Reverse;
use std::collections::HashMap;

use super::ranking::Member;
use crate::graph::{EntityId, MeetingId, SeriesId, Site};
use crate::model::front::EntityKind;

/// The most meetings a matrix shows as columns.
pub(crate) const COLUMNS: usize = 24;

/// An entity at one meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cell<'a> {
    /// Not listed.
    Absent,
    /// Listed as an attendee, with the role given there, if any.
    Present(Option<&'a str>),
    /// In the chair, with the role it was also listed with, if any.
    Chair(Option<&'a str>),
}

/// One entity's attendance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row<'a> {
    pub entity: EntityId,
    /// Its usual role at the series' meetings.
    pub role: Option<&'a str>,
    /// One cell per column.
    pub cells: Vec<Cell<'a>>,
    /// Meetings of the whole series it attended or chaired.
    pub attended: usize,
    /// Meetings of the whole series it chaired.
    pub chaired: usize,
}

/// A series' attendance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Matrix<'a> {
    /// The meetings shown, oldest first.
    pub meetings: Vec<MeetingId>,
    /// Earlier meetings of the series not shown (they count in the totals).
    pub earlier: usize,
    /// By kind ([`EntityKind::ALL`] order), then attendance shown, then name.
    pub rows: Vec<Row<'a>>,
}

/// The matrix of series `s`, whose ranking is `members`
/// ([`super::ranking::of_series`]).
pub(crate) fn of_series<'a>(site: &'a Site, s: SeriesId, members: &[Member<'a>]) -> Matrix<'a> {
    let all = &site.series[s].meetings;
    let shown = &all[all.len().saturating_sub(COLUMNS)..];
    let member: HashMap<EntityId, &Member> = members.iter().map(|m| (m.entity, m)).collect();
    let mut rows: HashMap<EntityId, Row> = HashMap::new();
    for (col, &m) in shown.iter().enumerate() {
        let meeting = &site.meetings[m];
        let mut cells: Vec<(EntityId, Cell)> = meeting
            .attendees
            .iter()
            .map(|a| (a.entity, Cell::Present(a.role.as_deref())))
            .collect();
        if let Some(c) = meeting.chair {
            let role = meeting
                .attendees
                .iter()
                .find(|a| a.entity == c)
                .and_then(|a| a.role.as_deref());
            cells.push((c, Cell::Chair(role)));
        }
        for (e, cell) in cells {
            let row = rows.entry(e).or_insert_with(|| {
                let m = member.get(&e);
                Row {
                    entity: e,
                    role: m.and_then(|m| m.role),
                    cells: vec![Cell::Absent; shown.len()],
                    attended: m.map_or(0, |m| m.tally.attended),
                    chaired: m.map_or(0, |m| m.tally.chaired),
                }
            });
            row.cells[col] = cell;
        }
    }
    let kind_order = |k: EntityKind| EntityKind::ALL.iter().position(|&x| x == k);
    let mut rows: Vec<Row> = rows.into_values().collect();
    rows.sort_by_cached_key(|r| {
        let e = &site.entities[r.entity];
        let here = r.cells.iter().filter(|c| **c != Cell::Absent).count();
        (
            kind_order(e.kind),
            Reverse(here),
            e.name.to_lowercase(),
            r.entity,
        )
    });
    Matrix {
        meetings: shown.to_vec(),
        earlier: all.len() - shown.len(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Id;
    use crate::views::ranking;
    use crate::views::tests::{entity, site};

    #[test]
    fn cells_say_chair_role_and_presence() {
        let s = site(&[
            ("entities/ann.md", "---\nname: Ann\nkind: person\n---\n"),
            (
                "entities/org.md",
                "---\nname: Org\nkind: organization\n---\n",
            ),
            (
                "meetings/a.md",
                "---\ntitle: A\ndate: 2024-01-01\nseries: S\nchair: Ann\nattendees: [{ ref: Org, role: Host & <guest> }]\n---\n",
            ),
            (
                "meetings/b.md",
                "---\ntitle: B\ndate: 2024-02-01\nseries: S\nchair: Org\nattendees: [Ann, { ref: Org, role: Rapporteur }]\n---\n",
            ),
        ]);
        let m = of_series(
            &s,
            SeriesId::new(0),
            &ranking::of_series(&s, SeriesId::new(0)),
        );
        assert_eq!(m.meetings, [0, 1].map(MeetingId::new));
        assert_eq!(m.earlier, 0);
        let org = entity(&s, "Org");
        let ann = entity(&s, "Ann");
        // Organizations before people (EntityKind::ALL order).
        assert_eq!(
            m.rows.iter().map(|r| r.entity).collect::<Vec<_>>(),
            [org, ann]
        );
        assert_eq!(
            m.rows[0].cells,
            [
                Cell::Present(Some("Host & <guest>")),
                Cell::Chair(Some("Rapporteur"))
            ]
        );
        assert_eq!(m.rows[1].cells, [Cell::Chair(None), Cell::Present(None)]);
        // Org was given two roles once each: the later one is its usual role.
        assert_eq!((m.rows[0].role, m.rows[1].role), (Some("Rapporteur"), None));
        assert_eq!((m.rows[0].attended, m.rows[0].chaired), (2, 1));
        assert_eq!((m.rows[1].attended, m.rows[1].chaired), (2, 1));
    }

    #[test]
    fn long_series_show_their_latest_meetings() {
        let files: Vec<(String, String)> = (1..=30)
            .map(|i| {
                let who = if i == 1 { "Old" } else { "New" };
                (
                    format!("meetings/m{i:02}.md"),
                    format!("---\ntitle: M{i}\ndate: 2024-01-{i:02}\nseries: S\nattendees: [{who}]\n---\n"),
                )
            })
            .collect();
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let s = site(&refs);
        let m = of_series(
            &s,
            SeriesId::new(0),
            &ranking::of_series(&s, SeriesId::new(0)),
        );
        assert_eq!((m.meetings.len(), m.earlier), (COLUMNS, 30 - COLUMNS));
        assert_eq!(m.rows.len(), 1, "Old only came to a meeting not shown");
        assert_eq!(m.rows[0].attended, 29);
    }
}
