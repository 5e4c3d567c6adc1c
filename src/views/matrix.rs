//! Attendance matrices: who came to the meetings of a series, in what role.
//!
//! Columns are the series' most recent meetings (at most [`COLUMNS`], oldest
//! first, so a wide series stays a table one can read and print); rows are
//! the entities that chaired or attended any of them, by kind, then by how
//! often they came, then by name. Each row also counts attendance over the
//! whole series. The cost is the series' meetings times their attendees.
//!
//! It holds indices and borrowed roles only: the render stage turns them
//! into links and text. It must never depend on anything but the graph.

use std::cmp::Reverse;
use std::collections::HashMap;

use crate::graph::Site;
use crate::model::front::EntityKind;

/// The most meetings a matrix shows as columns.
pub const COLUMNS: usize = 24;

/// An entity at one meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Not listed.
    Absent,
    /// Listed as an attendee, no role given.
    Present,
    /// Listed with a role.
    Role(&'a str),
    /// In the chair (with the role it was also listed with, if any).
    Chair(Option<&'a str>),
}

/// One entity's attendance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    pub entity: usize,
    /// One cell per column.
    pub cells: Vec<Cell<'a>>,
    /// Meetings of the whole series it attended or chaired.
    pub attended: usize,
    /// Meetings of the whole series it chaired.
    pub chaired: usize,
}

/// A series' attendance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix<'a> {
    /// The meetings shown, oldest first.
    pub meetings: Vec<usize>,
    /// Earlier meetings of the series not shown (they count in the totals).
    pub earlier: usize,
    /// By kind ([`EntityKind::ALL`] order), then attendance shown, then name.
    pub rows: Vec<Row<'a>>,
}

/// The matrix of series `s`.
pub fn of_series(site: &Site, s: usize) -> Matrix<'_> {
    let all = &site.series[s].meetings;
    let shown = &all[all.len().saturating_sub(COLUMNS)..];
    let mut totals: HashMap<usize, (usize, usize)> = HashMap::new();
    for &m in all {
        for e in present(site, m) {
            totals.entry(e).or_default().0 += 1;
        }
        if let Some(c) = site.meetings[m].chair {
            totals.entry(c).or_default().1 += 1;
        }
    }
    let mut rows: HashMap<usize, Row> = HashMap::new();
    for (col, &m) in shown.iter().enumerate() {
        let meeting = &site.meetings[m];
        let mut cells: Vec<(usize, Cell)> = meeting
            .attendees
            .iter()
            .map(|a| {
                (
                    a.entity,
                    a.role.as_deref().map_or(Cell::Present, Cell::Role),
                )
            })
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
            let row = rows.entry(e).or_insert_with(|| Row {
                entity: e,
                cells: vec![Cell::Absent; shown.len()],
                attended: totals.get(&e).map_or(0, |t| t.0),
                chaired: totals.get(&e).map_or(0, |t| t.1),
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

/// Entities at meeting `m`: the chair and the attendees, each once.
fn present(site: &Site, m: usize) -> impl Iterator<Item = usize> + '_ {
    let meeting = &site.meetings[m];
    let chair = meeting
        .chair
        .filter(|c| !meeting.attendees.iter().any(|a| a.entity == *c));
    chair
        .into_iter()
        .chain(meeting.attendees.iter().map(|a| a.entity))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::tests::site;

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
        let m = of_series(&s, 0);
        assert_eq!(m.meetings, [0, 1]);
        assert_eq!(m.earlier, 0);
        let org = s.entities.iter().position(|e| e.name == "Org").unwrap();
        let ann = s.entities.iter().position(|e| e.name == "Ann").unwrap();
        // Organizations before people (EntityKind::ALL order).
        assert_eq!(
            m.rows.iter().map(|r| r.entity).collect::<Vec<_>>(),
            [org, ann]
        );
        assert_eq!(
            m.rows[0].cells,
            [
                Cell::Role("Host & <guest>"),
                Cell::Chair(Some("Rapporteur"))
            ]
        );
        assert_eq!(m.rows[1].cells, [Cell::Chair(None), Cell::Present]);
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
        let m = of_series(&s, 0);
        assert_eq!((m.meetings.len(), m.earlier), (COLUMNS, 30 - COLUMNS));
        assert_eq!(m.rows.len(), 1, "Old only came to a meeting not shown");
        assert_eq!(m.rows[0].attended, 29);
    }
}
