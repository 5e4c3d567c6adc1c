//! The marks of a timeline: one per meeting and lane, or bars that count
//! a month or a year. Each is a link with its `<title>`, and says which
//! entry of the key ([`super::SWATCHES`]) it is.

use std::collections::{BTreeMap, BTreeSet};

use super::{Item, LANE, Lane, Scale, months};
use crate::graph::{MeetingId, Site, Target};
use crate::i18n::{Arg, Strings};
use crate::views::svg::{Svg, V, ellipsize, num};
use crate::views::{Href, tone, urgency};

/// The entry of [`super::SWATCHES`] of a mark of `tone`.
fn swatch(tone: &str) -> usize {
    match tone {
        "meeting" => 0,
        "decision" => 1,
        "open" => 2,
        "in-progress" => 3,
        "overdue" => 4,
        "done" => 5,
        _ => 6,
    }
}

/// The mark of one meeting on one lane; returns its entry of the key.
pub(super) fn mark(
    svg: &mut Svg,
    site: &Site,
    scale: &Scale,
    (lane, m): (Lane, MeetingId),
    items: &[Item],
    href: &Href,
    t: &Strings,
) -> usize {
    let meeting = &site.meetings[m];
    let at = format!(
        "{}, {}",
        meeting.doc.front.title,
        meeting.date.display(t.dates())
    );
    let mut link = href(Target::Meeting(m));
    let (title, tone) = match items {
        [Item::Meeting(part)] => (format!("{at} · {}", t.get(part)), "meeting"),
        [Item::Decision(d)] => {
            let d = &site.decisions[*d];
            link.push_str(&format!("#q-decision-{}", d.number));
            let text = ellipsize(&d.text, 120);
            let title = t.format(
                "timeline_decision",
                &[
                    ("number", Arg::Number(d.number as f64)),
                    ("at", Arg::Text(&at)),
                    ("text", Arg::Text(&text)),
                ],
            );
            (title, "decision")
        }
        [Item::Action(a)] => {
            let action = &site.actions[*a];
            link.push_str(&format!("#q-action-{}", action.number));
            let state = if action.overdue {
                t.get("overdue")
            } else {
                t.status(action.status)
            };
            let text = ellipsize(&action.text, 120);
            let title = t.format(
                "timeline_action",
                &[
                    ("id", Arg::Text(&action.id)),
                    ("state", Arg::Text(state)),
                    ("text", Arg::Text(&text)),
                    ("at", Arg::Text(&at)),
                ],
            );
            (title, tone(site, *a))
        }
        _ => {
            link.push_str(lane.section());
            several(site, lane, items, &at, t)
        }
    };
    let r = 4.5 + 1.2 * (items.len().min(5) - 1) as f64;
    let class = format!("q-viz__mark q-viz__mark--{tone}");
    svg.link(&link, &class, &title);
    shape(svg, lane, scale.date(meeting.date), lane.y(), r);
    svg.close();
    swatch(tone)
}

/// The tooltip and tone of several items at one meeting.
fn several(
    site: &Site,
    lane: Lane,
    items: &[Item],
    at: &str,
    t: &Strings,
) -> (String, &'static str) {
    let n = items.len();
    let mut title = t.format(
        "timeline_several",
        &[
            ("items", Arg::Text(&lane.count(t, n))),
            ("at", Arg::Text(at)),
        ],
    );
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
        title.push_str(&ids[..ids.len().min(4)].join(t.get("list_sep")));
        if ids.len() > 4 {
            title.push_str(t.get("list_sep"));
            title.push('…');
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
                num(x),
                num(y - r),
                r2 = num(r),
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
struct Bucket {
    count: usize,
    latest: MeetingId,
    /// Actions by tone: overdue, open, in progress, done, dropped.
    tones: [usize; 5],
}

/// Counts per month or year, as bars; returns their entries of the key.
pub(super) fn bars(
    svg: &mut Svg,
    site: &Site,
    scale: &Scale,
    groups: &BTreeMap<(Lane, MeetingId), Vec<Item>>,
    by_month: bool,
    href: &Href,
    t: &Strings,
) -> BTreeSet<usize> {
    let mut used = BTreeSet::new();
    let mut buckets: BTreeMap<(Lane, i32), Bucket> = BTreeMap::new();
    for ((lane, m), items) in groups {
        let date = site.meetings[*m].date;
        let key = if by_month {
            months(date)
        } else {
            i32::from(date.year()) * 12
        };
        let b = buckets.entry((*lane, key)).or_insert_with(|| Bucket {
            count: 0,
            latest: *m,
            tones: [0; 5],
        });
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
        let dates = t.dates();
        let when = if by_month {
            // The month alone, whatever the latest meeting's precision.
            crate::model::date::PartialDate::parse(&format!(
                "{:04}-{:02}",
                latest.date.year(),
                latest.date.start().month()
            ))
            .map_or_else(|_| latest.date.display(dates), |m| m.display(dates))
        } else {
            latest.date.year().to_string()
        };
        let mut title = t.format(
            "timeline_bar",
            &[
                ("items", Arg::Text(&lane.count(t, b.count))),
                ("when", Arg::Text(&when)),
                ("latest", Arg::Text(&latest.doc.front.title)),
                ("date", Arg::Text(&latest.date.display(dates))),
            ],
        );
        if *lane == Lane::Actions {
            let names = [
                t.get("overdue"),
                t.status(crate::model::front::Status::Open),
                t.status(crate::model::front::Status::InProgress),
                t.status(crate::model::front::Status::Done),
                t.status(crate::model::front::Status::Dropped),
            ];
            let parts: Vec<String> = b
                .tones
                .iter()
                .zip(names)
                .filter(|(n, _)| **n > 0)
                .map(|(n, name)| format!("{n} {name}"))
                .collect();
            title.push_str(&format!(" ({})", parts.join(t.get("list_sep"))));
        }
        let link = format!("{}{}", href(Target::Meeting(b.latest)), lane.section());
        let (class, entry) = match lane {
            Lane::Meetings => ("q-viz__bar q-viz__mark--meeting", 7),
            Lane::Decisions => ("q-viz__bar q-viz__mark--decision", 8),
            Lane::Actions if b.tones[0] > 0 => ("q-viz__bar q-viz__mark--overdue", 10),
            Lane::Actions => ("q-viz__bar q-viz__mark--action", 9),
        };
        used.insert(entry);
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
    used
}
