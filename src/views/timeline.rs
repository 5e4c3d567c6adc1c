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
//! It must never depend on anything but the graph (no clock, no randomness)
//! and never write a name unescaped: all markup goes through [`Svg`].

use std::collections::BTreeMap;

use super::svg::{Svg, V, ellipsize};
use super::{Href, status_label, tone, urgency};
use crate::graph::{Site, Target};
use crate::model::date::PartialDate;

const WIDTH: f64 = 720.0;
const LEFT: f64 = 104.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 6.0;
const LANE: f64 = 30.0;
const AXIS: f64 = 30.0;

/// Up to this many marks (one per meeting and lane), each meeting has its own.
pub const MAX_MARKS: usize = 80;
/// Spans of up to this many months are counted by month, longer ones by year.
pub const MONTHS: i32 = 36;

/// A row of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Lane {
    Meetings,
    Decisions,
    Actions,
}

impl Lane {
    const ALL: [Lane; 3] = [Lane::Meetings, Lane::Decisions, Lane::Actions];

    fn label(self) -> &'static str {
        match self {
            Lane::Meetings => "Meetings",
            Lane::Decisions => "Decisions",
            Lane::Actions => "Actions",
        }
    }

    fn noun(self, n: usize) -> &'static str {
        match (self, n) {
            (Lane::Meetings, 1) => "meeting",
            (Lane::Meetings, _) => "meetings",
            (Lane::Decisions, 1) => "decision",
            (Lane::Decisions, _) => "decisions",
            (Lane::Actions, 1) => "action",
            (Lane::Actions, _) => "actions",
        }
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
pub enum Item {
    /// A meeting, with the entity's part in it (`Chair`, `Attended`, …).
    Meeting(&'static str),
    Decision(usize),
    Action(usize),
}

/// One thing that happened at a meeting.
#[derive(Debug, Clone, Copy)]
pub struct Event {
    pub lane: Lane,
    pub meeting: usize,
    pub item: Item,
}

/// The timeline of entity `e`: the meetings it is involved in, the decisions
/// of those meetings, and the actions it owns.
pub fn of_entity(site: &Site, e: usize, href: &Href) -> String {
    let ent = &site.entities[e];
    let mut events = Vec::new();
    for &m in &ent.meetings {
        let part = if ent.chaired.binary_search(&m).is_ok() {
            "Chair"
        } else if ent.attended.binary_search_by_key(&m, |a| a.0).is_ok() {
            "Attended"
        } else {
            "Named"
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
    draw(site, &ent.name, &events, href)
}

/// The timeline of topic `t`: its meetings, decisions and actions.
pub fn of_topic(site: &Site, t: usize, href: &Href) -> String {
    let topic = &site.topics[t];
    let mut events: Vec<Event> = topic
        .meetings
        .iter()
        .map(|&m| Event {
            lane: Lane::Meetings,
            meeting: m,
            item: Item::Meeting("On the agenda"),
        })
        .collect();
    events.extend(topic.decisions.iter().map(|&d| Event {
        lane: Lane::Decisions,
        meeting: site.decisions[d].meeting,
        item: Item::Decision(d),
    }));
    events.extend(actions(site, &topic.actions));
    draw(site, &topic.name, &events, href)
}

fn actions<'a>(site: &'a Site, list: &'a [usize]) -> impl Iterator<Item = Event> + 'a {
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
}

impl Scale {
    fn at(&self, year_fraction: f64) -> f64 {
        LEFT + (year_fraction - f64::from(self.first)) / self.years * (WIDTH - LEFT - RIGHT)
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

/// Draws `events` (empty: no picture at all).
pub fn draw(site: &Site, name: &str, events: &[Event], href: &Href) -> String {
    let (Some(first), Some(last)) = (
        events.iter().map(|e| e.meeting).min(),
        events.iter().map(|e| e.meeting).max(),
    ) else {
        return String::new();
    };
    let (from, to) = (site.meetings[first].date, site.meetings[last].date);
    let scale = Scale {
        first: from.year(),
        years: f64::from(to.year() - from.year() + 1),
    };
    let mut counts = [0usize; 3];
    let mut groups: BTreeMap<(Lane, usize), Vec<Item>> = BTreeMap::new();
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
        .map(|&l| format!("{} {}", counts[l as usize], l.noun(counts[l as usize])))
        .collect();
    let label = format!("Activity of {name}, {years}: {}", summary.join(", "));
    let height = TOP + 3.0 * LANE + AXIS;
    let mut svg = Svg::new(WIDTH, height, "q-viz q-timeline", &label);
    axis(&mut svg, &scale, to.year());
    for lane in Lane::ALL {
        let y = lane.y();
        svg.empty(
            "line",
            &[
                ("class", V::S("q-viz__lane")),
                ("x1", V::N(LEFT)),
                ("x2", V::N(WIDTH - RIGHT)),
                ("y1", V::N(y)),
                ("y2", V::N(y)),
            ],
        );
        let text = format!("{} {}", lane.label(), counts[lane as usize]);
        svg.text(
            "text",
            &[
                ("class", V::S("q-viz__label")),
                ("x", V::N(LEFT - 8.0)),
                ("y", V::N(y + 4.0)),
                ("text-anchor", V::S("end")),
            ],
            &text,
        );
    }
    let span = months(to) - months(from);
    if groups.len() <= MAX_MARKS {
        for ((lane, m), items) in &groups {
            mark(&mut svg, site, &scale, *lane, *m, items, href);
        }
    } else {
        bars(&mut svg, site, &scale, &groups, span < MONTHS, href);
    }
    svg.finish()
}

fn months(d: PartialDate) -> i32 {
    i32::from(d.year()) * 12 + i32::from(d.start().month()) - 1
}

/// Year lines and labels (and quarters, for spans of two years or less).
fn axis(svg: &mut Svg, scale: &Scale, last: i16) {
    let bottom = TOP + 3.0 * LANE;
    let years = scale.years as i16;
    let step = match years {
        0..=12 => 1,
        13..=24 => 2,
        25..=60 => 5,
        _ => 10,
    };
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
        if y > last || (y - scale.first) % step != 0 {
            continue;
        }
        let year = y.to_string();
        if years <= 2 {
            for (q, name) in ["Jan", "Apr", "Jul", "Oct"].iter().enumerate() {
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

/// The mark of one meeting on one lane.
fn mark(
    svg: &mut Svg,
    site: &Site,
    scale: &Scale,
    lane: Lane,
    m: usize,
    items: &[Item],
    href: &Href,
) {
    let meeting = &site.meetings[m];
    let at = format!("{}, {}", meeting.doc.front.title, meeting.date.display());
    let mut link = href(Target::Meeting(m));
    let (title, tone) = match items {
        [Item::Meeting(part)] => (format!("{at} · {part}"), "meeting"),
        [Item::Decision(d)] => {
            let d = &site.decisions[*d];
            link.push_str(&format!("#q-decision-{}", d.number));
            let text = ellipsize(&d.text, 120);
            (format!("Decision {} of {at}: {text}", d.number), "decision")
        }
        [Item::Action(a)] => {
            let action = &site.actions[*a];
            link.push_str(&format!("#q-action-{}", action.number));
            let state = if action.overdue {
                "Overdue"
            } else {
                status_label(action.status)
            };
            let text = ellipsize(&action.text, 120);
            let title = format!("Action {} ({state}): {text} — decided at {at}", action.id);
            (title, tone(site, *a))
        }
        _ => {
            link.push_str(lane.section());
            several(site, lane, items, &at)
        }
    };
    let r = 4.5 + 1.2 * (items.len().min(5) - 1) as f64;
    let class = format!("q-viz__mark q-viz__mark--{tone}");
    svg.link(&link, &class, &title);
    shape(svg, lane, scale.date(meeting.date), lane.y(), r);
    svg.close();
}

/// The tooltip and tone of several items at one meeting.
fn several(site: &Site, lane: Lane, items: &[Item], at: &str) -> (String, &'static str) {
    let n = items.len();
    let mut title = format!("{n} {} at {at}", lane.noun(n));
    let mut worst = match lane {
        Lane::Decisions => "decision",
        _ => "meeting",
    };
    let ids: Vec<&str> = items
        .iter()
        .filter_map(|i| match i {
            Item::Action(a) => {
                let t = tone(site, *a);
                if urgency(t) >= urgency(worst) || worst == "meeting" {
                    worst = t;
                }
                Some(site.actions[*a].id.as_str())
            }
            _ => None,
        })
        .collect();
    if !ids.is_empty() {
        title.push_str(": ");
        title.push_str(&ids[..ids.len().min(4)].join(", "));
        if ids.len() > 4 {
            title.push_str(", …");
        }
    }
    (title, worst)
}

fn shape(svg: &mut Svg, lane: Lane, x: f64, y: f64, r: f64) {
    match lane {
        Lane::Meetings => svg.empty(
            "circle",
            &[("cx", V::N(x)), ("cy", V::N(y)), ("r", V::N(r))],
        ),
        Lane::Decisions => {
            let r = r * 1.25;
            let d = format!(
                "M{} {}l{r2} {r2}l-{r2} {r2}l-{r2} -{r2}z",
                super::svg::num(x),
                super::svg::num(y - r),
                r2 = super::svg::num(r),
            );
            svg.empty("path", &[("d", V::S(&d))]);
        }
        Lane::Actions => svg.empty(
            "rect",
            &[
                ("x", V::N(x - r)),
                ("y", V::N(y - r)),
                ("width", V::N(2.0 * r)),
                ("height", V::N(2.0 * r)),
                ("rx", V::N(1.5)),
            ],
        ),
    }
}

/// What one bar counts.
#[derive(Default)]
struct Bucket {
    count: usize,
    latest: usize,
    /// Actions by tone: overdue, open, in progress, done, dropped.
    tones: [usize; 5],
}

/// Counts per month or year, as bars.
fn bars(
    svg: &mut Svg,
    site: &Site,
    scale: &Scale,
    groups: &BTreeMap<(Lane, usize), Vec<Item>>,
    by_month: bool,
    href: &Href,
) {
    let mut buckets: BTreeMap<(Lane, i32), Bucket> = BTreeMap::new();
    for ((lane, m), items) in groups {
        let date = site.meetings[*m].date;
        let key = if by_month {
            months(date)
        } else {
            i32::from(date.year()) * 12
        };
        let b = buckets.entry((*lane, key)).or_default();
        b.count += items.len();
        b.latest = b.latest.max(*m);
        for i in items {
            if let Item::Action(a) = i {
                let slot = match tone(site, *a) {
                    "overdue" => 0,
                    "open" => 1,
                    "in-progress" => 2,
                    "done" => 3,
                    _ => 4,
                };
                b.tones[slot] += 1;
            }
        }
    }
    let mut most = [1usize; 3];
    for ((lane, _), b) in &buckets {
        most[*lane as usize] = most[*lane as usize].max(b.count);
    }
    let full = LANE - 6.0;
    for ((lane, key), b) in &buckets {
        let (x0, x1) = if by_month {
            (scale.month(*key), scale.month(key + 1))
        } else {
            (scale.month(*key), scale.month(key + 12))
        };
        let width = ((x1 - x0) * 0.76).max(1.5);
        let height = (full * b.count as f64 / most[*lane as usize] as f64).max(2.0);
        let base = lane.y() + full / 2.0;
        let latest = &site.meetings[b.latest];
        let when = if by_month {
            let d = latest.date.display();
            d.split_once(' ')
                .filter(|_| latest.date.has_day())
                .map_or(d.clone(), |(_, rest)| rest.to_owned())
        } else {
            latest.date.year().to_string()
        };
        let mut title = format!(
            "{} {} in {when} — latest: {}, {}",
            b.count,
            lane.noun(b.count),
            latest.doc.front.title,
            latest.date.display()
        );
        if *lane == Lane::Actions {
            let names = ["overdue", "open", "in progress", "done", "dropped"];
            let parts: Vec<String> = b
                .tones
                .iter()
                .zip(names)
                .filter(|(n, _)| **n > 0)
                .map(|(n, name)| format!("{n} {name}"))
                .collect();
            title.push_str(&format!(" ({})", parts.join(", ")));
        }
        let link = format!("{}{}", href(Target::Meeting(b.latest)), lane.section());
        let class = match lane {
            Lane::Meetings => "q-viz__bar q-viz__mark--meeting",
            Lane::Decisions => "q-viz__bar q-viz__mark--decision",
            Lane::Actions if b.tones[0] > 0 => "q-viz__bar q-viz__mark--overdue",
            Lane::Actions => "q-viz__bar q-viz__mark--action",
        };
        svg.link(&link, class, &title);
        svg.empty(
            "rect",
            &[
                ("x", V::N((x0 + x1) / 2.0 - width / 2.0)),
                ("y", V::N(base - height)),
                ("width", V::N(width)),
                ("height", V::N(height)),
            ],
        );
        svg.close();
    }
}
