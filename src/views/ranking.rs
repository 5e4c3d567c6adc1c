//! Attendance rankings: who came most often to the meetings of a series, and
//! how much of each series an entity came to.
//!
//! An entity is *present* at a meeting when the minutes list it as an
//! attendee or put it in the chair: a chair is present, so chairing counts
//! as attending (once a meeting, even when the chair is also listed). Its
//! *share* of a series is the meetings it was present at out of the
//! series' meetings from the first one it came to up to the series' last:
//! someone who joined late is not counted absent from what came before.
//!
//! A series' ranking walks that series' meetings once; an entity's tallies
//! walk its own meetings once and find where it joined each series by
//! binary search. Neither looks at the rest of the site, so a page about one
//! thing costs what that thing holds. The results are indices and borrowed
//! roles; the render stage turns them into links and text. It must never
//! depend on anything but the graph.

use std::cmp::Reverse;
use std::collections::HashMap;

use crate::graph::{EntityId, MeetingId, SeriesId, Site};

/// How much of a series an entity attended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Meetings it was present at (attended or chaired).
    pub attended: usize,
    /// Meetings it chaired.
    pub chaired: usize,
    /// The first and last meetings it was present at.
    pub first: MeetingId,
    pub last: MeetingId,
    /// Meetings of the series from `first` to the series' last, both counted.
    pub since: usize,
}

impl Tally {
    fn new(first: MeetingId) -> Tally {
        Tally {
            attended: 0,
            chaired: 0,
            first,
            last: first,
            since: 0,
        }
    }

    fn count(&mut self, meeting: MeetingId, chair: bool) {
        self.attended += 1;
        self.chaired += usize::from(chair);
        self.last = meeting;
    }

    /// `attended` as a percentage of `since` (see [`percent`]).
    pub(crate) fn share(&self) -> usize {
        percent(self.attended, self.since)
    }
}

/// `part` of `whole` in whole percent, rounded to the nearest, except that
/// only all of it is 100 and only none of it is 0: 199 of 200 meetings is
/// 99%, not a perfect record, and 1 of 300 is 1%, not nothing.
pub(crate) fn percent(part: usize, whole: usize) -> usize {
    if whole == 0 {
        return 0;
    }
    let p = (part * 100 + whole / 2) / whole;
    match part {
        0 => 0,
        _ if part >= whole => 100,
        _ => p.clamp(1, 99),
    }
}

/// An entity in a series' ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Member<'a> {
    pub entity: EntityId,
    /// 1-based; entities that attended as many meetings share a rank.
    pub rank: usize,
    pub tally: Tally,
    /// Its usual role at the series' meetings (see [`usual_role`]).
    pub role: Option<&'a str>,
}

/// Every entity present at any meeting of series `s`: most meetings
/// attended first, then by name.
pub(crate) fn of_series(site: &Site, s: SeriesId) -> Vec<Member<'_>> {
    let list = &site.series[s].meetings;
    let mut found: HashMap<EntityId, (Tally, Roles)> = HashMap::new();
    for &m in list {
        let meeting = &site.meetings[m];
        for a in &meeting.attendees {
            let (tally, roles) = found
                .entry(a.entity)
                .or_insert_with(|| (Tally::new(m), Roles::default()));
            tally.count(m, meeting.chair == Some(a.entity));
            roles.note(a.role.as_deref(), m);
        }
        if let Some(c) = meeting.chair
            && !meeting.attendees.iter().any(|a| a.entity == c)
        {
            let (tally, _) = found
                .entry(c)
                .or_insert_with(|| (Tally::new(m), Roles::default()));
            tally.count(m, true);
        }
    }
    let mut members: Vec<Member> = found
        .into_iter()
        .map(|(entity, (mut tally, roles))| {
            tally.since = list.len() - list.partition_point(|&m| m < tally.first);
            Member {
                entity,
                rank: 0,
                tally,
                role: roles.usual(),
            }
        })
        .collect();
    members.sort_by_cached_key(|m| {
        (
            Reverse(m.tally.attended),
            site.entities[m.entity].name.to_lowercase(),
            m.entity,
        )
    });
    for i in 0..members.len() {
        members[i].rank = match i {
            0 => 1,
            _ if members[i - 1].tally.attended == members[i].tally.attended => members[i - 1].rank,
            _ => i + 1,
        };
    }
    members
}

/// The roles an entity was listed with: (role, times, last meeting).
#[derive(Debug, Default)]
struct Roles<'a>(Vec<(Option<&'a str>, usize, MeetingId)>);

impl<'a> Roles<'a> {
    fn note(&mut self, role: Option<&'a str>, meeting: MeetingId) {
        match self.0.iter_mut().find(|r| r.0 == role) {
            Some(r) => {
                r.1 += 1;
                r.2 = meeting;
            }
            None => self.0.push((role, 1, meeting)),
        }
    }

    /// See [`usual_role`].
    fn usual(&self) -> Option<&'a str> {
        usual_role(&self.0)
    }
}

/// The role an entity is listed with most often: none when it is more
/// often listed without one; between roles given as often, a role before
/// none, then the one given last. `roles` are (role, times, last meeting).
pub(crate) fn usual_role<'a, M: Ord + Copy>(
    roles: &[(Option<&'a str>, usize, M)],
) -> Option<&'a str> {
    roles
        .iter()
        .max_by_key(|(role, times, last)| (*times, role.is_some(), *last))
        .and_then(|r| r.0)
}

/// An entity's attendance of one series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SeriesTally {
    pub series: SeriesId,
    pub tally: Tally,
}

/// How much of each series entity `e` attended: most meetings first, then
/// by series name. Series it never came to are left out.
pub(crate) fn of_entity(site: &Site, e: EntityId) -> Vec<SeriesTally> {
    let mut found: Vec<SeriesTally> = Vec::new();
    let mut at: HashMap<SeriesId, usize> = HashMap::new();
    for (m, chair) in present_at(site, e) {
        let Some(s) = site.meetings[m].series else {
            continue;
        };
        let i = *at.entry(s).or_insert_with(|| {
            found.push(SeriesTally {
                series: s,
                tally: Tally::new(m),
            });
            found.len() - 1
        });
        found[i].tally.count(m, chair);
    }
    for f in &mut found {
        let list = &site.series[f.series].meetings;
        f.tally.since = list.len() - list.partition_point(|&m| m < f.tally.first);
    }
    found.sort_by_cached_key(|f| {
        (
            Reverse(f.tally.attended),
            site.series[f.series].name.to_lowercase(),
            f.series,
        )
    });
    found
}

/// The meetings entity `e` was present at, in meeting order, each once,
/// with whether it chaired: its attended and chaired lists merged (both
/// are in meeting order).
fn present_at(site: &Site, e: EntityId) -> Vec<(MeetingId, bool)> {
    let entity = &site.entities[e];
    let (attended, chaired) = (&entity.attended, &entity.chaired);
    let mut out = Vec::with_capacity(attended.len() + chaired.len());
    let (mut a, mut c) = (0, 0);
    while a < attended.len() || c < chaired.len() {
        let next_a = attended.get(a).map(|x| x.0);
        let next_c = chaired.get(c).copied();
        match (next_a, next_c) {
            (Some(x), Some(y)) if x == y => {
                out.push((x, true));
                a += 1;
                c += 1;
            }
            (Some(x), Some(y)) if x < y => {
                out.push((x, false));
                a += 1;
            }
            (Some(x), None) => {
                out.push((x, false));
                a += 1;
            }
            (_, Some(y)) => {
                out.push((y, true));
                c += 1;
            }
            (None, None) => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Id;
    use crate::views::tests::{entity, site};

    /// A series "S" of meetings on consecutive days of January 2024, each
    /// `(chair, attendees)`; attendees may be `Name|role`.
    fn series(meetings: &[(&str, &[&str])]) -> Site {
        let files: Vec<(String, String)> = meetings
            .iter()
            .enumerate()
            .map(|(i, (chair, who))| {
                let attendees: Vec<String> = who
                    .iter()
                    .map(|w| match w.split_once('|') {
                        Some((name, role)) => format!("{{ ref: {name}, role: {role} }}"),
                        None => (*w).to_owned(),
                    })
                    .collect();
                let chair = match *chair {
                    "" => String::new(),
                    c => format!("chair: {c}\n"),
                };
                (
                    format!("meetings/m{i:02}.md"),
                    format!(
                        "---\ntitle: M{i}\ndate: 2024-01-{:02}\nseries: S\n{chair}attendees: [{}]\n---\n",
                        i + 1,
                        attendees.join(", ")
                    ),
                )
            })
            .collect();
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        site(&refs)
    }

    /// (name, rank, attended, chaired, since, share) of each member.
    fn table(s: &Site) -> Vec<(String, usize, usize, usize, usize, usize)> {
        of_series(s, SeriesId::new(0))
            .iter()
            .map(|m| {
                let t = m.tally;
                (
                    s.entities[m.entity].name.clone(),
                    m.rank,
                    t.attended,
                    t.chaired,
                    t.since,
                    t.share(),
                )
            })
            .collect()
    }

    #[test]
    fn most_meetings_first_ties_by_name_sharing_a_rank() {
        let s = series(&[
            ("", &["Cy", "bo", "Ann"]),
            ("", &["Cy", "Ann"]),
            ("", &["Cy", "bo"]),
            ("", &["Di"]),
        ]);
        let t: Vec<(String, usize, usize)> =
            table(&s).into_iter().map(|r| (r.0, r.1, r.2)).collect();
        assert_eq!(
            t,
            [
                ("Cy".to_owned(), 1, 3),
                ("Ann".to_owned(), 2, 2),
                ("bo".to_owned(), 2, 2),
                ("Di".to_owned(), 4, 1),
            ]
        );
    }

    #[test]
    fn a_late_joiner_is_counted_from_their_first_meeting() {
        let s = series(&[
            ("", &["Ann"]),
            ("", &["Ann"]),
            ("", &["Ann", "Bo"]),
            ("", &["Bo"]),
            ("", &["Ann"]),
        ]);
        let t = table(&s);
        // Ann: 4 of all 5. Bo: 2 of the 3 meetings from the third on.
        assert_eq!(t[0], ("Ann".to_owned(), 1, 4, 0, 5, 80));
        assert_eq!(t[1], ("Bo".to_owned(), 2, 2, 0, 3, 67));
        let bo = of_series(&s, SeriesId::new(0))[1].tally;
        assert_eq!((bo.first, bo.last), (MeetingId::new(2), MeetingId::new(3)));
    }

    #[test]
    fn a_chair_is_present_once_whether_listed_or_not() {
        let s = series(&[("Ann", &["Ann", "Bo"]), ("Ann", &["Bo"]), ("Bo", &[])]);
        let t = table(&s);
        assert_eq!(t[0], ("Bo".to_owned(), 1, 3, 1, 3, 100));
        assert_eq!(t[1], ("Ann".to_owned(), 2, 2, 2, 3, 67));
        // The same counts from the entity's side.
        let ann = of_entity(&s, entity(&s, "Ann"));
        assert_eq!(ann.len(), 1);
        assert_eq!(ann[0].tally, of_series(&s, SeriesId::new(0))[1].tally);
        let bo = of_entity(&s, entity(&s, "Bo"));
        assert_eq!(bo[0].tally, of_series(&s, SeriesId::new(0))[0].tally);
    }

    #[test]
    fn an_entitys_series_most_attended_first_meetings_outside_series_left_out() {
        let s = site(&[
            (
                "meetings/a1.md",
                "---\ntitle: A1\ndate: 2024-01-01\nseries: Alpha\nattendees: [Ann]\n---\n",
            ),
            (
                "meetings/b1.md",
                "---\ntitle: B1\ndate: 2024-01-02\nseries: Beta\nattendees: [Bo]\n---\n",
            ),
            (
                "meetings/b2.md",
                "---\ntitle: B2\ndate: 2024-01-03\nseries: Beta\nchair: Ann\n---\n",
            ),
            (
                "meetings/b3.md",
                "---\ntitle: B3\ndate: 2024-01-04\nseries: Beta\nattendees: [Ann]\n---\n",
            ),
            (
                "meetings/x.md",
                "---\ntitle: X\ndate: 2024-01-05\nattendees: [Ann]\n---\n",
            ),
        ]);
        let ann = of_entity(&s, entity(&s, "Ann"));
        let names: Vec<(&str, usize, usize, usize, usize)> = ann
            .iter()
            .map(|t| {
                (
                    s.series[t.series].name.as_str(),
                    t.tally.attended,
                    t.tally.chaired,
                    t.tally.since,
                    t.tally.share(),
                )
            })
            .collect();
        assert_eq!(names, [("Beta", 2, 1, 2, 100), ("Alpha", 1, 0, 1, 100)]);
    }

    #[test]
    fn the_usual_role_is_the_most_frequent_one() {
        let s = series(&[
            ("", &["Ann|Director", "Bo", "Cy|Guest"]),
            ("", &["Ann|Deputy", "Bo", "Cy"]),
            ("", &["Ann|Director", "Bo|Rapporteur"]),
        ]);
        let roles: Vec<(String, Option<&str>)> = of_series(&s, SeriesId::new(0))
            .iter()
            .map(|m| (s.entities[m.entity].name.clone(), m.role))
            .collect();
        assert_eq!(
            roles,
            [
                ("Ann".to_owned(), Some("Director")),
                ("Bo".to_owned(), None),
                ("Cy".to_owned(), Some("Guest")),
            ]
        );
        // As often as not: a role rather than none, then the latest.
        assert_eq!(
            usual_role(&[(Some("A"), 2, 5), (None, 2, 9), (Some("B"), 2, 7)]),
            Some("B")
        );
    }

    #[test]
    fn shares_are_whole_percent_and_only_all_is_a_hundred() {
        assert_eq!(percent(182, 203), 90);
        assert_eq!(percent(199, 200), 99);
        assert_eq!(percent(1, 300), 1);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(5, 5), 100);
        assert_eq!(percent(0, 5), 0);
        assert_eq!(percent(0, 0), 0);
    }
}
