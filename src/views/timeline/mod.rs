//! Activity timelines: an entity's or topic's meetings, decisions and
//! actions over the years, as an SVG drawn at build time.
//!
//! Three lanes share one time axis. While there are few marks, each meeting
//! has its own (a circle for a meeting, a diamond for its decisions, a square
//! for its actions, coloured by status), linked to its place on the meeting's
//! page; past [`MAX_MARKS`], marks are counted per month (spans of up to
//! [`MONTHS`] months) or per year and drawn as bars, each linked to the
//! latest meeting it counts. Either way the picture stays a few tens of
//! kilobytes, whatever the size of the site.
//!
//! It is drawn twice ([`Picture`]): 720 units wide for a wide screen, and
//! 360 wide for a phone, where it is shown at about its own size, so its
//! text stays as large as the wide one's and every year fits the screen;
//! the lanes' labels stand on two lines there. The key lists the kinds of
//! mark drawn, no other ([`SWATCHES`]).
//!
//! It must never depend on anything but the graph (no clock, no randomness)
//! and never write a name unescaped: all markup goes through [`Svg`].

use std::collections::{BTreeMap, BTreeSet};

mod marks;

use super::svg::{Svg, V};
use super::{Href, Picture, Swatch, key_of, swatch};
use crate::graph::{ActionId, DecisionId, EntityId, MeetingId, Site, TopicId};
use crate::i18n::{Arg, Strings};
use crate::model::date::PartialDate;

/// The measures of a timeline at one size.
#[derive(Debug, Clone, Copy)]
struct Frame {
    width: f64,
    /// Room on the left for the lanes' labels, and on the right.
    left: f64,
    right: f64,
    /// Each lane's label on two lines, its name above its count.
    stacked: bool,
    class: &'static str,
}

const WIDE: Frame = Frame {
    width: 720.0,
    left: 104.0,
    right: 14.0,
    stacked: false,
    class: "q-viz q-timeline",
};
const SMALL: Frame = Frame {
    width: 360.0,
    left: 78.0,
    right: 10.0,
    stacked: true,
    class: "q-viz q-timeline q-viz--small",
};
/// The least room, in units, between two labelled years.
const YEAR_LABEL: f64 = 40.0;

const TOP: f64 = 6.0;
const LANE: f64 = 30.0;
const AXIS: f64 = 30.0;

/// Up to this many marks (one per meeting and lane), each meeting has its own.
pub(crate) const MAX_MARKS: usize = 80;
/// Spans of up to this many months are counted by month, longer ones by year.
pub(crate) const MONTHS: i32 = 36;

/// Every entry of a timeline's key, in its order: a mark of each kind (one
/// meeting's), then bars (counts by month or year).
pub(crate) const SWATCHES: [Swatch; 11] = [
    swatch("circle", "q-viz__mark--meeting", "meeting", "key_meeting"),
    swatch(
        "diamond",
        "q-viz__mark--decision",
        "decision",
        "key_decision",
    ),
    swatch(
        "square",
        "q-viz__mark--open",
        "open action",
        "key_open_action",
    ),
    swatch(
        "square",
        "q-viz__mark--in-progress",
        "action in progress",
        "key_action_in_progress",
    ),
    swatch(
        "square",
        "q-viz__mark--overdue",
        "overdue action",
        "key_overdue_action",
    ),
    swatch(
        "square",
        "q-viz__mark--done",
        "done action",
        "key_done_action",
    ),
    swatch(
        "square",
        "q-viz__mark--dropped",
        "dropped action",
        "key_dropped_action",
    ),
    swatch("bar", "q-viz__mark--meeting", "meetings", "key_meetings"),
    swatch("bar", "q-viz__mark--decision", "decisions", "key_decisions"),
    swatch("bar", "q-viz__mark--action", "actions", "key_actions"),
    swatch(
        "bar",
        "q-viz__mark--overdue",
        "actions, some overdue",
        "key_actions_some_overdue",
    ),
];

/// A row of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Lane {
    Meetings,
    Decisions,
    Actions,
}

impl Lane {
    const ALL: [Lane; 3] = [Lane::Meetings, Lane::Decisions, Lane::Actions];

    /// The lane's name (the id of its string).
    fn label(self) -> &'static str {
        match self {
            Lane::Meetings => "meetings",
            Lane::Decisions => "decisions",
            Lane::Actions => "actions",
        }
    }

    /// `n` items of the lane, with their noun in its plural form.
    fn count(self, t: &Strings, n: usize) -> String {
        let id = match self {
            Lane::Meetings => "n_meetings",
            Lane::Decisions => "n_decisions",
            Lane::Actions => "n_actions",
        };
        t.count(id, n)
    }

    /// The section of a meeting page that lists this lane's items.
    fn section(self) -> &'static str {
        match self {
            Lane::Meetings => "",
            Lane::Decisions => "#q-meeting-decisions",
            Lane::Actions => "#q-meeting-actions",
        }
    }

    fn y(self) -> f64 {
        TOP + LANE * (self as usize as f64) + LANE / 2.0
    }
}

/// What a mark stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Item {
    /// A meeting, with the entity's part in it (`Chair`, `Attended`, …).
    Meeting(&'static str),
    Decision(DecisionId),
    Action(ActionId),
}

/// One thing that happened at a meeting.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Event {
    pub lane: Lane,
    pub meeting: MeetingId,
    pub item: Item,
}

/// The timeline of entity `e`: the meetings it is involved in, the decisions
/// of those meetings, and the actions it owns.
pub(crate) fn of_entity(site: &Site, e: EntityId, href: &Href, t: &Strings) -> Picture {
    let ent = &site.entities[e];
    let mut events = Vec::new();
    for &m in &ent.meetings {
        let part = if ent.chaired.binary_search(&m).is_ok() {
            "chair"
        } else if ent.attended.binary_search_by_key(&m, |a| a.0).is_ok() {
            "attended"
        } else {
            "named"
        };
        events.push(Event {
            lane: Lane::Meetings,
            meeting: m,
            item: Item::Meeting(part),
        });
        events.extend(site.meetings[m].decisions.iter().map(|&d| Event {
            lane: Lane::Decisions,
            meeting: m,
            item: Item::Decision(d),
        }));
    }
    events.extend(actions(site, &ent.actions));
    draw(site, &ent.name, &events, href, t)
}

/// The timeline of topic `t`: its meetings, decisions and actions.
pub(crate) fn of_topic(site: &Site, topic: TopicId, href: &Href, t: &Strings) -> Picture {
    let topic = &site.topics[topic];
    let mut events: Vec<Event> = topic
        .meetings
        .iter()
        .map(|&m| Event {
            lane: Lane::Meetings,
            meeting: m,
            item: Item::Meeting("on_the_agenda"),
        })
        .collect();
    events.extend(topic.decisions.iter().map(|&d| Event {
        lane: Lane::Decisions,
        meeting: site.decisions[d].meeting,
        item: Item::Decision(d),
    }));
    events.extend(actions(site, &topic.actions));
    draw(site, &topic.name, &events, href, t)
}

fn actions<'a>(site: &'a Site, list: &'a [ActionId]) -> impl Iterator<Item = Event> + 'a {
    list.iter().map(|&a| Event {
        lane: Lane::Actions,
        meeting: site.actions[a].meeting,
        item: Item::Action(a),
    })
}

/// The horizontal scale: whole years from `first` to `last`.
struct Scale {
    first: i16,
    years: f64,
    left: f64,
    /// The width the years take.
    plot: f64,
}

impl Scale {
    fn at(&self, year_fraction: f64) -> f64 {
        self.left + (year_fraction - f64::from(self.first)) / self.years * self.plot
    }

    fn date(&self, d: PartialDate) -> f64 {
        let s = d.start();
        let day = f64::from(s.day_of_year() - 1) + if d.has_day() { 0.5 } else { 15.0 };
        self.at(f64::from(s.year()) + day / f64::from(s.days_in_year()))
    }

    fn month(&self, index: i32) -> f64 {
        self.at(f64::from(index) / 12.0)
    }
}

/// Draws `events` at both sizes (empty: no picture at all).
pub(crate) fn draw(site: &Site, name: &str, events: &[Event], href: &Href, t: &Strings) -> Picture {
    let Some((wide, used)) = draw_at(site, name, events, href, &WIDE, t) else {
        return Picture::default();
    };
    let small = draw_at(site, name, events, href, &SMALL, t).map_or_else(String::new, |(s, _)| s);
    Picture {
        wide,
        small,
        key: key_of(&SWATCHES, &used),
    }
}

/// Draws `events` in `frame`; returns the SVG and the entries of
/// [`SWATCHES`] its marks are.
fn draw_at(
    site: &Site,
    name: &str,
    events: &[Event],
    href: &Href,
    frame: &Frame,
    t: &Strings,
) -> Option<(String, BTreeSet<usize>)> {
    let first = events.iter().map(|e| e.meeting).min()?;
    let last = events.iter().map(|e| e.meeting).max()?;
    let (from, to) = (site.meetings[first].date, site.meetings[last].date);
    let scale = Scale {
        first: from.year(),
        years: f64::from(to.year() - from.year() + 1),
        left: frame.left,
        plot: frame.width - frame.left - frame.right,
    };
    let mut counts = [0usize; 3];
    let mut groups: BTreeMap<(Lane, MeetingId), Vec<Item>> = BTreeMap::new();
    for e in events {
        counts[e.lane as usize] += 1;
        groups.entry((e.lane, e.meeting)).or_default().push(e.item);
    }
    let years = if from.year() == to.year() {
        from.year().to_string()
    } else {
        format!("{}–{}", from.year(), to.year())
    };
    let summary: Vec<String> = Lane::ALL
        .iter()
        .map(|&l| l.count(t, counts[l as usize]))
        .collect();
    let label = t.format(
        "timeline_label",
        &[
            ("name", Arg::Text(name)),
            ("years", Arg::Text(&years)),
            ("counts", Arg::Text(&summary.join(t.get("list_sep")))),
        ],
    );
    let height = TOP + 3.0 * LANE + AXIS;
    let mut svg = Svg::new(frame.width, height, frame.class, &label);
    axis(&mut svg, &scale, to.year(), t);
    for lane in Lane::ALL {
        lane_line(&mut svg, frame, lane, counts[lane as usize], t);
    }
    let span = months(to) - months(from);
    let mut used = BTreeSet::new();
    if groups.len() <= MAX_MARKS {
        for ((lane, m), items) in &groups {
            used.insert(marks::mark(
                &mut svg,
                site,
                &scale,
                (*lane, *m),
                items,
                href,
                t,
            ));
        }
    } else {
        used = marks::bars(&mut svg, site, &scale, &groups, span < MONTHS, href, t);
    }
    Some((svg.finish(), used))
}

/// A lane's line and its label: its name and how many marks it counts.
fn lane_line(svg: &mut Svg, frame: &Frame, lane: Lane, count: usize, t: &Strings) {
    let y = lane.y();
    svg.empty(
        "line",
        &[
            ("class", V::S("q-viz__lane")),
            ("x1", V::N(frame.left)),
            ("x2", V::N(frame.width - frame.right)),
            ("y1", V::N(y)),
            ("y2", V::N(y)),
        ],
    );
    let x = V::N(frame.left - if frame.stacked { 6.0 } else { 8.0 });
    let lines = if frame.stacked {
        vec![
            (t.get(lane.label()).to_owned(), y - 2.0),
            (count.to_string(), y + 10.0),
        ]
    } else {
        vec![(format!("{} {count}", t.get(lane.label())), y + 4.0)]
    };
    for (text, at) in lines {
        svg.text(
            "text",
            &[
                ("class", V::S("q-viz__label")),
                ("x", x),
                ("y", V::N(at)),
                ("text-anchor", V::S("end")),
            ],
            &text,
        );
    }
}

fn months(d: PartialDate) -> i32 {
    i32::from(d.year()) * 12 + i32::from(d.start().month()) - 1
}

/// Year lines and labels (and quarters, for spans of two years or less):
/// every year labelled where there is room, else every second, fifth, … .
fn axis(svg: &mut Svg, scale: &Scale, last: i16, t: &Strings) {
    let bottom = TOP + 3.0 * LANE;
    let years = scale.years as i16;
    let per_year = scale.plot / scale.years;
    let step = [1, 2, 5, 10, 20, 50, 100]
        .into_iter()
        .find(|&s| f64::from(s) * per_year >= YEAR_LABEL)
        .unwrap_or(100);
    svg.open("g", &[("class", V::S("q-viz__axis"))]);
    for y in scale.first..=last + 1 {
        let x = scale.at(f64::from(y));
        svg.empty(
            "line",
            &[
                ("class", V::S("q-viz__grid")),
                ("x1", V::N(x)),
                ("x2", V::N(x)),
                ("y1", V::N(TOP)),
                ("y2", V::N(bottom + 4.0)),
            ],
        );
        if y > last || y.rem_euclid(step) != 0 {
            continue;
        }
        let year = y.to_string();
        if years <= 2 {
            for (q, name) in [
                "month_short_1",
                "month_short_4",
                "month_short_7",
                "month_short_10",
            ]
            .map(|id| t.get(id))
            .iter()
            .enumerate()
            {
                let qx = scale.month(i32::from(y) * 12 + 3 * q as i32);
                svg.text(
                    "text",
                    &[("x", V::N(qx + 3.0)), ("y", V::N(bottom + 14.0))],
                    name,
                );
            }
            svg.text(
                "text",
                &[("x", V::N(x + 3.0)), ("y", V::N(bottom + 27.0))],
                &year,
            );
        } else {
            let mid = scale.at(f64::from(y) + 0.5);
            svg.text(
                "text",
                &[
                    ("x", V::N(mid)),
                    ("y", V::N(bottom + 16.0)),
                    ("text-anchor", V::S("middle")),
                ],
                &year,
            );
        }
    }
    svg.close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Id, Target};
    use crate::views::svg::tests::elements;
    use crate::views::tests::{entity, site};

    fn href(t: Target) -> String {
        match t {
            Target::Meeting(m) => format!("/meetings/{}/", m.index()),
            other => format!("/{other:?}/"),
        }
    }

    #[test]
    fn few_meetings_each_get_a_mark_linked_to_their_place() {
        let s = site(&[
            ("topics/roads.md", "---\nname: Roads & <Rails>\n---\n"),
            (
                "meetings/a.md",
                "---\ntitle: First <one>\ndate: 2022-03\ntopics: [Roads & <Rails>]\nactions:\n  - { id: fix, owner: Ann, text: Fix <it>, due: 2022-04-01, topics: [Roads & <Rails>] }\n  - { id: pave, owner: Ann, text: Pave, status: done, topics: [Roads & <Rails>] }\ndecisions:\n  - { text: Go ahead, topics: [Roads & <Rails>] }\n---\n",
            ),
            (
                "meetings/b.md",
                "---\ntitle: Second\ndate: 2024-01-05\ntopics: [Roads & <Rails>]\n---\n",
            ),
        ]);
        let picture = of_topic(&s, TopicId::new(0), &href, &Strings::english());
        assert_eq!(
            picture,
            of_topic(&s, TopicId::new(0), &href, &Strings::english()),
            "the same picture every time"
        );
        let svg = picture.wide;
        let names = elements(&svg);
        // Two meetings, one decision, two actions at one meeting: four marks.
        assert_eq!(names.iter().filter(|n| *n == "a").count(), 4, "{svg}");
        assert!(svg.contains("Activity of Roads &amp; &lt;Rails&gt;, 2022–2024: 2 meetings, 1 decision, 2 actions"), "{svg}");
        assert!(svg.contains("href=\"/meetings/0/#q-decision-1\""), "{svg}");
        assert!(
            svg.contains("href=\"/meetings/0/#q-meeting-actions\""),
            "{svg}"
        );
        assert!(
            svg.contains("2 actions at First &lt;one&gt;, March 2022: fix, pave"),
            "{svg}"
        );
        // The overdue action colours the pair.
        assert!(svg.contains("q-viz__mark--overdue"), "{svg}");
        assert!(!svg.contains("<one>") && !svg.contains("<Rails>"));
        for y in ["2022", "2023", "2024"] {
            assert!(svg.contains(&format!(">{y}</text>")), "{y}: {svg}");
        }
    }

    #[test]
    fn many_meetings_are_counted_in_bars() {
        let files: Vec<(String, String)> = (0..100)
            .map(|i| {
                (
                    format!("meetings/m{i:03}.md"),
                    format!(
                        "---\ntitle: M{i}\ndate: {}-{:02}-01\nattendees: [Ann]\n---\n",
                        2010 + i / 12,
                        i % 12 + 1
                    ),
                )
            })
            .collect();
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let s = site(&refs);
        let ann = entity(&s, "Ann");
        let svg = of_entity(&s, ann, &href, &Strings::english()).wide;
        let names = elements(&svg);
        // 100 monthly meetings over 9 years: one bar a year.
        assert_eq!(names.iter().filter(|n| *n == "a").count(), 9, "{svg}");
        assert!(
            svg.contains("12 meetings in 2010 — latest: M11, 1 December 2010"),
            "{svg}"
        );
        assert!(
            svg.contains("4 meetings in 2018 — latest: M99, 1 April 2018"),
            "{svg}"
        );
        assert!(svg.len() < 8_000, "{} bytes", svg.len());
        assert_eq!(svg, of_entity(&s, ann, &href, &Strings::english()).wide);
    }

    #[test]
    fn nothing_to_draw_draws_nothing() {
        let s = site(&[("topics/x.md", "---\nname: X\n---\n")]);
        assert_eq!(
            of_topic(&s, TopicId::new(0), &href, &Strings::english()),
            Picture::default()
        );
    }

    fn labels(key: &[Swatch]) -> Vec<&str> {
        key.iter().map(|k| k.label).collect()
    }

    #[test]
    fn the_key_lists_the_kinds_of_mark_drawn_and_no_other() {
        // A done action shares its mark with an overdue one: the mark is
        // overdue, and "done" is not in the key; no action is in progress
        // or dropped, and nothing is counted in bars.
        let s = site(&[
            ("topics/roads.md", "---\nname: Roads\n---\n"),
            (
                "meetings/a.md",
                "---\ntitle: A\ndate: 2022-03\ntopics: [Roads]\nactions:\n  - { owner: Ann, text: Fix, due: 2022-04-01, topics: [Roads] }\n  - { owner: Ann, text: Pave, status: done, topics: [Roads] }\n---\n",
            ),
            (
                "meetings/b.md",
                "---\ntitle: B\ndate: 2023-01-05\ntopics: [Roads]\ndecisions:\n  - { text: Go, topics: [Roads] }\n---\n",
            ),
        ]);
        let key = of_topic(&s, TopicId::new(0), &href, &Strings::english()).key;
        assert_eq!(labels(&key), ["meeting", "decision", "overdue action"]);
        assert_eq!(key[2].shape, "square");
        assert_eq!(key[2].class, "q-viz__mark--overdue");
        // A person at meetings only: meetings, nothing else.
        let ann = entity(&s, "Ann");
        let key = of_entity(&s, ann, &href, &Strings::english()).key;
        assert_eq!(labels(&key), ["meeting", "overdue action"]);
        // Every swatch of the key is a class the picture uses.
        let picture = of_topic(&s, TopicId::new(0), &href, &Strings::english());
        for k in of_topic(&s, TopicId::new(0), &href, &Strings::english()).key {
            assert!(picture.wide.contains(k.class), "{k:?}");
            assert!(picture.small.contains(k.class), "{k:?}");
        }
    }

    #[test]
    fn a_key_of_bars_says_they_count() {
        let files: Vec<(String, String)> = (0..100)
            .map(|i| {
                let actions = if i == 99 {
                    "actions:\n  - { owner: Ann, text: Late, due: 2018-05-01 }\n"
                } else if i % 10 == 0 {
                    "actions:\n  - { owner: Ann, text: Old, status: done }\n"
                } else {
                    ""
                };
                (
                    format!("meetings/m{i:03}.md"),
                    format!(
                        "---\ntitle: M{i}\ndate: {}-{:02}-01\nattendees: [Ann]\n{actions}---\n",
                        2010 + i / 12,
                        i % 12 + 1
                    ),
                )
            })
            .collect();
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let s = site(&refs);
        let ann = entity(&s, "Ann");
        let key = of_entity(&s, ann, &href, &Strings::english()).key;
        assert_eq!(
            labels(&key),
            ["meetings", "actions", "actions, some overdue"]
        );
        assert!(key.iter().all(|k| k.shape == "bar"));
    }

    #[test]
    fn the_small_picture_has_the_same_marks_on_a_phones_width() {
        let files: Vec<(String, String)> = (0..40)
            .map(|i| {
                (
                    format!("meetings/m{i:03}.md"),
                    format!(
                        "---\ntitle: M{i}\ndate: {}-06-01\nattendees: [Ann]\n---\n",
                        1990 + i
                    ),
                )
            })
            .collect();
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let s = site(&refs);
        let ann = entity(&s, "Ann");
        let picture = of_entity(&s, ann, &href, &Strings::english());
        let (wide, small) = (elements(&picture.wide), elements(&picture.small));
        let links = |names: &[String]| names.iter().filter(|n| *n == "a").count();
        assert_eq!(links(&wide), 40);
        assert_eq!(links(&small), 40);
        assert!(
            picture.small.contains("viewBox=\"0 0 360 "),
            "{}",
            picture.small
        );
        assert!(picture.small.contains("q-viz--small"));
        // Forty years on 272 units: a label every tenth year.
        for y in ["1990", "2000", "2010", "2020"] {
            assert!(picture.small.contains(&format!(">{y}</text>")), "{y}");
        }
        assert!(!picture.small.contains(">1995</text>"));
        // The lanes' labels stand on two lines: the name, then the count.
        assert!(picture.small.contains(">Meetings</text>"));
        assert!(picture.small.contains(">40</text>"));
        assert!(picture.wide.contains(">Meetings 40</text>"));
    }
}
